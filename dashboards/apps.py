from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "dashboards"

    def ready(self):
        from dashboards import widgets  # noqa: F401 (registers the home-page block)
