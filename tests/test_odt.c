/* ODT reading: small OpenDocument texts as LibreOffice, WPS and Yozo write them, zipped here with
 * libzip (tests/docx_fixture.h), side by side with the parts expected ("kind|author|text" per part,
 * in order), plus flat .fodt, and damaged or hostile packages that must fail cleanly. */
#include <string.h>

#include "format.h"

#include "docx_fixture.h"

#define NS                                                                                                            \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                                            \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                                                \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                                              \
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "                                             \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                                              \
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "                                       \
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " \
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\""
#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
#define MIME "application/vnd.oasis.opendocument.text"

typedef struct {
    const char *name;
    const char *auto_styles; /* content.xml's office:automatic-styles */
    const char *body;        /* office:text */
    const char *styles;      /* styles.xml's office:styles and office:master-styles, nullable */
    const char *want;        /* parts joined by "\n--\n"; each "kind|author|text" without its last line end */
} Case;

static const Case cases[] = {
    {"空格、制表与换行", "", "<text:p>A<text:s text:c=\"3\"/>B<text:tab/>C<text:line-break/>D</text:p>", NULL,
     "body||A   B C\nD"},
    {"标题与列表（不含编号）", "",
     "<text:h text:outline-level=\"1\">标题</text:h><text:list><text:list-item><text:number>1.</text:number>"
     "<text:p>第一项</text:p></text:list-item></text:list>",
     NULL, "body||标题\n第一项"},
    {"排版的空白折叠", "", "\n  <text:p>\n    甲  乙\n  </text:p>\n  <text:p>丙</text:p>\n", NULL, "body||甲 乙 \n丙"},
    {"表格：合并单元格保持列对齐", "",
     "<table:table><table:table-column table:number-columns-repeated=\"3\"/><table:table-header-rows><table:table-row>"
     "<table:table-cell><text:p>姓名</text:p></table:table-cell><table:table-cell><text:p>住址</text:p></table:table-cell>"
     "<table:table-cell><text:p>电话</text:p></table:table-cell></table:table-row></table:table-header-rows>"
     "<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>张三</text:p><text:p>男</text:p>"
     "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>13912345678</text:p></table:table-cell>"
     "</table:table-row><table:table-row><table:table-cell><text:p>李四</text:p></table:table-cell>"
     "<table:table-cell table:number-columns-repeated=\"2\"/></table:table-row></table:table><text:p>表后</text:p>",
     NULL, "body||姓名\t住址\t电话\n张三 男\t\t13912345678\n李四\t\t\n表后"},
    {"嵌套表格在一行内", "",
     "<table:table><table:table-row><table:table-cell><text:p>外</text:p><table:table><table:table-row>"
     "<table:table-cell><text:p>内1</text:p></table:table-cell><table:table-cell><text:p>内2</text:p></table:table-cell>"
     "</table:table-row></table:table></table:table-cell><table:table-cell><text:p>右</text:p></table:table-cell>"
     "</table:table-row></table:table>",
     NULL, "body||外 内1 内2\t右"},
    {"脚注：引用标记不入正文", "",
     "<text:p>正文<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation><text:note-body>"
     "<text:p>注一</text:p></text:note-body></text:note>。<text:note text:note-class=\"endnote\"><text:note-citation>i"
     "</text:note-citation><text:note-body><text:p>尾注</text:p></text:note-body></text:note></text:p>",
     NULL, "body||正文。\n--\nfootnote||注一\n尾注"},
    {"文本框与形状文字各一次", "",
     "<text:p><draw:frame draw:name=\"f\"><svg:title>替代文字</svg:title><draw:text-box><text:p>框内</text:p>"
     "</draw:text-box></draw:frame>正文<draw:custom-shape><text:p>形状</text:p><draw:enhanced-geometry/>"
     "</draw:custom-shape></text:p>",
     NULL, "body||正文\n--\ntextbox||框内\n--\ntextbox||形状"},
    {"批注与作者", "",
     "<text:p><office:annotation><dc:creator>审核人</dc:creator><dc:date>2024-03-01</dc:date>"
     "<meta:creator-initials>SH</meta:creator-initials><text:p>请核实</text:p></office:annotation>正文"
     "<office:annotation-end/></text:p>",
     NULL, "body||正文\n--\ncomment|审核人|请核实"},
    {"修订：删除只入修订，插入兼入正文", "",
     "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info>"
     "<dc:creator>甲</dc:creator><dc:date>2024</dc:date></office:change-info><text:p>删掉的</text:p></text:deletion>"
     "</text:changed-region><text:changed-region text:id=\"c2\"><text:insertion><office:change-info>"
     "<dc:creator>乙</dc:creator></office:change-info></text:insertion></text:changed-region>"
     "<text:changed-region text:id=\"c3\"><text:format-change><office:change-info><dc:creator>丙</dc:creator>"
     "</office:change-info></text:format-change></text:changed-region></text:tracked-changes>"
     "<text:p>保留<text:change text:change-id=\"c1\"/><text:change-start text:change-id=\"c2\"/>新增"
     "<text:change-end text:change-id=\"c2\"/>。<text:change-start text:change-id=\"c3\"/>格式"
     "<text:change-end text:change-id=\"c3\"/></text:p>",
     NULL, "body||保留新增。格式\n--\ntracked_change|甲|删掉的\n--\ntracked_change|乙|新增"},
    {"隐藏文字：样式（字符样式优先于段落样式）、节、条件文字、隐藏段落",
     "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties text:display=\"none\"/></style:style>"
     "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:text-properties text:display=\"none\"/>"
     "</style:style><style:style style:name=\"T2\" style:family=\"text\"><style:text-properties text:display=\"true\"/>"
     "</style:style>",
     "<text:p>显示<text:span text:style-name=\"T1\">隐藏</text:span></text:p><text:p text:style-name=\"P1\">整段"
     "<text:span text:style-name=\"T2\">字符样式显示</text:span></text:p>"
     "<text:section text:name=\"s\" text:display=\"none\"><text:p>节内</text:p></text:section>"
     "<text:p>A<text:hidden-text text:condition=\"ooow:1\" text:string-value=\"条件文字\" text:is-hidden=\"true\"/></text:p>"
     "<text:p>段<text:hidden-paragraph text:condition=\"ooow:1\" text:is-hidden=\"true\"/></text:p>",
     NULL, "body||显示\n字符样式显示\n\nA\n--\nhidden_text||隐藏\n整段\n节内\n条件文字\n段"},
    {"公用样式的继承", "<style:style style:name=\"T9\" style:family=\"text\" style:parent-style-name=\"Secret\"/>",
     "<text:p>可见<text:span text:style-name=\"T9\">不可见</text:span></text:p>",
     "<office:styles><style:style style:name=\"Base\" style:family=\"text\"><style:text-properties text:display=\"none\"/>"
     "</style:style><style:style style:name=\"Secret\" style:family=\"text\" style:parent-style-name=\"Base\"/>"
     "</office:styles>",
     "body||可见\n--\nhidden_text||不可见"},
    {"页眉页脚（母版页）", "", "<text:p>正文</text:p>",
     "<office:automatic-styles><style:style style:name=\"MT1\" style:family=\"text\"><style:text-properties "
     "text:display=\"none\"/></style:style></office:automatic-styles><office:master-styles><style:master-page "
     "style:name=\"Standard\"><style:header><text:p>经办人：王五<text:span text:style-name=\"MT1\">藏</text:span>"
     "</text:p></style:header><style:footer-left><text:p>第<text:page-number>1</text:page-number>页</text:p>"
     "</style:footer-left></style:master-page></office:master-styles>",
     "body||正文\n--\nheader||经办人：王五\n--\nhidden_text||藏\n--\nfooter||第1页"},
    {"域保留显示的文字", "",
     "<text:p>日期：<text:date text:date-value=\"2024-01-01\">2024年1月1日</text:date>，<text:a xlink:href=\"x\">链接</text:a>"
     "<text:bookmark text:name=\"b\"/><text:sequence text:name=\"Table\">2</text:sequence></text:p>",
     NULL, "body||日期：2024年1月1日，链接2"},
    {"不读的内容：图片数据、目录模板、声明", "",
     "<text:sequence-decls><text:sequence-decl text:name=\"Table\"/></text:sequence-decls><text:table-of-content>"
     "<text:table-of-content-source><text:index-title-template>目录模板</text:index-title-template>"
     "</text:table-of-content-source><text:index-body><text:p>一、总则</text:p></text:index-body></text:table-of-content>"
     "<text:p><draw:frame><draw:image><office:binary-data>iVBORw0KGgo=</office:binary-data></draw:image></draw:frame>"
     "图后</text:p>",
     NULL, "body||一、总则\n图后"},
    {"只删除或插入段落标记也是修订", "",
     "<text:tracked-changes><text:changed-region text:id=\"d\"><text:deletion><office:change-info><dc:creator>甲"
     "</dc:creator></office:change-info><text:p/><text:p/></text:deletion></text:changed-region>"
     "<text:changed-region text:id=\"i\"><text:insertion><office:change-info><dc:creator>乙</dc:creator>"
     "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
     "<text:p>前<text:change-start text:change-id=\"i\"/></text:p><text:p><text:change-end text:change-id=\"i\"/>后"
     "<text:change text:change-id=\"d\"/></text:p>",
     NULL, "body||前\n后\n--\ntracked_change|甲|\n\n（删除段落标记）\n--\ntracked_change|乙|（插入段落标记）"},
};

static GBytes *odt_package(const char *content, const char *styles, const char *meta, const char *manifest)
{
    Entry e[5];
    gsize n = 0;
    e[n++] = (Entry){"mimetype", MIME};
    e[n++] = (Entry){"content.xml", content};
    if (styles)
        e[n++] = (Entry){"styles.xml", styles};
    if (meta)
        e[n++] = (Entry){"meta.xml", meta};
    if (manifest)
        e[n++] = (Entry){"META-INF/manifest.xml", manifest};
    return zip_entries(e, n, FALSE);
}

static char *content_xml(const char *auto_styles, const char *body)
{
    return g_strconcat(XMLDECL "<office:document-content " NS "><office:automatic-styles>", auto_styles,
                       "</office:automatic-styles><office:body><office:text>", body,
                       "</office:text></office:body></office:document-content>", NULL);
}

static char *styles_xml(const char *inner)
{
    return g_strconcat(XMLDECL "<office:document-styles " NS ">", inner, "</office:document-styles>", NULL);
}

static PPDoc *extract_lim(GBytes *data, const PPLimits *lim, GError **error)
{
    PPDoc *doc = pp_doc_new("t.odt", NULL);
    doc->data = g_bytes_ref(data);
    doc->size = g_bytes_get_size(data);
    pp_extract(doc, lim, error);
    return doc;
}

static PPDoc *extract(GBytes *data, GError **error) { return extract_lim(data, &pp_default_limits, error); }

static char *parts_of(const PPDoc *doc)
{
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        g_autofree char *text = g_strchomp(g_strdup(p->text->str)); /* a part's last line end is not compared */
        g_string_append_printf(got, "%s%s|%s|%s", i ? "\n--\n" : "", pp_part_name(p->kind), p->author ? p->author : "",
                               text);
    }
    return g_string_free(got, FALSE);
}

static void test_case(gconstpointer data)
{
    const Case *c = data;
    g_autofree char *content = content_xml(c->auto_styles, c->body);
    g_autofree char *styles = c->styles ? styles_xml(c->styles) : NULL;
    g_autoptr(GBytes) pkg = odt_package(content, styles, NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pkg, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "odt");
    g_autofree char *got = parts_of(doc);
    g_assert_cmpstr(got, ==, c->want);
}

/* meta.xml: one part per field, origins naming the field (the hidden stage reads them). */
static void test_metadata(void)
{
    g_autofree char *content = content_xml("", "<text:p>正文</text:p>");
    const char *meta = XMLDECL "<office:document-meta " NS "><office:meta><meta:initial-creator>龙欣</meta:initial-creator>"
                               "<dc:title>通知</dc:title><dc:creator>王五</dc:creator><meta:printed-by>赵六</meta:printed-by>"
                               "<meta:creation-date>2024-01-01T00:00:00</meta:creation-date>"
                               "<meta:generator>LibreOffice</meta:generator><meta:document-statistic meta:page-count=\"3\"/>"
                               "<meta:user-defined meta:name=\"拟稿人\">孙七</meta:user-defined>"
                               "<meta:user-defined meta:name=\"AppVersion\">16.0000</meta:user-defined>"
                               "<meta:user-defined meta:name=\"空\"></meta:user-defined></office:meta></office:document-meta>";
    g_autoptr(GBytes) pkg = odt_package(content, NULL, meta, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pkg, &err);
    g_assert_no_error(err);
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == PP_PART_METADATA)
            g_string_append_printf(got, "%s=%s;", p->origin, p->text->str);
    }
    g_assert_cmpstr(got->str, ==,
                    "meta.xml meta:initial-creator=龙欣;meta.xml dc:title=通知;meta.xml dc:creator=王五;"
                    "meta.xml meta:printed-by=赵六;meta.xml meta:user-defined 拟稿人=孙七;");
    g_string_free(got, TRUE);
}

/* A flat ODT (.fodt): one XML file with styles, master pages, meta and body. */
static void test_flat(void)
{
    const char *fodt = XMLDECL "\n<office:document " NS " office:version=\"1.3\" office:mimetype=\"" MIME "\">"
                               "<office:meta><dc:creator>王五</dc:creator></office:meta>"
                               "<office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\">"
                               "<style:text-properties text:display=\"none\"/></style:style></office:automatic-styles>"
                               "<office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
                               "<text:p>页眉</text:p></style:header></style:master-page></office:master-styles>"
                               "<office:body><office:text><text:p>正文<text:span text:style-name=\"T1\">藏</text:span>"
                               "</text:p></office:text></office:body></office:document>";
    g_autoptr(GBytes) data = g_bytes_new_static(fodt, strlen(fodt));
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(data, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "odt");
    g_autofree char *got = parts_of(doc);
    g_assert_cmpstr(got, ==, "body||正文\n--\nhidden_text||藏\n--\nheader||页眉\n--\nmetadata||王五");
}

static void expect_error(GBytes *pkg, int code)
{
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pkg, &err);
    g_assert_error(err, PP_ERROR, code);
    /* the user reads a Chinese message */
    gboolean cjk = FALSE;
    for (const char *p = err->message; *p && !cjk; p = g_utf8_next_char(p))
        cjk = g_utf8_get_char(p) >= 0x4E00;
    g_assert_true(cjk);
    g_error_free(err);
}

static void test_encrypted(void)
{
    g_autofree char *content = content_xml("", "<text:p>正文</text:p>");
    const char *manifest = XMLDECL "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                                   "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                                   "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\">"
                                   "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"y\"/>"
                                   "</manifest:encryption-data></manifest:file-entry></manifest:manifest>";
    g_autoptr(GBytes) pkg = odt_package(content, NULL, NULL, manifest);
    expect_error(pkg, PP_ERR_ENCRYPTED);
}

static void test_bad_packages(void)
{
    /* no content.xml */
    Entry only_mime[] = {{"mimetype", MIME}, {"styles.xml", "<x/>"}};
    g_autoptr(GBytes) a = zip_entries(only_mime, G_N_ELEMENTS(only_mime), FALSE);
    expect_error(a, PP_ERR_CORRUPT);
    /* broken XML */
    g_autoptr(GBytes) b = odt_package(XMLDECL "<office:document-content " NS "><office:body><text:p>半截", NULL, NULL, NULL);
    expect_error(b, PP_ERR_CORRUPT);
    /* a DOCTYPE (where entity tricks live) is refused */
    g_autoptr(GBytes) c = odt_package(XMLDECL "<!DOCTYPE x [<!ENTITY e \"zz\">]><office:document-content " NS
                                              "><office:body><office:text><text:p>&e;</text:p></office:text></office:body>"
                                              "</office:document-content>",
                                      NULL, NULL, NULL);
    expect_error(c, PP_ERR_CORRUPT);
    /* no text at all */
    g_autofree char *empty = content_xml("", "<text:p/><text:p>  </text:p>");
    g_autoptr(GBytes) d = odt_package(empty, NULL, NULL, NULL);
    expect_error(d, PP_ERR_NO_TEXT);
    /* a spreadsheet without its mimetype entry */
    Entry ods[] = {{"content.xml", XMLDECL "<office:document-content " NS "><office:body><office:spreadsheet/>"
                                           "</office:body></office:document-content>"}};
    g_autoptr(GBytes) e = zip_entries(ods, 1, FALSE);
    expect_error(e, PP_ERR_UNSUPPORTED);
    /* the text budget is enforced while reading */
    g_autofree char *big = content_xml("", "<text:p>一二三四五六七八九十</text:p><text:p><text:s text:c=\"1000\"/></text:p>");
    g_autoptr(GBytes) f = odt_package(big, NULL, NULL, NULL);
    PPLimits lim = pp_default_limits;
    lim.max_text_bytes = 100;
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_lim(f, &lim, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_TOO_LARGE);
    g_error_free(err);
}

/* Bids: an ODT is odt, a DOCX stays docx, other OpenDocument kinds are not ours. */
static void test_bid(void)
{
    g_autofree char *content = content_xml("", "<text:p>正文</text:p>");
    g_autoptr(GBytes) odt = odt_package(content, NULL, NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) a = extract(odt, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(a->format, ==, "odt");
    Entry nomime[] = {{"content.xml", content}};
    g_autoptr(GBytes) b = zip_entries(nomime, 1, FALSE);
    g_autoptr(PPDoc) bd = extract(b, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(bd->format, ==, "odt");
    Entry ods[] = {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}};
    g_autoptr(GBytes) c = zip_entries(ods, 2, FALSE);
    g_autoptr(PPDoc) cd = extract(c, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_UNSUPPORTED);
    g_clear_error(&err);
    Entry docx[] = {{"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                          "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"},
                    {"content.xml", content}};
    g_autoptr(GBytes) d = zip_entries(docx, 2, FALSE);
    g_autoptr(PPDoc) dd = extract(d, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(dd->format, ==, "docx");
}

static void test_objects_noted(void)
{
    g_autofree char *content = content_xml("", "<text:p>正文<draw:frame><draw:object xlink:href=\"./Object 1\"/>"
                                               "<draw:image xlink:href=\"./ObjectReplacements/Object 1\"/></draw:frame></text:p>");
    g_autoptr(GBytes) pkg = odt_package(content, NULL, NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pkg, &err);
    g_assert_no_error(err);
    g_assert_cmpuint(doc->notes->len, ==, 1);
    g_assert_nonnull(strstr(doc->notes->pdata[0], "嵌入对象"));
}

/* Earlier drafts kept by 文件—版本 are deleted text still in the package: reported as a revision. */
static void test_versions(void)
{
    g_autofree char *content = content_xml("", "<text:p>正文</text:p>");
    Entry e[] = {{"mimetype", MIME}, {"content.xml", content}, {"Versions/VersionList.xml", "<x/>"},
                 {"Versions/Version1", "PK"}};
    g_autoptr(GBytes) pkg = zip_entries(e, G_N_ELEMENTS(e), FALSE);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pkg, &err);
    g_assert_no_error(err);
    g_autofree char *got = parts_of(doc);
    g_assert_cmpstr(got, ==, "body||正文\n--\ntracked_change||（文件内另存有 1 个历史版本，其内容未审查）");
}

/* Every truncation and byte flips of a package and of a flat file: no crash, no hang, no leak. */
static void test_damage(void)
{
    g_autofree char *content = content_xml(cases[9].auto_styles, cases[8].body);
    g_autofree char *styles = styles_xml(cases[11].styles);
    g_autoptr(GBytes) pkg = odt_package(content, styles, NULL, NULL);
    gsize n = 0;
    const guint8 *p = g_bytes_get_data(pkg, &n);
    for (gsize cut = 0; cut < n; cut += 7) {
        g_autoptr(GBytes) b = g_bytes_new(p, cut ? cut : 1);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract(b, &err);
        g_clear_error(&err);
    }
    g_autofree guint8 *copy = g_memdup2(p, n);
    for (gsize i = 0; i < n; i += 3) {
        guint8 saved = copy[i];
        copy[i] ^= 0x5A;
        g_autoptr(GBytes) b = g_bytes_new(copy, n);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract(b, &err);
        g_clear_error(&err);
        copy[i] = saved;
    }
    g_autofree char *flat = g_strconcat(XMLDECL "<office:document " NS " office:mimetype=\"" MIME "\"><office:body>"
                                                "<office:text>", cases[3].body, cases[8].body, "</office:text></office:body></office:document>", NULL);
    gsize fn = strlen(flat);
    for (gsize cut = 1; cut < fn; cut += 5) {
        g_autoptr(GBytes) b = g_bytes_new(flat, cut);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract(b, &err);
        g_clear_error(&err);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/odt/case/%s", cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/odt/metadata", test_metadata);
    g_test_add_func("/odt/flat", test_flat);
    g_test_add_func("/odt/bad/encrypted", test_encrypted);
    g_test_add_func("/odt/bad/packages", test_bad_packages);
    g_test_add_func("/odt/bid", test_bid);
    g_test_add_func("/odt/objects_noted", test_objects_noted);
    g_test_add_func("/odt/versions", test_versions);
    g_test_add_func("/odt/damage", test_damage);
    return g_test_run();
}
