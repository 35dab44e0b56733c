/* Collecting inputs and running the pipeline over them. */
#include "check.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "redact.h"
#include "stage.h"

static gint cmp_str(gconstpointer a, gconstpointer b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static gboolean skip_name(const char *name)
{
    return name[0] == '.' || g_str_has_prefix(name, "~$");
}

static void walk(GPtrArray *docs, const char *shown, const char *fs, int depth)
{
    GError *err = NULL;
    GDir *dir = depth > 64 ? NULL : g_dir_open(fs, 0, &err);
    if (!dir) {
        PPDoc *doc = pp_doc_new(shown, fs);
        g_set_error(&doc->error, PP_ERROR, PP_ERR_IO, "无法打开目录：%s", err ? err->message : "目录层级过深");
        g_clear_error(&err);
        g_ptr_array_add(docs, doc);
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *n; (n = g_dir_read_name(dir));)
        if (!skip_name(n))
            g_ptr_array_add(names, g_strdup(n));
    g_dir_close(dir);
    g_ptr_array_sort(names, cmp_str);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *child_fs = g_build_filename(fs, names->pdata[i], NULL);
        g_autofree char *child_shown = g_build_filename(shown, names->pdata[i], NULL);
        /* follow no symlinked directories: a link loop must not hang the walk */
        if (g_file_test(child_fs, G_FILE_TEST_IS_DIR)) {
            if (!g_file_test(child_fs, G_FILE_TEST_IS_SYMLINK))
                walk(docs, child_shown, child_fs, depth + 1);
        } else {
            g_ptr_array_add(docs, pp_doc_new(child_shown, child_fs));
        }
    }
    g_ptr_array_unref(names);
}

GPtrArray *pp_collect(char **paths, const char *stdin_name)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)pp_doc_free);
    for (char **p = paths; p && *p; p++) {
        if (strcmp(*p, "-") == 0)
            g_ptr_array_add(docs, pp_doc_new(stdin_name ? stdin_name : "-", NULL));
        else if (g_file_test(*p, G_FILE_TEST_IS_DIR))
            walk(docs, *p, *p, 0);
        else
            g_ptr_array_add(docs, pp_doc_new(*p, *p));
    }
    return docs;
}

static GBytes *read_stream(FILE *fp, gsize cap, GError **error)
{
    GByteArray *buf = g_byte_array_new();
    guint8 chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (buf->len + n > cap) {
            g_byte_array_unref(buf);
            g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "文件超过 %" G_GSIZE_FORMAT " MiB 上限", cap >> 20);
            return NULL;
        }
        g_byte_array_append(buf, chunk, (guint)n);
    }
    if (ferror(fp)) {
        g_byte_array_unref(buf);
        g_set_error(error, PP_ERROR, PP_ERR_IO, "读取失败：%s", g_strerror(errno));
        return NULL;
    }
    return g_byte_array_free_to_bytes(buf);
}

gboolean pp_doc_read(PPDoc *doc, const PPLimits *lim, GError **error)
{
    GBytes *data = NULL;
    if (!doc->fs_path) {
        data = read_stream(stdin, lim->max_file_bytes, error);
    } else {
        if (!g_file_test(doc->fs_path, G_FILE_TEST_EXISTS)) {
            g_set_error(error, PP_ERROR, PP_ERR_IO, "文件不存在");
            return FALSE;
        }
        if (!g_file_test(doc->fs_path, G_FILE_TEST_IS_REGULAR)) {
            g_set_error(error, PP_ERROR, PP_ERR_IO, "不是普通文件");
            return FALSE;
        }
        FILE *fp = fopen(doc->fs_path, "rb");
        if (!fp) {
            g_set_error(error, PP_ERROR, PP_ERR_IO, "无法打开：%s", g_strerror(errno));
            return FALSE;
        }
        data = read_stream(fp, lim->max_file_bytes, error);
        fclose(fp);
    }
    if (!data)
        return FALSE;
    doc->data = data;
    gsize len = 0;
    const guint8 *p = g_bytes_get_data(data, &len);
    doc->size = len;
    g_autofree char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, p ? p : (const guint8 *)"", len);
    g_strlcpy(doc->sha256, sum, sizeof doc->sha256);
    return TRUE;
}

void pp_process(PPDoc *doc, const PPRunOptions *opt, gboolean keep_parts)
{
    gint64 t0 = g_get_monotonic_time();
    if (!doc->error && pp_doc_read(doc, opt->limits, &doc->error))
        pp_extract(doc, opt->limits, &doc->error);
    if (!doc->error && doc->parts->len == 0)
        g_set_error(&doc->error, PP_ERROR, PP_ERR_NO_TEXT, "文件中没有可审查的文字");
    if (doc->error && doc->error->domain != PP_ERROR) { /* keep codes in our domain */
        GError *e = g_error_new(PP_ERROR, PP_ERR_CORRUPT, "%s", doc->error->message);
        g_error_free(doc->error);
        doc->error = e;
    }
    pp_stages_run(doc, opt);
    if (opt->redact_dir && !doc->error) {
        GError *err = NULL;
        if (!pp_redact_doc(doc, opt, &err)) {
            doc->redact_error = g_strdup(err ? err->message : "未知原因");
            g_clear_error(&err);
        }
    }
    if (!keep_parts) {
        g_ptr_array_set_size(doc->parts, 0);
        g_clear_pointer(&doc->data, g_bytes_unref);
    }
    doc->seconds = (double)(g_get_monotonic_time() - t0) / 1e6;
}

typedef struct {
    const PPRunOptions *opt;
    GMutex lock;
    GCond cond;
    guint done, total;
} Batch;

static void worker(gpointer data, gpointer user)
{
    Batch *b = user;
    pp_process(data, b->opt, FALSE);
    g_mutex_lock(&b->lock);
    b->done++;
    g_cond_signal(&b->cond);
    g_mutex_unlock(&b->lock);
}

void pp_process_all(GPtrArray *docs, const PPRunOptions *opt, int jobs, FILE *progress)
{
    if (jobs <= 0)
        jobs = (int)g_get_num_processors();
    jobs = CLAMP(jobs, 1, 64);
    Batch b = {.opt = opt, .total = docs->len};
    g_mutex_init(&b.lock);
    g_cond_init(&b.cond);
    gint64 start = g_get_monotonic_time();
    gboolean shown = FALSE;
    if (jobs == 1 || docs->len <= 1) {
        for (guint i = 0; i < docs->len; i++) {
            pp_process(docs->pdata[i], opt, FALSE);
            b.done++;
            if (progress && g_get_monotonic_time() - start > 1500000) {
                fprintf(progress, "\r已审查 %u/%u 个文件…", b.done, b.total);
                shown = TRUE;
            }
        }
    } else {
        GThreadPool *pool = g_thread_pool_new(worker, &b, jobs, TRUE, NULL);
        for (guint i = 0; i < docs->len; i++)
            g_thread_pool_push(pool, docs->pdata[i], NULL);
        g_mutex_lock(&b.lock);
        while (b.done < b.total) {
            g_cond_wait_until(&b.cond, &b.lock, g_get_monotonic_time() + 250000);
            if (progress && g_get_monotonic_time() - start > 1500000) {
                fprintf(progress, "\r已审查 %u/%u 个文件…", b.done, b.total);
                shown = TRUE;
            }
        }
        g_mutex_unlock(&b.lock);
        g_thread_pool_free(pool, FALSE, TRUE);
    }
    if (shown)
        fprintf(progress, "\r已审查 %u/%u 个文件，用时 %.1f 秒\n", b.done, b.total,
                (double)(g_get_monotonic_time() - start) / 1e6);
    g_mutex_clear(&b.lock);
    g_cond_clear(&b.cond);
}
