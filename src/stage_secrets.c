/* secrets stage — not written yet (see its issue). */
#include "stage.h"

static void secrets_run(PPDoc *doc, const PPRunOptions *opt)
{
    (void)doc;
    (void)opt;
}

const PPStage pp_stage_secrets = {
    .name = "secrets",
    .run = secrets_run,
};
