/* quality stage (文字关): the text errors a proof-reader catches before publication — serious
 * typos on a watch list, traditional characters mixed into simplified text, 《》〔〕（） left open,
 * 发文字号 in the wrong brackets, impossible dates, skipped or repeated heading numbers.
 *
 * Every rule is "quality.*" (rules/quality.rules). A rule's `check` setting names how its matches
 * are judged (the table below); without one, every match of its pattern or terms is a finding.
 * Findings are info or review as the rule says: a typo never blocks publication on its own.
 * Only what a reader sees is checked (body, headers, footers, notes, text boxes).
 */
#include "stage.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PER_RULE 20 /* findings of one rule in one document; the rest are counted in a note */

typedef struct {
    PPDoc *doc;
    const PPRule *rule;
    pcre2_match_data *md;
    int part;           /* index of the part being scanned */
    guint reported, dropped;
} QRun;

static gboolean is_mine(const PPRule *r) { return g_str_has_prefix(r->id, "quality."); }

static gboolean reader_sees(PPPartKind k)
{
    return k == PP_PART_BODY || k == PP_PART_HEADER || k == PP_PART_FOOTER || k == PP_PART_FOOTNOTE ||
           k == PP_PART_TEXTBOX;
}

/* A short excerpt of the text around [s, e) on its line. Newly allocated. Steps by UTF-8 lead
 * bytes without trusting the text to end on a whole character. */
static char *excerpt(const char *text, gsize len, gsize s, gsize e)
{
    enum { AROUND = 12 }; /* characters each side */
    gsize a = s, b = e;
    for (int i = 0; i < AROUND && a > 0 && text[a - 1] != '\n'; i++) {
        a--;
        while (a > 0 && ((guchar)text[a] & 0xC0) == 0x80)
            a--;
    }
    for (int i = 0; i < AROUND && b < len && text[b] != '\n'; i++) {
        b++;
        while (b < len && ((guchar)text[b] & 0xC0) == 0x80)
            b++;
    }
    char *out = g_strndup(text + a, b - a);
    return g_strdelimit(out, "\t", ' ');
}

/* Report text[s, e) of the current part; `what` (nullable) is added to the rule's message. */
static void report(QRun *q, gsize s, gsize e, const char *what)
{
    if (q->reported >= MAX_PER_RULE) {
        q->dropped++;
        return;
    }
    const PPPart *p = q->doc->parts->pdata[q->part];
    const PPRule *r = q->rule;
    PPFinding *f = pp_finding_new(r->id, r->category, r->type, r->severity);
    f->text = g_strndup(p->text->str + s, e - s);
    f->masked = g_strdup(f->text); /* a typo or a bracket is not personal data */
    f->context = excerpt(p->text->str, p->text->len, s, e);
    f->message = what ? g_strdup_printf("%s：%s", r->message ? r->message : "", what) : g_strdup(r->message);
    f->basis = g_strdup(r->basis);
    f->advice = g_strdup(r->advice);
    pp_finding_locate(f, q->doc, q->part, s, e);
    pp_doc_add_finding(q->doc, f);
    q->reported++;
}

/* ---- match: every match is a finding ---- */

static gboolean on_match(const PPRule *r, const char *text, gsize s, gsize e, pcre2_match_data *md, gpointer user)
{
    (void)r, (void)text, (void)md;
    report(user, s, e, NULL);
    return TRUE;
}

/* Run the rule's pattern over every part a reader sees, fn judging each match. */
static void scan_parts(QRun *q, PPMatchFn fn)
{
    for (guint i = 0; i < q->doc->parts->len; i++) {
        const PPPart *p = q->doc->parts->pdata[i];
        if (!reader_sees(p->kind))
            continue;
        q->part = (int)i;
        pp_rule_scan(q->rule, p->text->str, p->text->len, q->md, fn, q);
    }
}

static void check_match(QRun *q) { scan_parts(q, on_match); }

/* ---- date: groups 1–3 are year, month, day; only impossible dates are findings ---- */

static gboolean on_date(const PPRule *r, const char *text, gsize s, gsize e, pcre2_match_data *md, gpointer user)
{
    (void)r;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (pcre2_get_ovector_count(md) < 4 || ov[2] == PCRE2_UNSET || ov[4] == PCRE2_UNSET || ov[6] == PCRE2_UNSET)
        return TRUE;
    int y = atoi(text + ov[2]), m = atoi(text + ov[4]), d = atoi(text + ov[6]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return TRUE;
    report(user, s, e, m < 1 || m > 12 ? "没有这个月份" : "这个月没有这一天");
    return TRUE;
}

static void check_date(QRun *q) { scan_parts(q, on_date); }

/* ---- traditional: the terms are traditional characters; reported only in simplified text ---- */

/* Code points of U+3400–U+9FFF (CJK), one bit each: the traditional characters of a rule's terms. */
#define CJK_LO 0x3400
#define CJK_HI 0x9FFF

static void check_traditional(QRun *q)
{
    guint8 set[(CJK_HI - CJK_LO + 1) / 8 + 1] = {0};
    for (char **t = q->rule->terms; t && *t; t++) {
        gunichar c = g_utf8_get_char_validated(*t, -1);
        if (c >= CJK_LO && c <= CJK_HI)
            set[(c - CJK_LO) / 8] |= (guint8)(1u << ((c - CJK_LO) % 8));
    }
    gsize han = 0;
    g_autoptr(GArray) hits = g_array_new(FALSE, FALSE, sizeof(gsize)); /* (part, start) pairs */
    for (guint i = 0; i < q->doc->parts->len; i++) {
        const PPPart *p = q->doc->parts->pdata[i];
        if (!reader_sees(p->kind))
            continue;
        const guchar *s = (const guchar *)p->text->str, *end = s + p->text->len;
        while (s < end) {
            if (*s < 0xE3 || *s > 0xE9 || end - s < 3) { /* not a 3-byte sequence in U+3000–U+9FFF */
                s++;
                continue;
            }
            gunichar c = ((gunichar)(s[0] & 0x0F) << 12) | ((gunichar)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            han++;
            if (c >= CJK_LO && c <= CJK_HI && (set[(c - CJK_LO) / 8] >> ((c - CJK_LO) % 8) & 1) && hits->len < 2000) {
                gsize pair[2] = {i, (gsize)(s - (const guchar *)p->text->str)};
                g_array_append_vals(hits, pair, 2);
            }
            s += 3;
        }
    }
    /* a text written in traditional characters (a quoted Hong Kong or Taiwan document) is not
     * a mix-up; a few stray ones in simplified text are */
    gsize trad = hits->len / 2;
    if (!trad || trad * 20 > han)
        return;
    for (guint k = 0; k + 1 < hits->len; k += 2) {
        q->part = (int)g_array_index(hits, gsize, k);
        gsize at = g_array_index(hits, gsize, k + 1);
        report(q, at, at + 3, NULL);
    }
}

/* ---- brackets: 《》〔〕（）【】 left open or closed without opening ---- */

/* Full- and half-width parentheses pair with each other: mixing them is common and harmless. */
static const struct {
    const char *text;
    int kind;
    gboolean opening;
} brackets[] = {{"《", 0, TRUE}, {"》", 0, FALSE}, {"〔", 1, TRUE}, {"〕", 1, FALSE}, {"（", 2, TRUE},
                {"）", 2, FALSE}, {"(", 2, TRUE},  {")", 2, FALSE}, {"【", 3, TRUE}, {"】", 3, FALSE}};

static int bracket_at(const char *c, gboolean *opening, gsize *len)
{
    if (*c != '(' && *c != ')' && (guchar)*c != 0xE3 && (guchar)*c != 0xEF) /* cheap: the lead bytes */
        return -1;
    for (gsize i = 0; i < G_N_ELEMENTS(brackets); i++)
        if (g_str_has_prefix(c, brackets[i].text)) {
            *opening = brackets[i].opening;
            *len = strlen(brackets[i].text);
            return brackets[i].kind;
        }
    return -1;
}

typedef struct {
    int kind, part, breaks;
    gsize at, len;
} Open;

static void report_open(QRun *q, const Open *o, const char *what)
{
    q->part = o->part;
    report(q, o->at, o->at + o->len, what);
}

/* Continuation bytes (10xxxxxx) at c; a NUL is not one, so stepping by this stops at the end. */
static gsize strspn_cont(const char *c)
{
    gsize n = 0;
    while (((guchar)c[n] & 0xC0) == 0x80)
        n++;
    return n;
}

static void check_brackets(QRun *q)
{
    enum { DEPTH = 8, MAX_BREAKS = 3 }; /* a note in parentheses may run over a few short paragraphs */
    Open stack[DEPTH];
    int n = 0, prev_part = -1;
    for (guint i = 0; i < q->doc->parts->len; i++) {
        const PPPart *p = q->doc->parts->pdata[i];
        if (!reader_sees(p->kind))
            continue;
        /* a PDF page continues the page before it: a title may open on one and close on the next */
        const PPPart *prev = prev_part >= 0 ? q->doc->parts->pdata[prev_part] : NULL;
        gboolean continues = prev && p->glyphs && prev->kind == p->kind && prev->page + 1 == p->page;
        if (!continues) {
            for (int k = 0; k < n; k++)
                report_open(q, &stack[k], "括号没有闭合");
            n = 0;
        }
        prev_part = (int)i;
        /* PDF lines wrap inside a paragraph: allow more of them */
        int max_breaks = p->glyphs ? 2 * MAX_BREAKS : MAX_BREAKS;
        const char *t = p->text->str;
        /* step over continuation bytes, never past the NUL: a part may end inside a character */
        for (const char *c = t; *c; c++, c += strspn_cont(c)) {
            if (*c == '\n' || *c == '\f') {
                for (int k = n - 1; k >= 0; k--)
                    if (++stack[k].breaks > max_breaks) { /* left open: drop it and what it holds */
                        report_open(q, &stack[k], "括号没有闭合");
                        n = k;
                    }
                continue;
            }
            gboolean opening;
            gsize len;
            int kind = bracket_at(c, &opening, &len);
            if (kind < 0)
                continue;
            if (opening) {
                if (n == DEPTH) /* nested this deep: not prose, stop judging this part */
                    break;
                stack[n++] = (Open){.kind = kind, .part = (int)i, .at = (gsize)(c - t), .len = len};
                continue;
            }
            int k = n - 1;
            while (k >= 0 && stack[k].kind != kind)
                k--;
            if (k < 0) {
                /* 1) 2) list items close a parenthesis they never opened */
                gboolean list_item = kind == 2 && c > t && g_ascii_isalnum(c[-1]) && (c - 1 == t || c[-2] == '\n' || c[-2] == ' ');
                if (!list_item) {
                    q->part = (int)i;
                    report(q, (gsize)(c - t), (gsize)(c - t) + len, "括号没有对应的前半个");
                }
                continue;
            }
            for (int j = n - 1; j > k; j--)
                report_open(q, &stack[j], "括号没有闭合");
            n = k;
        }
    }
    for (int k = 0; k < n; k++)
        report_open(q, &stack[k], "括号没有闭合");
}

/* ---- ordinal: heading numbers 一、 （一） 1. （1） in sequence at each level ---- */

/* Chinese numeral 一…九十九 at p; its value, and the end through `after`. 0 if none. */
static int cn_number(const char *p, const char *after, const char **end)
{
    static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int v = 0, cur = -1;
    gboolean any = FALSE;
    for (;;) {
        gboolean hit = FALSE;
        for (int d = 0; d < 10; d++)
            if (g_str_has_prefix(p, digits[d])) {
                cur = d, p += strlen(digits[d]), hit = any = TRUE;
                break;
            }
        if (!hit && g_str_has_prefix(p, "十")) {
            v += (cur < 0 ? 1 : cur) * 10, cur = -1, p += strlen("十"), hit = any = TRUE;
        }
        if (!hit)
            break;
    }
    if (!any || !g_str_has_prefix(p, after))
        return 0;
    *end = p + strlen(after);
    return v + (cur < 0 ? 0 : cur);
}

static int arabic_number(const char *p, const char *after, const char **end)
{
    int v = 0, n = 0;
    while (g_ascii_isdigit(*p) && n < 3)
        v = v * 10 + (*p++ - '0'), n++;
    if (!n || g_ascii_isdigit(*p) || !g_str_has_prefix(p, after))
        return 0;
    p += strlen(after);
    if (g_ascii_isdigit(*p)) /* 1.5 亿元 is a number, not a heading */
        return 0;
    *end = p;
    return v;
}

/* Heading level (0–3) and number of a line starting at p; -1 if not a heading. */
static int heading_of(const char *p, int *number)
{
    const char *end;
    if ((*number = cn_number(p, "、", &end)))
        return 0;
    if ((g_str_has_prefix(p, "（") && (*number = cn_number(p + strlen("（"), "）", &end))))
        return 1;
    if ((*number = arabic_number(p, ".", &end)) || (*number = arabic_number(p, "．", &end)))
        return 2;
    if (g_str_has_prefix(p, "（") && (*number = arabic_number(p + strlen("（"), "）", &end)))
        return 3;
    return -1;
}

/* A table row flattened into a line (cells split by tabs, or "2. 重复申请 1 0 0 0" with numbers
 * standing alone) numbers its rows, not headings. */
static gboolean looks_like_table_row(const char *s, const char *eol)
{
    int numbers = 0;
    for (const char *p = s; p < eol; p++)
        if (*p == '\t')
            return TRUE;
        else if (*p == ' ' && p + 1 < eol && g_ascii_isdigit(p[1])) {
            const char *q = p + 1;
            while (q < eol && g_ascii_isdigit(*q))
                q++;
            numbers += q == eol || *q == ' ';
        }
    return numbers >= 3;
}

static void check_ordinal(QRun *q)
{
    int last[4] = {0};
    for (guint i = 0; i < q->doc->parts->len; i++) {
        const PPPart *p = q->doc->parts->pdata[i];
        if (p->kind != PP_PART_BODY)
            continue;
        q->part = (int)i;
        const char *t = p->text->str;
        for (const char *line = t; *line;) {
            const char *nl = strchr(line, '\n');
            const char *eol = nl ? nl : line + strlen(line);
            const char *s = line;
            while (s < eol && (*s == ' ' || g_str_has_prefix(s, "　")))
                s += *s == ' ' ? 1 : strlen("　");
            int num;
            int level = looks_like_table_row(s, eol) ? -1 : heading_of(s, &num);
            if (level >= 0) {
                if (last[level] && num != last[level] + 1 && !(num == 1 && last[level] > 1)) { /* a new list restarts at 1 */
                    g_autofree char *what = g_strdup_printf("上一个同级序号是 %d，这里是 %d", last[level], num);
                    const char *e = s;
                    for (int c = 0; c < 8 && e < eol; c++) /* the number and the start of the heading */
                        e += 1 + strspn_cont(e + 1);
                    report(q, (gsize)(s - t), (gsize)(e - t), what);
                }
                last[level] = num;
                for (int k = level + 1; k < 4; k++)
                    last[k] = 0;
            }
            line = nl ? nl + 1 : eol;
        }
    }
}

static const struct {
    const char *name;
    void (*fn)(QRun *q);
    gboolean needs_pattern;
} checks[] = {
    {"match", check_match, TRUE},
    {"date", check_date, TRUE},
    {"traditional", check_traditional, TRUE}, /* the terms are the characters */
    {"brackets", check_brackets, FALSE},
    {"ordinal", check_ordinal, FALSE},
};

static int check_index(const PPRule *r)
{
    const char *name = pp_rule_setting(r, "check", "match");
    for (gsize i = 0; i < G_N_ELEMENTS(checks); i++)
        if (strcmp(checks[i].name, name) == 0)
            return (int)i;
    return -1;
}

static gboolean quality_check_rules(const PPRules *rules, GError **error)
{
    for (guint i = 0; i < rules->rules->len; i++) {
        const PPRule *r = rules->rules->pdata[i];
        if (!is_mine(r))
            continue;
        int k = check_index(r);
        if (k < 0) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 的 check “%s” 无效（应为 match、date、traditional、"
                        "brackets 或 ordinal）", r->file, r->line, r->id, pp_rule_setting(r, "check", ""));
            return FALSE;
        }
        if (checks[k].needs_pattern && !r->pattern) {
            g_set_error(error, PP_ERROR, PP_ERR_RULES, "%s:%d: 规则 %s 需要 pattern 或 terms", r->file, r->line, r->id);
            return FALSE;
        }
    }
    return TRUE;
}

/* Document order: part, then position (a reader fixes the text top to bottom). */
static gint by_place(gconstpointer a, gconstpointer b)
{
    const PPFinding *x = *(PPFinding *const *)a, *y = *(PPFinding *const *)b;
    if (x->part_index != y->part_index)
        return x->part_index < y->part_index ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return strcmp(x->rule, y->rule); /* two rules at one place: a fixed order (qsort is not stable) */
}

static void quality_run(PPDoc *doc, const PPRunOptions *opt)
{
    if (!opt->rules)
        return;
    guint first = doc->findings->len; /* this stage's findings start here */
    pcre2_match_data *md = NULL;
    for (guint i = 0; i < opt->rules->rules->len; i++) {
        const PPRule *r = opt->rules->rules->pdata[i];
        int k = is_mine(r) ? check_index(r) : -1;
        if (k < 0)
            continue;
        if (!md)
            md = pp_match_data_new();
        QRun q = {.doc = doc, .rule = r, .md = md};
        checks[k].fn(&q);
        if (q.dropped)
            pp_doc_note(doc, "%s：另有 %u 处同类问题未逐一列出", r->message ? r->message : r->id, q.dropped);
    }
    if (md)
        pcre2_match_data_free(md);
    if (doc->findings->len - first > 1)
        qsort(doc->findings->pdata + first, doc->findings->len - first, sizeof(gpointer), by_place);
}

const PPStage pp_stage_quality = {
    .name = "quality",
    .check_rules = quality_check_rules,
    .run = quality_run,
};
