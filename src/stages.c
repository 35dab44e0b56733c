/* The table of stages, and the verdict. */
#include "stage.h"

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

void pp_stages_run(PPDoc *doc, const PPRunOptions *opt)
{
    if (!doc->error)
        for (gsize i = 0; i < G_N_ELEMENTS(stages); i++)
            stages[i]->run(doc, opt);
    doc->verdict = pp_verdict_of(doc);
}
