/* Failed-redaction detection ("x-ray", after Free Law Project's tool): live text that is drawn on a
 * PDF page but covered by an opaque dark box, so a reader sees a black bar while anyone can copy
 * the text out.
 *
 * Method: render the page (annotations included: a filled square annotation hides text just as
 * well) and look at the pixels over each character box from poppler's text layout. A visible glyph
 * always leaves some background showing inside its box; a covered one leaves nothing but the box
 * colour. So a character counts as covered when the pixels over its (slightly shrunk) box are
 * uniform and dark. That rule ignores boxes over whitespace (no character), unfilled rectangles and
 * cross-hatching (background shows through), text on coloured backgrounds (the glyph shows), and
 * clipped-away text (nothing is drawn there, so the pixels are the page's white). Glyphs that are
 * themselves solid shapes (■, █, 〓) are never counted.
 * A page is rendered at 36 dpi first; only characters that look covered there are checked again
 * at 144 dpi over the region they span. Rendering a page also builds poppler's text for it, so an
 * extractor that reads the text after the x-ray (pp_pdf_xray_page_text) pays little for it.
 */
#ifndef PP_PDF_XRAY_H
#define PP_PDF_XRAY_H

#include <poppler.h>

#include "prepub.h"

/* Find covered text on one page. Appends each run of covered characters to covered_text (runs on
 * one line joined by a space when only whitespace separates them; '\n' between runs) and one
 * PPGlyph per character taken from the page (offsets into covered_text; the '\n' and joining spaces
 * added between runs have none) to covered_glyphs (nullable). Boxes are in page points, origin
 * top-left. Returns FALSE with *error set only when the page cannot be rendered. */
gboolean pp_pdf_xray_page(PopplerPage *page, GString *covered_text, GArray *covered_glyphs, GError **error);

/* The same, handing the page's text (poppler_page_get_text) and layout (one rectangle per
 * character) to the caller: *text and *rects are owned by the caller (g_free), set even when the
 * x-ray fails. This is the cheap way for an extractor: poppler builds a page's text while it
 * renders a fresh PopplerPage, so the render the x-ray needs comes first and the text is then read
 * from poppler's cache — about the cost of reading the text alone. Call it on a PopplerPage whose
 * text was not read yet. */
gboolean pp_pdf_xray_page_text(PopplerPage *page, char **text, PopplerRectangle **rects, guint *n_rects,
                               GString *covered_text, GArray *covered_glyphs, GError **error);

/* The same, for a caller that already read the text and layout (both borrowed); this renders the
 * page again, so it costs a second pass over the page's content. */
gboolean pp_pdf_xray_page_layout(PopplerPage *page, const char *text, const PopplerRectangle *rects, guint n_rects,
                                 GString *covered_text, GArray *covered_glyphs, GError **error);

#endif
