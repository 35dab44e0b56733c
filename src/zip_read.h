/* Reading a zip package (DOCX, later OFD) from memory with the safety limits of PPLimits.
 *
 * Every read counts the bytes actually inflated — declared sizes in the zip are never trusted —
 * and stops as soon as one entry exceeds lim->max_part_bytes, all reads of the package together
 * exceed lim->max_total_bytes, or an entry inflates to more than lim->max_ratio times its
 * compressed size. Errors (PP_ERROR): too many entries, or a limit → PP_ERR_TOO_LARGE; a damaged
 * archive or entry → PP_ERR_CORRUPT; an encrypted entry → PP_ERR_ENCRYPTED. Messages are Chinese.
 */
#ifndef PP_ZIP_READ_H
#define PP_ZIP_READ_H

#include <zip.h>

#include "prepub.h"

typedef struct PPZip PPZip;

/* Open a package held in data (the PPZip keeps a reference to data). lim is borrowed and must
 * outlive the PPZip. NULL with *error set when the bytes are not a readable zip or hold more than
 * lim->max_zip_entries entries. */
PPZip *pp_zip_open(GBytes *data, const PPLimits *lim, GError **error);
void pp_zip_close(PPZip *z);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPZip, pp_zip_close)

guint pp_zip_n_entries(const PPZip *z);
/* Name of entry i as stored (borrowed, valid while z is open); NULL for a bad index. */
const char *pp_zip_name(const PPZip *z, guint i);
/* Index of the entry with this name (exact match first, then ASCII-case-insensitive), -1 if none. */
int pp_zip_find(const PPZip *z, const char *name);

/* Inflate entry i into memory, enforcing the limits while reading. The returned bytes are
 * NUL-terminated one past their length (handy for text parsers). */
GBytes *pp_zip_read(PPZip *z, guint i, GError **error);
/* Same by name; a missing entry is PP_ERR_CORRUPT. */
GBytes *pp_zip_read_name(PPZip *z, const char *name, GError **error);

/* Uncompressed bytes read from the package so far. */
gsize pp_zip_total_read(const PPZip *z);
/* The underlying libzip archive (borrowed), for writers that copy entries. */
zip_t *pp_zip_archive(PPZip *z);

/* Cheap probe for format bids: 1 if the bytes open as a zip holding an entry named name,
 * 0 if they open but have no such entry, -1 if they do not open as a zip. Reads no entry data. */
int pp_zip_probe(const guint8 *data, gsize len, const char *name);

/* Cheap peek for format bids: inflate at most cap bytes of the entry named name into buf (not
 * NUL-terminated). Bytes read, or -1 if the bytes are no zip, the entry is missing or unreadable. */
gssize pp_zip_peek(const guint8 *data, gsize len, const char *name, char *buf, gsize cap);

#endif
