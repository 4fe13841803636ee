"""What each kind of publication points at, who owns it, and when it may be published.

- assessment results and ranking → a criteria framework (frameworks.Framework): the units assessed under it whose
  results the assessments app has published (phase "Đã công bố"), ranked; the owner unit publishes;
- SIPAS results of a unit → a SIPAS survey (surveys.Survey) of that unit with answers;
- plan progress → an issued plan (plans.Plan) of the issuing unit.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.permissions import unit_filter
from dashboards.models import Publication

Kind = Publication.Kind


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: str
    unit_field: str

    def model_class(self):
        return apps.get_model(self.model)

    def unit_of(self, obj):
        return getattr(obj, self.unit_field)

    def candidates(self, user):
        """The objects of this kind the user could publish (publish.manage over their unit)."""
        model = self.model_class()
        qs = model.objects.filter(unit_filter(user, "publish.manage", field=self.unit_field))
        return _narrow(self.kind, qs).select_related(self.unit_field)


SPECS = {
    Kind.ASSESSMENT: KindSpec(Kind.ASSESSMENT, "frameworks.Framework", "owner"),
    Kind.SIPAS: KindSpec(Kind.SIPAS, "surveys.Survey", "unit"),
    Kind.PLAN: KindSpec(Kind.PLAN, "plans.Plan", "issuing_unit"),
}


def _narrow(kind: str, qs):
    if kind == Kind.SIPAS:
        return qs.filter(kind="sipas", is_template=False).order_by("-end_date", "-pk")
    if kind == Kind.PLAN:
        return qs.filter(status="issued").order_by("-year", "-pk")
    return qs.order_by("-year", "-pk")


def default_title(kind: str, obj) -> str:
    if kind == Kind.ASSESSMENT:
        return f"Kết quả đánh giá, xếp hạng CCHC năm {obj.year} – {obj.title}"
    if kind == Kind.SIPAS:
        return f"Kết quả khảo sát sự hài lòng – {obj.unit} – {obj.period_label or obj.title}"
    return f"Tiến độ thực hiện {obj}"


def check_publishable(kind: str, obj) -> None:
    """Raises a ValidationError saying what to do first, when the object has nothing fit for the public yet."""
    if kind == Kind.ASSESSMENT:
        if not obj.assessments.filter(phase="published").exists():
            raise ValidationError(_("Bộ chỉ số này chưa có kết quả đánh giá nào được công bố. "
                                    "Hãy công bố kết quả ở mục Đánh giá, chấm điểm trước khi công khai."))
    elif kind == Kind.SIPAS:
        if obj.kind != "sipas" or obj.is_template:
            raise ValidationError(_("Chỉ công khai kết quả của phiếu khảo sát SIPAS (không phải mẫu phiếu)."))
        if not obj.responses.exists():
            raise ValidationError(_("Phiếu khảo sát này chưa có ý kiến trả lời nào để công khai."))
    elif kind == Kind.PLAN and obj.status != "issued":
        raise ValidationError(_("Chỉ công khai tiến độ của kế hoạch đã ban hành."))
