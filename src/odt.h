/* OpenDocument Text internals shared by extract_odt.c (package and flat XML), odt_text.c (the
 * text of content.xml and styles.xml, with odt_names.c's element tokens and odt_styles.c's hidden
 * styles) and odt_meta.c (meta.xml). Not a public interface. */
#ifndef PP_ODT_H
#define PP_ODT_H

#include "prepub.h"

#define PP_NS_ODF_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define PP_NS_ODF_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define PP_NS_ODF_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define PP_NS_ODF_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define PP_NS_ODF_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define PP_NS_ODF_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define PP_NS_ODF_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define PP_NS_ODF_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
#define PP_NS_DC "http://purl.org/dc/elements/1.1/"

/* Element tokens of odt_names.c (namespace + local name → what the walker does with it). */
typedef enum {
    T_OTHER, T_SKIP, T_P, T_INNER_P, T_SPAN, T_S, T_TAB, T_BR, T_NOTE_BODY, T_REGION, T_DELETION, T_INSERTION,
    T_CHINFO, T_CHSTART, T_CHEND, T_HIDDEN_TEXT, T_HIDDEN_PARA, T_SECTION, T_TBL, T_TR, T_TC, T_TXBX, T_ANNOT,
    T_CREATOR, T_OBJECT, T_STYLE, T_TEXTPROPS, T_HEADER, T_FOOTER, T_AUTO_STYLES, T_COMMON_STYLES, T_MASTER,
    T_BODY, T_NOT_TEXT,
} Tok;
int pp_odt_tok(const char *ns, const char *local);

/* Running count of extracted bytes against lim->max_text_bytes, shared by all parts of one file. */
typedef struct {
    gsize used, max;
} PPOdtBudget;

gboolean pp_odt_budget_take(PPOdtBudget *b, gsize n, GError **error);

/* Which sections of an XML file one pass reads. A package reads styles.xml for its styles, then
 * content.xml (styles and body), then styles.xml again for the master pages, so that parts come
 * out as in a DOCX: body first, then headers and footers. A flat .fodt is read the same way. */
enum {
    PP_ODT_STYLES = 1, /* office:styles, office:automatic-styles: which styles hide text */
    PP_ODT_BODY = 2,   /* office:body */
    PP_ODT_MASTER = 4, /* office:master-styles: headers and footers */
};

/* Styles by family and name → whether their text is hidden (text:display="none"), with
 * style:parent-style-name followed. Automatic styles are scoped to their file (content.xml and
 * styles.xml both have a "P1"); common styles are shared. */
typedef struct PPOdtStyles PPOdtStyles;
PPOdtStyles *pp_odt_styles_new(void);
void pp_odt_styles_free(PPOdtStyles *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPOdtStyles, pp_odt_styles_free)
/* A style:style being read (scope '-' for common styles); without a family or name (or all NULL,
 * at its end) no style is being read. */
void pp_odt_style_add(PPOdtStyles *s, char scope, const char *family, const char *name, const char *parent);
/* The text:display of the style being read, from its style:text-properties. */
void pp_odt_style_say(PPOdtStyles *s, const char *display);
/* 1 if the style or its ancestors hide their text, 0 if they show it, -1 if none says. */
int pp_odt_style_display(const PPOdtStyles *s, char scope, const char *family, const char *name);
/* A text:display value: 1 hides ("none", "condition"), 0 shows, -1 for NULL. */
int pp_odt_display_say(const char *v);

/* Walk one XML file of an ODT (entry: its name, used as part origin; scope: 'c' content.xml or
 * flat file, 's' styles.xml) reading the sections in want. Adds body, header, footer, footnote,
 * textbox, comment, tracked_change and hidden_text parts. *objects counts embedded objects
 * (draw:object), whose text is not read. A body holding a spreadsheet or presentation instead of
 * text is PP_ERR_UNSUPPORTED. */
gboolean pp_odt_walk(PPDoc *doc, GBytes *xml, const char *entry, char scope, guint want, PPOdtStyles *styles,
                     PPOdtBudget *budget, guint *objects, GError **error);

/* Read office:meta (meta.xml, or the flat file's) into metadata parts, origin "<entry> <qname>"
 * ("meta.xml dc:creator", "meta.xml meta:user-defined 拟稿人"). */
gboolean pp_odt_meta(PPDoc *doc, GBytes *xml, const char *entry, PPOdtBudget *budget, GError **error);

#endif
