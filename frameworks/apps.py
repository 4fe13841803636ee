from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "frameworks"

    def ready(self):
        from django.utils.translation import gettext

        from frameworks import rules

        rules.use_translation(gettext)
