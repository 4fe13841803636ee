"""Administrative-reform inspections (kiểm tra CCHC): the year's inspection plan, the units inspected (planned or
unannounced), what the inspection found, the fixes it required with their deadlines, and their follow-up."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InspectionPlan(models.Model):
    """A year's plan of inspections (kế hoạch kiểm tra CCHC), issued by a unit for the units under it. Seed 000 sets
    its target: at least half of the units inspected in the year."""

    year = models.PositiveSmallIntegerField(_("năm"))
    issuing_unit = models.ForeignKey("org.Unit", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                                     related_name="inspection_plans")
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    decision = models.CharField(_("văn bản ban hành"), max_length=300, blank=True,
                                help_text=_("Ví dụ: Kế hoạch số 15/KH-STNMT ngày 15/03/2024"))
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    target_percent = models.DecimalField(_("chỉ tiêu tỷ lệ đơn vị được kiểm tra (%)"), max_digits=5,
                                         decimal_places=2, default=50)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người tạo"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    # Raised by every action that changes the row; the edit form carries the version it was read at.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("kế hoạch kiểm tra CCHC")
        verbose_name_plural = _("kế hoạch kiểm tra CCHC")

    def __str__(self) -> str:
        return self.title

    def audit_unit(self):
        return self.issuing_unit


class Inspection(models.Model):
    """One unit inspected under the plan (đơn vị được kiểm tra): when it was planned and when it happened, by whom."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("Theo kế hoạch")
        UNANNOUNCED = "unannounced", _("Đột xuất")

    plan = models.ForeignKey(InspectionPlan, verbose_name=_("kế hoạch kiểm tra"), on_delete=models.CASCADE,
                             related_name="inspections")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị được kiểm tra"), on_delete=models.PROTECT,
                             related_name="inspections")
    kind = models.CharField(_("hình thức kiểm tra"), max_length=20, choices=Kind.choices, default=Kind.PLANNED)
    planned_date = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    actual_date = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    # Members as written, bodies outside the unit tree included ("Đại diện Sở Nội vụ"), one name a line.
    team = models.JSONField(_("thành viên đoàn kiểm tra"), default=list, blank=True)
    conclusion = models.TextField(_("kết luận kiểm tra"), blank=True)
    conclusion_ref = models.CharField(_("biên bản, thông báo kết luận"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["plan", models.F("actual_date").asc(nulls_last=True), "planned_date", "pk"]
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")

    def __str__(self) -> str:
        return f"Kiểm tra {self.unit} ({self.plan.year})"

    def audit_unit(self):
        return self.unit

    @property
    def is_done(self) -> bool:
        return self.actual_date is not None


class Finding(models.Model):
    """A shortcoming the inspection found (tồn tại, hạn chế phát hiện qua kiểm tra)."""

    inspection = models.ForeignKey(Inspection, verbose_name=_("cuộc kiểm tra"), on_delete=models.CASCADE,
                                   related_name="findings")
    text = models.TextField(_("tồn tại, hạn chế"))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["inspection", "order", "pk"]
        verbose_name = _("tồn tại, hạn chế")
        verbose_name_plural = _("tồn tại, hạn chế")

    def __str__(self) -> str:
        return self.text if len(self.text) <= 120 else self.text[:117] + "…"

    def audit_unit(self):
        return self.inspection.unit


def evidence_path(instance, filename):
    return f"inspections/{instance.finding.inspection_id}/{instance.pk}/{instance.evidence_sha256[:12]}-{filename}"


class Fix(models.Model):
    """A fix the inspection required (yêu cầu khắc phục) by a deadline on the working-day calendar, reported done by
    the inspected unit with its evidence and confirmed by the office that inspected, never by whoever reported it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa khắc phục")
        REPORTED = "reported", _("Đã báo cáo, chờ xác nhận")
        DONE = "done", _("Đã khắc phục")

    finding = models.ForeignKey(Finding, verbose_name=_("tồn tại, hạn chế"), on_delete=models.CASCADE,
                                related_name="fixes")
    text = models.TextField(_("yêu cầu khắc phục"))
    deadline_text = models.CharField(_("thời hạn (nguyên văn)"), max_length=300, blank=True)
    due_date = models.DateField(_("hạn khắc phục"))
    status = models.CharField(_("tình trạng"), max_length=10, choices=Status.choices, default=Status.OPEN)
    report_note = models.TextField(_("kết quả khắc phục"), blank=True)
    reported_on = models.DateField(_("ngày báo cáo khắc phục"), null=True, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người báo cáo khắc phục"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    evidence = models.FileField(_("tài liệu kiểm chứng"), upload_to=evidence_path, max_length=300, blank=True)
    evidence_name = models.CharField(_("tên tệp kiểm chứng"), max_length=255, blank=True)
    evidence_sha256 = models.CharField(_("mã băm SHA-256"), max_length=64, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xác nhận"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    verified_at = models.DateTimeField(_("thời điểm xác nhận"), null=True, blank=True)
    verify_note = models.TextField(_("ý kiến của đơn vị kiểm tra"), blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("yêu cầu khắc phục")
        verbose_name_plural = _("yêu cầu khắc phục")

    def __str__(self) -> str:
        return self.text if len(self.text) <= 120 else self.text[:117] + "…"

    def audit_unit(self):
        return self.finding.inspection.unit

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_overdue(self, today) -> bool:
        return self.status == self.Status.OPEN and self.due_date < today

    def done_in_time(self) -> bool | None:
        """Reported by its deadline? None while not reported."""
        if self.reported_on is None:
            return None
        return self.reported_on <= self.due_date
