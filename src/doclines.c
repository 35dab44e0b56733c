/* Lines of a document with their position (top of page 1, 成文日期, 版记). See doclines.h. */
#define _GNU_SOURCE /* memmem */
#include "doclines.h"

#include <string.h>

static const void *find_str(const char *h, gsize n, const char *needle) { return memmem(h, n, needle, strlen(needle)); }

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

void pp_lines_free(PPLines *l)
{
    if (!l)
        return;
    g_ptr_array_unref(l->lines);
    g_ptr_array_unref(l->blocks);
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

/* Squeeze text[s, e) into sq/map (room for e - s + 1 entries); returns the squeezed length.
 * Markdown emphasis ("**", "__") and heading marks ("## ") go too: converted documents carry them
 * around whole markings (**信息公开选项：主动公开**). split_gaps: a run of two or more blanks
 * separates cells, as in page headers laid out with spaces ("机密★1年      某某县人民政府").
 * This runs over every byte of the document, so it writes into the caller's scratch buffers (only
 * the short lines that are kept get their own copy) and copies CJK characters without decoding. */
static gsize squeeze_into(const char *text, gsize s, gsize e, gboolean split_gaps, char *sq, guint32 *map)
{
    gsize len = 0;
    int blanks = 0;
    for (gsize i = s; i < e;) {
        unsigned char b = (unsigned char)text[i];
        /* U+4000–U+9FFF (lead bytes E4–E9): never blank nor markup, the bulk of a Chinese text */
        if (b >= 0xE4 && b <= 0xE9 && i + 3 <= e && !(split_gaps && blanks >= 2)) {
            blanks = 0;
            guint32 rel = (guint32)(i - s);
            map[len] = rel;
            map[len + 1] = rel + 1;
            map[len + 2] = rel + 2;
            memcpy(sq + len, text + i, 3);
            len += 3;
            i += 3;
            continue;
        }
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
    if (len) {
        sq[len] = '\0';
        map[len] = (guint32)(e - s);
    }
    return len;
}

/* n bytes (8-aligned) from the lines' blocks: a long document keeps tens of thousands of short
 * lines, and three allocations each (then as many frees) cost more than squeezing them */
static void *carve(PPLines *l, gsize n)
{
    n = (n + 7) & ~(gsize)7;
    if (n > l->left) {
        gsize size = MAX(n, (gsize)256 * 1024);
        l->cur = g_malloc(size);
        l->left = size;
        g_ptr_array_add(l->blocks, l->cur);
    }
    void *p = l->cur;
    l->cur += n;
    l->left -= n;
    return p;
}

/* A line of its own, copied out of the scratch buffers. */
static PPLine *line_copy(PPLines *l, const PPLine *tmp)
{
    PPLine *ln = carve(l, sizeof *ln);
    *ln = *tmp;
    ln->map = carve(l, (tmp->sq_len + 1) * sizeof(guint32));
    memcpy(ln->map, tmp->map, (tmp->sq_len + 1) * sizeof(guint32));
    ln->sq = carve(l, tmp->sq_len + 1);
    memcpy(ln->sq, tmp->sq, tmp->sq_len + 1);
    return ln;
}

gssize pp_line_match(const PPRule *r, const PPLine *ln, gsize s, gsize end, gboolean whole, pcre2_match_data *md)
{
    /* the subject starts at the cell, so a rule's ^ means "start of the cell"; the anchoring is
     * compiled into the pattern (pp_rule_anchored) so that JIT runs it */
    const pcre2_code *re = pp_rule_anchored(r, whole);
    if (!re)
        return -1;
    int rc = pcre2_match(re, (PCRE2_SPTR)ln->sq + s, end - s, 0, PCRE2_NO_UTF_CHECK, md, NULL);
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
    l->lines = g_ptr_array_new();
    l->blocks = g_ptr_array_new_with_free_func(g_free);
    l->cc = g_array_new(FALSE, FALSE, sizeof(int));
    l->last_date = -1;
    pcre2_match_data *md = pp_match_data_new();
    GArray *dates = g_array_new(FALSE, FALSE, sizeof(int));
    gsize room = 0;
    char *sq = NULL;
    guint32 *map = NULL;
    for (guint pi = 0; pi < doc->parts->len; pi++) {
        const PPPart *p = doc->parts->pdata[pi];
        if (!visible(p->kind))
            continue;
        const char *t = p->text->str;
        gsize len = p->text->len;
        for (gsize s = 0; s < len;) {
            const char *nl = memchr(t + s, '\n', len - s);
            gsize e = nl ? (gsize)(nl - t) : len;
            if (e - s + 1 > room) {
                room = MAX(e - s + 1, 2 * room);
                sq = g_realloc(sq, room);
                map = g_renew(guint32, map, room);
            }
            PPLine tmp = {.part_index = (int)pi, .kind = p->kind, .page = p->page, .sq = sq, .map = map,
                          .start = s, .body_index = -1};
            tmp.sq_len = squeeze_into(t, s, e, p->kind == PP_PART_HEADER || p->kind == PP_PART_FOOTER, sq, map);
            if (tmp.sq_len) {
                if (p->kind == PP_PART_BODY) {
                    tmp.body_index = l->n_body++;
                    /* cheap necessary conditions first: a date holds 年; a 版记 line a colon or 印发 */
                    if (find_str(sq, tmp.sq_len, "年") && any_cell(date_re, &tmp, md))
                        g_array_append_val(dates, tmp.body_index);
                    if ((memchr(sq, ':', tmp.sq_len) || find_str(sq, tmp.sq_len, "：") || find_str(sq, tmp.sq_len, "印发")) &&
                        any_cell(cc_re, &tmp, md))
                        g_array_append_val(l->cc, tmp.body_index);
                }
                if (shortest_cell(&tmp) <= PP_LINE_MAX_CELL)
                    g_ptr_array_add(l->lines, line_copy(l, &tmp));
            }
            s = e + 1;
        }
    }
    g_free(sq);
    g_free(map);
    if (dates->len)
        l->last_date = g_array_index(dates, int, dates->len - 1);
    l->dates = dates; /* all of them: a 附注 may follow the main text's date, before its attachments */
    pcre2_match_data_free(md);
    return l;
}

const PPLines *pp_doc_lines(PPDoc *doc)
{
    if (!doc->lines)
        doc->lines = pp_lines_new(doc);
    return doc->lines;
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

/* Is some x of a (ascending: lines are numbered in order) within x - before <= bi <= x + after?
 * Binary search: asked for every line in scope, and a long document has many dates. */
static gboolean near(const GArray *a, int bi, int before, int after)
{
    guint lo = 0, hi = a->len;
    while (lo < hi) { /* first x >= bi - after */
        guint mid = (lo + hi) / 2;
        if (g_array_index(a, int, mid) < bi - after)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->len && g_array_index(a, int, lo) <= bi + before;
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
