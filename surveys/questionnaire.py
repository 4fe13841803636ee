"""The questionnaires cchc ships: the SIPAS questions by aspect, and the 18 items leaders and officials rate (seed 3.2).

Plain data: the template surveys are built from it (migration 0002, actions.ensure_templates); the office copies
and edits them.
"""

from core.i18n import gettext_noop

SIPAS_TITLE = "Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước"
SIPAS_INTRO = (
    "Nhằm nâng cao chất lượng phục vụ, cơ quan mong nhận được ý kiến của Ông/Bà về việc giải quyết thủ tục hành "
    "chính vừa qua. Phiếu không ghi tên; các thông tin về Ông/Bà đều không bắt buộc. Xin trân trọng cảm ơn!"
)

# (aspect, question) in the order of the official SIPAS questionnaire.
SIPAS_QUESTIONS: list[tuple[int, str]] = [
    (1, "Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi"),
    (1, "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận Một cửa đầy đủ, hiện đại, dễ sử dụng"),
    (1, "Dễ dàng tìm hiểu thông tin về thủ tục qua Cổng dịch vụ công, trang thông tin điện tử, tổng đài"),
    (2, "Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác"),
    (2, "Thành phần hồ sơ mà Ông/Bà phải nộp là đúng quy định"),
    (2, "Phí, lệ phí mà Ông/Bà phải nộp là đúng quy định"),
    (2, "Thời hạn giải quyết ghi trên phiếu hẹn là đúng quy định"),
    (3, "Công chức có thái độ giao tiếp lịch sự, chú ý lắng nghe ý kiến của Ông/Bà"),
    (3, "Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà"),
    (3, "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu"),
    (3, "Công chức tuân thủ đúng quy định trong giải quyết công việc"),
    (4, "Kết quả mà Ông/Bà nhận được là đúng quy định, có thông tin đầy đủ, chính xác"),
    (4, "Ông/Bà nhận kết quả đúng hẹn hoặc sớm hơn"),
    (4, "Ông/Bà cảm nhận được sự thay đổi tích cực trong giải quyết thủ tục so với trước đây"),
    (5, "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị"),
    (5, "Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị"),
    (5, "Cơ quan tiếp nhận, xử lý tích cực và thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị"),
]

OPINION_TITLE = "Phiếu lấy ý kiến đánh giá công tác cải cách hành chính của cơ quan, đơn vị"
OPINION_INTRO = (
    "Phiếu dành cho lãnh đạo HĐND tỉnh, UBND tỉnh và cán bộ, công chức, viên chức của đơn vị. "
    "Mỗi nội dung tối đa 1 điểm. Phiếu không ghi tên người trả lời."
)

# Seed section 3.2: "Ý kiến của lãnh đạo HĐND tỉnh, lãnh đạo UBND tỉnh … và CBCCVV của đơn vị" — 18 items of 1 point.
OPINION_ITEMS: list[str] = [
    "Tác động của tuyên truyền đối với việc nâng cao nhận thức của CBCCVC",
    "Kết quả thực hiện Quy chế dân chủ ở cơ sở tại cơ quan, đơn vị",
    "Kết quả thực hiện công tác tiếp nhận và giải quyết đơn thư kiến nghị, khiếu nại tố cáo của đơn vị",
    "Đánh giá của đại biểu HĐND tỉnh về chất lượng quản lý điều hành, việc giải quyết các ý kiến của cử tri",
    "Thường trực HĐND tỉnh, UBND tỉnh đánh giá Kết quả chỉ đạo, điều hành, Quy chế làm việc của UBND tỉnh, "
    "kết quả nhiệm vụ được giao của đơn vị",
    "Đánh giá của lãnh đạo UBND tỉnh về tính kịp thời trong việc chủ trì hoặc phối hợp tham mưu UBND tỉnh giải quyết "
    "các vấn đề, thủ tục liên quan được giao",
    "Đánh giá về văn bản quy phạm pháp luật và văn bản quản lý chỉ đạo điều hành do đơn vị ban hành hoặc tham mưu cấp "
    "có thẩm quyền ban hành (quy định rõ ràng, kịp thời, không mâu thuẫn, chồng chéo)",
    "Việc thực hiện Quy chế làm việc, quy chế phối hợp trong nội bộ của cơ quan, đơn vị trong giải quyết công việc",
    "Kết quả thực hiện chức năng, nhiệm vụ của đơn vị",
    "Triển khai đầy đủ, kịp thời các nội dung quy định về quản lý CCVC trong nội bộ và đối với đơn vị trực thuộc",
    "Thực hiện chế độ, chính sách đối với công chức, viên chức của đơn vị đúng, đầy đủ, kịp thời",
    "Năng lực chuyên môn của công chức trong phối hợp xử lý công việc của cơ quan, đơn vị",
    "Tinh thần trách nhiệm của CBCCVC trong phối hợp, xử lý công việc",
    "Tình trạng công chức lợi dụng chức vụ quyền hạn để trục lợi cá nhân",
    "Đánh giá về tác động của việc thực hành tiết kiệm, chống lãng phí ngân sách nhà nước trong hoạt động của cơ quan, "
    "đơn vị",
    "Tính hiệu quả của việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý "
    "hành chính",
    "Tính hiệu quả của việc quản lý, sử dụng tài sản công",
    "Đánh giá về mức độ tuân thủ quy trình giải quyết công việc theo Hệ thống quản lý chất lượng ISO",
]

# Optional respondent details: the choices offered; an empty answer is always allowed. The Vietnamese is what is
# stored; the form shows it in the reader's language.
GENDERS = [gettext_noop("Nam"), gettext_noop("Nữ"), gettext_noop("Khác")]
AGE_GROUPS = [gettext_noop("Dưới 25 tuổi"), gettext_noop("Từ 25 đến 34"), gettext_noop("Từ 35 đến 44"),
              gettext_noop("Từ 45 đến 54"), gettext_noop("Từ 55 đến 64"), gettext_noop("Từ 65 tuổi trở lên")]
OCCUPATIONS = [
    gettext_noop("Cán bộ, công chức, viên chức"), gettext_noop("Công nhân"), gettext_noop("Nông dân"),
    gettext_noop("Kinh doanh, buôn bán"), gettext_noop("Học sinh, sinh viên"), gettext_noop("Nghỉ hưu"),
    gettext_noop("Nghề nghiệp khác"),
]
RESPONDENT_KINDS = [gettext_noop("Cá nhân"), gettext_noop("Đại diện tổ chức, doanh nghiệp")]
