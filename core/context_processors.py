from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can
from core import inbox

# (label, url name, permission needed): an entry shows when its page exists and the user may use it.
NAVIGATION = [
    (_("Tổng quan"), "core:home", None),
    (_("Bảng điều khiển"), "dashboards:index", "dashboard.view"),
    (_("Kế hoạch, nhiệm vụ"), "plans:index", "plan.view"),
    (_("Nhập kế hoạch"), "imports:index", "plan.manage"),
    (_("Kiểm tra CCHC"), "inspections:index", "inspection.view"),
    (_("Bộ chỉ số"), "frameworks:index", "framework.view"),
    (_("Đánh giá, chấm điểm"), "assessments:index", "assessment.view"),
    (_("Hồ sơ TTHC"), "dossiers:index", "dossier.view"),
    (_("Khảo sát SIPAS"), "surveys:index", "survey.view"),
    (_("Văn bản, báo cáo"), "documents:index", "document.export"),
    (_("Tổ chức"), "org:units", "org.view"),
    (_("Lịch làm việc"), "workdays:index", "calendar.manage"),
    (_("Nhật ký"), "audit:index", "audit.view"),
]


def inbox_counts(request) -> dict:
    """The person's to-do counts (core.inbox), counted once per request: one query per source that concerns them."""
    cached = getattr(request, "_cchc_inbox_counts", None)
    if cached is None:
        cached = inbox.counts(request.user, timezone.localdate())
        request._cchc_inbox_counts = cached
    return cached


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    counts = inbox_counts(request)
    items = []
    for label, name, action in NAVIGATION:
        if action and not can(user, action):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        count = counts["total"] if name == "core:home" else counts["nav"].get(name, 0)
        items.append({"label": label, "url": url, "active": request.path.startswith(url) and url != "/",
                      "count": count})
    if items and request.path == "/":
        items[0]["active"] = True
    return {"nav_items": items, "inbox_counts": counts["sources"]}
