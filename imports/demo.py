"""Demo: a draft read from the 2025 layout plan, waiting for the reform office (mai) to review it."""

from pathlib import Path

from imports import actions
from imports.docx_reader import read_docx
from imports.layout import extract_plan
from imports.models import ImportSession
from imports.resolve import known_names
from org.matching import UnitDirectory

DEMO_FILE = Path(__file__).resolve().parent / "fixtures" / "accuracy" / "ke-hoach-cchc-2025-bo-cuc-phan-cong.docx"


def load(context):
    mai = context["people"]["mai"]
    department = context["units"]["stnmt"]
    if ImportSession.objects.filter(owner=mai, filename=DEMO_FILE.name).exists():
        return
    plan = extract_plan(read_docx(DEMO_FILE.read_bytes()), known_units=known_names(UnitDirectory(department)))
    actions.start_import(by=mai, issuing_unit=department, filename=DEMO_FILE.name, plan=plan)
