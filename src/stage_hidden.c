/* Hidden content: every part kind a reader does not see is reported once, with its authors.
 * Metadata counts only when it names a person or an account (a bare title or app name does not). */
#include "stage.h"

#include <string.h>

/* Metadata fields that may name a person or an account. The extractors put the field name in
 * part->origin ("docProps/core.xml creator", "pdf Author", …). Company is the office, not a person. */
static const char *const personal_fields[] = {
    "creator", "lastModifiedBy", "Author", "author", "Manager", "manager",
    "custom", "LastAuthor", "Operator", "xmp dc:creator", "xmp pdf:Author",
    "meta:printed-by", "meta:user-defined", /* ODT meta.xml; its creators match "creator" */
};

/* Values that name no one: organisations end so, and these are default installs' accounts. */
static const char *const org_endings[] = {
    "办", "局", "委", "府", "厅", "中心", "部", "处", "科", "室", "公司", "院", "会", "所", "站", "队",
    "组", "馆", "社", "团", "街道", "乡", "镇", "村", "区", "县", "市", "省", "股", "署", "庭", "行",
};
static const char *const generic_accounts[] = {
    "administrator", "admin", "user", "owner", "guest", "microsoft office user", "microsoft", "wps",
    "unknown", "lenovo", "dell", "hp", "asus", "pc", "china", "python-docx", "libreoffice", "作者",
    "用户", "微软用户", "微软中国", "雨林木风", "番茄花园", "深度技术", "系统之家", "匿名", "未知",
};

static gboolean value_names_someone(const char *value)
{
    g_autofree char *v = g_strstrip(g_utf8_casefold(value, -1));
    glong n = g_utf8_strlen(v, -1);
    if (n < 2 || n > 40)
        return FALSE;
    if (strchr(v, '@'))
        return TRUE; /* an e-mail or login account */
    for (gsize i = 0; i < G_N_ELEMENTS(generic_accounts); i++)
        if (strcmp(v, generic_accounts[i]) == 0)
            return FALSE;
    gboolean cjk = FALSE, latin = FALSE;
    for (const char *q = v; *q; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (c >= 0x3400 && c <= 0x9FFF)
            cjk = TRUE;
        else if (g_ascii_isalnum((char)c) || c == '.' || c == '_' || c == '-' || c == ' ' || c == 0xB7)
            latin |= g_ascii_isalpha((char)c);
        else
            return FALSE; /* punctuation of a sentence or title: not a name */
    }
    if (cjk) {
        if (n > 5 || latin)
            return FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(org_endings); i++)
            if (g_str_has_suffix(v, org_endings[i]))
                return FALSE;
        return TRUE;
    }
    return latin; /* a Latin name or login */
}

static gboolean metadata_is_personal(const PPPart *p)
{
    gboolean field = !p->origin;
    for (gsize i = 0; !field && i < G_N_ELEMENTS(personal_fields); i++)
        field = strstr(p->origin, personal_fields[i]) != NULL;
    return field && value_names_someone(p->text->str);
}

/* Message and advice may name the format once with %s ("PDF", "OFD"): annotations and attachments
 * are read from both fixed-layout formats. */
static const struct {
    PPPartKind kind;
    const char *message;
    const char *advice;
} hidden_kinds[] = {
    {PP_PART_TRACKED_CHANGE, "文档含未处理的修订痕迹（删除或插入的内容仍在文件中）", "在 Word/WPS 中“接受所有修订”并关闭修订后再发布"},
    {PP_PART_COMMENT, "文档含批注", "删除全部批注后再发布"},
    {PP_PART_HIDDEN_TEXT, "文档含隐藏文字", "显示并删除隐藏文字后再发布"},
    {PP_PART_METADATA, "文档属性（元数据）中含个人姓名或账号", "在“文件—属性”中清除作者、修改者等个人信息，或使用 --redact-dir 生成的副本"},
    {PP_PART_ANNOTATION, "%s 含注释", "删除注释后重新导出 %s"},
    {PP_PART_ATTACHMENT, "%s 含嵌入附件", "删除嵌入的附件，或将附件单独审查后发布"},
    {PP_PART_TEXT_UNDER_BOX, "PDF 中有被黑框遮盖但仍可提取的文字（遮盖无效）", "用真正删除文字的方式脱敏（如 --redact-dir 生成的副本），不要只画黑框"},
};

static void hidden_run(PPDoc *doc, const PPRunOptions *opt)
{
    (void)opt;
    for (gsize k = 0; k < G_N_ELEMENTS(hidden_kinds); k++) {
        int first = -1, count = 0;
        GPtrArray *authors = g_ptr_array_new();
        for (guint i = 0; i < doc->parts->len; i++) {
            const PPPart *p = doc->parts->pdata[i];
            if (p->kind != hidden_kinds[k].kind)
                continue;
            if (p->kind == PP_PART_METADATA && !metadata_is_personal(p))
                continue;
            if (first < 0)
                first = (int)i;
            count++;
            if (p->author) {
                gboolean dup = FALSE;
                for (guint a = 0; a < authors->len; a++)
                    dup |= g_strcmp0(authors->pdata[a], p->author) == 0;
                if (!dup)
                    g_ptr_array_add(authors, p->author);
            }
        }
        if (first >= 0) {
            const char *kind = pp_part_name(hidden_kinds[k].kind);
            g_autofree char *rule = g_strconcat("hidden.", kind, NULL);
            PPFinding *f = pp_finding_new(rule, PP_CAT_HIDDEN, kind, PP_SEV_BLOCK);
            pp_finding_locate(f, doc, first, 0, 0);
            f->end = 0; /* the whole part, not a range */
            f->masked = g_strdup_printf("%d 处", count);
            f->text = g_strdup(((PPPart *)doc->parts->pdata[first])->text->str);
            if (strlen(f->text) > 200) {
                const char *cut = g_utf8_find_prev_char(f->text, f->text + 200);
                f->text[cut - f->text] = '\0';
            }
            g_autofree char *fmt = g_ascii_strup(doc->format, -1);
            f->message = g_strdup_printf(hidden_kinds[k].message, fmt);
            f->advice = g_strdup_printf(hidden_kinds[k].advice, fmt);
            f->basis = g_strdup("政府信息公开条例第十七条（发布前保密审查）");
            g_clear_pointer(&f->author, g_free);
            if (authors->len) {
                g_ptr_array_add(authors, NULL);
                f->author = g_strjoinv("、", (char **)authors->pdata);
            }
            pp_doc_add_finding(doc, f);
        }
        g_ptr_array_unref(authors);
    }
}

const PPStage pp_stage_hidden = {
    .name = "hidden",
    .run = hidden_run,
};
