"""Demo: the reform office's own template for the periodic report, so the demo shows a user template at work."""

from documents import actions, catalog
from documents.models import DocumentTemplate
from documents.starter import starter_template

DEMO_TEMPLATE_NAME = "Mẫu báo cáo định kỳ CCHC của Văn phòng Sở"


def load(context: dict) -> None:
    department = context["units"]["stnmt"]
    if DocumentTemplate.objects.filter(unit=department, kind=catalog.PERIODIC, name=DEMO_TEMPLATE_NAME).exists():
        return
    actions.upload_template(by=context["people"]["mai"], kind=catalog.PERIODIC, unit=department,
                            name=DEMO_TEMPLATE_NAME, data=starter_template(catalog.PERIODIC),
                            filename="mau-bao-cao-dinh-ky.docx")
