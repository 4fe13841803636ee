"""{{ chart.svg|with_nonce:request }}: a chart's SVG with this response's CSP nonce on its <style>."""

from django import template
from django.utils.safestring import mark_safe

from dashboards import charts

register = template.Library()


@register.filter
def with_nonce(svg, request) -> str:
    """The SVG is built by dashboards.charts from escaped text (lxml), so it is marked safe as `|safe` did."""
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    return mark_safe(charts.with_nonce(str(svg or ""), str(nonce) if nonce is not None else ""))  # noqa: S308
