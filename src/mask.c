/* Mask styles (see mask.h). Facts: DESIGN.md, "Masking"; local guidance: ID with the middle hidden
 * and never the birth date, mobile 138****1234, bank card last 4, name keeps the surname, address
 * down to 乡镇/街道. */
#include "mask.h"

#include <string.h>

#include "names.h"

/* keep `head` characters and `tail` characters, one '*' for every character between */
static char *keep_ends(const char *v, glong head, glong tail)
{
    glong n = g_utf8_strlen(v, -1);
    if (head + tail >= n) { /* too short to show anything safely */
        head = n > 2 ? 1 : 0;
        tail = 0;
    }
    GString *out = g_string_new(NULL);
    const char *p = v;
    for (glong i = 0; i < n; i++, p = g_utf8_next_char(p)) {
        if (i < head || i >= n - tail)
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        else
            g_string_append_c(out, '*');
    }
    return g_string_free(out, FALSE);
}

/* 510704********4760: area code and the last 4; the birth date is never shown. */
static char *m_cn_id(const char *v) { return keep_ends(v, 6, 4); }

/* 138****1234; an international prefix stays as written. */
static char *m_mobile(const char *v)
{
    gsize n = strlen(v);
    if (n > 11) {
        g_autofree char *core = keep_ends(v + n - 11, 3, 4);
        return g_strdup_printf("%.*s%s", (int)(n - 11), v, core);
    }
    return keep_ends(v, 3, 4);
}

/* area code kept, last 2 shown: 0915*****79 (hutool's style) */
static char *m_landline(const char *v)
{
    glong area = (v[0] == '0' && (v[1] == '1' || v[1] == '2')) ? 3 : 4;
    return keep_ends(v, area, 2);
}

/* ************3256 */
static char *m_bank_card(const char *v) { return keep_ends(v, 0, 4); }

/* 张*、欧阳**: the surname stays */
static char *m_name(const char *v)
{
    gsize sl = pp_surname_len(v, strlen(v));
    glong head = sl ? g_utf8_strlen(v, (gssize)sl) : 1;
    glong n = g_utf8_strlen(v, -1);
    if (n <= head)
        return g_strdup(v);
    return keep_ends(v, head, 0);
}

/* Down to 乡镇/街道: keep everything through the first township-level unit, mask the rest; without
 * one, keep through the last county-level unit of the leading part. */
static char *m_address(const char *v)
{
    static const char *const township[] = {"街道办事处", "街道", "镇", "乡", "苏木", "办事处"};
    static const char *const county[] = {"区", "县", "旗", "市"};
    /* township markers are looked for after the first county-level unit, so that 镇江市… keeps going */
    const char *from = v, *county_end = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(county); i++) {
        const char *h = strstr(v, county[i]);
        if (h && (!county_end || h + strlen(county[i]) < county_end))
            county_end = h + strlen(county[i]);
    }
    if (county_end)
        from = county_end;
    const char *cut = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(township); i++) {
        const char *h = strstr(from, township[i]);
        if (h && (!cut || h + strlen(township[i]) < cut))
            cut = h + strlen(township[i]);
    }
    if (!cut) { /* no township: keep the leading administrative units only */
        for (gsize i = 0; i < G_N_ELEMENTS(county); i++)
            for (const char *h = strstr(v, county[i]); h && h - v < 40; h = strstr(h + 1, county[i]))
                if (!cut || h + strlen(county[i]) > cut)
                    cut = h + strlen(county[i]);
    }
    glong head = cut ? g_utf8_strlen(v, cut - v) : 0;
    glong n = g_utf8_strlen(v, -1);
    if (head >= n)
        head = n / 2;
    return keep_ends(v, head, 0);
}

/* z***@126.com: first character of the local part, the domain kept */
static char *m_email(const char *v)
{
    const char *at = strchr(v, '@');
    if (!at || at == v)
        return keep_ends(v, 1, 0);
    return g_strdup_printf("%c***%s", v[0], at);
}

/* 苏D4***0: province, letter and first character kept, last one kept */
static char *m_plate(const char *v) { return keep_ends(v, 3, 1); }

/* E*****678 */
static char *m_passport(const char *v) { return keep_ends(v, 1, 3); }

static char *m_generic(const char *v) { return keep_ends(v, 1, 1); }

static char *m_full(const char *v) { return keep_ends(v, 0, 0); }

static const PPMaskStyle styles[] = {
    {"cn_id", m_cn_id, TRUE, "保留前 6 位和后 4 位，隐去出生日期"},
    {"mobile", m_mobile, TRUE, "保留前 3 位和后 4 位"},
    {"landline", m_landline, TRUE, "保留区号和后 2 位"},
    {"bank_card", m_bank_card, TRUE, "只保留后 4 位"},
    {"name", m_name, FALSE, "保留姓氏"},
    {"address", m_address, FALSE, "保留到乡镇/街道"},
    {"email", m_email, FALSE, "保留用户名首字符和域名"},
    {"plate", m_plate, TRUE, "保留省份、发牌机关代号、首位和末位"},
    {"passport", m_passport, TRUE, "保留首字母和后 3 位"},
    {"generic", m_generic, FALSE, "保留首尾各 1 个字符"},
    {"full", m_full, FALSE, "全部隐去"},
};

const PPMaskStyle *pp_mask_find(const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS(styles); i++)
        if (strcmp(styles[i].name, name) == 0)
            return &styles[i];
    return NULL;
}

char *pp_mask_names(void)
{
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(styles); i++)
        g_string_append_printf(s, "%s%s", i ? "、" : "", styles[i].name);
    return g_string_free(s, FALSE);
}

char *pp_mask(const char *style, const char *value)
{
    const PPMaskStyle *m = pp_mask_find(style);
    return m && value ? m->fn(value) : NULL;
}
