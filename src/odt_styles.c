/* Which ODF styles hide their text (text:display="none" in style:text-properties), followed
 * through style:parent-style-name. Common styles (office:styles) are shared by all files of a
 * package; automatic styles are scoped to their file, since content.xml and styles.xml may both
 * name one "P1". */
#include "odt.h"

struct PPOdtStyles {
    GHashTable *defs; /* "scope|family|name" → Def* */
    char *current;    /* key of the style:style being read, nullable */
};

typedef struct {
    char *parent;
    int display; /* -1 not said, 0 shown, 1 hidden */
} Def;

static void def_free(gpointer p)
{
    Def *d = p;
    g_free(d->parent);
    g_free(d);
}

PPOdtStyles *pp_odt_styles_new(void)
{
    PPOdtStyles *s = g_new0(PPOdtStyles, 1);
    s->defs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, def_free);
    return s;
}

void pp_odt_styles_free(PPOdtStyles *s)
{
    if (!s)
        return;
    g_hash_table_unref(s->defs);
    g_free(s->current);
    g_free(s);
}

void pp_odt_style_add(PPOdtStyles *s, char scope, const char *family, const char *name, const char *parent)
{
    g_clear_pointer(&s->current, g_free);
    if (!family || !name)
        return;
    Def *d = g_new0(Def, 1);
    d->parent = g_strdup(parent);
    d->display = -1;
    s->current = g_strdup_printf("%c|%s|%s", scope, family, name);
    g_hash_table_replace(s->defs, g_strdup(s->current), d);
}

void pp_odt_style_say(PPOdtStyles *s, const char *display)
{
    Def *d = s->current && display ? g_hash_table_lookup(s->defs, s->current) : NULL;
    if (d)
        d->display = pp_odt_display_say(display);
}

int pp_odt_display_say(const char *v)
{
    if (!v)
        return -1;
    /* "condition" hides the text whenever the condition holds: it is in the file all the same */
    return g_str_equal(v, "none") || g_str_equal(v, "condition") ? 1 : 0;
}

/* Automatic styles are looked up in their file's scope first; parents are common styles ('-'). */
int pp_odt_style_display(const PPOdtStyles *s, char scope, const char *family, const char *name)
{
    for (int hops = 0; name && hops < 32; hops++) { /* a cycle of parents ends here too */
        g_autofree char *k = g_strdup_printf("%c|%s|%s", scope, family, name);
        Def *d = g_hash_table_lookup(s->defs, k);
        if (!d && scope != '-') {
            g_free(k);
            k = g_strdup_printf("-|%s|%s", family, name);
            d = g_hash_table_lookup(s->defs, k);
        }
        if (!d)
            return -1;
        if (d->display >= 0)
            return d->display;
        name = d->parent;
        scope = '-';
    }
    return -1;
}
