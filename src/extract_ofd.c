/* OFD (GB/T 33190-2016 版式文档), the fixed-layout format government offices publish in.
 *
 * A zip package (read with zip_read.c, limits enforced while inflating): OFD.xml at the root lists
 * one DocBody per document, each with DocInfo (→ metadata parts) and DocRoot, the Document.xml that
 * lists the pages (CommonData/TemplatePage, Pages/Page BaseLoc) and the files of annotations,
 * attachments and custom tags. Each page's Content.xml (plus the template pages it uses) is turned
 * into positioned characters by ofd_page.c and laid out by the PDF layout code (pdf_layout.c), so
 * lines, table rows with '\t' between cells, and rows broken over a page break come out exactly as
 * for PDF; one body part per page. Parts after the pages: annotations (one per Annot, its page;
 * watermark annotations are drawn on the page and go to the body), attachments, custom tags,
 * metadata. Fonts (PublicRes/DocumentRes) are not read: TextCode holds Unicode text, a font only
 * shapes it. Signatures and stored versions are counted in the notes (see read_docbody).
 */
#include "format.h"

#include <string.h>

#include "ofd.h"
#include "zip_read.h"

#define OFD_ROOT "OFD.xml"
#define ATTACHMENT_TEXT_MAX (256u << 10) /* bytes of an attachment's text kept for review, as for PDF */
#define PAGE_MAX_CHARS (1u << 20)        /* characters on one page; real pages have a few thousand */

/* ---- detection ---- */

static int ofd_bid(const guint8 *data, gsize len, const char *mime)
{
    (void)mime;
    if (len < 4 || memcmp(data, "PK\3\4", 4) != 0)
        return 0;
    int probe = pp_zip_probe(data, len, OFD_ROOT);
    if (probe == 1)
        return 90;
    if (probe == 0)
        return 0; /* a readable zip without OFD.xml is someone else's */
    /* Too damaged to open: entry names are stored uncompressed in the local headers, so OFD.xml near
     * the start still marks an OFD package and the user hears "corrupt OFD", not "unsupported". */
    const gsize window = (gsize)1 << 20;
    if (pp_has_bytes(data, MIN(len, window), OFD_ROOT) || (len > window && pp_has_bytes(data + len - window, window, OFD_ROOT)))
        return 40;
    return 0;
}

/* ---- package paths ---- */

/* The directory part of a package path, with its trailing '/' ("" at the root). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? g_strndup(path, (gsize)(slash - path + 1)) : g_strdup("");
}

/* loc (ST_Loc) relative to dir, or to the package root when it starts with '/'; "." and ".." are
 * resolved, a path climbing out of the package gives NULL. */
static char *resolve(const char *dir, const char *loc)
{
    g_autofree char *joined = loc[0] == '/' ? g_strdup(loc) : g_strconcat(dir, loc, NULL);
    for (char *q = joined; *q; q++)
        if (*q == '\\')
            *q = '/'; /* a few Windows producers */
    g_auto(GStrv) seg = g_strsplit(joined, "/", -1);
    GPtrArray *out = g_ptr_array_new();
    gboolean ok = TRUE;
    for (char **s = seg; *s && ok; s++) {
        if (!**s || strcmp(*s, ".") == 0)
            continue;
        if (strcmp(*s, "..") == 0) {
            ok = out->len > 0;
            if (ok)
                g_ptr_array_remove_index(out, out->len - 1);
            continue;
        }
        g_ptr_array_add(out, *s);
    }
    g_ptr_array_add(out, NULL);
    char *r = ok && out->len > 1 ? g_strjoinv("/", (char **)out->pdata) : NULL;
    g_ptr_array_unref(out);
    return r;
}

typedef struct {
    PPDoc *doc;
    PPZip *z;
    const PPLimits *lim;
    char *doc_dir;        /* directory of the current Document.xml */
    gsize text_bytes;
} Ctx;

/* The entry a location names, seen from dir; producers disagree on what a relative location is
 * relative to (the file's directory, the document's, the root), so all three are tried. -1 if none. */
static int find_loc(const Ctx *c, const char *dir, const char *loc, char **found)
{
    if (!loc || !*loc)
        return -1;
    const char *bases[] = {dir, c->doc_dir ? c->doc_dir : "", ""};
    for (gsize b = 0; b < G_N_ELEMENTS(bases); b++) {
        g_autofree char *path = resolve(bases[b], loc);
        int i = path ? pp_zip_find(c->z, path) : -1;
        if (i >= 0) {
            if (found)
                *found = g_strdup(pp_zip_name(c->z, (guint)i));
            return i;
        }
    }
    return -1;
}

/* Read a located entry into an XML reader; NULL with *error when missing (corrupt) or over a limit. */
static GBytes *read_loc(const Ctx *c, const char *dir, const char *loc, char **name, GError **error)
{
    int i = find_loc(c, dir, loc, name);
    if (i < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "包中缺少 %s", loc && *loc ? loc : "（空路径）");
        return NULL;
    }
    return pp_zip_read(c->z, (guint)i, error);
}

static gboolean is_element(PPXml *x, const char *local)
{
    return xmlTextReaderNodeType(pp_xml_reader(x)) == XML_READER_TYPE_ELEMENT && strcmp(pp_ofd_local(x), local) == 0;
}

/* The trimmed text of the current element, newly allocated. */
static char *element_text(PPXml *x, GError **error)
{
    g_autoptr(GString) s = g_string_new(NULL);
    if (!pp_ofd_text(x, s, error))
        return NULL;
    char *v = g_utf8_make_valid(s->str, (gssize)s->len);
    return g_strstrip(v);
}

static gboolean charge(Ctx *c, gsize bytes, GError **error)
{
    c->text_bytes += bytes;
    if (c->text_bytes <= c->lim->max_text_bytes)
        return TRUE;
    g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "OFD 提取出的文字超过 %" G_GSIZE_FORMAT " MiB 的审查上限",
                c->lim->max_text_bytes >> 20);
    return FALSE;
}

static void add_text_part(Ctx *c, PPPartKind kind, int page, const char *origin, const char *text, const char *author)
{
    PPPart *p = pp_doc_add_part(c->doc, kind, page, origin);
    g_string_assign(p->text, text);
    if (author && *author)
        p->author = g_strdup(author);
}

/* ---- pages ---- */

typedef struct {
    char *id, *loc;
} PageRef;

static void page_ref_clear(gpointer p)
{
    PageRef *r = p;
    g_free(r->id);
    g_free(r->loc);
}

/* Add the characters of one content file (a page or a template page); template IDs it uses are
 * appended to templates when that is not NULL. */
static gboolean ink_file(Ctx *c, const char *loc, PPOfdInk *ink, GPtrArray *templates, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, c->doc_dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    if (templates) {
        /* templates are named at the top of the page; a first pass over the small head finds them */
        g_autoptr(PPXml) head = pp_xml_new(xml, name);
        while (pp_xml_next(head, FALSE, NULL)) {
            if (is_element(head, "Content"))
                break;
            if (is_element(head, "Template")) {
                char *id = pp_xml_attr(head, NULL, "TemplateID");
                /* each template once: a page naming one a thousand times is not drawn a thousand times */
                if (id && !g_ptr_array_find_with_equal_func(templates, id, g_str_equal, NULL))
                    g_ptr_array_add(templates, id);
                else
                    g_free(id);
            }
        }
    }
    return pp_ofd_walk_content(x, -1, ink, error);
}

static gboolean read_pages(Ctx *c, GArray *pages, GHashTable *tpls, int page_base, GError **error)
{
    guint n = pages->len;
    PPPdfEdges *edges = g_new0(PPPdfEdges, n);
    PPPart **bodies = g_new0(PPPart *, n);
    gboolean ok = TRUE;
    guint empty = 0;
    for (guint i = 0; i < n && ok; i++) {
        const PageRef *r = &g_array_index(pages, PageRef, i);
        int page_no = page_base + (int)i + 1;
        PPOfdInk ink = {.chars = g_array_new(FALSE, FALSE, sizeof(PPChar)), .max_chars = PAGE_MAX_CHARS};
        g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func(g_free);
        GError *err = NULL;
        ok = ink_file(c, r->loc, &ink, used, &err);
        for (guint t = 0; ok && t < used->len; t++) {
            const char *tloc = g_hash_table_lookup(tpls, used->pdata[t]);
            if (tloc) /* a missing template only loses its decoration; the page itself is read */
                ok = ink_file(c, tloc, &ink, NULL, &err);
        }
        if (ok && ink.over) {
            g_set_error(&err, PP_ERROR, PP_ERR_TOO_LARGE, "第 %d 页的文字超过 %u 个字符的上限", page_no, PAGE_MAX_CHARS);
            ok = FALSE;
        }
        if (!ok) {
            g_propagate_prefixed_error(error, err, "OFD 第 %d 页（%s）：", page_no, r->loc);
        } else {
            PPPart *body = bodies[i] = pp_doc_add_part(c->doc, PP_PART_BODY, page_no, NULL);
            body->glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
            pp_pdf_layout((PPChar *)(void *)ink.chars->data, ink.chars->len, body->text, body->glyphs, &edges[i]);
            empty += body->glyphs->len == 0;
            ok = charge(c, body->text->len, error);
        }
        g_array_unref(ink.chars);
    }
    /* a table row broken by a page break belongs to the page where it starts, as in PDF */
    for (guint i = 0; ok && i + 1 < n; i++)
        pp_pdf_join_rows(bodies[i]->text, bodies[i]->glyphs, &edges[i], bodies[i + 1]->text, bodies[i + 1]->glyphs,
                         &edges[i + 1], page_base + (int)i + 2);
    if (ok && empty && empty < n)
        pp_doc_note(c->doc, "OFD 有 %u 页没有可提取的文字（空白页或扫描图片），其中如有内容未经审查", empty);
    g_free(edges);
    g_free(bodies);
    return ok;
}

/* ---- annotations ---- */

/* One page's annotation file: a part per Annot with text (its Remark, Parameters and the text its
 * appearance draws). */
static gboolean read_page_annots(Ctx *c, const char *dir, const char *loc, int page_no, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    xmlTextReaderPtr r = pp_xml_reader(x);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autofree char *type = NULL, *creator = NULL;
    int annot_depth = -1;
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        int nt = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
        if (nt == XML_READER_TYPE_END_ELEMENT && depth == annot_depth) {
            /* a watermark is drawn on the page for every reader: visible text, not hidden content */
            gboolean watermark = g_strcmp0(type, "Watermark") == 0;
            g_autofree char *origin = g_strdup_printf("ofd Annot %s", type ? type : "");
            if (!charge(c, text->len, error))
                return FALSE;
            add_text_part(c, watermark ? PP_PART_BODY : PP_PART_ANNOTATION, page_no, origin, text->str, creator);
            g_string_truncate(text, 0);
            annot_depth = -1;
            continue;
        }
        if (nt != XML_READER_TYPE_ELEMENT)
            continue;
        const char *local = pp_ofd_local(x);
        if (strcmp(local, "Annot") == 0 && !xmlTextReaderIsEmptyElement(r)) {
            annot_depth = depth;
            g_free(type);
            g_free(creator);
            type = pp_xml_attr(x, NULL, "Type");
            creator = pp_xml_attr(x, NULL, "Creator");
            g_string_truncate(text, 0);
        } else if (annot_depth >= 0 && (strcmp(local, "Remark") == 0 || strcmp(local, "Parameter") == 0)) {
            g_autofree char *pname = strcmp(local, "Parameter") == 0 ? pp_xml_attr(x, NULL, "Name") : NULL;
            g_autofree char *v = element_text(x, &err);
            if (!v)
                break;
            if (*v) {
                if (pname) /* a human label tells later stages what the value is */
                    g_string_append_printf(text, "%s：", pname);
                g_string_append(text, v);
                g_string_append_c(text, '\n');
            }
        } else if (annot_depth >= 0 && strcmp(local, "Appearance") == 0 && !xmlTextReaderIsEmptyElement(r)) {
            PPOfdInk ink = {.chars = g_array_new(FALSE, FALSE, sizeof(PPChar)), .max_chars = PAGE_MAX_CHARS};
            gboolean ok = pp_ofd_walk_content(x, depth, &ink, &err);
            if (ok && ink.chars->len) {
                g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));
                PPPdfEdges edges;
                pp_pdf_layout((PPChar *)(void *)ink.chars->data, ink.chars->len, text, glyphs, &edges);
            }
            g_array_unref(ink.chars);
            if (!ok)
                break;
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}

static gboolean read_annotations(Ctx *c, const char *loc, GHashTable *page_ids, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, c->doc_dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autofree char *dir = dir_of(name);
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    int page_no = 0;
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        if (is_element(x, "Page")) {
            g_autofree char *id = pp_xml_attr(x, NULL, "PageID");
            page_no = id ? GPOINTER_TO_INT(g_hash_table_lookup(page_ids, id)) : 0;
        } else if (is_element(x, "FileLoc")) {
            g_autofree char *floc = element_text(x, &err);
            if (!floc || !read_page_annots(c, dir, floc, page_no, &err))
                break;
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}

/* ---- attachments ---- */

static gboolean is_binary(const guint8 *d, gsize n)
{
    static const char *const magics[] = {"PK\3\4", "%PDF", "\xD0\xCF\x11\xE0", "\x89PNG", "\xFF\xD8\xFF", "GIF8"};
    for (gsize i = 0; i < G_N_ELEMENTS(magics); i++)
        if (n >= strlen(magics[i]) && memcmp(d, magics[i], strlen(magics[i])) == 0)
            return TRUE;
    return n == 0 || memchr(d, 0, MIN(n, (gsize)4096)) != NULL;
}

static void read_attachment(Ctx *c, const char *dir, const char *att_name, const char *floc)
{
    PPPart *p = pp_doc_add_part(c->doc, PP_PART_ATTACHMENT, 0, "ofd Attachment");
    g_string_append_printf(p->text, "%s\n", att_name && *att_name ? att_name : "(未命名附件)");
    GError *err = NULL;
    g_autofree char *name = NULL;
    g_autoptr(GBytes) data = floc && *floc ? read_loc(c, dir, floc, &name, &err) : NULL;
    if (!data) {
        pp_doc_note(c->doc, "OFD 附件“%s”无法读取（%s），其内容未审查", att_name ? att_name : "",
                    err ? err->message : "没有文件位置");
        g_clear_error(&err);
        return;
    }
    gsize len = 0;
    const guint8 *d = g_bytes_get_data(data, &len);
    if (is_binary(d, len)) {
        if (len)
            pp_doc_note(c->doc, "OFD 附件“%s”不是文本文件，其内容未审查，请单独审查", att_name ? att_name : "");
        return;
    }
    gsize keep = MIN(len, (gsize)ATTACHMENT_TEXT_MAX), out_len = 0;
    /* a cut may split a multibyte character: drop an incomplete tail before decoding */
    for (int k = 0; k < 3 && keep < len && keep > 0 && !g_utf8_validate((const char *)d, (gssize)keep, NULL); k++)
        keep--;
    g_autofree char *t = pp_decode_text(d, keep, &out_len, NULL, NULL);
    if (t)
        g_string_append_len(p->text, t, (gssize)out_len);
    if (keep < len)
        pp_doc_note(c->doc, "OFD 附件“%s”较大，只审查了前 %u KiB 文字", att_name ? att_name : "",
                    (unsigned)(ATTACHMENT_TEXT_MAX >> 10));
    charge(c, p->text->len, NULL); /* counted; the limit is enforced by the pages and the caller */
}

static gboolean read_attachments(Ctx *c, const char *loc, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, c->doc_dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autofree char *dir = dir_of(name);
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    g_autofree char *att_name = NULL;
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        if (is_element(x, "Attachment")) {
            g_free(att_name);
            att_name = pp_xml_attr(x, NULL, "Name");
        } else if (is_element(x, "FileLoc")) {
            g_autofree char *floc = element_text(x, &err);
            if (!floc)
                break;
            g_autofree char *n = g_utf8_make_valid(att_name ? att_name : "", -1);
            read_attachment(c, dir, n, floc);
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}

/* ---- custom tags (e.g. GB/T 33482 公文 semantics): values written in the tag files ---- */

static gboolean read_custom_tag_file(Ctx *c, const char *dir, const char *loc, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    xmlTextReaderPtr r = pp_xml_reader(x);
    g_autoptr(GString) text = g_string_new(NULL);
    g_autofree char *elem = NULL;
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        int nt = xmlTextReaderNodeType(r);
        if (nt == XML_READER_TYPE_ELEMENT) {
            g_free(elem);
            elem = g_strdup(pp_ofd_local(x));
        } else if (nt == XML_READER_TYPE_TEXT || nt == XML_READER_TYPE_CDATA) {
            /* ObjectRef holds the ID of the tagged page object: a number, not text of the document */
            if (g_strcmp0(elem, "ObjectRef") == 0)
                continue;
            g_autofree char *v = g_strstrip(g_utf8_make_valid((const char *)xmlTextReaderConstValue(r), -1));
            gboolean digits = TRUE;
            for (const char *q = v; *q && digits; q++)
                digits = g_ascii_isdigit(*q) || *q == ' ';
            if (*v && !digits)
                g_string_append_printf(text, "%s：%s\n", elem ? elem : "", v);
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    if (!charge(c, text->len, error))
        return FALSE;
    add_text_part(c, PP_PART_METADATA, 0, "ofd CustomTag", text->str, NULL);
    return TRUE;
}

static gboolean read_custom_tags(Ctx *c, const char *loc, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, c->doc_dir, loc, &name, error);
    if (!xml)
        return FALSE;
    g_autofree char *dir = dir_of(name);
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    GError *err = NULL;
    while (pp_xml_next(x, FALSE, &err)) {
        if (is_element(x, "FileLoc")) {
            g_autofree char *floc = element_text(x, &err);
            if (!floc || !read_custom_tag_file(c, dir, floc, &err))
                break;
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    return TRUE;
}

/* ---- Document.xml ---- */

typedef struct {
    GArray *pages;       /* PageRef */
    GHashTable *tpls;    /* template ID → BaseLoc */
    char *annotations, *attachments, *custom_tags;
} DocXml;

static gboolean read_document_xml(GBytes *xml, const char *name, DocXml *d, GError **error)
{
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    GError *err = NULL;
    gboolean pages = FALSE;
    while (pp_xml_next(x, FALSE, &err)) {
        if (xmlTextReaderNodeType(pp_xml_reader(x)) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *local = pp_ofd_local(x);
        char **slot = strcmp(local, "Annotations") == 0   ? &d->annotations
                      : strcmp(local, "Attachments") == 0 ? &d->attachments
                      : strcmp(local, "CustomTags") == 0  ? &d->custom_tags
                                                          : NULL;
        if (strcmp(local, "Pages") == 0) {
            pages = TRUE;
        } else if (strcmp(local, "Page") == 0) {
            PageRef r = {pp_xml_attr(x, NULL, "ID"), pp_xml_attr(x, NULL, "BaseLoc")};
            if (!r.loc)
                r.loc = g_strdup("");
            g_array_append_val(d->pages, r);
        } else if (strcmp(local, "TemplatePage") == 0) {
            char *id = pp_xml_attr(x, NULL, "ID"), *loc = pp_xml_attr(x, NULL, "BaseLoc");
            if (id && loc)
                g_hash_table_replace(d->tpls, id, loc);
            else
                g_free(id), g_free(loc);
        } else if (slot) {
            g_free(*slot);
            *slot = element_text(x, &err);
            if (!*slot)
                break;
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    if (!pages) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 中没有页面列表（Pages）", name);
        return FALSE;
    }
    return TRUE;
}

/* One document of the package (a DocBody): its pages, then annotations, attachments, custom tags. */
static gboolean read_document(Ctx *c, const char *root_loc, int *page_base, GError **error)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, "", root_loc, &name, error);
    if (!xml)
        return FALSE;
    g_free(c->doc_dir);
    c->doc_dir = dir_of(name);
    DocXml d = {.pages = g_array_new(FALSE, TRUE, sizeof(PageRef)),
                .tpls = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
    g_array_set_clear_func(d.pages, page_ref_clear);
    gboolean ok = read_document_xml(xml, name, &d, error);
    if (ok && *page_base + (gint64)d.pages->len > c->lim->max_pages) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "OFD 共 %u 页以上，超过单个文件 %d 页的审查上限",
                    *page_base + d.pages->len, c->lim->max_pages);
        ok = FALSE;
    }
    ok = ok && read_pages(c, d.pages, d.tpls, *page_base, error);
    GHashTable *page_ids = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; ok && i < d.pages->len; i++) {
        const PageRef *r = &g_array_index(d.pages, PageRef, i);
        if (r->id)
            g_hash_table_insert(page_ids, r->id, GINT_TO_POINTER(*page_base + (int)i + 1));
    }
    GError *err = NULL;
    if (ok && d.annotations && *d.annotations && !read_annotations(c, d.annotations, page_ids, &err))
        ok = FALSE;
    if (ok && d.attachments && *d.attachments && !read_attachments(c, d.attachments, &err))
        ok = FALSE;
    if (ok && d.custom_tags && *d.custom_tags && !read_custom_tags(c, d.custom_tags, &err))
        ok = FALSE;
    if (err)
        g_propagate_prefixed_error(error, err, "OFD 文件：");
    *page_base += (int)d.pages->len;
    g_hash_table_unref(page_ids);
    g_array_unref(d.pages);
    g_hash_table_unref(d.tpls);
    g_free(d.annotations);
    g_free(d.attachments);
    g_free(d.custom_tags);
    return ok;
}

/* ---- OFD.xml ---- */

/* DocInfo fields kept as metadata, origin "OFD.xml <field>" (stage_hidden.c reads the field name:
 * Author names a person; Creator is the producing application in OFD, not a person). */
static const char *const docinfo_fields[] = {"Title", "Author", "Subject", "Abstract", "Keyword", "Creator"};

typedef struct {
    char *root;        /* DocRoot */
    char *signatures;  /* Signatures, nullable */
    guint versions;
} DocBody;

static void docbody_clear(gpointer p)
{
    DocBody *b = p;
    g_free(b->root);
    g_free(b->signatures);
}

static gboolean read_ofd_xml(Ctx *c, GBytes *xml, GArray *bodies, GError **error)
{
    g_autoptr(PPXml) x = pp_xml_new(xml, OFD_ROOT);
    xmlTextReaderPtr r = pp_xml_reader(x);
    GError *err = NULL;
    gboolean root_seen = FALSE;
    while (pp_xml_next(x, FALSE, &err)) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        const char *local = pp_ofd_local(x);
        if (!root_seen) {
            root_seen = TRUE;
            if (strcmp(local, "OFD") != 0) {
                g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "OFD 文件的入口 OFD.xml 不是 OFD 文档（根元素是 %s）", local);
                return FALSE;
            }
            continue;
        }
        DocBody *cur = bodies->len ? &g_array_index(bodies, DocBody, bodies->len - 1) : NULL;
        if (strcmp(local, "DocBody") == 0) {
            DocBody b = {0};
            g_array_append_val(bodies, b);
            continue;
        }
        if (!cur)
            continue;
        const char *field = NULL;
        for (gsize i = 0; i < G_N_ELEMENTS(docinfo_fields) && !field; i++)
            if (strcmp(local, docinfo_fields[i]) == 0)
                field = docinfo_fields[i];
        g_autofree char *custom = strcmp(local, "CustomData") == 0 ? pp_xml_attr(x, NULL, "Name") : NULL;
        if (strcmp(local, "Version") == 0) {
            cur->versions++;
        } else if (field || custom || strcmp(local, "CustomData") == 0) {
            g_autofree char *v = element_text(x, &err);
            if (!v)
                break;
            g_autofree char *origin = field ? g_strconcat(OFD_ROOT " ", field, NULL)
                                            : g_strdup_printf(OFD_ROOT " custom %s", custom ? custom : "");
            if (*v && charge(c, strlen(v), NULL))
                add_text_part(c, PP_PART_METADATA, 0, origin, v, NULL);
        } else if (strcmp(local, "DocRoot") == 0 || strcmp(local, "Signatures") == 0) {
            char **slot = strcmp(local, "DocRoot") == 0 ? &cur->root : &cur->signatures;
            g_free(*slot);
            *slot = element_text(x, &err);
            if (!*slot)
                break;
        }
    }
    if (err) {
        g_propagate_error(error, err);
        return FALSE;
    }
    if (!root_seen) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "OFD 文件的入口 OFD.xml 是空的");
        return FALSE;
    }
    return TRUE;
}

/* Signatures (电子签章) are counted, not reported as hidden content: an official seal belongs on a
 * published document, and what it holds (seal image, certificate, signature value) is binary with no
 * text to review. */
static guint count_signatures(Ctx *c, const char *loc)
{
    g_autofree char *name = NULL;
    g_autoptr(GBytes) xml = read_loc(c, "", loc, &name, NULL);
    if (!xml)
        return 0;
    g_autoptr(PPXml) x = pp_xml_new(xml, name);
    guint n = 0;
    while (pp_xml_next(x, FALSE, NULL))
        n += is_element(x, "Signature");
    return n;
}

static gboolean ofd_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    GError *err = NULL;
    g_autoptr(PPZip) z = pp_zip_open(doc->data, lim, &err);
    if (!z) {
        g_propagate_prefixed_error(error, err, "OFD 文件无法打开：");
        return FALSE;
    }
    Ctx c = {.doc = doc, .z = z, .lim = lim};
    g_autoptr(GBytes) root = pp_zip_read_name(z, OFD_ROOT, &err);
    if (!root) {
        g_propagate_prefixed_error(error, err, "OFD 文件：");
        return FALSE;
    }
    GArray *bodies = g_array_new(FALSE, TRUE, sizeof(DocBody));
    g_array_set_clear_func(bodies, docbody_clear);
    gboolean ok = read_ofd_xml(&c, root, bodies, &err);
    guint n_docinfo = doc->parts->len; /* DocInfo parts, moved after the pages below */
    if (ok && bodies->len == 0) {
        g_set_error(&err, PP_ERROR, PP_ERR_CORRUPT, "OFD 文件缺少文档入口（OFD.xml 中没有 DocBody），无法审查");
        ok = FALSE;
    }
    int pages = 0;
    guint signatures = 0, versions = 0;
    for (guint i = 0; ok && i < bodies->len; i++) {
        const DocBody *b = &g_array_index(bodies, DocBody, i);
        if (!b->root || !*b->root) {
            g_set_error(&err, PP_ERROR, PP_ERR_CORRUPT, "OFD 文件的文档入口缺少 DocRoot（文档根节点），无法审查");
            ok = FALSE;
            break;
        }
        ok = read_document(&c, b->root, &pages, &err);
        if (ok && b->signatures && *b->signatures)
            signatures += count_signatures(&c, b->signatures);
        versions += b->versions;
    }
    g_array_unref(bodies);
    g_free(c.doc_dir);
    if (!ok) {
        if (!err)
            g_set_error(&err, PP_ERROR, PP_ERR_CORRUPT, "OFD 文件已损坏，无法读取");
        if (g_str_has_prefix(err->message, "OFD"))
            g_propagate_error(error, err);
        else
            g_propagate_prefixed_error(error, err, "OFD 文件：");
        return FALSE;
    }
    doc->pages = pages;
    for (guint i = 0; i < n_docinfo; i++) /* metadata after the text, as for the other formats */
        g_ptr_array_add(doc->parts, g_ptr_array_steal_index(doc->parts, 0));
    gboolean text = FALSE;
    for (guint i = 0; i < doc->parts->len && !text; i++) {
        const PPPart *p = doc->parts->pdata[i];
        text = p->kind == PP_PART_BODY && p->glyphs && p->glyphs->len;
    }
    if (!text) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT,
                    "OFD 共 %d 页，没有任何可提取的文字（可能是扫描图片），无法审查；请提供带文字层的版本或先做文字识别",
                    pages);
        return FALSE;
    }
    if (signatures)
        pp_doc_note(doc, "OFD 含 %u 个电子签章或签名（印章图像和签名值中没有可审查的文字，未审查）", signatures);
    if (versions)
        pp_doc_note(doc, "OFD 保存了 %u 个历史版本（Versions），旧版本的内容未审查，发布前请清除", versions);
    return TRUE;
}

const PPFormat pp_format_ofd = {
    .name = "ofd",
    .bid = ofd_bid,
    .extract = ofd_extract,
};
