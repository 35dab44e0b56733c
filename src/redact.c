/* Redaction: the table of redactors, value matching shared by them, the TXT redactor, and the
 * atomic write + re-check of every copy. */
#include "redact.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "format.h"

static const PPRedactor *const redactors[] = {&pp_redactor_txt, &pp_redactor_docx, &pp_redactor_pdf};

static void redaction_free(gpointer p)
{
    PPRedaction *r = p;
    g_free(r->raw);
    g_free(r->masked);
    g_array_unref(r->spans);
    g_free(r);
}

static gint by_length_desc(gconstpointer a, gconstpointer b)
{
    const PPRedaction *x = *(PPRedaction *const *)a, *y = *(PPRedaction *const *)b;
    gsize lx = strlen(x->raw), ly = strlen(y->raw);
    return lx < ly ? 1 : lx > ly ? -1 : strcmp(x->raw, y->raw);
}

GPtrArray *pp_redactions_of(const PPDoc *doc)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(redaction_free);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal); /* raw → PPRedaction (borrowed) */
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        if (f->category != PP_CAT_PRIVACY || f->severity < PP_SEV_REVIEW || !f->text || !*f->text)
            continue;
        PPRedaction *r = g_hash_table_lookup(seen, f->text);
        if (!r) {
            r = g_new0(PPRedaction, 1);
            r->raw = g_strdup(f->text);
            r->masked = g_strdup(f->masked && *f->masked ? f->masked : "***");
            r->spans = g_array_new(FALSE, FALSE, sizeof(PPRedactSpan));
            g_hash_table_insert(seen, r->raw, r);
            g_ptr_array_add(out, r);
        }
        if (f->end > f->start && f->part_index >= 0) {
            PPRedactSpan s = {f->part_index, f->start, f->end};
            g_array_append_val(r->spans, s);
        }
    }
    g_hash_table_unref(seen);
    g_ptr_array_sort(out, by_length_desc);
    return out;
}

/* One normalised character: full-width ASCII folded, ideographic space treated as space. */
static gunichar fold(gunichar c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFEE0;
    if (c == 0x3000)
        return ' ';
    return c;
}

static gboolean ignorable(gunichar c) { return g_unichar_isspace(c) || c == '-' || c == 0x2014 || c == 0x2013; }

/* text folded, ignorable characters dropped; map[i] = byte offset in the original of the i-th
 * code point kept (map has one extra entry: the end). */
static gunichar *normalise(const char *text, gsize len, GArray *map, glong *n_out)
{
    glong cap = g_utf8_strlen(text, (gssize)len);
    gunichar *out = g_new(gunichar, cap + 1);
    glong n = 0;
    for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
        gunichar c = fold(g_utf8_get_char(p));
        if (ignorable(c))
            continue;
        out[n++] = c;
        if (map) {
            gsize off = (gsize)(p - text);
            g_array_append_val(map, off);
        }
    }
    *n_out = n;
    return out;
}

typedef PPRedactMatch Match;

/* Non-overlapping matches of the values in text, in text order. */
typedef struct {
    glong at, len; /* in normalised code points */
    guint index;
} Occurrence;

static gint by_priority(gconstpointer a, gconstpointer b)
{
    const Occurrence *x = a, *y = b;
    if (x->index != y->index)
        return x->index < y->index ? -1 : 1; /* redactions come longest first */
    return x->at < y->at ? -1 : x->at > y->at;
}

static gint by_start(gconstpointer a, gconstpointer b)
{
    const Match *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static guint64 pair_key(gunichar a, gunichar b) { return ((guint64)a << 32) | b; }

GArray *pp_redact_find(const char *text, gsize len, GPtrArray *redactions)
{
    GArray *matches = g_array_new(FALSE, FALSE, sizeof(Match));
    if (redactions->len == 0 || len == 0)
        return matches;
    GArray *map = g_array_new(FALSE, FALSE, sizeof(gsize));
    glong n = 0;
    g_autofree gunichar *norm = normalise(text, len, map, &n);
    /* index the values by their first two characters, so each text position is compared with the
     * few values that can start there, not with all of them */
    gunichar **needles = g_new0(gunichar *, redactions->len);
    glong *lens = g_new0(glong, redactions->len);
    GHashTable *index = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
    for (guint r = 0; r < redactions->len; r++) {
        const PPRedaction *red = redactions->pdata[r];
        needles[r] = normalise(red->raw, strlen(red->raw), NULL, &lens[r]);
        if (lens[r] == 0)
            continue;
        guint64 key = pair_key(needles[r][0], lens[r] > 1 ? needles[r][1] : 0);
        GArray *list = g_hash_table_lookup(index, &key);
        if (!list) {
            list = g_array_new(FALSE, FALSE, sizeof(guint));
            g_hash_table_insert(index, g_memdup2(&key, sizeof key), list);
        }
        g_array_append_val(list, r);
    }
    GArray *occ = g_array_new(FALSE, FALSE, sizeof(Occurrence));
    for (glong i = 0; i < n; i++) {
        guint64 keys[2] = {pair_key(norm[i], i + 1 < n ? norm[i + 1] : 0), pair_key(norm[i], 0)};
        for (int k = 0; k < (i + 1 < n ? 2 : 1); k++) {
            GArray *list = g_hash_table_lookup(index, &keys[k]);
            for (guint c = 0; list && c < list->len; c++) {
                guint r = g_array_index(list, guint, c);
                glong m = lens[r];
                if (i + m <= n && memcmp(norm + i, needles[r], (gsize)m * sizeof(gunichar)) == 0) {
                    Occurrence o = {i, m, r};
                    g_array_append_val(occ, o);
                }
            }
        }
    }
    /* longest values claim their places first; a shorter one inside a longer one is dropped */
    g_array_sort(occ, by_priority);
    gboolean *taken = g_new0(gboolean, n + 1);
    for (guint o = 0; o < occ->len; o++) {
        const Occurrence *x = &g_array_index(occ, Occurrence, o);
        gboolean free_span = TRUE;
        for (glong k = x->at; k < x->at + x->len && free_span; k++)
            free_span = !taken[k];
        if (!free_span)
            continue;
        for (glong k = x->at; k < x->at + x->len; k++)
            taken[k] = TRUE;
        gsize last = g_array_index(map, gsize, x->at + x->len - 1);
        Match mt = {g_array_index(map, gsize, x->at), (gsize)(g_utf8_next_char(text + last) - text), x->index};
        g_array_append_val(matches, mt);
    }
    g_array_sort(matches, by_start);
    g_free(taken);
    g_array_unref(occ);
    g_hash_table_unref(index);
    for (guint r = 0; r < redactions->len; r++)
        g_free(needles[r]);
    g_free(needles);
    g_free(lens);
    g_array_unref(map);
    return matches;
}

char *pp_redact_string(const char *text, gsize len, GPtrArray *redactions, gsize *out_len)
{
    GArray *matches = pp_redact_find(text, len, redactions);
    GString *out = g_string_sized_new(len);
    gsize pos = 0;
    for (guint i = 0; i < matches->len; i++) {
        const Match *m = &g_array_index(matches, Match, i);
        g_string_append_len(out, text + pos, (gssize)(m->start - pos));
        g_string_append(out, ((PPRedaction *)redactions->pdata[m->index])->masked);
        pos = m->end;
    }
    g_string_append_len(out, text + pos, (gssize)(len - pos));
    g_array_unref(matches);
    if (out_len)
        *out_len = out->len;
    return g_string_free(out, FALSE);
}

/* ---- TXT: decode as read, replace, encode back into the original encoding ---- */
static gboolean txt_write(const PPDoc *doc, GPtrArray *redactions, const char *out_path, GError **error)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    const char *enc = "UTF-8";
    gsize skip = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    else if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
        enc = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", skip = 2;
    else if (!g_utf8_validate((const char *)data, (gssize)len, NULL))
        enc = "GB18030";
    g_autofree char *text = NULL;
    gsize tlen = 0;
    if (strcmp(enc, "UTF-8") == 0) {
        text = g_strndup((const char *)data + skip, len - skip);
        tlen = len - skip;
    } else if (!(text = g_convert((const char *)data + skip, (gssize)(len - skip), "UTF-8", enc, NULL, &tlen, error))) {
        return FALSE;
    }
    gsize mlen = 0;
    g_autofree char *masked = pp_redact_string(text, tlen, redactions, &mlen);
    GString *out = g_string_new_len((const char *)data, (gssize)skip); /* keep the BOM */
    if (strcmp(enc, "UTF-8") == 0) {
        g_string_append_len(out, masked, (gssize)mlen);
    } else {
        gsize elen = 0;
        g_autofree char *encoded = g_convert(masked, (gssize)mlen, enc, "UTF-8", NULL, &elen, error);
        if (!encoded) {
            g_string_free(out, TRUE);
            return FALSE;
        }
        g_string_append_len(out, encoded, (gssize)elen);
    }
    gboolean ok = g_file_set_contents(out_path, out->str, (gssize)out->len, error);
    g_string_free(out, TRUE);
    return ok;
}

const PPRedactor pp_redactor_txt = {.format = "txt", .write = txt_write};

static const PPRedactor *redactor_for(const char *format)
{
    for (gsize i = 0; i < G_N_ELEMENTS(redactors); i++)
        if (strcmp(redactors[i]->format, format) == 0)
            return redactors[i];
    return NULL;
}

/* Re-check a written copy: it must read, and hold no privacy block. */
static gboolean recheck(const char *path, const PPRunOptions *opt, GError **error)
{
    PPRunOptions o = *opt;
    o.redact_dir = NULL;
    g_autoptr(PPDoc) copy = pp_doc_new(path, path);
    pp_process(copy, &o, FALSE);
    if (copy->error) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "脱敏副本无法读取：%s", copy->error->message);
        return FALSE;
    }
    guint left = 0;
    for (guint i = 0; i < copy->findings->len; i++) {
        const PPFinding *f = copy->findings->pdata[i];
        left += f->category == PP_CAT_PRIVACY && f->severity == PP_SEV_BLOCK;
    }
    if (left) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "脱敏副本复查仍发现 %u 处需遮盖的个人信息", left);
        return FALSE;
    }
    return TRUE;
}

gboolean pp_redact_to(PPDoc *doc, const PPRunOptions *opt, const char *out_path, GError **error)
{
    const PPRedactor *r = redactor_for(doc->format);
    if (!r) {
        /* OFD, ODT, RTF, legacy .doc …: the report still lists every value to mask; the copy must come from the
         * editable source, which is what the clerk is told */
        g_autofree char *fmt = g_ascii_strup(doc->format, -1);
        g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED,
                    "%s 格式不支持生成脱敏副本，未写入副本；请在可编辑的源文件（DOCX/WPS）中按报告脱敏后重新导出", fmt);
        return FALSE;
    }
    g_autofree char *dir = g_path_get_dirname(out_path);
    g_autofree char *base = g_path_get_basename(out_path);
    g_autofree char *tmpl = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    int fd = g_mkstemp(tmpl);
    if (fd < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法在 %s 中创建临时文件", dir);
        return FALSE;
    }
    close(fd);
    g_autoptr(GPtrArray) reds = pp_redactions_of(doc);
    gboolean ok = r->write(doc, reds, tmpl, error) && recheck(tmpl, opt, error);
    /* mkstemp made it private (0600); a copy for publication is an ordinary file */
    if (ok)
        g_chmod(tmpl, 0644);
    if (ok && g_rename(tmpl, out_path) != 0) {
        g_set_error(error, PP_ERROR, PP_ERR_IO, "无法写入 %s", out_path);
        ok = FALSE;
    }
    if (!ok)
        g_unlink(tmpl);
    return ok;
}

gboolean pp_redact_doc(PPDoc *doc, const PPRunOptions *opt, GError **error)
{
    g_autofree char *base = g_path_get_basename(doc->path);
    g_autofree char *out = g_build_filename(opt->redact_dir, base, NULL);
    if (doc->fs_path) {
        /* never overwrite the input, even when --redact-dir is its own folder */
        g_autofree char *a = g_canonicalize_filename(doc->fs_path, NULL);
        g_autofree char *b = g_canonicalize_filename(out, NULL);
        if (strcmp(a, b) == 0) {
            g_set_error(error, PP_ERROR, PP_ERR_IO, "脱敏副本目录不能是原文件所在目录");
            return FALSE;
        }
    }
    if (!pp_redact_to(doc, opt, out, error))
        return FALSE;
    doc->redacted_path = g_steal_pointer(&out);
    return TRUE;
}
