"""The wording the improvement-plan draft (plans.drafting) proposes for the plan's free sections — purposes and
requirements, solutions, organisation of implementation, budget — and for the SIPAS tasks of each weak aspect: the
seed plan's own sentences, each editable once drafted. Pure Python."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, for matching titles ('Tiếp cận' → 'tiep can')."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", text).split())


# Part II and the closing sections: the seed's wording, editable


def purpose_text(year: int) -> str:
    previous = year - 1
    return "\n".join([
        "**1. Mục đích**",
        "- Tiếp tục duy trì và nâng cao kết quả những tiêu chí, tiêu chí thành phần có điểm số cao; khắc phục những "
        "tiêu chí, tiêu chí thành phần bị giảm điểm, chưa đạt điểm tối đa trong Chỉ số PAR INDEX, SIPAS năm "
        f"{previous}. Phấn đấu Chỉ số CCHC, Chỉ số hài lòng về sự phục vụ hành chính năm {year} tăng cả về điểm số và "
        f"thứ hạng so với năm {previous}.",
        "- Nâng cao tinh thần, trách nhiệm của người đứng đầu các cơ quan, đơn vị; cán bộ, công chức, viên chức và "
        f"nhân dân trong nỗ lực cải thiện Chỉ số PAR INDEX, Chỉ số SIPAS năm {year}.",
        "**2. Yêu cầu**",
        "- Đánh giá đúng thực trạng, kết quả thực hiện các nội dung liên quan. Bám sát các tiêu chí theo dõi, đánh giá "
        "của Chỉ số, các văn bản hướng dẫn của Bộ, ngành Trung ương về CCHC, chủ động, tích cực trong tham mưu thực "
        "hiện; đề ra các giải pháp, biện pháp cụ thể, tổ chức triển khai tại từng cơ quan, đơn vị nhằm nâng cao chất "
        "lượng, hiệu quả (tăng điểm số, tăng thứ hạng) các lĩnh vực, tiêu chí, tiêu chí thành phần của Chỉ số.",
        "- Phân công rõ trách nhiệm và nhiệm vụ cho từng cơ quan, đơn vị; từng cán bộ, công chức, viên chức nhằm khắc "
        "phục những tiêu chí, những nội dung bị giảm điểm, chưa đạt điểm tối đa của Chỉ số PAR INDEX, Chỉ số SIPAS.",
        "- Kiểm tra, đánh giá hiệu quả các giải pháp, từ đó có sự đôn đốc, điều chỉnh các giải pháp thực hiện cho phù "
        "hợp với tình hình thực tế tại cơ quan, đơn vị.",
    ])


def solutions_text(year: int) -> str:
    return (f"Để duy trì các nội dung đạt điểm tối đa và khắc phục, cải thiện những tồn tại, hạn chế trong Chỉ số "
            f"PAR INDEX, Chỉ số SIPAS năm {year - 1}, các phòng, đơn vị thực hiện các nhiệm vụ, giải pháp tại các Phụ "
            "lục kèm theo Kế hoạch này.")


def organisation_text(office: str) -> str:
    office = office or "Văn phòng Sở"
    return "\n".join([
        "1. Căn cứ các nhiệm vụ theo kế hoạch này, Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở có trách nhiệm "
        f"tổ chức triển khai, thực hiện và báo cáo kết quả thực hiện nhiệm vụ hàng tháng về Sở (qua {office}).",
        "2. Kết quả thực hiện nhiệm vụ cải thiện và nâng cao chỉ số CCHC của Sở theo Kế hoạch này là cơ sở để đánh "
        "giá mức độ hoàn thành nhiệm vụ đối với cá nhân lãnh đạo và tập thể phòng, cơ quan, đơn vị trong công tác đánh "
        "giá cuối năm và bình xét thi đua khen thưởng.",
        "Trường hợp để xảy ra trừ điểm đánh giá xếp hạng CCHC cấp tỉnh của Sở thuộc trách nhiệm, nhiệm vụ của cơ quan, "
        "đơn vị nào thì thủ trưởng cơ quan, đơn vị đó không được đánh giá xếp loại hoàn thành xuất sắc nhiệm vụ trong "
        "năm.",
        f"3. {office} có trách nhiệm đôn đốc, kiểm tra việc thực hiện Kế hoạch này đối với các phòng, cơ quan, đơn vị "
        "thuộc Sở; định kỳ tổng hợp báo cáo kết quả cho Lãnh đạo Sở và kết quả cải cách hành chính về UBND tỉnh.",
    ])


BUDGET_TEXT = ("Kinh phí thực hiện công tác cải cách hành chính thường xuyên của Sở được bố trí trong dự toán chi "
               "thường xuyên hàng năm của cơ quan theo phân cấp ngân sách hiện hành.")


# SIPAS: what to do for each weak aspect (the seed's Phụ lục 3 wording)

SIPAS_SOLUTIONS = [
    (("gop y", "phan anh", "kien nghi"),
     "Ngoài tiếp dân định kỳ, dành thời gian đầu giờ để tiếp dân, tạo điều kiện để người dân, tổ chức dễ dàng phản "
     "ánh, kiến nghị khi có nhu cầu. Ngay khi tiếp nhận kiến nghị, phản ánh phải tập trung giải quyết và thông báo kết "
     "quả giải quyết cụ thể đến người dân, tổ chức theo đúng quy định"),
    (("tiep can",),
     "Đổi mới phương pháp thông tin, tuyên truyền về các chính sách đảm bảo hiệu quả, tương tác phù hợp với từng nhóm "
     "đối tượng; thông tin rộng rãi địa chỉ cơ quan, đơn vị có chức năng giải thích, hướng dẫn thực hiện các chính "
     "sách để người dân biết liên hệ"),
    (("cbccvc", "cong chuc", "tinh than trach nhiem"),
     "Tăng cường công tác đào tạo, bồi dưỡng, tập huấn cho đội ngũ cán bộ, công chức, viên chức thực hiện nhiệm vụ "
     "giải quyết công việc cho người dân."),
    (("ket qua",),
     "Theo dõi, đôn đốc kịp thời việc giải quyết hồ sơ, hạn chế tình trạng trễ hạn hồ sơ TTHC; Thực hiện và tiếp tục "
     "mở rộng việc tiếp nhận và trả kết quả TTHC không phụ thuộc vào địa giới hành chính; Đẩy mạnh việc số hóa kết quả "
     "giải quyết TTHC tạo điều kiện thuận lợi để người dân, doanh nghiệp thực hiện TTHC."),
    (("tthc", "thu tuc", "ho so"),
     "Tiếp tục thực hiện rút ngắn 40% đến 45% thời gian giải quyết TTHC của tối thiểu 40% tổng số TTHC thuộc thẩm "
     "quyền giải quyết theo Kế hoạch của UBND tỉnh. Rà soát, đề xuất đơn giản hóa TTHC thuộc thẩm quyền giải quyết."),
]


def sipas_solution(aspect_title: str) -> str:
    folded = fold(aspect_title)
    for words, solution in SIPAS_SOLUTIONS:
        if any(w in folded for w in words):
            return solution
    return f"Triển khai giải pháp nâng cao mức độ hài lòng của người dân, tổ chức về: {aspect_title}"
