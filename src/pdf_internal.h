/* Shared between the PDF reader's files (extract_pdf.c: document and page loop; pdf_extras.c:
 * metadata, annotations, attachments; pdf_layout.c: text layout). Not a public interface. */
#ifndef PP_PDF_INTERNAL_H
#define PP_PDF_INTERNAL_H

#include <poppler.h>

#include "pdf_layout.h"

/* One metadata part per non-empty Info/XMP field. Origins: person fields contain "Author" or
 * "creator" ("pdf Author", "xmp dc:creator", "xmp pdf:Author"); application fields never do
 * ("pdf Application", "pdf Producer", "xmp xmp:Tool", "xmp pdf:Producer"). */
void pp_pdf_read_metadata(PPDoc *doc, PopplerDocument *pdf);

/* Annotation parts of one page (into out, a scratch doc: parts are moved later in page order). */
void pp_pdf_read_annotations(PPDoc *out, PopplerPage *page, int page_no);

/* Values filled into form fields that are not already in the page text (a widget without an
 * appearance stream draws nothing): one body part for the page with origin "pdf form field", a line
 * per field, "标签：value" when the field name is a label. No glyph boxes. */
void pp_pdf_read_form_fields(PPDoc *out, PopplerPage *page, int page_no, const char *page_text);

/* One attachment part per embedded file: its name, and its text when it is text. */
void pp_pdf_read_attachments(PPDoc *doc, PopplerDocument *pdf, const PPLimits *lim);

#endif
