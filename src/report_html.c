/* HTML sign-off report — not written yet (issue 6); falls back to the text report in <pre>. */
#include "report.h"

static void html_write(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    GString *text = g_string_new(NULL);
    PPReportOptions plain = *o;
    plain.color = FALSE;
    pp_report_text.write(text, docs, &plain);
    g_autofree char *esc = g_markup_escape_text(text->str, (gssize)text->len);
    g_string_append_printf(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>prepub 审查报告</title><pre>%s</pre></html>\n", esc);
    g_string_free(text, TRUE);
}

const PPReporter pp_report_html = {.name = "html", .write = html_write};
