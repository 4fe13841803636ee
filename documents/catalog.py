"""The Word documents cchc writes, the placeholders each offers to user templates, and sample data to test them.

No ORM here: the help page, the upload check and the tests all read these tables.
"""

from dataclasses import dataclass, field

from core.i18n import gettext_noop

PLAN, SELF_ASSESSMENT, ANNOUNCEMENT, PERIODIC = "plan", "self_assessment", "announcement", "periodic_report"

HEADING_VARIABLES = [
    ("co_quan_chu_quan", gettext_noop("Cơ quan chủ quản (dòng trên của tên cơ quan), ví dụ “UBND tỉnh Bà Rịa – Vũng Tàu”")),
    ("co_quan", gettext_noop("Tên cơ quan ban hành, ví dụ “Sở Tài nguyên và Môi trường”")),
    ("don_vi_soan_thao", gettext_noop("Tên phòng, đơn vị soạn thảo")),
    ("so", gettext_noop("Số văn bản (để trống nếu chưa cấp số), ví dụ “05”")),
    ("ky_hieu", gettext_noop("Ký hiệu văn bản, ví dụ “KH-STNMT”")),
    ("so_ky_hieu", gettext_noop("Dòng số, ký hiệu đầy đủ: “Số: 05/KH-STNMT”")),
    ("dia_danh", gettext_noop("Địa danh, ví dụ “Bà Rịa – Vũng Tàu”")),
    ("ngay_ban_hanh", gettext_noop("Ngày ban hành dạng dd/mm/yyyy (trống nếu chưa ký)")),
    ("dong_ngay_thang", gettext_noop("Dòng địa danh, ngày tháng: “Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024”")),
    ("nam", gettext_noop("Năm")),
    ("loai_van_ban", gettext_noop("Tên loại văn bản: “Kế hoạch”, “Báo cáo”, “Thông báo”")),
    ("ten_loai_van_ban", gettext_noop("Tên loại văn bản viết hoa: “KẾ HOẠCH”")),
    ("trich_yeu", gettext_noop("Trích yếu nội dung")),
    ("noi_nhan", gettext_noop("Danh sách nơi nhận (mỗi dòng dạng “- UBND tỉnh (b/c);”): {% for d in noi_nhan %}{{ d }}{% endfor %}")),
    ("luu", gettext_noop("Nơi lưu, ví dụ “VT, VP”")),
    ("dong_luu", gettext_noop("Dòng lưu đầy đủ: “- Lưu: VT, VP.”")),
    ("ky_thay", gettext_noop("Quyền hạn ký khi cấp phó ký thay: “KT. GIÁM ĐỐC” (trống nếu người đứng đầu ký)")),
    ("chuc_vu_nguoi_ky", gettext_noop("Chức vụ người ký viết hoa: “PHÓ GIÁM ĐỐC”")),
    ("nguoi_ky", gettext_noop("Họ tên người ký")),
]

TASK_FIELDS = [
    ("tt", gettext_noop("Số thứ tự như trong kế hoạch (1.1.2)")), ("noi_dung", gettext_noop("Nhiệm vụ / nội dung thực hiện")),
    ("chu_tri", gettext_noop("Cơ quan chủ trì")), ("phoi_hop", gettext_noop("Cơ quan phối hợp")), ("theo_doi", gettext_noop("Cơ quan theo dõi, đôn đốc, tổng hợp")),
    ("san_pham", gettext_noop("Kết quả / sản phẩm")), ("thoi_gian", gettext_noop("Thời gian thực hiện (nguyên văn)")),
    ("han_hoan_thanh", gettext_noop("Hạn hoàn thành (dd/mm/yyyy)")), ("tinh_trang", gettext_noop("Tình trạng")), ("tien_do", gettext_noop("Tiến độ (%)")),
    ("qua_han", gettext_noop("Đúng nếu đã quá hạn")), ("la_tieu_de", gettext_noop("Đúng nếu là dòng tiêu đề nhóm")),
    ("cach_thuc", gettext_noop("Phân công và cách thức thực hiện")),
    ("chu_thich", gettext_noop("Chú thích của nhiệm vụ: ky_hieu, noi_dung")),
    ("da_bao_cao", gettext_noop("Đúng nếu đơn vị đã báo cáo tiến độ")),
]


PROJECTION_FIELDS = [
    ("diem_toi_da", gettext_noop("Điểm tối đa")), ("chac_chan", gettext_noop("Điểm đã chắc chắn")),
    ("nguy_co", gettext_noop("Điểm có nguy cơ mất")), ("da_mat", gettext_noop("Điểm đã mất")),
    ("dung_han", gettext_noop("Dự báo nếu mọi việc đến hạn hoàn thành đúng hạn")),
    ("tien_do", gettext_noop("Dự báo theo tiến độ hiện nay")),
]


@dataclass
class Variable:
    name: str
    description: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # for lists: the keys of each item


@dataclass
class DocumentKind:
    key: str
    label: str
    target: str  # plan, assessment, framework, unit
    variables: list[Variable]

    @property
    def names(self) -> set[str]:
        return {v.name for v in self.variables}


PROJECTION_VARIABLES = [
    Variable("co_du_bao", gettext_noop("Đúng nếu có kỳ đánh giá hay bộ chỉ số của năm để dự báo điểm")),
    Variable("du_bao_den_ngay", gettext_noop("Dự báo điểm tính đến ngày")),
    Variable("du_bao_bo_chi_so", gettext_noop("Bộ chỉ số dùng để dự báo")),
    *(Variable(f"du_bao_{name}", text) for name, text in PROJECTION_FIELDS),
    Variable("du_bao_hang_dung_han", gettext_noop("Thứ hạng dự báo nếu mọi việc hoàn thành đúng hạn, dạng “05/21”")),
    Variable("du_bao_hang_tien_do", gettext_noop("Thứ hạng dự báo theo tiến độ hiện nay")),
    Variable("du_bao_linh_vuc", gettext_noop("Dự báo điểm theo lĩnh vực"), [("ten", gettext_noop("Lĩnh vực")), *PROJECTION_FIELDS]),
    Variable("du_bao_tieu_chi", gettext_noop("Tiêu chí có nguy cơ mất hoặc đã mất điểm"), [
        ("ma", gettext_noop("Mã")), ("ten", gettext_noop("Tiêu chí")), ("nguy_co", gettext_noop("Điểm có nguy cơ mất")),
        ("da_mat", gettext_noop("Điểm đã mất")), ("ly_do", gettext_noop("Vì sao")), ("don_vi", gettext_noop("Đơn vị liên quan"))]),
    Variable("du_bao_tieu_chi_khac", gettext_noop("Số tiêu chí có nguy cơ khác không liệt kê")),
]


def _heading() -> list[Variable]:
    return [Variable(name, text) for name, text in HEADING_VARIABLES]


KINDS: dict[str, DocumentKind] = {
    PLAN: DocumentKind(PLAN, gettext_noop("Kế hoạch (kèm các phụ lục nhiệm vụ)"), "plan", _heading() + [
        Variable("ten_ke_hoach", gettext_noop("Tên kế hoạch")),
        Variable("kem_theo", gettext_noop("Dòng “Kèm theo Kế hoạch số … ngày … của …” dưới tên phụ lục")),
        Variable("chi_tieu", gettext_noop("Danh sách chỉ tiêu"), [("noi_dung", gettext_noop("Chỉ tiêu")), ("gia_tri", gettext_noop("Mức chỉ tiêu, ví dụ “≥ 70%”"))]),
        Variable("phu_luc", gettext_noop("Danh sách phụ lục"), [("so", gettext_noop("Số phụ lục")), ("ten", gettext_noop("Tên phụ lục")),
                                                   ("cac_muc", gettext_noop("Các mục: so_muc, ten, nhiem_vu (danh sách nhiệm vụ)")),
                                                   ("nhiem_vu", gettext_noop("Mọi nhiệm vụ của phụ lục"))]),
        Variable("nhiem_vu", gettext_noop("Mọi nhiệm vụ của kế hoạch (mỗi nhiệm vụ có các trường dưới đây)"), TASK_FIELDS),
        Variable("so_nhiem_vu", gettext_noop("Số nhiệm vụ")), Variable("so_hoan_thanh", gettext_noop("Số nhiệm vụ đã hoàn thành")),
        Variable("so_qua_han", gettext_noop("Số nhiệm vụ quá hạn")),
        Variable("can_cu", gettext_noop("Các căn cứ (mỗi mục viết sau chữ “Căn cứ”)")),
        Variable("ke_hoach_cap_tren", gettext_noop("Kế hoạch cấp trên mà kế hoạch này thực hiện")),
        Variable("nam_ket_qua", gettext_noop("Năm của kết quả đánh giá")),
        Variable("ket_qua_chi_so_tinh", gettext_noop("Các câu về kết quả chỉ số của tỉnh (PAR INDEX, SIPAS…)")),
        Variable("ket_qua_cac_nam", gettext_noop("Kết quả các năm: nam, cac_dong (ten, diem), diem_cong, diem_tru, tong_diem, xep_hang")),
        Variable("ket_qua_noi_dung", gettext_noop("Nội dung kết quả đánh giá năm trước")),
        Variable("muc_dich_yeu_cau", gettext_noop("Mục đích, yêu cầu")),
        Variable("nhiem_vu_giai_phap", gettext_noop("Nhiệm vụ, giải pháp")),
        Variable("to_chuc_thuc_hien", gettext_noop("Tổ chức thực hiện")),
        Variable("kinh_phi", gettext_noop("Kinh phí thực hiện")),
        Variable("dinh_dang", gettext_noop("Các phần nội dung kèm định dạng đậm, nghiêng, gạch đầu dòng (cho mẫu mặc định)")),
    ]),
    SELF_ASSESSMENT: DocumentKind(SELF_ASSESSMENT, gettext_noop("Báo cáo tự đánh giá, chấm điểm CCHC"), "assessment", _heading() + [
        Variable("don_vi", gettext_noop("Đơn vị được đánh giá")), Variable("bo_chi_so", gettext_noop("Tên bộ chỉ số")),
        Variable("linh_vuc", gettext_noop("Bảng tổng hợp theo lĩnh vực"), [("tt", gettext_noop("Số thứ tự")), ("ten", gettext_noop("Lĩnh vực")),
                                                              ("diem_toi_da", gettext_noop("Điểm tối đa")),
                                                              ("diem_tu_danh_gia", gettext_noop("Điểm tự đánh giá"))]),
        Variable("tieu_chi", gettext_noop("Mọi tiêu chí"), [("ma", gettext_noop("Mã")), ("ten", gettext_noop("Tiêu chí")), ("cap", gettext_noop("Cấp (0 = lĩnh vực)")),
                                               ("diem_toi_da", gettext_noop("Điểm tối đa")), ("diem_tu_danh_gia", gettext_noop("Điểm tự đánh giá")),
                                               ("so_tai_lieu", gettext_noop("Số tài liệu kiểm chứng")), ("giai_trinh", gettext_noop("Giải trình")),
                                               ("la_tieu_chi_cuoi", gettext_noop("Đúng nếu là tiêu chí được chấm trực tiếp")),
                                               ("tai_lieu", gettext_noop("Danh sách tên tệp tài liệu kiểm chứng"))]),
        Variable("can_giai_trinh", gettext_noop("Tiêu chí chưa đạt điểm tối đa hoặc chưa có tài liệu kiểm chứng (cùng các trường "
                                   "như tieu_chi)")),
        Variable("tong_diem_toi_da", gettext_noop("Tổng điểm tối đa")), Variable("tong_tu_danh_gia", gettext_noop("Tổng điểm tự đánh giá")),
        Variable("diem_thuong", gettext_noop("Điểm thưởng tự đánh giá")), Variable("diem_tru", gettext_noop("Điểm trừ tự đánh giá")),
        Variable("xep_loai_du_kien", gettext_noop("Xếp loại theo điểm tự đánh giá")),
        Variable("ket_qua_cac_nam", gettext_noop("Kết quả các năm trước: nam (danh sách năm), cac_dong (ten, diem: điểm từng năm), "
                                    "diem_cong, diem_tru, tong_diem, xep_hang (mỗi mục là danh sách theo năm)")),
    ]),
    ANNOUNCEMENT: DocumentKind(ANNOUNCEMENT, gettext_noop("Thông báo kết quả đánh giá, xếp hạng"), "framework", _heading() + [
        Variable("bo_chi_so", gettext_noop("Tên bộ chỉ số")), Variable("van_ban_ban_hanh", gettext_noop("Văn bản ban hành bộ chỉ số")),
        Variable("so_don_vi", gettext_noop("Số cơ quan, đơn vị được xếp hạng")),
        Variable("xep_hang", gettext_noop("Bảng xếp hạng"), [("hang", gettext_noop("Thứ hạng")), ("hang_tren_tong", gettext_noop("Thứ hạng dạng “05/21”")),
                                               ("don_vi", gettext_noop("Cơ quan, đơn vị")), ("tong_diem", gettext_noop("Tổng điểm")),
                                               ("diem_toi_da", gettext_noop("Điểm tối đa")), ("xep_loai", gettext_noop("Xếp loại"))]),
    ]),
    PERIODIC: DocumentKind(PERIODIC, gettext_noop("Báo cáo định kỳ công tác CCHC (quý, 6 tháng, năm)"), "unit", _heading() + [
        Variable("ky_bao_cao", gettext_noop("Kỳ báo cáo: “quý I năm 2024”, “6 tháng đầu năm 2024”, “năm 2024”")),
        Variable("tu_ngay", gettext_noop("Từ ngày")), Variable("den_ngay", gettext_noop("Đến ngày")),
        Variable("so_lieu_den_ngay", gettext_noop("Số liệu tính đến ngày")),
        Variable("ke_hoach", gettext_noop("Kết quả theo kế hoạch"), [("so_ky_hieu", gettext_noop("Số, ký hiệu")), ("ten", gettext_noop("Tên kế hoạch")),
                                                       ("tong", gettext_noop("Số nhiệm vụ")), ("hoan_thanh", gettext_noop("Đã hoàn thành")),
                                                       ("qua_han", gettext_noop("Quá hạn"))]),
        Variable("don_vi", gettext_noop("Kết quả theo phòng, đơn vị chủ trì"), [
            ("ten", gettext_noop("Phòng, đơn vị")), ("tong", gettext_noop("Số nhiệm vụ")), ("hoan_thanh", gettext_noop("Hoàn thành")), ("dung_han", gettext_noop("Đúng hạn")),
            ("dang_thuc_hien", gettext_noop("Đang thực hiện")), ("qua_han", gettext_noop("Quá hạn"))]),
        Variable("so_lieu", gettext_noop("Các chỉ số đo được (hồ sơ TTHC, SIPAS…)"), [("ten", gettext_noop("Chỉ số")), ("gia_tri", gettext_noop("Giá trị")),
                                                                         ("chi_tiet", gettext_noop("Căn cứ số liệu"))]),
        Variable("nhiem_vu_qua_han", gettext_noop("Nhiệm vụ quá hạn"), [("tt", gettext_noop("Số thứ tự")), ("noi_dung", gettext_noop("Nhiệm vụ")),
                                                         ("ke_hoach", gettext_noop("Kế hoạch")), ("chu_tri", gettext_noop("Chủ trì")),
                                                         ("han", gettext_noop("Hạn"))]),
        Variable("bao_cao_don_vi", gettext_noop("Báo cáo của các phòng, đơn vị trong kỳ"), [
            ("don_vi", gettext_noop("Phòng, đơn vị")), ("ky", gettext_noop("Kỳ báo cáo")), ("ke_hoach", gettext_noop("Kế hoạch")), ("ngay_gui", gettext_noop("Ngày gửi")),
            ("han_gui", gettext_noop("Hạn gửi")), ("dung_han", gettext_noop("Đúng nếu gửi đúng hạn")), ("noi_dung", gettext_noop("Nội dung báo cáo"))]),
        Variable("tong_nhiem_vu", gettext_noop("Tổng số nhiệm vụ trong kỳ")), Variable("tong_hoan_thanh", gettext_noop("Số đã hoàn thành")),
        Variable("ty_le_hoan_thanh", gettext_noop("Tỷ lệ hoàn thành")),
        *PROJECTION_VARIABLES,
    ]),
}

KIND_CHOICES = [(k.key, k.label) for k in KINDS.values()]

_SAMPLE_HEADING = {
    "co_quan_chu_quan": "UBND tỉnh Bà Rịa – Vũng Tàu", "co_quan": "Sở Tài nguyên và Môi trường",
    "don_vi_soan_thao": "Văn phòng Sở", "so": "05", "ky_hieu": "KH-STNMT", "so_ky_hieu": "Số: 05/KH-STNMT",
    "dia_danh": "Bà Rịa – Vũng Tàu", "ngay_ban_hanh": "05/01/2024",
    "dong_ngay_thang": "Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024", "nam": 2024, "loai_van_ban": "Kế hoạch",
    "ten_loai_van_ban": "KẾ HOẠCH", "trich_yeu": "Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính năm 2024",
    "noi_nhan": ["- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);"], "luu": "VT, VP", "dong_luu": "- Lưu: VT, VP.",
    "ky_thay": "KT. GIÁM ĐỐC", "chuc_vu_nguoi_ky": "PHÓ GIÁM ĐỐC", "nguoi_ky": "Phan Văn Mạnh",
}
_SAMPLE_TASK = {
    "tt": "1.1", "noi_dung": "Tăng cường tìm hiểu, áp dụng các mô hình, cách làm mới", "chu_tri": "Văn phòng Sở",
    "phoi_hop": "Các phòng, đơn vị trực thuộc", "theo_doi": "Văn phòng Sở", "san_pham": "Báo cáo kết quả thực hiện",
    "thoi_gian": "Năm 2024", "han_hoan_thanh": "31/12/2024", "tinh_trang": "Đang thực hiện", "tien_do": 50,
    "qua_han": False, "la_tieu_de": False, "cach_thuc": "", "chu_thich": [], "da_bao_cao": True,
}
_SAMPLE_CRITERION = {"ma": "1.2", "ten": "Thực hiện mệnh lệnh hành chính cấp trên", "cap": 1, "diem_toi_da": "1,5",
                     "diem_tu_danh_gia": "0", "so_tai_lieu": 0, "giai_trinh": "Đạt 46% < 50%.",
                     "la_tieu_chi_cuoi": True, "tai_lieu": []}

SAMPLES: dict[str, dict] = {
    PLAN: {**_SAMPLE_HEADING, "ten_ke_hoach": "Nâng cao Chỉ số PAR INDEX, SIPAS năm 2024",
           "kem_theo": "Kèm theo Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường",
           "chi_tieu": [{"noi_dung": "Tỷ lệ thanh toán trực tuyến", "gia_tri": "≥ 70%"}],
           "phu_luc": [{"so": "1", "ten": "Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh",
                        "cac_muc": [{"so_muc": "I", "ten": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
                                     "nhiem_vu": [_SAMPLE_TASK]}], "nhiem_vu": [_SAMPLE_TASK]}],
           "nhiem_vu": [_SAMPLE_TASK], "so_nhiem_vu": 1, "so_hoan_thanh": 0, "so_qua_han": 0,
           "can_cu": ["Kế hoạch số 152/KH-UBND ngày 21/06/2024 của UBND tỉnh về việc duy trì, cải thiện và nâng cao "
                      "Chỉ số PAR INDEX, SIPAS năm 2024"],
           "ke_hoach_cap_tren": "Kế hoạch số 152/KH-UBND", "nam_ket_qua": 2023,
           "ket_qua_chi_so_tinh": ["Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của tỉnh đạt 91,03 điểm; "
                                   "xếp hạng 05/63."],
           "ket_qua_cac_nam": {"nam": [2023], "cac_dong": [{"ten": "Cải cách thể chế", "diem": ["6,5/6,5"]}],
                               "diem_cong": ["1"], "diem_tru": ["1"], "tong_diem": ["87,225"], "xep_hang": ["10/21"]},
           "ket_qua_noi_dung": "- Tiêu chí: Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC: 0,5/1.",
           "muc_dich_yeu_cau": "Phân công rõ trách nhiệm và nhiệm vụ cho từng cơ quan, đơn vị.",
           "nhiem_vu_giai_phap": "", "to_chuc_thuc_hien": "Văn phòng Sở có trách nhiệm đôn đốc, kiểm tra.",
           "kinh_phi": "Kinh phí bố trí trong dự toán chi thường xuyên.", "dinh_dang": {}},
    SELF_ASSESSMENT: {**_SAMPLE_HEADING, "loai_van_ban": "Báo cáo", "ten_loai_van_ban": "BÁO CÁO",
                      "don_vi": "Sở Tài nguyên và Môi trường", "bo_chi_so": "Bộ chỉ số CCHC các sở, ban, ngành năm 2024",
                      "linh_vuc": [{"tt": 1, "ten": "Công tác chỉ đạo điều hành CCHC", "diem_toi_da": "12,5",
                                    "diem_tu_danh_gia": "9,5"}],
                      "tieu_chi": [_SAMPLE_CRITERION], "can_giai_trinh": [_SAMPLE_CRITERION],
                      "tong_diem_toi_da": "100", "tong_tu_danh_gia": "87,225", "diem_thuong": "1", "diem_tru": "1",
                      "xep_loai_du_kien": "Tốt",
                      "ket_qua_cac_nam": {"nam": [2022, 2023], "cac_dong": [
                          {"ten": "Công tác chỉ đạo điều hành CCHC", "diem": ["10/13,5", "9,5/12,5"]}],
                          "diem_cong": ["2", "1"], "diem_tru": ["0,5", "1"], "tong_diem": ["85,675", "87,225"],
                          "xep_hang": ["12/21", "10/21"]}},
    ANNOUNCEMENT: {**_SAMPLE_HEADING, "loai_van_ban": "Thông báo", "ten_loai_van_ban": "THÔNG BÁO",
                   "bo_chi_so": "Bộ chỉ số CCHC các sở, ban, ngành năm 2023", "van_ban_ban_hanh": "3626/QĐ-UBND",
                   "so_don_vi": 21, "xep_hang": [{"hang": 10, "hang_tren_tong": "10/21",
                                                   "don_vi": "Sở Tài nguyên và Môi trường", "tong_diem": "87,225",
                                                   "diem_toi_da": "100", "xep_loai": "Tốt"}]},
    PERIODIC: {**_SAMPLE_HEADING, "loai_van_ban": "Báo cáo", "ten_loai_van_ban": "BÁO CÁO",
               "ky_bao_cao": "quý I năm 2024", "tu_ngay": "01/01/2024", "den_ngay": "31/03/2024",
               "so_lieu_den_ngay": "31/03/2024",
               "ke_hoach": [{"so_ky_hieu": "05/KH-STNMT", "ten": "Kế hoạch CCHC năm 2024", "tong": 10,
                             "hoan_thanh": 6, "qua_han": 1}],
               "don_vi": [{"ten": "Văn phòng Sở", "tong": 4, "hoan_thanh": 3, "dung_han": 3, "dang_thuc_hien": 1,
                           "qua_han": 0}],
               "so_lieu": [{"ten": "Tỷ lệ hồ sơ giải quyết đúng hạn (%)", "gia_tri": "92,94%",
                            "chi_tiet": "2.618/2.817 hồ sơ"}],
               "bao_cao_don_vi": [{"don_vi": "Phòng Quản lý đất đai", "ky": "Quý I", "ke_hoach": "05/KH-STNMT",
                                   "ngay_gui": "08/03/2024", "han_gui": "08/03/2024", "dung_han": True,
                                   "noi_dung": "Đã rà soát, cập nhật TTHC lĩnh vực đất đai trên Trang thông tin điện tử."}],
               "nhiem_vu_qua_han": [{"tt": "3.6", "noi_dung": "Cử công chức đến Trung tâm Phục vụ hành chính công",
                                     "ke_hoach": "05/KH-STNMT", "chu_tri": "Văn phòng Sở", "han": "15/03/2024"}],
               "tong_nhiem_vu": 10, "tong_hoan_thanh": 6, "ty_le_hoan_thanh": "60,00%",
               "co_du_bao": True, "du_bao_den_ngay": "31/03/2024",
               "du_bao_bo_chi_so": "Bộ chỉ số CCHC các sở, ban, ngành năm 2024", "du_bao_diem_toi_da": "100",
               "du_bao_chac_chan": "12,5", "du_bao_nguy_co": "3,5", "du_bao_da_mat": "1,5", "du_bao_dung_han": "98,5",
               "du_bao_tien_do": "95", "du_bao_hang_dung_han": "05/21", "du_bao_hang_tien_do": "08/21",
               "du_bao_linh_vuc": [{"ten": "Cải cách thủ tục hành chính", "diem_toi_da": "11,5", "chac_chan": "0",
                                    "nguy_co": "1,5", "da_mat": "0,5", "dung_han": "11", "tien_do": "9,5"}],
               "du_bao_tieu_chi": [{"ma": "1.2", "ten": "Thực hiện mệnh lệnh hành chính cấp trên", "nguy_co": "1,5",
                                    "da_mat": "0", "ly_do": "1 nhiệm vụ liên quan quá hạn",
                                    "don_vi": "TTCNTT TNMT"}],
               "du_bao_tieu_chi_khac": 0},
}
