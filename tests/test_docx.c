/* DOCX reading: fixtures under tests/data/docx/<case>/ are the package's XML parts as text (as
 * Word and WPS write them); each is zipped here with libzip and extracted, and the parts are
 * compared with tests/data/docx/<case>.expected. Set PREPUB_UPDATE_GOLDEN=1 to rewrite those.
 * Bad packages (no body, truncated, over a limit, encrypted, bad XML) are generated here too. */
#include <string.h>

#include "format.h"
#include "xml_read.h"
#include "zip_read.h"

#define DATA SRCDIR "/tests/data/docx"

#include "docx_fixture.h"

static GBytes *zip_case(const char *name)
{
    g_autofree char *root = g_build_filename(DATA, name, NULL);
    return zip_dir(root);
}

/* ---- extracting ---- */

static PPDoc *extract_with(GBytes *data, const PPLimits *lim, GError **error)
{
    PPDoc *doc = pp_doc_new("t.docx", NULL);
    doc->data = g_bytes_ref(data);
    doc->size = g_bytes_get_size(data);
    pp_extract(doc, lim, error);
    return doc;
}

static PPDoc *extract_ok(GBytes *data)
{
    GError *err = NULL;
    PPDoc *doc = extract_with(data, &pp_default_limits, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "docx");
    return doc;
}

/* Text of all parts of one kind, joined. */
static char *parts_text(const PPDoc *doc, PPPartKind kind)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == kind)
            g_string_append(s, p->text->str);
    }
    return g_string_free(s, FALSE);
}

static guint count_in_doc(const PPDoc *doc, const char *needle)
{
    guint n = 0;
    for (guint i = 0; i < doc->parts->len; i++) {
        const char *s = ((const PPPart *)doc->parts->pdata[i])->text->str;
        for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
            n++;
    }
    return n;
}

/* The parts as the golden files show them: a header line per part, then its text with tabs
 * written as \t so they are visible. */
static char *dump(const PPDoc *doc)
{
    GString *s = g_string_new(NULL);
    if (doc->pages)
        g_string_append_printf(s, "pages %d\n", doc->pages);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        g_string_append_printf(s, "== %s %s", pp_part_name(p->kind), p->origin ? p->origin : "-");
        if (p->author)
            g_string_append_printf(s, " author=%s", p->author);
        g_string_append_c(s, '\n');
        for (const char *c = p->text->str; *c; c++) {
            if (*c == '\t')
                g_string_append(s, "\\t");
            else if (*c == '\\')
                g_string_append(s, "\\\\");
            else
                g_string_append_c(s, *c);
        }
        if (p->text->len && p->text->str[p->text->len - 1] != '\n')
            g_string_append(s, "\\no-newline\n");
    }
    return g_string_free(s, FALSE);
}

static void test_golden(gconstpointer data)
{
    const char *name = data;
    g_autoptr(GBytes) zip = zip_case(name);
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *got = dump(doc);
    g_autofree char *path = g_strdup_printf("%s/%s.expected", DATA, name);
    if (g_getenv("PREPUB_UPDATE_GOLDEN")) {
        g_assert_true(g_file_set_contents(path, got, -1, NULL));
        return;
    }
    g_autofree char *want = NULL;
    if (!g_file_get_contents(path, &want, NULL, NULL))
        g_error("missing %s (run with PREPUB_UPDATE_GOLDEN=1 and review it)", path);
    g_assert_cmpstr(got, ==, want);
}

/* ---- the properties each case exists for, stated directly ---- */

static void test_textbox_once(void)
{
    g_autoptr(GBytes) zip = zip_case("textbox_ac");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_assert_cmpuint(count_in_doc(doc, "500237194003217134"), ==, 1);
    g_autofree char *tb = parts_text(doc, PP_PART_TEXTBOX);
    g_assert_nonnull(strstr(tb, "联系人身份证号：500237194003217134\n第二行\n"));
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_cmpstr(body, ==, "正文第一段。正文接续。\n正文第二段。\n");

    g_autoptr(GBytes) zip2 = zip_case("textbox_vml");
    g_autoptr(PPDoc) doc2 = extract_ok(zip2);
    g_assert_cmpuint(count_in_doc(doc2, "13800138000"), ==, 1);
    g_autofree char *tb2 = parts_text(doc2, PP_PART_TEXTBOX);
    g_assert_cmpstr(tb2, ==, "手机 13800138000\n");
}

static void test_tracked(void)
{
    g_autoptr(GBytes) zip = zip_case("tracked");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_null(strstr(body, "王小明"));
    g_assert_null(strstr(body, "510107199302090701"));
    g_assert_nonnull(strstr(body, "申请人姓名：李某。"));
    g_assert_cmpuint(count_in_doc(doc, "被移走的句子。"), ==, 3); /* moveFrom; moveTo in body and as change */
    gboolean del_seen = FALSE, ins_seen = FALSE;
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind != PP_PART_TRACKED_CHANGE)
            continue;
        g_assert_nonnull(p->author);
        if (strstr(p->text->str, "王小明\n身份证号510107199302090701")) {
            g_assert_cmpstr(p->author, ==, "张审核");
            del_seen = TRUE;
        }
        if (strstr(p->text->str, "新增的一段。"))
            ins_seen = g_str_equal(p->author, "Li Wei");
    }
    g_assert_true(del_seen);
    g_assert_true(ins_seen);
}

static void test_comments(void)
{
    g_autoptr(GBytes) zip = zip_case("comments_wps");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    int n = 0;
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind != PP_PART_COMMENT)
            continue;
        n++;
        if (n == 1) {
            g_assert_cmpstr(p->author, ==, "王科长");
            g_assert_cmpstr(p->text->str, ==, "请核实电话18676602844\n第二段批注\n");
        }
    }
    g_assert_cmpint(n, ==, 2);
}

static void test_hidden(void)
{
    g_autoptr(GBytes) zip = zip_case("hidden");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *hidden = parts_text(doc, PP_PART_HIDDEN_TEXT);
    g_assert_cmpstr(hidden, ==, "6275702934343380864\n");
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_null(strstr(body, "6275702934"));
    g_assert_nonnull(strstr(body, "补贴发放账号已核实。\n这句可见。这句也可见。\n段落标记隐藏，文字可见。\n目录项 3\n曾经隐藏，现已可见。\n"));
}

static void test_fields(void)
{
    g_autoptr(GBytes) zip = zip_case("fields");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_cmpstr(body, ==, "详见 联系邮箱。\n起草人 与 政府网站\n7\n");
    g_assert_cmpuint(count_in_doc(doc, "HYPERLINK"), ==, 0);
    g_assert_cmpuint(count_in_doc(doc, "AUTHOR"), ==, 0);
}

static void test_table(void)
{
    g_autoptr(GBytes) zip = zip_case("table");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_cmpstr(body, ==,
                    "公示名单如下：\n"
                    "姓名\t地址\t备注\n"
                    "余华涵\t重庆市巫山县 大昌镇新民村 10组 38号\t内A 内B 内C\n"
                    "\t\t空行后\n"
                    "表后一段。\n换行后。\n");
}

static void test_split_runs(void)
{
    g_autoptr(GBytes) zip = zip_case("fullwidth_split");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_cmpstr(body, ==, "身份证号：６１０１１３１９５００４２７１６５４\n电话023-55673520① 结束\nx=2\n");
}

static void test_metadata(void)
{
    g_autoptr(GBytes) zip = zip_case("metadata");
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_assert_cmpint(doc->pages, ==, 3);
    gboolean creator = FALSE;
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == PP_PART_METADATA && g_str_equal(p->origin, "docProps/core.xml creator"))
            creator = g_str_equal(p->text->str, "龙欣");
    }
    g_assert_true(creator);
    g_assert_cmpuint(count_in_doc(doc, "2052-11"), ==, 0);      /* WPS build number: noise */
    g_assert_cmpuint(count_in_doc(doc, "Microsoft"), ==, 0);    /* application name: noise */
}

/* ---- bad packages ---- */

static const char *const tiny_body =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"" PP_NS_W "\"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p>"
    "</w:body></w:document>";

static void expect_error(GBytes *zip, const PPLimits *lim, int code, const char *in_message)
{
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(zip, lim, &err);
    g_assert_error(err, PP_ERROR, code);
    if (in_message && !strstr(err->message, in_message))
        g_error("message \"%s\" lacks \"%s\"", err->message, in_message);
    g_assert_cmpstr(doc->format, ==, "docx");
    g_error_free(err);
}

static void test_no_body(void)
{
    Entry e[] = {{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<w:styles/>"}};
    g_autoptr(GBytes) zip = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    expect_error(zip, &pp_default_limits, PP_ERR_CORRUPT, "DOCX 文件缺少正文 word/document.xml");
}

static void test_body_named_by_rels(void)
{
    /* some converters name the main part otherwise; _rels/.rels says which it is */
    Entry e[] = {{"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                 "relationships/officeDocument\" Target=\"/word/document2.xml\"/></Relationships>"},
                 {"word/document2.xml", tiny_body}};
    g_autoptr(GBytes) zip = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_cmpstr(body, ==, "正文\n");
}

static void test_truncated(void)
{
    g_autoptr(GBytes) whole = zip_case("table");
    gsize len = 0;
    const guint8 *p = g_bytes_get_data(whole, &len);
    g_autoptr(GBytes) half = g_bytes_new(p, len / 2);
    expect_error(half, &pp_default_limits, PP_ERR_CORRUPT, NULL);
}

static void test_bad_xml(void)
{
    Entry e[] = {{"word/document.xml", "<w:document xmlns:w=\"" PP_NS_W "\"><w:body><w:p></w:body>"}};
    g_autoptr(GBytes) zip = zip_entries(e, 1, FALSE);
    expect_error(zip, &pp_default_limits, PP_ERR_CORRUPT, "word/document.xml 不是合法的 XML");
}

static void test_doctype(void)
{
    /* the billion-laughs shape: must be refused, not expanded */
    Entry e[] = {{"word/document.xml",
                  "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                  "<w:document xmlns:w=\"" PP_NS_W "\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"}};
    g_autoptr(GBytes) zip = zip_entries(e, 1, FALSE);
    expect_error(zip, &pp_default_limits, PP_ERR_CORRUPT, "DTD");
}

static void test_too_many_entries(void)
{
    PPLimits lim = pp_default_limits;
    lim.max_zip_entries = 3;
    Entry e[] = {{"word/document.xml", tiny_body}, {"a", "1"}, {"b", "2"}, {"c", "3"}};
    g_autoptr(GBytes) zip = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    expect_error(zip, &lim, PP_ERR_TOO_LARGE, "条目");
    lim.max_zip_entries = 4;
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(zip, &lim, &err);
    g_assert_no_error(err);
}

/* Lower the uncompressed size a zip declares for every entry (local and central headers), as a
 * zip bomb would, so that only counting while inflating can catch it. */
static GBytes *lie_about_sizes(GBytes *zip)
{
    gsize len = 0;
    const void *orig = g_bytes_get_data(zip, &len);
    guint8 *p = g_memdup2(orig, len);
    for (gsize i = 0; i + 46 <= len; i++) {
        if (memcmp(p + i, "PK\3\4", 4) == 0)
            memcpy(p + i + 22, "\x64\0\0\0", 4);
        else if (memcmp(p + i, "PK\1\2", 4) == 0)
            memcpy(p + i + 24, "\x64\0\0\0", 4);
    }
    return g_bytes_new_take(p, len);
}

static char *big_body(gsize paragraphs)
{
    GString *s = g_string_new("<w:document xmlns:w=\"" PP_NS_W "\"><w:body>");
    for (gsize i = 0; i < paragraphs; i++)
        g_string_append(s, "<w:p><w:r><w:t>重复的段落文字。</w:t></w:r></w:p>");
    g_string_append(s, "</w:body></w:document>");
    return g_string_free(s, FALSE);
}

static void test_limits_while_inflating(void)
{
    g_autofree char *body = big_body(60000); /* ~3.4 MB, compresses several hundred times */
    Entry e[] = {{"word/document.xml", body}};
    g_autoptr(GBytes) honest = zip_entries(e, 1, FALSE);
    g_autoptr(GBytes) zip = lie_about_sizes(honest);

    /* the declared size (100 bytes) passes every check; the ratio is caught while reading */
    expect_error(zip, &pp_default_limits, PP_ERR_TOO_LARGE, "压缩比");

    PPLimits lim = pp_default_limits;
    lim.max_ratio = 0;
    lim.max_part_bytes = 1u << 20;
    expect_error(zip, &lim, PP_ERR_TOO_LARGE, "解压后超过 1 MiB");

    lim.max_part_bytes = 64u << 20;
    lim.max_total_bytes = 2u << 20;
    expect_error(zip, &lim, PP_ERR_TOO_LARGE, "解压总量");

    lim.max_total_bytes = 256u << 20;
    lim.max_text_bytes = 100000;
    expect_error(zip, &lim, PP_ERR_TOO_LARGE, "文字超过");

    lim.max_text_bytes = 128u << 20;
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(zip, &lim, &err);
    g_assert_no_error(err);
}

static void test_encrypted(void)
{
    if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) {
        g_test_skip("libzip built without AES");
        return;
    }
    Entry e[] = {{"word/document.xml", tiny_body}};
    g_autoptr(GBytes) zip = zip_entries(e, 1, TRUE);
    expect_error(zip, &pp_default_limits, PP_ERR_ENCRYPTED, "加密");
}

static void test_no_text(void)
{
    Entry e[] = {{"word/document.xml", "<w:document xmlns:w=\"" PP_NS_W "\"><w:body><w:p><w:r><w:drawing/></w:r></w:p>"
                                       "<w:p/></w:body></w:document>"},
                 {"word/media/image1.png", "\x89PNG"}};
    g_autoptr(GBytes) zip = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    expect_error(zip, &pp_default_limits, PP_ERR_NO_TEXT, "图片");
}

static void test_unread_content_noted(void)
{
    Entry e[] = {{"word/document.xml", "<w:document xmlns:w=\"" PP_NS_W "\" xmlns:r=\"r\"><w:body><w:p><w:r><w:t>正文</w:t>"
                                       "</w:r></w:p><w:altChunk r:id=\"rId9\"/></w:body></w:document>"},
                 {"word/afchunk.mht", "MIME-Version: 1.0"},
                 {"word/embeddings/Microsoft_Excel_Worksheet.xlsx", "PK"}};
    g_autoptr(GBytes) zip = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    g_autoptr(PPDoc) doc = extract_ok(zip);
    g_assert_cmpuint(doc->notes->len, ==, 2);
    g_assert_nonnull(strstr(doc->notes->pdata[0], "altChunk"));
    g_assert_nonnull(strstr(doc->notes->pdata[1], "嵌入对象"));
}

static void test_encrypted_package(void)
{
    /* Word's password-protected DOCX: an OLE compound file holding an "EncryptedPackage" stream */
    GByteArray *b = g_byte_array_new();
    static const guint8 ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    g_byte_array_append(b, ole, 8);
    guint8 zero[1024] = {0};
    g_byte_array_append(b, zero, sizeof zero);
    static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    g_byte_array_append(b, (const guint8 *)name, sizeof name - 1);
    g_byte_array_append(b, zero, sizeof zero);
    g_autoptr(GBytes) data = g_byte_array_free_to_bytes(b);
    gsize n = 0;
    const guint8 *p = g_bytes_get_data(data, &n);
    g_assert_cmpint(pp_format_docx.bid(p, n, "application/encrypted"), ==, 60);
    g_assert_cmpint(pp_format_docx.bid(ole, 8, "application/x-ole-storage"), ==, 0); /* a plain .doc */
    expect_error(data, &pp_default_limits, PP_ERR_ENCRYPTED, "密码");
}

static void test_bid(void)
{
    Entry docx[] = {{"word/document.xml", tiny_body}};
    Entry other[] = {{"xl/workbook.xml", "<workbook/>"}};
    Entry nobody[] = {{"word/styles.xml", "<w:styles/>"}};
    g_autoptr(GBytes) a = zip_entries(docx, 1, FALSE);
    g_autoptr(GBytes) b = zip_entries(other, 1, FALSE);
    g_autoptr(GBytes) c = zip_entries(nobody, 1, FALSE);
    gsize n = 0;
    const guint8 *p = g_bytes_get_data(a, &n);
    g_assert_cmpint(pp_format_docx.bid(p, n, "application/zip"), ==, 90);
    g_assert_cmpint(pp_format_docx.bid(p, n / 2, "application/zip"), ==, 40); /* truncated, "word/" seen */
    p = g_bytes_get_data(b, &n);
    g_assert_cmpint(pp_format_docx.bid(p, n, "application/zip"), ==, 0);
    g_assert_cmpint(pp_format_docx.bid((const guint8 *)"PK\3", 3, "application/zip"), ==, 0);
    p = g_bytes_get_data(c, &n);
    g_assert_cmpint(pp_format_docx.bid(p, n, "application/zip"), ==, 40);
}

static void test_zip_reader(void)
{
    Entry e[] = {{"word/document.xml", tiny_body}, {"Word/Other.XML", "x"}};
    g_autoptr(GBytes) zip = zip_entries(e, 2, FALSE);
    GError *err = NULL;
    g_autoptr(PPZip) z = pp_zip_open(zip, &pp_default_limits, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(pp_zip_n_entries(z), ==, 2);
    g_assert_cmpint(pp_zip_find(z, "word/other.xml"), ==, 1);
    g_assert_cmpint(pp_zip_find(z, "nope"), ==, -1);
    g_autoptr(GBytes) b = pp_zip_read_name(z, "word/document.xml", &err);
    g_assert_no_error(err);
    g_assert_cmpstr(g_bytes_get_data(b, NULL), ==, tiny_body); /* NUL-terminated */
    g_assert_cmpuint(pp_zip_total_read(z), ==, strlen(tiny_body));
    g_assert_null(pp_zip_read_name(z, "nope", &err));
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_autoptr(GBytes) junk = g_bytes_new_static("not a zip at all", 16);
    g_assert_null(pp_zip_open(junk, &pp_default_limits, &err));
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    static const char *const cases[] = {
        "tracked", "comments_wps", "textbox_ac", "textbox_vml", "notes", "header_footer", "hidden",
        "fields", "nested_sdt", "table", "fullwidth_split", "metadata", "prefix_bom", "drawing", "hidden_style", "table_merged",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/docx/golden/%s", cases[i]);
        g_test_add_data_func(path, cases[i], test_golden);
    }
    g_test_add_func("/docx/textbox_once", test_textbox_once);
    g_test_add_func("/docx/tracked", test_tracked);
    g_test_add_func("/docx/comments", test_comments);
    g_test_add_func("/docx/hidden", test_hidden);
    g_test_add_func("/docx/fields", test_fields);
    g_test_add_func("/docx/table", test_table);
    g_test_add_func("/docx/split_runs", test_split_runs);
    g_test_add_func("/docx/metadata", test_metadata);
    g_test_add_func("/docx/bad/no_body", test_no_body);
    g_test_add_func("/docx/bad/truncated", test_truncated);
    g_test_add_func("/docx/body_named_by_rels", test_body_named_by_rels);
    g_test_add_func("/docx/bad/xml", test_bad_xml);
    g_test_add_func("/docx/bad/doctype", test_doctype);
    g_test_add_func("/docx/bad/too_many_entries", test_too_many_entries);
    g_test_add_func("/docx/bad/limits_while_inflating", test_limits_while_inflating);
    g_test_add_func("/docx/bad/encrypted", test_encrypted);
    g_test_add_func("/docx/bad/encrypted_package", test_encrypted_package);
    g_test_add_func("/docx/bad/no_text", test_no_text);
    g_test_add_func("/docx/unread_content_noted", test_unread_content_noted);
    g_test_add_func("/docx/bid", test_bid);
    g_test_add_func("/docx/zip_reader", test_zip_reader);
    return g_test_run();
}
