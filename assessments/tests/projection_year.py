"""A constructed year in the database whose projection is known by hand (shared by the assessment page, dashboard
and periodic report tests).

The Land division (qldd) is assessed under a small internal framework of 2024 with a 100-day data window
(01/01–09/04/2024); on 19/02/2024 (TODAY) half of it has gone by. The assessment is being appraised:

- 1.1 (manual, 2): appraised 1,5 → 1,5 secured, 0,5 lost;
- 1.2 (yes/no, 1, deadline 31/01/2024): no evidence signed by then, no task done → 1 lost;
- 1.3 (manual, 3): two linked tasks of the Land division, one late, one done on time; half of the division's tasks
  fallen due were on time → 1,5 at risk, 1,5 at today's pace;
- 2.1 (tiers on a measured rate, 3: from 50 % 1,5, from 80 % 3): 46 % so far, 70 % over the last 30 days → 1,5 lost
  (even 100 % for the rest gives 73 %), 1,5 at risk (46 % earns nothing yet), 1,5 at today's pace (58 %).

Totals: maximum 9; secured 1,5; at risk 3; lost 3; on plan 6; at today's pace 4,5. The Environment division (qlmt),
published under the same framework with 7 points, ranks first: the Land division comes second of two either way.
"""

import datetime as dt
from datetime import date
from decimal import Decimal

from assessments import actions
from assessments.models import Score
from frameworks import actions as framework_actions
from frameworks import metrics
from frameworks.models import Criterion, Framework

TODAY = dt.datetime(2024, 2, 19, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
START, END = date(2024, 1, 1), date(2024, 4, 9)
METRIC = "test.on_time_rate"


def measured_rate(unit, start, end):
    """46 % over the window so far, 70 % over its last 30 days, for the Land division only."""
    if unit.code != "qldd":
        return None
    return metrics.MetricValue(Decimal(46) if start == START else Decimal(70), "46/100 hồ sơ đúng hạn")


def register_metric(monkeypatch):
    monkeypatch.setitem(metrics._REGISTRY, METRIC, metrics.Metric(METRIC, "Tỷ lệ hồ sơ đúng hạn (thử)", measured_rate))


def _framework(cast) -> Framework:
    framework = Framework.objects.create(year=2024, title="Bộ tiêu chí thử năm 2024", owner=cast.department,
                                         level=Framework.Level.INTERNAL)
    add = framework_actions.add_criterion
    first = add(framework, by=cast.mai, kind=Criterion.Kind.AREA, code="1", order=1, max_points=Decimal(6),
                title="Công tác chỉ đạo, điều hành CCHC")
    add(framework, by=cast.mai, kind="criterion", code="1.1", order=2, max_points=Decimal(2), parent=first,
        title="Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", rule={"kind": "manual"})
    add(framework, by=cast.mai, kind="criterion", code="1.2", order=3, max_points=Decimal(1), parent=first,
        title="Ban hành kế hoạch CCHC của đơn vị đúng hạn", rule={"kind": "yes_no"}, deadline=date(2024, 1, 31))
    add(framework, by=cast.mai, kind="criterion", code="1.3", order=4, max_points=Decimal(3), parent=first,
        title="Triển khai các văn bản chỉ đạo về CCHC", rule={"kind": "manual"})
    second = add(framework, by=cast.mai, kind=Criterion.Kind.AREA, code="2", order=5, max_points=Decimal(3),
                 title="Cải cách thủ tục hành chính")
    add(framework, by=cast.mai, kind="criterion", code="2.1", order=6, max_points=Decimal(3), parent=second,
        title="Thời gian giải quyết hồ sơ đúng và sớm hạn",
        rule={"kind": "tiers", "metric": METRIC, "tiers": [{"min": 50, "points": 1.5}, {"min": 80, "points": 3}]})
    return framework


def _tasks(cast, framework):
    from plans.models import Plan, Task

    plan = Plan.objects.create(issuing_unit=cast.department, number="05", symbol="KH-STNMT", year=2024,
                               title="Kế hoạch CCHC năm 2024", status=Plan.Status.ISSUED, issue_date=date(2024, 1, 5))
    criterion = Criterion.objects.get(framework=framework, code="1.3")
    rows = [("1", "Triển khai Chỉ thị 10/CT-UBND về nâng cao hiệu quả CCHC", date(2024, 2, 1), "in_progress", None),
            ("2", "Triển khai Kế hoạch CCHC của UBND tỉnh năm 2024", date(2024, 2, 9), "done", date(2024, 2, 7))]
    tasks = []
    for order, (code, content, due, status, done) in enumerate(rows, start=1):
        task = Task.objects.create(plan=plan, code=code, order=order, content=content, due_date=due, status=status,
                                   completed_on=done, deadline_text=f"Trước ngày {due:%d/%m/%Y}")
        task.lead_units.set([cast.unit("qldd")])
        task.criteria.set([criterion])
        tasks.append(task)
    return tasks


def build(cast):
    """The Land division's assessment being appraised, and the Environment division's published one."""
    framework = _framework(cast)
    land = actions.start_assessment(by=cast.mai, framework=framework, unit=cast.unit("qldd"), window_start=START,
                                    window_end=END)
    scores = {s.criterion.code: s for s in Score.objects.filter(assessment=land).select_related("criterion")}
    for code, points in {"1.1": "2", "1.2": "1", "1.3": "3", "2.1": "0"}.items():
        actions.self_score(scores[code], by=cast.lan, points=Decimal(points), explanation="Hồ sơ lưu tại phòng.")
    actions.submit(land, by=cast.mai)
    scores["1.1"].refresh_from_db()
    actions.appraise(scores["1.1"], by=cast.thu, points=Decimal("1.5"), comment="Mô hình mới chưa được nhân rộng.")
    _tasks(cast, framework)

    environment = actions.start_assessment(by=cast.mai, framework=framework, unit=cast.unit("qlmt"),
                                           window_start=START, window_end=END)
    for score in Score.objects.filter(assessment=environment).select_related("criterion"):
        points = {"1.1": "2", "1.2": "1", "1.3": "3", "2.1": "1"}[score.criterion.code]
        actions.self_score(score, by=cast.mai, points=Decimal(points), explanation="Hồ sơ lưu.")
    actions.submit(environment, by=cast.mai)
    actions.finalise(environment, by=cast.thu, accepted=[s.pk for s in actions.unappraised_scores(environment)])
    actions.publish(environment, by=cast.admin)
    land.refresh_from_db()
    return land
