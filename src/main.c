/* prepub — command line. Only this file prints messages for the user and chooses the exit status:
 * 0 every document passes, 1 a document needs review, is blocked or unreadable, 2 the run failed. */
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "format.h"
#include "redact.h"
#include "report.h"
#include "stage.h"

enum { EXIT_PASS = 0, EXIT_FINDINGS = 1, EXIT_RUN_FAILED = 2 };

/* Where prepub's own messages go: the original standard error (see quiet_libraries). */
static FILE *msg_out;

static void die_line(const char *msg)
{
    /* one line per error on stderr, as a hook expects */
    g_autofree char *flat = g_strdup(msg);
    g_strdelimit(flat, "\n", ' ');
    fprintf(msg_out, "prepub: %s\n", flat);
}

/* Parse a subcommand's options; on error print one line naming the subcommand's help. */
static gboolean parse_options(GOptionContext *ctx, const char *command, int *argc, char ***argv)
{
    g_autoptr(GError) err = NULL;
    if (g_option_context_parse(ctx, argc, argv, &err))
        return TRUE;
    g_autofree char *msg = g_strdup_printf("选项错误：%s（prepub %s --help 查看用法）", err->message, command);
    die_line(msg);
    return FALSE;
}

/* Write data to path atomically: a temporary file beside it, then rename. */
static gboolean write_atomic(const char *path, const char *data, gsize len, GError **error)
{
    /* g_file_set_contents writes a temporary file beside path and renames it over path */
    g_autoptr(GError) err = NULL;
    if (g_file_set_contents(path, data, (gssize)len, &err))
        return TRUE;
    g_set_error(error, PP_ERROR, PP_ERR_OUTPUT, "无法写出报告到 %s：%s", path, err->message);
    return FALSE;
}

static gboolean emit(const char *output, GString *s, GError **error)
{
    if (output && strcmp(output, "-") != 0)
        return write_atomic(output, s->str, s->len, error);
    if (fwrite(s->str, 1, s->len, stdout) != s->len || fflush(stdout) != 0) {
        g_set_error(error, PP_ERROR, PP_ERR_OUTPUT, "无法写出报告到标准输出");
        return FALSE;
    }
    return TRUE;
}

static PPRules *load_rules(char **dirs, GError **error)
{
    g_autofree char *def = NULL;
    const char *defv[2] = {NULL, NULL};
    if (!dirs || !dirs[0]) {
        def = pp_rules_default_dir();
        defv[0] = def;
        dirs = (char **)defv;
    }
    PPRules *rules = pp_rules_load((const char *const *)dirs, error);
    if (rules && !pp_stages_check_rules(rules, error))
        g_clear_pointer(&rules, pp_rules_free);
    return rules;
}

/* ---- prepub check ---- */
static int cmd_check(int argc, char **argv)
{
    g_autofree char *format = NULL, *output = NULL, *redact_dir = NULL, *fail_on = NULL, *name = NULL,
                    *fixed_time = NULL;
    g_auto(GStrv) rule_dirs = NULL;
    gboolean reveal = FALSE;
    int jobs = 0;
    GOptionEntry entries[] = {
        {"format", 0, 0, G_OPTION_ARG_STRING, &format, "报告格式：text、json 或 html（默认：终端上为 text，否则为 json）", "FMT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "把报告写入文件（原子写入）而不是标准输出", "FILE"},
        {"reveal", 0, 0, G_OPTION_ARG_NONE, &reveal, "在报告中显示原始值（默认只显示遮盖后的值）", NULL},
        {"redact-dir", 0, 0, G_OPTION_ARG_FILENAME, &redact_dir, "同时把每个文件的脱敏副本写入该目录", "DIR"},
        {"rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rule_dirs, "规则目录（可多次给出，后者覆盖同编号规则）", "DIR"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "并行处理的文件数（默认：CPU 数）", "N"},
        {"fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on, "何种结论使退出码为 1：block、review（默认）或 never", "LEVEL"},
        {"name", 0, 0, G_OPTION_ARG_STRING, &name, "从标准输入（-）读取时报告中使用的文件名", "NAME"},
        {"fixed-time", 0, 0, G_OPTION_ARG_STRING, &fixed_time, "报告中的审查时间（用于可重复的测试）", "TIME"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("PATH... — 审查文件或目录（- 表示标准输入）");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(ctx, "发布前审查：公开属性、涉密标志、个人信息、隐藏内容。\n"
                                      "退出码：0 全部可发布；1 有需复核、不得发布或无法读取的文件；2 运行失败。");
    GError *err = NULL;
    /* GOption does not take a value glued to a short option: accept "-j4" as "-j 4", as make does */
    /* GOption reorders the vector it parses: free the strings through a copy of the pointers */
    g_auto(GStrv) owned = g_new0(char *, 2 * (gsize)argc + 1);
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "-j", 2) == 0 && argv[i][2] && g_ascii_isdigit(argv[i][2])) {
            owned[n++] = g_strdup("-j");
            owned[n++] = g_strdup(argv[i] + 2);
        } else {
            owned[n++] = g_strdup(argv[i]);
        }
    }
    g_autofree char **view = g_memdup2(owned, sizeof(char *) * ((gsize)n + 1));
    argc = n;
    argv = view;
    if (!parse_options(ctx, "check", &argc, &argv))
        return EXIT_RUN_FAILED;
    if (argc < 2) {
        die_line("缺少要审查的文件或目录（用 - 表示标准输入）。用法：prepub check [选项] PATH...");
        return EXIT_RUN_FAILED;
    }
    if (!format)
        format = g_strdup(output && g_str_has_suffix(output, ".json")   ? "json"
                          : output && g_str_has_suffix(output, ".html") ? "html"
                          : output || isatty(STDOUT_FILENO)             ? "text"
                                                                        : "json");
    const PPReporter *rep = pp_reporter_find(format);
    if (!rep) {
        die_line("未知的报告格式，可用 text、json、html");
        return EXIT_RUN_FAILED;
    }
    PPVerdict threshold = PP_VERDICT_REVIEW;
    gboolean never = FALSE;
    if (fail_on) {
        if (strcmp(fail_on, "block") == 0)
            threshold = PP_VERDICT_BLOCK;
        else if (strcmp(fail_on, "never") == 0)
            never = TRUE;
        else if (strcmp(fail_on, "review") != 0) {
            die_line("--fail-on 只能是 block、review 或 never");
            return EXIT_RUN_FAILED;
        }
    }
    if (jobs < 0) {
        die_line("--jobs 必须是正整数");
        return EXIT_RUN_FAILED;
    }
    int n_stdin = 0;
    for (int i = 1; i < argc; i++)
        n_stdin += strcmp(argv[i], "-") == 0;
    if (n_stdin > 1) {
        die_line("标准输入（-）只能给出一次");
        return EXIT_RUN_FAILED;
    }
    if (redact_dir && g_mkdir_with_parents(redact_dir, 0755) != 0) {
        die_line("无法创建脱敏副本目录");
        return EXIT_RUN_FAILED;
    }
    g_autoptr(PPRules) rules = load_rules(rule_dirs, &err);
    if (!rules) {
        die_line(err->message);
        g_error_free(err);
        return EXIT_RUN_FAILED;
    }
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules, .reveal = reveal, .redact_dir = redact_dir};
    g_autoptr(GPtrArray) docs = pp_collect(argv + 1, name ? name : "stdin");
    pp_process_all(docs, &opt, jobs, isatty(fileno(msg_out)) ? msg_out : NULL);

    PPReportOptions ro = {.reveal = reveal, .fixed_time = fixed_time, .rules = rules, .argv_paths = argv + 1};
    ro.color = strcmp(format, "text") == 0 && !output && isatty(STDOUT_FILENO) && !g_getenv("NO_COLOR");
    g_autoptr(GString) out = g_string_new(NULL);
    rep->write(out, docs, &ro);
    if (!emit(output, out, &err)) {
        die_line(err->message);
        g_error_free(err);
        return EXIT_RUN_FAILED;
    }
    int status = EXIT_PASS;
    for (guint i = 0; i < docs->len; i++) {
        const PPDoc *d = docs->pdata[i];
        if (d->error)
            fprintf(msg_out, "prepub: %s: %s\n", d->path, d->error->message);
        if (d->redact_error)
            fprintf(msg_out, "prepub: %s: 脱敏副本：%s\n", d->path, d->redact_error);
        if (!never && (d->verdict >= threshold || d->error || d->redact_error))
            status = EXIT_FINDINGS;
    }
    return status;
}

/* ---- prepub extract ---- */
static int cmd_extract(int argc, char **argv)
{
    g_autofree char *format = NULL, *name = NULL;
    GOptionEntry entries[] = {
        {"format", 0, 0, G_OPTION_ARG_STRING, &format, "输出格式：text（默认）或 json", "FMT"},
        {"name", 0, 0, G_OPTION_ARG_STRING, &name, "从标准输入读取时使用的文件名", "NAME"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("FILE — 按部分输出提取到的文字（正文、页眉、批注、修订……）");
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    if (!parse_options(ctx, "extract", &argc, &argv))
        return EXIT_RUN_FAILED;
    if (argc != 2) {
        die_line("用法：prepub extract [--format text|json] FILE");
        return EXIT_RUN_FAILED;
    }
    gboolean json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "text") != 0) {
        die_line("未知的输出格式，可用 text、json");
        return EXIT_RUN_FAILED;
    }
    gboolean is_stdin = strcmp(argv[1], "-") == 0;
    g_autoptr(PPDoc) doc = pp_doc_new(is_stdin ? (name ? name : "stdin") : argv[1], is_stdin ? NULL : argv[1]);
    if (pp_doc_read(doc, &pp_default_limits, &doc->error))
        pp_extract(doc, &pp_default_limits, &doc->error);
    if (doc->error) {
        g_autofree char *msg = g_strdup_printf("%s: %s（%s）", doc->path, doc->error->message, pp_error_code_name(doc->error->code));
        die_line(msg);
        return EXIT_FINDINGS;
    }
    g_autoptr(GString) out = g_string_new(NULL);
    pp_report_extract(out, doc, json);
    if (!emit(NULL, out, &err)) {
        die_line(err->message);
        g_error_free(err);
        return EXIT_RUN_FAILED;
    }
    return EXIT_PASS;
}

/* ---- prepub redact ---- */
static int cmd_redact(int argc, char **argv)
{
    g_autofree char *output = NULL;
    g_auto(GStrv) rule_dirs = NULL;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "脱敏副本的路径（必需；不能与输入相同）", "OUT"},
        {"rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rule_dirs, "规则目录", "DIR"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    g_autoptr(GOptionContext) ctx = g_option_context_new("IN -o OUT — 生成与原文件格式相同的脱敏副本");
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *err = NULL;
    if (!parse_options(ctx, "redact", &argc, &argv))
        return EXIT_RUN_FAILED;
    if (argc != 2 || !output) {
        die_line("用法：prepub redact IN -o OUT");
        return EXIT_RUN_FAILED;
    }
    g_autofree char *in_abs = g_canonicalize_filename(argv[1], NULL);
    g_autofree char *out_abs = g_canonicalize_filename(output, NULL);
    if (strcmp(in_abs, out_abs) == 0) {
        die_line("输出文件不能与输入文件相同（原文件不会被修改）");
        return EXIT_RUN_FAILED;
    }
    g_autoptr(PPRules) rules = load_rules(rule_dirs, &err);
    if (!rules) {
        die_line(err->message);
        g_error_free(err);
        return EXIT_RUN_FAILED;
    }
    PPRunOptions opt = {.limits = &pp_default_limits, .rules = rules};
    g_autoptr(PPDoc) doc = pp_doc_new(argv[1], strcmp(argv[1], "-") == 0 ? NULL : argv[1]);
    pp_process(doc, &opt, TRUE);
    if (doc->error) {
        g_autofree char *msg = g_strdup_printf("%s: %s", doc->path, doc->error->message);
        die_line(msg);
        return EXIT_FINDINGS;
    }
    if (!pp_redact_to(doc, &opt, output, &err)) {
        g_autofree char *msg = g_strdup_printf("%s: %s", doc->path, err->message);
        die_line(msg);
        g_error_free(err);
        return EXIT_FINDINGS;
    }
    guint n = 0;
    for (guint i = 0; i < doc->findings->len; i++)
        n += ((PPFinding *)doc->findings->pdata[i])->category == PP_CAT_PRIVACY;
    fprintf(msg_out, "prepub: 已写出脱敏副本 %s（遮盖 %u 处个人信息）\n", output, n);
    return EXIT_PASS;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("prepub %s\n", PREPUB_VERSION);
    return EXIT_PASS;
}

static int cmd_help(int argc, char **argv);

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"check", cmd_check, "审查文件或目录，输出审查报告"},
    {"extract", cmd_extract, "输出提取到的各部分文字（正文、页眉页脚、批注、修订、元数据……）"},
    {"redact", cmd_redact, "生成与原文件格式相同的脱敏副本"},
    {"version", cmd_version, "显示版本"},
    {"help", cmd_help, "显示帮助"},
};

static int cmd_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("prepub %s — 政府信息公开发布前审查\n\n用法：prepub 命令 [选项] ...\n\n命令：\n", PREPUB_VERSION);
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].summary);
    printf("\n“prepub 命令 --help” 显示该命令的选项。\n");
    return EXIT_PASS;
}

/* Poppler's cairo backend prints some complaints with fprintf(stderr) ("some font thing failed",
 * once per glyph of a damaged font: thousands of lines for one bad PDF), which would bury the one
 * line per error a hook reads. prepub's own messages go to a duplicate of standard error; the
 * `stderr` stream the libraries print to goes to /dev/null. Descriptor 2 is left alone, so
 * sanitizer reports still appear. PREPUB_DEBUG=1 keeps the libraries' messages. */
static void quiet_libraries(void)
{
    msg_out = stderr;
    if (g_getenv("PREPUB_DEBUG"))
        return;
    int keep = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    FILE *mine = keep >= 0 ? fdopen(keep, "w") : NULL;
    FILE *null = mine ? fopen("/dev/null", "we") : NULL;
    if (!mine || !null) {
        if (mine)
            fclose(mine);
        else if (keep >= 0)
            close(keep);
        return;
    }
    setvbuf(mine, NULL, _IONBF, 0);
    msg_out = mine;
    stderr = null; /* glibc: stderr is an ordinary variable */
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    quiet_libraries();
    if (argc < 2) {
        cmd_help(argc, argv);
        return EXIT_RUN_FAILED;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help(argc, argv);
    if (strcmp(argv[1], "--version") == 0)
        return cmd_version(argc, argv);
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    g_autofree char *msg = g_strdup_printf("未知命令 %s（可用：check、extract、redact、version、help）", argv[1]);
    die_line(msg);
    return EXIT_RUN_FAILED;
}
