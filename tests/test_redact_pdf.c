/* PDF → PDF masked copy (redact_pdf.c): the value is gone from the text and from the picture,
 * the rest of the text is still there, and nothing but the page survives (metadata, links).
 *
 * The PPDoc is built here by hand from poppler's layout (one body part per page with its glyph
 * boxes, as the PDF extractor fills it) so the redactor is tested on its own.
 *
 * With PP_BENCH_PDF=file (and optionally PP_BENCH_PAGES=n) the program instead times the
 * redaction of that file's first pages, masking every run of 11+ digits (bench/redact_pdf.sh). */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_xray.h"
#include "redact.h"

#define SECRET "11010519491231002X"
#define MASKED "110105**********2X"
#define CJK_FONT "Noto Sans CJK SC"

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static gboolean font_has(cairo_t *cr, const char *text)
{
    cairo_glyph_t *glyphs = NULL;
    int n = 0;
    gboolean ok = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, text, -1, &glyphs, &n, NULL, NULL,
                                                   NULL) == CAIRO_STATUS_SUCCESS;
    for (int i = 0; ok && i < n; i++)
        ok = glyphs[i].index != 0;
    cairo_glyph_free(glyphs);
    return ok;
}

/* Two pages: the number between plain words, a link, an author in the metadata, the number again
 * on page 2; a Chinese line when a CJK font is installed (*cjk says whether it was drawn). */
static GBytes *make_pdf(gboolean *cjk)
{
    GByteArray *pdf = g_byte_array_new();
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(collect, pdf, 420, 300);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "Zhang San");
    cairo_t *cr = cairo_create(s);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    cairo_move_to(cr, 40, 60);
    cairo_show_text(cr, "Applicant Wang, ID " SECRET " verified.");
    cairo_move_to(cr, 40, 90);
    cairo_show_text(cr, "Neighbouring words stay searchable.");
    cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='https://example.org/'");
    cairo_move_to(cr, 40, 120);
    cairo_show_text(cr, "a link");
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    cairo_select_font_face(cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    *cjk = font_has(cr, "身份证号已核实");
    if (*cjk) {
        cairo_move_to(cr, 40, 160);
        cairo_show_text(cr, "身份证号 " SECRET " 已核实");
    }
    cairo_show_page(cr);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_move_to(cr, 40, 60);
    cairo_show_text(cr, "Second page repeats ID " SECRET " once."); /* no span: found on the page */
    cairo_destroy(cr);
    cairo_surface_finish(s);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    return g_byte_array_free_to_bytes(pdf);
}

/* A PPDoc as the extractor leaves it: one body part per page, glyph boxes by byte offset. */
static PPDoc *doc_of(GBytes *bytes, int max_pages)
{
    PPDoc *doc = pp_doc_new("in.pdf", NULL);
    doc->format = "pdf";
    doc->data = g_bytes_ref(bytes);
    g_autoptr(GError) error = NULL;
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &error);
    g_assert_no_error(error);
    doc->pages = MIN(poppler_document_get_n_pages(pd), max_pages);
    for (int i = 0; i < doc->pages; i++) {
        PopplerPage *page = poppler_document_get_page(pd, i);
        g_autofree char *text = poppler_page_get_text(page);
        PopplerRectangle *rects = NULL;
        guint n = 0;
        poppler_page_get_text_layout(page, &rects, &n);
        PPPart *part = pp_doc_add_part(doc, PP_PART_BODY, i + 1, NULL);
        g_string_assign(part->text, text);
        part->glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
        guint k = 0;
        for (const char *p = text; *p && k < n; p = g_utf8_next_char(p), k++) {
            PPGlyph g = {.offset = (guint32)(p - text),
                         .x1 = (float)rects[k].x1,
                         .y1 = (float)rects[k].y1,
                         .x2 = (float)rects[k].x2,
                         .y2 = (float)rects[k].y2};
            g_array_append_val(part->glyphs, g);
        }
        g_free(rects);
        g_object_unref(page);
    }
    g_object_unref(pd);
    return doc;
}

static void redaction_free(gpointer p)
{
    PPRedaction *r = p;
    g_free(r->raw);
    g_free(r->masked);
    g_array_unref(r->spans);
    g_free(r);
}

/* A redaction of raw with a span at its first occurrence in part 0 only (the page-text search
 * must find the others). */
static GPtrArray *redactions_for(const PPDoc *doc, const char *raw, const char *masked)
{
    GPtrArray *reds = g_ptr_array_new_with_free_func(redaction_free);
    PPRedaction *r = g_new0(PPRedaction, 1);
    r->raw = g_strdup(raw);
    r->masked = g_strdup(masked);
    r->spans = g_array_new(FALSE, FALSE, sizeof(PPRedactSpan));
    const PPPart *part = doc->parts->pdata[0];
    const char *at = strstr(part->text->str, raw);
    g_assert_nonnull(at);
    PPRedactSpan sp = {0, (gsize)(at - part->text->str), (gsize)(at - part->text->str) + strlen(raw)};
    g_array_append_val(r->spans, sp);
    g_ptr_array_add(reds, r);
    return reds;
}

static char *run_tool(const char *tool, const char *path)
{
    g_autofree char *prog = g_find_program_in_path(tool);
    if (!prog)
        return NULL;
    const char *argv[] = {prog, path, NULL};
    char *out = NULL;
    int status = 0;
    if (strcmp(tool, "pdftotext") == 0) {
        const char *argv2[] = {prog, "-q", path, "-", NULL};
        g_assert_true(g_spawn_sync(NULL, (char **)argv2, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
    } else {
        g_assert_true(
            g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
    }
    g_assert_true(g_spawn_check_wait_status(status, NULL));
    return out;
}

/* Fraction of dark pixels over a page rectangle (points) of the rendered page. */
static double dark_fraction(PopplerPage *page, double x, double y, double w, double h)
{
    const double scale = 2;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * scale), (int)(h * scale));
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -x, -y);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    int W = cairo_image_surface_get_width(s), H = cairo_image_surface_get_height(s), dark = 0;
    for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++) {
            guint32 px =
                ((guint32 *)(void *)(cairo_image_surface_get_data(s) + j * cairo_image_surface_get_stride(s)))[i];
            dark += ((px >> 8) & 0xFF) < 80;
        }
    cairo_surface_destroy(s);
    return (double)dark / (W * H);
}

static void test_masked_copy(void)
{
    gboolean cjk = FALSE;
    g_autoptr(GBytes) in = make_pdf(&cjk);
    g_autoptr(PPDoc) doc = doc_of(in, 100);
    g_autoptr(GPtrArray) reds = redactions_for(doc, SECRET, MASKED);
    g_autofree char *dir = g_dir_make_tmp("pp-redact-pdf-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(pp_redactor_pdf.write(doc, reds, out, &error));
    g_assert_no_error(error);

    g_autofree char *uri = g_filename_to_uri(out, NULL, NULL);
    PopplerDocument *copy = poppler_document_new_from_file(uri, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpint(poppler_document_get_n_pages(copy), ==, 2);
    g_autofree char *author = poppler_document_get_author(copy);
    g_assert_null(author);
    GString *all = g_string_new(NULL);
    for (int i = 0; i < 2; i++) {
        PopplerPage *page = poppler_document_get_page(copy, i);
        double w, h;
        poppler_page_get_size(page, &w, &h);
        g_assert_cmpfloat(w, ==, 420);
        g_assert_cmpfloat(h, ==, 300);
        GList *annots = poppler_page_get_annot_mapping(page), *links = poppler_page_get_link_mapping(page);
        g_assert_null(annots);
        g_assert_null(links);
        g_autofree char *text = poppler_page_get_text(page);
        g_string_append(all, text);
        /* the masked copy hides nothing under its boxes */
        GString *covered = g_string_new(NULL);
        g_assert_true(pp_pdf_xray_page(page, covered, NULL, &error));
        g_assert_cmpstr(covered->str, ==, "");
        g_string_free(covered, TRUE);
        if (i == 0) /* the number's place in the picture is black: ID at x ≈ 150…280, y ≈ 48…64 */
            g_assert_cmpfloat(dark_fraction(page, 160, 50, 100, 10), >, 0.6);
        g_object_unref(page);
    }
    g_object_unref(copy);
    g_assert_null(strstr(all->str, SECRET));
    g_assert_null(strstr(all->str, "1949"));
    g_assert_nonnull(strstr(all->str, "Neighbouring"));
    g_assert_nonnull(strstr(all->str, "verified"));
    g_assert_nonnull(strstr(all->str, "Second page repeats"));
    g_assert_nonnull(strstr(all->str, MASKED));
    if (cjk)
        g_assert_nonnull(strstr(all->str, "已核实"));
    g_string_free(all, TRUE);

    /* the tools a clerk would use agree */
    g_autofree char *info = run_tool("pdfinfo", out);
    g_autofree char *txt = run_tool("pdftotext", out);
    if (info)
        g_assert_null(strstr(info, "Zhang"));
    if (txt) {
        g_assert_null(strstr(txt, SECRET));
        g_assert_nonnull(strstr(txt, "searchable"));
    }
    g_unlink(out);
    g_rmdir(dir);
}

/* With nothing to mask the copy keeps every word. */
static void test_no_redactions_keeps_text(void)
{
    gboolean cjk = FALSE;
    g_autoptr(GBytes) in = make_pdf(&cjk);
    g_autoptr(PPDoc) doc = doc_of(in, 100);
    g_autoptr(GPtrArray) reds = g_ptr_array_new();
    g_autofree char *dir = g_dir_make_tmp("pp-redact-pdf-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(pp_redactor_pdf.write(doc, reds, out, &error));
    g_autofree char *txt = run_tool("pdftotext", out);
    if (txt)
        g_assert_nonnull(strstr(txt, SECRET)); /* nothing asked to be masked: all text kept */
    g_unlink(out);
    g_rmdir(dir);
}

/* Without the extractor's glyphs the page's own text is found, masked and kept searchable. */
static void test_without_glyphs(void)
{
    gboolean cjk = FALSE;
    g_autoptr(GBytes) in = make_pdf(&cjk);
    g_autoptr(PPDoc) doc = pp_doc_new("in.pdf", NULL);
    doc->format = "pdf";
    doc->data = g_bytes_ref(in);
    g_autoptr(GPtrArray) reds = g_ptr_array_new_with_free_func(redaction_free);
    PPRedaction *r = g_new0(PPRedaction, 1);
    r->raw = g_strdup(SECRET);
    r->masked = g_strdup(MASKED);
    r->spans = g_array_new(FALSE, FALSE, sizeof(PPRedactSpan));
    g_ptr_array_add(reds, r);
    g_autofree char *dir = g_dir_make_tmp("pp-redact-pdf-XXXXXX", NULL);
    g_autofree char *out = g_build_filename(dir, "out.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(pp_redactor_pdf.write(doc, reds, out, &error));
    g_autofree char *uri = g_filename_to_uri(out, NULL, NULL);
    PopplerDocument *copy = poppler_document_new_from_file(uri, NULL, &error);
    g_assert_no_error(error);
    GString *all = g_string_new(NULL);
    for (int i = 0; i < poppler_document_get_n_pages(copy); i++) {
        PopplerPage *page = poppler_document_get_page(copy, i);
        g_autofree char *text = poppler_page_get_text(page);
        g_string_append(all, text);
        g_object_unref(page);
    }
    g_object_unref(copy);
    g_assert_null(strstr(all->str, SECRET));
    g_assert_nonnull(strstr(all->str, MASKED));
    g_assert_nonnull(strstr(all->str, "Neighbouring"));
    g_assert_nonnull(strstr(all->str, "Second page repeats"));
    g_string_free(all, TRUE);
    g_unlink(out);
    g_rmdir(dir);
}

static void test_corrupt(void)
{
    g_autoptr(GBytes) junk = g_bytes_new_static("%PDF-1.4\nnot really", 19);
    g_autoptr(PPDoc) doc = pp_doc_new("bad.pdf", NULL);
    doc->format = "pdf";
    doc->data = g_bytes_ref(junk);
    g_autoptr(GPtrArray) reds = g_ptr_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_false(pp_redactor_pdf.write(doc, reds, "/nonexistent/out.pdf", &error));
    g_assert_error(error, PP_ERROR, PP_ERR_CORRUPT);
}

/* ---- benchmark mode ---- */
static int bench(const char *path, int pages)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &data, &len, &error)) {
        fprintf(stderr, "%s\n", error->message);
        return 1;
    }
    g_autoptr(GBytes) bytes = g_bytes_new_take(g_steal_pointer(&data), len);
    gint64 t0 = g_get_monotonic_time();
    g_autoptr(PPDoc) doc = doc_of(bytes, pages);
    gint64 t1 = g_get_monotonic_time();
    /* mask every run of 11 or more digits, as the privacy stage would mask numbers */
    GPtrArray *reds = g_ptr_array_new_with_free_func(redaction_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    GRegex *re = g_regex_new("[0-9]{11,19}X?", 0, 0, NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *part = doc->parts->pdata[i];
        GMatchInfo *mi = NULL;
        for (g_regex_match(re, part->text->str, 0, &mi); g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
            char *raw = g_match_info_fetch(mi, 0);
            PPRedaction *r = g_hash_table_lookup(seen, raw);
            if (!r) {
                r = g_new0(PPRedaction, 1);
                r->raw = raw;
                r->masked = g_strnfill(strlen(raw), '*');
                r->spans = g_array_new(FALSE, FALSE, sizeof(PPRedactSpan));
                g_hash_table_insert(seen, r->raw, r);
                g_ptr_array_add(reds, r);
            } else {
                g_free(raw);
            }
            int s = 0, e = 0;
            g_match_info_fetch_pos(mi, 0, &s, &e);
            PPRedactSpan sp = {(int)i, (gsize)s, (gsize)e};
            g_array_append_val(r->spans, sp);
        }
        g_match_info_free(mi);
    }
    g_regex_unref(re);
    g_hash_table_unref(seen);
    g_autofree char *out = g_strdup_printf("%s/pp-bench-redact-%d.pdf", g_get_tmp_dir(), (int)getpid());
    gint64 t2 = g_get_monotonic_time();
    gboolean ok = pp_redactor_pdf.write(doc, reds, out, &error);
    gint64 t3 = g_get_monotonic_time();
    GStatBuf st = {0};
    g_stat(out, &st);
    printf("pages %d  values masked %u  extract (test harness) %.1f ms/page  redact %.1f ms/page  copy %.0f "
           "KiB/page%s%s\n",
           doc->pages, reds->len, (t1 - t0) / 1000.0 / doc->pages, (t3 - t2) / 1000.0 / doc->pages,
           st.st_size / 1024.0 / doc->pages, ok ? "" : "  FAILED: ", ok ? "" : error->message);
    g_unlink(out);
    g_ptr_array_unref(reds);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *bench_pdf = g_getenv("PP_BENCH_PDF");
    if (bench_pdf) {
        const char *pages = g_getenv("PP_BENCH_PAGES");
        return bench(bench_pdf, pages ? atoi(pages) : 50);
    }
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/redact_pdf/masked-copy", test_masked_copy);
    g_test_add_func("/redact_pdf/no-redactions-keeps-text", test_no_redactions_keeps_text);
    g_test_add_func("/redact_pdf/without-glyphs", test_without_glyphs);
    g_test_add_func("/redact_pdf/corrupt", test_corrupt);
    return g_test_run();
}
