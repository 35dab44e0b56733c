/* Document formats: detection and extraction.
 *
 * Protocol (one static const PPFormat per format, listed in formats.c):
 *   .name     the report's format name ("docx").
 *   .bid      given the bytes and libmagic's MIME type, how sure (0–100) the format is that the
 *             document is its own; confirm by content (a zip is DOCX only with word/document.xml).
 *             Must be cheap and must not fail.
 *   .extract  fill doc->parts from doc->data; on failure set *error (PP_ERROR, a document-level
 *             code), free what it took and return FALSE. Must honour every limit in lim, while
 *             reading, and never trust declared sizes.
 * The highest bid wins; no bid above 0 → error unsupported.
 */
#ifndef PP_FORMAT_H
#define PP_FORMAT_H

#include "prepub.h"

typedef struct {
    const char *name;
    int (*bid)(const guint8 *data, gsize len, const char *mime);
    gboolean (*extract)(PPDoc *doc, const PPLimits *lim, GError **error);
} PPFormat;

extern const PPFormat pp_format_txt;
extern const PPFormat pp_format_docx;
extern const PPFormat pp_format_pdf;
extern const PPFormat pp_format_ofd;
extern const PPFormat pp_format_doc;
extern const PPFormat pp_format_rtf;
extern const PPFormat pp_format_odt;

/* Detect the format of doc->data (libmagic, then the bids); NULL with *error set if none fits. */
const PPFormat *pp_detect(PPDoc *doc, GError **error);

/* Detect and extract: sets doc->format, doc->parts. */
gboolean pp_extract(PPDoc *doc, const PPLimits *lim, GError **error);

/* Does hay[0, len) hold the bytes of needle? For the bids' cheap looks into a file's head. */
gboolean pp_has_bytes(const guint8 *hay, gsize len, const char *needle);

/* Shared by the TXT reader and package readers: decode bytes of unknown encoding (BOM-marked
 * UTF-8/UTF-16, UTF-8, GB18030) to UTF-8 with '\n' line ends. NULL with *error if undecodable. */
char *pp_decode_text(const guint8 *data, gsize len, gsize *out_len, const char **encoding, GError **error);

#endif
