"""The yearly assessment (đánh giá, chấm điểm CCHC) of one unit against one framework, and imported history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assessment(models.Model):
    """One unit scored against one framework: self-assessment, appraisal, appeal, publication."""

    class Phase(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", _("Đang tự đánh giá")
        SUBMITTED = "submitted", _("Đã gửi thẩm định")
        APPRAISAL = "appraisal", _("Đang thẩm định")
        RETURNED = "returned", _("Trả lại để giải trình")
        RESUBMITTED = "resubmitted", _("Đã giải trình, gửi lại")
        FINALISED = "finalised", _("Đã có kết quả thẩm định")
        PUBLISHED = "published", _("Đã công bố")

    framework = models.ForeignKey("frameworks.Framework", verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT,
                                  related_name="assessments")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị được đánh giá"), on_delete=models.PROTECT,
                             related_name="assessments")
    phase = models.CharField(_("giai đoạn"), max_length=20, choices=Phase.choices, default=Phase.SELF_ASSESSMENT)
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    self_deadline = models.DateField(_("hạn tự đánh giá"), null=True, blank=True)
    appraisal_deadline = models.DateField(_("hạn thẩm định"), null=True, blank=True)
    appeal_deadline = models.DateField(_("hạn phúc tra"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    started_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Everyone who took part on the unit's side (self-scored, explained, uploaded evidence, submitted, appealed):
    # none of them may appraise, decide an appeal on or publish this assessment (assessments.access.conflict).
    self_assessed_by = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("người tham gia tự đánh giá"),
                                              blank=True, related_name="+")

    class Meta:
        ordering = ["-framework__year", "unit__path"]
        verbose_name = _("kỳ đánh giá")
        verbose_name_plural = _("kỳ đánh giá")
        constraints = [models.UniqueConstraint(fields=["framework", "unit"], name="one_assessment_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.framework.year}"

    def audit_unit(self):
        return self.unit

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("assessments:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.phase == self.Phase.PUBLISHED

    @property
    def self_scoring_open(self) -> bool:
        return self.phase in (self.Phase.SELF_ASSESSMENT, self.Phase.RETURNED)

    @property
    def self_overdue(self) -> bool:
        from django.utils import timezone

        return bool(self.self_scoring_open and self.self_deadline and timezone.localdate() > self.self_deadline)

    @property
    def has_appraisal(self) -> bool:
        """Appraised scores exist to show (before that, the appraised column stays empty)."""
        return self.phase not in (self.Phase.SELF_ASSESSMENT, self.Phase.SUBMITTED)

    @property
    def appraisal_open(self) -> bool:
        return self.phase in (self.Phase.SUBMITTED, self.Phase.APPRAISAL, self.Phase.RESUBMITTED)


class Score(models.Model):
    """The scores of one leaf criterion in one assessment: self, appraised, and the exchange around them."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("frameworks.Criterion", on_delete=models.PROTECT, related_name="scores")
    measured_value = models.DecimalField(_("giá trị đo được"), max_digits=9, decimal_places=3, null=True, blank=True)
    measured_detail = models.CharField(_("căn cứ số liệu"), max_length=300, blank=True)
    # Where cchc's own data gave the value (e.g. the dossier list behind an on-time rate): the figure's evidence.
    measured_link = models.CharField(_("danh sách số liệu"), max_length=500, blank=True)
    self_score = models.DecimalField(_("điểm tự đánh giá"), max_digits=7, decimal_places=3, null=True, blank=True)
    explanation = models.TextField(_("giải trình"), blank=True)
    appraised_score = models.DecimalField(_("điểm thẩm định"), max_digits=7, decimal_places=3, null=True, blank=True)
    appraisal_comment = models.TextField(_("nhận xét của Hội đồng thẩm định"), blank=True)
    returned = models.BooleanField(_("yêu cầu giải trình"), default=False)
    return_note = models.TextField(_("nội dung cần giải trình"), blank=True)
    reply = models.TextField(_("giải trình bổ sung"), blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    appraised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    # The council kept the self-score as appraised score by an explicit decision (chấp nhận điểm tự chấm) when it
    # ended the appraisal without re-scoring the item: who decided and when, item by item.
    self_score_accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("chấp nhận điểm tự chấm"),
                                               null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    self_score_accepted_at = models.DateTimeField(_("thời điểm chấp nhận điểm tự chấm"), null=True, blank=True)
    # Raised by every action that changes the row; the item's forms carry the version they were read at.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["criterion__order", "criterion__pk"]
        verbose_name = _("điểm tiêu chí")
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="one_score_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion.code} – {self.assessment}"

    def audit_unit(self):
        return self.assessment.unit


class Appeal(models.Model):
    """The unit's one appeal (đề nghị phúc tra) against an appraised score, and the council's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ Hội đồng xem xét")
        ACCEPTED = "accepted", _("Chấp nhận")
        REJECTED = "rejected", _("Không chấp nhận")

    score = models.OneToOneField(Score, on_delete=models.CASCADE, related_name="appeal")
    reason = models.TextField(_("lý do đề nghị"))
    requested_score = models.DecimalField(_("điểm đề nghị"), max_digits=7, decimal_places=3)
    status = models.CharField(_("kết quả"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(_("lý do của Hội đồng"), blank=True)
    decided_score = models.DecimalField(_("điểm sau phúc tra"), max_digits=7, decimal_places=3, null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị phúc tra")

    def __str__(self) -> str:
        return f"Phúc tra {self.score}"

    def audit_unit(self):
        return self.score.assessment.unit


def evidence_path(instance, filename):
    return f"evidence/{instance.score.assessment_id}/{instance.sha256[:12]}-{filename}"


class Evidence(models.Model):
    """An evidence file (tài liệu kiểm chứng) of one score, with what cchc reads from it."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    period_start = models.DateField(_("thời gian áp dụng từ"), null=True, blank=True)
    period_end = models.DateField(_("đến"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    signer = models.CharField(_("người ký"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    signature_intact = models.BooleanField(null=True)
    # The signed bytes are intact but the file goes on past them: it was changed after signing.
    signature_modified = models.BooleanField(_("tệp bị sửa sau khi ký"), null=True)
    # The signing time comes from a timestamp authority's token; False: only the signer's own clock says so.
    signature_timestamped = models.BooleanField(_("thời điểm ký có dấu thời gian"), null=True)
    # Whether the signer's certificate chains to a root in CCHC_TRUSTED_CA_DIR; None: not signed or no root set up.
    signature_trusted = models.BooleanField(null=True)
    for_appeal = models.BooleanField(default=False)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("tài liệu kiểm chứng")

    def __str__(self) -> str:
        return self.name

    def audit_unit(self):
        return self.score.assessment.unit

    @property
    def signed_in_time(self) -> bool | None:
        deadline = self.score.criterion.deadline
        if not (deadline and self.signed_at):
            return None
        return self.signed_at.date() <= deadline


class HistoricalResult(models.Model):
    """A published result from before cchc (or from another system), imported as history: one unit, one year.

    Only the published figures are kept: the rank is never stored but computed from the totals of the units ranked
    together that year (assessments.results), so it cannot disagree with the ranking page or the charts."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="historical_results")
    year = models.PositiveSmallIntegerField(_("năm"))
    framework_title = models.CharField(_("bộ chỉ số"), max_length=300, blank=True)
    bonus = models.DecimalField(_("điểm cộng"), max_digits=7, decimal_places=3, default=0)
    penalty = models.DecimalField(_("điểm trừ"), max_digits=7, decimal_places=3, default=0)
    total = models.DecimalField(_("tổng điểm"), max_digits=7, decimal_places=3)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)

    class Meta:
        ordering = ["unit", "year"]
        verbose_name = _("kết quả các năm trước")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_history_per_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.year}"

    def audit_unit(self):
        return self.unit


class HistoricalArea(models.Model):
    """One area's published score in a historical result; a missing score carries a note ('Gộp vào …')."""

    result = models.ForeignKey(HistoricalResult, on_delete=models.CASCADE, related_name="areas")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("chỉ số thành phần"), max_length=300)
    score = models.DecimalField(_("điểm"), max_digits=7, decimal_places=3, null=True, blank=True)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=3, null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["result", "order"]

    def __str__(self) -> str:
        return self.title
