"""User templates (mẫu văn bản): the reform office's own .docx for a kind of document, filled by cchc."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def template_path(instance, filename):
    return f"documents/templates/{instance.unit_id}/{instance.kind}/{filename}"


class DocumentTemplate(models.Model):
    """A .docx template with placeholders, for one kind of document: for one plan or assessment, or the
    default of a unit (and the units under it) when target_id is empty."""

    class Target(models.TextChoices):
        UNIT = "unit", _("Mặc định của đơn vị")
        PLAN = "plan", _("Một kế hoạch")
        ASSESSMENT = "assessment", _("Một kỳ đánh giá")
        FRAMEWORK = "framework", _("Một bộ chỉ số")

    kind = models.CharField(_("loại văn bản"), max_length=40)
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị sử dụng"), on_delete=models.CASCADE,
                             related_name="document_templates")
    target_type = models.CharField(_("áp dụng cho"), max_length=20, choices=Target.choices, default=Target.UNIT)
    # A plan, assessment or framework id; not a foreign key so templates do not tie this app to their migrations.
    target_id = models.PositiveIntegerField(_("mã đối tượng"), null=True, blank=True)
    target_label = models.CharField(_("đối tượng"), max_length=300, blank=True)
    name = models.CharField(_("tên mẫu"), max_length=200)
    file = models.FileField(_("tệp mẫu (.docx)"), upload_to=template_path, max_length=300)
    variables = models.JSONField(_("biến dùng trong mẫu"), default=list, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "-uploaded_at", "-pk"]
        verbose_name = _("mẫu văn bản")
        verbose_name_plural = _("mẫu văn bản")
        indexes = [models.Index(fields=["kind", "target_type", "target_id"])]

    def __str__(self) -> str:
        return self.name

    def audit_unit(self):
        return self.unit
