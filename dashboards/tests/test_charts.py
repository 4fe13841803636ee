"""The chart builders, on the seed department's own figures (Sở TNMT, 2019–2023)."""

from decimal import Decimal as D

import pytest
from lxml import etree

from dashboards import charts

# The seed's table "Điểm đánh giá các tiêu chí thực hiện CCHC của Sở Tài nguyên và Môi trường", 2022 and 2023.
SEED_AREAS = [
    charts.AreaScore("Công tác chỉ đạo điều hành CCHC", D("9.5"), D("12.5"), D("10"), D("13.5")),
    charts.AreaScore("Cải cách thể chế", D("6.5"), D("6.5"), D("5.5"), D("6.5")),
    charts.AreaScore("Cải cách thủ tục hành chính", D("9.729"), D("11.5"), D("5"), D("5")),
    charts.AreaScore("Chính quyền điện tử, chính quyền số", D("9.376"), D("11"), D("7.421"), D("10")),
    charts.AreaScore("Điều tra xã hội học", D("30.620"), D("35"), D("28.859"), D("35")),
]
SEED_TREND = [
    charts.YearResult(2019, D("81.659"), 9, 21),
    charts.YearResult(2020, D("85.625"), 10, 21),
    charts.YearResult(2021, D("84.955"), 12, 21),
    charts.YearResult(2022, D("85.675"), 12, 21),
    charts.YearResult(2023, D("87.225"), 10, 21),
]


def values(svg: str) -> list[str]:
    """The values pygal wrote for each drawn bar or dot, as formatted text."""
    root = etree.fromstring(svg.encode())
    return [d.text for d in root.iter("{http://www.w3.org/2000/svg}desc") if d.get("class") == "value"]


def parse(svg: str):
    return etree.fromstring(svg.encode())


@pytest.mark.parametrize(("value", "places", "trim", "expected"), [
    (2817, None, False, "2.817"),
    (D("9.376"), 3, True, "9,376"),
    (D("12.500"), 3, True, "12,5"),
    (D("6.000"), 3, True, "6"),
    (D("30.620"), 3, True, "30,62"),
    (D("-1.5"), 3, True, "-1,5"),
    (1234567, None, False, "1.234.567"),
    (D("92.94"), 1, False, "92,9"),
    (None, 3, True, "–"),
    ("không phải số", None, False, "–"),
])
def test_vietnamese_number_format(value, places, trim, expected):
    assert charts.vn_number(value, places, trim=trim) == expected


@pytest.mark.parametrize("build", [
    lambda: charts.area_scores(SEED_AREAS, 2023, 2022),
    lambda: charts.total_and_rank_trend(SEED_TREND, "Sở Tài nguyên và Môi trường"),
    lambda: charts.tasks_by_status([charts.UnitTasks("Văn phòng Sở", {"done": 2})], [("done", "Hoàn thành")]),
    lambda: charts.sipas_aspects([charts.AspectIndex("Tiếp cận dịch vụ", D("76.33"), 120)]),
    lambda: charts.on_time_trend([charts.MonthRate(2024, 1, 90, 100)]),
    lambda: charts.ranking([charts.RankedUnit(1, "Văn phòng Sở", D("91.5"))]),
    lambda: charts.lost_points([charts.LostPoints("1.4", "Thực hiện các giải pháp nâng cao hiệu quả", D("0.5"))]),
])
def test_every_chart_is_inert_labelled_svg(build):
    chart = build()
    root = parse(chart.svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img" and chart.title in root.get("aria-label")
    assert not [n for n in root.iter() if isinstance(n.tag, str) and n.tag.endswith("script")]
    assert "<!--" not in chart.svg and "pygal.org" not in chart.svg
    assert "href=" not in chart.svg and "url(" not in chart.svg, "nothing may point outside the page"
    assert chart.table.rows and len(chart.table.headers) == len(chart.table.rows[0]) == len(chart.table.numeric)
    assert not chart.empty


def test_area_scores_against_max_for_two_years():
    chart = charts.area_scores(SEED_AREAS, 2023, 2022)
    assert "năm 2023 và năm 2022" in chart.title
    assert chart.table.headers == ["Lĩnh vực", "Tối đa 2023", "Đạt 2023", "Điểm bị mất", "Tối đa 2022", "Đạt 2022",
                                   "Tăng/giảm"]
    assert chart.table.rows[0] == ["Công tác chỉ đạo điều hành CCHC", "12,5", "9,5", "3", "13,5", "10", "-0,5"]
    assert chart.table.rows[2] == ["Cải cách thủ tục hành chính", "11,5", "9,729", "1,771", "5", "5", "+4,729"]
    drawn = values(chart.svg)
    # three series × five areas: max 2023, score 2022, score 2023
    assert len(drawn) == 15
    assert {"12,5", "9,376", "7,421", "30,62"} <= set(drawn)


def test_area_scores_without_previous_year():
    chart = charts.area_scores(SEED_AREAS[:1], 2024)
    assert chart.table.headers == ["Lĩnh vực", "Tối đa 2024", "Đạt 2024", "Điểm bị mất"]
    assert sorted(values(chart.svg)) == ["12,5", "9,5"]


def test_total_and_rank_trend_reads_rank_as_n_of_m():
    chart = charts.total_and_rank_trend(list(reversed(SEED_TREND)))
    assert [row[0] for row in chart.table.rows] == ["2019", "2020", "2021", "2022", "2023"], "years in order"
    assert chart.table.rows[-1] == ["2023", "87,225", "10/21"]
    drawn = values(chart.svg)
    assert "81,659" in drawn and "hạng 9" in drawn and "hạng 12" in drawn


def test_rank_axis_runs_from_last_place_to_first():
    root = parse(charts.total_and_rank_trend(SEED_TREND).svg)
    axis = next(g for g in root.iter("{http://www.w3.org/2000/svg}g") if "y2" in (g.get("class") or "").split())
    labels = [t.text for t in axis.iter("{http://www.w3.org/2000/svg}text")]
    assert labels[0] == "hạng 21" and labels[-1] == "hạng 1"
    assert all(label.startswith("hạng ") for label in labels), "no rank 0, no bare number on the rank axis"


def test_trend_without_ranks_draws_totals_only():
    chart = charts.total_and_rank_trend([charts.YearResult(2024, D("88.1"))])
    assert values(chart.svg) == ["88,1"]
    assert chart.table.rows == [["2024", "88,1", "–"]]


def test_tasks_by_status_stacks_each_unit():
    statuses = [("not_started", "Chưa thực hiện"), ("in_progress", "Đang thực hiện"), ("done", "Hoàn thành"),
                ("overdue", "Quá hạn")]
    units = [
        charts.UnitTasks("Văn phòng Sở", {"done": 5, "in_progress": 2, "overdue": 1}),
        charts.UnitTasks("Trung tâm Công nghệ thông tin tài nguyên và môi trường", {"not_started": 3}),
    ]
    chart = charts.tasks_by_status(units, statuses)
    assert chart.table.headers == ["Đơn vị", "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Quá hạn", "Tổng"]
    assert chart.table.rows[0] == ["Văn phòng Sở", "0", "2", "5", "1", "8"]
    assert chart.table.rows[1][-1] == "3"
    drawn = values(chart.svg)
    assert len(drawn) == 8, "four statuses × two units"
    assert sorted(v for v in drawn if v != "0") == ["1", "2", "3", "5"]
    groups = parse(chart.svg).iter("{http://www.w3.org/2000/svg}g")
    axis = next(g for g in groups if g.get("class", "").startswith("axis x"))
    assert [t.text for t in axis.iter("{http://www.w3.org/2000/svg}text")] == [str(n) for n in range(9)]


@pytest.mark.parametrize(("maximum", "ticks"), [
    (0, [0, 1]), (3, [0, 1, 2, 3]), (8, list(range(9))), (9, [0, 2, 4, 6, 8, 10]), (43, list(range(0, 51, 10))),
    (49, list(range(0, 51, 10))), (120, list(range(0, 121, 20))), (1000, list(range(0, 1001, 200))),
])
def test_count_axis_has_whole_number_ticks(maximum, ticks):
    assert charts.count_ticks(maximum) == ticks


def test_sipas_aspects_with_overall_and_target():
    aspects = [
        charts.AspectIndex("Tiếp cận dịch vụ", D("76.33"), 300),
        charts.AspectIndex("Thủ tục hành chính", D("74.63"), 298),
        charts.AspectIndex("Công chức giải quyết công việc", D("93.40"), 300),
        charts.AspectIndex("Kết quả cung ứng dịch vụ", D("69.60"), 295),
        charts.AspectIndex("Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", None, 0),
    ]
    chart = charts.sipas_aspects(aspects, overall=D("78.49"), target=D("90"))
    assert chart.table.rows[0] == ["Tiếp cận dịch vụ", "76,3 %", "300"]
    assert chart.table.rows[4] == ["Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "–", "0"]
    assert chart.table.rows[-1] == ["Chỉ số hài lòng chung", "78,5 %", "1.193"]
    drawn = values(chart.svg)
    assert "93,4 %" in drawn and drawn.count("90,0 %") == 5
    axis = next(g for g in parse(chart.svg).iter("{http://www.w3.org/2000/svg}g")
                if g.get("class", "").startswith("axis x"))
    assert [t.text for t in axis.iter("{http://www.w3.org/2000/svg}text")] == ["0 %", "20 %", "40 %", "60 %", "80 %",
                                                                                "100 %"]


def test_on_time_trend_by_month():
    months = [charts.MonthRate(2024, 2, 180, 200), charts.MonthRate(2024, 1, 2618, 2817),
              charts.MonthRate(2024, 3, 0, 0)]
    chart = charts.on_time_trend(months)
    assert [r[0] for r in chart.table.rows] == ["01/2024", "02/2024", "03/2024"]
    assert chart.table.rows[0] == ["01/2024", "2.817", "2.618", "92,9 %"]
    assert chart.table.rows[2][-1] == "–", "a month without settled dossiers has no rate"
    assert values(chart.svg) == ["92,9 %", "90,0 %"]


def test_ranking_puts_the_best_first_in_the_table():
    rows = [charts.RankedUnit(1, "Văn phòng Sở", D("95.5"), D("100")),
            charts.RankedUnit(2, "Phòng Quản lý đất đai", D("87.225"), D("100"), highlight=True)]
    chart = charts.ranking(rows)
    assert [r[0] for r in chart.table.rows] == ["Văn phòng Sở", "Phòng Quản lý đất đai"]
    assert chart.table.rows[1] == ["Phòng Quản lý đất đai", "2", "87,225", "100"]
    assert set(values(chart.svg)) == {"95,5", "87,225"}


def test_ranking_says_which_results_are_not_yet_published():
    rows = [charts.RankedUnit(1, "Trung tâm Công nghệ thông tin tài nguyên và môi trường", D("100.2"), D("100")),
            charts.RankedUnit(3, "Phòng Quản lý môi trường", D("88"), D("100"), status="Đang thẩm định")]
    chart = charts.ranking(rows)
    assert chart.table.headers[-1] == "Tình trạng" and chart.table.numeric[-1] is False
    assert [r[-1] for r in chart.table.rows] == ["Đã công bố", "Đang thẩm định"]
    assert chart.table.body[1][-1] == ("Đang thẩm định", False) and chart.table.body[1][2] == ("88", True)
    labels = [t.text for t in parse(chart.svg).iter("{http://www.w3.org/2000/svg}text")]
    assert "Phòng Quản lý môi trường (Đang thẩm định)" in labels


def test_lost_points_sorted_by_size():
    chart = charts.lost_points([
        charts.LostPoints("1.4", "Thực hiện các giải pháp nâng cao hiệu quả các chỉ số", D("0.5"), D("1")),
        charts.LostPoints("2.4", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", D("1.624"), D("11")),
    ])
    assert chart.table.rows[0][0].startswith("2.4") and chart.table.rows[0][1] == "1,624"


@pytest.mark.parametrize("build", [
    lambda: charts.area_scores([], 2024),
    lambda: charts.total_and_rank_trend([]),
    lambda: charts.tasks_by_status([], [("done", "Hoàn thành")]),
    lambda: charts.sipas_aspects([]),
    lambda: charts.on_time_trend([]),
    lambda: charts.ranking([]),
    lambda: charts.lost_points([]),
])
def test_no_data_draws_an_empty_labelled_chart(build):
    chart = build()
    assert chart.empty
    assert "chưa có dữ liệu" in parse(chart.svg).get("aria-label")


def test_user_text_is_escaped_in_the_svg():
    chart = charts.ranking([charts.RankedUnit(1, 'Phòng <script>alert("x")</script>', D("1"))])
    root = parse(chart.svg)
    assert not [n for n in root.iter() if isinstance(n.tag, str) and n.tag.endswith("script")]
    assert "&lt;script&gt;" in chart.svg


def test_lazy_translated_labels_are_accepted():
    from django.utils.translation import gettext_lazy

    chart = charts.tasks_by_status([charts.UnitTasks(gettext_lazy("Văn phòng Sở"), {"done": 1})],
                                   [("done", gettext_lazy("Đã hoàn thành"))])
    assert chart.table.headers[1] == "Đã hoàn thành" and values(chart.svg) == ["1"]


def test_a_rank_that_is_not_plain_digits_is_left_out():
    from dashboards.sources import parse_rank

    assert parse_rank("10/21") == (10, 21)
    assert parse_rank("²/21") == (None, 21)
