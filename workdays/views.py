"""The working-day calendar page: a year's days off, and the office's overrides (ngày nghỉ bù, làm bù)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can_everywhere, require, require_everywhere
from workdays import actions
from workdays.forms import OverrideForm
from workdays.models import DayOverride
from workdays.services import get_calendar


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year
    return year if 1990 <= year <= 2100 else timezone.localdate().year


def index(request, form=None):
    require(request.user, "calendar.manage")
    year = _year(request)
    calendar = get_calendar([year])
    overrides = DayOverride.objects.filter(date__year=year).select_related("created_by")
    worked = sorted(d for d in calendar.extra_working_days if d.year == year)
    return render(request, "workdays/index.html", {
        "year": year, "days_off": calendar.days_off_in(year), "worked": [(d, calendar.names.get(d, "")) for d in worked],
        "overrides": overrides, "form": form or OverrideForm(), "previous": year - 1, "next": year + 1,
        "may_edit": can_everywhere(request.user, "calendar.manage"),
    }, status=400 if form else 200)


@require_POST
def add(request):
    require_everywhere(request.user, "calendar.manage")
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu được: kiểm tra các ô được đánh dấu."))
        return index(request, form=form)
    data = form.cleaned_data
    actions.add_override(by=request.user, day=data["date"], kind=data["kind"], note=data["note"])
    messages.success(request, _("Đã lưu ngày %(date)s.") % {"date": f"{data['date']:%d/%m/%Y}"})
    return redirect(f"{reverse('workdays:index')}?year={data['date'].year}")


@require_POST
def remove(request, pk):
    require_everywhere(request.user, "calendar.manage")
    try:
        override = DayOverride.objects.get(pk=pk)
    except (DayOverride.DoesNotExist, ValueError):
        raise Http404 from None
    year = override.date.year
    actions.remove_override(by=request.user, override=override)
    messages.success(request, _("Đã xóa điều chỉnh."))
    return redirect(f"{reverse('workdays:index')}?year={year}")
