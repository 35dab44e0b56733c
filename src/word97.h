/* Word 97–2003 binary documents ([MS-DOC]): the FIB, the piece table and the character and
 * paragraph properties that matter for review, read from the WordDocument and 0Table/1Table
 * streams of the compound file (cfb.h). Internal to the .doc reader (extract_doc.c).
 *
 * The character stream is addressed by character positions (CP). It holds, one after the other,
 * the main document, footnotes, headers/footers, (macro), comments, endnotes, text boxes and
 * header text boxes; the piece table maps each CP to a byte offset (FC) in WordDocument, either a
 * cp1252 byte ("compressed") or a UTF-16LE unit. Properties are looked up by FC in the CHPX and
 * PAPX formatted disk pages (FKP). Nothing declared is trusted: every offset is checked against
 * its stream, and a document whose piece table does not fit is corrupt.
 */
#ifndef PP_WORD97_H
#define PP_WORD97_H

#include "prepub.h"

/* Stories of the character stream, in their order. */
typedef enum { W97_MAIN, W97_FTN, W97_HDD, W97_MCR, W97_ATN, W97_EDN, W97_TXBX, W97_HDRTXBX, W97_N_STORIES } W97Story;

/* Character properties (CHPX) that route text. */
enum { W97_CHP_DEL = 1, W97_CHP_INS = 2, W97_CHP_VANISH = 4, W97_CHP_SPEC = 8 };
/* Paragraph properties (PAPX) that shape tables. W97_PAP_KNOWN: a PAPX covers the character. */
enum { W97_PAP_INTABLE = 1, W97_PAP_TTP = 2, W97_PAP_KNOWN = 0x80 };

/* FibRgFcLcb97 indices of the structures read here. */
enum {
    W97_FC_PLCFFNDTXT = 3, W97_FC_PLCFANDREF = 4, W97_FC_PLCFANDTXT = 5, W97_FC_PLCFHDD = 11,
    W97_FC_PLCFBTECHPX = 12, W97_FC_PLCFBTEPAPX = 13, W97_FC_CLX = 33, W97_FC_GRPXSTATNOWNERS = 36,
    W97_FC_N = 37
};

typedef struct {
    guint32 fc, fc_end;
    guint8 flags;
} W97Run;

typedef struct {
    const guint8 *wd;   /* WordDocument stream (borrowed) */
    gsize wd_len;
    const guint8 *tbl;  /* 0Table or 1Table (borrowed) */
    gsize tbl_len;
    const guint8 *data; /* Data stream (borrowed, nullable): huge PAPX, pictures */
    gsize data_len;
    guint16 nfib;
    guint16 flags;      /* FibBase flags: fEncrypted 0x0100, fWhichTblStm 0x0200, fObfuscated 0x8000 */
    guint32 ccp[W97_N_STORIES];
    guint32 fc[W97_FC_N], lcb[W97_FC_N];
    guint32 *cp;        /* piece table: npcd + 1 CPs */
    const guint8 *pcd;  /* npcd piece descriptors of 8 bytes (inside tbl) */
    guint32 npcd;
    GArray *chp, *pap;  /* W97Run, sorted by fc */
} W97;

#define W97_FLAG_ENCRYPTED 0x0100
#define W97_FLAG_TABLE1 0x0200
#define W97_FLAG_OBFUSCATED 0x8000

/* Parse the FIB of WordDocument (borrowed). PP_ERR_CORRUPT if it is not a Word 97+ FIB,
 * PP_ERR_UNSUPPORTED for Word 6/95 files. Does not look at encryption: the caller does. */
gboolean pp_w97_fib(W97 *w, const guint8 *wd, gsize wd_len, GError **error);
/* Read the piece table and the property runs from the table stream and the Data stream
 * (borrowed; data may be NULL). */
gboolean pp_w97_load(W97 *w, const guint8 *tbl, gsize tbl_len, const guint8 *data, gsize data_len, GError **error);
void pp_w97_clear(W97 *w);

/* First CP of a story and its length, clamped to the piece table. */
guint32 pp_w97_story_start(const W97 *w, W97Story s);
guint32 pp_w97_story_len(const W97 *w, W97Story s);

/* The structure at FibRgFcLcb index i in the table stream; FALSE if absent or out of range. */
gboolean pp_w97_table_struct(const W97 *w, int i, const guint8 **p, guint32 *len);

/* Call fn for each character of [cp, cp_end) with its CHPX and PAPX flags. Surrogate pairs are
 * combined. FALSE with *error when a piece points outside WordDocument or fn returns FALSE. */
typedef gboolean (*W97CharFn)(gunichar c, guint8 chp, guint8 pap, gpointer user, GError **error);
gboolean pp_w97_chars(const W97 *w, guint32 cp, guint32 cp_end, W97CharFn fn, gpointer user, GError **error);

/* Word 97+ text stories → parts of doc (body, footnote, header, footer, comment, textbox,
 * tracked_change, hidden_text), at most max_text bytes. word97_text.c. */
gboolean pp_w97_text(const W97 *w, PPDoc *doc, gsize max_text, GError **error);

/* SummaryInformation / DocumentSummaryInformation property set stream → metadata parts.
 * ole_props.c. Damaged property sets are skipped, not errors. */
void pp_ole_props(PPDoc *doc, GBytes *stream, const char *stream_name);

#endif
