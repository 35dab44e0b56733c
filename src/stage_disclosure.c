/* disclosure stage: the document's 公开属性 marking.
 *
 * The marking forms, the reason cues, the grounds and the messages are rules ("disclosure.*",
 * rules/disclosure.rules). This file decides like a reviewer: a marking stands alone in its line
 * or table cell (a parenthesised note or reason may follow), the same words inside a sentence or in
 * quotes are not one; markings after the 成文日期, in the 版记, at the top or in a header/footer win
 * over lone lines elsewhere; two different attributes are a conflict; 不予公开 needs a ground from
 * articles 14–16 of the 条例.
 */
#include "doclines.h"
#include "stage.h"

#include <string.h>

typedef enum { ROLE_NONE, ROLE_MARK, ROLE_REASON, ROLE_GROUND } Role;

static const struct {
    const char *name;
    PPDisclosure value;
} values[] = {
    {"proactive", PP_DISC_PROACTIVE},
    {"on_request", PP_DISC_ON_REQUEST},
    {"withheld", PP_DISC_WITHHELD},
};

/* The verdict rules this stage reports with; all must be present when marking rules are. */
static const char *const verdict_ids[] = {"disclosure.missing", "disclosure.conflict", "disclosure.on_request",
                                          "disclosure.withheld", "disclosure.no_ground"};

static gboolean is_mine(const PPRule *r) { return g_str_has_prefix(r->id, "disclosure."); }

static Role role_of(const PPRule *r, PPDisclosure *value)
{
    const char *v = pp_rule_setting(r, "value", NULL);
    if (!v)
        return ROLE_NONE;
    if (strcmp(v, "reason") == 0)
        return ROLE_REASON;
    if (strcmp(v, "ground") == 0)
        return ROLE_GROUND;
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++)
        if (strcmp(v, values[i].name) == 0) {
            if (value)
                *value = values[i].value;
            return ROLE_MARK;
        }
    return ROLE_NONE;
}

static gboolean disclosure_check_rules(const PPRules *rules, GError **error)
{
    gboolean any_mark = FALSE;
    for (guint i = 0; i < rules->rules->len; i++) {
        const PPRule *r = rules->rules->pdata[i];
        if (!is_mine(r))
            continue;
        const char *v = pp_rule_setting(r, "value", NULL);
        if (v && role_of(r, NULL) == ROLE_NONE) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 的 value “%s” 无效（应为 proactive、on_request、"
                        "withheld、reason 或 ground）", r->file, r->line, r->id, v);
            return FALSE;
        }
        if (v && !r->pattern) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 需要 pattern 或 terms", r->file, r->line, r->id);
            return FALSE;
        }
        const char *scope = pp_rule_setting(r, "scope", NULL);
        if (scope && !pp_scope_valid(scope)) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 的 scope “%s” 无效", r->file, r->line, r->id, scope);
            return FALSE;
        }
        any_mark |= role_of(r, NULL) == ROLE_MARK;
    }
    for (gsize i = 0; any_mark && i < G_N_ELEMENTS(verdict_ids); i++)
        if (!pp_rules_get(rules, verdict_ids[i])) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "规则集中有公开属性标注规则，但缺少规则 %s（见 rules/disclosure.rules）",
                        verdict_ids[i]);
            return FALSE;
        }
    return TRUE;
}

typedef struct {
    const PPLine *ln;
    gsize s, e;          /* the marking in ln->sq (the whole cell) */
    gsize mend;          /* end of the pattern match */
    PPDisclosure value;
    gboolean placed;     /* in a place where markings go */
    guint index;         /* line index in PPLines */
} Mark;

/* What may follow a marking in its cell: nothing, a parenthesised note, or a reason. A sentence
 * that merely starts with the words ("此件公开发布后，各单位…") is not a marking. */
static gboolean note_ok(const char *rem, gsize n)
{
    static const char *const trail[] = {"。", "．", ".", "；", ";", "，", ",", "）", ")", "】", "]"};
    gboolean again = TRUE;
    while (n && again) {
        again = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(trail); i++) {
            gsize k = strlen(trail[i]);
            if (n >= k && memcmp(rem + n - k, trail[i], k) == 0) {
                n -= k;
                again = TRUE;
            }
        }
    }
    if (!n)
        return TRUE;
    g_autofree char *r = g_strndup(rem, n);
    if (g_str_has_prefix(r, "（") || g_str_has_prefix(r, "(") || g_str_has_prefix(r, "【"))
        return TRUE;
    static const char *const lead[] = {"，", ",", "；", ";", "：", ":"};
    static const char *const cues[] = {"理由", "依据", "涉及", "属于", "条例", "发至", "不得", "秘密", "隐私"};
    for (gsize i = 0; i < G_N_ELEMENTS(lead); i++)
        if (g_str_has_prefix(r, lead[i])) {
            for (gsize j = 0; j < G_N_ELEMENTS(cues); j++)
                if (strstr(r, cues[j]))
                    return TRUE;
            return g_utf8_strlen(r, -1) <= 8;
        }
    return FALSE;
}

/* "公开属性：不予公开  不予公开理由：…" — a reason cue (a disclosure.reason rule) right after the
 * marking in the same cell also leaves it a marking. */
static gboolean reason_follows(const PPRules *rules, const PPLine *ln, gsize at, gsize end, pcre2_match_data *md)
{
    for (guint ri = 0; ri < rules->rules->len; ri++) {
        const PPRule *r = rules->rules->pdata[ri];
        if (is_mine(r) && role_of(r, NULL) == ROLE_REASON && pp_line_match(r, ln, at, end, FALSE, md) >= 0)
            return TRUE;
    }
    return FALSE;
}

/* A line wrapped out of a quotation: the line before ends with an opening quote, or the line after
 * starts with a closing one (“此件公开发布” split over three PDF lines). */
static gboolean inside_quote(const PPLines *L, guint li)
{
    static const char *const opening[] = {"“", "‘", "「", "『"}, *closing[] = {"”", "’", "」", "』"};
    const PPLine *ln = L->lines->pdata[li];
    const PPLine *prev = li > 0 ? L->lines->pdata[li - 1] : NULL, *next = li + 1 < L->lines->len ? L->lines->pdata[li + 1] : NULL;
    if (prev && ln->body_index >= 0 && prev->body_index != ln->body_index - 1)
        prev = NULL; /* a long line between them was left out */
    if (next && ln->body_index >= 0 && next->body_index != ln->body_index + 1)
        next = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(opening); i++) {
        if (prev && prev->part_index == ln->part_index && g_str_has_suffix(prev->sq, opening[i]))
            return TRUE;
        if (next && next->part_index == ln->part_index && g_str_has_prefix(next->sq, closing[i]))
            return TRUE;
    }
    return FALSE;
}

/* A label cell followed by several value cells ("公开属性\t主动公开\t依申请公开\t不予公开") is a
 * template of choices, not a choice: is there another cell about 公开 after `from` that is not
 * a reason? */
static gboolean lists_more(const PPLine *ln, gsize from)
{
    for (gsize s = from + 1; s < ln->sq_len;) {
        gsize e = pp_line_cell_end(ln, s);
        g_autofree char *c = pp_line_text(ln, s, e);
        if (strstr(c, "公开") && !strstr(c, "理由"))
            return TRUE;
        s = e + 1;
    }
    return FALSE;
}

/* A marking rule with its settings read once (they are looked up for every cell otherwise). */
typedef struct {
    const PPRule *r;
    PPDisclosure v;
    const char *scope;
    int max_lines;
    gboolean bare_only; /* fallback = no */
} MarkRule;

static void find_marks(const PPLines *L, const PPRules *rules, GArray *marks, pcre2_match_data *md)
{
    g_autoptr(GArray) mrs = g_array_new(FALSE, FALSE, sizeof(MarkRule));
    for (guint ri = 0; ri < rules->rules->len; ri++) {
        const PPRule *r = rules->rules->pdata[ri];
        MarkRule mr = {.r = r};
        if (is_mine(r) && role_of(r, &mr.v) == ROLE_MARK) {
            mr.scope = pp_rule_setting(r, "scope", "marking");
            mr.max_lines = pp_rule_setting_int(r, "max_lines", 5);
            mr.bare_only = g_strcmp0(pp_rule_setting(r, "fallback", "yes"), "no") == 0;
            g_array_append_val(mrs, mr);
        }
    }
    for (guint li = 0; li < L->lines->len; li++) {
        const PPLine *ln = L->lines->pdata[li];
        if (inside_quote(L, li))
            continue;
        for (gsize s = 0; s < ln->sq_len;) {
            gsize ce = pp_line_cell_end(ln, s);
            for (guint ri = 0; ri < mrs->len; ri++) {
                const MarkRule *mr = &g_array_index(mrs, MarkRule, ri);
                const PPRule *r = mr->r;
                PPDisclosure v = mr->v;
                gssize me = pp_line_match(r, ln, s, ln->sq_len, FALSE, md);
                if (me < 0)
                    continue;
                /* the label may sit in one cell and the value in the next */
                gsize cell_end = (gsize)me > ce ? pp_line_cell_end(ln, (gsize)me) : ce;
                if (!note_ok(ln->sq + me, cell_end - (gsize)me) && !reason_follows(rules, ln, (gsize)me, cell_end, md))
                    continue;
                if ((gsize)me > ce && lists_more(ln, cell_end))
                    continue;
                Mark m = {.ln = ln, .s = s, .e = cell_end, .mend = (gsize)me, .value = v, .index = li,
                          .placed = pp_line_in_scope(L, ln, mr->scope, mr->max_lines)};
                /* bare forms ("（主动公开）") are markings only alone on a line where markings go,
                 * not a cell of a statistics table that happens to stand there */
                if (mr->bare_only && (!m.placed || memchr(ln->sq, '\t', ln->sq_len)))
                    continue;
                g_array_append_val(marks, m);
                break;
            }
            s = ce + 1;
        }
    }
}

/* The stated reason of a withheld marking: the rest of its cell, and lines just below or above it
 * that start with a reason cue (不予公开理由：…), with a wrapped continuation line. Newly allocated
 * squeezed text, or NULL. */
static char *find_reason(const PPLines *L, const PPRules *rules, const Mark *m, pcre2_match_data *md)
{
    GString *out = g_string_new(NULL);
    /* the rest of the marking's cell, and of its table row (…\t不予公开\t理由：…) */
    for (const char *p = m->ln->sq + m->mend; p < m->ln->sq + m->ln->sq_len; p++)
        if (*p == '\t')
            g_string_append(out, out->len ? "；" : "");
        else
            g_string_append_c(out, *p);
    /* up to REASON_WINDOW lines below the marking (the 版记 may sit between), then above it */
    enum { REASON_WINDOW = 6 };
    for (guint d = 1; d <= 2 * REASON_WINDOW; d++) {
        gboolean below = d <= REASON_WINDOW;
        guint back = d - REASON_WINDOW;
        if (!below && m->index < back)
            continue;
        guint li = below ? m->index + d : m->index - back;
        if (li >= L->lines->len)
            continue;
        const PPLine *ln = L->lines->pdata[li];
        if (ln->part_index != m->ln->part_index && ln->kind != PP_PART_BODY)
            continue;
        for (guint ri = 0; ri < rules->rules->len; ri++) {
            const PPRule *r = rules->rules->pdata[ri];
            if (!is_mine(r) || role_of(r, NULL) != ROLE_REASON || pp_line_match(r, ln, 0, ln->sq_len, FALSE, md) < 0)
                continue;
            if (out->len)
                g_string_append(out, "；");
            g_string_append_len(out, ln->sq, (gssize)ln->sq_len);
            /* a reason wrapped onto the next line (PDF): join it while brackets are open */
            const char *open[] = {"（", "《", "("}, *close[] = {"）", "》", ")"};
            for (guint k = 1; k <= 2 && li + k < L->lines->len; k++) {
                int bal = 0;
                for (gsize b = 0; b < G_N_ELEMENTS(open); b++)
                    for (const char *p = out->str; (p = strstr(p, open[b])); p += strlen(open[b]))
                        bal++;
                for (gsize b = 0; b < G_N_ELEMENTS(close); b++)
                    for (const char *p = out->str; (p = strstr(p, close[b])); p += strlen(close[b]))
                        bal--;
                if (bal <= 0)
                    break;
                const PPLine *next = L->lines->pdata[li + k];
                g_string_append_len(out, next->sq, (gssize)next->sq_len);
            }
            break;
        }
    }
    char *t = g_strstrip(out->str);
    if (!*t) {
        g_string_free(out, TRUE);
        return NULL;
    }
    char *res = g_strdup(t);
    g_string_free(out, TRUE);
    return res;
}

static gboolean has_ground(const PPRules *rules, const char *reason, pcre2_match_data *md)
{
    for (guint ri = 0; reason && ri < rules->rules->len; ri++) {
        const PPRule *r = rules->rules->pdata[ri];
        if (is_mine(r) && role_of(r, NULL) == ROLE_GROUND &&
            pcre2_match(r->pattern, (PCRE2_SPTR)reason, strlen(reason), 0, PCRE2_NO_UTF_CHECK, md, NULL) >= 0)
            return TRUE;
    }
    return FALSE;
}

/* The marking as found, squeezed; a label and value in two table cells read "公开方式：依申请公开". */
static char *mark_text(const Mark *m)
{
    g_autofree char *t = pp_line_text(m->ln, m->s, m->e);
    g_auto(GStrv) cells = g_strsplit(t, "\t", -1);
    GString *out = g_string_new(cells[0]);
    for (char **c = cells + 1; *c; c++) {
        if (!g_str_has_suffix(out->str, "：") && !g_str_has_suffix(out->str, ":"))
            g_string_append(out, "：");
        g_string_append(out, *c);
    }
    return g_string_free(out, FALSE);
}

static void add(PPDoc *doc, const PPRules *rules, const char *id, const Mark *m, const char *text, const char *extra)
{
    const PPRule *r = pp_rules_get(rules, id);
    PPFinding *f = pp_finding_new(id, PP_CAT_DISCLOSURE, r->type, r->severity);
    f->text = g_strdup(text ? text : "");
    f->masked = g_strdup(text ? text : "（无）"); /* a marking is not personal data */
    f->message = extra ? g_strdup_printf("%s%s", r->message ? r->message : "", extra) : g_strdup(r->message);
    f->basis = g_strdup(r->basis);
    f->advice = g_strdup(r->advice);
    if (m)
        pp_finding_locate(f, doc, m->ln->part_index, pp_line_offset(m->ln, m->s), pp_line_offset(m->ln, m->e));
    else
        f->part_index = -1;
    pp_doc_add_finding(doc, f);
}

/* A reason cut from the marking's own line keeps the punctuation around it ("，理由：…）"):
 * drop leading separators and a closing bracket that has no opening one. Takes ownership. */
static char *tidy_reason(char *reason)
{
    static const char *const lead[] = {"，", ",", "；", ";", "、", "：", ":", " "};
    char *p = reason;
    for (gboolean again = TRUE; again;) {
        again = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(lead); i++)
            if (g_str_has_prefix(p, lead[i])) {
                p += strlen(lead[i]);
                again = TRUE;
            }
    }
    static const char *const closers[][2] = {{"（", "）"}, {"(", ")"}};
    for (gsize i = 0; i < G_N_ELEMENTS(closers); i++) {
        int depth = 0;
        for (const char *q = p; *q; q++) {
            if (g_str_has_prefix(q, closers[i][0]))
                depth++;
            else if (g_str_has_prefix(q, closers[i][1]))
                depth--;
        }
        if (depth < 0 && g_str_has_suffix(p, closers[i][1]))
            p[strlen(p) - strlen(closers[i][1])] = '\0';
    }
    char *out = g_strdup(p);
    g_free(reason);
    return out;
}

static void disclosure_run(PPDoc *doc, const PPRunOptions *opt)
{
    const PPRules *rules = opt->rules;
    if (!rules || !pp_rules_get(rules, "disclosure.missing")) {
        pp_doc_note(doc, "所用规则中没有公开属性规则（disclosure.*），未检查公开属性");
        return;
    }
    const PPLines *L = pp_doc_lines(doc);
    pcre2_match_data *md = pp_match_data_new();
    g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(Mark));
    find_marks(L, rules, all, md);

    /* markings in their proper place win; lone lines elsewhere count only when there are none */
    g_autoptr(GArray) marks = g_array_new(FALSE, FALSE, sizeof(Mark));
    for (guint i = 0; i < all->len; i++)
        if (g_array_index(all, Mark, i).placed)
            g_array_append_val(marks, g_array_index(all, Mark, i));
    if (!marks->len)
        g_array_append_vals(marks, all->data, all->len);

    if (!marks->len) {
        doc->disclosure = PP_DISC_MISSING;
        add(doc, rules, "disclosure.missing", NULL, NULL, NULL);
        pcre2_match_data_free(md);
        return;
    }
    const Mark *first = &g_array_index(marks, Mark, 0);
    const Mark *other = NULL;
    for (guint i = 1; i < marks->len && !other; i++)
        if (g_array_index(marks, Mark, i).value != first->value)
            other = &g_array_index(marks, Mark, i);
    g_autofree char *t1 = mark_text(first);
    if (other) {
        g_autofree char *t2 = mark_text(other);
        doc->disclosure = PP_DISC_CONFLICT;
        doc->marking = g_strdup_printf("%s；%s", t1, t2);
        g_autofree char *extra = g_strdup_printf("：“%s”与“%s”", t1, t2);
        add(doc, rules, "disclosure.conflict", other, doc->marking, extra);
        pcre2_match_data_free(md);
        return;
    }
    doc->disclosure = first->value;
    doc->marking = g_strdup(t1);
    if (first->value == PP_DISC_ON_REQUEST)
        add(doc, rules, "disclosure.on_request", first, t1, NULL);
    if (first->value == PP_DISC_WITHHELD) {
        add(doc, rules, "disclosure.withheld", first, t1, NULL);
        g_autofree char *reason = NULL;
        for (guint i = 0; i < marks->len && !reason; i++)
            reason = find_reason(L, rules, &g_array_index(marks, Mark, i), md);
        if (has_ground(rules, reason, md)) {
            doc->reason = tidy_reason(g_steal_pointer(&reason));
        } else {
            g_autofree char *extra = reason ? g_strdup_printf("；所写理由为：“%s”", reason) : g_strdup("；未写理由");
            add(doc, rules, "disclosure.no_ground", first, reason ? reason : t1, extra);
        }
    }
    pcre2_match_data_free(md);
}

const PPStage pp_stage_disclosure = {
    .name = "disclosure",
    .check_rules = disclosure_check_rules,
    .run = disclosure_run,
    .uses_lines = TRUE,
};
