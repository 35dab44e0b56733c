/* DOCX → DOCX masked copy (redact.h).
 *
 * Every XML entry of the package is parsed (same limits and safe parser settings as reading) and
 * edited as a tree; other entries (pictures, embedded objects) are copied compressed, untouched.
 *   - stories (document, headers, footers, notes): tracked changes resolved as "accept all"
 *     (insertions kept as plain text, deleted and moved-away text dropped, formatting-change
 *     records dropped, deleted table rows dropped), hidden runs (w:vanish, directly or by style)
 *     removed, comment anchors removed, and what that leaves dangling repaired; then each paragraph's text (w:t of all its runs, text boxes' paragraphs on their
 *     own, both mc:AlternateContent branches) is matched against the values, and a value spanning
 *     several runs is written masked into the first run (its formatting kept) and cut from the rest;
 *   - comments, their extensions and the list of reviewers (people.xml) are emptied; custom
 *     properties removed; creator, lastModifiedBy, Company and Manager cleared;
 *   - finally every text node and attribute value of every XML entry is masked where a value
 *     occurs whole (field codes, alt texts, relationship targets, custom XML data …).
 * Entries nothing changed in are copied byte for byte.
 */
#include "redact.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <zip.h>

#include "docx.h"
#include "xml_read.h"
#include "zip_read.h"

/* ---- tree helpers ---- */

static gboolean is_w_ns(const xmlNode *n)
{
    return n->ns && n->ns->href &&
           (xmlStrEqual(n->ns->href, BAD_CAST PP_NS_W) || xmlStrEqual(n->ns->href, BAD_CAST PP_NS_W_STRICT));
}

static gboolean is_w(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && is_w_ns(n) && xmlStrEqual(n->name, BAD_CAST local);
}

static gboolean is_text_elem(const xmlNode *n)
{
    if (is_w(n, "t"))
        return TRUE;
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->name, BAD_CAST "t") &&
           (xmlStrEqual(n->ns->href, BAD_CAST PP_NS_MATH) || xmlStrEqual(n->ns->href, BAD_CAST PP_NS_MATH_STRICT));
}

static gboolean is_mc_fallback(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST PP_NS_MC) &&
           xmlStrEqual(n->name, BAD_CAST "Fallback");
}

static xmlNode *w_child(const xmlNode *n, const char *local)
{
    for (xmlNode *c = n->children; c; c = c->next)
        if (is_w(c, local))
            return c;
    return NULL;
}

/* w:val of an on/off property: absent means on. */
static gboolean prop_on(xmlNode *n)
{
    xmlChar *v = xmlGetNsProp(n, BAD_CAST "val", n->ns->href);
    if (!v)
        v = xmlGetProp(n, BAD_CAST "val");
    gboolean on = !v || !(xmlStrEqual(v, BAD_CAST "0") || xmlStrEqual(v, BAD_CAST "false") || xmlStrEqual(v, BAD_CAST "off"));
    xmlFree(v);
    return on;
}

/* What a style list says about a style-referencing element's w:val (0: nothing). */
static int style_say(GHashTable *styles, xmlNode *ref)
{
    if (!styles || !ref)
        return 0;
    xmlChar *id = xmlGetNsProp(ref, BAD_CAST "val", ref->ns->href);
    int say = id ? GPOINTER_TO_INT(g_hash_table_lookup(styles, (const char *)id)) : 0;
    xmlFree(id);
    return say;
}

/* Same precedence as the reader (docx.h): the run's own w:vanish, its character style, then the
 * paragraph's style (para_say). */
static gboolean run_hidden(const xmlNode *r, GHashTable *styles, int para_say)
{
    xmlNode *rpr = w_child(r, "rPr");
    xmlNode *v = rpr ? w_child(rpr, "vanish") : NULL;
    xmlNode *sv = rpr ? w_child(rpr, "specVanish") : NULL;
    if (v || sv)
        return (v && prop_on(v)) || (sv && prop_on(sv));
    int say = style_say(styles, rpr ? w_child(rpr, "rStyle") : NULL);
    if (!say)
        say = para_say;
    return say == PP_STYLE_HIDES;
}

static gboolean row_deleted(const xmlNode *tr)
{
    xmlNode *trpr = w_child(tr, "trPr");
    return trpr && (w_child(trpr, "del") || w_child(trpr, "moveFrom"));
}

/* A w:…Pr properties element (rPr, pPr, trPr, numPr …): revisions inside it are markers. */
static gboolean is_props(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && is_w_ns(n) && strstr((const char *)n->name, "Pr") != NULL;
}

static void drop(xmlNode *n)
{
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

static void unwrap(xmlNode *n)
{
    for (xmlNode *c = n->children, *next; c; c = next) {
        next = c->next;
        xmlUnlinkNode(c);
        xmlAddPrevSibling(n, c);
    }
    drop(n);
}

/* ---- accept all changes, drop hidden runs and comment anchors ---- */

static gboolean name_in(const xmlNode *n, const char *const *names, gsize count)
{
    for (gsize i = 0; i < count; i++)
        if (is_w(n, names[i]))
            return TRUE;
    return FALSE;
}

/* elements dropped with their content */
static const char *const dropped[] = {
    "delText", "delInstrText", "commentRangeStart", "commentRangeEnd", "commentReference",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    "cellIns", "cellDel", "cellMerge", "numberingChange", "tblGridChange", "tblPrExChange",
};

static void collect_changes(xmlNode *node, GPtrArray *to_drop, GPtrArray *to_unwrap, GHashTable *styles, int para_say)
{
    if (is_w(node, "p")) {
        xmlNode *ppr = w_child(node, "pPr");
        para_say = style_say(styles, ppr ? w_child(ppr, "pStyle") : NULL);
    }
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        gboolean del = is_w(c, "del") || is_w(c, "moveFrom");
        gboolean ins = is_w(c, "ins") || is_w(c, "moveTo");
        if (del || ((ins) && is_props(node))) {
            g_ptr_array_add(to_drop, c); /* deleted content, or a change marker in properties */
            continue;
        }
        if (ins) {
            g_ptr_array_add(to_unwrap, c);
        } else if (name_in(c, dropped, G_N_ELEMENTS(dropped)) ||
                   (is_w_ns(c) && g_str_has_suffix((const char *)c->name, "PrChange")) ||
                   (is_w(c, "tr") && row_deleted(c)) || (is_w(c, "r") && run_hidden(c, styles, para_say))) {
            g_ptr_array_add(to_drop, c);
            continue;
        }
        collect_changes(c, to_drop, to_unwrap, styles, para_say);
    }
}

/* What dropping can leave behind that Word would call damaged: a table without rows, a cell
 * without a closing paragraph, one end of a bookmark. */
typedef struct {
    GPtrArray *tables, *cells;
    GHashTable *starts, *ends; /* bookmark id → element */
} Leftovers;

static void collect_leftovers(xmlNode *node, Leftovers *l)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_w(c, "tbl"))
            g_ptr_array_add(l->tables, c);
        else if (is_w(c, "tc"))
            g_ptr_array_add(l->cells, c);
        else if (is_w(c, "bookmarkStart") || is_w(c, "bookmarkEnd")) {
            xmlChar *id = xmlGetNsProp(c, BAD_CAST "id", c->ns->href);
            if (id)
                g_hash_table_insert(is_w(c, "bookmarkStart") ? l->starts : l->ends, g_strdup((char *)id), c);
            xmlFree(id);
        }
        collect_leftovers(c, l);
    }
}

/* Any row or cell left in a table (rows may sit in row-level content controls)? */
static gboolean has_cells(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (is_w(c, "tr") || is_w(c, "tc") || has_cells(c)))
            return TRUE;
    return FALSE;
}

static void repair(xmlNode *root)
{
    Leftovers l = {g_ptr_array_new(), g_ptr_array_new(), g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                   g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    collect_leftovers(root, &l);
    GHashTableIter it;
    gpointer key, node;
    for (int pass = 0; pass < 2; pass++) {
        GHashTable *mine = pass ? l.ends : l.starts, *other = pass ? l.starts : l.ends;
        g_hash_table_iter_init(&it, mine);
        while (g_hash_table_iter_next(&it, &key, &node))
            if (!g_hash_table_contains(other, key))
                drop(node);
    }
    /* innermost tables come last in document order: a table emptied there may empty its cell */
    for (guint i = l.tables->len; i-- > 0;) {
        xmlNode *t = l.tables->pdata[i];
        if (!has_cells(t))
            drop(t);
    }
    for (guint i = 0; i < l.cells->len; i++) {
        xmlNode *tc = l.cells->pdata[i], *last = xmlGetLastChild(tc);
        while (last && last->type != XML_ELEMENT_NODE)
            last = last->prev;
        if (!last || !is_w(last, "p"))
            xmlNewChild(tc, tc->ns, BAD_CAST "p", NULL);
    }
    g_ptr_array_unref(l.tables);
    g_ptr_array_unref(l.cells);
    g_hash_table_unref(l.starts);
    g_hash_table_unref(l.ends);
}

static void accept_changes(xmlNode *root, GHashTable *styles)
{
    g_autoptr(GPtrArray) to_drop = g_ptr_array_new();
    g_autoptr(GPtrArray) to_unwrap = g_ptr_array_new();
    collect_changes(root, to_drop, to_unwrap, styles, 0);
    for (guint i = 0; i < to_drop->len; i++)
        drop(to_drop->pdata[i]);
    for (guint i = to_unwrap->len; i-- > 0;) /* innermost first */
        unwrap(to_unwrap->pdata[i]);
    repair(root);
}

/* ---- which values can occur in a string ----
 * pp_redact_find normalises every value on each call, which is slow when called for every
 * paragraph and attribute with hundreds of values. The values are folded once here (mirroring
 * redact.c's matcher: full-width ASCII folded, spaces and dashes ignored) and each string is
 * scanned once for them; pp_redact_find then gets only the few that occur, if any. */

typedef struct {
    gunichar *u; /* folded value, owned */
    glong n;
} Needle;

typedef struct {
    GPtrArray *reds;      /* all values, longest first (borrowed) */
    Needle *needles;      /* one per value, owned */
    GHashTable *by_first; /* first folded character → GArray of guint (value indices), owned */
} Filter;

static gunichar fold_char(gunichar c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    return c == 0x3000 ? ' ' : c;
}

static gboolean skipped_char(gunichar c) { return g_unichar_isspace(c) || c == '-' || c == 0x2014 || c == 0x2013; }

static gunichar *fold_string(const char *s, glong *n_out)
{
    gunichar *u = g_new(gunichar, strlen(s) + 1);
    glong n = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = fold_char(g_utf8_get_char(p));
        if (!skipped_char(c))
            u[n++] = c;
    }
    *n_out = n;
    return u;
}

static void filter_init(Filter *f, GPtrArray *reds)
{
    f->reds = reds;
    f->needles = g_new0(Needle, reds->len + 1);
    f->by_first = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
    for (guint i = 0; i < reds->len; i++) {
        Needle *nd = &f->needles[i];
        nd->u = fold_string(((PPRedaction *)reds->pdata[i])->raw, &nd->n);
        if (!nd->n)
            continue;
        GArray *list = g_hash_table_lookup(f->by_first, GUINT_TO_POINTER(nd->u[0]));
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(f->by_first, GUINT_TO_POINTER(nd->u[0]), list);
        }
        g_array_append_val(list, i);
    }
}

static void filter_clear(Filter *f)
{
    for (guint i = 0; i < f->reds->len; i++)
        g_free(f->needles[i].u);
    g_free(f->needles);
    g_hash_table_unref(f->by_first);
}

/* The values occurring in s, longest first as pp_redact_find wants; NULL when none does. */
static GPtrArray *filter_candidates(const Filter *f, const char *s)
{
    /* most strings hold no value's first character at all: say so without allocating */
    gboolean any = FALSE;
    for (const char *p = s; *p && !any; p = g_utf8_next_char(p)) {
        gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : fold_char(g_utf8_get_char(p));
        any = g_hash_table_contains(f->by_first, GUINT_TO_POINTER(c));
    }
    if (!any)
        return NULL;
    glong n = 0;
    g_autofree gunichar *u = fold_string(s, &n);
    g_autofree gboolean *hit = NULL;
    for (glong i = 0; i < n; i++) {
        GArray *list = g_hash_table_lookup(f->by_first, GUINT_TO_POINTER(u[i]));
        for (guint k = 0; list && k < list->len; k++) {
            guint idx = g_array_index(list, guint, k);
            const Needle *nd = &f->needles[idx];
            if (i + nd->n <= n && memcmp(u + i, nd->u, (gsize)nd->n * sizeof(gunichar)) == 0) {
                if (!hit)
                    hit = g_new0(gboolean, f->reds->len);
                hit[idx] = TRUE;
            }
        }
    }
    if (!hit)
        return NULL;
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < f->reds->len; i++)
        if (hit[i])
            g_ptr_array_add(out, f->reds->pdata[i]);
    return out;
}

/* ---- masking values across the runs of a paragraph ---- */

typedef struct {
    xmlNode *text;   /* a text node inside w:t / m:t */
    gsize start, len; /* its bytes in the paragraph string */
} Seg;

static void collect_segments(xmlNode *node, GString *s, GArray *segs, GPtrArray *inner_paras)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_w(c, "p") || is_mc_fallback(c)) {
            /* a text box's paragraph has its own text; so has the second copy of an
             * mc:AlternateContent, which must not be glued to the first */
            g_ptr_array_add(inner_paras, c);
            continue;
        }
        if (is_text_elem(c)) {
            for (xmlNode *t = c->children; t; t = t->next)
                if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content) {
                    Seg g = {t, s->len, strlen((const char *)t->content)};
                    g_string_append(s, (const char *)t->content);
                    g_array_append_val(segs, g);
                }
            continue;
        }
        collect_segments(c, s, segs, inner_paras);
    }
}

/* Rewrite the segments of one paragraph given the matches (text order, non-overlapping): a
 * match's masked form goes where it starts; its other bytes are cut. Returns how many. */
static guint mask_segments(GString *s, GArray *segs, GArray *matches, GPtrArray *reds)
{
    guint m = 0;
    for (guint i = 0; i < segs->len; i++) {
        Seg *g = &g_array_index(segs, Seg, i);
        gsize a = g->start, b = g->start + g->len, pos = a;
        while (m < matches->len && g_array_index(matches, PPRedactMatch, m).end <= a)
            m++;
        if (m >= matches->len || g_array_index(matches, PPRedactMatch, m).start >= b)
            continue;
        GString *out = g_string_new(NULL);
        for (guint k = m; k < matches->len; k++) {
            const PPRedactMatch *x = &g_array_index(matches, PPRedactMatch, k);
            if (x->start >= b)
                break;
            if (x->start > pos)
                g_string_append_len(out, s->str + pos, (gssize)(x->start - pos));
            if (x->start >= a)
                g_string_append(out, ((PPRedaction *)reds->pdata[x->index])->masked);
            pos = MAX(pos, MIN(b, x->end));
        }
        if (pos < b)
            g_string_append_len(out, s->str + pos, (gssize)(b - pos));
        xmlNodeSetContent(g->text, BAD_CAST out->str);
        xmlNodeSetSpacePreserve(g->text->parent, 1);
        g_string_free(out, TRUE);
    }
    return matches->len;
}

/* p: a w:p, or an mc:Fallback inside one */
static guint mask_paragraph(xmlNode *p, const Filter *f)
{
    g_autoptr(GString) s = g_string_new(NULL);
    g_autoptr(GArray) segs = g_array_new(FALSE, FALSE, sizeof(Seg));
    g_autoptr(GPtrArray) inner = g_ptr_array_new();
    collect_segments(p, s, segs, inner);
    guint n = 0;
    g_autoptr(GPtrArray) found = s->len ? filter_candidates(f, s->str) : NULL;
    if (found) {
        g_autoptr(GArray) matches = pp_redact_find(s->str, s->len, found);
        if (matches->len)
            n += mask_segments(s, segs, matches, found);
    }
    for (guint i = 0; i < inner->len; i++)
        n += mask_paragraph(inner->pdata[i], f);
    return n;
}

static guint mask_paragraphs(xmlNode *node, const Filter *f)
{
    guint n = 0;
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        n += is_w(c, "p") ? mask_paragraph(c, f) : mask_paragraphs(c, f);
    }
    return n;
}

/* ---- masking whole occurrences anywhere: text nodes and attribute values ---- */

static char *masked_or_null(const char *s, const Filter *f)
{
    g_autoptr(GPtrArray) found = filter_candidates(f, s);
    if (!found)
        return NULL;
    gsize len = strlen(s), out_len = 0;
    g_autoptr(GArray) m = pp_redact_find(s, len, found);
    return m->len ? pp_redact_string(s, len, found, &out_len) : NULL;
}

static guint mask_everywhere(xmlNode *node, const Filter *f)
{
    guint n = 0;
    for (xmlNode *c = node; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            g_autofree char *m = masked_or_null((const char *)c->content, f);
            if (m) {
                xmlNodeSetContent(c, BAD_CAST m);
                n++;
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            for (xmlAttr *a = c->properties; a; a = a->next) {
                xmlChar *v = xmlNodeListGetString(c->doc, a->children, 1);
                g_autofree char *m = v ? masked_or_null((const char *)v, f) : NULL;
                xmlFree(v);
                if (m) {
                    xmlSetNsProp(c, a->ns, a->name, BAD_CAST m);
                    n++;
                }
            }
            n += mask_everywhere(c->children, f);
        }
    }
    return n;
}

/* ---- metadata and reviewers ---- */

static void clear_children(xmlNode *root)
{
    while (root->children)
        drop(root->children);
}

/* Empty the text of the root's children with these local names (any namespace). */
static guint clear_fields(xmlNode *root, const char *const *names, gsize count)
{
    guint n = 0;
    for (xmlNode *c = root->children; c; c = c->next)
        for (gsize i = 0; c->type == XML_ELEMENT_NODE && i < count; i++)
            if (xmlStrEqual(c->name, BAD_CAST names[i]) && c->children) {
                clear_children(c);
                n++;
            }
    return n;
}

/* ---- entries ---- */

typedef enum { E_COPY, E_XML, E_STORY, E_EMPTY, E_CORE, E_APP } EntryKind; /* E_STORY: decided from the root */

static EntryKind kind_of(const char *name)
{
    static const char *const emptied[] = {
        "word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml", "word/commentsExtensible.xml",
        "word/people.xml", "docProps/custom.xml",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(emptied); i++)
        if (g_ascii_strcasecmp(name, emptied[i]) == 0)
            return E_EMPTY;
    if (g_ascii_strcasecmp(name, "docProps/core.xml") == 0)
        return E_CORE;
    if (g_ascii_strcasecmp(name, "docProps/app.xml") == 0)
        return E_APP;
    if (g_str_has_suffix(name, ".xml") || g_str_has_suffix(name, ".rels") || g_str_has_suffix(name, ".vml") ||
        g_str_has_suffix(name, ".XML"))
        return E_XML;
    return E_COPY;
}

/* Parse, edit and serialise one XML entry. NULL (no error) when nothing changed. */
static GBytes *edit_entry(GBytes *xml, const char *name, EntryKind kind, const Filter *f, GHashTable *styles,
                          GError **error)
{
    gsize len = 0;
    const char *p = g_bytes_get_data(xml, &len);
    pp_xml_init();
    xmlDoc *d = xmlReadMemory(p, (int)MIN(len, (gsize)G_MAXINT), name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!d || d->intSubset || !xmlDocGetRootElement(d)) {
        if (d)
            xmlFreeDoc(d);
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "%s 不是合法的 XML，无法生成脱敏副本", name);
        return NULL;
    }
    xmlNode *root = xmlDocGetRootElement(d);
    guint changed = 0;
    /* a story is known by its root element, whatever the part is called */
    static const char *const story_roots[] = {"document", "hdr", "ftr", "footnotes", "endnotes"};
    if (kind == E_XML && name_in(root, story_roots, G_N_ELEMENTS(story_roots)))
        kind = E_STORY;
    else if (kind == E_XML && is_w(root, "comments"))
        kind = E_EMPTY;
    static const char *const core_personal[] = {"creator", "lastModifiedBy"};
    static const char *const app_personal[] = {"Company", "Manager"};
    switch (kind) {
    case E_STORY: {
        /* changed-or-not is decided by comparing the output: accepting changes has no count */
        accept_changes(root, styles);
        changed = 1;
        mask_paragraphs(root, f);
        break;
    }
    case E_EMPTY:
        changed = root->children != NULL;
        clear_children(root);
        break;
    case E_CORE:
        changed = clear_fields(root, core_personal, G_N_ELEMENTS(core_personal));
        break;
    case E_APP:
        changed = clear_fields(root, app_personal, G_N_ELEMENTS(app_personal));
        break;
    default:
        break;
    }
    if (f->reds->len)
        changed += mask_everywhere(root, f);
    GBytes *out = NULL;
    if (changed) {
        xmlChar *buf = NULL;
        int n = 0;
        xmlDocDumpMemoryEnc(d, &buf, &n, "UTF-8");
        if (buf && n > 0)
            out = g_bytes_new(buf, (gsize)n);
        xmlFree(buf);
        if (!out)
            g_set_error(error, PP_ERROR, PP_ERR_IO, "无法写出 %s", name);
    }
    xmlFreeDoc(d);
    return out;
}

/* Copy entry i of src into out as it is stored (compressed bytes untouched). */
static gboolean copy_entry(zip_t *out, zip_t *src, guint i, const char *name, GError **error)
{
#if LIBZIP_VERSION_MAJOR > 1 || (LIBZIP_VERSION_MAJOR == 1 && LIBZIP_VERSION_MINOR >= 10)
    zip_source_t *s = zip_source_zip_file(out, src, i, ZIP_FL_COMPRESSED, 0, -1, NULL);
#else
    zip_source_t *s = zip_source_zip(out, src, i, ZIP_FL_COMPRESSED, 0, -1);
#endif
    if (!s || zip_file_add(out, name, s, ZIP_FL_ENC_UTF_8) < 0) {
        if (s)
            zip_source_free(s);
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法复制 %s：%s", name, zip_strerror(out));
        return FALSE;
    }
    return TRUE;
}

static gboolean add_bytes(zip_t *out, GBytes *b, const char *name, GError **error)
{
    gsize len = 0;
    const void *p = g_bytes_get_data(b, &len);
    zip_source_t *s = zip_source_buffer(out, p, len, 0);
    if (!s || zip_file_add(out, name, s, ZIP_FL_ENC_UTF_8) < 0) {
        if (s)
            zip_source_free(s);
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法写入 %s：%s", name, zip_strerror(out));
        return FALSE;
    }
    return TRUE;
}

static gboolean docx_write(const PPDoc *doc, GPtrArray *redactions, const char *out_path, GError **error)
{
    const PPLimits *lim = &pp_default_limits;
    g_autoptr(PPZip) z = pp_zip_open(doc->data, lim, error);
    if (!z)
        return FALSE;
    int zerr = 0;
    zip_t *out = zip_open(out_path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!out) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法创建脱敏副本 %s", out_path);
        return FALSE;
    }
    /* edited entries must outlive zip_close, which is when libzip reads them */
    g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    Filter filter;
    filter_init(&filter, redactions);
    g_autoptr(GHashTable) hidden_styles = NULL;
    int styles = pp_zip_find(z, "word/styles.xml");
    if (styles >= 0) {
        g_autoptr(GBytes) xml = pp_zip_read(z, (guint)styles, error);
        if (!xml) {
            filter_clear(&filter);
            zip_discard(out);
            return FALSE;
        }
        hidden_styles = pp_docx_hidden_styles(xml);
    }
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < pp_zip_n_entries(z); i++) {
        const char *name = pp_zip_name(z, i);
        if (!name || g_str_has_suffix(name, "/"))
            continue;
        EntryKind kind = kind_of(name);
        if (kind == E_COPY) {
            ok = copy_entry(out, pp_zip_archive(z), i, name, error);
            continue;
        }
        g_autoptr(GBytes) xml = pp_zip_read(z, i, error);
        if (!xml) {
            ok = FALSE;
            break;
        }
        GError *err = NULL;
        GBytes *edited = edit_entry(xml, name, kind, &filter, hidden_styles, &err);
        if (err) {
            g_propagate_error(error, err);
            ok = FALSE;
        } else if (edited) {
            g_ptr_array_add(keep, edited);
            ok = add_bytes(out, edited, name, error);
        } else {
            ok = copy_entry(out, pp_zip_archive(z), i, name, error);
        }
    }
    filter_clear(&filter);
    if (!ok) {
        zip_discard(out);
        return FALSE;
    }
    if (zip_close(out) != 0) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法写出脱敏副本：%s", zip_strerror(out));
        zip_discard(out);
        return FALSE;
    }
    return TRUE;
}

const PPRedactor pp_redactor_docx = {.format = "docx", .write = docx_write};
