/* The table of stages, and the verdict. */
#include "stage.h"

#include <string.h>

#include "redact.h"

static const PPStage *const stages[] = {
    &pp_stage_hidden,
    &pp_stage_disclosure,
    &pp_stage_secrets,
    &pp_stage_privacy,
};

gboolean pp_stages_check_rules(const PPRules *rules, GError **error)
{
    for (gsize i = 0; i < G_N_ELEMENTS(stages); i++)
        if (stages[i]->check_rules && !stages[i]->check_rules(rules, error))
            return FALSE;
    return TRUE;
}

PPVerdict pp_verdict_of(const PPDoc *doc)
{
    if (doc->error)
        return PP_VERDICT_BLOCK;
    PPVerdict v = PP_VERDICT_PASS;
    for (guint i = 0; i < doc->findings->len; i++) {
        const PPFinding *f = doc->findings->pdata[i];
        if (f->severity == PP_SEV_BLOCK)
            return PP_VERDICT_BLOCK;
        if (f->severity == PP_SEV_REVIEW)
            v = PP_VERDICT_REVIEW;
    }
    return v;
}

/* A context excerpt is cut around one value, but may hold others found elsewhere in the document
 * (a name cued in the metadata, quoted again in a comment): mask every value the document has. */
static void mask_contexts(PPDoc *doc)
{
    g_autoptr(GPtrArray) reds = pp_redactions_of(doc);
    if (reds->len == 0)
        return;
    for (guint i = 0; i < doc->findings->len; i++) {
        PPFinding *f = doc->findings->pdata[i];
        if (!f->context)
            continue;
        char *masked = pp_redact_string(f->context, strlen(f->context), reds, NULL);
        g_free(f->context);
        f->context = masked;
    }
}

void pp_stages_run(PPDoc *doc, const PPRunOptions *opt)
{
    if (!doc->error) {
        for (gsize i = 0; i < G_N_ELEMENTS(stages); i++)
            stages[i]->run(doc, opt);
        mask_contexts(doc);
    }
    doc->verdict = pp_verdict_of(doc);
}
