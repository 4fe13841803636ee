"""Demo: what the department's reform office publishes (công khai) so /public/ has content in `make demo`.

Runs last (after frameworks, assessments, plans and surveys have put their objects in the context). Each target is
published once: a target that already has a publication, live or withdrawn, is left alone, so a second run changes
nothing and a withdrawal made by hand in the demo stays withdrawn.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from dashboards import actions
from dashboards.models import Publication

Kind = Publication.Kind


def _targets(context) -> list[tuple[str, object, str]]:
    """(kind, object, introduction) for what a department publishes, from what the earlier demos built."""
    frameworks = context.get("frameworks") or {}
    surveys = context.get("surveys") or {}
    plans = context.get("plans") or {}
    wanted = [
        (Kind.ASSESSMENT, frameworks.get("internal"),
         "Kết quả đánh giá, xếp hạng công tác CCHC năm 2024 của các phòng, đơn vị thuộc Sở theo Bộ tiêu chí "
         "do Giám đốc Sở ban hành."),
        (Kind.SIPAS, surveys.get("sipas_2023"),
         "Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của Sở năm 2023."),
        (Kind.SIPAS, surveys.get("sipas_2024"),
         "Số liệu tổng hợp từ các phiếu khảo sát nhận được đến ngày 30/11/2024."),
        (Kind.PLAN, plans.get("seed"),
         "Tiến độ thực hiện Kế hoạch duy trì, cải thiện và nâng cao Chỉ số CCHC, SIPAS năm 2024 của Sở."),
        (Kind.PLAN, plans.get("live"), "Tiến độ thực hiện Kế hoạch CCHC năm đang thực hiện của Sở, cập nhật hằng ngày."),
    ]
    return [(kind, target, note) for kind, target, note in wanted if target is not None]


@transaction.atomic
def load(context) -> None:
    office = context["people"]["mai"]
    for kind, target, note in _targets(context):
        already = Publication.objects.filter(content_type=ContentType.objects.get_for_model(target),
                                             object_id=target.pk).exists()
        if already:
            continue
        try:
            actions.publish(by=office, kind=kind, target=target, note=note)
        except ValidationError:
            # Another demo may not have reached the state publishing needs (e.g. no result published yet).
            continue
