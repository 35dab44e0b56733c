/* Lines of a document with their position (top of page 1, 成文日期, 版记). See doclines.h. */
#include "doclines.h"

#include <string.h>

/* A 成文日期 or 印发日期 standing alone in its line or cell: 2025年3月12日, 2020 年 7 月 7 日 (squeezed),
 * 二〇二五年三月十二日, 2018年7月30日印发. */
#define DATE_RE "^(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,3}月" \
                "[0-9０-９一二三四五六七八九十]{1,3}日(?:印发|发布|印)?$"
/* Lines of the 版记: 抄送/主送…: and the 印发 line. */
#define CC_RE "^(?:抄送|抄报|主送|分送|发送|报送|印发|内部发送)[：:]|印发$"

static pcre2_code *date_re, *cc_re;

static void compile_static(void)
{
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        date_re = pp_regex_compile(DATE_RE, NULL, NULL);
        cc_re = pp_regex_compile(CC_RE, NULL, NULL);
        g_assert(date_re && cc_re);
        g_once_init_leave(&once, 1);
    }
}

static void line_free(gpointer p)
{
    PPLine *ln = p;
    g_free(ln->sq);
    g_free(ln->map);
    g_free(ln);
}

void pp_lines_free(PPLines *l)
{
    if (!l)
        return;
    g_ptr_array_unref(l->lines);
    g_array_unref(l->cc);
    if (l->dates)
        g_array_unref(l->dates);
    g_free(l);
}

/* Characters a reader does not see as text: spaces of every width, zero-width marks. */
static gboolean is_blank(gunichar c)
{
    return c == ' ' || c == '\r' || c == 0x3000 || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF ||
           c == 0x202F || c == 0x205F;
}

/* Squeeze text[s, e) into a line. Markdown emphasis ("**", "__") and heading marks ("## ") go too:
 * converted documents carry them around whole markings (**信息公开选项：主动公开**). split_gaps: a run of two or more
 * blanks separates cells, as in page headers laid out with spaces ("机密★1年      某某县人民政府"). */
static PPLine *squeeze(const char *text, gsize s, gsize e, gboolean split_gaps)
{
    /* written straight into buffers sized for the whole line: this runs over every byte of the
     * document, twice (disclosure and secrets), so no per-character appends */
    char *sq = g_malloc(e - s + 1);
    guint32 *map = g_new(guint32, e - s + 1);
    gsize len = 0;
    int blanks = 0;
    for (gsize i = s; i < e;) {
        unsigned char b = (unsigned char)text[i];
        gunichar c = b < 0x80 ? b : g_utf8_get_char(text + i);
        gsize n = b < 0x80 ? 1 : (gsize)(g_utf8_next_char(text + i) - (text + i));
        gboolean emph = (c == '*' || c == '_') && ((i + 1 < e && text[i + 1] == (char)c) || (i > s && text[i - 1] == (char)c));
        gboolean heading = c == '#' && len == 0; /* markdown heading marks at the start */
        if (is_blank(c) || emph || heading) {
            blanks += is_blank(c);
            i += n;
            continue;
        }
        if (split_gaps && blanks >= 2)
            c = '\t';
        else
            blanks = 0;
        guint32 rel = (guint32)(i - s);
        if (c == '\t') {
            if (blanks >= 2) { /* the gap is a separator, the character after it is text */
                blanks = 0;
                if (len && sq[len - 1] != '\t') {
                    map[len] = rel;
                    sq[len++] = '\t';
                }
                continue;
            }
            if (len && sq[len - 1] != '\t') {
                map[len] = rel;
                sq[len++] = '\t';
            }
            i += n;
            continue;
        }
        for (guint32 k = 0; k < n; k++) {
            map[len] = rel + k;
            sq[len++] = text[i + k];
        }
        i += n;
    }
    while (len && sq[len - 1] == '\t')
        len--;
    if (!len) {
        g_free(sq);
        g_free(map);
        return NULL;
    }
    sq[len] = '\0';
    map[len] = (guint32)(e - s);
    PPLine *ln = g_new0(PPLine, 1);
    ln->start = s;
    ln->sq_len = len;
    ln->sq = sq;
    ln->map = map;
    ln->body_index = -1;
    return ln;
}

gssize pp_line_match(const pcre2_code *re, const PPLine *ln, gsize s, gsize end, gboolean whole, pcre2_match_data *md)
{
    /* the subject starts at the cell, so a rule's ^ means "start of the cell" */
    uint32_t opts = PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK | (whole ? PCRE2_ENDANCHORED : 0);
    int rc = pcre2_match(re, (PCRE2_SPTR)ln->sq + s, end - s, 0, opts, md, NULL);
    if (rc < 0)
        return -1;
    return (gssize)(s + pcre2_get_ovector_pointer(md)[1]);
}

gsize pp_line_cell_end(const PPLine *ln, gsize s)
{
    const char *t = memchr(ln->sq + s, '\t', ln->sq_len - s);
    return t ? (gsize)(t - ln->sq) : ln->sq_len;
}

char *pp_line_text(const PPLine *ln, gsize s, gsize e) { return g_strndup(ln->sq + s, e - s); }

/* Does any cell of the line match re in full? */
static gboolean any_cell(const pcre2_code *re, const PPLine *ln, pcre2_match_data *md)
{
    for (gsize s = 0; s < ln->sq_len;) {
        gsize e = pp_line_cell_end(ln, s);
        if (pcre2_match(re, (PCRE2_SPTR)ln->sq + s, e - s, 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0)
            return TRUE;
        s = e + 1;
    }
    return FALSE;
}

static gsize shortest_cell(const PPLine *ln)
{
    gsize best = G_MAXSIZE;
    for (gsize s = 0; s < ln->sq_len;) {
        gsize e = pp_line_cell_end(ln, s);
        best = MIN(best, e - s);
        s = e + 1;
    }
    return best;
}

static gboolean visible(PPPartKind k)
{
    return k == PP_PART_BODY || k == PP_PART_HEADER || k == PP_PART_FOOTER || k == PP_PART_FOOTNOTE ||
           k == PP_PART_TEXTBOX;
}

PPLines *pp_lines_new(const PPDoc *doc)
{
    compile_static();
    PPLines *l = g_new0(PPLines, 1);
    l->lines = g_ptr_array_new_with_free_func(line_free);
    l->cc = g_array_new(FALSE, FALSE, sizeof(int));
    l->last_date = -1;
    pcre2_match_data *md = pp_match_data_new();
    GArray *dates = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint pi = 0; pi < doc->parts->len; pi++) {
        const PPPart *p = doc->parts->pdata[pi];
        if (!visible(p->kind))
            continue;
        const char *t = p->text->str;
        gsize len = p->text->len;
        for (gsize s = 0; s < len;) {
            const char *nl = memchr(t + s, '\n', len - s);
            gsize e = nl ? (gsize)(nl - t) : len;
            PPLine *ln = squeeze(t, s, e, p->kind == PP_PART_HEADER || p->kind == PP_PART_FOOTER);
            if (ln) {
                ln->part_index = (int)pi;
                ln->kind = p->kind;
                ln->page = p->page;
                if (p->kind == PP_PART_BODY) {
                    ln->body_index = l->n_body++;
                    if (any_cell(date_re, ln, md))
                        g_array_append_val(dates, ln->body_index);
                    if (any_cell(cc_re, ln, md))
                        g_array_append_val(l->cc, ln->body_index);
                }
                if (shortest_cell(ln) <= PP_LINE_MAX_CELL)
                    g_ptr_array_add(l->lines, ln);
                else
                    line_free(ln);
            }
            s = e + 1;
        }
    }
    if (dates->len)
        l->last_date = g_array_index(dates, int, dates->len - 1);
    l->dates = dates; /* all of them: a 附注 may follow the main text's date, before its attachments */
    pcre2_match_data_free(md);
    return l;
}

gboolean pp_line_is_top(const PPLines *l, const PPLine *ln, int max_lines)
{
    (void)l;
    switch (ln->kind) {
    case PP_PART_HEADER:
        return TRUE;
    case PP_PART_TEXTBOX:
        return ln->page <= 1;
    case PP_PART_BODY:
        return ln->page <= 1 && ln->body_index < max_lines;
    default:
        return FALSE;
    }
}

static gboolean near(const GArray *a, int bi, int before, int after)
{
    for (guint i = 0; i < a->len; i++) {
        int x = g_array_index(a, int, i);
        if (bi >= x - before && bi <= x + after)
            return TRUE;
    }
    return FALSE;
}

gboolean pp_line_is_tail(const PPLines *l, const PPLine *ln)
{
    if (ln->kind == PP_PART_FOOTER || ln->kind == PP_PART_FOOTNOTE)
        return TRUE;
    if (ln->kind != PP_PART_BODY)
        return FALSE;
    int bi = ln->body_index;
    return (l->last_date >= 0 && bi > l->last_date) || near(l->dates, bi, 0, 3) || near(l->cc, bi, 3, 3) ||
           bi >= l->n_body - 3;
}

static const char *const scopes[] = {"top", "tail", "marking", "header", "any"};

gboolean pp_scope_valid(const char *scope)
{
    for (gsize i = 0; i < G_N_ELEMENTS(scopes); i++)
        if (g_strcmp0(scope, scopes[i]) == 0)
            return TRUE;
    return FALSE;
}

gboolean pp_line_in_scope(const PPLines *l, const PPLine *ln, const char *scope, int max_lines)
{
    gboolean hf = ln->kind == PP_PART_HEADER || ln->kind == PP_PART_FOOTER;
    if (!scope || strcmp(scope, "any") == 0)
        return TRUE;
    if (strcmp(scope, "top") == 0)
        return pp_line_is_top(l, ln, max_lines);
    if (strcmp(scope, "tail") == 0)
        return pp_line_is_tail(l, ln);
    if (strcmp(scope, "header") == 0)
        return hf;
    /* "marking": wherever GB/T 9704 puts a marking: top, header/footer, 附注 and 版记 */
    return hf || pp_line_is_top(l, ln, max_lines) || pp_line_is_tail(l, ln);
}
