/* HTML sign-off report: one self-contained file (inline CSS, no scripts, nothing fetched), read on
 * screen and printed on A4 for the 三审 signatures. Every piece of document-derived text goes
 * through esc(); raw values (finding->text, author names) only with o->reveal. */
#include "report.h"

#include <string.h>

/* Categories in the order a reviewer reads them: the attribute first, hidden content last. */
static const PPCategory category_order[] = {PP_CAT_DISCLOSURE, PP_CAT_SECRET, PP_CAT_PRIVACY, PP_CAT_HIDDEN, PP_CAT_QUALITY};

static const char *const verdict_class[] = {[PP_VERDICT_PASS] = "pass", [PP_VERDICT_REVIEW] = "review", [PP_VERDICT_BLOCK] = "block"};
static const char *const severity_class[] = {[PP_SEV_INFO] = "info", [PP_SEV_REVIEW] = "review", [PP_SEV_BLOCK] = "block"};

static PPSeverity severity_of(const PPFinding *f) { return f->severity <= PP_SEV_BLOCK ? f->severity : PP_SEV_INFO; }

/* The three review rounds and who usually signs them. */
static const struct {
    const char *round, *who;
} signoff_rows[] = {
    {"初审", "科室负责人"},
    {"复审", "保密审查员"},
    {"终审", "分管领导"},
};

static const char css[] =
    "*{box-sizing:border-box}"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "body{margin:0;background:#eef0f3;color:#1f2328;font:14px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"Microsoft YaHei\",\"PingFang SC\",\"WenQuanYi Micro Hei\",sans-serif}"
    ".page{max-width:860px;margin:24px auto;padding:36px 44px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
    "h1,h2,h3{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",\"Songti SC\",serif;font-weight:700;color:#111}"
    "h1{font-size:24px;text-align:center;letter-spacing:.12em;margin:0 0 6px}"
    ".subtitle{text-align:center;color:#57606a;font-size:12.5px;margin:0 0 18px}"
    "h2{font-size:18px;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid #9f1d20}"
    "h3{font-size:15px;margin:20px 0 8px;padding-left:8px;border-left:4px solid #9f1d20}"
    "h4{font-size:14px;margin:14px 0 6px;color:#333}"
    "table{width:100%;border-collapse:collapse;margin:6px 0 10px}"
    "th,td{border:1px solid #c9ced6;padding:5px 7px;text-align:left;vertical-align:top;overflow-wrap:anywhere}"
    "thead th{background:#f3f4f6;font-weight:700;font-size:12.5px}"
    "tr{break-inside:avoid;page-break-inside:avoid}"
    "thead{display:table-header-group}"
    "code,.mono{font-family:\"Noto Sans Mono CJK SC\",\"DejaVu Sans Mono\",Consolas,monospace;font-size:12.5px}"
    ".num{text-align:center;white-space:nowrap}.nw{white-space:nowrap}"
    ".zero{color:#b0b6be}"
    ".muted{color:#6e7781;font-size:12.5px}"
    ".counts{display:flex;gap:10px;margin:10px 0 14px}"
    ".counts div{flex:1;border:1px solid #d0d7de;border-radius:4px;padding:8px 10px;text-align:center}"
    ".counts b{display:block;font-size:24px;line-height:1.2}"
    ".counts .pass{border-color:#8fcf9f;background:#eef8f0}.counts .review{border-color:#e7c36b;background:#fff8e6}"
    ".counts .block{border-color:#e39b97;background:#fdeeed}"
    ".badge{display:inline-block;padding:1px 9px;border-radius:3px;font-weight:700;font-size:12.5px;white-space:nowrap;"
    "border:1px solid currentColor}"
    ".badge.pass{color:#1a7f37;background:#eef8f0}.badge.review{color:#8a5a00;background:#fff8e6}"
    ".badge.block{color:#b42318;background:#fdeeed}.badge.info{color:#57606a;background:#f3f4f6}"
    ".summary-table{table-layout:fixed;font-size:13px}.summary-table td:nth-child(2){font-weight:600}"
    ".summary-table .c-no{width:5.5%}.summary-table .c-fmt{width:7%}.summary-table .c-pages{width:5.5%}"
    ".summary-table .c-attr{width:10%}.summary-table .c-verdict{width:11%}.summary-table .c-cat{width:7.4%}"
    ".summary-table th.cat{text-align:center;font-size:11.5px;font-weight:400;line-height:1.3}"
    ".summary-table a{color:inherit;text-decoration:none}"
    ".doc{margin-top:34px;padding-top:22px;border-top:1px dashed #c9ced6}"
    ".doc-title{display:flex;align-items:baseline;gap:12px}"
    ".doc-title .no{color:#6e7781;font-size:13px;white-space:nowrap}"
    ".doc-title h2{flex:1;border:0;margin:0;overflow-wrap:anywhere}"
    ".doc-title .badge{font-size:15px;padding:3px 14px}"
    ".rule{border-bottom:2px solid #9f1d20;margin:6px 0 12px}"
    ".facts th{width:17%;background:#f6f8fa;font-weight:600}"
    ".hash{font-family:\"DejaVu Sans Mono\",Consolas,monospace;font-size:12px;word-break:break-all}"
    ".alert{border:1px solid #e39b97;background:#fdeeed;color:#7a1b14;padding:8px 12px;border-radius:4px;margin:10px 0}"
    ".none{color:#1a7f37}"
    ".findings{table-layout:fixed;font-size:13px}"
    ".findings .c-no{width:5%}.findings .c-sev{width:12.5%}.findings .c-msg{width:28.5%}.findings .c-loc{width:14%}"
    ".findings .c-val{width:22%}.findings .c-rule{width:18%}"
    ".advice{margin-top:4px;color:#0b4f8a}"
    ".ctx{margin-top:4px;color:#57606a;font-size:12px}"
    ".value{background:#f6f8fa;border:1px solid #d0d7de;border-radius:3px;padding:0 4px}"
    ".basis{margin-top:3px;font-size:12px}"
    ".signoff{margin-top:18px;break-inside:avoid;page-break-inside:avoid}"
    ".signoff .sign{table-layout:fixed}"
    ".signoff .c-round{width:13%}.signoff .c-who{width:20%}.signoff .c-date{width:18%}"
    ".sign tbody th{background:#f6f8fa;text-align:center;vertical-align:middle;font-size:15px}"
    ".sign tbody th small{display:block;font-weight:400;color:#6e7781;font-size:11.5px}"
    ".sign tbody td{height:22mm}"
    ".signoff .opts{color:#57606a;font-size:12px;letter-spacing:.05em}"
    ".signoff .date{vertical-align:bottom;text-align:right;color:#8c959f;white-space:nowrap}"
    ".tool th{width:17%;background:#f6f8fa;font-weight:600;font-size:12.5px}.tool td{font-size:12.5px}"
    ".warn{border:2px solid #b42318;color:#b42318;padding:6px 12px;margin:0 0 14px;font-weight:700;text-align:center}"
    "footer{margin-top:28px;color:#8c959f;font-size:12px;text-align:center}"
    "@page{size:A4;margin:16mm 15mm 18mm}"
    "@page{@bottom-center{content:\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\";font-size:9pt;color:#666}}"
    "@media print{"
    "body{background:#fff;font-size:10.5pt}"
    ".page{max-width:none;margin:0;padding:0;box-shadow:none}"
    ".doc{break-before:page;page-break-before:always;margin-top:0;padding-top:0;border-top:0}"
    "h2,h3,h4{break-after:avoid;page-break-after:avoid}"
    "a{color:inherit;text-decoration:none}"
    "}";

/* Append s as HTML text. */
static void esc(GString *out, const char *s)
{
    if (!s)
        return;
    g_autofree char *valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
    g_autofree char *e = g_markup_escape_text(valid ? valid : s, -1);
    g_string_append(out, e);
}

static void esc_oneline(GString *out, const char *s)
{
    g_autofree char *line = pp_report_oneline(s);
    esc(out, line);
}

static void badge(GString *out, const char *cls, const char *label)
{
    g_string_append_printf(out, "<span class=\"badge %s\">", cls);
    esc(out, label);
    g_string_append(out, "</span>");
}

static void count_cell(GString *out, guint n)
{
    if (n)
        g_string_append_printf(out, "<td class=\"num\">%u</td>", n);
    else
        g_string_append(out, "<td class=\"num zero\">–</td>");
}

static void count_categories(const PPDoc *d, guint counts[PP_CAT_N])
{
    memset(counts, 0, sizeof(guint) * PP_CAT_N);
    for (guint k = 0; k < d->findings->len; k++) {
        const PPFinding *f = d->findings->pdata[k];
        if (f->category < PP_CAT_N)
            counts[f->category]++;
    }
}

static void write_summary(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    PPSummary s = pp_summary_of(docs);
    g_string_append(out, "<section class=\"summary\">\n<h2>一、审查概况</h2>\n");
    if (o->argv_paths && o->argv_paths[0]) {
        g_string_append(out, "<p class=\"muted\">审查对象：");
        for (char **p = o->argv_paths; *p; p++) {
            if (p != o->argv_paths)
                g_string_append(out, "、");
            esc(out, strcmp(*p, "-") == 0 ? "标准输入" : *p);
        }
        g_string_append(out, "</p>\n");
    }
    g_string_append_printf(out,
                           "<div class=\"counts\"><div><b>%u</b>文件总数</div><div class=\"pass\"><b>%u</b>可发布</div>"
                           "<div class=\"review\"><b>%u</b>需人工复核</div><div class=\"block\"><b>%u</b>不得发布</div></div>\n",
                           s.documents, s.pass, s.review, s.block);
    if (s.error)
        g_string_append_printf(out, "<p class=\"muted\">不得发布的文件中有 %u 个无法读取，未经审查。</p>\n", s.error);

    g_string_append(out, "<table class=\"summary-table\"><colgroup><col class=\"c-no\"><col><col class=\"c-fmt\"><col class=\"c-pages\">"
                         "<col class=\"c-attr\"><col class=\"c-verdict\">");
    for (gsize c = 0; c < G_N_ELEMENTS(category_order); c++)
        g_string_append(out, "<col class=\"c-cat\">");
    g_string_append(out, "</colgroup>\n<thead><tr><th rowspan=\"2\" class=\"num\">序号</th><th rowspan=\"2\">文件</th>"
                         "<th rowspan=\"2\" class=\"nw\">格式</th><th rowspan=\"2\" class=\"num\">页数</th><th rowspan=\"2\" class=\"nw\">公开属性</th>"
                         "<th rowspan=\"2\" class=\"nw\">结论</th>");
    g_string_append_printf(out, "<th colspan=\"%d\" class=\"num\">发现数（按类别）</th></tr>\n<tr>", (int)G_N_ELEMENTS(category_order));
    for (gsize c = 0; c < G_N_ELEMENTS(category_order); c++) {
        g_string_append(out, "<th class=\"cat\">");
        esc(out, pp_category_label_zh(category_order[c]));
        g_string_append(out, "</th>");
    }
    g_string_append(out, "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < docs->len; i++) {
        const PPDoc *d = docs->pdata[i];
        guint counts[PP_CAT_N];
        count_categories(d, counts);
        g_string_append_printf(out, "<tr><td class=\"num\">%u</td><td><a href=\"#doc-%u\">", i + 1, i + 1);
        esc(out, d->path);
        g_string_append(out, "</a></td><td>");
        esc(out, d->format);
        g_string_append(out, "</td>");
        if (d->pages)
            g_string_append_printf(out, "<td class=\"num\">%d</td>", d->pages);
        else
            g_string_append(out, "<td class=\"num zero\">–</td>");
        g_string_append(out, "<td class=\"nw\">");
        esc(out, d->error ? "未审查" : pp_disclosure_label_zh(d->disclosure));
        g_string_append(out, "</td><td class=\"nw\">");
        badge(out, verdict_class[d->verdict], pp_verdict_label_zh(d->verdict));
        g_string_append(out, "</td>");
        for (gsize c = 0; c < G_N_ELEMENTS(category_order); c++)
            count_cell(out, counts[category_order[c]]);
        g_string_append(out, "</tr>\n");
    }
    g_string_append(out, "</tbody>\n</table>\n</section>\n");
}

static void fact_row(GString *out, const char *label, const char *cls)
{
    g_string_append(out, "<tr><th>");
    esc(out, label);
    g_string_append_printf(out, "</th><td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
}

static void write_facts(GString *out, const PPDoc *d)
{
    g_string_append(out, "<table class=\"facts\">\n");
    fact_row(out, "文件名", NULL);
    esc(out, d->path);
    g_string_append(out, "</td></tr>\n");
    fact_row(out, "格式", NULL);
    esc(out, d->format);
    if (d->pages)
        g_string_append_printf(out, "，%d 页", d->pages);
    g_string_append(out, "</td></tr>\n");
    fact_row(out, "大小", NULL);
    g_autofree char *size = pp_report_size(d->size);
    g_string_append_printf(out, "%" G_GSIZE_FORMAT " 字节", d->size);
    if (d->size >= 1024)
        g_string_append_printf(out, "（%s）", size);
    g_string_append(out, "</td></tr>\n");
    fact_row(out, "SHA-256", "hash");
    esc(out, d->sha256[0] ? d->sha256 : "—（未能读取文件内容）");
    g_string_append(out, "</td></tr>\n");
    fact_row(out, "公开属性", NULL);
    if (d->error) {
        g_string_append(out, "未审查（文件无法读取）");
    } else {
        g_string_append(out, "<strong>");
        esc(out, pp_disclosure_label_zh(d->disclosure));
        g_string_append(out, "</strong>");
        if (d->marking) {
            g_string_append(out, "<div>标注原文：「");
            esc_oneline(out, d->marking);
            g_string_append(out, "」</div>");
        }
        if (d->reason) {
            g_string_append(out, "<div>");
            g_string_append(out, pp_report_reason_label(d->reason, "不公开理由："));
            esc_oneline(out, d->reason);
            g_string_append(out, "</div>");
        } else if (d->disclosure == PP_DISC_WITHHELD) {
            g_string_append(out, "<div>未写明不公开理由</div>");
        }
    }
    g_string_append(out, "</td></tr>\n");
    fact_row(out, "审查结论", NULL);
    badge(out, verdict_class[d->verdict], pp_verdict_label_zh(d->verdict));
    guint by_sev[PP_SEV_BLOCK + 1] = {0};
    for (guint k = 0; k < d->findings->len; k++)
        by_sev[severity_of(d->findings->pdata[k])]++;
    if (d->error)
        g_string_append(out, "　文件无法读取，未经审查的文件不得发布。");
    else if (d->findings->len)
        g_string_append_printf(out, "　共 %u 项发现：不得发布 %u 项，需复核 %u 项，提示 %u 项。", d->findings->len,
                               by_sev[PP_SEV_BLOCK], by_sev[PP_SEV_REVIEW], by_sev[PP_SEV_INFO]);
    else
        g_string_append(out, "　未发现问题。");
    g_string_append(out, "</td></tr>\n</table>\n");
}

static void write_finding(GString *out, const PPFinding *f, guint no, const PPReportOptions *o)
{
    g_string_append_printf(out, "<tr><td class=\"num\">%u</td><td>", no);
    badge(out, severity_class[severity_of(f)], pp_report_severity_label_zh(f->severity));
    g_string_append(out, "</td><td>");
    esc(out, f->message ? f->message : f->type);
    if (f->advice) {
        g_string_append(out, "<div class=\"advice\">处理建议：");
        esc(out, f->advice);
        g_string_append(out, "</div>");
    }
    g_string_append(out, "</td><td>");
    esc(out, pp_part_label_zh(f->part));
    if (f->page)
        g_string_append_printf(out, "<br>第 %d 页", f->page);
    if (f->line)
        g_string_append_printf(out, "<br>第 %d 行", f->line);
    if (f->author) {
        g_autofree char *a = pp_report_person(f->author, o->reveal);
        g_string_append(out, "<div class=\"muted\">作者：");
        esc(out, a);
        g_string_append(out, "</div>");
    }
    g_string_append(out, "</td><td>");
    const char *v = pp_report_value(f, o->reveal);
    if (*v) {
        g_string_append(out, "<code class=\"value\">");
        esc_oneline(out, v);
        g_string_append(out, "</code>");
    }
    if (f->context) {
        g_string_append(out, "<div class=\"ctx\">…");
        esc_oneline(out, f->context);
        g_string_append(out, "…</div>");
    }
    g_string_append(out, "</td><td><code>");
    esc(out, f->rule);
    g_string_append(out, "</code>");
    if (f->basis) {
        g_string_append(out, "<div class=\"basis\">");
        esc(out, f->basis);
        g_string_append(out, "</div>");
    }
    g_string_append(out, "</td></tr>\n");
}

static void write_findings(GString *out, const PPDoc *d, const PPReportOptions *o)
{
    g_string_append(out, "<h3>审查发现</h3>\n");
    if (d->error) {
        g_string_append(out, "<div class=\"alert\"><strong>无法读取：");
        esc(out, pp_report_error_label_zh(d->error->code));
        g_string_append(out, "</strong>（<code>");
        esc(out, pp_error_code_name(d->error->code));
        g_string_append(out, "</code>）");
        esc(out, d->error->message);
        g_string_append(out, "<br>请确认文件完整、未加密后重新审查。</div>\n");
    }
    if (!d->findings->len) {
        if (!d->error)
            g_string_append(out, "<p class=\"none\">未发现需要处理的问题。</p>\n");
        return;
    }
    guint counts[PP_CAT_N];
    count_categories(d, counts);
    guint no = 0; /* numbered through the document so a reviewer can cite "第 3 项" */
    for (gsize c = 0; c < G_N_ELEMENTS(category_order); c++) {
        PPCategory cat = category_order[c];
        if (!counts[cat])
            continue;
        g_string_append(out, "<h4>");
        esc(out, pp_category_label_zh(cat));
        g_string_append_printf(out, "（%u 项）</h4>\n", counts[cat]);
        g_string_append(out, "<table class=\"findings\"><colgroup><col class=\"c-no\"><col class=\"c-sev\"><col class=\"c-msg\">"
                             "<col class=\"c-loc\"><col class=\"c-val\"><col class=\"c-rule\"></colgroup>\n"
                             "<thead><tr><th class=\"num\">序号</th><th>级别</th><th>问题与处理建议</th><th>位置</th>");
        g_string_append(out, o->reveal ? "<th>内容（原始值）</th>" : "<th>内容（已遮盖）</th>");
        g_string_append(out, "<th>规则与依据</th></tr></thead>\n<tbody>\n");
        for (guint k = 0; k < d->findings->len; k++) {
            const PPFinding *f = d->findings->pdata[k];
            if (f->category == cat)
                write_finding(out, f, ++no, o);
        }
        g_string_append(out, "</tbody></table>\n");
    }
}

static void write_signoff(GString *out, const PPDoc *d, const PPReportOptions *o, const char *when)
{
    g_string_append(out, "<div class=\"signoff\">\n<h3>审核签字（三审）</h3>\n"
                         "<table class=\"sign\"><colgroup><col class=\"c-round\"><col class=\"c-who\"><col><col class=\"c-date\"></colgroup>\n"
                         "<thead><tr><th>审核环节</th><th>审核人（签字）</th><th>审核意见</th><th>日期</th></tr></thead>\n<tbody>\n");
    for (gsize i = 0; i < G_N_ELEMENTS(signoff_rows); i++) {
        g_string_append(out, "<tr><th>");
        esc(out, signoff_rows[i].round);
        g_string_append(out, "<small>");
        esc(out, signoff_rows[i].who);
        g_string_append(out, "</small></th><td></td><td><div class=\"opts\">□ 同意发布　□ 修改后发布　□ 不同意发布</div></td>"
                             "<td class=\"date\">年　　月　　日</td></tr>\n");
    }
    g_string_append(out, "</tbody></table>\n<table class=\"tool\">\n<tr><th>审查工具</th><td>prepub " PREPUB_VERSION "</td></tr>\n"
                         "<tr><th>规则集指纹</th><td class=\"hash\">");
    esc(out, o->rules ? o->rules->fingerprint : "—");
    g_string_append(out, "</td></tr>\n<tr><th>审查时间</th><td>");
    esc(out, when);
    g_string_append(out, "</td></tr>\n<tr><th>所审文件</th><td><span class=\"hash\">");
    esc(out, d->sha256[0] ? d->sha256 : "—");
    g_string_append(out, "</span><div class=\"muted\">签字仅对上列 SHA-256 所指的文件内容有效；文件改动后须重新审查。</div></td></tr>\n"
                         "</table>\n</div>\n");
}

static void write_doc(GString *out, const PPDoc *d, guint no, guint total, const PPReportOptions *o, const char *when)
{
    g_string_append_printf(out, "<section class=\"doc\" id=\"doc-%u\">\n<div class=\"doc-title\"><span class=\"no\">文件 %u / %u</span><h2>",
                           no, no, total);
    esc(out, d->path);
    g_string_append(out, "</h2>");
    badge(out, verdict_class[d->verdict], pp_verdict_label_zh(d->verdict));
    g_string_append(out, "</div>\n<div class=\"rule\"></div>\n");
    write_facts(out, d);
    write_findings(out, d, o);
    if (d->redacted_path || d->redact_error) {
        g_string_append(out, "<h3>脱敏副本</h3>\n");
        if (d->redacted_path) {
            g_string_append(out, "<p>已写出：<code>");
            esc(out, d->redacted_path);
            g_string_append(out, "</code></p>\n");
        }
        if (d->redact_error) {
            g_string_append(out, "<div class=\"alert\"><strong>脱敏副本未生成：</strong>");
            esc(out, d->redact_error);
            g_string_append(out, "</div>\n");
        }
    }
    if (d->notes->len) {
        g_string_append(out, "<h3>备注</h3>\n<ul>\n");
        for (guint k = 0; k < d->notes->len; k++) {
            g_string_append(out, "<li>");
            esc(out, d->notes->pdata[k]);
            g_string_append(out, "</li>\n");
        }
        g_string_append(out, "</ul>\n");
    }
    write_signoff(out, d, o, when);
    g_string_append(out, "</section>\n");
}

static void html_write(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    g_autofree char *when = pp_report_time(o);
    g_string_append(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"prepub " PREPUB_VERSION "\">\n<title>");
    if (docs->len == 1) {
        g_string_append(out, "发布前审查报告：");
        esc(out, ((const PPDoc *)docs->pdata[0])->path);
    } else {
        g_string_append_printf(out, "发布前审查报告（%u 个文件）", docs->len);
    }
    g_string_append_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main class=\"page\">\n", css);
    g_string_append(out, "<header>\n<h1>政府信息公开发布前审查报告</h1>\n<p class=\"subtitle\">审查时间 ");
    esc(out, when);
    g_string_append(out, "　·　prepub " PREPUB_VERSION "　·　规则集 <span class=\"mono\">");
    if (o->rules)
        g_string_append_printf(out, "%.12s", o->rules->fingerprint);
    else
        g_string_append(out, "—");
    g_string_append(out, "</span></p>\n");
    if (o->reveal)
        g_string_append(out, "<p class=\"warn\">本报告含未遮盖的原始个人信息（--reveal），仅限审核人员使用，不得外传或随文件发布。</p>\n");
    g_string_append(out, "</header>\n");
    write_summary(out, docs, o);
    for (guint i = 0; i < docs->len; i++)
        write_doc(out, docs->pdata[i], i + 1, docs->len, o, when);
    g_string_append(out, "<footer>本报告由 prepub 自动生成，审查结论须经初审、复审、终审确认后方可发布。");
    if (!o->reveal)
        g_string_append(out, "报告中的个人信息均已遮盖。");
    g_string_append(out, "</footer>\n</main>\n</body>\n</html>\n");
}

const PPReporter pp_report_html = {.name = "html", .write = html_write};
