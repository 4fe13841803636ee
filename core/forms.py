"""Form pieces every app shares."""

from django import forms

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
