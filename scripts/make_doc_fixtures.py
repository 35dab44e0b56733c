#!/usr/bin/env python3
"""Regenerates tests/data/doc/*.doc: Word 97-2003 binary documents written by LibreOffice
(`soffice --headless --convert-to doc`) from DOCX files built here by hand, so that the .doc reader
is tested on what a real office suite writes. All people and numbers are invented.

  full.doc   body with a table (a cell of two paragraphs), Chinese text, full-width digits, a
             hyperlink field, header and footer (with a PAGE field), footnote, endnote, a comment
             by 李批注, a tracked deletion and insertion by 王修订, hidden text, a text box, and
             document properties (author 张作者, last modified by 赵修改, title).
  plain.doc  a plain notice with only body text (no notes, no comments) and a disclosure marking.

Run: python3 scripts/make_doc_fixtures.py  (needs soffice; writes into tests/data/doc/)"""
import os, shutil, subprocess, sys, tempfile, zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "doc")
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def p(*runs, style=""):
    return f"<w:p>{style}{''.join(runs)}</w:p>"


def r(text, props=""):
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def cell(*paras):
    return f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{"".join(paras)}</w:tc>'


def table(rows):
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in rows[0])
    body = "".join("<w:tr>" + "".join(cell(*(p(r(t)) for t in c.split("|"))) for c in row) + "</w:tr>" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def field(code, result):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def textbox(text):
    return ('<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="tb1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>'
            f'{p(r(text))}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></w:r>')


def part(root, inner):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} {W}>{inner}</w:{root}>'


def notes(kind, text):
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    return part(kind + "s", sep + f'<w:{kind} w:id="1"><w:p><w:r><w:{ref}/></w:r>{r(text)}</w:p></w:{kind}>')


def docx(path, body, extra_parts=None, rels=(), creator="", modified_by="", title=""):
    types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>']
    ctype = {"header": "header", "footer": "footer", "footnotes": "footnotes", "endnotes": "endnotes", "comments": "comments"}
    rel_xml = []
    for i, (kind, target) in enumerate(rels):
        types.append(f'<Override PartName="/word/{target}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{ctype[kind]}+xml"/>')
        rel_xml.append(f'<Relationship Id="rId{i + 1}" Type="{REL}/{kind}" Target="{target}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   + "".join(types) + "</Types>")
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
                   f'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(rel_xml) + "</Relationships>")
        z.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        for name, xml in (extra_parts or {}).items():
            z.writestr("word/" + name, xml)
        z.writestr("docProps/core.xml", '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' + title + '</dc:title><dc:creator>' + creator
                   + '</dc:creator><cp:lastModifiedBy>' + modified_by + '</cp:lastModifiedBy></cp:coreProperties>')


def full(path):
    rev = 'w:author="王修订" w:date="2024-01-01T00:00:00Z"'
    body = (p(r("关于测试单位2024年补助对象的公示"))
            + p(r("联系人手机："), r("１３９１２３４５６７８"), r("，详见"), field('HYPERLINK "http://example.gov.cn/"', "政府网站"), r("。"))
            + p(r("正文有脚注"), '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
                r("和尾注"), '<w:r><w:endnoteReference w:id="1"/></w:r>', r("。"))
            + table([["姓名", "身份证号码", "备注"],
                     ["陈测试", "110101199003078515", "第一段|第二段"],
                     ["", "", "末行"]])
            + p('<w:commentRangeStart w:id="0"/>', r("有批注的句子"), '<w:commentRangeEnd w:id="0"/>',
                '<w:r><w:commentReference w:id="0"/></w:r>')
            + p(r("保留的文字"), f'<w:del w:id="11" {rev}><w:r><w:delText>已删除的内容</w:delText></w:r></w:del>',
                f'<w:ins w:id="12" {rev}>{r("新插入的内容")}</w:ins>')
            + p(r("可见文字"), r("隐藏的文字", "<w:vanish/>"), r("。"))
            + p(textbox("文本框里的文字"))
            + p(r("（此件公开发布）"))
            + '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/>'
              '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>')
    parts = {
        "header1.xml": part("hdr", p(r("页眉：测试单位办公室"))),
        "footer1.xml": part("ftr", p(r("第"), field("PAGE", "1"), r("页 页脚文字"))),
        "footnotes.xml": notes("footnote", "脚注文字"),
        "endnotes.xml": notes("endnote", "尾注文字"),
        "comments.xml": part("comments", '<w:comment w:id="0" w:author="李批注" w:date="2024-01-01T00:00:00Z" w:initials="LP">'
                             + p(r("批注内容")) + "</w:comment>"),
    }
    rels = [("header", "header1.xml"), ("footer", "footer1.xml"), ("footnotes", "footnotes.xml"),
            ("endnotes", "endnotes.xml"), ("comments", "comments.xml")]
    docx(path, body, parts, rels, creator="张作者", modified_by="赵修改", title="补助对象公示")


def plain(path):
    body = "".join(p(r(t)) for t in [
        "关于做好冬季安全生产工作的通知",
        "各乡镇人民政府、街道办事处：",
        "为切实做好冬季安全生产工作，现将有关事项通知如下。" * 4,
        "监督电话：12345。",
        "测试县人民政府办公室",
        "2024年12月1日",
        "（此件公开发布）",
    ])
    docx(path, body, creator="政务公开办")


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found")
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in (("full", full), ("plain", plain)):
            src = os.path.join(tmp, name + ".docx")
            make(src)
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "doc:MS Word 97", "--outdir", OUT, src], check=True,
                           stdout=subprocess.DEVNULL)
            print("wrote", os.path.join(OUT, name + ".doc"))


if __name__ == "__main__":
    main()
