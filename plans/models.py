"""Plans (kế hoạch), their targets, sections and tasks, and what units report on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workdays.deadlines import KIND_LABELS


class Plan(models.Model):
    """A plan as issued (kế hoạch): '05/KH-STNMT', its year, kind and status."""

    class Kind(models.TextChoices):
        YEARLY = "yearly", _("Kế hoạch CCHC năm")
        INDEX = "index", _("Kế hoạch nâng cao chỉ số (PAR INDEX, SIPAS)")
        COMMUNICATION = "communication", _("Kế hoạch tuyên truyền CCHC")
        INSPECTION = "inspection", _("Kế hoạch kiểm tra CCHC")
        OTHER = "other", _("Kế hoạch khác")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        SUPERSEDED = "superseded", _("Đã được thay thế")

    issuing_unit = models.ForeignKey("org.Unit", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                                     related_name="plans")
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: KH-STNMT"))
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    summary = models.TextField(_("trích yếu"), blank=True)
    place = models.CharField(_("địa danh"), max_length=120, blank=True)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại kế hoạch"), max_length=20, choices=Kind.choices, default=Kind.YEARLY)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Bumped by every action that changes the row; an edit form carries the version it was read at (lost updates).
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["-year", "-issue_date", "-pk"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self) -> str:
        return f"{self.reference} · {self.title}" if self.reference else self.title

    @property
    def reference(self) -> str:
        """'05/KH-STNMT': the number and symbol as the header writes them."""
        if self.number and self.symbol:
            return f"{self.number}/{self.symbol}"
        return self.number or self.symbol

    def audit_unit(self):
        return self.issuing_unit


class Target(models.Model):
    """A measurable target of a plan (chỉ tiêu): 'online payments above 70 %'."""

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "≥"
        ABOVE = "gt", ">"
        AT_MOST = "lte", "≤"
        BELOW = "lt", "<"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    label = models.CharField(_("chỉ tiêu"), max_length=500)
    metric_key = models.CharField(_("số liệu đo"), max_length=80, blank=True)
    comparison = models.CharField(_("so sánh"), max_length=3, choices=Comparison.choices, default=Comparison.AT_LEAST)
    value = models.DecimalField(_("giá trị"), max_digits=9, decimal_places=2)
    unit_label = models.CharField(_("đơn vị tính"), max_length=20, default="%", blank=True)
    order = models.PositiveIntegerField(default=0)
    # See Plan.version.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.label

    def audit_unit(self):
        return self.plan.issuing_unit

    def is_met(self, measured) -> bool:
        return {"gte": measured >= self.value, "gt": measured > self.value,
                "lte": measured <= self.value, "lt": measured < self.value}[self.comparison]


class Section(models.Model):
    """A numbered part of an appendix (mục I, II…) that holds tasks."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    appendix_number = models.CharField(_("phụ lục số"), max_length=10, blank=True)
    appendix_title = models.CharField(_("tên phụ lục"), max_length=500, blank=True)
    numeral = models.CharField(_("số mục"), max_length=10, blank=True, help_text=_("Ví dụ: I, II, III"))
    title = models.CharField(_("tên mục"), max_length=500)
    order = models.PositiveIntegerField(default=0)
    # See Plan.version.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("mục")
        verbose_name_plural = _("mục")

    def __str__(self) -> str:
        return f"{self.numeral}. {self.title}" if self.numeral else self.title

    def audit_unit(self):
        return self.plan.issuing_unit


class Task(models.Model):
    """A task of a plan (nhiệm vụ): a numbered row of an appendix with its units, product and deadline."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        CANCELLED = "cancelled", _("Không thực hiện")

    # The labels are marked in workdays.deadlines (pure, no Django) and translated here, when shown.
    DEADLINE_KINDS = [(kind, _(label)) for kind, label in KIND_LABELS.items()]

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    code = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    order = models.PositiveIntegerField(default=0)
    is_heading = models.BooleanField(_("là dòng tiêu đề nhóm"), default=False)
    content = models.TextField(_("nhiệm vụ / nội dung thực hiện"))
    product = models.TextField(_("sản phẩm / kết quả"), blank=True)
    lead_units = models.ManyToManyField("org.Unit", verbose_name=_("đơn vị chủ trì"), blank=True,
                                        related_name="led_tasks")
    coordinating_units = models.ManyToManyField("org.Unit", verbose_name=_("đơn vị phối hợp"), blank=True,
                                                related_name="coordinated_tasks")
    monitoring_units = models.ManyToManyField("org.Unit", verbose_name=_("đơn vị theo dõi, đôn đốc"), blank=True,
                                              related_name="monitored_tasks")
    lead_text = models.TextField(_("chủ trì (nguyên văn)"), blank=True)
    coordinating_text = models.TextField(_("phối hợp (nguyên văn)"), blank=True)
    monitoring_text = models.TextField(_("theo dõi (nguyên văn)"), blank=True)
    # What the plan says about how the task is carried out, beyond who does it (read by the importer).
    method = models.TextField(_("phân công và cách thức thực hiện"), blank=True)
    footnotes = models.JSONField(_("chú thích"), default=list, blank=True)  # [{"mark": "2", "text": "…"}]
    # Bodies outside the unit tree that take part: [{"role": "lead|coordinating|monitoring", "name": "Sở Nội vụ"}].
    outside_participants = models.JSONField(_("cơ quan ngoài tham gia"), default=list, blank=True)
    needs_units = models.BooleanField(_("cần chọn đơn vị"), default=False)
    # The deadline as written and as understood (workdays.deadlines).
    deadline_text = models.CharField(_("thời gian thực hiện (nguyên văn)"), max_length=500, blank=True)
    deadline_kind = models.CharField(_("loại thời hạn"), max_length=20, choices=DEADLINE_KINDS, default="none")
    deadline_flagged = models.BooleanField(_("thời hạn cần xác định"), default=False)
    deadline_event = models.CharField(_("sự kiện tính hạn"), max_length=500, blank=True)
    deadline_offset = models.PositiveIntegerField(null=True, blank=True)
    deadline_offset_unit = models.CharField(max_length=20, blank=True)
    deadline_recurrence = models.CharField(max_length=20, blank=True)
    period_start = models.DateField(_("từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    event_date = models.DateField(_("ngày phát sinh sự kiện"), null=True, blank=True)
    stated_due = models.DateField(_("hạn ghi trong kế hoạch"), null=True, blank=True)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True, db_index=True)
    extended_due = models.DateField(_("hạn đã được gia hạn"), null=True, blank=True)
    criteria = models.ManyToManyField("frameworks.Criterion", verbose_name=_("tiêu chí phục vụ"), blank=True,
                                      related_name="tasks")
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # See Plan.version.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        head = f"{self.code}. " if self.code else ""
        content = self.content if len(self.content) <= 120 else self.content[:117] + "…"
        return head + content

    @property
    def effective_due(self):
        """The date that counts: the approved extension if any, else the plan's deadline."""
        return self.extended_due or self.due_date

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NOT_STARTED, self.Status.IN_PROGRESS) and not self.is_heading

    def is_overdue(self, today) -> bool:
        return self.is_open and self.effective_due is not None and self.effective_due < today

    def on_time(self) -> bool | None:
        """Done by the date that counts? None while not done or without a date."""
        if not self.is_done or self.effective_due is None or self.completed_on is None:
            return None
        return self.completed_on <= self.effective_due

    def audit_unit(self):
        return self.plan.issuing_unit


class TaskUpdate(models.Model):
    """A progress update (báo cáo tiến độ) of a lead unit, or a coordinating unit's contribution."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Cập nhật tiến độ")
        CONTRIBUTION = "contribution", _("Ý kiến, kết quả phối hợp")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.PROGRESS)
    status = models.CharField(_("tình trạng"), max_length=20, choices=Task.Status.choices, blank=True)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), null=True, blank=True)
    note = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)
    returned_at = models.DateTimeField(_("trả lại lúc"), null=True, blank=True)
    returned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")

    def __str__(self) -> str:
        return f"{self.task.code} · {self.get_kind_display()} · {self.unit}"

    def audit_unit(self):
        return self.unit


def evidence_path(instance, filename):
    return f"plans/evidence/{instance.update.task.plan_id}/{instance.update.task_id}/{filename}"


class Evidence(models.Model):
    """A file attached to an update (tài liệu kiểm chứng)."""

    update = models.ForeignKey(TaskUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Extension(models.Model):
    """A request to move a task's deadline (đề nghị gia hạn): asked, then approved or refused by someone else.

    Who decides is fixed when the request is made (plans.approvals): the leaders of `approver_unit` (the task's
    monitoring unit, unless it is the unit asking) or of the plan's issuing unit, never the requester or the unit
    asking."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã đồng ý")
        REFUSED = "refused", _("Không đồng ý")
        WITHDRAWN = "withdrawn", _("Không xét (nhiệm vụ đã kết thúc)")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extensions")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="+")
    approver_unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị có thẩm quyền duyệt"),
                                      on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("lý do"))
    old_due = models.DateField(_("hạn cũ"), null=True, blank=True)
    new_due = models.DateField(_("hạn đề nghị"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("đề nghị gia hạn")
        verbose_name_plural = _("đề nghị gia hạn")

    def __str__(self) -> str:
        return f"{self.task.code} · {self.new_due:%d/%m/%Y} · {self.get_status_display()}"

    def audit_unit(self):
        return self.unit


class ReportPeriod(models.Model):
    """One period of a plan's reporting calendar (kỳ báo cáo): 'Quý I' due 10/3."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="report_periods")
    label = models.CharField(_("kỳ báo cáo"), max_length=120)
    stated_due = models.DateField(_("hạn gửi theo kế hoạch"))
    due_date = models.DateField(_("hạn gửi (ngày làm việc)"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")

    def __str__(self) -> str:
        return f"{self.label} ({self.due_date:%d/%m/%Y})"

    def audit_unit(self):
        return self.plan.issuing_unit


def report_path(instance, filename):
    return f"plans/reports/{instance.period.plan_id}/{instance.period_id}/{filename}"


class PeriodReport(models.Model):
    """A unit's report for one period (báo cáo định kỳ)."""

    period = models.ForeignKey(ReportPeriod, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_on = models.DateField(_("ngày gửi"))
    text = models.TextField(_("nội dung báo cáo"))
    file = models.FileField(_("tệp báo cáo"), upload_to=report_path, max_length=300, blank=True)

    class Meta:
        ordering = ["period", "unit"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="one_report_per_unit_period")]
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")

    def __str__(self) -> str:
        return f"{self.period.label} · {self.unit}"

    def audit_unit(self):
        return self.unit

    @property
    def on_time(self) -> bool:
        return self.submitted_on <= self.period.due_date


class Notification(models.Model):
    """A reminder for one person (nhắc việc), shown in the app and sent in that day's e-mail digest."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")
        ESCALATION = "escalation", _("Quá hạn, báo đơn vị theo dõi")
        REPORT_DUE = "report_due", _("Sắp đến hạn báo cáo")
        REPORT_LATE = "report_late", _("Chưa gửi báo cáo")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notifications")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    period = models.ForeignKey(ReportPeriod, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    day = models.DateField(_("ngày nhắc"), db_index=True)
    due_date = models.DateField(_("hạn"))
    days_left = models.IntegerField(_("số ngày làm việc còn lại"))
    emailed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-day", "due_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "task", "kind", "day"], condition=models.Q(task__isnull=False),
                                    name="one_task_notification_per_day"),
            models.UniqueConstraint(fields=["user", "period", "kind", "day"],
                                    condition=models.Q(period__isnull=False), name="one_period_notification_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} · {self.day:%d/%m/%Y}"


class Digest(models.Model):
    """The one e-mail a person gets per day: its existence is what stops a second run sending again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_day")]
