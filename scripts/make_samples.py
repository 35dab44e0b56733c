#!/usr/bin/env python3
"""Regenerates samples/: realistic drafts (all people, numbers and addresses are invented).
DOCX files are written from WordprocessingML by hand; the PDF is printed by headless Chromium from
HTML (needs chromium and fonts-noto-cjk). Run: python3 scripts/make_samples.py"""
import os, subprocess, tempfile, zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


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


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text, center=False, bold=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{esc(text)}</w:t></w:r></w:p>"


def table(rows):
    out = ["<w:tbl><w:tblPr><w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders></w:tblPr>"]
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx(name, body_xml, creator="办公室", header=None):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          + ('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' if header else "")
          + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               + ('<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' if header else "")
               + '</Relationships>')
    sect = ('<w:sectPr>' + ('<w:headerReference w:type="default" r:id="rIdH1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' if header else "")
            + '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body_xml}{sect}</w:body></w:document>'
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' + esc(name) + '</dc:title>'
            f'<dc:creator>{esc(creator)}</dc:creator></cp:coreProperties>')
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc),
                            ("word/_rels/document.xml.rels", docrels), ("docProps/core.xml", core)]:
            info = zipfile.ZipInfo(entry, date_time=(2025, 3, 12, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        if header:
            info = zipfile.ZipInfo("word/header1.xml", date_time=(2025, 3, 12, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>{para(header)}</w:hdr>')


def main():
    os.makedirs(OUT, exist_ok=True)
    # 1. a clean notice, marked for proactive publication
    with open(os.path.join(OUT, "notice_clean.txt"), "w", encoding="utf-8") as f:
        f.write("""青川县人民政府办公室
关于做好2025年春季森林防火工作的通知
青川府办发〔2025〕12号

各乡镇人民政府，县政府各部门：
当前已进入春季森林防火紧要期。为切实做好森林防火工作，保护人民群众生命财产安全，经县政府同意，现就有关事项通知如下。
一、压实防火责任。各乡镇、各部门要严格落实森林防火行政首长负责制，层层签订责任书，确保责任落实到山头地块。
二、加强火源管控。严禁野外用火，重点林区设立检查站，对进山人员开展防火宣传和火源检查。
三、做好应急准备。各地要加强扑火队伍建设，储备必要的扑火物资，发现火情立即报告。
森林火灾报警电话：12119；县应急管理局值班电话：0839-7201234。

青川县人民政府办公室
2025年3月12日
（此件公开发布）
""")
    # 2. a 公示 table with personal data (DOCX)
    people = [("林秀英", cn_id("510822", "19560314", "042"), "四川省广元市青川县乔庄镇城北社区3组12号", "13908125561", luhn("621700280001234567"[:18])),
              ("欧阳建华", cn_id("510822", "19720908", "113"), "四川省广元市青川县木鱼镇红光村5组7号", "15183964420", luhn("622848046110887712"[:18])),
              ("王桂芳", cn_id("510822", "19490101", "026"), "四川省广元市青川县竹园镇竹园街道新华路88号2栋1单元301室", "18782390017", luhn("621226230300561278"[:18]))]
    rows = [["序号", "户主姓名", "身份证号码", "家庭住址", "联系电话", "保障人数", "银行卡号"]]
    rows += [[str(i + 1), p[0], p[1], p[2], p[3], str(i + 2), p[4]] for i, p in enumerate(people)]
    body = (para("关于乔庄镇2025年第一季度城乡最低生活保障对象的公示", center=True, bold=True)
            + para("根据《社会救助暂行办法》有关规定，经个人申请、入户调查、民主评议和审核审批，现将拟纳入城乡最低生活保障对象名单公示如下，公示期7天。如有异议，请拨打监督电话12345。")
            + table(rows) + para("乔庄镇人民政府") + para("2025年3月20日") + para("（此件公开发布）"))
    docx("gongshi_dibao.docx", body, creator="林晓东")
    # 3. a classified meeting minute (DOCX), no disclosure marking
    body = (para("秘密★1年") + para("县政府第12次常务会议纪要", center=True, bold=True)
            + para("2025年3月5日，县长主持召开县政府第12次常务会议，研究森林防火、城乡低保提标等事项。")
            + para("一、会议听取了县应急管理局关于春季森林防火工作的汇报，原则同意所提措施。")
            + para("二、会议研究了城乡低保提标方案，要求县民政局会同县财政局进一步测算后提交县委常委会审议。")
            + para("青川县人民政府办公室") + para("2025年3月6日"))
    docx("minutes_secret.docx", body, header="内部资料 注意保存")
    # 4. a reply to a disclosure application (PDF, printed by Chromium)
    applicant = ("赵明轩", cn_id("510802", "19850617", "031"), "四川省广元市利州区东坝街道滨河路166号3栋2单元502室", "13551238876")
    html = f"""<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><style>
body {{ font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; line-height: 1.8; margin: 2.5cm 2.2cm; }}
h1 {{ text-align: center; font-size: 20pt; }} .r {{ text-align: right; }}</style>
<h1>政府信息公开申请答复书</h1>
<p class="r">青川府信公开答〔2025〕7号</p>
<p>{applicant[0]}：</p>
<p>本机关于2025年3月1日收到您提交的政府信息公开申请（申请人身份证号码：{applicant[1]}，通信地址：{applicant[2]}，联系电话：{applicant[3]}），申请获取“2024年乔庄镇城区道路改造工程招标文件”。</p>
<p>经审查，您申请的信息属于本机关公开范围，现将该信息提供给您（见附件）。</p>
<p>如对本答复不服，可以自收到本答复之日起60日内向广元市人民政府申请行政复议，或者在6个月内向人民法院提起行政诉讼。</p>
<p class="r">青川县人民政府办公室<br>2025年3月14日</p>
<p>（此件依申请公开）</p></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "reply.html")
        open(src, "w", encoding="utf-8").write(html)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={os.path.join(OUT, 'reply_application.pdf')}", "file://" + src],
                       check=True, capture_output=True)
    # 5. an appointment notice naming officials in their role (public information)
    with open(os.path.join(OUT, "appointment.txt"), "w", encoding="utf-8") as f:
        f.write("""青川县人民政府
关于李建国等同志职务任免的通知
青川府人〔2025〕3号

各乡镇人民政府，县政府各部门：
经县人民政府研究决定：
任命李建国同志为青川县应急管理局局长；
任命周丽同志为青川县民政局副局长；
免去陈志强同志的青川县民政局副局长职务。

青川县人民政府
2025年2月28日
（此件公开发布）
""")


if __name__ == "__main__":
    main()
