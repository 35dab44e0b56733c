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

/* anti-context words just before the match, or right after it in the same cell: …（单位账户） */
static gboolean ruled_out(const ScanCtx *c, gsize s, gsize e)
{
    return pv_words_before(c->t, s, c->anti_window, c->anti) || pv_words_after(c->t, e, 8, c->anti);
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
            pv_claim(t, start, end);
        return TRUE;
    }
    if (v == PP_VALID_NO)
        return TRUE;
    if ((v == PP_VALID_WEAK || c->needs_context) && !(c->doc_kinds & t->kind) && !in_context(c, start, end))
        return TRUE;
    if (ruled_out(c, start, end))
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
    gsize le = pv_orig(t, pv_line_end(t, pv_line_of(t, e > s ? e - 1 : s)));
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
        {"答复", DOC_REPLY},      {"告知书", DOC_REPLY},    {"回复", DOC_REPLY},  {"意见书", DOC_REPLY},
        {"处罚决定", DOC_PENALTY},
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
        pv_text_init(&t, doc, (int)i, kind, part->page > 0 && part->kind == PP_PART_BODY ? carry : NULL);
        for (guint k = 0; k < opt->rules->rules->len; k++) {
            const PPRule *r = opt->rules->rules->pdata[k];
            if (is_privacy_rule(r))
                scan_rule(&t, r, md);
        }
        if (part->page > 0 && part->kind == PP_PART_BODY) {
            /* the table may run to the bottom of the page, above at most a page number or footer */
            guint last = t.line_start->len;
            const char *h = NULL;
            gsize n = 0;
            for (guint back = 0; back < 3 && back < last && !h; back++) {
                guint line = last - 1 - back;
                gsize ls = g_array_index(t.line_start, gsize, line), le = pv_line_end(&t, line);
                if (ls >= le)
                    continue; /* an empty line */
                h = pv_header_row(&t, line, &n);
                if (!h && memchr(t.s + ls, '\t', le - ls)) { /* the page ends with the header row itself */
                    h = t.s + ls;
                    n = le - ls;
                }
            }
            char *next = h ? g_strndup(h, n) : NULL;
            g_free(carry);
            carry = next;
        }
        text_flush(&t, doc);
        pv_text_clear(&t);
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
