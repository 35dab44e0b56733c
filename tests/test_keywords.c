/* The one-pass keyword prefilter (keywords.c) must say "present" exactly where memmem finds the
 * keyword: a keyword it missed would silently drop a rule's true matches. */
#define _GNU_SOURCE /* memmem */
#include "keywords.h"
#include "rules.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const words[] = {
    "密码", "口令", "password", "pwd", "@", "://", "eyJ", "AKIA", "密钥", "秘钥", "令牌", "key", "ab", "PRIVATE KEY",
    ",男,", "(身份证", "x密", "a先生", /* anchored inside, not on their first bytes */
};

/* found[] against memmem for every keyword */
static void check(const PPKeywords *kw, const char *text, gsize len)
{
    guint8 found[G_N_ELEMENTS(words)];
    pp_keywords_scan(kw, text, len, found);
    for (guint i = 0; i < G_N_ELEMENTS(words); i++) {
        gboolean want = memmem(text, len, words[i], strlen(words[i])) != NULL;
        if (found[i] != want)
            g_error("keyword “%s” in “%.*s”: scanner says %d, memmem %d", words[i], (int)len, text, found[i], want);
    }
}

static void test_edges(void)
{
    PPKeywords *kw = pp_keywords_new(words, G_N_ELEMENTS(words));
    static const char *const texts[] = {
        "", "a", "ab", "密", "密码", "口令：abc", "末尾是密码", "密码在开头", "pwdpwd", "xpw", "pw", "@",
        "联系 a@b.cn", "http://x", "://", "eyJhbGciOi", "AKI", "AKIAAKIA", "密秘钥", "令牌令", "kekey",
        "-----BEGIN RSA PRIVATE KEY-----", "PRIVATE KE", "公开属性：主动公开\t密\n码", "钥密", "码密", "张三,男,1980", ",男", "男,", "(身份", "身份证", "ax密", "xa先生", "先生",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++)
        check(kw, texts[i], strlen(texts[i]));
    /* every prefix and suffix of a text holding all keywords: a keyword cut at either end */
    GString *all = g_string_new("前言");
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        g_string_append_printf(all, "%s，", words[i]);
    for (gsize n = 0; n <= all->len; n++) {
        check(kw, all->str, n);
        check(kw, all->str + n, all->len - n);
    }
    g_string_free(all, TRUE);
    pp_keywords_free(kw);
}

/* random texts over an alphabet made of the keywords' own bytes, so partial matches abound */
static void test_random(void)
{
    PPKeywords *kw = pp_keywords_new(words, G_N_ELEMENTS(words));
    static const char *const pieces[] = {"密", "码", "口", "令", "钥", "秘", "牌", "p", "w", "d", "a", "s", "o", "r",
                                         "k", "e", "y", "@", ":", "/", "J", "A", "K", "I", "b", " ", "\n", "\t",
                                         ",", "男", "(", "身", "份", "证", "x", "先", "生", "用"};
    GRand *rnd = g_rand_new_with_seed(20261201);
    for (int round = 0; round < 3000; round++) {
        GString *t = g_string_new(NULL);
        int n = g_rand_int_range(rnd, 0, 40);
        for (int i = 0; i < n; i++)
            g_string_append(t, pieces[g_rand_int_range(rnd, 0, G_N_ELEMENTS(pieces))]);
        check(kw, t->str, t->len);
        g_string_free(t, TRUE);
    }
    g_rand_free(rnd);
    pp_keywords_free(kw);
}

/* through the rule loader: a rule with keywords is prefiltered the same way from the hits */
static void test_rules_hits(void)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *dir = g_dir_make_tmp("kwXXXXXX", &err);
    g_assert_no_error(err);
    g_autofree char *path = g_build_filename(dir, "k.rules", NULL);
    g_assert_true(g_file_set_contents(path,
        "[secrets.a]\ncategory = secret\nseverity = block\nkeywords = 密码, pwd\npattern = (?:密码|pwd)=\\S+\n"
        "[secrets.b]\ncategory = secret\nseverity = block\nkeywords = @, pwd\npattern = \\S+@\\S+\n", -1, NULL));
    g_autoptr(PPRules) rules = pp_rules_load_file(path, &err);
    g_assert_no_error(err);
    static const char *const texts[] = {"无", "密码=x", "a@b", "pwd=1", "密\n码"};
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autofree guint8 *hits = pp_rules_keyword_hits(rules, texts[i], strlen(texts[i]));
        for (guint k = 0; k < rules->rules->len; k++) {
            const PPRule *r = rules->rules->pdata[k];
            g_assert_cmpint(pp_rule_prefilter_hits(r, hits), ==, pp_rule_prefilter(r, texts[i], strlen(texts[i])));
        }
    }
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keywords/edges", test_edges);
    g_test_add_func("/keywords/random", test_random);
    g_test_add_func("/keywords/rules_hits", test_rules_hits);
    return g_test_run();
}
