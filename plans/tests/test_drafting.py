"""The pure drafting of an improvement plan from a year's results (plans.drafting), on the seed's 2023 results."""

from decimal import Decimal

import pytest

from plans import drafting, richtext
from plans.tests import seed_2023 as seed

D = Decimal
UNITS = {code: drafting.UnitRef(i, name) for i, (code, name) in enumerate([
    ("vp", "Văn phòng Sở"), ("tt", "Thanh tra Sở"), ("khtc", "Phòng Kế hoạch – Tài chính"),
    ("qldd", "Phòng Quản lý đất đai"), ("vpdkdd", "Văn phòng Đăng ký đất đai"),
    ("ttcntt", "Trung tâm Công nghệ thông tin tài nguyên và môi trường")], start=1)}
OFFICE = UNITS["vp"]


@pytest.fixture
def plan():
    return drafting.draft(seed.year_results(UNITS), drafting.DraftSettings(office=OFFICE))


def appendix(plan, number):
    return next(a for a in plan.appendices if a.number == number)


def section(plan, number, numeral):
    return next(s for s in appendix(plan, number).sections if s.numeral == numeral)


def test_part_one_lists_exactly_the_seeds_21_criteria_below_max_with_their_scores_and_comments(plan):
    rows = [(g.area, g.group, g.title, g.points, g.max_points, g.comment) for g in plan.results.gaps]
    assert rows == [(a, g, t, D(p), D(m), c) for a, g, t, p, m, c, _u in seed.SEED_GAPS]
    assert len(rows) == 21


@pytest.mark.parametrize("title, cell", [
    ("Thực hiện mệnh lệnh hành chính cấp trên (thể hiện qua phần mềm chỉ đạo điều hành và kết quả theo dõi, tổng hợp)",
     "0/1,5"),
    ("Thời gian giải quyết hồ sơ đúng và sớm hạn", "2,229/3"),
    ("Tiếp cận Dịch vụ (Qua Website, BCCI,..)", "2,29/3"),
    ("Đánh giá của đại biểu HĐND tỉnh về chất lượng quản lý điều hành, việc giải quyết các ý kiến của cử tri",
     "0,917/1"),
])
def test_each_row_reads_score_over_max_as_cchc_writes_numbers(plan, title, cell):
    assert next(g.cell for g in plan.results.gaps if g.title == title) == cell


def test_part_one_names_the_areas_at_full_points_and_the_rank(plan):
    assert plan.results.full_areas == seed.FULL_AREAS
    assert plan.results.rank_sentence == ("Năm 2023, Sở Tài nguyên và Môi trường đạt 87,225/100 điểm (tăng 1,55 điểm "
                                          "so với năm 2022), xếp hạng 10/21, tăng 02 bậc so với năm 2022.")


def test_the_results_text_carries_every_row_and_comment_for_the_editor(plan):
    text = plan.texts["results_text"]
    for _a, _g, title, _p, _m, comment, _u in seed.SEED_GAPS:
        assert title in text
        for line in comment.splitlines():
            assert line in text
    assert "- Tiêu chí: Triển khai các văn bản chỉ đạo của UBND tỉnh về CCHC: 0,5/1." in text
    assert [b.text for b in richtext.blocks(text) if b.kind == "bullet"][:3] == [
        "Cải cách thể chế;", "Cải cách tổ chức bộ máy HCNN;", "Cải cách tài chính công;"]


def test_appendix_two_part_one_gives_one_task_per_criterion_below_max_led_by_its_responsible_unit(plan):
    part = section(plan, "2", "I")
    headings = [(t.code, t.content) for t in part.tasks if t.is_heading]
    assert headings == [("1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"), ("2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
                        ("3", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"), ("4", "CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")]
    tasks = [t for t in part.tasks if not t.is_heading]
    expected = [g for g in seed.SEED_GAPS if g[0] != seed.AREA_SURVEY]
    assert [t.content for t in tasks] == [g[2] for g in expected]
    assert [t.lead for t in tasks] == [[UNITS[g[6]]] for g in expected]
    assert {(t.product, t.deadline_text) for t in tasks} == {("Báo cáo kết quả thực hiện", "Báo cáo trước ngày 15/11")}
    assert all(t.monitoring == [OFFICE] and t.criterion_ids for t in tasks)
    assert [t.code for t in tasks][:5] == ["1.1", "1.2", "1.3", "1.4", "2.1"]


def test_appendix_two_keeps_full_criteria_and_lists_bonus_and_penalty(plan):
    keep = section(plan, "2", "II")
    kept = [t.content for t in keep.tasks if not t.is_heading]
    assert kept == ["Các tiêu chí còn lại của lĩnh vực"] * 6  # one per area the seed lists no gap of
    assert {t.deadline_text for t in keep.tasks if not t.is_heading} == {"Năm 2024"}
    extra = section(plan, "2", "III")
    assert [(t.code, t.content) for t in extra.tasks] == [("1", "ĐIỂM THƯỞNG"), ("1.1", "Điểm cộng"),
                                                         ("2", "ĐIỂM TRỪ"), ("2.1", "Điểm trừ")]


@pytest.mark.parametrize("aspect, solution_starts", [
    ("Tiếp cận Dịch vụ (Qua Website, BCCI,..)", "Đổi mới phương pháp thông tin, tuyên truyền"),
    ("Sự hài lòng của tổ chức, công dân về TTHC, DVC của đơn vị (thành phần hồ sơ, lệ phí, thời gian)",
     "Tiếp tục thực hiện rút ngắn 40% đến 45% thời gian giải quyết TTHC"),
    ("Tinh thần trách nhiệm của CBCCVC tiếp nhận, hướng dẫn và trả kết quả",
     "Tăng cường công tác đào tạo, bồi dưỡng, tập huấn"),
    ("Sự hài lòng của người dân về kết quả giải quyết TTHC (đúng quy định, đảm bảo thời gian, cảm nhận sự thay đổi)",
     "Theo dõi, đôn đốc kịp thời việc giải quyết hồ sơ"),
    ("Tiếp nhận, xử lý ý kiến góp ý phản ánh, kiến nghị của người dân, tổ chức", "Ngoài tiếp dân định kỳ"),
    ("Một khía cạnh khác", "Triển khai giải pháp nâng cao mức độ hài lòng"),
])
def test_each_weak_sipas_aspect_gets_the_seeds_solution(aspect, solution_starts):
    assert drafting.sipas_solution(aspect).startswith(solution_starts)


def test_appendix_three_has_a_task_per_weak_survey_item_linked_to_it(plan):
    sipas, leaders = section(plan, "3", "I"), section(plan, "3", "II")
    assert len(sipas.tasks) == 5 and len(leaders.tasks) == 6
    assert all(len(t.criterion_ids) == 1 for t in sipas.tasks + leaders.tasks)
    assert leaders.tasks[0].content == ("Cải thiện kết quả đánh giá: Tác động của tuyên truyền đối với việc nâng cao "
                                        "nhận thức của CBCCVV")


def test_appendix_one_has_a_section_per_area_and_carries_this_years_tasks_over():
    carried = [drafting.CarriedTask("III. CẢI CÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                                    "Thường xuyên rà soát, cập nhật đầy đủ những TTHC còn hiệu lực",
                                    lead=[UNITS["vp"]], deadline_text="Năm 2024")]
    plan = drafting.draft(seed.year_results(UNITS), drafting.DraftSettings(office=OFFICE), carried)
    first = appendix(plan, "1")
    assert [s.numeral for s in first.sections] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    tthc = first.sections[2]
    assert [t.content for t in tthc.tasks] == ["Thường xuyên rà soát, cập nhật đầy đủ những TTHC còn hiệu lực"]
    assert first.sections[0].tasks[0].key == "keep:1" and first.sections[0].tasks[0].lead == [UNITS["vp"]]


def test_targets_ask_for_score_and_rank_up_and_carry_measurable_targets():
    carried = [drafting.CarriedTarget("Tỷ lệ hồ sơ đúng hạn", "dossiers.on_time_rate", "gte", D(98)),
               drafting.CarriedTarget("Giảm 15 % đầu mối", "", "gte", D(15))]
    plan = drafting.draft(seed.year_results(UNITS), carried_targets=carried)
    assert [(t.metric_key, t.comparison, t.value) for t in plan.targets] == [
        ("plans.index_total", "gt", D("87.225")), ("plans.index_rank", "lt", D(10)),
        ("dossiers.on_time_rate", "gte", D(98))]
    assert plan.targets[1].label == "Thứ hạng Chỉ số CCHC năm 2024 cao hơn năm 2023 (xếp hạng 10/21)"


def test_every_proposal_has_a_unique_key(plan):
    keys = [t.key for t in plan.tasks()] + [t.key for t in plan.targets]
    assert len(keys) == len(set(keys))
    assert plan.year == 2024 and plan.summary.endswith("năm 2024")


def _row(id, proposal, edited=False):
    current = "edited-by-a-person" if edited else proposal.fingerprint
    return drafting.ExistingRow(id, proposal.key, proposal.fingerprint, current)


@pytest.mark.parametrize("case, existing, proposed, expected", [
    ("new proposal", [], ["a"], {"add": ["a"]}),
    ("untouched, same text", ["a"], ["a"], {"unchanged": [1]}),
    ("untouched, new text", ["a"], ["a*"], {"update": [1]}),
    ("edited by a person", ["a!"], ["a*"], {"kept": [1]}),
    ("no longer proposed", ["b"], [], {"withdrawn": [1]}),
])
def test_a_redraft_proposes_and_never_overwrites(case, existing, proposed, expected):
    def task(spec):
        return drafting.DraftTask(spec[0], "1", "Nội dung " + ("mới" if "*" in spec else "cũ"))

    rows = [_row(i, task(spec), edited="!" in spec) for i, spec in enumerate(existing, start=1)]
    outcome = drafting.plan_redraft(rows, [task(spec) for spec in proposed])
    found = {name: getattr(outcome, name) for name in ("add", "update", "kept", "unchanged", "withdrawn")
             if getattr(outcome, name)}
    shown = {name: [v.key if isinstance(v, drafting.DraftTask) else (v[0] if isinstance(v, tuple) else v)
                    for v in values] for name, values in found.items()}
    assert shown == expected, case


@pytest.mark.parametrize("text, html", [
    ("Một đoạn", "<p>Một đoạn</p>"),
    ("- một\n- hai\nđoạn", "<ul><li>một</li><li>hai</li></ul><p>đoạn</p>"),
    ("**đậm** và *nghiêng*", "<p><strong>đậm</strong> và <em>nghiêng</em></p>"),
    ("<script>alert(1)</script> **<b>**", "<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b&gt;</strong></p>"),
    ("a * b * c", "<p>a <em> b </em> c</p>"),
    ("", ""),
])
def test_rich_text_is_escaped_before_it_is_formatted(text, html):
    assert richtext.to_html(text) == html
