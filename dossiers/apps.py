from django.apps import AppConfig


class DossiersConfig(AppConfig):
    """One-stop dossier statistics (thống kê hồ sơ TTHC một cửa)."""

    name = "dossiers"
    verbose_name = "Hồ sơ TTHC"

    def ready(self):
        from dossiers import metrics, widgets  # noqa: F401 (widgets registers the home block)

        metrics.register()
