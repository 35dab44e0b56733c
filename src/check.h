/* Running the pipeline over inputs: collecting files, reading them within limits, extraction,
 * stages and redaction, in parallel over documents. */
#ifndef PP_CHECK_H
#define PP_CHECK_H

#include <stdio.h>

#include "prepub.h"

/* Expand the command-line paths into documents (not yet read): directories are walked
 * recursively in byte order of names, skipping dot-files and Office lock files (~$…); "-" is
 * stdin, shown as stdin_name. A path that does not exist becomes a document with an io error. */
GPtrArray *pp_collect(char **paths, const char *stdin_name);

/* Read doc's bytes (file or stdin) within lim; sets doc->data, size, sha256. */
gboolean pp_doc_read(PPDoc *doc, const PPLimits *lim, GError **error);

/* Read, extract and run the stages on one document. Errors land in doc->error. With keep_parts
 * FALSE, parts and bytes are released afterwards so a batch's memory does not grow with it. */
void pp_process(PPDoc *doc, const PPRunOptions *opt, gboolean keep_parts);

/* Process every document, jobs at a time (0: number of CPUs). When the batch is long, progress
 * goes to `progress` (borrowed; NULL: none — the caller passes a terminal only). */
void pp_process_all(GPtrArray *docs, const PPRunOptions *opt, int jobs, FILE *progress);


#endif
