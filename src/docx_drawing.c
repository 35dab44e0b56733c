/* Text of SmartArt diagrams (word/diagrams/data*.xml) and charts (word/charts/chart*.xml): shown
 * on the page, stored outside the stories. DrawingML paragraphs (a:p) and the string values of
 * a chart's categories and series (c:strCache/c:pt/c:v) become lines of one textbox part per entry.
 * Number caches are left out: they are figures, not words. */
#include "docx.h"

#include <string.h>

#include "xml_read.h"

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"

gboolean pp_docx_drawing(PPDoc *doc, GBytes *xml, const char *entry, PPTextBudget *budget, GError **error)
{
    g_autoptr(PPXml) x = pp_xml_new(xml, entry);
    xmlTextReaderPtr r = pp_xml_reader(x);
    g_autoptr(GString) text = g_string_new(NULL);
    int in_text = 0;   /* inside a:t, or c:v of a string cache */
    int str_cache = 0; /* depth of the c:strCache we are in, 0 if none */
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        const char *local = (const char *)xmlTextReaderConstLocalName(r);
        gboolean a = g_strcmp0(ns, NS_A) == 0, c = g_strcmp0(ns, NS_C) == 0;
        if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(r)) {
            if (a && strcmp(local, "t") == 0)
                in_text = 1;
            else if (c && strcmp(local, "strCache") == 0)
                str_cache = depth;
            else if (c && str_cache && strcmp(local, "v") == 0)
                in_text = 1;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if ((a && strcmp(local, "t") == 0) || (c && strcmp(local, "v") == 0))
                in_text = 0;
            else if (c && strcmp(local, "strCache") == 0)
                str_cache = 0;
            if ((a && strcmp(local, "p") == 0) || (c && str_cache && strcmp(local, "pt") == 0))
                if (text->len && text->str[text->len - 1] != '\n')
                    g_string_append_c(text, '\n');
        } else if (in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                               type == XML_READER_TYPE_CDATA)) {
            const char *s = (const char *)xmlTextReaderConstValue(r);
            gsize n = s ? strlen(s) : 0;
            if (!pp_docx_budget_take(budget, n, error))
                return FALSE;
            for (gsize i = 0; i < n; i++)
                g_string_append_c(text, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    if (text->len && text->str[text->len - 1] != '\n')
        g_string_append_c(text, '\n');
    PPPart *p = pp_doc_add_part(doc, PP_PART_TEXTBOX, 0, entry);
    g_string_append_len(p->text, text->str, (gssize)text->len);
    return TRUE;
}
