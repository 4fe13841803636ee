"""What the reform office publishes on the public page (công khai kết quả)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationQuerySet(models.QuerySet):
    def live(self):
        return self.filter(withdrawn_at__isnull=True)


class Publication(models.Model):
    """Một nội dung công khai: assessment results and ranking, a unit's SIPAS results, or a plan's progress.

    It points at the published object; the public page shows that object's figures only while the publication
    is live (not withdrawn), so nothing reaches the public page unless the office chose to publish it.
    """

    class Kind(models.TextChoices):
        ASSESSMENT = "assessment", _("Kết quả đánh giá, xếp hạng CCHC")
        SIPAS = "sipas", _("Kết quả khảo sát sự hài lòng (SIPAS)")
        PLAN = "plan", _("Tiến độ thực hiện kế hoạch CCHC")

    kind = models.CharField(_("loại nội dung"), max_length=12, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+",
                             help_text=_("Đơn vị có số liệu được công khai."))
    title = models.CharField(_("tiêu đề công khai"), max_length=300)
    note = models.TextField(_("lời giới thiệu"), blank=True)
    published_at = models.DateTimeField(_("ngày công khai"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người công khai"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    withdrawn_at = models.DateTimeField(_("ngày gỡ"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người gỡ"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("nội dung công khai")
        verbose_name_plural = _("nội dung công khai")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], condition=models.Q(withdrawn_at__isnull=True),
                                    name="one_live_publication_per_object"),
        ]
        indexes = [models.Index(fields=["withdrawn_at", "kind"])]

    def __str__(self) -> str:
        return self.title

    def audit_unit(self):
        return self.unit

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None
