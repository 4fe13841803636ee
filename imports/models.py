from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportSession(models.Model):
    """An import draft (phiên nhập kế hoạch): what was read from an uploaded file, waiting for review.

    It is not plan data: the plan and its tasks exist only once the user confirms. The payload holds the
    extracted header, appendices, sections and tasks (plain JSON) and the names the user mapped to units.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang rà soát")
        CONFIRMED = "confirmed", _("Đã tạo kế hoạch")
        DISCARDED = "discarded", _("Đã hủy")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), on_delete=models.CASCADE,
                              related_name="import_sessions")
    issuing_unit = models.ForeignKey("org.Unit", verbose_name=_("cơ quan ban hành"), on_delete=models.CASCADE,
                                     related_name="import_sessions")
    filename = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    payload = models.JSONField(_("nội dung đọc được"), default=dict)
    # The created plan's id; an integer rather than a foreign key keeps drafts independent of the plans app.
    plan_id = models.PositiveIntegerField(_("kế hoạch đã tạo"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("phiên nhập kế hoạch")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def audit_unit(self):
        return self.issuing_unit

    def tasks(self):
        """Every task dict of the payload, in document order."""
        return [t for a in self.payload.get("appendices", []) for s in a["sections"] for t in s["tasks"]]

    def find_task(self, task_id: int) -> dict | None:
        return next((t for t in self.tasks() if t["id"] == task_id), None)
