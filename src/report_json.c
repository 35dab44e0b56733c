/* JSON report, version 1 (DESIGN.md), and the JSON of `prepub extract`. */
#include "report.h"

#include <json-glib/json-glib.h>

static void add_str(JsonBuilder *b, const char *key, const char *value)
{
    if (!value)
        return;
    json_builder_set_member_name(b, key);
    json_builder_add_string_value(b, value);
}

static void add_int(JsonBuilder *b, const char *key, gint64 v)
{
    json_builder_set_member_name(b, key);
    json_builder_add_int_value(b, v);
}

static void add_finding(JsonBuilder *b, const PPFinding *f, gboolean reveal)
{
    json_builder_begin_object(b);
    add_str(b, "rule", f->rule);
    add_str(b, "category", pp_category_name(f->category));
    add_str(b, "type", f->type);
    add_str(b, "severity", pp_severity_name(f->severity));
    if (reveal)
        add_str(b, "text", f->text);
    add_str(b, "masked", f->masked ? f->masked : "");
    add_str(b, "part", pp_part_name(f->part));
    add_int(b, "page", f->page);
    add_int(b, "line", f->line);
    add_str(b, "message", f->message);
    add_str(b, "context", f->context);
    add_str(b, "basis", f->basis);
    add_str(b, "advice", f->advice);
    g_autofree char *author = pp_report_person(f->author, reveal);
    add_str(b, "author", author);
    json_builder_end_object(b);
}

static void add_doc(JsonBuilder *b, const PPDoc *d, gboolean reveal)
{
    json_builder_begin_object(b);
    add_str(b, "path", d->path);
    add_str(b, "format", d->format);
    add_str(b, "status", d->error ? "error" : "ok");
    if (d->error) {
        json_builder_set_member_name(b, "error");
        json_builder_begin_object(b);
        add_str(b, "code", pp_error_code_name(d->error->code));
        add_str(b, "message", d->error->message);
        json_builder_end_object(b);
    }
    add_str(b, "verdict", pp_verdict_name(d->verdict));
    add_int(b, "size", (gint64)d->size);
    if (d->sha256[0])
        add_str(b, "sha256", d->sha256);
    if (d->pages)
        add_int(b, "pages", d->pages);
    if (!d->error) {
        json_builder_set_member_name(b, "disclosure");
        json_builder_begin_object(b);
        add_str(b, "attribute", pp_disclosure_name(d->disclosure));
        add_str(b, "marking", d->marking);
        add_str(b, "reason", d->reason);
        json_builder_end_object(b);
    }
    json_builder_set_member_name(b, "findings");
    json_builder_begin_array(b);
    for (guint i = 0; i < d->findings->len; i++)
        add_finding(b, d->findings->pdata[i], reveal);
    json_builder_end_array(b);
    add_str(b, "redacted", d->redacted_path);
    add_str(b, "redact_error", d->redact_error);
    if (d->notes->len) {
        json_builder_set_member_name(b, "notes");
        json_builder_begin_array(b);
        for (guint i = 0; i < d->notes->len; i++)
            json_builder_add_string_value(b, d->notes->pdata[i]);
        json_builder_end_array(b);
    }
    json_builder_end_object(b);
}

static void emit(GString *out, JsonBuilder *b)
{
    g_autoptr(JsonNode) root = json_builder_get_root(b);
    g_autoptr(JsonGenerator) gen = json_generator_new();
    json_generator_set_pretty(gen, TRUE);
    json_generator_set_indent(gen, 1);
    json_generator_set_root(gen, root);
    gsize len = 0;
    g_autofree char *s = json_generator_to_data(gen, &len);
    g_string_append_len(out, s, (gssize)len);
    g_string_append_c(out, '\n');
}

static void json_write(GString *out, GPtrArray *docs, const PPReportOptions *o)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    add_int(b, "version", 1);
    json_builder_set_member_name(b, "tool");
    json_builder_begin_object(b);
    add_str(b, "name", "prepub");
    add_str(b, "version", PREPUB_VERSION);
    if (o->rules)
        add_str(b, "rules", o->rules->fingerprint);
    g_autofree char *when = pp_report_time(o);
    add_str(b, "time", when);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "documents");
    json_builder_begin_array(b);
    for (guint i = 0; i < docs->len; i++)
        add_doc(b, docs->pdata[i], o->reveal);
    json_builder_end_array(b);
    PPSummary s = pp_summary_of(docs);
    json_builder_set_member_name(b, "summary");
    json_builder_begin_object(b);
    add_int(b, "documents", s.documents);
    add_int(b, "pass", s.pass);
    add_int(b, "review", s.review);
    add_int(b, "block", s.block);
    add_int(b, "error", s.error);
    json_builder_end_object(b);
    json_builder_end_object(b);
    emit(out, b);
}

const PPReporter pp_report_json = {.name = "json", .write = json_write};

void pp_report_extract_json(GString *out, const PPDoc *doc)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    add_str(b, "path", doc->path);
    add_str(b, "format", doc->format);
    json_builder_set_member_name(b, "parts");
    json_builder_begin_array(b);
    for (guint i = 0; i < doc->parts->len; i++) {
        const PPPart *p = doc->parts->pdata[i];
        json_builder_begin_object(b);
        add_str(b, "part", pp_part_name(p->kind));
        add_int(b, "page", p->page);
        add_str(b, "origin", p->origin);
        add_str(b, "author", p->author);
        add_str(b, "text", p->text->str);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    emit(out, b);
}
