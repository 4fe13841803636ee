"""Criteria frameworks (Bộ chỉ số): a yearly tree of areas, criteria and sub-criteria with max points and rules."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.i18n import gettext_noop
from frameworks import rules

DEFAULT_BANDS = [["Xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình", 50], ["Yếu", 0]]


class Framework(models.Model):
    """A criteria framework (Bộ chỉ số) of one year and level, run by its owner unit."""

    class Level(models.TextChoices):
        DEPARTMENTS = "departments", _("Sở, ban, ngành thuộc tỉnh")
        INTERNAL = "internal", _("Phòng, đơn vị thuộc Sở")
        OTHER = "other", _("Khác")

    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên bộ chỉ số"), max_length=300)
    level = models.CharField(_("cấp đánh giá"), max_length=20, choices=Level.choices, default=Level.DEPARTMENTS)
    owner = models.ForeignKey(
        "org.Unit", verbose_name=_("cơ quan chủ trì đánh giá"), on_delete=models.PROTECT, related_name="frameworks"
    )
    decision = models.CharField(_("văn bản ban hành"), max_length=255, blank=True)
    # [[label, min percent of max points]], highest first: configurable per framework as provinces differ.
    bands = models.JSONField(_("xếp loại"), default=list, blank=True)
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies")
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised by every save through frameworks.actions: an edit form read at an older version is refused.
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("bộ chỉ số")
        verbose_name_plural = _("bộ chỉ số")

    def __str__(self) -> str:
        return self.title

    def audit_unit(self):
        return self.owner

    def frozen_by(self):
        """The assessments whose results rest on this framework as it is (appraisal finished or published): while
        there is one, its criteria, max points, rules and bands stay as they are; changes go into a copy."""
        from assessments.models import Assessment

        return self.assessments.filter(phase__in=[Assessment.Phase.FINALISED, Assessment.Phase.PUBLISHED])

    @property
    def is_frozen(self) -> bool:
        if not hasattr(self, "_frozen"):
            self._frozen = self.frozen_by().exists()
        return self._frozen

    def band_list(self) -> list[tuple[str, Decimal]]:
        raw = self.bands or DEFAULT_BANDS
        return sorted(((str(label), Decimal(str(low))) for label, low in raw), key=lambda b: -b[1])

    def classify(self, total, maximum) -> str:
        if total is None or not maximum:
            return ""
        share = Decimal(total) * 100 / Decimal(maximum)
        for label, low in self.band_list():
            if share >= low:
                return label
        return ""


class Criterion(models.Model):
    """A node of the framework: area (lĩnh vực), criterion (tiêu chí), sub-criterion (tiêu chí thành phần),
    bonus (điểm thưởng) or penalty (điểm trừ). Scores are entered on the leaves."""

    class Kind(models.TextChoices):
        AREA = "area", _("Lĩnh vực / chỉ số thành phần")
        CRITERION = "criterion", _("Tiêu chí")
        SUB_CRITERION = "sub_criterion", _("Tiêu chí thành phần")
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.CRITERION)
    code = models.CharField(_("mã"), max_length=30)
    title = models.TextField(_("nội dung"))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=7, decimal_places=3, default=Decimal(0))
    rule = models.JSONField(_("cách chấm điểm"), default=dict, blank=True)
    guidance = models.TextField(_("tài liệu kiểm chứng cần có"), blank=True)
    responsible_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị chịu trách nhiệm"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="responsible_criteria",
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True,
                                help_text=_("Văn bản kiểm chứng phải được ký trước ngày này (nếu có)."))
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        ordering = ["framework", "order", "pk"]
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="unique_criterion_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"[:200]

    def audit_unit(self):
        return self.framework.owner

    @property
    def is_extra(self) -> bool:
        return self.kind in (self.Kind.BONUS, self.Kind.PENALTY)

    def parsed_rule(self) -> rules.Rule:
        return rules.parse_rule(self.rule, self.max_points)

    def rule_text(self, translate=gettext_noop) -> str:
        """How the criterion is scored, in Vietnamese as documents and exports write it."""
        from frameworks.metrics import metric_label

        try:
            return rules.describe(self.parsed_rule(), self.max_points, translate,
                                  metric_label=lambda key: metric_label(key, translate))
        except rules.RuleError as error:
            return error.text(translate)

    def rule_text_shown(self) -> str:
        """rule_text in the reader's language, for the pages."""
        return self.rule_text(gettext)

    def clean(self):
        errors = rules.validate_rule(self.rule, self.max_points)
        if errors:
            raise ValidationError({"rule": errors})
        if self.parent_id and self.parent.framework_id != self.framework_id:
            raise ValidationError({"parent": "Tiêu chí cha phải thuộc cùng bộ chỉ số."})
