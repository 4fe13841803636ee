"""{{ plan.purpose_text|richtext }}: a free section in the small markup of plans.richtext, escaped then formatted."""

from django import template
from django.utils.safestring import mark_safe

from plans import richtext as markup

register = template.Library()


@register.filter
def richtext(text) -> str:
    # to_html escapes every character the user typed before adding its own tags.
    return mark_safe(markup.to_html(str(text or "")))  # noqa: S308


@register.inclusion_tag("plans/_improvement_link.html", takes_context=True)
def improvement_link(context, assessment):
    """'Lập kế hoạch khắc phục' on an appraised or published assessment, for whoever manages the unit's plans."""
    from accounts.permissions import can
    from plans.drafting_actions import existing_draft
    from plans.improvement import DRAFTABLE

    request = context.get("request")
    user = getattr(request, "user", None)
    shown = bool(user and assessment.phase in DRAFTABLE and can(user, "plan.manage", assessment.unit))
    return {"assessment": assessment, "shown": shown, "existing": existing_draft(assessment) if shown else None}
