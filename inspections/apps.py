from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Kiểm tra CCHC"

    def ready(self):
        from inspections import metrics

        metrics.register()
