/* privacy stage: personal identifiers, validated, in context, masked.
 *
 * Rules come from rules/privacy.rules (ids "privacy.*"). Stage settings of a rule (rules.c lists
 * the keys):
 *   validator = NAME        a validator of validate.c; its verdict decides a match: certain, needs
 *                           context, or not the identifier
 *   mask = STYLE            a mask style of mask.c (default: generic)
 *   context = w1, w2        words that make a weak match personal when they stand within `window`
 *                           characters before it on the same line
 *   columns = h1, h2        table header cells that type a column (the header row is the first row
 *                           of a '\t' table block); a match in such a column counts as in context
 *   anti_context = w1, w2   words that rule a match out (an office's phone): within anti_window
 *                           characters before it, or anywhere in the header row of its table
 *   window = N              context window in characters (default 30)
 *   anti_window = N         window for anti_context (default 10)
 *   group = N               capture group holding the value (default: the whole match)
 *   min_digits = N          numeric prefilter: skip parts without a run of N digits
 *   needs_context = yes     even a certain match counts only in context (an e-mail address)
 *   doc_kinds = list, reply, penalty   documents that are that context by themselves (公示名单、
 *                           答复书、处罚决定书: they are about persons)
 *   action = exclude        a look-alike that is not personal (USCC, 文号, 索引号): its span is
 *                           claimed so that no identifier rule reports inside it; nothing reported
 *   detector = person_name|address   evidence-based detectors (privacy_people.c): cues, columns…
 *   review_severity = S     severity where judgement is needed (names outside 公示 lists/replies)
 *
 * Order: per part, rules run in file order (exclusions first in the bundled file); a span reported
 * or excluded once is never reported again. Cheap before expensive: the numeric prefilter and the
 * keywords prefilter, then PCRE2 (JIT), then the validator, then the context.
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "mask.h"
#include "names.h"
#include "privacy.h"
#include "validate.h"

typedef void (*DetectorFn)(PVText *t, const PPRule *r);
static const struct {
    const char *name;
    DetectorFn fn;
} detectors[] = {
    {"person_name", pv_detect_names},
    {"address", pv_detect_addresses},
};

static DetectorFn detector_find(const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS(detectors); i++)
        if (strcmp(detectors[i].name, name) == 0)
            return detectors[i].fn;
    return NULL;
}

/* ---- scratch text ---- */

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
static guint8 *soft_breaks(const char *s, gsize n)
{
    glong widest = 0;
    for (gsize ls = 0; ls < n;) {
        const char *nl = memchr(s + ls, '\n', n - ls);
        gsize le = nl ? (gsize)(nl - s) : n;
        if (!memchr(s + ls, '\t', le - ls))
            widest = MAX(widest, g_utf8_strlen(s + ls, (gssize)(le - ls)));
        ls = le + 1;
    }
    if (widest < 10)
        return NULL;
    guint8 *drop = NULL;
    static const char *const enders[] = {"。", "！", "？", "：", "；", ":", ";", "!", "?"};
    for (gsize ls = 0; ls < n;) {
        const char *nl = memchr(s + ls, '\n', n - ls);
        if (!nl)
            break;
        gsize le = (gsize)(nl - s), next = le + 1;
        const char *nnl = memchr(s + next, '\n', n - next);
        gsize ne = nnl ? (gsize)(nnl - s) : n;
        gboolean join = ne > next && !memchr(s + ls, '\t', le - ls) && !memchr(s + next, '\t', ne - next) &&
                        g_utf8_strlen(s + ls, (gssize)(le - ls)) * 10 >= widest * 8;
        for (gsize i = 0; join && i < G_N_ELEMENTS(enders); i++) {
            gsize l = strlen(enders[i]);
            if (le - ls >= l && memcmp(s + le - l, enders[i], l) == 0)
                join = FALSE;
        }
        if (join) {
            if (!drop)
                drop = g_malloc0(n / 8 + 1);
            drop[le >> 3] |= (guint8)(1u << (le & 7));
        }
        ls = next;
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

static void text_init(PVText *t, const PPDoc *doc, int idx, DocKind kind, const char *inherited)
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
        GString *s = g_string_sized_new(t->orig_len);
        GArray *map = g_array_sized_new(FALSE, FALSE, sizeof(guint32), t->orig_len + 1);
        const char *p = t->orig, *end = t->orig + t->orig_len;
        while (p < end) {
            const char *next = g_utf8_next_char(p);
            guint32 o = (guint32)(p - t->orig);
            char a = fold_char(g_utf8_get_char(p));
            if (*p == '\n' && drop && (drop[o >> 3] & (1u << (o & 7)))) {
                /* a soft break: no scratch byte */
            } else if (a) {
                g_string_append_c(s, a);
                g_array_append_val(map, o);
            } else {
                for (const char *q = p; q < next; q++, o++) {
                    g_string_append_c(s, *q);
                    g_array_append_val(map, o);
                }
            }
            p = next;
        }
        guint32 o = (guint32)t->orig_len;
        g_array_append_val(map, o);
        t->len = s->len;
        t->s = g_string_free(s, FALSE);
        t->map = (guint32 *)(void *)g_array_free(map, FALSE);
    }
    g_free(drop);
    /* lines, table blocks, the longest digit run */
    t->line_start = g_array_new(FALSE, FALSE, sizeof(gsize));
    t->table_head = g_array_new(FALSE, FALSE, sizeof(gint));
    gint head = -1;
    int run = 0;
    for (gsize ls = 0; ls <= t->len;) {
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        gsize le = nl ? (gsize)(nl - t->s) : t->len;
        gint line = (gint)t->line_start->len, th = -1;
        g_array_append_val(t->line_start, ls);
        if (memchr(t->s + ls, '\t', le - ls)) {
            if (head == -1 && line == 0 && inherited && !row_is_header_like(t->s + ls, le - ls, inherited)) {
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

static void text_clear(PVText *t)
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

static gsize line_end(const PVText *t, guint line)
{
    return line + 1 < t->line_start->len ? g_array_index(t->line_start, gsize, line + 1) - 1 : t->len;
}

/* The n-th '\t' field of a line. */
static const char *line_field(const PVText *t, guint line, guint col, gsize *n)
{
    gsize s = g_array_index(t->line_start, gsize, line), e = line_end(t, line);
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
    guint col = 0;
    for (gsize i = g_array_index(t->line_start, gsize, line); i < off; i++)
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
    *n = line_end(t, (guint)head) - s;
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
    gsize le = line_end(t, pv_line_of(t, off));
    const char *p = t->s + off;
    for (int i = 0; i < chars && p < t->s + le; i++)
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

static void claim(PVText *t, gsize s, gsize e)
{
    for (gsize i = s; i < e; i++)
        t->claimed[i >> 3] |= (guint8)(1u << (i & 7));
}

void pv_report(PVText *t, const PPRule *r, gsize s, gsize e, const char *mask_input, PPSeverity sev)
{
    claim(t, s, e);
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

/* ---- identifiers by pattern ---- */

typedef struct {
    PVText *t;
    const PPValidator *validator;
    gboolean exclude;
    int group, window, anti_window;
    char **context, **anti, **columns;
    gboolean needs_context; /* even a certain match is personal only in context */
    int doc_kinds;          /* DocKind bits in which the document itself is that context */
} ScanCtx;

static int parse_doc_kinds(const PPRule *r)
{
    static const struct {
        const char *name;
        DocKind kind;
    } kinds[] = {{"list", DOC_LIST}, {"reply", DOC_REPLY}, {"penalty", DOC_PENALTY}};
    g_auto(GStrv) names = pp_rule_setting_list(r, "doc_kinds");
    int bits = 0;
    for (char **n = names; *n; n++)
        for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++)
            if (strcmp(*n, kinds[i].name) == 0)
                bits |= kinds[i].kind;
    return bits;
}

/* a weak match is personal when context words stand before it, or right after it: 023-…（住宅） */
static gboolean in_context(const ScanCtx *c, gsize s, gsize e)
{
    gsize hn = 0;
    const char *h = pv_column_header(c->t, s, &hn);
    if (h && pv_header_has(h, hn, c->columns) && !pv_table_has_column(c->t, s, c->anti))
        return TRUE;
    return pv_words_before(c->t, s, c->window, c->context) || pv_words_after(c->t, e, 6, c->context);
}

static gboolean ruled_out(const ScanCtx *c, gsize s)
{
    return pv_words_before(c->t, s, c->anti_window, c->anti);
}

static gboolean on_match(const PPRule *r, const char *text, gsize start, gsize end, pcre2_match_data *md, gpointer user)
{
    ScanCtx *c = user;
    (void)text;
    if (c->group > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if ((guint32)c->group >= pcre2_get_ovector_count(md) || ov[2 * c->group] == PCRE2_UNSET)
            return TRUE;
        start = ov[2 * c->group];
        end = ov[2 * c->group + 1];
    }
    PVText *t = c->t;
    if (end <= start || pv_is_claimed(t, start, end))
        return TRUE;
    g_autofree char *compact = pp_compact_value(t->s + start, end - start);
    PPValidity v = c->validator ? c->validator->fn(compact, strlen(compact)) : PP_VALID_YES;
    if (c->exclude) {
        /* a code of digits only (the last may be X) could as well be an ID: with context words set,
         * such a code is excluded only where they say what it is */
        gboolean digits_only = strspn(compact, "0123456789") + (compact[0] && g_str_has_suffix(compact, "X")) >= strlen(compact);
        if (v == PP_VALID_YES && (!digits_only || !c->context[0] || in_context(c, start, end)))
            claim(t, start, end);
        return TRUE;
    }
    if (v == PP_VALID_NO)
        return TRUE;
    if ((v == PP_VALID_WEAK || c->needs_context) && !(c->doc_kinds & t->kind) && !in_context(c, start, end))
        return TRUE;
    if (ruled_out(c, start))
        return TRUE;
    const PPMaskStyle *m = pp_mask_find(pp_rule_setting(r, "mask", "generic"));
    g_autofree char *raw = g_strndup(t->s + start, end - start);
    pv_report(t, r, start, end, (m && m->compact) ? compact : raw, r->severity);
    return TRUE;
}

static void scan_rule(PVText *t, const PPRule *r, pcre2_match_data *md)
{
    const char *det = pp_rule_setting(r, "detector", NULL);
    if (det) {
        DetectorFn fn = detector_find(det);
        if (fn)
            fn(t, r);
        return;
    }
    if (!r->pattern || t->max_digit_run < pp_rule_setting_int(r, "min_digits", 0))
        return;
    ScanCtx c = {
        .t = t,
        .validator = pp_validator_find(pp_rule_setting(r, "validator", NULL)),
        .exclude = g_strcmp0(pp_rule_setting(r, "action", NULL), "exclude") == 0,
        .group = pp_rule_setting_int(r, "group", 0),
        .window = pp_rule_setting_int(r, "window", 30),
        .anti_window = pp_rule_setting_int(r, "anti_window", 10),
        .context = pp_rule_setting_list(r, "context"),
        .anti = pp_rule_setting_list(r, "anti_context"),
        .columns = pp_rule_setting_list(r, "columns"),
        .needs_context = g_strcmp0(pp_rule_setting(r, "needs_context", NULL), "yes") == 0,
        .doc_kinds = parse_doc_kinds(r),
    };
    pp_rule_scan(r, t->s, t->len, md, on_match, &c);
    g_strfreev(c.context);
    g_strfreev(c.anti);
    g_strfreev(c.columns);
}

/* ---- findings: location and a context excerpt in which every reported value is masked ---- */

#define CONTEXT_CHARS 15

static gint cmp_found(gconstpointer a, gconstpointer b)
{
    const PVFound *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s;
}

/* An excerpt of the ORIGINAL text around scratch range [s, e), every reported value replaced by its
 * masked form and any other digit starred. t->found sorted by start. */
static char *make_context(const PVText *t, gsize s, gsize e)
{
    const char *o = t->orig;
    gsize ls = pv_orig(t, g_array_index(t->line_start, gsize, pv_line_of(t, s)));
    gsize le = pv_orig(t, line_end(t, pv_line_of(t, e > s ? e - 1 : s)));
    const char *a = o + pv_orig(t, s), *b = o + pv_orig(t, e);
    for (int i = 0; i < CONTEXT_CHARS && a > o + ls; i++)
        a = g_utf8_prev_char(a);
    for (int i = 0; i < CONTEXT_CHARS && b < o + le; i++)
        b = g_utf8_next_char(b);
    /* the findings that may overlap: scratch offsets are never below original ones' images */
    gsize from = s > t->max_found_len + 4 * CONTEXT_CHARS ? s - t->max_found_len - 4 * CONTEXT_CHARS : 0;
    guint lo = 0, hi = t->found->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(t->found, PVFound, mid).s < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    GString *out = g_string_new(NULL);
    for (const char *p = a; p < b;) {
        gsize off = (gsize)(p - o);
        const PVFound *hit = NULL;
        for (guint k = lo; k < t->found->len; k++) {
            const PVFound *fo = &g_array_index(t->found, PVFound, k);
            gsize fs = pv_orig(t, fo->s), fe = pv_orig(t, fo->e);
            if (fs > off)
                break;
            if (off < fe) {
                hit = fo;
                break;
            }
        }
        if (hit) {
            g_string_append(out, hit->f->masked);
            p = o + MIN(pv_orig(t, hit->e), (gsize)(b - o));
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        /* anything else that looks like a number is starred too: the excerpt must not leak */
        if (g_ascii_isdigit(*p) || (c >= 0xFF10 && c <= 0xFF19))
            g_string_append_c(out, '*');
        else if (*p == '\t' || *p == '\n')
            g_string_append_c(out, ' ');
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        p = g_utf8_next_char(p);
    }
    return g_string_free(out, FALSE);
}

static void text_flush(PVText *t, PPDoc *doc)
{
    g_array_sort(t->found, cmp_found);
    gsize counted_to = 0;
    int line = 1;
    for (guint k = 0; k < t->found->len; k++) {
        const PVFound *fo = &g_array_index(t->found, PVFound, k);
        PPFinding *f = fo->f;
        f->context = make_context(t, fo->s, fo->e);
        /* pp_finding_locate counts lines from the start of the part for every finding; a large
         * part with many findings would be quadratic, so lines are counted once, in order, in the
         * original text (soft breaks of paged text are lines there) */
        pp_finding_locate(f, doc, t->part_index, 0, 0);
        f->start = pv_orig(t, fo->s);
        f->end = pv_orig(t, fo->e);
        for (const char *q; counted_to < f->start && (q = memchr(t->orig + counted_to, '\n', f->start - counted_to));) {
            line++;
            counted_to = (gsize)(q - t->orig) + 1;
        }
        if (counted_to < f->start)
            counted_to = f->start;
        f->line = line;
    }
    for (guint k = 0; k < t->found->len; k++)
        pp_doc_add_finding(doc, g_array_index(t->found, PVFound, k).f);
    g_array_set_size(t->found, 0);
}

/* What kind of document this is, from the first lines of the body: names in 公示 lists and in
 * replies to an applicant are personal information to mask; elsewhere they need judgement. */
static DocKind doc_kind(const PPDoc *doc)
{
    static const struct {
        const char *word;
        DocKind kind;
    } words[] = {
        {"公示", DOC_LIST},       {"名单", DOC_LIST},       {"花名册", DOC_LIST}, {"一览表", DOC_LIST},
        {"答复", DOC_REPLY},      {"告知书", DOC_REPLY},    {"回复", DOC_REPLY},  {"处罚决定", DOC_PENALTY},
        {"处罚告知", DOC_PENALTY}, {"处理决定", DOC_PENALTY},
    };
    int kind = DOC_PLAIN;
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind != PP_PART_BODY)
            continue;
        const char *s = p->text->str;
        gsize n = 0;
        for (int lines = 0; n < p->text->len && lines < 6; n++) /* the title is among the first lines */
            lines += s[n] == '\n';
        for (gsize w = 0; w < G_N_ELEMENTS(words); w++)
            if (g_strstr_len(s, (gssize)n, words[w].word))
                kind |= words[w].kind;
        break;
    }
    return (DocKind)kind;
}

static gboolean is_privacy_rule(const PPRule *r) { return g_str_has_prefix(r->id, "privacy."); }

static void privacy_run(PPDoc *doc, const PPRunOptions *opt)
{
    if (!opt->rules)
        return;
    pcre2_match_data *md = pp_match_data_new();
    DocKind kind = doc_kind(doc);
    guint nparts = doc->parts->len; /* findings are added as we go; parts are not */
    char *carry = NULL; /* header row of a table that runs to the end of the previous page */
    for (guint i = 0; i < nparts; i++) {
        const PPPart *part = doc->parts->pdata[i];
        PVText t;
        text_init(&t, doc, (int)i, kind, part->page > 0 && part->kind == PP_PART_BODY ? carry : NULL);
        for (guint k = 0; k < opt->rules->rules->len; k++) {
            const PPRule *r = opt->rules->rules->pdata[k];
            if (is_privacy_rule(r))
                scan_rule(&t, r, md);
        }
        if (part->page > 0 && part->kind == PP_PART_BODY) {
            guint last = t.line_start->len;
            while (last > 0 && g_array_index(t.line_start, gsize, last - 1) >= t.len)
                last--; /* a trailing empty line */
            gsize n = 0;
            const char *h = last ? pv_header_row(&t, last - 1, &n) : NULL;
            if (!h && last) { /* the page may end with the header row itself */
                gsize ls = g_array_index(t.line_start, gsize, last - 1), le = line_end(&t, last - 1);
                if (memchr(t.s + ls, '\t', le - ls)) {
                    h = t.s + ls;
                    n = le - ls;
                }
            }
            char *next = h ? g_strndup(h, n) : NULL;
            g_free(carry);
            carry = next;
        }
        text_flush(&t, doc);
        text_clear(&t);
    }
    g_free(carry);
    pcre2_match_data_free(md);
}

/* ---- rule checks at load time ---- */

#define RULE_FAIL(r, ...)                                                                          \
    do {                                                                                           \
        g_autofree char *msg_ = g_strdup_printf(__VA_ARGS__);                                      \
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: %s", (r)->file, (r)->line, msg_);        \
        return FALSE;                                                                              \
    } while (0)

static gboolean privacy_check_rules(const PPRules *rules, GError **error)
{
    for (guint k = 0; k < rules->rules->len; k++) {
        const PPRule *r = rules->rules->pdata[k];
        if (!is_privacy_rule(r))
            continue;
        const char *v = pp_rule_setting(r, "validator", NULL);
        if (v && !pp_validator_find(v)) {
            g_autofree char *names = pp_validator_names();
            RULE_FAIL(r, "规则 %s 的 validator “%s” 不存在（可用：%s）", r->id, v, names);
        }
        const char *m = pp_rule_setting(r, "mask", NULL);
        if (m && !pp_mask_find(m)) {
            g_autofree char *names = pp_mask_names();
            RULE_FAIL(r, "规则 %s 的 mask “%s” 不存在（可用：%s）", r->id, m, names);
        }
        const char *d = pp_rule_setting(r, "detector", NULL);
        if (d && !detector_find(d))
            RULE_FAIL(r, "规则 %s 的 detector “%s” 不存在（可用：person_name、address）", r->id, d);
        const char *a = pp_rule_setting(r, "action", NULL);
        if (a && strcmp(a, "exclude") != 0 && strcmp(a, "report") != 0)
            RULE_FAIL(r, "规则 %s 的 action “%s” 无效（应为 report 或 exclude）", r->id, a);
        const char *rs = pp_rule_setting(r, "review_severity", NULL);
        if (rs && pp_severity_from_name(rs) < 0)
            RULE_FAIL(r, "规则 %s 的 review_severity “%s” 无效（应为 block|review|info）", r->id, rs);
        g_auto(GStrv) kinds = pp_rule_setting_list(r, "doc_kinds");
        for (char **k = kinds; *k; k++)
            if (strcmp(*k, "list") != 0 && strcmp(*k, "reply") != 0 && strcmp(*k, "penalty") != 0)
                RULE_FAIL(r, "规则 %s 的 doc_kinds “%s” 无效（可用：list、reply、penalty）", r->id, *k);
        const char *nc = pp_rule_setting(r, "needs_context", NULL);
        if (nc && strcmp(nc, "yes") != 0 && strcmp(nc, "no") != 0)
            RULE_FAIL(r, "规则 %s 的 needs_context 应为 yes 或 no", r->id);
        if (!d && !r->pattern)
            RULE_FAIL(r, "规则 %s 既没有 pattern 也没有 detector", r->id);
    }
    return TRUE;
}

const PPStage pp_stage_privacy = {
    .name = "privacy",
    .check_rules = privacy_check_rules,
    .run = privacy_run,
};
