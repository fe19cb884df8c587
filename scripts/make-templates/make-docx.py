#!/usr/bin/env python3
"""Writes Templates/docx/bao-cao.docx, the annual report's Word template, and
Templates/docx/phan-hoi.docx, the letter back to each unit (issue 18), in the layout of
Nghị định 30/2020/NĐ-CP (shared/domain/nd30-format.md), from WordprocessingML written here
directly with zipfile: no Word, no LibreOffice, no python-docx default template.

    python3 scripts/make-templates/make-docx.py                     # writes both into Templates/docx/
    python3 scripts/make-templates/make-docx.py OUT.docx            # the report, somewhere else
    python3 scripts/make-templates/make-docx.py --letter OUT.docx   # the letter, somewhere else

Deterministic: fixed entry order, fixed dates (1980-01-01), no document properties with times;
running it twice gives the same bytes. The committed .docx is what users edit in Word: this
script is the way to *rebuild* the shipped layout, not the only way to change it
(docs/docx-report.md). The tags and keys are those of Templates/README.md ("The Word report").
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Twentieths of a point. A4 is 210 x 297 mm; margins top/bottom 20 mm, left 30 mm, right 15 mm
# (the smallest of ND30's ranges, so that wide tables fit): 9355 twips of text width.
MM = 1440 / 25.4
PAGE_W, PAGE_H = 11906, 16838
TOP, BOTTOM, LEFT, RIGHT = round(20 * MM), round(20 * MM), round(30 * MM), round(15 * MM)
TEXT_W = PAGE_W - LEFT - RIGHT
# The national title in bold 13 pt is about 96 mm wide (nd30-format.md): the right column gets
# 100 mm so that it stays on one line; the agency column gets the rest.
RIGHT_COL = round(100 * MM)
LEFT_COL = TEXT_W - RIGHT_COL


def run(text, bold=False, italic=False, size=None, underline=False):
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    if underline:
        props += '<w:u w:val="single"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs, jc=None, first_line=None, after=None, before=None, keep_next=False, line_under=None, size=None):
    """A paragraph. `line_under` (a fraction of the column) draws the short centred rule ND30
    puts under the agency and the subject line: a bottom border on an empty paragraph whose
    indents leave that fraction of `line_under[1]` (the column width)."""
    props = ""
    if keep_next:
        props += "<w:keepNext/>"
    if after is not None or before is not None:
        props += f'<w:spacing w:before="{before or 0}" w:after="{after or 0}"/>'
    if first_line:
        props += f'<w:ind w:firstLine="{first_line}"/>'
    if jc:
        props += f'<w:jc w:val="{jc}"/>'
    if size:
        props += f'<w:rPr><w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/></w:rPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def styled(style, *runs):
    """A paragraph of the paragraph style `style` (STYLES), with no properties of its own."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


def rule(fraction, width):
    """An empty paragraph with a centred bottom border `fraction` of `width` long."""
    side = round(width * (1 - fraction) / 2)
    return ('<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'
            f'<w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/>'
            '<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>')


def cell(width, *paragraphs, valign=None):
    va = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{va}</w:tcPr>{"".join(paragraphs)}</w:tc>'


def row(*cells, header=False):
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def table(widths, rows, borders):
    lines = "".join(f'<w:{side} w:val="{"single" if borders else "nil"}"'
                    + (' w:sz="4" w:space="0" w:color="000000"/>' if borders else "/>")
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{lines}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def c(text, **kw):
    """A centred, unspaced paragraph of one run: the header and signature blocks."""
    size = kw.pop("size", 13)
    return para(run(text, size=size, **kw), jc="center", after=0)


def body(text_runs, **kw):
    """A body paragraph: justified, first line indented 1.27 cm, 6 pt after (ND30)."""
    return para(*text_runs, jc="both", first_line=720, after=120, **kw)


def chart():
    """The chart's paragraph: `{{chart}}` alone, centred, so that the engine puts the drawing
    (DocxBarChart, DocxLineChart) in its place, 6 pt before and after."""
    return para(run("{{chart}}"), jc="center", before=120, after=120)


def alone(tag):
    """A section tag on a paragraph of its own: the engine removes the paragraph."""
    return para(run(tag), after=0)


def nd30_header(subject=None):
    """The ND30 header: agency left, national title and motto right, the number and the place
    and date under them; a letter (công văn) has its subject ("V/v ...") under the number."""
    number = [para(run("{{header.number}}", size=13), jc="center", before=120, after=0)]
    if subject:
        number.append(para(run(subject, size=12), jc="center", before=60, after=0))
    return table([LEFT_COL, RIGHT_COL], [
        row(cell(LEFT_COL,
                 c("{{header.parentAgency}}"),
                 c("{{header.agency}}", bold=True),
                 rule(0.4, LEFT_COL)),
            cell(RIGHT_COL,
                 c("{{header.nationalTitle}}", bold=True, size=12),
                 c("{{header.motto}}", bold=True, size=13, underline=True))),
        row(cell(LEFT_COL, *number),
            cell(RIGHT_COL, para(run("{{header.placeDate}}", italic=True, size=14), jc="center", before=120, after=0))),
    ], borders=False)


def nd30_closing():
    """"Nơi nhận" on the left, the signer on the right (optional lines leave no gap)."""
    return table([LEFT_COL, RIGHT_COL], [
        row(cell(LEFT_COL,
                 para(run("Nơi nhận:", bold=True, italic=True, size=12), after=0),
                 alone("{{#closing.recipients}}"),
                 para(run("{{.}}", size=11), after=0),
                 alone("{{/closing.recipients}}")),
            cell(RIGHT_COL,
                 # Optional lines: a condition standing alone leaves no empty line when unset.
                 alone("{{#closing.signerAuthority}}"),
                 c("{{closing.signerAuthority}}", bold=True, size=14),
                 alone("{{/closing.signerAuthority}}"),
                 alone("{{#closing.signerTitle}}"),
                 c("{{closing.signerTitle}}", bold=True, size=14),
                 alone("{{/closing.signerTitle}}"),
                 *[c("", size=14) for _ in range(4)],
                 c("{{closing.signerName}}", bold=True, size=14))),
    ], borders=False)


def document():
    header = nd30_header()

    widths = [900, 3200, 3255, 2000]
    heading = row(*(cell(w, para(run(t, bold=True, size=13), jc="center", after=0), valign="center")
                    for w, t in zip(widths, ["Hạng", "{{rowLevelTitle}}", "Kết quả (đạt/tổng số, tỷ lệ)", "Đánh giá"])), header=True)
    total = row(cell(widths[0], para(run(""), after=0)),
                cell(widths[1], para(run("{{total.name}}", bold=True, size=13), after=0)),
                cell(widths[2], para(run("{{total.resultText}}", bold=True, size=13), jc="center", after=0)),
                cell(widths[3], para(run("{{total.statusText}}", bold=True, size=13), jc="center", after=0)))
    each = row(cell(widths[0], para(run("{{#rows}}{{rankText}}", size=13), jc="center", after=0)),
               cell(widths[1], para(run("{{name}}", size=13), after=0)),
               cell(widths[2], para(run("{{resultText}}", size=13), jc="center", after=0)),
               cell(widths[3], para(run("{{statusText}}{{/rows}}", size=13), jc="center", after=0)))
    breakdown = table(widths, [heading, total, each], borders=True)

    # Review years (sơ kết, tổng kết): each indicator over the phase, one row per unit, the
    # years' rates in one cell (the number of years varies; a table cannot repeat columns).
    trend_widths = [2600, 3155, 2100, 1500]
    trend_heading = row(*(cell(w, para(run(t, bold=True, size=13), jc="center", after=0), valign="center")
                          for w, t in zip(trend_widths, ["Đơn vị", "Tỷ lệ các năm {{#years}}{{^first()}}, {{/first()}}{{.}}{{/years}}",
                                                         "Thay đổi", "Năm đầu đạt"])), header=True)
    trend_each = row(cell(trend_widths[0], para(run("{{#rows}}{{name}}{{#flagText}} ({{flagText}}){{/flagText}}", size=13), after=0)),
                     cell(trend_widths[1], para(run("{{#cells}}{{^first()}}; {{/first()}}{{text}}{{#reexpressed}}*{{/reexpressed}}{{/cells}}", size=13), jc="center", after=0)),
                     cell(trend_widths[2], para(run("{{changeText}}", size=13), jc="center", after=0)),
                     cell(trend_widths[3], para(run("{{firstMetText}}{{/rows}}", size=13), jc="center", after=0)))
    # The target of each year, under the years (the plan may raise it during the phase).
    trend_targets = row(cell(trend_widths[0], para(run("Chỉ tiêu của năm", italic=True, size=13), after=0)),
                        cell(trend_widths[1], para(run("{{#targets}}{{^first()}}; {{/first()}}{{.}}{{/targets}}", italic=True, size=13), jc="center", after=0)),
                        cell(trend_widths[2], para(run(""), after=0)),
                        cell(trend_widths[3], para(run(""), after=0)))
    trend_table = table(trend_widths, [trend_heading, trend_targets, trend_each], borders=True)

    # Part IV (review years with `commendation` in pipeline.yml): the units proposed, ranked, as
    # a proposal to the emulation council.
    praise_widths = [800, 3055, 1700, 1700, 2100]
    praise_heading = row(*(cell(w, para(run(t, bold=True, size=13), jc="center", after=0), valign="center")
                           for w, t in zip(praise_widths, ["Thứ tự", "Đơn vị", "Số chỉ tiêu đạt mọi năm",
                                                           "Số chỉ tiêu đạt năm báo cáo", "Thay đổi bình quân"])), header=True)
    praise_each = row(cell(praise_widths[0], para(run("{{#rows}}{{rank}}", size=13), jc="center", after=0)),
                      cell(praise_widths[1], para(run("{{name}}{{#flagText}} ({{flagText}}){{/flagText}}", size=13), after=0)),
                      cell(praise_widths[2], para(run("{{metEveryYearText}}", size=13), jc="center", after=0)),
                      cell(praise_widths[3], para(run("{{metInReportYearText}}", size=13), jc="center", after=0)),
                      cell(praise_widths[4], para(run("{{changeText}}{{/rows}}", size=13), jc="center", after=0)))
    commendation = [
        alone("{{#commendation}}"),
        para(run("{{title}}", bold=True), jc="both", before=240, after=120, keep_next=True),
        body([run("{{introText}}")]),
        body([run("Đề xuất: ", bold=True), run("{{proposalNote}}", italic=True)], keep_next=True),
        table(praise_widths, [praise_heading, praise_each], borders=True),
        para(run(""), after=120),
        alone("{{/commendation}}"),
    ]
    review = [
        alone("{{#hasTrends}}"),
        para(run("III. KẾT QUẢ QUA CÁC NĂM, {{periodText}}", bold=True), jc="both", before=240, after=120, keep_next=True),
        alone("{{#hasReexpressed}}"),
        body([run("Số liệu đánh dấu * là số liệu của các năm trước được quy đổi theo đơn vị hành chính hiện nay "
                  "(đơn vị sáp nhập: cộng số liệu của các đơn vị cũ).", italic=True)]),
        alone("{{/hasReexpressed}}"),
        alone("{{#trends}}"),
        body([run("{{number}}. {{name}}", bold=True)], keep_next=True),
        alone("{{#summaryText}}"),
        body([run("{{summaryText}}")], keep_next=True),
        alone("{{/summaryText}}"),
        trend_table,
        chart(),
        alone("{{#hasNeverMet}}"),
        para(run("Chưa năm nào đạt chỉ tiêu: {{neverMetText}}."), jc="both", before=120, after=0),
        alone("{{/hasNeverMet}}"),
        alone("{{#hasReexpressedUnits}}"),
        para(run("Có năm quy đổi từ đơn vị cũ (sáp nhập): {{reexpressedUnitsText}}.", italic=True), jc="both", before=60, after=0),
        alone("{{/hasReexpressedUnits}}"),
        alone("{{#hasFlaggedUnits}}"),
        para(run("Có năm không quy đổi được (đơn vị cũ bị chia tách, không chia số liệu): {{flaggedUnitsText}}.", italic=True),
             jc="both", before=60, after=0),
        alone("{{/hasFlaggedUnits}}"),
        para(run(""), after=120),
        alone("{{/trends}}"),
        alone("{{/hasTrends}}"),
    ]

    closing = nd30_closing()

    parts = [
        header,
        para(run("{{documentKind}}", bold=True, size=14), jc="center", before=360, after=0),
        para(run("{{title}}", bold=True, size=14), jc="center", after=0),
        rule(0.4, TEXT_W),
        para(run(""), after=120),
        para(run("I. TÓM TẮT KẾT QUẢ", bold=True), jc="both", after=120, keep_next=True),
        alone("{{#summary.paragraphs}}"),
        body([run("{{.}}")]),
        alone("{{/summary.paragraphs}}"),
        para(run("II. KẾT QUẢ TỪNG CHỈ TIÊU", bold=True), jc="both", after=120, keep_next=True),
        alone("{{#indicators}}"),
        body([run("{{number}}. {{name}}", bold=True)], keep_next=True),
        body([run("Chỉ tiêu {{periodText}}: {{targetText}}. Kết quả chung: {{resultText}}, đánh giá: "),
              run("{{statusText}}", bold=True),
              run("{{#gapSentence}} ({{gapSentence}}){{/gapSentence}}.")]),
        body([run("{{basisText}}{{#childrenMetText}} Có {{childrenMetText}} chỉ tiêu.{{/childrenMetText}}"
                  "{{#notReportedText}} Còn {{notReportedText}}.{{/notReportedText}}")], keep_next=True),
        breakdown,
        chart(),
        para(run("{{#hasBelowTarget}}Các {{rowLevelName}} chưa đạt chỉ tiêu ({{belowTargetCount}}): "
                 "{{#belowTarget}}{{name}}{{^last()}}, {{/last()}}{{/belowTarget}}.{{/hasBelowTarget}}"),
             jc="both", before=120, after=240),
        alone("{{/indicators}}"),
        *review,
        *commendation,
        para(run("{{roundingNote}}", italic=True, size=12), jc="both", after=240),
        closing,
    ]
    section = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
               f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
               f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" w:header="567" w:footer="567" w:gutter="0"/>'
               '<w:cols w:space="720"/><w:titlePg/></w:sectPr>')
    # The report ends its portrait section in a paragraph of its own; the appendices follow
    # in the document's last section, landscape.
    parts += [f"<w:p><w:pPr>{section}</w:pPr></w:p>", *appendices()]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(parts)}{LANDSCAPE_SECTION}</w:body></w:document>')


# The appendices' pages: A4 turned (the width and height swapped, `w:orient`), the same
# margins on the same sides, the same header (page numbers continue: no restart, no titlePg).
LANDSCAPE_W = PAGE_H - LEFT - RIGHT
LANDSCAPE_SECTION = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
                     f'<w:pgSz w:w="{PAGE_H}" w:h="{PAGE_W}" w:orient="landscape"/>'
                     f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" w:header="567" w:footer="567" w:gutter="0"/>'
                     '<w:cols w:space="720"/></w:sectPr>')


def matrix_table(name_w, parent_w, rate_w, tag_w):
    """The appendix matrix: two name columns, then one column per indicator by a column loop
    (`{{#columns}}` and `{{#cells}}` each alone in a narrow cell; the engine removes those cells
    and repeats the cells between them, with their grid column). The header row repeats on
    every page; a rate below its target is bold, since the page may be printed without colour."""
    def tag_cell(text):
        return cell(tag_w, para(run(text, size=8), after=0))
    heading = row(cell(name_w, para(run("{{levelTitle}}", bold=True, size=9), jc="center", after=0), valign="center"),
                  cell(parent_w, para(run("{{parentLevelTitle}}", bold=True, size=9), jc="center", after=0), valign="center"),
                  tag_cell("{{#columns}}"),
                  cell(rate_w, para(run("({{number}})", bold=True, size=9), jc="center", after=0), valign="center"),
                  tag_cell("{{/columns}}"), header=True)
    # The body's cells take their size, spacing and alignment from two paragraph styles
    # (STYLES: MaTranTen, MaTranTyLe) rather than from properties on each of them: a national
    # matrix has 9,702 cells, and the properties were most of each one's XML.
    each = row(cell(name_w, styled("MaTranTen", run("{{#rows}}{{name}}"))),
               cell(parent_w, styled("MaTranTen", run("{{parentName}}"))),
               tag_cell("{{#cells}}"),
               # The section runs from the first run into the third: a rate that met its target
               # leaves the bold run out altogether (two runs, each always written, would make
               # every cell of a national matrix longer: docs/docx-report.md, "Figures").
               cell(rate_w, styled("MaTranTyLe", run("{{#missed}}"), run("{{text}}", bold=True),
                                   run("{{/missed}}{{^missed}}{{text}}{{/missed}}"))),
               tag_cell("{{/cells}}{{/rows}}"))
    widths = [name_w, parent_w, tag_w, rate_w, tag_w]
    lines = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{lines}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{heading}{each}</w:tbl>')


def appendices():
    """Phụ lục 1 (the matrix of the units two levels below) and the data-quality appendix,
    each from a new page, in the landscape section. Their words are the HTML page's."""
    # 14 indicators at 700 twips (8 pt "100,00%" and the cell margins) beside the two names
    # fill the landscape text width; more columns: narrow them in Word.
    name_w, parent_w, rate_w = 2350, 2000, 700
    matrix = [
        alone("{{#unitTable}}"),
        para(run("{{title}}", bold=True), jc="center", after=0, keep_next=True),
        para(run("({{countText}})", italic=True, size=13), jc="center", after=120, keep_next=True),
        para(run("Mỗi ô là tỷ lệ đạt của đơn vị; ô in đậm: chưa đạt chỉ tiêu. Cột đánh số theo mục II: "
                 "{{#columns}}({{number}}) {{name}}, chỉ tiêu {{targetText}}{{^last()}}; {{/last()}}{{/columns}}.", size=11),
             jc="both", after=120, keep_next=True),
        matrix_table(name_w, parent_w, rate_w, 300),
        alone("{{#note}}"),
        para(run("{{note}}", italic=True, size=11), jc="both", before=120, after=0),
        alone("{{/note}}"),
        alone("{{/unitTable}}"),
    ]
    q_widths = [600, 1100, 2000, 1400, 700, 2300, 1800, LANDSCAPE_W - 9900]
    q_heading = row(*(cell(w, para(run(t, bold=True, size=10), jc="center", after=0), valign="center")
                      for w, t in zip(q_widths, ["TT", "Mức độ", "Tệp", "Trang tính", "Ô", "Đơn vị", "Trường", "Nội dung"])),
                    header=True)
    q_each = row(*(cell(w, para(run(t, size=10), jc="center" if k in (0, 4) else None, after=0))
                   for k, (w, t) in enumerate(zip(q_widths, ["{{#issues}}{{number}}", "{{severityText}}", "{{file}}", "{{sheet}}",
                                                             "{{cell}}", "{{unit}}", "{{field}}", "{{message}}{{/issues}}"]))))
    l_widths = [600, 1000, 3200, 1700, 1200, LANDSCAPE_W - 7700]
    l_heading = row(*(cell(w, para(run(t, bold=True, size=10), jc="center", after=0), valign="center")
                      for w, t in zip(l_widths, ["TT", "Mã", "Đơn vị", "Loại", "Số vấn đề", "Tệp văn bản"])), header=True)
    l_each = row(*(cell(w, para(run(t, size=10), jc="center" if k in (0, 1, 4) else None, after=0))
                   for k, (w, t) in enumerate(zip(l_widths, ["{{#rows}}{{number}}", "{{code}}", "{{name}}", "{{kindText}}",
                                                             "{{countText}}", "{{fileName}}{{/rows}}"]))))
    quality = [
        alone("{{#quality}}"),
        # A new page even when there is no matrix before it: the section starts one then.
        '<w:p><w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before="0" w:after="120"/><w:jc w:val="center"/></w:pPr>'
        + run("Phụ lục. Chất lượng số liệu", bold=True) + "</w:p>",
        body([run("{{countsText}}")]),
        alone("{{#hasIssues}}"),
        para(run("Các vấn đề phát hiện khi đọc và kiểm tra số liệu", bold=True, size=12), jc="center", after=60, keep_next=True),
        table(q_widths, [q_heading, q_each], borders=True),
        alone("{{#hasOmitted}}"),
        alone("{{#omitted}}"),
        para(run("- {{.}}", size=12), jc="both", before=60, after=0),
        alone("{{/omitted}}"),
        alone("{{/hasOmitted}}"),
        alone("{{/hasIssues}}"),
        # With `letters` in outputs: the table of the letters back to each unit.
        alone("{{#letters}}"),
        para(run("Văn bản phản hồi gửi các đơn vị", bold=True, size=12), jc="center", before=240, after=60, keep_next=True),
        body([run("{{introText}}", size=12)]),
        table(l_widths, [l_heading, l_each], borders=True),
        alone("{{/letters}}"),
        alone("{{/quality}}"),
        para(run(""), after=0),
    ]
    return matrix + quality


def letter():
    """The letter back to one unit (Templates/docx/phan-hoi.docx): a công văn in the ND30
    layout, A4 portrait, the report's header, styles and closing; the keys of `LetterView`
    (Templates/README.md, "The letters")."""
    def heading(widths, titles):
        return row(*(cell(w, para(run(t, bold=True, size=11), jc="center", after=0), valign="center")
                     for w, t in zip(widths, titles)), header=True)

    def each(widths, tags, centred):
        return row(*(cell(w, para(run(t, size=11), jc="center" if k in centred else None, after=0))
                     for k, (w, t) in enumerate(zip(widths, tags))))

    f_widths = [600, 4300, 1400, TEXT_W - 6300]
    files = table(f_widths, [heading(f_widths, ["TT", "Tệp", "Ngày nhận", "Mã kiểm tra (SHA-256)"]),
                             each(f_widths, ["{{#files}}{{number}}", "{{name}}", "{{receivedText}}", "{{shortSHA256}}{{/files}}"], (0, 2, 3))],
                  borders=True)
    d_widths = [500, 1100, 650, 1300, 3405, TEXT_W - 6955]
    findings = table(d_widths, [heading(d_widths, ["TT", "Trang tính", "Ô", "Giá trị ghi trong ô", "Vấn đề", "Cách sửa"]),
                                each(d_widths, ["{{#findings}}{{number}}", "{{sheet}}", "{{cell}}", "{{value}}",
                                                "{{severityText}}: {{problem}}", "{{fix}}{{/findings}}"], (0, 2))],
                     borders=True)
    parts = [
        nd30_header(subject="{{subject}}"),
        para(run("Kính gửi: {{addressee}}"), jc="center", before=360, after=240),
        body([run("{{opening}}")]),
        alone("{{#hasFiles}}"),
        files,
        para(run(""), after=120),
        alone("{{/hasFiles}}"),
        alone("{{#hasFindings}}"),
        body([run("{{findingsIntro}}")], keep_next=True),
        findings,
        alone("{{#hasOmitted}}"),
        alone("{{#omitted}}"),
        para(run("- {{.}}", size=12), jc="both", before=60, after=0),
        alone("{{/omitted}}"),
        alone("{{/hasOmitted}}"),
        para(run(""), after=120),
        alone("{{/hasFindings}}"),
        body([run("{{request}}")]),
        para(run("Trân trọng./."), jc="both", first_line=720, after=240),
        nd30_closing(),
    ]
    section = (f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
               f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
               f'<w:pgMar w:top="{TOP}" w:right="{RIGHT}" w:bottom="{BOTTOM}" w:left="{LEFT}" w:header="567" w:footer="567" w:gutter="0"/>'
               '<w:cols w:space="720"/><w:titlePg/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(parts)}{section}</w:body></w:document>')


# The page number, centred in the top margin; `titlePg` in the section gives page 1 its own
# (absent, so empty) header: numbers from page 2, as ND30 asks.
HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}" xmlns:r="{R}">'
          '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '</w:p></w:hdr>')

# Times New Roman 14 pt, Vietnamese, single spacing: the defaults every paragraph inherits.
STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
          '<w:docDefaults><w:rPrDefault><w:rPr>'
          '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
          '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'
          '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          # The appendix matrix's cells (matrix_table): names 9 pt, rates 8 pt on the right.
          '<w:style w:type="paragraph" w:customStyle="1" w:styleId="MaTranTen"><w:name w:val="Ma tran ten"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:customStyle="1" w:styleId="MaTranTyLe"><w:name w:val="Ma tran ty le"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'
          '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
          '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
          '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
          '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
          '</w:styles>')

SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
            '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '</w:settings>')

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                 '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                 '</Types>')

PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '</Relationships>')

DOCUMENT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
                 '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                 '</Relationships>')


def main():
    args = sys.argv[1:]
    if not args:
        write("Templates/docx/bao-cao.docx", document())
        write("Templates/docx/phan-hoi.docx", letter())
    elif args[0] == "--letter":
        write(args[1] if len(args) > 1 else "Templates/docx/phan-hoi.docx", letter())
    else:
        write(args[0], document())


def write(out, document_xml):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/header1.xml", HEADER),
    ]
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
