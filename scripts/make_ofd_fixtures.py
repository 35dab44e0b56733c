#!/usr/bin/env python3
"""Writes the OFD (GB/T 33190-2016) test fixtures of tests/data/ofd/ — no OFD tool is needed.

Each package is built from the XML the standard describes: OFD.xml (DocBody, DocInfo, DocRoot,
Signatures), Doc_0/Document.xml (CommonData with PublicRes and a TemplatePage, Pages, Annotations,
Attachments, CustomTags), one Content.xml per page (Layer → TextObject with Boundary/CTM/Font/Size →
TextCode with X/Y/DeltaX, DeltaX written with the "g" repeat syntax), PageBlock nesting.
All people, numbers and addresses are invented. Run: python3 scripts/make_ofd_fixtures.py [OUTDIR]
"""
import os
import sys
import zipfile

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "ofd")


def cn_id(area, birth, seq):
    body = f"{area}{birth}{seq}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * k for d, k in zip(body, w)) % 11]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def wide(c):
    return ord(c) >= 0x2E80


class Ids:
    def __init__(self):
        self.n = 100

    def __call__(self):
        self.n += 1
        return self.n


def deltas(text, size, spacing=0.0, compact=True):
    """DeltaX of a run: one offset per gap; runs of equal offsets use "g N v" when compact."""
    vals = [(size if wide(c) else size / 2) + spacing for c in text[:-1]]
    out, i = [], 0
    while i < len(vals):
        j = i
        while j < len(vals) and vals[j] == vals[i]:
            j += 1
        if compact and j - i > 2:
            out.append(f"g {j - i} {vals[i]:g}")
        else:
            out.extend(f"{v:g}" for v in vals[i:j])
        i = j
    return " ".join(out)


def text_obj(ids, x, y, text, size=4.2, ctm=None, compact=True, spacing=0.0):
    """A TextObject whose first baseline is at page (x, y) mm. With ctm=(s, ...) the text is written
    in units scaled by s (as converters that keep PDF points do): Size and offsets are divided by s."""
    if ctm:
        s = ctm
        sz = size / s
        tc = (f'<ofd:TextCode X="0" Y="{sz:g}" DeltaX="{deltas(text, sz, spacing / s, compact)}">'
              f'{esc(text)}</ofd:TextCode>')
        return (f'<ofd:TextObject ID="{ids()}" Boundary="{x:g} {y - size:g} 180 {size * 1.4:g}" Font="3" '
                f'Size="{sz:g}" CTM="{s:g} 0 0 {s:g} 0 0">{tc}</ofd:TextObject>')
    dx = deltas(text, size, spacing, compact)
    dx_attr = f' DeltaX="{dx}"' if dx else ""
    return (f'<ofd:TextObject ID="{ids()}" Boundary="{x:g} {y - size:g} 180 {size * 1.4:g}" Font="3" Size="{size:g}">'
            f'<ofd:FillColor Value="0 0 0"/>'
            f'<ofd:TextCode X="0" Y="{size:g}"{dx_attr}>{esc(text)}</ofd:TextCode></ofd:TextObject>')


def page_xml(objects, template=None):
    tpl = f'<ofd:Template TemplateID="{template}" ZOrder="Background"/>' if template else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{tpl}'
            f'<ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area>'
            f'<ofd:Content><ofd:Layer ID="2" Type="Body">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def write_ofd(path, pages, *, author=None, title=None, creator="prepub-fixture", custom=None, template=None,
              annots=None, attachments=None, custom_tags=None, signatures=False):
    """pages: list of lists of object XML. annots: {page_index: [(type, creator, remark, appearance_xml)]}.
    attachments: [(name, filename, bytes)]."""
    info = f"<ofd:DocID>a1b2c3</ofd:DocID>"
    if title:
        info += f"<ofd:Title>{esc(title)}</ofd:Title>"
    if author:
        info += f"<ofd:Author>{esc(author)}</ofd:Author>"
    info += f"<ofd:CreationDate>2024-03-01</ofd:CreationDate><ofd:Creator>{esc(creator)}</ofd:Creator>"
    if custom:
        info += "<ofd:CustomDatas>" + "".join(
            f'<ofd:CustomData Name="{esc(k)}">{esc(v)}</ofd:CustomData>' for k, v in custom) + "</ofd:CustomDatas>"
    sig = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" if signatures else ""
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
           f"<ofd:DocInfo>{info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{sig}"
           f"</ofd:DocBody></ofd:OFD>")
    tpl = ('<ofd:TemplatePage ID="90" BaseLoc="Tpls/Tpl_0/Content.xml" ZOrder="Background"/>'
           if template else "")
    extra = ""
    if annots:
        extra += "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"
    if custom_tags:
        extra += "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>"
    if attachments:
        extra += "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>"
    page_list = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
                f"<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
                f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData>"
                f"<ofd:Pages>{page_list}</ofd:Pages>{extra}</ofd:Document>")
    public_res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
                  f'<ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", ofd)
        z.writestr("Doc_0/Document.xml", document)
        z.writestr("Doc_0/PublicRes.xml", public_res)
        for i, objs in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", page_xml(objs, 90 if template else None))
        if template:
            z.writestr("Doc_0/Tpls/Tpl_0/Content.xml", page_xml(template))
        if annots:
            idx = "".join(f'<ofd:Page PageID="{10 + p}"><ofd:FileLoc>Page_{p}/Annotation.xml</ofd:FileLoc></ofd:Page>'
                          for p in annots)
            z.writestr("Doc_0/Annots/Annotations.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations {NS}>{idx}</ofd:Annotations>')
            for p, items in annots.items():
                body = ""
                for k, (typ, who, remark, appearance) in enumerate(items):
                    rem = f"<ofd:Remark>{esc(remark)}</ofd:Remark>" if remark else ""
                    body += (f'<ofd:Annot ID="{500 + k}" Type="{typ}" Creator="{esc(who)}" LastModDate="2024-03-02">'
                             f'{rem}<ofd:Appearance Boundary="20 20 120 20">{appearance}</ofd:Appearance></ofd:Annot>')
                z.writestr(f"Doc_0/Annots/Page_{p}/Annotation.xml",
                           f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot {NS}>{body}</ofd:PageAnnot>')
        if attachments:
            items = "".join(f'<ofd:Attachment ID="{700 + k}" Name="{esc(n)}" Format="txt" Visible="false">'
                            f"<ofd:FileLoc>{esc(f)}</ofd:FileLoc></ofd:Attachment>"
                            for k, (n, f, _) in enumerate(attachments))
            z.writestr("Doc_0/Attachs/Attachments.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Attachments {NS}>{items}</ofd:Attachments>')
            for _, f, data in attachments:
                z.writestr(f"Doc_0/Attachs/{f}", data)
        if custom_tags:
            z.writestr("Doc_0/Tags/CustomTags.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags {NS}><ofd:CustomTag NameSpace="urn:gw">'
                       f"<ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>")
            z.writestr("Doc_0/Tags/CustomTag.xml", custom_tags)
        if signatures:
            z.writestr("Doc_0/Signs/Signatures.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures {NS}><ofd:MaxSignId>1</ofd:MaxSignId>'
                       f'<ofd:Signature ID="1" Type="Seal" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>')
            z.writestr("Doc_0/Signs/Sign_0/Signature.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature {NS}><ofd:SignedInfo>'
                       f'<ofd:Provider ProviderName="fixture"/></ofd:SignedInfo>'
                       f"<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>")
            z.writestr("Doc_0/Signs/Sign_0/SignedValue.dat", b"\x30\x82\x00\x10" + bytes(16))


def gongshi(path):
    """A 公示 over two pages: a five-column table (names, IDs, mobiles, addresses) whose rows continue
    on page 2, the attribute marking at the end; one row written with CTM-scaled units."""
    ids = Ids()
    people = [
        ("张建国", cn_id("110105", "19650312", "123"), "13812345678", "朝阳区幸福路18号"),
        ("李秀英", cn_id("320102", "19720823", "246"), "13987654321", "玄武区长江路6号"),
        ("王小明", cn_id("440106", "19880101", "357"), "15011112222", "天河区体育西路9号"),
        ("赵丽华", cn_id("510104", "19790615", "468"), "18622223333", "锦江区红星路2号"),
        ("陈志强", cn_id("330106", "19910228", "579"), "17744445555", "西湖区文三路5号"),
        ("刘芳", cn_id("420106", "19830909", "680"), "13566667777", "武昌区中南路7号"),
    ]
    cols = [20, 34, 56, 104, 136]
    p1 = [text_obj(ids, 45, 30, "关于2024年第一批城乡低保对象的公示", size=6.3),
          text_obj(ids, 20, 45, "经个人申请、入户调查、民主评议，现将拟纳入低保对象名单公示如下："),
          ]

    def row(y, cells, ctm=None):
        return [text_obj(ids, x, y, t, ctm=ctm) for x, t in zip(cols, cells) if t]

    y = 60
    p1 += row(y, ["序号", "姓名", "身份证号码", "联系电话", "家庭住址"])
    for k, (name, idn, tel, addr) in enumerate(people[:4]):
        y += 9
        p1 += row(y, [str(k + 1), name, idn, tel, addr], ctm=0.3528 if k == 2 else None)
    p2 = []
    y = 30
    p2 += row(y, ["序号", "姓名", "身份证号码", "联系电话", "家庭住址"])
    for k, (name, idn, tel, addr) in enumerate(people[4:]):
        y += 9
        p2 += row(y, [str(k + 5), name, idn, tel, addr])
    p2 += [text_obj(ids, 20, y + 20, "公示期：2024年3月1日至3月7日。监督电话：12345。"),
           f'<ofd:PageBlock ID="{ids()}">' + text_obj(ids, 140, y + 40, "某某区民政局") +
           f'<ofd:PageBlock ID="{ids()}">' + text_obj(ids, 140, y + 48, "2024年3月1日") + "</ofd:PageBlock></ofd:PageBlock>",
           text_obj(ids, 24, y + 58, "（此件公开发布）")]
    write_ofd(path, [p1, p2], title="低保公示", creator="Suwell OFD Writer")


def notice(path):
    """A notice: marking, footer from a template page, an annotation with a remark, a text attachment
    with a mobile number, an author in DocInfo, a custom tag, a signature."""
    ids = Ids()
    body = [text_obj(ids, 40, 35, "某某市人民政府办公室关于做好春节期间安全生产工作的通知", size=5.6),
            text_obj(ids, 20, 55, "各区县人民政府，市政府各部门："),
            text_obj(ids, 28, 65, "为切实做好春节期间安全生产工作，现将有关事项通知如下。", spacing=0.3),
            text_obj(ids, 28, 75, "一、压实安全责任。各单位主要负责人是第一责任人。", compact=False),
            text_obj(ids, 140, 100, "某某市人民政府办公室"),
            text_obj(ids, 146, 108, "2024年1月20日"),
            text_obj(ids, 24, 118, "（此件公开发布）")]
    page2 = [text_obj(ids, 28, 40, "二、加强隐患排查。对重点场所开展全覆盖检查。")]
    footer = [text_obj(ids, 100, 280, "— 1 —")]
    appearance = text_obj(ids, 0, 5, "请核实联系人电话")
    write_ofd(path, [body, page2], author="王晓东", title="春节安全生产通知", template=footer,
              custom=[("承办人", "周敏")],
              annots={0: [("Highlight", "李审核", "此处联系人手机13700001111需删除", appearance)]},
              attachments=[("联系人名单.txt", "contacts.txt", "联系人：孙立新，手机：13912348765\n".encode())],
              custom_tags=('<?xml version="1.0" encoding="UTF-8"?><gw:公文 xmlns:gw="urn:gw"><gw:发文机关>'
                           '<gw:ObjectRef PageRef="10">101</gw:ObjectRef></gw:发文机关><gw:签发人>周卫国</gw:签发人>'
                           '</gw:公文>'),
              signatures=True)


def clean(path):
    """A clean notice that passes: marking, no personal information, no hidden content."""
    ids = Ids()
    body = [text_obj(ids, 40, 35, "关于调整城市公交线路的公告", size=5.6),
            text_obj(ids, 28, 55, "为方便市民出行，自2024年4月1日起调整部分公交线路。"),
            text_obj(ids, 28, 65, "咨询电话：12345。"),
            text_obj(ids, 140, 90, "某某市交通运输局"),
            text_obj(ids, 146, 98, "2024年3月20日"),
            text_obj(ids, 24, 108, "（此件公开发布）")]
    write_ofd(path, [body], title="公交线路调整公告", creator="Suwell OFD Writer")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    gongshi(os.path.join(OUT, "gongshi.ofd"))
    notice(os.path.join(OUT, "notice.ofd"))
    clean(os.path.join(OUT, "clean.ofd"))
