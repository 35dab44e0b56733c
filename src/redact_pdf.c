/* pdf → pdf masked copy, with the masked text really gone.
 *
 * Each page is rendered (poppler + cairo, 150 dpi, annotations and form widgets left out) into an
 * image; the boxes of every masked value are painted black on the image; the image becomes the
 * page of a new PDF written with cairo (original page sizes; no metadata, annotations, links,
 * attachments or scripts survive because nothing but the picture is carried over). The page's
 * remaining text is laid over the picture as an invisible text layer so the copy stays searchable
 * and can be re-checked: an empty Type 3 font (a cairo user font whose glyphs draw nothing) puts
 * every character not masked at its original position, and each masked value's replacement
 * (110105**********2X) is written in white on its black box. Text that was already hidden under a
 * box (pdf_xray.c) is left out of the layer.
 *
 * Where the boxes come from: the extractor's glyph boxes of every span the stages found
 * (PPPart.glyphs), and every other occurrence of the values in poppler's text of the page. The
 * layer is written from the extractor's glyphs (its reading, repairs included), or from poppler's
 * text for a page the extractor left no glyphs on.
 */
#include "redact.h"

#include <cairo-pdf.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "pdf_xray.h"

#define DPI 150.0
#define MAX_PIXELS 16e6 /* pages larger than about A1 are drawn below 150 dpi rather than with 100+ MB */
#define PAD 1.0         /* points added around a masked glyph box */
#define MASK_FONT "Noto Sans CJK SC"

typedef struct {
    double x1, y1, x2, y2;
} Box;

/* One masked occurrence on a page: its glyph boxes and the replacement to show. */
typedef struct {
    const char *masked; /* borrowed from the PPRedaction */
    GArray *boxes;      /* Box, text order */
} Area;

static void area_clear(gpointer p) { g_array_unref(((Area *)p)->boxes); }

/* ---- the invisible font: glyphs with an advance and a box, and no ink ---- */
static cairo_status_t invisible_init(cairo_scaled_font_t *sf, cairo_t *cr, cairo_font_extents_t *fe)
{
    (void)sf;
    (void)cr;
    fe->ascent = 0.8;
    fe->descent = 0.2;
    fe->height = 1.0;
    fe->max_x_advance = 4.0;
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t invisible_render(cairo_scaled_font_t *sf, unsigned long glyph, cairo_t *cr,
                                       cairo_text_extents_t *ext)
{
    (void)sf;
    (void)glyph;
    (void)cr;
    /* every glyph half an em wide: poppler guesses a Type 3 font's scale from the width of one of
     * its glyphs against 0.5, so this keeps its guess at 1 (the real width is in the font matrix) */
    *ext = (cairo_text_extents_t){.x_bearing = 0, .y_bearing = -0.8, .width = 0.5, .height = 1.0, .x_advance = 0.5};
    return CAIRO_STATUS_SUCCESS;
}

/* ---- geometry ---- */
static gboolean inside(const Box *b, double x, double y)
{
    return x >= b->x1 && x <= b->x2 && y >= b->y1 && y <= b->y2;
}

static gboolean centre_in_any(const GArray *areas, double x, double y)
{
    for (guint a = 0; a < areas->len; a++) {
        const GArray *boxes = g_array_index(areas, Area, a).boxes;
        for (guint i = 0; i < boxes->len; i++)
            if (inside(&g_array_index(boxes, Box, i), x, y))
                return TRUE;
    }
    return FALSE;
}

static void add_area(GArray *areas, const char *masked, GArray *boxes)
{
    if (boxes->len == 0) {
        g_array_unref(boxes);
        return;
    }
    /* the same occurrence found through the part spans and through the page text: keep one */
    const Box *b = &g_array_index(boxes, Box, 0);
    if (centre_in_any(areas, (b->x1 + b->x2) / 2, (b->y1 + b->y2) / 2)) {
        g_array_unref(boxes);
        return;
    }
    Area a = {masked, boxes};
    g_array_append_val(areas, a);
}

static Box padded(double x1, double y1, double x2, double y2) { return (Box){x1 - PAD, y1 - PAD, x2 + PAD, y2 + PAD}; }

/* The page a glyph is drawn on (a part may hold a table row continued on the next page). */
static int glyph_page(const PPPart *part, const PPGlyph *gl)
{
    (void)gl; /* PPGlyph.page, when the extractor sets it, goes here: gl->page ? gl->page : part->page */
    return part->page;
}

static GArray *areas_new(void)
{
    GArray *areas = g_array_new(FALSE, FALSE, sizeof(Area));
    g_array_set_clear_func(areas, area_clear);
    return areas;
}

/* Occurrences located by the stages: the glyph boxes of each part span, sorted by page once for
 * the whole document (an area per page the span touches). Returns n_pages GArray* of Area. */
static GArray **areas_from_spans(const PPDoc *doc, GPtrArray *reds, int n_pages)
{
    GArray **by_page = g_new0(GArray *, n_pages);
    for (int i = 0; i < n_pages; i++)
        by_page[i] = areas_new();
    for (guint r = 0; r < reds->len; r++) {
        const PPRedaction *red = reds->pdata[r];
        for (guint s = 0; s < red->spans->len; s++) {
            const PPRedactSpan *sp = &g_array_index(red->spans, PPRedactSpan, s);
            if (sp->part_index < 0 || (guint)sp->part_index >= doc->parts->len)
                continue;
            const PPPart *part = doc->parts->pdata[sp->part_index];
            if (!part->glyphs)
                continue;
            GArray *boxes = NULL;
            int boxes_page = 0;
            for (guint g = 0; g < part->glyphs->len; g++) {
                const PPGlyph *gl = &g_array_index(part->glyphs, PPGlyph, g);
                int pg = glyph_page(part, gl);
                if (gl->offset < sp->start || gl->offset >= sp->end || pg < 1 || pg > n_pages)
                    continue;
                if (boxes && pg != boxes_page) {
                    add_area(by_page[boxes_page - 1], red->masked, boxes);
                    boxes = NULL;
                }
                if (!boxes) {
                    boxes = g_array_new(FALSE, FALSE, sizeof(Box));
                    boxes_page = pg;
                }
                Box b = padded(gl->x1, gl->y1, gl->x2, gl->y2);
                g_array_append_val(boxes, b);
            }
            if (boxes)
                add_area(by_page[boxes_page - 1], red->masked, boxes);
        }
    }
    return by_page;
}

/* Every occurrence of the values in the page's own text, wherever the stages did not point. */
static void areas_from_text(const char *text, const guint *offs, guint n, const PopplerRectangle *rects,
                            GPtrArray *reds, GArray *areas)
{
    GArray *matches = pp_redact_find(text, offs[n], reds);
    guint k = 0;
    for (guint m = 0; m < matches->len; m++) {
        const PPRedactMatch *mt = &g_array_index(matches, PPRedactMatch, m);
        GArray *boxes = g_array_new(FALSE, FALSE, sizeof(Box));
        while (k < n && offs[k] < mt->start)
            k++;
        for (; k < n && offs[k] < mt->end; k++) {
            gunichar c = g_utf8_get_char(text + offs[k]);
            if (g_unichar_isspace(c))
                continue;
            Box b = padded(rects[k].x1, rects[k].y1, rects[k].x2, rects[k].y2);
            g_array_append_val(boxes, b);
        }
        add_area(areas, ((PPRedaction *)reds->pdata[mt->index])->masked, boxes);
    }
    g_array_unref(matches);
}

/* Parts whose text a reader sees on the page; annotations, metadata and hidden text are not
 * copied. */
static gboolean part_is_drawn(PPPartKind k)
{
    return k == PP_PART_BODY || k == PP_PART_HEADER || k == PP_PART_FOOTER || k == PP_PART_FOOTNOTE ||
           k == PP_PART_TEXTBOX;
}

typedef struct {
    const PPPart *part;
    guint glyph;
} GlyphRef;

/* The extractor's glyphs of the drawn parts, by page (n_pages GArray* of GlyphRef, NULL where
 * none): the text layer is written from them, so it carries the extractor's reading (GBK mojibake
 * repaired, for one) rather than poppler's raw one. */
static GArray **glyphs_by_page(const PPDoc *doc, int n_pages)
{
    GArray **by_page = g_new0(GArray *, n_pages);
    for (guint p = 0; p < doc->parts->len; p++) {
        const PPPart *part = doc->parts->pdata[p];
        if (!part_is_drawn(part->kind) || !part->glyphs)
            continue;
        for (guint g = 0; g < part->glyphs->len; g++) {
            const PPGlyph *gl = &g_array_index(part->glyphs, PPGlyph, g);
            int pg = glyph_page(part, gl);
            if (pg < 1 || pg > n_pages || gl->offset >= part->text->len)
                continue;
            if (!by_page[pg - 1])
                by_page[pg - 1] = g_array_new(FALSE, FALSE, sizeof(GlyphRef));
            GlyphRef ref = {part, g};
            g_array_append_val(by_page[pg - 1], ref);
        }
    }
    return by_page;
}

/* One page's layer text from glyph references: one character per glyph, its box beside it. */
static void layer_from_glyphs(const GArray *refs, GString *text, GArray *rects)
{
    for (guint i = 0; i < refs->len; i++) {
        const GlyphRef *ref = &g_array_index(refs, GlyphRef, i);
        const PPGlyph *gl = &g_array_index(ref->part->glyphs, PPGlyph, ref->glyph);
        const char *c = ref->part->text->str + gl->offset;
        if (g_utf8_get_char_validated(c, -1) >= 0x110000) /* also (gunichar)-1, -2 */
            continue;
        g_string_append_len(text, c, g_utf8_next_char(c) - c);
        PopplerRectangle r = {gl->x1, gl->y1, gl->x2, gl->y2};
        g_array_append_val(rects, r);
    }
}

/* ---- drawing ---- */
/* The page as a picture with the masked boxes painted over; owned by the caller. */
static cairo_surface_t *render_page(PopplerPage *page, double w, double h, const GArray *areas, GError **error)
{
    double scale = MIN(DPI / 72.0, sqrt(MAX_PIXELS / MAX(1, w * h)));
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * scale), (int)ceil(h * scale));
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "PDF 页面过大，无法生成脱敏副本");
        return NULL;
    }
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_save(cr);
    /* POPPLER_PRINT_DOCUMENT still draws form widgets; those were removed from the page first */
    poppler_page_render_for_printing_with_options(page, cr, POPPLER_PRINT_DOCUMENT);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (guint a = 0; a < areas->len; a++) {
        const GArray *boxes = g_array_index(areas, Area, a).boxes;
        for (guint i = 0; i < boxes->len; i++) {
            const Box *b = &g_array_index(boxes, Box, i);
            cairo_rectangle(cr, b->x1, b->y1, b->x2 - b->x1, b->y2 - b->y1);
        }
    }
    cairo_fill(cr);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "PDF 页面渲染失败：%s", cairo_status_to_string(st));
        return NULL;
    }
    return img;
}

/* Glyphs of one run of the invisible layer, flushed when the size, width or line changes. */
typedef struct {
    GArray *glyphs;   /* cairo_glyph_t */
    GArray *clusters; /* cairo_text_cluster_t */
    GString *utf8;
    double size, width, baseline;
} Run;

static void run_flush(cairo_t *cr, Run *run)
{
    if (run->glyphs->len) {
        cairo_matrix_t m;
        cairo_matrix_init_scale(&m, run->width * 2, run->size); /* glyphs are 0.5 em wide */
        cairo_set_font_matrix(cr, &m);
        cairo_show_text_glyphs(cr, run->utf8->str, (int)run->utf8->len, (cairo_glyph_t *)(void *)run->glyphs->data,
                               (int)run->glyphs->len, (cairo_text_cluster_t *)(void *)run->clusters->data,
                               (int)run->clusters->len, 0);
    }
    g_array_set_size(run->glyphs, 0);
    g_array_set_size(run->clusters, 0);
    g_string_truncate(run->utf8, 0);
}

/* The page's text minus what is masked or was hidden, each character at its place, no ink. */
static void draw_text_layer(cairo_t *cr, cairo_font_face_t *invisible, const char *text, const guint *offs, guint n,
                            const PopplerRectangle *rects, const guint8 *drop)
{
    cairo_set_font_face(cr, invisible);
    cairo_set_source_rgb(cr, 0, 0, 0);
    Run run = {g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t)),
               g_array_new(FALSE, FALSE, sizeof(cairo_text_cluster_t)),
               g_string_new(NULL),
               0,
               0,
               0};
    for (guint k = 0; k < n; k++) {
        gunichar c = g_utf8_get_char(text + offs[k]);
        const PopplerRectangle *b = &rects[k];
        double h = b->y2 - b->y1, w = b->x2 - b->x1;
        if (drop[k] || g_unichar_isspace(c) || c == 0x3000 || h <= 0.1 || w <= 0)
            continue;
        /* poppler gives a Type 3 font the default ascent 0.95 and descent 0.35 em: this size and
         * baseline put the copy's character box where the original's was. Sizes and widths are
         * rounded so that a page uses few of them (cairo writes one font per size and width). */
        double size = MAX(1.0, round(h / 1.3 * 2) / 2);
        double width = size * CLAMP(round(w / size * 8), 1, 48) / 8;
        double baseline = b->y1 + 0.95 * h / 1.3;
        if (size != run.size || width != run.width || fabs(baseline - run.baseline) > 0.5) {
            run_flush(cr, &run);
            run.size = size;
            run.width = width;
            run.baseline = baseline;
        }
        cairo_glyph_t g = {c, b->x1, baseline};
        cairo_text_cluster_t cl = {(int)(offs[k + 1] - offs[k]), 1};
        g_array_append_val(run.glyphs, g);
        g_array_append_val(run.clusters, cl);
        g_string_append_len(run.utf8, text + offs[k], (gssize)(offs[k + 1] - offs[k]));
    }
    run_flush(cr, &run);
    g_array_unref(run.glyphs);
    g_array_unref(run.clusters);
    g_string_free(run.utf8, TRUE);
}

/* The widest line of a value's boxes (a value wrapped in a narrow table cell has several). */
static Box widest_line(const GArray *boxes)
{
    Box best = g_array_index(boxes, Box, 0), cur = best;
    for (guint i = 1; i <= boxes->len; i++) {
        const Box *b = i < boxes->len ? &g_array_index(boxes, Box, i) : NULL;
        if (b && fabs(b->y1 - cur.y1) <= 1 && b->x1 >= cur.x1) {
            cur.x2 = MAX(cur.x2, b->x2);
            cur.y2 = MAX(cur.y2, b->y2);
            continue;
        }
        if (cur.x2 - cur.x1 > best.x2 - best.x1)
            best = cur;
        if (b)
            cur = *b;
    }
    return best;
}

/* Each replacement in white on the widest line of its black boxes, when the font has its glyphs
 * (otherwise the value is simply gone from the text). */
static void draw_replacements(cairo_t *cr, const GArray *areas)
{
    cairo_select_font_face(cr, MASK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_source_rgb(cr, 1, 1, 1);
    for (guint a = 0; a < areas->len; a++) {
        const Area *ar = &g_array_index(areas, Area, a);
        Box line = widest_line(ar->boxes);
        double h = line.y2 - line.y1 - 2 * PAD;
        cairo_set_font_size(cr, MAX(1.0, h * 0.8));
        cairo_text_extents_t ext;
        cairo_text_extents(cr, ar->masked, &ext);
        double room = line.x2 - line.x1 - 2 * PAD;
        if (ext.x_advance > room && ext.x_advance > 0)
            cairo_set_font_size(cr, MAX(1.0, h * 0.8 * room / ext.x_advance));

        cairo_glyph_t *glyphs = NULL;
        int n_glyphs = 0;
        gboolean complete = cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, ar->masked, -1, &glyphs,
                                                             &n_glyphs, NULL, NULL, NULL) == CAIRO_STATUS_SUCCESS;
        for (int i = 0; complete && i < n_glyphs; i++)
            complete = glyphs[i].index != 0;
        cairo_glyph_free(glyphs);
        if (!complete)
            continue;
        cairo_move_to(cr, line.x1 + PAD, line.y1 + PAD + h * 0.82);
        cairo_show_text(cr, ar->masked);
    }
}

/* Byte offset of each of the first n characters of text, plus the end: n + 1 entries. */
static guint *char_offsets(const char *text, guint n)
{
    guint *offs = g_new(guint, n + 1);
    const char *p = text;
    for (guint k = 0; k < n; k++, p = g_utf8_next_char(p))
        offs[k] = (guint)(p - text);
    offs[n] = n ? (guint)(p - text) : 0;
    return offs;
}

/* Annotations (form widgets included) carry their own text and appearance: none is copied. */
static void drop_annotations(PopplerPage *page)
{
    GList *annots = poppler_page_get_annot_mapping(page);
    for (GList *l = annots; l; l = l->next)
        poppler_page_remove_annot(page, ((PopplerAnnotMapping *)l->data)->annot);
    poppler_page_free_annot_mapping(annots);
}

/* One page of the copy. areas: the page's occurrences found through the spans (taken over). */
static gboolean write_page(cairo_t *cr, cairo_surface_t *pdf, cairo_font_face_t *invisible, GArray *areas,
                           const GArray *glyph_refs, GPtrArray *reds, PopplerPage *page, GError **error)
{
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    cairo_pdf_surface_set_size(pdf, w, h);
    drop_annotations(page);

    /* poppler's text (to find the values on the page) and the text already hidden under a box */
    g_autofree char *text = NULL;
    g_autofree PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    GArray *covered = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    GString *covered_text = g_string_new(NULL);
    gboolean ok = pp_pdf_xray_page_text(page, &text, &rects, &n_rects, covered_text, covered, error);
    g_string_free(covered_text, TRUE);
    guint n = text ? MIN((guint)g_utf8_strlen(text, -1), n_rects) : 0;
    g_autofree guint *offs = char_offsets(text, n);
    if (n)
        areas_from_text(text, offs, n, rects, reds, areas);

    /* the layer: the extractor's glyphs when it left some for this page, else poppler's text;
     * masked and covered characters left out (they are black in the picture) */
    GString *ltext = g_string_new(NULL);
    GArray *lrects = g_array_new(FALSE, FALSE, sizeof(PopplerRectangle));
    if (glyph_refs && glyph_refs->len)
        layer_from_glyphs(glyph_refs, ltext, lrects);
    else if (n) {
        g_string_append_len(ltext, text, offs[n]);
        g_array_append_vals(lrects, rects, n);
    }
    guint ln = lrects->len;
    const PopplerRectangle *lr = (const PopplerRectangle *)(const void *)lrects->data;
    g_autofree guint *loffs = char_offsets(ltext->str, ln);
    g_autofree guint8 *drop = g_new0(guint8, ln + 1);
    for (guint k = 0; k < ln; k++) {
        double cx = (lr[k].x1 + lr[k].x2) / 2, cy = (lr[k].y1 + lr[k].y2) / 2;
        drop[k] = centre_in_any(areas, cx, cy);
        for (guint c = 0; c < covered->len && !drop[k]; c++) {
            const PPGlyph *g = &g_array_index(covered, PPGlyph, c);
            drop[k] = cx >= g->x1 && cx <= g->x2 && cy >= g->y1 && cy <= g->y2;
        }
    }
    g_array_unref(covered);

    cairo_surface_t *img = ok ? render_page(page, w, h, areas, error) : NULL;
    if (img) {
        cairo_save(cr);
        cairo_scale(cr, w / cairo_image_surface_get_width(img), h / cairo_image_surface_get_height(img));
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(img);
        draw_text_layer(cr, invisible, ltext->str, loffs, ln, lr, drop);
        draw_replacements(cr, areas);
        cairo_show_page(cr);
    }
    g_string_free(ltext, TRUE);
    g_array_unref(lrects);
    g_array_unref(areas);
    return img != NULL;
}

static gboolean pdf_write(const PPDoc *doc, GPtrArray *redactions, const char *out_path, GError **error)
{
    if (!doc->data) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "原文件数据已释放，无法生成脱敏副本");
        return FALSE;
    }
    GError *perr = NULL;
    PopplerDocument *src = poppler_document_new_from_bytes(doc->data, NULL, &perr);
    if (!src) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "无法打开 PDF：%s", perr->message);
        g_error_free(perr);
        return FALSE;
    }
    cairo_surface_t *pdf = cairo_pdf_surface_create(out_path, 612, 792);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "prepub");
    cairo_t *cr = cairo_create(pdf);
    cairo_font_face_t *invisible = cairo_user_font_face_create();
    cairo_user_font_face_set_init_func(invisible, invisible_init);
    cairo_user_font_face_set_render_glyph_func(invisible, invisible_render);

    gboolean ok = cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS;
    if (!ok)
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法写入 %s", out_path);
    int n_pages = poppler_document_get_n_pages(src);
    GArray **span_areas = areas_from_spans(doc, redactions, n_pages);
    GArray **glyph_refs = glyphs_by_page(doc, n_pages);
    for (int i = 0; ok && i < n_pages; i++) {
        PopplerPage *page = poppler_document_get_page(src, i);
        ok = page &&
             write_page(cr, pdf, invisible, g_steal_pointer(&span_areas[i]), glyph_refs[i], redactions, page, error);
        if (page)
            g_object_unref(page);
        else
            g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "无法读取 PDF 第 %d 页", i + 1);
    }
    for (int i = 0; i < n_pages; i++) {
        if (span_areas[i])
            g_array_unref(span_areas[i]);
        if (glyph_refs[i])
            g_array_unref(glyph_refs[i]);
    }
    g_free(span_areas);
    g_free(glyph_refs);
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    if (ok && cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "写入脱敏副本失败：%s",
                    cairo_status_to_string(cairo_surface_status(pdf)));
        ok = FALSE;
    }
    cairo_surface_destroy(pdf);
    cairo_font_face_destroy(invisible);
    g_object_unref(src);
    return ok;
}

const PPRedactor pp_redactor_pdf = {.format = "pdf", .write = pdf_write};
