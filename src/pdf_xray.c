/* Failed-redaction detection: text covered by an opaque dark box (see pdf_xray.h for the method). */
#include "pdf_xray.h"

#include <math.h>
#include <string.h>

#define LOW_SCALE 0.5   /* 36 dpi: cheap first look at the whole page */
#define HIGH_SCALE 2.0  /* 144 dpi: confirmation over the suspicious region */
#define DARK_MAX 64     /* luminance (0–255) at or above which a box is not "dark" (pure red is 76: seals) */
#define UNIFORM_TOL 10  /* max − min luminance allowed over a covered glyph (JPEG noise, AA) */
#define SHRINK_X 0.15   /* fraction of the character box trimmed from each side: the box a */
#define SHRINK_Y 0.22   /* redactor drew rarely covers the font's full ascent + descent */
#define MIN_BOX 1.0     /* points; smaller character boxes are not judged */
#define MAX_PIXELS 16e6 /* a poster-sized region is looked at more coarsely rather than with 100+ MB */

/* A rendered region of a page: pixel (i, j) covers points x0 + i/scale … */
typedef struct {
    cairo_surface_t *surface;
    double x0, y0, scale;
} Raster;

/* Characters drawn as solid shapes: a visible one is as uniform as a covered one. */
static const struct {
    gunichar lo, hi;
} solid_shapes[] = {
    {0x2580, 0x25FF}, /* block elements, geometric shapes (■ █ ▇ ▬ ●) */
    {0x2B1B, 0x2B1C}, /* ⬛ ⬜ */
    {0x2B24, 0x2B24}, /* ⬤ */
    {0x3013, 0x3013}, /* 〓 geta mark, a placeholder in Chinese documents */
    {0xFFFD, 0xFFFD}, {0x1F532, 0x1F533}, {0x1F7E5, 0x1F7EB}, /* coloured squares */
};

static gboolean is_solid_shape(gunichar c)
{
    for (gsize i = 0; i < G_N_ELEMENTS(solid_shapes); i++)
        if (c >= solid_shapes[i].lo && c <= solid_shapes[i].hi)
            return TRUE;
    return FALSE;
}

/* Render the page region (x, y, w, h) in points at scale on white. Owned by the caller. */
static gboolean render_region(PopplerPage *page, double x, double y, double w, double h, double scale, Raster *out,
                              GError **error)
{
    int pw = MAX(1, (int)ceil(w * scale)), ph = MAX(1, (int)ceil(h * scale));
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "无法渲染 PDF 页面（%d×%d 像素）", pw, ph);
        return FALSE;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -x, -y);
    poppler_page_render(page, cr);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    if (st != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "PDF 页面渲染失败：%s", cairo_status_to_string(st));
        return FALSE;
    }
    *out = (Raster){s, x, y, scale};
    return TRUE;
}

/* Pixel index range whose centres fall in [a, b] points along one axis (origin o); the pixel at
 * the middle when none does. FALSE when it lies off the raster. */
static gboolean pixel_span(double a, double b, double o, double scale, int size, int *lo, int *hi)
{
    *lo = (int)ceil((a - o) * scale - 0.5);
    *hi = (int)floor((b - o) * scale - 0.5);
    if (*lo > *hi)
        *lo = *hi = (int)floor(((a + b) / 2 - o) * scale);
    *lo = MAX(*lo, 0);
    *hi = MIN(*hi, size - 1);
    return *lo <= *hi;
}

/* Are the pixels over the shrunk box all nearly the same dark colour? */
static gboolean box_covered(const Raster *r, const PopplerRectangle *b)
{
    double dx = (b->x2 - b->x1) * SHRINK_X, dy = (b->y2 - b->y1) * SHRINK_Y;
    int w = cairo_image_surface_get_width(r->surface), h = cairo_image_surface_get_height(r->surface);
    int i0, i1, j0, j1;
    if (!pixel_span(b->x1 + dx, b->x2 - dx, r->x0, r->scale, w, &i0, &i1) ||
        !pixel_span(b->y1 + dy, b->y2 - dy, r->y0, r->scale, h, &j0, &j1))
        return FALSE;
    const guint8 *data = cairo_image_surface_get_data(r->surface);
    int stride = cairo_image_surface_get_stride(r->surface);
    int lo = 255, hi = 0;
    for (int j = j0; j <= j1; j++) {
        const guint32 *row = (const guint32 *)(const void *)(data + (gsize)j * (gsize)stride);
        for (int i = i0; i <= i1; i++) {
            guint32 px = row[i];
            int lum = (int)((((px >> 16) & 0xFF) * 299 + ((px >> 8) & 0xFF) * 587 + (px & 0xFF) * 114) / 1000);
            lo = MIN(lo, lum);
            hi = MAX(hi, lum);
            if (hi >= DARK_MAX || hi - lo > UNIFORM_TOL)
                return FALSE;
        }
    }
    return TRUE;
}

/* Mask characters (110105****2X written on a black bar) hide nothing; a small '*' need not
 * reach the middle of its box either. */
static gboolean is_mask_char(gunichar c) { return c == '*' || c == 0xFF0A || c == 0x2217 || c == 0x204E; }

/* Can this character be judged at all? */
static gboolean judgeable(gunichar c, const PopplerRectangle *b)
{
    return !g_unichar_isspace(c) && c != 0x3000 && !is_solid_shape(c) && !is_mask_char(c) && b->x2 - b->x1 >= MIN_BOX &&
           b->y2 - b->y1 >= MIN_BOX;
}

/* Append the covered characters as runs (see pdf_xray.h). offs: byte offset of each character
 * in text, n + 1 entries. */
static void emit_runs(const char *text, const guint *offs, guint n, const guint8 *covered,
                      const PopplerRectangle *rects, GString *out, GArray *glyphs)
{
    int last = -1;
    for (guint k = 0; k < n; k++) {
        if (!covered[k])
            continue;
        if (last >= 0 && (guint)last + 1 < k) {
            gboolean spaces_only = TRUE;
            for (guint g = (guint)last + 1; g < k && spaces_only; g++) {
                gunichar c = g_utf8_get_char(text + offs[g]);
                spaces_only = c != '\n' && c != '\r' && (g_unichar_isspace(c) || c == 0x3000);
            }
            g_string_append_c(out, spaces_only ? ' ' : '\n');
        } else if (last < 0 && out->len && out->str[out->len - 1] != '\n') {
            g_string_append_c(out, '\n');
        }
        if (glyphs) {
            const PopplerRectangle *b = &rects[k];
            PPGlyph gl = {.offset = (guint32)out->len,
                          .x1 = (float)b->x1,
                          .y1 = (float)b->y1,
                          .x2 = (float)b->x2,
                          .y2 = (float)b->y2};
            g_array_append_val(glyphs, gl);
        }
        g_string_append_len(out, text + offs[k], (gssize)(offs[k + 1] - offs[k]));
        last = (int)k;
    }
}

static gboolean render_low(PopplerPage *page, Raster *low, GError **error)
{
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    return render_region(page, 0, 0, pw, ph, MIN(LOW_SCALE, sqrt(MAX_PIXELS / MAX(1, pw * ph))), low, error);
}

/* Judge the characters on the low-resolution picture (taken over), confirm at high resolution. */
static gboolean xray(PopplerPage *page, Raster *low, const char *text, const PopplerRectangle *rects, guint n_rects,
                     GString *covered_text, GArray *covered_glyphs, GError **error)
{
    /* one rectangle per character; if poppler ever disagrees, judge only the common prefix */
    guint n = text && rects ? MIN((guint)g_utf8_strlen(text, -1), n_rects) : 0;
    g_autofree guint *offs = g_new(guint, n + 1);
    g_autofree guint8 *covered = g_new0(guint8, n + 1);
    double rx1 = G_MAXDOUBLE, ry1 = G_MAXDOUBLE, rx2 = 0, ry2 = 0;
    guint candidates = 0;
    const char *p = text;
    for (guint k = 0; k < n; k++, p = g_utf8_next_char(p)) {
        offs[k] = (guint)(p - text);
        if (!judgeable(g_utf8_get_char(p), &rects[k]) || !box_covered(low, &rects[k]))
            continue;
        covered[k] = 1;
        candidates++;
        rx1 = MIN(rx1, rects[k].x1), ry1 = MIN(ry1, rects[k].y1);
        rx2 = MAX(rx2, rects[k].x2), ry2 = MAX(ry2, rects[k].y2);
    }
    offs[n] = n ? (guint)(p - text) : 0;
    cairo_surface_destroy(low->surface);
    low->surface = NULL;
    if (!candidates)
        return TRUE;

    /* confirm at a resolution where the strokes of small text are resolved */
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    rx1 = MAX(0, rx1 - 2), ry1 = MAX(0, ry1 - 2), rx2 = MIN(pw, rx2 + 2), ry2 = MIN(ph, ry2 + 2);
    double area = MAX(1, rx2 - rx1) * MAX(1, ry2 - ry1);
    double scale = MIN(HIGH_SCALE, sqrt(MAX_PIXELS / area));
    Raster high;
    if (!render_region(page, rx1, ry1, MAX(1, rx2 - rx1), MAX(1, ry2 - ry1), scale, &high, error))
        return FALSE;
    for (guint k = 0; k < n; k++)
        if (covered[k] && !box_covered(&high, &rects[k]))
            covered[k] = 0;
    cairo_surface_destroy(high.surface);
    emit_runs(text, offs, n, covered, rects, covered_text, covered_glyphs);
    return TRUE;
}

gboolean pp_pdf_xray_page_layout(PopplerPage *page, const char *text, const PopplerRectangle *rects, guint n_rects,
                                 GString *covered_text, GArray *covered_glyphs, GError **error)
{
    gboolean any = FALSE;
    guint k = 0;
    for (const char *p = text; p && *p && k < n_rects && !any; p = g_utf8_next_char(p), k++)
        any = judgeable(g_utf8_get_char(p), &rects[k]);
    Raster low;
    if (!any)
        return TRUE;
    if (!render_low(page, &low, error))
        return FALSE;
    return xray(page, &low, text, rects, n_rects, covered_text, covered_glyphs, error);
}

gboolean pp_pdf_xray_page_text(PopplerPage *page, char **text, PopplerRectangle **rects, guint *n_rects,
                               GString *covered_text, GArray *covered_glyphs, GError **error)
{
    *text = NULL;
    *rects = NULL;
    *n_rects = 0;
    Raster low;
    if (!render_low(page, &low, error))
        return FALSE;
    /* the render built poppler's text page for this PopplerPage: these two calls reuse it */
    *text = poppler_page_get_text(page);
    if (!*text || !poppler_page_get_text_layout(page, rects, n_rects)) {
        *n_rects = 0;
        g_clear_pointer(rects, g_free);
    }
    return xray(page, &low, *text, *rects, *n_rects, covered_text, covered_glyphs, error);
}

gboolean pp_pdf_xray_page(PopplerPage *page, GString *covered_text, GArray *covered_glyphs, GError **error)
{
    g_autofree char *text = NULL;
    g_autofree PopplerRectangle *rects = NULL;
    guint n = 0;
    return pp_pdf_xray_page_text(page, &text, &rects, &n, covered_text, covered_glyphs, error);
}
