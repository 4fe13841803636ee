from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Kế hoạch, nhiệm vụ"

    def ready(self):
        from plans import metrics

        metrics.register()
