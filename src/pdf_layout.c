/* Page layout of PDF text (see pdf_layout.h).
 *
 * Lines: characters sorted by vertical centre, a character joins the current line when its centre
 * is within half a glyph height of the line's and it covers no glyph already on it. Within a line,
 * x order; gaps wider than a fraction of the glyph height become one space (CJK runs need a wider
 * gap: justified Chinese is letter-spaced).
 *
 * Text in two columns: a clear vertical gutter with filled lines on both sides; each side is laid
 * out on its own (tables inside a column included).
 *
 * Tables: a line that splits at wide gaps into >= 3 segments seeds a region; neighbouring lines join
 * while they are close and narrow, or keep to the seed's (or a body row's) columns. The column
 * boundaries are the x positions no character of the multi-segment lines covers (whitespace rivers;
 * narrow ones only where rows run up to them). Cells that touch leave no rivers: then the header
 * row's titles and the character boundaries shared by all rows place them. Rows start where the
 * first column gets new content while most columns have content too (a 序号 and the first line of
 * every cell); every cell's fragments are then joined top to bottom without separators, so a number
 * wrapped inside a narrow cell comes out whole.
 */
#include "pdf_layout.h"

#include <math.h>
#include <string.h>

#define LINE_JOIN 0.5f      /* centre distance, in glyph heights, to share a line */
#define SEG_GAP 0.4f        /* gap in em that splits a line into segments (table cells) */
#define SPACE_GAP 0.1f      /* gap in em that is a word space between non-CJK characters */
#define SPACE_GAP_CJK 0.5f  /* same between two CJK characters */
#define COL_GAP 0.3f        /* uncovered x width in em that separates two columns */
#define COL_GAP_TIGHT 0.15f /* same where most lines run up to it on both sides (cells that nearly touch) */
#define ROW_VGAP 1.6f       /* vertical gap in em beyond which a line no longer belongs to a table */
#define ROW_VGAP_ALIGNED 3.0f /* same for a line whose cells start where the table's do */
#define MAX_COLS PP_PDF_MAX_COLS
#define CUT_TOL 0.3f        /* points two touching glyph boxes may overlap at a cell border */
#define GUTTER_MIN 1.0f     /* em of clear space between two columns of running text */
#define GUTTER_VGAP 3.0f    /* vertical gap in em that ends a two-column run */
#define GUTTER_LINES 4      /* lines with text on both sides of the gutter to call it one */
#define COLUMN_MIN 8.0f     /* em: narrower text beside a gap is a table cell, not a column */
#define OVERLAP_SCAN 400    /* characters of a line checked for a glyph covering another */

typedef struct {
    guint first, n;        /* chars[first .. first+n), x order */
    float y1, y2, em, x1, x2;
    guint nseg;
} Line;

static float ch_h(const PPChar *c)
{
    float h = c->y2 - c->y1;
    return h > 0.5f ? h : 0.5f;
}

static int cmp_yc(const void *a, const void *b)
{
    const PPChar *p = a, *q = b;
    float d = (p->y1 + p->y2) - (q->y1 + q->y2);
    if (d != 0)
        return d < 0 ? -1 : 1;
    if (p->x1 != q->x1)
        return p->x1 < q->x1 ? -1 : 1;
    return (p->seq > q->seq) - (p->seq < q->seq);
}

static int cmp_x(const void *a, const void *b)
{
    const PPChar *p = a, *q = b;
    if (p->x1 != q->x1)
        return p->x1 < q->x1 ? -1 : 1;
    return (p->seq > q->seq) - (p->seq < q->seq);
}

static gboolean is_cjk(gunichar c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

static gboolean is_space_char(gunichar c)
{
    return c == 0 || c == 0xFEFF || c == 0xAD || g_unichar_isspace(c) || g_unichar_iscntrl(c) || c == 0x3000;
}

/* Gap between two neighbours on a line that deserves a space. */
static gboolean wants_space(const PPChar *a, const PPChar *b, float em)
{
    float gap = b->x1 - a->x2;
    /* poppler's word breaks hold where the text runs on in content order */
    if (b->seq == a->seq + 1 && b->space_before && gap > 0.05f * em)
        return TRUE;
    float lim = (is_cjk(a->c) && is_cjk(b->c)) ? SPACE_GAP_CJK : SPACE_GAP;
    return gap > lim * em;
}

/* Drop whitespace (the layout makes its own). Overdrawn text (fake bold) poppler already merges. */
static guint compact(PPChar *ch, guint n)
{
    guint w = 0;
    gboolean space = FALSE;
    for (guint i = 0; i < n; i++) {
        if (is_space_char(ch[i].c)) {
            space |= ch[i].c == ' ' || ch[i].c == 0x3000 || ch[i].c == 0xA0;
            continue;
        }
        if (!isfinite(ch[i].x1) || !isfinite(ch[i].y1) || !isfinite(ch[i].x2) || !isfinite(ch[i].y2))
            continue;
        ch[w] = ch[i];
        ch[w].seq = w;
        ch[w].space_before = space;
        space = FALSE;
        w++;
    }
    return w;
}

/* Does ch[j] cover in x a character already on the line ch[i..j)? Two glyphs of one line never sit
 * on top of each other, but the lines of a table row do come closer than half a glyph height: a
 * vertically centred cell's single line lies between the two lines of a wrapped neighbour, and the
 * three would merge into one. Ligature pieces share one box and marks sit on their base: not a
 * second line; nor is punctuation, whose box may be wider than the advance a typesetter squeezes it
 * to (“”。 in a row). Long lines are not checked (the scan is quadratic). */
static gboolean overlaps_line(const PPChar *ch, guint i, guint j)
{
    const PPChar *c = &ch[j];
    float w = c->x2 - c->x1;
    if (j - i > OVERLAP_SCAN || w <= 0 || g_unichar_ismark(c->c) || g_unichar_ispunct(c->c))
        return FALSE;
    for (guint k = i; k < j; k++) {
        const PPChar *d = &ch[k];
        float ov = MIN(c->x2, d->x2) - MAX(c->x1, d->x1);
        if (ov > 0.7f * MIN(w, d->x2 - d->x1) && (d->x1 != c->x1 || d->x2 != c->x2) && !g_unichar_ispunct(d->c))
            return TRUE;
    }
    return FALSE;
}

static GArray *build_lines(PPChar *ch, guint n)
{
    GArray *lines = g_array_new(FALSE, TRUE, sizeof(Line));
    qsort(ch, n, sizeof *ch, cmp_yc);
    guint i = 0;
    while (i < n) {
        float yc = (ch[i].y1 + ch[i].y2) / 2, h = ch_h(&ch[i]);
        guint j = i + 1;
        while (j < n) {
            float cyc = (ch[j].y1 + ch[j].y2) / 2, chh = ch_h(&ch[j]);
            if (fabsf(cyc - yc) > LINE_JOIN * MIN(h, chh) || overlaps_line(ch, i, j))
                break;
            /* running means keep a long line from drifting */
            yc += (cyc - yc) / (float)(j - i + 1);
            h += (chh - h) / (float)(j - i + 1);
            j++;
        }
        qsort(ch + i, j - i, sizeof *ch, cmp_x);
        guint w = j;
        Line L = {.first = i, .n = w - i};
        float sy1 = 0, sy2 = 0;
        for (guint k = i; k < w; k++)
            sy1 += ch[k].y1, sy2 += ch[k].y2;
        L.y1 = sy1 / (float)L.n, L.y2 = sy2 / (float)L.n;
        L.em = MAX(L.y2 - L.y1, 1.0f);
        L.x1 = ch[i].x1, L.x2 = ch[i].x2;
        L.nseg = 1;
        for (guint k = i + 1; k < w; k++) {
            if (ch[k].x1 - ch[k - 1].x2 > SEG_GAP * L.em)
                L.nseg++;
            L.x2 = MAX(L.x2, ch[k].x2);
        }
        g_array_append_val(lines, L);
        i = j;
    }
    return lines;
}

static void emit_char(const PPChar *c, GString *text, GArray *glyphs)
{
    PPGlyph g = {.offset = (guint32)text->len, .x1 = c->x1, .y1 = c->y1, .x2 = c->x2, .y2 = c->y2};
    g_array_append_val(glyphs, g);
    g_string_append_unichar(text, c->c);
}

/* Characters in x order with spaces at the gaps. */
static void emit_run(const PPChar *ch, const guint *idx, guint n, float em, GString *text, GArray *glyphs)
{
    for (guint k = 0; k < n; k++) {
        if (k > 0 && wants_space(&ch[idx[k - 1]], &ch[idx[k]], em))
            g_string_append_c(text, ' ');
        emit_char(&ch[idx[k]], text, glyphs);
    }
}

static void emit_line(const PPChar *ch, const Line *L, GString *text, GArray *glyphs)
{
    for (guint k = 0; k < L->n; k++) {
        const PPChar *c = &ch[L->first + k];
        if (k > 0 && wants_space(c - 1, c, L->em))
            g_string_append_c(text, ' ');
        emit_char(c, text, glyphs);
    }
    g_string_append_c(text, '\n');
}

static float vgap(const Line *a, const Line *b) { return b->y1 - a->y2; }

/* ---- tables ---- */

typedef struct {
    float x1, x2;
} Span;

static int cmp_span(const void *a, const void *b)
{
    const Span *p = a, *q = b;
    return (p->x1 > q->x1) - (p->x1 < q->x1);
}

/* Column boundaries (ncols-1 cut positions) from the uncovered x ranges of the multi-segment lines
 * in [a, b). Returns ncols. */
/* Is the narrow uncovered band [r1, r2] a border between cells that nearly touch (1px padding):
 * most lines run right up to it from both sides, rather than stopping short of it by chance? */
static gboolean tight_river(const PPChar *ch, const Line *lines, guint a, guint b, guint minseg, float r1, float r2,
                            float em)
{
    guint n = 0, tight = 0;
    for (guint l = a; l < b; l++) {
        if (lines[l].nseg < minseg) { /* and no other line of the region runs across it */
            for (guint k = 0; k < lines[l].n; k++)
                if (ch[lines[l].first + k].x1 < r1 && ch[lines[l].first + k].x2 > r2)
                    return FALSE;
            continue;
        }
        gboolean left = FALSE, right = FALSE;
        for (guint k = 0; k < lines[l].n; k++) {
            const PPChar *c = &ch[lines[l].first + k];
            left |= c->x2 <= r1 + 0.01f && c->x2 > r1 - COL_GAP * em;
            right |= c->x1 >= r2 - 0.01f && c->x1 < r2 + COL_GAP * em;
        }
        n++;
        tight += left && right;
    }
    return tight >= 2 && tight * 4 >= n * 3;
}

static guint find_columns_of(const PPChar *ch, const Line *lines, guint a, guint b, float *cuts, guint minseg)
{
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(Span));
    float em = 0;
    guint nem = 0;
    for (guint l = a; l < b; l++) {
        if (lines[l].nseg < minseg)
            continue;
        em += lines[l].em, nem++;
        for (guint k = 0; k < lines[l].n; k++) {
            Span s = {ch[lines[l].first + k].x1, ch[lines[l].first + k].x2};
            g_array_append_val(spans, s);
        }
    }
    guint ncols = 0;
    if (spans->len) {
        em /= (float)nem;
        g_array_sort(spans, cmp_span);
        Span *s = (Span *)spans->data;
        float reach = s[0].x2;
        ncols = 1;
        for (guint i = 1; i < spans->len && ncols < MAX_COLS; i++) {
            float gap = s[i].x1 - reach;
            if (gap > COL_GAP * em ||
                (gap > COL_GAP_TIGHT * em && tight_river(ch, lines, a, b, minseg, reach, s[i].x1, em)))
                cuts[ncols++ - 1] = (reach + s[i].x1) / 2;
            reach = MAX(reach, s[i].x2);
        }
    }
    g_array_unref(spans);
    return ncols;
}


static guint find_columns(const PPChar *ch, const Line *lines, guint a, guint b, float *cuts)
{
    return find_columns_of(ch, lines, a, b, cuts, 2);
}

/* Does every character of line L keep to one column per segment (no segment straddles a cut)? */
static gboolean line_fits(const PPChar *ch, const Line *L, const float *cuts, guint ncols)
{
    for (guint k = 1; k < L->n; k++) {
        const PPChar *p = &ch[L->first + k - 1], *q = p + 1;
        if (q->x1 - p->x2 > SEG_GAP * L->em)
            continue;
        if (pp_pdf_col_of((p->x1 + p->x2) / 2, cuts, ncols) != pp_pdf_col_of((q->x1 + q->x2) / 2, cuts, ncols))
            return FALSE;
    }
    return TRUE;
}


/* Is the first-column text of L a short number (a 序号: "12", "3.", "四、", "（五）")? */
static gboolean first_col_is_number(const PPChar *ch, const Line *L, const float *cuts, guint ncols)
{
    static const char zh_digits[] = "一二三四五六七八九十百";
    guint digits = 0, other = 0;
    for (guint k = 0; k < L->n; k++) {
        const PPChar *c = &ch[L->first + k];
        if (pp_pdf_col_of((c->x1 + c->x2) / 2, cuts, ncols) != 0)
            continue;
        if ((c->c < 0x80 && g_ascii_isdigit((gchar)c->c)) || (c->c >= 0x80 && g_utf8_strchr(zh_digits, -1, c->c)))
            digits++;
        else if (!g_utf8_strchr(".()、（）", -1, c->c))
            other++;
    }
    return digits > 0 && digits <= 4 && other == 0;
}

/* Returns TRUE when the first row has no first-column content (a row continued from the page before). */
static gboolean emit_table(const PPChar *ch, const Line *lines, guint a, guint b, const float *cuts, guint ncols,
                           gboolean single, GString *text, GArray *glyphs, guint *row0_lines)
{
    guint nl = b - a;
    /* cell content of line l in column c: mask per line */
    guint8 *has = g_new0(guint8, (gsize)nl * ncols);
    float colmax[MAX_COLS];
    for (guint c = 0; c < ncols; c++)
        colmax[c] = -G_MAXFLOAT;
    for (guint l = 0; l < nl; l++) {
        const Line *L = &lines[a + l];
        for (guint k = 0; k < L->n; k++) {
            const PPChar *c = &ch[L->first + k];
            guint col = pp_pdf_col_of((c->x1 + c->x2) / 2, cuts, ncols);
            has[l * ncols + col] = 1;
            colmax[col] = MAX(colmax[col], c->x2);
        }
    }
    /* row starts: the first column gets new content — a number (序号), or text while most columns
     * have content too, about as many as on the row's first line (a wrapped first-column cell goes
     * on where only the other wrapped cells go on) */
    guint *start = g_new0(guint, nl + 1);
    guint nrows = 0;
    start[nrows++] = 0;
    guint row_filled = 0;
    for (guint l = 0; l < nl; l++)
        if (l == 0 || !single) {
            guint filled = 0;
            for (guint c = 0; c < ncols; c++)
                filled += has[l * ncols + c];
            if (l == 0) {
                row_filled = filled;
                continue;
            }
            if (!has[l * ncols])
                continue;
            gboolean number = first_col_is_number(ch, &lines[a + l], cuts, ncols);
            gboolean row = !has[(l - 1) * ncols] ? filled * 2 >= row_filled
                                                  : filled * 10 >= ncols * 6 && filled * 4 >= row_filled * 3;
            if (number || row) {
                start[nrows++] = l;
                row_filled = filled;
            }
        }
    /* vertically centred cells put content above the row's first-column line: the row border is then
     * the widest vertical gap since the previous anchor, if clearly wider than the one just above */
    guint *anchor = g_memdup2(start, sizeof(guint) * nrows);
    for (guint r = 1; r < nrows; r++) {
        guint s = anchor[r], best = s;
        float bestgap = vgap(&lines[a + s - 1], &lines[a + s]);
        float margin = 0.25f * lines[a + s].em;
        for (guint l = anchor[r - 1] + 1; l < s; l++) {
            float g = vgap(&lines[a + l - 1], &lines[a + l]);
            if (g > bestgap + margin)
                bestgap = g, best = l;
        }
        start[r] = best;
    }
    g_free(anchor);
    start[nrows] = nl;

    guint *idx = g_new(guint, 256);
    gsize idx_cap = 256;
    for (guint r = 0; r < nrows; r++) {
        for (guint c = 0; c < ncols; c++) {
            if (c > 0)
                g_string_append_c(text, '\t');
            gunichar last = 0;
            float last_x2 = 0;
            for (guint l = start[r]; l < start[r + 1]; l++) {
                const Line *L = &lines[a + l];
                guint n = 0;
                for (guint k = 0; k < L->n; k++) {
                    const PPChar *p = &ch[L->first + k];
                    if (pp_pdf_col_of((p->x1 + p->x2) / 2, cuts, ncols) != c)
                        continue;
                    if (n == idx_cap)
                        idx = g_renew(guint, idx, idx_cap *= 2);
                    idx[n++] = L->first + k;
                }
                if (!n)
                    continue;
                /* a number wraps only when its line is full of it: digits that end short of the
                 * cell's right edge, or a short number, and digits on the next line are two values
                 * (columns the layout could not tell apart) */
                gunichar first = ch[idx[0]].c;
                guint run = 0; /* digits (ASCII or full-width) just written, up to 3 */
                for (const char *q = text->str + text->len; run < 3;) {
                    q = g_utf8_find_prev_char(text->str, q);
                    if (!q || !g_unichar_isdigit(g_utf8_get_char(q)))
                        break;
                    run++;
                }
                if (last && (pp_pdf_join_needs_space(last, first) ||
                             (g_unichar_isdigit(last) && g_unichar_isdigit(first) &&
                              (run < 3 || last_x2 < colmax[c] - 1.5f * L->em))))
                    g_string_append_c(text, ' ');
                emit_run(ch, idx, n, L->em, text, glyphs);
                last = ch[idx[n - 1]].c;
                last_x2 = ch[idx[n - 1]].x2;
            }
        }
        g_string_append_c(text, '\n');
    }
    gboolean continued = TRUE;
    *row0_lines = nrows > 1 ? start[1] : nl;
    for (guint l = 0; l < *row0_lines && !single; l++)
        continued &= !has[l * ncols];
    g_free(idx);
    g_free(start);
    g_free(has);
    return continued;
}

/* Does every segment of L start where a segment of the seed line starts (cells of the same table)? */
static gboolean aligned_to(const PPChar *ch, const Line *seed, const Line *L)
{
    for (guint k = 0; k < L->n; k++) {
        const PPChar *c = &ch[L->first + k];
        if (k > 0 && c->x1 - c[-1].x2 <= SEG_GAP * L->em)
            continue;
        gboolean hit = FALSE;
        for (guint q = 0; q < seed->n && !hit; q++) {
            const PPChar *d = &ch[seed->first + q];
            hit = (q == 0 || d->x1 - d[-1].x2 > SEG_GAP * seed->em) && fabsf(d->x1 - c->x1) < 0.5f * seed->em;
        }
        if (!hit)
            return FALSE;
    }
    return TRUE;
}

/* Rows of generously padded tables lie further apart than lines of text: a line whose cells start
 * where the seed's start stays in the table across a wider gap from its neighbour n. */
static gboolean near_aligned(const PPChar *ch, const Line *seed, const Line *n, const Line *L)
{
    float gap = L->y1 > n->y1 ? vgap(n, L) : vgap(L, n);
    return L->nseg >= 2 && gap < ROW_VGAP_ALIGNED * L->em && aligned_to(ch, seed, L);
}

/* Does the one-segment line L start where a segment of the seed starts and end before the next
 * segment of the seed begins (the wrapped rest of a cell, not a paragraph across the columns)? */
static gboolean within_column(const PPChar *ch, const Line *seed, const Line *L)
{
    if (L->nseg != 1)
        return FALSE;
    for (guint q = 0; q < seed->n; q++) {
        const PPChar *d = &ch[seed->first + q];
        if ((q > 0 && d->x1 - d[-1].x2 <= SEG_GAP * seed->em) || fabsf(d->x1 - L->x1) >= 0.5f * seed->em)
            continue;
        for (guint r = q + 1; r < seed->n; r++) /* the seed's next segment start */
            if (d[r - q].x1 - d[r - q - 1].x2 > SEG_GAP * seed->em)
                return L->x2 < d[r - q].x1;
        return TRUE; /* the last column */
    }
    return FALSE;
}

/* ---- tables whose cells touch (no padding, no rivers): columns from the header ---- */

/* Does no character of L run across x? (L is in x order.) */
static gboolean clear_at(const PPChar *ch, const Line *L, float x)
{
    for (guint k = 0; k < L->n; k++) {
        const PPChar *c = &ch[L->first + k];
        if (c->x1 > x)
            break;
        if (c->x1 < x - CUT_TOL && c->x2 > x + CUT_TOL)
            return FALSE;
    }
    return TRUE;
}

/* Is there evidence of a cell border at x in L: a gap, or script changing from CJK to digits or
 * letters? (-1: L has nothing on one side of x.) */
static int border_at(const PPChar *ch, const Line *L, float x)
{
    const PPChar *a = NULL, *b = NULL;
    for (guint k = 0; k < L->n && !b; k++) {
        const PPChar *c = &ch[L->first + k];
        if ((c->x1 + c->x2) / 2 < x)
            a = c;
        else
            b = c;
    }
    if (!a || !b)
        return -1;
    return b->x1 - a->x2 > COL_GAP * L->em || is_cjk(a->c) != is_cjk(b->c);
}

/* Does x fall between two touching CJK characters of L (inside a word, where a guessed border
 * would cut running text in two)? */
static gboolean inside_cjk_run(const PPChar *ch, const Line *L, float x)
{
    for (guint k = 1; k < L->n; k++) {
        const PPChar *a = &ch[L->first + k - 1], *b = a + 1;
        if (b->x1 >= x - CUT_TOL && a->x2 <= x + CUT_TOL)
            return is_cjk(a->c) && is_cjk(b->c) && b->x1 - a->x2 <= COL_GAP_TIGHT * L->em;
        if (b->x1 > x)
            break;
    }
    return FALSE;
}

/* Is body line L a row under the cuts: clear at each, a border at most of those it spans? */
static gboolean row_under(const PPChar *ch, const Line *L, const float *cuts, guint ncols)
{
    guint spans = 0, borders = 0;
    for (guint k = 0; k + 1 < ncols; k++) {
        if (!clear_at(ch, L, cuts[k]))
            return FALSE;
        int b = border_at(ch, L, cuts[k]);
        spans += b >= 0, borders += b > 0;
    }
    return borders * 2 >= spans;
}

/* Cells that touch leave no uncovered x between columns, but the header row still has its titles
 * apart: each column boundary lies between two titles, where every row below has a character
 * boundary — at the next title's start when titles are left-aligned, else where the titles,
 * centred over their columns, put it (a column ends as far right of its title's centre as it
 * starts left of it). H is the header line, rows [h+1, hi). Returns ncols (0: no such table). */
static guint header_columns(const PPChar *ch, const Line *lines, guint nlines, guint h, guint *hip, float *cuts)
{
    guint hi = *hip;
    const Line *H = &lines[h];
    float hs[MAX_COLS], he[MAX_COLS];
    guint nh = 0;
    for (guint k = 0; k < H->n; k++) {
        const PPChar *c = &ch[H->first + k];
        if (k == 0 || c->x1 - c[-1].x2 > SEG_GAP * H->em) {
            if (nh == MAX_COLS)
                return 0;
            hs[nh] = c->x1, nh++;
        }
        he[nh - 1] = c->x2;
    }
    if (nh < 3 || hi < h + 2)
        return 0;
    float start = G_MAXFLOAT;
    for (guint l = h + 1; l < hi; l++)
        start = MIN(start, ch[lines[l].first].x1);
    if (start > hs[0] + CUT_TOL)
        return 0;
    /* titles start where the rows start: left-aligned */
    const gboolean left = hs[0] - start < 0.25f * H->em;
    for (guint k = 0; k + 1 < nh; k++) {
        float want = hs[k] + he[k] - start, best = -1;
        gboolean clear = left;
        for (guint l = h + 1; l < hi && clear; l++)
            clear = clear_at(ch, &lines[l], hs[k + 1]);
        if (left && !clear)
            return 0;
        if (left)
            best = hs[k + 1];
        for (guint l = h + 1; l < hi && !left; l++)
            for (guint q = 0; q < lines[l].n; q++) {
                float x = ch[lines[l].first + q].x1;
                if (x < he[k] || x > hs[k + 1] || (best >= 0 && fabsf(x - want) >= fabsf(best - want)))
                    continue;
                gboolean ok = TRUE;
                for (guint m = h + 1; m < hi && ok; m++)
                    ok = clear_at(ch, &lines[m], x) && !inside_cjk_run(ch, &lines[m], x);
                if (ok)
                    best = x;
            }
        if (best < 0 || (!left && fabsf(best - want) > H->em))
            return 0;
        cuts[k] = start = best;
    }
    /* rows the growth left out (a full first cell leaves no gap) follow while they fit */
    while (hi < nlines && vgap(&lines[hi - 1], &lines[hi]) < ROW_VGAP * lines[hi].em &&
           row_under(ch, &lines[hi], cuts, nh))
        hi++;
    *hip = hi;
    /* and the rows fill those columns: most lines of several cells have text in most columns */
    guint multi = 0, full = 0;
    for (guint l = h + 1; l < hi; l++) {
        if (!row_under(ch, &lines[l], cuts, nh))
            return 0;
        guint8 has[MAX_COLS] = {0};
        guint filled = 0;
        for (guint k = 0; k < lines[l].n; k++) {
            const PPChar *c = &ch[lines[l].first + k];
            guint col = pp_pdf_col_of((c->x1 + c->x2) / 2, cuts, nh);
            filled += !has[col];
            has[col] = 1;
        }
        multi += filled >= 2;
        full += filled * 10 >= nh * 6;
    }
    return full >= 2 && full * 2 >= multi ? nh : 0;
}

/* Are the header's cuts the rivers' cuts and more (each river has a header cut nearby)? */
static gboolean refines(const float *cuts, guint ncols, const float *hcuts, guint hn, float em)
{
    for (guint c = 0; c + 1 < ncols; c++) {
        gboolean near = FALSE;
        for (guint k = 0; k + 1 < hn && !near; k++)
            near = fabsf(cuts[c] - hcuts[k]) < em;
        if (!near)
            return FALSE;
    }
    return TRUE;
}

/* Grow a table region around seed line i; returns TRUE with [*a, *b) and the cuts when it is one. */
static gboolean find_table(const PPChar *ch, const Line *lines, guint nlines, guint i, guint *a, guint *b,
                           float *cuts, guint *ncols, gboolean *single)
{
    float width = lines[i].x2 - lines[i].x1;
    guint lo = i, hi = i + 1;
    /* a line joins when it is close and none of its segments is as wide as a paragraph, or when it
     * keeps inside one of the seed's columns (a wide cell's wrapped line) */
    guint ref = i; /* the last line of three or more cells so far: a body row when the seed is a header */
    while (hi < nlines) {
        const Line *L = &lines[hi];
        gboolean in_col = within_column(ch, &lines[i], L) || within_column(ch, &lines[ref], L);
        gboolean near = vgap(&lines[hi - 1], L) < ROW_VGAP * L->em ||
                        near_aligned(ch, &lines[i], &lines[hi - 1], L) || near_aligned(ch, &lines[ref], &lines[hi - 1], L) ||
                        /* a wrapped cell of the next vertically centred row, not a heading under the table */
                        (in_col && L->x1 > MIN(lines[i].x1, lines[ref].x1) + 0.5f * L->em &&
                         vgap(&lines[hi - 1], L) < ROW_VGAP_ALIGNED * L->em);
        if (!near || !(L->nseg >= 2 || L->x2 - L->x1 < 0.5f * width || in_col))
            break;
        if (L->nseg >= 3)
            ref = hi;
        hi++;
    }
    while (lo > 0 && (vgap(&lines[lo - 1], &lines[lo]) < ROW_VGAP * lines[lo].em ||
                      near_aligned(ch, &lines[i], &lines[lo], &lines[lo - 1])) &&
           ((lines[lo - 1].nseg < 2 && lines[lo - 1].x2 - lines[lo - 1].x1 < 0.5f * width) ||
            aligned_to(ch, &lines[i], &lines[lo - 1])))
        lo--;
    /* further above, maybe: a line of several cells that do not start where the seed's do (a
     * header row centred over its columns) and what is above it; they join once the columns are
     * known if they keep to them (a header wider than its cells would hide the rivers) */
    guint maybe = lo;
    while (maybe > 0 &&
           (vgap(&lines[maybe - 1], &lines[maybe]) < ROW_VGAP * lines[maybe].em ||
            (lines[maybe - 1].nseg >= 3 && vgap(&lines[maybe - 1], &lines[maybe]) < ROW_VGAP_ALIGNED * lines[maybe].em)) &&
           ((lines[maybe - 1].nseg < 2 && lines[maybe - 1].x2 - lines[maybe - 1].x1 < 0.5f * width) ||
            lines[maybe - 1].nseg >= 3 || aligned_to(ch, &lines[i], &lines[maybe - 1])))
        maybe--;
    /* lines below the last one of three or more cells that cross the columns those leave (notes
     * under a borderless table: "监督电话：… 联系电话：…") end the table */
    guint last3 = i, n3 = 0;
    for (guint l = lo; l < hi; l++)
        if (lines[l].nseg >= 3)
            last3 = MAX(last3, l), n3++;
    *ncols = n3 >= 3 ? find_columns_of(ch, lines, lo, last3 + 1, cuts, 3) : 0;
    for (guint l = last3 + 1; l < hi && *ncols >= 3; l++)
        if (!line_fits(ch, &lines[l], cuts, *ncols)) {
            hi = l;
            break;
        }
    for (int iter = 0; iter < 3; iter++) {
        *ncols = find_columns(ch, lines, lo, hi, cuts);
        /* fewer columns than the header line has titles: cells that touch may hide the others */
        float hcuts[MAX_COLS];
        guint hhi = hi;
        guint hn = iter == 0 && lines[i].nseg >= 3 && *ncols < lines[i].nseg
                       ? header_columns(ch, lines, nlines, i, &hhi, hcuts) : 0;
        if (hn >= 3 && hn > *ncols && refines(cuts, *ncols, hcuts, hn, lines[i].em)) {
            *ncols = hn;
            memcpy(cuts, hcuts, sizeof(float) * (hn - 1));
            *a = i, *b = hhi, *single = FALSE;
            return TRUE;
        }
        if (*ncols < 3)
            return FALSE;
        while (iter == 0 && lo > maybe && line_fits(ch, &lines[lo - 1], cuts, *ncols))
            lo--;
        /* lines above the seed that cross the columns end the table there */
        guint nlo = lo, nhi = hi;
        for (guint l = lo; l < i; l++)
            if (!line_fits(ch, &lines[l], cuts, *ncols))
                nlo = l + 1;
        for (guint l = i; l < hi; l++)
            if (!line_fits(ch, &lines[l], cuts, *ncols) && lines[l].nseg < 2) {
                nhi = l;
                break;
            }
        if (nlo == lo && nhi == hi)
            break;
        lo = nlo, hi = nhi;
    }
    guint multi = 0, segs = 0, chars = 0;
    for (guint l = lo; l < hi; l++) {
        multi += lines[l].nseg >= 3;
        if (lines[l].nseg >= 2)
            segs += lines[l].nseg, chars += lines[l].n;
    }
    /* letter-spaced text (分散对齐) splits into one-character pieces: not a table */
    if (chars * 10 < segs * 16)
        return FALSE;
    /* one multi-cell line at the top of a page may still finish a row from the page before: then
     * only lines whose pieces start where the seed's cells start belong to it */
    *single = multi < 2;
    if (multi < 2) {
        if (lo > 0 || multi == 0)
            return FALSE;
        for (guint l = lo; l < hi; l++)
            if (!aligned_to(ch, &lines[i], &lines[l])) {
                hi = l;
                break;
            }
        if (hi - lo < 2)
            return FALSE;
    }
    *a = lo, *b = hi;
    return TRUE;
}

static void layout_lines(PPChar *chars, guint n, GString *text, GArray *glyphs, PPPdfEdges *edges);

/* ---- text set in two columns ---- */

/* Is the line (or part of it) on the left of the gutter [g1, g2]; narrows the gutter around its
 * characters. Returns 1 left only, 2 right only, 3 both sides, 0 when the gutter closes. */
static int gutter_side(const PPChar *ch, const Line *L, float *g1, float *g2, float min)
{
    int side = 0;
    for (guint k = 0; k < L->n; k++) {
        const PPChar *c = &ch[L->first + k];
        float mid = (*g1 + *g2) / 2;
        if (c->x2 > *g1 && c->x1 < *g2) { /* in the gutter: it narrows */
            if ((c->x1 + c->x2) / 2 < mid)
                *g1 = c->x2;
            else
                *g2 = c->x1;
            if (*g2 - *g1 < min)
                return 0;
        }
        side |= (c->x1 + c->x2) / 2 < mid ? 1 : 2;
    }
    return side;
}

/* From line i, whose two pieces are a column gap apart: the run of lines [*a, *b) that keeps a clear
 * vertical gutter at *gx, with text on both sides in most lines, as wide as columns of running text
 * and flush with the gutter on the left (justified or filled lines, not a table's ragged cells). */
static gboolean find_gutter(const PPChar *ch, const Line *lines, guint nlines, guint i, guint *a, guint *b, float *gx)
{
    const Line *S = &lines[i];
    float em = S->em, g1 = 0, g2 = 0;
    *a = i, *b = i + 1;
    for (guint k = 1; k < S->n; k++)
        if (ch[S->first + k].x1 - ch[S->first + k - 1].x2 > GUTTER_MIN * em)
            g1 = ch[S->first + k - 1].x2, g2 = ch[S->first + k].x1;
    if (g2 <= g1 || g1 - S->x1 < COLUMN_MIN * em || S->x2 - g2 < COLUMN_MIN * em)
        return FALSE;
    guint hi = i;
    guint both = 0, flush = 0;
    while (hi < nlines && (hi == i || vgap(&lines[hi - 1], &lines[hi]) < GUTTER_VGAP * lines[hi].em)) {
        int side = gutter_side(ch, &lines[hi], &g1, &g2, GUTTER_MIN * em);
        if (!side)
            break;
        if (side == 3) {
            both++;
            for (guint k = 0; k < lines[hi].n; k++) { /* the left piece's end */
                const PPChar *c = &ch[lines[hi].first + k];
                if (c->x1 >= g2) {
                    flush += k > 0 && g1 - c[-1].x2 < 1.5f * em;
                    break;
                }
            }
        }
        hi++;
    }
    guint lo = i;
    while (lo > 0 && vgap(&lines[lo - 1], &lines[lo]) < GUTTER_VGAP * lines[lo].em) {
        float h1 = g1, h2 = g2;
        if (gutter_side(ch, &lines[lo - 1], &h1, &h2, GUTTER_MIN * em) != 1 &&
            gutter_side(ch, &lines[lo - 1], &h1, &h2, GUTTER_MIN * em) != 2)
            break;
        g1 = h1, g2 = h2;
        lo--;
    }
    *a = lo, *b = hi, *gx = (g1 + g2) / 2;
    return both >= GUTTER_LINES && both * 10 >= (hi - lo) * 4 && flush * 2 >= both;
}

/* The run's characters left of the gutter, then those right of it, each laid out on its own. */
static void layout_two_columns(const PPChar *ch, const Line *lines, guint a, guint b, float gx, GString *text,
                               GArray *glyphs)
{
    guint n = 0;
    for (guint l = a; l < b; l++)
        n += lines[l].n;
    PPChar *part = g_new(PPChar, n);
    for (int side = 0; side < 2; side++) {
        guint m = 0;
        for (guint l = a; l < b; l++)
            for (guint k = 0; k < lines[l].n; k++) {
                const PPChar *c = &ch[lines[l].first + k];
                if (((c->x1 + c->x2) / 2 > gx) == side)
                    part[m++] = *c;
            }
        PPPdfEdges unused;
        memset(&unused, 0, sizeof unused);
        /* an empty line around each column: its lines are full at the column's width (see the
         * soft line breaks of privacy_text.c) */
        if (m) {
            if (text->len && text->str[text->len - 1] == '\n' && (text->len < 2 || text->str[text->len - 2] != '\n'))
                g_string_append_c(text, '\n');
            layout_lines(part, m, text, glyphs, &unused);
            g_string_append_c(text, '\n');
        }
    }
    g_free(part);
}

/* ---- rotated pages ---- */

typedef enum { ROT_0, ROT_90, ROT_180, ROT_270 } Rot; /* direction the text runs: right, down, left, up */

/* The way most neighbouring characters (in content order) follow each other. */
static Rot text_direction(const PPChar *ch, guint n)
{
    guint votes[4] = {0};
    for (guint i = 0; i + 1 < n; i++) {
        const PPChar *a = &ch[i], *b = &ch[i + 1];
        float dx = (b->x1 + b->x2 - a->x1 - a->x2) / 2, dy = (b->y1 + b->y2 - a->y1 - a->y2) / 2;
        /* only neighbours on one baseline vote: one step along, (almost) none across */
        float size = MAX(MAX(a->x2 - a->x1, a->y2 - a->y1), 1.0f);
        if (fabsf(dy) < 0.3f * size && fabsf(dx) > 0.1f * size && fabsf(dx) < 1.6f * size)
            votes[dx > 0 ? ROT_0 : ROT_180]++;
        else if (fabsf(dx) < 0.3f * size && fabsf(dy) > 0.1f * size && fabsf(dy) < 1.6f * size)
            votes[dy > 0 ? ROT_90 : ROT_270]++;
    }
    Rot best = ROT_0;
    for (int r = 1; r < 4; r++)
        if (votes[r] > votes[best])
            best = r;
    /* turn only when the page clearly runs another way */
    return votes[best] * 4 > (votes[0] + votes[1] + votes[2] + votes[3]) * 3 ? best : ROT_0;
}

/* Boxes into the frame where the text runs right and lines go down. */
static void rotate_chars(PPChar *ch, guint n, Rot r)
{
    for (guint i = 0; i < n; i++) {
        PPChar c = ch[i];
        switch (r) {
        case ROT_90: /* runs down, lines go left */
            ch[i].x1 = c.y1, ch[i].x2 = c.y2, ch[i].y1 = -c.x2, ch[i].y2 = -c.x1;
            break;
        case ROT_270: /* runs up, lines go right */
            ch[i].x1 = -c.y2, ch[i].x2 = -c.y1, ch[i].y1 = c.x1, ch[i].y2 = c.x2;
            break;
        case ROT_180:
            ch[i].x1 = -c.x2, ch[i].x2 = -c.x1, ch[i].y1 = -c.y2, ch[i].y2 = -c.y1;
            break;
        default:
            break;
        }
    }
}

/* Glyph boxes back to page coordinates. */
static void unrotate_glyphs(PPGlyph *g, guint n, Rot r)
{
    for (guint i = 0; i < n; i++) {
        PPGlyph c = g[i];
        switch (r) {
        case ROT_90:
            g[i].x1 = -c.y2, g[i].x2 = -c.y1, g[i].y1 = c.x1, g[i].y2 = c.x2;
            break;
        case ROT_270:
            g[i].x1 = c.y1, g[i].x2 = c.y2, g[i].y1 = -c.x2, g[i].y2 = -c.x1;
            break;
        case ROT_180:
            g[i].x1 = -c.x2, g[i].x2 = -c.x1, g[i].y1 = -c.y2, g[i].y2 = -c.y1;
            break;
        default:
            break;
        }
    }
}

void pp_pdf_layout(PPChar *chars, guint n, GString *text, GArray *glyphs, PPPdfEdges *edges)
{
    memset(edges, 0, sizeof *edges);
    n = compact(chars, n);
    if (!n)
        return;
    /* a landscape table printed sideways reads like any other page once turned */
    Rot rot = text_direction(chars, n);
    rotate_chars(chars, n, rot);
    guint g0 = glyphs->len;
    layout_lines(chars, n, text, glyphs, edges);
    unrotate_glyphs((PPGlyph *)(void *)glyphs->data + g0, glyphs->len - g0, rot);
}

static void layout_lines(PPChar *chars, guint n, GString *text, GArray *glyphs, PPPdfEdges *edges)
{
    GArray *la = build_lines(chars, n);
    const Line *lines = (const Line *)la->data;
    float cuts[MAX_COLS];
    if (g_getenv("PREPUB_PDF_DEBUG"))
        for (guint k = 0; k < la->len; k++) {
            GString *d = g_string_new(NULL);
            const Line *L = &lines[k];
            for (guint q = 0; q < L->n; q++) {
                const PPChar *c = &chars[L->first + q];
                if (q == 0 || c->x1 - c[-1].x2 > SEG_GAP * L->em)
                    g_string_append_printf(d, " [%.0f]", c->x1);
                g_string_append_unichar(d, c->c);
            }
            g_debug("line y=%.1f-%.1f em=%.1f nseg=%u:%s", L->y1, L->y2, L->em, L->nseg, d->str);
            g_string_free(d, TRUE);
        }
    guint l = 0, emitted = 0; /* lines [emitted, l) are waiting to be written as plain lines */
    guint fails = 0, gutter_from = 0;
    while (l < la->len) {
        guint a, b, ncols;
        gboolean single;
        float gx;
        if (lines[l].nseg == 2 && l >= gutter_from) {
            if (find_gutter(chars, lines, la->len, l, &a, &b, &gx) && b > emitted) {
                a = MAX(a, emitted);
                for (guint k = emitted; k < a; k++)
                    emit_line(chars, &lines[k], text, glyphs);
                layout_two_columns(chars, lines, a, b, gx, text, glyphs);
                edges->last_ncols = 0;
                l = emitted = b;
                continue;
            }
            gutter_from = MAX(b, l + 1); /* a failed run is not searched again line by line */
        }
        /* a page of thousands of multi-segment lines that never form a table is hostile: stop trying */
        if (lines[l].nseg >= 3 && fails < 64 && find_table(chars, lines, la->len, l, &a, &b, cuts, &ncols, &single) &&
            a >= emitted) {
            if (g_getenv("PREPUB_PDF_DEBUG")) {
                GString *d = g_string_new(NULL);
                for (guint c = 0; c + 1 < ncols; c++)
                    g_string_append_printf(d, " %.1f", cuts[c]);
                g_debug("table lines %u-%u (seed %u), %u columns, cuts:%s", a, b, l, ncols, d->str);
                g_string_free(d, TRUE);
            }
            for (guint k = emitted; k < a; k++)
                emit_line(chars, &lines[k], text, glyphs);
            guint row0;
            gsize tstart = text->len;
            gboolean continued = emit_table(chars, lines, a, b, cuts, ncols, single, text, glyphs, &row0);
            if (a == 0 && emitted == 0) {
                edges->first_ncols = ncols;
                edges->first_continued = continued;
                for (guint c = 0; c < ncols; c++)
                    edges->first_x1[c] = G_MAXFLOAT, edges->first_x2[c] = -G_MAXFLOAT;
                for (guint k = a; k < a + row0; k++)
                    for (guint q = 0; q < lines[k].n; q++) {
                        const PPChar *p = &chars[lines[k].first + q];
                        guint c = pp_pdf_col_of((p->x1 + p->x2) / 2, cuts, ncols);
                        edges->first_x1[c] = MIN(edges->first_x1[c], p->x1);
                        edges->first_x2[c] = MAX(edges->first_x2[c], p->x2);
                    }
            }
            edges->last_ncols = 0;
            if (b == la->len) {
                edges->last_ncols = ncols;
                memcpy(edges->last_cuts, cuts, sizeof(float) * (ncols - 1));
                const char *nl = memchr(text->str + tstart, '\n', text->len - tstart);
                edges->head_start = edges->head_end = tstart;
                if (nl && (gsize)(nl - text->str) + 1 < text->len) /* a header above other rows */
                    edges->head_end = (gsize)(nl - text->str);
            }
            l = emitted = b;
            continue;
        }
        fails += lines[l].nseg >= 3;
        l++;
    }
    for (guint k = emitted; k < la->len; k++)
        emit_line(chars, &lines[k], text, glyphs);
    g_array_unref(la);
}
