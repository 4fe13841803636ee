"""Results from the seed: the year table exactly as section 1.2 prints it, 2023 criterion-level totals, ranking with
ties and bands, gap analysis, units whose heads cannot be rated excellent, and lineage after a merge."""

from datetime import date
from decimal import Decimal

import pytest

from assessments import demo as assessments_demo
from assessments import results
from assessments.models import Assessment
from assessments.tests.builders import internal_framework, open_assessment, publish_as_scored, score_everything
from frameworks import demo as frameworks_demo
from frameworks import seed
from org import actions as org_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(cast):
    context = {"units": cast.units, "people": {u: getattr(cast, u) for u in ("lan", "hung", "mai", "thu", "manh",
                                                                             "admin", "khoa")}}
    frameworks_demo.load(context)
    assessments_demo.load(context)
    return context


def test_year_table_is_the_seeds_table(cast, demo):
    table = results.year_table(cast.department)
    assert table.years == [2019, 2020, 2021, 2022, 2023]
    assert table.total == ["81,659", "85,625", "84,955", "85,675", "87,225"]
    assert table.rank == ["9/21", "10/21", "12/21", "12/21", "10/21"]
    assert table.bonus == ["1,5", "1", "1", "2", "1"]
    assert table.penalty == ["2", "2", "1,5", "0,5", "1"]
    rows = dict(table.rows)
    assert [label for label, _ in table.rows] == seed.AREAS
    assert rows["Công tác chỉ đạo điều hành CCHC"] == ["8/11,5", "10,14/11,5", "10/12,5", "10/13,5", "9,5/12,5"]
    assert rows["Chính quyền điện tử, chính quyền số"][-1] == "9,376/11"
    assert rows["Thực hiện cơ chế một cửa, một cửa liên thông"][-1] == "Gộp vào Cải cách thủ tục hành chính"
    assert table.notes == [], "every year's listed cells add up to its published total"


def test_the_2023_criterion_level_results_add_up_to_the_published_total(cast, demo):
    assessment = Assessment.objects.get(unit=cast.department, framework__year=2023)
    totals = results.area_totals(assessment)
    assert totals.final_total == Decimal(seed.TOTAL_2023)
    assert [a.cell for a in totals.areas] == ["9,5/12,5", "6,5/6,5", "9,729/11,5", "6,5/6,5", "7/9", "8/8",
                                              "9,376/11", "30,62/35"]
    assert (totals.bonus_final, totals.penalty_final) == (Decimal(1), Decimal(1))
    assert totals.self_total > totals.final_total, "the department claimed more than the council gave"


def test_gap_analysis_sorted_by_points_lost_with_comments_and_units(cast, demo):
    assessment = Assessment.objects.get(unit=cast.department, framework__year=2023)
    gaps = results.gap_analysis(assessment)
    lost = [g.lost for g in gaps]
    assert lost == sorted(lost, reverse=True)
    by_code = {g.criterion.code: g for g in gaps}
    assert by_code["1.2"].lost == Decimal("1.5") and "46% <50%" in by_code["1.2"].comment
    assert by_code["3.3"].lost == Decimal("0.771")
    assert by_code["7.1"].responsible_unit == cast.unit("ttcntt")
    assert "2.1" not in by_code, "criteria at their max are not gaps"
    # Answerable as Phụ lục 2 part I says: one unit named → that unit; a group ("Phòng, đơn vị có chức năng tham
    # mưu giải quyết TTHC" for 3.1) → the department, since every unit of it answers.
    assert by_code["1.1"].responsible_unit == cast.unit("vp")
    assert by_code["3.1"].responsible_unit == cast.department
    heads = {r.unit.code: r.lost for r in results.units_not_excellent(assessment)}
    assert heads["vp"] == Decimal("1.5"), "innovation (1.1) and training (5.1)"
    assert heads["ttcntt"] == Decimal("1.624"), "DTI (7.1)"
    assert "qldd" not in heads and "tt" not in heads and "ttkt" not in heads


def test_ranking_of_the_eleven_units_with_a_tie_and_bands(cast, demo):
    framework = demo["frameworks"]["internal"]
    rows = results.ranking(framework, published_only=True)
    assert len(rows) == 10, "one unit is still being appraised"
    ranks = {r.unit.code: (r.rank, r.total, r.band) for r in rows}
    assert ranks["khtc"][0] == ranks["tt"][0] == 3 and ranks["khtc"][1] == Decimal(88)
    assert ranks["ttqt"][0] == 5, "after a tie for 3rd the next is 5th"
    assert ranks["ttcntt"][0] == 1 and ranks["ttcntt"][2] == "Hoàn thành xuất sắc"
    assert ranks["vpdkdd"][2] == "Trung bình"
    assert len(results.ranking(framework)) == 11


def test_history_follows_a_merged_unit_to_its_successor(cast):
    framework = internal_framework(cast)
    publish_as_scored(cast, _scored(cast, "ttkt", framework), {"3.2": ("6", "Còn xử lý văn bản giấy.")})
    event = org_actions.merge_units(by=cast.mai, sources=[cast.unit("ttkt"), cast.unit("ttqt")],
                                    new_name="Trung tâm Kỹ thuật và Quan trắc môi trường", effective_date=date(2025, 3, 1))
    table = results.year_table(event.targets.get())
    assert table.years == [2024]
    assert table.total == ["96"]
    assert dict(table.rows)["Chuyển đổi số"] == ["16/20"]


def _scored(cast, code, framework):
    assessment = open_assessment(cast, code, framework)
    score_everything(assessment, cast.mai)
    return assessment


def test_results_read_in_constant_queries(cast, demo, django_assert_max_num_queries):
    framework = demo["frameworks"]["internal"]
    with django_assert_max_num_queries(4):
        results.ranking(framework)
    assessment = Assessment.objects.get(unit=cast.department, framework__year=2023)
    with django_assert_max_num_queries(3):
        results.gap_analysis(assessment)


def test_totals_without_lines_are_the_totals_with_them(cast, demo):
    """Rankings and year tables sum the scores per area without building the criteria trees: the same figures,
    appeals, bonus, penalty, unscored items and half-appraised areas included."""
    from assessments.models import Appeal, Score

    half = Assessment.objects.exclude(phase=Assessment.Phase.PUBLISHED).first()  # the demo's year in progress
    appraised = Score.objects.filter(assessment__framework__year=2023, appraised_score__isnull=False).first()
    Appeal.objects.create(score=appraised, reason="Đề nghị phúc tra", requested_score=appraised.appraised_score + 1,
                          status="accepted", decided_score=appraised.appraised_score + Decimal("0.25"))
    assessments = list(Assessment.objects.select_related("framework", "unit"))
    assert len(assessments) > 3
    full, summary = results.totals_for(assessments), results.totals_for(assessments, lines=False)

    def figures(t):
        return ([(a.area.pk, a.max_points, a.self_points, a.final_points, a.appraised) for a in t.areas],
                t.bonus_self, t.bonus_final, t.penalty_self, t.penalty_final, t.self_total, t.final_total)

    assert {pk: figures(t) for pk, t in summary.items()} == {pk: figures(t) for pk, t in full.items()}
    assert summary[appraised.assessment_id].final_total == full[appraised.assessment_id].final_total
    assert not all(a.appraised for a in summary[half.pk].areas) and summary[half.pk].lines == []
