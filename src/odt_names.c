/* ODF element names the text walker (odt_text.c) acts on, as tokens; every other element is
 * transparent (T_OTHER). */
#include "odt.h"

#include <string.h>

#define NS_LOEXT "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

/* Namespaces by one letter, then local names: the elements that matter; all else is transparent. */
static const struct {
    const char *uri;
    char code;
} namespaces[] = {
    {PP_NS_ODF_TEXT, 't'}, {PP_NS_ODF_TABLE, 'b'}, {PP_NS_ODF_DRAW, 'd'}, {PP_NS_ODF_OFFICE, 'o'},
    {PP_NS_ODF_STYLE, 's'}, {PP_NS_ODF_SVG, 'v'},   {PP_NS_DC, 'c'},        {NS_LOEXT, 'l'},
};

static const struct {
    const char *key; /* namespace letter ':' local name */
    Tok tok;
} names[] = {
    {"t:p", T_P}, {"t:h", T_P}, {"t:span", T_SPAN}, {"t:s", T_S}, {"t:tab", T_TAB}, {"t:line-break", T_BR},
    {"t:note-citation", T_SKIP}, /* the mark in the body, not note text */
    {"t:note-body", T_NOTE_BODY}, {"t:changed-region", T_REGION}, {"t:deletion", T_DELETION},
    {"t:insertion", T_INSERTION}, {"t:change-start", T_CHSTART}, {"t:change-end", T_CHEND},
    {"t:hidden-text", T_HIDDEN_TEXT}, {"t:hidden-paragraph", T_HIDDEN_PARA}, {"t:section", T_SECTION},
    {"t:number", T_SKIP}, /* a list label as last laid out; DOCX text has no list labels either */
    {"t:sequence-decls", T_SKIP}, {"t:variable-decls", T_SKIP}, {"t:user-field-decls", T_SKIP},
    {"t:dde-connection-decls", T_SKIP},
    {"b:table", T_TBL}, {"b:table-row", T_TR}, {"b:table-cell", T_TC}, {"b:covered-table-cell", T_TC},
    {"d:text-box", T_TXBX},
    /* shapes hold their text as paragraphs directly (LibreOffice's export of Word text boxes) */
    {"d:custom-shape", T_TXBX}, {"d:rect", T_TXBX}, {"d:ellipse", T_TXBX}, {"d:circle", T_TXBX},
    {"d:polygon", T_TXBX}, {"d:regular-polygon", T_TXBX}, {"d:polyline", T_TXBX}, {"d:path", T_TXBX},
    {"d:line", T_TXBX}, {"d:connector", T_TXBX}, {"d:caption", T_TXBX}, {"d:measure", T_TXBX},
    {"d:object", T_OBJECT}, {"d:object-ole", T_OBJECT},
    {"o:annotation", T_ANNOT}, {"o:change-info", T_CHINFO}, {"o:binary-data", T_SKIP}, {"o:forms", T_SKIP},
    {"o:event-listeners", T_SKIP}, {"o:meta", T_SKIP}, {"o:settings", T_SKIP}, {"o:scripts", T_SKIP},
    {"o:font-face-decls", T_SKIP}, {"o:automatic-styles", T_AUTO_STYLES}, {"o:styles", T_COMMON_STYLES},
    {"o:master-styles", T_MASTER}, {"o:body", T_BODY}, {"o:spreadsheet", T_NOT_TEXT},
    {"o:presentation", T_NOT_TEXT}, {"o:drawing", T_NOT_TEXT}, {"o:chart", T_NOT_TEXT}, {"o:image", T_NOT_TEXT},
    {"s:style", T_STYLE}, {"s:text-properties", T_TEXTPROPS}, {"s:header", T_HEADER}, {"s:header-left", T_HEADER},
    {"s:header-first", T_HEADER}, {"s:footer", T_FOOTER}, {"s:footer-left", T_FOOTER}, {"s:footer-first", T_FOOTER},
    {"l:header-first", T_HEADER}, {"l:footer-first", T_FOOTER},
    {"v:title", T_SKIP}, {"v:desc", T_SKIP}, /* alt text of pictures, not shown */
    {"c:creator", T_CREATOR},
};

static gpointer build_names(gpointer unused)
{
    (void)unused;
    GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
        g_hash_table_insert(h, (gpointer)names[i].key, GINT_TO_POINTER(names[i].tok));
    return h;
}

int pp_odt_tok(const char *ns, const char *local)
{
    static GOnce once = G_ONCE_INIT;
    GHashTable *h = g_once(&once, build_names, NULL);
    char code = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(namespaces) && !code && ns; i++)
        if (strcmp(ns, namespaces[i].uri) == 0)
            code = namespaces[i].code;
    if (!code)
        return T_OTHER;
    /* index templates (text:table-of-content-source …) hold sample text, not document text */
    if (code == 't' && g_str_has_suffix(local, "-source"))
        return T_SKIP;
    char key[96];
    if (g_snprintf(key, sizeof key, "%c:%s", code, local) >= (int)sizeof key)
        return T_OTHER;
    return GPOINTER_TO_INT(g_hash_table_lookup(h, key));
}
