"""The seed department's 2023 results as the seed plan's section I prints them (seed 000, I.1.2), for the drafting
tests: every criterion below its max with its score, max and the council's comment, written out again here from the
seed's text, and builders of the same year as plain data (plans.drafting) and as a real 2023 assessment."""

from datetime import date
from decimal import Decimal

from plans import drafting

D = Decimal
AREA_LEAD = "Công tác chỉ đạo điều hành CCHC"
AREA_LAW = "Cải cách thể chế"
AREA_TTHC = "Cải cách thủ tục hành chính"
AREA_ORG = "Cải cách tổ chức bộ máy HCNN"
AREA_CIVIL = "Cải cách chế độ công vụ"
AREA_FIN = "Cải cách tài chính công"
AREA_DIGITAL = "Chính quyền điện tử, chính quyền số"
AREA_SURVEY = "Điều tra xã hội học"
SIPAS = "Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)"
LEADERS = ("Ý kiến của lãnh đạo HĐND tỉnh, lãnh đạo UBND tỉnh, lãnh đạo UBND huyện và CBCCVV của đơn vị đánh giá công "
           "tác CCHC của cơ quan, đơn vị")

# The seed's section I.2.2 and I.3: (area, group, title, score, max, comment, responsible unit code), in its order.
SEED_GAPS = [
    (AREA_LEAD, "", "Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", "0.5", "1", "", "vp"),
    (AREA_LEAD, "", "Thực hiện mệnh lệnh hành chính cấp trên (thể hiện qua phần mềm chỉ đạo điều hành và kết quả theo "
                    "dõi, tổng hợp)", "0", "1.5",
     "Theo đánh giá của Hội đồng thẩm định, năm 2023, theo Văn phòng UBND tỉnh theo dõi đạt 46% <50%, không đạt điểm "
     "của tiêu chí.", "ttcntt"),
    (AREA_LEAD, "", "Triển khai các văn bản chỉ đạo của UBND tỉnh về CCHC", "0.5", "1",
     "Việc triển khai thực hiện một số văn bản về công tác CCHC của UBND tỉnh chưa đảm bảo thời gian theo chỉ đạo.",
     "vp"),
    (AREA_LEAD, "", "Thực hiện các giải pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI,... theo chỉ đạo "
                    "cấp trên", "0.5", "1",
     "Theo đánh giá của Hội đồng thẩm định, năm 2023, Sở Tài nguyên và Môi trường có triển khai thực hiện giải pháp "
     "nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI,... của Tỉnh nhưng còn chưa kịp thời, hiệu quả.",
     "khtc"),
    (AREA_TTHC, "", "Tham mưu UBND tỉnh ban hành quy trình nội bộ giải quyết TTHC", "0", "0.5",
     "Theo chỉ đạo của UBND tỉnh, thời gian Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố "
     "TTHC. Tuy nhiên việc tham mưu quy trình nội bộ các TTHC chưa kịp thời, chất lượng không đảm bảo theo quy định.\n"
     "Các phòng, đơn vị có chức năng phụ trách các lĩnh vực, khi xây dựng lại quy trình nội bộ các TTHC được công bố "
     "chưa kiểm soát được các yếu tố về thể thức, bố cục mẫu khi xây dựng quy trình nội bộ, chưa kiểm soát chặt chẽ "
     "nội dung như tên TTHC, mã TTHC còn trường hợp chưa đúng với Quyết định công bố và thông tin được công khai trên "
     "Cổng Dịch vụ công Quốc gia.", "qldd"),
    (AREA_TTHC, "", "Cập nhật kịp thời, công khai đầy đủ TTHC tại Trang thông tin điện tử của cơ quan và Trung tâm Phục "
                    "vụ hành chính công tỉnh", "0", "0.5",
     "Theo đánh giá của Hội đồng thẩm định, năm 2023, Sở Tài nguyên và Môi trường chưa niêm yết TTHC lĩnh vực giải "
     "quyết khiếu nại tố cáo trên Trang thông tin điện tử (Website) của Sở). Sở Tài nguyên và Môi trường chỉ thực hiện "
     "công khai Quyết định công bố TTHC lĩnh vực giải quyết khiếu nại tố cáo của UBND tỉnh ở dạng văn bản cho phép tải "
     "về mà chưa thực hiện công khai đầy đủ nội dung của TTHC trên Website.", "ttcntt"),
    (AREA_TTHC, "", "Thời gian giải quyết hồ sơ đúng và sớm hạn", "2.229", "3",
     "Trích xuất tự động trên phần mềm một cửa điện tử từ ngày 01/01/2023 đến ngày 30/11/2023, hồ sơ đúng hạn là "
     "2.618/2.817 hồ sơ.", "vpdkdd"),
    (AREA_CIVIL, "", "Tiến độ thực hiện tổ chức các lớp đào tạo, bồi dưỡng cán bộ, công chức, viên chức đã được UBND "
                     "tỉnh phê duyệt", "0", "1",
     "Việc mở lớp đào tạo, bồi dưỡng chưa đảm bảo thời gian theo Kế hoạch UBND tỉnh phê duyệt.", "vp"),
    (AREA_CIVIL, "", "Cập nhật dữ liệu cán bộ, công chức, viên chức (https://vungtau.vnerp.vn/) bảo đảm nguyên tắc "
                     "“Đúng - Đủ - Sạch - Sống”", "0", "1",
     "Theo đánh giá của Hội đồng thẩm định, năm 2023, Việc cập nhật dữ liệu cán bộ, công chức, viên chức chưa đảm bảo "
     "yêu cầu (các sở, ngành thuộc tỉnh không đảm bảo nội dung tiểu chí này).", "vp"),
    (AREA_DIGITAL, "", "Xây dựng và phát triển chính quyền điện tử, chính quyền số Sử dụng Kết quả chỉ số Chuyển đổi số "
                       "(DTI) do Sở Thông tin và Truyền Thông chấm và thẩm định, công bố hàng năm Điểm đạt được = "
                       "[Điểm chỉ số DTI] * 10/100", "9.376", "11", "", "ttcntt"),
    (AREA_SURVEY, SIPAS, "Tiếp cận Dịch vụ (Qua Website, BCCI,..)", "2.290", "3", "", "vpdkdd"),
    (AREA_SURVEY, SIPAS, "Sự hài lòng của tổ chức, công dân về TTHC, DVC của đơn vị (thành phần hồ sơ, lệ phí, thời "
                         "gian)", "2.239", "3", "", "vpdkdd"),
    (AREA_SURVEY, SIPAS, "Tinh thần trách nhiệm của CBCCVC tiếp nhận, hướng dẫn và trả kết quả", "3.736", "4", "",
     "vpdkdd"),
    (AREA_SURVEY, SIPAS, "Sự hài lòng của người dân về kết quả giải quyết TTHC (đúng quy định, đảm bảo thời gian, cảm "
                         "nhận sự thay đổi)", "3.480", "5", "", "vpdkdd"),
    (AREA_SURVEY, SIPAS, "Tiếp nhận, xử lý ý kiến góp ý phản ánh, kiến nghị của người dân, tổ chức", "1.500", "2", "",
     "vp"),
    (AREA_SURVEY, LEADERS, "Tác động của tuyên truyền đối với việc nâng cao nhận thức của CBCCVV", "0.800", "1", "",
     "vp"),
    (AREA_SURVEY, LEADERS, "Kết quả thực hiện Quy chế dân chủ ở cơ sở tại cơ quan, đơn vị", "0.900", "1", "", "vp"),
    (AREA_SURVEY, LEADERS, "Đánh giá của đại biểu HĐND tỉnh về chất lượng quản lý điều hành, việc giải quyết các ý kiến "
                           "của cử tri", "0.917", "1", "", "vp"),
    (AREA_SURVEY, LEADERS, "Thường trực HĐND tỉnh, UBND tỉnh đánh giá Kết quả chỉ đạo, điều hành, Quy chế làm việc của "
                           "UBND tỉnh, kết quả nhiệm vụ được giao của đơn vị", "0.900", "1", "", "vp"),
    (AREA_SURVEY, LEADERS, "Đánh giá của lãnh đạo UBND tỉnh về tính kịp thời trong việc chủ trì hoặc phối hợp tham mưu "
                           "UBND tỉnh giải quyết các vấn đề, thủ tục liên quan được giao", "0.958", "1", "", "vp"),
    (AREA_SURVEY, LEADERS, "Kết quả thực hiện chức năng, nhiệm vụ của đơn vị", "0.900", "1", "", "vp"),
]
# The leaders' items at full points (1.000/1.000), in the seed's order between and after those above.
LEADERS_FULL = [
    (2, "Kết quả thực hiện công tác tiếp nhận và giải quyết đơn thư kiến nghị, khiếu nại tố cáo của đơn vị"),
    (6, "Đánh giá về văn bản quy phạm pháp luật và văn bản quản lý chỉ đạo điều hành do đơn vị ban hành hoặc tham mưu "
        "cấp có thẩm quyền ban hành (quy định rõ ràng, kịp thời, không mâu thuẫn, chồng chéo)"),
    (7, "Việc thực hiện Quy chế làm việc, quy chế phối hợp trong nội bộ của cơ quan, đơn vị trong giải quyết công việc"),
    (9, "Triển khai đầy đủ, kịp thời các nội dung quy định của về quản lý CCVC trong nội bộ và đối với đơn vị trực "
        "thuộc"),
    (10, "Thực hiện chế độ, chính sách đối với công chức, viên chức của đơn vị đúng, đầy đủ, kịp thời"),
    (11, "Năng lực chuyên môn của công chức trong phối hợp xử lý công việc của cơ quan, đơn vị"),
    (12, "Tinh thần trách nhiệm của CBCCVV trong phối hợp, xử lý công việc"),
    (13, "Tình trạng công chức lợi dụng chức vụ quyền hạn để trục lợi cá nhân"),
    (14, "Đánh giá về tác động của việc thực hành tiết kiệm, chống lãng phí ngân sách nhà nước trong hoạt động của cơ "
         "quan, đơn vị"),
    (15, "Tính hiệu quả của việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý "
         "hành chính"),
    (16, "Tính hiệu quả của việc quản lý, sử dụng tài sản công"),
    (17, "Đánh giá về mức độ tuân thủ quy trình giải quyết công việc theo Hệ thống quản lý chất lượng ISO"),
]
# Areas in the year table's order: (code, title, max, responsible unit code); the survey area is the ninth.
AREAS = [("1", AREA_LEAD, "12.5", "vp"), ("2", AREA_LAW, "6.5", "tt"), ("3", AREA_TTHC, "11.5", "vp"),
         ("4", AREA_ORG, "6.5", "vp"), ("5", AREA_CIVIL, "9", "vp"), ("6", AREA_FIN, "8", "khtc"),
         ("7", AREA_DIGITAL, "11", "ttcntt"), ("9", AREA_SURVEY, "35", "vp")]
FULL_AREAS = [AREA_LAW, AREA_ORG, AREA_FIN]
TOTAL, RANK, OUT_OF, PREVIOUS_TOTAL, PREVIOUS_RANK = D("87.225"), 10, 21, D("85.675"), 12


def framework_rows() -> list[tuple]:
    """The framework as (code, parent code, kind, title, max, score, comment, unit code): the seed's items below max,
    the leaders' items at full points, and one line per area for the criteria the seed does not list (at full
    points), so every area adds up to its published score."""
    rows = []
    for code, title, maximum, unit in AREAS:
        rows.append((code, "", "area", title, maximum, None, "", unit))
        items = [g for g in SEED_GAPS if g[0] == title]
        if title == AREA_SURVEY:
            rows.append(("9.1", code, "criterion", SIPAS, "17", None, "", "vpdkdd"))
            for i, (_a, _g, item, points, item_max, comment, item_unit) in enumerate(
                    [g for g in items if g[1] == SIPAS], start=1):
                rows.append((f"9.1.{i}", "9.1", "sub_criterion", item, item_max, points, comment, item_unit))
            rows.append(("9.2", code, "criterion", LEADERS, "18", None, "", "vp"))
            weak = iter([g for g in items if g[1] == LEADERS])
            full = dict(LEADERS_FULL)
            for i in range(18):
                if i in full:
                    rows.append((f"9.2.{i + 1}", "9.2", "sub_criterion", full[i], "1", "1", "", "vp"))
                else:
                    _a, _g, item, points, item_max, comment, item_unit = next(weak)
                    rows.append((f"9.2.{i + 1}", "9.2", "sub_criterion", item, item_max, points, comment, item_unit))
            continue
        lost = sum((D(g[4]) - D(g[3]) for g in items), D(0))
        listed = sum((D(g[4]) for g in items), D(0))
        for i, (_a, _g, item, points, item_max, comment, item_unit) in enumerate(items, start=1):
            rows.append((f"{code}.{i}", code, "criterion", item, item_max, points, comment, item_unit))
        rest = D(maximum) - listed
        if rest > 0:
            rows.append((f"{code}.{len(items) + 1}", code, "criterion", "Các tiêu chí còn lại của lĩnh vực",
                         f"{rest}", f"{rest}", "", unit))
        assert D(maximum) - lost >= 0
    rows.append(("10", "", "bonus", "Điểm cộng", "2", "1", "", "vp"))
    rows.append(("11", "", "penalty", "Điểm trừ", "5", "1", "Trừ điểm theo kết quả kiểm tra của tỉnh.", "vp"))
    return rows


def year_results(unit_refs=None) -> drafting.YearResults:
    """The year as plain data, for the pure drafting tests (unit ids are the rows' unit codes' positions)."""
    refs = unit_refs or {}
    nodes: dict[str, drafting.CriterionResult] = {}
    top = []
    for order, (code, parent, kind, title, maximum, points, comment, unit) in enumerate(framework_rows(), start=1):
        node = drafting.CriterionResult(code, title, kind, D(maximum), D(points) if points is not None else None,
                                        comment, refs.get(unit), criterion_id=order, survey=title == AREA_SURVEY)
        nodes[code] = node
        (nodes[parent].children if parent else top).append(node)
    return drafting.YearResults(2023, "Sở Tài nguyên và Môi trường", top, TOTAL, D(100), RANK, OUT_OF,
                                PREVIOUS_TOTAL, PREVIOUS_RANK,
                                "Quyết định số 3626/QĐ-UBND ngày 15/12/2023 của UBND tỉnh")


TITLE = "Bộ chỉ số CCHC các sở, ban, ngành năm 2023 (theo Kế hoạch khắc phục của Sở)"


def build_assessment(cast, *, publish: bool = False):
    """The seed department's 2023 assessment, self-scored, appraised with the council's comments, finalised (and
    published if asked), under a 2023 framework owned by the province."""
    from assessments import actions as assessments
    from frameworks import actions as frameworks
    from frameworks.models import Framework

    framework = Framework.objects.create(year=2023, title=TITLE, owner=cast.province,
                                         decision="Quyết định số 3626/QĐ-UBND ngày 15/12/2023 của UBND tỉnh")
    made: dict[str, object] = {}
    points: dict[str, tuple] = {}
    for order, (code, parent, kind, title, maximum, score, comment, unit) in enumerate(framework_rows(), start=1):
        made[code] = frameworks.add_criterion(framework, by=cast.admin, kind=kind, code=code, title=title,
                                              order=order, max_points=D(maximum), parent=made.get(parent),
                                              responsible_unit=cast.unit(unit))
        if score is not None:
            points[code] = (D(score), comment)
    assessment = assessments.start_assessment(by=cast.mai, framework=framework, unit=cast.department,
                                              window_start=date(2023, 1, 1), window_end=date(2023, 11, 30))
    scores = list(assessment.scores.select_related("criterion"))
    for score in scores:
        # Where the council commented, the department had claimed more; elsewhere its self-score stood.
        value, comment = points[score.criterion.code]
        claimed = (D(0) if score.criterion.kind == "penalty" else score.criterion.max_points) if comment else value
        assessments.self_score(score, by=cast.mai, points=claimed,
                               explanation="Hồ sơ tự đánh giá năm 2023 lưu tại Văn phòng Sở.")
    assessments.submit(assessment, by=cast.mai)
    for score in scores:
        score.refresh_from_db()
        value, comment = points[score.criterion.code]
        assessments.appraise(score, by=cast.thu, points=value, comment=comment)
    assessments.finalise(assessment, by=cast.thu)
    if publish:
        assessments.publish(assessment, by=cast.admin)
    assessment.refresh_from_db()
    return assessment
