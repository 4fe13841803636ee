"""User templates (mẫu văn bản): the reform office's own .docx for a kind of document, filled by cchc; and the
exports the background worker prepares (tệp đã xuất)."""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
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


class ExportStorage(FileSystemStorage):
    """Prepared exports live in CCHC_EXPORT_ROOT, outside the media folder, with no address of their own: they are
    read back only through the permission-checked download (documents.views.jobs). The folder is read when used, so
    a setting changed at run time (tests) applies."""

    @property
    def base_location(self):
        return str(settings.CCHC_EXPORT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


_EXPORT_STORAGE = ExportStorage()


def export_storage() -> ExportStorage:
    return _EXPORT_STORAGE


def export_path(instance, filename):
    # A random folder: the person's own file name stays readable inside it, and no two results share a path.
    return f"{instance.created_at:%Y/%m}/{uuid.uuid4().hex}/{filename}"


class ExportJob(models.Model):
    """A file prepared by the background worker (tệp đã xuất): every PDF, and any export too large to build while
    the person waits. The page follows its progress; the result is kept CCHC_EXPORT_RETENTION_DAYS."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chuẩn bị")
        DONE = "done", _("Đã sẵn sàng")
        FAILED = "failed", _("Không xuất được")

    kind = models.CharField(_("loại tệp"), max_length=40)
    # What to build, in plain JSON (the object's id, the format, the period…), read by documents.jobs.
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), on_delete=models.CASCADE,
                                     related_name="+")
    # The unit whose data the file holds: who may export that there may download it too (documents.jobs).
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    # The address that asked for it, to ask again after a failure.
    origin = models.CharField(_("trang yêu cầu"), max_length=2000, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    file = models.FileField(_("tệp kết quả"), storage=export_storage, upload_to=export_path, max_length=400,
                            blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    created_at = models.DateTimeField(_("lúc yêu cầu"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("lúc bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("lúc xong"), null=True, blank=True)
    # When the requester took the file (or read why it failed): the to-do list stops showing it.
    collected_at = models.DateTimeField(_("lúc nhận tệp"), null=True, blank=True)
    task_id = models.CharField(_("mã việc chạy nền"), max_length=64, blank=True, db_index=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tệp đã xuất")
        verbose_name_plural = _("tệp đã xuất")
        indexes = [models.Index(fields=["requested_by", "status"])]

    def __str__(self) -> str:
        return self.file_name

    def audit_unit(self):
        return self.unit

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def format(self) -> str:
        return self.file_name.rsplit(".", 1)[-1].lower() if "." in self.file_name else ""

    @property
    def keep_until(self):
        """When the worker removes the file (and this record)."""
        return (self.finished_at or self.created_at) + timedelta(days=settings.CCHC_EXPORT_RETENTION_DAYS)
