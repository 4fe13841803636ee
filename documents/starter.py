"""A starter .docx for each kind of document: every placeholder in place, lists as tables with row loops.

The reform office downloads it, restyles it in Word (their letterhead, fonts, wording) and uploads it back.
"""

import io

from docx import Document
from docx.shared import Pt

from documents.catalog import HEADING_VARIABLES, KINDS

HEADING_NAMES = {name for name, _ in HEADING_VARIABLES}


def starter_template(kind: str) -> bytes:
    document_kind = KINDS[kind]
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = "{{ co_quan_chu_quan|upper }}"
    left.add_paragraph("{{ co_quan|upper }}")
    left.add_paragraph("{{ so_ky_hieu }}")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("{{ dong_ngay_thang }}")
    document.add_paragraph("{{ ten_loai_van_ban }}")
    document.add_paragraph("{{ trich_yeu }}")
    for variable in document_kind.variables:
        if variable.name in HEADING_NAMES:
            continue
        if not variable.fields:
            label = variable.description.split(":")[0].split(" (")[0]
            document.add_paragraph(f"{label}: {{{{ {variable.name} }}}}")
            continue
        document.add_paragraph(variable.description)
        names = [name for name, _ in variable.fields if not isinstance(_sample_value(kind, variable.name, name), list)]
        table = document.add_table(rows=4, cols=len(names))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, names, strict=True):
            cell.text = dict(variable.fields)[name]
        table.rows[1].cells[0].text = f"{{%tr for muc in {variable.name} %}}"
        for cell, name in zip(table.rows[2].cells, names, strict=True):
            cell.text = f"{{{{ muc.{name} }}}}"
        table.rows[3].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("{%p for dong in noi_nhan %}")
    document.add_paragraph("{{ dong }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{{ dong_luu }}")
    document.add_paragraph("{% if ky_thay %}{{ ky_thay }}{% endif %}")
    document.add_paragraph("{{ chuc_vu_nguoi_ky }}")
    document.add_paragraph("{{ nguoi_ky }}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _sample_value(kind: str, list_name: str, field: str):
    from documents.catalog import SAMPLES

    items = SAMPLES[kind].get(list_name) or [{}]
    return items[0].get(field) if isinstance(items[0], dict) else None
