/* Word 97–2003: FIB, piece table (CLX), CHPX/PAPX property runs; see word97.h. */
#include "word97.h"

#include <string.h>

#define FKP 512u
#define MAX_PIECES (1u << 20)
#define MAX_CP (1u << 28)

static guint16 rd16(const guint8 *p) { return (guint16)(p[0] | (p[1] << 8)); }
static guint32 rd32(const guint8 *p) { return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24); }

static gboolean corrupt(GError **error, const char *what)
{
    g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "Word 文档（.doc）已损坏：%s", what);
    return FALSE;
}

/* cp1252 bytes 0x80–0x9F of "compressed" pieces; the rest is Latin-1. */
static const guint16 cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

gboolean pp_w97_fib(W97 *w, const guint8 *wd, gsize wd_len, GError **error)
{
    memset(w, 0, sizeof *w);
    w->wd = wd;
    w->wd_len = wd_len;
    if (wd_len < 0x22 || rd16(wd) != 0xA5EC)
        return corrupt(error, "WordDocument 流缺少文件信息块（FIB）");
    w->nfib = rd16(wd + 2);
    w->flags = rd16(wd + 0x0A);
    if (w->nfib < 0x70) {
        g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED,
                    "Word 6.0/95 或更早版本的 .doc 文件暂不支持审查，请另存为 DOCX 后再检查");
        return FALSE;
    }
    gsize off = 0x20;
    guint16 csw = rd16(wd + off);
    off += 2 + (gsize)csw * 2;
    if (off + 2 > wd_len)
        return corrupt(error, "FIB 不完整");
    guint16 cslw = rd16(wd + off);
    off += 2;
    if (cslw < 11 || off + (gsize)cslw * 4 + 2 > wd_len)
        return corrupt(error, "FIB 不完整");
    static const int lw_index[W97_N_STORIES] = {3, 4, 5, 6, 7, 8, 9, 10};
    for (int s = 0; s < W97_N_STORIES; s++)
        w->ccp[s] = rd32(wd + off + 4 * (gsize)lw_index[s]);
    off += (gsize)cslw * 4;
    guint16 cb = rd16(wd + off);
    off += 2;
    if (cb < W97_FC_N || off + (gsize)W97_FC_N * 8 > wd_len)
        return corrupt(error, "FIB 不完整");
    for (int i = 0; i < W97_FC_N; i++) {
        w->fc[i] = rd32(wd + off + 8 * (gsize)i);
        w->lcb[i] = rd32(wd + off + 8 * (gsize)i + 4);
    }
    return TRUE;
}

gboolean pp_w97_table_struct(const W97 *w, int i, const guint8 **p, guint32 *len)
{
    if (i < 0 || i >= W97_FC_N || !w->tbl || w->lcb[i] == 0 || w->fc[i] > w->tbl_len || w->lcb[i] > w->tbl_len - w->fc[i])
        return FALSE;
    *p = w->tbl + w->fc[i];
    *len = w->lcb[i];
    return TRUE;
}

/* The CLX: Prc blocks (clxt 1) to skip, then the Pcdt (clxt 2) holding the PlcPcd. */
static gboolean load_pieces(W97 *w, GError **error)
{
    const guint8 *p;
    guint32 n;
    if (!pp_w97_table_struct(w, W97_FC_CLX, &p, &n))
        return corrupt(error, "缺少分段表（CLX）");
    guint32 i = 0;
    while (i < n && p[i] == 1) {
        if (i + 3 > n)
            return corrupt(error, "分段表（CLX）不完整");
        i += 3 + rd16(p + i + 1);
    }
    if (i + 5 > n || p[i] != 2)
        return corrupt(error, "分段表（CLX）中没有 Pcdt");
    guint32 lcb = rd32(p + i + 1);
    i += 5;
    if (lcb > n - i || lcb < 16 || (lcb - 4) % 12 != 0)
        return corrupt(error, "分段表（PlcPcd）大小不合理");
    w->npcd = (lcb - 4) / 12;
    if (w->npcd > MAX_PIECES)
        return corrupt(error, "分段表（PlcPcd）片段过多");
    w->cp = g_new(guint32, w->npcd + 1);
    for (guint32 k = 0; k <= w->npcd; k++) {
        w->cp[k] = rd32(p + i + 4 * k);
        if ((k && w->cp[k] < w->cp[k - 1]) || w->cp[k] > MAX_CP)
            return corrupt(error, "分段表（PlcPcd）字符位置不递增");
    }
    w->pcd = p + i + 4 * ((gsize)w->npcd + 1);
    return TRUE;
}

/* Operand size of a sprm at p (n bytes left after the 2-byte opcode); 0 when it cannot be told. */
static gsize sprm_operand_size(guint16 sprm, const guint8 *p, gsize n)
{
    switch (sprm >> 13) {
    case 0:
    case 1:
        return 1;
    case 2:
    case 4:
    case 5:
        return 2;
    case 3:
        return 4;
    case 7:
        return 3;
    default:
        if (sprm == 0xD608 || sprm == 0xD606) /* sprmTDefTable(10): a 2-byte count, itself + 1 */
            return n >= 2 ? (gsize)rd16(p) + 1 : 0;
        if (n < 1 || (sprm == 0xC615 && p[0] == 255)) /* sprmPChgTabs long form: give up on the rest */
            return 0;
        return (gsize)p[0] + 1;
    }
}

static void set_flag(guint8 *flags, guint8 bit, guint8 operand)
{
    if (operand == 1 || operand == 0x81)
        *flags |= bit;
    else
        *flags &= (guint8)~bit;
}

/* Scan a grpprl for the sprms routing text (CHPX) or shaping tables (PAPX). */
static guint8 scan_grpprl(const W97 *w, const guint8 *p, gsize n, gboolean pap, int depth)
{
    guint8 flags = 0;
    gsize i = 0;
    while (i + 2 <= n) {
        guint16 sprm = rd16(p + i);
        i += 2;
        gsize size = sprm_operand_size(sprm, p + i, n - i);
        if (size == 0 || size > n - i)
            break;
        guint8 op = p[i];
        if (!pap) {
            if (sprm == 0x0800)
                set_flag(&flags, W97_CHP_DEL, op);
            else if (sprm == 0x0801)
                set_flag(&flags, W97_CHP_INS, op);
            else if (sprm == 0x083C)
                set_flag(&flags, W97_CHP_VANISH, op);
            else if (sprm == 0x0855)
                set_flag(&flags, W97_CHP_SPEC, op);
        } else {
            if (sprm == 0x2416)
                flags = op ? flags | W97_PAP_INTABLE : flags & (guint8)~W97_PAP_INTABLE;
            else if (sprm == 0x2417)
                flags = op ? flags | W97_PAP_TTP : flags & (guint8)~W97_PAP_TTP;
            else if (sprm == 0x6649 && size == 4 && rd32(p + i) > 0)
                flags |= W97_PAP_INTABLE;
            else if (sprm == 0x6646 && size == 4 && depth == 0 && w->data) {
                /* sprmPHugePapx: the grpprl is in the Data stream, after a 2-byte count */
                guint32 at = rd32(p + i);
                if ((gsize)at + 2 <= w->data_len) {
                    gsize cb = MIN((gsize)rd16(w->data + at), w->data_len - at - 2);
                    flags |= scan_grpprl(w, w->data + at + 2, cb, TRUE, 1);
                }
            }
        }
        i += size;
    }
    return flags;
}

/* One FKP page: crun runs of [rgfc[k], rgfc[k+1]) with their grpprl. */
static void load_fkp(const W97 *w, const guint8 *page, gboolean pap, GArray *runs)
{
    guint crun = page[FKP - 1];
    gsize entry = pap ? 13 : 1;
    if (crun == 0 || 4 * ((gsize)crun + 1) + crun * entry > FKP - 1)
        return;
    for (guint k = 0; k < crun; k++) {
        W97Run r = {rd32(page + 4 * k), rd32(page + 4 * (k + 1)), pap ? W97_PAP_KNOWN : 0};
        if (r.fc_end <= r.fc)
            continue;
        gsize off = (gsize)page[4 * ((gsize)crun + 1) + k * entry] * 2;
        if (off && off < FKP - 1) {
            gsize cb = page[off], start = off + 1;
            if (pap && cb == 0 && off + 1 < FKP - 1) {
                cb = (gsize)page[off + 1] * 2;
                start = off + 2;
            } else if (pap) {
                cb = cb * 2 - 1;
            }
            if (start + cb > FKP - 1)
                cb = start < FKP - 1 ? FKP - 1 - start : 0;
            if (pap) /* istd first, then the grpprl */
                r.flags |= cb >= 2 ? scan_grpprl(w, page + start + 2, cb - 2, TRUE, 0) : 0;
            else
                r.flags = scan_grpprl(w, page + start, cb, FALSE, 0);
        }
        g_array_append_val(runs, r);
    }
}

static gint run_cmp(gconstpointer a, gconstpointer b)
{
    guint32 x = ((const W97Run *)a)->fc, y = ((const W97Run *)b)->fc;
    return x < y ? -1 : x > y;
}

/* PlcBteChpx / PlcBtePapx: n + 1 FCs, then n 4-byte page numbers of FKPs in WordDocument. */
static GArray *load_runs(const W97 *w, int index, gboolean pap)
{
    GArray *runs = g_array_new(FALSE, FALSE, sizeof(W97Run));
    const guint8 *p;
    guint32 n;
    if (!pp_w97_table_struct(w, index, &p, &n) || n < 12)
        return runs;
    guint32 count = (n - 4) / 8;
    gsize max_pages = w->wd_len / FKP;
    g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
    for (guint32 k = 0; k < count && k <= max_pages; k++) {
        guint32 pn = rd32(p + 4 * ((gsize)count + 1) + 4 * (gsize)k) & 0x3FFFFF;
        if (((gsize)pn + 1) * FKP > w->wd_len || !g_hash_table_add(seen, GUINT_TO_POINTER(pn + 1)))
            continue;
        load_fkp(w, w->wd + (gsize)pn * FKP, pap, runs);
    }
    g_array_sort(runs, run_cmp);
    return runs;
}

gboolean pp_w97_load(W97 *w, const guint8 *tbl, gsize tbl_len, const guint8 *data, gsize data_len, GError **error)
{
    w->tbl = tbl;
    w->tbl_len = tbl_len;
    w->data = data;
    w->data_len = data_len;
    if (!load_pieces(w, error))
        return FALSE;
    w->chp = load_runs(w, W97_FC_PLCFBTECHPX, FALSE);
    w->pap = load_runs(w, W97_FC_PLCFBTEPAPX, TRUE);
    return TRUE;
}

void pp_w97_clear(W97 *w)
{
    g_free(w->cp);
    if (w->chp)
        g_array_free(w->chp, TRUE);
    if (w->pap)
        g_array_free(w->pap, TRUE);
    memset(w, 0, sizeof *w);
}

guint32 pp_w97_story_start(const W97 *w, W97Story s)
{
    guint64 cp = 0;
    for (int i = 0; i < (int)s; i++)
        cp += w->ccp[i];
    guint32 end = w->npcd ? w->cp[w->npcd] : 0;
    return cp > end ? end : (guint32)cp;
}

guint32 pp_w97_story_len(const W97 *w, W97Story s)
{
    guint32 start = pp_w97_story_start(w, s);
    guint32 end = w->npcd ? w->cp[w->npcd] : 0;
    return MIN(w->ccp[s], end - start);
}

/* Flags of the run holding fc; *hint caches the last index (text is read in order). */
static guint8 run_flags(const GArray *runs, guint32 fc, guint *hint)
{
    if (!runs || runs->len == 0)
        return 0;
    const W97Run *r = (const W97Run *)runs->data;
    if (*hint < runs->len && r[*hint].fc <= fc && fc < r[*hint].fc_end)
        return r[*hint].flags;
    guint lo = 0, hi = runs->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (r[mid].fc <= fc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || fc >= r[lo - 1].fc_end)
        return 0;
    *hint = lo - 1;
    return r[lo - 1].flags;
}

gboolean pp_w97_chars(const W97 *w, guint32 cp, guint32 cp_end, W97CharFn fn, gpointer user, GError **error)
{
    guint chint = 0, phint = 0;
    guint32 lo = 0, hi = w->npcd; /* the first piece ending after cp */
    while (lo < hi) {
        guint32 mid = lo + (hi - lo) / 2;
        if (w->cp[mid + 1] <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (guint32 k = lo; k < w->npcd && cp < cp_end; k++) {
        if (w->cp[k + 1] <= cp)
            continue;
        if (cp < w->cp[k])
            cp = w->cp[k];
        guint32 fcc = rd32(w->pcd + 8 * (gsize)k + 2);
        gboolean compressed = (fcc & 0x40000000u) != 0;
        gsize base = compressed ? (fcc & 0x3FFFFFFFu) / 2 : (fcc & 0x3FFFFFFFu);
        gsize width = compressed ? 1 : 2;
        guint32 last = MIN(cp_end, w->cp[k + 1]);
        gsize first = base + (gsize)(cp - w->cp[k]) * width;
        if (base > w->wd_len || (gsize)(last - w->cp[k]) * width > w->wd_len - base)
            return corrupt(error, "文字片段超出 WordDocument 流");
        for (; cp < last; cp++, first += width) {
            gunichar c;
            if (compressed) {
                guint8 b = w->wd[first];
                c = b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
            } else {
                c = rd16(w->wd + first);
                if (c >= 0xD800 && c < 0xDC00 && cp + 1 < last) {
                    gunichar lo = rd16(w->wd + first + 2);
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                        cp++;
                        first += 2;
                    }
                }
                if (c >= 0xD800 && c < 0xE000)
                    c = 0xFFFD;
            }
            guint8 chp = run_flags(w->chp, (guint32)first, &chint);
            guint8 pap = run_flags(w->pap, (guint32)first, &phint);
            if (!fn(c, chp, pap, user, error))
                return FALSE;
        }
    }
    return TRUE;
}
