/* docx extraction — not written yet. */
#include "format.h"

static int docx_bid(const guint8 *data, gsize len, const char *mime)
{
    (void)data;
    (void)len;
    (void)mime;
    return 0;
}

static gboolean docx_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    (void)doc;
    (void)lim;
    g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED, "尚未支持");
    return FALSE;
}

const PPFormat pp_format_docx = {
    .name = "docx",
    .bid = docx_bid,
    .extract = docx_extract,
};
