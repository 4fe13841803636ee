from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each app's audit_words.py says how its codes read in the history (audit.readable).
        autodiscover_modules("audit_words")
