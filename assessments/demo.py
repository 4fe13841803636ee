"""Demo assessments: the seed department's published history 2019–2023 (table 1.2), its 2023 criterion-level
results (section I.2), a 2024 assessment in progress, and the internal 2024 assessment of its 11 units. Idempotent."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from assessments import actions
from assessments.models import Assessment, HistoricalResult, Score
from frameworks import seed
from frameworks.demo import build_2023, build_internal

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


def _history(by, unit):
    for year, (cells, bonus, penalty, total, rank) in seed.HISTORY.items():
        if HistoricalResult.objects.filter(unit=unit, year=year).exists():
            continue
        areas = []
        for title, cell in zip(seed.AREAS, cells, strict=True):
            if cell is None:
                areas.append({"title": title, "note": seed.ONE_STOP_MERGED})
            else:
                areas.append({"title": title, "score": Decimal(cell[0]), "max_points": Decimal(cell[1])})
        actions.save_history(by=by, unit=unit, year=year, areas=areas, bonus=Decimal(bonus), penalty=Decimal(penalty),
                             total=Decimal(total), rank=rank, out_of=seed.OUT_OF, source=seed.HISTORY_SOURCE,
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


def _assessment_2024(people, units, framework):
    unit = units["department"]
    if framework is None or Assessment.objects.filter(framework=framework, unit=unit).exists():
        return
    previous = Assessment.objects.filter(unit=unit, framework__year=2023).first()
    assessment = actions.start_assessment(
        by=people["mai"], framework=framework, unit=unit, window_start=date(2024, 1, 1), window_end=date(2024, 11, 30),
        self_deadline=date(2024, 12, 2), appraisal_deadline=date(2024, 12, 10), appeal_deadline=date(2024, 12, 13),
        start_from=previous,
    )
    started = {"1.1": ("1", "Đã triển khai mô hình “Bộ phận một cửa không giấy tờ” tại Văn phòng Đăng ký đất đai."),
               "7.1": ("9.52", "Điểm DTI năm 2024 do Sở TT&TT công bố: 95,2."), "2.1": ("6.5", "")}
    for score in assessment.scores.select_related("criterion").filter(criterion__code__in=started):
        points, explanation = started[score.criterion.code]
        measured = "95.2" if score.criterion.code == "7.1" else None
        actions.self_score(score, by=people["mai"], points=None if measured else points, measured=measured,
                           explanation=explanation or None)


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


@transaction.atomic
def load(context):
    units, people = context["units"], context["people"]
    frameworks = context.get("frameworks") or {}
    framework_2023 = frameworks.get(2023) or build_2023(people["admin"], units)
    _history(people["admin"], units["department"])
    _results_2023(people, units, framework_2023)
    _assessment_2024(people, units, frameworks.get(2024))
    _internal(people, units, frameworks.get("internal") or build_internal(people["mai"], units))
