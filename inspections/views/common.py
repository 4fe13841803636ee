"""Small helpers the inspection views share."""

from django.core.exceptions import ValidationError


def year_of(request, today) -> int:
    text = request.GET.get("year", "")
    if text.isascii() and text.isdigit() and len(text) == 4 and 2000 <= int(text) <= today.year + 1:
        return int(text)
    return today.year


def add_errors(form, error: ValidationError) -> None:
    """An action's refusal shown on the form: on its field when the form has it, else above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                message = " ".join(item.messages)
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def after_stale(form_class, request, error, **kwargs):
    """The form again with what the person typed, now at the current version, beside the other person's change."""
    data = request.POST.copy()
    data["version"] = str(error.current.version)
    return form_class(data, **kwargs)
