"""Every write to frameworks and criteria: one transaction each, with its audit entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.log import diff, record, record_create, record_delete, snapshot
from core.versions import claim
from frameworks import rules
from frameworks.models import Criterion, Framework

FRAMEWORK_FIELDS = ["year", "title", "level", "owner", "decision", "bands"]
# What a finished appraisal rests on: fixed once a result under the framework is finalised or published.
SCORING_FIELDS = ["year", "level", "owner", "bands"]
CRITERION_FIELDS = ["kind", "code", "title", "order", "max_points", "rule", "guidance", "responsible_unit", "deadline",
                    "parent"]


class FrozenFramework(ValidationError):
    """The framework carries finished results; its scoring cannot change (copy it to a new version instead)."""

    def __init__(self, framework: Framework) -> None:
        super().__init__(_("Bộ chỉ số “%(title)s” đã dùng cho kết quả đã thẩm định xong hoặc đã công bố: không sửa, "
                           "thêm, xóa tiêu chí, điểm tối đa, cách chấm, xếp loại được nữa. Hãy sao chép thành phiên "
                           "bản mới rồi sửa trên bản sao.") % {"title": framework.title}, code="frozen")


def check_not_frozen(framework: Framework) -> None:
    if framework.frozen_by().exists():
        raise FrozenFramework(framework)


def _check_rule(rule, max_points):
    errors = rules.validate_rule(rule, max_points)
    if errors:
        raise ValidationError({"rule": errors})
    return rules.parse_rule(rule, max_points).as_dict()


@transaction.atomic
def create_framework(*, by, **fields) -> Framework:
    framework = Framework.objects.create(**fields)
    record_create(by=by, obj=framework, fields=FRAMEWORK_FIELDS)
    return framework


@transaction.atomic
def update_framework(framework: Framework, *, by, version: int | None = None, **changes) -> Framework:
    """Saves the framework's details; `version` is the one the edit form was read at (a stale save is refused).
    Once results rest on the framework only its title and issuing decision may change."""
    before = snapshot(framework, FRAMEWORK_FIELDS)
    for name, value in changes.items():
        setattr(framework, name, value)
    if set(diff(before, snapshot(framework, FRAMEWORK_FIELDS))) & set(SCORING_FIELDS):
        check_not_frozen(framework)
    claim(framework, version)
    framework.save()
    record(by=by, obj=framework, action="update", changes=diff(before, snapshot(framework, FRAMEWORK_FIELDS)))
    return framework


@transaction.atomic
def add_criterion(framework: Framework, *, by, **fields) -> Criterion:
    check_not_frozen(framework)
    fields["rule"] = _check_rule(fields.get("rule") or {"kind": "manual"}, fields.get("max_points", 0))
    criterion = Criterion(framework=framework, **fields)
    criterion.full_clean(exclude=["framework"])
    criterion.save()
    record_create(by=by, obj=criterion, fields=CRITERION_FIELDS, unit=framework.owner)
    return criterion


@transaction.atomic
def update_criterion(criterion: Criterion, *, by, version: int | None = None, **changes) -> Criterion:
    check_not_frozen(criterion.framework)
    claim(criterion, version)
    before = snapshot(criterion, CRITERION_FIELDS)
    for name, value in changes.items():
        setattr(criterion, name, value)
    criterion.rule = _check_rule(criterion.rule or {"kind": "manual"}, criterion.max_points)
    criterion.full_clean(exclude=["framework"])
    criterion.save()
    record(by=by, obj=criterion, action="update", changes=diff(before, snapshot(criterion, CRITERION_FIELDS)),
           unit=criterion.framework.owner)
    return criterion


@transaction.atomic
def delete_criterion(criterion: Criterion, *, by, version: int | None = None) -> None:
    check_not_frozen(criterion.framework)
    claim(criterion, version)
    if criterion.scores.exists() or Criterion.objects.filter(parent__in=subtree_ids(criterion), scores__isnull=False).exists():
        raise ValidationError(_("Tiêu chí đã có điểm đánh giá, không xóa được. Hãy sửa nội dung hoặc đặt điểm tối đa bằng 0."))
    record_delete(by=by, obj=criterion, fields=CRITERION_FIELDS, unit=criterion.framework.owner)
    criterion.delete()


def subtree_ids(criterion: Criterion) -> list[int]:
    ids, frontier = [criterion.pk], [criterion.pk]
    while frontier:
        frontier = list(Criterion.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    return ids


def next_free_year(source: Framework) -> int:
    """The first year after the source's without a framework of the same owner and level: what a copy proposes."""
    taken = set(Framework.objects.filter(owner_id=source.owner_id, level=source.level).values_list("year", flat=True))
    year = source.year + 1
    while year in taken:
        year += 1
    return year


def retitle(title: str, old_year: int, new_year: int) -> str:
    """The title with its year moved along ("… năm 2024" → "… năm 2025"); a title without a year gets one."""
    if str(old_year) in title:
        return title.replace(str(old_year), str(new_year))
    return _("%(title)s năm %(year)s") % {"title": title, "year": new_year}


@transaction.atomic
def copy_framework(source: Framework, *, by, year: int, title: str, owner=None) -> Framework:
    """Next year's framework (or a new version of a frozen one) starts as a copy of this one (sao chép), then is
    edited."""
    if Framework.objects.filter(owner=owner or source.owner, year=year, title=title.strip()).exists():
        raise ValidationError({"title": _("Đã có bộ chỉ số “%(title)s” năm %(year)s; hãy đặt tên khác.")
                               % {"title": title.strip(), "year": year}})
    framework = Framework.objects.create(
        year=year, title=title.strip(), level=source.level, owner=owner or source.owner, decision="",
        bands=source.bands, copied_from=source,
    )
    new_ids: dict[int, Criterion] = {}
    # Parents before children, whatever the order they were entered in.
    pending = list(Criterion.objects.filter(framework=source).order_by("order", "pk"))
    while pending:
        progressed = []
        for criterion in pending:
            if criterion.parent_id and criterion.parent_id not in new_ids:
                continue
            copy = Criterion.objects.create(
                framework=framework, parent=new_ids.get(criterion.parent_id), kind=criterion.kind, code=criterion.code,
                title=criterion.title, order=criterion.order, max_points=criterion.max_points, rule=criterion.rule,
                guidance=criterion.guidance, responsible_unit_id=criterion.responsible_unit_id,
                deadline=_shift_year(criterion.deadline, year - source.year),
            )
            new_ids[criterion.pk] = copy
            progressed.append(criterion)
        if not progressed:
            break
        pending = [c for c in pending if c not in progressed]
    record_create(by=by, obj=framework, fields=FRAMEWORK_FIELDS,
                  note=f"Sao chép từ “{source.title}” ({len(new_ids)} tiêu chí)")
    return framework


def _shift_year(day, years: int):
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 in a year without it
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def replace_criteria(framework: Framework, rows: list[dict], *, by) -> int:
    """Writes an imported criteria list (already validated, parents before children) into a framework that has no
    scores yet; the old tree is replaced."""
    check_not_frozen(framework)
    if Criterion.objects.filter(framework=framework, scores__isnull=False).exists():
        raise ValidationError(_("Bộ chỉ số đã có điểm đánh giá; hãy nhập vào một bộ chỉ số mới (sao chép rồi nhập)."))
    claim(framework, None)
    old = Criterion.objects.filter(framework=framework).count()
    Criterion.objects.filter(framework=framework, parent__isnull=False).delete()
    Criterion.objects.filter(framework=framework).delete()
    by_code: dict[str, Criterion] = {}
    for order, row in enumerate(rows, start=1):
        by_code[row["code"]] = Criterion.objects.create(
            framework=framework, parent=by_code.get(row.get("parent_code") or ""), kind=row["kind"], code=row["code"],
            title=row["title"], order=order, max_points=row["max_points"], rule=row["rule"],
            guidance=row.get("guidance", ""), responsible_unit=row.get("responsible_unit"), deadline=row.get("deadline"),
        )
    record(by=by, obj=framework, action="update", changes={"criteria": [old, len(rows)]},
           note=f"Nhập {len(rows)} tiêu chí từ tệp Excel")
    return len(rows)
