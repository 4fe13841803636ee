"""The audit trail in words a person reads: field labels in the page's language, choice labels instead of codes,
dd/mm/yyyy dates, "có"/"không", Vietnamese numbers, names instead of lists.

Entries keep what was written (field names and plain values, `audit.log`); this module turns them into rows when a
page shows them, so the history follows the reader's language and a label corrected later shows everywhere.
Keys that are not fields of the model (a count, a role, the units merged) take their label from EXTRA_LABELS
below. An app says how its own codes read in `<app>/audit_words.py` (found at start-up, like admin.py):

    @words(Target, "metric_key")
    def metric_name(value, changes): return ...          # the metric's name, not its key
    label(ImportSource, "mapping", _("ghép cột"))          # a field whose label is missing or too general
"""

import datetime
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.numbers import format_number

# Keys that actions write without a labelled field of that name behind them, and the names models share for
# who and when (a field's own label always wins).
EXTRA_LABELS = {
    "role": _("vai trò"),
    "password": _("mật khẩu"),
    "merged_from": _("sáp nhập từ"),
    "sections": _("các mục"),
    "tasks": _("các nhiệm vụ"),
    "targets": _("các chỉ tiêu"),
    "criteria": _("các tiêu chí"),
    "total": _("tổng điểm"),
    "rank": _("xếp hạng"),
    "mapping": _("gán tên đơn vị"),
    "returned": _("trả lại"),
    "unit": _("đơn vị"),
    "user": _("người dùng"),
    "plan": _("kế hoạch"),
    "section": _("mục"),
    "task": _("nhiệm vụ"),
    "update": _("cập nhật tiến độ"),
    "period": _("kỳ báo cáo"),
    "framework": _("bộ chỉ số"),
    "criterion": _("tiêu chí"),
    "parent": _("thuộc"),
    "assessment": _("kỳ đánh giá"),
    "score": _("điểm của tiêu chí"),
    "result": _("kết quả"),
    "survey": _("phiếu khảo sát"),
    "question": _("câu hỏi"),
    "counter": _("quầy"),
    "response": _("phiếu trả lời"),
    "level": _("mức độ"),
    "channel": _("kênh"),
    "kind": _("loại"),
    "order": _("thứ tự"),
    "size": _("dung lượng"),
    "file": _("tệp"),
    "errors": _("lỗi"),
    "message": _("thông báo"),
    "items": _("số mục"),
    "day": _("ngày"),
    "author": _("người cập nhật"),
    "created_at": _("thời điểm tạo"),
    "created_by": _("người tạo"),
    "updated_at": _("thời điểm cập nhật"),
    "submitted_at": _("thời điểm gửi"),
    "submitted_by": _("người gửi"),
    "finalised_at": _("thời điểm kết thúc thẩm định"),
    "published_at": _("thời điểm công bố"),
    "requested_at": _("thời điểm đề nghị"),
    "requested_by": _("người đề nghị"),
    "decided_at": _("thời điểm quyết định"),
    "decided_by": _("người quyết định"),
    "uploaded_at": _("thời điểm tải lên"),
    "uploaded_by": _("người tải lên"),
    "returned_by": _("người trả lại"),
    "replied_at": _("thời điểm trả lời"),
    "replied_by": _("người trả lời"),
    "scored_by": _("người chấm điểm"),
    "appraised_by": _("người thẩm định"),
    "started_at": _("bắt đầu lúc"),
    "finished_at": _("kết thúc lúc"),
    "emailed_at": _("gửi thư lúc"),
    "cancelled_at": _("hủy lúc"),
    "read_at": _("đã đọc lúc"),
    "used_at": _("sử dụng lúc"),
    "used_on": _("ngày sử dụng"),
    "sent_at": _("gửi lúc"),
    "received_on": _("ngày tiếp nhận"),
    "settled_on": _("ngày có kết quả"),
    "last_run": _("lần nhập gần nhất"),
    "old_name": _("tên cũ"),
    "new_name": _("tên mới"),
    "old_parent": _("trực thuộc (cũ)"),
    "new_parent": _("trực thuộc (mới)"),
    "renamed_unit": _("đơn vị được đổi tên"),
    "sources": _("đơn vị trước sắp xếp"),
    "copied_from": _("sao chép từ"),
    "started_from": _("tiếp nối kỳ trước"),
    "carried_from": _("chuyển từ kỳ trước"),
    "for_appeal": _("dùng cho phúc tra"),
    "signature_intact": _("chữ ký còn nguyên vẹn"),
    "signature_trusted": _("chữ ký thuộc tổ chức tin cậy"),
    "deadline_offset": _("số ngày tính hạn"),
    "deadline_offset_unit": _("đơn vị tính hạn"),
    "deadline_recurrence": _("lặp lại"),
    "path": _("vị trí trong cây đơn vị"),
    "depth": _("cấp"),
    "normalized": _("tên chuẩn hóa"),
    "token": _("mã truy cập"),
    "code_hash": _("mã (đã băm)"),
    "digest": _("mã phiếu"),
    "sha256": _("mã băm SHA-256"),
    "attempts": _("số lần chạy"),
    "ends_at": _("kết thúc lúc"),
    "count": _("số lượng"),
    "key": _("khóa"),
    "target": _("đối tượng công bố"),
    "content_type": _("loại đối tượng"),
    "object_id": _("đối tượng"),
}

EMPTY = "—"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
MACHINE_DECIMAL = re.compile(r"^-?\d+\.\d+$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^[a-z]+$")


_WORDS: dict[tuple[str, str], Callable[[object, dict], str]] = {}
_LABELS: dict[tuple[str, str], object] = {}


def _key(model, name: str) -> tuple[str, str]:
    return (model._meta.label_lower if model is not None else "", name)


def words(model, field_name: str):
    """Registers how a model's recorded value reads: func(value, the entry's changes) → text."""

    def register(func: Callable[[object, dict], str]):
        _WORDS[_key(model, field_name)] = func
        return func

    return register


def label(model, key: str, text) -> None:
    """Registers the label of one key of one model (wins over the field's own label)."""
    _LABELS[_key(model, key)] = text


@dataclass(frozen=True)
class ChangeRow:
    label: str
    old: str | None  # None: the entry records a value, not a change (a count, a creation's field)
    new: str


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def label_for(model, key: str) -> str:
    """What a person calls this key: the field's label, the model's own label for it, or a shared one."""
    if _key(model, key) in _LABELS:
        return str(_LABELS[_key(model, key)])
    field = _field(model, key)
    if field is not None and getattr(field, "verbose_name", None):
        label = str(field.verbose_name)
        if label != key.replace("_", " "):
            return label
    if key in EXTRA_LABELS:
        return str(EXTRA_LABELS[key])
    if key.endswith("_id") and key[:-3] in EXTRA_LABELS:
        return str(EXTRA_LABELS[key[:-3]])
    return key.replace("_", " ") if IDENTIFIER.match(key) else key


def _date_text(value: str) -> str:
    try:
        if ISO_DATE.match(value):
            return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%d/%m/%Y %H:%M")


def _number_text(value) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return format_number(number, trim=True)


def value_text(field, value) -> str:
    """One recorded value as a person reads it."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return str(_("có") if value else _("không"))
    if isinstance(field, models.FileField) and isinstance(value, str):
        return posixpath.basename(value)  # the file's name, not where it is stored
    if isinstance(value, (list, tuple)):
        return "; ".join(value_text(field, item) for item in value) or EMPTY
    if isinstance(value, dict):
        return "; ".join(value_text(None, item) for item in value.values() if item not in (None, "")) or EMPTY
    choices = dict(field.flatchoices) if field is not None and getattr(field, "flatchoices", None) else {}
    if choices and value in choices:
        return str(choices[value])
    if isinstance(value, str) and choices:
        # Choice fields written before their codes were read back as text (e.g. a saved '1' for an integer code).
        for code, text in choices.items():
            if str(code) == value:
                return str(text)
    if isinstance(field, models.BooleanField) and isinstance(value, str) and value in ("True", "False"):
        return str(_("có") if value == "True" else _("không"))
    if isinstance(value, str):
        if ISO_DATE.match(value) or ISO_DATETIME.match(value):
            return _date_text(value)
        if isinstance(field, (models.DecimalField, models.FloatField)) or (field is None and MACHINE_DECIMAL.match(value)):
            return _number_text(value)
        return value
    if isinstance(value, (int, float, Decimal)):
        if isinstance(value, int) and (isinstance(field, models.IntegerField) and value < 10000):
            return str(value)  # years, orders, percents: never "2.024"
        return _number_text(value)
    return str(value)


def rows(entry) -> list[ChangeRow]:
    """The entry's changes as labelled rows, in the order they were written."""
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class() if entry.content_type_id else None
    out = []
    changes = entry.changes or {}
    for key, value in changes.items():
        field = _field(model, key)
        special = _WORDS.get(_key(model, key))

        def text(v, field=field, special=special):
            if special is not None and v not in (None, "", [], {}):
                return special(v, changes)
            return value_text(field, v)

        if isinstance(value, (list, tuple)) and len(value) == 2:
            old, new = value
            out.append(ChangeRow(label_for(model, key), None if old is None and entry.action == "create" else text(old),
                                 text(new)))
        else:
            out.append(ChangeRow(label_for(model, key), None, text(value)))
    return out
