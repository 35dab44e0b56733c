/* OFD reading: the fixtures of tests/data/ofd/ (written by scripts/make_ofd_fixtures.py) and small
 * packages built here with libzip for the details (DeltaX "g" syntax, CTM, pen continuation,
 * clipping text, locations, bad packages, limits). */
#include <string.h>

#include "format.h"
#include "ofd.h"

#include "docx_fixture.h"

#define DATA SRCDIR "/tests/data/ofd"
#define NS "xmlns:ofd=\"http://www.ofdspec.org/2016\""

static PPDoc *extract_with(GBytes *data, const PPLimits *lim, GError **error)
{
    PPDoc *doc = pp_doc_new("t.ofd", NULL);
    doc->data = g_bytes_ref(data);
    doc->size = g_bytes_get_size(data);
    pp_extract(doc, lim ? lim : &pp_default_limits, error);
    return doc;
}

static GBytes *fixture(const char *name)
{
    g_autofree char *path = g_build_filename(DATA, name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

static PPDoc *extract_fixture(const char *name)
{
    g_autoptr(GBytes) data = fixture(name);
    GError *err = NULL;
    PPDoc *doc = extract_with(data, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "ofd");
    return doc;
}

/* The first part of kind (on page, when page > 0) whose text contains needle; NULL if none. */
static const PPPart *find_part(const PPDoc *doc, PPPartKind kind, int page, const char *needle)
{
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == kind && (page <= 0 || p->page == page) && strstr(p->text->str, needle))
            return p;
    }
    return NULL;
}

/* A one-document package: OFD.xml → Doc_0/Document.xml listing the given page contents. */
static GBytes *package(const char *const *pages, gsize n)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GString *list = g_string_new(NULL);
    for (gsize i = 0; i < n; i++) {
        g_string_append_printf(list, "<ofd:Page ID=\"%zu\" BaseLoc=\"Pages/Page_%zu/Content.xml\"/>", i + 1, i);
        g_ptr_array_add(names, g_strdup_printf("Doc_0/Pages/Page_%zu/Content.xml", i));
    }
    g_autofree char *document = g_strdup_printf("<ofd:Document " NS "><ofd:CommonData/><ofd:Pages>%s</ofd:Pages></ofd:Document>",
                                                list->str);
    Entry *e = g_new0(Entry, n + 2);
    e[0] = (Entry){"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"};
    e[1] = (Entry){"Doc_0/Document.xml", document};
    for (gsize i = 0; i < n; i++)
        e[i + 2] = (Entry){names->pdata[i], pages[i]};
    GBytes *b = zip_entries(e, n + 2, FALSE);
    g_free(e);
    g_string_free(list, TRUE);
    g_ptr_array_unref(names);
    return b;
}

static char *page_of(const char *objects)
{
    return g_strdup_printf("<ofd:Page " NS "><ofd:Content><ofd:Layer ID=\"1\">%s</ofd:Layer></ofd:Content></ofd:Page>", objects);
}

/* The body text of a one-page package. */
static char *body_of(const char *objects)
{
    g_autofree char *page = page_of(objects);
    const char *pages[] = {page};
    g_autoptr(GBytes) data = package(pages, 1);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, NULL, &err);
    g_assert_no_error(err);
    const PPPart *p = find_part(doc, PP_PART_BODY, 1, "");
    g_assert_nonnull(p);
    return g_strdup(p->text->str);
}

static void test_deltas(void)
{
    double v[16];
    g_assert_cmpuint(pp_ofd_parse_deltas("g 3 5.2 1 g 2 0.5", v, 16), ==, 6);
    g_assert_cmpfloat(v[0], ==, 5.2);
    g_assert_cmpfloat(v[2], ==, 5.2);
    g_assert_cmpfloat(v[3], ==, 1);
    g_assert_cmpfloat(v[5], ==, 0.5);
    /* a hostile count fills only what is needed */
    g_assert_cmpuint(pp_ofd_parse_deltas("g 1e12 1", v, 4), ==, 4);
    /* junk tokens are skipped, a dangling g ends the list, NULL is empty */
    g_assert_cmpuint(pp_ofd_parse_deltas("1 x 2 g", v, 16), ==, 2);
    g_assert_cmpfloat(v[1], ==, 2);
    g_assert_cmpuint(pp_ofd_parse_deltas(NULL, v, 16), ==, 0);
    g_assert_cmpuint(pp_ofd_parse_deltas("nan inf 1e400", v, 16), ==, 3);
    g_assert_cmpfloat(v[0], ==, 0);
}

static void test_gongshi(void)
{
    g_autoptr(PPDoc) doc = extract_fixture("gongshi.ofd");
    g_assert_cmpint(doc->pages, ==, 2);
    /* a table row per line, cells by tab; the third row is written in CTM-scaled units */
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "序号\t姓名\t身份证号码\t联系电话\t家庭住址\n"));
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "1\t张建国\t110105196503121235\t13812345678\t朝阳区幸福路18号\n"));
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "3\t王小明\t440106198801013576\t15011112222\t天河区体育西路9号\n"));
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 2, "6\t刘芳\t420106198309096804\t13566667777\t武昌区中南路7号"));
    /* PageBlock nesting, the marking on the last page */
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 2, "2024年3月1日\n（此件公开发布）"));
    /* one glyph per character that is not a separator */
    const PPPart *p = find_part(doc, PP_PART_BODY, 1, "");
    g_assert_nonnull(p->glyphs);
    glong chars = 0;
    for (const char *q = p->text->str; *q; q = g_utf8_next_char(q))
        chars += *q != '\n' && *q != '\t' && *q != ' ';
    g_assert_cmpuint(p->glyphs->len, ==, (guint)chars);
    /* DocInfo: Creator is the application, kept after the text */
    const PPPart *last = doc->parts->pdata[doc->parts->len - 1];
    g_assert_cmpint(last->kind, ==, PP_PART_METADATA);
}

static void test_notice(void)
{
    g_autoptr(PPDoc) doc = extract_fixture("notice.ofd");
    /* the template page's footer is on every page */
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "（此件公开发布）\n— 1 —"));
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 2, "— 1 —"));
    /* DeltaX with a letter spacing, and one without the g syntax */
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "为切实做好春节期间安全生产工作，现将有关事项通知如下。\n"));
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 1, "一、压实安全责任。"));
    const PPPart *a = find_part(doc, PP_PART_ANNOTATION, 1, "13700001111");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->author, ==, "李审核");
    g_assert_nonnull(strstr(a->text->str, "请核实联系人电话")); /* the text its appearance draws */
    const PPPart *att = find_part(doc, PP_PART_ATTACHMENT, 0, "联系人名单.txt");
    g_assert_nonnull(att);
    g_assert_nonnull(strstr(att->text->str, "13912348765"));
    const PPPart *au = find_part(doc, PP_PART_METADATA, 0, "王晓东");
    g_assert_nonnull(au);
    g_assert_cmpstr(au->origin, ==, "OFD.xml Author");
    g_assert_nonnull(find_part(doc, PP_PART_METADATA, 0, "签发人：周卫国"));
    g_assert_null(find_part(doc, PP_PART_METADATA, 0, "101")); /* ObjectRef IDs are not text */
    gboolean sig = FALSE;
    for (guint i = 0; i < doc->notes->len; i++)
        sig |= strstr(doc->notes->pdata[i], "电子签章") != NULL;
    g_assert_true(sig);
}

static void test_text_placement(void)
{
    /* a TextCode without X/Y continues where the previous one ended */
    g_autofree char *t = body_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 100 10\" Size=\"4\">"
                                 "<ofd:TextCode X=\"0\" Y=\"4\" DeltaX=\"g 2 4\">第一段</ofd:TextCode>"
                                 "<ofd:TextCode DeltaX=\"4\">续写</ofd:TextCode></ofd:TextObject>");
    g_assert_cmpstr(t, ==, "第一段续写\n");
    /* two TextObjects on one baseline, the later one left of the earlier: x order wins */
    g_autofree char *t2 = body_of("<ofd:TextObject ID=\"2\" Boundary=\"60 20 50 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">右边</ofd:TextCode></ofd:TextObject>"
                                  "<ofd:TextObject ID=\"3\" Boundary=\"52 20 50 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">左边</ofd:TextCode></ofd:TextObject>");
    g_assert_cmpstr(t2, ==, "左边右边\n");
    /* a CTM that scales: the same line, written in points */
    g_autofree char *t3 = body_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 100 10\" Size=\"11.34\" CTM=\"0.3528 0 0 0.3528 0 0\">"
                                  "<ofd:TextCode X=\"0\" Y=\"11.34\" DeltaX=\"g 3 11.34\">缩放文字</ofd:TextCode></ofd:TextObject>"
                                  "<ofd:TextObject ID=\"3\" Boundary=\"20 30 100 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">下一行</ofd:TextCode></ofd:TextObject>");
    g_assert_cmpstr(t3, ==, "缩放文字\n下一行\n");
    /* vertical text: DeltaY only */
    g_autofree char *t4 = body_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 10 100\" Size=\"4\">"
                                  "<ofd:TextCode X=\"0\" Y=\"4\" DeltaY=\"g 3 4\">竖排文字</ofd:TextCode></ofd:TextObject>");
    g_assert_nonnull(strstr(t4, "竖"));
    /* text that shapes a clipping path is not drawn */
    g_autofree char *t5 = body_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 100 10\" Size=\"4\">"
                                  "<ofd:Clips><ofd:Clip><ofd:Area><ofd:Text Boundary=\"0 0 1 1\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">剪裁</ofd:TextCode></ofd:Text></ofd:Area></ofd:Clip></ofd:Clips>"
                                  "<ofd:TextCode X=\"0\" Y=\"4\">可见</ofd:TextCode></ofd:TextObject>");
    g_assert_cmpstr(t5, ==, "可见\n");
}

static void test_locations(void)
{
    /* BaseLoc from the root ("/…"), with "..", and a Content.xml whose TemplateID is unknown */
    g_autofree char *page = page_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 100 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">正文内容</ofd:TextCode></ofd:TextObject>");
    const Entry e[] = {
        {"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"},
        {"Doc_0/Document.xml", "<ofd:Document " NS "><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"/Doc_0/P/1.xml\"/>"
                               "<ofd:Page ID=\"2\" BaseLoc=\"P/../P/2.xml\"/></ofd:Pages></ofd:Document>"},
        {"Doc_0/P/1.xml", page},
        {"Doc_0/P/2.xml", page},
    };
    g_autoptr(GBytes) data = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpint(doc->pages, ==, 2);
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 2, "正文内容"));
}

static void test_extras(void)
{
    /* two documents in one package (pages numbered on), a watermark annotation (page text, not
     * hidden), a binary attachment (named, noted, not read), a custom datum that names a person */
    g_autofree char *page = page_of("<ofd:TextObject ID=\"2\" Boundary=\"20 20 100 10\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">正文内容</ofd:TextCode></ofd:TextObject>");
    const Entry e[] = {
        {"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocInfo><ofd:CustomDatas><ofd:CustomData Name=\"拟稿人\">"
                    "赵晓梅</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                    "<ofd:Versions><ofd:Version ID=\"1\" Index=\"1\" BaseLoc=\"Doc_0/Versions/v1.xml\"/></ofd:Versions>"
                    "</ofd:DocBody><ofd:DocBody><ofd:DocRoot>Doc_1/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"},
        {"Doc_0/Document.xml", "<ofd:Document " NS "><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/P0.xml\"/></ofd:Pages>"
                               "<ofd:Annotations>Annots.xml</ofd:Annotations><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>"},
        {"Doc_0/Pages/P0.xml", page},
        {"Doc_0/Annots.xml", "<ofd:Annotations " NS "><ofd:Page PageID=\"1\"><ofd:FileLoc>Annots/A0.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>"},
        {"Doc_0/Annots/A0.xml", "<ofd:PageAnnot " NS "><ofd:Annot ID=\"9\" Type=\"Watermark\" Creator=\"x\"><ofd:Appearance Boundary=\"0 0 100 100\">"
                                "<ofd:TextObject ID=\"10\" Boundary=\"0 0 100 10\" Size=\"8\"><ofd:TextCode X=\"0\" Y=\"8\">内部资料</ofd:TextCode></ofd:TextObject>"
                                "</ofd:Appearance></ofd:Annot></ofd:PageAnnot>"},
        {"Doc_0/Attachs/Attachments.xml", "<ofd:Attachments " NS "><ofd:Attachment ID=\"1\" Name=\"名单.xlsx\"><ofd:FileLoc>a.xlsx</ofd:FileLoc></ofd:Attachment></ofd:Attachments>"},
        {"Doc_0/Attachs/a.xlsx", "PK\3\4 binary"},
        {"Doc_1/Document.xml", "<ofd:Document " NS "><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/P0.xml\"/></ofd:Pages></ofd:Document>"},
        {"Doc_1/Pages/P0.xml", page},
    };
    g_autoptr(GBytes) data = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpint(doc->pages, ==, 2);
    g_assert_nonnull(find_part(doc, PP_PART_BODY, 2, "正文内容"));
    const PPPart *w = find_part(doc, PP_PART_BODY, 1, "内部资料");
    g_assert_nonnull(w);
    g_assert_cmpstr(w->origin, ==, "ofd Annot Watermark");
    g_assert_null(find_part(doc, PP_PART_ANNOTATION, 0, ""));
    const PPPart *a = find_part(doc, PP_PART_ATTACHMENT, 0, "名单.xlsx");
    g_assert_nonnull(a);
    g_assert_null(strstr(a->text->str, "binary"));
    const PPPart *m = find_part(doc, PP_PART_METADATA, 0, "赵晓梅");
    g_assert_nonnull(m);
    g_assert_cmpstr(m->origin, ==, "OFD.xml custom 拟稿人");
    guint seen = 0;
    for (guint i = 0; i < doc->notes->len; i++)
        seen |= (strstr(doc->notes->pdata[i], "名单.xlsx") ? 1u : 0u) | (strstr(doc->notes->pdata[i], "历史版本") ? 2u : 0u);
    g_assert_cmpuint(seen, ==, 3);
}

/* ---- bad packages ---- */

static void expect_error(GBytes *data, const PPLimits *lim, int code, const char *in_message)
{
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, lim, &err);
    g_assert_error(err, PP_ERROR, code);
    if (in_message && !strstr(err->message, in_message))
        g_error("message \"%s\" lacks \"%s\"", err->message, in_message);
    g_error_free(err);
}

static void test_bad_structure(void)
{
    const Entry no_body[] = {{"OFD.xml", "<ofd:OFD " NS " Version=\"1.0\"/>"}};
    g_autoptr(GBytes) a = zip_entries(no_body, 1, FALSE);
    expect_error(a, NULL, PP_ERR_CORRUPT, "DocBody");

    const Entry no_root[] = {{"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocInfo/></ofd:DocBody></ofd:OFD>"}};
    g_autoptr(GBytes) b = zip_entries(no_root, 1, FALSE);
    expect_error(b, NULL, PP_ERR_CORRUPT, "DocRoot");

    const Entry missing_page[] = {
        {"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"},
        {"Doc_0/Document.xml", "<ofd:Document " NS "><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>"},
    };
    g_autoptr(GBytes) c = zip_entries(missing_page, 2, FALSE);
    expect_error(c, NULL, PP_ERR_CORRUPT, "第 1 页");

    const Entry bad_xml[] = {{"OFD.xml", "<ofd:OFD " NS "><ofd:DocBody><ofd:DocRoot>x</ofd:DocBody>"}};
    g_autoptr(GBytes) d = zip_entries(bad_xml, 1, FALSE);
    expect_error(d, NULL, PP_ERR_CORRUPT, NULL);

    const Entry doctype[] = {{"OFD.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><ofd:OFD " NS "/>"}};
    g_autoptr(GBytes) e = zip_entries(doctype, 1, FALSE);
    expect_error(e, NULL, PP_ERR_CORRUPT, NULL);

    /* a page with only an image: nothing to review */
    g_autofree char *img = page_of("<ofd:ImageObject ID=\"2\" Boundary=\"0 0 210 297\" ResourceID=\"9\"/>");
    const char *pages[] = {img};
    g_autoptr(GBytes) f = package(pages, 1);
    expect_error(f, NULL, PP_ERR_NO_TEXT, NULL);
}

static void test_truncated(void)
{
    g_autoptr(GBytes) data = fixture("notice.ofd");
    gsize len = g_bytes_get_size(data);
    for (gsize cut = 0; cut < len; cut += len / 13 + 1) {
        g_autoptr(GBytes) part = g_bytes_new_from_bytes(data, 0, cut);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract_with(part, NULL, &err);
        g_assert_nonnull(err); /* the central directory is at the end: any cut loses it */
        g_assert_true(err->code == PP_ERR_CORRUPT || err->code == PP_ERR_UNSUPPORTED);
        g_error_free(err);
    }
}

static void test_limits(void)
{
    g_autoptr(GBytes) data = fixture("gongshi.ofd");
    PPLimits lim = pp_default_limits;
    lim.max_pages = 1;
    expect_error(data, &lim, PP_ERR_TOO_LARGE, "页");
    lim = pp_default_limits;
    lim.max_text_bytes = 100;
    expect_error(data, &lim, PP_ERR_TOO_LARGE, NULL);
    lim = pp_default_limits;
    lim.max_zip_entries = 3;
    expect_error(data, &lim, PP_ERR_TOO_LARGE, NULL);
    lim = pp_default_limits;
    lim.max_part_bytes = 512;
    expect_error(data, &lim, PP_ERR_TOO_LARGE, NULL);
}

static void test_bid(void)
{
    /* a zip without OFD.xml is not an OFD, one with it is, whatever else it holds */
    const Entry other[] = {{"Doc_0/Document.xml", "<x/>"}};
    g_autoptr(GBytes) a = zip_entries(other, 1, FALSE);
    gsize len = 0;
    const guint8 *d = g_bytes_get_data(a, &len);
    g_assert_cmpint(pp_format_ofd.bid(d, len, "application/zip"), ==, 0);
    g_autoptr(GBytes) b = fixture("clean.ofd");
    d = g_bytes_get_data(b, &len);
    g_assert_cmpint(pp_format_ofd.bid(d, len, "application/zip"), ==, 90);
    g_assert_cmpint(pp_format_docx.bid(d, len, "application/zip"), <, 90);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ofd/deltas", test_deltas);
    g_test_add_func("/ofd/gongshi", test_gongshi);
    g_test_add_func("/ofd/notice", test_notice);
    g_test_add_func("/ofd/text_placement", test_text_placement);
    g_test_add_func("/ofd/locations", test_locations);
    g_test_add_func("/ofd/extras", test_extras);
    g_test_add_func("/ofd/bad/structure", test_bad_structure);
    g_test_add_func("/ofd/bad/truncated", test_truncated);
    g_test_add_func("/ofd/bad/limits", test_limits);
    g_test_add_func("/ofd/bid", test_bid);
    return g_test_run();
}
