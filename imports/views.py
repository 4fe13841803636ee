import logging
from collections import Counter
from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import get_for
from accounts.permissions import require, visible_units
from core.bounded import Exhausted, run_bounded
from core.forms import FILE_TOO_COMPLEX
from imports import actions
from imports.docx_reader import UnreadableFile, read_file
from imports.forms import OUTSIDE, HeaderForm, MapNameForm, TaskForm, UploadForm
from imports.layout import extract_plan
from imports.models import ImportSession
from imports.resolve import Resolver, known_names
from imports.row_checks import FIELD_WARNINGS, field_warnings, needs_units, participants_text
from imports.xlsx_template import build_template
from org.matching import UnitDirectory
from org.names import normalize_name

logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def get_session_for(user, pk) -> ImportSession:
    """The draft if the user may manage plans of its issuing unit (404/403 otherwise)."""
    return get_for(user, ImportSession.objects.select_related("issuing_unit", "owner"), pk, "plan.manage",
                   unit_of=lambda s: s.issuing_unit)


def _managed_units(user):
    # Units issue their own plans too (within 30 days of the department's), so any unit in reach may be the issuer.
    return visible_units(user, "plan.manage").active().order_by("depth", "order", "name")


def index(request):
    """Upload a plan file, and the drafts still waiting for review."""
    require(request.user, "plan.manage")
    form = UploadForm(request.POST or None, request.FILES or None, units=_managed_units(request.user))
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["issuing_unit"]
        require(request.user, "plan.manage", unit)
        upload = form.cleaned_data["file"]
        try:
            known = known_names(UnitDirectory(unit.department()))
            plan = run_bounded(_read_plan, upload.name, upload.read(), known)
        except UnreadableFile as error:
            form.add_error("file", str(error))
        except Exhausted:
            form.add_error("file", str(FILE_TOO_COMPLEX))
        except Exception:  # a layout nobody foresaw must not answer 500
            logger.exception("Import of %s failed", upload.name)
            form.add_error("file", _("Không đọc được các bảng trong tệp này. Hãy lưu lại tệp bằng Word hoặc dùng mẫu "
                                     "Excel danh sách nhiệm vụ, rồi tải lên lại."))
        else:
            if not plan.tasks:
                form.add_error("file", _("Không tìm thấy bảng nhiệm vụ trong tệp, cũng không thấy nhiệm vụ viết "
                                         "thành đoạn. Bảng cần có dòng tiêu đề với các cột như “Nhiệm vụ”, “Cơ quan "
                                         "chủ trì”, “Thời gian thực hiện” (xem tệp mẫu Excel); nhiệm vụ viết thành "
                                         "đoạn cần có các dòng “- Đơn vị chủ trì: …”, “- Thời gian hoàn thành: …”."))
            else:
                session = actions.start_import(by=request.user, issuing_unit=unit, filename=upload.name, plan=plan)
                messages.success(request, _("Đã đọc %(count)s nhiệm vụ. Hãy rà soát trước khi tạo kế hoạch.")
                                 % {"count": len(plan.tasks)})
                return redirect("imports:review", session.pk)
    drafts = (ImportSession.objects.filter(owner=request.user, status=ImportSession.Status.DRAFT)
              .select_related("issuing_unit")[:20])
    return render(request, "imports/index.html", {"form": form, "drafts": drafts}, status=400 if form.errors else 200)


def _read_plan(name: str, data: bytes, known_units):
    """Read in a child process bounded in CPU time and memory (core.bounded)."""
    return extract_plan(read_file(name, data), known_units=known_units)


def xlsx_template(request):
    require(request.user, "plan.manage")
    response = HttpResponse(build_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-nhiem-vu.xlsx"'
    return response


def _deadline_parser(year, issued):
    """Reads deadline phrases with the working-day calendar (one query), so the review shows real due dates."""
    from workdays.deadlines import parse_deadline
    from workdays.services import get_calendar

    calendar = get_calendar([year - 1, year, year + 1]) if year else None
    return lambda text: parse_deadline(text, year, calendar, issued=issued)


REVIEW_FILTER = "can-xem-lai"


def row_problems(task: dict, units: dict, deadline) -> list[str]:
    """Why a row needs the user's eyes, in the page's language; [] when it reads fully."""
    problems = [_(w) for w in field_warnings(task.get("content", ""), task.get("lead_text", ""),
                                             task.get("deadline_text", ""), task.get("is_heading", False),
                                             any(p.get("role") == "lead" for p in task.get("outside_participants", [])),
                                             task.get("method", ""))]
    problems += [w for w in task.get("warnings", []) if w not in FIELD_WARNINGS]
    chips = [chip for role_chips in units.values() for chip in role_chips]
    unknown = [chip["label"] for chip in chips if not chip["ok"] and not chip.get("vague")]
    if unknown:
        problems.append(_("Chưa nhận ra đơn vị: %(names)s.") % {"names": "; ".join(unknown)})
    if needs_units(*(task.get(name, "") for name in ("lead_text", "coordinating_text", "monitoring_text"))):
        problems.append(_("“Các phòng, đơn vị có liên quan”: cần chọn đơn vị cụ thể."))
    if deadline is not None and (deadline.flagged or deadline.kind == "unknown"):
        detail = f" ({deadline.detail})" if deadline.detail else ""
        problems.append(_("Thời hạn: %(note)s") % {"note": _(deadline.note or "Chưa hiểu được thời hạn.")} + detail)
    return problems


def _review_context(session: ImportSession, only_to_review: bool = False) -> dict:
    resolver = Resolver(session.issuing_unit, session.payload.get("mappings"))
    header = session.payload["header"]
    year = header.get("year") if isinstance(header.get("year"), int) else None
    issued = date.fromisoformat(header["issue_date"]) if header.get("issue_date") else None
    parse = _deadline_parser(year, issued)
    unknown: Counter = Counter()
    appendices = []
    counts = {"tasks": 0, "to_review": 0, "removed": 0, "reviewed": 0}
    for appendix in session.payload["appendices"]:
        sections = []
        for section in appendix["sections"]:
            rows = []
            for task in section["tasks"]:
                units = resolver.task_chips(task)
                deadline = None
                if task.get("deadline_text") and not task.get("is_heading"):
                    try:
                        deadline = parse(task["deadline_text"])
                    except Exception:  # a parser bug must not hide the review page
                        logger.exception("Deadline %r could not be read", task["deadline_text"])
                problems = row_problems(task, units, deadline)
                removed = task.get("removed", False)
                to_review = bool(problems) and not removed and not task.get("reviewed")
                if not removed:
                    unknown.update(chip["label"] for chips in units.values() for chip in chips
                                   if not chip["ok"] and not chip.get("vague"))
                counts["tasks"] += 0 if removed else 1
                counts["removed"] += 1 if removed else 0
                counts["to_review"] += 1 if to_review else 0
                counts["reviewed"] += 1 if task.get("reviewed") and problems and not removed else 0
                if only_to_review and not to_review:
                    continue
                rows.append({"task": task, "units": units, "deadline": deadline, "problems": problems,
                             "to_review": to_review})
            if rows or not only_to_review:
                sections.append({"section": section, "rows": rows})
        if sections or not only_to_review:
            appendices.append({"appendix": appendix, "sections": sections})
    warnings = list(session.payload.get("warnings", []))
    same = _same_plan(session)
    if same:
        warnings.append(f"cchc đã có kế hoạch số {same.number or '…'}/{same.symbol} năm {same.year} của đơn vị này "
                        f"(“{same.title[:120]}”). Kiểm tra lại để khỏi tạo trùng.")
    mapped = [{"text": m["text"], "label": resolver.mapping_label(m), "outside": m.get("outside", False)}
              for m in session.payload.get("mappings", {}).values()]
    return {
        "session": session,
        "appendices": appendices,
        "counts": counts,
        "only_to_review": only_to_review,
        "review_filter": REVIEW_FILTER,
        "unknown": [{"text": text, "count": n, "form": MapNameForm(initial={"text": text}, units=resolver.units,
                                                                       groups=resolver.groups)}
                    for text, n in sorted(unknown.items())],
        "mapped": mapped,
        "warnings": warnings,
        "is_draft": session.status == ImportSession.Status.DRAFT,
    }


def _same_plan(session):
    """A plan already in cchc with this draft's number, symbol and year, issued by the same unit (one query)."""
    header = session.payload["header"]
    if session.status != ImportSession.Status.DRAFT or not header.get("symbol") or not header.get("year"):
        return None
    try:
        from plans.models import Plan
    except ImportError:
        return None
    return Plan.objects.filter(issuing_unit=session.issuing_unit, symbol=header["symbol"], year=header["year"],
                               number=header.get("number") or "").first()


def _header_form(session, data=None):
    header = session.payload["header"]
    initial = {k: header.get(k) for k in ("number", "symbol", "title", "place", "year", "kind")}
    if header.get("issue_date"):
        initial["issue_date"] = date.fromisoformat(header["issue_date"])
    return HeaderForm(data, initial=initial)


def review(request, pk):
    """Every extracted task with its section, code, units, product and deadline; what needs a look is marked and
    counted, and `?xem=can-xem-lai` shows only those rows."""
    session = get_session_for(request.user, pk)
    context = _review_context(session, only_to_review=request.GET.get("xem") == REVIEW_FILTER)
    context["header_form"] = _header_form(session)
    context["plan_url"] = _plan_url(session.plan_id)
    return render(request, "imports/review.html", context)


def _plan_url(plan_id):
    if not plan_id:
        return ""
    try:
        return reverse("plans:plan", args=[plan_id])
    except NoReverseMatch:
        return ""


def _draft_or_message(request, session) -> bool:
    if session.status != ImportSession.Status.DRAFT:
        messages.error(request, _("Phiên nhập này đã kết thúc, không sửa được nữa."))
        return False
    return True


@require_POST
def edit_header(request, pk):
    session = get_session_for(request.user, pk)
    if not _draft_or_message(request, session):
        return redirect("imports:review", pk)
    form = _header_form(session, request.POST)
    if form.is_valid():
        actions.update_header(session, by=request.user, fields=form.cleaned_data)
        messages.success(request, _("Đã lưu thông tin kế hoạch."))
        return redirect("imports:review", pk)
    context = _review_context(session)
    context["header_form"] = form
    return render(request, "imports/review.html", context, status=400)


def _task_form(session, task, data=None):
    units = Resolver(session.issuing_unit).units
    initial = {**task, "outside": participants_text(task.get("outside_participants", []))}
    return TaskForm(data, initial=initial, units=units, needs_units=task.get("needs_units", False))


def edit_task(request, pk, task_id):
    """Edit one extracted row (htmx: the form replaces the row, and the saved row comes back)."""
    session = get_session_for(request.user, pk)
    task = session.find_task(task_id)
    if task is None:
        raise Http404
    if request.method == "POST":
        if not _draft_or_message(request, session):
            return redirect("imports:review", pk)
        form = _task_form(session, task, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            actions.update_task(session, task_id, by=request.user, fields=data, removed=data["removed"],
                                reviewed=data["reviewed"], outside=data["outside"],
                                picked_units=list(data.get("picked_units") or []))
            if not request.htmx:
                messages.success(request, _("Đã lưu nhiệm vụ %(code)s.") % {"code": data["code"]})
            return redirect(f"{reverse('imports:review', args=[pk])}#task-{task_id}")
    else:
        form = _task_form(session, task)
    template = "imports/_task_form.html" if request.htmx else "imports/task_edit.html"
    return render(request, template, {"session": session, "task": task, "form": form},
                  status=400 if form.errors else 200)


@require_POST
def map_unit_name(request, pk):
    session = get_session_for(request.user, pk)
    if not _draft_or_message(request, session):
        return redirect("imports:review", pk)
    resolver = Resolver(session.issuing_unit)
    form = MapNameForm(request.POST, units=resolver.units, groups=resolver.groups)
    if not form.is_valid() or not normalize_name(form.cleaned_data["text"]):
        messages.error(request, _("Chưa chọn được đơn vị: hãy chọn một đơn vị trong danh sách hoặc “bỏ qua”."))
        return redirect("imports:review", pk)
    text, choice = form.cleaned_data["text"], form.cleaned_data["unit"]
    group = resolver.groups_by_id.get(int(choice[1:])) if choice.startswith("g") and choice[1:].isdigit() else None
    unit = resolver.units_by_id.get(int(choice)) if choice.isascii() and choice.isdigit() else None
    outside = choice == OUTSIDE
    actions.map_name(session, by=request.user, text=text, unit=unit, group=group, outside=outside)
    target = unit or group
    if target:
        messages.success(request, _("“%(text)s” được hiểu là %(unit)s.") % {"text": text, "unit": target.name})
    elif outside:
        messages.success(request, _("“%(text)s” được giữ tên như một cơ quan ngoài Sở.") % {"text": text})
    else:
        messages.success(request, _("Đã bỏ qua “%(text)s”.") % {"text": text})
    return redirect("imports:review", pk)


@require_POST
def confirm(request, pk):
    session = get_session_for(request.user, pk)
    require(request.user, "plan.manage", session.issuing_unit)
    if not _draft_or_message(request, session):
        return redirect("imports:review", pk)
    try:
        plan = actions.confirm_import(session, by=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("imports:review", pk)
    messages.success(request, _("Đã tạo kế hoạch và các nhiệm vụ từ tệp."))
    return redirect(_plan_url(plan.pk) or reverse("imports:review", args=[pk]))


@require_POST
def discard(request, pk):
    session = get_session_for(request.user, pk)
    if _draft_or_message(request, session):
        actions.discard_import(session, by=request.user)
        messages.success(request, _("Đã hủy bản nháp; không có dữ liệu nào được tạo."))
    return redirect("imports:index")
