/* Page layout of PDF text: from positioned characters to the part text conventions of prepub.h.
 *
 * The PDF reader hands every character of a page with its box; pp_pdf_layout groups them into lines
 * by their vertical position, orders each line by x, puts spaces where the gaps are, and rebuilds
 * tables: a run of lines whose characters fall into consistent columns becomes one line per table
 * row, cells separated by '\t', every cell's wrapped fragments joined top to bottom. Kept free of
 * poppler so it can be tested on synthetic pages, and shared with the OFD reader (ofd_page.c makes
 * PPChar from TextCode positions). Files: pdf_layout.c (lines, tables, turned pages),
 * pdf_rows.c (rows broken by a page break), pdf_gbk.c (GBK drawn through a single-byte font).
 */
#ifndef PP_PDF_LAYOUT_H
#define PP_PDF_LAYOUT_H

#include "prepub.h"

typedef struct {
    gunichar c;
    float x1, y1, x2, y2; /* page points, origin top-left */
    guint32 seq;          /* content order; set by pp_pdf_layout, breaks ties (ligatures share a box) */
    gboolean space_before; /* set by pp_pdf_layout: the source put a word space before it */
} PPChar;

#define PP_PDF_MAX_COLS 64

/* Table rows at the edges of a page, so a row broken over a page break can be joined again. */
typedef struct {
    guint first_ncols;        /* > 0: the text's first line is a table row... */
    gboolean first_continued; /* ...with an empty first column (else it may be a repeated header) */
    float first_x1[PP_PDF_MAX_COLS], first_x2[PP_PDF_MAX_COLS]; /* x extent of its columns' text */
    guint last_ncols;         /* > 0: the text's last line is a table row */
    float last_cuts[PP_PDF_MAX_COLS];                          /* that table's column boundaries */
    gsize head_start, head_end; /* that table's first row (header) in the text; empty if none */
} PPPdfEdges;

/* Append the page's text to text and one PPGlyph per emitted character to glyphs (offsets relative
 * to the start of text, ascending). Separators the layout inserts (' ', '\t', '\n') have no glyph.
 * chars is reordered in place. */
void pp_pdf_layout(PPChar *chars, guint n, GString *text, GArray *glyphs, PPPdfEdges *edges);

/* When prev (a page's text) ends with a row of the same table that next (the following page, 1-based
 * next_page) starts with as a continuation — right away or after the repeated header row — move the
 * continuation cell by cell onto the end of prev's last line; the moved glyphs get page = next_page,
 * next's edges are updated. Returns TRUE if joined. */
gboolean pp_pdf_join_rows(GString *prev, GArray *prev_glyphs, const PPPdfEdges *pe, GString *next,
                          GArray *next_glyphs, PPPdfEdges *ne, int next_page);

/* Undo GBK text drawn through a single-byte (WinAnsi/Latin-1) font: when most characters of the page
 * are Latin-1 high characters that pair up into valid GBK codes, replace each pair by its CJK
 * character with the union of both boxes. chars must be in content order. Returns the new count. */
guint pp_pdf_fix_gbk_mojibake(PPChar *chars, guint n);

/* Is most of the text private-use or replacement characters (fonts without a usable ToUnicode map,
 * common in Chinese PDFs with subset fonts): the extracted text says nothing about the page. */
gboolean pp_pdf_text_is_garbled(const PPChar *chars, guint n);

/* Shared by the layout files: the column of x given ncols-1 ascending cuts. */
static inline guint pp_pdf_col_of(float x, const float *cuts, guint ncols)
{
    guint c = 0;
    while (c + 1 < ncols && x > cuts[c])
        c++;
    return c;
}

/* Wrapped fragments of a cell join without a separator, except between two Latin words. */
static inline gboolean pp_pdf_join_needs_space(gunichar a, gunichar b)
{
    return a < 0x80 && b < 0x80 && g_ascii_isalpha((gchar)a) && g_ascii_isalpha((gchar)b);
}

#endif
