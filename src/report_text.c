/* Text report for the terminal: compact, coloured only when asked (stdout is a terminal). */
#include "report.h"

#define RED "\033[31m"
#define YELLOW "\033[33m"
#define GREEN "\033[32m"
#define BOLD "\033[1m"
#define DIM "\033[2m"

static const char *C(const PPReportOptions *o, const char *seq) { return o->color ? seq : ""; }
static const char *RESET(const PPReportOptions *o) { return o->color ? "\033[0m" : ""; }

static const char *verdict_color(PPVerdict v)
{
    return v == PP_VERDICT_PASS ? GREEN : v == PP_VERDICT_REVIEW ? YELLOW : RED;
}

/* One finding: a head line, then context and what to do for findings that stop publication or need
 * a person (info-level findings stay one line). */
static void write_finding(GString *out, const PPFinding *f, const PPReportOptions *o)
{
    const char *mark = f->severity == PP_SEV_BLOCK ? "✗" : f->severity == PP_SEV_REVIEW ? "?" : "·";
    g_string_append_printf(out, "  %s%s%s %s：%s", C(o, f->severity == PP_SEV_BLOCK ? RED : YELLOW), mark, RESET(o),
                           pp_category_label_zh(f->category), f->message ? f->message : f->type);
    g_autofree char *v = pp_report_oneline(pp_report_value(f, o->reveal));
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
    g_string_append_printf(out, "  %s%s%s\n", C(o, DIM), f->rule, RESET(o));
    if (f->severity == PP_SEV_INFO)
        return;
    if (f->context) {
        g_autofree char *ctx = pp_report_oneline(f->context);
        g_string_append_printf(out, "      上下文：…%s…\n", ctx);
    }
    if (f->basis)
        g_string_append_printf(out, "      依据：%s\n", f->basis);
    if (f->advice)
        g_string_append_printf(out, "      建议：%s\n", f->advice);
}

static void write_doc(GString *out, const PPDoc *d, const PPReportOptions *o)
{
    g_string_append_printf(out, "\n%s[%s]%s %s%s%s  (%s", C(o, verdict_color(d->verdict)), pp_verdict_label_zh(d->verdict),
                           RESET(o), C(o, BOLD), d->path, RESET(o), d->format);
    if (d->pages)
        g_string_append_printf(out, "，%d 页", d->pages);
    g_autofree char *size = pp_report_size(d->size);
    g_string_append_printf(out, "，%s", size);
    if (d->sha256[0])
        g_string_append_printf(out, "，SHA-256 %.16s…", d->sha256);
    g_string_append(out, ")\n");
    if (d->error) {
        g_string_append_printf(out, "  %s✗%s 无法审查：%s（%s）：%s\n", C(o, RED), RESET(o), pp_report_error_label_zh(d->error->code),
                               pp_error_code_name(d->error->code), d->error->message);
    } else {
        g_string_append_printf(out, "  公开属性：%s", pp_disclosure_label_zh(d->disclosure));
        if (d->marking) {
            g_autofree char *m = pp_report_oneline(d->marking);
            g_string_append_printf(out, "「%s」", m);
        }
        if (d->reason) {
            g_autofree char *r = pp_report_oneline(d->reason);
            g_string_append_printf(out, "  理由：%s", r);
        }
        g_string_append_c(out, '\n');
    }
    for (guint k = 0; k < d->findings->len; k++)
        write_finding(out, d->findings->pdata[k], o);
    for (guint k = 0; k < d->notes->len; k++)
        g_string_append_printf(out, "  注：%s\n", (char *)d->notes->pdata[k]);
}

static void text_write(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    g_autofree char *when = pp_report_time(o);
    g_string_append_printf(out, "%sprepub %s 发布前审查%s  %s", C(o, BOLD), PREPUB_VERSION, RESET(o), when);
    if (o->rules)
        g_string_append_printf(out, "  规则集 %.12s", o->rules->fingerprint);
    g_string_append_c(out, '\n');
    for (guint i = 0; i < docs->len; i++)
        write_doc(out, docs->pdata[i], o);
    PPSummary s = pp_summary_of(docs);
    g_string_append_printf(out, "\n共 %u 个文件：%s可发布 %u%s，%s需人工复核 %u%s，%s不得发布 %u%s", s.documents, C(o, GREEN), s.pass,
                           RESET(o), C(o, YELLOW), s.review, RESET(o), C(o, RED), s.block, RESET(o));
    if (s.error)
        g_string_append_printf(out, "（其中无法读取 %u）", s.error);
    g_string_append(out, "\n");
}

const PPReporter pp_report_text = {.name = "text", .write = text_write};
