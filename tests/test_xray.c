/* Failed-redaction detection (pdf_xray.c) on one-page PDFs drawn here with cairo: real boxes over
 * text must be found, every look-alike that leaves the text visible must not.
 *
 * With PP_BENCH_PDF=file (PP_BENCH_PAGES=n, default 50) the program instead times the x-ray of the
 * first pages against reading their text alone (bench/redact_pdf.sh). */
#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_xray.h"

#define SECRET "11010519491231002X"

typedef void (*DrawFn)(cairo_t *cr);

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* The line every case draws: a label, the number, a trailing word. The number starts at x = 100. */
static void draw_line(cairo_t *cr, double r, double g, double b)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_move_to(cr, 40, 100);
    cairo_show_text(cr, "ID:");
    cairo_move_to(cr, 100, 100);
    cairo_show_text(cr, SECRET);
    cairo_move_to(cr, 300, 100);
    cairo_show_text(cr, "end");
}

/* Box over the number: [98, 84] – [262, 104] covers the line of 12-pt text. */
static void number_box(cairo_t *cr) { cairo_rectangle(cr, 98, 84, 164, 20); }

/* Render a page with draw(), then x-ray it; returns the covered text (owned). */
static char *xray_of(DrawFn draw, guint *n_glyphs)
{
    GByteArray *pdf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(collect, pdf, 400, 200);
    cairo_t *cr = cairo_create(s);
    draw(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes(pdf);
    g_autoptr(GError) error = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &error);
    g_assert_no_error(error);
    PopplerPage *page = poppler_document_get_page(doc, 0);
    g_autofree char *text = poppler_page_get_text(page);
    g_assert_nonnull(strstr(text, SECRET)); /* the number is live text in every case */
    GString *covered = g_string_new(NULL);
    GArray *glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    g_assert_true(pp_pdf_xray_page(page, covered, glyphs, &error));
    g_assert_no_error(error);
    for (guint i = 0; i < glyphs->len; i++) { /* every glyph points at a character of the text */
        const PPGlyph *gl = &g_array_index(glyphs, PPGlyph, i);
        g_assert_cmpuint(gl->offset, <, covered->len);
        g_assert_cmpfloat(gl->x1, >=, 98);
        g_assert_cmpfloat(gl->x2, <=, 330); /* inside the boxes */
        g_assert_cmpfloat(gl->y1, >=, 80);
    }
    *n_glyphs = glyphs->len;
    g_array_unref(glyphs);
    g_object_unref(page);
    g_object_unref(doc);
    return g_string_free(covered, FALSE);
}

static void assert_covered(DrawFn draw, const char *expected)
{
    guint n = 0;
    g_autofree char *got = xray_of(draw, &n);
    g_assert_cmpstr(got, ==, expected);
    guint separators = 0; /* run separators carry no glyph */
    for (const char *p = expected; *p; p++)
        separators += *p == '\n';
    g_assert_cmpuint(n, ==, g_utf8_strlen(expected, -1) - separators);
}

/* ---- found ---- */
static void draw_black_box(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    number_box(cr);
    cairo_fill(cr);
}

static void draw_navy_box(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0x12 / 255.0, 0x20 / 255.0, 0x4a / 255.0);
    number_box(cr);
    cairo_fill(cr);
}

/* two boxes: the number and the word after it, two runs */
static void draw_two_boxes(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    number_box(cr);
    cairo_rectangle(cr, 298, 84, 30, 20);
    cairo_fill(cr);
}

/* a Chinese name under a box, the label beside it visible */
static void draw_cjk_box(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    cairo_move_to(cr, 40, 150);
    cairo_show_text(cr, "户主姓名：张建国");
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_rectangle(cr, 99, 136, 40, 19);
    cairo_rectangle(cr, 98, 84, 164, 20);
    cairo_fill(cr);
}

/* a black image pasted over the number (some tools redact with a picture, not a rectangle) */
static void draw_black_image(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 164, 20);
    cairo_t *ic = cairo_create(img);
    cairo_set_source_rgb(ic, 0, 0, 0);
    cairo_paint(ic);
    cairo_destroy(ic);
    cairo_set_source_surface(cr, img, 98, 84);
    cairo_paint(cr);
    cairo_surface_destroy(img);
}

/* a marker pen: one thick stroked line through the number */
static void draw_marker_stroke(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 20);
    cairo_move_to(cr, 98, 94);
    cairo_line_to(cr, 262, 94);
    cairo_stroke(cr);
}

/* ---- not found ---- */
static void draw_plain(cairo_t *cr) { draw_line(cr, 0, 0, 0); }

static void draw_box_over_space(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_rectangle(cr, 265, 84, 30, 20);  /* between the number and "end" */
    cairo_rectangle(cr, 40, 140, 200, 30); /* on empty paper */
    cairo_fill(cr);
}

static void background_then_text(cairo_t *cr, double br, double bg, double bb, double tr, double tg, double tb)
{
    cairo_set_source_rgb(cr, br, bg, bb);
    number_box(cr);
    cairo_fill(cr);
    draw_line(cr, tr, tg, tb);
}

static void draw_on_light(cairo_t *cr) { background_then_text(cr, 0.85, 0.92, 1.0, 0, 0, 0); }
static void draw_on_grey(cairo_t *cr) { background_then_text(cr, 0.5, 0.5, 0.5, 0, 0, 0); }
static void draw_on_blue(cairo_t *cr) { background_then_text(cr, 0.19, 0.31, 0.63, 0, 0, 0); }
/* reverse video: white text on a black bar is visible, not covered */
static void draw_white_on_black(cairo_t *cr) { background_then_text(cr, 0, 0, 0, 1, 1, 1); }

static void draw_outline(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 2);
    number_box(cr);
    cairo_stroke(cr);
}

static void draw_hatching(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_save(cr);
    number_box(cr);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.8);
    for (double x = 60; x < 300; x += 3) {
        cairo_move_to(cr, x, 110);
        cairo_line_to(cr, x + 30, 80);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* the box is clipped away: it never reaches the page */
static void draw_clipped_box(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_save(cr);
    cairo_rectangle(cr, 0, 150, 400, 50);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    number_box(cr);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* a bar over punctuation alone hides nothing worth reporting */
static void draw_box_over_dots(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_move_to(cr, 40, 150);
    cairo_show_text(cr, "Total ... (");
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_rectangle(cr, 75, 136, 30, 19);
    cairo_fill(cr);
}

/* solid shapes typed as text are visible glyphs */
static void draw_solid_glyphs(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_move_to(cr, 40, 150);
    cairo_show_text(cr, "\u25A0\u25A0\u25A0 \u2588\u2588\u2588");
}

/* dense bold CJK at small sizes: nearly all ink, still not uniform */
static void draw_dense_cjk(cairo_t *cr)
{
    draw_line(cr, 0, 0, 0);
    cairo_select_font_face(cr, "Noto Serif CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    for (int i = 0; i < 4; i++) {
        cairo_set_font_size(cr, 5 + 2 * i);
        cairo_move_to(cr, 40, 130 + 16 * i);
        cairo_show_text(cr, "鑫囊矗髓齉爨纛靐龘鬱");
    }
}

typedef struct {
    const char *name;
    DrawFn draw;
    const char *expected;
} Case;

static const Case cases[] = {
    {"/xray/black-box", draw_black_box, SECRET},
    {"/xray/navy-box", draw_navy_box, SECRET},
    {"/xray/two-boxes", draw_two_boxes, SECRET "\nend"},
    {"/xray/cjk-box", draw_cjk_box, SECRET "\n张建国"},
    {"/xray/black-image", draw_black_image, SECRET},
    {"/xray/marker-stroke", draw_marker_stroke, SECRET},
    {"/xray/plain", draw_plain, ""},
    {"/xray/box-over-whitespace", draw_box_over_space, ""},
    {"/xray/light-background", draw_on_light, ""},
    {"/xray/grey-background", draw_on_grey, ""},
    {"/xray/blue-background", draw_on_blue, ""},
    {"/xray/white-on-black", draw_white_on_black, ""},
    {"/xray/unfilled-rectangle", draw_outline, ""},
    {"/xray/cross-hatching", draw_hatching, ""},
    {"/xray/clipped-box", draw_clipped_box, ""},
    {"/xray/solid-glyphs", draw_solid_glyphs, ""},
    {"/xray/box-over-punctuation", draw_box_over_dots, ""},
    {"/xray/dense-bold-cjk", draw_dense_cjk, ""},
};

static void run_case(gconstpointer data)
{
    const Case *c = data;
    assert_covered(c->draw, c->expected);
}

/* pp_pdf_xray_page_text renders first and reads poppler's text afterwards: it must hand back the
 * same text and boxes as a fresh page read the ordinary way. */
static void test_text_same_as_plain_read(void)
{
    GByteArray *pdf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(collect, pdf, 400, 200);
    cairo_t *cr = cairo_create(s);
    draw_cjk_box(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes(pdf);
    g_autoptr(GError) error = NULL;
    PopplerDocument *a = poppler_document_new_from_bytes(bytes, NULL, &error),
                    *b = poppler_document_new_from_bytes(bytes, NULL, &error);
    g_assert_no_error(error);
    PopplerPage *pa = poppler_document_get_page(a, 0), *pb = poppler_document_get_page(b, 0);
    g_autofree char *ta = NULL, *tb = poppler_page_get_text(pb);
    g_autofree PopplerRectangle *ra = NULL, *rb = NULL;
    guint na = 0, nb = 0;
    GString *covered = g_string_new(NULL);
    g_assert_true(pp_pdf_xray_page_text(pa, &ta, &ra, &na, covered, NULL, &error));
    g_assert_true(poppler_page_get_text_layout(pb, &rb, &nb));
    g_assert_cmpstr(ta, ==, tb);
    g_assert_cmpuint(na, ==, nb);
    g_assert_cmpmem(ra, na * sizeof *ra, rb, nb * sizeof *rb);
    g_assert_cmpstr(covered->str, ==, SECRET "\n张建国");
    g_string_free(covered, TRUE);
    g_object_unref(pa);
    g_object_unref(pb);
    g_object_unref(a);
    g_object_unref(b);
}

/* The corpus pair: the boxed copy hides a number, the same document without boxes hides nothing. */
static void test_corpus(void)
{
    const char *files[] = {"dev_073_fakeredact_boxed.pdf", "dev_073_fakeredact.pdf"};
    for (gsize f = 0; f < G_N_ELEMENTS(files); f++) {
        g_autofree char *path = g_build_filename(SRCDIR, "..", "shared", "corpus", "files", files[f], NULL);
        if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            g_test_skip("shared corpus absent");
            return;
        }
        g_autofree char *uri = g_filename_to_uri(path, NULL, NULL);
        g_autoptr(GError) error = NULL;
        PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, &error);
        g_assert_no_error(error);
        GString *all = g_string_new(NULL);
        for (int i = 0; i < poppler_document_get_n_pages(doc); i++) {
            PopplerPage *page = poppler_document_get_page(doc, i);
            g_assert_true(pp_pdf_xray_page(page, all, NULL, &error));
            g_object_unref(page);
        }
        if (f == 0)
            g_assert_cmpuint(all->len, >, 0);
        else
            g_assert_cmpstr(all->str, ==, "");
        g_string_free(all, TRUE);
        g_object_unref(doc);
    }
}

/* Text alone, then x-ray + text (render first: poppler builds the text while drawing), each pass
 * on its own PopplerDocument so no cache is shared between them. */
static int bench(const char *path, int pages)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *abs = g_canonicalize_filename(path, NULL);
    g_autofree char *uri = g_filename_to_uri(abs, NULL, NULL);
    gint64 us[2] = {0, 0};
    guint covered = 0;
    for (int pass = 0; pass < 2; pass++) {
        PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, &error);
        if (!doc) {
            g_printerr("%s\n", error->message);
            return 1;
        }
        pages = MIN(pages, poppler_document_get_n_pages(doc));
        gint64 t0 = g_get_monotonic_time();
        for (int i = 0; i < pages; i++) {
            PopplerPage *page = poppler_document_get_page(doc, i);
            char *text = NULL;
            PopplerRectangle *rects = NULL;
            guint n = 0;
            if (pass == 0) {
                text = poppler_page_get_text(page);
                poppler_page_get_text_layout(page, &rects, &n);
            } else {
                GString *out = g_string_new(NULL);
                if (!pp_pdf_xray_page_text(page, &text, &rects, &n, out, NULL, &error))
                    return 1;
                covered += out->len;
                g_string_free(out, TRUE);
            }
            g_free(text);
            g_free(rects);
            g_object_unref(page);
        }
        us[pass] = g_get_monotonic_time() - t0;
        g_object_unref(doc);
    }
    g_print("pages %d  text+layout %.1f ms/page  x-ray then text+layout %.1f ms/page  covered bytes %u\n", pages,
            us[0] / 1000.0 / pages, us[1] / 1000.0 / pages, covered);
    return 0;
}

int main(int argc, char **argv)
{
    const char *bench_pdf = g_getenv("PP_BENCH_PDF");
    if (bench_pdf) {
        const char *pages = g_getenv("PP_BENCH_PAGES");
        return bench(bench_pdf, pages ? atoi(pages) : 50);
    }
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        g_test_add_data_func(cases[i].name, &cases[i], run_case);
    g_test_add_func("/xray/text-same-as-plain-read", test_text_same_as_plain_read);
    g_test_add_func("/xray/corpus", test_corpus);
    return g_test_run();
}
