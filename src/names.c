/* Chinese personal names: surname table and plausibility checks (see names.h). */
#include "names.h"

#include <string.h>

/* Compound surnames (复姓) — checked before single ones so 欧阳娜 keeps 欧阳. */
static const char *const compound_surnames[] = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒",
    "夏侯", "公孙", "轩辕", "端木", "南宫", "西门", "独孤", "钟离", "呼延", "澹台", "公冶", "太史",
    "申屠", "万俟", "闻人", "赫连", "濮阳", "淳于", "单于", "左丘", "东郭", "百里", "第五", "拓跋",
    "司空", "公羊", "梁丘", "乐正", "谷梁", "羊舌", "微生", "漆雕", "壤驷", "鲜于", "巫马", "仲孙",
};

/* Common single surnames (about 400, covering nearly all of the population). Surnames that are
 * also everyday function words (和、由、来、都、全、国、明…) are left out: a name is only looked for
 * where a cue or a column says one is there, and there such words begin ordinary phrases. */
static const char single_surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦卢麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉"
    "伊仝区郜阚权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓"
    "修邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇哈湛宾戎勾茅呼揭尉冶斯束檀衣阴昝智幸奉植衡富尧闭云洪";

/* Characters a name (after its surname) practically never holds: function words, administrative and
 * organisational units, counters. They turn "申请人对本…" or "当事人所在…" into non-names. */
static const char non_name_chars[] =
    "的了与及或等是之其此该各每某年日号市省县区乡村局委办厅院所处室部队站司级第个项条款章节次期届人员们"
    "请将已被把对向从并但要应须则即就都也还又更最很在无不没这那哪你我他她它您称于因系现由反映提出报诉举"
    "据按照根依知决定书函件表单码证份址住电话机关示述姓性别男女族龄岁籍";

/* Words that begin with a surname character but are not names. */
static const char *const ordinary_words[] = {
    "高水平", "任何", "黄金", "王国", "高中", "高度", "方面", "方式", "方法", "方案", "方向", "时间", "程序",
    "安全", "金额", "常务", "向前", "任务", "周年", "周边", "周期", "文件", "文化", "解决", "白色", "石油",
    "万元", "严格", "许可", "许多", "林业", "高速", "高新", "高校", "高级", "高层", "高效", "高质量", "钱款",
    "江河", "关于", "关系", "关键", "管理", "管辖", "余额", "余下", "付款", "费用", "党员", "党委", "党组",
    "宁可", "苏醒", "温度", "康复", "施工", "毛重", "蒋介石", "龙头", "马路", "华侨", "商务", "商业", "商户",
    "包括", "车辆", "车牌", "项目", "应当", "宣传", "卫生", "师生", "单独", "简称", "司法", "司机", "司长",
    "任职", "任命", "任免", "任期", "武装", "武警", "符合", "曾经", "成员", "成立", "成本", "路段", "游客",
    "谷物", "农业", "农村", "农户", "农民", "乔木", "冷链", "易地", "贺信", "章程", "邮政", "米粮",
    /* labels and verbs that follow cue words: 当事人姓名：…, 当事人陈述、申辩, 申请人单位 */
    "姓名", "陈述", "申辩", "应当", "应该", "应予", "于是", "同意", "同时", "同样", "符合", "严重", "曾因", "曾经",
    "任意", "高某", "户籍", "家属", "代表", "代理", "祝贺", "项目", "尚未", "乐意", "龙头", "向本", "连续",
    /* cells of a person's row: relation, education, status */
    "孙子", "孙女", "孙媳", "曾孙", "祖父", "祖母", "外孙", "文盲", "师范", "常住", "万户", "景区", "简易",
    "权利", "权益", "权限", "房屋", "房产", "柴油", "安置", "安排", "金融", "钱财", "车主", "宁愿",
    "单元", "单号", "单价", "单据", "幢号", "栋号", "楼层",
};

/* A surname with a title is already de-identified: 李先生、王女士、张主任. */
static const char *const titles[] = {
    "先生", "女士", "小姐", "同志", "老师", "师傅", "主任", "局长", "书记", "科长", "处长", "县长", "区长",
    "镇长", "乡长", "村长", "经理", "医生", "律师", "大爷", "大妈", "阿姨", "某",
};

gboolean pp_is_han(gunichar c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}

glong pp_utf8_count(const char *s, gsize n) { return g_utf8_strlen(s, (gssize)n); }

gsize pp_surname_len(const char *s, gsize n)
{
    for (gsize i = 0; i < G_N_ELEMENTS(compound_surnames); i++) {
        gsize l = strlen(compound_surnames[i]);
        if (n >= l && memcmp(s, compound_surnames[i], l) == 0)
            return l;
    }
    if (n < 3 || !((unsigned char)s[0] & 0x80))
        return 0;
    gsize l = (gsize)(g_utf8_next_char(s) - s);
    if (l > n)
        return 0;
    for (const char *p = single_surnames; *p; p = g_utf8_next_char(p))
        if (memcmp(p, s, l) == 0 && (gsize)(g_utf8_next_char(p) - p) == l)
            return l;
    return 0;
}

gboolean pp_name_is_masked(const char *s, gsize n)
{
    static const char *const marks[] = {"某", "*", "＊", "×", "○", "〇", "□", "X", "x", "Ｘ", "…"};
    for (gsize i = 0; i < G_N_ELEMENTS(marks); i++)
        if (g_strstr_len(s, (gssize)n, marks[i]))
            return TRUE;
    return FALSE;
}

static gboolean has_char(const char *set, gunichar c)
{
    for (const char *p = set; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) == c)
            return TRUE;
    return FALSE;
}

gboolean pp_name_plausible(const char *s, gsize n, gboolean need_surname)
{
    if (n == 0 || pp_name_is_masked(s, n))
        return FALSE;
    glong chars = 0;
    /* transliterated names (买买提·艾力) hold any characters */
    gboolean dot = g_strstr_len(s, (gssize)n, "·") || g_strstr_len(s, (gssize)n, "・") || g_strstr_len(s, (gssize)n, "•");
    gsize sl = pp_surname_len(s, n);
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p), chars++) {
        gunichar c = g_utf8_get_char(p);
        if (c == 0x00B7 || c == 0x30FB || c == 0x2022)
            continue;
        if (!pp_is_han(c))
            return FALSE;
        if (!dot && (gsize)(p - s) >= (sl ? sl : 3) && has_char(non_name_chars, c))
            return FALSE;
    }
    if (dot ? (chars < 3 || chars > 12) : (chars < 2 || chars > 4))
        return FALSE;
    if (need_surname && !dot && (sl == 0 || (chars == 4 && sl == 3)))
        return FALSE; /* 4 characters only with a compound surname (or two surnames, 欧阳娜娜) */
    for (gsize i = 0; i < G_N_ELEMENTS(titles); i++)
        if (n > strlen(titles[i]) && memcmp(s + n - strlen(titles[i]), titles[i], strlen(titles[i])) == 0)
            return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(ordinary_words); i++) {
        gsize l = strlen(ordinary_words[i]);
        if (n >= l && memcmp(s, ordinary_words[i], l) == 0)
            return FALSE;
    }
    return TRUE;
}
