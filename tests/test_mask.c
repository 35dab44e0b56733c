/* Every mask style of mask.c. */
#include <string.h>

#include "mask.h"

static const struct {
    const char *style, *value, *want;
} cases[] = {
    {"cn_id", "510704197801254760", "510704********4760"},  /* the birth date is hidden */
    {"cn_id", "11010519491231002X", "110105********002X"},
    {"cn_id", "110105491231002", "110105*****1002"},        /* 15-digit */
    {"mobile", "13812341234", "138****1234"},
    {"mobile", "+8613812341234", "+86138****1234"},
    {"landline", "02355318139", "023******39"},
    {"landline", "081612345678", "0816******78"},
    {"bank_card", "6222021001123456789", "***************6789"},
    {"name", "张三", "张*"},
    {"name", "王小明", "王**"},
    {"name", "欧阳娜娜", "欧阳**"},                          /* compound surname kept whole */
    {"name", "诸葛辉", "诸葛*"},
    {"address", "重庆市黔江区濯水镇石门村9组30号", "重庆市黔江区濯水镇********"},
    {"address", "四川省绵阳市游仙区魏城镇人民路12号3栋2单元501室", "四川省绵阳市游仙区魏城镇***************"},
    {"address", "重庆市黔江区城南街道桂湖路316号", "重庆市黔江区城南街道*******"},
    {"address", "江苏省镇江市京口区象山镇某村", "江苏省镇江市京口区象山镇**"}, /* 镇江市 is not a 镇 */
    {"address", "重庆市云阳县人民路1号", "重庆市云阳县*****"},    /* no township: county kept */
    {"email", "zhaofang1963@126.com", "z***@126.com"},
    {"plate", "苏D45670", "苏D4***0"},
    {"passport", "E12345678", "E*****678"},
    {"generic", "ABCDEF", "A****F"},
    {"full", "秘密", "**"},
};

static void test_styles(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = pp_mask(cases[i].style, cases[i].value);
        if (g_strcmp0(got, cases[i].want) != 0)
            g_error("mask %s(%s): got %s, want %s", cases[i].style, cases[i].value, got, cases[i].want);
    }
}

static void test_table(void)
{
    g_assert_null(pp_mask_find("nope"));
    g_assert_null(pp_mask("nope", "x"));
    g_assert_true(pp_mask_find("cn_id")->compact);
    g_assert_false(pp_mask_find("name")->compact);
    g_autofree char *all = pp_mask_names();
    g_assert_nonnull(strstr(all, "address"));
    /* the same value always gives the same mask: one value, one form in a document */
    g_autofree char *a = pp_mask("mobile", "13812341234");
    g_autofree char *b = pp_mask("mobile", "13812341234");
    g_assert_cmpstr(a, ==, b);
    /* short values are not shown whole */
    g_autofree char *s = pp_mask("cn_id", "123");
    g_assert_cmpstr(s, ==, "1**");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/mask/styles", test_styles);
    g_test_add_func("/mask/table", test_table);
    return g_test_run();
}
