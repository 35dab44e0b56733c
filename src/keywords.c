/* One-pass search for many literal keywords. See keywords.h. */
#define _GNU_SOURCE /* memmem */
#include "keywords.h"

#include <string.h>

typedef struct {
    char *w;
    gsize n;
    guint id;
    guint a; /* anchor: the pair w[a], w[a + 1] is what the scan looks for */
} Word;

struct PPKeywords {
    guint count;
    guint64 pairs[65536 / 64]; /* bit (b1 | b2 << 8): some long keyword has bytes 1, 2 = b1, b2 */
    Word *longs;               /* keywords of >= 3 bytes, sorted by their pair */
    guint *long_pairs;         /* pair of each of longs (binary search on a table hit) */
    guint n_longs;
    Word *shorts;              /* keywords of 1 or 2 bytes: memmem */
    guint n_shorts;
};

static guint pair_of(const Word *w) { return (guint)(unsigned char)w->w[w->a] | (guint)(unsigned char)w->w[w->a + 1] << 8; }

static gint cmp_pair(gconstpointer a, gconstpointer b)
{
    guint x = pair_of(a), y = pair_of(b);
    return x < y ? -1 : x > y;
}

/* The anchor of a keyword: the last two bytes of a CJK character if it has one (they nearly name the
 * character, while its lead byte E4–E9 is shared by thousands: ",男," anchored on 男's lead byte
 * would stop at every 用, 由, 生, 电), else bytes 1–2. */
static guint anchor_of(const char *w, gsize n)
{
    for (gsize j = 1; j + 1 < n; j++)
        if (((unsigned char)w[j] & 0xC0) == 0x80 && ((unsigned char)w[j + 1] & 0xC0) == 0x80)
            return (guint)j;
    return 1;
}

PPKeywords *pp_keywords_new(const char *const *words, guint n)
{
    PPKeywords *kw = g_new0(PPKeywords, 1);
    kw->count = n;
    kw->longs = g_new0(Word, n + 1);
    kw->shorts = g_new0(Word, n + 1);
    for (guint i = 0; i < n; i++) {
        gsize len = strlen(words[i]);
        Word w = {g_strdup(words[i]), len, i, len >= 3 ? anchor_of(words[i], len) : 0};
        if (len >= 3)
            kw->longs[kw->n_longs++] = w;
        else
            kw->shorts[kw->n_shorts++] = w; /* an empty keyword is in every text: memmem says so */
    }
    qsort(kw->longs, kw->n_longs, sizeof(Word), (int (*)(const void *, const void *))cmp_pair);
    kw->long_pairs = g_new(guint, kw->n_longs + 1);
    for (guint i = 0; i < kw->n_longs; i++) {
        guint p = kw->long_pairs[i] = pair_of(&kw->longs[i]);
        kw->pairs[p >> 6] |= G_GUINT64_CONSTANT(1) << (p & 63);
    }
    return kw;
}

void pp_keywords_free(PPKeywords *kw)
{
    if (!kw)
        return;
    for (guint i = 0; i < kw->n_longs; i++)
        g_free(kw->longs[i].w);
    for (guint i = 0; i < kw->n_shorts; i++)
        g_free(kw->shorts[i].w);
    g_free(kw->longs);
    g_free(kw->shorts);
    g_free(kw->long_pairs);
    g_free(kw);
}

guint pp_keywords_count(const PPKeywords *kw) { return kw->count; }

void pp_keywords_scan(const PPKeywords *kw, const char *text, gsize len, guint8 *found)
{
    memset(found, 0, kw->count);
    for (guint i = 0; i < kw->n_shorts; i++)
        found[kw->shorts[i].id] = memmem(text, len, kw->shorts[i].w, kw->shorts[i].n) != NULL;
    if (!kw->n_longs || len < 3)
        return;
    guint left = kw->n_longs; /* stop once every long keyword is found */
    const unsigned char *t = (const unsigned char *)text;
    /* position i holds a keyword's anchor pair: the keyword starts at i - a */
    for (gsize i = 0; i + 1 < len; i++) {
        guint p = (guint)t[i] | (guint)t[i + 1] << 8;
        if (G_LIKELY(!(kw->pairs[p >> 6] & (G_GUINT64_CONSTANT(1) << (p & 63)))))
            continue;
        guint lo = 0, hi = kw->n_longs;
        while (lo < hi) { /* the first keyword with this pair */
            guint mid = (lo + hi) / 2;
            if (kw->long_pairs[mid] < p)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (guint k = lo; k < kw->n_longs && kw->long_pairs[k] == p; k++) {
            const Word *w = &kw->longs[k];
            if (!found[w->id] && i >= w->a && w->n <= len - (i - w->a) && memcmp(text + i - w->a, w->w, w->n) == 0) {
                found[w->id] = 1;
                if (--left == 0)
                    return;
            }
        }
    }
}
