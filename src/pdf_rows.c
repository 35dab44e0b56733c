/* PDF tables broken by a page break (see pp_pdf_join_rows in pdf_layout.h).
 *
 * Pages are laid out independently (in parallel); afterwards, in page order, a page whose text ends
 * with a table row and a next page whose text starts with the rest of that row (in the same columns,
 * right away or after the repeated header row) are stitched: the rest moves cell by cell onto the
 * row, its glyphs keep their own page number, and the next page's text and glyph offsets shift.
 */
#include "pdf_layout.h"

#include <string.h>

/* Cells of the line [s, e) of t: start and end offsets; 0 when more than max. */
static guint split_cells(const char *t, gsize s, gsize e, gsize *cs, gsize *ce, guint max)
{
    guint n = 0;
    cs[0] = s;
    for (gsize i = s; i < e; i++)
        if (t[i] == '\t') {
            ce[n++] = i;
            if (n >= max)
                return 0;
            cs[n] = i + 1;
        }
    ce[n] = e;
    return n + 1;
}

gboolean pp_pdf_join_rows(GString *prev, GArray *prev_glyphs, const PPPdfEdges *pe, GString *next,
                          GArray *next_glyphs, PPPdfEdges *ne, int next_page)
{
    guint np = pe->last_ncols, nn = ne->first_ncols;
    gboolean header = !ne->first_continued; /* next starts with the header row repeated */
    if (!np || !nn || prev->len < 2 || prev->str[prev->len - 1] != '\n' ||
        (header && (nn != np || pe->head_end <= pe->head_start)))
        return FALSE;
    /* every column of the continuation must sit inside one column of the row it continues, in order;
     * content in the first column would start a new row */
    guint map[PP_PDF_MAX_COLS];
    guint lastp = header ? 0 : 1;
    const float tol = 3.0f;
    for (guint c = 0; c < nn; c++) {
        if (ne->first_x1[c] > ne->first_x2[c]) {
            map[c] = G_MAXUINT; /* empty */
            continue;
        }
        guint p = pp_pdf_col_of(ne->first_x1[c] + tol, pe->last_cuts, np);
        float lo = p > 0 ? pe->last_cuts[p - 1] : -G_MAXFLOAT, hi = p + 1 < np ? pe->last_cuts[p] : G_MAXFLOAT;
        if (p < lastp || ne->first_x1[c] < lo - tol || ne->first_x2[c] > hi + tol || (header && p != c))
            return FALSE;
        map[c] = lastp = p;
    }
    gsize pend = prev->len - 1, pstart = pend;
    while (pstart > 0 && prev->str[pstart - 1] != '\n')
        pstart--;
    gsize nend = 0;
    while (nend < next->len && next->str[nend] != '\n')
        nend++;
    gsize pcs[PP_PDF_MAX_COLS], pce[PP_PDF_MAX_COLS], ncs[PP_PDF_MAX_COLS], nce[PP_PDF_MAX_COLS], hcs[PP_PDF_MAX_COLS], hce[PP_PDF_MAX_COLS];
    if (nend == next->len || split_cells(prev->str, pstart, pend, pcs, pce, PP_PDF_MAX_COLS) != np ||
        split_cells(next->str, 0, nend, ncs, nce, PP_PDF_MAX_COLS) != nn)
        return FALSE;
    /* mv[c]: where the moving part of next's cell c begins (after a repeated header's text) */
    gsize mv[PP_PDF_MAX_COLS];
    gboolean any = FALSE;
    if (header && split_cells(prev->str, pe->head_start, pe->head_end, hcs, hce, PP_PDF_MAX_COLS) != np)
        return FALSE;
    for (guint c = 0; c < nn; c++) {
        mv[c] = ncs[c];
        if (header) {
            gsize hl = hce[c] - hcs[c];
            if (nce[c] - ncs[c] < hl || memcmp(next->str + ncs[c], prev->str + hcs[c], hl) != 0)
                return FALSE;
            mv[c] += hl;
            if (mv[c] < nce[c] && next->str[mv[c]] == ' ')
                mv[c]++;
            if (c == 0 && mv[c] < nce[c])
                return FALSE; /* new first-column content: a new row */
        }
        any |= mv[c] < nce[c];
    }
    if (!any)
        return FALSE;

    const PPGlyph *pg = (const PPGlyph *)prev_glyphs->data, *ng = (const PPGlyph *)next_glyphs->data;
    guint pkeep = prev_glyphs->len;
    while (pkeep > 0 && pg[pkeep - 1].offset >= pstart)
        pkeep--;
    guint pi = pkeep;
    GString *line = g_string_new(NULL);
    GArray *lg = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    for (guint p = 0; p < np; p++) {
        if (p > 0)
            g_string_append_c(line, '\t');
        gsize base = pstart + line->len;
        g_string_append_len(line, prev->str + pcs[p], (gssize)(pce[p] - pcs[p]));
        for (; pi < prev_glyphs->len && pg[pi].offset < pce[p]; pi++) {
            PPGlyph g = pg[pi];
            g.offset = (guint32)(base + (g.offset - pcs[p]));
            g_array_append_val(lg, g);
        }
        for (guint c = 0; c < nn; c++) {
            if (map[c] != p || nce[c] == mv[c])
                continue;
            if (line->len > 0 && line->str[line->len - 1] != '\t' &&
                pp_pdf_join_needs_space(g_utf8_get_char(g_utf8_prev_char(line->str + line->len)),
                                 g_utf8_get_char(next->str + mv[c])))
                g_string_append_c(line, ' ');
            base = pstart + line->len;
            g_string_append_len(line, next->str + mv[c], (gssize)(nce[c] - mv[c]));
            for (guint k = 0; k < next_glyphs->len && ng[k].offset < nce[c]; k++) {
                if (ng[k].offset < mv[c])
                    continue;
                PPGlyph g = ng[k];
                g.offset = (guint32)(base + (g.offset - mv[c]));
                g.page = next_page;
                g_array_append_val(lg, g);
            }
        }
    }
    g_string_truncate(prev, pstart);
    g_string_append_len(prev, line->str, (gssize)line->len);
    g_string_append_c(prev, '\n');
    g_array_set_size(prev_glyphs, pkeep);
    g_array_append_vals(prev_glyphs, lg->data, lg->len);
    g_array_unref(lg);

    /* next's first line keeps the repeated header's text, or goes */
    g_string_truncate(line, 0);
    GArray *keep = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
    guint k = 0;
    for (guint c = 0; c < nn && header; c++) {
        if (c > 0)
            g_string_append_c(line, '\t');
        gsize base = line->len, hl = hce[c] - hcs[c];
        g_string_append_len(line, next->str + ncs[c], (gssize)hl);
        for (; k < next_glyphs->len && ng[k].offset < nce[c]; k++)
            if (ng[k].offset >= ncs[c] && ng[k].offset < ncs[c] + hl) {
                PPGlyph g = ng[k];
                g.offset = (guint32)(base + (g.offset - ncs[c]));
                g_array_append_val(keep, g);
            }
    }
    if (header)
        g_string_append_c(line, '\n');
    while (k < next_glyphs->len && ng[k].offset < nend)
        k++;
    gsize old_len = nend + 1;
    gssize delta = (gssize)line->len - (gssize)old_len;
    for (; k < next_glyphs->len; k++) {
        PPGlyph g = ng[k];
        g.offset = (guint32)((gssize)g.offset + delta);
        g_array_append_val(keep, g);
    }
    g_string_erase(next, 0, (gssize)old_len);
    g_string_prepend_len(next, line->str, (gssize)line->len);
    g_array_set_size(next_glyphs, 0);
    g_array_append_vals(next_glyphs, keep->data, keep->len);
    g_array_unref(keep);
    g_string_free(line, TRUE);

    /* next's own last table keeps pointing at its header */
    if (ne->head_end > ne->head_start) {
        if (ne->head_start == 0 && header)
            ne->head_end = nend + delta;
        else if (ne->head_start >= old_len)
            ne->head_start += delta, ne->head_end += delta;
        else
            ne->head_end = ne->head_start; /* the header was the line that moved: none left */
    }
    return TRUE;
}
