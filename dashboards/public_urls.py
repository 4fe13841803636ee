from django.urls import path

from dashboards.views import public

# Mounted at /public/ (no log-in; whitelisted in core/tests/test_site.py).
app_name = "public"
urlpatterns = [
    path("", public.index, name="index"),
    path("<int:pk>/", public.detail, name="detail"),
]
