/* Validators of personal identifiers (see validate.h). Facts: DESIGN.md, "Identifiers". */
#include "validate.h"

#include <string.h>
#include <time.h>

static gboolean all_digits(const char *s, gsize n)
{
    for (gsize i = 0; i < n; i++)
        if (!g_ascii_isdigit(s[i]))
            return FALSE;
    return TRUE;
}

static int num(const char *s, gsize n)
{
    int v = 0;
    for (gsize i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Province-level codes actually assigned (GB/T 2260), plus 71 台湾, 81 香港, 82 澳门, 83 (港澳台居民
 * 居住证), 91 (外国人永久居留身份证 of the 2023 format). */
static gboolean province_ok(int p)
{
    static const guint8 codes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                   44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91};
    for (gsize i = 0; i < G_N_ELEMENTS(codes); i++)
        if (codes[i] == p)
            return TRUE;
    return FALSE;
}

/* A real calendar date between 1900-01-01 and today. */
static gboolean birth_date_ok(int y, int m, int d)
{
    if (y < 1900 || m < 1 || m > 12 || d < 1)
        return FALSE;
    static const guint8 mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 ? leap : 0))
        return FALSE;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long today = (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    return (long)y * 10000 + m * 100 + d <= today;
}

static PPValidity v_cn_id(const char *s, gsize n)
{
    if (n == 15) { /* old format: area + YYMMDD + 3 digits, no check digit: weak evidence alone */
        if (!all_digits(s, 15) || !province_ok(num(s, 2)))
            return PP_VALID_NO;
        return birth_date_ok(1900 + num(s + 6, 2), num(s + 8, 2), num(s + 10, 2)) ? PP_VALID_WEAK : PP_VALID_NO;
    }
    if (n != 18 || !all_digits(s, 17) || !(g_ascii_isdigit(s[17]) || s[17] == 'X' || s[17] == 'x'))
        return PP_VALID_NO;
    if (!province_ok(num(s, 2)) || !birth_date_ok(num(s + 6, 4), num(s + 10, 2), num(s + 12, 2)))
        return PP_VALID_NO;
    static const guint8 w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (s[i] - '0') * w[i];
    char check = "10X98765432"[sum % 11];
    /* a wrong check digit with a real area and date is most likely a typo: still someone's ID when
     * the text says so */
    return g_ascii_toupper(s[17]) == check ? PP_VALID_YES : PP_VALID_WEAK;
}

/* 统一社会信用代码 (GB 32100-2015). YES means "an organisation code": rules use it to exclude. */
static PPValidity v_uscc(const char *s, gsize n)
{
    static const char cs[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const guint8 w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (n != 18 || !all_digits(s + 2, 6) || !province_ok(num(s + 2, 2)))
        return PP_VALID_NO;
    /* registration authority + organisation type (GB 32100 table 1) */
    static const char *const kinds[] = {"11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39",
                                        "41", "49", "51", "52", "53", "59", "61", "62", "69", "71", "72", "79",
                                        "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"};
    gboolean kind_ok = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(kinds) && !kind_ok; i++)
        kind_ok = g_ascii_toupper(s[0]) == kinds[i][0] && g_ascii_toupper(s[1]) == kinds[i][1];
    if (!kind_ok)
        return PP_VALID_NO;
    int sum = 0, idx[18];
    for (int i = 0; i < 18; i++) {
        const char *p = strchr(cs, g_ascii_toupper(s[i]));
        if (!p || !s[i])
            return PP_VALID_NO;
        idx[i] = (int)(p - cs);
    }
    for (int i = 0; i < 17; i++)
        sum += idx[i] * w[i];
    return (31 - sum % 31) % 31 == idx[17] ? PP_VALID_YES : PP_VALID_NO;
}

/* Mobile prefixes in use (MIIT numbering plan): 13x; 145/147/149 (data and IoT-free ranges);
 * 15x but 154; 162/165/166/167; 170-173, 175-178 (174: only 1740x/1749x satellite); 18x;
 * 19x but 194. 154, 179 and 174x otherwise are not assigned to subscribers. */
static PPValidity v_mobile(const char *s, gsize n)
{
    if (n == 13 && s[0] == '8' && s[1] == '6')
        s += 2, n -= 2;
    else if (n == 15 && strncmp(s, "0086", 4) == 0)
        s += 4, n -= 4;
    else if (n == 14 && s[0] == '+' && s[1] == '8' && s[2] == '6')
        s += 3, n -= 3;
    if (n != 11 || s[0] != '1' || !all_digits(s, 11))
        return PP_VALID_NO;
    int p = num(s, 3);
    switch (p / 10) {
    case 13:
    case 18:
        return PP_VALID_YES;
    case 14:
        return (p == 145 || p == 147 || p == 149) ? PP_VALID_YES : PP_VALID_NO;
    case 15:
        return p != 154 ? PP_VALID_YES : PP_VALID_NO;
    case 16:
        return (p == 162 || p == 165 || p == 166 || p == 167) ? PP_VALID_YES : PP_VALID_NO;
    case 17:
        if (p == 174)
            return (s[3] == '0' || s[3] == '9') ? PP_VALID_YES : PP_VALID_NO;
        return p != 179 ? PP_VALID_YES : PP_VALID_NO;
    case 19:
        return p != 194 ? PP_VALID_YES : PP_VALID_NO;
    default:
        return PP_VALID_NO;
    }
}

/* Landline: 0 + area code (010, 02x, 0[3-9]xx) + 7–8 digit local number, optional extension cut off
 * by the pattern. Never certain on its own: an office number looks the same as a home number. */
static PPValidity v_landline(const char *s, gsize n)
{
    if (n < 10 || n > 12 || s[0] != '0' || !all_digits(s, n))
        return PP_VALID_NO;
    gsize area = (s[1] == '1' || s[1] == '2') ? 3 : 4;
    if (s[1] == '1' && s[2] != '0')
        return PP_VALID_NO;
    if (s[1] == '0')
        return PP_VALID_NO;
    gsize local = n - area;
    if (local < 7 || local > 8 || s[area] == '0' || s[area] == '1')
        return PP_VALID_NO;
    return PP_VALID_WEAK;
}

static gboolean luhn(const char *s, gsize n)
{
    int sum = 0;
    for (gsize i = 0; i < n; i++) {
        int d = s[n - 1 - i] - '0';
        if (i & 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

/* Bank card: 16–19 digits. A Luhn-valid UnionPay number (62…, nearly every card issued in China) is
 * certain; a 62 number failing Luhn (some real ones do) or a Luhn-valid number with another prefix
 * (Visa 4, Mastercard 5, JCB/Amex 3 — or just a long reference number) needs 银行卡/账号 context. */
static PPValidity v_bank_card(const char *s, gsize n)
{
    if (n < 16 || n > 19 || !all_digits(s, n))
        return PP_VALID_NO;
    gboolean ok = luhn(s, n);
    if (ok && s[0] == '6' && s[1] == '2')
        return PP_VALID_YES;
    if (ok || (s[0] == '6' && s[1] == '2'))
        return PP_VALID_WEAK;
    return PP_VALID_NO;
}

/* Passport: E/G + 8 digits (E + letter + 7 digits since 2019), also D/S/P(E) service passports. */
static PPValidity v_passport(const char *s, gsize n)
{
    if (n == 9 && (s[0] == 'E' || s[0] == 'G') && all_digits(s + 1, 8))
        return PP_VALID_WEAK;
    if (n == 9 && s[0] == 'E' && g_ascii_isupper(s[1]) && s[1] != 'I' && s[1] != 'O' && all_digits(s + 2, 7))
        return PP_VALID_WEAK;
    if ((n == 8 || n == 9) && (s[0] == 'D' || s[0] == 'S' || s[0] == 'P') &&
        (n == 8 ? all_digits(s + 1, 7) : (s[1] == 'E' && all_digits(s + 2, 7))))
        return PP_VALID_WEAK;
    return PP_VALID_NO;
}

/* 港澳通行证 C + 8 digits or C + letter + 7; 回乡证 H/M + 8 (10) digits; 台湾居民来往大陆通行证
 * 8 digits; 往来台湾通行证 T/L + 8 digits. All weak: need 通行证/回乡证/台胞证 nearby. */
static PPValidity v_permit(const char *s, gsize n)
{
    if (n == 9 && s[0] == 'C' && (all_digits(s + 1, 8) || (g_ascii_isupper(s[1]) && all_digits(s + 2, 7))))
        return PP_VALID_WEAK;
    if ((n == 9 || n == 11) && (s[0] == 'H' || s[0] == 'M') && all_digits(s + 1, n - 1))
        return PP_VALID_WEAK;
    if (n == 9 && (s[0] == 'T' || s[0] == 'L') && all_digits(s + 1, 8))
        return PP_VALID_WEAK;
    if (n == 8 && all_digits(s, 8))
        return PP_VALID_WEAK;
    return PP_VALID_NO;
}

/* Licence plate: province character + letter + 5 (ordinary) or 6 (new energy, D/F first or last)
 * from the plate alphabet (no I, O); at least one digit. The province character may be left off. */
static PPValidity v_plate(const char *s, gsize n)
{
    if (n && ((unsigned char)s[0] & 0x80)) {
        const char *next = g_utf8_find_next_char(s, s + n);
        if (!next)
            return PP_VALID_NO;
        n -= (gsize)(next - s);
        s = next;
    }
    if (n != 6 && n != 7)
        return PP_VALID_NO;
    if (!g_ascii_isupper(s[0]) || s[0] == 'I' || s[0] == 'O')
        return PP_VALID_NO;
    int digits = 0;
    for (gsize i = 1; i < n; i++) {
        char c = g_ascii_toupper(s[i]);
        if (c == 'I' || c == 'O' || !g_ascii_isalnum(c))
            return PP_VALID_NO;
        digits += g_ascii_isdigit(c) != 0;
    }
    if (digits == 0)
        return PP_VALID_NO;
    if (n == 7) { /* new energy: D/F at position 1 (small cars) or at the end (large vehicles) */
        char a = g_ascii_toupper(s[1]), z = g_ascii_toupper(s[6]);
        if (!(a == 'D' || a == 'F' || z == 'D' || z == 'F'))
            return PP_VALID_NO;
    }
    return PP_VALID_YES;
}

/* E-mail: ASCII local part (CJK never belongs to it: the pattern stops there), a domain with a dot
 * and an alphabetic TLD of 2+ letters. */
static PPValidity v_email(const char *s, gsize n)
{
    const char *at = memchr(s, '@', n);
    if (!at || at == s || at == s + n - 1)
        return PP_VALID_NO;
    const char *dot = NULL;
    for (const char *p = at + 1; p < s + n; p++)
        if (*p == '.')
            dot = p;
    if (!dot || s + n - dot - 1 < 2)
        return PP_VALID_NO;
    for (const char *p = dot + 1; p < s + n; p++)
        if (!g_ascii_isalpha(*p))
            return PP_VALID_NO;
    return PP_VALID_YES;
}

static const PPValidator validators[] = {
    {"cn_id", v_cn_id, "居民身份证号码（18 位校验码、出生日期、省级代码；15 位旧号）"},
    {"uscc", v_uscc, "统一社会信用代码（用于排除机构代码）"},
    {"mobile", v_mobile, "手机号码（在用号段）"},
    {"landline", v_landline, "固定电话号码"},
    {"bank_card", v_bank_card, "银行卡号（Luhn 校验或 62 开头银联卡）"},
    {"passport", v_passport, "护照号码"},
    {"permit", v_permit, "港澳台通行证号码"},
    {"plate", v_plate, "机动车号牌"},
    {"email", v_email, "电子邮箱"},
};

const PPValidator *pp_validator_find(const char *name)
{
    for (gsize i = 0; name && i < G_N_ELEMENTS(validators); i++)
        if (strcmp(validators[i].name, name) == 0)
            return &validators[i];
    return NULL;
}

char *pp_validator_names(void)
{
    GString *s = g_string_new(NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(validators); i++)
        g_string_append_printf(s, "%s%s", i ? "、" : "", validators[i].name);
    return g_string_free(s, FALSE);
}

char *pp_compact_value(const char *s, gsize len)
{
    GString *out = g_string_sized_new(len);
    for (const char *p = s, *end = s + len; p < end;) {
        if (!((unsigned char)*p & 0x80)) {
            char c = *p++;
            if (c != ' ' && c != '-' && c != '(' && c != ')')
                g_string_append_c(out, g_ascii_toupper(c));
            continue;
        }
        const char *next = g_utf8_find_next_char(p, end);
        if (!next)
            next = end;
        gunichar u = g_utf8_get_char_validated(p, next - p);
        if (u >= 0xFF01 && u <= 0xFF5E) { /* full-width ASCII forms */
            char c = (char)(u - 0xFF01 + 0x21);
            if (c != ' ' && c != '-' && c != '(' && c != ')')
                g_string_append_c(out, g_ascii_toupper(c));
        } else if (u != 0x00B7 && u != 0x30FB && u != 0x3000) { /* 渝A·12345; ideographic space */
            g_string_append_len(out, p, next - p);
        }
        p = next;
    }
    return g_string_free(out, FALSE);
}

PPValidity pp_validate(const char *name, const char *value)
{
    const PPValidator *v = pp_validator_find(name);
    if (!v || !value)
        return PP_VALID_NO;
    g_autofree char *c = pp_compact_value(value, strlen(value));
    return v->fn(c, strlen(c));
}
