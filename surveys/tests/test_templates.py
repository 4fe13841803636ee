"""The questionnaires cchc ships: SIPAS questions on all five aspects, and the 18 one-point items of seed 3.2."""

from importlib import import_module

from django.apps import apps

from surveys.index import ASPECTS
from surveys.models import Survey

shipped = import_module("surveys.migrations.0002_shipped_templates")


def test_shipped_templates_are_created_once(db):
    shipped.create_templates(apps, None)
    shipped.create_templates(apps, None)
    sipas = Survey.objects.get(is_template=True, kind=Survey.Kind.SIPAS)
    assert set(sipas.questions.values_list("aspect", flat=True)) == set(ASPECTS)
    assert sipas.unit is None and not sipas.is_open
    opinion = Survey.objects.get(is_template=True, kind=Survey.Kind.OPINION)
    texts = list(opinion.questions.order_by("order").values_list("text", flat=True))
    assert len(texts) == 18 and {str(p) for p in opinion.questions.values_list("points", flat=True)} == {"1.000"}
    assert texts[0] == "Tác động của tuyên truyền đối với việc nâng cao nhận thức của CBCCVC"
    assert texts[-1] == "Đánh giá về mức độ tuân thủ quy trình giải quyết công việc theo Hệ thống quản lý chất lượng ISO"
    assert opinion.require_code, "leaders answer with an invitation code or their log-in"
