#!/usr/bin/env python3
"""Regenerates tests/data/pdf_producers/: PDFs of 公示 tables, penalty decisions and replies made by
the producers offices really publish with, each with a .expect file for tests/pdf_producers.sh.

Producers: headless Chromium (HTML tables with and without borders, a plain <table border=1>, zebra
rows, rowspan/colspan, 1px and zero padding with centred or left titles, wrapped numbers in narrow
cells, two text columns, a sideways table, tables running on over a page break with and without a
repeated <thead> under the print header/footer lines, replies with numbers broken at the line end);
LibreOffice from DOCX (borderless, merged cells, a repeated header row with page header and footer);
cairo (python3-cairo: ruled table drawn line by line, pages with /Rotate 90 and 270, two columns);
a hand-written "scan + OCR layer" PDF (invisible text, one word a Tj, scaled with Tz to the scanned
word's width, as OCR engines write it).

All people, numbers and addresses are invented (valid check digits, Luhn). Deterministic.
Needs chromium, LibreOffice, fonts-wqy-microhei (a TrueType CJK font: Chromium embeds a small subset
of it, where the CFF Noto fonts become large Type 3 fonts) and python3-cairo for the cairo and OCR parts.
Run: /usr/bin/python3 scripts/make_pdf_producers.py [chromium|libreoffice|cairo|ocr]...
.expect lines: "TYPE<TAB>VALUE" must be found with that type; "!<TAB>VALUE" must not be reported.
"""
import os, random, re, subprocess, sys, tempfile, zipfile, zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "pdf_producers")
R = random.Random(20251201)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鹏辉建国志成德文海波宁浩"
COMPOUND = ["欧阳", "司马", "诸葛", "上官"]
MOBILE_PREFIXES = ["133", "135", "138", "139", "150", "151", "158", "159", "176", "177", "186", "188", "189", "191", "199"]
AREAS = ["110105", "310104", "440305", "500235", "510704", "330106", "420106", "370202", "320102", "610113"]
PLACES = [("浙江省杭州市西湖区", "转塘街道", "金家岭村"), ("重庆市云阳县", "双江街道", "建全社区"),
          ("四川省绵阳市游仙区", "小枧沟镇", "桂湖村"), ("湖北省武汉市江岸区", "后湖街道", "百步亭社区"),
          ("山东省青岛市市南区", "八大关街道", "山海关路"), ("江苏省南京市玄武区", "孝陵卫街道", "钟灵村")]


def cn_id(area, birth, seq):
    body = f"{area}{birth}{seq}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * k for d, k in zip(body, w)) % 11]


def luhn(prefix):
    digits = [int(d) for d in prefix]
    for check in range(10):
        s = 0
        for i, d in enumerate(reversed(digits + [check])):
            if i % 2 == 1:
                d = d * 2 - 9 if d * 2 > 9 else d * 2
            s += d
        if s % 10 == 0:
            return prefix + str(check)


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc():
    body = "9" + R.choice("123") + R.choice(AREAS) + "".join(R.choice(USCC_CHARS) for _ in range(9))
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(USCC_CHARS.index(c) * k for c, k in zip(body, w))
    return body + USCC_CHARS[(31 - s % 31) % 31]


def person():
    sur = R.choice(COMPOUND) if R.random() < 0.1 else R.choice(SURNAMES)
    name = sur + "".join(R.choice(GIVEN) for _ in range(R.choice((1, 2))))
    birth = f"{R.randint(1950, 2003)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    pid = cn_id(R.choice(AREAS), birth, f"{R.randint(0, 999):03d}")
    mobile = R.choice(MOBILE_PREFIXES) + f"{R.randint(0, 99999999):08d}"
    card = luhn(R.choice(["622202", "621700", "623668", "622848"]) + f"{R.randint(0, 10**12 - 1):012d}")
    prov, town, vil = R.choice(PLACES)
    addr = f"{prov}{town}{vil}{R.randint(1, 12)}组{R.randint(1, 99)}号"
    return dict(name=name, id=pid, mobile=mobile, card=card, addr=addr)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Doc:
    """Expected findings of one PDF."""
    def __init__(self, name):
        self.name, self.want, self.nots = name, [], []

    def p(self, pp, *fields):
        kinds = {"name": "person_name", "id": "cn_id", "mobile": "mobile", "card": "bank_card", "addr": "address"}
        for f in fields:
            self.want.append((kinds[f], pp[f]))

    def write(self):
        with open(os.path.join(OUT, self.name[:-4] + ".expect"), "w", encoding="utf-8") as f:
            for t, v in self.want:
                f.write(f"{t}\t{v}\n")
            for v in self.nots:
                f.write(f"!\t{v}\n")


def lookalikes(doc, org="云阳县市场监督管理局"):
    """Lines of a notice's head and 版记 that look like identifiers but are not personal."""
    code = uscc()
    num = f"云阳市监公示〔2025〕{R.randint(10, 199)}号"
    doc.nots += [code, num, "023-55123456", "12345", "20250312"]
    return num, code


HTML_HEAD = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "WenQuanYi Micro Hei"; font-size: 11pt; }
h1 { font-size: 16pt; text-align: center; font-weight: normal; }
table { border-collapse: collapse; } th, h3 { font-weight: normal; } %s
</style></head><body>"""


def chromium(html, name, tmp, margins=False):
    src = os.path.join(tmp, name + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp}/profile"] + ([] if margins else ["--no-pdf-header-footer"]) +
                   [f"--print-to-pdf={os.path.join(OUT, name)}", "file://" + src], check=True, capture_output=True)


def gongshi_html(doc, css, cols, people, seq=True, head_rows=None):
    """A 公示 notice: head lines, a table of people, the office's closing lines."""
    num, code = lookalikes(doc)
    h = [HTML_HEAD % css, f"<h1>关于2025年度城乡低保对象的公示</h1><p style='text-align:center'>{num}</p>",
         "<p>根据《社会救助暂行办法》，经本人申请、入户调查、民主评议，现将拟纳入低保对象名单公示如下"
         "（公示期2025年3月12日至3月18日，监督电话：12345）：</p><table>"]
    titles = {"name": "姓名", "id": "身份证号", "mobile": "联系电话", "card": "银行卡号", "addr": "家庭住址"}
    h.append(head_rows or "<tr>" + ("<th>序号</th>" if seq else "") + "".join(f"<th>{titles[c]}</th>" for c in cols) + "</tr>")
    for i, pp in enumerate(people, 1):
        h.append("<tr>" + (f"<td>{i}</td>" if seq else "") + "".join(f"<td>{esc(pp[c])}</td>" for c in cols) + "</tr>")
        doc.p(pp, *cols)
    h.append(f"</table><p>如有异议，请于公示期内向县民政局反映。联系电话：023-55123456，邮政编码404500。</p>"
             f"<p>经办单位统一社会信用代码：{code}，公示日期：20250312</p><p style='text-align:right'>云阳县民政局<br>2025年3月12日</p>"
             "<p>（此件公开发布）</p></body></html>")
    return "".join(h)


def make_chromium(tmp):
    ALL = ["name", "id", "mobile", "card", "addr"]
    styles = [
        ("cr_border.pdf", "td,th{border:1px solid #000;padding:3px 4px} td:nth-child(3){width:7em}", ALL, True, 6),
        ("cr_noborder.pdf", "td,th{padding:2px 8px;text-align:left}", ["name", "id", "mobile", "addr"], True, 6),
        ("cr_zebra.pdf", "td,th{padding:4px} tr:nth-child(even){background:#e8eef8} th{background:#2b5797;color:#fff}",
         ["name", "id", "card", "addr"], True, 7),
        ("cr_pad1.pdf", "table{width:100%} td,th{border:1px solid #444;padding:1px;font-size:10pt}", ALL, True, 6),
        ("cr_pad0_noseq.pdf", "td,th{padding:0;font-size:10.5pt}", ["name", "id", "mobile", "addr"], False, 6),
        ("cr_narrow.pdf", "table{width:100%;table-layout:fixed} td,th{border:1px solid #000;padding:2px;"
         "word-break:break-all;vertical-align:middle} col.n{width:3em} col.i{width:6.5em} col.m{width:5em}"
         " col.c{width:6.5em}", ALL, True, 5),
    ]
    for name, css, cols, seq, n in styles:
        doc = Doc(name)
        html = gongshi_html(doc, css, cols, [person() for _ in range(n)], seq)
        if name == "cr_narrow.pdf":
            html = html.replace("<table>", "<table><colgroup><col style='width:2.5em'><col class=n><col class=i>"
                                "<col class=m><col class=c><col></colgroup>")
        chromium(html, name, tmp)
        doc.write()

    # header cells spanning two columns, and a household whose 户主 cell spans its members' rows
    doc = Doc("cr_rowspan.pdf")
    num, code = lookalikes(doc)
    rows = ["<tr><th rowspan=2>序号</th><th rowspan=2>户主姓名</th><th rowspan=2>身份证号</th><th colspan=2>联系方式</th>"
            "<th rowspan=2>保障人数</th></tr><tr><th>联系电话</th><th>家庭住址</th></tr>"]
    for i in range(1, 5):
        pp = person()
        k = R.randint(1, 3)
        rows.append(f"<tr><td rowspan={k}>{i}</td><td rowspan={k}>{pp['name']}</td><td rowspan={k}>{pp['id']}</td>"
                    f"<td rowspan={k}>{pp['mobile']}</td><td rowspan={k}>{pp['addr']}</td><td>{k}</td></tr>"
                    + "<tr><td>—</td></tr>" * (k - 1))
        doc.p(pp, "name", "id", "mobile", "addr")
    html = (HTML_HEAD % "td,th{border:1px solid #000;padding:3px} td{vertical-align:middle}" +
            f"<h1>特困供养人员公示</h1><p style='text-align:center'>{num}</p><table>{''.join(rows)}</table>"
            f"<p>监督电话：12345；联系电话：023-55123456。单位代码：{code}。公示日期：20250312</p><p>（此件公开发布）</p></body></html>")
    chromium(html, "cr_rowspan.pdf", tmp)
    doc.write()

    # a CMS page: <table border=1> and no style (border-spacing 2px, padding 1px)
    doc = Doc("cr_plain_html.pdf")
    html = gongshi_html(doc, "", ["name", "id", "mobile", "card", "addr"], [person() for _ in range(6)])
    chromium(html.replace("<table>", "<table border=1>").replace("table { border-collapse: collapse; }", ""),
             "cr_plain_html.pdf", tmp)
    doc.write()

    # zero padding, left-aligned titles, with 序号 and top-aligned cells
    doc = Doc("cr_pad0_left.pdf")
    html = gongshi_html(doc, "td,th{padding:0;text-align:left;vertical-align:top;font-size:10pt}",
                        ["name", "id", "card", "mobile", "addr"], [person() for _ in range(6)])
    chromium(html, "cr_pad0_left.pdf", tmp)
    doc.write()

    # the title row repeated on every page (<thead>), zebra rows, under the print header and footer
    doc = Doc("cr_thead_repeat.pdf")
    html = gongshi_html(doc, "td,th{border:1px solid #666;padding:11px 4px;vertical-align:top} "
                        "tbody tr:nth-child(odd){background:#f2f2f2}", ["name", "id", "mobile", "addr"],
                        [person() for _ in range(16)])
    html = html.replace("<table><tr>", "<table><thead><tr>", 1).replace("</th></tr>", "</th></tr></thead><tbody>", 1)
    html = html.replace("</table>", "</tbody></table>").replace("<body>", "<title>公示</title><body>", 1)
    chromium(html, "cr_thead_repeat.pdf", tmp, margins=True)
    doc.write()

    # penalty decisions set in two text columns
    doc = Doc("cr_twocol.pdf")
    num, code = lookalikes(doc)
    parts = []
    for k in range(3):
        pp = person()
        parts.append(f"<h3>行政处罚决定书（{k + 1}）</h3><p>当事人：{pp['name']}，性别：男，居民身份证号码：{pp['id']}，"
                     f"住址：{pp['addr']}，联系电话：{pp['mobile']}。</p><p>经查，当事人于2025年1月在经营中销售超过保质期的食品，"
                     "违反了《中华人民共和国食品安全法》第三十四条的规定。依据该法第一百二十四条，本局决定：没收违法所得"
                     f"3112元，罚款32000元。罚款缴入指定账户，缴款单位统一社会信用代码：{code}。</p>")
        doc.p(pp, "name", "id", "addr", "mobile")
    html = (HTML_HEAD % ".cols{column-count:2;column-gap:2.5em;text-align:justify} p{margin:.4em 0}" +
            f"<h1>行政处罚信息公示</h1><p style='text-align:center'>{num}</p><div class=cols>{''.join(parts)}</div>"
            "<p>咨询电话：023-55123456，监督电话：12345，公示日期：20250312</p><p>（此件公开发布）</p></body></html>")
    chromium(html, "cr_twocol.pdf", tmp)
    doc.write()

    # a wide table printed sideways on a portrait page
    doc = Doc("cr_rotated.pdf")
    body = gongshi_html(doc, "td,th{border:1px solid #000;padding:2px 5px} .rot{transform:rotate(-90deg) translate(-100%,0);"
                        "transform-origin:0 0;width:250mm;position:absolute;top:0;left:0} h1{margin:0}",
                        ["name", "id", "mobile", "card", "addr"], [person() for _ in range(6)])
    body = body.replace("<h1>", "<div class=rot><h1>", 1).replace("</body>", "</div></body>")
    chromium(body, "cr_rotated.pdf", tmp)
    doc.write()

    # a long table over a page break, no repeated header, under the browser's own print header
    # (date, title) and footer (address, page n/N) lines
    doc = Doc("cr_continued.pdf")
    html = gongshi_html(doc, "td,th{border:1px solid #000;padding:11px 3px}", ["name", "id", "mobile", "addr"],
                        [person() for _ in range(16)], True)
    html = html.replace("<body>", "<title>城乡低保对象公示</title><body>", 1)
    chromium(html, "cr_continued.pdf", tmp, margins=True)
    doc.write()

    # a reply whose numbers break at the line end (word-break: break-all, as some CMS templates set)
    doc = Doc("cr_reply_broken.pdf")
    num, code = lookalikes(doc)
    pp = person()
    doc.p(pp, "name", "id", "mobile", "addr")
    html = (HTML_HEAD % "p{text-indent:2em;line-height:1.5;text-align:justify;width:23em;word-break:break-all}" +
            f"<h1>依申请公开答复书</h1><p style='text-align:center'>{num}</p><p style='text-indent:0'>{pp['name']}：</p>"
            f"<p>您好！本机关收到您提交的政府信息公开申请表，申请人身份证号码为{pp['id']}，联系电话为{pp['mobile']}，"
            f"家庭住址为{pp['addr']}。经审查，您申请公开的信息由本机关负责公开，现提供给您。"
            f"相关企业统一社会信用代码为{code}。</p><p>咨询电话：023-55123456，办理日期：20250312。</p>"
            "<p>（此件依申请公开）</p></body></html>")
    chromium(html, "cr_reply_broken.pdf", tmp)
    doc.write()

    # a reply to a disclosure application: identifiers in running text, one broken over a line
    doc = Doc("cr_reply.pdf")
    num, code = lookalikes(doc)
    pp = person()
    doc.p(pp, "name", "id", "mobile", "addr")
    html = (HTML_HEAD % "p{text-indent:2em;line-height:1.6;text-align:justify;width:34em}" +
            f"<h1>政府信息公开申请答复书</h1><p style='text-align:center'>{num}</p>"
            f"<p style='text-indent:0'>{pp['name']}：</p><p>本机关于2025年3月5日收到您（身份证号码：{pp['id']}，联系电话："
            f"{pp['mobile']}，通讯地址：{pp['addr']}）提出的政府信息公开申请，申请获取某项目的批准文件。经审查，"
            f"现答复如下：您申请的信息属于公开范围，现提供给您。涉及企业统一社会信用代码{code}。</p>"
            "<p>如对本答复不服，可以在收到本答复之日起60日内申请行政复议。咨询电话：023-55123456，受理日期：20250312。</p>"
            "<p>（此件依申请公开）</p></body></html>")
    chromium(html, "cr_reply.pdf", tmp)
    doc.write()


# ---- LibreOffice from DOCX ----
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def wp(text, jc=None):
    ppr = f'<w:pPr><w:jc w:val="{jc}"/></w:pPr>' if jc else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def wtable(rows, widths, borders=True, margins=100, vmerge=None, span=None):
    b = "".join(f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl = [f'<w:tbl><w:tblPr><w:tblLayout w:type="fixed"/><w:tblBorders>{b if borders else ""}</w:tblBorders>'
           f'<w:tblCellMar><w:left w:w="{margins}" w:type="dxa"/><w:right w:w="{margins}" w:type="dxa"/></w:tblCellMar>'
           '</w:tblPr><w:tblGrid>' + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
    for r, row in enumerate(rows):
        tbl.append("<w:tr>")
        for c, cell in enumerate(row):
            pr = f'<w:tcW w:w="{widths[c]}" w:type="dxa"/><w:vAlign w:val="center"/>'
            if vmerge and (r, c) in vmerge:
                pr += f'<w:vMerge w:val="{vmerge[(r, c)]}"/>' if vmerge[(r, c)] else "<w:vMerge/>"
            tbl.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{wp(cell)}</w:tc>")
        tbl.append("</w:tr>")
    return "".join(tbl) + "</w:tbl>"


def docx(path, body, header="云阳县民政局文件", footer="第 1 页"):
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} {R_NS}><w:body>{body}<w:sectPr>'
           '<w:headerReference w:type="default" r:id="rIdH"/><w:footerReference w:type="default" r:id="rIdF"/>'
           '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1200" w:bottom="1440" w:left="1200" '
           'w:header="720" w:footer="720"/></w:sectPr></w:body></w:document>')
    docrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
               '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
               '</Relationships>')
    ct = ct.replace("</Types>", '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/_rels/document.xml.rels", docrels)
        z.writestr("word/header1.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>{wp(header, "center")}</w:hdr>')
        z.writestr("word/footer1.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {W}>{wp(footer, "center")}</w:ftr>')


def make_libreoffice(tmp):
    jobs = []
    # borderless, zero cell margins, fixed grid, no 序号
    doc = Doc("lo_noborder.pdf")
    num, code = lookalikes(doc)
    people = [person() for _ in range(7)]
    rows = [["姓名", "身份证号", "联系电话", "家庭住址"]] + [[p["name"], p["id"], p["mobile"], p["addr"]] for p in people]
    for pp in people:
        doc.p(pp, "name", "id", "mobile", "addr")
    body = (wp("临时救助对象公示", "center") + wp(num, "center") + wtable(rows, [1300, 2600, 1800, 3800], False, 0) +
            wp(f"监督电话：12345，联系电话：023-55123456，单位代码：{code}，公示日期：20250312") + wp("（此件公开发布）"))
    jobs.append(("lo_noborder", body, doc))
    # merged cells down a household, narrow grid so the numbers wrap
    doc = Doc("lo_merged.pdf")
    num, code = lookalikes(doc)
    rows, vm = [["序号", "户主姓名", "身份证号", "银行卡号", "家庭住址", "成员"]], {}
    for i in range(1, 5):
        pp = person()
        k = R.randint(1, 3)
        for j in range(k):
            r = len(rows)
            rows.append([str(i), pp["name"], pp["id"], pp["card"], pp["addr"], str(j + 1)] if j == 0 else ["", "", "", "", "", str(j + 1)])
            for c in range(5):
                if k > 1:
                    vm[(r, c)] = "restart" if j == 0 else ""
        doc.p(pp, "name", "id", "card", "addr")
    body = (wp("农村危房改造补助对象公示", "center") + wp(num, "center") +
            wtable(rows, [700, 1200, 1500, 1500, 3200, 700], True, 60, vm) +
            wp(f"监督电话：12345，联系电话：023-55123456，单位代码：{code}，公示日期：20250312") + wp("（此件公开发布）"))
    jobs.append(("lo_merged", body, doc))
    # a long table over two pages with its title row repeated (w:tblHeader), page header and footer
    doc = Doc("lo_repeat_header.pdf")
    num, code = lookalikes(doc)
    people = [person() for _ in range(18)]
    rows = [["序号", "姓名", "身份证号", "联系电话", "家庭住址"]] + [[str(i), p["name"], p["id"], p["mobile"], p["addr"]]
                                                          for i, p in enumerate(people, 1)]
    for pp in people:
        doc.p(pp, "name", "id", "mobile", "addr")
    tbl = wtable(rows, [700, 1200, 2400, 1700, 3500], True, 80).replace("<w:tr>", "<w:tr><w:trPr><w:trHeight w:val=\"900\"/></w:trPr>")
    tbl = tbl.replace("<w:trPr>", "<w:trPr><w:tblHeader/>", 1)
    body = (wp("高龄津贴发放对象公示", "center") + wp(num, "center") + tbl +
            wp(f"监督电话：12345，联系电话：023-55123456，单位代码：{code}，公示日期：20250312") + wp("（此件公开发布）"))
    jobs.append(("lo_repeat_header", body, doc))
    for base, body, doc in jobs:
        src = os.path.join(tmp, base + ".docx")
        docx(src, body)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", OUT, src], check=True, capture_output=True)
        doc.write()


# ---- cairo ----
def make_cairo():
    try:
        import cairo
    except ImportError:
        print("python3-cairo missing: cairo PDFs not regenerated", file=sys.stderr)
        return
    font = "WenQuanYi Micro Hei"

    def ruled_table(name, rotate):
        doc = Doc(name)
        num, code = lookalikes(doc)
        path = os.path.join(OUT, name)
        w, h = 595.0, 842.0
        s = cairo.PDFSurface(path, w, h)
        cr = cairo.Context(s)
        if rotate:  # drawn sideways: the page dictionary gets /Rotate 90 below so it displays upright
            cr.translate(w, 0)
            cr.rotate(3.14159265358979 / 2)
            w, h = h, w
        cr.select_font_face(font)
        cr.set_font_size(15)
        cr.move_to(w / 2 - 100, 50)
        cr.show_text("困难残疾人生活补贴发放公示")
        cr.set_font_size(10)
        cr.move_to(w / 2 - 70, 72)
        cr.show_text(num)
        cols = [("序号", 30), ("姓名", 50), ("身份证号", 70), ("联系电话", 70), ("银行卡号", 80), ("家庭住址", 190)]
        if rotate:
            cols = [(t, wd * 1.35) for t, wd in cols]
        x0, y, lh = 40.0, 90.0, 13.0
        people = [person() for _ in range(8)]

        def wrap(text, width):  # fill each line of the cell, as a typesetter breaks a long number
            lines, cur = [], ""
            for ch in text:
                if cr.text_extents(cur + ch).x_advance > width - 6:
                    lines.append(cur)
                    cur = ""
                cur += ch
            return lines + [cur]

        rows = [[t for t, _ in cols]] + [[str(i), p["name"], p["id"], p["mobile"], p["card"], p["addr"]]
                                          for i, p in enumerate(people, 1)]
        cr.set_line_width(0.6)
        for r in rows:
            cells = [wrap(t, wd) for t, (_, wd) in zip(r, cols)]
            rh = max(len(c) for c in cells) * lh + 6
            x = x0
            for c, (_, wd) in zip(cells, cols):
                cr.rectangle(x, y, wd, rh)
                cr.stroke()
                for k, line in enumerate(c):
                    cr.move_to(x + 3, y + 3 + lh * (k + 1) - 3)
                    cr.show_text(line)
                x += wd
            y += rh
        for p in people:
            doc.p(p, "name", "id", "mobile", "card", "addr")
        cr.move_to(x0, y + 25)
        cr.show_text(f"监督电话：12345　联系电话：023-55123456　单位代码：{code}　公示日期：20250312")
        cr.move_to(x0, y + 45)
        cr.show_text("（此件公开发布）")
        s.finish()
        if rotate:
            data = open(path, "rb").read()
            m = re.search(rb"/MediaBox \[ 0 0 595 842 \]", data)
            new = b"/Rotate 90/MediaBox[0 0 595 842]"
            data = data[:m.start()] + new + b" " * (m.end() - m.start() - len(new)) + data[m.end():]
            open(path, "wb").write(data)
        doc.write()

    def two_columns(name):
        """Penalty decisions in two columns, each line placed by hand, on a page with /Rotate 270."""
        doc = Doc(name)
        num, code = lookalikes(doc)
        path = os.path.join(OUT, name)
        s = cairo.PDFSurface(path, 595, 842)
        cr = cairo.Context(s)
        cr.translate(0, 842)
        cr.rotate(-3.14159265358979 / 2)  # the content runs up the portrait page: shown turned
        cr.select_font_face(font)
        cr.set_font_size(16)
        cr.move_to(300, 50)
        cr.show_text("行政处罚决定公示")
        cr.set_font_size(10)
        cr.move_to(330, 72)
        cr.show_text(num)
        text = ""
        for k in range(4):
            pp = person()
            doc.p(pp, "name", "id", "addr", "mobile")
            text += (f"当事人：{pp['name']}，身份证号码：{pp['id']}，住址：{pp['addr']}，联系电话：{pp['mobile']}。"
                     "经查，当事人无证经营，违反《无证无照经营查处办法》第二条，决定罚款5000元。\n")
        lines = []
        for para in text.split("\n")[:-1]:
            cur = ""
            for ch in para:
                if cr.text_extents(cur + ch).x_advance > 340:
                    lines.append(cur)
                    cur = ""
                cur += ch
            lines.append(cur)
        per = (len(lines) + 1) // 2
        for i, line in enumerate(lines):
            col, row = divmod(i, per)
            cr.move_to(40 + col * 390, 100 + row * 16)
            cr.show_text(line)
        cr.move_to(40, 100 + per * 16 + 20)
        cr.show_text(f"咨询电话：023-55123456　监督电话：12345　单位代码：{code}　公示日期：20250312　（此件公开发布）")
        s.finish()
        data = open(path, "rb").read()
        m = re.search(rb"/MediaBox \[ 0 0 595 842 \]", data)
        new = b"/Rotate 270/MediaBox[0 0 595 842]"
        data = data[:m.start()] + new + b" " * (m.end() - m.start() - len(new)) + data[m.end():]
        open(path, "wb").write(data)
        doc.write()

    two_columns("cairo_twocol_rot270.pdf")
    ruled_table("cairo_ruled.pdf", False)
    ruled_table("cairo_rotate90.pdf", True)


# ---- scan with an OCR text layer ----
def make_ocr():
    """An image of the page under invisible text (3 Tr), one Tj per word, each word stretched with
    Tz to the width the OCR engine measured on the scan: what OCR tools write."""
    try:
        import cairo
    except ImportError:
        return
    doc = Doc("ocr_scan.pdf")
    num, code = lookalikes(doc)
    people = [person() for _ in range(5)]
    lines = [("关于2025年度临时救助对象的公示", 0), (num, 0), ("序号 姓名 身份证号 联系电话 家庭住址", 1)]
    for i, p in enumerate(people, 1):
        lines.append((f"{i} {p['name']} {p['id']} {p['mobile']} {p['addr']}", 1))
        doc.p(p, "name", "id", "mobile", "addr")
    lines += [(f"监督电话：12345 联系电话：023-55123456", 0), (f"单位代码：{code} 公示日期：20250312", 0), ("（此件公开发布）", 0)]
    colx = [50, 80, 130, 250, 340]
    # the "scan": 1-bit image at 100 dpi of the same words
    scale = 100 / 72
    img = cairo.ImageSurface(cairo.FORMAT_A1, int(595 * scale), int(842 * scale))
    cr = cairo.Context(img)
    cr.scale(scale, scale)
    cr.select_font_face("WenQuanYi Micro Hei")
    cr.set_font_size(10)
    words = []  # (x, baseline y, width, text)
    y = 70
    for text, table in lines:
        parts = text.split(" ")
        x = 50
        for k, wd in enumerate(parts):
            if table:
                x = colx[min(k, len(colx) - 1)]
            cr.move_to(x, y)
            cr.show_text(wd)
            wdt = cr.text_extents(wd).x_advance
            words.append((x, y, wdt, wd))
            x += wdt + 6
        y += 18
    img.flush()
    stride, hgt = img.get_stride(), img.get_height()
    raw = bytes(img.get_data())
    rowb = (img.get_width() + 7) // 8
    bits = bytearray()
    for r in range(hgt):  # cairo A1 is little-endian bit order on x86; PDF wants MSB first, 1 = black
        for b in raw[r * stride:r * stride + rowb]:
            bits.append(int(f"{b:08b}"[::-1], 2) ^ 0xFF)
    image = zlib.compress(bytes(bits), 9)
    ops = ["q 595 0 0 842 0 0 cm /Im0 Do Q", "BT 3 Tr"]
    for x, yb, wdt, wd in words:
        nat = 10 * len(wd)  # the glyph-less font is 1000 units per character
        ops.append(f"/F1 10 Tf {100 * wdt / nat:.1f} Tz 1 0 0 1 {x:.2f} {842 - yb:.2f} Tm <"
                   + "".join(f"{ord(c):04X}" for c in wd) + "> Tj")
    ops.append("ET")
    content = zlib.compress("\n".join(ops).encode(), 9)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange "
            b"<0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap "
            b"CMapName currentdict /CMap defineresource pop end end")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im0 8 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [6 0 R] "
            b"/ToUnicode 7 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /DW 1000 /CIDToGIDMap /Identity "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 "
            b"/Length %d /Filter /FlateDecode >>\nstream\n" % (img.get_width(), hgt, len(image)) + image + b"\nendstream",
            b"<< /Producer (Tesseract 5.3.0) >>"]
    out = bytearray(b"%PDF-1.5\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 9 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(os.path.join(OUT, "ocr_scan.pdf"), "wb").write(out)
    doc.write()


def main():
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for part, make in (("chromium", make_chromium), ("libreoffice", make_libreoffice)):
            if not only or part in only:
                R.seed(part)  # each producer's people stay the same when only it is regenerated
                make(tmp)
    for part, make in (("cairo", make_cairo), ("ocr", make_ocr)):
        if not only or part in only:
            R.seed(part)
            make()


if __name__ == "__main__":
    main()
