/* WordprocessingML stories (document, header, footer, notes, comments) → parts.
 *
 * One streaming pass per XML part. A stack of frames mirrors the open elements; a stack of
 * stories says where paragraphs go (the part's own story, a text box, a comment); a stack of
 * revisions says whether text is inserted or deleted. Text reaches a part only from w:t,
 * w:delText and m:t, so every wrapper (hyperlink, sdt, smartTag, customXml, fldSimple, bdo …)
 * is transparent without being named here.
 *
 * Fields: w:instrText (the field code) is dropped, w:t is always kept. Word's cached field result
 * lies between fldChar separate and end and is kept; we do not suppress w:t between begin and
 * separate because a malformed field (begin without end) would otherwise hide the rest of the
 * document from review — keeping a little too much is the safe side.
 */
#include "docx.h"

#include <string.h>

#include "xml_read.h"

typedef enum {
    T_OTHER, T_P, T_R, T_RPR, T_PPR, T_TRPR, T_T, T_DELTEXT, T_SKIP_TEXT, T_TAB, T_BR, T_NBHYPHEN, T_SYM,
    T_TBL, T_TR, T_TC, T_INS, T_DEL, T_VANISH, T_TXBX, T_NOTE, T_COMMENT, T_AC, T_CHOICE, T_FALLBACK, T_ALTCHUNK,
    T_TEXTPATH, T_RSTYLE, T_PSTYLE, T_TCPR, T_GRIDSPAN, T_GRIDBEFORE, T_GRIDCOL,
} Tok;

/* WordprocessingML local names that matter; everything else is T_OTHER (transparent). */
static const struct {
    const char *local;
    Tok tok;
} w_names[] = {
    {"p", T_P},
    {"r", T_R},
    {"rPr", T_RPR},
    {"pPr", T_PPR},
    {"trPr", T_TRPR},
    {"t", T_T},
    {"delText", T_DELTEXT},
    {"instrText", T_SKIP_TEXT},    /* field code */
    {"delInstrText", T_SKIP_TEXT},
    {"tab", T_TAB},
    {"ptab", T_TAB},
    {"br", T_BR},
    {"cr", T_BR},
    {"noBreakHyphen", T_NBHYPHEN},
    {"sym", T_SYM},
    {"tbl", T_TBL},
    {"tr", T_TR},
    {"tc", T_TC},
    {"tcPr", T_TCPR},
    {"gridSpan", T_GRIDSPAN},
    {"gridBefore", T_GRIDBEFORE},
    {"gridCol", T_GRIDCOL},
    {"ins", T_INS},
    {"moveTo", T_INS},
    {"del", T_DEL},
    {"moveFrom", T_DEL},
    {"vanish", T_VANISH},
    {"specVanish", T_VANISH},
    {"rStyle", T_RSTYLE},
    {"pStyle", T_PSTYLE},
    {"txbxContent", T_TXBX},
    {"footnote", T_NOTE},
    {"endnote", T_NOTE},
    {"comment", T_COMMENT},
    {"altChunk", T_ALTCHUNK},
};

static const struct {
    const char *local;
    Tok tok;
} mc_names[] = {
    {"AlternateContent", T_AC},
    {"Choice", T_CHOICE},
    {"Fallback", T_FALLBACK},
};

static gpointer build_w_table(gpointer unused)
{
    (void)unused;
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS(w_names); i++)
        g_hash_table_insert(h, (gpointer)w_names[i].local, GINT_TO_POINTER(w_names[i].tok));
    return h;
}

typedef struct {
    int depth;
    Tok tok;
    gboolean props;  /* a w:…Pr properties element: revisions inside are about formatting */
    guint8 pops;     /* what to undo at the end: POP_* */
} Frame;

enum { POP_STORY = 1, POP_REV = 2, POP_AC = 4, POP_TEXT = 8 };

typedef struct {
    PPPart *part;
    GString *para;      /* the open paragraph */
    GString *row;       /* the open row of an outermost table */
    int tbl;            /* table nesting depth within this story */
    int cells;          /* cells (grid columns) so far in the open row */
    int span;           /* grid columns the open cell spans */
    int grid_cols;      /* columns of the outermost table's grid (0: not said) */
    gboolean cell_nonempty;
    int run_vanish;     /* the run's own w:vanish: -1 not said, 0 off, 1 on */
    int run_style;      /* its character style's say: 0 none, PP_STYLE_SHOWS, PP_STYLE_HIDES */
    int para_style;     /* the paragraph style's say, likewise */
} Story;

typedef struct {
    gboolean del;
    char *author;
} Rev;

typedef struct {
    PPDoc *doc;
    const char *entry;
    PPTextBudget *budget;
    GHashTable *hidden_styles; /* nullable, borrowed */
    PPXml *x;
    GArray *frames;      /* Frame */
    GPtrArray *stories;  /* Story*, owned */
    GArray *revs;        /* Rev, authors owned */
    GArray *acs;         /* gboolean: a branch of this mc:AlternateContent was taken */
    GHashTable *sides;   /* "kind|tag|author" → PPPart* (borrowed from doc) */
    PPPart *last_side;   /* side part the previous text went to, to keep split runs joined */
    gboolean alt_chunk;  /* an imported chunk (HTML/RTF/another DOCX) was seen and noted */
    int text_mode;       /* 0 none, 1 text, 2 deleted text */
    GError *error;
} Walker;

static Story *story_new(PPDoc *doc, PPPartKind kind, const char *entry, const char *author)
{
    Story *s = g_new0(Story, 1);
    s->part = pp_doc_add_part(doc, kind, 0, entry);
    s->part->author = g_strdup(author);
    s->para = g_string_new(NULL);
    s->row = g_string_new(NULL);
    s->run_vanish = -1;
    return s;
}

static void story_free(gpointer p)
{
    Story *s = p;
    g_string_free(s->para, TRUE);
    g_string_free(s->row, TRUE);
    g_free(s);
}

static Story *top_story(Walker *w) { return w->stories->pdata[w->stories->len - 1]; }

static gboolean run_hidden(const Story *st)
{
    if (st->run_vanish >= 0)
        return st->run_vanish;
    if (st->run_style)
        return st->run_style == PP_STYLE_HIDES;
    return st->para_style == PP_STYLE_HIDES;
}


static gboolean take(Walker *w, gsize n)
{
    if (w->error)
        return FALSE;
    return pp_docx_budget_take(w->budget, n, &w->error);
}

/* Text that is not body text: tracked changes, hidden text. One part per kind, tag and author in
 * this XML part; pieces not adjacent in the document go on separate lines. */
static void side_add(Walker *w, PPPartKind kind, const char *tag, const char *author, const char *s, gsize n)
{
    g_autofree char *key = g_strdup_printf("%d|%s|%s", kind, tag, author ? author : "");
    PPPart *p = g_hash_table_lookup(w->sides, key);
    if (!p) {
        p = pp_doc_add_part(w->doc, kind, 0, w->entry);
        p->author = g_strdup(author);
        g_hash_table_insert(w->sides, g_steal_pointer(&key), p);
    }
    if (p != w->last_side && p->text->len && p->text->str[p->text->len - 1] != '\n')
        g_string_append_c(p->text, '\n');
    g_string_append_len(p->text, s, (gssize)n);
    w->last_side = p;
}

static const Rev *top_rev(Walker *w)
{
    return w->revs->len ? &g_array_index(w->revs, Rev, w->revs->len - 1) : NULL;
}

/* Route a piece of run content: deleted → tracked_change only; hidden → hidden_text instead of
 * the paragraph; inserted → the paragraph and tracked_change. */
static void emit(Walker *w, const char *s, gsize n, gboolean deleted)
{
    if (!n || !take(w, n))
        return;
    Story *st = top_story(w);
    const Rev *rev = top_rev(w);
    if (deleted || (rev && rev->del)) {
        side_add(w, PP_PART_TRACKED_CHANGE, "del", rev ? rev->author : NULL, s, n);
        return;
    }
    if (run_hidden(st)) {
        side_add(w, PP_PART_HIDDEN_TEXT, "hidden", NULL, s, n);
    } else {
        g_string_append_len(st->para, s, (gssize)n);
        w->last_side = NULL;
    }
    if (rev && take(w, n))
        side_add(w, PP_PART_TRACKED_CHANGE, "ins", rev->author, s, n);
}

/* Text node content: control characters (tabs, stray newlines) become spaces so that '\t' and
 * '\n' keep their meaning in part text. */
static void emit_text(Walker *w, const char *s, gboolean deleted)
{
    gsize n = strlen(s);
    gboolean clean = TRUE;
    for (gsize i = 0; i < n && clean; i++)
        clean = (unsigned char)s[i] >= 0x20;
    if (clean) {
        emit(w, s, n, deleted);
        return;
    }
    g_autofree char *c = g_strdup(s);
    for (gsize i = 0; i < n; i++)
        if ((unsigned char)c[i] < 0x20)
            c[i] = ' ';
    emit(w, c, n, deleted);
}

/* Start a cell of the outermost table: cells after the first are preceded by a tab. */
static void open_cell(Story *st)
{
    if (st->cells++)
        g_string_append_c(st->row, '\t');
}

static void flush_row(Story *st)
{
    if (st->row->len || st->cells) {
        g_string_append_len(st->part->text, st->row->str, (gssize)st->row->len);
        g_string_append_c(st->part->text, '\n');
    }
    g_string_truncate(st->row, 0);
    st->cells = 0;
    st->cell_nonempty = FALSE;
}

/* A paragraph is a line outside tables; inside a cell, paragraphs (and nested tables' cells) are
 * joined with a space so a table row stays one line. */
static void end_paragraph(Walker *w)
{
    Story *st = top_story(w);
    if (st->tbl == 0) {
        g_string_append_len(st->part->text, st->para->str, (gssize)st->para->len);
        g_string_append_c(st->part->text, '\n');
    } else if (st->para->len) {
        if (st->cell_nonempty)
            g_string_append_c(st->row, ' ');
        g_string_append_len(st->row, st->para->str, (gssize)st->para->len);
        st->cell_nonempty = TRUE;
    }
    g_string_truncate(st->para, 0);
    w->last_side = NULL;
}

static void pop_story(Walker *w)
{
    Story *st = top_story(w);
    if (st->para->len)
        end_paragraph(w);
    if (st->row->len)
        flush_row(st);
    if (w->stories->len > 1)
        g_ptr_array_remove_index(w->stories, w->stories->len - 1);
    w->last_side = NULL;
}

static void push_story(Walker *w, PPPartKind kind, const char *author)
{
    g_ptr_array_add(w->stories, story_new(w->doc, kind, w->entry, author));
    w->last_side = NULL;
}

static gboolean on_off(const char *val)
{
    return !val || !(g_str_equal(val, "0") || g_ascii_strcasecmp(val, "false") == 0 || g_ascii_strcasecmp(val, "off") == 0);
}

/* Attribute of a W element: in the element's namespace (w:author), or unqualified. */
static char *w_attr(Walker *w, const char *ns, const char *local)
{
    char *v = pp_xml_attr(w->x, ns, local);
    return v ? v : pp_xml_attr(w->x, NULL, local);
}

static int style_say(Walker *w, const char *ns)
{
    if (!w->hidden_styles)
        return 0;
    g_autofree char *id = w_attr(w, ns, "val");
    return id ? GPOINTER_TO_INT(g_hash_table_lookup(w->hidden_styles, id)) : 0;
}

/* Grid columns a w:gridSpan / w:gridBefore stands for; capped, a file may say anything. */
static int grid_count(Walker *w, const char *ns)
{
    g_autofree char *val = w_attr(w, ns, "val");
    gint64 n = val ? g_ascii_strtoll(val, NULL, 10) : 0;
    return (int)CLAMP(n, 0, 63);
}

static void emit_sym(Walker *w, const char *ns)
{
    /* symbol fonts number their glyphs, not Unicode characters */
    static const char *const symbol_fonts[] = {"Symbol", "Wingdings", "Webdings", "ZapfDingbats", "MT Extra"};
    g_autofree char *hex = w_attr(w, ns, "char");
    g_autofree char *font = w_attr(w, ns, "font");
    if (!hex)
        return;
    for (gsize i = 0; font && i < G_N_ELEMENTS(symbol_fonts); i++)
        if (g_str_has_prefix(font, symbol_fonts[i]))
            return;
    gunichar c = (gunichar)g_ascii_strtoull(hex, NULL, 16);
    /* symbol-font glyphs also come as private use characters (F0xx): no meaning as text */
    if (c < 0x20 || (c >= 0xE000 && c <= 0xF8FF) || !g_unichar_validate(c))
        return;
    char buf[8];
    emit(w, buf, (gsize)g_unichar_to_utf8(c, buf), FALSE);
}

static const Frame *frame_at(Walker *w, guint up)
{
    return w->frames->len > up ? &g_array_index(w->frames, Frame, w->frames->len - 1 - up) : NULL;
}

static Tok parent_tok(Walker *w, guint up)
{
    const Frame *f = frame_at(w, up);
    return f ? f->tok : T_OTHER;
}

/* A w:ins/w:del/w:moveFrom/w:moveTo element: a container of changed runs, or (inside the
 * paragraph mark's or a table row's properties) a change of the mark or row itself. */
static void start_revision(Walker *w, Frame *f, const char *ns, gboolean del)
{
    g_autofree char *author = w_attr(w, ns, "author");
    const Frame *parent = frame_at(w, 0);
    if (parent && parent->tok == T_RPR && parent_tok(w, 1) == T_PPR) {
        const char *what = del ? "（删除段落标记）" : "（插入段落标记）";
        if (take(w, strlen(what)))
            side_add(w, PP_PART_TRACKED_CHANGE, del ? "del" : "ins", author, what, strlen(what));
        w->last_side = NULL;
    } else if (parent && parent->tok == T_TRPR) {
        const char *what = del ? "（删除表格行）" : "（插入表格行）";
        if (take(w, strlen(what)))
            side_add(w, PP_PART_TRACKED_CHANGE, del ? "del" : "ins", author, what, strlen(what));
        w->last_side = NULL;
    } else if (!parent || !parent->props) {
        Rev r = {del, g_steal_pointer(&author)};
        g_array_append_val(w->revs, r);
        f->pops |= POP_REV;
    }
}

/* Start of an element; TRUE to skip its subtree. */
static gboolean start_element(Walker *w, Frame *f, const char *ns, const char *local)
{
    static GOnce once = G_ONCE_INIT;
    GHashTable *names = g_once(&once, build_w_table, NULL);
    if (g_strcmp0(ns, PP_NS_W) == 0 || g_strcmp0(ns, PP_NS_W_STRICT) == 0) {
        f->tok = GPOINTER_TO_INT(g_hash_table_lookup(names, local));
        f->props = f->tok == T_OTHER && strstr(local, "Pr") != NULL;
    } else if (g_strcmp0(ns, PP_NS_MC) == 0) {
        for (gsize i = 0; i < G_N_ELEMENTS(mc_names); i++)
            if (strcmp(local, mc_names[i].local) == 0)
                f->tok = mc_names[i].tok;
    } else if (g_strcmp0(ns, PP_NS_VML) == 0 && strcmp(local, "textpath") == 0) {
        f->tok = T_TEXTPATH;
    } else if ((g_strcmp0(ns, PP_NS_MATH) == 0 || g_strcmp0(ns, PP_NS_MATH_STRICT) == 0) && strcmp(local, "t") == 0) {
        f->tok = T_T;
    }
    Story *st = top_story(w);
    Tok parent = parent_tok(w, 0);
    switch (f->tok) {
    case T_P:
        st->para_style = 0;
        break;
    case T_R:
        st->run_vanish = -1;
        st->run_style = 0;
        break;
    case T_VANISH:
        if (parent == T_RPR && parent_tok(w, 1) == T_R) {
            g_autofree char *val = w_attr(w, ns, "val");
            st->run_vanish = on_off(val);
        }
        break;
    case T_RSTYLE:
        if (parent == T_RPR && parent_tok(w, 1) == T_R)
            st->run_style = style_say(w, ns);
        break;
    case T_PSTYLE:
        if (parent == T_PPR)
            st->para_style = style_say(w, ns);
        break;
    case T_T:
    case T_DELTEXT:
        w->text_mode = f->tok == T_DELTEXT ? 2 : 1;
        f->pops |= POP_TEXT;
        break;
    case T_SKIP_TEXT:
        return TRUE;
    case T_TAB:
        if (parent == T_R)
            emit(w, " ", 1, FALSE);
        break;
    case T_BR:
        if (parent == T_R)
            emit(w, st->tbl ? " " : "\n", 1, FALSE);
        break;
    case T_NBHYPHEN:
        emit(w, "-", 1, FALSE);
        break;
    case T_SYM:
        emit_sym(w, ns);
        break;
    case T_TBL:
        if (++st->tbl == 1)
            st->grid_cols = 0;
        break;
    case T_GRIDCOL:
        if (st->tbl == 1)
            st->grid_cols++;
        break;
    case T_TR:
        if (st->tbl == 1) {
            g_string_truncate(st->row, 0);
            st->cells = 0;
            st->cell_nonempty = FALSE;
        }
        break;
    case T_TC:
        if (st->tbl == 1) {
            open_cell(st);
            st->cell_nonempty = FALSE;
            st->span = 1;
        }
        break;
    case T_GRIDSPAN:
        /* a merged cell keeps the later cells under their own column: one field per grid column */
        if (st->tbl == 1 && parent == T_TCPR && parent_tok(w, 1) == T_TC)
            st->span = grid_count(w, ns);
        break;
    case T_GRIDBEFORE:
        if (st->tbl == 1 && parent == T_TRPR)
            for (int k = grid_count(w, ns); k > 0 && (!st->grid_cols || st->cells < st->grid_cols); k--)
                open_cell(st);
        break;
    case T_INS:
    case T_DEL:
        start_revision(w, f, ns, f->tok == T_DEL);
        break;
    case T_TXBX:
        push_story(w, PP_PART_TEXTBOX, NULL);
        f->pops |= POP_STORY;
        break;
    case T_NOTE: {
        /* separators are the line above the notes, not text */
        g_autofree char *type = w_attr(w, ns, "type");
        if (type && (g_str_equal(type, "separator") || g_str_equal(type, "continuationSeparator") ||
                     g_str_equal(type, "continuationNotice")))
            return TRUE;
        break;
    }
    case T_COMMENT: {
        g_autofree char *author = w_attr(w, ns, "author");
        push_story(w, PP_PART_COMMENT, author);
        f->pops |= POP_STORY;
        break;
    }
    case T_AC: {
        gboolean taken = FALSE;
        g_array_append_val(w->acs, taken);
        f->pops |= POP_AC;
        break;
    }
    case T_CHOICE:
    case T_FALLBACK:
        /* one branch only: Word stores a text box twice (DrawingML in Choice, VML in Fallback) */
        if (parent == T_AC && w->acs->len) {
            gboolean *taken = &g_array_index(w->acs, gboolean, w->acs->len - 1);
            if (*taken)
                return TRUE;
            *taken = TRUE;
        }
        break;
    case T_TEXTPATH: {
        /* WordArt, and the watermark behind every page ("内部资料", "秘密"): text in an attribute */
        g_autofree char *text = pp_xml_attr(w->x, NULL, "string");
        if (text && *text) {
            push_story(w, PP_PART_TEXTBOX, NULL);
            emit_text(w, text, FALSE);
            pop_story(w);
        }
        break;
    }
    case T_ALTCHUNK:
        /* the chunk's text lives in another part, in another format: say it was not read */
        if (!w->alt_chunk)
            pp_doc_note(w->doc, "%s 含 altChunk 导入的内容（HTML/RTF 等），这部分文字未审查，请人工核对", w->entry);
        w->alt_chunk = TRUE;
        break;
    default:
        break;
    }
    return FALSE;
}

static void end_element(Walker *w, const Frame *f)
{
    Story *st = top_story(w);
    switch (f->tok) {
    case T_P:
        end_paragraph(w);
        st->para_style = 0;
        break;
    case T_R:
        st->run_vanish = -1;
        st->run_style = 0;
        break;
    case T_TBL:
        if (st->tbl == 1 && st->row->len)
            flush_row(st);
        if (st->tbl > 0)
            st->tbl--;
        break;
    case T_TR:
        if (st->tbl == 1)
            flush_row(st);
        break;
    case T_TC:
        /* no more fields than the grid has columns, whatever the span says */
        for (int k = st->tbl == 1 ? st->span : 0; k > 1 && (!st->grid_cols || st->cells < st->grid_cols); k--)
            open_cell(st);
        break;
    default:
        break;
    }
    if (f->pops & POP_TEXT)
        w->text_mode = 0;
    if (f->pops & POP_REV) {
        g_free(g_array_index(w->revs, Rev, w->revs->len - 1).author);
        g_array_set_size(w->revs, w->revs->len - 1);
    }
    if (f->pops & POP_AC)
        g_array_set_size(w->acs, w->acs->len - 1);
    if (f->pops & POP_STORY)
        pop_story(w);
}

/* End every open element at depth >= depth (end tags the reader did not report, e.g. after a
 * skipped subtree, and the element now ending). */
static void close_to(Walker *w, int depth)
{
    while (w->frames->len) {
        Frame f = g_array_index(w->frames, Frame, w->frames->len - 1);
        if (f.depth < depth)
            break;
        g_array_set_size(w->frames, w->frames->len - 1);
        end_element(w, &f);
    }
}

/* ---- the walk's events (pp_xml_walk) ---- */

static gboolean on_start(gpointer user, int depth, const char *ns, const char *local, gboolean empty)
{
    Walker *w = user;
    close_to(w, depth);
    Frame f = {.depth = depth, .tok = T_OTHER};
    gboolean skip = start_element(w, &f, ns, local);
    if (skip || empty)
        end_element(w, &f);
    else
        g_array_append_val(w->frames, f);
    return skip;
}

static void on_end(gpointer user, int depth) { close_to(user, depth); }

static void on_text(gpointer user, const char *s)
{
    Walker *w = user;
    if (w->text_mode)
        emit_text(w, s, w->text_mode == 2);
}

static gboolean stopped(gpointer user) { return ((Walker *)user)->error != NULL; }

static const PPXmlEvents walk_events = {.start = on_start, .end = on_end, .text = on_text, .stop = stopped};

gboolean pp_docx_story(PPDoc *doc, GBytes *xml, const char *entry, PPPartKind kind, GHashTable *hidden_styles,
                       PPTextBudget *budget, GError **error)
{
    Walker w = {
        .doc = doc,
        .entry = entry,
        .budget = budget,
        .hidden_styles = hidden_styles,
        .x = pp_xml_new(xml, entry),
        .frames = g_array_new(FALSE, FALSE, sizeof(Frame)),
        .stories = g_ptr_array_new_with_free_func(story_free),
        .revs = g_array_new(FALSE, FALSE, sizeof(Rev)),
        .acs = g_array_new(FALSE, FALSE, sizeof(gboolean)),
        .sides = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
    };
    g_ptr_array_add(w.stories, story_new(doc, kind, entry, NULL));
    GError *err = NULL;
    pp_xml_walk(w.x, &walk_events, &w, &err);
    if (!w.error && !err) {
        close_to(&w, 0);
        while (w.stories->len > 1)
            pop_story(&w);
        pop_story(&w); /* flushes the base story's open paragraph, if any */
        GHashTableIter it;
        gpointer part;
        g_hash_table_iter_init(&it, w.sides);
        while (g_hash_table_iter_next(&it, NULL, &part)) {
            GString *t = ((PPPart *)part)->text;
            if (t->len && t->str[t->len - 1] != '\n')
                g_string_append_c(t, '\n');
        }
    }
    for (guint i = 0; i < w.revs->len; i++)
        g_free(g_array_index(w.revs, Rev, i).author);
    g_array_unref(w.revs);
    g_array_unref(w.acs);
    g_array_unref(w.frames);
    g_ptr_array_unref(w.stories);
    g_hash_table_unref(w.sides);
    pp_xml_free(w.x);
    if (w.error || err) {
        g_propagate_error(error, w.error ? w.error : err);
        if (w.error)
            g_clear_error(&err);
        return FALSE;
    }
    return TRUE;
}
