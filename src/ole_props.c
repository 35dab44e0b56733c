/* OLE property sets ([MS-OLEPS]): the \005SummaryInformation and \005DocumentSummaryInformation
 * streams of .doc files → metadata parts, one per non-empty text field, origin
 * "<stream> <field>" like DOCX's docProps (stage_hidden.c reads the field name from the origin).
 * Strings are in the set's code page (property 1): GBK/CP936 in Chinese Word and WPS files,
 * cp1252, UTF-16 (1200) or UTF-8 (65001). A damaged set is skipped: metadata is not worth
 * failing the document for, and every offset is checked before it is read.
 */
#include "word97.h"

#include <string.h>

#define MAX_VALUE ((gsize)1 << 16)

static guint16 rd16(const guint8 *p) { return (guint16)(p[0] | (p[1] << 8)); }
static guint32 rd32(const guint8 *p) { return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24); }

enum { SET_SUMMARY, SET_DOCSUMMARY, SET_USER };

static const guint8 fmtids[][16] = {
    {0xE0, 0x85, 0x9F, 0xF2, 0xF9, 0x4F, 0x68, 0x10, 0xAB, 0x91, 0x08, 0x00, 0x2B, 0x27, 0xB3, 0xD9},
    {0x02, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE},
    {0x05, 0xD5, 0xCD, 0xD5, 0x9C, 0x2E, 0x1B, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2B, 0x2C, 0xF9, 0xAE},
};

/* Text fields worth keeping; dates, counts, template and application names are noise. */
static const struct {
    int set;
    guint32 pid;
    const char *name;
} fields[] = {
    {SET_SUMMARY, 2, "Title"},      {SET_SUMMARY, 3, "Subject"},      {SET_SUMMARY, 4, "Author"},
    {SET_SUMMARY, 5, "Keywords"},   {SET_SUMMARY, 6, "Comments"},     {SET_SUMMARY, 8, "LastAuthor"},
    {SET_DOCSUMMARY, 2, "Category"}, {SET_DOCSUMMARY, 14, "Manager"}, {SET_DOCSUMMARY, 15, "Company"},
};

/* custom properties every WPS file carries */
static const char *const custom_noise[] = {"KSOProductBuildVer", "ICV"};

static char *decode(const guint8 *p, gsize n, guint16 codepage, gboolean wide)
{
    if (wide || codepage == 1200) {
        n &= ~(gsize)1;
        while (n >= 2 && rd16(p + n - 2) == 0)
            n -= 2;
        g_autofree gunichar2 *u = g_new(gunichar2, n / 2 + 1);
        for (gsize i = 0; i < n / 2; i++)
            u[i] = rd16(p + 2 * i);
        return g_utf16_to_utf8(u, (glong)(n / 2), NULL, NULL, NULL);
    }
    while (n && p[n - 1] == 0)
        n--;
    if (codepage == 65001)
        return g_utf8_validate((const char *)p, (gssize)n, NULL) ? g_strndup((const char *)p, n) : NULL;
    const char *charset = codepage == 936 || codepage == 54936 ? "GB18030"
                          : codepage == 950                    ? "BIG5"
                                                               : NULL;
    g_autofree char *cpname = charset ? NULL : g_strdup_printf("CP%u", codepage ? codepage : 1252);
    char *s = g_convert((const char *)p, (gssize)n, "UTF-8", charset ? charset : cpname, NULL, NULL, NULL);
    if (!s) /* a wrong code page label: Chinese bytes are the likely content */
        s = g_convert((const char *)p, (gssize)n, "UTF-8", "GB18030", NULL, NULL, NULL);
    return s;
}

/* A string value (VT_LPSTR 30, VT_LPWSTR 31) at off in the section; NULL otherwise. */
static char *string_value(const guint8 *sec, gsize len, gsize off, guint16 codepage)
{
    if (off > len || len - off < 8)
        return NULL;
    guint16 vt = rd16(sec + off);
    gsize count = rd32(sec + off + 4);
    gsize avail = len - off - 8;
    if (vt == 30)
        return decode(sec + off + 8, MIN(MIN(count, avail), MAX_VALUE), codepage, FALSE);
    if (vt == 31)
        return decode(sec + off + 8, MIN(MIN(count * 2, avail), MAX_VALUE), codepage, TRUE);
    return NULL;
}

/* The dictionary (property 0) of the user-defined set: property id → name. */
static GHashTable *dictionary(const guint8 *sec, gsize len, gsize off, guint16 codepage)
{
    GHashTable *names = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    if (off > len || len - off < 4)
        return names;
    guint32 n = rd32(sec + off);
    off += 4;
    for (guint32 i = 0; i < n && i < 4096 && off <= len && len - off >= 8; i++) {
        guint32 pid = rd32(sec + off), cch = rd32(sec + off + 4);
        off += 8;
        gsize bytes = codepage == 1200 ? (gsize)cch * 2 : cch;
        if (bytes > len - off)
            break;
        char *name = decode(sec + off, MIN(bytes, (gsize)1024), codepage, FALSE);
        if (name)
            g_hash_table_insert(names, GUINT_TO_POINTER(pid), name);
        off += codepage == 1200 ? (bytes + 3) & ~(gsize)3 : bytes;
    }
    return names;
}

static void add_value(PPDoc *doc, const char *stream, const char *field, char *value)
{
    if (!value)
        return;
    for (char *c = value; *c; c++)
        if ((unsigned char)*c < 0x20 && *c != '\n')
            *c = ' ';
    g_strstrip(value);
    if (*value) {
        g_autofree char *origin = g_strconcat(stream, " ", field, NULL);
        PPPart *p = pp_doc_add_part(doc, PP_PART_METADATA, 0, origin);
        g_string_append(p->text, value);
    }
    g_free(value);
}

static void read_section(PPDoc *doc, const char *stream, int set, const guint8 *sec, gsize len)
{
    guint32 n = rd32(sec + 4);
    if ((gsize)n > (len - 8) / 8)
        return;
    guint16 codepage = 0;
    for (guint32 i = 0; i < n; i++) /* the code page first: the strings depend on it */
        if (rd32(sec + 8 + 8 * (gsize)i) == 1) {
            gsize off = rd32(sec + 12 + 8 * (gsize)i);
            if (off <= len && len - off >= 6 && rd16(sec + off) == 2)
                codepage = rd16(sec + off + 4);
        }
    g_autoptr(GHashTable) names = NULL;
    if (set == SET_USER)
        for (guint32 i = 0; i < n && !names; i++)
            if (rd32(sec + 8 + 8 * (gsize)i) == 0)
                names = dictionary(sec, len, rd32(sec + 12 + 8 * (gsize)i), codepage);
    for (guint32 i = 0; i < n; i++) {
        guint32 pid = rd32(sec + 8 + 8 * (gsize)i);
        gsize off = rd32(sec + 12 + 8 * (gsize)i);
        if (set == SET_USER) {
            const char *name = names && pid > 1 ? g_hash_table_lookup(names, GUINT_TO_POINTER(pid)) : NULL;
            gboolean noise = !name;
            for (gsize k = 0; name && k < G_N_ELEMENTS(custom_noise); k++)
                noise |= g_strcmp0(name, custom_noise[k]) == 0;
            if (!noise) {
                g_autofree char *field = g_strconcat("custom ", name, NULL);
                add_value(doc, stream, field, string_value(sec, len, off, codepage));
            }
            continue;
        }
        for (gsize k = 0; k < G_N_ELEMENTS(fields); k++)
            if (fields[k].set == set && fields[k].pid == pid)
                add_value(doc, stream, fields[k].name, string_value(sec, len, off, codepage));
    }
}

void pp_ole_props(PPDoc *doc, GBytes *bytes, const char *stream_name)
{
    gsize len = 0;
    const guint8 *p = g_bytes_get_data(bytes, &len);
    if (len < 48 || rd16(p) != 0xFFFE)
        return;
    const char *name = stream_name[0] == '\005' ? stream_name + 1 : stream_name;
    guint32 nsets = MIN(rd32(p + 24), 2u);
    for (guint32 s = 0; s < nsets; s++) {
        gsize h = 28 + 20 * (gsize)s;
        if (h + 20 > len)
            break;
        int set = -1;
        for (int k = 0; k < (int)G_N_ELEMENTS(fmtids); k++)
            if (memcmp(p + h, fmtids[k], 16) == 0)
                set = k;
        gsize off = rd32(p + h + 16);
        if (set < 0 || off > len || len - off < 8)
            continue;
        gsize size = MIN((gsize)rd32(p + off), len - off);
        if (size >= 8)
            read_section(doc, name, set, p + off, size);
    }
}
