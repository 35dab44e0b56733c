/* DOCX (Office Open XML WordprocessingML, written by Word, WPS, LibreOffice …).
 *
 * The package is read with zip_read.c (limits enforced while inflating); each XML part is walked
 * once by docx_text.c, docx_drawing.c or docx_props.c. Parts come out in this order: body (with its
 * text boxes, tracked changes and hidden text), headers, footers, footnotes, endnotes, comments,
 * SmartArt and chart text, metadata.
 */
#include "format.h"

#include <string.h>

#include "docx.h"
#include "xml_read.h"
#include "zip_read.h"

#define DOCX_BODY "word/document.xml"

/* A password-protected DOCX is not a zip: Word wraps the encrypted package in an OLE compound
 * file with a stream named "EncryptedPackage" (names are UTF-16LE there). */
static gboolean is_encrypted_ooxml(const guint8 *data, gsize len)
{
    static const guint8 ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    if (len < 8 || memcmp(data, ole, 8) != 0)
        return FALSE;
    const gsize window = (gsize)1 << 20;
    gsize n = sizeof name - 1;
    for (int end = 0; end < 2; end++) {
        const guint8 *from = end ? data + (len > window ? len - window : 0) : data;
        gsize span = MIN(len, window);
        for (gsize i = 0; i + n <= span; i++) {
            const guint8 *p = memchr(from + i, 'E', span - n + 1 - i);
            if (!p)
                break;
            if (memcmp(p, name, n) == 0)
                return TRUE;
            i = (gsize)(p - from);
        }
    }
    return FALSE;
}

static int docx_bid(const guint8 *data, gsize len, const char *mime)
{
    if (is_encrypted_ooxml(data, len))
        return 60; /* above the legacy .doc reader, which would call it unsupported */
    if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
        return 0;
    int probe = pp_zip_probe(data, len, DOCX_BODY);
    if (probe == 1)
        return 90;
    /* A Word package without its body, or one too damaged to open: still ours, so that the user
     * hears "corrupt DOCX" instead of "unsupported". Entry names are stored uncompressed in the
     * local headers, so "word/" near the start marks a Word package even when the directory at
     * the end is gone. */
    const gsize window = (gsize)1 << 20;
    if (strstr(mime, "wordprocessingml") || pp_has_bytes(data, MIN(len, window), "word/") ||
        (len > window && pp_has_bytes(data + len - window, window, "word/")))
        return 40;
    return 0;
}

static gboolean name_is(const char *name, const char *want) { return g_ascii_strcasecmp(name, want) == 0; }

/* word/header3.xml, word/footer1.xml …: prefix, then no further directory, then ".xml". */
static gboolean name_is_story(const char *name, const char *prefix)
{
    gsize n = strlen(prefix);
    return g_ascii_strncasecmp(name, prefix, n) == 0 && !strchr(name + n, '/') && strlen(name) > n + 4 &&
           g_ascii_strcasecmp(name + strlen(name) - 4, ".xml") == 0;
}

static gboolean read_story(PPDoc *doc, PPZip *z, guint i, PPPartKind kind, GHashTable *hidden_styles,
                           PPTextBudget *budget, GError **error)
{
    g_autoptr(GBytes) xml = pp_zip_read(z, i, error);
    if (!xml)
        return FALSE;
    return pp_docx_story(doc, xml, pp_zip_name(z, i), kind, hidden_styles, budget, error);
}

static gboolean read_props(PPDoc *doc, PPZip *z, guint i, PPTextBudget *budget, GError **error)
{
    g_autoptr(GBytes) xml = pp_zip_read(z, i, error);
    if (!xml)
        return FALSE;
    return pp_docx_props(doc, xml, pp_zip_name(z, i), budget, error);
}

/* The main document part named by the package relationships (_rels/.rels), for the few writers
 * that do not call it word/document.xml. NULL if none. */
static char *main_part_from_rels(PPZip *z)
{
    int i = pp_zip_find(z, "_rels/.rels");
    if (i < 0)
        return NULL;
    g_autoptr(GBytes) xml = pp_zip_read(z, (guint)i, NULL);
    if (!xml)
        return NULL;
    g_autoptr(PPXml) x = pp_xml_new(xml, "_rels/.rels");
    xmlTextReaderPtr r = pp_xml_reader(x);
    while (pp_xml_next(x, FALSE, NULL)) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
            g_strcmp0((const char *)xmlTextReaderConstLocalName(r), "Relationship") != 0)
            continue;
        g_autofree char *type = pp_xml_attr(x, NULL, "Type");
        g_autofree char *target = pp_xml_attr(x, NULL, "Target");
        if (type && target && g_str_has_suffix(type, "/officeDocument"))
            return g_strdup(target[0] == '/' ? target + 1 : target);
    }
    return NULL;
}

/* Nothing unreviewed passes silently: a DOCX without any visible text (a scan pasted in as
 * pictures) is no_text, and embedded objects, whose contents are not read, are noted. */
static gboolean check_reviewable(PPDoc *doc, PPZip *z, GError **error)
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
    guint media = 0, embedded = 0;
    for (guint i = 0; i < pp_zip_n_entries(z); i++) {
        const char *name = pp_zip_name(z, i);
        if (name && g_ascii_strncasecmp(name, "word/media/", 11) == 0)
            media++;
        else if (name && g_ascii_strncasecmp(name, "word/embeddings/", 16) == 0)
            embedded++;
    }
    if (!text) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT, media ? "DOCX 中没有文字，只有 %u 张图片（可能是扫描件），无法审查"
                                                           : "DOCX 中没有任何文字，无法审查", media);
        return FALSE;
    }
    if (embedded)
        pp_doc_note(doc, "DOCX 含 %u 个嵌入对象（如 Excel 表格、其他文档），其内容未审查，请人工核对", embedded);
    return TRUE;
}

static gboolean docx_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    GError *err = NULL;
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    if (is_encrypted_ooxml(data, len)) {
        g_set_error(error, PP_ERROR, PP_ERR_ENCRYPTED, "DOCX 文件设置了打开密码（已加密），无法审查；请去掉密码后再检查");
        return FALSE;
    }
    g_autoptr(PPZip) z = pp_zip_open(doc->data, lim, &err);
    if (!z) {
        g_propagate_prefixed_error(error, err, "DOCX 文件无法打开：");
        return FALSE;
    }
    int body = pp_zip_find(z, DOCX_BODY);
    if (body < 0) {
        g_autofree char *main_part = main_part_from_rels(z);
        body = main_part && g_str_has_suffix(main_part, ".xml") ? pp_zip_find(z, main_part) : -1;
    }
    if (body < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "DOCX 文件缺少正文 " DOCX_BODY "，无法审查");
        return FALSE;
    }
    doc->pages = 0; /* DOCX has no fixed pages; app.xml's count, if any, is Word's last layout */
    PPTextBudget budget = {0, lim->max_text_bytes};
    g_autoptr(GHashTable) hidden_styles = NULL;
    int styles = pp_zip_find(z, "word/styles.xml");
    if (styles >= 0) {
        g_autoptr(GBytes) xml = pp_zip_read(z, (guint)styles, &err);
        if (!xml) {
            g_propagate_prefixed_error(error, err, "DOCX 文件：");
            return FALSE;
        }
        hidden_styles = pp_docx_hidden_styles(xml);
    }
    gboolean ok = read_story(doc, z, (guint)body, PP_PART_BODY, hidden_styles, &budget, &err);

    /* the other stories, each kind in package order */
    static const struct {
        const char *prefix;
        PPPartKind kind;
        gboolean exact;
    } stories[] = {
        {"word/header", PP_PART_HEADER, FALSE},
        {"word/footer", PP_PART_FOOTER, FALSE},
        {"word/footnotes.xml", PP_PART_FOOTNOTE, TRUE},
        {"word/endnotes.xml", PP_PART_FOOTNOTE, TRUE},
        {"word/comments.xml", PP_PART_COMMENT, TRUE},
    };
    guint n = pp_zip_n_entries(z);
    for (gsize s = 0; ok && s < G_N_ELEMENTS(stories); s++)
        for (guint i = 0; ok && i < n; i++) {
            const char *name = pp_zip_name(z, i);
            if (name && (stories[s].exact ? name_is(name, stories[s].prefix) : name_is_story(name, stories[s].prefix)))
                ok = read_story(doc, z, i, stories[s].kind, hidden_styles, &budget, &err);
        }
    for (guint i = 0; ok && i < n; i++) {
        const char *name = pp_zip_name(z, i);
        if (name && (name_is_story(name, "word/diagrams/data") || name_is_story(name, "word/charts/chart"))) {
            g_autoptr(GBytes) xml = pp_zip_read(z, i, &err);
            ok = xml && pp_docx_drawing(doc, xml, name, &budget, &err);
        }
    }
    int settings = ok ? pp_zip_find(z, "word/settings.xml") : -1;
    if (settings >= 0) {
        g_autoptr(GBytes) xml = pp_zip_read(z, (guint)settings, &err);
        ok = xml && pp_docx_docvars(doc, xml, pp_zip_name(z, (guint)settings), &budget, &err);
    }
    static const char *const props[] = {"docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"};
    for (gsize s = 0; ok && s < G_N_ELEMENTS(props); s++) {
        int i = pp_zip_find(z, props[s]);
        if (i >= 0)
            ok = read_props(doc, z, (guint)i, &budget, &err);
    }
    if (!ok) {
        g_propagate_prefixed_error(error, err, "DOCX 文件：");
        return FALSE;
    }
    return check_reviewable(doc, z, error);
}

const PPFormat pp_format_docx = {
    .name = "docx",
    .bid = docx_bid,
    .extract = docx_extract,
};
