"""The projection of the running year (assessments/projection.py), on a constructed year whose secured, at-risk and
lost points are known by hand. Pure: no database.

The year's data window is 100 days (01/01–09/04/2024); on 19/02/2024 half of it has gone by.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from assessments import projection as p
from frameworks.rules import parse_rule

D = Decimal
START, END, HALFWAY = date(2024, 1, 1), date(2024, 4, 9), date(2024, 2, 19)
MANUAL, YES_NO = parse_rule({"kind": "manual"}, 10), parse_rule({"kind": "yes_no"}, 1)
HALF_STEPS = parse_rule({"kind": "manual", "levels": [0, 0.5, 1]}, 1)
TIERS = parse_rule({"kind": "tiers", "metric": "plans.on_time_rate",
                    "tiers": [{"min": 50, "points": 1.5}, {"min": 80, "points": 3}]}, 3)
SHARE = parse_rule({"kind": "share", "metric": "surveys.sipas_index"}, 2)
LAND, IT, OFFICE = 5, 7, 9  # unit ids

TASKS = {
    1: p.TaskInput(1, date(2024, 2, 1), p.IN_PROGRESS, lead_unit_ids=(LAND,)),  # late
    2: p.TaskInput(2, date(2024, 2, 10), p.DONE, date(2024, 2, 8), (LAND,)),  # done on time
    3: p.TaskInput(3, date(2024, 3, 15), p.NOT_STARTED, lead_unit_ids=(IT,)),  # not started, not yet due
    4: p.TaskInput(4, date(2024, 3, 30), p.IN_PROGRESS, lead_unit_ids=(IT,)),  # under way, not yet due
    5: p.TaskInput(5, date(2024, 1, 20), p.DONE, date(2024, 1, 25), (OFFICE,)),  # done late
    6: p.TaskInput(6, date(2024, 1, 20), p.CANCELLED, lead_unit_ids=(OFFICE,)),  # does not count
    7: p.TaskInput(7, date(2024, 1, 30), p.DONE, date(2024, 1, 29), (OFFICE,)),  # done before 1.2's deadline
    8: p.TaskInput(8, date(2024, 1, 20), p.DONE, date(2024, 2, 5), (OFFICE,)),  # done after 1.2's deadline
}


def item(code, area, maximum, rule=MANUAL, **known):
    return p.Item(id=int(code.replace(".", "")), code=code, title=f"Tiêu chí {code}", area_id=area,
                  max_points=D(maximum), rule=rule, **known)


AREAS = (p.Area(1, "1", "Công tác chỉ đạo điều hành CCHC", D(10)), p.Area(2, "2", "Cải cách thủ tục hành chính", D(6)),
         p.Area(3, "3", "Điểm thưởng", D(2), p.BONUS), p.Area(4, "4", "Điểm trừ", D(2), p.PENALTY))
ITEMS = (
    item("1.1", 1, "2", appraised=D("1.5"), responsible_unit_id=OFFICE),
    item("1.2", 1, "1", YES_NO, deadline=date(2024, 1, 31), responsible_unit_id=OFFICE),
    item("1.3", 1, "1", HALF_STEPS, deadline=date(2024, 1, 31), self_score=D(1)),
    item("1.4", 1, "2", task_ids=(1, 2, 3, 4), responsible_unit_id=LAND),
    item("1.5", 1, "4"),
    item("2.1", 2, "3", TIERS, measure=p.Measure(D(46), recent=D(70)), responsible_unit_id=IT),
    item("2.2", 2, "2", SHARE, measure=p.Measure(D(90))),
    item("2.3", 2, "1", HALF_STEPS, self_score=D("0.5")),
    item("3", 3, "2", self_score=D(1)),
    item("4", 4, "2", self_score=D("0.5")),
)
YEAR = p.YearInput(today=HALFWAY, window_start=START, window_end=END, areas=AREAS, items=ITEMS, tasks=TASKS,
                   on_time_rate=D(75), peers=(D(13), D(12), D("11.55"), D(10)))


def figures_of(projection, code):
    found = next(i for i in projection.items if i.item.code == code)
    f = found.figures
    return (f.secured, f.at_risk, f.lost, f.on_plan, f.at_pace), [r.text() for r in found.reasons]


@pytest.mark.parametrize("code, expected, why", [
    # Appraised: secured as scored, the rest lost.
    ("1.1", ("1.5", "0", "0.5", "1.5", "1.5"), ["Đã có điểm thẩm định"]),
    # Yes/no with its deadline passed unmet: all of it lost.
    ("1.2", ("0", "0", "1", "0", "0"),
     ["Đã quá thời hạn 31/01/2024 mà chưa có tài liệu ký trước hạn hay nhiệm vụ hoàn thành đúng hạn"]),
    # Graded 0 / 0,5 / 1 with its deadline missed: a late delivery still earns 0,5; the self-score claims more.
    ("1.3", ("0", "0", "0.5", "0.5", "0.5"),
     ["Đã quá thời hạn 31/01/2024 mà chưa có tài liệu ký trước hạn hay nhiệm vụ hoàn thành đúng hạn"]),
    # Four tasks: one late, one done on time, one not started, one under way. At risk: 2 of 4 → 1 of 2 points.
    # At today's pace (75 % on time so far): (0 + 1 + 0,75 + 0,75) / 4 × 2 = 1,25.
    ("1.4", ("0", "1", "0", "2", "1.25"),
     ["1 nhiệm vụ liên quan quá hạn", "1 nhiệm vụ liên quan chưa thực hiện"]),
    ("1.5", ("0", "0", "0", "4", "4"),
     ["Chưa có điểm, số liệu hay nhiệm vụ liên quan: tạm tính đạt điểm tối đa"]),
    # 46 % so far, half the window gone: at best 46 × ½ + 100 × ½ = 73 % < 80 %: 1,5 of 3 lost for good; 46 % earns
    # nothing yet (1,5 at risk); the recent 70 % carries it to 58 % → 1,5.
    ("2.1", ("0", "1.5", "1.5", "1.5", "1.5"),
     ["Giá trị đo được đến nay (46 %) không thể đạt điểm tối đa dù phần còn lại của kỳ đều đạt",
      "Giá trị đo được đến nay (46 %) mới đạt 0 điểm"]),
    # 90 % of 2 points: 1,8 now; at best 95 % → 1,9; 0,1 lost, 0,1 at risk.
    ("2.2", ("0", "0.1", "0.1", "1.9", "1.8"),
     ["Giá trị đo được đến nay (90 %) không thể đạt điểm tối đa dù phần còn lại của kỳ đều đạt",
      "Giá trị đo được đến nay (90 %) mới đạt 1,8 điểm"]),
    ("2.3", ("0", "0.5", "0", "1", "0.5"), ["Đơn vị tự chấm 0,5 điểm"]),
    ("3", ("0", "0", "0", "1", "1"), ["Điểm thưởng đơn vị đề nghị: 1"]),
    ("4", ("0", "0", "0.5", "-0.5", "-0.5"), ["Điểm trừ đã phát sinh: 0,5"]),
])
def test_each_item_of_the_constructed_year(code, expected, why):
    figures, reasons = figures_of(p.project(YEAR), code)
    assert figures == tuple(D(v) for v in expected)
    assert reasons == why


def test_totals_and_rank_of_the_constructed_year():
    projection = p.project(YEAR)
    areas = {a.area.code: a.figures for a in projection.areas}
    assert (areas["1"].max_points, areas["1"].secured, areas["1"].at_risk, areas["1"].lost) == (10, D("1.5"), 1, 2)
    assert (areas["1"].on_plan, areas["1"].at_pace) == (8, D("7.25"))
    assert (areas["2"].max_points, areas["2"].at_risk, areas["2"].lost, areas["2"].on_plan) == (6, D("2.1"),
                                                                                                D("1.6"), D("4.4"))
    total = projection.total
    assert (total.max_points, total.secured, total.at_risk, total.lost) == (16, D("1.5"), D("3.1"), D("4.1"))
    # 8 + 4,4 + 1 (bonus claimed) − 0,5 (penalty) and 7,25 + 3,8 + 1 − 0,5.
    assert (total.on_plan, total.at_pace) == (D("12.9"), D("11.55"))
    assert projection.elapsed == D("0.5")
    # Peers 13, 12, 11,55, 10: second on plan, third at today's pace (tied with 11,55).
    assert (projection.rank_on_plan, projection.rank_at_pace, projection.ranked) == (2, 3, 5)


def test_without_peers_there_is_no_rank():
    projection = p.project(replace(YEAR, peers=()))
    assert (projection.rank_on_plan, projection.rank_at_pace, projection.ranked) == (None, None, 0)


@pytest.mark.parametrize("known, expected", [
    # Evidence signed by the deadline: nothing lost, nothing else known → reachable in full.
    ({"evidence_in_time": True}, ("0", "0", "0", "1", "1")),
    # A linked task done the day before the deadline meets it.
    ({"task_ids": (7,)}, ("0", "0", "0", "1", "1")),
    # A task done late against its own date, yet before the criterion's deadline, meets the deadline; being late it
    # puts the points at risk and leaves nothing at today's pace.
    ({"task_ids": (5,)}, ("0", "1", "0", "1", "0")),
    # A task done after the deadline does not meet it: all lost.
    ({"task_ids": (8,)}, ("0", "0", "1", "0", "0")),
    # A cancelled task is not counted at all.
    ({"task_ids": (6,)}, ("0", "0", "1", "0", "0")),
])
def test_a_deadline_is_met_by_evidence_signed_in_time_or_a_task_done_by_it(known, expected):
    year = replace(YEAR, items=(item("1.2", 1, "1", YES_NO, deadline=date(2024, 1, 31), **known),))
    assert figures_of(p.project(year), "1.2")[0] == tuple(D(v) for v in expected)


def test_once_the_window_closed_measured_values_are_secured():
    year = replace(YEAR, today=date(2024, 4, 10))
    assert figures_of(p.project(year), "2.1") == ((0, 0, 3, 0, 0), ["Số liệu đã chốt (hết kỳ số liệu): 46 %"])
    assert figures_of(p.project(year), "2.2")[0] == (D("1.8"), 0, D("0.2"), D("1.8"), D("1.8"))


def test_on_the_last_day_of_the_window_the_value_is_not_final_yet():
    year = replace(YEAR, today=END)
    assert p.elapsed_share(START, END, END) == 1
    # Nothing of the window is left: the value so far is the best it can end at.
    assert figures_of(p.project(year), "2.2")[0] == (0, 0, D("0.2"), D("1.8"), D("1.8"))


@pytest.mark.parametrize("today, share", [
    (date(2023, 12, 31), "0"), (START, "0.01"), (HALFWAY, "0.5"), (END, "1"), (date(2024, 12, 31), "1")])
def test_elapsed_share_of_the_window(today, share):
    assert p.elapsed_share(START, END, today) == D(share)


def test_points_that_depend_on_each_unit():
    projection = p.project(YEAR)
    shares = {s.unit_id: s for s in p.shares(projection)}
    # The Land division leads two of 1.4's tasks and answers for it.
    assert [i.item.code for i in shares[LAND].items] == ["1.4"]
    assert (shares[LAND].figures.max_points, shares[LAND].figures.at_risk) == (2, 1)
    # The IT Centre leads two of 1.4's tasks and answers for 2.1.
    assert [i.item.code for i in shares[IT].items] == ["1.4", "2.1"]
    assert (shares[IT].figures.max_points, shares[IT].figures.at_risk, shares[IT].figures.lost) == (5, D("2.5"),
                                                                                                   D("1.5"))
    assert [i.item.code for i in shares[OFFICE].items] == ["1.1", "1.2"]
    assert shares[OFFICE].figures.secured == D("1.5") and shares[OFFICE].figures.lost == D("1.5")
    both = p.share_of(projection, {LAND, IT})
    assert [i.item.code for i in both.items] == ["1.4", "2.1"] and both.figures.max_points == 5
    assert p.share_of(projection, {999}) is None


def test_no_task_history_means_tasks_not_yet_due_count_as_on_time():
    year = replace(YEAR, on_time_rate=None)
    # (0 + 1 + 1 + 1) / 4 × 2 = 1,5
    assert figures_of(p.project(year), "1.4")[0][4] == D("1.5")


def test_a_measured_item_without_data_falls_back_to_its_self_score():
    year = replace(YEAR, items=(item("2.1", 2, "3", TIERS, measure=p.Measure(None), self_score=D("1.5")),))
    assert figures_of(p.project(year), "2.1") == ((0, D("1.5"), 0, 3, D("1.5")), ["Đơn vị tự chấm 1,5 điểm"])


def test_appraised_bonus_is_secured_and_penalties_count_as_lost():
    year = replace(YEAR, items=(item("3", 3, "2", self_score=D(2), appraised=D(1)),
                                item("4", 4, "2", self_score=D(1), appraised=D("0.5"))))
    projection = p.project(year)
    assert figures_of(projection, "3")[0] == (1, 0, 0, 1, 1)
    assert projection.total.lost == D("0.5") and projection.total.on_plan == D("0.5")


def test_best_late_level():
    assert p.best_late(HALF_STEPS, D(1)) == D("0.5")
    assert p.best_late(YES_NO, D(1)) == 0
    assert p.best_late(MANUAL, D(10)) == 0
    assert p.rank_of(D(10), [D(12), D(10), D(9)]) == 2
