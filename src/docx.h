/* DOCX internals shared by extract_docx.c (package level), docx_text.c (WordprocessingML stories)
 * and docx_props.c (docProps metadata). Not a public interface. */
#ifndef PP_DOCX_H
#define PP_DOCX_H

#include "prepub.h"

/* Running count of extracted bytes against lim->max_text_bytes, shared by all parts of one DOCX. */
typedef struct {
    gsize used, max;
} PPTextBudget;

/* Style id → PP_STYLE_HIDES / PP_STYLE_SHOWS (GINT_TO_POINTER) for the paragraph and character
 * styles of word/styles.xml whose run properties, through w:basedOn, say w:vanish on or off;
 * NULL when no style hides text. A damaged styles part hides nothing. Precedence for a run:
 * its own w:vanish, then its character style, then its paragraph's style. */
enum { PP_STYLE_SHOWS = 1, PP_STYLE_HIDES = 2 };
GHashTable *pp_docx_hidden_styles(GBytes *xml);

/* Walk one WordprocessingML part (entry = its name in the package, used as part origin) and add
 * its parts to doc: the story itself as kind (body/header/footer/footnote; comments.xml makes one
 * comment part per w:comment), and, as found, textbox, tracked_change and hidden_text parts.
 * hidden_styles (nullable, borrowed): from pp_docx_hidden_styles. */
gboolean pp_docx_story(PPDoc *doc, GBytes *xml, const char *entry, PPPartKind kind, GHashTable *hidden_styles,
                       PPTextBudget *budget, GError **error);

/* Read docProps/core.xml, app.xml or custom.xml (which one by the entry's base name) into
 * metadata parts, one per non-empty personal-or-descriptive field; app.xml's <Pages> sets
 * doc->pages. */
gboolean pp_docx_props(PPDoc *doc, GBytes *xml, const char *entry, PPTextBudget *budget, GError **error);

/* Read the text of a SmartArt data part or a chart into a textbox part. */
gboolean pp_docx_drawing(PPDoc *doc, GBytes *xml, const char *entry, PPTextBudget *budget, GError **error);

/* Append text to a part within the budget; FALSE with *error (PP_ERR_TOO_LARGE) when over. */
gboolean pp_docx_budget_take(PPTextBudget *b, gsize n, GError **error);

#endif
