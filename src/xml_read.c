/* Safe streaming XML reading (see xml_read.h). */
#include "xml_read.h"

struct PPXml {
    xmlTextReaderPtr r;
    char *name;
    char *first_error; /* first parser message, for the user */
    int line;
    gboolean started;
};

static void on_error(void *ctx, xmlErrorPtr e)
{
    PPXml *x = ctx;
    if (!e || e->level < XML_ERR_ERROR || x->first_error)
        return;
    x->first_error = g_strchomp(g_strdup(e->message ? e->message : "?"));
    for (char *q = x->first_error; *q; q++) /* libxml2 adds a "Bytes: …" line; messages are one line */
        if (*q == '\n' || *q == '\r')
            *q = ' ';
    x->line = e->line;
}

static gpointer init_once(gpointer unused)
{
    (void)unused;
    xmlInitParser(); /* must run once before threads use the parser */
    return NULL;
}

void pp_xml_init(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, init_once, NULL);
}

PPXml *pp_xml_new(GBytes *xml, const char *name)
{
    pp_xml_init();
    gsize len = 0;
    const char *p = g_bytes_get_data(xml, &len);
    PPXml *x = g_new0(PPXml, 1);
    x->name = g_strdup(name);
    /* no XML_PARSE_NOENT (no entity substitution), no DTDLOAD/DTDATTR, no HUGE: libxml2's default
     * caps on depth and text node size stay on */
    x->r = xmlReaderForMemory(len ? p : "", (int)MIN(len, (gsize)G_MAXINT), name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (x->r)
        xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
    return x;
}

void pp_xml_free(PPXml *x)
{
    if (!x)
        return;
    if (x->r)
        xmlFreeTextReader(x->r);
    g_free(x->name);
    g_free(x->first_error);
    g_free(x);
}

xmlTextReaderPtr pp_xml_reader(PPXml *x) { return x->r; }

gboolean pp_xml_walk(PPXml *x, const PPXmlEvents *ev, gpointer user, GError **error)
{
    GError *err = NULL;
    gboolean skip = FALSE;
    while (!(ev->stop && ev->stop(user)) && pp_xml_next(x, skip, &err)) {
        skip = FALSE;
        int type = xmlTextReaderNodeType(x->r), depth = xmlTextReaderDepth(x->r);
        if (type == XML_READER_TYPE_ELEMENT) {
            skip = ev->start(user, depth, (const char *)xmlTextReaderConstNamespaceUri(x->r),
                             (const char *)xmlTextReaderConstLocalName(x->r), xmlTextReaderIsEmptyElement(x->r) != 0);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            ev->end(user, depth);
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
            const char *s = (const char *)xmlTextReaderConstValue(x->r);
            if (s)
                ev->text(user, s);
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}

gboolean pp_xml_next(PPXml *x, gboolean skip, GError **error)
{
    if (!x->r) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 无法解析", x->name);
        return FALSE;
    }
    int ret = skip ? xmlTextReaderNext(x->r) : xmlTextReaderRead(x->r);
    if (ret == 1 && xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 含 DTD 声明（Office 文件不应有），拒绝处理", x->name);
        return FALSE;
    }
    if (ret == 1) {
        x->started = TRUE;
        return TRUE;
    }
    if (ret == 0 && x->started)
        return FALSE;
    if (x->first_error)
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 不是合法的 XML（第 %d 行：%s）", x->name, x->line,
                    x->first_error);
    else
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 不是合法的 XML", x->name);
    return FALSE;
}

char *pp_xml_attr(PPXml *x, const char *ns, const char *local)
{
    xmlChar *v = ns ? xmlTextReaderGetAttributeNs(x->r, BAD_CAST local, BAD_CAST ns)
                    : xmlTextReaderGetAttribute(x->r, BAD_CAST local);
    if (!v)
        return NULL;
    char *s = g_strdup((const char *)v);
    xmlFree(v);
    return s;
}
