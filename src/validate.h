/* Validators of personal identifiers: a static const table by name (rule files name them with
 * `validator = …`). A validator looks at a compact value — ASCII, separators (space, '-', '(' ')')
 * already removed — and says whether it is certainly the identifier, possibly (needs context
 * words near it), or not.
 */
#ifndef PP_VALIDATE_H
#define PP_VALIDATE_H

#include <glib.h>

typedef enum {
    PP_VALID_NO = 0,  /* not this identifier */
    PP_VALID_WEAK,    /* plausible: report only with context (a keyword, a typed column) */
    PP_VALID_YES,     /* certain on its own (checksum, ranges) */
} PPValidity;

typedef PPValidity (*PPValidateFn)(const char *value, gsize len);

typedef struct {
    const char *name;  /* "cn_id" */
    PPValidateFn fn;
    const char *what;  /* Chinese description */
} PPValidator;

/* NULL if no validator has that name. */
const PPValidator *pp_validator_find(const char *name);
/* Names of all validators, for error messages: "cn_id、mobile…" (newly allocated). */
char *pp_validator_names(void);

/* Copy of s[0..len) with full-width ASCII forms folded (１→1, Ｘ→X), spaces, '-', '(', ')' and the
 * middle dot '·' removed, letters upper-cased. */
char *pp_compact_value(const char *s, gsize len);

/* Convenience for tests and callers: validate a value by validator name after compacting it. */
PPValidity pp_validate(const char *name, const char *value);

#endif
