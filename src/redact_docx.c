/* docx → docx masked copy — not written yet (issue 5). */
#include "redact.h"

static gboolean docx_write(const PPDoc *doc, GPtrArray *redactions, const char *out_path, GError **error)
{
    (void)doc;
    (void)redactions;
    (void)out_path;
    g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED, "尚未支持生成 docx 脱敏副本");
    return FALSE;
}

const PPRedactor pp_redactor_docx = {.format = "docx", .write = docx_write};
