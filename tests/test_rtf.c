/* RTF reading: small RTF texts as Word, WPS and LibreOffice write them, side by side with the parts
 * expected ("kind|author|text" per part, in order), plus hostile inputs that must fail cleanly. */
#include <string.h>

#include "format.h"

typedef struct {
    const char *name;
    const char *rtf;
    const char *want; /* parts joined by "\n--\n"; each "kind|author|text" without its last line end */
} Case;

#define HEAD "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}{\\f1\\fswiss\\fcharset0 Arial;}}"

static const Case cases[] = {
    {"GBK 字节", HEAD "\\f0 \\'d5\\'c5\\'c8\\'fd\\par}", "body||张三"},
    {"Unicode 与替代字符", "{\\rtf1\\ansi\\uc1 \\u24352?\\u19977?\\par}", "body||张三"},
    {"uc0 无替代字符", "{\\rtf1\\ansi\\uc0 \\u24352\\u19977\\par}", "body||张三"},
    {"uc2 替代为 GBK 两字节", "{\\rtf1\\ansi\\ansicpg936\\uc2 \\u24352\\'d5\\'c5\\u19977\\'c8\\'fd\\par}", "body||张三"},
    {"负数 Unicode", "{\\rtf1\\ansi\\uc1 \\u-156?\\par}", "body||\xef\xbd\xa4" /* U+FF64 */},
    {"表格", "{\\rtf1\\ansi \\trowd\\cellx1000\\cellx2000 \\intbl A\\cell B\\cell\\row \\intbl C\\cell D\\cell\\row}",
     "body||A\tB\nC\tD"},
    {"页眉页脚脚注", "{\\rtf1\\ansi{\\header \\pard H1\\par}{\\footer \\pard F1\\par}Body{\\footnote \\pard N1}\\par}",
     "body||Body\n--\nheader||H1\n--\nfooter||F1\n--\nfootnote||N1"},
    {"批注与作者", "{\\rtf1\\ansi Text{\\*\\atnid A}{\\*\\atnauthor \\u23457?\\u26680?}\\chatn{\\*\\annotation{\\*\\atndate 1} Note}\\par}",
     "body||Text\n--\ncomment|审核|Note"},
    {"删除的修订", "{\\rtf1\\ansi Keep {\\deleted Gone} Kept\\par}", "body||Keep  Kept\n--\ntracked_change||Gone"},
    {"隐藏文字", "{\\rtf1\\ansi Shown {\\v Hidden}\\par}", "body||Shown\n--\nhidden_text||Hidden"},
    {"域结果而非域代码", "{\\rtf1\\ansi {\\field{\\*\\fldinst HYPERLINK \"x\"}{\\fldrslt Link}}\\par}", "body||Link"},
    {"文本框只读一次", "{\\rtf1\\ansi Body\\par{\\shp{\\*\\shpinst{\\sp{\\sn wzName}{\\sv Shape1}}{\\shptxt Box\\par}}{\\shprslt Box copy}}}",
     "body||Body\n--\ntextbox||Box"},
    {"元数据", "{\\rtf1\\ansi{\\info{\\title T}{\\author \\u40857?\\u27427?}{\\operator Op}{\\creatim\\yr2020}}Body\\par}",
     "body||Body\n--\nmetadata||T\n--\nmetadata||龙欣\n--\nmetadata||Op"},
    {"跳过图片和二进制", "{\\rtf1\\ansi A{\\pict\\pngblip 89504e47}{\\object\\objdata 0102}\\bin4 \x01{}\\ B\\par}", "body||A B"},
    {"正文中的 8 位字节按代码页解码", "{\\rtf1\\ansi\\ansicpg936 \xd5\xc5\xc8\xfd\\par}", "body||张三"},
    {"转义符号", "{\\rtf1\\ansi a\\{b\\}c\\\\d\\~e\\par}", "body||a{b}c\\d e"},
    {"未知可忽略目的地", "{\\rtf1\\ansi {\\*\\unknowndest secret}Visible\\par}", "body||Visible"},
};

static PPDoc *extract(const char *rtf, gsize len, GError **error)
{
    PPDoc *doc = pp_doc_new("t.rtf", NULL);
    doc->data = g_bytes_new(rtf, len);
    doc->size = len;
    pp_extract(doc, &pp_default_limits, error);
    return doc;
}

static void test_case(gconstpointer data)
{
    const Case *c = data;
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(c->rtf, strlen(c->rtf), &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "rtf");
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        g_autofree char *text = g_strchomp(g_strdup(p->text->str)); /* a part's last line end is not compared */
        g_string_append_printf(got, "%s%s|%s|%s", i ? "\n--\n" : "", pp_part_name(p->kind), p->author ? p->author : "",
                               text);
    }
    g_assert_cmpstr(got->str, ==, c->want);
    g_string_free(got, TRUE);
}

/* Groups nested without end: a clear corrupt error, not a stack overflow. */
static void test_deep_nesting(void)
{
    GString *s = g_string_new("{\\rtf1 ");
    for (int i = 0; i < 100000; i++)
        g_string_append_c(s, '{');
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(s->str, s->len, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_error_free(err);
    g_string_free(s, TRUE);
}

/* Every truncation and some byte flips of a realistic file: no crash, no hang (ASan run too). */
static void test_truncations(void)
{
    const char *rtf = HEAD "{\\info{\\author \\'d5\\'c5}}{\\header H\\par}\\f0 \\'c9\\'ea\\'c7\\'eb\\'c8\\'cb\\u24352?"
                           "{\\*\\atnauthor A}{\\*\\annotation N}\\trowd\\cellx1 \\intbl a\\cell\\row{\\v h}{\\deleted d}"
                           "\\bin3 xyz\\u-1?\\uc9 \\u65?\\par}";
    gsize n = strlen(rtf);
    for (gsize cut = 5; cut <= n; cut++) {
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract(rtf, cut, &err);
        g_clear_error(&err);
    }
    g_autofree char *copy = g_strdup(rtf);
    for (gsize i = 5; i < n; i++) {
        char saved = copy[i];
        for (int v = 0; v < 4; v++) {
            copy[i] = (char)"{}\\'"[v];
            GError *err = NULL;
            g_autoptr(PPDoc) doc = extract(copy, n, &err);
            g_clear_error(&err);
        }
        copy[i] = saved;
    }
}

/* The text limit holds while reading. */
static void test_limit(void)
{
    GString *s = g_string_new("{\\rtf1 ");
    for (int i = 0; i < 4096; i++)
        g_string_append(s, "0123456789abcdef");
    g_string_append_c(s, '}');
    PPLimits lim = pp_default_limits;
    lim.max_text_bytes = 1000;
    PPDoc *doc = pp_doc_new("t.rtf", NULL);
    doc->data = g_bytes_new(s->str, s->len);
    GError *err = NULL;
    pp_extract(doc, &lim, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_TOO_LARGE);
    g_error_free(err);
    pp_doc_free(doc);
    g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/rtf/case/%02zu-%s", i, cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/rtf/deep-nesting", test_deep_nesting);
    g_test_add_func("/rtf/truncations", test_truncations);
    g_test_add_func("/rtf/limit", test_limit);
    return g_test_run();
}
