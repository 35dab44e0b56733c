/* secrets stage: classification and internal-use markings, draft markers, leaked credentials and
 * an office's sensitive-term lists. All of it is rules ("secrets.*", rules/secrets.rules).
 *
 * Markings are judged by position (scope top/marking/tail/header: see doclines.h) and must fill
 * their line or table cell, so secrecy words in running text (保守国家秘密, 属于国家秘密) do not
 * count. Credentials and terms (scope any) are searched in every part, gitleaks-style: keyword
 * prefilter, then the pattern, then the value's entropy and placeholder words; reports carry the
 * value masked.
 */
#include "doclines.h"
#include "stage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static gboolean is_mine(const PPRule *r) { return g_str_has_prefix(r->id, "secrets."); }

static gboolean rule_error(GError **error, const PPRule *r, const char *what, const char *v)
{
    g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 的 %s “%s” 无效", r->file, r->line, r->id, what, v);
    return FALSE;
}

static gboolean mask_valid(const char *m)
{
    if (strcmp(m, "full") == 0 || strcmp(m, "line") == 0)
        return TRUE;
    if (!g_str_has_prefix(m, "keep:"))
        return FALSE;
    char *end = NULL;
    long n = strtol(m + 5, &end, 10);
    return end != m + 5 && !*end && n >= 0 && n <= 64;
}

static gboolean secrets_check_rules(const PPRules *rules, GError **error)
{
    for (guint i = 0; i < rules->rules->len; i++) {
        const PPRule *r = rules->rules->pdata[i];
        if (!is_mine(r))
            continue;
        const char *v;
        if ((v = pp_rule_setting(r, "scope", NULL)) && !pp_scope_valid(v))
            return rule_error(error, r, "scope（应为 top、marking、tail、header 或 any）", v);
        if ((v = pp_rule_setting(r, "mask", NULL)) && !mask_valid(v))
            return rule_error(error, r, "mask（应为 full、line 或 keep:N）", v);
        if ((v = pp_rule_setting(r, "entropy", NULL))) {
            char *end = NULL;
            double e = g_ascii_strtod(v, &end);
            if (end == v || *end || e < 0 || e > 8)
                return rule_error(error, r, "entropy（应为 0 到 8 之间的数）", v);
        }
        if ((v = pp_rule_setting(r, "max_lines", NULL)) && atoi(v) <= 0)
            return rule_error(error, r, "max_lines（应为正整数）", v);
        if ((v = pp_rule_setting(r, "group", NULL))) {
            uint32_t n = 0;
            char *end = NULL;
            long g = strtol(v, &end, 10);
            if (r->pattern)
                pcre2_pattern_info(r->pattern, PCRE2_INFO_CAPTURECOUNT, &n);
            if (end == v || *end || g < 0 || (uint32_t)g > n)
                return rule_error(error, r, "group（模式中没有这个捕获组）", v);
        }
    }
    return TRUE;
}

/* Shannon entropy in bits per character (gitleaks measures the same). */
static double entropy(const char *s, gsize n)
{
    if (!n)
        return 0;
    guint counts[256] = {0};
    for (gsize i = 0; i < n; i++)
        counts[(unsigned char)s[i]]++;
    double h = 0;
    for (int c = 0; c < 256; c++)
        if (counts[c]) {
            double p = (double)counts[c] / (double)n;
            h -= p * log2(p);
        }
    return h;
}

/* A value that is one character repeated (********, xxxxxx) or holds a stop word is a placeholder. */
static gboolean placeholder(const PPRule *r, const char *v)
{
    gboolean same = TRUE;
    for (const char *p = v; *p && same; p++)
        same = *p == *v;
    if (same)
        return TRUE;
    g_auto(GStrv) stop = pp_rule_setting_list(r, "stopwords");
    g_autofree char *lv = g_utf8_strdown(v, -1);
    for (char **w = stop; *w; w++) {
        g_autofree char *lw = g_utf8_strdown(*w, -1);
        if (strstr(lv, lw))
            return TRUE;
    }
    return FALSE;
}

static char *mask_value(const PPRule *r, const char *v)
{
    const char *m = pp_rule_setting(r, "mask", "keep:4");
    if (strcmp(m, "line") == 0) { /* keep the armour line "-----BEGIN … KEY-----" only */
        const char *dash = strlen(v) > 5 ? strstr(v + 5, "-----") : NULL;
        const char *nl = strchr(v, '\n');
        const char *cut = dash ? dash + 5 : nl ? nl : v;
        return g_strdup_printf("%.*s********", (int)(cut - v), v);
    }
    long keep = strcmp(m, "full") == 0 ? 0 : strtol(m + 5, NULL, 10);
    glong n = g_utf8_strlen(v, -1);
    if (keep > n / 2) /* never show more than half of a value */
        keep = n / 2;
    const char *cut = g_utf8_offset_to_pointer(v, keep);
    return g_strdup_printf("%.*s********", (int)(cut - v), v);
}

typedef struct {
    PPDoc *doc;
    int part_index;
    GHashTable *seen; /* rule id + value already reported */
} ScanCtx;

/* One value is reported once: by the first rule that finds it (specific rules come before generic
 * ones in the file), once per marking rule. */
static gboolean seen_before(GHashTable *seen, const PPRule *r, const char *v)
{
    char *key = r ? g_strconcat(r->id, "\x1f", v, NULL) : g_strdup(v);
    if (g_hash_table_contains(seen, key)) {
        g_free(key);
        return TRUE;
    }
    g_hash_table_add(seen, key);
    return FALSE;
}

static PPFinding *finding_of(const PPRule *r)
{
    PPFinding *f = pp_finding_new(r->id, PP_CAT_SECRET, r->type, r->severity);
    f->message = g_strdup(r->message);
    f->basis = g_strdup(r->basis);
    f->advice = g_strdup(r->advice);
    return f;
}

static gboolean on_match(const PPRule *r, const char *text, gsize start, gsize end, pcre2_match_data *md, gpointer user)
{
    ScanCtx *c = user;
    int g = pp_rule_setting_int(r, "group", 0);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (g > 0 && ov[2 * g] != PCRE2_UNSET) {
        start = ov[2 * g];
        end = ov[2 * g + 1];
    }
    /* a value does not end in the sentence's punctuation */
    while (end > start && strchr(".,;:)]}'\"", text[end - 1]))
        end--;
    if (end <= start)
        return TRUE;
    g_autofree char *v = g_strndup(text + start, end - start);
    const char *min = pp_rule_setting(r, "entropy", NULL);
    if (min && entropy(v, end - start) < g_ascii_strtod(min, NULL))
        return TRUE;
    if (r->type && strcmp(r->type, "credential") == 0 && placeholder(r, v))
        return TRUE;
    if (seen_before(c->seen, NULL, v))
        return TRUE;
    PPFinding *f = finding_of(r);
    f->text = g_strdup(v);
    f->masked = strcmp(r->type, "credential") == 0 ? mask_value(r, v) : g_strdup(v);
    pp_finding_locate(f, c->doc, c->part_index, start, end);
    pp_doc_add_finding(c->doc, f);
    return TRUE;
}

/* A marking rule: the pattern fills a whole cell of a line in the rule's scope. A row where
 * several cells match with different words ("绝密\t机密\t秘密", a table about the levels) is a
 * list, not a marking. */
static void scan_markings(PPDoc *doc, const PPLines *L, const PPRule *r, const char *scope, GHashTable *seen,
                          pcre2_match_data *md)
{
    int max_lines = pp_rule_setting_int(r, "max_lines", 6);
    int g = pp_rule_setting_int(r, "group", 0);
    g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(gsize) * 2);
    for (guint li = 0; li < L->lines->len; li++) {
        const PPLine *ln = L->lines->pdata[li];
        if (!pp_line_in_scope(L, ln, scope, max_lines))
            continue;
        g_array_set_size(hits, 0);
        gboolean list = FALSE;
        for (gsize s = 0; s < ln->sq_len;) {
            gsize e = pp_line_cell_end(ln, s);
            if (pp_rule_prefilter(r, ln->sq + s, e - s) && pp_line_match(r, ln, s, e, TRUE, md) >= 0) {
                gsize h[2] = {s, e}; /* the whole cell, or the capture group named by `group` */
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
                if (g > 0 && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] > ov[2 * g]) {
                    h[0] = s + ov[2 * g];
                    h[1] = s + ov[2 * g + 1];
                }
                for (guint k = 0; k < hits->len; k++) {
                    const gsize *o = &g_array_index(hits, gsize, 2 * k);
                    list |= o[1] - o[0] != h[1] - h[0] || memcmp(ln->sq + o[0], ln->sq + h[0], h[1] - h[0]) != 0;
                }
                g_array_append_vals(hits, h, 1);
            }
            s = e + 1;
        }
        for (guint k = 0; !list && k < hits->len; k++) {
            const gsize *h = &g_array_index(hits, gsize, 2 * k);
            g_autofree char *t = pp_line_text(ln, h[0], h[1]);
            if (seen_before(seen, r, t))
                continue;
            PPFinding *f = finding_of(r);
            f->text = g_strdup(t);
            f->masked = g_strdup(t); /* a marking is not personal data */
            pp_finding_locate(f, doc, ln->part_index, pp_line_offset(ln, h[0]), pp_line_offset(ln, h[1]));
            pp_doc_add_finding(doc, f);
        }
    }
}

static void secrets_run(PPDoc *doc, const PPRunOptions *opt)
{
    const PPRules *rules = opt->rules;
    if (!rules)
        return;
    const PPLines *L = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    pcre2_match_data *md = pp_match_data_new();
    /* the keywords of all credential rules, looked for in one pass per part */
    guint8 **hits = g_new0(guint8 *, doc->parts->len + 1);
    for (guint ri = 0; ri < rules->rules->len; ri++) {
        const PPRule *r = rules->rules->pdata[ri];
        if (!is_mine(r) || !r->pattern)
            continue;
        const char *scope = pp_rule_setting(r, "scope", "any");
        if (strcmp(scope, "any") != 0) {
            if (!L)
                L = pp_doc_lines(doc);
            scan_markings(doc, L, r, scope, seen, md);
            continue;
        }
        for (guint pi = 0; pi < doc->parts->len; pi++) {
            const PPPart *p = doc->parts->pdata[pi];
            ScanCtx c = {.doc = doc, .part_index = (int)pi, .seen = seen};
            if (!hits[pi])
                hits[pi] = pp_rules_keyword_hits(rules, p->text->str, p->text->len);
            pp_rule_scan_hits(r, p->text->str, p->text->len, hits[pi], md, on_match, &c);
        }
    }
    for (guint pi = 0; pi < doc->parts->len; pi++)
        g_free(hits[pi]);
    g_free(hits);
    pcre2_match_data_free(md);
}

const PPStage pp_stage_secrets = {
    .name = "secrets",
    .check_rules = secrets_check_rules,
    .run = secrets_run,
    .uses_lines = TRUE,
};
