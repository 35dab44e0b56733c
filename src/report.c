/* The table of reporters and helpers they share. */
#include "report.h"

#include <string.h>

static const PPReporter *const reporters[] = {&pp_report_text, &pp_report_json, &pp_report_html};

const PPReporter *pp_reporter_find(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(reporters); i++)
        if (g_strcmp0(reporters[i]->name, name) == 0)
            return reporters[i];
    return NULL;
}

PPSummary pp_summary_of(GPtrArray *docs)
{
    PPSummary s = {.documents = docs->len};
    for (guint i = 0; i < docs->len; i++) {
        const PPDoc *d = docs->pdata[i];
        if (d->error)
            s.error++;
        switch (d->verdict) {
        case PP_VERDICT_PASS: s.pass++; break;
        case PP_VERDICT_REVIEW: s.review++; break;
        case PP_VERDICT_BLOCK: s.block++; break;
        }
    }
    return s;
}

char *pp_report_time(const PPReportOptions *o)
{
    if (o->fixed_time)
        return g_strdup(o->fixed_time);
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    return g_date_time_format(now, "%Y-%m-%d %H:%M:%S");
}

char *pp_report_person(const char *name, gboolean reveal)
{
    if (!name)
        return NULL;
    if (reveal)
        return g_strdup(name);
    GString *out = g_string_new(NULL);
    const char *p = name;
    if (*p) {
        const char *next = g_utf8_next_char(p);
        g_string_append_len(out, p, next - p);
        for (p = next; *p; p = g_utf8_next_char(p))
            g_string_append_c(out, '*');
    }
    return g_string_free(out, FALSE);
}

const char *pp_report_value(const PPFinding *f, gboolean reveal)
{
    if (reveal && f->text)
        return f->text;
    return f->masked ? f->masked : "";
}

char *pp_report_size(gsize n)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    if (n < 1024)
        return g_strdup_printf("%" G_GSIZE_FORMAT " B", n);
    /* tenths in integers: printf's %f would follow LC_NUMERIC and change the golden reports */
    guint64 tenths = (guint64)n * 10 / 1024;
    gsize u = 1;
    while (tenths >= 10240 && u + 1 < G_N_ELEMENTS(units)) {
        tenths /= 1024;
        u++;
    }
    return g_strdup_printf("%" G_GUINT64_FORMAT ".%u %s", tenths / 10, (unsigned)(tenths % 10), units[u]);
}

char *pp_report_oneline(const char *s)
{
    if (!s)
        return NULL;
    g_autofree char *valid = g_utf8_make_valid(s, -1);
    GString *out = g_string_sized_new(strlen(valid) + 8);
    /* C0 and C1 (U+0080–U+009F, UTF-8 C2 80–C2 9F) controls become U+FFFD: text from a document
     * or a file name must not drive the terminal */
    for (const guchar *p = (const guchar *)valid; *p; p++) {
        if (*p == '\n') {
            g_string_append(out, " ⏎ ");
        } else if (*p == '\t') {
            g_string_append(out, " │ ");
        } else if (*p < 0x20 || *p == 0x7f) {
            g_string_append(out, "\xef\xbf\xbd");
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            g_string_append(out, "\xef\xbf\xbd");
            p++;
        } else {
            g_string_append_c(out, (char)*p);
        }
    }
    return g_string_free(out, FALSE);
}

const char *pp_report_error_label_zh(int code)
{
    static const char *const labels[PP_ERR_N_DOC_CODES] = {
        [PP_ERR_CORRUPT] = "文件损坏", [PP_ERR_ENCRYPTED] = "文件加密",     [PP_ERR_UNSUPPORTED] = "格式不支持",
        [PP_ERR_NO_TEXT] = "没有可审查的文字", [PP_ERR_TOO_LARGE] = "超过安全上限", [PP_ERR_IO] = "无法读取",
    };
    return code >= 0 && code < PP_ERR_N_DOC_CODES ? labels[code] : labels[PP_ERR_IO];
}

const char *pp_report_severity_label_zh(PPSeverity s)
{
    static const char *const labels[] = {[PP_SEV_INFO] = "提示", [PP_SEV_REVIEW] = "需复核", [PP_SEV_BLOCK] = "不得发布"};
    return s <= PP_SEV_BLOCK ? labels[s] : labels[PP_SEV_INFO];
}

void pp_report_extract(GString *out, const PPDoc *doc, gboolean json)
{
    if (!json) {
        for (guint i = 0; i < doc->parts->len; i++) {
            const PPPart *p = doc->parts->pdata[i];
            g_string_append_printf(out, "==> %s", pp_part_name(p->kind));
            if (p->page)
                g_string_append_printf(out, " 第 %d 页", p->page);
            if (p->origin)
                g_string_append_printf(out, " (%s)", p->origin);
            if (p->author)
                g_string_append_printf(out, " 作者：%s", p->author);
            g_string_append(out, " <==\n");
            int line = 1;
            const char *s = p->text->str;
            while (*s) {
                const char *nl = strchr(s, '\n');
                gsize n = nl ? (gsize)(nl - s) : strlen(s);
                g_string_append_printf(out, "%4d  %.*s\n", line++, (int)n, s);
                s += n + (nl ? 1 : 0);
            }
        }
        return;
    }
    pp_report_extract_json(out, doc);
}

const char *pp_report_reason_label(const char *reason, const char *label)
{
    return reason && strstr(reason, "理由") ? "" : label;
}
