"""{{ plan.purpose_text|richtext }}: a free section in the small markup of plans.richtext, escaped then formatted."""

from django import template
from django.utils.safestring import mark_safe

from plans import richtext as markup

register = template.Library()


@register.filter
def richtext(text) -> str:
    # to_html escapes every character the user typed before adding its own tags.
    return mark_safe(markup.to_html(str(text or "")))  # noqa: S308
