"""What surveys put in each person's to-do list (core.inbox): the opinion surveys of their unit (or the units above
it) that are open and that they have not answered yet (answers stay anonymous: only the fact of answering is kept),
and for those who run surveys, the ones still taking answers after their last day."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import can, unit_filter
from core.inbox import Item, source
from surveys.models import Survey


def _waiting(user):
    unit = getattr(user, "unit", None)
    if unit is None:
        return None
    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    return (Survey.objects.filter(kind=Survey.Kind.OPINION, status=Survey.Status.OPEN, is_template=False,
                                  unit_id__in=ids).exclude(participations__user=user))


def _count(user, today):
    return _waiting(user)


@source("survey", count=_count)
def surveys_to_answer(user, today: date) -> list[Item]:
    waiting = _waiting(user)
    if waiting is None:
        return []
    return [Item(title=survey.title, link=reverse("surveys:answer_logged_in", args=[survey.pk]), due=survey.end_date,
                 detail=_("%(unit)s, %(period)s — phiếu không ghi tên: hệ thống chỉ ghi nhận Anh/Chị đã trả lời, "
                          "không lưu Anh/Chị chọn gì.") % {"unit": survey.unit.display_short if survey.unit else "", "period": survey.period_label},
                 badge=_("Chờ trả lời"), tone="info")
            for survey in waiting.select_related("unit").order_by("end_date", "pk")]


def _past_end(user, today: date):
    if not can(user, "survey.manage"):
        return None
    return Survey.objects.filter(unit_filter(user, "survey.manage"), status=Survey.Status.OPEN, is_template=False,
                                 end_date__lt=today)


@source("survey_close", count=_past_end, nav="surveys:index")
def surveys_to_close(user, today: date) -> list[Item]:
    running = _past_end(user, today)
    if running is None:
        return []
    return [Item(title=str(survey), link=reverse("surveys:detail", args=[survey.pk]), due=survey.end_date,
                 detail=survey.unit.display_short if survey.unit else "", badge=_("Đã qua ngày kết thúc"), tone="warn")
            for survey in running.select_related("unit").order_by("end_date", "pk")]
