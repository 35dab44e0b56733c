/* PDF reader: inputs are made here at test time (cairo for laid-out pages, a hand-written PDF for
 * annotations, attachments and XMP) so every input can be read in this file; the corpus bad inputs
 * are used when ../shared/corpus is present.
 *
 * Pages are drawn with the toy cairo font API and "Noto Sans CJK SC" (package fonts-noto-cjk);
 * the tests that need CJK glyphs skip when no CJK font is installed.
 */
#include <cairo-pdf.h>
#include <string.h>

#include "format.h"
#include "pdf_layout.h"

/* ---- making PDFs ---- */

typedef struct {
    int page;           /* 1-based */
    double x, y;        /* baseline start, points, origin top-left */
    const char *text;
} Item;

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static GBytes *draw_pdf_turned(const Item *items, gsize n, const char *author, const char *creator, gboolean turned);

/* A4-ish pages with the items drawn at 10 pt; author/creator go to the Info dictionary. */
static GBytes *draw_pdf(const Item *items, gsize n, const char *author, const char *creator)
{
    return draw_pdf_turned(items, n, author, creator, FALSE);
}

/* turned: the items are landscape content printed sideways (rotated 90° clockwise) on the page. */
static GBytes *draw_pdf_turned(const Item *items, gsize n, const char *author, const char *creator, gboolean turned)
{
    GByteArray *buf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_bytes, buf, 595, 842);
    if (author)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author);
    if (creator)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, creator);
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 10);
    if (turned) {
        cairo_translate(cr, 595, 0);
        cairo_rotate(cr, G_PI / 2);
    }
    int page = 1;
    for (gsize i = 0; i < n; i++) {
        for (; page < items[i].page; page++)
            cairo_show_page(cr);
        cairo_move_to(cr, items[i].x, items[i].y);
        cairo_show_text(cr, items[i].text);
    }
    if (n == 0) { /* a page with a picture and no text */
        cairo_rectangle(cr, 50, 50, 200, 300);
        cairo_fill(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    return g_byte_array_free_to_bytes(buf);
}

static gboolean have_cjk_font(void)
{
    g_autofree char *out = NULL;
    if (!g_spawn_command_line_sync("fc-list :lang=zh family", &out, NULL, NULL, NULL))
        return FALSE;
    return out && *out;
}

static PPDoc *extract(GBytes *data, const PPLimits *lim, GError **error)
{
    PPDoc *doc = pp_doc_new("t.pdf", NULL);
    doc->data = g_bytes_ref(data);
    doc->size = g_bytes_get_size(data);
    pp_extract(doc, lim ? lim : &pp_default_limits, error);
    return doc;
}

static PPPart *part_of(PPDoc *doc, PPPartKind kind, int nth)
{
    for (guint i = 0; i < doc->parts->len; i++) {
        PPPart *p = doc->parts->pdata[i];
        if (p->kind == kind && nth-- == 0)
            return p;
    }
    return NULL;
}

static PPPart *part_with_origin(PPDoc *doc, const char *origin)
{
    for (guint i = 0; i < doc->parts->len; i++) {
        PPPart *p = doc->parts->pdata[i];
        if (g_strcmp0(p->origin, origin) == 0)
            return p;
    }
    return NULL;
}

/* Every glyph points at a character start, in order, and every non-separator character has one. */
static void assert_glyphs_consistent(const PPPart *p)
{
    g_assert_nonnull(p->glyphs);
    guint gi = 0;
    for (const char *s = p->text->str; *s; s = g_utf8_next_char(s)) {
        gsize off = (gsize)(s - p->text->str);
        gboolean sep = *s == ' ' || *s == '\t' || *s == '\n';
        if (sep)
            continue;
        g_assert_cmpuint(gi, <, p->glyphs->len);
        const PPGlyph *g = &g_array_index(p->glyphs, PPGlyph, gi);
        g_assert_cmpuint(g->offset, ==, off);
        g_assert_cmpfloat(g->x1, <=, g->x2);
        g_assert_cmpfloat(g->y1, <, g->y2);
        gi++;
    }
    g_assert_cmpuint(gi, ==, p->glyphs->len);
}

/* ---- a 公示 table with narrow columns ----
 * Columns at x = 50 (序号), 90 (姓名), 130 (身份证号, four digits a line), 175 (住址), 240 (电话),
 * 290 (人数); 13 pt line pitch; a paragraph above that wraps over two lines, a signature below. */
#define ROW(p, y, col, t) {p, col, y, t}
static const Item table_items[] = {
    {1, 50, 60, "根据有关规定，经个人申请、入户调查、民主评议和审核审批，现将名单"},
    {1, 50, 73, "公示如下，公示期七天。"},
    ROW(1, 100, 50, "序号"), ROW(1, 100, 90, "姓名"), ROW(1, 100, 130, "身份"), ROW(1, 100, 175, "住址"),
    ROW(1, 100, 240, "电话"), ROW(1, 100, 290, "人数"),
    ROW(1, 113, 130, "证号"),
    ROW(1, 132, 50, "1"), ROW(1, 132, 90, "诸葛"), ROW(1, 132, 130, "5002"), ROW(1, 132, 175, "重庆市黔江"),
    ROW(1, 132, 240, "13800"), ROW(1, 132, 290, "2"),
    ROW(1, 145, 90, "英兰"), ROW(1, 145, 130, "3519"), ROW(1, 145, 175, "区人民路"), ROW(1, 145, 240, "13800"),
    ROW(1, 158, 130, "6706"), ROW(1, 158, 175, "9号"), ROW(1, 158, 240, "0"),
    ROW(1, 171, 130, "2180"),
    ROW(1, 184, 130, "76"),
    ROW(1, 203, 50, "2"), ROW(1, 203, 90, "王五"), ROW(1, 203, 130, "1101"), ROW(1, 203, 175, "四川省绵阳"),
    ROW(1, 203, 240, "15900"), ROW(1, 203, 290, "1"),
    ROW(1, 216, 130, "0119"), ROW(1, 216, 175, "市游仙区"), ROW(1, 216, 240, "00000"),
    /* row 2 goes on at the top of page 2; row 3 follows there */
    ROW(2, 60, 130, "9003"), ROW(2, 60, 175, "富乐街道"), ROW(2, 60, 240, "0"),
    ROW(2, 73, 130, "0712"),
    ROW(2, 86, 130, "34"),
    ROW(2, 105, 50, "3"), ROW(2, 105, 90, "李四"), ROW(2, 105, 130, "3201"), ROW(2, 105, 175, "重庆市云阳"),
    ROW(2, 105, 240, "13900"), ROW(2, 105, 290, "3"),
    ROW(2, 118, 130, "0219"), ROW(2, 118, 240, "13900"),
    ROW(2, 131, 130, "7809"), ROW(2, 131, 240, "0"),
    ROW(2, 144, 130, "2859"),
    ROW(2, 157, 130, "4X"),
    {2, 300, 200, "某某镇人民政府"},
};

static void test_table(void)
{
    if (!have_cjk_font()) {
        g_test_skip("no CJK font (install fonts-noto-cjk)");
        return;
    }
    g_autoptr(GBytes) pdf = draw_pdf(table_items, G_N_ELEMENTS(table_items), NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpint(doc->pages, ==, 2);
    PPPart *p1 = part_of(doc, PP_PART_BODY, 0), *p2 = part_of(doc, PP_PART_BODY, 1);
    g_assert_nonnull(p1);
    g_assert_nonnull(p2);
    g_assert_cmpint(p1->page, ==, 1);
    g_assert_cmpint(p2->page, ==, 2);
    /* the paragraph stays two plain lines; header cells wrapped over two lines merge; every cell's
     * fragments join top to bottom; the row broken by the page break is whole on page 1 */
    g_assert_cmpstr(p1->text->str, ==,
                    "根据有关规定，经个人申请、入户调查、民主评议和审核审批，现将名单\n"
                    "公示如下，公示期七天。\n"
                    "序号\t姓名\t身份证号\t住址\t电话\t人数\n"
                    "1\t诸葛英兰\t500235196706218076\t重庆市黔江区人民路9号\t13800138000\t2\n"
                    "2\t王五\t110101199003071234\t四川省绵阳市游仙区富乐街道\t15900000000\t1\n");
    g_assert_cmpstr(p2->text->str, ==,
                    "3\t李四\t32010219780928594X\t重庆市云阳\t13900139000\t3\n"
                    "某某镇人民政府\n");
    assert_glyphs_consistent(p2);

    /* glyph offsets stay exact after reordering: the ID's first digit is drawn at x = 130 on row 1 */
    const char *id = strstr(p1->text->str, "5002351967");
    g_assert_nonnull(id);
    gsize off = (gsize)(id - p1->text->str);
    const PPGlyph *g = NULL;
    for (guint i = 0; i < p1->glyphs->len; i++)
        if (g_array_index(p1->glyphs, PPGlyph, i).offset == off)
            g = &g_array_index(p1->glyphs, PPGlyph, i);
    g_assert_nonnull(g);
    g_assert_cmpfloat_with_epsilon(g->x1, 130.0, 1.0);
    g_assert_cmpfloat(g->y1, <, 132.0); /* top-left origin: the box is above the baseline */
    g_assert_cmpfloat(g->y2, >, 125.0);
    g_assert_cmpint(g->page, ==, 0);

    /* the moved characters ("9003…") keep their own page */
    const char *cont = strstr(p1->text->str, "9003");
    g_assert_nonnull(cont);
    off = (gsize)(cont - p1->text->str);
    gboolean found = FALSE;
    for (guint i = 0; i < p1->glyphs->len; i++) {
        const PPGlyph *q = &g_array_index(p1->glyphs, PPGlyph, i);
        if (q->offset == off) {
            g_assert_cmpint(q->page, ==, 2);
            g_assert_cmpfloat(q->y1, <, 60.0);
            found = TRUE;
        }
    }
    g_assert_true(found);
    /* offsets ascend and every character has its glyph */
    guint32 last = 0;
    for (guint i = 0; i < p1->glyphs->len; i++) {
        g_assert_cmpuint(g_array_index(p1->glyphs, PPGlyph, i).offset, >=, last);
        last = g_array_index(p1->glyphs, PPGlyph, i).offset;
    }
    assert_glyphs_consistent(p1);
}

/* Word's "repeat header rows": page 2 starts with the header again, then the tail of the broken row. */
static const Item repeat_items[] = {
    ROW(1, 100, 50, "序号"), ROW(1, 100, 90, "姓名"), ROW(1, 100, 130, "身份"), ROW(1, 100, 175, "住址"),
    ROW(1, 113, 130, "证号"),
    ROW(1, 132, 50, "1"), ROW(1, 132, 90, "张三"), ROW(1, 132, 130, "5002"), ROW(1, 132, 175, "重庆市"),
    ROW(1, 145, 130, "3519"),
    ROW(2, 60, 50, "序号"), ROW(2, 60, 90, "姓名"), ROW(2, 60, 130, "身份"), ROW(2, 60, 175, "住址"),
    ROW(2, 73, 130, "证号"),
    ROW(2, 92, 130, "6706"), ROW(2, 92, 175, "黔江区"),
    ROW(2, 105, 130, "2180"),
    ROW(2, 118, 130, "76"),
    ROW(2, 137, 50, "2"), ROW(2, 137, 90, "王五"), ROW(2, 137, 130, "1101"), ROW(2, 137, 175, "四川省"),
    ROW(2, 150, 130, "0119"),
};

static void test_repeated_header(void)
{
    if (!have_cjk_font()) {
        g_test_skip("no CJK font (install fonts-noto-cjk)");
        return;
    }
    g_autoptr(GBytes) pdf = draw_pdf(repeat_items, G_N_ELEMENTS(repeat_items), NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    PPPart *p1 = part_of(doc, PP_PART_BODY, 0), *p2 = part_of(doc, PP_PART_BODY, 1);
    g_assert_cmpstr(p1->text->str, ==, "序号\t姓名\t身份证号\t住址\n1\t张三\t500235196706218076\t重庆市黔江区\n");
    g_assert_cmpstr(p2->text->str, ==, "序号\t姓名\t身份证号\t住址\n2\t王五\t11010119\t四川省\n");
    assert_glyphs_consistent(p1);
    assert_glyphs_consistent(p2);
}

/* A landscape table printed sideways reads like an upright one; glyph boxes stay in page space. */
static void test_turned_page(void)
{
    if (!have_cjk_font()) {
        g_test_skip("no CJK font (install fonts-noto-cjk)");
        return;
    }
    static const Item items[] = {
        {1, 50, 40, "关于低保对象的公示，现将名单公示如下。"},
        ROW(1, 60, 50, "序号"), ROW(1, 60, 90, "姓名"), ROW(1, 60, 130, "身份证号"),
        ROW(1, 74, 50, "1"), ROW(1, 74, 90, "张三"), ROW(1, 74, 130, "500235196706218076"),
        ROW(1, 88, 50, "2"), ROW(1, 88, 90, "李四"), ROW(1, 88, 130, "110101199003071234"),
    };
    g_autoptr(GBytes) pdf = draw_pdf_turned(items, G_N_ELEMENTS(items), NULL, NULL, TRUE);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    PPPart *p = part_of(doc, PP_PART_BODY, 0);
    g_assert_cmpstr(p->text->str, ==,
                    "关于低保对象的公示，现将名单公示如下。\n序号\t姓名\t身份证号\n"
                    "1\t张三\t500235196706218076\n2\t李四\t110101199003071234\n");
    assert_glyphs_consistent(p);
    /* "5" was drawn at landscape (130, 74): on the page that is x = 595 - 74 (baseline), y from 130 */
    gsize off = (gsize)(strstr(p->text->str, "5002") - p->text->str);
    guint seen = 0;
    for (guint i = 0; i < p->glyphs->len; i++) {
        const PPGlyph *g = &g_array_index(p->glyphs, PPGlyph, i);
        if (g->offset != off)
            continue;
        g_assert_cmpfloat_with_epsilon(g->y1, 130.0, 1.0);
        g_assert_cmpfloat(g->x1, <, 595.0 - 74.0);
        g_assert_cmpfloat(g->x2, >, 595.0 - 74.0 - 2);
        seen++;
    }
    g_assert_cmpuint(seen, ==, 1);
}

/* Lines of ordinary text, some with wide gaps, are not a table; words keep their spaces. */
static void test_plain_lines(void)
{
    static const Item items[] = {
        {1, 50, 60, "Draft notice"},
        {1, 50, 75, "for the"},
        {1, 200, 75, "office"},
        {1, 50, 90, "Phone 13800138000"},
    };
    g_autoptr(GBytes) pdf = draw_pdf(items, G_N_ELEMENTS(items), NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    PPPart *p = part_of(doc, PP_PART_BODY, 0);
    g_assert_cmpstr(p->text->str, ==, "Draft notice\nfor the office\nPhone 13800138000\n");
    assert_glyphs_consistent(p);
}

static void test_metadata(void)
{
    static const Item items[] = {{1, 50, 60, "text"}};
    g_autoptr(GBytes) pdf = draw_pdf(items, 1, "张三", "Microsoft Word");
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    PPPart *a = part_with_origin(doc, "pdf Author");
    g_assert_nonnull(a);
    g_assert_cmpint(a->kind, ==, PP_PART_METADATA);
    g_assert_cmpstr(a->text->str, ==, "张三");
    /* an application name is not filed under a person's field */
    PPPart *c = part_with_origin(doc, "pdf Application");
    g_assert_nonnull(c);
    g_assert_cmpstr(c->text->str, ==, "Microsoft Word");
    g_assert_null(part_with_origin(doc, "pdf Creator"));
}

static void test_no_text_and_pages(void)
{
    g_autoptr(GBytes) blank = draw_pdf(NULL, 0, NULL, NULL);
    GError *err = NULL;
    g_autoptr(PPDoc) d1 = extract(blank, NULL, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_NO_TEXT);
    g_clear_error(&err);

    static const Item two[] = {{1, 50, 60, "one"}, {2, 50, 60, "two"}};
    g_autoptr(GBytes) pdf = draw_pdf(two, 2, NULL, NULL);
    PPLimits lim = pp_default_limits;
    lim.max_pages = 1;
    g_autoptr(PPDoc) d2 = extract(pdf, &lim, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_TOO_LARGE);
    g_assert_nonnull(strstr(err->message, "页"));
    g_clear_error(&err);
}

/* ---- a hand-written PDF: Info, XMP, a text annotation with author, an embedded GBK text file ---- */

static void add_utf16_hex(GString *s, const char *utf8)
{
    gsize n = 0;
    g_autofree char *u = g_convert(utf8, -1, "UTF-16BE", "UTF-8", NULL, &n, NULL);
    g_string_append(s, "<FEFF");
    for (gsize i = 0; i < n; i++)
        g_string_append_printf(s, "%02X", (guint8)u[i]);
    g_string_append_c(s, '>');
}

static GBytes *handmade_pdf(void)
{
    const char *xmp = "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>"
                      "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                      "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' "
                      "xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreatorTool='WPS Office'>"
                      "<dc:creator><rdf:Seq><rdf:li>赵六</rdf:li></rdf:Seq></dc:creator>"
                      "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
    g_autofree char *gbk = g_convert("电话 13900000000\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
    /* the second form field's value is drawn on the page too (as a widget appearance would be) */
    const char *content = "BT /F1 12 Tf 20 100 Td (Draft text) Tj ET BT /F1 10 Tf 20 60 Td (13700000000) Tj ET";

    GPtrArray *objs = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(objs, g_strdup("<< /Type /Catalog /Pages 2 0 R /Metadata 9 0 R /AcroForm << /Fields [11 0 R 12 0 R] >> "
                                   "/Names << /EmbeddedFiles << /Names [(contacts.txt) 6 0 R] >> >> >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
                                   "/Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 11 0 R 12 0 R] >>"));
    g_ptr_array_add(objs, g_strdup_printf("<< /Length %zu >>\nstream\n%s\nendstream", strlen(content), content));
    g_ptr_array_add(objs, g_strdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Filespec /F (contacts.txt) /EF << /F 8 0 R >> >>"));
    GString *annot = g_string_new("<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents ");
    add_utf16_hex(annot, "请联系张三，电话13800138000");
    g_string_append(annot, " /T ");
    add_utf16_hex(annot, "李四");
    g_string_append(annot, " >>");
    g_ptr_array_add(objs, g_string_free(annot, FALSE));
    g_ptr_array_add(objs, g_strdup_printf("<< /Type /EmbeddedFile /Length %zu >>\nstream\n%s\nendstream", strlen(gbk), gbk));
    g_ptr_array_add(objs, g_strdup_printf("<< /Type /Metadata /Subtype /XML /Length %zu >>\nstream\n%s\nendstream",
                                          strlen(xmp), xmp));
    GString *info = g_string_new("<< /Author ");
    add_utf16_hex(info, "王五");
    g_string_append(info, " /Creator (Microsoft Word) /Producer (WPS) >>");
    g_ptr_array_add(objs, g_string_free(info, FALSE));
    GString *field = g_string_new("<< /Type /Annot /Subtype /Widget /FT /Tx /P 3 0 R /Rect [20 150 180 170] /T ");
    add_utf16_hex(field, "身份证号");
    g_string_append(field, " /V (110101199003071234) >>");
    g_ptr_array_add(objs, g_string_free(field, FALSE));
    g_ptr_array_add(objs, g_strdup("<< /Type /Annot /Subtype /Widget /FT /Tx /P 3 0 R /Rect [20 50 180 70] "
                                   "/T (phone) /V (13700000000) >>"));

    GString *pdf = g_string_new("%PDF-1.7\n");
    GArray *offs = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; i < objs->len; i++) {
        gsize o = pdf->len;
        g_array_append_val(offs, o);
        g_string_append_printf(pdf, "%u 0 obj\n%s\nendobj\n", i + 1, (char *)objs->pdata[i]);
    }
    gsize xref = pdf->len;
    g_string_append_printf(pdf, "xref\n0 %u\n0000000000 65535 f \n", objs->len + 1);
    for (guint i = 0; i < offs->len; i++)
        g_string_append_printf(pdf, "%010zu 00000 n \n", g_array_index(offs, gsize, i));
    g_string_append_printf(pdf, "trailer\n<< /Size %u /Root 1 0 R /Info 10 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           objs->len + 1, xref);
    g_array_unref(offs);
    g_ptr_array_unref(objs);
    return g_string_free_to_bytes(pdf);
}

static void test_extras(void)
{
    g_autoptr(GBytes) pdf = handmade_pdf();
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract(pdf, NULL, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(part_of(doc, PP_PART_BODY, 0)->text->str, ==, "Draft text\n13700000000\n");

    PPPart *an = part_of(doc, PP_PART_ANNOTATION, 0);
    g_assert_nonnull(an);
    g_assert_cmpstr(an->text->str, ==, "请联系张三，电话13800138000");
    g_assert_cmpstr(an->author, ==, "李四");
    g_assert_cmpint(an->page, ==, 1);

    /* a filled form field is visible content: a body part of its page, unless the page text has it */
    PPPart *ff = part_with_origin(doc, "pdf form field");
    g_assert_nonnull(ff);
    g_assert_cmpint(ff->kind, ==, PP_PART_BODY);
    g_assert_cmpint(ff->page, ==, 1);
    g_assert_cmpstr(ff->text->str, ==, "身份证号：110101199003071234\n");
    g_assert_null(part_of(doc, PP_PART_ANNOTATION, 1)); /* the widget is no annotation part */

    PPPart *at = part_of(doc, PP_PART_ATTACHMENT, 0);
    g_assert_nonnull(at);
    g_assert_cmpstr(at->text->str, ==, "contacts.txt\n电话 13900000000\n");

    g_assert_cmpstr(part_with_origin(doc, "pdf Author")->text->str, ==, "王五");
    g_assert_cmpstr(part_with_origin(doc, "pdf Application")->text->str, ==, "Microsoft Word");
    g_assert_cmpstr(part_with_origin(doc, "pdf Producer")->text->str, ==, "WPS");
    g_assert_cmpstr(part_with_origin(doc, "xmp dc:creator")->text->str, ==, "赵六");
    g_assert_cmpstr(part_with_origin(doc, "xmp xmp:Tool")->text->str, ==, "WPS Office");
    /* only person fields carry the words stage_hidden.c takes for a person */
    for (guint i = 0; i < doc->parts->len; i++) {
        PPPart *p = doc->parts->pdata[i];
        if (p->kind != PP_PART_METADATA)
            continue;
        gboolean personal = strstr(p->origin, "Author") || strstr(p->origin, "creator") || strstr(p->origin, "Creator");
        gboolean person = strcmp(p->text->str, "王五") == 0 || strcmp(p->text->str, "赵六") == 0;
        g_assert_cmpint(personal, ==, person);
    }
}

/* ---- GBK drawn through a WinAnsi font (pure layout, no PDF needed) ---- */

static void test_gbk_mojibake(void)
{
    /* "全世界" in GBK is C8AB CAC0 BDE7; a WinAnsi font shows each byte as a Latin-1 letter, and
     * poppler guesses word spaces between the pairs */
    static const gunichar latin[] = {0xC8, 0xAB, ' ', 0xCA, 0xC0, ' ', 0xBD, 0xE7};
    static const float x[] = {100, 106, 112, 112, 118, 124, 124, 130};
    PPChar ch[8];
    for (int i = 0; i < 8; i++)
        ch[i] = (PPChar){.c = latin[i], .x1 = x[i], .y1 = 100, .x2 = x[i] + (latin[i] == ' ' ? 0 : 6), .y2 = 112};
    guint n = pp_pdf_fix_gbk_mojibake(ch, 8);
    g_assert_cmpuint(n, ==, 3);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==, "全世界\n");
    g_assert_cmpuint(glyphs->len, ==, 3);
    /* two Latin-1 boxes merge into one */
    g_assert_cmpfloat(g_array_index(glyphs, PPGlyph, 1).x1, ==, 112);
    g_assert_cmpfloat(g_array_index(glyphs, PPGlyph, 1).x2, ==, 124);
    g_assert_cmpuint(g_array_index(glyphs, PPGlyph, 1).offset, ==, 3);

    /* real Latin-1 text is left alone */
    const char *fr = "Café à côté";
    PPChar lc[16];
    guint k = 0;
    for (const char *s = fr; *s; s = g_utf8_next_char(s), k++)
        lc[k] = (PPChar){.c = g_utf8_get_char(s), .x1 = 6.0f * k, .x2 = 6.0f * k + 5, .y2 = 12};
    g_assert_cmpuint(pp_pdf_fix_gbk_mojibake(lc, k), ==, k);
    g_assert_cmpuint(lc[3].c, ==, 0xE9);
}

/* Characters of a string laid out from (x, top) in 10-point squares. */
static guint put(PPChar *ch, guint n, float x, float top, const char *s)
{
    for (; *s; s = g_utf8_next_char(s), x += 10)
        ch[n++] = (PPChar){.c = g_utf8_get_char(s), .x1 = x, .y1 = top, .x2 = x + 10, .y2 = top + 10};
    return n;
}

/* Vertically centred cells: 序号 and 姓名 sit on the middle line of a three-line address; the row
 * borders show as the wider gaps (8 pt padding against 2 pt leading). */
static void test_centred_cells(void)
{
    PPChar ch[64];
    guint n = 0;
    n = put(ch, n, 0, 0, "序号"), n = put(ch, n, 40, 0, "姓名"), n = put(ch, n, 100, 0, "地址");
    n = put(ch, n, 100, 20, "重庆市");
    n = put(ch, n, 0, 32, "1"), n = put(ch, n, 40, 32, "张三"), n = put(ch, n, 100, 32, "黔江区");
    n = put(ch, n, 100, 44, "人民路");
    n = put(ch, n, 100, 64, "四川省");
    n = put(ch, n, 0, 76, "2"), n = put(ch, n, 40, 76, "李四"), n = put(ch, n, 100, 76, "绵阳市");
    n = put(ch, n, 100, 88, "游仙区");
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==, "序号\t姓名\t地址\n1\t张三\t重庆市黔江区人民路\n2\t李四\t四川省绵阳市游仙区\n");
    g_assert_cmpuint(glyphs->len, ==, n);
    g_assert_cmpuint(edges.last_ncols, ==, 3);
}

/* Digits on the next line of a cell join the number above only when that line was full of it
 * (full-width digits too). */
static void test_short_numbers_not_glued(void)
{
    PPChar ch[64];
    guint n = 0;
    n = put(ch, n, 0, 0, "序号"), n = put(ch, n, 40, 0, "数量"), n = put(ch, n, 100, 0, "卡号");
    n = put(ch, n, 0, 12, "1"), n = put(ch, n, 40, 12, "0"), n = put(ch, n, 100, 12, "６２２２");
    n = put(ch, n, 40, 24, "21"), n = put(ch, n, 100, 24, "０２１１");
    n = put(ch, n, 0, 36, "2"), n = put(ch, n, 40, 36, "5"), n = put(ch, n, 100, 36, "6217");
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==, "序号\t数量\t卡号\n1\t0 21\t６２２２０２１１\n2\t5\t6217\n");
}

/* No 序号: a name wrapped in the first column continues its row; single-line rows, some with empty
 * cells, each start one. */
static void test_first_column_wraps(void)
{
    PPChar ch[96];
    guint n = 0;
    static const struct {
        float y;
        const char *cells[6];
    } rows[] = {
        {0, {"姓名", "证号", "住址", "电话", "人数", "金额"}},
        {12, {"诸葛", "5002", "重庆市", "13800", "2", "500"}},
        {24, {"英兰", "3519", "黔江区", NULL, NULL, NULL}},
        {36, {"王五", "1101", "四川省", "13900", "1", "600"}},
        {48, {"李四", NULL, "绵阳市", "13700", "3", "700"}},
    };
    static const float x[] = {0, 40, 100, 160, 220, 250};
    for (gsize r = 0; r < G_N_ELEMENTS(rows); r++)
        for (int c = 0; c < 6; c++)
            if (rows[r].cells[c])
                n = put(ch, n, x[c], rows[r].y, rows[r].cells[c]);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==,
                    "姓名\t证号\t住址\t电话\t人数\t金额\n诸葛英兰\t50023519\t重庆市黔江区\t13800\t2\t500\n"
                    "王五\t1101\t四川省\t13900\t1\t600\n李四\t\t绵阳市\t13700\t3\t700\n");
}

/* Letter-spaced lines (distributed alignment) put every character in its own piece at the same x
 * on both lines: still plain lines, never a table that interleaves them. */
static void test_letter_spaced(void)
{
    PPChar ch[64];
    guint n = 0;
    const char *l1[] = {"抄", "送", "县", "委", "办", "公", "室"};
    const char *l2[] = {"县", "人", "大", "常", "委", "会", "办"};
    for (guint i = 0; i < G_N_ELEMENTS(l1); i++)
        n = put(ch, n, 25.0f * (float)i, 0, l1[i]);
    for (guint i = 0; i < G_N_ELEMENTS(l2); i++)
        n = put(ch, n, 25.0f * (float)i, 12, l2[i]);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==, "抄 送 县 委 办 公 室\n县 人 大 常 委 会 办\n");
}

/* Like put, each character w points wide and h high. */
static guint put_wh(PPChar *ch, guint n, float x, float top, const char *s, float w, float h)
{
    for (; *s; s = g_utf8_next_char(s), x += w)
        ch[n++] = (PPChar){.c = g_utf8_get_char(s), .x1 = x, .y1 = top, .x2 = x + w, .y2 = top + h};
    return n;
}

/* Glyph boxes as tall as the line pitch: a vertically centred cell's line lies half a line from the
 * two lines of its wrapped neighbour, within the line-joining distance of both; glyphs that would
 * sit on top of each other keep the address's lines apart. */
static void test_overlapping_lines(void)
{
    PPChar ch[96];
    guint n = 0;
    n = put_wh(ch, n, 0, 0, "序号", 10, 14), n = put_wh(ch, n, 40, 0, "姓名", 10, 14);
    n = put_wh(ch, n, 100, 0, "住址", 10, 14);
    n = put_wh(ch, n, 100, 20, "重庆市黔江区", 10, 14);
    n = put_wh(ch, n, 0, 26, "1", 5, 14), n = put_wh(ch, n, 40, 26, "张三", 10, 14);
    n = put_wh(ch, n, 100, 32, "人民路5号", 10, 14);
    n = put_wh(ch, n, 0, 56, "2", 5, 14), n = put_wh(ch, n, 40, 56, "李四", 10, 14);
    n = put_wh(ch, n, 100, 56, "四川省绵阳市", 10, 14);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==, "序号\t姓名\t住址\n1\t张三\t重庆市黔江区人民路5号\n2\t李四\t四川省绵阳市\n");
}

/* Running text set in two columns: each column is read top to bottom on its own, set off by an
 * empty line; the title across both columns stays where it is. */
static void test_two_columns(void)
{
    PPChar ch[256];
    guint n = 0;
    n = put(ch, n, 100, 0, "行政处罚信息公示");
    static const char *const left[] = {"当事人张三住址重庆市黔", "江区人民路五号经查当事", "人销售过期食品违反食品", "安全法第三十四条的规定"};
    static const char *const right[] = {"当事人李四住址四川省绵", "阳市游仙区经查当事人无", "证经营违反无证无照经营", "查处办法第二条的规定。"};
    for (guint i = 0; i < G_N_ELEMENTS(left); i++) {
        n = put(ch, n, 0, 20 + 12.0f * (float)i, left[i]);
        n = put(ch, n, 140, 20 + 12.0f * (float)i, right[i]);
    }
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==,
                    "行政处罚信息公示\n\n当事人张三住址重庆市黔\n江区人民路五号经查当事\n人销售过期食品违反食品\n"
                    "安全法第三十四条的规定\n\n当事人李四住址四川省绵\n阳市游仙区经查当事人无\n证经营违反无证无照经营\n"
                    "查处办法第二条的规定。\n\n");
    g_assert_cmpuint(glyphs->len, ==, n);
}

/* Cells without padding touch: no uncovered x between the number columns. The header's titles,
 * centred over their columns, and the character boundaries every row shares give the columns. */
static void test_touching_cells(void)
{
    PPChar ch[256];
    guint n = 0;
    /* columns: 姓名 [0, 40), 证号 [40, 130) (18 digits of 5), 电话 [130, 185) (11 digits), 住址 [185, …) */
    n = put(ch, n, 10, 0, "姓名"), n = put(ch, n, 75, 0, "证号"), n = put(ch, n, 147.5f, 0, "电话");
    n = put(ch, n, 200, 0, "住址");
    static const char *const rows[][4] = {{"张三", "500235198001011234", "13800138000", "重庆市黔江区"},
                                          {"欧阳修文", "510704197802031235", "13900139000", "四川省绵阳市"},
                                          {"李四", "110105199003041236", "13700137000", "北京市朝阳区"}};
    for (guint r = 0; r < G_N_ELEMENTS(rows); r++) {
        float y = 12 + 12.0f * (float)r;
        n = put(ch, n, 0, y, rows[r][0]);
        n = put_wh(ch, n, 40, y, rows[r][1], 5, 10);
        n = put_wh(ch, n, 130, y, rows[r][2], 5, 10);
        n = put(ch, n, 185, y, rows[r][3]);
    }
    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    PPPdfEdges edges;
    pp_pdf_layout(ch, n, text, glyphs, &edges);
    g_assert_cmpstr(text->str, ==,
                    "姓名\t证号\t电话\t住址\n张三\t500235198001011234\t13800138000\t重庆市黔江区\n"
                    "欧阳修文\t510704197802031235\t13900139000\t四川省绵阳市\n"
                    "李四\t110105199003041236\t13700137000\t北京市朝阳区\n");
}

/* Text from fonts without a usable ToUnicode map comes out as private-use characters: no text. */
static void test_garbled(void)
{
    PPChar ch[8];
    for (int i = 0; i < 8; i++)
        ch[i] = (PPChar){.c = i < 6 ? 0xE000 + (gunichar)i : '1', .x1 = 10.0f * (float)i, .x2 = 10.0f * (float)i + 9, .y2 = 10};
    g_assert_true(pp_pdf_text_is_garbled(ch, 8));
    for (int i = 0; i < 5; i++)
        ch[i].c = 0x4E00 + (gunichar)i;
    g_assert_false(pp_pdf_text_is_garbled(ch, 8));
}

static void test_bid(void)
{
    static const guint8 png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
    g_assert_cmpint(pp_format_pdf.bid(png, sizeof png, "image/png"), ==, 0);
    guint8 junk[200];
    memset(junk, ' ', sizeof junk);
    memcpy(junk + 100, "%PDF-1.4", 8);
    g_assert_cmpint(pp_format_pdf.bid(junk, sizeof junk, "application/octet-stream"), ==, 90);
}

/* ---- corpus bad inputs ---- */

static void test_corpus_errors(void)
{
    g_autofree char *dir = g_build_filename(SRCDIR, "..", "shared", "corpus", "files", NULL);
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_test_skip("SKIP: ../shared/corpus absent");
        return;
    }
    static const struct {
        const char *file;
        int code; /* -1: reads fine */
    } cases[] = {
        {"dev_075_encrypted_userpw.pdf", PP_ERR_ENCRYPTED},
        {"dev_075_encrypted_ownerpw.pdf", -1},
        {"dev_074_scanned_image.pdf", PP_ERR_NO_TEXT},
        {"dev_bad_truncated.pdf", PP_ERR_CORRUPT},
        {"dev_bad_image.pdf", PP_ERR_UNSUPPORTED},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_build_filename(dir, cases[i].file, NULL);
        g_autofree char *data = NULL;
        gsize len = 0;
        if (!g_file_get_contents(path, &data, &len, NULL))
            continue;
        g_autoptr(GBytes) b = g_bytes_new(data, len);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract(b, NULL, &err);
        if (cases[i].code < 0) {
            g_assert_no_error(err);
            g_assert_nonnull(part_of(doc, PP_PART_BODY, 0));
        } else {
            g_assert_error(err, PP_ERROR, cases[i].code);
            g_clear_error(&err);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pdf/table", test_table);
    g_test_add_func("/pdf/repeated-header", test_repeated_header);
    g_test_add_func("/pdf/turned-page", test_turned_page);
    g_test_add_func("/pdf/plain-lines", test_plain_lines);
    g_test_add_func("/pdf/metadata", test_metadata);
    g_test_add_func("/pdf/no-text-and-pages", test_no_text_and_pages);
    g_test_add_func("/pdf/extras", test_extras);
    g_test_add_func("/pdf/gbk-mojibake", test_gbk_mojibake);
    g_test_add_func("/pdf/centred-cells", test_centred_cells);
    g_test_add_func("/pdf/short-numbers-not-glued", test_short_numbers_not_glued);
    g_test_add_func("/pdf/first-column-wraps", test_first_column_wraps);
    g_test_add_func("/pdf/letter-spaced", test_letter_spaced);
    g_test_add_func("/pdf/overlapping-lines", test_overlapping_lines);
    g_test_add_func("/pdf/two-columns", test_two_columns);
    g_test_add_func("/pdf/touching-cells", test_touching_cells);
    g_test_add_func("/pdf/garbled", test_garbled);
    g_test_add_func("/pdf/bid", test_bid);
    g_test_add_func("/pdf/corpus-errors", test_corpus_errors);
    return g_test_run();
}
