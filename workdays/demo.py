"""The official swaps of 2025 and 2026 as the administrator enters them each year."""

from datetime import date, timedelta

from workdays.models import DayOverride

OVERRIDES = [
    (date(2025, 4, 26), DayOverride.Kind.WORKING, "Làm bù cho ngày nghỉ 02/05/2025 (nghỉ 30/4–4/5/2025)"),
    (date(2025, 5, 2), DayOverride.Kind.OFF, "Nghỉ bù, làm bù vào thứ Bảy 26/04/2025"),
    (date(2026, 1, 2), DayOverride.Kind.OFF, "Nghỉ bù Tết Dương lịch, làm bù thứ Bảy 10/01/2026"),
    (date(2026, 1, 10), DayOverride.Kind.WORKING, "Làm bù cho ngày nghỉ 02/01/2026"),
    *[(date(2026, 2, 14) + timedelta(days=i), DayOverride.Kind.OFF, "Nghỉ Tết Nguyên Đán Bính Ngọ (14–22/02/2026)")
      for i in range(9)],
]


def load(context):
    admin = context["people"].get("admin")
    for day, kind, note in OVERRIDES:
        DayOverride.objects.get_or_create(date=day, defaults={"kind": kind, "note": note, "created_by": admin})
