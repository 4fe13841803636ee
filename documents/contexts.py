"""The data of each document, read from the other apps as plain dicts, lists and strings.

The same dict feeds cchc's own Word layout (documents/builtin.py) and the reform office's templates (docxtpl), so
every key here is a placeholder users can write: {{ co_quan }}, {% for nv in nhiem_vu %}… The names are Vietnamese
without diacritics because the people who write templates read them; the help page lists them all (VARIABLES).
Reads only: other apps' models and result functions, imported inside functions so this app loads without them.
"""

from datetime import date
from decimal import Decimal

from documents import layout

ZERO = Decimal(0)


def _d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _parent_body(agency) -> str:
    """The line above the agency's name: the province for a department, the department for a unit inside it."""
    parent = agency.parent if agency.kind in ("province", "department") else agency.department()
    if parent is None or parent.pk == agency.pk:
        return ""
    if parent.kind == "province":
        # Headers write the province as 'UBND TỈNH BÀ RỊA – VŨNG TÀU', not the full People's Committee name.
        return parent.name.replace("Ủy ban nhân dân", "UBND").replace("Uỷ ban nhân dân", "UBND")
    return parent.name


def heading(*, unit, kind: str, number="", symbol: str = "", issue_date: date | None = None, year: int | None = None,
            summary: str = "", place: str = "", recipients: list[str] | None = None, archive: str = "",
            signer_name: str = "", signer_title: str = "", acting_for: str = "") -> dict:
    """The keys every Word document has: agency header, number, date line, title, recipients, signature."""
    agency = unit
    place = place or _default_place(unit.department())
    number_text = layout.document_number(number, symbol)
    sign_lines = layout.signature_lines(signer_title or "Giám đốc", acting_for)
    return {
        "co_quan_chu_quan": _parent_body(agency),
        "co_quan": agency.name,
        "don_vi_soan_thao": unit.name,
        "so": f"{int(number):02d}" if str(number).isascii() and str(number).isdigit() else str(number or ""),
        "ky_hieu": symbol,
        "so_ky_hieu": number_text,
        "dia_danh": place,
        "ngay_ban_hanh": _d(issue_date),
        "dong_ngay_thang": layout.date_line(place, issue_date, year or (issue_date.year if issue_date else None)),
        "nam": year or (issue_date.year if issue_date else ""),
        "loai_van_ban": kind,
        "ten_loai_van_ban": layout.upper(kind),
        "trich_yeu": summary,
        "noi_nhan": layout.recipient_lines(recipients or [], archive or "VT")[:-1],
        "luu": archive or "VT",
        "dong_luu": layout.recipient_lines([], archive or "VT")[-1],
        "ky_thay": sign_lines[0] if len(sign_lines) > 1 else "",
        "chuc_vu_nguoi_ky": sign_lines[-1],
        "nguoi_ky": signer_name,
    }


def _default_place(agency) -> str:
    province = agency if agency.kind == "province" else agency.parent
    if province is None:
        return ""
    name = province.name
    for prefix in ("Ủy ban nhân dân tỉnh ", "Uỷ ban nhân dân tỉnh ", "Ủy ban nhân dân thành phố ", "UBND tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return ""


TITLES = ["Phó Giám đốc", "Giám đốc", "Phó Chánh Văn phòng", "Chánh Văn phòng", "Phó Chánh Thanh tra",
          "Chánh Thanh tra", "Phó Trưởng phòng", "Trưởng phòng", "Phó Chi cục trưởng", "Chi cục trưởng"]


def _default_signer(unit) -> dict:
    """Who usually signs for the unit: a leader of a department, the head of a unit inside it."""
    from accounts.models import Role, RoleGrant

    role = Role.LEADER if unit.kind in ("province", "department") else Role.UNIT_HEAD
    grant = RoleGrant.objects.filter(role=role, unit=unit).select_related("user").order_by("pk").first()
    if grant is None:
        return {"signer_name": "", "signer_title": "Giám đốc" if role == Role.LEADER else "Thủ trưởng đơn vị",
                "acting_for": ""}
    person = grant.user
    position = person.position or "Giám đốc"
    title = next((t for t in TITLES if position.lower().startswith(t.lower())), position)
    acting_for = title.removeprefix("Phó ").strip() if title.startswith("Phó ") else ""
    return {"signer_name": person.display_name, "signer_title": title,
            "acting_for": acting_for[:1].upper() + acting_for[1:]}


def _names(units) -> str:
    return "; ".join(u.name for u in units)


# Plans (kế hoạch)


def plan_tasks(plan) -> list:
    """The plan's tasks in appendix order with their sections and units, in a fixed number of queries."""
    return list(plan.tasks.select_related("section").prefetch_related("lead_units", "coordinating_units",
                                                                       "monitoring_units")
                .order_by("section__order", "order", "pk"))


def task_row(task, today: date | None = None) -> dict:
    today = today or date.today()
    return {
        "tt": task.code,
        "noi_dung": task.content,
        "chu_tri": task.lead_text or _names(task.lead_units.all()),
        "phoi_hop": task.coordinating_text or _names(task.coordinating_units.all()),
        "theo_doi": task.monitoring_text or _names(task.monitoring_units.all()),
        "san_pham": task.product,
        "thoi_gian": task.deadline_text,
        "han_hoan_thanh": _d(task.effective_due),
        "tinh_trang": "" if task.is_heading else task.get_status_display(),
        "tien_do": "" if task.is_heading else task.progress,
        "qua_han": task.is_overdue(today),
        "la_tieu_de": task.is_heading,
        "cach_thuc": task.method,
        "chu_thich": [{"ky_hieu": str(n.get("mark", "")), "noi_dung": str(n.get("text", ""))}
                      for n in (task.footnotes or []) if isinstance(n, dict)],
        "da_bao_cao": task.status != "not_started",
    }


def plan_context(plan, today: date | None = None) -> dict:
    """A plan with its appendices, sections and tasks (kế hoạch và các phụ lục)."""
    tasks = plan_tasks(plan)
    appendices: dict[str, dict] = {}
    sections: dict[int | None, dict] = {}
    for task in tasks:
        section = task.section
        number = section.appendix_number if section else ""
        appendix = appendices.setdefault(number, {
            "so": number, "ten": section.appendix_title if section else "", "cac_muc": [], "nhiem_vu": []})
        key = section.pk if section else None
        if key not in sections:
            sections[key] = {"so_muc": section.numeral if section else "", "ten": section.title if section else "",
                             "nhiem_vu": []}
            appendix["cac_muc"].append(sections[key])
        row = task_row(task, today)
        sections[key]["nhiem_vu"].append(row)
        appendix["nhiem_vu"].append(row)
    title, acting_for = layout.split_signer_title(plan.signer_title or "Giám đốc")
    recipients, archive = layout.split_archive(list(plan.recipients or []), "VT, VP")
    context = heading(unit=plan.issuing_unit, kind="Kế hoạch", number=plan.number, symbol=plan.symbol,
                      issue_date=plan.issue_date, year=plan.year, summary=plan.summary or plan.title, place=plan.place,
                      recipients=recipients, archive=archive, signer_name=plan.signer_name, signer_title=title,
                      acting_for=acting_for)
    if context["trich_yeu"].lower().startswith("kế hoạch "):
        # 'KẾ HOẠCH' is already the line above: the summary starts after it, as the seed writes it.
        rest = context["trich_yeu"][len("kế hoạch "):]
        context["trich_yeu"] = rest[:1].upper() + rest[1:]
    reference = f"Kế hoạch số {plan.reference}" if plan.reference else "Kế hoạch"
    issued = f" ngày {_d(plan.issue_date)}" if plan.issue_date else ""
    all_rows = [row for appendix in appendices.values() for row in appendix["nhiem_vu"]]
    open_rows = [r for r in all_rows if not r["la_tieu_de"]]
    context.update(_plan_body(plan))
    context.update({
        "ten_ke_hoach": plan.title,
        "kem_theo": f"Kèm theo {reference}{issued} của {context['co_quan']}",
        "chi_tieu": [{"noi_dung": t.label, "gia_tri": f"{t.get_comparison_display()} {layout.score_text(t.value)}"
                      f"{t.unit_label}"} for t in plan.targets.all()],
        "phu_luc": list(appendices.values()),
        "nhiem_vu": all_rows,
        "so_nhiem_vu": len(open_rows),
        "so_hoan_thanh": sum(1 for r in open_rows if r["tinh_trang"] == "Đã hoàn thành"),
        "so_qua_han": sum(1 for r in open_rows if r["qua_han"]),
    })
    return context


PLAN_TEXTS = {"ket_qua_noi_dung": "results_text", "muc_dich_yeu_cau": "purpose_text",
              "nhiem_vu_giai_phap": "solutions_text", "to_chuc_thuc_hien": "organisation_text",
              "kinh_phi": "budget_text"}


def _blocks(text: str) -> list[dict]:
    from plans import richtext

    return [{"loai": block.kind, "chu": [{"text": r.text, "dam": r.bold, "nghieng": r.italic} for r in block.runs]}
            for block in richtext.blocks(text)]


def _province_sentences(plan) -> list[str]:
    """'Kết quả Chỉ số PAR INDEX năm 2023 của tỉnh đạt 91,03 điểm, tăng 3,56 điểm so với năm 2022; xếp hạng 05/63…'"""
    from plans.content_pages import province_results

    lines = []
    for result in province_results(plan):
        name = result.get_index_display()
        text = f"Kết quả {name} năm {result.year} của tỉnh đạt {layout.score_text(result.score)}"
        text += "%" if result.score_unit == "%" else f" {result.score_unit or 'điểm'}"
        if result.score_change:
            word = "tăng" if result.score_change > 0 else "giảm"
            unit = "%" if result.score_unit == "%" else " điểm"
            text += f", {word} {layout.score_text(abs(result.score_change))}{unit} so với năm {result.year - 1}"
        if result.rank:
            text += f"; xếp hạng {layout.rank_text(result.rank, result.out_of)}"
            if result.rank_change:
                word = "tăng" if result.rank_change > 0 else "giảm"
                text += f", {word} {abs(result.rank_change):02d} bậc so với năm {result.year - 1}"
        if result.decision_number:
            text += f" (Quyết định số {result.decision_number}"
            if result.decision_date:
                text += f" ngày {_d(result.decision_date)}"
            if result.decision_issuer:
                text += f" của {result.decision_issuer}"
            text += ")"
        lines.append(text + ".")
    return lines


def _plan_body(plan) -> dict:
    """The whole plan beyond its tasks: bases (căn cứ), the year's results, the free sections."""
    from plans import richtext

    table = None
    results_year = None
    if plan.source_assessment_id:
        results_year = plan.source_assessment.framework.year
        table = _years(plan.source_assessment.unit)
    body = {
        "can_cu": [basis.sentence for basis in plan.legal_bases.all()],
        "ke_hoach_cap_tren": (f"Kế hoạch số {plan.parent_plan.reference}" if plan.parent_plan and
                              plan.parent_plan.reference else (plan.parent_plan.title if plan.parent_plan else "")),
        "nam_ket_qua": results_year or plan.year - 1,
        "ket_qua_chi_so_tinh": _province_sentences(plan),
        "ket_qua_cac_nam": table if table and table["nam"] else {"nam": [], "cac_dong": [], "diem_cong": [],
                                                                 "diem_tru": [], "tong_diem": [], "xep_hang": []},
        "dinh_dang": {},
    }
    for key, name in PLAN_TEXTS.items():
        text = getattr(plan, name)
        body[key] = richtext.plain(text)
        body["dinh_dang"][key] = _blocks(text)
    return body


# Self-assessment report (báo cáo tự đánh giá)


def self_assessment_context(assessment) -> dict:
    from assessments.results import area_totals

    totals = area_totals(assessment)
    evidence = _evidence_names(totals)
    unit = assessment.unit
    framework = assessment.framework
    context = heading(unit=unit, kind="Báo cáo", symbol=f"BC-{_symbol_of(unit)}", year=framework.year,
                      summary=f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {framework.year}",
                      recipients=[f"{framework.owner.name} (b/c)", "Hội đồng thẩm định"], archive="VT, VP",
                      **_default_signer(unit))
    areas = [{"tt": i, "ten": a.area.title, "diem_toi_da": layout.score_text(a.max_points),
              "diem_tu_danh_gia": layout.score_text(a.self_points)} for i, a in enumerate(totals.areas, start=1)]
    criteria, to_explain = [], []
    for line in totals.lines:
        names = evidence.get(line.score.pk, []) if line.score else []
        count = len(names)
        row = {
            "ma": line.criterion.code, "ten": line.criterion.title, "cap": line.depth,
            "diem_toi_da": layout.score_text(line.criterion.max_points),
            "diem_tu_danh_gia": layout.score_text(line.self_points), "so_tai_lieu": count if line.is_leaf else "",
            "giai_trinh": line.score.explanation if line.score else "", "la_tieu_chi_cuoi": line.is_leaf,
            "tai_lieu": names,
        }
        criteria.append(row)
        short = (line.self_points is None or line.self_points < line.criterion.max_points) and \
            line.criterion.kind not in ("bonus", "penalty")
        if line.is_leaf and (count == 0 or short):
            to_explain.append(row)
    context.update({
        "don_vi": unit.name, "bo_chi_so": framework.title, "nam": framework.year,
        "linh_vuc": areas, "tieu_chi": criteria, "can_giai_trinh": to_explain,
        "tong_diem_toi_da": layout.score_text(totals.max_points),
        "tong_tu_danh_gia": layout.score_text(totals.self_total),
        "diem_thuong": layout.score_text(totals.bonus_self), "diem_tru": layout.score_text(totals.penalty_self),
        "xep_loai_du_kien": framework.classify(totals.self_total, totals.max_points),
        "ket_qua_cac_nam": _years(unit),
    })
    return context


def _evidence_names(totals) -> dict[int, list[str]]:
    """Evidence file names per score, in one query."""
    from assessments.models import Evidence

    ids = [line.score.pk for line in totals.lines if line.score]
    names: dict[int, list[str]] = {}
    for score_id, name in Evidence.objects.filter(score_id__in=ids).order_by("pk").values_list("score_id", "name"):
        names.setdefault(score_id, []).append(name)
    return names


def _years(unit) -> dict:
    """The seed's table of results over the years, for the report's reminder of past results."""
    from assessments.results import year_table

    table = year_table(unit)
    return {"nam": table.years, "cac_dong": [{"ten": label, "diem": cells} for label, cells in table.rows],
            "diem_cong": table.bonus, "diem_tru": table.penalty, "tong_diem": table.total, "xep_hang": table.rank}


def _symbol_of(unit) -> str:
    """'STNMT' from the department's code or short name, as symbols are written."""
    agency = unit.department()
    short = (agency.short_name or agency.code).replace("Sở ", "S").replace(" ", "").replace("&", "")
    return short.upper() if len(short) <= 12 else agency.code.upper()


# Results announcement (thông báo kết quả)


def announcement_context(framework, published_only: bool = True) -> dict:
    from assessments.results import ranking

    rows = ranking(framework, published_only=published_only)
    owner = framework.owner
    context = heading(unit=owner, kind="Thông báo", symbol=f"TB-{_symbol_of(owner)}", year=framework.year,
                      summary=f"Kết quả đánh giá, xếp hạng Chỉ số cải cách hành chính năm {framework.year}",
                      recipients=["Các cơ quan, đơn vị được đánh giá"], archive="VT",
                      **_default_signer(owner))
    context.update({
        "bo_chi_so": framework.title, "nam": framework.year, "van_ban_ban_hanh": framework.decision,
        "so_don_vi": len(rows),
        "xep_hang": [{"hang": r.rank, "hang_tren_tong": layout.rank_text(r.rank, len(rows)), "don_vi": r.unit.name,
                      "tong_diem": layout.score_text(r.total), "diem_toi_da": layout.score_text(r.max_points),
                      "xep_loai": r.band} for r in rows],
    })
    return context


# Periodic report (báo cáo định kỳ quý, 6 tháng, năm)


def periodic_context(unit, kind: str, year: int, quarter: int | None = None, today: date | None = None) -> dict:
    """The CCHC report of a period, assembled from the plans' progress and the measured figures."""
    from frameworks.metrics import available_metrics
    from org.models import Unit
    from plans.models import Task

    start, end = layout.period_bounds(kind, year, quarter)
    today = today or date.today()
    as_of = min(today, end)
    period = layout.quarter_label(kind, year, quarter)
    subtree = list(Unit.objects.subtree_of(unit).active(end).order_by("path"))
    ids = [u.pk for u in subtree]
    tasks = list(Task.objects.filter(plan__issuing_unit_id__in=ids, plan__year=year, is_heading=False)
                 .exclude(status=Task.Status.CANCELLED).select_related("plan")
                 .prefetch_related("lead_units").order_by("plan", "order"))
    by_unit: dict[int, dict] = {u.pk: {"ten": u.name, "tong": 0, "hoan_thanh": 0, "dung_han": 0, "qua_han": 0,
                                       "dang_thuc_hien": 0} for u in subtree if u.pk != unit.pk}
    overdue = []
    plans: dict[int, dict] = {}
    for task in tasks:
        due = task.effective_due
        if due is not None and due > end and task.status != Task.Status.DONE:
            continue  # not yet due in this period and not finished: belongs to a later report
        done = task.status == Task.Status.DONE and (task.completed_on is None or task.completed_on <= end)
        late = not done and due is not None and due < as_of
        entry = plans.setdefault(task.plan_id, {"so_ky_hieu": task.plan.reference, "ten": task.plan.title,
                                                "tong": 0, "hoan_thanh": 0, "qua_han": 0})
        entry["tong"] += 1
        entry["hoan_thanh"] += done
        entry["qua_han"] += late
        for lead in task.lead_units.all():
            if lead.pk in by_unit:
                row = by_unit[lead.pk]
                row["tong"] += 1
                row["hoan_thanh"] += done
                row["dung_han"] += bool(done and task.on_time())
                row["qua_han"] += late
                row["dang_thuc_hien"] += not done and not late
        if late:
            overdue.append({"tt": task.code, "noi_dung": task.content, "ke_hoach": task.plan.reference,
                            "chu_tri": task.lead_text or _names(task.lead_units.all()), "han": _d(due)})
    unit_reports = _unit_reports(ids, start, end)
    figures = []
    for metric in available_metrics():
        value = metric.compute(unit, start, as_of)
        if value is not None:
            figures.append({"ten": metric.label, "gia_tri": layout.percent_text(value.value),
                            "gia_tri_so": value.value, "chi_tiet": value.detail})
    total = sum(p["tong"] for p in plans.values())
    finished = sum(p["hoan_thanh"] for p in plans.values())
    context = heading(unit=unit, kind="Báo cáo", symbol=f"BC-{_symbol_of(unit)}", year=year,
                      summary=f"Kết quả thực hiện công tác cải cách hành chính {period}",
                      recipients=["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "Ban Giám đốc Sở"], archive="VT, VP",
                      **_default_signer(unit))
    context.update(_projection(unit, year, today))
    context.update({
        "ky_bao_cao": period, "tu_ngay": _d(start), "den_ngay": _d(end), "so_lieu_den_ngay": _d(as_of),
        "ke_hoach": list(plans.values()), "don_vi": [r for r in by_unit.values() if r["tong"]],
        "so_lieu": figures, "nhiem_vu_qua_han": overdue, "bao_cao_don_vi": unit_reports,
        "tong_nhiem_vu": total, "tong_hoan_thanh": finished,
        "ty_le_hoan_thanh": layout.percent_text(Decimal(finished) * 100 / total) if total else "–",
    })
    return context


# How many rows of criteria at risk or losing points the report lists; the office's board has them all.
PROJECTION_ITEMS = 10


def _projection(unit, year: int, today: date) -> dict:
    """The section "Dự báo điểm": the year's points secured, at risk and lost, the totals projected on time and at
    today's pace (assessments.projection), by area, and the criteria that put points at risk."""
    from assessments.projection_data import for_unit
    from core.i18n import gettext_noop

    found = for_unit(unit, year, today)
    if found is None:
        return {"co_du_bao": False, "du_bao_den_ngay": _d(today), "du_bao_bo_chi_so": "", "du_bao_diem_toi_da": "–",
                "du_bao_chac_chan": "–", "du_bao_nguy_co": "–", "du_bao_da_mat": "–", "du_bao_dung_han": "–",
                "du_bao_tien_do": "–", "du_bao_hang_dung_han": "", "du_bao_hang_tien_do": "",
                "du_bao_linh_vuc": [], "du_bao_tieu_chi": [], "du_bao_tieu_chi_khac": 0}
    total, projection = found.total, found.projection

    def figures(f) -> dict:
        return {"diem_toi_da": layout.score_text(f.max_points), "chac_chan": layout.score_text(f.secured),
                "nguy_co": layout.score_text(f.at_risk), "da_mat": layout.score_text(f.lost),
                "dung_han": layout.score_text(f.on_plan), "tien_do": layout.score_text(f.at_pace)}

    troubled = found.item_rows(gettext_noop, only_troubled=True)
    troubled.sort(key=lambda r: -(r.figures.at_risk + r.figures.lost))
    ranked = projection.ranked or None
    return {
        "co_du_bao": True, "du_bao_den_ngay": _d(today), "du_bao_bo_chi_so": found.framework.title,
        **{f"du_bao_{key}": value for key, value in figures(total).items()},
        "du_bao_hang_dung_han": layout.rank_text(projection.rank_on_plan, ranked) if ranked else "",
        "du_bao_hang_tien_do": layout.rank_text(projection.rank_at_pace, ranked) if ranked else "",
        "du_bao_linh_vuc": [{"ten": row.title, **figures(row.figures)} for row in found.area_rows()],
        "du_bao_tieu_chi": [{"ma": row.code, "ten": row.title, "nguy_co": layout.score_text(row.figures.at_risk),
                             "da_mat": layout.score_text(row.figures.lost), "ly_do": "; ".join(row.reasons),
                             "don_vi": ", ".join(row.units)} for row in troubled[:PROJECTION_ITEMS]],
        "du_bao_tieu_chi_khac": max(0, len(troubled) - PROJECTION_ITEMS),
    }


def _unit_reports(unit_ids: list[int], start: date, end: date) -> list[dict]:
    """What the units reported for the plans' reporting periods due in the window (báo cáo của các đơn vị)."""
    from plans.models import PeriodReport

    reports = (PeriodReport.objects.filter(period__plan__issuing_unit_id__in=unit_ids,
                                           period__due_date__range=(start, end))
               .select_related("period", "period__plan", "unit").order_by("period__due_date", "unit__path"))
    return [{"don_vi": r.unit.name, "ky": r.period.label, "ke_hoach": r.period.plan.reference,
             "ngay_gui": _d(r.submitted_on), "han_gui": _d(r.period.due_date), "dung_han": r.on_time,
             "noi_dung": r.text} for r in reports]
