"""Seed 004 as written: Khánh Hòa's Sở Tài nguyên và Môi trường, its CCHC plan for 2025.

The plan's text is `plans/fixtures/seeds/004_d6e7c439d52172de.txt`. This module holds
- its transcription: the 35 tasks of the appendix in their 7 sections, each cell as the text writes it, with the units
  a reader takes each assignment cell to name (lead, coordinating, monitoring), and the targets, the reporting calendar
  and the other dated duties of the plan's body (sections I and IV); `plans/tests/test_demo_seeds.py` checks every row
  against the text;
- `build_docx(text)`, which lays the text out as the Word file an office holds (the appendix table split where the
  text's pages split it, its header repeated on each page); `python -m plans.seed_004` rebuilds
  `plans/fixtures/ke-hoach-cchc-2025-stnmt-khanh-hoa.docx`, and a test checks the committed file is what it builds.

The text leaves the decision's number and day blank ("Quyết định số /QĐ-STNMT ngày /01/2025"); the demo records the
signature on ASSUMED_ISSUE_DATE so the duties counted from it have a date, and says so.
"""

import io
import re
from datetime import date, datetime
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXT_PATH = FIXTURES / "seeds" / "004_d6e7c439d52172de.txt"
DOCX_PATH = FIXTURES / "ke-hoach-cchc-2025-stnmt-khanh-hoa.docx"
DEPARTMENT = "kh-stnmt"

TITLE = "Cải cách hành chính của Sở Tài nguyên và Môi trường năm 2025"
YEAR = 2025
# The day the director signs is blank in the text (".../01/2025"): the demo's assumption, in January as written.
ASSUMED_ISSUE_DATE = date(2025, 1, 10)
APPENDIX_TITLE = "NHIỆM VỤ CỤ THỂ, SẢN PHẨM, TIẾN ĐỘ VÀ TRÁCH NHIỆM THỰC HIỆN"
COLUMNS = ("STT", "Nhiệm vụ", "Sản phẩm", "Tiến độ", "Phân công và cách thức thực hiện")

# Unit codes (org.demo.KHANH_HOA_UNITS) a reader takes the assignment cells to name.
ALL = ("kh-vp", "kh-ddbd", "kh-ccqldd", "kh-vpdkdd", "kh-ttcntt")  # "Các phòng, đơn vị thuộc Sở" and the like
OFFICE = ("kh-vp",)
DIVISIONS = ("kh-vp", "kh-ddbd")  # "Các phòng thuộc Sở"
IT_CENTRE = ("kh-ttcntt",)
LEAD_OFFICE = "- Đơn vị chủ trì: Văn phòng Sở\n- Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở"
LEAD_UNITS = "- Đơn vị chủ trì: Các phòng, đơn vị thuộc Sở\n- Đơn vị phối hợp: Văn phòng Sở"
OFFICE_DRAFTS = ("Văn phòng Sở chủ trì, phối hợp với các đơn vị có liên quan xây dựng Đề án, gửi Sở Nội vụ thẩm "
                 "định, trình UBND tỉnh")
RELATED = "Các phòng, đơn vị có liên quan"

# (numeral, title, [(code, task, product, schedule, assignment, lead, coordinating, monitoring)])
SECTIONS = [
    ("I", "Cải cách thể chế", [
        ("1", "Xây dựng Kế hoạch công tác theo dõi tình hình thi hành pháp luật năm 2025", "Kế hoạch của Sở",
         "Theo Kế hoạch của UBND tỉnh", "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở",
         OFFICE, ALL, ()),
        ("2", "Phối hợp Xây dựng Chương trình Xúc tiến đầu tư tỉnh Khánh Hòa năm 2025", "Văn bản phối hợp",
         "Trong Quý I/2025", RELATED, ALL, (), ()),
        ("3", "Phối hợp Xây dựng Chương trình hành động nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) tỉnh Khánh "
              "Hòa năm 2025", "Văn bản phối hợp", "Quý II/2025", RELATED, ALL, (), ()),
        ("4", "Tiếp tục phối hợp triển khai hiệu quả Chương trình phát triển nguồn nhân lực tỉnh Khánh Hòa giai đoạn "
              "2021-2025", "Văn bản phối hợp", "Theo tiến độ Kế hoạch", RELATED, ALL, (), ()),
        ("5", "Phối hợp Tổ chức đối thoại giữa Lãnh đạo tỉnh với doanh nghiệp ít nhất 02 lần/năm nhằm tháo gỡ các khó "
              "khăn, vướng mắc cho doanh nghiệp trong lĩnh vực đầu tư, sản xuất kinh doanh trên địa bàn tỉnh",
         "Hội nghị", "Trong năm 2025", "Các phòng, đơn vị", ALL, (), ()),
    ]),
    ("II", "Cải cách thủ tục hành chính (TTHC)", [
        ("1", "Rà soát, thực hiện tái cấu trúc quy trình các thủ tục hành chính, dịch vụ công để tiếp tục đơn giản hóa "
              "các quy trình, thủ tục, giấy tờ công dân",
         "TTHC được tái cấu trúc, cắt giảm thông tin khai báo theo quy định", "Thường xuyên",
         "- Các phòng thuộc Sở chủ động rà soát, đề xuất tái cấu trúc các TTHC, dịch vụ công\n"
         "- Văn phòng Sở tổng hợp, trình cấp có thẩm quyền quyết định.", DIVISIONS, (), OFFICE),
        ("2", "Phê duyệt phương án đơn giản hóa đối với ít nhất 20% TTHC nội bộ thuộc phạm vi chức năng quản lý",
         "Quyết định của Chủ tịch UBND tỉnh", "Trong năm 2025", LEAD_UNITS, ALL, OFFICE, ()),
        ("3", "Số hóa hồ sơ, kết quả giải quyết TTHC",
         "100% hồ sơ, kết quả giải quyết TTHC được số hóa theo quy định hiện hành", "Thường xuyên", LEAD_UNITS, ALL,
         OFFICE, ()),
        ("4", "Tổ chức thực thi phương án phân cấp trong giải quyết thủ tục hành chính theo Quyết định số 1015/QĐ-TTg "
              "ngày 30/8/2022 của Thủ tướng Chính phủ trên địa bàn tỉnh",
         "Phương án phân cấp trong giải quyết TTHC được thực thi", "Theo tiến độ của Trung ương", LEAD_UNITS, ALL,
         OFFICE, ()),
        ("5", "Phối hợp Quản lý, vận hành và phát triển Cổng tham vấn và tra cứu quy định kinh doanh",
         "- Các quy định được cập nhật đầy đủ, chính xác, kịp thời và công khai trên Cổng\n"
         "- Các quy định dự kiến ban hành và dự thảo phương án cắt giảm, đơn giản hóa được tham vấn người dân, doanh "
         "nghiệp\n"
         "- Các vướng mắc, đề xuất của tổ chức, cá nhân được tiếp nhận và phản hồi trên Cổng",
         "Theo hướng dẫn của Văn phòng UBND tỉnh", LEAD_UNITS, ALL, OFFICE, ()),
        ("6", "Giao chỉ tiêu hồ sơ trực tuyến toàn trình cho các phòng, đơn vị.", "Quyết định Sở; Công văn",
         "Trong năm 2025", "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở", OFFICE,
         ALL, ()),
        ("7", "Thí điểm giải quyết thủ tục hành chính tự động trên cơ sở ứng dụng công nghệ, dữ liệu số (lựa chọn các "
              "thủ tục hành chính đơn giản, có sẵn cơ sở dữ liệu, có khả năng truy xuất thông tin nhanh chính xác để "
              "thực hiện)",
         "TTHC thí điểm được tiếp nhận, giải quyết và trả kết quả tự động trên môi trường điện tử, hạn chế tối đa sự "
         "tham gia của cán bộ, công chức vào quy trình giải quyết", "Theo chỉ đạo của UBND tỉnh",
         "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng thuộc Sở", OFFICE, DIVISIONS, ()),
    ]),
    ("III", "Cải cách tổ chức bộ máy", [
        ("1", "Thành lập cơ quan chuyên môn mới trên cơ sở sáp nhập các cơ quan chuyên môn cấp tỉnh", "Đề án; Văn bản",
         "Thực hiện liên tục, chủ động sắp xếp trên cơ sở hướng dẫn của Trung ương, UBND tỉnh",
         "Văn phòng Sở, Các phòng, đơn vị liên quan trong việc sáp nhập chủ trì nghiên cứu triển khai", ALL, (), ()),
        ("2", "Sắp xếp tổ chức bên trong các cơ quan chuyên môn cấp tỉnh", "Quyết định của UBND tỉnh",
         "Theo tiến độ của tỉnh", "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở",
         OFFICE, ALL, ()),
        ("3", "Tiếp tục hoàn thiện Quy định chức năng, nhiệm vụ, quyền hạn của các cơ quan chuyên môn thuộc UBND tỉnh "
              "sau khi thực hiện sắp xếp", "Quyết định của UBND tỉnh",
         "Sau khi có đề án sắp xếp và hướng dẫn của cơ quan chuyên môn", LEAD_OFFICE, OFFICE, ALL, ()),
        ("4", "Sắp xếp, tổ chức, chức năng, nhiệm vụ quyền hạn của các đơn vị sự nghiệp công lập và số người làm việc "
              "trong đơn vị sự nghiệp công lập hưởng lương từ ngân sách nhà nước theo lộ trình và quy định tại Nghị "
              "định số 120/2020/NĐ-CP ngày 07/10/2020 của Chính phủ", "Quyết định của UBND tỉnh",
         "Theo chỉ đạo của UBND tỉnh", OFFICE_DRAFTS, OFFICE, ALL, ()),
        ("5", "Tiếp tục hoàn thiện vị trí việc làm trong cơ quan hành chính nhà nước theo quy định tại Nghị định số "
              "62/2020/NĐ-CP ngày 01/8/2020", "Quyết định của UBND tỉnh", "Theo chỉ đạo của UBND tỉnh", OFFICE_DRAFTS,
         OFFICE, ALL, ()),
        ("6", "Tiếp tục hoàn thiện vị trí việc làm trong đơn vị sự nghiệp công lập theo quy định tại Nghị định số "
              "106/2020/NĐ-CP ngày 10/9/2020", "Quyết định của UBND tỉnh", "Theo chỉ đạo của UBND tỉnh", OFFICE_DRAFTS,
         OFFICE, ALL, ()),
        ("7", "Phối hợp Lập mới, chỉnh lý, bổ sung hồ sơ, bản đồ địa giới đơn vị hành chính các cấp tỉnh Khánh Hòa "
              "theo Nghị quyết số 1196/NQ-UBTVQH15 ngày 28/9/2024 của Ủy ban Thường vụ Quốc hội", "Văn bản",
         "Tháng 6/2025",
         "Phòng Đo đạc Bản đồ; Chi Cục Quản lý đất đai phối hợp với các cơ quan có liên quan (khi có yêu cầu)",
         ("kh-ddbd", "kh-ccqldd"), (), ()),
    ]),
    ("IV", "Cải cách chế độ công vụ", [
        ("1", "Tiếp tục triển khai cơ cấu công chức theo Đề án vị trí việc làm",
         "100% cán bộ, công chức đạt chuẩn theo yêu cầu vị trí việc làm Báo cáo của cơ quan",
         "Sau khi Đề án được phê duyệt", "Văn phòng Sở triển khai theo Đề án được phê duyệt", OFFICE, (), ()),
        ("2", "Tiếp tục triển khai cơ cấu viên chức theo Đề án vị trí việc làm",
         "100% viên chức đạt chuẩn theo yêu cầu của vị trí việc làm Báo cáo của cơ quan",
         "Sau khi Đề án được phê duyệt", "Văn phòng Sở triển khai theo Đề án được phê duyệt", OFFICE, (), ()),
        ("3", "Cập nhật phần mềm Quản lý cán bộ, công chức, viên chức tỉnh Khánh Hòa (tích hợp quản lý bộ máy, biên "
              "chế)", "Phần mềm Quản lý cán bộ, công chức, viên chức được cập nhật đầy đủ", "Năm 2025",
         "Văn phòng Sở chủ trì; các phòng đơn vị phối hợp.", OFFICE, ALL, ()),
        ("4", "Triển khai thực hiện chế độ, chính sách cán bộ, công chức, viên chức khi sắp xếp tổ chức bộ máy hệ thống "
              "chính trị", "Các văn bản triển khai", "Theo chỉ đạo của UBND tỉnh", "Văn phòng Sở", OFFICE, (), ()),
        ("5", "Triển khai thực hiện chính sách tinh giản biên chế", "Các văn bản triển khai",
         "Theo chỉ đạo của UBND tỉnh", "Văn phòng Sở", OFFICE, (), ()),
        ("6", "Ban hành quy định về tăng cường kỷ luật, kỷ cương hành chính", "Kế hoạch",
         "Sau khi Kế hoạch được UBND tỉnh ban hành",
         "Văn phòng Sở chủ trì, Các phòng, đơn vị, tổ chức triển khai thực hiện", OFFICE, ALL, ()),
        ("7", "Phối hợp Xây dựng, hoàn thiện và áp dụng có hiệu quả việc thống kê nhật ký công việc cá nhân theo vị trí "
              "việc làm (KPI)", "Các văn bản chỉ đạo, hướng dẫn", "Trong năm 2025",
         "Các phòng, đơn vị, tổ chức triển khai thực hiện", ALL, (), ()),
    ]),
    ("V", "Cải cách tài chính công", [
        ("1", "Phối hợp Xây dựng định mức phân bổ dự toán chi thường xuyên ngân sách địa phương năm 2026 và giai đoạn "
              "2026-2030 trên địa bàn tỉnh", "Văn bản phối hợp", "Quý IV/2025", "Văn phòng Sở thực hiện.", OFFICE, (),
         ()),
        ("2", "Phân cấp nguồn thu, nhiệm vụ chi thường xuyên giữa các cấp ngân sách ở địa phương năm 2026 và thời kỳ ổn "
              "định ngân sách 2026-2030", "Văn bản phối hợp", "Quý IV/2025", "Văn phòng Sở", OFFICE, (), ()),
        ("3", "Tỷ lệ phần trăm (%) phân chia các khoản thu giữa ngân sách cấp tỉnh với ngân sách cấp huyện và ngân sách "
              "cấp xã trong thời kỳ ổn định ngân sách 2026-2030", "Văn bản phối hợp", "Quý IV/2025", "Văn phòng Sở",
         OFFICE, (), ()),
        ("4", "Quy định thẩm quyền quản lý, khai thác tài sản công thuộc phạm vi quản lý của địa phương trên địa bàn tỉnh "
              "Khánh Hòa", "Văn bản phối hợp", "Quý II/2025", "Văn phòng Sở", OFFICE, (), ()),
    ]),
    ("VI", "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", [
        ("1", "Xây dựng Công dữ liệu ngành tài nguyên và môi trường",
         "Cung cấp, chia sẻ dữ liệu tài nguyên và môi trường phục vụ cải cách hành chính, cung cấp dịch vụ công. Công "
         "khai dữ liệu tài nguyên và môi trường theo quy định, phục vụ việc khai thác, sử dụng của cá nhân, tổ chức.",
         "Trong năm 2025", "TTCNTT TNMT chủ trì thực hiện. Các phòng, đơn vị phối hợp.", IT_CENTRE, ALL, ()),
        ("2", "Ban hành Kế hoạch chuyển đổi số giai đoạn 2026 - 2030", "Kế hoạch của cơ quan",
         "Theo chỉ đạo của UBND tỉnh", "- Đơn vị chủ trì: TTCNTT TNMT\n- Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở",
         IT_CENTRE, ALL, ()),
    ]),
    ("VII", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", [
        ("1", "Ban hành Kế hoạch tuyên truyền CCHC năm 2025", "Kế hoạch của Sở", "Theo chỉ đạo của UBND tỉnh",
         LEAD_OFFICE, OFFICE, ALL, ()),
        ("2", "Tổ chức tự đánh giá, chấm điểm Chỉ số CCHC năm 2025", "Hồ sơ chấm điểm", "Năm 2025", LEAD_OFFICE,
         OFFICE, ALL, ()),
        ("3", "Triển khai đánh giá, xếp hạng kết quả thực hiện công tác CCHC của các đơn vị năm 2025",
         "Kết quả đánh giá, xếp loại được công bố", "Quý IV/2025", LEAD_OFFICE, OFFICE, ALL, ()),
    ]),
]

# Section I's targets and the appendix's measurable products: (label, comparison, value, unit of measure, metric cchc
# measures it with or "", the words of the text it comes from). "gt" where the text says "trên", "gte" for "ít nhất"
# and 100 %. The quotes keep the text's own slips ("trực tuyển", "đầu mỗi").
TARGETS = [
    ("Cắt giảm ít nhất 20% thông tin phải khai báo (TTHC, dịch vụ công được rà soát, tái cấu trúc quy trình)", "gte",
     "20", "%", "", "mục tiêu cắt giảm ít nhất 20% thông tin phải khai báo"),
    ("100% người dân khi thực hiện thủ tục hành chính tại Bộ phận một cửa các cấp được định danh, xác thực điện tử",
     "gte", "100", "%", "",
     "100% người dân khi thực hiện thủ tục hành chính tại Bộ phận một cửa các cấp được định danh, xác thực điện tử"),
    ("100% kết quả của các thủ tục hành chính được cung cấp đồng thời cả bản điện tử có giá trị pháp lý", "gte", "100",
     "%", "", "100% kết quả của các thủ tục hành chính được cung cấp đồng thời cả bản điện tử có giá trị pháp lý"),
    ("100% thủ tục hành chính có yêu cầu nghĩa vụ tài chính đủ điều kiện được triển khai thanh toán trực tuyến", "gte",
     "100", "%", "",
     "100% thủ tục hành chính có yêu cầu nghĩa vụ tài chính đủ điều kiện được triển khai thanh toán trực tuyến"),
    ("Tỷ lệ giao dịch thanh toán trực tuyến đạt trên 70%", "gt", "70", "%", "dossiers.online_payment_rate",
     "tỷ lệ giao dịch thanh toán trực tuyển đạt trên 70%"),
    ("Giảm 15% đầu mối bên trong", "gte", "15", "%", "", "đảm bảo giảm 15% đầu mỗi bên trong"),
    ("Mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước đạt trên 90%", "gt",
     "90", "%", "surveys.sipas_index",
     "đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh đạt trên 90%"),
    ("Mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của đơn vị sự nghiệp công lập đạt trên 90%", "gt", "90",
     "%", "", "đối với sự phục vụ của đơn vị sự nghiệp công lập đạt trên 90%"),
    ("Phê duyệt phương án đơn giản hóa đối với ít nhất 20% TTHC nội bộ thuộc phạm vi chức năng quản lý", "gte", "20",
     "%", "", "Phê duyệt phương án đơn giản hóa đối với ít nhất 20% TTHC nội bộ thuộc phạm vi chức năng quản lý"),
    ("100% hồ sơ, kết quả giải quyết TTHC được số hóa theo quy định hiện hành", "gte", "100", "%",
     "dossiers.digitisation_rate", "100% hồ sơ, kết quả giải quyết TTHC được số hóa theo quy định hiện hành"),
    ("100% cán bộ, công chức đạt chuẩn theo yêu cầu vị trí việc làm", "gte", "100", "%", "",
     "100% cán bộ, công chức đạt chuẩn theo yêu cầu vị trí việc làm"),
    ("100% viên chức đạt chuẩn theo yêu cầu của vị trí việc làm", "gte", "100", "%", "",
     "100% viên chức đạt chuẩn theo yêu cầu của vị trí việc làm"),
    ("Tổ chức đối thoại giữa Lãnh đạo tỉnh với doanh nghiệp ít nhất 02 lần/năm", "gte", "2", "lần", "",
     "đối thoại giữa Lãnh đạo tỉnh với doanh nghiệp ít nhất 02 lần/năm"),
]

# Section IV.3: "báo cáo định kỳ (quý I trước ngày 10/3/2025; 6 tháng trước ngày 10/6/2025; quý III trước ngày
# 10/9/2025, năm trước ngày 10/12/2025)".
REPORT_PERIODS = [("Quý I", date(2025, 3, 10)), ("6 tháng", date(2025, 6, 10)), ("Quý III", date(2025, 9, 10)),
                  ("Năm", date(2025, 12, 10))]
REPORT_QUOTE = ("quý I trước ngày 10/3/2025; 6 tháng trước ngày 10/6/2025; quý III trước ngày 10/9/2025, năm trước "
                "ngày 10/12/2025")

# Section IV's other dated duties, as tasks of the plan's body: (task, product, schedule, lead, monitoring, the words
# of the text they come from).
DUTIES_SECTION = ("IV", "TỔ CHỨC THỰC HIỆN")
DUTIES = [
    ("Xây dựng Kế hoạch cải cách hành chính năm 2025 của đơn vị gửi về Văn phòng Sở", "Kế hoạch CCHC năm 2025 của đơn vị",
     "Trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành Kế hoạch", ALL, OFFICE,
     "xây dựng Kế hoạch cải cách hành chính năm 2025 của đơn vị gửi về Văn phòng Sở trong thời gian 30 ngày kể từ "
     "ngày Giám đốc ký ban hành Kế hoạch"),
    ("Thực hiện đánh giá, xếp hạng kết quả thực hiện công tác cải cách hành chính năm 2025 của Sở và các đơn vị trực "
     "thuộc", "Kết quả đánh giá, xếp hạng", "Trước ngày 15/12/2025", OFFICE, (),
     "thực hiện đánh giá, xếp hạng kết quả thực hiện công tác cải cách hành chính năm 2025 của Sở và các đơn vị trực "
     "thuộc trước ngày 15/12/2025"),
]


def tasks() -> list[tuple[str, tuple]]:
    """(section numeral, row) for the 35 tasks, in the plan's order."""
    return [(numeral, row) for numeral, _title, rows in SECTIONS for row in rows]


# Building the Word file from the text ---------------------------------------------------------------------------

UL = '<ul style="list-style-type: none">'


def _cell_paragraphs(cell: str, continuation: bool) -> list[str]:
    """A cell's lines: a bulleted list (written '<ul …> - a - b' in the text) one item per line; the part of a cell
    carried over to the next page keeps its bullets too."""
    cell = cell.strip()
    if cell.startswith(UL):
        items = [item.strip() for item in cell[len(UL):].strip().removeprefix("-").split(" - ")]
        return [f"- {item}" for item in items if item]
    if continuation and " - " in cell:
        first, *rest = cell.split(" - ")
        return [first.strip(), *(f"- {item.strip()}" for item in rest)]
    return [cell] if cell else []


def _add_runs(paragraph, text: str) -> None:
    """'*…*' in the text is italic in the document; a line break inside a paragraph stays one."""
    for index, part in enumerate(re.split(r"\*([^*]+)\*", text)):
        lines = part.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.italic = index % 2 == 1
            if number < len(lines) - 1:
                run.add_break()


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def build_docx(text: str) -> bytes:
    """The plan as a Word file, laid out from its text (A4, Times New Roman, the appendix as 5-column tables)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    core = document.core_properties
    core.title, core.author = TITLE, "Sở Tài nguyên và Môi trường tỉnh Khánh Hòa"
    core.created = core.modified = core.last_printed = datetime(2025, 1, 10)  # the same bytes on every build

    body, _, appendix = text.partition("\nPHỤ LỤC\n")
    for number, block in enumerate(_blocks(body)):
        paragraph = document.add_paragraph()
        _add_runs(paragraph, block)
        if number < 3:  # KẾ HOẠCH, the title, "(Ban hành kèm theo …)"
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.bold = number < 2
        elif re.match(r"^[IVX]+\. ", block):
            for run in paragraph.runs:
                run.bold = True
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    head, _, rows = appendix.partition("\n\n")
    for number, line in enumerate(["PHỤ LỤC", *head.strip().split("\n")]):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold, run.italic = number < 2, number == 2

    table = None
    for line in rows.split("\n"):
        if "\t" not in line:
            continue
        cells = line.split("\t")
        if cells[0] == COLUMNS[0]:
            if table is not None:  # the text's next page: the table goes on with its header repeated
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            table = document.add_table(rows=0, cols=len(COLUMNS))
            table.style = "Table Grid"
        assert table is not None, "the appendix starts with its header row"
        continuation = not cells[0].strip() and not cells[1].strip()
        row = table.add_row().cells
        for target, value in zip(row, cells, strict=True):
            lines = _cell_paragraphs(value, continuation) or [""]
            target.text = lines[0]
            for extra in lines[1:]:
                target.add_paragraph(extra)
            if cells[0] == COLUMNS[0] or re.fullmatch(r"[IVX]+", cells[0].strip()):
                for run in (r for p in target.paragraphs for r in p.runs):
                    run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_text() -> str:
    return TEXT_PATH.read_text(encoding="utf-8")


if __name__ == "__main__":
    DOCX_PATH.write_bytes(build_docx(read_text()))
    print(f"{DOCX_PATH} rebuilt from {TEXT_PATH.name}")
