/* The secrets stage on small in-memory documents. Each row: the body (and header) text and the
 * secret findings expected, as "type:severity" in order (space-separated). */
#include "stage.h"

#include <string.h>

typedef struct {
    const char *name;
    const char *body, *header;
    const char *want;
} Case;

#define TITLE "县政府常务会议纪要\n第12次\n"
#define TEXT "会议研究了有关工作。\n会议要求各单位抓好落实。\n"
#define LONG10 "各单位要按照要求认真做好政务公开各项工作，"
#define LONG LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 "。\n"
#define TAIL "某某县人民政府办公室\n2025年3月12日\n抄送：县委办公室。\n"

static const Case cases[] = {
    /* ---- classification markings ---- */
    {"秘密★1年", "秘密★1年\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"机密★6个月", "机密★6个月\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"绝密★启用前", "绝密★启用前\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"机密★会议开始前", "机密★会议开始前\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"Markdown 标题中", "# 秘密★1年\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"只有密级", "秘密\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"带空格", "　秘 密 ★ 1 年\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"份号在前一行", "000123\n机密★5年\n特急\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"份号同一行", "000123　绝密★启用前\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"版头表格中", "000123\t机密★1年\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"漏打星号", "秘密　1年\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"No. 份号", "No.000123　机密\n" TITLE TEXT TAIL, NULL, "classification:block"},
    {"标题中的年份不是密级", "2025年工作要点\n" TITLE TEXT TAIL, NULL, ""},
    {"页眉中", TITLE TEXT TAIL, "机密★5年", "classification:block"},
    {"页眉中与机关名并排", TITLE TEXT TAIL, "机密★5年        某某县人民政府办公室", "classification:block"},
    {"页眉中的句子", TITLE TEXT TAIL, "某某县人民政府 保守国家秘密 人人有责", ""},
    /* ---- 工作秘密 / internal markings ---- */
    {"内部资料 注意保存", "内部资料 注意保存\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"内部文件 不得外传", "内部文件　不得外传\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"仅供内部参考", "仅供内部参考\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"工作秘密", "工作秘密\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"涉密文件 严禁外传", "涉密文件　严禁外传\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"注意保密", "注意保密\n" TITLE TEXT TAIL, NULL, "internal:block"},
    {"附注位置", TITLE TEXT "某某县人民政府办公室\n2025年3月12日\n（内部资料，注意保密）\n抄送：县委办公室。\n", NULL, "internal:block"},
    {"附注位置的句子", TITLE TEXT "某某县人民政府办公室\n2025年3月12日\n本纪要为内部资料，注意保存。\n", NULL, "internal:block"},
    {"页脚位置的内部标志", TITLE TEXT TAIL, "内部使用", "internal:block"},
    {"密级和内部标志", "秘密★1年\n内部文件 不得外传\n" TITLE TEXT TAIL, NULL, "classification:block internal:block"},
    /* ---- draft markers: review ---- */
    {"标题后征求意见稿", "关于加强某项管理的办法（征求意见稿）\n" TEXT TAIL, NULL, "draft:review"},
    {"讨论稿单独一行", "讨论稿\n" TITLE TEXT TAIL, NULL, "draft:review"},
    {"送审稿", "某某条例（送审稿）\n" TEXT TAIL, NULL, "draft:review"},
    {"内部讨论", "（内部讨论）\n" TITLE TEXT TAIL, NULL, "draft:review"},
    {"草案", "中华人民共和国某某法（草案）\n" TEXT TAIL, NULL, "draft:review"},
    /* ---- credentials ---- */
    {"密码", TITLE "系统登录密码：Abc@2023xyz\n" TAIL, NULL, "credential:block"},
    {"password=", TITLE "db.password=Qw3rty!9zz\n" TAIL, NULL, "credential:block"},
    {"AWS", TITLE "AKIAZ3MHQ7KP5RT2XW4Y\n" TAIL, NULL, "credential:block"},
    {"阿里云", TITLE "AccessKey ID：LTAI5tQ8ZbXvN3r2Kp7mWj9c\n" TAIL, NULL, "credential:block"},
    {"私钥", TITLE "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7v1Zq\n-----END RSA PRIVATE KEY-----\n" TAIL, NULL,
     "credential:block"},
    {"JWT", TITLE "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\n" TAIL,
     NULL, "credential:block"},
    {"api_key", TITLE "api_key = \"9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c\"\n" TAIL, NULL, "credential:block"},
    {"连接串口令", TITLE "mysql://admin:Xk9pLm2Q@10.0.0.5:3306/db\n" TAIL, NULL, "credential:block"},
    {"同一值两条规则只报一次", TITLE "AccessKeyId: LTAI5tQ8ZbXvN3r2Kp7mWj9c\n" TAIL, NULL, "credential:block"},
    /* ---- hard negatives ---- */
    {"保守国家秘密", "各单位要保守国家秘密。\n" TITLE TEXT TAIL, NULL, ""},
    {"不得公开涉及国家秘密",
     "公开政府信息前，要进行保密性审查，不得公开涉及国家秘密、商业秘密、个人隐私等信息，妥善处理好政务公开与保守国家秘密的关系。\n" TITLE TEXT TAIL,
     NULL, ""},
    {"表格中属于国家秘密", TITLE "（三）不予公开\t1.属于国家秘密\t0\n\t2.其他法律行政法规禁止公开\t0\n" TAIL, NULL, ""},
    {"密级一览表", "国家秘密的密级\n密级\t绝密\t机密\t秘密\n" TITLE TEXT TAIL, NULL, ""},
    {"句中的秘密", "这件事还是秘密。\n" TITLE TEXT TAIL, NULL, ""},
    {"秘密开头的标题", "秘密文件管理办法\n" TEXT TAIL, NULL, ""},
    {"正文深处单独的秘密", TITLE TEXT TEXT TEXT TEXT "秘密\n" TEXT TEXT TEXT TAIL, NULL, ""},
    {"长段落之后单独的秘密", LONG LONG LONG LONG LONG LONG "秘密\n" TEXT TAIL, NULL, ""},
    {"长段落之前的密级", "秘密★1年\n" LONG LONG LONG LONG LONG LONG TEXT TAIL, NULL, "classification:block"},
    {"句中的内部资料", "要加强内部资料管理，内部资料不得随意外传。\n" TITLE TEXT TAIL, NULL, ""},
    {"征求意见的通知", "现将《某某办法（征求意见稿）》公开征求意见\n" TEXT TAIL, NULL, ""},
    {"身份证后六位", TITLE "初始密码：身份证号后六位\n" TAIL, NULL, ""},
    {"遮盖的密码", TITLE "密码：********\n" TAIL, NULL, ""},
    {"AWS 示例密钥", TITLE "AKIAIOSFODNN7EXAMPLE\n" TAIL, NULL, ""},
    {"低熵令牌", TITLE "token: abcdabcdabcdabcd\n" TAIL, NULL, ""},
    {"密钥管理", TITLE "加强密钥管理和商用密码应用。\n" TAIL, NULL, ""},
};

static PPRules *load(const char *extra)
{
    const char *dirs[] = {SRCDIR "/rules", extra, NULL};
    GError *err = NULL;
    PPRules *r = pp_rules_load(dirs, &err);
    g_assert_no_error(err);
    g_assert_true(pp_stages_check_rules(r, &err));
    return r;
}

/* header: a header part, or a footer part when it starts with 内部 (the internal-marking footer case). */
static PPDoc *make_doc(const char *body, const char *header)
{
    PPDoc *doc = pp_doc_new("test.txt", NULL);
    if (header)
        g_string_assign(pp_doc_add_part(doc, g_str_has_prefix(header, "内部") ? PP_PART_FOOTER : PP_PART_HEADER, 0, NULL)->text,
                        header);
    g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, 0, NULL)->text, body);
    return doc;
}

/* "type:severity …" of the doc's secret findings; checks what every finding must carry. */
static char *run(const PPRules *rules, PPDoc *doc)
{
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_secrets.run(doc, &opt);
    GString *got = g_string_new(NULL);
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        g_assert_cmpint(f->category, ==, PP_CAT_SECRET);
        g_assert_nonnull(f->text);
        g_assert_nonnull(f->masked);
        g_assert_nonnull(f->message);
        g_assert_cmpint(f->line, >, 0);
        g_assert_cmpuint(f->end, >, f->start);
        if (strcmp(f->type, "credential") == 0) {
            g_assert_null(strstr(f->masked, f->text)); /* never the raw secret */
            g_assert_nonnull(strstr(f->masked, "****"));
        }
        g_string_append_printf(got, "%s%s:%s", i ? " " : "", f->type, pp_severity_name(f->severity));
    }
    return g_string_free(got, FALSE);
}

static void test_case(gconstpointer data)
{
    const Case *c = data;
    g_autoptr(PPRules) rules = load(NULL);
    g_autoptr(PPDoc) doc = make_doc(c->body, c->header);
    g_autofree char *got = run(rules, doc);
    g_assert_cmpstr(got, ==, c->want);
}

/* A marking keeps its text; a credential is masked and its range holds the value. */
static void test_masking(void)
{
    g_autoptr(PPRules) rules = load(NULL);
    g_autoptr(PPDoc) doc = make_doc("机密★5年\n" TITLE "登录密码：Abc@2023xyz。\nAKIAZ3MHQ7KP5RT2XW4Y\n" TAIL, NULL);
    g_autofree char *got = run(rules, doc);
    g_assert_cmpstr(got, ==, "classification:block credential:block credential:block");
    const PPFinding *m = doc->findings->pdata[0], *pw = doc->findings->pdata[1], *ak = doc->findings->pdata[2];
    g_assert_cmpstr(m->masked, ==, "机密★5年");
    g_assert_nonnull(m->basis);
    g_assert_nonnull(m->advice);
    g_assert_cmpstr(pw->text, ==, "Abc@2023xyz");
    g_assert_cmpstr(pw->masked, ==, "********");
    g_assert_cmpint(pw->line, ==, 4);
    g_assert_cmpstr(ak->masked, ==, "AKIA********");
    /* a draft marker is reported alone, not with the whole title */
    g_autoptr(PPDoc) d2 = make_doc("关于加强某项管理的办法（征求意见稿）\n" TEXT TAIL, NULL);
    g_autofree char *got2 = run(rules, d2);
    g_assert_cmpstr(got2, ==, "draft:review");
    g_assert_cmpstr(((PPFinding *)d2->findings->pdata[0])->masked, ==, "（征求意见稿）");
    const PPPart *p = doc->parts->pdata[0];
    g_autofree char *at = g_strndup(p->text->str + pw->start, pw->end - pw->start);
    g_assert_cmpstr(at, ==, "Abc@2023xyz");
}

/* An office's own rule directory: term lists (terms_file with two files), include, and a rule
 * that replaces a bundled one by id. */
static void test_office_rules(void)
{
    g_autoptr(PPRules) rules = load(SRCDIR "/tests/data/secrets/office");
    g_autoptr(PPDoc) doc = make_doc("关于某项工作的通知（征求意见稿）\n" TEXT "蓝鲸工程已进入第二阶段，七号基地配合。\n样例代号另行通知。\n" TAIL, NULL);
    g_autofree char *got = run(rules, doc);
    g_assert_cmpstr(got, ==, "draft:info term:review term:block term:block");
    const PPRule *d = pp_rules_get(rules, "secrets.draft");
    g_assert_true(g_str_has_suffix(d->file, "office.rules"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/secrets/case/%02zu-%s", i, cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/secrets/masking", test_masking);
    g_test_add_func("/secrets/office-rules", test_office_rules);
    return g_test_run();
}
