/* The quality stage (文字关) on small in-memory documents. Each row: the body text and the quality
 * findings expected, as "type:text" in order (space-separated; text as reported). */
#include "stage.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *body;
    gboolean pdf;      /* the part has glyphs: lines wrap */
    const char *want;
} Case;

static const Case cases[] = {
    /* ---- typos on the watch list ---- */
    {"严重错别字", "依据《中华人民共合国政府信息公开条例》。\n", FALSE, "typo:中华人民共合国"},
    {"正确写法", "依据《中华人民共和国政府信息公开条例》，为人民服务。\n", FALSE, ""},
    /* ---- traditional characters ---- */
    {"简体中混有繁体", "加大违法违规行爲查处力度，加强领导，压实责任，确保工作落到实处。\n", FALSE, "traditional:爲"},
    {"整段繁体引文不算", "香港特別行政區政府發言人表示，會繼續與內地當局緊密聯繫。\n", FALSE, ""},
    /* ---- brackets ---- */
    {"括号没有闭合", "按规定办理（详见附件。\n下一段。\n另一段。\n再一段。\n", FALSE, "brackets:（"},
    {"文末的括号（无换行）", "按规定办理（详见附件", FALSE, "brackets:（"},
    {"文末截断的字符", "按规定办理（详见\xe9\x99", FALSE, "brackets:（"},
    {"书名号没有前半个", "根据政府信息公开条例》规定办理。\n", FALSE, "brackets:》"},
    {"成对的括号", "根据《关于印发〈某某办法〉的通知》（某府办发〔2025〕12号）办理。\n", FALSE, ""},
    {"全角半角混用也成对", "（牵头单位：区教体局、\n区民政局)\n", FALSE, ""},
    {"列表项 1)", "1) 第一项\n2) 第二项\n", FALSE, ""},
    {"PDF 中折行的括号", "各单位（牵头单位：区发展改革委、\n区财政局、区教委、\n区民政局、区人力社保局、\n区住房城乡建委）负责。\n", TRUE, ""},
    /* ---- 发文字号 ---- */
    {"发文字号圆括号", "根据渝府办发(2017)60号文件。\n", FALSE, "docno:(2017)60号"},
    {"发文字号方括号", "根据国发[2016]5号和云府发【2017】3号。\n", FALSE, "docno:[2016]5号 docno:【2017】3号"},
    {"发文字号加第", "根据某府发〔2017〕第36号。\n", FALSE, "docno:〔2017〕第36号"},
    {"规范的发文字号", "根据渝府办发〔2017〕60号。\n", FALSE, ""},
    {"法院案号不是发文字号", "（2017）渝0101民初123号判决书。\n", FALSE, ""},
    /* ---- dates ---- */
    {"不存在的日期", "请于2025年2月30日前报送。\n", FALSE, "date:2025年2月30日"},
    {"不存在的月份", "2025年13月1日\n", FALSE, "date:2025年13月1日"},
    {"三十二日", "2025年1月32日\n", FALSE, "date:2025年1月32日"},
    {"闰年二月二十九日", "2024年2月29日\n", FALSE, ""},
    /* ---- heading numbers ---- */
    {"一级序号跳号", "一、总体要求\n正文。\n三、保障措施\n", FALSE, "ordinal:三、保障措施"},
    {"二级序号重号", "一、总体要求\n（一）加强领导\n（一）压实责任\n", FALSE, "ordinal:（一）压实责任"},
    {"新的一级序号重置二级", "一、总体要求\n（一）加强领导\n（二）压实责任\n二、主要任务\n（一）做好公开\n", FALSE, ""},
    {"附件重新编号", "一、总体要求\n二、主要任务\n附件\n一、名单\n", FALSE, ""},
    {"第三层写作 1、", "（一）加强领导\n1、成立领导小组\n", FALSE, "ordinal:1、"},
    {"1.5 亿元不是序号", "1.投资情况\n2.5亿元用于建设。\n3.资金来源\n", FALSE, "ordinal:3.资金来源"},
    {"表格行的序号不是标题", "1. 属于国家秘密 0 0 0 0\n3. 其他法律行政法规禁止公开 1 0 0 0\n", FALSE, ""},
    /* ---- findings in document order, whatever the rule order ---- */
    {"按文中顺序", "请于2025年2月30日前报送。\n依据中华人民共合国有关规定。\n", FALSE, "date:2025年2月30日 typo:中华人民共合国"},
    /* ---- doubled words ---- */
    {"词语重复", "由于由于天气原因，会议延期。\n", FALSE, "doubled:由于由于"},
    {"目的的、的的确确不算", "达到目的的措施。的的确确如此。\n", FALSE, ""},
};

static PPRules *load(void)
{
    const char *dirs[] = {SRCDIR "/rules", NULL};
    GError *err = NULL;
    PPRules *r = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    g_assert_true(pp_stages_check_rules(r, &err));
    return r;
}

static char *run(const PPRules *rules, const char *body, gboolean pdf)
{
    g_autoptr(PPDoc) doc = pp_doc_new("test.txt", NULL);
    PPPart *p = pp_doc_add_part(doc, PP_PART_BODY, pdf ? 1 : 0, NULL);
    g_string_assign(p->text, body);
    if (pdf)
        p->glyphs = g_array_new(FALSE, TRUE, sizeof(PPGlyph));
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_quality.run(doc, &opt);
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        g_assert_cmpint(f->category, ==, PP_CAT_QUALITY);
        g_assert_cmpint(f->severity, <=, PP_SEV_REVIEW); /* text quality never blocks on its own */
        g_assert_nonnull(f->message);
        g_assert_nonnull(f->context);
        g_assert_cmpint(f->line, >, 0);
        g_string_append_printf(got, "%s%s:%s", i ? " " : "", f->type, f->masked);
    }
    return g_string_free(got, FALSE);
}

static void test_case(gconstpointer data)
{
    const Case *c = data;
    g_autoptr(PPRules) rules = load();
    g_autofree char *got = run(rules, c->body, c->pdf);
    g_assert_cmpstr(got, ==, c->want);
}

/* A document full of one problem: findings are capped, the rest counted in a note. */
static void test_cap(void)
{
    g_autoptr(PPRules) rules = load();
    GString *body = g_string_new("加强领导。\n");
    for (int i = 0; i < 30; i++)
        g_string_append(body, "请于2025年2月30日前报送，确保工作落到实处，各单位认真做好有关工作。\n");
    g_autoptr(PPDoc) doc = pp_doc_new("test.txt", NULL);
    g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, 0, NULL)->text, body->str);
    g_string_free(body, TRUE);
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_quality.run(doc, &opt);
    g_assert_cmpuint(doc->findings->len, ==, 20);
    g_assert_cmpuint(doc->notes->len, ==, 1);
    g_assert_nonnull(strstr(doc->notes->pdata[0], "另有 10 处"));
}

/* An unknown check name in a rule file stops the run with file:line. */
static void test_bad_check(void)
{
    g_autofree char *dir = g_dir_make_tmp("prepub-quality-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "bad.rules", NULL);
    g_assert_true(g_file_set_contents(path, "[quality.x]\ncategory = quality\nseverity = info\ncheck = spelling\n"
                                            "pattern = x\n", -1, NULL));
    GError *err = NULL;
    g_autoptr(PPRules) r = pp_rules_load_file(path, &err);
    g_assert_no_error(err);
    g_assert_false(pp_stages_check_rules(r, &err));
    g_assert_nonnull(strstr(err->message, "bad.rules:1"));
    g_assert_nonnull(strstr(err->message, "spelling"));
    g_error_free(err);
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/quality/case/%02zu-%s", i, cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/quality/cap", test_cap);
    g_test_add_func("/quality/bad-check", test_bad_check);
    return g_test_run();
}
