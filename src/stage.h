/* Review stages: filters that read a document's parts and add findings.
 *
 * Protocol (one static const PPStage per stage, listed in stages.c in run order):
 *   .name         short name ("privacy").
 *   .check_rules  optional: at load time, check the settings of this stage's rules (unknown
 *                 validator, bad mask style…) and fail with PP_ERR_RULES "file:line: …".
 *   .run          add findings to doc (pp_doc_add_finding). Reads doc->parts; may set
 *                 doc->disclosure/marking/reason (the disclosure stage only). Must not fail:
 *                 rules were checked at load. Called from worker threads: keep state on the stack
 *                 or per call (pcre2 match data), never in statics.
 * Stages are independent: none reads another's findings, except the verdict, computed after all.
 */
#ifndef PP_STAGE_H
#define PP_STAGE_H

#include "rules.h"

typedef struct {
    const char *name;
    gboolean (*check_rules)(const PPRules *rules, GError **error);
    void (*run)(PPDoc *doc, const PPRunOptions *opt);
    gboolean uses_lines; /* reads pp_doc_lines(): kept until the last such stage has run */
} PPStage;

extern const PPStage pp_stage_hidden;
extern const PPStage pp_stage_disclosure;
extern const PPStage pp_stage_secrets;
extern const PPStage pp_stage_privacy;
extern const PPStage pp_stage_quality;

/* Check every stage's rule settings. */
gboolean pp_stages_check_rules(const PPRules *rules, GError **error);
/* Run every stage, then set doc->verdict. */
void pp_stages_run(PPDoc *doc, const PPRunOptions *opt);
/* The verdict from the error and the findings' severities. */
PPVerdict pp_verdict_of(const PPDoc *doc);

#endif
