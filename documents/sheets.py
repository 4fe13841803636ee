"""The Excel exports: a framework, an assessment's results, the year table, the ranking, a plan's tasks,
overdue tasks and the measured figures. Each reads in a fixed number of queries and returns .xlsx bytes."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Count, Q

from documents import contexts
from documents.excel import DATE, INTEGER, PERCENT, SCORE, Column, Row, Workbook

TASK_COLUMNS = [
    Column("TT", 7), Column("Nhiệm vụ / Nội dung thực hiện", 60), Column("Cơ quan chủ trì", 24),
    Column("Cơ quan phối hợp", 24), Column("Cơ quan theo dõi, đôn đốc, tổng hợp", 22),
    Column("Kết quả của nhiệm vụ", 26), Column("Thời gian thực hiện", 20), Column("Hạn hoàn thành", 13, DATE),
    Column("Tình trạng", 16), Column("Tiến độ (%)", 10, INTEGER),
]


def _task_values(task, row: dict) -> list:
    return [row["tt"], row["noi_dung"], row["chu_tri"], row["phoi_hop"], row["theo_doi"], row["san_pham"],
            row["thoi_gian"], None if task.is_heading else task.effective_due, row["tinh_trang"],
            None if task.is_heading else task.progress]


def plan_workbook(plan, today: date | None = None) -> bytes:
    """The plan's tasks in its appendix layout (one sheet per appendix) with due dates and progress."""
    today = today or date.today()
    book = Workbook()
    by_appendix: dict[str, list] = {}
    titles: dict[str, str] = {}
    last_section: dict[str, int | None] = {}
    for task in contexts.plan_tasks(plan):
        number = task.section.appendix_number if task.section else ""
        rows = by_appendix.setdefault(number, [])
        titles.setdefault(number, task.section.appendix_title if task.section else "")
        if task.section and last_section.get(number) != task.section_id and task.section.title:
            rows.append(Row([task.section.numeral, task.section.title, *[""] * 8], bold=True))
        last_section[number] = task.section_id
        rows.append(Row(_task_values(task, contexts.task_row(task, today)), bold=task.is_heading))
    if not by_appendix:
        by_appendix[""] = []
    for number, rows in by_appendix.items():
        label = f"Phụ lục {number}" if number else "Nhiệm vụ"
        book.table(label, title=[label.upper(), titles.get(number) or plan.title,
                                 f"(Kèm theo Kế hoạch {plan.reference} của {plan.issuing_unit.name})"],
                   columns=TASK_COLUMNS, rows=rows)
    return book.to_bytes()


def overdue_workbook(unit, today: date | None = None) -> bytes:
    """Open tasks past their due date (the extension's when approved), led by or issued in the unit's subtree."""
    from plans.models import Task

    today = today or date.today()
    in_tree = Q(plan__issuing_unit__path__startswith=unit.path) | Q(lead_units__path__startswith=unit.path)
    late = Q(extended_due__lt=today) | Q(extended_due__isnull=True, due_date__lt=today)
    tasks = (Task.objects.filter(in_tree, late, is_heading=False,
                                 status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS])
             .distinct().select_related("plan", "section").prefetch_related("lead_units", "coordinating_units",
                                                                           "monitoring_units")
             .order_by("due_date", "plan", "order"))
    columns = [Column("Kế hoạch", 16), *TASK_COLUMNS[:3], Column("Hạn hoàn thành", 13, DATE),
               Column("Số ngày quá hạn", 11, INTEGER), Column("Tình trạng", 16), Column("Tiến độ (%)", 10, INTEGER)]
    rows = []
    for task in tasks:
        row = contexts.task_row(task, today)
        rows.append([task.plan.reference, row["tt"], row["noi_dung"], row["chu_tri"], task.effective_due,
                     (today - task.effective_due).days, row["tinh_trang"], task.progress])
    book = Workbook()
    book.table("Nhiệm vụ quá hạn", title=["DANH SÁCH NHIỆM VỤ QUÁ HẠN", f"{unit.name} – tính đến ngày {today:%d/%m/%Y}"],
               columns=columns, rows=rows, notes=[] if rows else ["Không có nhiệm vụ quá hạn."])
    return book.to_bytes()


def framework_workbook(framework) -> bytes:
    """The framework's tree: code, title, kind, max points, rule, responsible unit, deadline."""
    criteria = list(framework.criteria.select_related("responsible_unit").order_by("order", "pk"))
    children: dict[int | None, list] = {}
    for criterion in criteria:
        children.setdefault(criterion.parent_id, []).append(criterion)
    ordered: list[tuple[int, object]] = []

    def walk(parent_id, depth):
        for criterion in children.get(parent_id, []):
            ordered.append((depth, criterion))
            walk(criterion.pk, depth + 1)

    walk(None, 0)
    columns = [Column("Mã", 9), Column("Lĩnh vực, tiêu chí, tiêu chí thành phần", 60), Column("Loại", 18),
               Column("Điểm tối đa", 11, SCORE), Column("Cách chấm điểm", 40), Column("Tài liệu kiểm chứng", 30),
               Column("Đơn vị chịu trách nhiệm", 26), Column("Thời hạn", 12, DATE)]
    rows = [Row([c.code, ("   " * depth) + c.title, c.get_kind_display(), c.max_points, c.rule_text(), c.guidance,
                 c.responsible_unit.name if c.responsible_unit else "", c.deadline], bold=depth == 0)
            for depth, c in ordered]
    total = sum((c.max_points for d, c in ordered if d == 0 and c.kind not in ("bonus", "penalty")), Decimal(0))
    rows.append(Row(["", "Tổng điểm tối đa", "", total, "", "", "", None], bold=True))
    book = Workbook()
    book.table(f"Bộ chỉ số {framework.year}", title=[framework.title.upper(), framework.decision or
                                                       f"Năm {framework.year} – {framework.owner.name}"],
               columns=columns, rows=rows)
    return book.to_bytes()


def assessment_workbook(assessment) -> bytes:
    """Results per criterion: max, self-score, appraised score, points lost, evidence files, comments."""
    from assessments.models import Score
    from assessments.results import area_totals

    totals = area_totals(assessment)
    counts = dict(Score.objects.filter(assessment=assessment).annotate(n=Count("evidence")).values_list("pk", "n"))
    columns = [Column("Mã", 9), Column("Tiêu chí", 55), Column("Điểm tối đa", 10, SCORE),
               Column("Điểm tự đánh giá", 11, SCORE), Column("Điểm thẩm định", 11, SCORE),
               Column("Điểm bị mất", 10, SCORE), Column("Số tài liệu kiểm chứng", 11, INTEGER),
               Column("Giải trình của đơn vị", 35), Column("Nhận xét của Hội đồng thẩm định", 35)]
    rows = []
    for line in totals.lines:
        score = line.score
        appraised = None
        if line.is_leaf and score is not None:
            appraised = score.appraised_score
        elif not line.is_leaf:
            appraised = line.final_points if all(
                leaf.score is not None and leaf.score.appraised_score is not None
                for leaf in totals.lines if leaf.is_leaf and _under(leaf, line)) else None
        lost = line.lost if line.final_points is not None else None
        rows.append(Row([line.criterion.code, ("   " * line.depth) + line.criterion.title, line.criterion.max_points,
                         line.self_points, appraised, lost,
                         counts.get(score.pk, 0) if score else (None if not line.is_leaf else 0),
                         score.explanation if score else "", score.appraisal_comment if score else ""],
                        bold=line.depth == 0))
    rows.append(Row(["", "Điểm thưởng", None, totals.bonus_self, totals.bonus_final, None, None, "", ""], bold=True))
    rows.append(Row(["", "Điểm trừ", None, totals.penalty_self, totals.penalty_final, None, None, "", ""], bold=True))
    rows.append(Row(["", "Tổng điểm", totals.max_points, totals.self_total, totals.final_total,
                     totals.max_points - totals.final_total, None, "", ""], bold=True))
    book = Workbook()
    framework = assessment.framework
    book.table("Kết quả chấm điểm", title=[f"KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM {framework.year}",
                                           f"{assessment.unit.name} – {assessment.get_phase_display()}",
                                           framework.title], columns=columns, rows=rows)
    return book.to_bytes()


def _under(leaf, line) -> bool:
    """Is leaf in line's subtree? Codes nest ('1.2.3' under '1.2'); area lines hold every leaf of their area."""
    if line.depth == 0:
        return leaf.area.pk == line.criterion.pk
    code = line.criterion.code
    return leaf.area.pk == line.area.pk and (leaf.criterion.code == code or leaf.criterion.code.startswith(code + "."))


def _points(text: str):
    """'87,225' → 87.225 (a number); anything else stays text."""
    try:
        return Decimal(text.replace(",", "."))
    except (InvalidOperation, AttributeError):
        return text


def year_table_workbook(unit) -> bytes:
    """The seed's table 1.2: areas by year as 'score/max', bonus, penalty, total (numbers) and rank."""
    from assessments.results import year_table

    table = year_table(unit)
    columns = [Column("TT", 5), Column("Chỉ số thành phần", 42)] + [Column(f"Năm {y}", 13) for y in table.years]
    rows = [[str(i), label, *cells] for i, (label, cells) in enumerate(table.rows, start=1)]
    n = len(table.rows)
    rows.append([str(n + 1), "Điểm cộng", *table.bonus])
    rows.append([str(n + 2), "Điểm trừ", *table.penalty])
    book = Workbook()
    title = ["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH QUA CÁC NĂM", unit.name]
    sheet = book.table("Kết quả các năm", title=title,
                       columns=columns, rows=rows + [Row(["", "Tổng điểm", *table.total], bold=True),
                                                     Row(["", "Xếp hạng", *table.rank], bold=True)],
                       notes=table.notes)
    # Bonus, penalty and total are plain figures: write them as numbers so they can be charted and summed.
    first_data_row = len(title) + 3  # title lines, a blank line, the header
    for offset in (n, n + 1, n + 2):
        for col in range(3, 3 + len(table.years)):
            cell = sheet.cell(row=first_data_row + offset, column=col)
            value = _points(cell.value) if isinstance(cell.value, str) else cell.value
            if isinstance(value, Decimal):
                cell.value = int(value) if value == value.to_integral() else float(value)
                cell.number_format = "0.0##"
    return book.to_bytes()


def ranking_workbook(framework, published_only: bool = False) -> bytes:
    from assessments.results import ranking

    rows = ranking(framework, published_only=published_only)
    # A unit ranked from its published total (history) has no per-area figures: its area cells stay empty.
    areas = next((row.totals.areas for row in rows if row.totals is not None), [])
    columns = [Column("Xếp hạng", 9, INTEGER), Column("Cơ quan, đơn vị", 40)]
    columns += [Column(a.area.title, 14, SCORE) for a in areas]
    columns += [Column("Điểm thưởng", 10, SCORE), Column("Điểm trừ", 10, SCORE), Column("Tổng điểm", 11, SCORE),
                Column("Điểm tối đa", 10, SCORE), Column("Xếp loại", 14)]
    data = []
    for row in rows:
        by_area = {a.area.pk: a.final_points for a in row.totals.areas} if row.totals is not None else {}
        bonus, penalty = ((row.totals.bonus_final, row.totals.penalty_final) if row.totals is not None
                          else (row.history.bonus, row.history.penalty))
        data.append([row.rank, row.unit.name, *[by_area.get(a.area.pk) for a in areas],
                     bonus, penalty, row.total, row.max_points, row.band])
    book = Workbook()
    book.table("Xếp hạng", title=[f"KẾT QUẢ XẾP HẠNG CHỈ SỐ CCHC NĂM {framework.year}", framework.title],
               columns=columns, rows=data, notes=[] if data else ["Chưa có kết quả đánh giá."])
    return book.to_bytes()


def figures_workbook(unit, year: int, today: date | None = None) -> bytes:
    """The measured figures (dossiers, SIPAS, plans…) of the unit and each unit under it, for the year so far."""
    from frameworks.metrics import available_metrics
    from org.models import Unit

    today = today or date.today()
    start, end = date(year, 1, 1), min(date(year, 12, 31), today)
    metrics = available_metrics()
    units = list(Unit.objects.subtree_of(unit).active(end).order_by("path"))
    columns = [Column("Cơ quan, đơn vị", 40)] + [Column(m.label, 16, PERCENT) for m in metrics]
    rows = []
    for member in units:
        values = [metric.compute(member, start, end) for metric in metrics]
        if any(v is not None for v in values):
            rows.append(Row([member.name, *[v.value if v else None for v in values]], bold=member.pk == unit.pk))
    book = Workbook()
    book.table("Số liệu", title=[f"SỐ LIỆU HỒ SƠ TTHC, KHẢO SÁT VÀ THỰC HIỆN KẾ HOẠCH NĂM {year}",
                                 f"{unit.name} – từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", "Đơn vị tính: %"],
               columns=columns, rows=rows, notes=[] if rows else ["Chưa có số liệu trong khoảng thời gian này."])
    _dossier_counts(book, unit, start, end, {u.pk: u for u in units})
    return book.to_bytes()


DOSSIER_COLUMNS = [
    Column("Cơ quan, đơn vị giải quyết", 36), Column("Tiếp nhận", 10, INTEGER), Column("Trực tuyến", 10, INTEGER),
    Column("Đã giải quyết", 10, INTEGER), Column("Trước hạn", 10, INTEGER), Column("Đúng hạn", 10, INTEGER),
    Column("Trễ hạn", 10, INTEGER), Column("Đang giải quyết", 11, INTEGER), Column("Đang giải quyết, quá hạn", 12, INTEGER),
    Column("Tỷ lệ đúng và trước hạn (%)", 12, PERCENT), Column("Tỷ lệ trực tuyến (%)", 12, PERCENT),
    Column("Tỷ lệ thanh toán trực tuyến (%)", 12, PERCENT), Column("Tỷ lệ số hóa (%)", 12, PERCENT),
]


def _dossier_counts(book: Workbook, unit, start: date, end: date, units: dict) -> None:
    """The one-stop dossier counts per handling unit (two aggregate queries, from the dossiers app)."""
    from dossiers.models import Dossier
    from dossiers.queries import Window, tallies
    from dossiers.stats import Tally, as_percent

    groups = tallies(Dossier.objects.all(), Window(start, end, unit), group="unit")
    rows, whole = [], Tally()
    for unit_id, tally in sorted(groups.items(), key=lambda item: units[item[0]].path if item[0] in units else ""):
        whole.add(tally)
        name = units[unit_id].name if unit_id in units else "Khác"
        rows.append(_tally_row(name, tally, as_percent))
    if rows:
        rows.append(Row(_tally_row("Tổng cộng", whole, as_percent), bold=True))
    book.table("Hồ sơ TTHC", title=[f"TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH NĂM {start.year}",
                                     f"{unit.name} – từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"],
               columns=DOSSIER_COLUMNS, rows=rows,
               notes=[] if rows else ["Chưa có hồ sơ thủ tục hành chính trong khoảng thời gian này."])


def _tally_row(name: str, tally, as_percent) -> list:
    return [name, tally.received, tally.online, tally.settled, tally.early, tally.on_time, tally.late, tally.open,
            tally.overdue, as_percent(tally.on_time_rate), as_percent(tally.online_rate),
            as_percent(tally.payment_rate), as_percent(tally.digitisation_rate)]
