"""The loaded demo holds both seeds as written: every task of each appendix and part, row by row and field by field,
seed 004's targets and reporting calendar, the seed's year table with ranks computed from the 21 departments'
totals, and criteria named as the seed names them (or labelled where it does not)."""

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from assessments import results
from assessments.models import HistoricalResult
from frameworks import demo as frameworks_demo
from frameworks import seed
from frameworks.models import Framework
from imports.docx_reader import read_docx
from org.demo import RANKED_DEPARTMENTS
from org.matching import UnitDirectory
from org.models import Unit
from org.names import normalize_name
from plans import seed_004
from plans.models import Plan

pytestmark = [pytest.mark.slow, pytest.mark.dates, pytest.mark.django_db]

TODAY = "2026-12-01 09:30 +07:00"
ROOT = Path(__file__).resolve().parents[2]
SEED_000_TEXT = ROOT / "plans" / "fixtures" / "seeds" / "000_f3c7156246e3f4c1.txt"
SEED_000_EXPECTED = ROOT / "imports" / "fixtures" / "accuracy" / "ke-hoach-nang-cao-par-sipas-2024.expected.json"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, loaded once on 01/12/2026 in a transaction rolled back when the module ends."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False), override_settings(
        MEDIA_ROOT=str(media), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


def _codes(units) -> set[str]:
    return {u.code for u in units}


def _text(value: str) -> str:
    return normalize_name(value)


# Seed 000 --------------------------------------------------------------------------------------------------------


def _plan_000() -> Plan:
    return Plan.objects.get(issuing_unit__code="stnmt", year=2024)


def test_seed_000_has_all_116_tasks_per_appendix_and_part(demo):
    plan = _plan_000()
    counts = {}
    for section in plan.sections.all():
        tasks = list(section.tasks.all())
        counts[(section.appendix_number, section.numeral)] = (
            sum(1 for t in tasks if not t.is_heading), sum(1 for t in tasks if t.is_heading and "." in t.code),
            sum(1 for t in tasks if t.is_heading and "." not in t.code))
    appendix_1 = {numeral: n for (appendix, numeral), (n, _g, _a) in counts.items() if appendix == "1"}
    assert appendix_1 == {"I": 9, "II": 2, "III": 6, "IV": 3, "V": 5, "VI": 3, "VII": 3}
    assert sum(appendix_1.values()) == 31
    assert counts[("2", "I")] == (10, 0, 4), "part I: 10 tasks under the 4 areas"
    assert counts[("2", "II")] == (57, 16, 7), "part II: 57 tasks under their 16 group headings, in 7 areas"
    assert counts[("2", "III")] == (10, 0, 2), "part III: 5 bonus and 5 penalty items"
    assert counts[("3", "")] == (8, 0, 0)
    assert plan.tasks.filter(is_heading=False).count() == 116
    assert plan.sections.get(appendix_number="2", numeral="II").title == "NHIỆM VỤ CẦN DUY TRÌ VÀ NÂNG CAO"
    assert plan.sections.get(appendix_number="2", numeral="III").title == "ĐIỂM THƯỞNG, ĐIỂM TRỪ"


def test_seed_000_rows_field_by_field(demo):
    """Every row (headings included) against the hand-checked transcription of the Word file: same code, content,
    product and deadline words, same units (names resolved as the department's directory reads them)."""
    expected = json.loads(SEED_000_EXPECTED.read_text(encoding="utf-8"))
    directory = UnitDirectory(Unit.objects.get(code="stnmt"))

    def units_named(names):
        return {u.code for name in names for match in directory.match_cell(name) for u in match.units}

    plan = _plan_000()
    tasks = {(t.section.appendix_number, t.section.numeral, t.code): t
             for t in plan.tasks.select_related("section").prefetch_related(
                 "lead_units", "coordinating_units", "monitoring_units")}
    wrong, rows = [], 0
    for appendix in expected["appendices"]:
        for section in appendix["sections"]:
            for row in section["tasks"]:
                rows += 1
                task = tasks.get((appendix["number"], section["numeral"], row["code"]))
                if task is None:
                    wrong.append((appendix["number"], section["numeral"], row["code"], "missing"))
                    continue
                for field in ("content", "product", "deadline_text"):
                    if _text(getattr(task, field)) != _text(row[field]):
                        wrong.append((appendix["number"], section["numeral"], row["code"], field))
                for role in ("lead", "coordinating", "monitoring"):
                    if _codes(getattr(task, f"{role}_units").all()) != units_named(row[f"{role}_units"]):
                        wrong.append((appendix["number"], section["numeral"], row["code"], role))
    assert rows == 145 and wrong == []


def test_seed_000_sample_rows_as_the_seed_writes_them(demo):
    plan = _plan_000()
    task = plan.tasks.get(section__appendix_number="2", section__numeral="I", code="1.3")
    assert task.deadline_text == "Trong thời hạn 20 ngày kể từ khi nhận được văn bản."
    assert _codes(task.lead_units.all()) == {"vp", "tt", "khtc", "ttcntt"}
    assert _codes(task.coordinating_units.all()) == {"vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt",
                                                     "ttkt", "ttptqd", "ttqt"}
    task = plan.tasks.get(section__appendix_number="2", section__numeral="II", code="1.1.2")
    assert task.deadline_text == "Báo cáo năm trước ngày 15/11/2024", "the footnote mark corrected on review"
    heading = plan.tasks.get(section__appendix_number="2", section__numeral="II", code="5.2")
    assert heading.is_heading and heading.content == "VỀ ĐÀO TẠO, BỒI DƯỠNG CÔNG CHỨC, VIÊN CHỨC"
    task = plan.tasks.get(section__appendix_number="3", code="8")
    assert task.deadline_text == "Năm 2024" and _codes(task.monitoring_units.all()) == {"vp"}
    assert (plan.status, plan.issue_date.year, plan.kind) == (Plan.Status.ISSUED, 2024, Plan.Kind.INDEX)
    assert [(p.label, p.stated_due.isoformat()) for p in plan.report_periods.order_by("order")] == [
        ("6 tháng", "2024-06-10"), ("Quý III", "2024-09-10"), ("Năm", "2024-11-15")]


# Seed 004 --------------------------------------------------------------------------------------------------------


def _plan_004() -> Plan:
    return Plan.objects.get(issuing_unit__code="kh-stnmt", year=2025)


def test_seed_004_is_khanh_hoas_department_in_its_own_province(demo):
    department = Unit.objects.get(code="kh-stnmt")
    assert department.parent.name == "Ủy ban nhân dân tỉnh Khánh Hòa" and department.parent.parent is None
    assert {u.name for u in department.children.all()} == {
        "Văn phòng Sở", "Phòng Đo đạc Bản đồ", "Chi cục Quản lý đất đai", "Văn phòng Đăng ký đất đai Khánh Hòa",
        "Trung tâm Công nghệ thông tin tài nguyên và môi trường"}
    assert _plan_004().title == seed_004.TITLE


def test_seed_004_has_its_35_tasks_in_7_sections_row_by_row(demo):
    plan = _plan_004()
    appendix = plan.sections.filter(appendix_title=seed_004.APPENDIX_TITLE).order_by("order")
    assert [(s.numeral, s.title) for s in appendix] == [(n, t) for n, t, _ in seed_004.SECTIONS]
    tasks = [t for s in appendix for t in s.tasks.filter(is_heading=False).order_by("order")
             .prefetch_related("lead_units", "coordinating_units", "monitoring_units")]
    assert len(tasks) == 35
    for task, (numeral, row) in zip(tasks, seed_004.tasks(), strict=True):
        code, content, product, schedule, _cell, lead, coordinating, monitoring = row
        assert (task.section.numeral, task.code) == (numeral, code)
        assert (_text(task.content), _text(task.product), task.deadline_text) == (
            _text(content), _text(product), schedule), f"{numeral}.{code}"
        assert (_codes(task.lead_units.all()), _codes(task.coordinating_units.all()),
                _codes(task.monitoring_units.all())) == (set(lead), set(coordinating), set(monitoring)), \
            f"{numeral}.{code}"


def test_seed_004_targets_report_dates_and_dated_duties(demo):
    plan = _plan_004()
    targets = [(t.label, t.comparison, t.value, t.unit_label) for t in plan.targets.order_by("order")]
    assert targets == [(label, comparison, Decimal(value), unit) for label, comparison, value, unit, *_ in
                       seed_004.TARGETS]
    labels = {t.label: (t.comparison, t.value) for t in plan.targets.all()}
    satisfaction = [v for k, v in labels.items() if k.startswith("Mức độ hài lòng")]
    assert satisfaction == [("gt", Decimal(90)), ("gt", Decimal(90))], "administrative agencies and public services"
    assert labels["Tỷ lệ giao dịch thanh toán trực tuyến đạt trên 70%"] == ("gt", Decimal(70))
    assert any("nghĩa vụ tài chính" in k and v == ("gte", Decimal(100)) for k, v in labels.items())
    assert any("ít nhất 20% TTHC nội bộ" in k for k in labels)

    periods = [(p.label, p.stated_due, p.due_date) for p in plan.report_periods.order_by("order")]
    assert [(label, stated) for label, stated, _ in periods] == seed_004.REPORT_PERIODS
    # 10/3/2025 and 10/12/2025 are working days; 10/6 and 10/9 too: the dates stand as written.
    assert all(stated == due for _, stated, due in periods)

    duties = plan.sections.get(numeral="IV", title="TỔ CHỨC THỰC HIỆN").tasks.order_by("order")
    own_plans, ranking = list(duties)
    assert own_plans.deadline_kind == "relative" and own_plans.event_date == seed_004.ASSUMED_ISSUE_DATE
    assert own_plans.due_date.isoformat() == "2025-02-07", "30 days from 10/01/2025 is Sunday 09/02: sent before it"
    assert _codes(own_plans.lead_units.all()) == set(seed_004.ALL)
    assert ranking.due_date.isoformat() == "2025-12-15" and _codes(ranking.lead_units.all()) == {"kh-vp"}


def _seed_004_rows(text: str) -> list[tuple[str, ...]]:
    """The appendix rows as the text writes them: list markup as '- ' lines, a cell carried over to the next page
    joined to the row it continues, the repeated header rows left out."""
    rows = []
    for line in text[text.index("STT\tNhiệm vụ"):].split("\n"):
        cells = line.split("\t")
        if len(cells) != 5 or cells[0] == "STT":
            continue
        cells = [re.sub(r'<ul style="list-style-type: none">\s*-\s*', "- ", c).strip() for c in cells]
        if not cells[0] and not cells[1]:
            rows[-1] = tuple(f"{old} {new}".strip() if new else old for old, new in zip(rows[-1], cells, strict=True))
        else:
            rows.append(tuple(cells))
    return rows


def test_the_transcription_of_seed_004_is_the_text_row_by_row():
    text = seed_004.read_text()
    written = _seed_004_rows(text)
    sections = [row for row in written if re.fullmatch(r"[IVX]+", row[0])]
    assert [(numeral, title) for numeral, title, *_ in sections] == [(n, t) for n, t, _ in seed_004.SECTIONS]
    tasks = [row for row in written if not re.fullmatch(r"[IVX]+", row[0])]
    assert len(tasks) == 35
    flat = lambda value: " ".join(value.split())  # noqa: E731
    for written_row, (numeral, row) in zip(tasks, seed_004.tasks(), strict=True):
        code, content, product, schedule, cell, *_units = row
        assert (written_row[0], flat(written_row[1]), flat(written_row[3])) == (code, content, schedule)
        # The text writes a list as "- a - b" on one line; the transcription one item per line.
        assert flat(written_row[2]) == flat(product), f"{numeral}.{code} product"
        assert flat(written_row[4]) == flat(cell), f"{numeral}.{code} assignment"
    words = " ".join(text.split())
    for *_fields, quote in seed_004.TARGETS:
        assert quote in words
    assert seed_004.REPORT_QUOTE in words
    for *_fields, quote in seed_004.DUTIES:
        assert quote in words


def test_the_word_file_of_seed_004_is_what_its_text_builds():
    built = read_docx(seed_004.build_docx(seed_004.read_text()))
    shipped = read_docx(seed_004.DOCX_PATH.read_bytes())
    assert shipped == built


# Ranks, the year table and the charts ----------------------------------------------------------------------------


def test_ranks_are_computed_from_the_21_departments_totals_and_are_the_seeds(demo, client):
    department = Unit.objects.get(code="stnmt")
    table = results.year_table(department)
    assert table.years[:5] == [2019, 2020, 2021, 2022, 2023]
    assert table.total[:5] == ["81,659", "85,625", "84,955", "85,675", "87,225"]
    assert dict(table.rows)["Công tác chỉ đạo điều hành CCHC"][:5] == ["8/11,5", "10,14/11,5", "10/12,5", "10/13,5",
                                                                        "9,5/12,5"]
    published = [f"{rank}/{seed.OUT_OF}" for *_cells, rank in seed.HISTORY.values()]
    assert table.rank[:5] == published == ["9/21", "10/21", "12/21", "12/21", "10/21"]
    for year in seed.HISTORY:
        totals = dict(HistoricalResult.objects.filter(year=year).values_list("unit__code", "total"))
        assert sorted(totals) == sorted(RANKED_DEPARTMENTS)
        own = totals["stnmt"]
        assert f"{1 + sum(t > own for t in totals.values())}/{len(totals)}" == table.rank[year - 2019]

    framework = Framework.objects.get(title=frameworks_demo.TITLE_2023)
    rows = results.ranking(framework, published_only=True)
    assert len(rows) == 21 and {r.unit.code for r in rows} == set(RANKED_DEPARTMENTS)
    assert next(r.rank for r in rows if r.unit.code == "stnmt") == 10

    client.force_login(Unit.objects.get(code="stnmt").people.get(username="manh"))
    page = lxml.html.fromstring(client.get(f"/assessments/ranking/{framework.pk}/").content.decode())
    assert len(page.xpath("//table[@id='ranking']/tbody/tr")) == 21
    assert page.xpath("//tr[@data-unit='stnmt']/td[@class='rank']")[0].text == "10"

    for url in ("/dashboards/leader/?year=2023", "/dashboards/leader/"):
        board = lxml.html.fromstring(client.get(url).content.decode())
        charts = board.xpath("//figure[@data-chart='ranking']")
        province = [c for c in charts if "sở, ban, ngành" in c.findtext("figcaption")]
        assert province, url
        bars = province[-1].xpath(".//table/tbody/tr")
        assert len(bars) == 21, url
        mine = [[c.text_content().strip() for c in tr] for tr in bars if "Tài nguyên" in tr.text_content()]
        assert mine[0][1] == "10", url


def test_criteria_the_seed_does_not_name_say_so_and_responsibility_follows_it(demo):
    words = normalize_name(SEED_000_TEXT.read_text(encoding="utf-8"))
    for framework in Framework.objects.filter(level=Framework.Level.DEPARTMENTS):
        for criterion in framework.criteria.all():
            named = normalize_name(criterion.title)[:60] in words
            labelled = "kế hoạch không nêu tên" in criterion.title
            assert named != labelled, (framework.year, criterion.code, criterion.title)
    for framework in Framework.objects.filter(level=Framework.Level.INTERNAL):
        for criterion in framework.criteria.exclude(kind="area"):
            assert criterion.title.endswith(frameworks_demo.ILLUSTRATIVE), (framework.year, criterion.code)
    criteria = {c.code: c for c in Framework.objects.get(title=frameworks_demo.TITLE_2023).criteria.all()}
    # Phụ lục 2 part I: one unit named leads → it answers; a group or several units → the department.
    assert {code: criteria[code].responsible_unit.code for code in ("1.1", "5.1", "7.1", "1.2", "3.1", "3.3")} == {
        "1.1": "vp", "5.1": "vp", "7.1": "ttcntt", "1.2": "stnmt", "3.1": "stnmt", "3.3": "stnmt"}
    assert criteria["1.5"].responsible_unit is None and criteria["1"].responsible_unit is None
