/* OpenDocument Text (.odt, and the flat single-file .fodt): LibreOffice's native format and that of
 * the offices on 统信/麒麟 desktops (WPS for Linux and Yozo save it too).
 *
 * The package is read with zip_read.c (limits enforced while inflating); styles.xml, content.xml
 * and meta.xml are walked by odt_text.c and odt_meta.c. Parts come out as from a DOCX: body (with
 * its notes, text boxes, comments, tracked changes and hidden text), headers and footers,
 * metadata. A flat file is the same XML in one document and is read the same way.
 */
#include "format.h"

#include <string.h>

#include "odt.h"
#include "zip_read.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"

/* A flat ODT: XML whose root office:document says it is a text document. The root with its
 * namespace list comes first; 16 KiB holds it. */
static gboolean is_flat(const guint8 *data, gsize len)
{
    gsize n = MIN(len, (gsize)16384);
    gsize skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    return n > skip + 5 && data[skip] == '<' && pp_has_bytes(data, n, "<office:document") && pp_has_bytes(data, n, ODT_MIME);
}

static int odt_bid(const guint8 *data, gsize len, const char *mime)
{
    if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
        return is_flat(data, len) ? 85 : 0;
    char head[64];
    gssize n = pp_zip_peek(data, len, "mimetype", head, sizeof head);
    if (n >= (gssize)strlen(ODT_MIME) && memcmp(head, ODT_MIME, strlen(ODT_MIME)) == 0)
        return pp_zip_probe(data, len, "content.xml") == 1 ? 90 : 40;
    if (n < 0 && pp_zip_probe(data, len, "word/document.xml") != 1) {
        /* no mimetype entry (some converters drop it): a content.xml that is an ODF document */
        char body[4096];
        gssize m = pp_zip_peek(data, len, "content.xml", body, sizeof body);
        if (m > 0 && pp_has_bytes((const guint8 *)body, (gsize)m, "office:document-content"))
            return 70;
    }
    /* too damaged to open: the stored mimetype entry near the start, or libmagic, still says ODT,
     * so that the user hears "corrupt ODT" rather than "unsupported" */
    if (pp_zip_probe(data, len, "content.xml") < 0 &&
        (g_strcmp0(mime, ODT_MIME) == 0 || pp_has_bytes(data, MIN(len, (gsize)256), "mimetype" ODT_MIME)))
        return 40;
    return 0;
}

/* Nothing unreviewed passes silently: without visible text it is no_text; embedded objects,
 * whose contents are not read, are noted. */
static gboolean check_reviewable(PPDoc *doc, guint pictures, guint objects, GError **error)
{
    static const PPPartKind visible[] = {PP_PART_BODY, PP_PART_HEADER, PP_PART_FOOTER, PP_PART_FOOTNOTE, PP_PART_TEXTBOX};
    gboolean text = FALSE;
    for (guint i = 0; i < doc->parts->len && !text; i++) {
        const PPPart *p = doc->parts->pdata[i];
        for (gsize k = 0; k < G_N_ELEMENTS(visible) && !text; k++)
            if (p->kind == visible[k])
                for (const char *c = p->text->str; *c && !text; c++)
                    text = !g_ascii_isspace(*c);
    }
    if (!text) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT, pictures ? "ODT 中没有文字，只有 %u 张图片（可能是扫描件），无法审查"
                                                              : "ODT 中没有任何文字，无法审查", pictures);
        return FALSE;
    }
    if (objects)
        pp_doc_note(doc, "ODT 含 %u 个嵌入对象（如图表、公式、其他文档），其内容未审查，请人工核对", objects);
    return TRUE;
}

/* styles (for hidden text), then the body, then the master pages' headers and footers: the order
 * keeps the body the first part. */
static gboolean read_text(PPDoc *doc, GBytes *styles_xml, const char *styles_name, char styles_scope, GBytes *content,
                          const char *content_name, PPOdtBudget *budget, guint *objects, GError **error)
{
    g_autoptr(PPOdtStyles) styles = pp_odt_styles_new();
    if (styles_xml &&
        !pp_odt_walk(doc, styles_xml, styles_name, styles_scope, PP_ODT_STYLES, styles, budget, objects, error))
        return FALSE;
    if (!pp_odt_walk(doc, content, content_name, 'c', PP_ODT_STYLES | PP_ODT_BODY, styles, budget, objects, error))
        return FALSE;
    return !styles_xml ||
           pp_odt_walk(doc, styles_xml, styles_name, styles_scope, PP_ODT_MASTER, styles, budget, objects, error);
}

static gboolean extract_flat(PPDoc *doc, const PPLimits *lim, GError **error)
{
    PPOdtBudget budget = {0, lim->max_text_bytes};
    guint objects = 0;
    GError *err = NULL;
    /* the flat file's automatic styles serve body and master pages alike: one scope */
    if (!read_text(doc, doc->data, "office:document", 'c', doc->data, "office:document", &budget, &objects, &err) ||
        !pp_odt_meta(doc, doc->data, "office:meta", &budget, &err)) {
        g_propagate_prefixed_error(error, err, "ODT（单文件 XML）：");
        return FALSE;
    }
    return check_reviewable(doc, 0, objects, error);
}

static gboolean is_encrypted(PPZip *z)
{
    int i = pp_zip_find(z, "META-INF/manifest.xml");
    g_autoptr(GBytes) xml = i >= 0 ? pp_zip_read(z, (guint)i, NULL) : NULL;
    if (!xml)
        return FALSE;
    gsize len = 0;
    const guint8 *p = g_bytes_get_data(xml, &len);
    return pp_has_bytes(p, len, "encryption-data");
}

static gboolean odt_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
        return extract_flat(doc, lim, error);
    GError *err = NULL;
    g_autoptr(PPZip) z = pp_zip_open(doc->data, lim, &err);
    if (!z) {
        g_propagate_prefixed_error(error, err, "ODT 文件无法打开：");
        return FALSE;
    }
    if (is_encrypted(z)) {
        g_set_error(error, PP_ERROR, PP_ERR_ENCRYPTED, "ODT 文件设置了打开密码（已加密），无法审查；请去掉密码后再检查");
        return FALSE;
    }
    int content = pp_zip_find(z, "content.xml");
    if (content < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "ODT 文件缺少正文 content.xml，无法审查");
        return FALSE;
    }
    doc->pages = 0; /* meta.xml's page count is the writer's last layout, not a fixed page */
    PPOdtBudget budget = {0, lim->max_text_bytes};
    guint objects = 0;
    int si = pp_zip_find(z, "styles.xml");
    int mi = pp_zip_find(z, "meta.xml");
    g_autoptr(GBytes) styles = si >= 0 ? pp_zip_read(z, (guint)si, &err) : NULL;
    g_autoptr(GBytes) body = !err ? pp_zip_read(z, (guint)content, &err) : NULL;
    gboolean ok = !err && read_text(doc, styles, "styles.xml", 's', body, "content.xml", &budget, &objects, &err);
    if (ok && mi >= 0) {
        g_autoptr(GBytes) meta = pp_zip_read(z, (guint)mi, &err);
        ok = meta && pp_odt_meta(doc, meta, "meta.xml", &budget, &err);
    }
    if (!ok) {
        g_propagate_prefixed_error(error, err, "ODT 文件：");
        return FALSE;
    }
    guint pictures = 0, versions = 0;
    for (guint i = 0; i < pp_zip_n_entries(z); i++) {
        const char *name = pp_zip_name(z, i);
        pictures += name && g_ascii_strncasecmp(name, "Pictures/", 9) == 0;
        versions += name && g_ascii_strncasecmp(name, "Versions/Version", 16) == 0 &&
                    g_ascii_strcasecmp(name, "Versions/VersionList.xml") != 0;
    }
    if (versions) {
        /* 文件—版本 keeps whole earlier drafts inside the package: deleted text still in the file,
         * which a reader of the published copy can restore. Not read; reported as a revision. */
        PPPart *p = pp_doc_add_part(doc, PP_PART_TRACKED_CHANGE, 0, "Versions/");
        g_string_printf(p->text, "（文件内另存有 %u 个历史版本，其内容未审查）\n", versions);
    }
    return check_reviewable(doc, pictures, objects, error);
}

const PPFormat pp_format_odt = {
    .name = "odt",
    .bid = odt_bid,
    .extract = odt_extract,
};
