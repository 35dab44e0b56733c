/* The table of formats and detection. One magic_t per thread (libmagic is not thread-safe). */
#include "format.h"

#include <magic.h>
#include <string.h>

static const PPFormat *const formats[] = {
    &pp_format_docx,
    &pp_format_pdf,
    &pp_format_ofd,
    &pp_format_doc,
    &pp_format_rtf,
    &pp_format_odt,
    &pp_format_txt,
};

static void magic_free(gpointer m) { magic_close(m); }
static GPrivate magic_key = G_PRIVATE_INIT(magic_free);

static const char *mime_of(const guint8 *data, gsize len)
{
    magic_t m = g_private_get(&magic_key);
    if (!m) {
        m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR | MAGIC_ERROR);
        if (!m)
            return NULL;
        if (magic_load(m, NULL) != 0) {
            magic_close(m);
            return NULL;
        }
        g_private_set(&magic_key, m);
    }
    /* libmagic reads at most a few hundred KiB; handing it less keeps it fast on large files */
    return magic_buffer(m, data, MIN(len, (gsize)1 << 20));
}

const PPFormat *pp_detect(PPDoc *doc, GError **error)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    if (len == 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "文件为空（0 字节），无法审查");
        return NULL;
    }
    const char *mime = mime_of(data, len);
    const PPFormat *best = NULL;
    int best_bid = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        int b = formats[i]->bid(data, len, mime ? mime : "");
        if (b > best_bid) {
            best_bid = b;
            best = formats[i];
        }
    }
    if (!best) {
        g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED, "不支持的文件类型（%s），只能审查 DOCX、DOC、ODT、PDF、OFD、RTF 和纯文本",
                    mime ? mime : "未知");
        return NULL;
    }
    return best;
}

/* memmem is a GNU extension */
gboolean pp_has_bytes(const guint8 *hay, gsize len, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = 0; i + n <= len; i++) {
        const guint8 *p = memchr(hay + i, needle[0], len - n + 1 - i);
        if (!p)
            return FALSE;
        if (memcmp(p, needle, n) == 0)
            return TRUE;
        i = (gsize)(p - hay);
    }
    return FALSE;
}

gboolean pp_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    const PPFormat *fmt = pp_detect(doc, error);
    if (!fmt) {
        /* name the format from the extension for the report, so a bad .docx still says docx */
        const char *dot = doc->path ? strrchr(doc->path, '.') : NULL;
        static const char *const known[] = {"docx", "pdf", "txt", "doc", "wps", "ofd", "odt"};
        for (gsize i = 0; dot && i < G_N_ELEMENTS(known); i++)
            if (g_ascii_strcasecmp(dot + 1, known[i]) == 0)
                doc->format = known[i];
        return FALSE;
    }
    doc->format = fmt->name;
    if (!fmt->extract(doc, lim, error))
        return FALSE;
    /* every stage relies on parts being UTF-8; a damaged file must not break that through a
     * reader's oversight (a stray byte, a character cut at a limit) */
    for (guint i = 0; i < doc->parts->len; i++) {
        PPPart *p = doc->parts->pdata[i];
        if (!g_utf8_validate(p->text->str, (gssize)p->text->len, NULL)) {
            g_autofree char *valid = g_utf8_make_valid(p->text->str, (gssize)p->text->len);
            g_string_assign(p->text, valid);
            if (p->glyphs) /* offsets no longer line up with the text */
                g_array_set_size(p->glyphs, 0);
        }
    }
    pp_doc_prune_empty_parts(doc);
    return TRUE;
}
