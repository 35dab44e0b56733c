/* Mask styles: a static const table by name (rule files choose one with `mask = …`). A style turns
 * a value into its de-identified form. Styles are pure functions of the value, so one value is
 * masked the same way everywhere in a document (and across documents).
 */
#ifndef PP_MASK_H
#define PP_MASK_H

#include <glib.h>

typedef struct {
    const char *name;                      /* "cn_id" */
    char *(*fn)(const char *value);        /* newly allocated masked form */
    gboolean compact;                      /* wants the compact value (no spaces/hyphens) */
    const char *what;                      /* Chinese description */
} PPMaskStyle;

const PPMaskStyle *pp_mask_find(const char *name);
char *pp_mask_names(void);                 /* "cn_id、mobile…", newly allocated */
/* Mask value with the named style; NULL if there is no such style. */
char *pp_mask(const char *style, const char *value);

#endif
