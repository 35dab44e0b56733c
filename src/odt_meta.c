/* office:meta (meta.xml, or inside a flat .fodt) → metadata parts.
 *
 * One part per non-empty field, origin "<entry> <qualified name>" — stage_hidden.c decides which
 * fields may name a person by that name ("dc:creator", "meta:initial-creator", "meta:printed-by",
 * "meta:user-defined …"), so it must stay in the origin. Dates, statistics and the generator are
 * left out, as the DOCX reader leaves them out.
 */
#include "odt.h"

#include <string.h>

#include "xml_read.h"

static const struct {
    const char *ns, *local, *qname;
} fields[] = {
    {PP_NS_DC, "title", "dc:title"},
    {PP_NS_DC, "subject", "dc:subject"},
    {PP_NS_DC, "description", "dc:description"},
    {PP_NS_DC, "creator", "dc:creator"},
    {PP_NS_ODF_META, "initial-creator", "meta:initial-creator"},
    {PP_NS_ODF_META, "printed-by", "meta:printed-by"},
    {PP_NS_ODF_META, "keyword", "meta:keyword"},
    {PP_NS_ODF_META, "user-defined", "meta:user-defined"},
};

/* user-defined fields every converted or WPS file carries: build numbers, GUIDs, app.xml flags */
static const char *const user_noise[] = {
    "KSOProductBuildVer", "ICV", "AppVersion", "DocSecurity", "HyperlinksChanged", "LinksUpToDate", "ScaleCrop",
    "ShareDoc",
};

gboolean pp_odt_budget_take(PPOdtBudget *b, gsize n, GError **error)
{
    b->used += n;
    if (b->used <= b->max)
        return TRUE;
    g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "ODT 提取出的文字超过 %" G_GSIZE_FORMAT " MiB 上限", b->max >> 20);
    return FALSE;
}

/* The field an element of office:meta is ("dc:creator", "meta:user-defined 拟稿人"), or NULL. */
static char *field_of(PPXml *x, const char *ns, const char *local)
{
    for (gsize i = 0; ns && i < G_N_ELEMENTS(fields); i++) {
        if (strcmp(ns, fields[i].ns) != 0 || strcmp(local, fields[i].local) != 0)
            continue;
        if (strcmp(local, "user-defined") != 0)
            return g_strdup(fields[i].qname);
        g_autofree char *name = pp_xml_attr(x, PP_NS_ODF_META, "name");
        for (gsize k = 0; name && k < G_N_ELEMENTS(user_noise); k++)
            if (strcmp(name, user_noise[k]) == 0)
                return NULL;
        return name ? g_strconcat(fields[i].qname, " ", name, NULL) : NULL;
    }
    return NULL;
}

static gboolean finish_field(PPDoc *doc, const char *entry, const char *field, GString *val, PPOdtBudget *budget,
                             GError **error)
{
    for (gsize i = 0; i < val->len; i++)
        if ((unsigned char)val->str[i] < 0x20 && val->str[i] != '\n')
            val->str[i] = ' ';
    g_strstrip(val->str);
    gsize n = strlen(val->str);
    if (!n)
        return TRUE;
    if (!pp_odt_budget_take(budget, n, error))
        return FALSE;
    g_autofree char *origin = g_strconcat(entry, " ", field, NULL);
    PPPart *p = pp_doc_add_part(doc, PP_PART_METADATA, 0, origin);
    g_string_append_len(p->text, val->str, (gssize)n);
    return TRUE;
}

gboolean pp_odt_meta(PPDoc *doc, GBytes *xml, const char *entry, PPOdtBudget *budget, GError **error)
{
    g_autoptr(PPXml) x = pp_xml_new(xml, entry);
    xmlTextReaderPtr r = pp_xml_reader(x);
    int meta_depth = -1; /* depth of office:meta while inside it */
    g_autofree char *field = NULL;
    g_autoptr(GString) val = g_string_new(NULL);
    gboolean skip = FALSE;
    GError *err = NULL;
    while (pp_xml_next(x, skip, &err)) {
        skip = FALSE;
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        const char *local = (const char *)xmlTextReaderConstLocalName(r);
        if (type == XML_READER_TYPE_ELEMENT && meta_depth < 0) {
            if (g_strcmp0(ns, PP_NS_ODF_OFFICE) == 0 && g_strcmp0(local, "meta") == 0)
                meta_depth = xmlTextReaderIsEmptyElement(r) ? -1 : depth;
            /* in a flat file only office:meta matters here: the body is read elsewhere */
            else if (depth >= 1)
                skip = TRUE;
        } else if (type == XML_READER_TYPE_ELEMENT && depth == meta_depth + 1) {
            g_clear_pointer(&field, g_free);
            g_string_truncate(val, 0);
            field = field_of(x, ns, local);
            skip = !field || xmlTextReaderIsEmptyElement(r);
            if (skip)
                g_clear_pointer(&field, g_free);
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == meta_depth + 1 && field) {
            gboolean ok = finish_field(doc, entry, field, val, budget, error);
            g_clear_pointer(&field, g_free);
            if (!ok)
                return FALSE;
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == meta_depth) {
            meta_depth = -1;
        } else if (field && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                             type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const char *s = (const char *)xmlTextReaderConstValue(r);
            if (s && val->len < ((gsize)1 << 20))
                g_string_append(val, s);
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}
