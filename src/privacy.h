/* Internals of the privacy stage, shared by stage_privacy.c (identifiers matched by pattern) and
 * privacy_people.c (names and home addresses found by evidence). Not a public interface.
 *
 * All matching runs on a scratch copy of each part's text in which full-width ASCII forms
 * (０-９, Ａ-Ｚ, ａ-ｚ, ：，（）－…) and the ideographic space are folded to ASCII; `map` takes a scratch
 * offset back to the original text, so findings carry offsets into the ORIGINAL part text.
 */
#ifndef PP_PRIVACY_H
#define PP_PRIVACY_H

#include "stage.h"

typedef enum { DOC_PLAIN = 0, DOC_LIST = 1, DOC_REPLY = 2, DOC_PENALTY = 4 } DocKind;

typedef struct {
    gsize s, e;             /* scratch range */
    PPFinding *f;           /* owned until handed to the doc */
} PVFound;

typedef struct {
    const PPPart *part;
    int part_index;
    const char *orig;       /* part text (borrowed) */
    gsize orig_len;
    char *s;                /* scratch: folded text (== orig when nothing to fold) */
    gsize len;
    guint32 *map;           /* scratch offset -> original offset, len + 1 entries; NULL: identity */
    GArray *line_start;     /* gsize: scratch offset of each line */
    GArray *table_head;     /* gint: per line, index of its table block's header line; -1 outside
                             * tables; the header row's own entry is -1 too; PV_HEAD_INHERITED:
                             * the header row is `inherited` */
    guint8 *claimed;        /* bitmap over scratch bytes already reported or excluded */
    GArray *found;          /* PVFound: findings of this part, not yet handed to the doc */
    gsize max_found_len;
    const char *inherited;  /* header row carried over from the previous page (borrowed), or NULL */
    DocKind kind;
    int max_digit_run;      /* longest run of digits (separators allowed) — the numeric prefilter */
} PVText;

#define PV_HEAD_INHERITED (-2)

/* scratch text (privacy_text.c) */
/* Build the scratch text of part idx; inherited: a header row carried from the previous page. */
void pv_text_init(PVText *t, const PPDoc *doc, int idx, DocKind kind, const char *inherited);
void pv_text_clear(PVText *t);
/* Scratch offset of the end of a line (its '\n' or the end of the text). */
gsize pv_line_end(const PVText *t, guint line);
/* Mark [s, e) as reported or excluded. */
void pv_claim(PVText *t, gsize s, gsize e);

/* helpers (privacy_text.c) */
/* The header row of the table holding `line`, or NULL. */
const char *pv_header_row(const PVText *t, guint line, gsize *n);
gsize pv_orig(const PVText *t, gsize off);
guint pv_line_of(const PVText *t, gsize off);
/* The header cell above the table cell holding `off`, or NULL (*n = 0). Points into t->s. */
const char *pv_column_header(const PVText *t, gsize off, gsize *n);
/* Does the line holding `off` belong to a table whose header row has a cell containing any of terms? */
gboolean pv_table_has_column(const PVText *t, gsize off, char **terms);
gboolean pv_is_claimed(const PVText *t, gsize s, gsize e);
/* Any of the words occurs within `chars` characters before `off`, on the same line. */
gboolean pv_words_before(const PVText *t, gsize off, int chars, char **words);
/* Any of the words within `chars` characters after `off`, on the same line. */
gboolean pv_words_after(const PVText *t, gsize off, int chars, char **words);
gboolean pv_contains_any(const char *s, gsize n, char **words);
/* A header cell (or row) holds one of the terms, spaces ignored. */
gboolean pv_header_has(const char *h, gsize n, char **terms);
/* present[i] = 0 where words[i] is certainly not in the scratch text (one pass for all of them,
 * keywords.c), 1 where it may be: lets the cue loops skip their memmem pass over a large part for
 * every cue that is absent. Small texts are not scanned (all 1). present holds n bytes. */
void pv_words_present(const PVText *t, const char *const *words, gsize n, guint8 *present);
/* memmem for a NUL-terminated needle; NULL if absent. */
const char *pv_find(const char *hay, gsize n, const char *needle);
/* Report a finding for the scratch range [s, e): raw text from the original, masked by the rule's
 * style, claimed so that nothing else reports it again. */
void pv_report(PVText *t, const PPRule *r, gsize s, gsize e, const char *mask_input, PPSeverity sev);

/* detectors (privacy_people.c) */
void pv_detect_names(PVText *t, const PPRule *r);
void pv_detect_addresses(PVText *t, const PPRule *r);
gboolean pv_address_plausible(const char *s, gsize n);

#endif
