#!/usr/bin/env python3
"""Writes the committed seed corpora of the fuzz targets (deterministic, a few KB in all).

    python3 Fuzz/make-seeds.py            rewrites Fuzz/corpus/workbook/*.xlsx and Fuzz/corpus/sheet-xml/*.xml

Each seed is a tiny workbook (or a bare worksheet part) that exercises one corner of the
reader, so that the fuzzer starts from inputs that already reach deep into the code:
shared strings with rich and phonetic runs, inline and formula strings, booleans, errors,
ISO dates, date styles (built-in and custom, 1900 and 1904), `_xHHHH_` escapes, cells and
rows without `r`, rows out of order, `x:` prefixes, Strict OOXML namespaces, absolute and
backslash relationship targets, hidden and chart sheets, merged ranges, stored and deflated
entries (stored entries let the mutator see the XML). The seeds are written by this script, not copied from other projects.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
T = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
ST = "http://purl.oclc.org/ooxml/spreadsheetml/main"
SR = "http://purl.oclc.org/ooxml/officeDocument/relationships"
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def ctypes(sheets=1, extra=""):
    over = "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                   for i in range(sheets))
    return (HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>' + over + extra + '</Types>')


def root_rels(target="xl/workbook.xml", rel=R):
    return (HDR + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
            'Target="%s"/></Relationships>' % (PR, rel, target))


def wb_rels(entries, rel=R):
    return (HDR + '<Relationships xmlns="%s">' % PR + "".join(
        '<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (i, rel, k, t) for i, k, t in entries)
        + '</Relationships>')


def workbook(sheets, pr="", ns=T, rns=R, prefix=""):
    p = prefix + ":" if prefix else ""
    xmlns = ('xmlns:%s="%s"' % (prefix, ns)) if prefix else ('xmlns="%s"' % ns)
    body = "".join('<%ssheet name="%s" sheetId="%d" r:id="%s"%s/>' % (p, n, i + 1, rid, st)
                   for i, (n, rid, st) in enumerate(sheets))
    return (HDR + '<%sworkbook %s xmlns:r="%s">%s<%ssheets>%s</%ssheets></%sworkbook>'
            % (p, xmlns, rns, pr, p, body, p, p))


def sheet(rows, extra="", ns=T, prefix=""):
    p = prefix + ":" if prefix else ""
    xmlns = ('xmlns:%s="%s"' % (prefix, ns)) if prefix else ('xmlns="%s"' % ns)
    return (HDR + '<%sworksheet %s><%ssheetData>%s</%ssheetData>%s</%sworksheet>'
            % (p, xmlns, p, rows, p, extra, p))


def sst(items, ns=T):
    return (HDR + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (ns, len(items), len(items), "".join("<si>%s</si>" % i for i in items)))


def styles(numfmts="", xfs=(0, 14)):
    nf = '<numFmts count="%d">%s</numFmts>' % (numfmts.count("<numFmt "), numfmts) if numfmts else ""
    return (HDR + '<styleSheet xmlns="%s">%s<cellXfs count="%d">%s</cellXfs></styleSheet>'
            % (T, nf, len(xfs), "".join('<xf numFmtId="%d" applyNumberFormat="1"/>' % x for x in xfs)))


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    path = os.path.join(HERE, "corpus", "workbook", name)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts:
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data.encode("utf-8"))


STD_RELS = [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml"),
            ("rId3", "styles", "styles.xml")]

BASIC_ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>12.5</v></c></row>'
              '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c>'
              '<c r="C2" t="inlineStr"><is><t>Đạt</t></is></c><c r="D2" t="str"><f>A1&amp;B1</f><v>ab</v></c></row>'
              '<row r="3"><c r="A3" s="1"><v>45291.5</v></c><c r="B3"><f>SUM(C1:C2)</f><v>12.5</v></c>'
              '<c r="C3" t="n"><v>-1E-3</v></c><c r="D3" t="s"><v>2</v></c></row>')


def seeds():
    os.makedirs(os.path.join(HERE, "corpus", "workbook"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "corpus", "sheet-xml"), exist_ok=True)

    # 1. The common case: shared strings, numbers, bool, error, inline and formula strings, a date.
    write_zip("basic.xlsx", [
        ("[Content_Types].xml", ctypes()), ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", workbook([("Cấp xã", "rId1", "")])),
        ("xl/_rels/workbook.xml.rels", wb_rels(STD_RELS)),
        ("xl/sharedStrings.xml", sst(["<t>STT</t>", "<t>Tên đơn vị</t>", "<t xml:space=\"preserve\"> x </t>"])),
        ("xl/styles.xml", styles()),
        ("xl/worksheets/sheet1.xml", sheet(BASIC_ROWS, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')),
    ])

    # 2. Rich text and phonetic runs, _xHHHH_ escapes, custom date formats, the 1904 system.
    rich = ['<r><rPr><b/></rPr><t>Cộng đồng </t></r><r><t>học tập</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh>',
            '<t>a_x000D_b_x005F_x0041_</t>', '<t/>']
    write_zip("rich-1904.xlsx", [
        ("[Content_Types].xml", ctypes()), ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", workbook([("S", "rId1", "")], pr='<workbookPr date1904="1"/>')),
        ("xl/_rels/workbook.xml.rels", wb_rels(STD_RELS)),
        ("xl/sharedStrings.xml", sst(rich)),
        ("xl/styles.xml", styles('<numFmt numFmtId="164" formatCode="[$-409]dd/mm/yyyy\\ h:mm AM/PM;@"/>'
                                 '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/>'
                                 '<numFmt numFmtId="166" formatCode="[Red]0.00&quot;d&quot;"/>',
                                 xfs=(0, 164, 165, 166, 47))),
        ("xl/worksheets/sheet1.xml", sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
            '<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" s="2"><v>1.25</v></c>'
            '<c r="C2" s="3"><v>7</v></c><c r="D2" s="4"><v>0.5</v></c><c r="E2" s="1"><v>60</v></c></row>')),
    ])

    # 3. x: prefixes, absolute and backslash targets, odd part-name case, no styles, stored entries.
    write_zip("prefixed-absolute.xlsx", [
        ("[Content_Types].xml", ctypes(2)), ("_rels/.rels", root_rels("/xl/workbook.xml")),
        ("xl/workbook.xml", workbook([("Một", "rId1", ""), ("Hai", "rId2", ' state="hidden"')], prefix="x")),
        ("xl/_rels/workbook.xml.rels", wb_rels([("rId1", "worksheet", "/xl/worksheets/sheet1.xml"),
                                                ("rId2", "worksheet", "worksheets\\Sheet2.xml")])),
        ("xl/worksheets/sheet1.xml", sheet(
            '<x:row><x:c t="inlineStr"><x:is><x:t>no r</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>'
            '<x:row r="5"><x:c r="C5"><x:v>5</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>3</x:v></x:c></x:row>',
            prefix="x")),
        ("xl/worksheets/sheet2.xml", sheet('<row r="1"><c r="A1" t="b"><v>0</v></c></row>')),
    ], method=zipfile.ZIP_STORED)

    # 4. Strict OOXML namespaces and t="d" ISO dates.
    write_zip("strict.xlsx", [
        ("[Content_Types].xml", ctypes()), ("_rels/.rels", root_rels(rel=SR)),
        ("xl/workbook.xml", workbook([("Strict", "rId1", "")], ns=ST, rns=SR)),
        ("xl/_rels/workbook.xml.rels", wb_rels([("rId1", "worksheet", "worksheets/sheet1.xml")], rel=SR)),
        ("xl/worksheets/sheet1.xml", sheet(
            '<row r="1"><c r="A1" t="d"><v>2024-11-30T00:00:00</v></c><c r="B1" t="d"><v>2024-12-01</v></c>'
            '<c r="C1" t="n"><v>1373</v></c></row>', ns=ST)),
    ], method=zipfile.ZIP_STORED)

    # 5. A chart sheet and a macro sheet beside a worksheet, a lying dimension, merged ranges.
    write_zip("chart-macro.xlsx", [
        ("[Content_Types].xml", ctypes()), ("_rels/.rels", root_rels()),
        ("xl/workbook.xml", workbook([("Data", "rId1", ""), ("Chart1", "rId2", ""),
                                      ("Macro1", "rId3", ' state="veryHidden"')])),
        ("xl/_rels/workbook.xml.rels", wb_rels([
            ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "chartsheet", "chartsheets/sheet1.xml"),
            ("rId3", "xlMacrosheet", "macrosheets/sheet1.xml")])),
        ("xl/chartsheets/sheet1.xml", HDR + '<chartsheet xmlns="%s"/>' % T),
        ("xl/macrosheets/sheet1.xml", HDR + '<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>'),
        ("xl/worksheets/sheet1.xml", HDR + '<worksheet xmlns="%s"><dimension ref="A1:B2"/><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Cộng đồng học tập</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>Tổng số</t></is></c>'
         '<c r="B2" t="inlineStr"><is><t>Được công nhận</t></is></c></row>'
         '<row r="40"><c r="AB40"><v>1</v></c></row></sheetData>'
         '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C1:C2"/></mergeCells></worksheet>' % T),
    ], method=zipfile.ZIP_STORED)

    # Bare parts for the xhht-fuzz-sheetxml target: the first byte chooses the part the rest
    # becomes (0 worksheet, 4 shared strings, 5 styles, 6 workbook.xml, 7 workbook rels); the
    # fixed package around it has shared strings 0..2 and styles 0..2 (1 = date, 2 = [h]:mm).
    for name, xml in [
        ("0-basic.xml", "0" + sheet(BASIC_ROWS, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')),
        ("0-prefixed.xml", "0" + sheet('<x:row><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:t>b</x:t>'
                                       '<x:rPh><x:t>p</x:t></x:rPh></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>',
                                       prefix="x")),
        ("0-strict.xml", "0" + sheet('<row r="2"><c r="XFD2" t="d"><v>1900-02-28T12:00:00</v></c>'
                                     '<c r="A2" t="str"><v>_x0041_</v></c><c s="2"><v>1.5</v></c></row>', ns=ST)),
        ("0-odd.xml", "0" + HDR + '<worksheet xmlns="%s"><dimension ref="A1:Z9"/><sheetData><row r="3" spans="1:3">'
                                  '<c r="A3" t="b"><v>true</v></c><c r="B3" t="n"/><c r="C3"><v> 1e308 </v></c>'
                                  '<c r="D3" t="s"><v>2</v></c></row><row r="1"><c r="A1" s="1"><v>2958465</v></c>'
                                  '</row></sheetData></worksheet>' % T),
        # The first finding (docs/fuzzing.md): a declared encoding that does not match the bytes.
        ("0-utf7.xml", '0<?xml version="1.0" encoding="UTF-7"?>\n<worksheet xmlns="%s"><sheetData><row r="1">'
                       '<c r="A1" t="inlineStr"><is><t>Cộng đồng</t></is></c></row></sheetData></worksheet>' % T),
        ("4-sst.xml", "4" + sst(rich + ["<t>Đạt</t>"])),
        ("5-styles.xml", "5" + styles('<numFmt numFmtId="164" formatCode="[$-409]dd/mm/yyyy\\ h:mm AM/PM;@"/>'
                                      '<numFmt numFmtId="165" formatCode="&quot;Ngày&quot; d"/>', xfs=(0, 164, 165))),
        ("6-workbook.xml", "6" + workbook([("A", "rId1", ""), ("B", "rId4", ' state="veryHidden"')],
                                          pr='<workbookPr date1904="true"/>')),
        ("7-rels.xml", "7" + wb_rels([("rId1", "worksheet", "worksheets\\sheet1.xml"),
                                      ("rId4", "worksheet", "/XL/Worksheets/Sheet2.xml"),
                                      ("rId2", "sharedStrings", "../xl/sharedStrings.xml"),
                                      ("rId3", "styles", "styles.xml")])),
    ]:
        with open(os.path.join(HERE, "corpus", "sheet-xml", name), "w", encoding="utf-8") as f:
            f.write(xml)


if __name__ == "__main__":
    seeds()
    for d in ("workbook", "sheet-xml"):
        p = os.path.join(HERE, "corpus", d)
        fs = sorted(os.listdir(p))
        print("%s: %d seeds, %d bytes" % (p, len(fs), sum(os.path.getsize(os.path.join(p, f)) for f in fs)))
