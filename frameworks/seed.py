"""The seed department's published results, exactly as the seed plan's section I prints them.

Plain data shared by the demo and the tests (no ORM). Scores as strings so no float creeps in.
"""

AREAS = [
    "Công tác chỉ đạo điều hành CCHC",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy HCNN",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Chính quyền điện tử, chính quyền số",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Điều tra xã hội học",
]
ONE_STOP_MERGED = "Gộp vào Cải cách thủ tục hành chính"

# Section 1.2: {year: ([(score, max) per area in AREAS order, None when merged], bonus, penalty, total, rank)}
HISTORY = {
    2019: ([("8", "11.5"), ("6", "7"), ("5", "5"), ("3.5", "4"), ("11.5", "11.5"), ("6.5", "6.5"), ("9.851", "11"),
            ("8.389", "8.5"), ("23.419", "35")], "1.5", "2", "81.659", 9),
    2020: ([("10.14", "11.5"), ("7", "7"), ("5", "5"), ("2.5", "4"), ("11.5", "11.5"), ("6.5", "6.5"),
            ("9.731", "11"), ("7.368", "8.5"), ("26.886", "35")], "1", "2", "85.625", 10),
    2021: ([("10", "12.5"), ("6", "6"), ("5", "5.5"), ("3.5", "3.5"), ("9", "10"), ("6.5", "6.5"),
            ("10.107", "11.5"), ("8.986", "9.5"), ("26.362", "35")], "1", "1.5", "84.955", 12),
    2022: ([("10", "13.5"), ("5.5", "6.5"), ("5", "5"), ("5.5", "6.5"), ("7", "8"), ("8.5", "8.5"),
            ("7.421", "10"), ("6.395", "7"), ("28.859", "35")], "2", "0.5", "85.675", 12),
    2023: ([("9.5", "12.5"), ("6.5", "6.5"), ("9.729", "11.5"), ("6.5", "6.5"), ("7", "9"), ("8", "8"),
            ("9.376", "11"), None, ("30.620", "35")], "1", "1", "87.225", 10),
}
OUT_OF = 21
HISTORY_SOURCE = "Quyết định 3626/QĐ-UBND ngày 15/12/2023 và các năm trước"

# Section I.2, the 2023 criterion-level results. Areas (code, title, max, responsible unit code) hold
# criteria (code, title, max, score, council's comment, responsible unit code, rule). Where the seed lists only the
# criteria that lost points, one line labelled as a grouping (OTHERS) carries the rest of the area at full points so
# the area adds up to the published score: the seed does not name those criteria. A criterion with score None groups
# the sub-criteria that follow it (code "9.1" groups "9.1.1" …).
# The responsible unit follows Phụ lục 2, part I ("Cơ quan chủ trì"): one unit named → that unit; a group or several
# units named ("Các phòng, đơn vị thuộc Sở"; "Văn phòng Sở; Thanh tra Sở; …") → the department ("stnmt"), since every
# unit named answers; where the seed names nobody (areas, groupings, surveys) → None, and the department answers.
OTHERS = "Các tiêu chí còn lại của lĩnh vực (gộp lại: kế hoạch không nêu tên từng tiêu chí)"
ALL_OF_AREA = "Các tiêu chí của lĩnh vực (gộp lại: kế hoạch không nêu tên từng tiêu chí)"
MANUAL = {"kind": "manual"}
HALF_STEPS = {"kind": "manual", "levels": [0, 0.5, 1]}
SHARE = {"kind": "share"}
CRITERIA_2023 = [
    ("1", AREAS[0], "12.5", None, [
        ("1.1", "Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", "1", "0.5", "", "vp", HALF_STEPS),
        ("1.2", "Thực hiện mệnh lệnh hành chính cấp trên (thể hiện qua phần mềm chỉ đạo điều hành và kết quả theo dõi, "
                "tổng hợp)", "1.5", "0",
         "Theo đánh giá của Hội đồng thẩm định, năm 2023, theo Văn phòng UBND tỉnh theo dõi đạt 46% <50%, không đạt "
         "điểm của tiêu chí.", "stnmt", {"kind": "tiers", "tiers": [{"min": 50, "points": 1.5}]}),
        ("1.3", "Triển khai các văn bản chỉ đạo của UBND tỉnh về CCHC", "1", "0.5",
         "Việc triển khai thực hiện một số văn bản về công tác CCHC của UBND tỉnh chưa đảm bảo thời gian theo chỉ đạo.",
         "stnmt", HALF_STEPS),
        ("1.4", "Thực hiện các giải pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI,... theo chỉ đạo "
                "cấp trên", "1", "0.5",
         "Theo đánh giá của Hội đồng thẩm định, năm 2023, Sở Tài nguyên và Môi trường có triển khai thực hiện giải "
         "pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI,... của Tỉnh nhưng còn chưa kịp thời, hiệu "
         "quả.", "stnmt", HALF_STEPS),
        ("1.5", OTHERS, "8", "8", "", None, MANUAL),
    ]),
    ("2", AREAS[1], "6.5", None, [
        ("2.1", ALL_OF_AREA, "6.5", "6.5", "", None, MANUAL),
    ]),
    ("3", AREAS[2], "11.5", None, [
        ("3.1", "Tham mưu UBND tỉnh ban hành quy trình nội bộ giải quyết TTHC", "0.5", "0",
         "Theo chỉ đạo của UBND tỉnh, thời gian chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công "
         "bố TTHC. Tuy nhiên việc tham mưu quy trình nội bộ các TTHC chưa kịp thời, chất lượng không đảm bảo theo quy "
         "định.", "stnmt", {"kind": "yes_no"}),
        ("3.2", "Cập nhật kịp thời, công khai đầy đủ TTHC tại Trang thông tin điện tử của cơ quan và Trung tâm Phục vụ "
                "hành chính công tỉnh", "0.5", "0",
         "Sở Tài nguyên và Môi trường chưa niêm yết TTHC lĩnh vực giải quyết khiếu nại tố cáo trên Trang thông tin "
         "điện tử (Website) của Sở; chỉ công khai Quyết định công bố TTHC ở dạng văn bản cho phép tải về.",
         "stnmt", {"kind": "yes_no"}),
        ("3.3", "Thời gian giải quyết hồ sơ đúng và sớm hạn", "3", "2.229",
         "Trích xuất tự động trên phần mềm một cửa điện tử từ ngày 01/01/2023 đến ngày 30/11/2023, hồ sơ đúng hạn là "
         "2.618/2.817 hồ sơ.", "stnmt", {"kind": "manual"}),
        ("3.4", OTHERS, "7.5", "7.5", "", None, MANUAL),
    ]),
    ("4", AREAS[3], "6.5", None, [
        ("4.1", ALL_OF_AREA, "6.5", "6.5", "", None, MANUAL),
    ]),
    ("5", AREAS[4], "9", None, [
        ("5.1", "Tiến độ thực hiện tổ chức các lớp đào tạo, bồi dưỡng cán bộ, công chức, viên chức đã được UBND tỉnh "
                "phê duyệt", "1", "0",
         "Việc mở lớp đào tạo, bồi dưỡng chưa đảm bảo thời gian theo Kế hoạch UBND tỉnh phê duyệt.", "vp",
         {"kind": "yes_no"}),
        ("5.2", "Cập nhật dữ liệu cán bộ, công chức, viên chức (https://vungtau.vnerp.vn/) bảo đảm nguyên tắc “Đúng - "
                "Đủ - Sạch - Sống”", "1", "0",
         "Việc cập nhật dữ liệu cán bộ, công chức, viên chức chưa đảm bảo yêu cầu (các sở, ngành thuộc tỉnh không "
         "đảm bảo nội dung tiêu chí này).", "stnmt", {"kind": "yes_no"}),
        ("5.3", OTHERS, "7", "7", "", None, MANUAL),
    ]),
    ("6", AREAS[5], "8", None, [
        ("6.1", ALL_OF_AREA, "8", "8", "", None, MANUAL),
    ]),
    ("7", AREAS[6], "11", None, [
        ("7.1", "Xây dựng và phát triển chính quyền điện tử, chính quyền số: sử dụng kết quả Chỉ số Chuyển đổi số (DTI) "
                "do Sở Thông tin và Truyền thông chấm; Điểm đạt được = [Điểm chỉ số DTI] * 10/100", "11", "9.376", "",
         "ttcntt", {"kind": "linear", "multiply": 10, "divide": 100}),
    ]),
    ("9", AREAS[8], "35", None, [
        ("9.1", "Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)", "17", None, "", None, None),
        ("9.1.1", "Tiếp cận Dịch vụ (Qua Website, BCCI,..)", "3", "2.290", "", None, SHARE),
        ("9.1.2", "Sự hài lòng của tổ chức, công dân về TTHC, DVC của đơn vị (thành phần hồ sơ, lệ phí, thời gian)", "3", "2.239", "", None, SHARE),
        ("9.1.3", "Tinh thần trách nhiệm của CBCCVC tiếp nhận, hướng dẫn và trả kết quả", "4", "3.736", "", None, SHARE),
        ("9.1.4", "Sự hài lòng của người dân về kết quả giải quyết TTHC (đúng quy định, đảm bảo thời gian, cảm nhận sự thay đổi)", "5", "3.480", "", None, SHARE),
        ("9.1.5", "Tiếp nhận, xử lý ý kiến góp ý phản ánh, kiến nghị của người dân, tổ chức", "2", "1.500", "", None, SHARE),
        ("9.2", "Ý kiến của lãnh đạo HĐND tỉnh, lãnh đạo UBND tỉnh, lãnh đạo UBND huyện và CBCCVV của đơn vị "
                "đánh giá công tác CCHC của cơ quan, đơn vị", "18", None, "", None, None),
        ("9.2.1", "Tác động của tuyên truyền đối với việc nâng cao nhận thức của CBCCVV",
         "1", "0.800", "", None, SHARE),
        ("9.2.2", "Kết quả thực hiện Quy chế dân chủ ở cơ sở tại cơ quan, đơn vị",
         "1", "0.900", "", None, SHARE),
        ("9.2.3", "Kết quả thực hiện công tác tiếp nhận và giải quyết đơn thư kiến nghị, khiếu nại tố cáo của đơn vị",
         "1", "1.000", "", None, SHARE),
        ("9.2.4", "Đánh giá của đại biểu HĐND tỉnh về chất lượng quản lý điều hành, việc giải quyết các ý kiến của cử tri",
         "1", "0.917", "", None, SHARE),
        ("9.2.5", "Thường trực HĐND tỉnh, UBND tỉnh đánh giá Kết quả chỉ đạo, điều hành, Quy chế làm việc của UBND tỉnh, kết quả nhiệm vụ được giao của đơn vị",
         "1", "0.900", "", None, SHARE),
        ("9.2.6", "Đánh giá của lãnh đạo UBND tỉnh về tính kịp thời trong việc chủ trì hoặc phối hợp tham mưu UBND tỉnh giải quyết các vấn đề, thủ tục liên quan được giao",
         "1", "0.958", "", None, SHARE),
        ("9.2.7", "Đánh giá về văn bản quy phạm pháp luật và văn bản quản lý chỉ đạo điều hành do đơn vị ban hành hoặc tham mưu cấp có thẩm quyền ban hành (quy định rõ ràng, kịp thời, không mâu thuẫn, chồng chéo)",
         "1", "1.000", "", None, SHARE),
        ("9.2.8", "Việc thực hiện Quy chế làm việc, quy chế phối hợp trong nội bộ của cơ quan, đơn vị trong giải quyết công việc",
         "1", "1.000", "", None, SHARE),
        ("9.2.9", "Kết quả thực hiện chức năng, nhiệm vụ của đơn vị",
         "1", "0.900", "", None, SHARE),
        ("9.2.10", "Triển khai đầy đủ, kịp thời các nội dung quy định của về quản lý CCVC trong nội bộ và đối với đơn vị trực thuộc",
         "1", "1.000", "", None, SHARE),
        ("9.2.11", "Thực hiện chế độ, chính sách đối với công chức, viên chức của đơn vị đúng, đầy đủ, kịp thời",
         "1", "1.000", "", None, SHARE),
        ("9.2.12", "Năng lực chuyên môn của công chức trong phối hợp xử lý công việc của cơ quan, đơn vị",
         "1", "1.000", "", None, SHARE),
        ("9.2.13", "Tinh thần trách nhiệm của CBCCVV trong phối hợp, xử lý công việc",
         "1", "1.000", "", None, SHARE),
        ("9.2.14", "Tình trạng công chức lợi dụng chức vụ quyền hạn để trục lợi cá nhân",
         "1", "1.000", "", None, SHARE),
        ("9.2.15", "Đánh giá về tác động của việc thực hành tiết kiệm, chống lãng phí ngân sách nhà nước trong hoạt động của cơ quan, đơn vị",
         "1", "1.000", "", None, SHARE),
        ("9.2.16", "Tính hiệu quả của việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính",
         "1", "1.000", "", None, SHARE),
        ("9.2.17", "Tính hiệu quả của việc quản lý, sử dụng tài sản công",
         "1", "1.000", "", None, SHARE),
        ("9.2.18", "Đánh giá về mức độ tuân thủ quy trình giải quyết công việc theo Hệ thống quản lý chất lượng ISO",
         "1", "1.000", "", None, SHARE),
    ]),
]
BONUS_2023 = ("10", "Điểm cộng", "2", "1")
PENALTY_2023 = ("11", "Điểm trừ", "5", "1")
TOTAL_2023 = "87.225"
