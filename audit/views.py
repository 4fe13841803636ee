import datetime

from django.core.paginator import Paginator
from django.shortcuts import render

from accounts.models import User
from accounts.permissions import require, unit_filter, visible_units
from audit.models import AuditEntry
from core.forms import id_from


def _date(value: str):
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()
        except (ValueError, AttributeError):
            continue
    return None


def index(request):
    """The reform office's view of every change, filterable by unit, person and dates."""
    require(request.user, "audit.view")
    entries = AuditEntry.objects.filter(unit_filter(request.user, "audit.view")).select_related("user", "unit")
    units = visible_units(request.user, "audit.view")
    unit_id, user_id = request.GET.get("unit", ""), request.GET.get("user", "")
    date_from, date_to = _date(request.GET.get("from", "")), _date(request.GET.get("to", ""))
    # Digits that cannot name a row (too large for the column, or not ASCII) match nothing.
    for column, text in (("unit_id", unit_id), ("user_id", user_id)):
        if text.isdigit():
            pk = id_from(text)
            entries = entries.filter(**{column: pk}) if pk is not None else entries.none()
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    people = User.objects.filter(unit__in=units).order_by("full_name")
    return render(request, "audit/index.html", {
        "page": page, "units": units, "people": people, "filters": request.GET,
        "date_from": date_from, "date_to": date_to,
    })
