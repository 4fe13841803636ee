"""Demo assessments: the published history 2019–2023 of the province's 21 departments (the seed department's as its
table 1.2 prints it, the others' totals made up so that the ranks computed from them are the seed's published ranks),
the seed department's 2023 criterion-level results (section I.2), the internal 2024 assessment of its 11 units, and
the live cycle of the current year: the department's self-assessment under way and its units' assessments, one of
them returned for explanation. Idempotent.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from assessments import actions
from assessments.models import Assessment, HistoricalResult, Score
from core.demo_time import SEED_YEAR, clock, live_year
from frameworks import seed
from frameworks.demo import build_2023, build_internal
from org.demo import build_province_departments

PEERS_SOURCE = "Tổng điểm minh họa (dữ liệu mẫu): kế hoạch chỉ công bố kết quả và thứ hạng của Sở TNMT"

# Internal 2024 results: unit code → leaf points in framework order (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 4.1),
# bonus, penalty. Varied, with one tie (Thanh tra Sở and Phòng KH-TC both 88).
INTERNAL_RESULTS = {
    "vp": (["5", "5", "10", "20", "10", "10", "9.5", "10", "18.5"], "1", "0"),
    "tt": (["5", "5", "10", "18", "10", "5", "8", "10", "17"], "0", "0"),
    "khtc": (["5", "5", "6", "20", "10", "10", "8", "8", "16"], "0", "0"),
    "bdtnn": (["5", "2.5", "6", "16", "10", "5", "7", "8", "17.5"], "0", "1"),
    "qldd": (["0", "2.5", "6", "14.4", "10", "10", "6.2", "8", "15.9"], "0", "2"),
    "qlmt": (["5", "5", "10", "17.2", "10", "5", "7.5", "9", "16.3"], "0", "0"),
    "vpdkdd": (["5", "2.5", "3", "12.8", "0", "10", "5.5", "7", "14.6"], "1", "3"),
    "ttcntt": (["5", "5", "10", "19.6", "10", "10", "9.8", "10", "18.8"], "2", "0"),
    "ttkt": (["5", "5", "6", "18.4", "10", "5", "7", "9", "17"], "0", "0"),
    "ttptqd": (["5", "2.5", "6", "15.2", "10", "5", "6", "8", "16.2"], "0", "1"),
    "ttqt": (["5", "5", "6", "17.6", "10", "5", "8.5", "9", "17.4"], "1", "0"),
}
COMMENTS = {
    "1.1": "Kế hoạch CCHC của đơn vị ban hành sau thời hạn 30 ngày.",
    "1.2": "Báo cáo quý III gửi chậm.",
    "1.3": "Một số nhiệm vụ hoàn thành chậm so với kế hoạch.",
    "2.1": "Còn hồ sơ trễ hạn theo số liệu phần mềm một cửa.",
    "2.2": "Chưa công khai đầy đủ TTHC trên Trang thông tin điện tử.",
}


def peer_totals(year: int, total: Decimal, rank: int, count: int) -> list[Decimal]:
    """Made-up totals of the other `count - 1` departments of a year such that the seed department's published
    `total` ranks exactly `rank` of `count`: rank - 1 of them above it, the rest below. Deterministic."""
    rng = random.Random(year)
    above = [total + Decimal(rng.randint(150, 5500)) / 1000 for _ in range(rank - 1)]
    below = [total - Decimal(rng.randint(150, 9000)) / 1000 for _ in range(count - rank)]
    return [min(t, Decimal("98.9")) for t in above] + below


def _history(by, units):
    """The 21 departments' published results per year: the seed department's table 1.2 whole, the others' totals."""
    departments = build_province_departments(units)
    seed_unit, others = departments[0], departments[1:]
    done = set(HistoricalResult.objects.filter(unit__in=departments).values_list("unit_id", "year"))
    for year, (cells, bonus, penalty, total, rank) in seed.HISTORY.items():
        if (seed_unit.pk, year) not in done:
            areas = []
            for title, cell in zip(seed.AREAS, cells, strict=True):
                if cell is None:
                    areas.append({"title": title, "note": seed.ONE_STOP_MERGED})
                else:
                    areas.append({"title": title, "score": Decimal(cell[0]), "max_points": Decimal(cell[1])})
            actions.save_history(by=by, unit=seed_unit, year=year, areas=areas, bonus=Decimal(bonus),
                                 penalty=Decimal(penalty), total=Decimal(total), source=seed.HISTORY_SOURCE,
                                 framework_title=f"Bộ chỉ số CCHC các sở, ban, ngành năm {year}")
        shuffled = list(others)
        random.Random(year * 31).shuffle(shuffled)
        for unit, peer_total in zip(shuffled, peer_totals(year, Decimal(total), rank, seed.OUT_OF), strict=True):
            if (unit.pk, year) not in done:
                actions.save_history(by=by, unit=unit, year=year, areas=[], bonus=Decimal(0), penalty=Decimal(0),
                                     total=peer_total, source=PEERS_SOURCE,
                                     framework_title=f"Bộ chỉ số CCHC các sở, ban, ngành năm {year}")


def _results_2023(people, units, framework):
    unit = units["department"]
    if Assessment.objects.filter(framework=framework, unit=unit).exists():
        return
    mai, thu, admin = people["mai"], people["thu"], people["admin"]
    assessment = actions.start_assessment(by=mai, framework=framework, unit=unit, window_start=date(2023, 1, 1),
                                          window_end=date(2023, 11, 30), self_deadline=date(2023, 11, 30),
                                          appraisal_deadline=date(2023, 12, 10))
    scores = {s.criterion.code: s for s in assessment.scores.select_related("criterion")}
    listed = {code: (points, comment) for *_a, items in seed.CRITERIA_2023
              for code, _t, _m, points, comment, *_r in items if points is not None}
    listed[seed.BONUS_2023[0]] = (seed.BONUS_2023[3], "")
    listed[seed.PENALTY_2023[0]] = (seed.PENALTY_2023[3], "Trừ điểm theo kết quả kiểm tra của tỉnh.")
    for code, score in scores.items():
        points, comment = listed[code]
        self_points = score.criterion.max_points if comment and code != seed.PENALTY_2023[0] else Decimal(points)
        actions.self_score(score, by=mai, points=self_points,
                           explanation="Tài liệu kiểm chứng lưu tại Văn phòng Sở (hồ sơ tự đánh giá năm 2023).")
    actions.submit(assessment, by=mai)
    for code, score in scores.items():
        points, comment = listed[code]
        score.refresh_from_db()
        actions.appraise(score, by=thu, points=Decimal(points), comment=comment)
    actions.finalise(assessment, by=thu)
    actions.publish(assessment, by=admin)


# The live self-assessment: what the office has scored so far (code → points, explanation); the DTI item is scored
# from its measured value. The civil-service area is left for later, as offices fill the areas one by one.
LIVE_SCORES = {
    "1.1": ("1", "Đã triển khai mô hình “Bộ phận một cửa không giấy tờ” tại Văn phòng Đăng ký đất đai."),
    "2.1": ("6.5", ""),
    "3.1": ("0.5", "Quy trình nội bộ của các TTHC công bố trong năm đều trình trong 05 ngày làm việc."),
    "4.1": ("6.5", "Quyết định quy định chức năng, nhiệm vụ của các phòng, đơn vị đã ban hành."),
}
LIVE_DTI = "95.2"


def _deadlines(context, year: int) -> tuple[date, date]:
    """The self-assessment deadline (25/11, or ten working days from today when that is later) and the council's."""
    time = clock(context)
    self_deadline = max(time.calendar.last_working_day_on_or_before(date(year, 11, 25)), time.working_day(10))
    return self_deadline, time.calendar.add_working_days(self_deadline, 8)


def _live_assessment(context, people, units, framework):
    """The department's self-assessment of the current year, some items scored."""
    unit = units["department"]
    if framework is None or Assessment.objects.filter(framework=framework, unit=unit).exists():
        return
    year = framework.year
    previous = (Assessment.objects.filter(unit=unit, framework__level=framework.level, framework__year__lt=year)
                .order_by("-framework__year").first())
    self_deadline, appraisal_deadline = _deadlines(context, year)
    assessment = actions.start_assessment(
        by=people["mai"], framework=framework, unit=unit, window_start=date(year, 1, 1), window_end=date(year, 11, 30),
        self_deadline=self_deadline, appraisal_deadline=appraisal_deadline,
        appeal_deadline=date.fromordinal(appraisal_deadline.toordinal() + 3), start_from=previous,
    )
    for score in assessment.scores.select_related("criterion").filter(criterion__code__in=[*LIVE_SCORES, "7.1"]):
        if score.criterion.code == "7.1":
            actions.self_score(score, by=people["mai"], measured=LIVE_DTI,
                               explanation=f"Điểm DTI năm {year - 1} do Sở TT&TT công bố: 95,2.")
            continue
        points, explanation = LIVE_SCORES[score.criterion.code]
        actions.self_score(score, by=people["mai"], points=points, explanation=explanation or None)


def _internal(people, units, framework):
    mai, thu, admin = people["mai"], people["thu"], people["admin"]
    for code, (points, bonus, penalty) in INTERNAL_RESULTS.items():
        unit = units[code]
        if Assessment.objects.filter(framework=framework, unit=unit).exists():
            continue
        assessment = actions.start_assessment(by=mai, framework=framework, unit=unit, window_start=date(2024, 1, 1),
                                              window_end=date(2024, 11, 30), self_deadline=date(2024, 11, 25),
                                              appraisal_deadline=date(2024, 12, 5))
        scores = list(Score.objects.filter(assessment=assessment).select_related("criterion")
                      .order_by("criterion__order"))
        values = [*points, bonus, penalty]
        for score, value in zip(scores, values, strict=True):
            # Where the council later lowers a score, the unit had claimed the full points.
            claimed = score.criterion.max_points if score.criterion.code in COMMENTS else Decimal(value)
            actions.self_score(score, by=mai, points=claimed, explanation="Đơn vị tự đánh giá theo hồ sơ lưu.")
        actions.submit(assessment, by=mai)
        if code == "qlmt":
            continue  # submitted, waiting for the council: ranking and results also work mid-cycle
        for score, value in zip(scores, values, strict=True):
            score.refresh_from_db()
            comment = "" if Decimal(value) == score.self_score else COMMENTS.get(score.criterion.code, "Hội đồng chấm lại.")
            actions.appraise(score, by=thu, points=Decimal(value), comment=comment)
        actions.finalise(assessment, by=thu)
        # The office self-scored and submitted for the units: publishing falls to someone who did not.
        actions.publish(assessment, by=admin)


# The units' live assessments: those who have started (code → how many items scored), the one submitted and
# returned by the council for an explanation, and the one submitted and waiting.
LIVE_STARTED = {"vp": 6, "qldd": 3, "ttcntt": 8, "vpdkdd": 2, "qlmt": 4, "khtc": 5}
LIVE_RETURNED = "tt"
LIVE_SUBMITTED = "ttkt"
RETURN_NOTE = "Đề nghị giải trình: số liệu hồ sơ đúng hạn khác số liệu trích xuất từ phần mềm một cửa điện tử."


def _live_internal(context, people, units, framework):
    """The current year's internal assessments of the department's units, at the stages a year's end finds them."""
    if framework is None or Assessment.objects.filter(framework=framework).exists():
        return
    mai, thu = people["mai"], people["thu"]
    year = framework.year
    self_deadline, appraisal_deadline = _deadlines(context, year)
    for code in ["vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]:
        assessment = actions.start_assessment(by=mai, framework=framework, unit=units[code],
                                              window_start=date(year, 1, 1), window_end=date(year, 11, 30),
                                              self_deadline=self_deadline, appraisal_deadline=appraisal_deadline)
        scores = list(assessment.scores.select_related("criterion").order_by("criterion__order"))
        points, bonus, penalty = INTERNAL_RESULTS[code]
        values = [*points, bonus, penalty]
        count = len(scores) if code in (LIVE_RETURNED, LIVE_SUBMITTED) else LIVE_STARTED.get(code, 0)
        for score, value in list(zip(scores, values, strict=True))[:count]:
            actions.self_score(score, by=mai, points=Decimal(value), explanation="Đơn vị tự đánh giá theo hồ sơ lưu.")
        if code not in (LIVE_RETURNED, LIVE_SUBMITTED):
            continue
        actions.submit(assessment, by=mai)
        if code == LIVE_RETURNED:
            asked = next(s for s in scores if s.criterion.code == "2.1")
            asked.refresh_from_db()
            actions.appraise(asked, by=thu, points=asked.self_score)
            actions.return_for_explanation(assessment, by=thu, notes={asked.pk: RETURN_NOTE})


@transaction.atomic
def load(context):
    units, people = context["units"], context["people"]
    frameworks = context.get("frameworks") or {}
    framework_2023 = frameworks.get(2023) or build_2023(people["admin"], units)
    internal = frameworks.get("internal") or build_internal(people["mai"], units)
    _history(people["admin"], units)
    _results_2023(people, units, framework_2023)
    _internal(people, units, internal)
    _live_assessment(context, people, units, frameworks.get("live") or frameworks.get(2024))
    if live_year(context) > SEED_YEAR:
        _live_internal(context, people, units, frameworks.get("live_internal"))
