"""Charts drawn on the server as inline SVG (biểu đồ), each paired with the same figures as a table.

Plain data in, a `Chart` out: no ORM, no network. pygal draws the SVG; we then strip its <script> and comments
so the markup is inert, give it role="img" and a label, and keep Vietnamese number formatting (9,376 · 2.817).
Every chart carries a `Table` with the same numbers, for screen readers, printing, and anyone who prefers figures.
"""

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pygal
from django.utils.translation import gettext
from lxml import etree
from pygal.style import Style

from core.numbers import format_number, format_percent, format_score, to_decimal

# Charts are drawn NATURAL_WIDTH units wide and the page never shows them narrower (dashboards.css gives the SVG
# that min-width and lets a narrow card scroll sideways), so one SVG unit is at least one CSS pixel on screen and
# no label is drawn below its font size here: 12 px at least, legible at any page width (issue: ≥ 11 px).
NATURAL_WIDTH = 500
MIN_FONT_PX = 12

STYLE = Style(
    background="transparent",
    plot_background="#ffffff",
    foreground="#1d2330",
    foreground_strong="#1d2330",
    foreground_subtle="#5b6473",
    font_family='"Segoe UI", "Noto Sans", "Liberation Sans", Arial, sans-serif',
    label_font_size=MIN_FONT_PX,
    major_label_font_size=MIN_FONT_PX,
    legend_font_size=13,
    title_font_size=15,
    value_font_size=MIN_FONT_PX,
    value_label_font_size=MIN_FONT_PX,
    tooltip_font_size=14,
    colors=("#0b5cad", "#a31d24", "#17743d", "#9a6400", "#6b4fa0", "#00838f", "#5b6473"),
    opacity=".9",
    opacity_hover="1",
    transition="0ms",
)


@dataclass(frozen=True)
class Table:
    """The chart's figures: `rows` are already formatted strings; the first cell of a row names it."""

    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)

    def _is_numeric(self, column: int) -> bool:
        return self.numeric[column] if column < len(self.numeric) else column > 0

    @property
    def columns(self) -> list[tuple[str, bool]]:
        """(header, numeric) pairs: numbers are right-aligned, text columns are not."""
        return [(h, self._is_numeric(i)) for i, h in enumerate(self.headers)]

    @property
    def body(self) -> list[list[tuple[str, bool]]]:
        return [[(cell, self._is_numeric(i)) for i, cell in enumerate(row)] for row in self.rows]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: str
    table: Table
    empty: bool = False


# Vietnamese number formats without Django (core.numbers), so this module stays plain.
vn_number, vn_score, vn_percent, _decimal = format_number, format_score, format_percent, to_decimal


# Percent axes read "0 %, 20 % … 100 %": six whole ticks instead of pygal's crowded "10,0 %" steps.
PERCENT_TICKS = [{"value": v, "label": f"{v} %"} for v in range(0, 101, 20)]


def _float(value) -> float | None:
    number = _decimal(value)
    return None if number is None else float(number)


def _config(title: str, *, colors: Sequence[str] | None = None, **options) -> dict:
    # The page's <figcaption> carries the title, so pygal draws none; the SVG keeps it in its aria-label.
    style = STYLE
    if colors:
        style = Style(**{**STYLE.to_dict(), "colors": tuple(colors)})
    return {
        "title": None,
        "style": style,
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "width": NATURAL_WIDTH,
        "height": 320,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 2,
        "truncate_label": 40,
        "truncate_legend": 34,
        "print_values": False,
        "no_data_text": gettext("Chưa có dữ liệu"),
        "margin": 12,
        "margin_bottom": 36,
        "legend_box_size": 11,
        **options,
    }


def inert_svg(chart, label: str, css_class: str = "chart-svg pygal-chart") -> str:
    """The chart's SVG without scripts or comments, labelled for assistive technology, and without style="…"
    attributes (the Content-Security-Policy refuses them): each becomes a rule of the chart's own <style>, which
    the page gives the response's nonce (`with_nonce`)."""
    tree = chart.render_tree()
    for node in list(tree.iter()):
        if isinstance(node, etree._Comment) or etree.QName(node).localname == "script":
            node.getparent().remove(node)
    _lift_style_attributes(tree)
    tree.set("role", "img")
    tree.set("aria-label", label)
    tree.set("class", css_class)
    tree.set("preserveAspectRatio", "xMidYMid meet")
    return etree.tostring(tree, encoding="unicode")



def _lift_style_attributes(tree) -> None:
    """pygal writes a bar's own colour as style="fill: …" (and hides its tooltip with style="opacity: 0"): move
    each into the chart's stylesheet under two ids, which outranks pygal's one-id rules as the attribute did."""
    chart_id = tree.get("id") or f"chart-{uuid.uuid4().hex}"
    tree.set("id", chart_id)
    rules = []
    for number, node in enumerate(tree.iter()):
        if not isinstance(node.tag, str) or "style" not in node.attrib or node is tree:
            continue
        declarations = node.attrib.pop("style").strip()
        if not declarations:
            continue
        node_id = node.get("id") or f"{chart_id}-s{number}"
        node.set("id", node_id)
        rules.append(f"#{chart_id} #{node_id}{{{declarations}}}")
    tree.attrib.pop("style", None)
    if not rules:
        return
    sheet = next((n for n in tree.iter() if isinstance(n.tag, str) and etree.QName(n).localname == "style"), None)
    if sheet is None:
        sheet = etree.SubElement(tree, f"{{{SVG_NS}}}style", type="text/css")
        tree.insert(0, sheet)
    sheet.text = (sheet.text or "") + "\n" + "".join(rules)


SVG_NS = "http://www.w3.org/2000/svg"
_STYLE_TAG = re.compile(r"<style\b")


def with_nonce(svg: str, nonce: str) -> str:
    """The SVG with `nonce` on its <style> elements, so a policy of style-src 'self' 'nonce-…' applies them.
    Text and attribute values in the SVG are escaped by lxml, so "<style" only ever starts a tag."""
    if not nonce:
        return svg
    return _STYLE_TAG.sub(f'<style nonce="{nonce}"', svg)


def _chart(key: str, title: str, pygal_chart, table: Table, empty: bool) -> Chart:
    if empty:
        label = gettext("%(title)s: chưa có dữ liệu.") % {"title": title}
    else:
        label = gettext("%(title)s. Số liệu chi tiết ở bảng bên dưới.") % {"title": title}
    return Chart(key=f"{key}-{uuid.uuid4().hex[:8]}", title=title, svg=inert_svg(pygal_chart, label), table=table,
                 empty=empty)


@dataclass(frozen=True)
class AreaScore:
    """One area (lĩnh vực) of a framework: the score and maximum of the current and the previous year."""

    label: str
    current: Decimal | None
    current_max: Decimal | None
    previous: Decimal | None = None
    previous_max: Decimal | None = None
    # Points lost in the items scored so far; None means "the maximum minus the score" (a finished year).
    current_lost: Decimal | None = None

    @property
    def lost(self) -> Decimal | None:
        if self.current_lost is not None:
            return self.current_lost
        return self.current_max - self.current if self.current is not None and self.current_max is not None else None


def area_scores(areas: Sequence[AreaScore], year: int, previous_year: int | None = None) -> Chart:
    """Điểm theo lĩnh vực so với điểm tối đa, năm nay và năm trước (bars)."""
    if previous_year:
        title = gettext("Điểm theo lĩnh vực so với điểm tối đa – năm %(year)s và năm %(previous)s") % {
            "year": year, "previous": previous_year}
    else:
        title = gettext("Điểm theo lĩnh vực so với điểm tối đa – năm %(year)s") % {"year": year}
    chart = pygal.HorizontalBar(**_config(title, height=max(320, 70 * len(areas) + 120), legend_at_bottom_columns=1),
                                value_formatter=vn_score)
    drawn = list(reversed(areas))  # pygal draws the first label at the bottom; the first area goes on top
    chart.x_labels = [str(a.label) for a in drawn]
    scored, most, got = gettext("Điểm đạt %(year)s"), gettext("Tối đa %(year)s"), gettext("Đạt %(year)s")
    chart.add(gettext("Điểm tối đa %(year)s") % {"year": year}, [_float(a.current_max) for a in drawn])
    if previous_year:
        chart.add(scored % {"year": previous_year}, [_float(a.previous) for a in drawn])
    chart.add(scored % {"year": year}, [_float(a.current) for a in drawn])
    headers = [gettext("Lĩnh vực"), most % {"year": year}, got % {"year": year}, gettext("Điểm bị mất")]
    if previous_year:
        headers += [most % {"year": previous_year}, got % {"year": previous_year}, gettext("Tăng/giảm")]
    rows = []
    for a in areas:
        row = [a.label, vn_score(a.current_max), vn_score(a.current), vn_score(a.lost)]
        if previous_year:
            change = a.current - a.previous if a.current is not None and a.previous is not None else None
            row += [vn_score(a.previous_max), vn_score(a.previous), _signed(change)]
        rows.append(row)
    empty = not any(a.current is not None or a.previous is not None for a in areas)
    table = Table(title, headers, rows, [False] + [True] * (len(headers) - 1))
    return _chart("area-scores", title, chart, table, empty)


def _signed(value) -> str:
    text = vn_score(value)
    return f"+{text}" if value is not None and value > 0 else text


@dataclass(frozen=True)
class YearResult:
    """A unit's result in one year: total score and rank among `ranked` units (as '10/21')."""

    year: int
    total: Decimal | None
    rank: int | None = None
    ranked: int | None = None


def total_and_rank_trend(results: Sequence[YearResult], unit_label: str = "") -> Chart:
    """Tổng điểm và thứ hạng qua các năm (lines; the rank on its own axis, 1 at the top)."""
    title = gettext("Tổng điểm và xếp hạng qua các năm") + (f" – {unit_label}" if unit_label else "")
    results = sorted(results, key=lambda r: r.year)
    chart = pygal.Line(**_config(title), value_formatter=_score_or_rank, dots_size=4)
    chart.x_labels = [str(r.year) for r in results]
    chart.add(gettext("Tổng điểm"), [_float(r.total) for r in results])
    # Rank 1 is best, so it is drawn negated on the secondary axis to make "higher on the chart" mean better.
    if any(r.rank for r in results):
        chart.add(gettext("Xếp hạng"), [-r.rank if r.rank else None for r in results], secondary=True)
        # From last place to first, so the axis reads "hạng 21 … hạng 1" and never shows a rank 0.
        chart.secondary_range = (-max(2, *(r.ranked or r.rank or 1 for r in results)), -1)
    rows = [[str(r.year), vn_score(r.total), f"{r.rank}/{r.ranked}" if r.rank and r.ranked else (str(r.rank or "–"))]
            for r in results]
    table = Table(title, [gettext("Năm"), gettext("Tổng điểm"), gettext("Xếp hạng")], rows, [False, True, True])
    return _chart("total-rank", title, chart, table, not any(r.total is not None for r in results))


def _score_or_rank(value) -> str:
    """Totals are never negative; ranks are drawn negated (see below), so a negative value reads as a rank."""
    if value is not None and value < 0:
        return gettext("hạng %(rank)s") % {"rank": vn_number(round(-value))}
    return vn_score(value)


def count_ticks(maximum: int, most: int = 8) -> list[int]:
    """Whole-number ticks for a count axis (tasks are not counted in tenths): 0 up to `maximum` in a round step."""
    if maximum <= 0:
        return [0, 1]
    step = 1
    while maximum > step * most:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2  # 1, 2, 5, 10, 20, 50 …
    return list(range(0, -(-maximum // step) * step + 1, step))


@dataclass(frozen=True)
class UnitTasks:
    """How many tasks a unit leads, by status key."""

    unit: str
    counts: Mapping[str, int]


def tasks_by_status(units: Sequence[UnitTasks], statuses: Sequence[tuple[str, str]], title: str = "",
                    colors: Sequence[str] | None = None) -> Chart:
    """Nhiệm vụ theo trạng thái của từng đơn vị (stacked bars). `statuses` = [(key, label)] in display order,
    `colors` one per status (overdue in red, done in green reads at a glance)."""
    title = title or gettext("Nhiệm vụ theo trạng thái, theo đơn vị chủ trì")
    chart = pygal.HorizontalStackedBar(**_config(title, colors=colors, height=max(300, 42 * len(units) + 140)),
                                       value_formatter=lambda v: vn_number(v))
    drawn = list(reversed(units))
    chart.x_labels = [str(u.unit) for u in drawn]
    chart.y_labels = count_ticks(max((sum(u.counts.get(key, 0) for key, _ in statuses) for u in units), default=0))
    for key, label in statuses:
        chart.add(str(label), [u.counts.get(key, 0) for u in drawn])
    rows = [[u.unit, *[vn_number(u.counts.get(key, 0)) for key, _ in statuses], vn_number(sum(u.counts.values()))]
            for u in units]
    headers = [gettext("Đơn vị"), *[str(label) for _, label in statuses], gettext("Tổng")]
    table = Table(title, headers, rows, [False] + [True] * (len(headers) - 1))
    return _chart("tasks-status", title, chart, table, not any(sum(u.counts.values()) for u in units))


@dataclass(frozen=True)
class AspectIndex:
    """One SIPAS aspect (yếu tố): its index in percent and how many answers gave an opinion."""

    label: str
    index: Decimal | None
    answers: int = 0


def sipas_aspects(aspects: Sequence[AspectIndex], overall: Decimal | None = None, target: Decimal | None = None,
                  title: str = "") -> Chart:
    """Chỉ số hài lòng SIPAS theo 5 yếu tố (bars, 0–100 %)."""
    title = title or gettext("Chỉ số hài lòng (SIPAS) theo yếu tố")
    chart = pygal.HorizontalBar(**_config(title, range=(0, 100), height=max(300, 60 * len(aspects) + 120),
                                          legend_at_bottom_columns=1),
                                value_formatter=vn_percent, y_labels=PERCENT_TICKS)
    drawn = list(reversed(aspects))
    chart.x_labels = [str(a.label) for a in drawn]
    chart.add(gettext("Chỉ số (%)"), [_float(a.index) for a in drawn])
    if target is not None:
        chart.add(gettext("Chỉ tiêu (%)"), [_float(target)] * len(drawn))
    rows = [[a.label, vn_percent(a.index), vn_number(a.answers)] for a in aspects]
    if overall is not None:
        rows.append([gettext("Chỉ số hài lòng chung"), vn_percent(overall), vn_number(sum(a.answers for a in aspects))])
    table = Table(title, [gettext("Yếu tố"), gettext("Chỉ số"), gettext("Số ý kiến")], rows, [False, True, True])
    return _chart("sipas", title, chart, table, not any(a.index is not None for a in aspects))


@dataclass(frozen=True)
class MonthRate:
    """Dossiers settled in one month: how many, and how many on time or early."""

    year: int
    month: int
    on_time: int
    settled: int

    @property
    def rate(self) -> Decimal | None:
        if not self.settled:
            return None
        return (Decimal(self.on_time) * 100 / self.settled).quantize(Decimal("0.01"))


def on_time_trend(months: Sequence[MonthRate], target: Decimal | None = None, title: str = "") -> Chart:
    """Tỷ lệ hồ sơ giải quyết đúng hạn theo tháng (line, 0–100 %)."""
    title = title or gettext("Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn theo tháng")
    months = sorted(months, key=lambda m: (m.year, m.month))
    chart = pygal.Line(**_config(title, range=(0, 100)), value_formatter=vn_percent, dots_size=4,
                       y_labels=PERCENT_TICKS)
    chart.x_labels = [f"{m.month:02d}/{m.year}" for m in months]
    chart.add(gettext("Đúng và trước hạn (%)"), [_float(m.rate) for m in months])
    if target is not None:
        chart.add(gettext("Chỉ tiêu (%)"), [_float(target)] * len(months))
    rows = [[f"{m.month:02d}/{m.year}", vn_number(m.settled), vn_number(m.on_time), vn_percent(m.rate)] for m in months]
    headers = [gettext("Tháng"), gettext("Hồ sơ đã giải quyết"), gettext("Đúng và trước hạn"), gettext("Tỷ lệ")]
    table = Table(title, headers, rows, [False, True, True, True])
    return _chart("on-time", title, chart, table, not any(m.settled for m in months))


@dataclass(frozen=True)
class RankedUnit:
    """A unit in a ranking (bảng xếp hạng)."""

    rank: int | None
    unit: str
    total: Decimal | None
    maximum: Decimal | None = None
    highlight: bool = False
    status: str = ""  # e.g. "Đang thẩm định": a result not yet published is shown as such, never as final


def ranking(rows: Sequence[RankedUnit], title: str = "") -> Chart:
    """Xếp hạng theo tổng điểm (bars, best first)."""
    title = title or gettext("Xếp hạng theo tổng điểm")
    chart = pygal.HorizontalBar(**_config(title, height=max(300, 34 * len(rows) + 120), show_legend=False),
                                value_formatter=vn_score)
    ordered = list(reversed(rows))  # pygal draws the first label at the bottom; the best goes on top
    chart.x_labels = [f"{r.unit} ({r.status})" if r.status else str(r.unit) for r in ordered]
    chart.add(gettext("Tổng điểm"), [
        {"value": _float(r.total), "color": "#a31d24"} if r.highlight else _float(r.total) for r in ordered
    ])
    table_rows = [[r.unit, str(r.rank) if r.rank else "–", vn_score(r.total), vn_score(r.maximum)] for r in rows]
    headers = [gettext("Đơn vị"), gettext("Xếp hạng"), gettext("Tổng điểm"), gettext("Điểm tối đa")]
    numeric = [False, True, True, True]
    if any(r.status for r in rows):
        for row, r in zip(table_rows, rows, strict=True):
            row.append(r.status or gettext("Đã công bố"))
        headers, numeric = [*headers, gettext("Tình trạng")], [*numeric, False]
    table = Table(title, headers, table_rows, numeric)
    return _chart("ranking", title, chart, table, not any(r.total is not None for r in rows))


@dataclass(frozen=True)
class LostPoints:
    """Points a criterion lost (điểm bị mất): max minus the score kept."""

    code: str
    title: str
    lost: Decimal
    maximum: Decimal | None = None


def lost_points(items: Sequence[LostPoints], title: str = "") -> Chart:
    """Tiêu chí bị mất điểm, nhiều nhất trước (bars)."""
    title = title or gettext("Tiêu chí bị mất điểm")
    items = sorted(items, key=lambda i: -i.lost)
    chart = pygal.HorizontalBar(**_config(title, height=max(260, 40 * len(items) + 120), show_legend=False),
                                value_formatter=vn_score)
    ordered = list(reversed(items))
    chart.x_labels = [f"{i.code} {i.title}".strip() for i in ordered]
    chart.add(gettext("Điểm bị mất"), [_float(i.lost) for i in ordered])
    rows = [[f"{i.code} {i.title}".strip(), vn_score(i.lost), vn_score(i.maximum)] for i in items]
    headers = [gettext("Tiêu chí"), gettext("Điểm bị mất"), gettext("Điểm tối đa")]
    table = Table(title, headers, rows, [False, True, True])
    return _chart("lost-points", title, chart, table, not items)


@dataclass(frozen=True)
class AreaOutlook:
    """One area's points in the running year's projection (assessments.projection): secured, still pending, at risk,
    already lost (together its maximum), and the totals projected on time and at today's pace."""

    label: str
    maximum: Decimal
    secured: Decimal
    pending: Decimal
    at_risk: Decimal
    lost: Decimal
    on_plan: Decimal
    at_pace: Decimal


PROJECTION_COLORS = ["#17743d", "#8a94a6", "#9a6400", "#b3261e"]


def projection_by_area(areas: Sequence[AreaOutlook], title: str = "") -> Chart:
    """Dự báo điểm theo lĩnh vực: secured, pending, at risk and lost points of each area (stacked bars)."""
    title = title or gettext("Dự báo điểm theo lĩnh vực")
    chart = pygal.HorizontalStackedBar(**_config(title, colors=PROJECTION_COLORS, legend_at_bottom_columns=2,
                                                 height=max(300, 56 * len(areas) + 140)), value_formatter=vn_score)
    drawn = list(reversed(areas))
    chart.x_labels = [str(a.label) for a in drawn]
    series = [(gettext("Đã chắc chắn"), "secured"), (gettext("Chưa chắc chắn, đúng tiến độ"), "pending"),
              (gettext("Có nguy cơ mất"), "at_risk"), (gettext("Đã mất"), "lost")]
    for label, name in series:
        chart.add(label, [_float(getattr(a, name)) for a in drawn])
    headers = [gettext("Lĩnh vực"), gettext("Tối đa"), *(label for label, _ in series),
               gettext("Dự báo (đúng hạn)"), gettext("Dự báo (tiến độ hiện nay)")]
    rows = [[a.label, vn_score(a.maximum), *(vn_score(getattr(a, name)) for _, name in series), vn_score(a.on_plan),
             vn_score(a.at_pace)] for a in areas]
    table = Table(title, headers, rows, [False] + [True] * (len(headers) - 1))
    return _chart("projection", title, chart, table, not any(a.maximum for a in areas))
