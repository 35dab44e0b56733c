/* Many literal keywords found in one pass over a text (the rules' `keywords =` prefilter).
 *
 * Testing every keyword of every rule with memmem costs one pass over the text per keyword (41
 * passes with the bundled rules). This scanner makes one: each keyword of 3 bytes or more is
 * anchored on a pair of its bytes — for a CJK keyword the last two bytes of a character, which
 * almost name it (the lead byte E4–E9 is shared by thousands), so few positions need a closer
 * look — and a 64 Ki-bit table of those pairs is tested at every byte; shorter keywords ("@") are
 * found with memmem.
 * The result is exact: a keyword is reported present if and only if memmem would find it.
 */
#ifndef PP_KEYWORDS_H
#define PP_KEYWORDS_H

#include <glib.h>

typedef struct PPKeywords PPKeywords;

/* words: the distinct keywords (copied); their index in this array is their id. */
PPKeywords *pp_keywords_new(const char *const *words, guint n);
void pp_keywords_free(PPKeywords *kw);
guint pp_keywords_count(const PPKeywords *kw);
/* found[id] = 1 for every keyword occurring in text[0, len), else 0 (found holds count bytes). */
void pp_keywords_scan(const PPKeywords *kw, const char *text, gsize len, guint8 *found);

#endif
