/* Rule files: parser, validation and matching. The format is described in rules.h. */
#define _GNU_SOURCE /* memmem */
#include "rules.h"
#include "keywords.h"

#include <stdlib.h>
#include <string.h>

#ifndef PP_RULES_BUILD_DIR
#define PP_RULES_BUILD_DIR "rules"
#endif

typedef enum { KEY_STRING, KEY_LIST, KEY_SETTING } KeyKind;

/* Every key a rule block may hold. KEY_SETTING keys go to rule->settings for the stages. */
static const struct {
    const char *key;
    KeyKind kind;
} rule_keys[] = {
    {"category", KEY_STRING}, {"type", KEY_STRING},     {"severity", KEY_STRING},
    {"pattern", KEY_STRING},  {"flags", KEY_STRING},    {"keywords", KEY_LIST},
    {"terms", KEY_LIST},      {"terms_file", KEY_STRING}, {"allow", KEY_STRING},
    {"message", KEY_STRING},  {"basis", KEY_STRING},    {"advice", KEY_STRING},
    /* stage settings */
    {"validator", KEY_SETTING}, /* privacy: name in the validator table */
    {"mask", KEY_SETTING},      /* privacy: mask style */
    {"context", KEY_SETTING},   /* words near a match that raise or decide it */
    {"anti_context", KEY_SETTING}, /* words near a match that rule it out */
    {"window", KEY_SETTING},    /* context window in characters */
    {"columns", KEY_SETTING},   /* table column headers that type a column */
    {"cues", KEY_SETTING},      /* cue words */
    {"scope", KEY_SETTING},     /* where a marking may stand: top, header, any, … */
    {"group", KEY_SETTING},     /* capture group holding the value */
    {"value", KEY_SETTING},     /* what a matched marking means (disclosure attribute) */
    {"entropy", KEY_SETTING},   /* minimum Shannon entropy of a credential */
    {"stopwords", KEY_SETTING}, /* secrets: a value holding one of these words is a placeholder, dropped */
    {"review_severity", KEY_SETTING}, /* severity when judgement is needed */
    {"weak_severity", KEY_SETTING},
    {"max_lines", KEY_SETTING},
    {"fallback", KEY_SETTING},
    {"check", KEY_SETTING},     /* quality: how matches are judged (match, date, traditional, brackets, ordinal) */  /* disclosure: no = a marking form that counts only in its place */
    {"min_length", KEY_SETTING},
    {"max_length", KEY_SETTING},
    /* privacy stage (documented in stage_privacy.c and rules/privacy.rules) */
    {"action", KEY_SETTING},      /* report (default) | exclude: a look-alike whose span nothing may report */
    {"detector", KEY_SETTING},    /* person_name | address: evidence-based detector instead of a pattern */
    {"min_digits", KEY_SETTING},  /* numeric prefilter: the part must hold a run of this many digits */
    {"weak_cues", KEY_SETTING},   /* cue words that only suggest (reported with weak_severity) */
    {"anti_window", KEY_SETTING}, /* characters before a match searched for anti_context words */
    {"needs_context", KEY_SETTING}, /* yes: even a validated match needs context */
    {"doc_kinds", KEY_SETTING},   /* list, reply, penalty: documents that are context by themselves */
};

static int key_index(const char *key)
{
    for (gsize i = 0; i < G_N_ELEMENTS(rule_keys); i++)
        if (strcmp(rule_keys[i].key, key) == 0)
            return (int)i;
    return -1;
}

static void rule_free(gpointer p)
{
    PPRule *r = p;
    if (!r)
        return;
    g_free(r->id);
    g_free(r->type);
    g_free(r->file);
    g_free(r->pattern_src);
    g_clear_pointer(&r->pattern, pcre2_code_free);
    g_clear_pointer(&r->anchored, pcre2_code_free);
    g_clear_pointer(&r->anchored_whole, pcre2_code_free);
    g_free(r->flags);
    g_clear_pointer(&r->allow, pcre2_code_free);
    g_strfreev(r->keywords);
    g_free(r->keyword_ids);
    g_strfreev(r->terms);
    g_free(r->message);
    g_free(r->basis);
    g_free(r->advice);
    if (r->settings)
        g_hash_table_unref(r->settings);
    g_free(r);
}

void pp_rules_free(PPRules *rules)
{
    if (!rules)
        return;
    g_hash_table_unref(rules->by_id);
    g_ptr_array_unref(rules->rules);
    g_ptr_array_unref(rules->files);
    pp_keywords_free(rules->keywords);
    g_free(rules);
}

static PPRules *rules_new(void)
{
    PPRules *rules = g_new0(PPRules, 1);
    rules->rules = g_ptr_array_new_with_free_func(rule_free);
    rules->by_id = g_hash_table_new(g_str_hash, g_str_equal);
    rules->files = g_ptr_array_new_with_free_func(g_free);
    return rules;
}

/* extra: compile options such as PCRE2_ANCHORED | PCRE2_ENDANCHORED, which PCRE2's JIT only
 * honours at compile time (given to pcre2_match they send the match to the interpreter) */
static pcre2_code *regex_compile(const char *pattern, const char *flags, uint32_t extra, GError **error)
{
    uint32_t opts = PCRE2_UTF | PCRE2_MULTILINE | extra;
    for (const char *f = flags; f && *f; f++) {
        if (*f == 'i')
            opts |= PCRE2_CASELESS;
        else if (*f == 'x')
            opts |= PCRE2_EXTENDED;
        else if (*f == 's')
            opts |= PCRE2_DOTALL;
        else if (*f != ' ' && *f != ',') {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "未知的 flags 字符 '%c'（可用 i、x、s）", *f);
            return NULL;
        }
    }
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode, &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "正则表达式有误（第 %zu 个字节处）：%s", (size_t)erroff, (char *)buf);
        return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter if JIT is unavailable */
    return re;
}

pcre2_code *pp_regex_compile(const char *pattern, const char *flags, GError **error)
{
    return regex_compile(pattern, flags, 0, error);
}

const pcre2_code *pp_rule_anchored(const PPRule *r, gboolean whole)
{
    if (!r->pattern_src)
        return NULL;
    PPRule *w = (PPRule *)r; /* a cache filled once, under g_once: the rule stays read-only otherwise */
    pcre2_code **slot = whole ? &w->anchored_whole : &w->anchored;
    if (g_once_init_enter(slot)) {
        pcre2_code *re = regex_compile(r->pattern_src, r->flags, PCRE2_ANCHORED | (whole ? PCRE2_ENDANCHORED : 0), NULL);
        g_assert(re); /* the same source compiled unanchored at load */
        g_once_init_leave(slot, re);
    }
    return *slot;
}

static char *escape_regex(const char *s)
{
    GString *out = g_string_new(NULL);
    for (; *s; s++) {
        if (strchr("\\^$.|?*+()[]{}", *s))
            g_string_append_c(out, '\\');
        g_string_append_c(out, *s);
    }
    return g_string_free(out, FALSE);
}

/* Split a list value on ASCII or Chinese commas and 、, trimming blanks. */
static char **split_list(const char *value)
{
    g_autofree char *v = g_strdup(value);
    GPtrArray *out = g_ptr_array_new();
    static const char *const seps[] = {"，", "、"};
    for (gsize i = 0; i < G_N_ELEMENTS(seps); i++) {
        char *tmp = v;
        char **parts = g_strsplit(tmp, seps[i], -1);
        v = g_strjoinv(",", parts);
        g_strfreev(parts);
        g_free(tmp);
    }
    char **items = g_strsplit(v, ",", -1);
    for (char **it = items; *it; it++) {
        char *t = g_strstrip(*it);
        if (*t)
            g_ptr_array_add(out, g_strdup(t));
    }
    g_strfreev(items);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

char **pp_rule_setting_list(const PPRule *r, const char *key)
{
    const char *v = pp_rule_setting(r, key, NULL);
    return split_list(v ? v : "");
}

static char **strv_concat(char **a, char **b)
{
    guint na = a ? g_strv_length(a) : 0, nb = b ? g_strv_length(b) : 0;
    char **out = g_new0(char *, na + nb + 1);
    for (guint i = 0; i < na; i++)
        out[i] = a[i];
    for (guint i = 0; i < nb; i++)
        out[na + i] = b[i];
    g_free(a);
    g_free(b);
    return out;
}

/* A term list file: one term per line, '#' starts a comment line. */
static char **read_terms(const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, error))
        return NULL;
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s：词表不是 UTF-8 编码", path);
        return NULL;
    }
    GPtrArray *out = g_ptr_array_new();
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *t = g_strstrip(*l);
        if (*t && *t != '#')
            g_ptr_array_add(out, g_strdup(t));
    }
    g_strfreev(lines);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

typedef struct {
    PPRules *rules;
    GChecksum *sum;
    int depth;
} Loader;

static gboolean load_file(Loader *ld, const char *path, GError **error);

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        g_autofree char *msg_ = g_strdup_printf(__VA_ARGS__);                                      \
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: %s", path, lineno, msg_);               \
        goto fail;                                                                                 \
    } while (0)

/* Finish a rule block: check required keys, compile patterns. */
static gboolean finish_rule(PPRule *r, GHashTable *raw, const char *path, int lineno, GError **error)
{
    const char *v;
    GError *sub = NULL;
    if (!(v = g_hash_table_lookup(raw, "category")) || (int)(r->category = pp_category_from_name(v)) < 0)
        FAIL("规则 %s 的 category 缺失或无效（应为 privacy|secret|disclosure|hidden|quality）", r->id);
    if (!(v = g_hash_table_lookup(raw, "severity")) || (int)(r->severity = pp_severity_from_name(v)) < 0)
        FAIL("规则 %s 的 severity 缺失或无效（应为 block|review|info）", r->id);
    v = g_hash_table_lookup(raw, "type");
    r->type = g_strdup(v ? v : strchr(r->id, '.') ? strchr(r->id, '.') + 1 : r->id);
    r->message = g_strdup(g_hash_table_lookup(raw, "message"));
    r->basis = g_strdup(g_hash_table_lookup(raw, "basis"));
    r->advice = g_strdup(g_hash_table_lookup(raw, "advice"));
    if ((v = g_hash_table_lookup(raw, "keywords")))
        r->keywords = split_list(v);
    if ((v = g_hash_table_lookup(raw, "terms")))
        r->terms = split_list(v);
    if ((v = g_hash_table_lookup(raw, "terms_file"))) { /* one file or a list of files */
        g_autofree char *dir = g_path_get_dirname(path);
        g_auto(GStrv) files = split_list(v);
        for (char **fp = files; *fp; fp++) {
            g_autofree char *tpath = g_path_is_absolute(*fp) ? g_strdup(*fp) : g_build_filename(dir, *fp, NULL);
            char **t = read_terms(tpath, &sub);
            if (!t)
                FAIL("规则 %s 的词表 %s 无法读取：%s", r->id, tpath, sub->message);
            r->terms = strv_concat(r->terms, t);
        }
    }
    const char *flags = g_hash_table_lookup(raw, "flags");
    if ((v = g_hash_table_lookup(raw, "pattern"))) {
        r->pattern_src = g_strdup(v);
    } else if (r->terms && r->terms[0]) {
        GString *alt = g_string_new("(?:");
        for (char **t = r->terms; *t; t++) {
            g_autofree char *e = escape_regex(*t);
            g_string_append_printf(alt, "%s%s", t == r->terms ? "" : "|", e);
        }
        g_string_append_c(alt, ')');
        r->pattern_src = g_string_free(alt, FALSE);
        flags = NULL; /* literal terms: extended mode would eat their spaces */
    }
    r->flags = g_strdup(flags);
    if (r->pattern_src && !(r->pattern = pp_regex_compile(r->pattern_src, flags, &sub)))
        FAIL("规则 %s 的 pattern：%s", r->id, sub->message);
    /* allow is only ever matched against a whole match: anchored at both ends when compiled */
    if ((v = g_hash_table_lookup(raw, "allow")) &&
        !(r->allow = regex_compile(v, flags, PCRE2_ANCHORED | PCRE2_ENDANCHORED, &sub)))
        FAIL("规则 %s 的 allow：%s", r->id, sub->message);
    return TRUE;
fail:
    g_clear_error(&sub);
    return FALSE;
}

static void add_rule(PPRules *rules, PPRule *r)
{
    PPRule *old = g_hash_table_lookup(rules->by_id, r->id);
    if (old) { /* a later directory overrides a rule by id, in place */
        for (guint i = 0; i < rules->rules->len; i++)
            if (rules->rules->pdata[i] == old) {
                g_hash_table_replace(rules->by_id, r->id, r);
                rule_free(old);
                rules->rules->pdata[i] = r;
                return;
            }
    }
    g_ptr_array_add(rules->rules, r);
    g_hash_table_replace(rules->by_id, r->id, r);
}

static gboolean load_text(Loader *ld, const char *path, const char *text, GError **error)
{
    int lineno = 0, block_line = 0;
    PPRule *r = NULL;
    GHashTable *raw = NULL;
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *last_key = NULL;
    char **lines = g_strsplit(text, "\n", -1);
    GError *sub = NULL;
    for (char **lp = lines; *lp; lp++) {
        lineno++;
        char *line = *lp;
        gsize n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        /* strip a trailing comment: " #" not escaped */
        for (char *h = strstr(line, " #"); h; h = strstr(h + 1, " #"))
            if (h == line || h[-1] != '\\') {
                *h = '\0';
                break;
            }
        gboolean cont = (line[0] == ' ' || line[0] == '\t');
        char *t = g_strstrip(line);
        if (!*t || *t == '#')
            continue;
        if (cont && last_key && raw) {
            const char *old = g_hash_table_lookup(raw, last_key);
            char *joined = g_strconcat(old ? old : "", t, NULL);
            int k = key_index(last_key);
            if (k >= 0 && rule_keys[k].kind == KEY_SETTING) /* stage settings continue too */
                g_hash_table_replace(r->settings, g_strdup(last_key), g_strdup(joined));
            g_hash_table_replace(raw, g_strdup(last_key), joined);
            continue;
        }
        if (*t == '[') {
            char *end = strchr(t, ']');
            if (!end || end[1])
                FAIL("规则块的开头应写成 [规则编号]");
            *end = '\0';
            char *id = g_strstrip(t + 1);
            if (!*id || strchr(id, ' '))
                FAIL("规则编号不能为空或含空格");
            if (r && !finish_rule(r, raw, path, block_line, error))
                goto fail_nomsg;
            if (r)
                add_rule(ld->rules, r);
            r = NULL;
            g_clear_pointer(&raw, g_hash_table_unref);
            if (g_hash_table_contains(seen, id))
                FAIL("规则编号 %s 在本文件中重复", id);
            g_hash_table_add(seen, g_strdup(id));
            r = g_new0(PPRule, 1);
            r->id = g_strdup(id);
            r->file = g_strdup(path);
            r->line = lineno;
            r->settings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
            raw = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
            block_line = lineno;
            g_clear_pointer(&last_key, g_free);
            continue;
        }
        char *eq = strchr(t, '=');
        if (!eq)
            FAIL("应为“键 = 值”，这里是：%s", t);
        *eq = '\0';
        char *key = g_strstrip(t), *value = g_strstrip(eq + 1);
        /* unescape "\#" */
        for (char *h; (h = strstr(value, "\\#"));)
            memmove(h, h + 1, strlen(h));
        if (!r) {
            if (strcmp(key, "include") != 0)
                FAIL("规则块之外只能写 include，这里是 %s", key);
            g_autofree char *dir = g_path_get_dirname(path);
            g_autofree char *ipath = g_path_is_absolute(value) ? g_strdup(value) : g_build_filename(dir, value, NULL);
            if (!load_file(ld, ipath, &sub))
                FAIL("include %s 失败：%s", value, sub->message);
            continue;
        }
        int k = key_index(key);
        if (k < 0)
            FAIL("未知的键 %s（规则 %s）", key, r->id);
        if (rule_keys[k].kind == KEY_SETTING)
            g_hash_table_replace(r->settings, g_strdup(key), g_strdup(value));
        g_hash_table_replace(raw, g_strdup(key), g_strdup(value));
        g_free(last_key);
        last_key = g_strdup(key);
    }
    if (r) {
        if (!finish_rule(r, raw, path, block_line, error))
            goto fail_nomsg;
        add_rule(ld->rules, r);
        r = NULL;
    }
    g_clear_pointer(&raw, g_hash_table_unref);
    g_hash_table_unref(seen);
    g_strfreev(lines);
    g_free(last_key);
    return TRUE;
fail:
fail_nomsg:
    g_clear_error(&sub);
    rule_free(r);
    g_clear_pointer(&raw, g_hash_table_unref);
    g_hash_table_unref(seen);
    g_strfreev(lines);
    g_free(last_key);
    return FALSE;
}

static gboolean load_file(Loader *ld, const char *path, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    GError *sub = NULL;
    if (++ld->depth > 8) {
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s: include 嵌套过深（是否互相包含？）", path);
        ld->depth--;
        return FALSE;
    }
    if (!g_file_get_contents(path, &text, &len, &sub)) {
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s: 无法读取规则文件：%s", path, sub->message);
        g_error_free(sub);
        ld->depth--;
        return FALSE;
    }
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:1: 规则文件必须是 UTF-8 编码", path);
        ld->depth--;
        return FALSE;
    }
    g_autofree char *base = g_path_get_basename(path);
    g_checksum_update(ld->sum, (const guchar *)base, (gssize)strlen(base) + 1);
    g_checksum_update(ld->sum, (const guchar *)text, (gssize)len);
    g_ptr_array_add(ld->rules->files, g_strdup(path));
    gboolean ok = load_text(ld, path, text, error);
    ld->depth--;
    return ok;
}

/* Number the distinct keywords of the rules as loaded (later ids have replaced earlier ones) and
 * build their one-pass scanner. */
static void index_keywords(PPRules *rules)
{
    GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *words = g_ptr_array_new();
    for (guint i = 0; i < rules->rules->len; i++) {
        PPRule *r = rules->rules->pdata[i];
        guint n = r->keywords ? g_strv_length(r->keywords) : 0;
        r->keyword_ids = g_new(guint, n + 1);
        for (guint k = 0; k < n; k++) {
            gpointer id;
            if (!g_hash_table_lookup_extended(ids, r->keywords[k], NULL, &id)) {
                id = GUINT_TO_POINTER(words->len);
                g_hash_table_insert(ids, r->keywords[k], id);
                g_ptr_array_add(words, r->keywords[k]);
            }
            r->keyword_ids[k] = GPOINTER_TO_UINT(id);
        }
    }
    rules->keywords = pp_keywords_new((const char *const *)words->pdata, words->len);
    g_ptr_array_unref(words);
    g_hash_table_unref(ids);
}

static gint cmp_str(gconstpointer a, gconstpointer b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static PPRules *load_paths(const char *const *dirs, const char *single, GError **error)
{
    Loader ld = {.rules = rules_new(), .sum = g_checksum_new(G_CHECKSUM_SHA256)};
    gboolean ok = TRUE;
    if (single)
        ok = load_file(&ld, single, error);
    for (const char *const *d = dirs; ok && d && *d; d++) {
        GError *sub = NULL;
        GDir *dir = g_dir_open(*d, 0, &sub);
        if (!dir) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s: 无法打开规则目录：%s", *d, sub->message);
            g_error_free(sub);
            ok = FALSE;
            break;
        }
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        for (const char *n; (n = g_dir_read_name(dir));)
            if (g_str_has_suffix(n, ".rules"))
                g_ptr_array_add(names, g_build_filename(*d, n, NULL));
        g_dir_close(dir);
        g_ptr_array_sort(names, cmp_str);
        if (names->len == 0) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s: 目录中没有 .rules 规则文件", *d);
            ok = FALSE;
        }
        for (guint i = 0; ok && i < names->len; i++)
            ok = load_file(&ld, names->pdata[i], error);
        g_ptr_array_unref(names);
    }
    g_strlcpy(ld.rules->fingerprint, g_checksum_get_string(ld.sum), sizeof ld.rules->fingerprint);
    if (ok)
        index_keywords(ld.rules);
    g_checksum_free(ld.sum);
    if (!ok) {
        pp_rules_free(ld.rules);
        return NULL;
    }
    return ld.rules;
}

PPRules *pp_rules_load(const char *const *dirs, GError **error) { return load_paths(dirs, NULL, error); }
PPRules *pp_rules_load_file(const char *path, GError **error) { return load_paths(NULL, path, error); }

const PPRule *pp_rules_get(const PPRules *rules, const char *id) { return g_hash_table_lookup(rules->by_id, id); }

const char *pp_rule_setting(const PPRule *r, const char *key, const char *def)
{
    const char *v = r->settings ? g_hash_table_lookup(r->settings, key) : NULL;
    return v ? v : def;
}

int pp_rule_setting_int(const PPRule *r, const char *key, int def)
{
    const char *v = pp_rule_setting(r, key, NULL);
    return v ? atoi(v) : def;
}

gboolean pp_rule_prefilter(const PPRule *r, const char *text, gsize len)
{
    if (!r->keywords || !r->keywords[0])
        return TRUE;
    for (char **k = r->keywords; *k; k++)
        if (memmem(text, len, *k, strlen(*k))) /* glibc's two-way search: linear, unlike g_strstr_len */
            return TRUE;
    return FALSE;
}

guint8 *pp_rules_keyword_hits(const PPRules *rules, const char *text, gsize len)
{
    guint8 *hits = g_malloc(pp_keywords_count(rules->keywords) + 1);
    pp_keywords_scan(rules->keywords, text, len, hits);
    return hits;
}

gboolean pp_rule_prefilter_hits(const PPRule *r, const guint8 *hits)
{
    if (!r->keywords || !r->keywords[0])
        return TRUE;
    for (guint k = 0; r->keywords[k]; k++)
        if (hits[r->keyword_ids[k]])
            return TRUE;
    return FALSE;
}

pcre2_match_data *pp_match_data_new(void) { return pcre2_match_data_create(32, NULL); }

guint pp_rule_scan(const PPRule *r, const char *text, gsize len, pcre2_match_data *md, PPMatchFn fn, gpointer user)
{
    return pp_rule_scan_hits(r, text, len, NULL, md, fn, user);
}

guint pp_rule_scan_hits(const PPRule *r, const char *text, gsize len, const guint8 *hits, pcre2_match_data *md,
                        PPMatchFn fn, gpointer user)
{
    if (!r->pattern || !(hits && r->keyword_ids ? pp_rule_prefilter_hits(r, hits) : pp_rule_prefilter(r, text, len)))
        return 0;
    guint n = 0;
    PCRE2_SIZE off = 0;
    while (off <= len) {
        int rc = pcre2_match(r->pattern, (PCRE2_SPTR)text, len, off, PCRE2_NO_UTF_CHECK, md, NULL);
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        gsize s = ov[0], e = ov[1];
        if (e == s) { /* empty match: step one character */
            off = e + 1;
            while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
                off++;
            continue;
        }
        gboolean allowed = FALSE;
        if (r->allow) {
            pcre2_match_data *amd = pcre2_match_data_create_from_pattern(r->allow, NULL);
            int arc = pcre2_match(r->allow, (PCRE2_SPTR)text + s, e - s, 0, PCRE2_NO_UTF_CHECK, amd, NULL);
            allowed = arc >= 0;
            pcre2_match_data_free(amd);
        }
        if (!allowed) {
            n++;
            if (!fn(r, text, s, e, md, user))
                break;
        }
        off = e;
    }
    return n;
}

char *pp_rules_default_dir(void)
{
    const char *env = g_getenv("PREPUB_RULES");
    if (env && *env)
        return g_strdup(env);
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        g_autofree char *bindir = g_path_get_dirname(exe);
        static const char *const rel[] = {"../rules", "../share/prepub/rules", "rules"};
        for (gsize i = 0; i < G_N_ELEMENTS(rel); i++) {
            char *cand = g_build_filename(bindir, rel[i], NULL);
            if (g_file_test(cand, G_FILE_TEST_IS_DIR))
                return cand;
            g_free(cand);
        }
    }
    return g_strdup(PP_RULES_BUILD_DIR);
}
