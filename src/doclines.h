/* A document seen as lines, the way a reviewer reads the printed page.
 *
 * Markings (公开属性, 密级, 内部资料…) are decided by form and position, not by words alone: a
 * marking stands on its own line (or table cell) at the top of the first page, in a header or
 * footer, or as a 附注 after the 成文日期 / in the 版记. This module gives the disclosure and secrets
 * stages those lines, "squeezed" (no spaces, no markdown emphasis; '\t' kept between table cells)
 * with a map back to the part text, and knows where the top, the 成文日期 and the 版记 are.
 */
#ifndef PP_DOCLINES_H
#define PP_DOCLINES_H

#include "rules.h"

typedef struct {
    int part_index;
    PPPartKind kind;
    int page;
    char *sq;          /* squeezed text, NUL-terminated; owned */
    gsize sq_len;
    gsize start;       /* byte offset of the line in the part text */
    guint32 *map;      /* map[i]: offset of sq[i] from start; map[sq_len]: end of line */
    int body_index;    /* index among the non-empty body lines of the document; -1 elsewhere */
} PPLine;

typedef struct PPLines {
    GPtrArray *lines;  /* PPLine*, in part order; only parts a reader sees (body, header, footer,
                          footnote, textbox); empty lines are left out */
    int n_body;
    int last_date;     /* body_index of the last 成文日期-like line, -1 if none */
    GArray *cc;        /* int body_index of 版记 lines (抄送/印发…) */
    GArray *dates;     /* int body_index of date lines */
    GPtrArray *blocks; /* the kept lines and their text are carved from these (doclines.c) */
    char *cur;         /* free room in the last block */
    gsize left;
} PPLines;

PPLines *pp_lines_new(const PPDoc *doc);
void pp_lines_free(PPLines *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPLines, pp_lines_free)
/* The document's lines, built on first use and kept in doc->lines until pp_stages_run frees them:
 * the line model runs over every byte, so the stages share one. */
const PPLines *pp_doc_lines(PPDoc *doc);

/* Where a line stands. */
gboolean pp_line_is_top(const PPLines *l, const PPLine *ln, int max_lines); /* first lines of page 1, header, textbox */
gboolean pp_line_is_tail(const PPLines *l, const PPLine *ln);               /* after the 成文日期, near the 版记 */
gboolean pp_line_in_scope(const PPLines *l, const PPLine *ln, const char *scope, int max_lines);

/* Lines whose every cell is longer than this (bytes, squeezed) are running text: counted for
 * positions, but not kept, so a long document costs little memory. Markings are short. */
#define PP_LINE_MAX_CELL 300

/* Byte offset in the part text of squeezed offset i. */
static inline gsize pp_line_offset(const PPLine *ln, gsize i) { return ln->start + ln->map[i]; }

/* End of the table cell that starts at sq offset s. */
gsize pp_line_cell_end(const PPLine *ln, gsize s);

/* Anchored match of a rule's pattern at sq offset s, the subject ending at `end`.
 * whole: the match must end at `end`. Returns the match end or -1. */
gssize pp_line_match(const PPRule *r, const PPLine *ln, gsize s, gsize end, gboolean whole,
                     pcre2_match_data *md);

/* The squeezed text between two offsets; newly allocated. */
char *pp_line_text(const PPLine *ln, gsize s, gsize e);

/* Is the scope name one pp_line_in_scope knows? */
gboolean pp_scope_valid(const char *scope);

#endif
