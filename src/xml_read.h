/* A safe streaming XML reader (libxml2 xmlTextReader) for package parts.
 *
 * Network access off, no DTD loading, no entity substitution; a document type declaration is
 * refused outright (no Office part has one, and it is where entity tricks live). Parser messages
 * are captured, never printed. Element names are matched by namespace URI + local name.
 */
#ifndef PP_XML_READ_H
#define PP_XML_READ_H

#include <libxml/xmlreader.h>

#include "prepub.h"

typedef struct PPXml PPXml;

/* Initialise libxml2 once (thread-safe); pp_xml_new does it, DOM users call it first. */
void pp_xml_init(void);

/* Read xml (borrowed; must outlive the reader); name is used in messages. Never NULL. */
PPXml *pp_xml_new(GBytes *xml, const char *name);
void pp_xml_free(PPXml *x);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPXml, pp_xml_free)

/* Advance to the next node: TRUE on a node, FALSE at the end or on error (then *error is set,
 * PP_ERR_CORRUPT). With skip, the current element's subtree is skipped first. */
gboolean pp_xml_next(PPXml *x, gboolean skip, GError **error);

/* A document walk as events, for readers that keep their own element stack (DOCX and ODT text):
 *   start  an element opens at depth; empty: it closes at once. Return TRUE to skip its subtree
 *          (the handler then treats it as closed, as it does an empty one).
 *   end    an end tag at depth.
 *   text   text, CDATA or whitespace content (never NULL).
 *   stop   optional: TRUE ends the walk early (the handler recorded its own error).
 * Returns FALSE with *error set if the XML is broken (PP_ERR_CORRUPT). */
typedef struct {
    gboolean (*start)(gpointer user, int depth, const char *ns, const char *local, gboolean empty);
    void (*end)(gpointer user, int depth);
    void (*text)(gpointer user, const char *s);
    gboolean (*stop)(gpointer user);
} PPXmlEvents;

gboolean pp_xml_walk(PPXml *x, const PPXmlEvents *ev, gpointer user, GError **error);

xmlTextReaderPtr pp_xml_reader(PPXml *x);
/* Attribute by namespace URI (NULL: no namespace) and local name; newly allocated or NULL. */
char *pp_xml_attr(PPXml *x, const char *ns, const char *local);

/* Namespace URIs. Word's transitional and strict (ISO) WordprocessingML are both accepted. */
#define PP_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define PP_NS_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define PP_NS_VML "urn:schemas-microsoft-com:vml"
#define PP_NS_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define PP_NS_MATH "http://schemas.openxmlformats.org/officeDocument/2006/math"
#define PP_NS_MATH_STRICT "http://purl.oclc.org/ooxml/officeDocument/math"

#endif
