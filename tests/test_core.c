/* Core pieces: text decoding, line numbers, input walking order, redaction matching. */
#include <glib/gstdio.h>
#include <string.h>

#include "check.h"
#include "format.h"
#include "redact.h"

/* input bytes → expected UTF-8 text and encoding name */
static const struct {
    const char *name;
    const char *bytes;
    gsize len;
    const char *text;
    const char *encoding;
} decode_cases[] = {
    {"utf8", "公开\n", 7, "公开\n", "UTF-8"},
    {"utf8-bom", "\xEF\xBB\xBF公开", 9, "公开", "UTF-8 (BOM)"},
    {"utf16le-bom", "\xFF\xFE\x6C\x51\x00\x5F", 6, "公开", "UTF-16LE"},
    {"utf16be-bom", "\xFE\xFF\x51\x6C\x5F\x00", 6, "公开", "UTF-16BE"},
    {"gbk", "\xB9\xAB\xBF\xAA", 4, "公开", "GB18030"},
    {"crlf", "a\r\nb\rc", 6, "a\nb\nc", "UTF-8"},
    {"controls-dropped", "a\x01" "b\tc", 5, "ab\tc", "UTF-8"},
};

static void test_decode(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(decode_cases); i++) {
        gsize n = 0;
        const char *enc = NULL;
        GError *err = NULL;
        g_autofree char *out = pp_decode_text((const guint8 *)decode_cases[i].bytes, decode_cases[i].len, &n, &enc, &err);
        g_assert_no_error(err);
        g_assert_cmpstr(out, ==, decode_cases[i].text);
        g_assert_cmpuint(n, ==, strlen(decode_cases[i].text));
        g_assert_cmpstr(enc, ==, decode_cases[i].encoding);
    }
}

/* plain-text tables aligned with spaces become '\t' rows; prose and lone lines stay as they are */
static const struct {
    const char *in, *out;
} align_cases[] = {
    {"序号  姓名  身份证号\n1  李明华  130104198305110902\n", "序号\t姓名\t身份证号\n1\t李明华\t130104198305110902\n"},
    {"姓名　　住址　　电话\n赵丽　　某镇某村　　13700772837", "姓名\t住址\t电话\n赵丽\t某镇某村\t13700772837"},
    {"一行  只有  一行表格\n正文 单个空格 不分列\n", "一行  只有  一行表格\n正文 单个空格 不分列\n"},
    {"  缩进的段落  有两处  空格\n普通段落", "  缩进的段落  有两处  空格\n普通段落"},
    {"a\tb\tc\nd  e  f\n", "a\tb\tc\nd  e  f\n"},
};

static void test_align_tables(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(align_cases); i++) {
        g_autoptr(PPDoc) doc = pp_doc_new("t.txt", NULL);
        doc->data = g_bytes_new_static(align_cases[i].in, strlen(align_cases[i].in));
        g_assert_true(pp_format_txt.extract(doc, &pp_default_limits, NULL));
        g_assert_cmpstr(((PPPart *)doc->parts->pdata[0])->text->str, ==, align_cases[i].out);
    }
}

/* libmagic calls large UTF-8 text that starts with 0xE9 (重…) a DOS executable: still text */
static void test_detect_chinese_text(void)
{
    GString *t = g_string_new("重要通知\n");
    while (t->len < (1u << 20))
        g_string_append(t, "正文内容，");
    g_autoptr(PPDoc) doc = pp_doc_new("big.txt", NULL);
    doc->data = g_bytes_new_take(t->str, t->len);
    g_string_free(t, FALSE);
    GError *err = NULL;
    const PPFormat *f = pp_detect(doc, &err);
    g_assert_no_error(err);
    g_assert_true(f == &pp_format_txt);
}

static void test_line_at(void)
{
    g_autoptr(PPDoc) doc = pp_doc_new("x", NULL);
    PPPart *p = pp_doc_add_part(doc, PP_PART_BODY, 0, NULL);
    g_string_assign(p->text, "一\n二\n\n三");
    g_assert_cmpint(pp_part_line_at(p, 0), ==, 1);
    g_assert_cmpint(pp_part_line_at(p, 4), ==, 2);
    g_assert_cmpint(pp_part_line_at(p, strlen("一\n二\n\n")), ==, 4);
    g_assert_cmpint(pp_part_line_at(p, 1000), ==, 4);
}

static void test_prune(void)
{
    g_autoptr(PPDoc) doc = pp_doc_new("x", NULL);
    g_string_assign(pp_doc_add_part(doc, PP_PART_HEADER, 0, NULL)->text, " \n\t");
    g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, 0, NULL)->text, "正文");
    pp_doc_prune_empty_parts(doc);
    g_assert_cmpuint(doc->parts->len, ==, 1);
    g_assert_cmpint(((PPPart *)doc->parts->pdata[0])->kind, ==, PP_PART_BODY);
}

static void touch(const char *dir, const char *name)
{
    g_autofree char *p = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(p, "x", 1, NULL));
}

static void test_collect_order(void)
{
    g_autofree char *dir = g_dir_make_tmp("prepub-walk-XXXXXX", NULL);
    g_autofree char *sub = g_build_filename(dir, "b", NULL);
    g_mkdir(sub, 0755);
    touch(dir, "c.txt");
    touch(dir, "a.txt");
    touch(sub, "z.txt");
    touch(dir, ".hidden.txt");
    touch(dir, "~$lock.docx");
    char *paths[] = {dir, "-", "/nonexistent/file.pdf", NULL};
    g_autoptr(GPtrArray) docs = pp_collect(paths, "stdin.txt");
    const char *expect[] = {"a.txt", "b/z.txt", "c.txt"};
    g_assert_cmpuint(docs->len, ==, 5);
    for (int i = 0; i < 3; i++) {
        g_autofree char *want = g_build_filename(dir, expect[i], NULL);
        g_assert_cmpstr(((PPDoc *)docs->pdata[i])->path, ==, want);
    }
    g_assert_cmpstr(((PPDoc *)docs->pdata[3])->path, ==, "stdin.txt");
    g_assert_null(((PPDoc *)docs->pdata[3])->fs_path);
    /* a missing file is a document with an io error, found when read */
    PPDoc *missing = docs->pdata[4];
    GError *err = NULL;
    g_assert_false(pp_doc_read(missing, &pp_default_limits, &err));
    g_assert_error(err, PP_ERROR, PP_ERR_IO);
    g_clear_error(&err);
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    g_assert_cmpint(system(cmd), ==, 0);
}

static GPtrArray *reds(const char *const *pairs)
{
    g_autoptr(PPDoc) doc = pp_doc_new("x", NULL);
    for (; pairs[0]; pairs += 2) {
        PPFinding *f = pp_finding_new("privacy.test", PP_CAT_PRIVACY, "cn_id", PP_SEV_BLOCK);
        f->text = g_strdup(pairs[0]);
        f->masked = g_strdup(pairs[1]);
        pp_doc_add_finding(doc, f);
    }
    return pp_redactions_of(doc);
}

/* text, expected masked text */
static const struct {
    const char *in, *out;
} redact_cases[] = {
    {"身份证11010519491231002X。", "身份证110105********002X。"},
    {"号码 110105 1949 1231 002X 止", "号码 110105********002X 止"},
    {"全角１１０１０５１９４９１２３１００２Ｘ", "全角110105********002X"},
    {"手机13800138000，再次13800138000", "手机138****8000，再次138****8000"},
    {"跨行1380013\n8000", "跨行138****8000"},
    {"无关文字", "无关文字"},
};

static void test_redact_string(void)
{
    const char *pairs[] = {"11010519491231002X", "110105********002X", "13800138000", "138****8000", NULL};
    g_autoptr(GPtrArray) r = reds(pairs);
    g_assert_cmpuint(r->len, ==, 2);
    g_assert_cmpstr(((PPRedaction *)r->pdata[0])->raw, ==, "11010519491231002X"); /* longest first */
    for (gsize i = 0; i < G_N_ELEMENTS(redact_cases); i++) {
        g_autofree char *out = pp_redact_string(redact_cases[i].in, strlen(redact_cases[i].in), r, NULL);
        g_assert_cmpstr(out, ==, redact_cases[i].out);
    }
}

static void test_redact_overlap(void)
{
    /* the longer value wins where two overlap */
    const char *pairs[] = {"6222021234567890123", "6222************0123", "12345678", "1***5678", NULL};
    g_autoptr(GPtrArray) r = reds(pairs);
    g_autofree char *out = pp_redact_string("卡号6222021234567890123", strlen("卡号6222021234567890123"), r, NULL);
    g_assert_cmpstr(out, ==, "卡号6222************0123");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/core/decode", test_decode);
    g_test_add_func("/core/line_at", test_line_at);
    g_test_add_func("/core/align_tables", test_align_tables);
    g_test_add_func("/core/detect_chinese_text", test_detect_chinese_text);
    g_test_add_func("/core/prune", test_prune);
    g_test_add_func("/core/collect_order", test_collect_order);
    g_test_add_func("/redact/string", test_redact_string);
    g_test_add_func("/redact/overlap", test_redact_overlap);
    return g_test_run();
}
