/* Reports built from documents made up here (no extraction or stages involved): what each format
 * shows, what it must never show without --reveal, and escaping in the HTML.
 * With PP_REPORT_PREVIEW=DIR set, the HTML of the sample batch is also written to DIR/preview.html
 * (to look at the layout with findings of every kind). */
#include <string.h>

#include "report.h"
#include "stage.h"

#define RAW_ID "11010519491231002X"
#define MASKED_ID "110105********002X"
#define RAW_AUTHOR "张三丰"

static PPFinding *finding(PPDoc *d, const char *rule, PPCategory cat, const char *type, PPSeverity sev, const char *text,
                          const char *masked, const char *msg)
{
    PPFinding *f = pp_finding_new(rule, cat, type, sev);
    f->text = g_strdup(text);
    f->masked = g_strdup(masked);
    f->message = g_strdup(msg);
    f->part = PP_PART_BODY;
    pp_doc_add_finding(d, f);
    return f;
}

/* Three documents: one with findings of several kinds, one unreadable, one clean. */
static GPtrArray *sample_docs(void)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)pp_doc_free);

    PPDoc *d = pp_doc_new("草稿/关于<公示>的通知.docx", NULL);
    d->format = "docx";
    d->size = 23456;
    d->pages = 3;
    g_strlcpy(d->sha256, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", sizeof d->sha256);
    d->disclosure = PP_DISC_PROACTIVE;
    d->marking = g_strdup("（此件公开发布）");
    PPFinding *f = finding(d, "privacy.cn_id", PP_CAT_PRIVACY, "cn_id", PP_SEV_BLOCK, RAW_ID, MASKED_ID, "居民身份证号码未去标识化");
    f->page = 2;
    f->line = 14;
    f->context = g_strdup("申请人李*，身份证号" MASKED_ID "，住址\t<script>alert(1)</script>");
    f->basis = g_strdup("个人信息保护法第二十八条");
    f->advice = g_strdup("删除或遮盖身份证号码后再发布");
    f = finding(d, "hidden.comment", PP_CAT_HIDDEN, "comment", PP_SEV_BLOCK, "请核实此人身份证号", "", "文件含有批注");
    f->part = PP_PART_COMMENT;
    f->author = g_strdup(RAW_AUTHOR);
    f->advice = g_strdup("删除全部批注");
    f = finding(d, "quality.draft_marker", PP_CAT_QUALITY, "term", PP_SEV_REVIEW, "征求意见稿", "征求意见稿", "文中有征求意见稿字样");
    f->context = g_strdup("（征求意见稿）");
    finding(d, "disclosure.position", PP_CAT_DISCLOSURE, "marking", PP_SEV_INFO, NULL, NULL, "附注位置不在成文日期之后");
    pp_doc_note(d, "PDF 第 3 页只有图像，未做文字识别");
    d->redact_error = g_strdup("批注中的身份证号无法在副本中遮盖");
    d->verdict = pp_verdict_of(d);
    g_ptr_array_add(docs, d);

    d = pp_doc_new("损坏.pdf", NULL);
    d->format = "pdf";
    g_set_error(&d->error, PP_ERROR, PP_ERR_CORRUPT, "文件为空（0 字节），无法审查");
    g_strlcpy(d->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sizeof d->sha256);
    d->verdict = pp_verdict_of(d);
    g_ptr_array_add(docs, d);

    d = pp_doc_new("clean.txt", NULL);
    d->format = "txt";
    d->size = 100;
    d->disclosure = PP_DISC_WITHHELD;
    d->marking = g_strdup("（此件不予公开）");
    d->reason = g_strdup("涉及第三方商业秘密");
    d->redacted_path = g_strdup("脱敏/clean.txt");
    d->verdict = pp_verdict_of(d);
    g_ptr_array_add(docs, d);
    return docs;
}

static char *render(const char *format, gboolean reveal)
{
    static PPRules rules; /* only the fingerprint is read */
    g_strlcpy(rules.fingerprint, "feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface", sizeof rules.fingerprint);
    g_autoptr(GPtrArray) docs = sample_docs();
    char *paths[] = {"草稿", NULL};
    PPReportOptions o = {.reveal = reveal, .fixed_time = "2026-01-01 09:00:00", .rules = &rules, .argv_paths = paths};
    GString *out = g_string_new(NULL);
    pp_reporter_find(format)->write(out, docs, &o);
    return g_string_free(out, FALSE);
}

static guint count(const char *hay, const char *needle)
{
    guint n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + strlen(needle), needle))
        n++;
    return n;
}

/* No format shows the raw value or the author's full name without --reveal; all do with it. */
static void test_no_leak(void)
{
    static const char *const formats[] = {"text", "json", "html"};
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        g_autofree char *masked = render(formats[i], FALSE);
        g_assert_null(strstr(masked, RAW_ID));
        g_assert_null(strstr(masked, RAW_AUTHOR));
        g_assert_nonnull(strstr(masked, MASKED_ID));
        g_assert_nonnull(strstr(masked, "张**"));
        g_autofree char *revealed = render(formats[i], TRUE);
        g_assert_nonnull(strstr(revealed, RAW_ID));
        g_assert_nonnull(strstr(revealed, RAW_AUTHOR));
    }
}

static void test_html_content(void)
{
    g_autofree char *h = render("html", FALSE);
    g_assert_true(g_str_has_prefix(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    /* escaped, never live markup from the document */
    g_assert_null(strstr(h, "<script"));
    g_assert_nonnull(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    g_assert_nonnull(strstr(h, "关于&lt;公示&gt;的通知.docx"));
    /* nothing fetched from anywhere */
    g_assert_null(strstr(h, "http://"));
    g_assert_null(strstr(h, "https://"));
    g_assert_null(strstr(h, "src="));
    /* print layout */
    g_assert_nonnull(strstr(h, "@page{size:A4"));
    g_assert_nonnull(strstr(h, "break-before:page"));
    /* summary */
    g_assert_nonnull(strstr(h, "<b>3</b>文件总数"));
    g_assert_nonnull(strstr(h, "<b>1</b>可发布"));
    g_assert_nonnull(strstr(h, "<b>2</b>不得发布"));
    g_assert_nonnull(strstr(h, "<b>0</b>需人工复核"));
    /* per document: hash, attribute with marking and ground, verdict words, error, notes */
    g_assert_nonnull(strstr(h, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
    g_assert_nonnull(strstr(h, "标注原文：「（此件公开发布）」"));
    g_assert_nonnull(strstr(h, "不公开理由：涉及第三方商业秘密"));
    g_assert_nonnull(strstr(h, "23456 字节（22.9 KB）"));
    g_assert_nonnull(strstr(h, "<code>corrupt</code>"));
    g_assert_nonnull(strstr(h, "PDF 第 3 页只有图像"));
    g_assert_nonnull(strstr(h, "脱敏副本未生成：</strong>批注中的身份证号无法在副本中遮盖"));
    g_assert_nonnull(strstr(h, "已写出：<code>脱敏/clean.txt</code>"));
    g_assert_cmpuint(count(h, "不得发布</span>"), >=, 2);
    g_assert_nonnull(strstr(h, "<span class=\"badge review\">需复核</span>"));
    g_assert_nonnull(strstr(h, "<span class=\"badge pass\">可发布</span>"));
    /* findings grouped by category in reading order, numbered through the document */
    const char *disc = strstr(h, "<h4>公开属性（1 项）</h4>");
    const char *priv = strstr(h, "<h4>个人信息（1 项）</h4>");
    const char *hid = strstr(h, "<h4>隐藏内容（1 项）</h4>");
    const char *qual = strstr(h, "<h4>文字质量（1 项）</h4>");
    g_assert_true(disc && priv && hid && qual && disc < priv && priv < hid && hid < qual);
    g_assert_nonnull(strstr(h, "第 2 页<br>第 14 行"));
    g_assert_nonnull(strstr(h, "个人信息保护法第二十八条"));
    g_assert_nonnull(strstr(h, "处理建议：删除或遮盖身份证号码后再发布"));
    g_assert_nonnull(strstr(h, "<code>privacy.cn_id</code>"));
    g_assert_nonnull(strstr(h, "住址 │ &lt;script&gt;")); /* a table cell boundary in the context */
    /* a sign-off block per document with the tool, rules and time */
    g_assert_cmpuint(count(h, "<h3>审核签字（三审）</h3>"), ==, 3);
    g_assert_cmpuint(count(h, "<tr><th>初审"), ==, 3);
    g_assert_cmpuint(count(h, "<tr><th>复审"), ==, 3);
    g_assert_cmpuint(count(h, "<tr><th>终审"), ==, 3);
    g_assert_cmpuint(count(h, "feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface"), ==, 3);
    g_assert_cmpuint(count(h, "2026-01-01 09:00:00"), ==, 4);
    g_assert_cmpuint(count(h, "prepub " PREPUB_VERSION), >=, 3);
    g_assert_null(strstr(h, "--reveal"));
    g_autofree char *r = render("html", TRUE);
    g_assert_nonnull(strstr(r, "（--reveal）"));

    const char *dir = g_getenv("PP_REPORT_PREVIEW");
    if (dir) {
        g_autofree char *path = g_build_filename(dir, "preview.html", NULL);
        g_assert_true(g_file_set_contents(path, h, -1, NULL));
    }
}

static void test_text_content(void)
{
    g_autofree char *t = render("text", FALSE);
    g_assert_nonnull(strstr(t, "[不得发布] 草稿/关于<公示>的通知.docx  (docx，3 页，22.9 KB，SHA-256 0123456789abcdef…)"));
    g_assert_nonnull(strstr(t, "  ✗ 个人信息：居民身份证号码未去标识化  " MASKED_ID "  〔正文 第2页 第14行〕  privacy.cn_id\n"));
    g_assert_nonnull(strstr(t, "      上下文：…申请人李*，身份证号" MASKED_ID "，住址 │ <script>alert(1)</script>…\n"));
    g_assert_nonnull(strstr(t, "      依据：个人信息保护法第二十八条\n      建议：删除或遮盖身份证号码后再发布\n"));
    g_assert_nonnull(strstr(t, "作者：张**"));
    g_assert_nonnull(strstr(t, "✗ 无法审查：文件损坏（corrupt）：文件为空（0 字节），无法审查"));
    g_assert_nonnull(strstr(t, "公开属性：不予公开「（此件不予公开）」  理由：涉及第三方商业秘密"));
    g_assert_nonnull(strstr(t, "  注：PDF 第 3 页只有图像"));
    g_assert_nonnull(strstr(t, "  ✗ 脱敏副本未生成：批注中的身份证号无法在副本中遮盖\n"));
    g_assert_nonnull(strstr(t, "  脱敏副本：脱敏/clean.txt\n"));
    g_assert_nonnull(strstr(t, "共 3 个文件：可发布 1，需人工复核 0，不得发布 2（其中无法读取 1）"));
    g_assert_null(strstr(t, "\033[")); /* no colour unless asked */
}

static void test_size(void)
{
    static const struct {
        gsize n;
        const char *s;
    } cases[] = {{0, "0 B"}, {1023, "1023 B"}, {1024, "1.0 KB"}, {23456, "22.9 KB"}, {1048575, "1023.9 KB"}, {1048576, "1.0 MB"},
                 {(gsize)5 << 30, "5.0 GB"}};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *s = pp_report_size(cases[i].n);
        g_assert_cmpstr(s, ==, cases[i].s);
    }
}

/* Document text shown on a terminal cannot carry escape sequences or break the line layout. */
static void test_oneline(void)
{
    g_autofree char *a = pp_report_oneline("a\033[31mb\tc\nd\xc2\x9b" "2J\x7f");
    g_assert_cmpstr(a, ==, "a\xef\xbf\xbd[31mb │ c ⏎ d\xef\xbf\xbd" "2J\xef\xbf\xbd");
    g_autofree char *b = pp_report_oneline("申请人\xff李*");
    g_assert_true(g_utf8_validate(b, -1, NULL));
    g_assert_null(pp_report_oneline(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/no_leak", test_no_leak);
    g_test_add_func("/report/html", test_html_content);
    g_test_add_func("/report/text", test_text_content);
    g_test_add_func("/report/size", test_size);
    g_test_add_func("/report/oneline", test_oneline);
    return g_test_run();
}
