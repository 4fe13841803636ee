"""Monthly rate charts as inline SVG (pygal, rendered on the server, no script and no outside request)."""

import pygal
from pygal.style import Style

from dashboards.charts import inert_svg
from dossiers.stats import Tally

STYLE = Style(background="white", plot_background="white", foreground="#1d2330", foreground_strong="#1d2330",
              foreground_subtle="#d9dee7", colors=("#17743d", "#0b5cad", "#9a6400", "#a31d24", "#5b6473"),
              font_family="'Noto Sans', 'Liberation Sans', Arial, sans-serif", label_font_size=12,
              major_label_font_size=12, legend_font_size=12, title_font_size=14, value_font_size=12,
              value_label_font_size=12, tooltip_font_size=14)

SERIES = (
    ("Đúng và trước hạn", "on_time_rate"),
    ("Trực tuyến", "online_rate"),
    ("Thanh toán trực tuyến", "payment_rate"),
    ("Số hóa", "digitisation_rate"),
)


def _percent(value) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",") + " %"


# Drawn this many units wide; dossiers.css never shows them narrower (a phone scrolls the chart sideways), so the
# 12 px labels stay at least 12 px on screen.
WIDTH = 640


def _inert(chart, label: str) -> str:
    """The SVG without pygal's config script, comments and style="…" attributes: nothing runs, nothing is fetched,
    and the page gives its one <style> the response's nonce."""
    return inert_svg(chart, label, css_class="dossier-chart")


def rates_by_month(months: list, tallies: dict[object, Tally]) -> str:
    """A line per rate, a point per month (gaps where a month has nothing to count)."""
    config = pygal.Config(js=[], disable_xml_declaration=True, style=STYLE, height=300, width=WIDTH,
                          range=(0, 100), include_x_axis=True, legend_at_bottom=True, show_dots=True,
                          value_formatter=_percent, explicit_size=False, truncate_legend=-1)
    chart = pygal.Line(config, title="Tỷ lệ theo tháng (%)")
    chart.x_labels = [m.strftime("%m/%Y") for m in months]
    for label, attribute in SERIES:
        values = []
        for month in months:
            ratio = getattr(tallies.get(month, Tally()), attribute)
            values.append(None if ratio is None else float(ratio * 100))
        chart.add(label, values)
    return _inert(chart, "Tỷ lệ đúng hạn, trực tuyến, thanh toán trực tuyến và số hóa theo tháng; số liệu ở bảng Theo tháng.")


def counts_by_month(months: list, tallies: dict[object, Tally]) -> str:
    """Settled dossiers per month, stacked early / on time / late."""
    config = pygal.Config(js=[], disable_xml_declaration=True, style=Style(
        background="white", plot_background="white", colors=("#0b5cad", "#17743d", "#b3261e"),
        font_family=STYLE.font_family, label_font_size=12, major_label_font_size=12, legend_font_size=12,
        title_font_size=14, value_font_size=12, value_label_font_size=12), height=280, width=WIDTH,
        legend_at_bottom=True, truncate_legend=-1)
    chart = pygal.StackedBar(config, title="Hồ sơ đã giải quyết theo tháng")
    chart.x_labels = [m.strftime("%m/%Y") for m in months]
    for label, attribute in (("Trước hạn", "early"), ("Đúng hạn", "on_time"), ("Trễ hạn", "late")):
        chart.add(label, [getattr(tallies.get(m, Tally()), attribute) for m in months])
    return _inert(chart, "Hồ sơ đã giải quyết trước hạn, đúng hạn, trễ hạn theo tháng; số liệu ở bảng Theo tháng.")
