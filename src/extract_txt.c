/* Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK. */
#include "format.h"

#include <string.h>

static gboolean has_prefix(const guint8 *d, gsize len, const char *bom, gsize n)
{
    return len >= n && memcmp(d, bom, n) == 0;
}

/* Normalise line ends to '\n' and drop NULs and other C0 controls except tab and newline; they
 * carry no text and would break the report formats. */
static char *clean_lines(char *s, gsize len, gsize *out_len)
{
    gsize w = 0;
    for (gsize r = 0; r < len; r++) {
        unsigned char c = (unsigned char)s[r];
        if (c == '\r') {
            s[w++] = '\n';
            if (r + 1 < len && s[r + 1] == '\n')
                r++;
        } else if (c < 0x20 && c != '\n' && c != '\t') {
            continue;
        } else {
            s[w++] = (char)c;
        }
    }
    s[w] = '\0';
    *out_len = w;
    return s;
}

char *pp_decode_text(const guint8 *data, gsize len, gsize *out_len, const char **encoding, GError **error)
{
    const char *enc = NULL;
    char *out = NULL;
    gsize n = 0;
    if (has_prefix(data, len, "\xEF\xBB\xBF", 3)) {
        data += 3, len -= 3;
        enc = "UTF-8 (BOM)";
    } else if (has_prefix(data, len, "\xFF\xFE", 2) || has_prefix(data, len, "\xFE\xFF", 2)) {
        enc = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        out = g_convert((const char *)data + 2, (gssize)(len - 2) & ~(gssize)1, "UTF-8", enc, NULL, &n, NULL);
        if (!out) {
            g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "文本文件标明为 %s，但内容无法按此编码解读", enc);
            return NULL;
        }
    }
    if (!out && g_utf8_validate((const char *)data, (gssize)len, NULL)) {
        out = g_strndup((const char *)data, len);
        n = len;
        if (!enc)
            enc = "UTF-8";
    }
    if (!out) {
        out = g_convert((const char *)data, (gssize)len, "UTF-8", "GB18030", NULL, &n, NULL);
        enc = "GB18030";
    }
    if (!out) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "文本编码无法识别（既不是 UTF-8/UTF-16，也不是 GB18030/GBK）");
        return NULL;
    }
    if (encoding)
        *encoding = enc;
    return clean_lines(out, n, out_len);
}

/* TRUE if data (a prefix of the file) is UTF-8, allowing a character cut at the end. */
static gboolean utf8_prefix(const guint8 *data, gsize len)
{
    const char *end = NULL;
    if (g_utf8_validate((const char *)data, (gssize)len, &end))
        return TRUE;
    return len - (gsize)(end - (const char *)data) < 4 && len >= 4;
}

static int txt_bid(const guint8 *data, gsize len, const char *mime)
{
    if (has_prefix(data, len, "\xFF\xFE", 2) || has_prefix(data, len, "\xFE\xFF", 2))
        return 20;
    /* text has no NUL bytes; binary formats nearly always do within the first 64 KiB */
    gsize n = MIN(len, (gsize)65536);
    if (memchr(data, 0, n))
        return 0;
    if (g_str_has_prefix(mime, "text/") || g_strcmp0(mime, "application/octet-stream") == 0 ||
        g_strcmp0(mime, "application/csv") == 0 || g_strcmp0(mime, "application/json") == 0)
        return 10;
    /* libmagic's guesses on Chinese text are unreliable (UTF-8 starting with 0xE9 looks like a DOS
     * executable to it): text that decodes is text, with a low bid that any real format outbids */
    if (utf8_prefix(data, n))
        return 10;
    gsize out = 0;
    g_autofree char *gb = g_convert((const char *)data, (gssize)MIN(n, (gsize)4096), "UTF-8", "GB18030", NULL, &out, NULL);
    return gb ? 5 : 0;
}

/* Plain-text tables are often aligned with runs of spaces (copied from a web page or a terminal).
 * The pipeline's convention is one row per line with '\t' between cells, so in a block of at
 * least two consecutive lines that each split into three or more fields at gaps of two or more
 * spaces (or ideographic spaces), the gaps become tabs. A single space never separates cells: it
 * is too common inside text. */
static gboolean is_gap(const char *p, gsize *len)
{
    gsize n = 0, spaces = 0;
    for (;;) {
        if (p[n] == ' ')
            n++, spaces++;
        else if ((unsigned char)p[n] == 0xE3 && (unsigned char)p[n + 1] == 0x80 && (unsigned char)p[n + 2] == 0x80)
            n += 3, spaces += 2; /* U+3000 is as wide as two spaces */
        else
            break;
    }
    *len = n;
    return spaces >= 2;
}

static int count_fields(const char *line, gsize len)
{
    gsize i = 0, g = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (memchr(line, '\t', len))
        return 0; /* already a tab table or tab-indented: leave it */
    int fields = i < len ? 1 : 0;
    while (i < len) {
        unsigned char c = (unsigned char)line[i];
        if (c != ' ' && c != 0xE3) { /* no gap starts here: skip without the call */
            i++;
            continue;
        }
        if (is_gap(line + i, &g) && i + g < len) {
            fields++;
            i += g;
        } else {
            i += g ? g : 1;
        }
    }
    return fields;
}

static void align_space_tables(GString *text)
{
    GPtrArray *lines = g_ptr_array_new(); /* borrowed pointers into a copy */
    g_autofree char *copy = g_strndup(text->str, text->len);
    for (char *l = copy, *nl; l; l = nl ? nl + 1 : NULL) {
        nl = strchr(l, '\n');
        if (nl)
            *nl = '\0';
        g_ptr_array_add(lines, l);
    }
    guint n = lines->len;
    gboolean *row = g_new0(gboolean, n + 1);
    gboolean any = FALSE;
    for (guint i = 0; i < n; i++) {
        row[i] = count_fields(lines->pdata[i], strlen(lines->pdata[i])) >= 3;
        any |= row[i] && i > 0 && row[i - 1];
    }
    if (!any && !memchr(text->str, '\0', text->len)) { /* no table: the text would be rebuilt as it is */
        g_free(row);
        g_ptr_array_unref(lines);
        return;
    }
    g_string_truncate(text, 0);
    for (guint i = 0; i < n; i++) {
        const char *l = lines->pdata[i];
        gboolean in_block = row[i] && ((i > 0 && row[i - 1]) || row[i + 1]);
        if (!in_block) {
            g_string_append(text, l);
        } else {
            gsize g = 0, k = 0, len = strlen(l);
            while (k < len && l[k] == ' ')
                k++;
            while (k < len) {
                if (is_gap(l + k, &g) && k + g < len) {
                    g_string_append_c(text, '\t');
                    k += g;
                } else if (g) {
                    if (k + g < len) /* one space inside a cell stays */
                        g_string_append_len(text, l + k, (gssize)g);
                    k += g;
                } else {
                    g_string_append_c(text, l[k++]);
                }
            }
        }
        if (i + 1 < n)
            g_string_append_c(text, '\n');
    }
    g_free(row);
    g_ptr_array_unref(lines);
}

static gboolean txt_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    gsize len = 0, n = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    if (len > lim->max_text_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "文本超过 %" G_GSIZE_FORMAT " MiB 上限",
                    lim->max_text_bytes >> 20);
        return FALSE;
    }
    const char *enc = NULL;
    char *text = pp_decode_text(data, len, &n, &enc, error);
    if (!text)
        return FALSE;
    PPPart *p = pp_doc_add_part(doc, PP_PART_BODY, 0, NULL);
    g_string_append_len(p->text, text, (gssize)n);
    g_free(text);
    align_space_tables(p->text);
    if (g_strcmp0(enc, "UTF-8") != 0)
        pp_doc_note(doc, "文本编码：%s", enc);
    return TRUE;
}

const PPFormat pp_format_txt = {
    .name = "txt",
    .bid = txt_bid,
    .extract = txt_extract,
};
