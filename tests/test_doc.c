/* Word 97–2003 .doc reading. Fixtures in tests/data/doc/ were written by LibreOffice from DOCX
 * files built by scripts/make_doc_fixtures.py; the compound file reader (cfb.c) is tested on
 * compound files built here sector by sector and then broken: cycles in the FAT and the DIFAT,
 * truncation, absurd sizes, a bad directory. */
#include <string.h>

#include "cfb.h"
#include "format.h"

#define DATA SRCDIR "/tests/data/doc"

static GBytes *load(const char *name)
{
    g_autofree char *path = g_build_filename(DATA, name, NULL);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

static PPDoc *extract_with(GBytes *data, const char *path, const PPLimits *lim, GError **error)
{
    PPDoc *doc = pp_doc_new(path, NULL);
    doc->data = g_bytes_ref(data);
    doc->size = g_bytes_get_size(data);
    pp_extract(doc, lim, error);
    return doc;
}

static char *parts_text(const PPDoc *doc, PPPartKind kind)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == kind)
            g_string_append(s, p->text->str);
    }
    return g_string_free(s, FALSE);
}

static const PPPart *part_with(const PPDoc *doc, PPPartKind kind, const char *needle)
{
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        if (p->kind == kind && strstr(p->text->str, needle))
            return p;
    }
    return NULL;
}

/* ---- LibreOffice-written fixtures ---- */

static void test_full(void)
{
    g_autoptr(GBytes) data = load("full.doc");
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, "full.doc", &pp_default_limits, &err);
    g_assert_no_error(err);
    g_assert_cmpstr(doc->format, ==, "doc");
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_nonnull(strstr(body, "关于测试单位2024年补助对象的公示\n"));
    g_assert_nonnull(strstr(body, "联系人手机：１３９１２３４５６７８，详见政府网站。\n")); /* full-width digits; field result */
    g_assert_null(strstr(body, "HYPERLINK"));                                          /* field code dropped */
    /* a table row is a line, cells separated by tabs, a cell's paragraphs joined by a space */
    g_assert_nonnull(strstr(body, "姓名\t身份证号码\t备注\n"));
    g_assert_nonnull(strstr(body, "\n陈测试\t110101199003078515\t第一段 第二段\n"));
    g_assert_nonnull(strstr(body, "\n\t\t末行\n"));
    /* tracked changes: deleted text only in tracked_change; inserted text in both */
    g_assert_null(strstr(body, "已删除的内容"));
    g_assert_nonnull(strstr(body, "保留的文字新插入的内容\n"));
    g_autofree char *tracked = parts_text(doc, PP_PART_TRACKED_CHANGE);
    g_assert_nonnull(strstr(tracked, "已删除的内容"));
    g_assert_nonnull(strstr(tracked, "新插入的内容"));
    /* hidden text */
    g_assert_null(strstr(body, "隐藏的文字"));
    g_assert_nonnull(strstr(body, "可见文字。\n"));
    g_assert_nonnull(part_with(doc, PP_PART_HIDDEN_TEXT, "隐藏的文字"));
    /* the other stories */
    g_assert_nonnull(part_with(doc, PP_PART_HEADER, "页眉：测试单位办公室"));
    g_assert_nonnull(part_with(doc, PP_PART_FOOTER, "第1页 页脚文字"));
    g_assert_nonnull(part_with(doc, PP_PART_FOOTNOTE, "脚注文字"));
    g_assert_nonnull(part_with(doc, PP_PART_FOOTNOTE, "尾注文字"));
    g_assert_nonnull(part_with(doc, PP_PART_TEXTBOX, "文本框里的文字"));
    const PPPart *c = part_with(doc, PP_PART_COMMENT, "批注内容");
    g_assert_nonnull(c);
    g_assert_cmpstr(c->author, ==, "李批注");
    g_assert_null(strstr(body, "批注内容"));
    /* document properties */
    const PPPart *m = part_with(doc, PP_PART_METADATA, "张作者");
    g_assert_nonnull(m);
    g_assert_cmpstr(m->origin, ==, "SummaryInformation Author");
    m = part_with(doc, PP_PART_METADATA, "赵修改");
    g_assert_nonnull(m);
    g_assert_cmpstr(m->origin, ==, "SummaryInformation LastAuthor");
    /* part text is valid UTF-8 without stray control characters */
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        g_assert_true(g_utf8_validate(p->text->str, (gssize)p->text->len, NULL));
        for (gsize k = 0; k < p->text->len; k++)
            g_assert_true((unsigned char)p->text->str[k] >= 0x20 || p->text->str[k] == '\n' || p->text->str[k] == '\t');
    }
}

static void test_plain(void)
{
    g_autoptr(GBytes) data = load("plain.doc");
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, "plain.doc", &pp_default_limits, &err);
    g_assert_no_error(err);
    g_autofree char *body = parts_text(doc, PP_PART_BODY);
    g_assert_true(g_str_has_prefix(body, "关于做好冬季安全生产工作的通知\n各乡镇人民政府、街道办事处：\n"));
    g_assert_true(g_str_has_suffix(body, "2024年12月1日\n（此件公开发布）\n"));
    for (guint i = 0; i < doc->parts->len; i++) {
        PPPartKind k = ((const PPPart *)doc->parts->pdata[i])->kind;
        g_assert_true(k == PP_PART_BODY || k == PP_PART_METADATA);
    }
}

/* The FIB of WordDocument: the sector-aligned 0xA5EC that parses as one. */
static gsize fib_offset(const guint8 *d, gsize len)
{
    for (gsize o = 512; o + 0x20 < len; o += 512)
        if (d[o] == 0xEC && d[o + 1] == 0xA5 && (d[o + 2] | d[o + 3] << 8) >= 0xC1)
            return o;
    g_assert_not_reached();
    return 0;
}

static void test_encrypted(void)
{
    g_autoptr(GBytes) orig = load("full.doc");
    gsize len = 0;
    const guint8 *src = g_bytes_get_data(orig, &len);
    guint8 *d = g_memdup2(src, len);
    d[fib_offset(d, len) + 0x0B] |= 0x01; /* fEncrypted */
    g_autoptr(GBytes) data = g_bytes_new_take(d, len);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, "x.doc", &pp_default_limits, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_ENCRYPTED);
    g_clear_error(&err);
}

/* Truncated at many lengths and with bytes flipped: an error with a document-level code or a
 * successful read, never a crash (the ASan build runs this too). */
static void test_damaged(void)
{
    g_autoptr(GBytes) orig = load("full.doc");
    gsize len = 0;
    const guint8 *src = g_bytes_get_data(orig, &len);
    for (gsize cut = 0; cut < len; cut += cut < 1024 ? 61 : 509) {
        g_autoptr(GBytes) data = g_bytes_new(src, cut);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract_with(data, "t.doc", &pp_default_limits, &err);
        /* only the unused tail of the last sector may go without harm */
        if (cut + 512 < len)
            g_assert_nonnull(err);
        if (err)
            g_assert_cmpint(err->code, ==, PP_ERR_CORRUPT);
        g_clear_error(&err);
    }
    g_autoptr(GRand) rand = g_rand_new_with_seed(1997);
    for (int round = 0; round < 300; round++) {
        guint8 *d = g_memdup2(src, len);
        for (int k = 0; k < 1 + round % 8; k++)
            d[g_rand_int_range(rand, 8, (gint32)len)] ^= (guint8)g_rand_int_range(rand, 1, 256);
        g_autoptr(GBytes) data = g_bytes_new_take(d, len);
        GError *err = NULL;
        g_autoptr(PPDoc) doc = extract_with(data, "f.doc", &pp_default_limits, &err);
        if (err)
            g_assert_cmpint(err->code, <, PP_ERR_N_DOC_CODES);
        g_clear_error(&err);
    }
}

/* An OLE file that is not Word stays a clear "unsupported". */
static void test_not_word(void);

/* ---- compound files built here ---- */

#define END 0xFFFFFFFEu
#define FREE 0xFFFFFFFFu

typedef struct {
    const char *name;
    gsize size;
    guint8 fill;
} Stream;

typedef struct {
    GByteArray *file;
    guint32 ssz;
    guint32 nfat;
    guint32 difat_sector;    /* FREE when none */
    guint32 dir_sector;
    guint32 stream_start[8]; /* first sector (regular) or mini sector */
} Built;

static void put32(guint8 *p, guint32 v)
{
    p[0] = (guint8)v;
    p[1] = (guint8)(v >> 8);
    p[2] = (guint8)(v >> 16);
    p[3] = (guint8)(v >> 24);
}

static guint8 *sector(Built *b, guint32 n) { return b->file->data + ((gsize)n + 1) * b->ssz; }

static void set_fat(Built *b, guint32 s, guint32 v) { put32(sector(b, 0) + 4 * s, v); }

/* Layout: FAT sectors, [a DIFAT sector], one directory sector, MiniFAT, mini stream, streams.
 * Streams under 4096 bytes go to the mini stream. With difat, the second FAT sector is listed
 * in a DIFAT sector instead of the header. Everything fits in the first FAT sector. */
static Built build(guint32 ssz, const Stream *streams, guint n, gboolean difat)
{
    Built b = {.file = g_byte_array_new(), .ssz = ssz, .difat_sector = FREE};
    guint32 per = ssz / 4;
    guint32 nfat = difat ? 2 : 1;
    guint32 next = nfat;
    if (difat)
        b.difat_sector = next++;
    b.dir_sector = next++;
    g_autoptr(GByteArray) mini = g_byte_array_new();
    g_autoptr(GArray) minifat = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint i = 0; i < n; i++)
        if (streams[i].size < 4096) {
            b.stream_start[i] = mini->len / 64;
            guint32 k = (guint32)((streams[i].size + 63) / 64);
            for (guint32 j = 0; j < k; j++) {
                guint32 v = j + 1 < k ? b.stream_start[i] + j + 1 : END;
                g_array_append_val(minifat, v);
            }
            gsize at = mini->len;
            g_byte_array_set_size(mini, (guint)(at + k * 64));
            memset(mini->data + at, streams[i].fill, k * 64);
        }
    guint32 minifat_sector = minifat->len ? next++ : END;
    guint32 mini_start = mini->len ? next : END;
    guint32 mini_sectors = (mini->len + ssz - 1) / ssz;
    next += mini_sectors;
    guint32 big_start[8];
    for (guint i = 0; i < n; i++)
        if (streams[i].size >= 4096) {
            big_start[i] = b.stream_start[i] = next;
            next += (guint32)((streams[i].size + ssz - 1) / ssz);
        }
    g_assert_cmpuint(next, <=, per);
    g_byte_array_set_size(b.file, (next + 1) * ssz);
    memset(b.file->data, 0, b.file->len);
    b.nfat = nfat;
    /* header */
    guint8 *h = b.file->data;
    static const guint8 sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    memcpy(h, sig, 8);
    h[0x18] = 0x3E;
    h[0x1A] = ssz == 512 ? 3 : 4;
    h[0x1C] = 0xFE;
    h[0x1D] = 0xFF;
    h[0x1E] = ssz == 512 ? 9 : 12;
    h[0x20] = 6;
    put32(h + 0x2C, nfat);
    put32(h + 0x30, b.dir_sector);
    put32(h + 0x38, 4096);
    put32(h + 0x3C, minifat_sector);
    put32(h + 0x40, minifat->len ? 1 : 0);
    put32(h + 0x44, difat ? b.difat_sector : END);
    put32(h + 0x48, difat ? 1 : 0);
    for (int i = 0; i < 109; i++)
        put32(h + 0x4C + 4 * i, FREE);
    put32(h + 0x4C, 0);
    if (difat) {
        guint8 *d = sector(&b, b.difat_sector);
        for (guint32 i = 0; i < per; i++)
            put32(d + 4 * i, FREE);
        put32(d, 1);
        put32(d + 4 * (per - 1), END);
    }
    /* FAT */
    for (guint32 s = 0; s < nfat * per; s++)
        put32(s < per ? sector(&b, 0) + 4 * s : sector(&b, 1) + 4 * (s - per), FREE);
    for (guint32 s = 0; s < nfat; s++)
        set_fat(&b, s, 0xFFFFFFFDu);
    if (difat)
        set_fat(&b, b.difat_sector, 0xFFFFFFFCu);
    set_fat(&b, b.dir_sector, END);
    if (minifat->len) {
        set_fat(&b, minifat_sector, END);
        for (guint32 i = 0; i < per; i++)
            put32(sector(&b, minifat_sector) + 4 * i, i < minifat->len ? g_array_index(minifat, guint32, i) : FREE);
    }
    for (guint32 j = 0; j < mini_sectors; j++) {
        set_fat(&b, mini_start + j, j + 1 < mini_sectors ? mini_start + j + 1 : END);
        memcpy(sector(&b, mini_start + j), mini->data + j * ssz, MIN(ssz, mini->len - j * ssz));
    }
    for (guint i = 0; i < n; i++)
        if (streams[i].size >= 4096) {
            guint32 k = (guint32)((streams[i].size + ssz - 1) / ssz);
            for (guint32 j = 0; j < k; j++) {
                set_fat(&b, big_start[i] + j, j + 1 < k ? big_start[i] + j + 1 : END);
                memset(sector(&b, big_start[i] + j), streams[i].fill, ssz);
            }
        }
    /* directory: root, then each stream the right sibling of the one before */
    guint8 *dir = sector(&b, b.dir_sector);
    for (guint i = 0; i <= n && (i + 1) * 128 <= ssz; i++) {
        guint8 *e = dir + i * 128;
        const char *name = i == 0 ? "Root Entry" : streams[i - 1].name;
        gsize nl = strlen(name);
        for (gsize k = 0; k < nl; k++)
            e[2 * k] = (guint8)name[k];
        e[64] = (guint8)(2 * nl + 2);
        e[66] = i == 0 ? 5 : 2;
        put32(e + 68, FREE);
        put32(e + 72, i >= 1 && i < n ? i + 1 : FREE);
        put32(e + 76, i == 0 && n ? 1 : FREE);
        put32(e + 116, i == 0 ? mini_start : b.stream_start[i - 1]);
        put32(e + 120, i == 0 ? mini->len : (guint32)streams[i - 1].size);
    }
    for (guint i = n + 1; (i + 1) * 128 <= ssz; i++) {
        put32(dir + i * 128 + 68, FREE);
        put32(dir + i * 128 + 72, FREE);
        put32(dir + i * 128 + 76, FREE);
    }
    return b;
}

static const Stream two[] = {{"Small", 100, 0x11}, {"Big", 5000, 0x22}};

static PPCfb *open_built(Built *b, GError **error) { return pp_cfb_open(b->file->data, b->file->len, &pp_default_limits, error); }

static void check_streams(PPCfb *c)
{
    for (guint i = 0; i < G_N_ELEMENTS(two); i++) {
        int k = pp_cfb_find(c, 0, two[i].name);
        g_assert_cmpint(k, >, 0);
        GError *err = NULL;
        g_autoptr(GBytes) s = pp_cfb_read(c, (guint)k, &err);
        g_assert_no_error(err);
        gsize n = 0;
        const guint8 *p = g_bytes_get_data(s, &n);
        g_assert_cmpuint(n, ==, two[i].size);
        for (gsize j = 0; j < n; j++)
            g_assert_cmpuint(p[j], ==, two[i].fill);
    }
    g_assert_cmpint(pp_cfb_find(c, 0, "small"), >, 0); /* names compare case-insensitively */
    g_assert_cmpint(pp_cfb_find(c, 0, "Missing"), ==, -1);
}

static void test_cfb_read(void)
{
    static const guint32 sizes[] = {512, 4096};
    for (gsize s = 0; s < G_N_ELEMENTS(sizes); s++)
        for (int difat = 0; difat < 2; difat++) {
            Built b = build(sizes[s], two, G_N_ELEMENTS(two), difat);
            GError *err = NULL;
            g_autoptr(PPCfb) c = open_built(&b, &err);
            g_assert_no_error(err);
            check_streams(c);
            g_byte_array_unref(b.file);
        }
}

static void expect_corrupt_open_or_read(Built *b)
{
    GError *err = NULL;
    g_autoptr(PPCfb) c = open_built(b, &err);
    for (gsize i = 0; c && !err && i < G_N_ELEMENTS(two); i++) {
        int k = pp_cfb_find(c, 0, two[i].name);
        g_autoptr(GBytes) s = k > 0 ? pp_cfb_read(c, (guint)k, &err) : NULL;
    }
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_byte_array_unref(b->file);
}

static void test_cfb_fat_cycle(void)
{
    Built b = build(512, two, G_N_ELEMENTS(two), FALSE);
    guint32 s = b.stream_start[1];
    set_fat(&b, s + 3, s); /* the big stream loops back to its start */
    expect_corrupt_open_or_read(&b);

    b = build(512, two, G_N_ELEMENTS(two), FALSE);
    set_fat(&b, b.dir_sector, b.dir_sector); /* the directory chain loops */
    GError *err = NULL;
    g_autoptr(PPCfb) c = open_built(&b, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_byte_array_unref(b.file);

    b = build(512, two, G_N_ELEMENTS(two), FALSE);
    set_fat(&b, b.stream_start[1], 100000); /* a chain pointing outside the FAT */
    expect_corrupt_open_or_read(&b);
}

static void test_cfb_difat_cycle(void)
{
    Built b = build(512, two, G_N_ELEMENTS(two), TRUE);
    guint8 *d = sector(&b, b.difat_sector);
    put32(d, FREE);                    /* the DIFAT sector lists nothing … */
    put32(d + 508, b.difat_sector);    /* … and points at itself */
    put32(b.file->data + 0x48, 1000000);
    GError *err = NULL;
    g_autoptr(PPCfb) c = open_built(&b, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_byte_array_unref(b.file);
}

static void test_cfb_truncated(void)
{
    Built b = build(512, two, G_N_ELEMENTS(two), FALSE);
    for (gsize cut = 0; cut + 512 < b.file->len; cut += 37) { /* the last sector's tail is unused */
        GError *err = NULL;
        g_autoptr(PPCfb) c = pp_cfb_open(b.file->data, cut, &pp_default_limits, &err);
        for (gsize i = 0; c && !err && i < G_N_ELEMENTS(two); i++) {
            int k = pp_cfb_find(c, 0, two[i].name);
            g_autoptr(GBytes) s = k > 0 ? pp_cfb_read(c, (guint)k, &err) : NULL;
            if (k < 0 && !err)
                g_set_error(&err, PP_ERROR, PP_ERR_CORRUPT, "lost");
        }
        g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
        g_clear_error(&err);
    }
    g_byte_array_unref(b.file);
}

static void test_cfb_sizes(void)
{
    /* a declared size larger than the file */
    Built b = build(512, two, G_N_ELEMENTS(two), FALSE);
    put32(sector(&b, b.dir_sector) + 2 * 128 + 120, 0x7FFFFFFF);
    expect_corrupt_open_or_read(&b);
    /* a v4 file's 64-bit size */
    b = build(4096, two, G_N_ELEMENTS(two), FALSE);
    put32(sector(&b, b.dir_sector) + 2 * 128 + 124, 0x10);
    expect_corrupt_open_or_read(&b);
    /* over the part limit: too_large */
    b = build(512, two, G_N_ELEMENTS(two), FALSE);
    PPLimits lim = pp_default_limits;
    lim.max_part_bytes = 4096;
    GError *err = NULL;
    g_autoptr(PPCfb) c = pp_cfb_open(b.file->data, b.file->len, &lim, &err);
    g_assert_no_error(err);
    g_autoptr(GBytes) s = pp_cfb_read(c, (guint)pp_cfb_find(c, 0, "Big"), &err);
    g_assert_error(err, PP_ERROR, PP_ERR_TOO_LARGE);
    g_clear_error(&err);
    /* over the total limit */
    lim = pp_default_limits;
    lim.max_total_bytes = 5050;
    g_autoptr(PPCfb) c2 = pp_cfb_open(b.file->data, b.file->len, &lim, &err);
    g_autoptr(GBytes) s1 = pp_cfb_read(c2, (guint)pp_cfb_find(c2, 0, "Big"), &err);
    g_assert_no_error(err);
    g_autoptr(GBytes) s2 = pp_cfb_read(c2, (guint)pp_cfb_find(c2, 0, "Small"), &err);
    g_assert_error(err, PP_ERROR, PP_ERR_TOO_LARGE);
    g_clear_error(&err);
    /* an absurd FAT sector count */
    put32(b.file->data + 0x2C, 0x40000000);
    g_autoptr(PPCfb) c3 = open_built(&b, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_byte_array_unref(b.file);
}

static void test_cfb_bad_directory(void)
{
    /* the tree loops: a sibling pointing back at the first stream, a child pointing at the root */
    Built b = build(512, two, G_N_ELEMENTS(two), FALSE);
    guint8 *dir = sector(&b, b.dir_sector);
    put32(dir + 2 * 128 + 72, 1);
    put32(dir + 2 * 128 + 68, 0);
    GError *err = NULL;
    g_autoptr(PPCfb) c = open_built(&b, &err);
    g_assert_no_error(err);
    check_streams(c);
    /* sibling indices out of range are ignored */
    put32(dir + 1 * 128 + 68, 0x7FFFFFF0);
    g_autoptr(PPCfb) c2 = open_built(&b, &err);
    g_assert_no_error(err);
    /* a root that is not a root */
    dir[66] = 1;
    g_autoptr(PPCfb) c3 = open_built(&b, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    /* a bad sector shift */
    dir[66] = 5;
    b.file->data[0x1E] = 20;
    g_autoptr(PPCfb) c4 = open_built(&b, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_clear_error(&err);
    g_byte_array_unref(b.file);
}

static void test_not_word(void)
{
    static const Stream book[] = {{"Workbook", 5000, 0x09}};
    Built b = build(512, book, 1, FALSE);
    g_autoptr(GBytes) data = g_bytes_new(b.file->data, b.file->len);
    GError *err = NULL;
    g_autoptr(PPDoc) doc = extract_with(data, "a.xls", &pp_default_limits, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_UNSUPPORTED);
    g_assert_cmpstr(doc->format, ==, "xls");
    g_clear_error(&err);
    g_byte_array_unref(b.file);
    /* a compound file holding a WordDocument that is not Word: corrupt */
    static const Stream fake[] = {{"WordDocument", 5000, 0x00}, {"1Table", 100, 0x00}};
    b = build(512, fake, 2, FALSE);
    g_autoptr(GBytes) data2 = g_bytes_new(b.file->data, b.file->len);
    g_autoptr(PPDoc) doc2 = extract_with(data2, "b.doc", &pp_default_limits, &err);
    g_assert_error(err, PP_ERROR, PP_ERR_CORRUPT);
    g_assert_cmpstr(doc2->format, ==, "doc");
    g_clear_error(&err);
    g_byte_array_unref(b.file);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/doc/full", test_full);
    g_test_add_func("/doc/plain", test_plain);
    g_test_add_func("/doc/encrypted", test_encrypted);
    g_test_add_func("/doc/damaged", test_damaged);
    g_test_add_func("/doc/not_word", test_not_word);
    g_test_add_func("/cfb/read", test_cfb_read);
    g_test_add_func("/cfb/fat_cycle", test_cfb_fat_cycle);
    g_test_add_func("/cfb/difat_cycle", test_cfb_difat_cycle);
    g_test_add_func("/cfb/truncated", test_cfb_truncated);
    g_test_add_func("/cfb/sizes", test_cfb_sizes);
    g_test_add_func("/cfb/bad_directory", test_cfb_bad_directory);
    return g_test_run();
}
