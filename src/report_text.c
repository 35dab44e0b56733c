/* Text report for the terminal: compact, coloured only when asked (stdout is a terminal). */
#include "report.h"

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define GREEN "\033[32m"
#define BOLD "\033[1m"

static const char *C(const PPReportOptions *o, const char *seq) { return o->color ? seq : ""; }
static const char *RESET(const PPReportOptions *o) { return o->color ? "\033[0m" : ""; }

static const char *verdict_color(PPVerdict v)
{
    return v == PP_VERDICT_PASS ? GREEN : v == PP_VERDICT_REVIEW ? YELLOW : RED;
}

static void write_finding(GString *out, const PPFinding *f, const PPReportOptions *o)
{
    const char *mark = f->severity == PP_SEV_BLOCK ? "✗" : f->severity == PP_SEV_REVIEW ? "?" : "·";
    g_string_append_printf(out, "  %s%s%s %s：%s", C(o, f->severity == PP_SEV_BLOCK ? RED : YELLOW), mark, RESET(o),
                           pp_category_label_zh(f->category), f->message ? f->message : f->type);
    const char *v = pp_report_value(f, o->reveal);
    if (*v)
        g_string_append_printf(out, "  %s", v);
    g_string_append_printf(out, "  〔%s", pp_part_label_zh(f->part));
    if (f->page)
        g_string_append_printf(out, " 第%d页", f->page);
    if (f->line)
        g_string_append_printf(out, " 第%d行", f->line);
    g_string_append(out, "〕");
    if (f->author) {
        g_autofree char *a = pp_report_person(f->author, o->reveal);
        g_string_append_printf(out, " 作者：%s", a);
    }
    g_string_append_c(out, '\n');
}

static void text_write(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    g_autofree char *when = pp_report_time(o);
    g_string_append_printf(out, "%sprepub %s 发布前审查%s  %s", C(o, BOLD), PREPUB_VERSION, RESET(o), when);
    if (o->rules)
        g_string_append_printf(out, "  规则集 %.12s", o->rules->fingerprint);
    g_string_append_c(out, '\n');
    for (guint i = 0; i < docs->len; i++) {
        const PPDoc *d = docs->pdata[i];
        g_string_append_printf(out, "\n%s[%s]%s %s  (%s", C(o, verdict_color(d->verdict)), pp_verdict_label_zh(d->verdict),
                               RESET(o), d->path, d->format);
        if (d->pages)
            g_string_append_printf(out, "，%d 页", d->pages);
        g_string_append(out, ")\n");
        if (d->error) {
            g_string_append_printf(out, "  ✗ 无法审查（%s）：%s\n", pp_error_code_name(d->error->code), d->error->message);
            continue;
        }
        g_string_append_printf(out, "  公开属性：%s", pp_disclosure_label_zh(d->disclosure));
        if (d->marking)
            g_string_append_printf(out, "「%s」", d->marking);
        if (d->reason)
            g_string_append_printf(out, "  理由：%s", d->reason);
        g_string_append_c(out, '\n');
        for (guint k = 0; k < d->findings->len; k++)
            write_finding(out, d->findings->pdata[k], o);
        if (d->redacted_path)
            g_string_append_printf(out, "  脱敏副本：%s\n", d->redacted_path);
        if (d->redact_error)
            g_string_append_printf(out, "  %s✗ 脱敏副本未生成：%s%s\n", C(o, RED), d->redact_error, RESET(o));
        for (guint k = 0; k < d->notes->len; k++)
            g_string_append_printf(out, "  注：%s\n", (char *)d->notes->pdata[k]);
    }
    PPSummary s = pp_summary_of(docs);
    g_string_append_printf(out, "\n共 %u 个文件：可发布 %u，需人工复核 %u，不得发布 %u", s.documents, s.pass, s.review, s.block);
    if (s.error)
        g_string_append_printf(out, "（其中无法读取 %u）", s.error);
    g_string_append(out, "\n");
}

const PPReporter pp_report_text = {.name = "text", .write = text_write};
