from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import Assessment
from core.forms import ModelMultipleChoiceField, check_evidence
from core.versions import VersionField
from frameworks import rules
from frameworks.models import Framework
from org.models import Unit

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class PointsField(forms.CharField):
    """Points as users type them, '9,376' or '9.376'."""

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None):
            return None
        try:
            return rules.parse_number(value)
        except rules.RuleError:
            raise forms.ValidationError(_("“%(value)s” không phải là số (ví dụ 9,376).") % {"value": value})


class StartForm(forms.Form):
    framework = forms.ModelChoiceField(label=_("Bộ chỉ số"), queryset=Framework.objects.none())
    units = ModelMultipleChoiceField(label=_("Đơn vị được đánh giá"), queryset=Unit.objects.none(),
                                     widget=forms.CheckboxSelectMultiple)
    window_start = forms.DateField(label=_("Số liệu từ ngày"), widget=DATE_WIDGET)
    window_end = forms.DateField(label=_("Số liệu đến ngày"), widget=DATE_WIDGET)
    self_deadline = forms.DateField(label=_("Hạn tự đánh giá"), widget=DATE_WIDGET, required=False)
    appraisal_deadline = forms.DateField(label=_("Hạn thẩm định"), widget=DATE_WIDGET, required=False)
    appeal_deadline = forms.DateField(label=_("Hạn phúc tra"), widget=DATE_WIDGET, required=False)
    carry_forward = forms.BooleanField(label=_("Bắt đầu từ kết quả năm trước (mang sang tài liệu kiểm chứng còn hiệu lực)"),
                                       required=False, initial=True)

    def __init__(self, *args, frameworks, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["units"].queryset = units

    def clean(self):
        data = super().clean()
        if data.get("window_start") and data.get("window_end") and data["window_end"] < data["window_start"]:
            self.add_error("window_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class SelfScoreForm(forms.Form):
    version = VersionField()
    points = PointsField(label=_("Điểm tự đánh giá"), required=False)
    measured = PointsField(label=_("Giá trị đo được"), required=False)
    measured_detail = forms.CharField(label=_("Căn cứ số liệu"), max_length=300, required=False)
    explanation = forms.CharField(label=_("Giải trình"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reply = forms.CharField(label=_("Giải trình bổ sung"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Tài liệu kiểm chứng"))
    period_start = forms.DateField(label=_("Áp dụng từ"), widget=DATE_WIDGET, required=False)
    period_end = forms.DateField(label=_("đến"), widget=DATE_WIDGET, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_evidence(upload, "evidence")
        return upload


class AppraiseForm(forms.Form):
    version = VersionField()
    points = PointsField(label=_("Điểm thẩm định"))
    comment = forms.CharField(label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AppealForm(forms.Form):
    requested = PointsField(label=_("Điểm đề nghị"))
    reason = forms.CharField(label=_("Lý do đề nghị phúc tra"), widget=forms.Textarea(attrs={"rows": 2}))
    file = forms.FileField(label=_("Tài liệu bổ sung"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_evidence(upload, "evidence")
        return upload


class DecideForm(forms.Form):
    decision = forms.ChoiceField(label=_("Kết quả"), choices=[("accept", _("Chấp nhận")), ("reject", _("Không chấp nhận"))])
    points = PointsField(label=_("Điểm sau phúc tra"), required=False,
                         help_text=_("Bỏ trống: lấy điểm đơn vị đề nghị."))
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class PhaseFilterForm(forms.Form):
    year = forms.IntegerField(required=False)
    phase = forms.ChoiceField(required=False, choices=[("", "—"), *Assessment.Phase.choices])
