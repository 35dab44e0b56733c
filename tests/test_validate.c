/* Every validator of validate.c: valid values, invalid ones, edge dates, check characters,
 * full-width and separated forms. */
#include <string.h>

#include "validate.h"

static const struct {
    const char *validator, *value;
    PPValidity want;
} cases[] = {
    /* resident ID, 18 digits */
    {"cn_id", "11010519491231002X", PP_VALID_YES},        /* X check digit */
    {"cn_id", "11010519491231002x", PP_VALID_YES},        /* lower-case x */
    {"cn_id", "110101190001011236", PP_VALID_YES},        /* first valid birth date 1900-01-01 */
    {"cn_id", "11010120000229123X", PP_VALID_YES},        /* 2000-02-29: 2000 is a leap year */
    {"cn_id", "110101190002291233", PP_VALID_NO},         /* 1900-02-29 does not exist */
    {"cn_id", "110101189912311234", PP_VALID_NO},         /* before 1900 */
    {"cn_id", "110101209912311237", PP_VALID_NO},         /* born in the future */
    {"cn_id", "11010119801301123X", PP_VALID_NO},         /* month 13 */
    {"cn_id", "990101198001011236", PP_VALID_NO},         /* province 99 does not exist */
    {"cn_id", "160101198001011236", PP_VALID_NO},         /* 16: inside 11–65 but not assigned */
    {"cn_id", "500235198001254762", PP_VALID_YES},
    {"cn_id", "500235198001254763", PP_VALID_WEAK},       /* wrong check digit: a typo, needs context */
    {"cn_id", "500235 19800125 4762", PP_VALID_YES},      /* spaces inside */
    {"cn_id", "500235-19800125-4762", PP_VALID_YES},      /* hyphens inside */
    {"cn_id", "４４０３０５１９７５０５１８０５３Ｘ", PP_VALID_YES}, /* full-width digits and X */
    {"cn_id", "44030519750518053", PP_VALID_NO},          /* 17 digits */
    {"cn_id", "1101051949123100X2", PP_VALID_NO},         /* X not at the end */
    {"cn_id", "110105491231002", PP_VALID_WEAK},          /* 15-digit old ID: weak alone */
    {"cn_id", "110105491331002", PP_VALID_NO},            /* 15-digit with month 13 */
    {"cn_id", "91440305AWBJ98TMW4", PP_VALID_NO},         /* a USCC is not an ID */
    /* USCC */
    {"uscc", "91440305AWBJ98TMW4", PP_VALID_YES},
    {"uscc", "515107045RGFLKR532", PP_VALID_YES},
    {"uscc", "11500114009130039C", PP_VALID_YES},
    {"uscc", "91440305AWBJ98TMW5", PP_VALID_NO},          /* wrong check character */
    {"uscc", "91440305AWBJ98TMI4", PP_VALID_NO},          /* I is not in the charset */
    {"uscc", "44030519750518053X", PP_VALID_NO},          /* check passes, but 44 is no authority+type: an ID */
    {"cn_id", "44030519750518053X", PP_VALID_YES},
    /* mobile */
    {"mobile", "13812345678", PP_VALID_YES},
    {"mobile", "138 1234 5678", PP_VALID_YES},
    {"mobile", "138-1234-5678", PP_VALID_YES},
    {"mobile", "+86 138 1234 5678", PP_VALID_YES},
    {"mobile", "8613812345678", PP_VALID_YES},
    {"mobile", "１３８１２３４５６７８", PP_VALID_YES},
    {"mobile", "14712345678", PP_VALID_YES},
    {"mobile", "14612345678", PP_VALID_NO},
    {"mobile", "15412345678", PP_VALID_NO},                /* 154 not in use */
    {"mobile", "16612345678", PP_VALID_YES},
    {"mobile", "16412345678", PP_VALID_NO},
    {"mobile", "17312345678", PP_VALID_YES},
    {"mobile", "17412345678", PP_VALID_NO},                /* 174x: only satellite 1740/1749 */
    {"mobile", "17400123456", PP_VALID_YES},
    {"mobile", "17912345678", PP_VALID_NO},                /* 179 not in use */
    {"mobile", "19912345678", PP_VALID_YES},
    {"mobile", "19412345678", PP_VALID_NO},
    {"mobile", "12345678901", PP_VALID_NO},
    {"mobile", "1381234567", PP_VALID_NO},
    /* landline: never certain alone */
    {"landline", "023-55318139", PP_VALID_WEAK},
    {"landline", "010-62345678", PP_VALID_WEAK},
    {"landline", "(0816)2345678", PP_VALID_WEAK},
    {"landline", "0000-1234567", PP_VALID_NO},
    {"landline", "023-05318139", PP_VALID_NO},            /* local numbers do not start with 0 */
    {"landline", "12345", PP_VALID_NO},                   /* hotline */
    /* bank card */
    {"bank_card", "6222021001123456789", PP_VALID_YES},   /* Luhn, 19 digits */
    {"bank_card", "4111111111111111", PP_VALID_WEAK},     /* Visa: needs context in Chinese text */
    {"bank_card", "6222 0210 0112 3456 789", PP_VALID_YES},
    {"bank_card", "6222021001123456788", PP_VALID_WEAK},  /* UnionPay failing Luhn: needs context */
    {"bank_card", "4111111111111112", PP_VALID_NO},
    {"bank_card", "621700000000006", PP_VALID_NO},        /* 15 digits */
    {"bank_card", "62220210011234567890", PP_VALID_NO},   /* 20 digits */
    /* passport and permits: weak, context decides */
    {"passport", "E12345678", PP_VALID_WEAK},
    {"passport", "G12345678", PP_VALID_WEAK},
    {"passport", "EA1234567", PP_VALID_WEAK},
    {"passport", "EI1234567", PP_VALID_NO},
    {"passport", "A12345678", PP_VALID_NO},
    {"permit", "C12345678", PP_VALID_WEAK},
    {"permit", "CA1234567", PP_VALID_WEAK},
    {"permit", "H12345678", PP_VALID_WEAK},
    {"permit", "X12345678", PP_VALID_NO},
    /* plates */
    {"plate", "粤GCA8G1", PP_VALID_YES},
    {"plate", "渝A·12345", PP_VALID_YES},
    {"plate", "京AD12345", PP_VALID_YES},                 /* new energy, D first */
    {"plate", "京A12345F", PP_VALID_YES},                 /* new energy, F last */
    {"plate", "京A123456", PP_VALID_NO},                  /* 6 without D/F */
    {"plate", "京ABCDEF", PP_VALID_NO},                   /* no digit */
    {"plate", "京I12345", PP_VALID_NO},                   /* I is not used */
    /* e-mail */
    {"email", "zhaofang1963@126.com", PP_VALID_YES},
    {"email", "a.b-c@mail.example.org", PP_VALID_YES},
    {"email", "user@localhost", PP_VALID_NO},
    {"email", "@126.com", PP_VALID_NO},
    {"email", "user@126.c0m", PP_VALID_NO},
};

static void test_cases(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        PPValidity got = pp_validate(cases[i].validator, cases[i].value);
        if (got != cases[i].want)
            g_error("%s(%s): got %d, want %d", cases[i].validator, cases[i].value, got, cases[i].want);
    }
}

static void test_table(void)
{
    static const char *const names[] = {"cn_id", "uscc", "mobile", "landline", "bank_card", "passport", "permit", "plate", "email"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        const PPValidator *v = pp_validator_find(names[i]);
        g_assert_nonnull(v);
        g_assert_cmpstr(v->name, ==, names[i]);
    }
    g_assert_null(pp_validator_find("nope"));
    g_assert_cmpint(pp_validate("nope", "13812345678"), ==, PP_VALID_NO);
    g_autofree char *all = pp_validator_names();
    g_assert_nonnull(strstr(all, "bank_card"));
}

static void test_compact(void)
{
    g_autofree char *a = pp_compact_value("５１０７０４ 1978-0125 476ｘ", strlen("５１０７０４ 1978-0125 476ｘ"));
    g_assert_cmpstr(a, ==, "51070419780125476X");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/validate/cases", test_cases);
    g_test_add_func("/validate/table", test_table);
    g_test_add_func("/validate/compact", test_compact);
    return g_test_run();
}
