/* Legacy binary Office in an OLE compound file (cfb.c): Word 97–2003 .doc — and .wps or .dot files
 * that are really Word binary documents — are read by word97.c; other OLE files (Excel .xls/.et,
 * WPS's own older format, PowerPoint) get a clear "unsupported" error asking for a DOCX, so
 * nothing unreviewed passes. A damaged compound file is "corrupt" whatever its extension says.
 *
 * Parts: body, headers/footers, footnotes and endnotes, text boxes, comments (with authors),
 * tracked_change (deleted and inserted text), hidden_text, then metadata from the property sets.
 */
#include "format.h"

#include <string.h>

#include "cfb.h"
#include "word97.h"

static int doc_bid(const guint8 *data, gsize len, const char *mime)
{
    (void)mime;
    return pp_cfb_is_cfb(data, len) ? 50 : 0;
}

static const char *format_by_extension(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    static const struct {
        const char *ext, *format;
    } exts[] = {{".wps", "wps"}, {".xls", "xls"}, {".et", "xls"}, {".ppt", "ppt"}, {".dps", "ppt"}};
    for (gsize i = 0; dot && i < G_N_ELEMENTS(exts); i++)
        if (g_ascii_strcasecmp(dot, exts[i].ext) == 0)
            return exts[i].format;
    return "doc";
}

/* What a compound file without a WordDocument stream holds, for the message. */
static const char *other_office(const PPCfb *c)
{
    if (pp_cfb_find(c, 0, "Workbook") >= 0 || pp_cfb_find(c, 0, "Book") >= 0)
        return "Excel/WPS 表格（.xls/.et）";
    if (pp_cfb_find(c, 0, "PowerPoint Document") >= 0)
        return "PowerPoint/WPS 演示（.ppt/.dps）";
    return "旧版 Office/WPS 文件";
}

static gboolean read_word(PPDoc *doc, PPCfb *c, int wd_index, const PPLimits *lim, GError **error)
{
    GError *err = NULL;
    g_autoptr(GBytes) wd = pp_cfb_read(c, (guint)wd_index, &err);
    if (!wd) {
        g_propagate_prefixed_error(error, err, "Word 文档（.doc）：");
        return FALSE;
    }
    gsize wd_len = 0;
    const guint8 *wdp = g_bytes_get_data(wd, &wd_len);
    W97 w;
    if (!pp_w97_fib(&w, wdp, wd_len, error))
        return FALSE;
    if (w.flags & (W97_FLAG_ENCRYPTED | W97_FLAG_OBFUSCATED)) {
        g_set_error(error, PP_ERROR, PP_ERR_ENCRYPTED, "Word 文档（.doc）设置了打开密码（已加密），无法审查；请去掉密码后再检查");
        return FALSE;
    }
    const char *table = (w.flags & W97_FLAG_TABLE1) ? "1Table" : "0Table";
    int ti = pp_cfb_find(c, 0, table);
    if (ti < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "Word 文档（.doc）已损坏：缺少 %s 流", table);
        return FALSE;
    }
    g_autoptr(GBytes) tbl = pp_cfb_read(c, (guint)ti, &err);
    if (!tbl) {
        g_propagate_prefixed_error(error, err, "Word 文档（.doc）：");
        return FALSE;
    }
    gsize tbl_len = 0;
    const guint8 *tblp = g_bytes_get_data(tbl, &tbl_len);
    /* the Data stream only holds huge paragraph properties here; without it tables lose rows, no text is lost */
    int di = pp_cfb_find(c, 0, "Data");
    g_autoptr(GBytes) data = di >= 0 ? pp_cfb_read(c, (guint)di, NULL) : NULL;
    gsize data_len = 0;
    const guint8 *datap = data ? g_bytes_get_data(data, &data_len) : NULL;
    gboolean ok = pp_w97_load(&w, tblp, tbl_len, datap, data_len, error) && pp_w97_text(&w, doc, lim->max_text_bytes, error);
    pp_w97_clear(&w);
    return ok;
}

static void read_props(PPDoc *doc, PPCfb *c)
{
    static const char *const streams[] = {"\005SummaryInformation", "\005DocumentSummaryInformation"};
    for (gsize i = 0; i < G_N_ELEMENTS(streams); i++) {
        int k = pp_cfb_find(c, 0, streams[i]);
        g_autoptr(GBytes) b = k >= 0 ? pp_cfb_read(c, (guint)k, NULL) : NULL;
        if (b)
            pp_ole_props(doc, b, streams[i]);
    }
}

/* Nothing unreviewed passes silently: a .doc with no visible text is no_text; embedded objects,
 * whose contents are not read, are noted. */
static gboolean check_reviewable(PPDoc *doc, PPCfb *c, GError **error)
{
    static const PPPartKind visible[] = {PP_PART_BODY, PP_PART_HEADER, PP_PART_FOOTER, PP_PART_FOOTNOTE, PP_PART_TEXTBOX};
    gboolean text = FALSE;
    for (guint i = 0; i < doc->parts->len && !text; i++) {
        const PPPart *p = doc->parts->pdata[i];
        for (gsize k = 0; k < G_N_ELEMENTS(visible) && !text; k++)
            if (p->kind == visible[k])
                for (const char *s = p->text->str; *s && !text; s++)
                    text = !g_ascii_isspace(*s);
    }
    if (!text) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT, "Word 文档（.doc）中没有任何文字（可能只有图片或扫描件），无法审查");
        return FALSE;
    }
    int pool = pp_cfb_find(c, 0, "ObjectPool");
    guint objects = 0;
    for (guint i = 0; pool >= 0 && i < pp_cfb_n_entries(c); i++)
        if (pp_cfb_parent(c, i) == pool && pp_cfb_type(c, i) == PP_CFB_STORAGE)
            objects++;
    if (objects)
        pp_doc_note(doc, "Word 文档含 %u 个嵌入对象（如 Excel 表格、其他文档），其内容未审查，请人工核对", objects);
    return TRUE;
}

static gboolean doc_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(doc->data, &len);
    doc->format = format_by_extension(doc->path);
    g_autoptr(PPCfb) c = pp_cfb_open(data, len, lim, error);
    if (!c)
        return FALSE;
    int wd = pp_cfb_find(c, 0, "WordDocument");
    if (wd < 0) {
        g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED, "%s暂不支持审查，请另存为 DOCX 后再检查", other_office(c));
        return FALSE;
    }
    doc->format = "doc";
    if (!read_word(doc, c, wd, lim, error))
        return FALSE;
    read_props(doc, c);
    return check_reviewable(doc, c, error);
}

const PPFormat pp_format_doc = {
    .name = "doc",
    .bid = doc_bid,
    .extract = doc_extract,
};
