"""Edit versions (phiên bản): two people with the same row open must not silently erase each other's work.

Plans, sections, targets and tasks carry a `version` that every action changing them increments. An edit form
carries the version it was read at; `claim(obj, version)` moves the row to the next version only if it is still at
that one, in one UPDATE, so of two saves made from the same version exactly one wins and the other gets StaleEdit
with the row as it now is. Callers without a form (imports, the demo, follow-on changes) pass version=None and
simply move the row on.
"""

from django.db.models import F


class StaleEdit(Exception):
    """Someone saved the row after this form was read; nothing was written. `current` is the row now (None if
    it was deleted meanwhile)."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


def claim(obj, version: int | None) -> None:
    """Moves obj's row to its next version if it is still at `version` (any version when None); raises StaleEdit
    otherwise. Sets obj.version to the new value so a following save() keeps it."""
    model = type(obj)
    rows = model.objects.filter(pk=obj.pk)
    if version is not None:
        rows = rows.filter(version=version)
    if not rows.update(version=F("version") + 1):
        raise StaleEdit(model.objects.filter(pk=obj.pk).first())
    if version is not None:
        obj.version = version + 1
    else:
        obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()
