/* OFD page content (see ofd.h): TextObject → TextCode → one PPChar per character, in page points.
 *
 * Coordinates (GB/T 33190 §8, §11): millimetres, origin top-left. A TextObject's Boundary places its
 * own coordinate space on the page (x, y of the box's corner); its CTM maps text coordinates into
 * that space; a TextCode's X, Y is the baseline origin of its first character, and DeltaX / DeltaY
 * hold the offset from each character to the next. A TextCode without X or Y goes on where the
 * previous one ended. Glyph boxes are not stored in OFD: a box is one em high (size), as wide as
 * the offset to the next character when that is narrower than the usual advance (an em for CJK,
 * half an em otherwise) — close enough for pdf_layout.c, which measures gaps in em.
 */
#include "ofd.h"

#include <math.h>
#include <string.h>

#define MM_TO_PT (72.0 / 25.4)
#define COORD_MAX 1.0e6      /* hostile coordinates are clamped, so no float conversion overflows */
#define ASCENT 0.86          /* of the size above the baseline; the rest below */
#define DEFAULT_SIZE 3.5     /* mm (about 10 pt), for a TextObject that omits Size */
#define MAX_DELTAS 65536     /* offsets kept per TextCode; characters beyond take the usual advance */

typedef struct {
    double bx, by;    /* Boundary corner, mm */
    double m[6];      /* CTM a b c d e f */
    double size;      /* mm */
    double pen_x, pen_y; /* where the next TextCode without X/Y starts, text space */
} TextState;

const char *pp_ofd_local(PPXml *x)
{
    const char *n = (const char *)xmlTextReaderConstLocalName(pp_xml_reader(x));
    return n ? n : "";
}

static double clamp(double v)
{
    if (!isfinite(v))
        return 0;
    return v > COORD_MAX ? COORD_MAX : v < -COORD_MAX ? -COORD_MAX : v;
}

/* Up to n numbers of a space-separated list; returns how many were read. */
static guint parse_numbers(const char *s, double *out, guint n)
{
    guint k = 0;
    while (s && *s && k < n) {
        char *end = NULL;
        double v = g_ascii_strtod(s, &end);
        if (end == s) { /* not a number: skip the token */
            while (*s && !g_ascii_isspace(*s) && *s != ',')
                s++;
        } else {
            out[k++] = clamp(v);
            s = end;
        }
        while (*s && (g_ascii_isspace(*s) || *s == ','))
            s++;
    }
    return k;
}

guint pp_ofd_parse_deltas(const char *s, double *out, guint max)
{
    guint k = 0;
    while (s && *s && k < max) {
        while (*s && g_ascii_isspace(*s))
            s++;
        if (!*s)
            break;
        if (*s == 'g' && (s[1] == '\0' || g_ascii_isspace(s[1]))) {
            /* "g N v": N copies of v */
            s++;
            char *end = NULL;
            double count = g_ascii_strtod(s, &end);
            if (end == s)
                break;
            s = end;
            double v = clamp(g_ascii_strtod(s, &end));
            if (end == s)
                break;
            s = end;
            for (double c = 0; c < count && k < max; c++)
                out[k++] = v;
            continue;
        }
        char *end = NULL;
        double v = g_ascii_strtod(s, &end);
        if (end == s) { /* junk: skip the token */
            while (*s && !g_ascii_isspace(*s))
                s++;
            continue;
        }
        out[k++] = clamp(v);
        s = end;
    }
    return k;
}

static double attr_number(PPXml *x, const char *name, double dflt, gboolean *present)
{
    g_autofree char *v = pp_xml_attr(x, NULL, name);
    double d = dflt;
    gboolean ok = v && parse_numbers(v, &d, 1) == 1;
    if (present)
        *present = ok;
    return ok ? d : dflt;
}

static void begin_text_object(PPXml *x, TextState *t)
{
    memset(t, 0, sizeof *t);
    g_autofree char *boundary = pp_xml_attr(x, NULL, "Boundary");
    double b[4] = {0, 0, 0, 0};
    parse_numbers(boundary, b, 4);
    t->bx = b[0], t->by = b[1];
    g_autofree char *ctm = pp_xml_attr(x, NULL, "CTM");
    double m[6] = {1, 0, 0, 1, 0, 0};
    if (!ctm || parse_numbers(ctm, m, 6) != 6)
        m[0] = 1, m[1] = 0, m[2] = 0, m[3] = 1, m[4] = 0, m[5] = 0;
    memcpy(t->m, m, sizeof m);
    t->size = attr_number(x, "Size", DEFAULT_SIZE, NULL);
    if (t->size <= 0)
        t->size = DEFAULT_SIZE;
}

static gboolean is_wide(gunichar c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
}

/* One character at text-space baseline (x, y), width w: its box through the CTM onto the page. */
static void put_char(PPOfdInk *ink, const TextState *t, gunichar c, double x, double y, double w)
{
    if (ink->chars->len >= ink->max_chars) {
        ink->over = TRUE;
        return;
    }
    const double *m = t->m;
    double cx[2] = {x, x + w}, cy[2] = {y - ASCENT * t->size, y + (1 - ASCENT) * t->size};
    double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            double px = clamp(m[0] * cx[i] + m[2] * cy[j] + m[4] + t->bx);
            double py = clamp(m[1] * cx[i] + m[3] * cy[j] + m[5] + t->by);
            x1 = MIN(x1, px), x2 = MAX(x2, px), y1 = MIN(y1, py), y2 = MAX(y2, py);
        }
    PPChar ch = {.c = c};
    ch.x1 = (float)(x1 * MM_TO_PT), ch.y1 = (float)(y1 * MM_TO_PT);
    ch.x2 = (float)(x2 * MM_TO_PT), ch.y2 = (float)(y2 * MM_TO_PT);
    g_array_append_val(ink->chars, ch);
}

gboolean pp_ofd_text(PPXml *x, GString *out, GError **error)
{
    xmlTextReaderPtr r = pp_xml_reader(x);
    if (xmlTextReaderIsEmptyElement(r))
        return TRUE;
    int depth = xmlTextReaderDepth(r);
    while (pp_xml_next(x, FALSE, error)) {
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth)
            return TRUE;
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (v)
                g_string_append(out, v);
        }
    }
    return error == NULL || *error == NULL; /* end of file inside the element: the reader said if it is bad */
}

static gboolean text_code(PPXml *x, TextState *t, PPOfdInk *ink, GError **error)
{
    double x0 = attr_number(x, "X", t->pen_x, NULL);
    double y0 = attr_number(x, "Y", t->pen_y, NULL);
    g_autofree char *dxs = pp_xml_attr(x, NULL, "DeltaX");
    g_autofree char *dys = pp_xml_attr(x, NULL, "DeltaY");
    g_autoptr(GString) s = g_string_new(NULL);
    if (!pp_ofd_text(x, s, error))
        return FALSE;
    g_autofree char *valid = g_utf8_make_valid(s->str, (gssize)s->len);
    glong n = g_utf8_strlen(valid, -1);
    if (n <= 0)
        return TRUE;
    guint gaps = (guint)MIN(n, (glong)MAX_DELTAS);
    double *dx = g_new0(double, gaps), *dy = g_new0(double, gaps);
    guint ndx = pp_ofd_parse_deltas(dxs, dx, gaps);
    guint ndy = pp_ofd_parse_deltas(dys, dy, gaps);
    gboolean vertical = dys && !dxs; /* offsets only down the column: the pen does not move across */
    double px = x0, py = y0;
    guint i = 0;
    /* every character is placed (the page's character cap in ink bounds the work) */
    for (const char *p = valid; *p; p = g_utf8_next_char(p), i++) {
        gunichar c = g_utf8_get_char(p);
        double adv = is_wide(c) ? t->size : t->size / 2;
        if (i > 0) {
            gunichar prev = g_utf8_get_char(g_utf8_prev_char(p));
            double prev_adv = is_wide(prev) ? t->size : t->size / 2;
            px += i - 1 < ndx ? dx[i - 1] : vertical ? 0 : prev_adv;
            py += i - 1 < ndy ? dy[i - 1] : vertical ? t->size : 0;
        }
        double w = adv;
        if (i < ndx && dx[i] > 0 && dx[i] < w)
            w = dx[i];
        put_char(ink, t, c, px, py, w);
        if (ink->over)
            break;
        t->pen_x = px + (vertical ? 0 : adv);
        t->pen_y = py + (vertical ? t->size : 0);
    }
    g_free(dx);
    g_free(dy);
    return TRUE;
}

gboolean pp_ofd_walk_content(PPXml *x, int stop_depth, PPOfdInk *ink, GError **error)
{
    xmlTextReaderPtr r = pp_xml_reader(x);
    TextState t;
    memset(&t, 0, sizeof t);
    t.m[0] = t.m[3] = 1;
    t.size = DEFAULT_SIZE;
    gboolean skip = FALSE;
    GError *err = NULL;
    while (pp_xml_next(x, skip, &err)) {
        skip = FALSE;
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_END_ELEMENT && stop_depth >= 0 && xmlTextReaderDepth(r) == stop_depth)
            return TRUE;
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *name = pp_ofd_local(x);
        if (strcmp(name, "Clips") == 0) {
            skip = TRUE; /* the next read lands after its subtree */
            continue;
        }
        if (strcmp(name, "TextObject") == 0)
            begin_text_object(x, &t);
        else if (strcmp(name, "TextCode") == 0 && !text_code(x, &t, ink, &err))
            break;
        if (ink->over)
            return TRUE;
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}
