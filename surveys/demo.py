"""Demo surveys of the seed department: the shipped templates, SIPAS 2023 and 2024 with counters and a few hundred
deterministic answers (aspect indexes near the seed's 2023 results), the leaders' opinion survey (18 items), and the
current year's SIPAS survey, running, with the answers received up to the day the demo is loaded."""

import random
from datetime import date, timedelta
from decimal import Decimal

from core.demo_time import SEED_YEAR, demo_today
from surveys import actions
from surveys.models import Response, Survey

# Share of "Hài lòng"/"Rất hài lòng" wanted per aspect, after the seed's 2023 points (2,290/3; 2,239/3; 3,736/4; 3,480/5;
# 1,5/2).
SATISFACTION_2024 = {1: 0.78, 2: 0.76, 3: 0.93, 4: 0.72, 5: 0.77}
SATISFACTION_2023 = {1: 0.74, 2: 0.72, 3: 0.90, 4: 0.66, 5: 0.73}
SATISFACTION_LIVE = {1: 0.82, 2: 0.80, 3: 0.94, 4: 0.77, 5: 0.81}
SIPAS_TITLE = "Khảo sát sự hài lòng của người dân, tổ chức"
COUNTERS = [("Quầy Sở TN&MT tại Trung tâm Phục vụ hành chính công tỉnh",
             "Trung tâm Phục vụ hành chính công tỉnh Bà Rịa – Vũng Tàu"),
            ("Quầy Văn phòng Đăng ký đất đai", "Văn phòng Đăng ký đất đai tỉnh")]

SUGGESTIONS = [
    "Cần bố trí thêm ghế ngồi chờ và quạt mát tại khu vực một cửa.",
    "Đề nghị rút ngắn thời gian giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất.",
    "Nhân viên hướng dẫn tận tình, dễ hiểu. Xin cảm ơn.",
    "Nên nhắn tin báo khi hồ sơ có kết quả để người dân không phải đi lại nhiều lần.",
    "Trang dịch vụ công trực tuyến đôi lúc bị lỗi khi nộp hồ sơ.",
    "Bãi giữ xe chật, trời mưa không có mái che.",
]


def _level(rng: random.Random, satisfied: float) -> int:
    roll = rng.random()
    if roll < 0.03:
        return 0
    if roll < 0.03 + satisfied * 0.97:
        return 5 if rng.random() < 0.4 else 4
    return rng.choice([1, 2, 3, 3, 3])


def _survey(unit, by, source, title, period, start, end, status) -> Survey:
    found = Survey.objects.filter(unit=unit, title=title, period_label=period, is_template=False).first()
    return found or actions.create_survey(by=by, unit=unit, source=source, title=title, period_label=period,
                                          start_date=start, end_date=end, status=status, target_percent=Decimal("90"))


def _fill(survey, counters, count, satisfaction, seed, start, office, span=320):
    """`count` answers spread over `span` days from `start`."""
    if survey.responses.exists():
        return
    rng = random.Random(seed)
    questions = list(survey.questions.all())
    for i in range(count):
        levels = {q.pk: _level(rng, satisfaction.get(q.aspect, 0.95)) for q in questions}
        suggestion = SUGGESTIONS[i % len(SUGGESTIONS)] if i % 9 == 0 else ""
        details = {"gender": rng.choice(["Nam", "Nữ", ""]), "age_group": rng.choice(["Từ 25 đến 34", "Từ 35 đến 44",
                                                                                    "Từ 45 đến 54", ""])}
        actions.submit_response(survey=survey, levels=levels, counter=counters[i % len(counters)] if counters else None,
                                suggestion=suggestion, details=details, on=start + timedelta(days=(i * 7) % span))
    followed = list(survey.responses.exclude(suggestion="").order_by("pk")[:3])
    if followed:
        actions.follow_up(by=office, response=followed[0], status=Response.FollowUp.ANSWERED,
                          reply="Văn phòng Sở đã bố trí thêm 20 ghế chờ và 2 quạt đứng tại quầy từ tháng 7/2024.")
    if len(followed) > 1:
        actions.follow_up(by=office, response=followed[1], status=Response.FollowUp.HANDLING)


def _counters(survey, office):
    if not survey.counters.exists():
        for name, place in COUNTERS:
            actions.add_counter(by=office, survey=survey, name=name, place=place)
    return list(survey.counters.all())


def load(context) -> None:
    units, people = context["units"], context["people"]
    office = people["mai"]
    today = demo_today(context)
    sipas, opinion = actions.ensure_templates(by=office)
    dept = units["department"]
    seed_year_open = today.year <= SEED_YEAR  # 2024 is history once the demo runs in a later year

    older = _survey(dept, office, sipas, SIPAS_TITLE, "Năm 2023", date(2023, 1, 1), date(2023, 11, 30),
                    Survey.Status.CLOSED)
    _fill(older, [], 160, SATISFACTION_2023, 2023, date(2023, 1, 9), office)

    seed = _survey(dept, office, sipas, SIPAS_TITLE, "Năm 2024", date(2024, 1, 1), date(2024, 11, 30),
                   Survey.Status.OPEN if seed_year_open else Survey.Status.CLOSED)
    _fill(seed, _counters(seed, office), 320, SATISFACTION_2024, 2024, date(2024, 1, 8), office)

    leaders = _survey(dept, office, opinion, "Lấy ý kiến lãnh đạo HĐND, UBND tỉnh và CBCCVC về công tác CCHC của Sở",
                      "Năm 2024", date(2024, 9, 1), date(2024, 11, 30),
                      Survey.Status.OPEN if seed_year_open else Survey.Status.CLOSED)
    _fill(leaders, [], 36, {}, 3_2, date(2024, 9, 3), office)
    context["surveys"] = {"sipas_2023": older, "sipas_2024": seed, "opinion_2024": leaders, "live": seed}

    if not seed_year_open:
        year = today.year
        # A demo loaded again in a later year: last year's running survey has ended.
        for ended in Survey.objects.filter(unit=dept, is_template=False, status=Survey.Status.OPEN,
                                           end_date__lt=date(year, 1, 1)):
            actions.update_survey(by=office, survey=ended, status=Survey.Status.CLOSED)
        live = _survey(dept, office, sipas, SIPAS_TITLE, f"Năm {year}", date(year, 1, 1), date(year, 12, 31),
                       Survey.Status.OPEN)
        start = min(date(year, 1, 2), today)
        days = max((today - start).days, 1)  # the answers received so far, up to yesterday
        # About one sheet a day so far (at most 240: the demo stays quick to load).
        _fill(live, _counters(live, office), min(max(40, days), 240), SATISFACTION_LIVE, year, start, office,
              span=days)
        context["surveys"]["live"] = live
