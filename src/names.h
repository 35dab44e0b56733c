/* Chinese personal names: the surname table (single and compound) and the plausibility checks the
 * privacy stage and the name mask share. */
#ifndef PP_NAMES_H
#define PP_NAMES_H

#include <glib.h>

/* Byte length of the surname that s (UTF-8, n bytes) starts with: compound surnames (欧阳、司马…)
 * first, then single ones; 0 if none. */
gsize pp_surname_len(const char *s, gsize n);

/* Already de-identified forms: 张某、李某某、王**、张×、赵○○. */
gboolean pp_name_is_masked(const char *s, gsize n);

/* A plausible personal name: 2–4 Han characters (or a name with a middle dot, 买买提·艾力), no
 * character that names never hold (的、市、局…), not an ordinary word (任何、黄金…).
 * need_surname: the first characters must be a known surname. */
gboolean pp_name_plausible(const char *s, gsize n, gboolean need_surname);

/* Number of Unicode characters in s[0..n). */
glong pp_utf8_count(const char *s, gsize n);

/* A Han ideograph (CJK Unified Ideographs and extension A). */
gboolean pp_is_han(gunichar c);

#endif
