"""Blocks other apps put on the home page, so core never imports them.

An app registers in its AppConfig.ready():

    from core.widgets import home_widget

    @home_widget(order=10)
    def my_tasks(request):
        return "plans/_home_tasks.html", {"tasks": ...}   # or None to show nothing
"""

from collections.abc import Callable

_WIDGETS: list[tuple[int, Callable]] = []


def home_widget(order: int = 50):
    def register(func: Callable) -> Callable:
        if func not in [f for _, f in _WIDGETS]:
            _WIDGETS.append((order, func))
            _WIDGETS.sort(key=lambda item: item[0])
        return func

    return register


def render_widgets(request) -> list[tuple[str, dict]]:
    blocks = []
    for _, func in _WIDGETS:
        block = func(request)
        if block:
            blocks.append(block)
    return blocks
