/* Zip packages from memory with limits enforced while inflating (see zip_read.h). */
#include "zip_read.h"

#include <string.h>

struct PPZip {
    zip_t *za;
    GBytes *data;          /* owned reference; libzip reads from it without copying */
    const PPLimits *lim;   /* borrowed */
    guint n;
    gsize total;           /* uncompressed bytes read so far, all entries */
};

/* Below this many inflated bytes an entry is never judged by its ratio: small XML parts full of
 * repeated markup legitimately compress 50–100×, and a few KiB cannot hurt anyway. */
#define RATIO_FLOOR ((gsize)1 << 20)

static int code_of(int zip_code)
{
    switch (zip_code) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
        return PP_ERR_ENCRYPTED;
    case ZIP_ER_MEMORY:
        return PP_ERR_TOO_LARGE;
    default:
        return PP_ERR_CORRUPT;
    }
}

static void set_zip_error(GError **error, zip_error_t *ze, const char *what)
{
    int code = code_of(zip_error_code_zip(ze));
    if (code == PP_ERR_ENCRYPTED)
        g_set_error(error, PP_ERROR, code, "%s已加密，需要密码才能读取", what);
    else if (code == PP_ERR_TOO_LARGE)
        g_set_error(error, PP_ERROR, code, "读取%s时内存不足", what);
    else
        g_set_error(error, PP_ERROR, code, "%s已损坏，无法解压（%s）", what, zip_error_strerror(ze));
}

PPZip *pp_zip_open(GBytes *data, const PPLimits *lim, GError **error)
{
    gsize len = 0;
    const void *p = g_bytes_get_data(data, &len);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(len ? p : "", len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        if (src)
            zip_source_free(src);
        int zc = zip_error_code_zip(&ze);
        if (zc == ZIP_ER_NOZIP || zc == ZIP_ER_INCONS || zc == ZIP_ER_EOF || zc == ZIP_ER_READ || zc == ZIP_ER_SEEK)
            g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "压缩包已损坏或被截断，找不到完整的目录区");
        else
            set_zip_error(error, &ze, "压缩包");
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0 || (guint64)n > lim->max_zip_entries) {
        zip_discard(za);
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "压缩包含 %" G_GINT64_FORMAT " 个条目，超过 %u 个的上限",
                    (gint64)n, lim->max_zip_entries);
        return NULL;
    }
    PPZip *z = g_new0(PPZip, 1);
    z->za = za;
    z->data = g_bytes_ref(data);
    z->lim = lim;
    z->n = (guint)n;
    return z;
}

void pp_zip_close(PPZip *z)
{
    if (!z)
        return;
    zip_discard(z->za);
    g_bytes_unref(z->data);
    g_free(z);
}

guint pp_zip_n_entries(const PPZip *z) { return z->n; }
gsize pp_zip_total_read(const PPZip *z) { return z->total; }
zip_t *pp_zip_archive(PPZip *z) { return z->za; }

const char *pp_zip_name(const PPZip *z, guint i)
{
    return i < z->n ? zip_get_name(z->za, i, ZIP_FL_ENC_GUESS) : NULL;
}

int pp_zip_find(const PPZip *z, const char *name)
{
    zip_int64_t i = zip_name_locate(z->za, name, 0);
    if (i < 0)
        i = zip_name_locate(z->za, name, ZIP_FL_NOCASE);
    return i >= 0 && (guint64)i < z->n ? (int)i : -1;
}

/* The limit checks, run after every chunk; FALSE with *error when one is exceeded. */
static gboolean within_limits(const PPZip *z, const char *name, gsize got, const zip_stat_t *st, GError **error)
{
    const PPLimits *lim = z->lim;
    if (got > lim->max_part_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "压缩包中的 %s 解压后超过 %" G_GSIZE_FORMAT " MiB 上限", name,
                    lim->max_part_bytes >> 20);
        return FALSE;
    }
    if (z->total + got > lim->max_total_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "压缩包解压总量超过 %" G_GSIZE_FORMAT " MiB 上限",
                    lim->max_total_bytes >> 20);
        return FALSE;
    }
    if (lim->max_ratio && got > RATIO_FLOOR && (st->valid & ZIP_STAT_COMP_SIZE) &&
        got / lim->max_ratio > st->comp_size) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "压缩包中的 %s 压缩比超过 %u 倍，疑似压缩炸弹，已停止解压", name,
                    lim->max_ratio);
        return FALSE;
    }
    return TRUE;
}

GBytes *pp_zip_read(PPZip *z, guint i, GError **error)
{
    const char *name = pp_zip_name(z, i);
    if (!name) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "压缩包条目 %u 不存在", i);
        return NULL;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, i, 0, &st) != 0) {
        set_zip_error(error, zip_get_error(z->za), name);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        g_set_error(error, PP_ERROR, PP_ERR_ENCRYPTED, "压缩包中的 %s 已加密，需要密码才能读取", name);
        return NULL;
    }
    /* A declared size over a limit is believed (it can only make us refuse sooner, saving the
     * inflating); a small declared size is not, the loop below counts what really comes out. */
    if ((st.valid & ZIP_STAT_SIZE) && !within_limits(z, name, st.size, &st, error))
        return NULL;
    zip_file_t *f = zip_fopen_index(z->za, i, 0);
    if (!f) {
        set_zip_error(error, zip_get_error(z->za), name);
        return NULL;
    }
    GByteArray *buf = g_byte_array_new();
    guint8 chunk[65536];
    gboolean ok = TRUE;
    for (;;) {
        zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
        if (n < 0) {
            set_zip_error(error, zip_file_get_error(f), name);
            ok = FALSE;
            break;
        }
        if (n == 0)
            break;
        if (!within_limits(z, name, buf->len + (gsize)n, &st, error)) {
            ok = FALSE;
            break;
        }
        g_byte_array_append(buf, chunk, (guint)n);
    }
    zip_fclose(f);
    if (!ok) {
        g_byte_array_unref(buf);
        return NULL;
    }
    z->total += buf->len;
    gsize len = buf->len;
    g_byte_array_append(buf, (const guint8 *)"", 1);
    guint8 *raw = g_byte_array_free(buf, FALSE);
    return g_bytes_new_take(raw, len);
}

GBytes *pp_zip_read_name(PPZip *z, const char *name, GError **error)
{
    int i = pp_zip_find(z, name);
    if (i < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "压缩包中缺少 %s", name);
        return NULL;
    }
    return pp_zip_read(z, (guint)i, error);
}

int pp_zip_probe(const guint8 *data, gsize len, const char *name)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return -1;
    }
    int found = zip_name_locate(za, name, ZIP_FL_NOCASE) >= 0;
    zip_discard(za);
    return found;
}

gssize pp_zip_peek(const guint8 *data, gsize len, const char *name, char *buf, gsize cap)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return -1;
    }
    gssize got = -1;
    zip_int64_t i = zip_name_locate(za, name, ZIP_FL_NOCASE);
    zip_file_t *f = i >= 0 ? zip_fopen_index(za, (zip_uint64_t)i, 0) : NULL;
    if (f) {
        /* one bounded read: cap bytes at most are inflated, whatever the entry claims */
        zip_int64_t n = zip_fread(f, buf, cap);
        got = n < 0 ? -1 : (gssize)n;
        zip_fclose(f);
    }
    zip_discard(za);
    return got;
}
