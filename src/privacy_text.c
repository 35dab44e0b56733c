/* privacy stage: the scratch text of a part (full-width forms folded, soft line breaks of paged
 * text joined, offsets mapped back to the original), its lines and table blocks, and the helpers
 * the matchers share (context words, claims, reporting). See privacy.h. */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "keywords.h"
#include "mask.h"
#include "privacy.h"

/* ASCII for a code point that should match like ASCII, or 0. */
static char fold_char(gunichar c)
{
    if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII forms */
        return (char)(c - 0xFF01 + 0x21);
    if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x202F)
        return ' ';
    if ((c >= 0x2010 && c <= 0x2013) || c == 0x2212 || c == 0xFE63)
        return '-';
    return 0;
}

/* Paged text (PDF) wraps running text at the page width: a line that fills the width and does not
 * end a sentence or a label continues on the next one (通讯地\n址：…, …小枧沟镇\n桂湖路 507 号). Such
 * breaks are left out of the scratch text, so cues and values match across them. Returns a bitmap
 * over original bytes (the '\n' to drop), or NULL. */
/* A line that starts a new item: "2 莫强玲 …" (a row without cell borders), "1." "1、" "（一）" "一、" */
static gboolean starts_item(const char *p, gsize n)
{
    gsize i = 0;
    while (i < n && g_ascii_isdigit(p[i]))
        i++;
    if (i > 0 && i < n && (p[i] == ' ' || p[i] == '.' || g_str_has_prefix(p + i, "、") || g_str_has_prefix(p + i, "．"))) {
        /* but "132 号 3 栋…" continues an address, "12 日…" a date: a unit after the number */
        static const char *const units[] = {"号", "栋", "幢", "单元", "室", "组", "层", "楼", "年", "月", "日", "时",
                                            "元", "万", "亿", "个", "人", "户", "次", "件", "项", "条", "天", "岁",
                                            "米", "亩", "吨", "%", "社", "队"};
        const char *q = p + i + 1;
        while (q < p + n && *q == ' ')
            q++;
        for (gsize k = 0; p[i] == ' ' && k < G_N_ELEMENTS(units); k++)
            if (g_str_has_prefix(q, units[k]))
                return FALSE;
        return TRUE;
    }
    if (g_str_has_prefix(p, "（") || g_str_has_prefix(p, "(") || g_str_has_prefix(p, "第"))
        return TRUE;
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (gsize k = 0; k < G_N_ELEMENTS(numerals); k++)
        if (g_str_has_prefix(p, numerals[k])) {
            const char *q = p + strlen(numerals[k]);
            while (g_str_has_prefix(q, "十") || g_str_has_prefix(q, "一") || g_str_has_prefix(q, "二"))
                q += 3;
            if (g_str_has_prefix(q, "、"))
                return TRUE;
        }
    return FALSE;
}

/* Display width: ASCII is half as wide as CJK (what decides where a PDF line wraps). */
static glong display_width(const char *s, gsize n)
{
    glong w = 0;
    for (gsize i = 0; i < n; i++)
        if (!((unsigned char)s[i] & 0x80))
            w += 1;
        else if (((unsigned char)s[i] & 0xC0) != 0x80)
            w += 2;
    return w;
}

/* The breaks to drop in one block of lines [s, s + n) (offsets into the bitmap from base). */
static void soft_breaks_block(const char *s, gsize n, gsize base, guint8 **drop, gsize total)
{
    glong widest = 0;
    for (gsize ls = 0; ls < n;) {
        const char *nl = memchr(s + ls, '\n', n - ls);
        gsize le = nl ? (gsize)(nl - s) : n;
        if (!memchr(s + ls, '\t', le - ls))
            widest = MAX(widest, display_width(s + ls, le - ls));
        ls = le + 1;
    }
    if (widest < 20)
        return;
    static const char *const enders[] = {"。", "！", "？", "：", "；", ":", ";", "!", "?"};
    for (gsize ls = 0; ls < n;) {
        const char *nl = memchr(s + ls, '\n', n - ls);
        if (!nl)
            break;
        gsize le = (gsize)(nl - s), next = le + 1;
        const char *nnl = memchr(s + next, '\n', n - next);
        gsize ne = nnl ? (gsize)(nnl - s) : n;
        gboolean join = ne > next && !memchr(s + ls, '\t', le - ls) && !memchr(s + next, '\t', ne - next) &&
                        display_width(s + ls, le - ls) * 10 >= widest * 8 && !starts_item(s + next, ne - next);
        for (gsize i = 0; join && i < G_N_ELEMENTS(enders); i++) {
            gsize l = strlen(enders[i]);
            if (le - ls >= l && memcmp(s + le - l, enders[i], l) == 0)
                join = FALSE;
        }
        if (join) {
            if (!*drop)
                *drop = g_malloc0(total / 8 + 1);
            (*drop)[(base + le) >> 3] |= (guint8)(1u << ((base + le) & 7));
        }
        ls = next;
    }
}

/* Blocks are separated by an empty line: the PDF layout puts one around each column of text set in
 * columns, whose lines are full at the column's width, not the page's. */
static guint8 *soft_breaks(const char *s, gsize n)
{
    guint8 *drop = NULL;
    for (gsize bs = 0; bs < n;) {
        const char *sep = memmem(s + bs, n - bs, "\n\n", 2);
        gsize be = sep ? (gsize)(sep - s) + 1 : n;
        soft_breaks_block(s + bs, be - bs, bs, &drop, n);
        bs = be + (sep != NULL);
    }
    return drop;
}

/* Does a row repeat the header (Word repeats header rows on each page)? Same first cell. */
static gboolean row_is_header_like(const char *row, gsize n, const char *header)
{
    const char *tab = memchr(row, '\t', n);
    gsize first = tab ? (gsize)(tab - row) : n;
    const char *htab = strchr(header, '\t');
    gsize hfirst = htab ? (gsize)(htab - header) : strlen(header);
    return first == hfirst && memcmp(row, header, first) == 0;
}

void pv_text_init(PVText *t, const PPDoc *doc, int idx, DocKind kind, const char *inherited)
{
    memset(t, 0, sizeof *t);
    t->part = doc->parts->pdata[idx];
    t->part_index = idx;
    t->orig = t->part->text->str;
    t->orig_len = t->part->text->len;
    t->kind = kind;
    t->inherited = inherited;
    /* fold only when needed: most parts hold no full-width forms */
    gboolean fold = FALSE;
    for (gsize i = 0; i + 2 < t->orig_len && !fold; i++) {
        unsigned char a = (unsigned char)t->orig[i], b = (unsigned char)t->orig[i + 1];
        fold = (a == 0xEF && (b == 0xBC || b == 0xBD)) || (a == 0xE3 && b == 0x80 && (unsigned char)t->orig[i + 2] == 0x80) ||
               (a == 0xE2 && b == 0x80) || (a == 0xC2 && b == 0xA0);
    }
    guint8 *drop = t->part->page > 0 ? soft_breaks(t->orig, t->orig_len) : NULL;
    if (!fold && !drop) {
        t->s = (char *)t->orig;
        t->len = t->orig_len;
    } else {
        /* written straight into buffers of the part's size (folding never lengthens the text):
         * this runs over every byte, so no per-byte appends, and CJK characters (lead bytes
         * E4–E9, never folded) are copied without decoding */
        char *s = g_malloc(t->orig_len + 1);
        guint32 *map = g_new(guint32, t->orig_len + 1);
        gsize n = 0;
        const char *o = t->orig;
        for (gsize i = 0; i < t->orig_len;) {
            unsigned char b = (unsigned char)o[i];
            if (b >= 0xE4 && b <= 0xE9 && i + 3 <= t->orig_len) {
                memcpy(s + n, o + i, 3);
                map[n] = (guint32)i;
                map[n + 1] = (guint32)i + 1;
                map[n + 2] = (guint32)i + 2;
                n += 3;
                i += 3;
                continue;
            }
            if (b < 0x80) {
                if (!(b == '\n' && drop && (drop[i >> 3] & (1u << (i & 7))))) { /* else a soft break: no scratch byte */
                    s[n] = (char)b;
                    map[n++] = (guint32)i;
                }
                i++;
                continue;
            }
            gsize next = (gsize)(g_utf8_next_char(o + i) - o);
            char a = fold_char(g_utf8_get_char(o + i));
            if (a) {
                s[n] = a;
                map[n++] = (guint32)i;
            } else {
                for (; i < next && i < t->orig_len; i++) {
                    s[n] = o[i];
                    map[n++] = (guint32)i;
                }
            }
            i = next;
        }
        s[n] = '\0';
        map[n] = (guint32)t->orig_len;
        t->len = n;
        t->s = s;
        t->map = map;
    }
    g_free(drop);
    /* lines, table blocks, the longest digit run */
    t->line_start = g_array_new(FALSE, FALSE, sizeof(gsize));
    t->table_head = g_array_new(FALSE, FALSE, sizeof(gint));
    gint head = -1;
    int run = 0;
    gboolean seen_table = FALSE;
    for (gsize ls = 0; ls <= t->len;) {
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        gsize le = nl ? (gsize)(nl - t->s) : t->len;
        gint line = (gint)t->line_start->len, th = -1;
        g_array_append_val(t->line_start, ls);
        if (memchr(t->s + ls, '\t', le - ls)) {
            /* the first table of the page, below at most a running header or page number */
            if (head == -1 && !seen_table && line <= 2 && inherited && !row_is_header_like(t->s + ls, le - ls, inherited)) {
                /* a table continued from the previous page: its rows take the header row there */
                head = PV_HEAD_INHERITED;
                th = head;
            } else if (head == -1) {
                /* the first row of a block is its header row — unless it is a title merged across
                 * the columns (one non-empty cell): then the next row is */
                int cells = 0;
                for (gsize i = ls; i < le; i++)
                    if (t->s[i] != '\t' && t->s[i] != ' ' && (i == ls || t->s[i - 1] == '\t'))
                        cells++;
                if (cells > 1)
                    head = line;
            } else {
                th = head;
            }
        } else {
            head = -1;
        }
        g_array_append_val(t->table_head, th);
        if (memchr(t->s + ls, '\t', le - ls))
            seen_table = TRUE;
        for (gsize i = ls; i < le; i++) {
            char c = t->s[i];
            if (g_ascii_isdigit(c))
                t->max_digit_run = MAX(t->max_digit_run, ++run);
            else if (c != ' ' && c != '-')
                run = 0;
        }
        run = 0;
        if (!nl)
            break;
        ls = le + 1;
    }
    t->claimed = g_malloc0(t->len / 8 + 1);
    t->found = g_array_new(FALSE, FALSE, sizeof(PVFound));
}

void pv_text_clear(PVText *t)
{
    if (t->s != t->orig)
        g_free(t->s);
    g_free(t->map);
    g_array_unref(t->line_start);
    g_array_unref(t->table_head);
    g_free(t->claimed);
    g_array_unref(t->found);
}

gsize pv_orig(const PVText *t, gsize off) { return t->map ? t->map[MIN(off, t->len)] : off; }

guint pv_line_of(const PVText *t, gsize off)
{
    guint lo = 0, hi = t->line_start->len;
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(t->line_start, gsize, mid) <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

gsize pv_line_end(const PVText *t, guint line)
{
    return line + 1 < t->line_start->len ? g_array_index(t->line_start, gsize, line + 1) - 1 : t->len;
}

/* The n-th '\t' field of a line. */
static const char *line_field(const PVText *t, guint line, guint col, gsize *n)
{
    gsize s = g_array_index(t->line_start, gsize, line), e = pv_line_end(t, line);
    for (guint c = 0; c < col; c++) {
        const char *tab = memchr(t->s + s, '\t', e - s);
        if (!tab) {
            *n = 0;
            return NULL;
        }
        s = (gsize)(tab - t->s) + 1;
    }
    const char *tab = memchr(t->s + s, '\t', e - s);
    *n = (tab ? (gsize)(tab - t->s) : e) - s;
    return t->s + s;
}

/* The n-th '\t' field of a NUL-terminated row. */
static const char *str_field(const char *row, guint col, gsize *n)
{
    for (guint c = 0; c < col; c++) {
        row = strchr(row, '\t');
        if (!row) {
            *n = 0;
            return NULL;
        }
        row++;
    }
    const char *tab = strchr(row, '\t');
    *n = tab ? (gsize)(tab - row) : strlen(row);
    return row;
}

const char *pv_column_header(const PVText *t, gsize off, gsize *n)
{
    guint line = pv_line_of(t, off);
    gint head = g_array_index(t->table_head, gint, line);
    *n = 0;
    if (head < 0 && head != PV_HEAD_INHERITED)
        return NULL;
    gsize ls = g_array_index(t->line_start, gsize, line);
    if (off - ls > 65536)
        return NULL; /* not a table row anyone wrote: keep lookups linear */
    guint col = 0;
    for (gsize i = ls; i < off; i++)
        col += t->s[i] == '\t';
    if (head == PV_HEAD_INHERITED)
        return str_field(t->inherited, col, n);
    return line_field(t, (guint)head, col, n);
}

const char *pv_header_row(const PVText *t, guint line, gsize *n)
{
    gint head = g_array_index(t->table_head, gint, line);
    *n = 0;
    if (head == PV_HEAD_INHERITED) {
        *n = strlen(t->inherited);
        return t->inherited;
    }
    if (head < 0)
        return NULL;
    gsize s = g_array_index(t->line_start, gsize, head);
    *n = pv_line_end(t, (guint)head) - s;
    return t->s + s;
}

gboolean pv_header_has(const char *h, gsize n, char **terms)
{
    /* header cells wrap in narrow columns (身份\n证号 joined as "身份 证号"): compare without spaces */
    char buf[1024];
    gsize k = 0;
    for (gsize i = 0; i < n && k + 1 < sizeof buf; i++)
        if (h[i] != ' ' && h[i] != '\n')
            buf[k++] = h[i];
    return pv_contains_any(buf, k, terms);
}

gboolean pv_table_has_column(const PVText *t, gsize off, char **terms)
{
    gsize n = 0;
    const char *h = pv_header_row(t, pv_line_of(t, off), &n);
    return h && terms && terms[0] && pv_header_has(h, n, terms);
}

void pv_words_present(const PVText *t, const char *const *words, gsize n, guint8 *present)
{
    enum { SCAN_FROM = 16384 }; /* below this, memmem per word costs less than building a scanner */
    if (t->len < SCAN_FROM || n == 0) {
        memset(present, 1, n);
        return;
    }
    PPKeywords *kw = pp_keywords_new(words, (guint)n);
    pp_keywords_scan(kw, t->s, t->len, present);
    pp_keywords_free(kw);
}

const char *pv_find(const char *hay, gsize n, const char *needle)
{
    return memmem(hay, n, needle, strlen(needle)); /* glibc's memmem is much faster than g_strstr_len */
}

gboolean pv_contains_any(const char *s, gsize n, char **words)
{
    for (char **w = words; w && *w; w++)
        if (pv_find(s, n, *w))
            return TRUE;
    return FALSE;
}

gboolean pv_words_before(const PVText *t, gsize off, int chars, char **words)
{
    if (!words || !words[0])
        return FALSE;
    gsize ls = g_array_index(t->line_start, gsize, pv_line_of(t, off));
    const char *p = t->s + off;
    for (int i = 0; i < chars && p > t->s + ls; i++)
        p = g_utf8_prev_char(p);
    return pv_contains_any(p, (gsize)(t->s + off - p), words);
}

gboolean pv_words_after(const PVText *t, gsize off, int chars, char **words)
{
    if (!words || !words[0])
        return FALSE;
    gsize le = pv_line_end(t, pv_line_of(t, off));
    const char *p = t->s + off;
    for (int i = 0; i < chars && p < t->s + le && *p != '\t'; i++) /* within the cell */
        p = g_utf8_next_char(p);
    return pv_contains_any(t->s + off, (gsize)(p - t->s - off), words);
}

gboolean pv_is_claimed(const PVText *t, gsize s, gsize e)
{
    for (gsize i = s; i < e; i++)
        if (t->claimed[i >> 3] & (1u << (i & 7)))
            return TRUE;
    return FALSE;
}

void pv_claim(PVText *t, gsize s, gsize e)
{
    for (gsize i = s; i < e; i++)
        t->claimed[i >> 3] |= (guint8)(1u << (i & 7));
}

void pv_report(PVText *t, const PPRule *r, gsize s, gsize e, const char *mask_input, PPSeverity sev)
{
    pv_claim(t, s, e);
    PPFinding *f = pp_finding_new(r->id, r->category, r->type, sev);
    gsize os = pv_orig(t, s), oe = pv_orig(t, e);
    f->text = g_strndup(t->orig + os, oe - os);
    const char *style = pp_rule_setting(r, "mask", "generic");
    f->masked = pp_mask(style, mask_input);
    if (!f->masked)
        f->masked = pp_mask("generic", mask_input);
    f->message = g_strdup(r->message ? r->message : "个人信息未去标识化");
    f->basis = g_strdup(r->basis);
    f->advice = g_strdup(r->advice);
    PVFound fo = {s, e, f};
    g_array_append_val(t->found, fo);
    t->max_found_len = MAX(t->max_found_len, e - s);
}

