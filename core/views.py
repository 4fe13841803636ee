from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core import inbox
from core.widgets import render_widgets


def home(request):
    """The landing page is the person's to-do list (core.inbox), then their roles, what other apps put here and the
    sections they may open."""
    today = timezone.localdate()
    return render(request, "core/home.html", {
        "grants": request.user.grants.select_related("unit"), "todo": inbox.items(request.user, today),
        "today": today, "widgets": render_widgets(request)})


@login_not_required
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def bad_request(request, exception=None):
    return render(request, "errors/error.html", {"code": 400, "title": "Yêu cầu không hợp lệ"}, status=400)


@login_not_required
def permission_denied(request, exception=None):
    return render(
        request,
        "errors/error.html",
        {"code": 403, "title": "Bạn không có quyền thực hiện thao tác này", "hint": "Liên hệ đầu mối CCHC nếu cần cấp quyền."},
        status=403,
    )


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "errors/error.html", {"code": 404, "title": "Không tìm thấy trang"}, status=404)


@login_not_required
def server_error(request):
    return render(request, "errors/error.html", {"code": 500, "title": "Đã có lỗi xảy ra"}, status=500)
