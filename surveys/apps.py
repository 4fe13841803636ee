from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Khảo sát SIPAS"

    def ready(self) -> None:
        from surveys import metrics, widgets  # noqa: F401

        metrics.register()
