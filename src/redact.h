/* Redaction: a masked copy of a document in its own format.
 *
 * What is masked: every privacy finding of severity block or review (pp_redactions_of), each
 * raw value replaced by its masked form everywhere it occurs in the document, longest values first.
 *
 * Protocol (one static const PPRedactor per format, listed in redact.c):
 *   .format  the doc->format it handles ("docx", "pdf", "txt").
 *   .write   read doc->data (the exact bytes reviewed; doc->parts and findings are still there,
 *            PDF glyph boxes included) and write the masked copy to out_path (a temporary file in
 *            the destination directory: the caller renames it into place, so writing is atomic).
 *            Beyond the values, the copy drops what must not be published: DOCX comments,
 *            deletions (insertions accepted), hidden text, personal metadata; PDF metadata,
 *            annotations and attachments. Fail with *error set (PP_ERROR) and nothing promised
 *            about out_path (the caller removes it).
 * After writing, the caller re-checks the copy with the same rules: a copy that still holds a
 * privacy block is an error.
 */
#ifndef PP_REDACT_H
#define PP_REDACT_H

#include "prepub.h"

typedef struct {
    char *raw;     /* value as it appears in the part text (owned) */
    char *masked;  /* replacement (owned) */
    /* every place it was found: part index + byte range, for formats that work by position */
    GArray *spans; /* PPRedactSpan */
} PPRedaction;

typedef struct {
    int part_index;
    gsize start, end;
} PPRedactSpan;

typedef struct {
    const char *format;
    gboolean (*write)(const PPDoc *doc, GPtrArray *redactions, const char *out_path, GError **error);
} PPRedactor;

extern const PPRedactor pp_redactor_txt;
extern const PPRedactor pp_redactor_docx;
extern const PPRedactor pp_redactor_pdf;

/* The values to mask in doc, longest raw value first; PPRedaction*, free func set. */
GPtrArray *pp_redactions_of(const PPDoc *doc);

typedef struct {
    gsize start, end; /* byte range in the text searched */
    guint index;      /* into the redactions array */
} PPRedactMatch;

/* Non-overlapping occurrences of the values in text (UTF-8), in text order, matched with
 * whitespace, hyphens and full-width/half-width differences ignored (a number split by spaces or
 * written in full-width digits is still found). GArray of PPRedactMatch. */
GArray *pp_redact_find(const char *text, gsize len, GPtrArray *redactions);

/* Replace every occurrence of the raw values in text (UTF-8), returning a new string. Values are
 * matched with whitespace/full-width differences ignored, as the privacy stage found them. */
char *pp_redact_string(const char *text, gsize len, GPtrArray *redactions, gsize *out_len);

/* Write the masked copy of doc into opt->redact_dir (same file name); sets doc->redacted_path. */
gboolean pp_redact_doc(PPDoc *doc, const PPRunOptions *opt, GError **error);

/* Write the masked copy of doc to out_path atomically, then re-check it. */
gboolean pp_redact_to(PPDoc *doc, const PPRunOptions *opt, const char *out_path, GError **error);

#endif
