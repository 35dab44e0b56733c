/* PDF: poppler-glib, loaded from memory.
 *
 * Each page becomes one body part built by pdf_layout.c from poppler's characters and boxes (lines
 * by position, tables as one line per row with '\t' between cells) with a PPGlyph per character;
 * then the page visitors run (annotations, form fields; further per-page checks, e.g. text under
 * boxes, go in the same table). Pages whose text runs sideways are turned first. Large
 * documents are read by two workers, each with its own PopplerDocument (poppler objects are not
 * shared across threads); every page's parts go to a scratch PPDoc and are moved into the document in
 * page order at the end, so the output does not depend on scheduling.
 */
#include "format.h"
#include "pdf_internal.h"

#include <string.h>

#define PDF_THREADS_MIN_PAGES 16

G_DEFINE_AUTOPTR_CLEANUP_FUNC(PopplerDocument, g_object_unref)

/* What a page visitor sees. out is the page's scratch doc: parts added there land after the body. */
typedef struct {
    PPDoc *out;
    PopplerPage *page;
    int page_no;    /* 1-based */
    PPPart *body;   /* the page text; body->glyphs holds the boxes */
    double width, height;
} PPPdfPage;

static void visit_annotations(const PPPdfPage *pg) { pp_pdf_read_annotations(pg->out, pg->page, pg->page_no); }
static void visit_form_fields(const PPPdfPage *pg)
{
    pp_pdf_read_form_fields(pg->out, pg->page, pg->page_no, pg->body->text->str);
}

/* Run for every page after its text is laid out, in the worker that read it. A visitor may add parts
 * to pg->out (they follow the page's body in the document). The body text and glyphs it sees are
 * the page's own: a table row broken over the page break is joined afterwards (pp_pdf_join_rows),
 * which may move the page's first line to the page before. */
static void (*const page_visitors[])(const PPPdfPage *) = {
    visit_annotations,
    visit_form_fields,
};

typedef struct {
    GBytes *data;
    int n_pages;
    const PPLimits *lim;
    gint next;          /* next page to take (atomic) */
    gint stop;          /* set when the text limit is exceeded (atomic) */
    gint garbled;       /* pages whose text is undecodable (atomic) */
    gsize text_bytes;   /* guarded by lock */
    GMutex lock;
    PPDoc **pages;      /* per page scratch docs, owned; the body part comes first */
    PPPdfEdges *edges;  /* per page */
} Job;

static int pdf_bid(const guint8 *data, gsize len, const char *mime)
{
    (void)mime;
    gsize n = MIN(len, (gsize)1024);
    for (gsize i = 0; i + 5 <= n; i++)
        if (data[i] == '%' && memcmp(data + i, "%PDF-", 5) == 0)
            return 90;
    return 0;
}

static void read_page(Job *job, PopplerDocument *pdf, int i)
{
    PPDoc *out = job->pages[i] = pp_doc_new(NULL, NULL);
    PopplerPage *page = poppler_document_get_page(pdf, i);
    if (!page)
        return;
    PPPdfPage pg = {.out = out, .page = page, .page_no = i + 1};
    poppler_page_get_size(page, &pg.width, &pg.height);
    pg.body = pp_doc_add_part(out, PP_PART_BODY, i + 1, NULL);
    pg.body->glyphs = g_array_new(FALSE, FALSE, sizeof(PPGlyph));

    /* get_text and get_text_layout walk the same cached text page: one rectangle per character */
    g_autofree char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nr = 0;
    if (text && poppler_page_get_text_layout(page, &rects, &nr) && nr) {
        PPChar *ch = g_new(PPChar, nr);
        guint n = 0;
        const char *p = text;
        for (; *p && n < nr; p = g_utf8_next_char(p), n++) {
            ch[n].c = g_utf8_get_char(p);
            ch[n].x1 = (float)rects[n].x1, ch[n].y1 = (float)rects[n].y1;
            ch[n].x2 = (float)rects[n].x2, ch[n].y2 = (float)rects[n].y2;
        }
        if (n != nr || *p) /* never seen; would misplace boxes */
            g_debug("page %d: %u characters for %u boxes", i + 1, (guint)g_utf8_strlen(text, -1), nr);
        n = pp_pdf_fix_gbk_mojibake(ch, n);
        if (pp_pdf_text_is_garbled(ch, n))
            g_atomic_int_inc(&job->garbled); /* reviewed as a page without text */
        else
            pp_pdf_layout(ch, n, pg.body->text, pg.body->glyphs, &job->edges[i]);
        g_free(ch);
    }
    g_free(rects);

    g_mutex_lock(&job->lock);
    job->text_bytes += pg.body->text->len;
    if (job->text_bytes > job->lim->max_text_bytes)
        g_atomic_int_set(&job->stop, 1);
    g_mutex_unlock(&job->lock);

    for (gsize v = 0; v < G_N_ELEMENTS(page_visitors); v++)
        page_visitors[v](&pg);
    g_object_unref(page);
}

static void run_pages(Job *job, PopplerDocument *pdf)
{
    for (;;) {
        int i = g_atomic_int_add(&job->next, 1);
        if (i >= job->n_pages || g_atomic_int_get(&job->stop))
            break;
        read_page(job, pdf, i);
    }
}

static gpointer worker(gpointer data)
{
    Job *job = data;
    PopplerDocument *pdf = poppler_document_new_from_bytes(job->data, NULL, NULL);
    if (!pdf)
        return NULL; /* the other worker takes all pages */
    run_pages(job, pdf);
    g_object_unref(pdf);
    return NULL;
}

static gboolean open_error(GError *perr, GError **error)
{
    if (g_error_matches(perr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error(error, PP_ERROR, PP_ERR_ENCRYPTED, "PDF 已加密，需要打开密码");
    else
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "PDF 文件已损坏或不完整，无法打开");
    return FALSE;
}

static gboolean pdf_extract(PPDoc *doc, const PPLimits *lim, GError **error)
{
    g_autoptr(GError) perr = NULL;
    g_autoptr(PopplerDocument) pdf = poppler_document_new_from_bytes(doc->data, NULL, &perr);
    if (!pdf)
        return open_error(perr, error);
    int n_pages = poppler_document_get_n_pages(pdf);
    if (n_pages <= 0) {
        g_set_error(error, PP_ERROR, PP_ERR_CORRUPT, "PDF 文件已损坏：没有可读的页面");
        return FALSE;
    }
    if (n_pages > lim->max_pages) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "PDF 共 %d 页，超过单个文件 %d 页的审查上限", n_pages,
                    lim->max_pages);
        return FALSE;
    }
    doc->pages = n_pages;

    Job job = {.data = doc->data, .n_pages = n_pages, .lim = lim};
    g_mutex_init(&job.lock);
    job.pages = g_new0(PPDoc *, n_pages);
    job.edges = g_new0(PPPdfEdges, n_pages);
    GThread *helper = NULL;
    /* PREPUB_PDF_THREADS=1 reads on one thread (for benchmarks) */
    if (n_pages >= PDF_THREADS_MIN_PAGES && g_get_num_processors() > 1 && g_strcmp0(g_getenv("PREPUB_PDF_THREADS"), "1") != 0)
        helper = g_thread_try_new("pdf-pages", worker, &job, NULL);
    run_pages(&job, pdf);
    if (helper)
        g_thread_join(helper);
    g_mutex_clear(&job.lock);

    /* pages without text are counted before a broken row's tail moves to the page before */
    guint empty_pages = 0;
    for (int i = 0; i < n_pages; i++) {
        PPPart *body = job.pages[i] && job.pages[i]->parts->len ? job.pages[i]->parts->pdata[0] : NULL;
        empty_pages += !body || body->kind != PP_PART_BODY || !body->glyphs->len;
    }
    /* a table row broken by a page break belongs to the page where it starts */
    for (int i = 0; i + 1 < n_pages; i++) {
        PPDoc *a = job.pages[i], *b = job.pages[i + 1];
        if (a && b && a->parts->len && b->parts->len) {
            PPPart *pa = a->parts->pdata[0], *pb = b->parts->pdata[0];
            pp_pdf_join_rows(pa->text, pa->glyphs, &job.edges[i], pb->text, pb->glyphs, &job.edges[i + 1], i + 2);
        }
    }
    g_free(job.edges);

    /* move every page's parts into the document in page order; metadata and attachments after */
    gsize glyphs = 0;
    for (int i = 0; i < n_pages; i++) {
        if (!job.pages[i])
            continue;
        gsize len = 0;
        PPPart **parts = (PPPart **)g_ptr_array_steal(job.pages[i]->parts, &len);
        for (gsize k = 0; k < len; k++) {
            if (parts[k]->kind == PP_PART_BODY)
                glyphs += parts[k]->glyphs ? parts[k]->glyphs->len : 0;
            g_ptr_array_add(doc->parts, parts[k]);
        }
        g_free(parts);
        pp_doc_free(job.pages[i]);
    }
    g_free(job.pages);
    if (job.stop) {
        g_set_error(error, PP_ERROR, PP_ERR_TOO_LARGE, "PDF 提取出的文字超过 %" G_GSIZE_FORMAT " MiB 的审查上限",
                    lim->max_text_bytes >> 20);
        return FALSE;
    }
    if (glyphs == 0 && job.garbled) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT,
                    "PDF 的文字无法解码（字体缺少字符映射，提取出的是乱码），无法审查；请用原始文档重新导出 PDF");
        return FALSE;
    }
    if (glyphs == 0) {
        g_set_error(error, PP_ERROR, PP_ERR_NO_TEXT,
                    "PDF 共 %d 页，没有任何可提取的文字（可能是扫描图片），无法审查；请提供带文字层的版本或先做文字识别",
                    n_pages);
        return FALSE;
    }
    if (job.garbled)
        pp_doc_note(doc, "PDF 有 %d 页文字无法解码（字体缺少字符映射），这些页未经审查", job.garbled);
    if (empty_pages > (guint)job.garbled)
        pp_doc_note(doc, "PDF 有 %u 页没有可提取的文字（空白页或扫描图片），其中如有内容未经审查",
                    empty_pages - (guint)job.garbled);

    pp_pdf_read_metadata(doc, pdf);
    pp_pdf_read_attachments(doc, pdf, lim);
    return TRUE;
}

const PPFormat pp_format_pdf = {
    .name = "pdf",
    .bid = pdf_bid,
    .extract = pdf_extract,
};
