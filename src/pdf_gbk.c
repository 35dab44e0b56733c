/* GBK text drawn through a single-byte font (see pp_pdf_fix_gbk_mojibake in pdf_layout.h).
 *
 * Old Chinese PDF producers embed a GBK-named TrueType font with WinAnsi encoding and write each
 * Chinese character as its two GBK bytes; poppler then reports two Latin-1 letters ("È«" for 全).
 */
#include "pdf_layout.h"

/* The byte a WinAnsi (cp1252) font drew for a character, or -1. */
static int winansi_byte(gunichar c)
{
    static const guint16 hi[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                   0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                   0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                   0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (c < 0x100)
        return (int)c;
    for (int i = 0; i < 32; i++)
        if (hi[i] && hi[i] == c)
            return 0x80 + i;
    return -1;
}

static gunichar gbk_pair(int b1, int b2)
{
    if (b1 < 0x81 || b1 > 0xFE || b2 < 0x40 || b2 > 0xFE || b2 == 0x7F)
        return 0;
    char in[2] = {(char)b1, (char)b2};
    g_autofree char *u = g_convert(in, 2, "UTF-8", "GB18030", NULL, NULL, NULL);
    if (!u || !*u)
        return 0;
    gunichar c = g_utf8_get_char_validated(u, -1);
    return (c == (gunichar)-1 || c == (gunichar)-2 || c < 0x80) ? 0 : c;
}

guint pp_pdf_fix_gbk_mojibake(PPChar *ch, guint n)
{
    /* cheap test first: most visible characters are Latin-1 high bytes */
    guint high = 0, visible = 0;
    for (guint i = 0; i < n; i++) {
        if (g_unichar_isspace(ch[i].c))
            continue;
        visible++;
        int b = winansi_byte(ch[i].c);
        high += b >= 0x80;
    }
    if (high < 4 || high * 10 < visible * 6)
        return n;
    guint pairs = 0, tried = 0;
    for (guint i = 0; i + 1 < n; i++) {
        int b1 = winansi_byte(ch[i].c);
        if (b1 < 0x81)
            continue;
        tried++;
        if (gbk_pair(b1, winansi_byte(ch[i + 1].c))) {
            pairs++;
            i++;
        }
    }
    if (pairs * 10 < tried * 8)
        return n;
    /* the word spaces poppler guessed from the single-byte widths mean nothing: drop them and let
     * the layout judge the gaps */
    guint w = 0;
    for (guint i = 0; i < n; i++) {
        if (ch[i].c == ' ')
            continue;
        int b1 = winansi_byte(ch[i].c);
        gunichar u = (b1 >= 0x81 && i + 1 < n) ? gbk_pair(b1, winansi_byte(ch[i + 1].c)) : 0;
        PPChar c = ch[i];
        if (u) {
            c.c = u;
            c.x1 = MIN(c.x1, ch[i + 1].x1), c.y1 = MIN(c.y1, ch[i + 1].y1);
            c.x2 = MAX(c.x2, ch[i + 1].x2), c.y2 = MAX(c.y2, ch[i + 1].y2);
            i++;
        }
        ch[w++] = c;
    }
    return w;
}

gboolean pp_pdf_text_is_garbled(const PPChar *ch, guint n)
{
    guint bad = 0, visible = 0;
    for (guint i = 0; i < n; i++) {
        gunichar c = ch[i].c;
        if (g_unichar_isspace(c))
            continue;
        visible++;
        bad += (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD || (c < 0x20) || (c >= 0x7F && c < 0xA0) ||
               (c >= 0xF0000 && c <= 0x10FFFF);
    }
    return visible > 0 && bad * 2 > visible;
}
