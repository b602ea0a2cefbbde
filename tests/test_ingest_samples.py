"""Builders of realistic documents for the ingest tests and benchmark (each writes a real file), and a
check that each sample really has the feature it is meant to exercise."""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# ------------------------------------------------------------------------------------------------
# The source text the samples are made from (tests compare the extracted text with these).

TITLE = "广州市人民政府关于印发南沙自贸片区深化改革方案的通知"
DOC_NUMBER = "穗府函〔2018〕161号"
ISSUER = "广州市人民政府"
DATE = datetime.date(2018, 7, 2)
DATE_ZH = f"{DATE.year}年{DATE.month}月{DATE.day}日"
SOURCE = "广州市人民政府办公厅"
PARAGRAPHS = [
    "各区人民政府，市政府各部门、各直属机构：",
    "现将《南沙自贸片区深化改革方案》印发给你们，请认真贯彻执行。执行中遇到的问题，请径向市商务局反映。",
    "企业开办时间由原来的5个工作日压缩至1个工作日，进口整体通关时间压缩了62.5%，每个集装箱的查验成本降低约600元。",
]
TABLE = [["序号", "项目名称", "改革前", "改革后"], ["1", "企业开办", "5个工作日", "1个工作日"],
         ["2", "进口通关", "48小时", "18小时"]]
LIST_ITEMS = ["推广“单一窗口”标准版应用；", "深化“证照分离”改革。"]
NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进广州"]
FOOTER = ["版权所有：广州市人民政府办公厅", "网站地图", "粤ICP备05080390号"]
SHARE = ["微信", "微博", "QQ空间"]
SCRIPT_TEXT = "访问量统计"


def gov_page_html(paragraphs=PARAGRAPHS, charset="gb2312") -> str:
    """A government notice page: top bar, nav, breadcrumb, scripts, article (paragraphs, <br>, table, list,
    signature), share buttons, related links, footer."""
    nav = "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(NAV))
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    body = "".join(f"<p>　　{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_政策文件_广州市人民政府门户网站</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>{SCRIPT_TEXT}</p>");</script>
<style>.nav li{{float:left}}</style></head><body>
<div class="top-bar"><a href="/">无障碍</a> | <a href="/en">English</a> | <a href="/login">登录</a></div>
<div class="header"><div class="search"><form><input name="q"><button>搜索</button></form></div>
<ul class="nav">{nav}</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="main"><div class="article">
<h1 class="title">{TITLE}</h1>
<div class="info"><span>发布时间：2018-07-05 10:21</span> <span>来源：{SOURCE}</span></div>
<div class="content" id="zoom">
<p style="text-align:center">{DOC_NUMBER}</p>
{body}
<p>　　一、总体要求<br>　　以制度创新为核心，对标国际先进规则。</p>
<table border="1">{rows}</table>
<ul>{"".join(f"<li>{x}</li>" for x in LIST_ITEMS)}</ul>
<p style="text-align:right">{ISSUER}</p><p style="text-align:right">{DATE_ZH}</p>
</div>
<div class="share">分享到：{"".join(f'<a class="s{i}">{s}</a>' for i, s in enumerate(SHARE))}</div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a1">南沙区召开自贸区建设推进会</a></li></ul></div>
</div>
<div class="footer"><p><a href="/about">关于我们</a> | <a href="/map">{FOOTER[1]}</a></p>
<p>{FOOTER[0]}</p><p>{FOOTER[2]} 粤公网安备 44010402000101号</p></div>
<script src="/js/share.js"></script></body></html>"""


def layout_table_page_html() -> str:
    """An older page laid out with tables, the article text split by <br> only."""
    text = "<br>\n".join(f"　　{p}" for p in PARAGRAPHS)
    return f"""<html><head><meta charset="gbk"><title>{TITLE}</title></head><body>
<table width="1000"><tr><td>{" | ".join(f'<a href="/">{n}</a>' for n in NAV)}</td></tr></table>
<table width="1000"><tr><td width="200"><ul><li><a href="/x">通知公告</a></li><li><a href="/y">工作动态</a></li></ul></td>
<td><div align="center"><b>{TITLE}</b></div>
<div align="center">发布日期：{DATE:%Y/%m/%d}　　来源：{SOURCE}</div>
<div id="content">{text}<br></div>
<div>【<a href="#">打印</a>】【<a href="#">关闭</a>】 分享到：<a>{SHARE[0]}</a> <a>{SHARE[1]}</a></div></td></tr></table>
<table width="1000"><tr><td>{FOOTER[0]} | {FOOTER[1]} | {FOOTER[2]}</td></tr></table></body></html>"""


# ------------------------------------------------------------------------------------------------
# Word

@dataclass
class DocxSample:
    """A .docx with Word numbering: level texts and formats, and the items at each level."""

    levels: list = field(default_factory=lambda: [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                                  ("decimal", "%3.")])
    items: list = field(default_factory=lambda: [(0, "总体要求"), (1, "主要任务"), (2, "企业开办时间压缩至1个工作日。"),
                                                 (2, "通关时间压缩62.5%。"), (1, "保障措施"), (0, "工作要求")])


def write_docx(path: Path, sample: DocxSample = DocxSample(), table=TABLE, title=TITLE) -> Path:
    """Heading, document number, numbered paragraphs (a numbering definition in numbering.xml), a table
    after the third item, two 'List Number' paragraphs (numbering through the style), signature and date."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>'
        for i, (fmt, text) in enumerate(sample.levels)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    d.add_heading(title, 1)
    d.add_paragraph(DOC_NUMBER)
    for k, (level, text) in enumerate(sample.items):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        if k == 2:
            t = d.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, v in enumerate(row):
                    t.cell(r, c).text = v
    for x in LIST_ITEMS:
        d.add_paragraph(x, style="List Number")
    d.add_paragraph(ISSUER)
    d.add_paragraph(DATE_ZH)
    d.save(path)
    return path


# ------------------------------------------------------------------------------------------------
# PDF

PDF_HEADER = "南沙自贸片区政务信息"


_SUBJECTS = ["企业开办", "进口整体通关", "出口退税办理", "船舶进出港手续", "工程建设项目审批", "跨境电商清关",
             "外资企业登记", "集装箱查验"]
_OUTCOMES = ["推动贸易便利化水平不断提升", "形成了一批可复制可推广的制度创新成果", "企业获得感明显增强",
             "有效降低了制度性交易成本", "为全国提供了改革样本", "口岸营商环境持续优化", "市场主体活力进一步激发"]


def pdf_paragraphs(n: int = 14) -> list[str]:
    """Distinct paragraphs long enough to wrap over two to four lines on an A5 page."""
    return [
        f"第{i}项：{_SUBJECTS[i % 8]}时间由原来的{i + 5}个工作日压缩至{i % 3 + 1}个工作日，"
        f"相关费用每年节省约{i * 37}万元，{_OUTCOMES[i % 7]}" + "，同时推行“提前申报”“两步申报”等改革" * (i % 3) + "。"
        for i in range(1, n + 1)
    ]


def write_pdf(path: Path, paragraphs=None, page_number="- {} -") -> Path:
    """An A5 PDF (WeasyPrint, Noto Sans CJK subset) of title, number and paragraphs over 2+ pages, with a
    running header and page numbers like ``page_number`` in the margins."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from ftzdata.fonts import PDF_FONT_FAMILY, pdf_font_css

    paragraphs = pdf_paragraphs() if paragraphs is None else paragraphs
    before, after = page_number.split("{}")
    body = f"<h1>{TITLE}</h1><p>{DOC_NUMBER}</p>" + "".join(f"<p>　　{p}</p>" for p in paragraphs)
    body += f'<p style="text-align:right">{ISSUER}</p><p style="text-align:right">{DATE_ZH}</p>'
    css = pdf_font_css(body + PDF_HEADER + page_number) + f"""
@page {{ size: A5; margin: 2cm 1.5cm;
  @top-center {{ content: "{PDF_HEADER}"; font-family: "{PDF_FONT_FAMILY}"; font-size: 9pt }}
  @bottom-center {{ content: "{before}" counter(page) "{after}"; font-family: "{PDF_FONT_FAMILY}"; font-size: 9pt }} }}
body {{ font-family: "{PDF_FONT_FAMILY}"; font-size: 11pt }}"""
    fonts = FontConfiguration()  # @font-face rules load only through a font configuration
    weasyprint.HTML(string=f"<html><body>{body}</body></html>").write_pdf(
        path, stylesheets=[weasyprint.CSS(string=css, font_config=fonts)], font_config=fonts)
    return path


def write_image_pdf(path: Path) -> Path:
    """A PDF with an image and no text at all (what a scanner makes)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig = plt.figure(figsize=(4, 5))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.imshow(np.random.default_rng(0).random((50, 40)), cmap="gray")
    ax.set_axis_off()
    fig.savefig(path, format="pdf")
    plt.close(fig)
    return path


# ------------------------------------------------------------------------------------------------
# Checks that the samples are what they claim to be


def test_docx_sample_uses_word_numbering_definitions(tmp_path):
    path = write_docx(tmp_path / "n.docx")
    with zipfile.ZipFile(path) as z:
        numbering = z.read("word/numbering.xml").decode()
        document = z.read("word/document.xml").decode()
    assert 'w:numFmt w:val="chineseCounting"' in numbering and "%1、" in numbering
    assert "一、" not in document and "（一）" not in document  # the numbers are Word's to draw


def test_pdf_sample_has_two_pages_with_header_and_page_numbers(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(write_pdf(tmp_path / "t.pdf"))
    texts = [page.get_textpage().get_text_range() for page in pdf]
    assert len(texts) >= 2
    assert all(PDF_HEADER in t for t in texts)
    assert all(f"{i + 1}" in t.replace(" ", "").replace("\u3000", "") for i, t in enumerate(texts))


def test_image_pdf_sample_has_no_text(tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(write_image_pdf(tmp_path / "scan.pdf"))
    assert len(pdf) == 1 and not pdf[0].get_textpage().get_text_range().strip()
