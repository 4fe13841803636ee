from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "imports"

    def ready(self):
        from core.widgets import home_widget

        @home_widget(order=35)
        def import_drafts(request):
            """The import drafts the user left waiting for review (one query)."""
            from accounts.permissions import can
            from imports.models import ImportSession

            if not request.user.is_authenticated or not can(request.user, "plan.manage"):
                return None
            drafts = list(ImportSession.objects.filter(owner=request.user, status=ImportSession.Status.DRAFT)[:5])
            return "imports/_home_drafts.html", {"drafts": drafts}
