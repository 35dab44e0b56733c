/* Compound File Binary (OLE2, [MS-CFB]) reader: the container of Word 97–2003 .doc, .xls, .wps
 * and of password-protected OOXML.
 *
 * The whole file is in memory. Opening reads the header, the DIFAT (header entries, then the chain
 * of extra DIFAT sectors), the FAT, the MiniFAT and the directory; the directory tree is walked
 * from the root so that every reachable entry knows its parent. Nothing declared is trusted: each
 * chain walk is bounded by the number of sectors (a cycle is an error, not a hang), every sector
 * must lie inside the file, and a stream may not be larger than the file that holds it.
 * Reads count against lim->max_part_bytes (one stream) and lim->max_total_bytes (all streams).
 * Errors (PP_ERROR): PP_ERR_CORRUPT for a damaged or truncated file, PP_ERR_TOO_LARGE over a limit.
 */
#ifndef PP_CFB_H
#define PP_CFB_H

#include "prepub.h"

typedef struct PPCfb PPCfb;

typedef enum { PP_CFB_STORAGE = 1, PP_CFB_STREAM = 2, PP_CFB_ROOT = 5 } PPCfbType;

/* TRUE when the bytes start with the compound file signature. */
gboolean pp_cfb_is_cfb(const guint8 *data, gsize len);

/* Open a compound file held in data (which must outlive the PPCfb). lim is borrowed. */
PPCfb *pp_cfb_open(const guint8 *data, gsize len, const PPLimits *lim, GError **error);
void pp_cfb_close(PPCfb *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPCfb, pp_cfb_close)

/* Directory entries reachable from the root; entry 0 is the root. */
guint pp_cfb_n_entries(const PPCfb *c);
const char *pp_cfb_name(const PPCfb *c, guint i);   /* UTF-8; borrowed; NULL for a bad index */
PPCfbType pp_cfb_type(const PPCfb *c, guint i);
int pp_cfb_parent(const PPCfb *c, guint i);          /* -1 for the root or a bad index */
guint64 pp_cfb_size(const PPCfb *c, guint i);        /* declared size of a stream */

/* Index of the child of storage `parent` (0: the root) named `name` (case-insensitive), -1 if none. */
int pp_cfb_find(const PPCfb *c, guint parent, const char *name);

/* Read stream i into memory (NUL-terminated one past its length). */
GBytes *pp_cfb_read(PPCfb *c, guint i, GError **error);

/* Bytes of streams read so far. */
gsize pp_cfb_total_read(const PPCfb *c);

#endif
