/* disclosure stage — not written yet (see its issue). */
#include "stage.h"

static void disclosure_run(PPDoc *doc, const PPRunOptions *opt)
{
    (void)doc;
    (void)opt;
}

const PPStage pp_stage_disclosure = {
    .name = "disclosure",
    .run = disclosure_run,
};
