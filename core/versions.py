"""Edit versions against lost updates: an edit form carries the version it was read at, and the action that saves
it claims that version in the database. A stale claim (someone saved in between) is refused and nothing is written.

    claim(score, seen=form.cleaned_data["version"])   # inside the action's transaction, before saving
    score.save()

The claim is one conditional UPDATE (… SET version = version + 1 WHERE pk = … AND version = seen), so two
concurrent saves cannot both pass it, on SQLite as on PostgreSQL. With seen=None (a save no person read first:
an import, the demo, a recomputation) the version is simply raised, so forms opened before it turn stale.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    """Someone else saved the object after this form was read; `current` is the object as it is now."""

    def __init__(self, current) -> None:
        super().__init__(_("Nội dung này vừa được người khác lưu sau khi bạn mở trang. Chưa lưu gì; hãy xem nội dung "
                           "mới nhất rồi nhập lại phần thay đổi của bạn."), code="stale")
        self.current = current


def claim(obj, seen: int | None) -> None:
    """Raises obj's version by one if it is still `seen` (any version when seen is None); else StaleEdit."""
    model = type(obj)
    rows = model.objects.filter(pk=obj.pk)
    if seen is not None:
        rows = rows.filter(version=seen)
    if not rows.update(version=F("version") + 1):
        raise StaleEdit(model.objects.filter(pk=obj.pk).first())
    if seen is not None:
        obj.version = seen + 1
    else:
        obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()


def last_change(obj):
    """The newest audit entry of obj (who saved it last, when, what changed), or None."""
    from audit.models import AuditEntry

    return AuditEntry.objects.for_object(obj).select_related("user").first()


@dataclass
class Conflict:
    """What a refused stale save shows: who saved last, when, the fields they changed as they are now, and (where
    the page does not keep it in the form) what this person typed and lost."""

    who: str
    at: datetime.datetime | None
    values: list[tuple[str, str]]
    typed: list[tuple[str, str]] = field(default_factory=list)


class VersionField(forms.IntegerField):
    """The version an edit form was read at, sent back hidden with the form."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, **kwargs)


def _shown(obj, name: str) -> str:
    from core.templatetags.vn import score

    field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if field.choices:
        return str(getattr(obj, f"get_{name}_display")())
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, Decimal):
        return score(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def conflict_of(current, fields: list[str], shown: dict[str, Callable] | None = None) -> Conflict:
    """The other person's change, for the page that refuses a stale save: the fields their last save changed (all
    of `fields` if the trail does not say), with labels and values as people read them."""
    shown = shown or {}
    entry = last_change(current) if current is not None else None
    names = [n for n in fields if entry and n in (entry.changes or {})] or fields
    values = [(capfirst(str(current._meta.get_field(n).verbose_name)),
               shown[n](current) if n in shown else _shown(current, n)) for n in names] if current is not None else []
    who = str(entry.user) if entry and entry.user else _("Người khác")
    return Conflict(who, entry.at if entry else None, values)
