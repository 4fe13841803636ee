"""What can be exported, for which object, in which formats; and producing the file (Word via the user's
template when there is one, else cchc's layout; Excel; PDF of either through LibreOffice)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.http import content_disposition as content_disposition  # the documents views' name for it
from documents import builtin, catalog, contexts, layout, pdf, sheets, templating
from documents.models import DocumentTemplate

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"docx": DOCX, "xlsx": XLSX, "pdf": "application/pdf"}


class ExportProblem(Exception):
    """The export could not be made; the message tells the user why and what to do, in Vietnamese."""


@dataclass(frozen=True)
class Export:
    key: str
    label: str
    target: str  # plan, assessment, framework, unit
    base: str  # docx or xlsx
    build: Callable  # (obj, params) -> bytes of the base format
    title: Callable  # (obj, params) -> the file name without extension
    word_kind: str = ""  # the catalog kind whose user templates apply
    needs_period: bool = False
    # (obj, params) -> about how many rows the file holds, counted cheaply: past CCHC_EXPORT_INLINE_ROWS it is
    # prepared in the background (documents.jobs); exports whose size stays small have none.
    rows: Callable | None = None

    @property
    def formats(self) -> tuple[str, str]:
        return (self.base, "pdf")


def _plan_name(plan, params=None) -> str:
    return f"Kế hoạch {plan.reference}" if plan.reference else f"Kế hoạch {plan.title[:80]}"


def _plan_rows(plan, params=None) -> int:
    return plan.tasks.count()


def _overdue_rows(unit, params=None) -> int:
    from plans.models import Task

    return Task.objects.filter(plan__issuing_unit__path__startswith=unit.path, is_heading=False,
                               status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]).count()


def _period_rows(unit, params) -> int:
    from plans.models import Task

    return Task.objects.filter(plan__issuing_unit__path__startswith=unit.path, plan__year=params["year"]).count()


def _period_name(unit, params) -> str:
    return f"Báo cáo CCHC {layout.quarter_label(params['kind'], params['year'], params.get('quarter'))} – {unit.display_short}"


EXPORTS: dict[str, Export] = {e.key: e for e in [
    Export("ke-hoach", _("Kế hoạch kèm phụ lục (Word)"), "plan", "docx",
           lambda plan, p: builtin.plan_document(contexts.plan_context(plan, p.get("today"))),
           _plan_name, word_kind=catalog.PLAN, rows=_plan_rows),
    Export("nhiem-vu", _("Bảng nhiệm vụ và tiến độ (Excel)"), "plan", "xlsx",
           lambda plan, p: sheets.plan_workbook(plan, p.get("today")),
           lambda plan, p: f"Nhiệm vụ {_plan_name(plan)}", rows=_plan_rows),
    Export("bao-cao-tu-danh-gia", _("Báo cáo tự đánh giá (Word)"), "assessment", "docx",
           lambda a, p: builtin.self_assessment_document(contexts.self_assessment_context(a)),
           lambda a, p: f"Báo cáo tự đánh giá CCHC {a.framework.year} – {a.unit.display_short}",
           word_kind=catalog.SELF_ASSESSMENT),
    Export("ket-qua-cham-diem", _("Kết quả chấm điểm theo tiêu chí (Excel)"), "assessment", "xlsx",
           lambda a, p: sheets.assessment_workbook(a),
           lambda a, p: f"Kết quả chấm điểm CCHC {a.framework.year} – {a.unit.display_short}"),
    Export("bo-chi-so", _("Bộ chỉ số (Excel)"), "framework", "xlsx", lambda f, p: sheets.framework_workbook(f),
           lambda f, p: f"Bộ chỉ số CCHC {f.year}"),
    Export("xep-hang", _("Bảng xếp hạng (Excel)"), "framework", "xlsx", lambda f, p: sheets.ranking_workbook(f),
           lambda f, p: f"Xếp hạng CCHC {f.year}"),
    Export("thong-bao-ket-qua", _("Thông báo kết quả, xếp hạng (Word)"), "framework", "docx",
           lambda f, p: builtin.announcement_document(contexts.announcement_context(f)),
           lambda f, p: f"Thông báo kết quả CCHC {f.year}", word_kind=catalog.ANNOUNCEMENT),
    Export("ket-qua-cac-nam", _("Kết quả Chỉ số CCHC qua các năm (Excel)"), "unit", "xlsx",
           lambda u, p: sheets.year_table_workbook(u), lambda u, p: f"Kết quả CCHC qua các năm – {u.display_short}"),
    Export("nhiem-vu-qua-han", _("Nhiệm vụ quá hạn (Excel)"), "unit", "xlsx",
           lambda u, p: sheets.overdue_workbook(u, p.get("today")),
           lambda u, p: f"Nhiệm vụ quá hạn – {u.display_short}", rows=_overdue_rows),
    Export("so-lieu", _("Số liệu hồ sơ TTHC, khảo sát (Excel)"), "unit", "xlsx",
           lambda u, p: sheets.figures_workbook(u, p["year"], p.get("today")),
           lambda u, p: f"Số liệu CCHC {p['year']} – {u.display_short}", needs_period=True),
    Export("bao-cao-dinh-ky", _("Báo cáo định kỳ công tác CCHC (Word)"), "unit", "docx",
           lambda u, p: builtin.periodic_document(
               contexts.periodic_context(u, p["kind"], p["year"], p.get("quarter"), p.get("today"))),
           _period_name, word_kind=catalog.PERIODIC, needs_period=True, rows=_period_rows),
]}


def context_for(export: Export, obj, params: dict) -> dict:
    if export.word_kind == catalog.PLAN:
        return contexts.plan_context(obj, params.get("today"))
    if export.word_kind == catalog.SELF_ASSESSMENT:
        return contexts.self_assessment_context(obj)
    if export.word_kind == catalog.ANNOUNCEMENT:
        return contexts.announcement_context(obj)
    return contexts.periodic_context(obj, params["kind"], params["year"], params.get("quarter"), params.get("today"))


def unit_of(target: str, obj):
    return {"plan": lambda o: o.issuing_unit, "assessment": lambda o: o.unit, "framework": lambda o: o.owner,
            "unit": lambda o: o}[target](obj)


def template_for(export: Export, obj) -> DocumentTemplate | None:
    """The user template that applies: one made for this object, else the nearest unit default above it."""
    if not export.word_kind:
        return None
    own = (DocumentTemplate.objects.filter(kind=export.word_kind, target_type=export.target, target_id=obj.pk)
           .exclude(target_type=DocumentTemplate.Target.UNIT).order_by("-uploaded_at", "-pk").first())
    if own is not None:
        return own
    unit = unit_of(export.target, obj)
    ancestor_ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    return (DocumentTemplate.objects.filter(kind=export.word_kind, target_type=DocumentTemplate.Target.UNIT,
                                            unit_id__in=ancestor_ids)
            .select_related("unit").order_by("-unit__depth", "-uploaded_at", "-pk").first())


def produce(export: Export, obj, fmt: str, params: dict, use_template: bool = True) -> tuple[bytes, str]:
    """(file bytes, download name). Raises ExportProblem with a message for the user."""
    if fmt not in export.formats:
        raise ExportProblem(gettext("Định dạng tệp không hỗ trợ cho văn bản này."))
    template = template_for(export, obj) if use_template else None
    # Documents are written in Vietnamese whatever language the reader's pages are in (choice labels included).
    with translation.override(settings.LANGUAGE_CODE):
        if template is not None:
            try:
                with template.file.open("rb") as handle:
                    data = templating.fill(handle.read(), context_for(export, obj, params))
            except (OSError, templating.TemplateProblem) as error:
                raise ExportProblem(f"Mẫu “{template.name}” không dùng được: {error} "
                                    "Có thể tải bản theo thể thức mặc định của cchc.")
        else:
            data = export.build(obj, params)
    if fmt == "pdf":
        data = convert(data, export.base)
    return data, file_name(export, obj, fmt, params)


def convert(data: bytes, base: str) -> bytes:
    """The PDF of a .docx or .xlsx. Raises ExportProblem with a message for the user."""
    try:
        return pdf.to_pdf(data, base)
    except pdf.ConversionError as error:
        raise ExportProblem(str(error))


def file_name(export: Export, obj, fmt: str, params: dict) -> str:
    return layout.download_name(export.title(obj, params), fmt)


def estimated_rows(export: Export, obj, params: dict) -> int:
    return export.rows(obj, params) if export.rows is not None else 0


def default_period(today: date) -> dict:
    """The period a report is usually due for on a given day: the quarter just ended (or running in Q1)."""
    quarter = max(1, (today.month - 1) // 3)
    return {"kind": "quarter", "year": today.year, "quarter": quarter}
