/* Test helper shared by the DOCX tests: build a package from text fixtures with libzip.
 * A fixture is a directory whose files are the package's entries (tests/data/docx/<case>/word/…). */
#ifndef DOCX_FIXTURE_H
#define DOCX_FIXTURE_H

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

typedef struct {
    const char *name;
    const char *text; /* NUL-terminated content (binary fixtures: see zip_entries_len) */
} Entry;

static void collect(const char *root, const char *rel, GPtrArray *names)
{
    g_autofree char *dir = g_build_filename(root, rel, NULL);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    for (const char *n; (n = g_dir_read_name(d));) {
        g_autofree char *sub = *rel ? g_strconcat(rel, "/", n, NULL) : g_strdup(n);
        g_autofree char *full = g_build_filename(root, sub, NULL);
        if (g_file_test(full, G_FILE_TEST_IS_DIR))
            collect(root, sub, names);
        else
            g_ptr_array_add(names, g_steal_pointer(&sub));
    }
}

static gint cmp_str(gconstpointer a, gconstpointer b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Zip the given entries (contents copied by libzip before zip_close returns). With encrypt, every
 * entry is AES-encrypted with a password. */
static GBytes *zip_entries_len(const Entry *e, const gsize *lens, gsize n, gboolean encrypt)
{
    g_autofree char *tmpdir = g_dir_make_tmp("test_docx_XXXXXX", NULL);
    g_autofree char *path = g_build_filename(tmpdir, "t.docx", NULL);
    int zerr = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    g_assert_nonnull(za);
    for (gsize i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(za, e[i].text, lens ? lens[i] : strlen(e[i].text), 0);
        zip_int64_t idx = zip_file_add(za, e[i].name, s, ZIP_FL_ENC_UTF_8);
        g_assert_cmpint(idx, >=, 0);
        if (encrypt)
            g_assert_cmpint(zip_file_set_encryption(za, (zip_uint64_t)idx, ZIP_EM_AES_256, "secret"), ==, 0);
    }
    g_assert_cmpint(zip_close(za), ==, 0);
    char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &data, &len, NULL));
    g_unlink(path);
    g_rmdir(tmpdir);
    return g_bytes_new_take(data, len);
}

G_GNUC_UNUSED static GBytes *zip_entries(const Entry *e, gsize n, gboolean encrypt) { return zip_entries_len(e, NULL, n, encrypt); }

G_GNUC_UNUSED static GBytes *zip_dir(const char *root)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    collect(root, "", names);
    g_ptr_array_sort(names, cmp_str);
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
    GArray *entries = g_array_new(FALSE, FALSE, sizeof(Entry));
    GArray *lens = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *full = g_build_filename(root, names->pdata[i], NULL);
        char *text = NULL;
        gsize len = 0;
        g_assert_true(g_file_get_contents(full, &text, &len, NULL));
        g_ptr_array_add(texts, text);
        Entry e = {names->pdata[i], text};
        g_array_append_val(entries, e);
        g_array_append_val(lens, len);
    }
    GBytes *b = zip_entries_len((Entry *)(void *)entries->data, (gsize *)(void *)lens->data, entries->len, FALSE);
    g_array_unref(entries);
    g_array_unref(lens);
    return b;
}

#endif
