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

/* Append document-derived text on one line, controls neutralised. */
static void put(GString *out, const char *s)
{
    g_autofree char *line = pp_report_oneline(s);
    if (line)
        g_string_append(out, line);
}

/* An indented detail line under a finding, if there is text for it. */
static void detail(GString *out, const char *label, const char *text, const char *ellipsis)
{
    if (!text)
        return;
    g_string_append_printf(out, "      %s：%s", label, ellipsis);
    put(out, text);
    g_string_append_printf(out, "%s\n", ellipsis);
}

/* One finding: a head line, then context, basis and advice for findings that stop publication or
 * need a person (info-level findings stay one line). */
static void write_finding(GString *out, const PPFinding *f, const PPReportOptions *o)
{
    const char *mark = f->severity == PP_SEV_BLOCK ? "✗" : f->severity == PP_SEV_REVIEW ? "?" : "·";
    g_string_append_printf(out, "  %s%s%s %s：", C(o, f->severity == PP_SEV_BLOCK ? RED : YELLOW), mark, RESET(o),
                           pp_category_label_zh(f->category));
    put(out, f->message ? f->message : f->type);
    const char *v = pp_report_value(f, o->reveal);
    if (*v) {
        g_string_append(out, "  ");
        put(out, v);
    }
    g_string_append_printf(out, "  〔%s", pp_part_label_zh(f->part));
    if (f->page)
        g_string_append_printf(out, " 第%d页", f->page);
    if (f->line)
        g_string_append_printf(out, " 第%d行", f->line);
    g_string_append(out, "〕");
    if (f->author) {
        g_autofree char *a = pp_report_person(f->author, o->reveal);
        g_string_append(out, " 作者：");
        put(out, a);
    }
    g_string_append_printf(out, "  %s", C(o, DIM));
    put(out, f->rule);
    g_string_append_printf(out, "%s\n", RESET(o));
    if (f->severity == PP_SEV_INFO)
        return;
    detail(out, "上下文", f->context, "…");
    detail(out, "依据", f->basis, "");
    detail(out, "建议", f->advice, "");
}

static void write_doc(GString *out, const PPDoc *d, const PPReportOptions *o)
{
    g_string_append_printf(out, "\n%s[%s]%s %s", C(o, verdict_color(d->verdict)), pp_verdict_label_zh(d->verdict), RESET(o), C(o, BOLD));
    put(out, d->path);
    g_string_append_printf(out, "%s  (%s", RESET(o), d->format);
    if (d->pages)
        g_string_append_printf(out, "，%d 页", d->pages);
    g_autofree char *size = pp_report_size(d->size);
    g_string_append_printf(out, "，%s", size);
    if (d->sha256[0])
        g_string_append_printf(out, "，SHA-256 %.16s…", d->sha256);
    g_string_append(out, ")\n");
    if (d->error) {
        g_string_append_printf(out, "  %s✗%s 无法审查：%s（%s）：", C(o, RED), RESET(o), pp_report_error_label_zh(d->error->code),
                               pp_error_code_name(d->error->code));
        put(out, d->error->message);
        g_string_append_c(out, '\n');
    } else {
        g_string_append_printf(out, "  公开属性：%s", pp_disclosure_label_zh(d->disclosure));
        if (d->marking) {
            g_string_append(out, "「");
            put(out, d->marking);
            g_string_append(out, "」");
        }
        if (d->reason) {
            g_string_append(out, "  ");
            g_string_append(out, pp_report_reason_label(d->reason, "理由："));
            put(out, d->reason);
        }
        g_string_append_c(out, '\n');
    }
    for (guint k = 0; k < d->findings->len; k++)
        write_finding(out, d->findings->pdata[k], o);
    if (d->redacted_path) {
        g_string_append(out, "  脱敏副本：");
        put(out, d->redacted_path);
        g_string_append_c(out, '\n');
    }
    if (d->redact_error) {
        g_string_append_printf(out, "  %s✗ 脱敏副本未生成：", C(o, RED));
        put(out, d->redact_error);
        g_string_append_printf(out, "%s\n", RESET(o));
    }
    for (guint k = 0; k < d->notes->len; k++) {
        g_string_append(out, "  注：");
        put(out, d->notes->pdata[k]);
        g_string_append_c(out, '\n');
    }
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
