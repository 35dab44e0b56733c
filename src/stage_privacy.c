/* privacy stage — not written yet (see its issue). */
#include "stage.h"

static void privacy_run(PPDoc *doc, const PPRunOptions *opt)
{
    (void)doc;
    (void)opt;
}

const PPStage pp_stage_privacy = {
    .name = "privacy",
    .run = privacy_run,
};
