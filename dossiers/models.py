"""One-stop dossiers (hồ sơ TTHC một cửa): the procedure catalogue, the dossiers and their imports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính) of the catalogue, with its processing time."""

    code = models.CharField(_("mã thủ tục"), max_length=80, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    processing_days = models.PositiveSmallIntegerField(
        _("thời hạn giải quyết (ngày làm việc)"), null=True, blank=True
    )
    fee_bearing = models.BooleanField(_("có phí, lệ phí"), default=False)

    class Meta:
        ordering = ["field", "name"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Dossier(models.Model):
    """A dossier (hồ sơ) received at the one-stop counter or online and settled by a unit."""

    class Channel(models.TextChoices):
        DIRECT = "direct", _("Trực tiếp")
        PARTLY_ONLINE = "partly_online", _("Trực tuyến một phần")
        FULLY_ONLINE = "fully_online", _("Trực tuyến toàn trình")
        POST = "post", _("Bưu chính công ích")

    code = models.CharField(_("mã hồ sơ"), max_length=80, unique=True)
    procedure = models.ForeignKey(Procedure, verbose_name=_("thủ tục"), on_delete=models.PROTECT,
                                  related_name="dossiers")
    # A province holds millions of dossiers and imports them by the hundred thousand: every index slows each
    # import, so only those the figures and the import read are kept. The handling unit is served by the two
    # indexes it leads (below); the field, the receiving unit and the last run are never looked up alone.
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    receiving_unit = models.ForeignKey("org.Unit", verbose_name=_("nơi tiếp nhận"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+", db_index=False)
    receiving_text = models.CharField(_("nơi tiếp nhận (như trong tệp)"), max_length=255, blank=True)
    handling_unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị giải quyết"), on_delete=models.PROTECT,
                                      related_name="dossiers", db_index=False)
    received_at = models.DateTimeField(_("ngày tiếp nhận"))
    # Local calendar dates kept beside the instants so windows, months and lateness are plain date comparisons
    # in SQL on SQLite and PostgreSQL alike.
    received_on = models.DateField(db_index=True, editable=False)
    due_on = models.DateField(_("hạn trả kết quả"))
    due_computed = models.BooleanField(_("hạn do cchc tính"), default=False)
    finished_at = models.DateTimeField(_("ngày có kết quả"), null=True, blank=True)
    settled_on = models.DateField(null=True, blank=True, db_index=True, editable=False)
    returned_at = models.DateTimeField(_("ngày trả kết quả"), null=True, blank=True)
    channel = models.CharField(_("hình thức nộp"), max_length=20, choices=Channel.choices, default=Channel.DIRECT)
    paid_online = models.BooleanField(_("thanh toán trực tuyến"), default=False)
    fee = models.DecimalField(_("phí, lệ phí (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True)
    fee_bearing = models.BooleanField(_("có phí, lệ phí"), default=False)
    digitised = models.BooleanField(_("đã số hóa"), default=False)
    status = models.CharField(_("trạng thái"), max_length=100, blank=True)
    apology_sent = models.BooleanField(_("đã gửi phiếu xin lỗi"), default=False)
    # The import that last created or changed it (an import that finds it unchanged leaves it as it is). A
    # pointer for reading, kept without a database constraint: checking it cost a large import a seventh of its
    # writing time on PostgreSQL; Django still sets it to NULL when the run is deleted.
    last_run = models.ForeignKey("ImportRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 db_index=False, db_constraint=False)

    class Meta:
        ordering = ["-received_at", "code"]
        verbose_name = _("hồ sơ TTHC")
        verbose_name_plural = _("hồ sơ TTHC")
        indexes = [models.Index(fields=["handling_unit", "received_on"]),
                   models.Index(fields=["handling_unit", "settled_on"])]

    def __str__(self) -> str:
        return self.code


class ImportSource(models.Model):
    """A system whose exports are imported (nguồn dữ liệu), with the column mapping the user chose once."""

    name = models.CharField(_("tên nguồn dữ liệu"), max_length=200)
    unit = models.ForeignKey("org.Unit", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    # {field key: column header as written in the file}
    mapping = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nguồn dữ liệu hồ sơ")
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="unique_dossier_source_per_unit")]

    def __str__(self) -> str:
        return self.name

    def audit_unit(self):
        return self.unit


class ImportRun(models.Model):
    """One import of one export file (lần nhập dữ liệu)."""

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all", _("Tất cả hoặc không: có dòng lỗi thì không ghi gì")
        SKIP_BAD = "skip", _("Bỏ qua dòng lỗi: ghi các dòng đúng, liệt kê dòng lỗi")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Chờ ghép cột")
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Hoàn thành")
        REJECTED = "rejected", _("Không ghi do có dòng lỗi")
        FAILED = "failed", _("Lỗi hệ thống")

    source = models.ForeignKey(ImportSource, verbose_name=_("nguồn"), on_delete=models.PROTECT, related_name="runs")
    file = models.FileField(upload_to="dossier-imports/%Y/%m/")
    file_name = models.CharField(_("tệp"), max_length=255)
    mode = models.CharField(_("cách xử lý dòng lỗi"), max_length=4, choices=Mode.choices, default=Mode.ALL_OR_NOTHING)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.UPLOADED)
    total_rows = models.PositiveIntegerField(_("ước tính số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("đã đọc"), default=0)
    created_count = models.PositiveIntegerField(_("hồ sơ mới"), default=0)
    updated_count = models.PositiveIntegerField(_("hồ sơ cập nhật"), default=0)
    error_count = models.PositiveIntegerField(_("dòng lỗi"), default=0)
    # The first errors only ([{"line": 12, "message": "..."}]): a broken file of a million rows must not fill the database.
    errors = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The background task (django_tasks_db's result id) that runs it, and how many times it was started: a run
    # cut short by a restart is run again from the start once (it wrote nothing), then failed with a message.
    task_id = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lần nhập hồ sơ")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%d/%m/%Y %H:%M})" if self.created_at else self.file_name

    def audit_unit(self):
        return self.source.unit

    @property
    def unit(self):
        return self.source.unit

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REJECTED, self.Status.FAILED)
