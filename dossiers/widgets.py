"""The home-page block: this year's dossier rates in the person's scope, with links to the dossiers behind them."""

from datetime import date
from urllib.parse import urlencode

from django.utils import timezone

from accounts.permissions import can
from core.widgets import home_widget
from dossiers.queries import Window, total, visible_dossiers


@home_widget(order=30)
def dossier_rates(request):
    if not can(request.user, "dossier.view"):
        return None
    today = timezone.localdate()
    window = Window(date(today.year, 1, 1), today)
    tally = total(visible_dossiers(request.user), window)
    if not tally.received and not tally.settled:
        return None
    query = urlencode({"start": window.start.strftime("%d/%m/%Y"), "end": window.end.strftime("%d/%m/%Y")})
    return "dossiers/_home_widget.html", {"tally": tally, "window": window, "query": query}
