/* privacy stage, part 2: personal names and home addresses, found by evidence — a table column
 * typed by its header, a cue word (申请人：…, 住址：…), a salutation in a reply, a nearby identifier,
 * the author fields of metadata. Words that merely start with a surname (任何、黄金) never get here:
 * only text that the evidence points at is looked at. Officials named in their role (任命…同志为…)
 * carry no cue and are left alone.
 */
#include <string.h>

#include "names.h"
#include "privacy.h"

/* ---- small text helpers on the scratch text (full-width punctuation already ASCII) ---- */

static gboolean is_name_char(gunichar c) { return pp_is_han(c) || c == 0x00B7 || c == 0x30FB; }

/* Characters of the Han run starting at p, up to max; *end gets its end. */
static int han_run(const char *p, const char *limit, int max, const char **end)
{
    int n = 0;
    while (p < limit && n < max && is_name_char(g_utf8_get_char(p))) {
        p = g_utf8_next_char(p);
        n++;
    }
    *end = p;
    return n;
}

static const char *skip_chars(const char *p, int n)
{
    for (int i = 0; i < n; i++)
        p = g_utf8_next_char(p);
    return p;
}

static char *trim_dup(const char *s, gsize n, gsize *lead)
{
    gsize a = 0, b = n;
    while (a < b && (s[a] == ' ' || s[a] == '\r'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\r'))
        b--;
    if (lead)
        *lead = a;
    return g_strndup(s + a, b - a);
}

static char *strip_spaces(const char *s)
{
    GString *o = g_string_new(NULL);
    for (; *s; s++)
        if (*s != ' ')
            g_string_append_c(o, *s);
    return g_string_free(o, FALSE);
}

static PPSeverity name_severity(const PVText *t, const PPRule *r, gboolean strong)
{
    if (strong && (t->kind & (DOC_LIST | DOC_REPLY)))
        return r->severity;
    int s = pp_severity_from_name(pp_rule_setting(r, "review_severity", "review"));
    return s < 0 ? PP_SEV_REVIEW : (PPSeverity)s;
}

static void report_name(PVText *t, const PPRule *r, gsize s, gsize e, PPSeverity sev)
{
    if (e <= s || pv_is_claimed(t, s, e))
        return;
    g_autofree char *raw = g_strndup(t->s + s, e - s);
    g_autofree char *v = strip_spaces(raw);
    pv_report(t, r, s, e, v, sev);
}

/* Words that follow a name in running text: 举报人张三反映…, 申请人李四于…. */
static const char *const name_followers[] = {
    "反映", "称", "于", "因", "在", "向", "对", "的", "系", "现", "等", "诉称", "申请", "提出", "报称", "来信",
    "来电", "投诉", "举报", "同志", "先生", "女士", "一家", "夫妇", "户", "家", "与", "和", "及", "为", "所",
    "已", "将", "曾", "自", "经", "是", "不服", "要求", "请求", "认为", "主张", "陈述", "持有", "名下", "本人",
    "签名", "签字", "之", "到", "也", "个人", "身份证",
};

static gboolean starts_with_follower(const char *p, const char *limit)
{
    for (gsize i = 0; i < G_N_ELEMENTS(name_followers); i++) {
        gsize l = strlen(name_followers[i]);
        if ((gsize)(limit - p) >= l && memcmp(p, name_followers[i], l) == 0)
            return TRUE;
    }
    return FALSE;
}

/* A name right after a cue at p: the whole Han run if it ends there, or its head before a word that
 * follows names. Returns the end of the name or NULL. */
static const char *name_after(const char *p, const char *limit)
{
    const char *end;
    int n = han_run(p, limit, 9, &end);
    if (n < 2)
        return NULL;
    if (n <= 4 && pp_name_plausible(p, (gsize)(end - p), TRUE))
        return end;
    for (int l = MIN(n - 1, 4); l >= 2; l--) {
        const char *e = skip_chars(p, l);
        if (starts_with_follower(e, limit) && pp_name_plausible(p, (gsize)(e - p), TRUE))
            return e;
    }
    return NULL;
}

/* Characters before a name that do not belong to it (致张三先生, 经核实张三（身份证…）. */
static const char name_preceders[] = "致向对给与和及请由被让经据称实查户主名为是人者方";

/* A name ending at `end` (just before 先生/（身份证…): the longest plausible tail of the Han run. */
static const char *name_before(const char *start_limit, const char *end)
{
    const char *p = end;
    int run = 0;
    while (p > start_limit && run < 5) {
        const char *q = g_utf8_prev_char(p);
        if (!is_name_char(g_utf8_get_char(q)))
            break;
        p = q;
        run++;
    }
    for (int l = MIN(run, 4); l >= 2; l--) {
        const char *s = end;
        for (int i = 0; i < l; i++)
            s = g_utf8_prev_char(s);
        if (!pp_name_plausible(s, (gsize)(end - s), TRUE))
            continue;
        if (l == run || l == 2)
            return s;
        gunichar before = g_utf8_get_char(g_utf8_prev_char(s));
        for (const char *c = name_preceders; *c; c = g_utf8_next_char(c))
            if (g_utf8_get_char(c) == before)
                return s;
    }
    return NULL;
}

/* ---- table cells under a typed header ---- */

typedef void (*TypedCellFn)(PVText *t, const PPRule *r, gsize s, gsize e, PPSeverity sev);

/* Call fn for every cell of table row `line` whose header cell holds one of `columns` and none of
 * `anti`. Header and row are walked side by side (linear in the row's length). */
static void typed_cells(PVText *t, const PPRule *r, guint line, char **columns, char **anti, TypedCellFn fn, PPSeverity sev)
{
    gsize hn = 0;
    const char *hp = pv_header_row(t, line, &hn);
    if (!hp)
        return;
    const char *hend = hp + hn;
    gsize ls = g_array_index(t->line_start, gsize, line), le = pv_line_end(t, line);
    for (gsize cs = ls; cs <= le;) {
        const char *tab = memchr(t->s + cs, '\t', le - cs);
        gsize ce = tab ? (gsize)(tab - t->s) : le;
        const char *htab = hp < hend ? memchr(hp, '\t', (gsize)(hend - hp)) : NULL;
        gsize hcn = hp < hend ? (gsize)((htab ? htab : hend) - hp) : 0;
        if (hcn && pv_header_has(hp, hcn, columns) && !(anti && pv_header_has(hp, hcn, anti)))
            fn(t, r, cs, ce, sev);
        hp = htab ? htab + 1 : hend;
        if (!tab)
            break;
        cs = ce + 1;
    }
}

/* ---- names ---- */

static void name_in_typed_cell(PVText *t, const PPRule *r, gsize cs, gsize ce, PPSeverity sev)
{
    gsize lead = 0;
    const char *br = memchr(t->s + cs, '(', ce - cs); /* 张三(户主) */
    g_autofree char *v = trim_dup(t->s + cs, (br ? (gsize)(br - t->s) : ce) - cs, &lead);
    g_autofree char *joined = strip_spaces(v); /* 郑燕 志: a PDF cell wrapped inside the name */
    if (pp_name_plausible(joined, strlen(joined), FALSE))
        report_name(t, r, cs + lead, cs + lead + strlen(v), sev);
}

static void names_in_columns(PVText *t, const PPRule *r, char **columns, char **anti)
{
    PPSeverity sev = name_severity(t, r, TRUE);
    for (guint line = 0; line < t->line_start->len; line++) {
        gint head = g_array_index(t->table_head, gint, line);
        if (head < 0 && head != PV_HEAD_INHERITED)
            continue;
        /* a list of officials and their posts (职务、拟任) is public information */
        gsize hn = 0;
        const char *hl = pv_header_row(t, line, &hn);
        if (!hl || pv_header_has(hl, hn, anti))
            continue;
        typed_cells(t, r, line, columns, NULL, name_in_typed_cell, sev);
    }
}

/* present: per cue, may it occur (pv_words_present) */
static void names_after_cues(PVText *t, const PPRule *r, char **cues, const guint8 *present, PPSeverity sev)
{
    const char *limit = t->s + t->len;
    for (char **c = cues; c && *c; c++) {
        gsize cl = strlen(*c);
        if (!present[c - cues])
            continue;
        for (const char *h = pv_find(t->s, t->len, *c); h; h = pv_find(h + cl, (gsize)(limit - h) - cl, *c)) {
            if (h > t->s && g_str_has_prefix(g_utf8_prev_char(h), "被"))
                continue; /* 被申请人 is the agency */
            const char *p = h + cl;
            while (p < limit && (*p == ':' || *p == ' '))
                p++;
            /* 申请人张三、李四 */
            for (const char *e; (e = name_after(p, limit)); p = e + strlen("、")) {
                report_name(t, r, (gsize)(p - t->s), (gsize)(e - t->s), sev);
                if (!g_str_has_prefix(e, "、"))
                    break;
            }
        }
    }
}

/* 张三先生、李四女士; the surname alone (李女士) is already de-identified. */
static gint cmp_gsize(gconstpointer a, gconstpointer b)
{
    gsize x = *(const gsize *)a, y = *(const gsize *)b;
    return x < y ? -1 : x > y;
}

/* Sorted starts of the reported IDs. */
static GArray *id_starts(const PVText *t)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(gsize));
    for (guint k = 0; k < t->found->len; k++) {
        const PVFound *fo = &g_array_index(t->found, PVFound, k);
        if (strcmp(fo->f->type, "cn_id") == 0)
            g_array_append_val(a, fo->s);
    }
    g_array_sort(a, cmp_gsize);
    return a;
}

/* Is there a reported ID within `bytes` after off (张三（身份证号：5002…）)? */
static gboolean id_follows(const GArray *ids, gsize off, gsize bytes)
{
    guint lo = 0, hi = ids->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(ids, gsize, mid) < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ids->len && g_array_index(ids, gsize, lo) <= off + bytes;
}

/* need_id: the words only count when an ID number actually follows them */
static void names_before_words(PVText *t, const PPRule *r, const char *const *words, gsize nwords, const guint8 *present,
                               PPSeverity sev, const GArray *need_id)
{
    const char *limit = t->s + t->len;
    for (gsize w = 0; w < nwords; w++) {
        gsize wl = strlen(words[w]);
        if (!present[w])
            continue;
        for (const char *h = pv_find(t->s, t->len, words[w]); h; h = pv_find(h + wl, (gsize)(limit - h) - wl, words[w])) {
            if (need_id && !id_follows(need_id, (gsize)(h - t->s), 40))
                continue;
            const char *end = h; /* the words start with the bracket or comma that ends the name */
            gsize ls = g_array_index(t->line_start, gsize, pv_line_of(t, (gsize)(h - t->s)));
            const char *s = name_before(t->s + ls, end);
            if (s)
                report_name(t, r, (gsize)(s - t->s), (gsize)(end - t->s), sev);
        }
    }
}

/* The addressee of a reply: a line "黄燕：" (or 尊敬的张三先生：, 李四同志：) among the first lines. */
static void names_in_salutation(PVText *t, const PPRule *r)
{
    static const char *const prefixes[] = {"尊敬的", "致"};
    static const char *const suffixes[] = {"同志", "先生", "女士"};
    if (!(t->kind & DOC_REPLY) || t->part->kind != PP_PART_BODY)
        return;
    for (guint line = 0; line < t->line_start->len && line < 8; line++) {
        gsize ls = g_array_index(t->line_start, gsize, line);
        const char *p = t->s + ls, *limit = t->s + t->len, *end;
        while (p < limit && *p == ' ')
            p++;
        for (gsize i = 0; i < G_N_ELEMENTS(prefixes); i++)
            if (g_str_has_prefix(p, prefixes[i]))
                p += strlen(prefixes[i]);
        int n = han_run(p, limit, 7, &end);
        if (n < 2 || end >= limit || *end != ':')
            continue;
        for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
            gsize l = strlen(suffixes[i]);
            if ((gsize)(end - p) > l && memcmp(end - l, suffixes[i], l) == 0) {
                end -= l;
                break;
            }
        }
        if (pp_utf8_count(p, (gsize)(end - p)) <= 4 && pp_name_plausible(p, (gsize)(end - p), TRUE))
            report_name(t, r, (gsize)(p - t->s), (gsize)(end - t->s), r->severity);
    }
}

/* Metadata: the value of an author field is a person's name by the field it stands in. */
static void names_in_metadata(PVText *t, const PPRule *r)
{
    static const char *const fields[] = {"creator", "lastmodifiedby", "author", "作者", "创建者", "修改者",
                                         "manager", "经理", "审阅者", "typist"};
    g_autofree char *origin = g_ascii_strdown(t->part->origin ? t->part->origin : "", -1);
    gboolean origin_is_field = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
        origin_is_field |= strstr(origin, fields[i]) != NULL;
    for (guint line = 0; line < t->line_start->len; line++) {
        gsize ls = g_array_index(t->line_start, gsize, line);
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        gsize le = nl ? (gsize)(nl - t->s) : t->len;
        const char *l = t->s + ls;
        gsize vs = ls;
        gboolean field = origin_is_field;
        const char *sep = NULL;
        /* one part per field (origin "docProps/core.xml creator"), or "key: value" lines */
        for (const char *p = l; !origin_is_field && p < t->s + le && !sep; p++)
            if (*p == '=' || *p == '\t' || (*p == ':' && (p + 1 == t->s + le || p[1] == ' ' || (p[1] & 0x80))))
                sep = p;
        if (sep) {
            g_autofree char *key = g_ascii_strdown(l, sep - l);
            field = FALSE;
            for (gsize i = 0; i < G_N_ELEMENTS(fields); i++)
                field |= strstr(key, fields[i]) != NULL;
            vs = (gsize)(sep - t->s) + 1;
        }
        if (!field)
            continue;
        gsize lead = 0;
        g_autofree char *v = trim_dup(t->s + vs, le - vs, &lead);
        if (pp_name_plausible(v, strlen(v), TRUE)) /* not 微软用户、管理员 */
            report_name(t, r, vs + lead, vs + lead + strlen(v), name_severity(t, r, FALSE));
    }
}

/* Lines holding a reported resident ID: a person's row. */
static GHashTable *lines_with_ids(const PVText *t)
{
    GHashTable *lines = g_hash_table_new(NULL, NULL);
    for (guint k = 0; k < t->found->len; k++) {
        const PVFound *fo = &g_array_index(t->found, PVFound, k);
        if (strcmp(fo->f->type, "cn_id") == 0)
            g_hash_table_add(lines, GUINT_TO_POINTER(pv_line_of(t, fo->s) + 1));
    }
    return lines;
}

typedef void (*CellFn)(PVText *t, const PPRule *r, gsize s, gsize e, PPSeverity sev);

/* Every cell of the table rows that hold an ID. */
static void cells_of_id_rows(PVText *t, const PPRule *r, CellFn fn, PPSeverity sev)
{
    g_autoptr(GHashTable) lines = lines_with_ids(t);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, lines);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        guint line = GPOINTER_TO_UINT(key) - 1;
        gsize ls = g_array_index(t->line_start, gsize, line);
        const char *nl = memchr(t->s + ls, '\n', t->len - ls);
        gsize le = nl ? (gsize)(nl - t->s) : t->len;
        /* cells: '\t'-separated; a numbered line without tabs ("2 莫强玲 5002…", a plain-text table)
         * splits on spaces; other lines are running text */
        char sep = '\t';
        if (!memchr(t->s + ls, '\t', le - ls)) {
            gsize i = ls;
            while (i < le && g_ascii_isdigit(t->s[i]))
                i++;
            if (i == ls || i >= le || t->s[i] != ' ')
                continue;
            sep = ' ';
        }
        for (gsize cs = ls; cs <= le;) {
            const char *tab = memchr(t->s + cs, sep, le - cs);
            gsize ce = tab ? (gsize)(tab - t->s) : le;
            gsize lead = 0;
            g_autofree char *v = trim_dup(t->s + cs, ce - cs, &lead);
            if (*v)
                fn(t, r, cs + lead, cs + lead + strlen(v), sev);
            if (!tab)
                break;
            cs = ce + 1;
        }
    }
}

static void name_cell(PVText *t, const PPRule *r, gsize s, gsize e, PPSeverity sev)
{
    g_autofree char *raw = g_strndup(t->s + s, e - s);
    g_autofree char *v = strip_spaces(raw);
    if (pp_name_plausible(v, strlen(v), TRUE))
        report_name(t, r, s, e, sev);
}

/* A name written just before an ID, across spaces (PDF rows without cell borders): 张三 5002… */
static void names_before_ids(PVText *t, const PPRule *r, PPSeverity sev)
{
    for (guint k = 0; k < t->found->len; k++) {
        const PVFound *fo = &g_array_index(t->found, PVFound, k);
        if (strcmp(fo->f->type, "cn_id") != 0)
            continue;
        const char *end = t->s + fo->s;
        gsize ls = g_array_index(t->line_start, gsize, pv_line_of(t, fo->s));
        if (end <= t->s + ls || end[-1] != ' ')
            continue;
        while (end > t->s + ls && end[-1] == ' ')
            end--;
        const char *s = name_before(t->s + ls, end);
        if (s)
            report_name(t, r, (gsize)(s - t->s), (gsize)(end - t->s), sev);
    }
}

/* A list of names closed by a count of persons: 张三、李四、王五等3户（人、名）符合条件 */
static void names_in_counted_lists(PVText *t, const PPRule *r, PPSeverity sev)
{
    static const char *const units[] = {"户", "人", "名", "位", "家"};
    const char *limit = t->s + t->len;
    for (const char *h = pv_find(t->s, t->len, "等"); h; h = pv_find(h + 3, (gsize)(limit - h) - 3, "等")) {
        const char *q = h + 3;
        gboolean num = FALSE;
        while (q < limit && (g_ascii_isdigit(*q) || g_str_has_prefix(q, "一") || g_str_has_prefix(q, "二") ||
                             g_str_has_prefix(q, "三") || g_str_has_prefix(q, "四") || g_str_has_prefix(q, "五") ||
                             g_str_has_prefix(q, "六") || g_str_has_prefix(q, "七") || g_str_has_prefix(q, "八") ||
                             g_str_has_prefix(q, "九") || g_str_has_prefix(q, "十") || g_str_has_prefix(q, "两"))) {
            q += g_ascii_isdigit(*q) ? 1 : 3;
            num = TRUE;
        }
        gboolean unit = FALSE;
        for (gsize i = 0; num && i < G_N_ELEMENTS(units); i++)
            unit |= g_str_has_prefix(q, units[i]);
        if (!unit || g_str_has_prefix(q + 3, "同志"))
            continue; /* 张三、李四等2名同志: officials in their role */
        gsize ls = g_array_index(t->line_start, gsize, pv_line_of(t, (gsize)(h - t->s)));
        /* walk back over 、-separated names; at least two, so that 某某等3人 alone is no list */
        const char *end = h, *starts[32], *ends[32];
        int n = 0;
        while (n < 32) {
            const char *st = name_before(t->s + ls, end);
            if (!st || g_utf8_strlen(st, end - st) > 4)
                break;
            starts[n] = st;
            ends[n++] = end;
            if (st - t->s < (gssize)ls + 3 || memcmp(st - 3, "、", 3) != 0)
                break;
            end = st - 3;
        }
        for (int i = 0; n >= 2 && i < n; i++)
            report_name(t, r, (gsize)(starts[i] - t->s), (gsize)(ends[i] - t->s), sev);
    }
}

void pv_detect_names(PVText *t, const PPRule *r)
{
    if (t->part->kind == PP_PART_METADATA) {
        names_in_metadata(t, r);
        return;
    }
    char **columns = pp_rule_setting_list(r, "columns");
    char **cues = pp_rule_setting_list(r, "cues");
    char **weak = pp_rule_setting_list(r, "weak_cues");
    char **anti = pp_rule_setting_list(r, "anti_context");
    int ws = pp_severity_from_name(pp_rule_setting(r, "weak_severity", "info"));
    static const char *const suffixes[] = {"先生", "女士"};
    /* a name next to an ID number: 张三（身份证号：5002…）, 张三，身份证号码 5002… */
    static const char *const id_words[] = {"(身份证", ",身份证", "(公民身份", ",公民身份", "(证件号", ",证件号"};
    /* a person described: 张三，男，1980年生 / 张三，性别：女 */
    static const char *const person_words[] = {",男,", ",女,", ",性别"};
    /* which of all these words occur: one pass over the part instead of one per list */
    gsize nc = g_strv_length(cues), nw = g_strv_length(weak);
    gsize o_weak = nc, o_suf = o_weak + nw, o_id = o_suf + G_N_ELEMENTS(suffixes), o_person = o_id + G_N_ELEMENTS(id_words);
    gsize nall = o_person + G_N_ELEMENTS(person_words);
    const char **all = g_new(const char *, nall + 1);
    for (gsize i = 0; i < nc; i++)
        all[i] = cues[i];
    for (gsize i = 0; i < nw; i++)
        all[o_weak + i] = weak[i];
    memcpy(all + o_suf, suffixes, sizeof suffixes);
    memcpy(all + o_id, id_words, sizeof id_words);
    memcpy(all + o_person, person_words, sizeof person_words);
    g_autofree guint8 *present = g_malloc(nall + 1);
    pv_words_present(t, all, nall, present);
    g_free(all);

    names_in_columns(t, r, columns, anti);
    names_in_salutation(t, r);
    names_after_cues(t, r, cues, present, name_severity(t, r, TRUE));
    names_before_words(t, r, suffixes, G_N_ELEMENTS(suffixes), present + o_suf, name_severity(t, r, FALSE), NULL);
    g_autoptr(GArray) ids = id_starts(t);
    names_before_words(t, r, id_words, G_N_ELEMENTS(id_words), present + o_id, name_severity(t, r, TRUE), ids);
    names_before_words(t, r, person_words, G_N_ELEMENTS(person_words), present + o_person, name_severity(t, r, TRUE), NULL);
    /* a table row or a line with an ID is about a person: a name in it is that person's */
    cells_of_id_rows(t, r, name_cell, name_severity(t, r, TRUE));
    names_in_counted_lists(t, r, name_severity(t, r, TRUE));
    names_before_ids(t, r, name_severity(t, r, TRUE));
    names_after_cues(t, r, weak, present + o_weak, ws < 0 ? PP_SEV_INFO : (PPSeverity)ws);
    g_strfreev(columns);
    g_strfreev(cues);
    g_strfreev(weak);
    g_strfreev(anti);
}

/* ---- addresses ---- */

gboolean pv_address_plausible(const char *s, gsize n)
{
    static const char *const units[] = {"省", "市", "区", "县", "旗", "镇", "乡", "街道", "村", "社区", "路", "街",
                                        "巷", "弄", "大道", "组", "号", "栋", "幢", "单元", "室", "楼", "小区", "屯", "庄"};
    static const char *const ends[] = {"村", "社区", "组", "屯", "庄", "小区", "社"};
    glong chars = g_utf8_strlen(s, (gssize)n);
    if (chars < 5 || chars > 80 || pp_name_is_masked(s, n) || !pp_is_han(g_utf8_get_char(s)))
        return FALSE;
    int nunits = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++)
        nunits += g_strstr_len(s, (gssize)n, units[i]) != NULL;
    if (nunits < 2)
        return FALSE;
    for (gsize i = 0; i < n; i++)
        if (g_ascii_isdigit(s[i]))
            return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(ends); i++)
        if (g_str_has_suffix(s, ends[i]))
            return TRUE;
    /* Chinese numerals: 三组、十二号 */
    return g_strstr_len(s, (gssize)n, "号") || g_strstr_len(s, (gssize)n, "组");
}

static void report_address(PVText *t, const PPRule *r, gsize s, gsize e)
{
    while (e > s && t->s[e - 1] == ' ')
        e--;
    if (e <= s || pv_is_claimed(t, s, e))
        return;
    g_autofree char *raw = g_strndup(t->s + s, e - s);
    g_autofree char *v = strip_spaces(raw);
    if (pv_address_plausible(v, strlen(v)))
        pv_report(t, r, s, e, v, r->severity);
}

static void address_in_typed_cell(PVText *t, const PPRule *r, gsize cs, gsize ce, PPSeverity sev)
{
    (void)sev;
    gsize lead = 0;
    g_autofree char *v = trim_dup(t->s + cs, ce - cs, &lead);
    report_address(t, r, cs + lead, cs + lead + strlen(v));
}

/* A cell of a person's row: an address only when it clearly is one (3 units and a number). */
static void address_cell(PVText *t, const PPRule *r, gsize s, gsize e, PPSeverity sev)
{
    (void)sev;
    g_autofree char *raw = g_strndup(t->s + s, e - s);
    g_autofree char *v = strip_spaces(raw);
    static const char *const units[] = {"省", "市", "区", "县", "镇", "乡", "街道", "村", "路", "街", "组", "号", "栋", "室"};
    int n = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++)
        n += strstr(v, units[i]) != NULL;
    if (n >= 3)
        report_address(t, r, s, e);
}

/* End of an address value starting at p: the next punctuation, space, tab or line end. */
static const char *address_end(const char *p, const char *limit)
{
    static const char *const stops[] = {"。", "、", "；", "“", "”", "《"};
    const char *start = p;
    while (p < limit) {
        char c = *p;
        if (c == ' ' && p > start && (g_ascii_isdigit(p[-1]) || (p + 1 < limit && g_ascii_isdigit(p[1])))) {
            p++;
            continue;
        }
        if (c == ',' || c == '.' || c == ';' || c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '"')
            return p;
        for (gsize i = 0; i < G_N_ELEMENTS(stops); i++)
            if ((gsize)(limit - p) >= strlen(stops[i]) && memcmp(p, stops[i], strlen(stops[i])) == 0)
                return p;
        p = g_utf8_next_char(p);
    }
    return limit;
}

/* A cue at the start of its line ("住所：…") belongs to the party described in the lines above:
 * an organisation when they name one (当事人：某某有限公司 / 统一社会信用代码) and no person
 * (身份证、性别). */
static gboolean org_block_above(const PVText *t, gsize off, char **anti)
{
    static const char *const person[] = {"身份证", "性别", "男", "女", "出生", NULL};
    guint line = pv_line_of(t, off);
    gsize ls = g_array_index(t->line_start, gsize, line);
    for (gsize i = ls; i < off; i++)
        if (t->s[i] != ' ')
            return FALSE; /* not at the start of the line */
    for (guint back = 1; back <= 3 && back <= line; back++) {
        gsize s = g_array_index(t->line_start, gsize, line - back), e = pv_line_end(t, line - back);
        if (pv_contains_any(t->s + s, e - s, (char **)person))
            return FALSE;
        if (pv_contains_any(t->s + s, e - s, anti) || pv_find(t->s + s, e - s, "信用代码"))
            return TRUE;
    }
    return FALSE;
}

void pv_detect_addresses(PVText *t, const PPRule *r)
{
    if (t->part->kind == PP_PART_METADATA)
        return;
    char **columns = pp_rule_setting_list(r, "columns");
    char **listed = pp_rule_setting_list(r, "cues");
    /* built in: ",住" of 当事人：…，男，…，住某某镇… (a list value in a rule file cannot hold a comma)
     * and "住:" (a form field) — full-width punctuation is already ASCII in the scratch text */
    static const char *const builtin[] = {",住", "住:"};
    guint nl = g_strv_length(listed);
    char **cues = g_new0(char *, nl + G_N_ELEMENTS(builtin) + 1);
    for (guint i = 0; i < nl; i++)
        cues[i] = listed[i];
    for (guint i = 0; i < G_N_ELEMENTS(builtin); i++)
        cues[nl + i] = (char *)builtin[i];
    char **anti = pp_rule_setting_list(r, "anti_context");
    char **person = pp_rule_setting_list(r, "context");
    int window = pp_rule_setting_int(r, "anti_window", 10);
    /* table columns of a table about persons (its header names a person or an ID) */
    for (guint line = 0; line < t->line_start->len; line++) {
        gsize ls = g_array_index(t->line_start, gsize, line);
        gint head = g_array_index(t->table_head, gint, line);
        if ((head < 0 && head != PV_HEAD_INHERITED) || !pv_table_has_column(t, ls, person))
            continue;
        typed_cells(t, r, line, columns, anti, address_in_typed_cell, r->severity);
    }
    /* rows with an ID (tables without a typed column): an address-like cell is the person's */
    cells_of_id_rows(t, r, address_cell, r->severity);
    /* cue words in running text: 住址：…, 家住…, 通讯地址：… */
    const char *limit = t->s + t->len;
    guint nc = nl + G_N_ELEMENTS(builtin);
    g_autofree guint8 *present = g_malloc(nc + 1);
    pv_words_present(t, (const char *const *)cues, nc, present);
    for (char **c = cues; c && *c; c++) {
        gsize cl = strlen(*c);
        if (!present[c - cues])
            continue;
        for (const char *h = pv_find(t->s, t->len, *c); h; h = pv_find(h + cl, (gsize)(limit - h) - cl, *c)) {
            if (pv_words_before(t, (gsize)(h - t->s), window, anti) || org_block_above(t, (gsize)(h - t->s), anti))
                continue; /* 单位住所, 公司…住所: an organisation's address */
            const char *p = h + cl;
            while (p < limit && (*p == ':' || *p == ' '))
                p++;
            if (g_str_has_prefix(p, "址") || g_str_has_prefix(p, "所"))
                continue; /* ",住" before 址/所: the longer cue decides */
            static const char *const joiners[] = {"为", "是", "在", "于"};
            for (gsize j = 0; j < G_N_ELEMENTS(joiners); j++)
                if (g_str_has_prefix(p, joiners[j]) && pp_is_han(g_utf8_get_char(p + strlen(joiners[j])))) {
                    p += strlen(joiners[j]);
                    break;
                }
            const char *e = address_end(p, limit);
            report_address(t, r, (gsize)(p - t->s), (gsize)(e - t->s));
        }
    }
    g_strfreev(columns);
    g_strfreev(listed);
    g_free(cues); /* borrowed strings */
    g_strfreev(anti);
    g_strfreev(person);
}
