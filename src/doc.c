/* Documents, parts, findings and the name tables of the enums in prepub.h. */
#include "prepub.h"

#include <string.h>

G_DEFINE_QUARK(prepub-error-quark, pp_error)

const PPLimits pp_default_limits = {
    .max_file_bytes = 512u << 20,
    .max_zip_entries = 4096,
    .max_part_bytes = 64u << 20,
    .max_total_bytes = 256u << 20,
    .max_ratio = 200,
    .max_pages = 5000,
    .max_text_bytes = 128u << 20,
};

static const char *const error_names[PP_ERR_N_DOC_CODES] = {
    "corrupt", "encrypted", "unsupported", "no_text", "too_large", "io",
};

const char *pp_error_code_name(int code)
{
    if (code >= 0 && code < PP_ERR_N_DOC_CODES)
        return error_names[code];
    return "io";
}

static const struct {
    const char *name, *zh;
    gboolean hidden;
} part_table[PP_PART_N] = {
    [PP_PART_BODY] = {"body", "正文", FALSE},
    [PP_PART_HEADER] = {"header", "页眉", FALSE},
    [PP_PART_FOOTER] = {"footer", "页脚", FALSE},
    [PP_PART_FOOTNOTE] = {"footnote", "脚注/尾注", FALSE},
    [PP_PART_TEXTBOX] = {"textbox", "文本框", FALSE},
    [PP_PART_COMMENT] = {"comment", "批注", TRUE},
    [PP_PART_TRACKED_CHANGE] = {"tracked_change", "修订痕迹", TRUE},
    [PP_PART_HIDDEN_TEXT] = {"hidden_text", "隐藏文字", TRUE},
    [PP_PART_METADATA] = {"metadata", "文档属性", TRUE},
    [PP_PART_ANNOTATION] = {"annotation", "注释", TRUE},
    [PP_PART_ATTACHMENT] = {"attachment", "嵌入附件", TRUE},
    [PP_PART_TEXT_UNDER_BOX] = {"text_under_box", "遮盖框下的文字", TRUE},
};

const char *pp_part_name(PPPartKind k) { return k < PP_PART_N ? part_table[k].name : "body"; }
const char *pp_part_label_zh(PPPartKind k) { return k < PP_PART_N ? part_table[k].zh : "正文"; }
gboolean pp_part_is_hidden(PPPartKind k) { return k < PP_PART_N && part_table[k].hidden; }

int pp_part_from_name(const char *name)
{
    for (int i = 0; i < PP_PART_N; i++)
        if (g_strcmp0(part_table[i].name, name) == 0)
            return i;
    return -1;
}

static const char *const cat_names[PP_CAT_N] = {"privacy", "secret", "disclosure", "hidden", "quality"};
static const char *const cat_zh[PP_CAT_N] = {"个人信息", "涉密与敏感标志", "公开属性", "隐藏内容", "文字质量"};
static const char *const sev_names[] = {"info", "review", "block"};

const char *pp_category_name(PPCategory c) { return c < PP_CAT_N ? cat_names[c] : "quality"; }
const char *pp_category_label_zh(PPCategory c) { return c < PP_CAT_N ? cat_zh[c] : "其他"; }
const char *pp_severity_name(PPSeverity s) { return s <= PP_SEV_BLOCK ? sev_names[s] : "info"; }

int pp_category_from_name(const char *name)
{
    for (int i = 0; i < PP_CAT_N; i++)
        if (g_strcmp0(cat_names[i], name) == 0)
            return i;
    return -1;
}

int pp_severity_from_name(const char *name)
{
    for (int i = 0; i <= PP_SEV_BLOCK; i++)
        if (g_strcmp0(sev_names[i], name) == 0)
            return i;
    return -1;
}

static const char *const disc_names[] = {"missing", "proactive", "on_request", "withheld", "conflict"};
static const char *const disc_zh[] = {"未标注", "主动公开", "依申请公开", "不予公开", "标注冲突"};
static const char *const verdict_names[] = {"pass", "review", "block"};
static const char *const verdict_zh[] = {"可发布", "需人工复核", "不得发布"};

const char *pp_disclosure_name(PPDisclosure d) { return d <= PP_DISC_CONFLICT ? disc_names[d] : "missing"; }
const char *pp_disclosure_label_zh(PPDisclosure d) { return d <= PP_DISC_CONFLICT ? disc_zh[d] : "未标注"; }
const char *pp_verdict_name(PPVerdict v) { return v <= PP_VERDICT_BLOCK ? verdict_names[v] : "block"; }
const char *pp_verdict_label_zh(PPVerdict v) { return v <= PP_VERDICT_BLOCK ? verdict_zh[v] : "不得发布"; }

static void part_free(gpointer p)
{
    PPPart *part = p;
    if (!part)
        return;
    g_string_free(part->text, TRUE);
    g_free(part->origin);
    g_free(part->author);
    if (part->glyphs)
        g_array_unref(part->glyphs);
    g_free(part);
}

PPDoc *pp_doc_new(const char *path, const char *fs_path)
{
    PPDoc *doc = g_new0(PPDoc, 1);
    doc->path = g_strdup(path);
    doc->fs_path = g_strdup(fs_path);
    doc->format = "unknown";
    doc->parts = g_ptr_array_new_with_free_func(part_free);
    doc->findings = g_ptr_array_new_with_free_func((GDestroyNotify)pp_finding_free);
    doc->notes = g_ptr_array_new_with_free_func(g_free);
    doc->disclosure = PP_DISC_MISSING;
    return doc;
}

void pp_doc_free(PPDoc *doc)
{
    if (!doc)
        return;
    g_free(doc->path);
    g_free(doc->fs_path);
    g_clear_pointer(&doc->data, g_bytes_unref);
    g_ptr_array_unref(doc->parts);
    g_ptr_array_unref(doc->findings);
    g_ptr_array_unref(doc->notes);
    g_clear_error(&doc->error);
    g_free(doc->marking);
    g_free(doc->reason);
    g_free(doc->redacted_path);
    g_free(doc->redact_error);
    g_free(doc);
}

PPPart *pp_doc_add_part(PPDoc *doc, PPPartKind kind, int page, const char *origin)
{
    PPPart *p = g_new0(PPPart, 1);
    p->kind = kind;
    p->page = page;
    p->text = g_string_new(NULL);
    p->origin = g_strdup(origin);
    g_ptr_array_add(doc->parts, p);
    return p;
}

void pp_doc_add_finding(PPDoc *doc, PPFinding *f) { g_ptr_array_add(doc->findings, f); }

int pp_part_line_at(const PPPart *p, gsize offset)
{
    int line = 1;
    const char *s = p->text->str;
    gsize n = MIN(offset, p->text->len);
    for (const char *q = memchr(s, '\n', n); q; q = memchr(q + 1, '\n', n - (gsize)(q + 1 - s)))
        line++;
    return line;
}

void pp_doc_prune_empty_parts(PPDoc *doc)
{
    for (guint i = doc->parts->len; i-- > 0;) {
        PPPart *p = doc->parts->pdata[i];
        gboolean empty = TRUE;
        for (gsize k = 0; k < p->text->len && empty; k++)
            if (!g_ascii_isspace(p->text->str[k]))
                empty = FALSE;
        if (empty)
            g_ptr_array_remove_index(doc->parts, i);
    }
}

PPFinding *pp_finding_new(const char *rule, PPCategory cat, const char *type, PPSeverity sev)
{
    PPFinding *f = g_new0(PPFinding, 1);
    f->rule = g_strdup(rule);
    f->category = cat;
    f->type = g_strdup(type);
    f->severity = sev;
    f->part_index = -1;
    return f;
}

void pp_finding_locate(PPFinding *f, const PPDoc *doc, int part_index, gsize start, gsize end)
{
    f->part_index = part_index;
    if (part_index < 0 || (guint)part_index >= doc->parts->len)
        return;
    const PPPart *p = doc->parts->pdata[part_index];
    f->part = p->kind;
    f->page = p->page;
    f->line = pp_part_line_at(p, start);
    f->start = start;
    f->end = end;
    if (!f->author && p->author)
        f->author = g_strdup(p->author);
}

void pp_finding_free(PPFinding *f)
{
    if (!f)
        return;
    g_free(f->rule);
    g_free(f->type);
    g_free(f->text);
    g_free(f->masked);
    g_free(f->context);
    g_free(f->message);
    g_free(f->basis);
    g_free(f->advice);
    g_free(f->author);
    g_free(f);
}

void pp_doc_note(PPDoc *doc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(doc->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}
