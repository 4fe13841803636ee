"""Questionnaires, their public answering points, and the answers, kept raw so any SIPAS method can be recomputed."""

import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.index import ASPECTS, COMMON, LEVEL_LABELS, METHODS


def new_token() -> str:
    return secrets.token_urlsafe(9)


def hash_code(code: str) -> str:
    """One-time codes are stored only as this hash, so a leaked table reveals no usable code."""
    normal = "".join(code.split()).upper()
    return hashlib.sha256(f"{settings.SECRET_KEY}:survey-code:{normal}".encode()).hexdigest()


class Survey(models.Model):
    """Phiếu khảo sát: a questionnaire of one unit over one period (or a template the office copies)."""

    class Kind(models.TextChoices):
        SIPAS = "sipas", _("Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)")
        OPINION = "opinion", _("Lấy ý kiến lãnh đạo, CBCCVC đánh giá công tác CCHC")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        OPEN = "open", _("Đang nhận ý kiến")
        CLOSED = "closed", _("Đã kết thúc")

    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="surveys",
                             null=True, blank=True)
    kind = models.CharField(_("loại khảo sát"), max_length=10, choices=Kind.choices, default=Kind.SIPAS)
    title = models.CharField(_("tên phiếu khảo sát"), max_length=255)
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    period_label = models.CharField(_("kỳ khảo sát"), max_length=60, help_text=_("Ví dụ: Năm 2024, 6 tháng đầu năm 2025"))
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    method = models.CharField(_("cách tính chỉ số"), max_length=20, choices=[(key, _(label)) for key, label in METHODS.items()],
                              default=COMMON)
    target_percent = models.DecimalField(_("chỉ tiêu (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
                                         default=Decimal("90"))
    allow_no_opinion = models.BooleanField(_("cho phép chọn “Không có ý kiến”"), default=True)
    ask_respondent = models.BooleanField(_("hỏi thông tin người trả lời (không bắt buộc)"), default=True)
    require_code = models.BooleanField(_("chỉ nhận phiếu có mã mời hoặc đăng nhập"), default=False)
    is_template = models.BooleanField(_("mẫu phiếu"), default=False)
    token = models.CharField(max_length=20, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("phiếu khảo sát")

    def __str__(self) -> str:
        return f"{self.title} – {self.period_label}" if self.period_label else self.title

    def audit_unit(self):
        return self.unit

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and not self.is_template


class Question(models.Model):
    """Câu hỏi: grouped by SIPAS aspect; the items of an opinion survey carry points (1 each in the seed)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    aspect = models.PositiveSmallIntegerField(_("yếu tố"), choices=[(0, _("Không thuộc yếu tố SIPAS")),
                                                                   *[(n, _(label)) for n, label in ASPECTS.items()]], default=1)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung câu hỏi"))
    points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=3, default=Decimal("1"))

    class Meta:
        ordering = ["aspect", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:120]

    def audit_unit(self):
        return self.survey.unit


class Counter(models.Model):
    """Điểm khảo sát: a service counter (quầy) or channel with its own public link and QR code."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="counters")
    name = models.CharField(_("tên quầy / điểm khảo sát"), max_length=255)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    token = models.CharField(max_length=20, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    def audit_unit(self):
        return self.survey.unit


class Invitation(models.Model):
    """Mã mời dùng một lần: an invitation for one person, or the code printed on one dossier's receipt."""

    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Mã mời")
        DOSSIER = "dossier", _("Mã trên phiếu hẹn hồ sơ")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.INVITATION)
    label = models.CharField(_("dành cho"), max_length=255, blank=True)
    dossier_ref = models.CharField(_("số hồ sơ"), max_length=100, blank=True)
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.dossier_ref or self.label or f"#{self.pk}"

    def audit_unit(self):
        return self.survey.unit


class Participation(models.Model):
    """That a logged-in person answered an opinion survey, never which answers: it only stops a second answer."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="survey_participation_once")]


class Response(models.Model):
    """Phiếu trả lời: one respondent's answers, anonymous; the suggestion is followed up by the office."""

    class Channel(models.TextChoices):
        PUBLIC = "public", _("Trang công khai")
        CODE = "code", _("Mã mời / mã hồ sơ")
        LOGIN = "login", _("Đăng nhập")
        IMPORT = "import", _("Nhập liệu")

    class FollowUp(models.TextChoices):
        NONE = "", _("Không có góp ý")
        RECEIVED = "received", _("Đã tiếp nhận")
        HANDLING = "handling", _("Đang xử lý")
        ANSWERED = "answered", _("Đã trả lời")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    counter = models.ForeignKey(Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="responses")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.PUBLIC)
    submitted_on = models.DateField(_("ngày trả lời"), db_index=True)
    gender = models.CharField(_("giới tính"), max_length=20, blank=True)
    age_group = models.CharField(_("độ tuổi"), max_length=20, blank=True)
    occupation = models.CharField(_("nghề nghiệp"), max_length=60, blank=True)
    respondent_kind = models.CharField(_("người trả lời là"), max_length=30, blank=True)
    suggestion = models.TextField(_("góp ý, kiến nghị"), blank=True)
    follow_up = models.CharField(_("xử lý góp ý"), max_length=10, choices=FollowUp.choices, blank=True, default="")
    reply = models.TextField(_("nội dung trả lời"), blank=True)
    replied_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return f"Phiếu số {self.pk}"

    def audit_unit(self):
        return self.survey.unit


class Answer(models.Model):
    """One level for one question: 1–5, or 0 for "Không có ý kiến"."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    level = models.PositiveSmallIntegerField(choices=[(level, _(label)) for level, label in sorted(LEVEL_LABELS.items())])

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once")]


class SubmittedForm(models.Model):
    """The digest of each accepted form token, so a double tap or a replayed form is stored once.

    The token only says when the form was served, never who filled it; old rows are pruned after two days.
    """

    digest = models.CharField(max_length=64, unique=True)
    used_on = models.DateField(db_index=True)


class RateWindow(models.Model):
    """How many answers one client (a salted, daily-rotated hash of its address) sent to one survey in one fixed
    window of time. Counted by one atomic upsert, so parallel posts from every worker process add up exactly."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    ends_at = models.DateTimeField(db_index=True)
