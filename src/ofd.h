/* OFD (GB/T 33190-2016 版式文档) internals shared by extract_ofd.c (package, document, parts) and
 * ofd_page.c (page content → positioned characters for pdf_layout.c). Not a public interface.
 *
 * Elements are matched by local name only: producers disagree on the namespace prefix and some
 * write none, while the element names themselves are fixed by the standard.
 */
#ifndef PP_OFD_H
#define PP_OFD_H

#include "pdf_layout.h"
#include "xml_read.h"

/* Characters drawn on one page (or one annotation's appearance), page points, origin top-left. */
typedef struct {
    GArray *chars;   /* PPChar */
    guint max_chars; /* beyond this the page is hostile: the rest is dropped and over is set */
    gboolean over;
} PPOfdInk;

/* Walk x from its current position and add every TextObject's characters to ink, until the end of
 * the element at depth stop_depth (or the end of the file when stop_depth < 0). Clipping paths
 * (Clips) are skipped: text there shapes a clip, it is not drawn. FALSE with *error when the XML
 * is not well-formed. */
gboolean pp_ofd_walk_content(PPXml *x, int stop_depth, PPOfdInk *ink, GError **error);

/* The DeltaX/DeltaY syntax: numbers, where "g N v" stands for N copies of v. Fills out with at most
 * max values (the rest is never needed: one offset per character gap) and returns how many. */
guint pp_ofd_parse_deltas(const char *s, double *out, guint max);

/* Append the text inside the current element (its text nodes, child elements read through) to out
 * and leave the reader on the element's end. FALSE with *error on malformed XML. */
gboolean pp_ofd_text(PPXml *x, GString *out, GError **error);

/* The local name of the current node, "" if none. */
const char *pp_ofd_local(PPXml *x);

#endif
