/* The table of stages, and the verdict. */
#include "stage.h"

#include <string.h>

#include "doclines.h"
#include "redact.h"

static const PPStage *const stages[] = {
    &pp_stage_hidden,
    &pp_stage_disclosure,
    &pp_stage_secrets,
    &pp_stage_privacy,
    &pp_stage_quality,
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
    /* one pass over all excerpts, joined by a character no value holds and matching never skips */
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < doc->findings->len; i++) {
        PPFinding *f = doc->findings->pdata[i];
        if (f->context) {
            g_strdelimit(f->context, "\x01", ' ');
            g_string_append(g_string_append(all, f->context), "\x01");
        }
    }
    g_autofree char *masked = pp_redact_string(all->str, all->len, reds, NULL);
    g_string_free(all, TRUE);
    char *p = masked;
    for (guint i = 0; i < doc->findings->len && p; i++) {
        PPFinding *f = doc->findings->pdata[i];
        if (!f->context)
            continue;
        char *end = strchr(p, '\x01');
        if (!end)
            break;
        g_free(f->context);
        f->context = g_strndup(p, (gsize)(end - p));
        p = end + 1;
    }
}

void pp_stages_run(PPDoc *doc, const PPRunOptions *opt)
{
    if (!doc->error) {
        gsize last_lines = 0; /* the shared line model is freed once the last stage reading it is done */
        for (gsize i = 0; i < G_N_ELEMENTS(stages); i++)
            if (stages[i]->uses_lines)
                last_lines = i;
        for (gsize i = 0; i < G_N_ELEMENTS(stages); i++) {
            stages[i]->run(doc, opt);
            if (i >= last_lines)
                g_clear_pointer(&doc->lines, pp_lines_free);
        }
        mask_contexts(doc);
    }
    doc->verdict = pp_verdict_of(doc);
}
