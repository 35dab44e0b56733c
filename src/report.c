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
