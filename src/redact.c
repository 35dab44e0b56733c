/* Redaction: masked copies in the original format — not written yet (issue 5). */
#include "check.h"

gboolean pp_redact_doc(PPDoc *doc, const PPRunOptions *opt, GError **error)
{
    (void)doc;
    (void)opt;
    g_set_error(error, PP_ERROR, PP_ERR_UNSUPPORTED, "尚未支持生成脱敏副本");
    return FALSE;
}
