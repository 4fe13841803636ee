"""Hostile files, built in the tests with zipfile: zip bombs, huge shared strings, huge declared ranges, broken XML,
entity bombs, files of another kind than their name says. Each builder is cached: the bombs take seconds to pack."""

import io
import zipfile
from functools import cache

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GB = 1024 * 1024 * 1024

XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
XLSX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def _zip(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def xlsx(sheet_data: str, shared: tuple[str, ...] | list[str] = (), dimension: str | None = None) -> bytes:
    """A minimal workbook, as Excel writes it: one sheet, its shared strings."""
    strings = "".join(f"<si><t>{text}</t></si>" for text in shared)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return _zip({
        "[Content_Types].xml": XLSX_TYPES, "_rels/.rels": XLSX_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(shared)}" '
                                f'uniqueCount="{len(shared)}">{strings}</sst>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
                                    f'{dim}<sheetData>{sheet_data}</sheetData></worksheet>',
    })


def docx(body: str) -> bytes:
    return _zip({"[Content_Types].xml": DOCX_TYPES, "_rels/.rels": DOCX_RELS,
                 "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD}">'
                                      f'<w:body>{body}</w:body></w:document>'})


@cache
def docx_bomb() -> bytes:
    """About 1.5 MB that unpacks to 1 GB of well-formed document body: a Word file nothing may parse."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", DOCX_RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD}"><w:body>'.encode())
            paragraph = b"<w:p/>" * (1 << 17)
            for _ in range(GB // len(paragraph)):
                part.write(paragraph)
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


@cache
def xlsx_bomb() -> bytes:
    """A workbook whose sheet unpacks to 1 GB of empty rows."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in (("[Content_Types].xml", XLSX_TYPES), ("_rels/.rels", XLSX_RELS),
                              ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, content)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            rows = b"<row/>" * (1 << 17)
            for _ in range(GB // len(rows)):
                part.write(rows)
            part.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


@cache
def huge_shared_string() -> bytes:
    """One shared string of 150 MB in a workbook of about 150 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in (("[Content_Types].xml", XLSX_TYPES), ("_rels/.rels", XLSX_RELS),
                              ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, content)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>'.encode())
            chunk = b"A" * (1 << 20)
            for _ in range(150):
                part.write(chunk)
            part.write(b"</t></si></sst>")
        archive.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'
                                                     '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'
                                                     '</worksheet>')
    return buffer.getvalue()


def long_cell() -> bytes:
    """A shared string of 100,000 characters: more than a cell of Excel holds (32,767)."""
    return xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared=["Nhiệm vụ " * 11_000])


def declared_range() -> bytes:
    """5 KB declaring A1:XFD1048576: openpyxl would pad every row to 16,384 columns."""
    return xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>', dimension="A1:XFD1048576")


def renamed_sheet() -> bytes:
    """The declared range again, in a sheet stored under a name that does not end in .xml (readers follow the
    package's relationships, not the names)."""
    with zipfile.ZipFile(io.BytesIO(declared_range())) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries["xl/worksheets/sheet1.bin"] = entries.pop("xl/worksheets/sheet1.xml")
    entries["xl/_rels/workbook.xml.rels"] = WORKBOOK_RELS.replace("sheet1.xml", "sheet1.bin")
    return _zip(entries)


def far_cell() -> bytes:
    """No declared range, but one cell in the last row and column: 17 billion cells to fill in."""
    return xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
                '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def many_entries() -> bytes:
    """A workbook of 20,000 parts."""
    entries: dict[str, bytes | str] = {"[Content_Types].xml": XLSX_TYPES, "_rels/.rels": XLSX_RELS,
                                       "xl/workbook.xml": WORKBOOK}
    entries.update({f"xl/media/image{i}.png": b"" for i in range(20_000)})
    return _zip(entries)


def broken_xml_xlsx() -> bytes:
    return xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>')  # the row is never closed


_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))


def entity_bomb_xlsx() -> bytes:
    """Billion laughs in the shared strings."""
    lol = _LAUGHS
    return _zip({
        "[Content_Types].xml": XLSX_TYPES, "_rels/.rels": XLSX_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY l0 "lol">{lol}]>'
                                f'<sst xmlns="{MAIN}"><si><t>&l9;</t></si></sst>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1">'
                                    '<c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    })


def broken_xml_docx() -> bytes:
    return docx("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r>")  # never closed


def entity_bomb_docx() -> bytes:
    lol = _LAUGHS
    return _zip({
        "[Content_Types].xml": DOCX_TYPES, "_rels/.rels": DOCX_RELS,
        "word/document.xml": f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
                             f'<w:document xmlns:w="{WORD}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>'
                             '</w:document>'})


def lying_sizes() -> bytes:
    """An entry whose directory claims 100 bytes while its data unpacks to 50 MB."""
    data = xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared=["A" * (50 * 1024 * 1024)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        real = archive.getinfo("xl/sharedStrings.xml").file_size.to_bytes(4, "little")
    # The uncompressed size, in the local header and in the central directory, now says 100 bytes.
    assert data.count(real) == 2
    return data.replace(real, (100).to_bytes(4, "little"))


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
       b"<script>alert(1)</script></svg>")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"This program cannot be run"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def zip_of(files: dict[str, bytes]) -> bytes:
    return _zip(dict(files))


def real_docx(text: str = "Báo cáo kết quả thực hiện") -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
