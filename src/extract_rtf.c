/* RTF (Rich Text Format): Word and WPS save it, often under a .doc name. Chinese text comes as
 * \'hh bytes in the document's code page (\ansicpg936, or a font's \fcharset134) or as \uN, so
 * reading it as plain text would review gibberish and let it pass.
 *
 * One pass over the bytes with a stack of group states. Body text, table cells (\cell → tab,
 * \row → line), field results (not their codes), headers/footers, footnotes, comments (\annotation
 * with \atnauthor), deleted revisions (\deleted), hidden text (\v) and \info metadata each go to
 * their part kind, like the DOCX reader's. Pictures, objects, font and style tables and every
 * {\* …} destination we do not know are skipped.
 */
#include "format.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 512 /* groups nested deeper than this: a damaged or hostile file */

typedef enum {
    DEST_KEEP = -3,      /* a group that only wraps others ({\*\shpinst …}): read on */
    DEST_SKIP = -1,
    DEST_BODY = PP_PART_BODY,
    DEST_HEADER = PP_PART_HEADER,
    DEST_FOOTER = PP_PART_FOOTER,
    DEST_FOOTNOTE = PP_PART_FOOTNOTE,
    DEST_COMMENT = PP_PART_COMMENT,
    DEST_TEXTBOX = PP_PART_TEXTBOX,
    DEST_FONTTBL = 1000, /* read for the fonts' charsets, not as text */
    DEST_INFO,           /* \info: its children are metadata fields */
    DEST_META,           /* one \info field: \author, \operator, \title… */
    DEST_ATNAUTHOR,      /* a comment's author */
} Dest;

typedef struct {
    int dest;
    int uc;          /* characters to skip after \uN */
    int codepage;    /* of \'hh bytes */
    gboolean hidden, deleted;
    int meta;        /* index into meta_fields for DEST_META */
} State;

/* \info fields kept as metadata; origin names match the hidden stage's personal fields. */
static const struct {
    const char *word, *origin;
} meta_fields[] = {
    {"author", "info Author"},   {"operator", "info Operator"}, {"manager", "info Manager"},
    {"title", "info title"},     {"subject", "info subject"},   {"company", "info company"},
    {"keywords", "info keywords"}, {"doccomm", "info comments"},
};

/* Destinations: control word → what its group holds. */
static const struct {
    const char *word;
    int dest;
} dests[] = {
    {"header", DEST_HEADER},   {"headerl", DEST_HEADER},   {"headerr", DEST_HEADER},   {"headerf", DEST_HEADER},
    {"footer", DEST_FOOTER},   {"footerl", DEST_FOOTER},   {"footerr", DEST_FOOTER},   {"footerf", DEST_FOOTER},
    {"footnote", DEST_FOOTNOTE}, {"annotation", DEST_COMMENT}, {"atnauthor", DEST_ATNAUTHOR},
    {"fonttbl", DEST_FONTTBL}, {"info", DEST_INFO},
    /* shapes: the text box's text once, not the shape properties or the old-style fallback copy */
    {"shpinst", DEST_KEEP},    {"shptxt", DEST_TEXTBOX},   {"sp", DEST_SKIP},          {"shprslt", DEST_SKIP},
    {"colortbl", DEST_SKIP},   {"stylesheet", DEST_SKIP},  {"pict", DEST_SKIP},        {"object", DEST_SKIP},
    {"fldinst", DEST_SKIP},    {"datafield", DEST_SKIP},   {"themedata", DEST_SKIP},   {"listtable", DEST_SKIP},
    {"listoverridetable", DEST_SKIP}, {"rsidtbl", DEST_SKIP}, {"xmlnstbl", DEST_SKIP}, {"latentstyles", DEST_SKIP},
    {"generator", DEST_SKIP},  {"atnid", DEST_SKIP},       {"atndate", DEST_SKIP},     {"bkmkstart", DEST_SKIP},
    {"bkmkend", DEST_SKIP},    {"filetbl", DEST_SKIP},     {"revtbl", DEST_SKIP},      {"pgdsctbl", DEST_SKIP},
    {"nonshppict", DEST_SKIP}, {"shppict", DEST_SKIP},     {"template", DEST_SKIP},
};

/* Control words that are characters. */
static const struct {
    const char *word, *text;
} chars[] = {
    {"par", "\n"},   {"line", "\n"},     {"sect", "\n"},    {"page", "\n"},      {"tab", "\t"},
    {"cell", "\t"},  {"nestcell", "\t"}, {"row", "\n"},     {"nestrow", "\n"},   {"emdash", "—"},
    {"endash", "–"}, {"bullet", "•"},    {"lquote", "‘"},   {"rquote", "’"},     {"ldblquote", "“"},
    {"rdblquote", "”"}, {"emspace", " "}, {"enspace", " "}, {"qmspace", " "},
};

/* Font charset → Windows code page. */
static int charset_codepage(int cs)
{
    static const int map[][2] = {{0, 1252}, {128, 932}, {129, 949}, {134, 936}, {136, 950}, {161, 1253},
                                 {162, 1254}, {177, 1255}, {178, 1256}, {186, 1257}, {204, 1251}, {222, 874},
                                 {238, 1250}};
    for (gsize i = 0; i < G_N_ELEMENTS(map); i++)
        if (map[i][0] == cs)
            return map[i][1];
    return 0;
}

typedef struct {
    PPDoc *doc;
    const PPLimits *lim;
    GString *out[PP_PART_N];   /* text per part kind being built */
    GString *deleted, *hidden;  /* revision and hidden text */
    GString *meta;              /* the current \info field's text */
    GString *author;            /* the current comment's author */
    char *last_author;          /* the last comment's author (owned) */
    GByteArray *bytes;          /* pending \'hh bytes */
    int bytes_cp;
    GHashTable *font_cp;        /* font number → code page */
    int cur_font;               /* in the font table: the font being defined */
    gsize total;
} Rtf;

static GString *sink_of(Rtf *x, const State *st)
{
    switch (st->dest) {
    case DEST_SKIP:
    case DEST_FONTTBL:
    case DEST_INFO:
        return NULL;
    case DEST_META:
        return x->meta;
    case DEST_ATNAUTHOR:
        return x->author;
    default:
        if (st->deleted)
            return x->deleted;
        if (st->hidden)
            return x->hidden;
        return x->out[st->dest];
    }
}

static gboolean put(Rtf *x, const State *st, const char *s, gsize n, GError **error)
{
    GString *g = sink_of(x, st);
    if (!g)
        return TRUE;
    x->total += n;
    if (x->total > x->lim->max_text_bytes) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "文字超过 %" G_GSIZE_FORMAT " MiB 上限", x->lim->max_text_bytes >> 20);
        return FALSE;
    }
    g_string_append_len(g, s, (gssize)n);
    return TRUE;
}

/* Decode pending \'hh bytes in their code page (GBK text arrives two bytes at a time). */
static gboolean flush_bytes(Rtf *x, const State *st, GError **error)
{
    if (!x->bytes->len)
        return TRUE;
    int cp = x->bytes_cp ? x->bytes_cp : 1252;
    g_autofree char *charset = cp == 936 ? g_strdup("GB18030") : g_strdup_printf("CP%d", cp);
    gsize n = 0;
    g_autofree char *u = g_convert_with_fallback((const char *)x->bytes->data, x->bytes->len, "UTF-8", charset, "?",
                                                 NULL, &n, NULL);
    g_byte_array_set_size(x->bytes, 0);
    return u ? put(x, st, u, n, error) : put(x, st, "?", 1, error);
}

static void add_part(Rtf *x, PPPartKind kind, GString *text, const char *origin, const char *author)
{
    if (!text->len)
        return;
    PPPart *p = pp_doc_add_part(x->doc, kind, 0, origin);
    g_string_append_len(p->text, text->str, (gssize)text->len);
    if (author && *author)
        p->author = g_strdup(author);
    g_string_truncate(text, 0);
}

static int find_dest(const char *w)
{
    for (gsize i = 0; i < G_N_ELEMENTS(dests); i++)
        if (strcmp(dests[i].word, w) == 0)
            return dests[i].dest;
    return -2;
}

/* A group ends: what it built may become a part. */
static void end_group(Rtf *x, const State *inner, const State *outer)
{
    if (inner->dest == outer->dest)
        return;
    if (inner->dest == DEST_META && x->meta->len) {
        g_strstrip(x->meta->str);
        g_string_set_size(x->meta, strlen(x->meta->str));
        add_part(x, PP_PART_METADATA, x->meta, meta_fields[inner->meta].origin, NULL);
    }
    if (inner->dest == DEST_ATNAUTHOR) {
        g_free(x->last_author);
        x->last_author = g_strdup(x->author->str);
        g_string_truncate(x->author, 0);
    }
    if (inner->dest == DEST_COMMENT) {
        g_strstrip(x->out[PP_PART_COMMENT]->str); /* the space after {\*\atndate …} */
        g_string_set_size(x->out[PP_PART_COMMENT], strlen(x->out[PP_PART_COMMENT]->str));
        add_part(x, PP_PART_COMMENT, x->out[PP_PART_COMMENT], NULL, x->last_author);
        g_clear_pointer(&x->last_author, g_free);
    }
    if (inner->dest == DEST_FOOTNOTE && x->out[PP_PART_FOOTNOTE]->len)
        g_string_append_c(x->out[PP_PART_FOOTNOTE], '\n');
}

static gboolean rtf_parse(Rtf *x, const char *s, gsize len, GError **error)
{
    State *stack = g_new0(State, MAX_DEPTH);
    int depth = 0;
    stack[0] = (State){.dest = DEST_BODY, .uc = 1, .codepage = 1252};
    int skip = 0;               /* characters still to skip after \uN */
    gboolean star = FALSE;      /* \* seen: the group is an optional destination */
    gboolean ok = TRUE;
    for (gsize i = 0; i < len && ok;) {
        State *st = &stack[depth];
        char c = s[i];
        if ((c != '\\' || i + 1 >= len || s[i + 1] != '\'') && (guchar)c < 0x80)
            ok = flush_bytes(x, st, error);
        if (!ok)
            break;
        if (c == '{') {
            if (depth + 1 >= MAX_DEPTH) {
                g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "RTF 文件的分组嵌套过深（超过 %d 层），文件可能已损坏", MAX_DEPTH);
                ok = FALSE;
                break;
            }
            stack[depth + 1] = *st;
            depth++;
            star = FALSE;
            skip = 0;
            i++;
            continue;
        }
        if (c == '}') {
            if (depth > 0) {
                end_group(x, &stack[depth], &stack[depth - 1]);
                depth--;
            }
            skip = 0;
            i++;
            continue;
        }
        if (c == '\r' || c == '\n') {
            i++;
            continue;
        }
        if (c != '\\') {
            if (skip) { /* one character of the \uN fallback */
                skip--;
                i = (gsize)(g_utf8_find_next_char(s + i, s + len) ? g_utf8_find_next_char(s + i, s + len) - s : (gssize)len);
                continue;
            }
            if ((guchar)c >= 0x80) { /* a raw 8-bit byte is text in the code page, like \'hh */
                if (x->bytes->len && x->bytes_cp != st->codepage)
                    ok = flush_bytes(x, st, error);
                x->bytes_cp = st->codepage;
                g_byte_array_append(x->bytes, (const guint8 *)s + i, 1);
                i++;
                continue;
            }
            gsize j = i;
            while (j < len && s[j] != '\\' && s[j] != '{' && s[j] != '}' && s[j] != '\r' && s[j] != '\n' &&
                   (guchar)s[j] < 0x80)
                j++;
            ok = put(x, st, s + i, j - i, error);
            i = j;
            continue;
        }
        /* a control symbol or word */
        i++;
        if (i >= len)
            break;
        c = s[i];
        if (c == '\'') { /* \'hh: a byte in the code page */
            if (i + 2 < len && g_ascii_isxdigit(s[i + 1]) && g_ascii_isxdigit(s[i + 2])) {
                if (skip)
                    skip--;
                else {
                    int cp = st->codepage;
                    if (x->bytes->len && x->bytes_cp != cp)
                        ok = flush_bytes(x, st, error);
                    x->bytes_cp = cp;
                    guint8 b = (guint8)(g_ascii_xdigit_value(s[i + 1]) * 16 + g_ascii_xdigit_value(s[i + 2]));
                    g_byte_array_append(x->bytes, &b, 1);
                }
            }
            i += 3;
            continue;
        }
        if (!g_ascii_isalpha(c)) { /* control symbols */
            static const char *const sym[][2] = {{"\\", "\\"}, {"{", "{"}, {"}", "}"}, {"~", " "}, {"_", "-"}, {"\t", "\t"}};
            if (c == '*')
                star = TRUE;
            for (gsize k = 0; k < G_N_ELEMENTS(sym); k++)
                if (c == sym[k][0][0])
                    ok = skip ? (skip--, TRUE) : put(x, st, sym[k][1], strlen(sym[k][1]), error);
            i++;
            continue;
        }
        char word[33];
        gsize wl = 0;
        while (i < len && g_ascii_isalpha(s[i])) {
            if (wl < sizeof word - 1)
                word[wl++] = s[i];
            i++;
        }
        word[wl] = '\0';
        gboolean has_num = FALSE;
        long num = 0;
        if (i < len && (s[i] == '-' || g_ascii_isdigit(s[i]))) {
            char *end = NULL;
            char buf[16];
            gsize k = 0;
            while (i < len && k < sizeof buf - 1 && (s[i] == '-' || g_ascii_isdigit(s[i])))
                buf[k++] = s[i++];
            buf[k] = '\0';
            while (i < len && g_ascii_isdigit(s[i])) /* absurdly long numbers: the rest is ignored */
                i++;
            num = strtol(buf, &end, 10);
            has_num = TRUE;
        }
        if (i < len && s[i] == ' ')
            i++; /* the delimiter belongs to the control word */

        int d = find_dest(word);
        if (d != -2 || star) {
            if (d == -2)
                d = DEST_SKIP; /* {\* unknown}: ignorable by definition */
            if (d == DEST_KEEP)
                d = st->dest;
            if (st->dest == DEST_SKIP)
                d = DEST_SKIP;
            if (st->dest == DEST_INFO) {
                d = DEST_SKIP;
                for (gsize k = 0; k < G_N_ELEMENTS(meta_fields); k++)
                    if (strcmp(meta_fields[k].word, word) == 0)
                        d = DEST_META, st->meta = (int)k;
            }
            st->dest = d;
            star = FALSE;
            continue;
        }
        star = FALSE;
        if (st->dest == DEST_INFO) {
            for (gsize k = 0; k < G_N_ELEMENTS(meta_fields); k++)
                if (strcmp(meta_fields[k].word, word) == 0)
                    st->dest = DEST_META, st->meta = (int)k;
            continue;
        }
        if (strcmp(word, "u") == 0 && has_num) {
            if (skip) {
                skip--;
                continue;
            }
            gunichar u = (gunichar)(num < 0 ? num + 65536 : num);
            char buf[8];
            int n = g_unichar_validate(u) ? g_unichar_to_utf8(u, buf) : 0;
            if (n)
                ok = put(x, st, buf, (gsize)n, error);
            skip = st->uc;
            continue;
        }
        if (strcmp(word, "uc") == 0) {
            st->uc = has_num && num >= 0 && num < 8 ? (int)num : 1;
            continue;
        }
        if (strcmp(word, "ansicpg") == 0 && has_num) {
            for (int k = 0; k <= depth; k++)
                stack[k].codepage = (int)num;
            continue;
        }
        if (strcmp(word, "f") == 0 && has_num) {
            if (st->dest == DEST_FONTTBL)
                x->cur_font = (int)num;
            else {
                gpointer cp = g_hash_table_lookup(x->font_cp, GINT_TO_POINTER((int)num));
                if (cp)
                    st->codepage = GPOINTER_TO_INT(cp);
            }
            continue;
        }
        if (strcmp(word, "fcharset") == 0 && has_num && st->dest == DEST_FONTTBL) {
            int cp = charset_codepage((int)num);
            if (cp)
                g_hash_table_insert(x->font_cp, GINT_TO_POINTER(x->cur_font), GINT_TO_POINTER(cp));
            continue;
        }
        if (strcmp(word, "cpg") == 0 && has_num && st->dest == DEST_FONTTBL) {
            g_hash_table_insert(x->font_cp, GINT_TO_POINTER(x->cur_font), GINT_TO_POINTER((int)num));
            continue;
        }
        if (strcmp(word, "v") == 0) {
            st->hidden = !has_num || num != 0;
            continue;
        }
        if (strcmp(word, "deleted") == 0) {
            st->deleted = !has_num || num != 0;
            continue;
        }
        if (strcmp(word, "plain") == 0) {
            st->hidden = st->deleted = FALSE;
            continue;
        }
        if (strcmp(word, "bin") == 0 && has_num && num > 0) { /* raw binary data follows */
            i += (gsize)num < len - i ? (gsize)num : len - i;
            continue;
        }
        if (strcmp(word, "row") == 0 || strcmp(word, "nestrow") == 0) { /* the last \cell left a tab */
            GString *g = sink_of(x, st);
            if (g && g->len && g->str[g->len - 1] == '\t')
                g_string_truncate(g, g->len - 1);
        }
        for (gsize k = 0; k < G_N_ELEMENTS(chars); k++)
            if (strcmp(chars[k].word, word) == 0) {
                ok = skip ? (skip--, TRUE) : put(x, st, chars[k].text, strlen(chars[k].text), error);
                break;
            }
    }
    if (ok)
        ok = flush_bytes(x, &stack[depth], error);
    g_free(stack);
    return ok;
}

static gint by_kind(gconstpointer a, gconstpointer b)
{
    const PPPart *x = *(PPPart *const *)a, *y = *(PPPart *const *)b;
    return (int)x->kind - (int)y->kind; /* g_ptr_array_sort is stable */
}

static int rtf_bid(const guint8 *data, gsize len, const char *mime)
{
    (void)mime;
    return len >= 5 && memcmp(data, "{\\rtf", 5) == 0 ? 90 : 0;
}

static gboolean rtf_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    gsize len = 0;
    const char *data = g_bytes_get_data(doc->data, &len);
    Rtf x = {.doc = doc, .lim = lim, .bytes = g_byte_array_new(), .font_cp = g_hash_table_new(NULL, NULL)};
    for (int k = 0; k < PP_PART_N; k++)
        x.out[k] = g_string_new(NULL);
    x.deleted = g_string_new(NULL), x.hidden = g_string_new(NULL), x.meta = g_string_new(NULL),
    x.author = g_string_new(NULL);
    gboolean ok = rtf_parse(&x, data, len, error);
    if (ok) {
        /* metadata parts were added while parsing; the text parts follow in reading order */
        add_part(&x, PP_PART_BODY, x.out[PP_PART_BODY], NULL, NULL);
        add_part(&x, PP_PART_HEADER, x.out[PP_PART_HEADER], NULL, NULL);
        add_part(&x, PP_PART_FOOTER, x.out[PP_PART_FOOTER], NULL, NULL);
        add_part(&x, PP_PART_FOOTNOTE, x.out[PP_PART_FOOTNOTE], NULL, NULL);
        add_part(&x, PP_PART_TEXTBOX, x.out[PP_PART_TEXTBOX], NULL, NULL);
        add_part(&x, PP_PART_TRACKED_CHANGE, x.deleted, NULL, NULL);
        add_part(&x, PP_PART_HIDDEN_TEXT, x.hidden, NULL, NULL);
        pp_doc_prune_empty_parts(doc);
        /* comments and metadata were added as they came: put the parts in the readers' order */
        g_ptr_array_sort(doc->parts, by_kind);
    }
    for (int k = 0; k < PP_PART_N; k++)
        g_string_free(x.out[k], TRUE);
    g_string_free(x.deleted, TRUE), g_string_free(x.hidden, TRUE), g_string_free(x.meta, TRUE);
    g_string_free(x.author, TRUE);
    g_free(x.last_author);
    g_byte_array_unref(x.bytes);
    g_hash_table_unref(x.font_cp);
    return ok;
}

const PPFormat pp_format_rtf = {
    .name = "rtf",
    .bid = rtf_bid,
    .extract = rtf_extract,
};
