/* The disclosure stage on small in-memory documents: one case per marking form and per hard
 * negative. Each row: the body (and header/footer) text, the attribute expected, and the finding
 * types expected in order (space-separated). */
#include "stage.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *body, *header, *footer;
    PPDisclosure want;
    const char *types;     /* disclosure finding types, in order */
    gboolean want_reason;  /* doc->reason set */
} Case;

#define END "\n抄送：县委办公室，县人大常委会办公室。\n"
#define HEAD "某某县人民政府办公室文件\n某府办发〔2025〕12号\n关于做好某项工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n"
#define DATE "某某县人民政府办公室\n2025年3月12日\n"
/* a paragraph of running text longer than PP_LINE_MAX_CELL */
#define LONG10 "各单位要按照要求认真做好政务公开各项工作，"
#define LONG LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 "。\n"

static const Case cases[] = {
    /* ---- marking forms ---- */
    {"附注（全角括号）", HEAD DATE "（此件公开发布）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"附注（半角括号）", HEAD DATE "(此件公开发布)" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"附注无括号", HEAD DATE "此件公开发布" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"附注带空格", HEAD DATE "　　（ 此件 公开发布 ）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"此件主动公开", HEAD DATE "（此件主动公开）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"中文数字日期", HEAD "某某县人民政府\n二〇二五年三月十二日\n（此件公开发布）\n", NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"PDF 日期带空格", HEAD "某某县人民政府\n2025 年 3 月 12 日\n此件公开发布\n", NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"删减后公开发布", HEAD DATE "（此件删减后公开发布）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"此件依申请公开", HEAD DATE "此件依申请公开" END, NULL, NULL, PP_DISC_ON_REQUEST, "on_request", FALSE},
    {"此件可依申请公开", HEAD DATE "（此件可依申请公开）" END, NULL, NULL, PP_DISC_ON_REQUEST, "on_request", FALSE},
    {"此件不公开带理由行", HEAD DATE "（此件不公开）\n不予公开理由：涉及个人隐私，依据《中华人民共和国政府信息公开条例》第十五条" END,
     NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"此件不予公开无理由", HEAD DATE "此件不予公开" END, NULL, NULL, PP_DISC_WITHHELD, "withheld no_ground", FALSE},
    {"此件不宜公开", HEAD DATE "（此件不宜公开）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld no_ground", FALSE},
    {"此件不得公开", HEAD DATE "（此件不得公开）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld no_ground", FALSE},
    {"理由在版记之后", HEAD DATE "（此件不予公开）\n抄送：县委办公室。\n某某县人民政府办公室　2025年3月12日印发\n不予公开理由：属于过程性信息\n", NULL, NULL,
     PP_DISC_WITHHELD, "withheld", TRUE},
    {"版记表格中的理由", HEAD DATE "信息公开选项\t不予公开\t不予公开理由：涉及商业秘密\n抄送：县委办公室。\n", NULL, NULL,
     PP_DISC_WITHHELD, "withheld", TRUE},
    {"不予公开同行理由", HEAD DATE "此件不予公开（涉及商业秘密）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"只引条款号", HEAD DATE "信息公开选项：不予公开\n不公开理由：依据《中华人民共和国政府信息公开条例》第十六条" END, NULL, NULL,
     PP_DISC_WITHHELD, "withheld no_ground", FALSE},
    {"理由折行", HEAD DATE "信息公开选项：不予公开\n不予公开理由：属于内部事务信息（《中华人民共和国政府信\n息公开条例》第十六条）" END,
     NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"信息公开选项：主动公开", HEAD DATE "信息公开选项：主动公开" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"半角冒号和空格", HEAD DATE "信息公开选项: 依申请公开" END, NULL, NULL, PP_DISC_ON_REQUEST, "on_request", FALSE},
    {"公开方式：主动公开", HEAD DATE "公开方式：主动公开" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"公开属性同行理由", HEAD DATE "公开属性：不予公开（属于内部事务信息）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"版记表格两格", HEAD DATE "公开方式\t主动公开\n抄送：县委办公室。\t\n", NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"版记表格一格", HEAD DATE "信息公开选项：主动公开\t\n抄送：县委办公室。\t\n", NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"勾选式", HEAD DATE "公开属性：☑主动公开 □依申请公开 □不予公开" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"勾选式表格", HEAD DATE "公开属性\t□主动公开\t☑依申请公开\t□不予公开\n抄送：县委办公室。\n", NULL, NULL, PP_DISC_ON_REQUEST,
     "on_request", FALSE},
    {"Markdown 加粗", HEAD "**信息公开选项：主动公开**\n\n---\n某某县人民政府办公室\n2018年7月30日印发\n", NULL, NULL,
     PP_DISC_PROACTIVE, "", FALSE},
    {"页眉中的标注", HEAD DATE END, "此件公开发布", NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"页眉中与机关名并排", HEAD DATE END, "某某县人民政府办公室\t\t此件公开发布", NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"页眉中以空格隔开", HEAD DATE END, "某某县人民政府办公室      （此件主动公开）", NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"页脚中的标注", HEAD DATE END, NULL, "信息公开选项：主动公开", PP_DISC_PROACTIVE, "", FALSE},
    {"附注后还有附件", HEAD DATE "（此件公开发布）\n附件\n某某项目清单\n" "第一项内容说明。\n第二项内容说明。\n第三项内容说明。\n第四项内容说明。\n第五项。\n",
     NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"公开属性：公开", HEAD DATE "公开属性：公开" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"公开属性：不公开", HEAD DATE "公开属性：不公开（涉及个人隐私）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"公开类别", HEAD DATE "公开类别：依申请公开" END, NULL, NULL, PP_DISC_ON_REQUEST, "on_request", FALSE},
    {"文首的公开属性", "公开属性：主动公开\n" HEAD DATE END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"长段落之后的附注", HEAD LONG LONG LONG LONG DATE "（此件公开发布）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"标注后空格接理由", HEAD DATE "公开属性：不予公开　　不予公开理由：属于内部事务信息" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"公开选项后接理由", HEAD DATE "公开选项：不予公开    理由：过程性信息" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"只写属性的附注", HEAD DATE "（主动公开）" END, NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
    {"文首只写属性", "依申请公开\n" HEAD DATE END, NULL, NULL, PP_DISC_ON_REQUEST, "on_request", FALSE},
    {"只写属性带理由", HEAD DATE "不予公开（涉及个人隐私）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld", TRUE},
    {"只写属性只引条款", HEAD DATE "不予公开（第十五条）" END, NULL, NULL, PP_DISC_WITHHELD, "withheld no_ground", FALSE},
    /* ---- conflict and missing ---- */
    {"表格中的选项模板", HEAD DATE "公开属性\t主动公开\t依申请公开\t不予公开\n抄送：县委办公室。\n", NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"未选择的模板", HEAD DATE "信息公开选项：主动公开 依申请公开 不予公开" END, NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"两种属性", HEAD DATE "信息公开选项：主动公开" END "信息公开选项：不予公开\n", NULL, NULL, PP_DISC_CONFLICT, "conflict", FALSE},
    {"正文与页眉不一致", HEAD DATE "（此件公开发布）" END, "此件不予公开", NULL, PP_DISC_CONFLICT, "conflict", FALSE},
    {"未标注", HEAD DATE END, NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    /* ---- hard negatives: the words, but not a marking ---- */
    {"引号中的标注", HEAD "各单位在公文印发时标注“此件公开发布”“此件依申请公开”“此件不公开”，对不予公开的要说明理由。\n" DATE END,
     NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"引号折行", HEAD "在公文印发时标注“此件公开发布”“此件依申请公\n开”“此件不公开”，对公开属性为不予公开的，要依法依规说\n明理由。\n" DATE END,
     NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"引号中单独一行", HEAD "各单位在公文印发时标注“\n此件公开发布\n”字样。\n" DATE END, NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"句首但在句中", HEAD DATE "此件公开发布后，各单位要认真组织学习。" END, NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"公开方式的研判", HEAD "加强公开方式的研判，对主动公开、依申请公开和不予公开作出区分。\n" DATE END, NULL, NULL, PP_DISC_MISSING,
     "missing", FALSE},
    {"正文中独立成行的属性词", HEAD "一、主动公开情况\n本年度主动公开政府信息1200条。\n" LONG "主动公开\n" LONG "二、其他\n" DATE END,
     NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"成文日期后的统计表格", HEAD DATE "主动公开\t1200\n依申请公开\t35\n" END, NULL, NULL, PP_DISC_MISSING, "missing", FALSE},
    {"年报表格", HEAD "三、收到和处理政府信息公开申请情况\n（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律行政法规禁止公开\t0\n"
                   "公开方式：主动公开、依申请公开相结合\n" DATE "（此件公开发布）" END,
     NULL, NULL, PP_DISC_PROACTIVE, "", FALSE},
};

static PPRules *load_rules(void)
{
    const char *dirs[] = {SRCDIR "/rules", NULL};
    GError *err = NULL;
    PPRules *r = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    g_assert_true(pp_stages_check_rules(r, &err));
    return r;
}

static PPDoc *make_doc(const char *body, const char *header, const char *footer)
{
    PPDoc *doc = pp_doc_new("test.txt", NULL);
    if (header)
        g_string_assign(pp_doc_add_part(doc, PP_PART_HEADER, 0, "word/header1.xml")->text, header);
    g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, 0, NULL)->text, body);
    if (footer)
        g_string_assign(pp_doc_add_part(doc, PP_PART_FOOTER, 0, "word/footer1.xml")->text, footer);
    return doc;
}

static void test_case(gconstpointer data)
{
    const Case *c = data;
    g_autoptr(PPRules) rules = load_rules();
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    g_autoptr(PPDoc) doc = make_doc(c->body, c->header, c->footer);
    pp_stage_disclosure.run(doc, &opt);
    g_autoptr(GString) got = g_string_new(NULL);
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        g_assert_cmpint(f->category, ==, PP_CAT_DISCLOSURE);
        g_assert_cmpint(f->severity, ==, PP_SEV_BLOCK);
        g_assert_nonnull(f->masked);
        g_assert_nonnull(f->message);
        g_assert_nonnull(f->basis);
        g_assert_nonnull(f->advice); /* every message tells the clerk what to do */
        g_string_append_printf(got, "%s%s", i ? " " : "", f->type);
    }
    g_assert_cmpstr(pp_disclosure_name(doc->disclosure), ==, pp_disclosure_name(c->want));
    g_assert_cmpstr(got->str, ==, c->types);
    g_assert_cmpint(doc->reason != NULL, ==, c->want_reason);
    g_assert_cmpint(doc->marking != NULL, ==, c->want != PP_DISC_MISSING);
}

/* The reason cut from the marking's own line loses the separator before it and the unmatched
 * closing bracket after it. */
static void test_reason_tidy(void)
{
    static const struct {
        const char *marking, *reason;
    } cases[] = {
        {"（此件不予公开，理由：涉及个人隐私）", "理由：涉及个人隐私"},
        {"（此件不予公开；不予公开理由：属于过程性信息（条例第十六条））", "不予公开理由：属于过程性信息（条例第十六条）"},
    };
    g_autoptr(PPRules) rules = load_rules();
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *body = g_strconcat(HEAD DATE, cases[i].marking, END, NULL);
        g_autoptr(PPDoc) doc = make_doc(body, NULL, NULL);
        pp_stage_disclosure.run(doc, &opt);
        g_assert_cmpint(doc->disclosure, ==, PP_DISC_WITHHELD);
        g_assert_cmpstr(doc->reason, ==, cases[i].reason);
    }
}

/* The marking is located: part, line, and a byte range holding the marking. */
static void test_location(void)
{
    g_autoptr(PPRules) rules = load_rules();
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    g_autoptr(PPDoc) doc = make_doc(HEAD DATE "此件依申请公开" END, NULL, NULL);
    pp_stage_disclosure.run(doc, &opt);
    g_assert_cmpuint(doc->findings->len, ==, 1);
    const PPFinding *f = doc->findings->pdata[0];
    g_assert_cmpint(f->part, ==, PP_PART_BODY);
    g_assert_cmpint(f->line, ==, 8);
    const PPPart *p = doc->parts->pdata[0];
    g_autofree char *at = g_strndup(p->text->str + f->start, f->end - f->start);
    g_assert_cmpstr(at, ==, "此件依申请公开");
    g_assert_cmpstr(doc->marking, ==, "此件依申请公开");
}

/* Without disclosure rules the stage says so instead of calling every document "missing". */
static void test_no_rules(void)
{
    GError *err = NULL;
    g_autoptr(PPRules) rules = pp_rules_load_file(SRCDIR "/rules/secrets.rules", &err);
    g_assert_no_error(err);
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    g_autoptr(PPDoc) doc = make_doc(HEAD DATE END, NULL, NULL);
    pp_stage_disclosure.run(doc, &opt);
    g_assert_cmpuint(doc->findings->len, ==, 0);
    g_assert_cmpuint(doc->notes->len, ==, 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/disclosure/case/%02zu-%s", i, cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/disclosure/location", test_location);
    g_test_add_func("/disclosure/reason-tidy", test_reason_tidy);
    g_test_add_func("/disclosure/no-rules", test_no_rules);
    return g_test_run();
}
