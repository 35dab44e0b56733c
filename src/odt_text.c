/* OpenDocument text (content.xml, styles.xml, or a flat .fodt) → parts.
 *
 * One streaming pass per file and section set (see odt.h). A stack of frames mirrors the open
 * elements and carries whether text in them is hidden; a stack of stories says where paragraphs
 * go (the body, a header, a note, a text box, a comment, a deletion). Text reaches a part only
 * inside a text:p/text:h of the current story, so wrappers (links, fields, lists, sections, meta)
 * are transparent without being named here, and fields keep the text they display.
 *
 * Tracked changes: ODF keeps deleted text in text:tracked-changes at the top of the body, each
 * deletion a small document of its own; it goes to tracked_change only. Inserted text stays in
 * the body between text:change-start and text:change-end and is copied to tracked_change too, as
 * the DOCX reader does, so a file with unaccepted revisions is reported either way.
 */
#include "odt.h"

#include <string.h>

#include "xml_read.h"

#define DEL_MARK "（删除段落标记）"
#define INS_MARK "（插入段落标记）"

/* ---- walking ---- */

typedef struct {
    int depth;
    Tok tok;
    gboolean hid;   /* text in this element is hidden */
    gboolean story; /* this element pushed a story */
    int repeat;     /* a table cell's number-columns-repeated */
} Frame;

typedef struct {
    PPPart *part;      /* NULL until first needed for a deletion (its author comes first) */
    PPPartKind kind;
    char *author;      /* of a deletion story, until its part exists */
    GString *para;
    GString *row;
    int tbl, cells, in_para, hidden_sections;
    gboolean cell_nonempty, para_hidden;
    gboolean any_text; /* a deletion held text (else it removed only paragraph marks) */
} Story;

typedef struct {
    PPDoc *doc;
    const char *entry;
    char scope;
    guint want;
    PPOdtStyles *styles;
    PPOdtBudget *budget;
    guint *objects;
    PPXml *x;
    GArray *frames;
    GPtrArray *stories;
    GHashTable *sides;     /* "kind|tag|author" → PPPart* */
    GHashTable *ins;       /* changed-region id → author of an insertion ("" if none) */
    GPtrArray *active;     /* ids of insertions open at this point of the body */
    PPPart *last_side;
    char style_scope;      /* scope of the styles section being read */
    char *region;          /* id of the text:changed-region being read */
    GString *capture;      /* dc:creator text being read */
    gboolean ins_text;     /* some inserted text was seen */
    GError *error;
} Walker;

static Story *story_new(PPDoc *doc, PPPartKind kind, const char *entry, gboolean lazy)
{
    Story *s = g_new0(Story, 1);
    s->kind = kind;
    s->part = lazy ? NULL : pp_doc_add_part(doc, kind, 0, entry);
    s->para = g_string_new(NULL);
    s->row = g_string_new(NULL);
    return s;
}

static void story_free(gpointer p)
{
    Story *s = p;
    g_string_free(s->para, TRUE);
    g_string_free(s->row, TRUE);
    g_free(s->author);
    g_free(s);
}

static Story *top_story(Walker *w) { return w->stories->pdata[w->stories->len - 1]; }

static gboolean take(Walker *w, gsize n) { return !w->error && pp_odt_budget_take(w->budget, n, &w->error); }

static PPPart *side_part(Walker *w, PPPartKind kind, const char *tag, const char *author)
{
    g_autofree char *key = g_strdup_printf("%d|%s|%s", kind, tag, author ? author : "");
    PPPart *p = g_hash_table_lookup(w->sides, key);
    if (!p) {
        p = pp_doc_add_part(w->doc, kind, 0, w->entry);
        p->author = author && *author ? g_strdup(author) : NULL;
        g_hash_table_insert(w->sides, g_steal_pointer(&key), p);
    }
    return p;
}

/* Text beside the story: hidden text, inserted text. Pieces not adjacent go on separate lines. */
static void side_add(Walker *w, PPPartKind kind, const char *tag, const char *author, const char *s, gsize n)
{
    PPPart *p = side_part(w, kind, tag, author);
    if (p != w->last_side && p->text->len && p->text->str[p->text->len - 1] != '\n')
        g_string_append_c(p->text, '\n');
    g_string_append_len(p->text, s, (gssize)n);
    w->last_side = p;
}

static PPPart *story_part(Walker *w, Story *st)
{
    if (!st->part)
        st->part = side_part(w, st->kind, "del", st->author);
    return st->part;
}

static const char *insertion_author(Walker *w)
{
    if (!w->active->len)
        return NULL;
    return g_hash_table_lookup(w->ins, w->active->pdata[w->active->len - 1]);
}

static void emit_as(Walker *w, const char *s, gsize n, gboolean hidden)
{
    Story *st = top_story(w);
    if (!n || !st->in_para || !take(w, n))
        return;
    if (hidden && st->kind != PP_PART_TRACKED_CHANGE) {
        side_add(w, PP_PART_HIDDEN_TEXT, "hidden", NULL, s, n);
        return;
    }
    g_string_append_len(st->para, s, (gssize)n);
    st->any_text = TRUE;
    w->last_side = NULL;
    const char *ins = st->kind == PP_PART_COMMENT || st->kind == PP_PART_TRACKED_CHANGE ? NULL : insertion_author(w);
    if (ins && take(w, n)) {
        side_add(w, PP_PART_TRACKED_CHANGE, "ins", ins, s, n);
        w->ins_text = TRUE;
    }
}

static gboolean frame_hidden(Walker *w)
{
    return w->frames->len && g_array_index(w->frames, Frame, w->frames->len - 1).hid;
}

static void emit(Walker *w, const char *s, gsize n) { emit_as(w, s, n, frame_hidden(w)); }

/* Character data: ODF treats tabs and line ends in text as spaces and collapses runs of spaces
 * (text:s and text:tab say where more are meant). */
static void emit_chars(Walker *w, const char *s)
{
    Story *st = top_story(w);
    if (!st->in_para)
        return;
    g_autoptr(GString) t = g_string_sized_new(strlen(s));
    gboolean space = !st->para->len || st->para->str[st->para->len - 1] == ' ';
    for (const char *c = s; *c; c++) {
        gboolean sp = (unsigned char)*c <= 0x20;
        if (sp && space)
            continue;
        g_string_append_c(t, sp ? ' ' : *c);
        space = sp;
    }
    emit(w, t->str, t->len);
}

static void open_cell(Story *st)
{
    if (st->cells++)
        g_string_append_c(st->row, '\t');
}

static void flush_row(Story *st, PPPart *part)
{
    if (st->row->len || st->cells) {
        g_string_append_len(part->text, st->row->str, (gssize)st->row->len);
        g_string_append_c(part->text, '\n');
    }
    g_string_truncate(st->row, 0);
    st->cells = 0;
    st->cell_nonempty = FALSE;
}

/* A paragraph is a line outside tables; inside a cell, paragraphs are joined with a space so that
 * a table row stays one line. A paragraph hidden as a whole leaves an empty line behind. */
static void end_paragraph(Walker *w)
{
    Story *st = top_story(w);
    if (st->para_hidden && st->para->len && st->kind != PP_PART_TRACKED_CHANGE) {
        side_add(w, PP_PART_HIDDEN_TEXT, "hidden", NULL, st->para->str, st->para->len);
        g_string_truncate(st->para, 0);
    }
    if (st->tbl == 0) {
        PPPart *part = story_part(w, st);
        g_string_append_len(part->text, st->para->str, (gssize)st->para->len);
        g_string_append_c(part->text, '\n');
    } else if (st->para->len) {
        if (st->cell_nonempty)
            g_string_append_c(st->row, ' ');
        g_string_append_len(st->row, st->para->str, (gssize)st->para->len);
        st->cell_nonempty = TRUE;
    }
    g_string_truncate(st->para, 0);
    st->para_hidden = FALSE;
    w->last_side = NULL;
}

static void push_story(Walker *w, Frame *f, PPPartKind kind, gboolean lazy)
{
    g_ptr_array_add(w->stories, story_new(w->doc, kind, w->entry, lazy));
    f->story = TRUE;
    f->hid = FALSE; /* a comment or note in hidden text is a comment or note, not hidden text */
    w->last_side = NULL;
}

static void pop_story(Walker *w)
{
    Story *st = top_story(w);
    if (st->para->len || st->in_para)
        end_paragraph(w);
    if (st->row->len)
        flush_row(st, story_part(w, st));
    if (w->stories->len > 1)
        g_ptr_array_remove_index(w->stories, w->stories->len - 1);
    w->last_side = NULL;
}

static int attr_count(Walker *w, const char *ns, const char *local, int max)
{
    g_autofree char *v = pp_xml_attr(w->x, ns, local);
    gint64 n = v ? g_ascii_strtoll(v, NULL, 10) : 1;
    return (int)CLAMP(n, 1, max);
}

static void start_style(Walker *w)
{
    g_autofree char *name = pp_xml_attr(w->x, PP_NS_ODF_STYLE, "name");
    g_autofree char *family = pp_xml_attr(w->x, PP_NS_ODF_STYLE, "family");
    g_autofree char *parent = pp_xml_attr(w->x, PP_NS_ODF_STYLE, "parent-style-name");
    pp_odt_style_add(w->styles, w->style_scope, family, name, parent);
}

/* Hidden state of a paragraph or span from its style; hidden sections hide whatever styles say. */
static gboolean styled_hidden(Walker *w, const char *family, gboolean inherited)
{
    g_autofree char *name = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "style-name");
    int say = name ? pp_odt_style_display(w->styles, w->scope, family, name) : -1;
    if (say < 0)
        return inherited;
    return say == 1 || top_story(w)->hidden_sections > 0;
}

/* Start of an element; TRUE to skip its subtree. */
static gboolean start_element(Walker *w, Frame *f, const char *ns, const char *local)
{
    f->tok = (Tok)pp_odt_tok(ns, local);
    Story *st = top_story(w);
    const Frame *parent = w->frames->len ? &g_array_index(w->frames, Frame, w->frames->len - 1) : NULL;
    f->hid = parent && parent->hid;
    switch (f->tok) {
    case T_SKIP:
        return TRUE;
    case T_AUTO_STYLES:
    case T_COMMON_STYLES:
        w->style_scope = f->tok == T_AUTO_STYLES ? w->scope : '-';
        return !(w->want & PP_ODT_STYLES);
    case T_MASTER:
        return !(w->want & PP_ODT_MASTER);
    case T_BODY:
        return !(w->want & PP_ODT_BODY);
    case T_NOT_TEXT:
        if (!w->error)
            g_set_error(&w->error, PP_ERROR, PP_ERR_UNSUPPORTED,
                        "这是 OpenDocument 表格、演示文稿或图形（office:%s），不是文字文档，暂不支持审查", local);
        return TRUE;
    case T_STYLE:
        start_style(w);
        break;
    case T_TEXTPROPS:
        if (parent && parent->tok == T_STYLE) {
            g_autofree char *v = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "display");
            pp_odt_style_say(w->styles, v);
        }
        break;
    case T_P:
        if (st->in_para++) {
            f->tok = T_INNER_P; /* a paragraph nested in one of the same story: same line */
            break;
        }
        st->para_hidden = FALSE;
        f->hid = styled_hidden(w, "paragraph", f->hid);
        break;
    case T_SPAN:
        f->hid = styled_hidden(w, "text", f->hid);
        break;
    case T_S: {
        int n = attr_count(w, PP_NS_ODF_TEXT, "c", 1024);
        char spaces[1024];
        memset(spaces, ' ', (gsize)n);
        emit(w, spaces, (gsize)n);
        return TRUE;
    }
    case T_TAB:
        emit(w, " ", 1); /* '\t' separates table cells in part text */
        return TRUE;
    case T_BR:
        emit(w, st->tbl ? " " : "\n", 1);
        return TRUE;
    case T_SECTION: {
        g_autofree char *v = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "display");
        if (pp_odt_display_say(v) == 1) {
            st->hidden_sections++;
            f->hid = TRUE;
        }
        break;
    }
    case T_HIDDEN_TEXT: {
        f->hid = TRUE;
        if (xmlTextReaderIsEmptyElement(pp_xml_reader(w->x))) {
            g_autofree char *v = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "string-value");
            if (v)
                emit_as(w, v, strlen(v), TRUE);
        }
        break;
    }
    case T_HIDDEN_PARA: {
        g_autofree char *v = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "is-hidden");
        if (!v || !g_str_equal(v, "false"))
            st->para_hidden = TRUE;
        return TRUE;
    }
    case T_NOTE_BODY:
        /* all notes of the file in one part, as Word's footnotes.xml */
        push_story(w, f, PP_PART_FOOTNOTE, TRUE);
        top_story(w)->part = side_part(w, PP_PART_FOOTNOTE, "note", NULL);
        break;
    case T_TXBX:
        push_story(w, f, PP_PART_TEXTBOX, FALSE);
        break;
    case T_ANNOT:
        push_story(w, f, PP_PART_COMMENT, FALSE);
        break;
    case T_HEADER:
    case T_FOOTER:
        push_story(w, f, f->tok == T_HEADER ? PP_PART_HEADER : PP_PART_FOOTER, FALSE);
        break;
    case T_REGION:
        g_free(w->region);
        w->region = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "id");
        if (!w->region)
            w->region = pp_xml_attr(w->x, "http://www.w3.org/XML/1998/namespace", "id");
        break;
    case T_DELETION:
        push_story(w, f, PP_PART_TRACKED_CHANGE, TRUE);
        break;
    case T_INSERTION:
        if (w->region)
            g_hash_table_replace(w->ins, g_strdup(w->region), g_strdup(""));
        break;
    case T_CREATOR:
        if (parent && (parent->tok == T_ANNOT || parent->tok == T_CHINFO)) {
            w->capture = g_string_new(NULL);
            break;
        }
        return TRUE;
    case T_CHSTART:
    case T_CHEND: {
        g_autofree char *id = pp_xml_attr(w->x, PP_NS_ODF_TEXT, "change-id");
        if (!id || !g_hash_table_contains(w->ins, id))
            return TRUE;
        for (guint i = 0; i < w->active->len; i++)
            if (strcmp(w->active->pdata[i], id) == 0)
                g_ptr_array_remove_index(w->active, i--);
        if (f->tok == T_CHSTART && w->active->len < 64)
            g_ptr_array_add(w->active, g_steal_pointer(&id));
        return TRUE;
    }
    case T_OBJECT:
        /* a chart, formula or OLE object: its text lives in a sub-document, not read here */
        (*w->objects)++;
        return TRUE;
    case T_TBL:
        st->tbl++;
        break;
    case T_TR:
        if (st->tbl == 1) {
            g_string_truncate(st->row, 0);
            st->cells = 0;
            st->cell_nonempty = FALSE;
        }
        break;
    case T_TC:
        /* covered cells are written out where a span lies, so every row has one field per column */
        if (st->tbl == 1) {
            open_cell(st);
            st->cell_nonempty = FALSE;
            f->repeat = attr_count(w, PP_NS_ODF_TABLE, "number-columns-repeated", 64);
        }
        break;
    default:
        break;
    }
    return FALSE;
}

/* The dc:creator just read: a comment's or a revision's author. */
static void end_creator(Walker *w)
{
    g_autoptr(GString) name = w->capture;
    w->capture = NULL;
    g_strstrip(name->str);
    const Frame *parent = w->frames->len ? &g_array_index(w->frames, Frame, w->frames->len - 1) : NULL;
    Story *st = top_story(w);
    if (parent && parent->tok == T_ANNOT && st->kind == PP_PART_COMMENT && *name->str) {
        g_free(st->part->author);
        st->part->author = g_strdup(name->str);
    } else if (parent && parent->tok == T_CHINFO) {
        if (st->kind == PP_PART_TRACKED_CHANGE && !st->part) {
            g_free(st->author);
            st->author = g_strdup(name->str);
        } else if (w->region && g_hash_table_contains(w->ins, w->region)) {
            g_hash_table_replace(w->ins, g_strdup(w->region), g_strdup(name->str));
        }
    }
}

static void end_element(Walker *w, const Frame *f)
{
    Story *st = top_story(w);
    switch (f->tok) {
    case T_P:
        end_paragraph(w);
        st->in_para = 0;
        break;
    case T_INNER_P:
        if (st->in_para > 1)
            st->in_para--;
        emit_as(w, " ", 1, FALSE);
        break;
    case T_SECTION:
        if (f->hid && st->hidden_sections > 0)
            st->hidden_sections--;
        break;
    case T_TBL:
        if (st->tbl == 1 && st->row->len)
            flush_row(st, story_part(w, st));
        if (st->tbl > 0)
            st->tbl--;
        break;
    case T_TR:
        if (st->tbl == 1)
            flush_row(st, story_part(w, st));
        break;
    case T_TC:
        if (st->tbl == 1)
            for (int k = f->repeat; k > 1; k--)
                open_cell(st);
        break;
    case T_STYLE:
        pp_odt_style_add(w->styles, 0, NULL, NULL, NULL);
        break;
    case T_CREATOR:
        if (w->capture)
            end_creator(w);
        break;
    case T_DELETION:
        /* a deleted paragraph break (two paragraphs joined) is a revision too, as in the DOCX reader */
        if (!st->any_text && take(w, strlen(DEL_MARK)))
            side_add(w, PP_PART_TRACKED_CHANGE, "del", st->author, DEL_MARK, strlen(DEL_MARK));
        break;
    default:
        break;
    }
    if (f->story)
        pop_story(w);
}

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
    if (w->capture) {
        if (w->capture->len < 4096)
            g_string_append(w->capture, s);
    } else {
        emit_chars(w, s);
    }
}

static gboolean stopped(gpointer user) { return ((Walker *)user)->error != NULL; }

static const PPXmlEvents walk_events = {.start = on_start, .end = on_end, .text = on_text, .stop = stopped};

gboolean pp_odt_walk(PPDoc *doc, GBytes *xml, const char *entry, char scope, guint want, PPOdtStyles *styles,
                     PPOdtBudget *budget, guint *objects, GError **error)
{
    Walker w = {
        .doc = doc,
        .entry = entry,
        .scope = scope,
        .want = want,
        .styles = styles,
        .budget = budget,
        .objects = objects,
        .x = pp_xml_new(xml, entry),
        .frames = g_array_new(FALSE, FALSE, sizeof(Frame)),
        .stories = g_ptr_array_new_with_free_func(story_free),
        .sides = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .ins = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        .active = g_ptr_array_new_with_free_func(g_free),
        .style_scope = '-',
    };
    /* the body story's part exists only in a pass that reads the body */
    g_ptr_array_add(w.stories, story_new(doc, PP_PART_BODY, entry, !(want & PP_ODT_BODY)));
    GError *err = NULL;
    pp_xml_walk(w.x, &walk_events, &w, &err);
    if (!w.error && !err) {
        close_to(&w, 0);
        if (!w.ins_text && g_hash_table_size(w.ins) && take(&w, strlen(INS_MARK))) {
            /* only paragraph breaks were inserted: still an unaccepted revision */
            GHashTableIter it;
            gpointer author;
            g_hash_table_iter_init(&it, w.ins);
            g_hash_table_iter_next(&it, NULL, &author);
            side_add(&w, PP_PART_TRACKED_CHANGE, "ins", author, INS_MARK, strlen(INS_MARK));
        }
        while (w.stories->len > 1)
            pop_story(&w);
        if (want & PP_ODT_BODY)
            pop_story(&w);
        GHashTableIter it;
        gpointer part;
        g_hash_table_iter_init(&it, w.sides);
        while (g_hash_table_iter_next(&it, NULL, &part)) {
            GString *t = ((PPPart *)part)->text;
            if (t->len && t->str[t->len - 1] != '\n')
                g_string_append_c(t, '\n');
        }
    }
    if (w.capture)
        g_string_free(w.capture, TRUE);
    g_free(w.region);
    g_array_unref(w.frames);
    g_ptr_array_unref(w.stories);
    g_hash_table_unref(w.sides);
    g_hash_table_unref(w.ins);
    g_ptr_array_unref(w.active);
    pp_xml_free(w.x);
    if (w.error || err) {
        g_propagate_error(error, w.error ? w.error : err);
        if (w.error)
            g_clear_error(&err);
        return FALSE;
    }
    return TRUE;
}
