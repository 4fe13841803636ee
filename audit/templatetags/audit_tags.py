from django import template

from audit.models import AuditEntry

register = template.Library()


@register.inclusion_tag("audit/_trail.html")
def audit_trail(obj, limit=50):
    """The change history of one object, shown on its page."""
    entries = list(AuditEntry.objects.for_object(obj).select_related("user")[:limit])
    return {"entries": entries}
