/* Rule files: a malformed file stops the run with "file:line: …". Each row: the file's text and
 * the line the error must name. */
#include "doclines.h"
#include "stage.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *text;
    int line;            /* the line the message must name */
    const char *says;    /* a word the message must hold */
} Bad;

#define OK_HEAD "# 注释\n\n"

static const Bad bad[] = {
    {"缺少 category", OK_HEAD "[secrets.x]\nseverity = block\npattern = 秘密\n", 3, "category"},
    {"category 无效", OK_HEAD "[secrets.x]\ncategory = secrets\nseverity = block\n", 3, "category"},
    {"缺少 severity", OK_HEAD "[secrets.x]\ncategory = secret\n", 3, "severity"},
    {"正则有误", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\npattern = (秘密\n", 3, "pattern"},
    {"allow 正则有误", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\npattern = a\nallow = [\n", 3, "allow"},
    {"未知的键", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\npatern = 秘密\n", 6, "patern"},
    {"缺少等号", OK_HEAD "[secrets.x]\ncategory secret\n", 4, "键 = 值"},
    {"块外的键", OK_HEAD "category = secret\n", 3, "include"},
    {"include 不存在", OK_HEAD "include = nothere.rules\n", 3, "nothere.rules"},
    {"词表不存在", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\nterms_file = 没有这个词表.txt\n", 3, "没有这个词表.txt"},
    {"重复编号", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\n[secrets.x]\n", 6, "重复"},
    {"规则头不完整", OK_HEAD "[secrets.x\n", 3, "["},
    /* settings checked by the stages (pp_stages_check_rules) */
    {"scope 无效", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\nscope = everywhere\npattern = a\n", 3, "scope"},
    {"mask 无效", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\nmask = half\npattern = a\n", 3, "mask"},
    {"entropy 无效", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\nentropy = high\npattern = a\n", 3, "entropy"},
    {"group 不存在", OK_HEAD "[secrets.x]\ncategory = secret\nseverity = block\ngroup = 2\npattern = (a)\n", 3, "group"},
    {"value 无效", OK_HEAD "[disclosure.x]\ncategory = disclosure\nseverity = info\nvalue = public\npattern = a\n", 3, "value"},
};

static char *write_tmp(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static void test_bad(gconstpointer data)
{
    const Bad *b = data;
    g_autofree char *dir = g_dir_make_tmp("prepub-rules-XXXXXX", NULL);
    g_autofree char *path = write_tmp(dir, "bad.rules", b->text);
    const char *dirs[] = {dir, NULL};
    GError *err = NULL;
    PPRules *rules = pp_rules_load(dirs, &err);
    if (rules) { /* well-formed: the stages must refuse it */
        g_assert_false(pp_stages_check_rules(rules, &err));
        pp_rules_free(rules);
    }
    g_assert_error(err, PP_ERROR, PP_ERR_RULES);
    g_autofree char *where = g_strdup_printf("%s:%d:", path, b->line);
    if (!g_str_has_prefix(err->message, where) || !strstr(err->message, b->says))
        g_error("want “%s … %s”, got “%s”", where, b->says, err->message);
    g_error_free(err);
    g_unlink(path);
    g_rmdir(dir);
}

/* The bundled rules load and pass every stage's check. */
static void test_bundled(void)
{
    const char *dirs[] = {SRCDIR "/rules", NULL};
    GError *err = NULL;
    g_autoptr(PPRules) rules = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    g_assert_true(pp_stages_check_rules(rules, &err));
    g_assert_nonnull(pp_rules_get(rules, "disclosure.missing"));
    g_assert_nonnull(pp_rules_get(rules, "secrets.classification"));
}

/* Disclosure marking rules without the verdict rules they report with are refused. */
static void test_disclosure_incomplete(void)
{
    g_autofree char *dir = g_dir_make_tmp("prepub-rules-XXXXXX", NULL);
    g_autofree char *path = write_tmp(dir, "d.rules", "[disclosure.mark]\ncategory = disclosure\nseverity = info\n"
                                                       "value = proactive\npattern = 此件公开发布\n");
    const char *dirs[] = {dir, NULL};
    GError *err = NULL;
    g_autoptr(PPRules) rules = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    g_assert_false(pp_stages_check_rules(rules, &err));
    g_assert_nonnull(strstr(err->message, "disclosure.missing"));
    g_error_free(err);
    g_unlink(path);
    g_rmdir(dir);
}

/* Every bundled pattern runs under JIT, in its plain and its anchored forms (the anchored forms
 * exist because JIT does not take PCRE2_ANCHORED at match time: the interpreter would run). */
static void test_jit(void)
{
    uint32_t jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &jit);
    if (!jit) {
        g_test_skip("PCRE2 built without JIT");
        return;
    }
    const char *dirs[] = {SRCDIR "/rules", NULL};
    GError *err = NULL;
    g_autoptr(PPRules) rules = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    for (guint i = 0; i < rules->rules->len; i++) {
        const PPRule *r = rules->rules->pdata[i];
        const pcre2_code *codes[] = {r->pattern, r->allow, pp_rule_anchored(r, FALSE), pp_rule_anchored(r, TRUE)};
        for (gsize k = 0; k < G_N_ELEMENTS(codes); k++) {
            size_t size = 0;
            if (codes[k] && (pcre2_pattern_info(codes[k], PCRE2_INFO_JITSIZE, &size) != 0 || size == 0))
                g_error("rule %s: pattern %zu not JIT-compiled", r->id, k);
        }
    }
}

/* pp_line_match: anchored at the cell's start; whole: at its end too. */
static void test_line_match(void)
{
    g_autofree char *dir = g_dir_make_tmp("prepub-rules-XXXXXX", NULL);
    g_autofree char *path = write_tmp(dir, "m.rules", "[secrets.a]\ncategory = secret\nseverity = info\npattern = 主动|主动公开\n"
                                                       "[secrets.b]\ncategory = secret\nseverity = info\npattern = 公开\n");
    GError *err = NULL;
    g_autoptr(PPRules) rules = pp_rules_load_file(path, &err);
    g_assert_no_error(err);
    const PPRule *a = pp_rules_get(rules, "secrets.a"), *b = pp_rules_get(rules, "secrets.b");
    char sq[] = "主动公开\t公开";
    guint32 map[sizeof sq] = {0};
    PPLine ln = {.sq = sq, .sq_len = strlen(sq), .map = map};
    pcre2_match_data *md = pp_match_data_new();
    g_assert_cmpint(pp_line_match(b, &ln, 0, ln.sq_len, FALSE, md), ==, -1);   /* not at the start */
    g_assert_cmpint(pp_line_match(b, &ln, 13, ln.sq_len, FALSE, md), ==, 19);  /* the second cell */
    g_assert_cmpint(pp_line_match(a, &ln, 0, 12, FALSE, md), ==, 6);          /* first alternative */
    g_assert_cmpint(pp_line_match(a, &ln, 0, 12, TRUE, md), ==, 12);          /* must end at the end */
    g_assert_cmpint(pp_line_match(a, &ln, 0, 9, TRUE, md), ==, -1);
    pcre2_match_data_free(md);
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *p = g_strdup_printf("/rules/bad/%02zu-%s", i, bad[i].name);
        g_test_add_data_func(p, &bad[i], test_bad);
    }
    g_test_add_func("/rules/bundled", test_bundled);
    g_test_add_func("/rules/disclosure-incomplete", test_disclosure_incomplete);
    g_test_add_func("/rules/jit", test_jit);
    g_test_add_func("/rules/line_match", test_line_match);
    return g_test_run();
}
