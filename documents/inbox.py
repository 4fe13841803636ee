"""What documents put in each person's to-do list (core.inbox): the files they had prepared in the background
that are ready and not yet downloaded, and those that could not be made, until they have read why."""

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.inbox import Item, source
from documents.models import ExportJob


def _finished_not_collected(user):
    return ExportJob.objects.filter(Q(status=ExportJob.Status.DONE) | Q(status=ExportJob.Status.FAILED),
                                    requested_by=user, collected_at__isnull=True)


def _count(user, today):
    return _finished_not_collected(user) if getattr(user, "pk", None) is not None else None


@source("export", count=_count, nav="documents:index")
def exports_finished(user, today: date) -> list[Item]:
    items = []
    for job in _finished_not_collected(user).order_by("-finished_at", "-pk"):
        finished = timezone.localtime(job.finished_at) if job.finished_at else None
        when = f"{finished:%H:%M %d/%m/%Y}" if finished else ""
        link = reverse("documents:export_job", args=[job.pk])
        if job.status == ExportJob.Status.DONE:
            items.append(Item(title=_("Tệp %(name)s đã sẵn sàng") % {"name": job.file_name}, link=link,
                              badge=_("Sẵn sàng"), tone="ok",
                              detail=_("Xong lúc %(when)s; tệp được giữ đến ngày %(until)s.") % {
                                  "when": when, "until": f"{timezone.localtime(job.keep_until):%d/%m/%Y}"}))
        else:
            items.append(Item(title=_("Chưa xuất được tệp %(name)s") % {"name": job.file_name}, link=link,
                              badge=_("Không xuất được"), tone="bad", detail=job.message))
    return items
