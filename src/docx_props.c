/* docProps/core.xml, app.xml, custom.xml → metadata parts.
 *
 * One part per non-empty field, origin "<entry> <field>" (stage_hidden.c decides what names a
 * person by the field name in the origin, so the field name must stay in it). Dates, counters and
 * application names are left out: they are noise, not something a reader should not see.
 */
#include "docx.h"

#include <string.h>

#include "xml_read.h"

typedef enum { PROPS_CORE, PROPS_APP, PROPS_CUSTOM } PropsKind;

static const char *const core_fields[] = {
    "title", "subject", "creator", "keywords", "description", "lastModifiedBy", "category", "contentStatus",
};
static const char *const app_fields[] = {"Company", "Manager"};
/* custom properties every WPS file carries: a build number and a document GUID */
static const char *const custom_noise[] = {"KSOProductBuildVer", "ICV"};

static gboolean in_list(const char *const *list, gsize n, const char *s)
{
    for (gsize i = 0; i < n; i++)
        if (g_strcmp0(list[i], s) == 0)
            return TRUE;
    return FALSE;
}

gboolean pp_docx_budget_take(PPTextBudget *b, gsize n, GError **error)
{
    b->used += n;
    if (b->used <= b->max)
        return TRUE;
    g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "DOCX 提取出的文字超过 %" G_GSIZE_FORMAT " MiB 上限", b->max >> 20);
    return FALSE;
}

/* Which field a depth-1 element is, or NULL to ignore it. custom.xml: "custom <name>". */
static char *field_of(PPXml *x, PropsKind kind, const char *local)
{
    switch (kind) {
    case PROPS_CORE:
        return in_list(core_fields, G_N_ELEMENTS(core_fields), local) ? g_strdup(local) : NULL;
    case PROPS_APP:
        return in_list(app_fields, G_N_ELEMENTS(app_fields), local) || g_str_equal(local, "Pages") ? g_strdup(local)
                                                                                                    : NULL;
    case PROPS_CUSTOM: {
        g_autofree char *name = pp_xml_attr(x, NULL, "name");
        if (!name || in_list(custom_noise, G_N_ELEMENTS(custom_noise), name))
            return NULL;
        return g_strconcat("custom ", name, NULL);
    }
    }
    return NULL;
}

static gboolean finish_field(PPDoc *doc, const char *entry, const char *field, GString *val, PPTextBudget *budget,
                             GError **error)
{
    for (gsize i = 0; i < val->len; i++)
        if ((unsigned char)val->str[i] < 0x20 && val->str[i] != '\n')
            val->str[i] = ' ';
    g_strstrip(val->str);
    gsize n = strlen(val->str);
    if (!n)
        return TRUE;
    if (g_str_equal(field, "Pages")) {
        gint64 pages = g_ascii_strtoll(val->str, NULL, 10);
        if (pages > 0 && pages < G_MAXINT)
            doc->pages = (int)pages;
        return TRUE;
    }
    if (!pp_docx_budget_take(budget, n, error))
        return FALSE;
    g_autofree char *origin = g_strconcat(entry, " ", field, NULL);
    PPPart *p = pp_doc_add_part(doc, PP_PART_METADATA, 0, origin);
    g_string_append_len(p->text, val->str, (gssize)n);
    return TRUE;
}

gboolean pp_docx_props(PPDoc *doc, GBytes *xml, const char *entry, PPTextBudget *budget, GError **error)
{
    const char *base = strrchr(entry, '/') ? strrchr(entry, '/') + 1 : entry;
    PropsKind kind = g_ascii_strcasecmp(base, "core.xml") == 0  ? PROPS_CORE
                     : g_ascii_strcasecmp(base, "app.xml") == 0 ? PROPS_APP
                                                                : PROPS_CUSTOM;
    g_autoptr(PPXml) x = pp_xml_new(xml, entry);
    xmlTextReaderPtr r = pp_xml_reader(x);
    g_autofree char *field = NULL;
    g_autoptr(GString) val = g_string_new(NULL);
    gboolean skip = FALSE;
    GError *err = NULL;
    while (pp_xml_next(x, skip, &err)) {
        skip = FALSE;
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_ELEMENT && depth == 1) {
            g_clear_pointer(&field, g_free);
            g_string_truncate(val, 0);
            field = field_of(x, kind, (const char *)xmlTextReaderConstLocalName(r));
            skip = !field || xmlTextReaderIsEmptyElement(r);
            if (skip)
                g_clear_pointer(&field, g_free);
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == 1 && field) {
            gboolean ok = finish_field(doc, entry, field, val, budget, error);
            g_clear_pointer(&field, g_free);
            if (!ok)
                return FALSE;
        } else if (field && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                             type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            const char *s = (const char *)xmlTextReaderConstValue(r);
            /* one value is a few words; a megabyte-long "title" is not worth keeping whole */
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
