/* Which styles hide text: a w:style whose run properties say w:vanish, directly or through the
 * chain of w:basedOn, hides every run (character style) or paragraph (paragraph style) using it;
 * one saying w:vanish w:val="0" shows them again. */
#include "docx.h"

#include <string.h>

#include "xml_read.h"

typedef struct {
    char *based_on;
    int vanish; /* -1 not said, 0 off, 1 on */
} Style;

static void style_free(gpointer p)
{
    Style *s = p;
    g_free(s->based_on);
    g_free(s);
}

static gboolean is_w(const char *ns, const char *local, const char *want)
{
    return (g_strcmp0(ns, PP_NS_W) == 0 || g_strcmp0(ns, PP_NS_W_STRICT) == 0) && strcmp(local, want) == 0;
}

GHashTable *pp_docx_hidden_styles(GBytes *xml)
{
    GHashTable *all = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, style_free);
    g_autoptr(PPXml) x = pp_xml_new(xml, "word/styles.xml");
    xmlTextReaderPtr r = pp_xml_reader(x);
    Style *cur = NULL;
    int style_depth = -1, rpr_depth = -1;
    while (pp_xml_next(x, FALSE, NULL)) {
        int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        const char *local = (const char *)xmlTextReaderConstLocalName(r);
        if (type == XML_READER_TYPE_END_ELEMENT) {
            if (depth == style_depth)
                cur = NULL, style_depth = -1;
            if (depth == rpr_depth)
                rpr_depth = -1;
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT || !local)
            continue;
        if (is_w(ns, local, "style") && !xmlTextReaderIsEmptyElement(r)) {
            char *id = pp_xml_attr(x, ns, "styleId");
            if (!id)
                continue;
            cur = g_new0(Style, 1);
            cur->vanish = -1;
            g_hash_table_replace(all, id, cur);
            style_depth = depth;
        } else if (cur && depth == style_depth + 1 && is_w(ns, local, "basedOn")) {
            g_free(cur->based_on);
            cur->based_on = pp_xml_attr(x, ns, "val");
        } else if (cur && depth == style_depth + 1 && is_w(ns, local, "rPr") && !xmlTextReaderIsEmptyElement(r)) {
            rpr_depth = depth;
        } else if (cur && rpr_depth >= 0 && depth == rpr_depth + 1 && is_w(ns, local, "vanish")) {
            g_autofree char *val = pp_xml_attr(x, ns, "val");
            cur->vanish = !val || !(strcmp(val, "0") == 0 || g_ascii_strcasecmp(val, "false") == 0 ||
                                    g_ascii_strcasecmp(val, "off") == 0);
        }
    }
    /* resolve inheritance; a chain longer than the number of styles is a loop */
    GHashTable *said = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gboolean any_on = FALSE;
    GHashTableIter it;
    gpointer key, val;
    g_hash_table_iter_init(&it, all);
    guint n = g_hash_table_size(all);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        const Style *s = val;
        for (guint steps = 0; s && s->vanish < 0 && s->based_on && steps < n; steps++)
            s = g_hash_table_lookup(all, s->based_on);
        if (s && s->vanish >= 0) {
            g_hash_table_insert(said, g_strdup(key), GINT_TO_POINTER(s->vanish ? PP_STYLE_HIDES : PP_STYLE_SHOWS));
            any_on |= s->vanish == 1;
        }
    }
    g_hash_table_unref(all);
    if (!any_on)
        g_clear_pointer(&said, g_hash_table_unref);
    return said;
}
