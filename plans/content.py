"""What real plans carry beyond their tasks: legal bases (căn cứ), the province's published indices they quote, targets
given to each unit, and the plans each unit must send within a deadline (seed 004, IV.3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.Model):
    """One 'Căn cứ …' of a plan: 'Kế hoạch số 152/KH-UBND ngày 21/06/2024 của UBND tỉnh về việc …'."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="legal_bases")
    kind = models.CharField(_("loại văn bản"), max_length=60, blank=True, help_text=_("Ví dụ: Kế hoạch, Quyết định"))
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: 152/KH-UBND"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("căn cứ")
        verbose_name_plural = _("căn cứ")

    def __str__(self) -> str:
        return self.sentence

    @property
    def sentence(self) -> str:
        """'Kế hoạch số 152/KH-UBND ngày 21/06/2024 của UBND tỉnh về việc …', as plans write it after 'Căn cứ'."""
        parts = [self.kind or ""]
        if self.number:
            parts.append(f"số {self.number}")
        if self.issued_on:
            parts.append(f"ngày {self.issued_on:%d/%m/%Y}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        head = " ".join(p for p in parts if p).strip()
        summary = self.summary.strip()
        if summary and not summary.lower().startswith(("về ", "ban hành", "v/v")):
            summary = f"về việc {summary[:1].lower()}{summary[1:]}"
        return " ".join(p for p in (head, summary) if p)

    def audit_unit(self):
        return self.plan.issuing_unit


class ProvinceResult(models.Model):
    """A province-level index published for a year (PAR INDEX 91,03 điểm, xếp hạng 05/63), recorded by the department
    whose plans quote it, with the decision that published it."""

    class Index(models.TextChoices):
        PAR = "par", _("Chỉ số cải cách hành chính (PAR INDEX)")
        SIPAS = "sipas", _("Chỉ số hài lòng (SIPAS)")
        PAPI = "papi", _("Chỉ số hiệu quả quản trị và hành chính công (PAPI)")
        PCI = "pci", _("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)")
        DTI = "dti", _("Chỉ số chuyển đổi số (DTI)")

    department = models.ForeignKey("org.Unit", verbose_name=_("cơ quan ghi nhận"), on_delete=models.CASCADE,
                                   related_name="province_results")
    year = models.PositiveSmallIntegerField(_("năm"))
    index = models.CharField(_("chỉ số"), max_length=10, choices=Index.choices)
    score = models.DecimalField(_("điểm / tỷ lệ"), max_digits=7, decimal_places=3)
    score_unit = models.CharField(_("đơn vị tính"), max_length=10, default="điểm", blank=True,
                                  help_text=_("“điểm” hoặc “%”"))
    rank = models.PositiveSmallIntegerField(_("xếp hạng"), null=True, blank=True)
    out_of = models.PositiveSmallIntegerField(_("trên tổng số"), null=True, blank=True)
    decision_number = models.CharField(_("số quyết định công bố"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_issuer = models.CharField(_("cơ quan công bố"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "index"]
        verbose_name = _("kết quả chỉ số của tỉnh")
        verbose_name_plural = _("kết quả chỉ số của tỉnh")
        constraints = [models.UniqueConstraint(fields=["department", "year", "index"],
                                               name="one_province_result_per_index_year")]

    def __str__(self) -> str:
        return f"{self.get_index_display()} {self.year}"

    def audit_unit(self):
        return self.department


class TargetAssignment(models.Model):
    """A target given to one unit (giao chỉ tiêu cho các phòng, đơn vị), measured for that unit or typed with
    evidence, rolled up on the plan's target."""

    target = models.ForeignKey("plans.Target", verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE,
                               related_name="assignments")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị được giao"), on_delete=models.PROTECT,
                             related_name="+")
    value = models.DecimalField(_("mức giao"), max_digits=9, decimal_places=2)
    manual_value = models.DecimalField(_("giá trị đạt (nhập tay)"), max_digits=12, decimal_places=3, null=True,
                                       blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["unit__path"]
        verbose_name = _("chỉ tiêu giao cho đơn vị")
        verbose_name_plural = _("chỉ tiêu giao cho đơn vị")
        constraints = [models.UniqueConstraint(fields=["target", "unit"], name="one_assignment_per_unit")]

    def __str__(self) -> str:
        return f"{self.target} · {self.unit}"

    def audit_unit(self):
        return self.target.plan.issuing_unit


class UnitPlanRequest(models.Model):
    """A unit asked to send its own plan carrying out the plan, by a date; sent once its plan is issued."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="unit_requests")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("hạn gửi kế hoạch"))
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)

    class Meta:
        ordering = ["unit__path"]
        verbose_name = _("yêu cầu đơn vị lập kế hoạch")
        verbose_name_plural = _("yêu cầu đơn vị lập kế hoạch")
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="one_unit_plan_request")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.due_date:%d/%m/%Y}"

    def audit_unit(self):
        return self.plan.issuing_unit
