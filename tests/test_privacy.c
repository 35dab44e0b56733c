/* The privacy stage on small texts: hard negatives that must stay silent, positives that must be
 * found (full-width, spaced, table columns typed by their header, cues, hidden parts), offsets into
 * the original text, masking in reports, and rule-file checks. */
#include <string.h>

#include "stage.h"

static PPRules *rules;

static PPRules *load(const char *name, GError **error)
{
    g_autofree char *path = g_build_filename(SRCDIR, name, NULL);
    PPRules *r = pp_rules_load_file(path, error);
    if (r && !pp_stages_check_rules(r, error)) {
        pp_rules_free(r);
        return NULL;
    }
    return r;
}

/* Run the stage on one part; returns the doc (findings in doc->findings). */
static PPDoc *run_part(PPPartKind kind, const char *origin, const char *text)
{
    PPDoc *doc = pp_doc_new("t.txt", NULL);
    PPPart *p = pp_doc_add_part(doc, kind, 0, origin);
    g_string_assign(p->text, text);
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_privacy.run(doc, &opt);
    return doc;
}

static PPDoc *run_text(const char *text) { return run_part(PP_PART_BODY, NULL, text); }

/* The counted findings (block or review) */
static guint counted(const PPDoc *doc)
{
    guint n = 0;
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        n += f->severity != PP_SEV_INFO;
    }
    return n;
}

static const PPFinding *find(const PPDoc *doc, const char *type, const char *text)
{
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        if (strcmp(f->type, type) == 0 && strcmp(f->text, text) == 0 && f->severity != PP_SEV_INFO)
            return f;
    }
    return NULL;
}

static void dump(const PPDoc *doc)
{
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        g_printerr("  finding %s %s [%s] masked=%s\n", f->type, pp_severity_name(f->severity), f->text, f->masked);
    }
}

static void expect(const PPDoc *doc, const char *type, const char *text)
{
    if (!find(doc, type, text)) {
        dump(doc);
        g_error("expected %s finding [%s]", type, text);
    }
}

/* ---- hard negatives ---- */

static const char *const negatives[] = {
    "本次运维由重庆某信息技术有限公司（统一社会信用代码：91440305AWBJ98TMW4）承担。",
    "经营场所：某副食店（统一社会信用代码：515107045RGFLKR532）。",
    "绵游府办发〔2025〕144号",
    "索引号：11500235009248682Y/2021-00192",
    "群众可拨打政务服务便民热线12345或政府值班电话023-55318139反映问题，邮政编码404500。",
    "联系方式\n地址：某某路12号\n联系电话：023-55318139",
    "报警110，火警119，急救120，消费投诉12315，客服95588，热线400-800-1234。",
    "当事人张某、李某某、王**、张*已依法处理。",
    "坚持高水平开放，任何单位不得截留；黄金周期间王国平安；高中阶段。",
    "经县人民政府研究，决定：任命张三同志为县财政局局长；免去李四同志的县民政局局长职务。",
    "序号\t姓名\t拟任职务\n1\t王小明\t县财政局副局长",
    "2018 年 12 月底前完成，共 1234567 元。",
    "不在用的号段：154 1234 5678，17912345678。",
    "政务邮箱：xxgk@cq.gov.cn",
    "发文日期 2017-06-01",
    "当事人姓名：某某；当事人陈述、申辩的意见已记录。",
    "申请人：李先生；投诉人：王女士；联系人：张主任。当事人权利。申请人房屋已登记。",
    "办理时请携带户口本、银行卡,身份证原件及复印件。",
    "投诉邮箱：cqyyzwgk@163.com，监督电话：023-55318139。",
    "请于5月10日前报区应急局。联系人：陈晓东，联系电话：023-79223344，电子邮箱：qjyjj@163.com。",
    "本机关地址：重庆市黔江区新华大道西段88号，邮编409000，电话023-79221111。",
    "项目编号 4111111111111111，合同编号 20230512000123。",
    "收款单位：某区财政局，账号：6228480468012345679（单位账户）。",
    "申请人身份证号码：110101********1234，手机：138****1234，已按规定脱敏。",
    "会议由区长张平主持，副区长李强、王刚出席。表彰名单：先进工作者王明、赵丽。",
    "项目代码：2023-510704-12-01-123456；ISBN 978-7-01-012345-6；发票代码：051002300111。",
    "当事人：重庆某某商贸有限公司\n统一社会信用代码：91500235MA5U123456\n住所：重庆市云阳县双江街道滨江路100号\n法定代表人：刘强",
    "网站备案号：京ICP备12345678号，京公网安备11010502030143号，增值电信业务经营许可证：粤B2-20090059。",
    /* party cues followed by organisations or by ordinary words */
    "原告某某市人民政府诉被告李某某一案。第三人某某建设有限公司未到庭。业主委员会应当依法履行职责。",
    "车主应当在规定期限内办理年检。代理人应当提交授权委托书。收款人账户信息有误的，应及时更正。",
    "户名必须与身份证姓名一致。被上诉人高新区管委会答辩称。持卡人可到网点办理。担保人承担连带责任。",
};

static void test_negatives(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(negatives); i++) {
        g_autoptr(PPDoc) doc = run_text(negatives[i]);
        guint n = counted(doc);
        if (n) {
            dump(doc);
            g_error("negative %zu (%s): %u findings", i, negatives[i], n);
        }
    }
}

/* ---- positives ---- */

static void test_fullwidth_offsets(void)
{
    const char *text = "申请人：余华涵，身份证号：６１０１１３１９５００４２７１６５４，电话：１７８６４５８７３３５。";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "cn_id", "６１０１１３１９５００４２７１６５４");
    expect(doc, "mobile", "１７８６４５８７３３５");
    expect(doc, "person_name", "余华涵");
    const PPFinding *f = find(doc, "cn_id", "６１０１１３１９５００４２７１６５４");
    /* offsets are into the original text */
    g_assert_cmpuint(f->end - f->start, ==, strlen("６１０１１３１９５００４２７１６５４"));
    g_assert_true(memcmp(text + f->start, f->text, f->end - f->start) == 0);
    g_assert_cmpstr(f->masked, ==, "610113********1654");
    /* the excerpt carries the masked value only */
    g_assert_nonnull(f->context);
    g_assert_null(strstr(f->context, "1950"));
    g_assert_nonnull(strstr(f->context, "610113********1654"));
}

static void test_spaced_numbers(void)
{
    g_autoptr(PPDoc) doc = run_text("身份证号码 500235 1980 0125 4762；手机 138-1234-5678；卡号 6222 0210 0112 3456 789。");
    expect(doc, "cn_id", "500235 1980 0125 4762");
    expect(doc, "mobile", "138-1234-5678");
    expect(doc, "bank_card", "6222 0210 0112 3456 789");
    g_assert_cmpstr(find(doc, "cn_id", "500235 1980 0125 4762")->masked, ==, "500235********4762");
}

static void test_table_columns(void)
{
    const char *text = "关于2024年城乡低保对象的公示\n"
                       "序号\t户主姓名\t身份证号码\t家庭住址\t联系电话\t银行卡号\n"
                       "1\t欧阳娜娜\t50023519800125476X\t重庆市黔江区濯水镇石门村9组30号\t023-79221234\t6222021001123456788\n"
                       "2\t买买提·艾力\t500235198001254762\t四川省绵阳市游仙区魏城镇人民路12号3栋2单元501室\t13812345678\t6222021001123456789\n";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "person_name", "欧阳娜娜");
    expect(doc, "person_name", "买买提·艾力");
    expect(doc, "address", "重庆市黔江区濯水镇石门村9组30号");
    expect(doc, "address", "四川省绵阳市游仙区魏城镇人民路12号3栋2单元501室");
    expect(doc, "landline", "023-79221234");       /* personal by its column */
    expect(doc, "bank_card", "6222021001123456788"); /* fails Luhn: UnionPay in a 银行卡号 column */
    expect(doc, "cn_id", "50023519800125476X");      /* wrong check digit, in an ID column */
    const PPFinding *n = find(doc, "person_name", "欧阳娜娜");
    g_assert_cmpint(n->severity, ==, PP_SEV_BLOCK); /* a 公示 list */
    g_assert_cmpstr(n->masked, ==, "欧阳**");
    g_assert_cmpint(n->line, ==, 3);
    g_assert_cmpstr(find(doc, "address", "重庆市黔江区濯水镇石门村9组30号")->masked, ==, "重庆市黔江区濯水镇********");
}

/* PDF-extracted tables: header cells and values wrapped in narrow columns, joined with spaces */
static void test_pdf_like_table(void)
{
    const char *text = "关于濯水镇2021年城乡最低生活保障对象的公示\n"
                       "序号\t户主 姓名\t身份 证号 码\t家庭 住址\t联系 电话\t银行 卡号\n"
                       "1\t郑燕 志\t1301041952020 59119\t重庆市巫山县龙门街道红旗村 7 组 13 号\t18368236013\t6251858317100 898976\n";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "person_name", "郑燕 志");
    expect(doc, "cn_id", "1301041952020 59119");
    expect(doc, "address", "重庆市巫山县龙门街道红旗村 7 组 13 号");
    expect(doc, "bank_card", "6251858317100 898976");
    g_assert_cmpstr(find(doc, "person_name", "郑燕 志")->masked, ==, "郑**");
    g_autoptr(PPDoc) d = run_text("当事人：董丽，住址：重庆市云阳县青龙街道新民村 8 组 11 号。");
    expect(d, "address", "重庆市云阳县青龙街道新民村 8 组 11 号");
}

/* no header row to type the columns (or no cell borders at all): the ID makes the row a person's */
static void test_rows_with_ids(void)
{
    const char *text = "1\t邓娟英\t女\t110101195112085142\t重庆市黔江区正阳街道人民路605号17栋2单元2003室\t2\n"
                       "2 许静嘉 500101199603111561 重庆市云阳县南溪镇新华路516号 13829893920\n";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "person_name", "邓娟英");
    expect(doc, "address", "重庆市黔江区正阳街道人民路605号17栋2单元2003室");
    expect(doc, "person_name", "许静嘉");
    g_assert_null(find(doc, "person_name", "女"));
    g_autoptr(PPDoc) rel = run_text("2\t孙子\t男\t110101195112085142\t文盲\t农民\n");
    g_assert_cmpuint(counted(rel), ==, 1); /* only the ID: 孙子、文盲、农民 are not names */
}

/* a title row merged across the columns is not the header row */
static void test_title_row(void)
{
    const char *text = "关于2024年房屋征收补偿的公示\n"
                       "2024年第一批征收补偿名单\t\t\t\n"
                       "序号\t被征收人\t家庭住址\t银行账号\n"
                       "1\t上官嘉磊\t重庆市黔江区正阳街道人民路629号18栋4单元107室\t6222021001123456788\n";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "person_name", "上官嘉磊");
    expect(doc, "bank_card", "6222021001123456788");
    expect(doc, "address", "重庆市黔江区正阳街道人民路629号18栋4单元107室");
}

static void test_cues_and_reply(void)
{
    const char *text = "政府信息公开申请答复书\n"
                       "云阳府办公开答〔2020〕63号\n"
                       "孙春燕：\n"
                       "本机关收到您（身份证号：371102195106170856，联系电话：13275864703，通讯地址：重庆市云阳县盘龙街道石门村9组43号，电子邮箱：liyan1969@sina.com）提出的申请。\n"
                       "经核实，举报人慕容军梅（身份证号510107199302090701）反映的情况属实。补贴打卡账号6275702934343380864\n"
                       "当事人：董丽，性别：男，住址：重庆市云阳县青龙街道新民村8组11号。使用车牌号为粤GCA8G1的货车。\n";
    g_autoptr(PPDoc) doc = run_text(text);
    expect(doc, "person_name", "孙春燕");
    expect(doc, "cn_id", "371102195106170856");
    expect(doc, "mobile", "13275864703");
    expect(doc, "address", "重庆市云阳县盘龙街道石门村9组43号");
    expect(doc, "email", "liyan1969@sina.com");
    expect(doc, "person_name", "慕容军梅");
    expect(doc, "bank_card", "6275702934343380864");
    expect(doc, "person_name", "董丽");
    expect(doc, "address", "重庆市云阳县青龙街道新民村8组11号");
    expect(doc, "plate", "粤GCA8G1");
    g_autoptr(PPDoc) f = run_text("关于政府信息公开申请的回复\n刘德华同志：\n你的申请收悉（联系方式：15823456789，收件地址：重庆市渝中区解放碑街道民族路100号2单元3-1）。\n联系电话：023-79224567（住宅）");
    expect(f, "person_name", "刘德华");
    expect(f, "address", "重庆市渝中区解放碑街道民族路100号2单元3-1");
    expect(f, "landline", "023-79224567");
    g_autoptr(PPDoc) e = run_text("政府信息公开申请答复书\n尊敬的李建国先生：\n您的申请已收到。当事人姓名：赵大为，性别：男。");
    expect(e, "person_name", "李建国");
    expect(e, "person_name", "赵大为");
    g_autoptr(PPDoc) d = run_text("当事人：王小明，男，汉族，1980年1月1日出生，住重庆市云阳县双江街道滨江路8号。");
    expect(d, "person_name", "王小明");
    expect(d, "address", "重庆市云阳县双江街道滨江路8号");
    g_autoptr(PPDoc) g = run_text("姓名：李建华  住：重庆市云阳县双江街道滨江路18号\n");
    expect(g, "address", "重庆市云阳县双江街道滨江路18号");
    expect(g, "person_name", "李建华");
    g_assert_cmpstr(find(doc, "email", "liyan1969@sina.com")->masked, ==, "l***@sina.com");
    /* nothing twice at one place */
    for (guint i = 0; i < doc->findings->len; i++)
        for (guint j = i + 1; j < doc->findings->len; j++) {
            const PPFinding *a = doc->findings->pdata[i], *b = doc->findings->pdata[j];
            g_assert_false(a->part_index == b->part_index && a->start < b->end && b->start < a->end);
        }
}

/* an 18-digit string that is both a valid ID and passes the USCC check is an ID unless the text
 * calls it a credit code */
static void test_id_vs_uscc(void)
{
    g_autoptr(PPDoc) doc = run_text("序号\t姓名\t身份证号码\n1\t曹英\t４４０３０５１９７５０５１８０５３Ｘ\n");
    expect(doc, "cn_id", "４４０３０５１９７５０５１８０５３Ｘ");
    g_autoptr(PPDoc) b = run_text("统一社会信用代码：91440300MA5DC1234X，由某公司承担");
    g_assert_cmpuint(counted(b), ==, 0);
}

static void test_more_cues(void)
{
    g_autoptr(PPDoc) party = run_text("委托代理人：李小红，联系电话：0791-86123456。\n收款人：孙丽华  卡号：6228480402564890018\n"
                                      "第三人陈志远对该信息公开提出异议。");
    expect(party, "person_name", "李小红");
    expect(party, "landline", "0791-86123456");
    expect(party, "person_name", "孙丽华");
    expect(party, "person_name", "陈志远");
    g_autoptr(PPDoc) doc = run_text("经查，举报人张晓明、李秀兰反映的问题属实。护照号码：E12345678；港澳通行证号码：C12345678。");
    expect(doc, "person_name", "张晓明");
    expect(doc, "person_name", "李秀兰");
    expect(doc, "passport", "E12345678");
    expect(doc, "permit", "C12345678");
    g_assert_cmpstr(find(doc, "passport", "E12345678")->masked, ==, "E*****678");
    g_autoptr(PPDoc) n = run_text("产品型号E12345678，批次C12345678。"); /* no context: codes */
    g_assert_cmpuint(counted(n), ==, 0);
}

/* 残疾人证号: the ID followed by category and grade */
static void test_disability_card(void)
{
    g_autoptr(PPDoc) doc = run_text("序号\t姓名\t残疾人证号\t残疾等级\n1\t王建国\t11010519491231002X42\t二级\n");
    expect(doc, "cn_id", "11010519491231002X");
    expect(doc, "person_name", "王建国");
    g_autoptr(PPDoc) n = run_text("流水号 11010519491231002X42。");
    g_assert_cmpuint(counted(n), ==, 0);
}

static void test_counted_list(void)
{
    g_autoptr(PPDoc) doc = run_text("关于2024年低保对象的公示\n经审核，张晓明、李秀兰、欧阳娜娜等3户符合条件，现予公示。");
    expect(doc, "person_name", "张晓明");
    expect(doc, "person_name", "李秀兰");
    expect(doc, "person_name", "欧阳娜娜");
    g_autoptr(PPDoc) n = run_text("关于张某某等同志职务任免的通知；教育、卫生、民政等5个部门；县长等3人出席。任命张晓明、李秀兰等2名同志为副局长。");
    g_assert_cmpuint(counted(n), ==, 0);
}

static void test_email_cjk(void)
{
    g_autoptr(PPDoc) doc = run_text("申请人邮箱zhangsan@163.com联系");
    expect(doc, "email", "zhangsan@163.com"); /* CJK before the local part is not part of it */
    g_autoptr(PPDoc) n = run_text("电子邮箱：yyzwgk@163.com");
    g_assert_cmpuint(counted(n), ==, 0); /* a notice: the agency's mailbox */
}

static void test_hidden_parts(void)
{
    g_autoptr(PPDoc) a = run_part(PP_PART_METADATA, "docProps/core.xml creator", "龙欣");
    expect(a, "person_name", "龙欣");
    g_autoptr(PPDoc) b = run_part(PP_PART_METADATA, "info", "dc:creator: 欧阳子\ntitle: 关于做好工作的通知");
    expect(b, "person_name", "欧阳子");
    g_assert_cmpuint(counted(b), ==, 1);
    g_autoptr(PPDoc) c = run_part(PP_PART_METADATA, "docProps/core.xml creator", "政务公开办");
    g_assert_cmpuint(counted(c), ==, 0);
    g_autoptr(PPDoc) c2 = run_part(PP_PART_METADATA, "docProps/core.xml lastModifiedBy", "微软用户");
    g_assert_cmpuint(counted(c2), ==, 0); /* a default install account */
    g_autoptr(PPDoc) c3 = run_part(PP_PART_METADATA, "pdf Author", "胡芳明");
    expect(c3, "person_name", "胡芳明");
    g_autoptr(PPDoc) d = run_part(PP_PART_COMMENT, NULL, "请与经办人核实，电话18676602844");
    expect(d, "mobile", "18676602844");
    g_assert_cmpint(((PPFinding *)d->findings->pdata[0])->part, ==, PP_PART_COMMENT);
}

static void test_same_mask_everywhere(void)
{
    g_autoptr(PPDoc) doc = run_text("手机13812345678。\n再次：１３８１２３４５６７８。");
    g_assert_cmpuint(counted(doc), ==, 2);
    const PPFinding *a = doc->findings->pdata[0], *b = doc->findings->pdata[1];
    g_assert_cmpstr(a->masked, ==, b->masked);
}

/* PDF pages: running text wrapped at the page width, a table continued on the next page */
static void test_paged(void)
{
    g_autoptr(PPDoc) doc = pp_doc_new("t.pdf", NULL);
    static const char *const pages[] = {
        "政府信息公开申请答复书\n"
        "尹东明：\n"
        "本机关于 2019 年 5 月 9 日收到您（身份证号：\n"
        "110101199603084935，联系电话：13884895449，通讯地\n"
        "址：重庆市巫山县大昌镇石门村 4 组 65 号，电子邮箱：\n"
        "当事人使用车牌号为粤 GEK6ED 的货车运输并销售超过保质期\n"
        "330106197402016016，住址：重庆市巫山县高唐街道桂湖路\n"
        "132 号 3 栋 3 单元 806 室。\n"
        "序号\t户主姓名\t家庭住址\t银行卡号\n"
        "1\t郑燕志\t重庆市巫山县庙宇镇桂湖路354号\t6291354520120698\n",
        "2\t刘秀刚\t重庆市云阳县青龙街道北城路999号 13栋\t6285857362323477355\n"
        "3\t雷芬\t重庆市巫山县高唐街道桂湖路758号\t6255116263536487\n"
        "- 2 -\n",
        "关于低保对象的公示\n4\t白洋\t重庆市黔江区石会镇桂湖路654号\t6279680420263006\n",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(pages); i++)
        g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, (int)i + 1, NULL)->text, pages[i]);
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_privacy.run(doc, &opt);
    expect(doc, "person_name", "尹东明");
    expect(doc, "address", "重庆市巫山县大昌镇石门村 4 组 65 号");
    expect(doc, "plate", "粤 GEK6ED");
    expect(doc, "address", "重庆市巫山县高唐街道桂湖路\n132 号 3 栋 3 单元 806 室");
    expect(doc, "person_name", "郑燕志");
    expect(doc, "person_name", "刘秀刚"); /* page 2: the header row is on page 1 */
    expect(doc, "person_name", "雷芬");
    expect(doc, "person_name", "白洋");   /* page 3 */
    expect(doc, "address", "重庆市云阳县青龙街道北城路999号 13栋");
    /* rows without cell borders are not wrapped text: a row number does not join the row above */
    g_autoptr(PPDoc) rows = pp_doc_new("t.pdf", NULL);
    g_string_assign(pp_doc_add_part(rows, PP_PART_BODY, 1, NULL)->text,
                    "1 卢涛 110101195510110550 重庆市云阳县凤鸣镇石门村7组64号 13775699647 6266191858866050496\n"
                    "2 莫强玲 500237199408085152 四川省绵阳市游仙区游仙街道人民路539号 15615869236 6211821897043403\n");
    pp_stage_privacy.run(rows, &opt);
    expect(rows, "bank_card", "6266191858866050496");
    expect(rows, "person_name", "莫强玲");
    expect(rows, "mobile", "13775699647");
    expect(rows, "address", "重庆市云阳县凤鸣镇石门村7组64号");
    const PPFinding *f = find(doc, "address", "重庆市巫山县大昌镇石门村 4 组 65 号");
    g_assert_cmpint(f->line, ==, 5); /* lines of the original page text */
    g_assert_cmpint(f->page, ==, 1);
    g_assert_cmpint(find(doc, "person_name", "刘秀刚")->page, ==, 2);
}

/* ---- rule files ---- */

/* Parts over 16 KB take the one-pass cue prefilter (pv_words_present): every finding of a short
 * text must still be found when the same text is followed by a long stretch without personal data
 * (full-width digits, numbers split by spaces and hyphens, cues wrapped across PDF lines). */
static const char *const padded_texts[] = {
    "政府信息公开申请答复书\n孙春燕：\n本机关收到您（身份证号：371102195106170856，联系电话：13275864703，"
    "通讯地址：重庆市云阳县盘龙街道石门村9组43号，电子邮箱：liyan1969@sina.com）提出的申请。\n"
    "经核实，举报人慕容军梅（身份证号510107199302090701）反映的情况属实。补贴打卡账号6275702934343380864\n"
    "当事人：董丽，性别：男，住址：重庆市云阳县青龙街道新民村8组11号。\n",
    "委托代理人：李小红，联系电话：0791-86123456。\n收款人：孙丽华  卡号：6228480402564890018\n"
    "第三人陈志远对该信息公开提出异议。",
    "序号\t姓名\t身份证号码\n1\t曹英\t４４０３０５１９７５０５１８０５３Ｘ\n",
    "申请人王建军，身份证号 510704 1978 0125 4760，手机 138-2345-6789，联系电话：１３９１２３４５６７８。",
    "尊敬的李建国先生：\n您的申请已收到。当事人姓名：赵大为，性别：男，住：重庆市云阳县双江街道滨江路18号。",
};

static void test_large_parts(void)
{
    GString *pad = g_string_new(NULL);
    while (pad->len < 40000)
        g_string_append(pad, "\n本机关依法履行政府信息公开职责，按照有关规定办理。");
    for (gsize i = 0; i < G_N_ELEMENTS(padded_texts); i++) {
        g_autoptr(PPDoc) small = run_text(padded_texts[i]);
        g_autofree char *big_text = g_strconcat(padded_texts[i], pad->str, NULL);
        g_autoptr(PPDoc) big = run_text(big_text);
        g_assert_cmpuint(counted(small), >, 0);
        for (guint k = 0; k < small->findings->len; k++) {
            const PPFinding *f = small->findings->pdata[k];
            if (f->severity != PP_SEV_INFO)
                expect(big, f->type, f->text);
        }
        g_assert_cmpuint(counted(big), ==, counted(small));
    }
    /* a PDF page: the cue 通讯地址 wrapped after 地, short lines after it */
    g_autoptr(PPDoc) doc = pp_doc_new("t.pdf", NULL);
    GString *page = g_string_new("政府信息公开申请答复书\n尹东明：\n本机关于 2019 年 5 月 9 日收到您（身份证号：\n"
                                 "110101199603084935，联系电话：13884895449，通讯地\n"
                                 "址：重庆市巫山县大昌镇石门村 4 组 65 号，电子邮箱：\n");
    while (page->len < 40000)
        g_string_append(page, "办理。\n");
    g_string_assign(pp_doc_add_part(doc, PP_PART_BODY, 1, NULL)->text, page->str);
    g_string_free(page, TRUE);
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    pp_stage_privacy.run(doc, &opt);
    expect(doc, "person_name", "尹东明");
    expect(doc, "cn_id", "110101199603084935");
    expect(doc, "mobile", "13884895449");
    expect(doc, "address", "重庆市巫山县大昌镇石门村 4 组 65 号");
    g_string_free(pad, TRUE);
}

static void test_rules_load(void)
{
    g_assert_nonnull(rules);
    g_assert_nonnull(pp_rules_get(rules, "privacy.cn_id"));
    g_assert_nonnull(pp_rules_get(rules, "privacy.person_name"));
}

/* a setting continued on the next line (a line starting with whitespace) keeps its tail */
static void test_rules_continuation(void)
{
    const PPRule *r = pp_rules_get(rules, "privacy.person_name");
    g_auto(GStrv) cols = pp_rule_setting_list(r, "columns");
    g_assert_true(g_strv_contains((const char *const *)cols, "姓名"));
    g_assert_true(g_strv_contains((const char *const *)cols, "被征收人")); /* on the third line */
}

static void test_rules_errors(void)
{
    GError *err = NULL;
    PPRules *r = load("tests/data/privacy/bad_validator.rules", &err);
    g_assert_null(r);
    g_assert_error(err, PP_ERROR, PP_ERR_RULES);
    g_assert_nonnull(strstr(err->message, "bad_validator.rules:9:"));
    g_assert_nonnull(strstr(err->message, "cn_idd"));
    g_clear_error(&err);
    r = load("tests/data/privacy/bad_mask.rules", &err);
    g_assert_null(r);
    g_assert_nonnull(strstr(err->message, "bad_mask.rules:2:"));
    g_assert_nonnull(strstr(err->message, "middle"));
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    GError *err = NULL;
    rules = load("rules/privacy.rules", &err);
    if (!rules)
        g_error("rules/privacy.rules: %s", err->message);
    g_test_add_func("/privacy/rules_load", test_rules_load);
    g_test_add_func("/privacy/rules_errors", test_rules_errors);
    g_test_add_func("/privacy/rules_continuation", test_rules_continuation);
    g_test_add_func("/privacy/negatives", test_negatives);
    g_test_add_func("/privacy/fullwidth_offsets", test_fullwidth_offsets);
    g_test_add_func("/privacy/spaced_numbers", test_spaced_numbers);
    g_test_add_func("/privacy/table_columns", test_table_columns);
    g_test_add_func("/privacy/cues_and_reply", test_cues_and_reply);
    g_test_add_func("/privacy/pdf_like_table", test_pdf_like_table);
    g_test_add_func("/privacy/title_row", test_title_row);
    g_test_add_func("/privacy/rows_with_ids", test_rows_with_ids);
    g_test_add_func("/privacy/paged", test_paged);
    g_test_add_func("/privacy/large_parts", test_large_parts);
    g_test_add_func("/privacy/email_cjk", test_email_cjk);
    g_test_add_func("/privacy/counted_list", test_counted_list);
    g_test_add_func("/privacy/disability_card", test_disability_card);
    g_test_add_func("/privacy/more_cues", test_more_cues);
    g_test_add_func("/privacy/id_vs_uscc", test_id_vs_uscc);
    g_test_add_func("/privacy/hidden_parts", test_hidden_parts);
    g_test_add_func("/privacy/same_mask", test_same_mask_everywhere);
    int rc = g_test_run();
    pp_rules_free(rules);
    return rc;
}
