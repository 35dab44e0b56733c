/* Word 97–2003 stories → parts, in the same shapes as DOCX (docx_text.c): a paragraph is a line;
 * a table row is one line with cells separated by '\t' (paragraphs inside a cell joined by a
 * space); field codes (between 0x13 and 0x14) are dropped and field results kept — but the code
 * of a field that never closes is kept, so a damaged field cannot hide text from review; deleted
 * text goes to tracked_change only, inserted text to the story and to tracked_change, hidden text
 * to hidden_text. Headers/footers come from PlcfHdd, comments from PlcfandTxt with their author
 * from PlcfandRef (ATRD) and GrpXstAtnOwners.
 */
#include "word97.h"

#include <string.h>

#define MAX_FIELD_DEPTH 64

typedef struct {
    GString *buf;
    guint64 last;    /* sequence number of the last character appended */
} Side;

typedef struct {
    PPDoc *doc;
    GString *out;            /* the current story's part text */
    gboolean cell_text;      /* the current table cell has text */
    guint8 prev;             /* previous structural character (for rows without PAPX) */
    /* fields */
    guint depth;
    guint8 code[MAX_FIELD_DEPTH]; /* level in its code part */
    guint ncode;
    GString *codebuf;
    /* side parts, shared by all stories */
    Side del, ins, hidden;
    guint64 seq;
    gsize used, max;
} Emit;

static guint16 rd16(const guint8 *p) { return (guint16)(p[0] | (p[1] << 8)); }
static guint32 rd32(const guint8 *p) { return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24); }

static gboolean budget(Emit *e, gsize n, GError **error)
{
    e->used += n;
    if (e->used <= e->max)
        return TRUE;
    g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "Word 文档提取出的文字超过 %" G_GSIZE_FORMAT " MiB 上限", e->max >> 20);
    return FALSE;
}

static void side_add(Emit *e, Side *s, const char *u, gsize n)
{
    if (s->buf->len && s->last + 1 != e->seq && s->buf->str[s->buf->len - 1] != '\n')
        g_string_append_c(s->buf, '\n');
    g_string_append_len(s->buf, u, (gssize)n);
    s->last = e->seq;
}

/* Structural characters of the story: paragraph, cell and row ends. */
static void story_break(Emit *e, gunichar c, guint8 pap)
{
    GString *o = e->out;
    gboolean table = (pap & W97_PAP_INTABLE) != 0;
    if (c == 0x07) {
        gboolean row_end = (pap & W97_PAP_KNOWN) ? (pap & W97_PAP_TTP) != 0 : e->prev == 0x07;
        if (row_end) {
            if (o->len && o->str[o->len - 1] == '\t')
                o->str[o->len - 1] = '\n';
            else
                g_string_append_c(o, '\n');
        } else {
            g_string_append_c(o, '\t');
        }
        e->cell_text = FALSE;
        return;
    }
    /* paragraph mark, line/page/column break */
    if (table) {
        if (e->cell_text && o->len && o->str[o->len - 1] != ' ')
            g_string_append_c(o, ' ');
    } else {
        g_string_append_c(o, '\n');
    }
}

static gboolean on_char(gunichar c, guint8 chp, guint8 pap, gpointer user, GError **error)
{
    Emit *e = user;
    /* every character visited counts, also those dropped (field codes): a piece table or story
     * list that visits the same text again and again must not turn into a hang */
    if (++e->seq > (guint64)e->max * 2) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "Word 文档的文字结构异常庞大（超过 %" G_GSIZE_FORMAT " MiB 上限）",
                    e->max >> 20);
        return FALSE;
    }
    /* fields: 0x13 begin, 0x14 separator (code → result), 0x15 end */
    if (c == 0x13) {
        if (e->depth < MAX_FIELD_DEPTH) {
            e->code[e->depth] = 1;
            e->ncode++;
        }
        e->depth++;
        return TRUE;
    }
    if (c == 0x14 || c == 0x15) {
        if (e->depth == 0)
            return TRUE;
        if (e->depth <= MAX_FIELD_DEPTH && e->code[e->depth - 1]) {
            e->code[e->depth - 1] = 0;
            e->ncode--;
        }
        if (c == 0x15)
            e->depth--;
        if (e->ncode == 0)
            g_string_truncate(e->codebuf, 0);
        return TRUE;
    }
    if (e->ncode || e->depth > MAX_FIELD_DEPTH) {
        if (c >= 0x20 && e->codebuf->len < ((gsize)1 << 16))
            g_string_append_unichar(e->codebuf, c);
        return TRUE;
    }
    gboolean structural = c == 0x0D || c == 0x07 || c == 0x0B || c == 0x0C || c == 0x0E;
    char u[8];
    gsize n = 0;
    if (structural) {
        u[n++] = (pap & W97_PAP_INTABLE) || c == 0x07 ? ' ' : '\n';
    } else if (c == 0x09 || c == 0xA0) {
        u[n++] = ' ';
    } else if (c == 0x1E) {
        u[n++] = '-';
    } else if (c < 0x20) {
        return TRUE; /* pictures, drawn objects, note and comment references, separators */
    } else {
        n = (gsize)g_unichar_to_utf8(c, u);
    }
    if (!budget(e, n + 1, error))
        return FALSE;
    if (chp & W97_CHP_DEL) {
        side_add(e, &e->del, u, n);
        return TRUE;
    }
    if (chp & W97_CHP_VANISH) {
        side_add(e, &e->hidden, u, n);
        return TRUE;
    }
    if (chp & W97_CHP_INS)
        side_add(e, &e->ins, u, n);
    if (structural) {
        story_break(e, c, pap);
        e->prev = (guint8)c;
        return TRUE;
    }
    g_string_append_len(e->out, u, (gssize)n);
    if (c != ' ')
        e->cell_text = TRUE;
    e->prev = 0;
    return TRUE;
}

/* Emit [cp, cp_end) into a new part of this kind. */
static gboolean story(Emit *e, const W97 *w, guint32 cp, guint32 cp_end, PPPartKind kind, const char *origin,
                      const char *author, GError **error)
{
    if (cp >= cp_end)
        return TRUE;
    PPPart *p = pp_doc_add_part(e->doc, kind, 0, origin);
    p->author = g_strdup(author);
    e->out = p->text;
    e->cell_text = FALSE;
    e->prev = 0;
    e->depth = e->ncode = 0;
    g_string_truncate(e->codebuf, 0);
    if (!pp_w97_chars(w, cp, cp_end, on_char, e, error))
        return FALSE;
    if (e->codebuf->len) { /* a field left open: keep its code rather than hide it */
        g_string_append_len(p->text, e->codebuf->str, (gssize)e->codebuf->len);
        g_string_truncate(e->codebuf, 0);
    }
    while (p->text->len && (p->text->str[p->text->len - 1] == '\n' || p->text->str[p->text->len - 1] == ' '))
        g_string_truncate(p->text, p->text->len - 1);
    gsize lead = 0; /* blank lines before the first text (a text box's anchor, a separator) */
    while (lead < p->text->len && (p->text->str[lead] == '\n' || p->text->str[lead] == ' '))
        lead++;
    if (lead && lead < p->text->len && p->text->str[lead] != '\t')
        g_string_erase(p->text, 0, (gssize)lead);
    if (p->text->len)
        g_string_append_c(p->text, '\n');
    return TRUE;
}

/* A PLC of CPs only (PlcfHdd, PlcfandTxt): count of CPs, or 0. */
static guint32 plc_cps(const W97 *w, int index, const guint8 **p)
{
    guint32 n;
    if (!pp_w97_table_struct(w, index, p, &n))
        return 0;
    return n / 4;
}

static gboolean headers(Emit *e, const W97 *w, GError **error)
{
    guint32 start = pp_w97_story_start(w, W97_HDD), len = pp_w97_story_len(w, W97_HDD);
    const guint8 *p = NULL;
    guint32 n = len ? plc_cps(w, W97_FC_PLCFHDD, &p) : 0;
    if (n < 2)
        return story(e, w, start, start + len, PP_PART_HEADER, "WordDocument headers", NULL, error);
    /* 6 separator stories, then per section: even/odd header, even/odd footer, first header, first footer */
    guint32 done = 0; /* stories do not overlap: each starts where the one before ended or later */
    for (guint32 i = 6; i + 1 < n; i++) {
        guint32 a = rd32(p + 4 * i), b = rd32(p + 4 * (i + 1));
        if (a >= b || b > len || a < done)
            continue;
        done = b;
        guint k = (i - 6) % 6;
        gboolean footer = k == 2 || k == 3 || k == 5;
        g_autofree char *origin = g_strdup_printf("WordDocument %s %u", footer ? "footer" : "header", (i - 6) / 6 + 1);
        if (!story(e, w, start + a, start + b, footer ? PP_PART_FOOTER : PP_PART_HEADER, origin, NULL, error))
            return FALSE;
    }
    return TRUE;
}

/* GrpXstAtnOwners: Xst strings (2-byte count, UTF-16LE). */
static GPtrArray *comment_owners(const W97 *w)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const guint8 *p;
    guint32 n;
    if (!pp_w97_table_struct(w, W97_FC_GRPXSTATNOWNERS, &p, &n))
        return names;
    for (guint32 i = 0; i + 2 <= n && names->len < 65536;) {
        guint32 cch = rd16(p + i);
        i += 2;
        if ((gsize)cch * 2 > n - i)
            break;
        gunichar2 *u = g_new(gunichar2, cch + 1);
        for (guint32 k = 0; k < cch; k++)
            u[k] = rd16(p + i + 2 * k);
        char *s = g_utf16_to_utf8(u, cch, NULL, NULL, NULL);
        g_free(u);
        g_ptr_array_add(names, s ? s : g_strdup(""));
        i += cch * 2;
    }
    return names;
}

static gboolean comments(Emit *e, const W97 *w, GError **error)
{
    guint32 start = pp_w97_story_start(w, W97_ATN), len = pp_w97_story_len(w, W97_ATN);
    if (!len)
        return TRUE;
    const guint8 *txt = NULL, *ref = NULL;
    guint32 n = plc_cps(w, W97_FC_PLCFANDTXT, &txt);
    guint32 ref_len = 0, nref = 0;
    if (pp_w97_table_struct(w, W97_FC_PLCFANDREF, &ref, &ref_len) && ref_len >= 4)
        nref = (ref_len - 4) / 34; /* n + 1 CPs and n ATRDPre10 of 30 bytes */
    g_autoptr(GPtrArray) owners = comment_owners(w);
    if (n < 2)
        return story(e, w, start, start + len, PP_PART_COMMENT, "WordDocument comments", NULL, error);
    guint32 done = 0;
    for (guint32 i = 0; i + 1 < n; i++) {
        guint32 a = rd32(txt + 4 * i), b = MIN(rd32(txt + 4 * (i + 1)), len);
        if (a < done)
            continue;
        done = MAX(done, b);
        const char *author = NULL;
        if (i < nref) {
            guint16 ibst = rd16(ref + 4 * ((gsize)nref + 1) + 30 * (gsize)i + 20);
            if (ibst < owners->len)
                author = owners->pdata[ibst];
        }
        g_autofree char *origin = g_strdup_printf("WordDocument comment %u", i + 1);
        if (a < b && !story(e, w, start + a, start + b, PP_PART_COMMENT, origin, author, error))
            return FALSE;
    }
    return TRUE;
}

static void side_part(PPDoc *doc, Side *s, PPPartKind kind, const char *origin)
{
    if (!s->buf->len)
        return;
    PPPart *p = pp_doc_add_part(doc, kind, 0, origin);
    g_string_append_len(p->text, s->buf->str, (gssize)s->buf->len);
    if (p->text->str[p->text->len - 1] != '\n')
        g_string_append_c(p->text, '\n');
}

gboolean pp_w97_text(const W97 *w, PPDoc *doc, gsize max_text, GError **error)
{
    Emit e = {.doc = doc, .max = max_text};
    e.codebuf = g_string_new(NULL);
    e.del.buf = g_string_new(NULL);
    e.ins.buf = g_string_new(NULL);
    e.hidden.buf = g_string_new(NULL);
    static const struct {
        W97Story s;
        PPPartKind kind;
        const char *origin;
    } plain[] = {
        {W97_FTN, PP_PART_FOOTNOTE, "WordDocument footnotes"},
        {W97_EDN, PP_PART_FOOTNOTE, "WordDocument endnotes"},
        {W97_TXBX, PP_PART_TEXTBOX, "WordDocument text boxes"},
        {W97_HDRTXBX, PP_PART_TEXTBOX, "WordDocument header text boxes"},
    };
    guint32 m = pp_w97_story_start(w, W97_MAIN);
    gboolean ok = story(&e, w, m, m + pp_w97_story_len(w, W97_MAIN), PP_PART_BODY, "WordDocument", NULL, error) &&
                  headers(&e, w, error);
    for (gsize i = 0; ok && i < G_N_ELEMENTS(plain); i++) {
        guint32 a = pp_w97_story_start(w, plain[i].s);
        ok = story(&e, w, a, a + pp_w97_story_len(w, plain[i].s), plain[i].kind, plain[i].origin, NULL, error);
    }
    ok = ok && comments(&e, w, error);
    if (ok) {
        side_part(doc, &e.del, PP_PART_TRACKED_CHANGE, "WordDocument deleted");
        side_part(doc, &e.ins, PP_PART_TRACKED_CHANGE, "WordDocument inserted");
        side_part(doc, &e.hidden, PP_PART_HIDDEN_TEXT, "WordDocument hidden");
    }
    g_string_free(e.codebuf, TRUE);
    g_string_free(e.del.buf, TRUE);
    g_string_free(e.ins.buf, TRUE);
    g_string_free(e.hidden.buf, TRUE);
    return ok;
}
