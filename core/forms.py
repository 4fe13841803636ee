"""Form pieces every app shares."""

from django import forms
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy

from core import uploads

# When reading an upload went past the CPU time or memory it may use (core.bounded).
FILE_TOO_COMPLEX = gettext_lazy("Tệp quá lớn hoặc quá phức tạp để đọc trong giới hạn thời gian và bộ nhớ của máy "
                                "chủ; hãy tách thành nhiều tệp nhỏ hơn rồi tải lên lại.")

# The widest integer column (bigint); an id past it cannot name a row, and SQLite raises OverflowError on it.
MAX_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but an id too large for the database is an invalid choice rather than a 500."""

    def _check_values(self, value):
        for item in value:
            text = str(item).strip()
            if text.isdigit() and id_from(text) is None:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                            params={"value": text[:30]})
        return super()._check_values(value)


def id_from(text) -> int | None:
    """A row id read from a request, or None when the text cannot name a row (not ASCII digits, or too large)."""
    text = str(text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19 or int(text) > MAX_ID:
        return None
    return int(text)


def _limits(profile: str, overrides: dict) -> uploads.Limits:
    configured = getattr(settings, "CCHC_UPLOAD_LIMITS", {}) or {}
    return uploads.PROFILES[profile].merged(configured.get(profile)).merged(overrides)


def check_upload(upload, profile: str, accept: tuple[str, ...], reader_explains: tuple[str, ...] = (),
                 **overrides) -> str:
    """For a form's clean: core.uploads' checks of an uploaded .docx, .xlsx or .csv before anything parses it, with
    the limits of that upload form (core.uploads.PROFILES, settings.CCHC_UPLOAD_LIMITS); returns the format or
    raises ValidationError with the message in the reader's language. Problems whose code is in reader_explains
    ("format", "broken") are left to a reader that has its own, more precise, advice for them."""
    try:
        return uploads.check(upload, upload.name, _limits(profile, overrides), accept)
    except uploads.UploadProblem as problem:
        if problem.code in reader_explains:
            return uploads.extension_of(upload.name)
        raise forms.ValidationError(problem.translated(gettext), code=f"upload-{problem.code}") from None


def check_evidence(upload, profile: str = "evidence", **overrides) -> uploads.Kind:
    """For a form's clean: an evidence file accepted by its content (PDF, Office, images, a .zip of those)."""
    try:
        return uploads.check_evidence(upload, upload.name, _limits(profile, overrides))
    except uploads.UploadProblem as problem:
        raise forms.ValidationError(problem.translated(gettext), code=f"upload-{problem.code}") from None


class QuickSelect(forms.Select):
    """Django's select, the same markup, its options written out directly instead of through one template each: a
    filter listing every unit or procedure of a province renders in a millisecond instead of a tenth of a second."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _, _ in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", "\n  <option value=\"{}\"{}>{}</option>\n",
            ((option["value"], _attributes(option["attrs"]), option["label"])
             for _, group, _ in widget["optgroups"] for option in group))
        return format_html("<select name=\"{}\"{}>{}\n</select>", widget["name"], _attributes(widget["attrs"]),
                           options)


def _attributes(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html writes them: in order, True as a bare name, False left out."""
    return mark_safe("".join(format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
                             for name, value in attrs.items() if value is not False))
