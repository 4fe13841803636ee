"""Demo frameworks: the province's 2023 framework for departments (as the seed's section I.2 shows it), its 2024
copy, the department's internal 2024 framework for its own 11 units, and for the current year (the live cycle) a copy
of the latest of each. Idempotent.

Only the criteria seed 000 names are named as it names them; the groupings that carry the rest of an area's points
say so, and the internal framework, which no seed contains, is labelled as illustrative in every criterion."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from core.demo_time import SEED_YEAR, live_year
from frameworks import actions, seed
from frameworks.models import Criterion, Framework

TITLE_2023 = "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Bà Rịa – Vũng Tàu năm 2023"
TITLE_2024 = "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Bà Rịa – Vũng Tàu năm 2024"
TITLE_INTERNAL = "Bộ tiêu chí đánh giá CCHC các phòng, đơn vị thuộc Sở Tài nguyên và Môi trường năm 2024"
PROVINCE_TITLE = "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Bà Rịa – Vũng Tàu năm {year}"
INTERNAL_TITLE = "Bộ tiêu chí đánh giá CCHC các phòng, đơn vị thuộc Sở Tài nguyên và Môi trường năm {year}"
# No seed holds a department's framework for its own units: the demo's is made up, and says so in every criterion.
ILLUSTRATIVE = " (tiêu chí minh họa, không có trong kế hoạch)"
INTERNAL_DECISION = "Bộ tiêu chí minh họa của dữ liệu mẫu (các kế hoạch mẫu không kèm bộ tiêu chí nội bộ)"
K = Criterion.Kind

# (code, title, max, rule, guidance, deadline) per area of the internal framework.
INTERNAL = [
    ("1", "Công tác chỉ đạo, điều hành CCHC", "20", [
        ("1.1", "Ban hành kế hoạch CCHC năm của đơn vị trong 30 ngày kể từ khi Sở ban hành kế hoạch", "5",
         {"kind": "yes_no"}, "Kế hoạch CCHC năm 2024 của đơn vị (bản có chữ ký số)", date(2024, 1, 31)),
        ("1.2", "Báo cáo CCHC định kỳ đầy đủ, đúng hạn", "5", {"kind": "manual", "levels": [0, 2.5, 5]},
         "Các báo cáo quý, 6 tháng, năm", None),
        ("1.3", "Hoàn thành nhiệm vụ được giao trong kế hoạch CCHC của Sở", "10",
         {"kind": "tiers", "metric": "plans.on_time_rate",
          "tiers": [{"min": 50, "points": 3}, {"min": 70, "points": 6}, {"min": 90, "points": 10}]},
         "Số liệu theo dõi nhiệm vụ trên cchc", None),
    ]),
    ("2", "Cải cách thủ tục hành chính", "40", [
        ("2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn", "20",
         {"kind": "linear", "metric": "dossiers.on_time_rate", "offset": 50, "multiply": 20, "divide": 50,
          "zero_below": 50}, "Trích xuất phần mềm một cửa điện tử 01/01–30/11", None),
        ("2.2", "Công khai đầy đủ, kịp thời TTHC trên Trang thông tin điện tử", "10", {"kind": "yes_no"},
         "Ảnh chụp trang công khai TTHC", None),
        ("2.3", "Tỷ lệ hồ sơ trực tuyến", "10",
         {"kind": "tiers", "metric": "dossiers.online_rate",
          "tiers": [{"min": 40, "points": 5}, {"min": 60, "points": 10}]}, "", None),
    ]),
    ("3", "Chuyển đổi số", "20", [
        ("3.1", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "10",
         {"kind": "share", "metric": "dossiers.digitisation_rate"}, "", None),
        ("3.2", "Xử lý văn bản, hồ sơ công việc trên môi trường mạng", "10", {"kind": "manual"}, "", None),
    ]),
    ("4", "Sự hài lòng của người dân, tổ chức", "20", [
        ("4.1", "Chỉ số hài lòng SIPAS của đơn vị", "20", {"kind": "share", "metric": "surveys.sipas_index"},
         "Kết quả khảo sát SIPAS", None),
    ]),
]
INTERNAL_BANDS = [["Hoàn thành xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình", 50], ["Yếu", 0]]
PROVINCE_BANDS = [["Xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình", 50], ["Yếu", 0]]


def build_2023(by, units) -> Framework:
    framework, created = Framework.objects.get_or_create(
        year=2023, title=TITLE_2023,
        defaults={"owner": units["province"], "level": Framework.Level.DEPARTMENTS, "bands": PROVINCE_BANDS,
                  "decision": "Quyết định 3626/QĐ-UBND ngày 15/12/2023 (công bố kết quả)"},
    )
    if not created:
        return framework
    order = 0
    for code, title, maximum, unit_code, items in seed.CRITERIA_2023:
        order += 1
        area = actions.add_criterion(framework, by=by, kind=K.AREA, code=code, title=title, order=order,
                                     max_points=Decimal(maximum), responsible_unit=_unit(units, unit_code))
        groups = {code: area}
        for item_code, item_title, item_max, score, _comment, item_unit, rule in items:
            order += 1
            parent = groups.get(item_code.rsplit(".", 1)[0], area)
            node = actions.add_criterion(
                framework, by=by, kind=K.CRITERION if parent is area else K.SUB_CRITERION, code=item_code,
                title=item_title, order=order, max_points=Decimal(item_max), rule=rule or {"kind": "manual"},
                parent=parent, responsible_unit=_unit(units, item_unit))
            if score is None:
                groups[item_code] = node
    for kind, (code, title, maximum, _points) in ((K.BONUS, seed.BONUS_2023), (K.PENALTY, seed.PENALTY_2023)):
        order += 1
        actions.add_criterion(framework, by=by, kind=kind, code=code, title=title, order=order,
                              max_points=Decimal(maximum))
    return framework


def _unit(units, code):
    """The seed's responsible unit, or none where the seed names nobody (the assessed department answers)."""
    return units[code] if code else None


def build_internal(by, units) -> Framework:
    framework, created = Framework.objects.get_or_create(
        year=2024, title=TITLE_INTERNAL,
        defaults={"owner": units["department"], "level": Framework.Level.INTERNAL, "bands": INTERNAL_BANDS,
                  "decision": INTERNAL_DECISION},
    )
    if not created:
        return framework
    order = 0
    for code, title, maximum, items in INTERNAL:
        order += 1
        area = actions.add_criterion(framework, by=by, kind=K.AREA, code=code, title=title, order=order,
                                     max_points=Decimal(maximum))
        for item_code, item_title, item_max, rule, guidance, deadline in items:
            order += 1
            actions.add_criterion(framework, by=by, kind=K.SUB_CRITERION, code=item_code,
                                  title=item_title + ILLUSTRATIVE,
                                  order=order, max_points=Decimal(item_max), rule=rule, guidance=guidance,
                                  deadline=deadline, parent=area)
    actions.add_criterion(framework, by=by, kind=K.BONUS, code="5",
                          title="Sáng kiến, mô hình mới trong CCHC" + ILLUSTRATIVE,
                          order=order + 1, max_points=Decimal(2), rule={"kind": "manual", "levels": [0, 1, 2]})
    actions.add_criterion(framework, by=by, kind=K.PENALTY, code="6",
                          title="Để xảy ra hồ sơ trễ hạn không có phiếu xin lỗi, hẹn lại" + ILLUSTRATIVE,
                          order=order + 2,
                          max_points=Decimal(5))
    return framework


def build_live(by, source: Framework, year: int, title: str) -> Framework:
    """The live year's framework: a copy of the latest one before it, as an office starts each year."""
    found = Framework.objects.filter(owner=source.owner, level=source.level, year=year).order_by("pk").first()
    if found is not None:
        return found
    latest = Framework.objects.filter(owner=source.owner, level=source.level, year__lt=year).order_by("-year", "-pk")
    framework = actions.copy_framework(latest.first() or source, by=by, year=year, title=title)
    actions.update_framework(framework, by=by, decision=f"Sao chép từ bộ chỉ số năm {framework.copied_from.year} "
                                                        "(dữ liệu mẫu của năm đang thực hiện)")
    return framework


@transaction.atomic
def load(context):
    units, by = context["units"], context["people"]["admin"]
    framework_2023 = build_2023(by, units)
    framework_2024 = Framework.objects.filter(year=2024, title=TITLE_2024).first()
    if framework_2024 is None:
        framework_2024 = actions.copy_framework(framework_2023, by=by, year=2024, title=TITLE_2024)
        actions.update_framework(framework_2024, by=by, decision="Quyết định ban hành Bộ chỉ số năm 2024")
    internal = build_internal(context["people"]["mai"], units)
    year = live_year(context)
    if year > SEED_YEAR:
        live = build_live(by, framework_2024, year, PROVINCE_TITLE.format(year=year))
        live_internal = build_live(context["people"]["mai"], internal, year, INTERNAL_TITLE.format(year=year))
    else:
        live, live_internal = framework_2024, internal
    context["frameworks"] = {2023: framework_2023, 2024: framework_2024, "internal": internal, "live": live,
                             "live_internal": live_internal}
