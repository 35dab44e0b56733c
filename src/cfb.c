/* Compound File Binary reader; see cfb.h. Layout per [MS-CFB]: a 512-byte header (padded to one
 * sector in version 4), then sectors numbered from 0 at file offset (n + 1) * sector size. */
#include "cfb.h"

#include <string.h>

#define ENDOFCHAIN 0xFFFFFFFEu
#define FREESECT 0xFFFFFFFFu
#define MAXREGSECT 0xFFFFFFFAu
#define NOSTREAM 0xFFFFFFFFu
#define DIR_ENTRY 128u
#define MINI_SECTOR 64u
#define MAX_DIR_ENTRIES (1u << 16)

static const guint8 signature[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

typedef struct {
    char *name;
    guint8 type;       /* 0 unknown/unreachable, 1 storage, 2 stream, 5 root */
    guint32 left, right, child, start;
    guint64 size;
    int parent;
} Entry;

struct PPCfb {
    const guint8 *data;
    gsize len;
    const PPLimits *lim;
    guint32 ssz;          /* sector size: 512 or 4096 */
    guint32 nsect;        /* sectors present in the file, counting a partial last one */
    guint32 *fat;
    guint32 nfat;         /* FAT entries */
    guint32 *minifat;
    guint32 nminifat;
    guint32 cutoff;       /* streams smaller than this live in the mini stream */
    Entry *entries;
    guint32 nentries;
    guint8 *mini;         /* the mini stream, read on first use */
    gsize mini_len;
    gboolean mini_read;
    gsize total;
};

static guint16 rd16(const guint8 *p) { return (guint16)(p[0] | (p[1] << 8)); }
static guint32 rd32(const guint8 *p) { return (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) | ((guint32)p[3] << 24); }

static gboolean corrupt(GError **error, const char *what)
{
    g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "OLE 复合文件已损坏或被截断：%s", what);
    return FALSE;
}

gboolean pp_cfb_is_cfb(const guint8 *data, gsize len) { return len >= 8 && memcmp(data, signature, 8) == 0; }

/* Bytes of sector n that are inside the file (a partial last sector is allowed); 0 if none. */
static gsize sector_avail(const PPCfb *c, guint32 n, const guint8 **p)
{
    if (n > MAXREGSECT || n >= c->nsect)
        return 0;
    gsize off = ((gsize)n + 1) * c->ssz;
    if (off >= c->len)
        return 0;
    *p = c->data + off;
    return MIN((gsize)c->ssz, c->len - off);
}

/* Follow a chain in table[] (FAT or MiniFAT) from start, appending at most max sector numbers to
 * out. Stops at ENDOFCHAIN; a sector number outside the table or a sector seen twice is corrupt. */
static gboolean walk_chain(const guint32 *table, guint32 n, guint32 start, guint32 max, GArray *out, GError **error)
{
    if (start == ENDOFCHAIN || max == 0)
        return TRUE;
    g_autofree guint8 *seen = g_malloc0(n / 8 + 1);
    guint32 s = start;
    while (s != ENDOFCHAIN && out->len < max) {
        if (s >= n)
            return corrupt(error, "扇区链指向文件之外");
        if (seen[s / 8] & (1u << (s % 8)))
            return corrupt(error, "扇区链有环");
        seen[s / 8] |= (guint8)(1u << (s % 8));
        g_array_append_val(out, s);
        s = table[s];
    }
    return TRUE;
}

/* Read the bytes of a chain of regular sectors, at most want bytes; each sector must be in the file. */
static guint8 *read_regular(const PPCfb *c, guint32 start, gsize want, gboolean exact, gsize *got, GError **error)
{
    g_autoptr(GArray) chain = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint32 max = (guint32)MIN((want + c->ssz - 1) / c->ssz, (gsize)c->nfat);
    if (!walk_chain(c->fat, c->nfat, start, max, chain, error))
        return NULL;
    if (exact && (gsize)chain->len * c->ssz < want) {
        corrupt(error, "数据流比声明的短");
        return NULL;
    }
    gsize n = MIN(want, (gsize)chain->len * c->ssz);
    guint8 *buf = g_malloc(n + 1);
    gsize pos = 0;
    for (guint i = 0; i < chain->len && pos < n; i++) {
        const guint8 *p = NULL;
        gsize avail = sector_avail(c, g_array_index(chain, guint32, i), &p);
        gsize take = MIN((gsize)c->ssz, n - pos);
        if (avail < take) {
            g_free(buf);
            corrupt(error, "扇区在文件末尾之外");
            return NULL;
        }
        memcpy(buf + pos, p, take);
        pos += take;
    }
    buf[n] = 0;
    *got = n;
    return buf;
}

static gboolean read_difat_fat(PPCfb *c, const guint8 *h, GError **error)
{
    guint32 nfatsect = rd32(h + 0x2C);
    guint32 difat_start = rd32(h + 0x44);
    guint32 ndifat = rd32(h + 0x48);
    if (nfatsect == 0 || nfatsect > c->nsect)
        return corrupt(error, "FAT 扇区数不合理");
    g_autoptr(GArray) fatsect = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint i = 0; i < 109 && fatsect->len < nfatsect; i++) {
        guint32 s = rd32(h + 0x4C + 4 * i);
        if (s > MAXREGSECT)
            break;
        g_array_append_val(fatsect, s);
    }
    /* extra DIFAT sectors: ssz/4 - 1 FAT sector numbers, then the next DIFAT sector */
    guint32 per = c->ssz / 4 - 1;
    guint32 d = difat_start;
    for (guint32 steps = 0; fatsect->len < nfatsect && d <= MAXREGSECT; steps++) {
        const guint8 *p = NULL;
        if (steps >= ndifat || steps > c->nsect || sector_avail(c, d, &p) < c->ssz)
            return corrupt(error, "DIFAT 扇区链损坏");
        for (guint32 i = 0; i < per && fatsect->len < nfatsect; i++) {
            guint32 s = rd32(p + 4 * i);
            if (s > MAXREGSECT)
                break;
            g_array_append_val(fatsect, s);
        }
        d = rd32(p + 4 * per);
    }
    if (fatsect->len == 0)
        return corrupt(error, "没有 FAT 扇区");
    c->nfat = fatsect->len * (c->ssz / 4);
    c->fat = g_new(guint32, c->nfat);
    for (guint i = 0; i < fatsect->len; i++) {
        const guint8 *p = NULL;
        if (sector_avail(c, g_array_index(fatsect, guint32, i), &p) < c->ssz)
            return corrupt(error, "FAT 扇区在文件末尾之外");
        for (guint32 k = 0; k < c->ssz / 4; k++)
            c->fat[i * (c->ssz / 4) + k] = rd32(p + 4 * k);
    }
    return TRUE;
}

static gboolean read_minifat(PPCfb *c, const guint8 *h, GError **error)
{
    guint32 start = rd32(h + 0x3C);
    guint32 count = rd32(h + 0x40);
    if (start > MAXREGSECT || count == 0)
        return TRUE;
    if (count > c->nsect)
        return corrupt(error, "MiniFAT 扇区数不合理");
    gsize got = 0;
    g_autofree guint8 *buf = read_regular(c, start, (gsize)count * c->ssz, FALSE, &got, error);
    if (!buf)
        return FALSE;
    c->nminifat = (guint32)(got / 4);
    c->minifat = g_new(guint32, c->nminifat + 1);
    for (guint32 i = 0; i < c->nminifat; i++)
        c->minifat[i] = rd32(buf + 4 * i);
    return TRUE;
}

static char *entry_name(const guint8 *e)
{
    guint16 nbytes = rd16(e + 64);
    if (nbytes < 2 || nbytes > 64)
        return g_strdup("");
    gunichar2 u[32];
    glong n = nbytes / 2 - 1;
    for (glong i = 0; i < n; i++)
        u[i] = rd16(e + 2 * i);
    char *s = g_utf16_to_utf8(u, n, NULL, NULL, NULL);
    return s ? s : g_strdup("?");
}

/* Walk the red-black tree of each storage from the root; each reachable entry gets its parent.
 * An entry reached twice (a loop in the tree) is ignored the second time. */
static gboolean walk_tree(PPCfb *c, GError **error)
{
    if (c->entries[0].type != PP_CFB_ROOT)
        return corrupt(error, "目录缺少根节点");
    g_autofree guint8 *seen = g_malloc0(c->nentries);
    g_autoptr(GArray) stack = g_array_new(FALSE, FALSE, sizeof(guint32) * 2);
    seen[0] = 1;
    c->entries[0].parent = -1;
    guint32 first[2] = {c->entries[0].child, 0};
    g_array_append_val(stack, first);
    while (stack->len) {
        guint32 *top = &g_array_index(stack, guint32, 2 * (stack->len - 1));
        guint32 i = top[0], parent = top[1];
        g_array_set_size(stack, stack->len - 1);
        if (i >= c->nentries || seen[i])
            continue;
        seen[i] = 1;
        Entry *e = &c->entries[i];
        if (e->type != PP_CFB_STORAGE && e->type != PP_CFB_STREAM) {
            e->type = 0;
            continue;
        }
        e->parent = (int)parent;
        guint32 l[2] = {e->left, parent}, r[2] = {e->right, parent}, ch[2] = {e->child, i};
        g_array_append_val(stack, l);
        g_array_append_val(stack, r);
        if (e->type == PP_CFB_STORAGE)
            g_array_append_val(stack, ch);
    }
    for (guint32 i = 1; i < c->nentries; i++)
        if (!seen[i])
            c->entries[i].type = 0;
    return TRUE;
}

static gboolean read_directory(PPCfb *c, const guint8 *h, gboolean v4, GError **error)
{
    guint32 start = rd32(h + 0x30);
    gsize got = 0;
    gsize want = MIN((gsize)c->nsect * c->ssz, (gsize)MAX_DIR_ENTRIES * DIR_ENTRY);
    g_autofree guint8 *buf = read_regular(c, start, want, FALSE, &got, error);
    if (!buf)
        return FALSE;
    c->nentries = (guint32)(got / DIR_ENTRY);
    if (c->nentries == 0)
        return corrupt(error, "目录为空");
    c->entries = g_new0(Entry, c->nentries);
    for (guint32 i = 0; i < c->nentries; i++) {
        const guint8 *e = buf + (gsize)i * DIR_ENTRY;
        Entry *d = &c->entries[i];
        d->type = e[66];
        d->left = rd32(e + 68);
        d->right = rd32(e + 72);
        d->child = rd32(e + 76);
        d->start = rd32(e + 116);
        d->size = rd32(e + 120) | (v4 ? (guint64)rd32(e + 124) << 32 : 0);
        d->parent = -1;
        d->name = d->type ? entry_name(e) : NULL;
    }
    return walk_tree(c, error);
}

PPCfb *pp_cfb_open(const guint8 *data, gsize len, const PPLimits *lim, GError **error)
{
    if (!pp_cfb_is_cfb(data, len) || len < 512) {
        corrupt(error, "文件头不完整");
        return NULL;
    }
    const guint8 *h = data;
    guint16 major = rd16(h + 0x1A), shift = rd16(h + 0x1E), mshift = rd16(h + 0x20);
    if (rd16(h + 0x1C) != 0xFFFE || (shift != 9 && shift != 12) || mshift != 6 || (major != 3 && major != 4)) {
        corrupt(error, "文件头字段无效");
        return NULL;
    }
    g_autoptr(PPCfb) c = g_new0(PPCfb, 1);
    c->data = data;
    c->len = len;
    c->lim = lim;
    c->ssz = 1u << shift;
    gsize nsect = len / c->ssz + (len % c->ssz ? 1 : 0);
    c->nsect = (guint32)MIN(nsect > 0 ? nsect - 1 : 0, (gsize)MAXREGSECT);
    c->cutoff = rd32(h + 0x38);
    if (c->cutoff != 4096)
        c->cutoff = 4096; /* the only value the specification allows */
    if (!read_difat_fat(c, h, error) || !read_minifat(c, h, error) || !read_directory(c, h, major == 4, error))
        return NULL;
    return g_steal_pointer(&c);
}

void pp_cfb_close(PPCfb *c)
{
    if (!c)
        return;
    for (guint32 i = 0; i < c->nentries; i++)
        g_free(c->entries[i].name);
    g_free(c->entries);
    g_free(c->fat);
    g_free(c->minifat);
    g_free(c->mini);
    g_free(c);
}

guint pp_cfb_n_entries(const PPCfb *c) { return c->nentries; }

const char *pp_cfb_name(const PPCfb *c, guint i) { return i < c->nentries && c->entries[i].type ? c->entries[i].name : NULL; }

PPCfbType pp_cfb_type(const PPCfb *c, guint i) { return i < c->nentries ? (PPCfbType)c->entries[i].type : 0; }

int pp_cfb_parent(const PPCfb *c, guint i) { return i < c->nentries && c->entries[i].type ? c->entries[i].parent : -1; }

guint64 pp_cfb_size(const PPCfb *c, guint i) { return i < c->nentries ? c->entries[i].size : 0; }

gsize pp_cfb_total_read(const PPCfb *c) { return c->total; }

int pp_cfb_find(const PPCfb *c, guint parent, const char *name)
{
    for (guint32 i = 1; i < c->nentries; i++)
        if (c->entries[i].type && c->entries[i].parent == (int)parent && g_ascii_strcasecmp(c->entries[i].name, name) == 0)
            return (int)i;
    return -1;
}

static gboolean load_mini(PPCfb *c, GError **error)
{
    if (c->mini_read)
        return TRUE;
    const Entry *root = &c->entries[0];
    if (root->size > c->len)
        return corrupt(error, "迷你流大小超过文件大小");
    if (root->size) {
        c->mini = read_regular(c, root->start, (gsize)root->size, TRUE, &c->mini_len, error);
        if (!c->mini)
            return FALSE;
    }
    c->mini_read = TRUE;
    return TRUE;
}

static guint8 *read_mini(PPCfb *c, const Entry *e, GError **error)
{
    if (!load_mini(c, error))
        return NULL;
    gsize n = (gsize)e->size;
    g_autoptr(GArray) chain = g_array_new(FALSE, FALSE, sizeof(guint32));
    if (!walk_chain(c->minifat, c->nminifat, e->start, (guint32)((n + MINI_SECTOR - 1) / MINI_SECTOR), chain, error))
        return NULL;
    if ((gsize)chain->len * MINI_SECTOR < n) {
        corrupt(error, "迷你流数据比声明的短");
        return NULL;
    }
    g_autofree guint8 *buf = g_malloc(n + 1);
    for (guint i = 0; i < chain->len; i++) {
        gsize off = (gsize)g_array_index(chain, guint32, i) * MINI_SECTOR;
        gsize take = MIN((gsize)MINI_SECTOR, n - (gsize)i * MINI_SECTOR);
        if (off + take > c->mini_len) {
            corrupt(error, "迷你扇区在迷你流之外");
            return NULL;
        }
        memcpy(buf + (gsize)i * MINI_SECTOR, c->mini + off, take);
    }
    buf[n] = 0;
    return g_steal_pointer(&buf);
}

GBytes *pp_cfb_read(PPCfb *c, guint i, GError **error)
{
    if (i >= c->nentries || c->entries[i].type != PP_CFB_STREAM) {
        corrupt(error, "数据流不存在");
        return NULL;
    }
    const Entry *e = &c->entries[i];
    if (e->size > c->len) {
        corrupt(error, "数据流声明的大小超过文件大小");
        return NULL;
    }
    if (e->size > c->lim->max_part_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "OLE 数据流 %s 超过 %" G_GSIZE_FORMAT " MiB 上限", e->name,
                    c->lim->max_part_bytes >> 20);
        return NULL;
    }
    if (c->total + e->size > c->lim->max_total_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "OLE 数据流读取总量超过 %" G_GSIZE_FORMAT " MiB 上限",
                    c->lim->max_total_bytes >> 20);
        return NULL;
    }
    gsize n = (gsize)e->size;
    guint8 *buf = NULL;
    if (n < c->cutoff) {
        buf = read_mini(c, e, error);
    } else {
        gsize got = 0;
        buf = read_regular(c, e->start, n, TRUE, &got, error);
    }
    if (!buf)
        return NULL;
    c->total += n;
    return g_bytes_new_take(buf, n);
}
