/* PDF content beside the page text: Info/XMP metadata, annotation contents, embedded files.
 *
 * Metadata origins are chosen for stage_hidden.c, which treats an origin containing "Author",
 * "author", "creator" or "Creator" as naming a person: application fields (Info /Creator, /Producer,
 * xmp:CreatorTool) get origins without those words, unless an Info /Creator looks like a person's
 * name rather than a program (no Latin letters or digits), when it keeps "pdf Creator".
 */
#include "format.h"
#include "pdf_internal.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#define ATTACHMENT_TEXT_MAX (256u << 10) /* bytes of an attachment's text kept for review */

static void add_meta(PPDoc *doc, const char *origin, const char *value)
{
    if (!value)
        return;
    g_autofree char *v = g_utf8_make_valid(value, -1);
    g_strstrip(v);
    if (!*v)
        return;
    PPPart *p = pp_doc_add_part(doc, PP_PART_METADATA, 0, origin);
    g_string_assign(p->text, v);
}

static gboolean looks_like_program(const char *s)
{
    for (; *s; s++)
        if (g_ascii_isalnum(*s))
            return TRUE;
    return FALSE;
}

/* XMP properties worth reviewing: namespace URI, local name, origin. */
static const struct {
    const char *ns, *name, *origin;
} xmp_fields[] = {
    {"http://purl.org/dc/elements/1.1/", "creator", "xmp dc:creator"},
    {"http://purl.org/dc/elements/1.1/", "title", "xmp dc:title"},
    {"http://purl.org/dc/elements/1.1/", "description", "xmp dc:description"},
    {"http://purl.org/dc/elements/1.1/", "subject", "xmp dc:subject"},
    {"http://purl.org/dc/elements/1.1/", "contributor", "xmp dc:contributor (creator)"},
    {"http://ns.adobe.com/pdf/1.3/", "Author", "xmp pdf:Author"},
    {"http://ns.adobe.com/pdf/1.3/", "Keywords", "xmp pdf:Keywords"},
    {"http://ns.adobe.com/pdf/1.3/", "Producer", "xmp pdf:Producer"},
    {"http://ns.adobe.com/xap/1.0/", "CreatorTool", "xmp xmp:Tool"},
};

/* Text of a property: its own text, or its rdf:li items joined with '、'. */
static void collect_text(xmlNode *n, GString *out)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            g_autofree char *t = g_strstrip(g_strdup((const char *)c->content));
            if (*t) {
                if (out->len)
                    g_string_append(out, "、");
                g_string_append(out, t);
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            collect_text(c, out);
        }
    }
}

static void walk_xmp(PPDoc *doc, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        gboolean hit = FALSE;
        for (gsize i = 0; n->ns && i < G_N_ELEMENTS(xmp_fields); i++) {
            if (strcmp((const char *)n->ns->href, xmp_fields[i].ns) == 0 &&
                strcmp((const char *)n->name, xmp_fields[i].name) == 0) {
                g_autoptr(GString) v = g_string_new(NULL);
                collect_text(n, v);
                add_meta(doc, xmp_fields[i].origin, v->str);
                hit = TRUE;
            }
        }
        /* the same properties may be written as attributes of rdf:Description */
        for (xmlAttr *a = n->properties; a; a = a->next)
            for (gsize i = 0; a->ns && i < G_N_ELEMENTS(xmp_fields); i++)
                if (strcmp((const char *)a->ns->href, xmp_fields[i].ns) == 0 &&
                    strcmp((const char *)a->name, xmp_fields[i].name) == 0 && a->children)
                    add_meta(doc, xmp_fields[i].origin, (const char *)a->children->content);
        if (!hit)
            walk_xmp(doc, n->children);
    }
}

void pp_pdf_read_metadata(PPDoc *doc, PopplerDocument *pdf)
{
    static const struct {
        gchar *(*get)(PopplerDocument *);
        const char *origin;
    } info[] = {
        {poppler_document_get_title, "pdf Title"},
        {poppler_document_get_author, "pdf Author"},
        {poppler_document_get_subject, "pdf Subject"},
        {poppler_document_get_keywords, "pdf Keywords"},
        {poppler_document_get_producer, "pdf Producer"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(info); i++) {
        g_autofree char *v = info[i].get(pdf);
        add_meta(doc, info[i].origin, v);
    }
    g_autofree char *creator = poppler_document_get_creator(pdf);
    if (creator)
        add_meta(doc, looks_like_program(creator) ? "pdf Application" : "pdf Creator", creator);

    g_autofree char *xmp = poppler_document_get_metadata(pdf);
    if (!xmp || !*xmp)
        return;
    /* no network, no entity expansion, no DTD loading */
    xmlDoc *x = xmlReadMemory(xmp, (int)MIN(strlen(xmp), (gsize)G_MAXINT), "xmp.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!x)
        return;
    walk_xmp(doc, xmlDocGetRootElement(x));
    xmlFreeDoc(x);
}

/* ---- annotations ---- */

static const char *annot_type_name(PopplerAnnotType t)
{
    static const struct {
        PopplerAnnotType t;
        const char *name;
    } names[] = {
        {POPPLER_ANNOT_TEXT, "Text"},           {POPPLER_ANNOT_FREE_TEXT, "FreeText"},
        {POPPLER_ANNOT_HIGHLIGHT, "Highlight"}, {POPPLER_ANNOT_UNDERLINE, "Underline"},
        {POPPLER_ANNOT_STRIKE_OUT, "StrikeOut"}, {POPPLER_ANNOT_SQUIGGLY, "Squiggly"},
        {POPPLER_ANNOT_POPUP, "Popup"},         {POPPLER_ANNOT_STAMP, "Stamp"},
        {POPPLER_ANNOT_INK, "Ink"},             {POPPLER_ANNOT_SQUARE, "Square"},
        {POPPLER_ANNOT_CIRCLE, "Circle"},       {POPPLER_ANNOT_LINE, "Line"},
        {POPPLER_ANNOT_CARET, "Caret"},         {POPPLER_ANNOT_FILE_ATTACHMENT, "FileAttachment"},
        {POPPLER_ANNOT_LINK, "Link"},           {POPPLER_ANNOT_WIDGET, "Widget"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
        if (names[i].t == t)
            return names[i].name;
    return "Other";
}

void pp_pdf_read_annotations(PPDoc *out, PopplerPage *page, int page_no)
{
    GList *map = poppler_page_get_annot_mapping(page);
    GPtrArray *seen = g_ptr_array_new_with_free_func(g_free); /* a popup repeats its parent's text */
    for (GList *l = map; l; l = l->next) {
        PopplerAnnot *a = ((PopplerAnnotMapping *)l->data)->annot;
        PopplerAnnotType t = poppler_annot_get_annot_type(a);
        g_autofree char *contents = poppler_annot_get_contents(a);
        if (!contents)
            continue;
        g_autofree char *v = g_utf8_make_valid(contents, -1);
        g_strstrip(v);
        gboolean dup = FALSE;
        for (guint k = 0; k < seen->len && !dup; k++)
            dup = strcmp(seen->pdata[k], v) == 0;
        if (!*v || dup)
            continue;
        g_ptr_array_add(seen, g_strdup(v));
        g_autofree char *origin = g_strdup_printf("pdf annot %s", annot_type_name(t));
        PPPart *p = pp_doc_add_part(out, PP_PART_ANNOTATION, page_no, origin);
        g_string_assign(p->text, v);
        if (POPPLER_IS_ANNOT_MARKUP(a)) {
            g_autofree char *label = poppler_annot_markup_get_label(POPPLER_ANNOT_MARKUP(a));
            if (label && *g_strstrip(label))
                p->author = g_utf8_make_valid(label, -1);
        }
    }
    g_ptr_array_unref(seen);
    poppler_page_free_annot_mapping(map);
}

/* ---- form fields ---- */

static char *squeeze(const char *s) /* without whitespace, to compare */
{
    GString *o = g_string_new(NULL);
    for (; *s; s++)
        if (!g_ascii_isspace(*s))
            g_string_append_c(o, *s);
    return g_string_free(o, FALSE);
}

static void add_field_line(GString *out, const char *page_text, const char *name, const char *value)
{
    if (!value)
        return;
    g_autofree char *v = g_utf8_make_valid(value, -1);
    g_strstrip(v);
    if (!*v)
        return;
    /* a widget with an appearance stream already drew its value into the page text */
    g_autofree char *sv = squeeze(v);
    if (strstr(page_text, sv))
        return;
    for (char *q = v; *q; q++) /* one field, one line, no cell separators */
        if (*q == '\n' || *q == '\r' || *q == '\t')
            *q = ' ';
    /* a human label ("身份证号") tells later stages what the value is; "Text1" does not */
    gboolean label = FALSE;
    for (const char *q = name; q && *q && !label; q++)
        label = (guchar)*q >= 0x80;
    if (label) {
        g_autofree char *n = g_utf8_make_valid(name, -1);
        g_string_append_printf(out, "%s：", n);
    }
    g_string_append(out, v);
    g_string_append_c(out, '\n');
}

void pp_pdf_read_form_fields(PPDoc *out, PopplerPage *page, int page_no, const char *page_text)
{
    GList *map = poppler_page_get_form_field_mapping(page);
    if (!map)
        return;
    g_autofree char *flat = squeeze(page_text);
    g_autoptr(GString) text = g_string_new(NULL);
    for (GList *l = map; l; l = l->next) {
        PopplerFormField *f = ((PopplerFormFieldMapping *)l->data)->field;
        g_autofree char *name = poppler_form_field_get_partial_name(f);
        switch (poppler_form_field_get_field_type(f)) {
        case POPPLER_FORM_FIELD_TEXT: {
            g_autofree char *v = poppler_form_field_text_get_text(f);
            add_field_line(text, flat, name, v);
            break;
        }
        case POPPLER_FORM_FIELD_CHOICE: {
            g_autofree char *v = poppler_form_field_choice_get_text(f);
            add_field_line(text, flat, name, v);
            int n = poppler_form_field_choice_get_n_items(f);
            for (int i = 0; i < n && i < 1000; i++)
                if (poppler_form_field_choice_is_item_selected(f, i)) {
                    g_autofree char *item = poppler_form_field_choice_get_item(f, i);
                    add_field_line(text, flat, name, item);
                }
            break;
        }
        default:
            break;
        }
    }
    poppler_page_free_form_field_mapping(map);
    if (text->len)
        g_string_assign(pp_doc_add_part(out, PP_PART_BODY, page_no, "pdf form field")->text, text->str);
}

/* ---- embedded files ---- */

typedef struct {
    GByteArray *buf;
    gsize cap;
    gboolean truncated;
} Sink;

static gboolean sink_write(const gchar *buf, gsize count, gpointer data, GError **error)
{
    Sink *s = data;
    gsize room = s->cap - s->buf->len;
    if (count > room) {
        count = room;
        s->truncated = TRUE;
    }
    g_byte_array_append(s->buf, (const guint8 *)buf, (guint)count);
    if (s->truncated) { /* stop inflating: the rest is not reviewed anyway */
        g_set_error_literal(error, PP_ERROR, PP_ERR_TOO_LARGE, "附件过大");
        return FALSE;
    }
    return TRUE;
}

static gboolean looks_like_text(const guint8 *d, gsize n)
{
    return n > 0 && !memchr(d, 0, MIN(n, (gsize)4096));
}

void pp_pdf_read_attachments(PPDoc *doc, PopplerDocument *pdf, const PPLimits *lim)
{
    if (!poppler_document_has_attachments(pdf))
        return;
    GList *list = poppler_document_get_attachments(pdf);
    for (GList *l = list; l; l = l->next) {
        PopplerAttachment *att = l->data;
        g_autofree char *name = g_utf8_make_valid(att->name ? att->name : "(未命名附件)", -1);
        PPPart *p = pp_doc_add_part(doc, PP_PART_ATTACHMENT, 0, "pdf EmbeddedFile");
        g_string_append(p->text, name);
        g_string_append_c(p->text, '\n');
        if (att->description && *att->description && g_strcmp0(att->description, att->name) != 0) {
            g_autofree char *d = g_utf8_make_valid(att->description, -1);
            g_string_append(p->text, d);
            g_string_append_c(p->text, '\n');
        }
        Sink s = {.buf = g_byte_array_new(), .cap = MIN(ATTACHMENT_TEXT_MAX, lim->max_part_bytes)};
        gboolean saved = poppler_attachment_save_to_callback(att, sink_write, &s, NULL);
        if ((saved || s.truncated) && looks_like_text(s.buf->data, s.buf->len)) {
            gsize len = s.buf->len, out_len = 0;
            /* a cut may split a multibyte character: drop an incomplete tail before decoding */
            for (int k = 0; k < 3 && len > 0 && s.truncated; k++)
                if (g_utf8_validate((const char *)s.buf->data, (gssize)len, NULL))
                    break;
                else
                    len--;
            g_autofree char *t = pp_decode_text(s.buf->data, len, &out_len, NULL, NULL);
            if (t)
                g_string_append_len(p->text, t, (gssize)out_len);
            if (s.truncated)
                pp_doc_note(doc, "PDF 附件“%s”较大，只审查了前 %u KiB 文字", name, (unsigned)(s.cap >> 10));
        }
        g_byte_array_unref(s.buf);
    }
    g_list_free_full(list, g_object_unref);
}
