/* prepub — shared types of the review pipeline.
 *
 * A document (PPDoc) is read into memory, detected, extracted into parts (PPPart), run through the
 * stages (each adds PPFinding), given a verdict, optionally redacted, and reported.
 *
 * Text conventions every extractor follows and every stage may rely on:
 *   - part text is valid UTF-8;
 *   - '\n' ends a line (a paragraph in DOCX, a text line in PDF/TXT);
 *   - '\t' separates table cells on one line; one table row is one line, so the first row of a
 *     table holds the column headers and the n-th '\t'-field of later rows is the n-th column;
 *   - a line that is a table row starts with no marker; stages detect rows by the tabs.
 */
#ifndef PREPUB_H
#define PREPUB_H

#include <glib.h>

#define PREPUB_VERSION "0.1.0"

/* ---- errors: one domain, graded codes. Document-level codes first, run-level after. ---- */
#define PP_ERROR (pp_error_quark())
GQuark pp_error_quark(void);

typedef enum {
    PP_ERR_CORRUPT,      /* damaged or not what it claims to be */
    PP_ERR_ENCRYPTED,    /* needs a password to open */
    PP_ERR_UNSUPPORTED,  /* a format prepub does not read */
    PP_ERR_NO_TEXT,      /* nothing to review (scan without OCR) */
    PP_ERR_TOO_LARGE,    /* over a safety limit */
    PP_ERR_IO,           /* cannot read the file */
    PP_ERR_N_DOC_CODES,
    /* run-level: stop the whole run, exit 2 */
    PP_ERR_USAGE = 100,
    PP_ERR_RULES,
    PP_ERR_OUTPUT,
} PPErrorCode;

const char *pp_error_code_name(int code); /* "corrupt", … */

/* ---- parts ---- */
typedef enum {
    PP_PART_BODY,
    PP_PART_HEADER,
    PP_PART_FOOTER,
    PP_PART_FOOTNOTE,
    PP_PART_TEXTBOX,
    PP_PART_COMMENT,
    PP_PART_TRACKED_CHANGE,
    PP_PART_HIDDEN_TEXT,
    PP_PART_METADATA,
    PP_PART_ANNOTATION,
    PP_PART_ATTACHMENT,
    PP_PART_TEXT_UNDER_BOX,
    PP_PART_N
} PPPartKind;

const char *pp_part_name(PPPartKind k);        /* "body", "tracked_change", … */
const char *pp_part_label_zh(PPPartKind k);    /* "正文", "修订痕迹", … */
gboolean pp_part_is_hidden(PPPartKind k);      /* not meant to be seen by readers */
int pp_part_from_name(const char *name);       /* -1 if unknown */

/* One glyph of a PDF page, in page points (origin top-left), for redaction and box checks. */
typedef struct {
    guint32 offset;  /* byte offset of the character in the part text */
    float x1, y1, x2, y2;
    int page;        /* 0: on the part's page; else its 1-based page (a table row continued over a page break) */
} PPGlyph;

typedef struct {
    PPPartKind kind;
    int page;          /* 1-based page for paged formats; 0 when not paged */
    GString *text;     /* UTF-8, conventions above; owned */
    char *origin;      /* where in the file it came from (e.g. "word/footer1.xml", "core.xml creator"); owned, nullable */
    char *author;      /* comment / revision author; owned, nullable */
    GArray *glyphs;    /* PPGlyph, PDF only; owned, nullable */
} PPPart;

/* ---- findings ---- */
typedef enum { PP_CAT_PRIVACY, PP_CAT_SECRET, PP_CAT_DISCLOSURE, PP_CAT_HIDDEN, PP_CAT_QUALITY, PP_CAT_N } PPCategory;
typedef enum { PP_SEV_INFO, PP_SEV_REVIEW, PP_SEV_BLOCK } PPSeverity;

const char *pp_category_name(PPCategory c);
const char *pp_category_label_zh(PPCategory c);
int pp_category_from_name(const char *name);   /* -1 if unknown */
const char *pp_severity_name(PPSeverity s);
int pp_severity_from_name(const char *name);   /* -1 if unknown */

typedef struct {
    char *rule;        /* "privacy.cn_id" */
    PPCategory category;
    char *type;        /* "cn_id", "comment", … */
    PPSeverity severity;
    char *text;        /* raw value; never printed without --reveal */
    char *masked;      /* masked value, safe to print */
    char *context;     /* a short excerpt around the value, with the value masked; nullable */
    int part_index;    /* index into doc->parts, -1 if the finding is about the whole document */
    PPPartKind part;
    int page, line;    /* 0 when unknown */
    gsize start, end;  /* byte range in the part text, for redaction (end == 0: none) */
    char *message;     /* what is wrong, Chinese */
    char *basis;       /* legal basis, nullable */
    char *advice;      /* what to do, nullable */
    char *author;      /* nullable */
} PPFinding;

/* ---- documents ---- */
typedef enum { PP_DISC_MISSING, PP_DISC_PROACTIVE, PP_DISC_ON_REQUEST, PP_DISC_WITHHELD, PP_DISC_CONFLICT } PPDisclosure;
typedef enum { PP_VERDICT_PASS, PP_VERDICT_REVIEW, PP_VERDICT_BLOCK } PPVerdict;

const char *pp_disclosure_name(PPDisclosure d);
const char *pp_disclosure_label_zh(PPDisclosure d);
const char *pp_verdict_name(PPVerdict v);
const char *pp_verdict_label_zh(PPVerdict v);

typedef struct {
    char *path;         /* as shown in reports (as given, or relative to the walked directory's argument); owned */
    char *fs_path;      /* file to read; NULL for stdin; owned */
    const char *format; /* "docx", "pdf", "txt", …; static; "unknown" before detection */
    GBytes *data;       /* the exact bytes reviewed; owned; released after the stages unless redaction needs it */
    gsize size;
    char sha256[65];
    int pages;          /* 0 when not paged */
    GPtrArray *parts;   /* PPPart*, owned */
    GPtrArray *findings;/* PPFinding*, owned */
    GError *error;      /* set when the document could not be read (PP_ERROR, document-level code) */
    PPDisclosure disclosure;
    char *marking;      /* the marking text as found; nullable */
    char *reason;       /* stated ground for withholding; nullable */
    PPVerdict verdict;
    GPtrArray *notes;   /* char*: limits applied and other remarks for the report */
    double seconds;     /* time spent on the document */
    char *redacted_path;/* where the masked copy was written; nullable */
    char *redact_error; /* why no good masked copy could be made; nullable */
    struct PPLines *lines; /* doclines.h: built once by the first stage that needs it (disclosure and
                              secrets share it), freed when the stages are done; nullable */
} PPDoc;

PPDoc *pp_doc_new(const char *path, const char *fs_path);
void pp_doc_free(PPDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPDoc, pp_doc_free)

/* Append a part; returns it (borrowed; the doc owns it). */
PPPart *pp_doc_add_part(PPDoc *doc, PPPartKind kind, int page, const char *origin);
/* Append a finding; the doc takes ownership of f. */
void pp_doc_add_finding(PPDoc *doc, PPFinding *f);
/* 1-based line number of a byte offset in a part's text. */
int pp_part_line_at(const PPPart *p, gsize offset);
/* Drop parts with no non-space text. */
void pp_doc_prune_empty_parts(PPDoc *doc);

PPFinding *pp_finding_new(const char *rule, PPCategory cat, const char *type, PPSeverity sev);
/* Fill location fields from part index and byte range. */
void pp_finding_locate(PPFinding *f, const PPDoc *doc, int part_index, gsize start, gsize end);
void pp_finding_free(PPFinding *f);

/* Add a note (printf format) shown in reports. */
void pp_doc_note(PPDoc *doc, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* ---- limits: every reader enforces them while reading ---- */
typedef struct {
    gsize max_file_bytes;      /* input file size */
    guint max_zip_entries;     /* entries in a package */
    gsize max_part_bytes;      /* uncompressed bytes of one package entry, counted while inflating */
    gsize max_total_bytes;     /* uncompressed bytes of all entries read */
    guint max_ratio;           /* uncompressed / compressed for one entry */
    int max_pages;             /* PDF pages */
    gsize max_text_bytes;      /* extracted text of a document */
} PPLimits;

extern const PPLimits pp_default_limits;

/* ---- options shared by the run ---- */
typedef struct PPRules PPRules; /* rules.h */

typedef struct {
    const PPLimits *limits;
    const PPRules *rules;   /* shared read-only */
    gboolean reveal;
    const char *redact_dir; /* nullable */
} PPRunOptions;

#endif
