from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    # The footer's language switch is on pages without log-in too (the log-in page, the public results).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("org/", include("org.urls")),
    path("audit/", include("audit.urls")),
    path("calendar/", include("workdays.urls")),
    path("frameworks/", include("frameworks.urls")),
    path("assessments/", include("assessments.urls")),
    path("plans/", include("plans.urls")),
    path("inspections/", include("inspections.urls")),
    path("imports/", include("imports.urls")),
    path("dossiers/", include("dossiers.urls")),
    path("surveys/", include("surveys.urls")),
    path("documents/", include("documents.urls")),
    path("dashboards/", include("dashboards.urls")),
    path("public/", include("dashboards.public_urls")),
]
# Uploaded files (MEDIA_ROOT) are never served as such, in development either: each is sent by its app's view, to
# those who may see its object, as an attachment (core.http.attachment).

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
