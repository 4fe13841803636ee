"""Publishing and withdrawing public content: each in one transaction, checked and audited."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import require
from audit.log import diff, record, record_create, snapshot
from dashboards.models import Publication
from dashboards.publishing import SPECS, check_publishable, default_title

FIELDS = ["kind", "title", "note", "unit", "published_at", "withdrawn_at"]


@transaction.atomic
def publish(*, by, kind: str, target, title: str = "", note: str = "") -> Publication:
    """Công khai: put the target's figures on the public page."""
    spec = SPECS.get(kind)
    if spec is None or not isinstance(target, spec.model_class()):
        raise ValidationError(_("Loại nội dung công khai không phù hợp."))
    unit = spec.unit_of(target)
    require(by, "publish.manage", unit)
    content_type = ContentType.objects.get_for_model(target)
    if Publication.objects.live().filter(content_type=content_type, object_id=target.pk).exists():
        raise ValidationError(_("Nội dung này đang được công khai. "
                                "Gỡ bản đang công khai trước nếu muốn công khai lại."))
    check_publishable(kind, target)
    publication = Publication.objects.create(
        kind=kind, content_type=content_type, object_id=target.pk, unit=unit,
        title=(title or "").strip() or default_title(kind, target)[:300], note=(note or "").strip(),
        published_at=timezone.now(), published_by=by,
    )
    record_create(by=by, obj=publication, fields=FIELDS, note=f"Công khai: {target}")
    return publication


@transaction.atomic
def withdraw(*, by, publication: Publication) -> Publication:
    """Gỡ khỏi trang công khai; the record stays, so the trail shows what was public and when."""
    require(by, "publish.manage", publication.unit)
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if not publication.is_live:
        raise ValidationError(_("Nội dung này đã được gỡ khỏi trang công khai."))
    before = snapshot(publication, FIELDS)
    publication.withdrawn_at = timezone.now()
    publication.withdrawn_by = by
    publication.save(update_fields=["withdrawn_at", "withdrawn_by"])
    record(by=by, obj=publication, action="update", changes=diff(before, snapshot(publication, FIELDS)),
           note="Gỡ khỏi trang công khai")
    return publication
