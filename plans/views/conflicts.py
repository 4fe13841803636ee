"""A stale save (plans.versions.StaleEdit), shown: the other person's change beside what this person typed.

Nothing was written; the form comes back with the person's input kept and the current version, so saving again
is a choice made with the other change in view.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.db.models import Model
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from core.templatetags.vn import vn_number


def rebound(form_class, request, current_version: int, *args, **kwargs):
    """The same form class bound to the person's input, now carrying the row's current version."""
    data = request.POST.copy()
    data["version"] = str(current_version)
    return form_class(data, *args, **kwargs)


def _key(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple, set)) or hasattr(value, "model"):
        return sorted(str(_key(v)) for v in value)
    if isinstance(value, Decimal):
        return value.normalize()
    if value is None:
        return ""
    return value if isinstance(value, (bool, int, date)) else str(value).strip()


def _shown(field, value) -> str:
    if value in (None, "") or (isinstance(value, (list, tuple)) and not value):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        pks = [_key(v) for v in value]
        return "; ".join(field.label_from_instance(o) for o in field.queryset.filter(pk__in=pks)) or "—"
    if isinstance(field, forms.ModelChoiceField):
        obj = value if isinstance(value, Model) else field.queryset.filter(pk=value).first()
        return field.label_from_instance(obj) if obj else "—"
    if isinstance(field, forms.BooleanField):
        return _("có") if value else _("không")
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, (Decimal, float)):
        return vn_number(value)
    return str(value)


def differences(form, current: dict) -> list[dict]:
    """The form's fields where the saved value (current) and the person's input differ, in the form's order."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in current or name not in form.cleaned_data:
            continue
        theirs, yours = current[name], form.cleaned_data[name]
        if _key(theirs) != _key(yours):
            rows.append({"label": field.label, "current": _shown(field, theirs), "yours": _shown(field, yours)})
    return rows


def conflict(form, obj, current: dict) -> dict:
    """What the conflict box shows: who saved last and when, and the fields that differ."""
    last = AuditEntry.objects.for_object(obj).select_related("user").first() if obj is not None else None
    return {"rows": differences(form, current) if obj is not None else [], "last": last, "gone": obj is None}
