/* Rule files: loading, validation and matching.
 *
 * Format (documented for users in docs/rules.md):
 *
 *   # comment (also after a value: " #" starts a comment unless escaped as "\#")
 *   include = other.rules          top level only: load another rule file (relative to this one)
 *
 *   [privacy.cn_id]                 a rule block; the id's first word is its stage
 *   category = privacy              privacy|secret|disclosure|hidden|quality
 *   type     = cn_id
 *   severity = block                block|review|info
 *   pattern  = (?<![0-9A-Za-z])…    PCRE2 (UTF, multiline); a line starting with whitespace
 *                                   continues the previous value
 *   flags    = i                    i: caseless, x: extended (whitespace and # in patterns ignored)
 *   keywords = 身份证, 证件          prefilter: the pattern runs only on text holding one of them
 *   terms    = 词一, 词二             literal terms; matched as one alternation
 *   terms_file = 涉密词库.txt         one term per line, '#' comments; relative to the rule file;
 *                                   a list (a.txt, b.txt) loads several
 *   allow    = regex                a match that this regex matches in full is dropped
 *   message / basis / advice         Chinese text for reports
 *   other keys (validator, mask, context, …) are stage settings: see the stage's file; the set of
 *   accepted keys is the table in rules.c, so a typo is an error, not a silently ignored line.
 *
 * Any error stops the run with "file:line: what is wrong" (PP_ERR_RULES).
 * Loaded rules are read-only and shared between threads; compiled patterns use JIT.
 */
#ifndef PP_RULES_H
#define PP_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "prepub.h"

typedef struct {
    char *id;             /* "privacy.cn_id" */
    PPCategory category;
    char *type;
    PPSeverity severity;
    char *file;           /* where it was defined */
    int line;
    char *pattern_src;    /* nullable */
    pcre2_code *pattern;  /* pattern, or the terms as an alternation; nullable */
    char *flags;          /* as given (nullable), to compile the anchored forms below */
    pcre2_code *anchored, *anchored_whole; /* pp_rule_anchored's cache; NULL until first used */
    char **keywords;      /* NULL-terminated; nullable = no prefilter */
    guint *keyword_ids;   /* id of each keyword in PPRules.keywords (set once the rules are loaded) */
    char **terms;         /* NULL-terminated; nullable */
    pcre2_code *allow;    /* nullable */
    char *message, *basis, *advice;
    GHashTable *settings; /* other keys → value (char*); stage-specific */
} PPRule;

struct PPRules {
    GPtrArray *rules;     /* PPRule*, in file order */
    GHashTable *by_id;    /* id → PPRule* (borrowed) */
    char fingerprint[65]; /* SHA-256 over the files' names and bytes, in load order */
    GPtrArray *files;     /* char*: every file read */
    struct PPKeywords *keywords; /* keywords.h: every rule's keywords, found in one pass */
};

/* Load every *.rules file of each directory (sorted by name), later ids replacing earlier ones.
 * Returns NULL with PP_ERR_RULES set on any error. */
PPRules *pp_rules_load(const char *const *dirs, GError **error);
/* Load one file (tests). */
PPRules *pp_rules_load_file(const char *path, GError **error);
void pp_rules_free(PPRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PPRules, pp_rules_free)

const PPRule *pp_rules_get(const PPRules *rules, const char *id);
/* The stage setting `key` of a rule, or def. */
const char *pp_rule_setting(const PPRule *r, const char *key, const char *def);
int pp_rule_setting_int(const PPRule *r, const char *key, int def);
/* Setting as a list split on ',', '，' or '、' (trimmed). Free with g_strfreev. */
char **pp_rule_setting_list(const PPRule *r, const char *key);

/* TRUE if the rule has no keywords or text holds one of them. */
gboolean pp_rule_prefilter(const PPRule *r, const char *text, gsize len);
/* The keywords of every rule looked for in one pass over text (a large part that many rules scan):
 * returns a byte per keyword id (g_free it), for pp_rule_prefilter_hits and pp_rule_scan_hits. */
guint8 *pp_rules_keyword_hits(const PPRules *rules, const char *text, gsize len);
/* pp_rule_prefilter's answer from the hits of the same text. */
gboolean pp_rule_prefilter_hits(const PPRule *r, const guint8 *hits);

/* Called for every match; return FALSE to stop. md holds the capture groups. */
typedef gboolean (*PPMatchFn)(const PPRule *r, const char *text, gsize start, gsize end,
                              pcre2_match_data *md, gpointer user);
/* Run prefilter and pattern over text, skipping allowed matches. md: the caller's (per thread),
 * from pp_match_data_new(). Returns the number of matches reported. */
guint pp_rule_scan(const PPRule *r, const char *text, gsize len, pcre2_match_data *md, PPMatchFn fn,
                   gpointer user);
/* The same with the prefilter answered by hits (pp_rules_keyword_hits of this text). */
guint pp_rule_scan_hits(const PPRule *r, const char *text, gsize len, const guint8 *hits, pcre2_match_data *md,
                        PPMatchFn fn, gpointer user);
pcre2_match_data *pp_match_data_new(void);

/* The rule's pattern compiled anchored at the start of the subject (whole: at its end too), for
 * matching at a given offset (a line's cell). PCRE2's JIT ignores PCRE2_ANCHORED/ENDANCHORED given
 * at match time and falls back to the interpreter, so the anchoring is compiled in. Built on
 * first use, thread-safe; NULL if the rule has no pattern. */
const pcre2_code *pp_rule_anchored(const PPRule *r, gboolean whole);

/* Compile a pattern the way rule files do (UTF, multiline, JIT); NULL and *error on failure. */
pcre2_code *pp_regex_compile(const char *pattern, const char *flags, GError **error);

/* Where the bundled rules are: $PREPUB_RULES, ../rules next to the binary, or the build-time path. */
char *pp_rules_default_dir(void);

#endif
