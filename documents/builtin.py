"""cchc's own Word layout of each document, drawn from the same context dict a user template receives."""

from documents.word import Cell, Closing, Heading, OfficialDocument, Signer

TASK_HEADER = ["TT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp",
               "Cơ quan theo dõi, đôn đốc, tổng hợp", "Kết quả của nhiệm vụ", "Thời gian thực hiện", "Tiến độ"]
TASK_WIDTHS = [11, 78, 33, 33, 30, 33, 27, 22]


def _start(context: dict) -> OfficialDocument:
    return OfficialDocument(Heading(
        agency=context["co_quan"], parent_body=context["co_quan_chu_quan"], number=context["so"] or None,
        symbol=context["ky_hieu"], place=context["dia_danh"], issue_date=None, year=None,
        kind=context["loai_van_ban"], summary=context["trich_yeu"], date_text=context["dong_ngay_thang"],
    ))


def _close(doc: OfficialDocument, context: dict) -> None:
    acting_for = context["ky_thay"].removeprefix("KT. ").strip()
    doc.closing(Closing(
        recipients=[line.lstrip("- ").rstrip(";") for line in context["noi_nhan"]], archive=context["luu"],
        signer=Signer(context["nguoi_ky"], context["chuc_vu_nguoi_ky"], acting_for)))


def _progress(row: dict) -> str:
    if row["la_tieu_de"]:
        return ""
    text = f"{row['tinh_trang']} ({row['tien_do']}%)"
    return f"{text}\nQuá hạn" if row["qua_han"] else text


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
METHOD_HEADER = "Phân công và cách thức thực hiện"
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _opening(doc: OfficialDocument, context: dict, name: str) -> None:
    """'Căn cứ …;' per legal basis, the last one leading into 'Sở … ban hành Kế hoạch … với nội dung như sau:'."""
    issue = f"{context['co_quan']} ban hành {name} với nội dung như sau:"
    bases = list(context.get("can_cu") or [])
    if not bases:
        doc.paragraph(issue)
        return
    for basis in bases[:-1]:
        doc.paragraph(f"Căn cứ {basis};")
    doc.paragraph(f"Căn cứ {bases[-1]}, {issue}")


def _free(doc: OfficialDocument, context: dict, key: str) -> bool:
    blocks = (context.get("dinh_dang") or {}).get(key)
    if blocks:
        doc.formatted(blocks)
        return True
    if context.get(key):
        doc.paragraph(context[key])
        return True
    return False


def _year_table(doc: OfficialDocument, years: dict) -> None:
    rows = [[str(i), line["ten"], *line["diem"]] for i, line in enumerate(years["cac_dong"], start=1)]
    rows.append(["", Cell("Điểm cộng", italic=True), *years["diem_cong"]])
    rows.append(["", Cell("Điểm trừ", italic=True), *years["diem_tru"]])
    rows.append(["", Cell("Tổng điểm", bold=True), *(Cell(t, bold=True) for t in years["tong_diem"])])
    rows.append(["", Cell("Xếp hạng", bold=True), *(Cell(r, bold=True) for r in years["xep_hang"])])
    doc.table(["TT", "Chỉ số thành phần", *(f"Năm {y}" for y in years["nam"])], rows,
              widths_mm=[8, 60, *([20] * len(years["nam"]))], size=11)


def _task_columns(rows: list[dict], progress: bool) -> tuple[list[str], list[float]]:
    header, widths = list(TASK_HEADER[:-1]), list(TASK_WIDTHS[:-1])
    if any(r["cach_thuc"] for r in rows):
        header.append(METHOD_HEADER)
        widths.append(40)
    if progress:
        header.append(TASK_HEADER[-1])
        widths.append(TASK_WIDTHS[-1])
    return header, widths


def _marked(row: dict) -> str:
    """The task's text with its footnote marks, as the plan prints them (a mark already in the text stays)."""
    text = row["noi_dung"]
    for note in row["chu_thich"]:
        mark = note["ky_hieu"].translate(SUPERSCRIPT)
        if mark and mark not in text and note["ky_hieu"] not in text[-3:]:
            text = f"{text}{mark}"
    return text


def plan_document(context: dict) -> bytes:
    """The whole plan (Nghị định 30): header, căn cứ, results of the year, purposes and requirements, targets, tasks
    and solutions, organisation and budget, Nơi nhận and signature, then the landscape appendices."""
    doc = _start(context)
    name = context["ten_ke_hoach"]
    if not name.lower().startswith("kế hoạch"):
        name = f"Kế hoạch {name[:1].lower()}{name[1:]}"
    _opening(doc, context, name)
    numerals = iter(ROMAN)
    years = context.get("ket_qua_cac_nam") or {}
    if context.get("ket_qua_noi_dung") or context.get("ket_qua_chi_so_tinh") or years.get("nam"):
        doc.section_heading(f"{next(numerals)}. KẾT QUẢ ĐÁNH GIÁ NĂM {context['nam_ket_qua']}")
        for sentence in context.get("ket_qua_chi_so_tinh") or []:
            doc.paragraph(sentence)
        if years.get("nam"):
            doc.paragraph(f"Điểm đánh giá các chỉ số thành phần cải cách hành chính của {context['co_quan']} qua các "
                          "năm như sau:")
            _year_table(doc, years)
        _free(doc, context, "ket_qua_noi_dung")
    if context.get("muc_dich_yeu_cau"):
        doc.section_heading(f"{next(numerals)}. MỤC ĐÍCH, YÊU CẦU")
        _free(doc, context, "muc_dich_yeu_cau")
    if context["chi_tieu"]:
        doc.section_heading(f"{next(numerals)}. CHỈ TIÊU")
        doc.bullets([f"{t['noi_dung']}: {t['gia_tri']}." for t in context["chi_tieu"]])
    doc.section_heading(f"{next(numerals)}. NHIỆM VỤ VÀ GIẢI PHÁP")
    _free(doc, context, "nhiem_vu_giai_phap")
    reported = any(r["da_bao_cao"] for r in context["nhiem_vu"])
    line = "Các nhiệm vụ cụ thể tại các Phụ lục kèm theo Kế hoạch này"
    if reported:
        line += (f" ({context['so_nhiem_vu']} nhiệm vụ; đã hoàn thành {context['so_hoan_thanh']}, quá hạn "
                 f"{context['so_qua_han']})")
    doc.paragraph(line + ".")
    if context.get("to_chuc_thuc_hien"):
        doc.section_heading(f"{next(numerals)}. TỔ CHỨC THỰC HIỆN")
        _free(doc, context, "to_chuc_thuc_hien")
    if context.get("kinh_phi"):
        doc.section_heading(f"{next(numerals)}. KINH PHÍ THỰC HIỆN")
        _free(doc, context, "kinh_phi")
    _close(doc, context)
    for appendix in context["phu_luc"]:
        doc.appendix(appendix["so"], appendix["ten"], attached_to=context["kem_theo"], landscape=True)
        header, widths = _task_columns(appendix["nhiem_vu"], reported)
        method = METHOD_HEADER in header
        rows, notes = [], []
        for section in appendix["cac_muc"]:
            if section["ten"]:
                rows.append([Cell(section["so_muc"], bold=True, align="center"),
                             Cell(section["ten"], bold=True, span=len(header) - 1)])
            for row in section["nhiem_vu"]:
                bold = row["la_tieu_de"]
                cells = [Cell(row["tt"], bold=bold, align="center"), Cell(_marked(row), bold=bold), row["chu_tri"],
                         row["phoi_hop"], row["theo_doi"], row["san_pham"], row["thoi_gian"]]
                if method:
                    cells.append(row["cach_thuc"])
                if reported:
                    cells.append(_progress(row))
                rows.append(cells)
                notes += [f"{n['ky_hieu'].translate(SUPERSCRIPT)} {n['noi_dung']}" for n in row["chu_thich"]
                          if n["noi_dung"]]
        doc.table(header, rows, widths_mm=widths, size=11)
        for note in notes:
            doc.note(note)
    return doc.to_bytes()


def self_assessment_document(context: dict) -> bytes:
    doc = _start(context)
    doc.paragraph(f"Thực hiện {context['bo_chi_so']}, {context['don_vi']} báo cáo kết quả tự đánh giá, chấm điểm "
                  f"Chỉ số cải cách hành chính năm {context['nam']} như sau:")
    doc.section_heading("I. TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ")
    rows = [[Cell(str(a["tt"]), align="center"), a["ten"], Cell(a["diem_toi_da"], align="right"),
             Cell(a["diem_tu_danh_gia"], align="right")] for a in context["linh_vuc"]]
    rows.append(["", Cell("Điểm thưởng", italic=True), "", Cell(context["diem_thuong"], align="right")])
    rows.append(["", Cell("Điểm trừ", italic=True), "", Cell(context["diem_tru"], align="right")])
    rows.append(["", Cell("Tổng điểm", bold=True), Cell(context["tong_diem_toi_da"], bold=True, align="right"),
                 Cell(context["tong_tu_danh_gia"], bold=True, align="right")])
    doc.table(["TT", "Lĩnh vực / Chỉ số thành phần", "Điểm tối đa", "Điểm tự đánh giá"], rows, widths_mm=[12, 100, 25, 28])
    if context["xep_loai_du_kien"]:
        doc.paragraph(f"Xếp loại dự kiến theo điểm tự đánh giá: {context['xep_loai_du_kien']}.")
    doc.section_heading("II. GIẢI TRÌNH CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA HOẶC CHƯA ĐỦ TÀI LIỆU KIỂM CHỨNG")
    if not context["can_giai_trinh"]:
        doc.paragraph("Các tiêu chí đều đạt điểm tối đa và có đủ tài liệu kiểm chứng.")
    for item in context["can_giai_trinh"]:
        points = (f"{item['diem_tu_danh_gia']}/{item['diem_toi_da']} điểm" if item["diem_tu_danh_gia"] != "–"
                  else f"chưa tự chấm điểm (tối đa {item['diem_toi_da']} điểm)")
        doc.paragraph(f"- Tiêu chí {item['ma']}. {item['ten']}: {points}; "
                      f"{item['so_tai_lieu'] or 'chưa có'} tài liệu kiểm chứng.")
        doc.paragraph(item["giai_trinh"] or "(Chưa có nội dung giải trình.)", italic=not item["giai_trinh"])
    years = context["ket_qua_cac_nam"]
    if years["nam"]:
        doc.section_heading("III. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC NĂM TRƯỚC")
        rows = [[str(i), line["ten"], *line["diem"]] for i, line in enumerate(years["cac_dong"], start=1)]
        rows.append(["", Cell("Điểm cộng", italic=True), *years["diem_cong"]])
        rows.append(["", Cell("Điểm trừ", italic=True), *years["diem_tru"]])
        rows.append(["", Cell("Tổng điểm", bold=True), *(Cell(t, bold=True) for t in years["tong_diem"])])
        rows.append(["", Cell("Xếp hạng", bold=True), *(Cell(r, bold=True) for r in years["xep_hang"])])
        doc.table(["TT", "Chỉ số thành phần", *(f"Năm {y}" for y in years["nam"])], rows,
                  widths_mm=[8, 60, *([20] * len(years["nam"]))], size=11)
    _close(doc, context)
    doc.appendix("", "Bảng điểm tự đánh giá chi tiết", attached_to=f"Kèm theo Báo cáo của {context['co_quan']}",
                 landscape=False)
    rows = [[Cell(c["ma"], bold=not c["la_tieu_chi_cuoi"]), Cell(c["ten"], bold=c["cap"] == 0),
             Cell(c["diem_toi_da"], align="right"), Cell(c["diem_tu_danh_gia"], align="right"),
             "\n".join(f"- {name}" for name in c["tai_lieu"])] for c in context["tieu_chi"]]
    doc.table(["Mã", "Tiêu chí", "Điểm tối đa", "Tự đánh giá", "Tài liệu kiểm chứng"], rows,
              widths_mm=[14, 80, 16, 16, 40], size=11)
    return doc.to_bytes()


def announcement_document(context: dict) -> bytes:
    doc = _start(context)
    basis = f" theo {context['van_ban_ban_hanh']}" if context["van_ban_ban_hanh"] else ""
    doc.paragraph(f"Căn cứ {context['bo_chi_so']}{basis}; trên cơ sở kết quả tự đánh giá của các cơ quan, đơn vị và "
                  f"kết quả thẩm định của Hội đồng thẩm định, {context['co_quan']} thông báo kết quả đánh giá, xếp hạng "
                  f"Chỉ số cải cách hành chính năm {context['nam']} của {context['so_don_vi']} cơ quan, đơn vị như sau:")
    rows = [[Cell(r["hang_tren_tong"], align="center"), r["don_vi"], Cell(r["tong_diem"], align="right"),
             Cell(r["diem_toi_da"], align="right"), r["xep_loai"]] for r in context["xep_hang"]]
    doc.table(["Xếp hạng", "Cơ quan, đơn vị", "Tổng điểm", "Điểm tối đa", "Xếp loại"], rows,
              widths_mm=[20, 85, 22, 22, 25])
    doc.paragraph("Các cơ quan, đơn vị căn cứ kết quả trên xây dựng kế hoạch khắc phục những tiêu chí bị trừ điểm, "
                  "chưa đạt điểm tối đa trong năm tiếp theo.")
    _close(doc, context)
    return doc.to_bytes()


def periodic_document(context: dict) -> bytes:
    doc = _start(context)
    doc.paragraph(f"{context['co_quan']} báo cáo kết quả thực hiện công tác cải cách hành chính {context['ky_bao_cao']} "
                  f"(từ ngày {context['tu_ngay']} đến ngày {context['den_ngay']}) như sau:")
    doc.section_heading("I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH")
    doc.paragraph(f"Tổng số nhiệm vụ đến hạn hoặc đã hoàn thành trong kỳ: {context['tong_nhiem_vu']}; đã hoàn thành "
                  f"{context['tong_hoan_thanh']} (tỷ lệ {context['ty_le_hoan_thanh']}).")
    if context["ke_hoach"]:
        doc.table(["Kế hoạch", "Tên kế hoạch", "Số nhiệm vụ", "Hoàn thành", "Quá hạn"],
                  [[p["so_ky_hieu"], p["ten"], Cell(str(p["tong"]), align="right"),
                    Cell(str(p["hoan_thanh"]), align="right"), Cell(str(p["qua_han"]), align="right")]
                   for p in context["ke_hoach"]], widths_mm=[28, 80, 20, 20, 17])
    if context["don_vi"]:
        doc.subheading("Kết quả theo từng phòng, đơn vị chủ trì:")
        doc.table(["Phòng, đơn vị", "Số nhiệm vụ", "Hoàn thành", "Đúng hạn", "Đang thực hiện", "Quá hạn"],
                  [[u["ten"], *(Cell(str(u[k]), align="right")
                                for k in ("tong", "hoan_thanh", "dung_han", "dang_thuc_hien", "qua_han"))]
                   for u in context["don_vi"]], widths_mm=[75, 18, 18, 18, 18, 18])
    if context["bao_cao_don_vi"]:
        doc.subheading("Báo cáo của các phòng, đơn vị:")
        for report in context["bao_cao_don_vi"]:
            timing = "đúng hạn" if report["dung_han"] else f"trễ hạn, hạn {report['han_gui']}"
            doc.paragraph(f"- {report['don_vi']} ({report['ky']}, gửi ngày {report['ngay_gui']}, {timing}):",
                          italic=True)
            doc.paragraph(report["noi_dung"])
    doc.section_heading("II. CÁC CHỈ SỐ ĐO ĐƯỢC TRONG KỲ")
    if context["so_lieu"]:
        doc.table(["Chỉ số", "Giá trị", "Căn cứ số liệu"],
                  [[f["ten"], Cell(f["gia_tri"], align="right"), f["chi_tiet"]] for f in context["so_lieu"]],
                  widths_mm=[80, 25, 60])
    else:
        doc.paragraph("Chưa có số liệu hồ sơ thủ tục hành chính, khảo sát trong kỳ báo cáo.")
    _projection_section(doc, context)
    doc.section_heading("IV. TỒN TẠI, HẠN CHẾ")
    if context["nhiem_vu_qua_han"]:
        doc.paragraph(f"Còn {len(context['nhiem_vu_qua_han'])} nhiệm vụ quá hạn chưa hoàn thành:")
        doc.table(["TT", "Nhiệm vụ", "Kế hoạch", "Cơ quan chủ trì", "Hạn"],
                  [[t["tt"], t["noi_dung"], t["ke_hoach"], t["chu_tri"], t["han"]]
                   for t in context["nhiem_vu_qua_han"]], widths_mm=[12, 75, 25, 35, 20], size=11)
    else:
        doc.paragraph("Không có nhiệm vụ quá hạn trong kỳ.")
    doc.section_heading("V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
    doc.paragraph("Tiếp tục triển khai các nhiệm vụ còn lại của Kế hoạch cải cách hành chính năm; tập trung khắc phục "
                  "các nhiệm vụ quá hạn và các chỉ số chưa đạt chỉ tiêu.")
    _close(doc, context)
    return doc.to_bytes()


def _projection_section(doc: OfficialDocument, context: dict) -> None:
    """III. Dự báo điểm: the year's points secured, at risk and lost, and where the total is heading."""
    doc.section_heading(f"III. DỰ BÁO ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {context['nam']}")
    if not context["co_du_bao"]:
        doc.paragraph("Chưa có kỳ đánh giá hay bộ chỉ số của năm để dự báo điểm.")
        return
    rank_on_plan = f", xếp hạng {context['du_bao_hang_dung_han']}" if context["du_bao_hang_dung_han"] else ""
    rank_at_pace = f", xếp hạng {context['du_bao_hang_tien_do']}" if context["du_bao_hang_tien_do"] else ""
    doc.paragraph(f"Tính đến ngày {context['du_bao_den_ngay']}, theo {context['du_bao_bo_chi_so']} "
                  f"(tối đa {context['du_bao_diem_toi_da']} điểm): đã chắc chắn {context['du_bao_chac_chan']} điểm; "
                  f"có nguy cơ mất {context['du_bao_nguy_co']} điểm; đã mất {context['du_bao_da_mat']} điểm. "
                  f"Nếu mọi nhiệm vụ đến hạn được hoàn thành đúng hạn, tổng điểm dự báo đạt "
                  f"{context['du_bao_dung_han']} điểm{rank_on_plan}; theo tiến độ hiện nay đạt "
                  f"{context['du_bao_tien_do']} điểm{rank_at_pace}.")
    rows = [[area["ten"], *(Cell(area[key], align="right")
                            for key in ("diem_toi_da", "chac_chan", "nguy_co", "da_mat", "dung_han", "tien_do"))]
            for area in context["du_bao_linh_vuc"]]
    doc.table(["Lĩnh vực", "Tối đa", "Đã chắc chắn", "Có nguy cơ mất", "Đã mất", "Dự báo (đúng hạn)",
               "Dự báo (tiến độ hiện nay)"], rows, widths_mm=[55, 16, 18, 18, 16, 21, 21], size=11)
    if context["du_bao_tieu_chi"]:
        doc.subheading("Các tiêu chí có nguy cơ mất hoặc đã mất điểm:")
        doc.bullets([f"{item['ma']}. {item['ten']}: có nguy cơ mất {item['nguy_co']}, đã mất {item['da_mat']} điểm "
                     f"({item['ly_do']})" + (f"; đơn vị: {item['don_vi']}" if item["don_vi"] else "") + "."
                     for item in context["du_bao_tieu_chi"]])
        if context["du_bao_tieu_chi_khac"]:
            doc.paragraph(f"Và {context['du_bao_tieu_chi_khac']} tiêu chí khác (xem Bảng điều khiển CCHC).")
