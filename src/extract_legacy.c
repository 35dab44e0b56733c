/* Legacy binary Office (Word 97–2003 .doc, WPS .wps): recognised, not read. A clear
 * "unsupported" error tells the clerk to save the file as DOCX; nothing unreviewed passes. */
#include "format.h"

#include <string.h>

static int legacy_bid(const guint8 *data, gsize len, const char *mime)
{
    static const guint8 ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    (void)mime;
    return len >= 8 && memcmp(data, ole, 8) == 0 ? 50 : 0;
}

static gboolean legacy_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    (void)lim;
    const char *dot = doc->path ? strrchr(doc->path, '.') : NULL;
    if (dot && g_ascii_strcasecmp(dot, ".wps") == 0)
        doc->format = "wps";
    else if (dot && (g_ascii_strcasecmp(dot, ".xls") == 0 || g_ascii_strcasecmp(dot, ".et") == 0))
        doc->format = "xls";
    g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED,
                "旧版二进制 Office/WPS 文件（.doc/.wps）暂不支持审查，请另存为 DOCX 后再检查");
    return FALSE;
}

const PPFormat pp_format_legacy_office = {
    .name = "doc",
    .bid = legacy_bid,
    .extract = legacy_extract,
};
