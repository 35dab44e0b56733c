/* Reports: text (terminal), JSON (the contract in DESIGN.md), HTML (sign-off).
 *
 * Protocol (one static const PPReporter per format, listed in report.c):
 *   .name   "text", "json", "html"
 *   .write  append the whole report for docs (in input order) to out. Must not print a raw
 *           value (finding->text, author names) unless o->reveal.
 */
#ifndef PP_REPORT_H
#define PP_REPORT_H

#include "rules.h"

typedef struct {
    gboolean reveal;
    gboolean color;          /* ANSI colours (text on a terminal) */
    const char *fixed_time;  /* review time to print instead of now (golden tests) */
    const PPRules *rules;    /* for the rule-set fingerprint */
    char **argv_paths;       /* what was asked, for the summary */
} PPReportOptions;

typedef struct {
    const char *name;
    void (*write)(GString *out, GPtrArray *docs, const PPReportOptions *o);
} PPReporter;

extern const PPReporter pp_report_text;
extern const PPReporter pp_report_json;
extern const PPReporter pp_report_html;

const PPReporter *pp_reporter_find(const char *name);

/* Shared helpers. */
typedef struct {
    guint documents, pass, review, block, error;
} PPSummary;
PPSummary pp_summary_of(GPtrArray *docs);
/* The time to print: o->fixed_time or now, "YYYY-MM-DD HH:MM:SS". Free with g_free. */
char *pp_report_time(const PPReportOptions *o);
/* A person's name as reports may show it: as is with reveal, else surname + '*'. */
char *pp_report_person(const char *name, gboolean reveal);
/* The value of a finding as reports may show it. Borrowed. */
const char *pp_report_value(const PPFinding *f, gboolean reveal);
/* A byte count for people, independent of the locale: "860 B", "12.3 KB", "4.0 MB". Free with g_free. */
char *pp_report_size(gsize n);
/* s on one line: '\n' shown as " ⏎ ", '\t' (table cell) as " │ ", other control characters as U+FFFD,
 * invalid UTF-8 repaired. NULL for NULL. Free with g_free. */
char *pp_report_oneline(const char *s);
/* Chinese label of a document-level error code ("文件损坏", …). */
const char *pp_report_error_label_zh(int code);
/* Chinese label of a severity ("不得发布", "需复核", "提示"). */
const char *pp_report_severity_label_zh(PPSeverity s);

/* The label to print before a withholding reason: none when the reason names itself (“不予公开理由：…”). */
const char *pp_report_reason_label(const char *reason, const char *label);

/* extract: every part of doc, text or JSON. */
void pp_report_extract(GString *out, const PPDoc *doc, gboolean json);
void pp_report_extract_json(GString *out, const PPDoc *doc);

#endif
