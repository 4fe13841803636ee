"""Word reports 'unreadable content' when properties are out of the schema's order (LibreOffice does not): every
pPr, rPr, tblPr and sectPr cchc writes keeps the order of ECMA-376's sequences."""

import io
import zipfile

import pytest
from lxml import etree

from documents import builtin, catalog
from documents.tests.test_word_layout import seed_plan_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
           "cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
              "sectPrChange",
}


def out_of_order(xml: bytes) -> list[str]:
    problems = []
    root = etree.fromstring(xml)
    for name, sequence in SEQUENCES.items():
        order = {tag: i for i, tag in enumerate(sequence.split())}
        for element in root.iter(f"{W}{name}"):
            positions = [order.get(child.tag.removeprefix(W), -1) for child in element
                         if child.tag.startswith(W)]
            if -1 in positions or positions != sorted(positions):
                problems.append(f"{name}: {[c.tag.removeprefix(W) for c in element]}")
    return problems


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()
                if n in ("word/document.xml", "word/styles.xml") or n.startswith("word/header")}


def test_layout_builder_keeps_schema_order():
    for name, xml in parts(seed_plan_document()).items():
        assert out_of_order(xml) == [], name


@pytest.mark.parametrize("kind", list(catalog.KINDS))
def test_every_document_kind_keeps_schema_order(kind):
    build = {catalog.PLAN: builtin.plan_document, catalog.SELF_ASSESSMENT: builtin.self_assessment_document,
             catalog.ANNOUNCEMENT: builtin.announcement_document, catalog.PERIODIC: builtin.periodic_document}[kind]
    for name, xml in parts(build(catalog.SAMPLES[kind])).items():
        assert out_of_order(xml) == [], name


def test_the_check_catches_a_border_written_after_the_alignment():
    xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr>'
           b'<w:jc w:val="center"/><w:pBdr/></w:pPr></w:p></w:body></w:document>')
    assert out_of_order(xml) == ["pPr: ['jc', 'pBdr']"]
