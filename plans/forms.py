"""Forms of the plans pages; messages in Vietnamese say what to do."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleChoiceField, check_evidence
from frameworks.metrics import metric_choices
from org.models import Unit
from plans.actions import FROZEN_WHEN_ISSUED
from plans.approvals import extension_problem
from plans.models import Plan, Target, Task, TaskUpdate

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_UPLOAD = getattr(settings, "PLANS_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)


class UnitChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


STALE_PAGE = _("Trang này đã cũ (thiếu phiên bản dữ liệu): hãy tải lại trang rồi nhập lại.")


class VersionedForm(forms.Form):
    """Carries the version of the row the form was read at (plans.versions): a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if data.get("version") is None:
            self.errors.pop("version", None)
            raise forms.ValidationError(STALE_PAGE)
        return data


class PlanForm(forms.ModelForm):
    """A plan's header. A new plan is a draft (issuing has its own confirmation); an issued plan keeps its issuing
    unit, number, date and year, and may only be marked superseded."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    class Meta:
        model = Plan
        fields = ["issuing_unit", "number", "symbol", "title", "summary", "issue_date", "year", "kind", "status",
                  "signer_name", "signer_title"]
        widgets = {"issue_date": DATE_INPUT, "summary": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["year"].widget.attrs.update({"min": 2000, "max": 2100})
        plan = self.instance
        if plan.pk is None or plan.status == Plan.Status.DRAFT:
            del self.fields["status"]
        else:
            self.fields["status"].choices = [(v, label) for v, label in Plan.Status.choices if v != Plan.Status.DRAFT]
            for name in FROZEN_WHEN_ISSUED:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Đã ban hành: không sửa được.")
        if plan.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = plan.version

    def clean(self):
        data = super().clean()
        if "version" in self.fields and data.get("version") is None:
            self.errors.pop("version", None)
            raise forms.ValidationError(STALE_PAGE)
        return data

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Năm phải trong khoảng 2000–2100."))
        return year


class SectionForm(forms.Form):
    appendix_number = forms.CharField(label=_("Phụ lục số"), max_length=10, required=False, initial="1")
    numeral = forms.CharField(label=_("Số mục"), max_length=10, required=False, help_text=_("Ví dụ: I, II, III"))
    title = forms.CharField(label=_("Tên mục"), max_length=500)


class SectionEditForm(VersionedForm, SectionForm):
    appendix_title = forms.CharField(label=_("Tên phụ lục"), max_length=500, required=False)

    field_order = ["appendix_number", "appendix_title", "numeral", "title"]


class ConfirmForm(VersionedForm):
    """A confirmation page's form: only the version of what is confirmed."""


class IssueForm(VersionedForm):
    issue_date = forms.DateField(label=_("Ngày ban hành"), widget=DATE_INPUT)


class TaskForm(VersionedForm):
    section = forms.ModelChoiceField(label=_("Thuộc mục"), queryset=None, required=False)
    code = forms.CharField(label=_("Số thứ tự"), max_length=20, required=False, help_text=_("Ví dụ: 1, 1.2, 3.1.1"))
    content = forms.CharField(label=_("Nhiệm vụ / nội dung thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    product = forms.CharField(label=_("Sản phẩm / kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deadline_text = forms.CharField(label=_("Thời gian thực hiện"), max_length=500, required=False,
                                    help_text=_("Ghi như trong kế hoạch: “Báo cáo trước ngày 15/11”, “Quý II/2025”, "
                                                "“Thường xuyên”…"))
    lead_units = UnitChoiceField(label=_("Đơn vị chủ trì"), queryset=None,
                                 widget=forms.SelectMultiple(attrs={"size": 6}))
    coordinating_units = UnitChoiceField(label=_("Đơn vị phối hợp"), queryset=None, required=False,
                                         widget=forms.SelectMultiple(attrs={"size": 6}))
    monitoring_units = UnitChoiceField(label=_("Đơn vị theo dõi, đôn đốc, tổng hợp"), queryset=None, required=False,
                                       widget=forms.SelectMultiple(attrs={"size": 4}))
    is_heading = forms.BooleanField(label=_("Dòng tiêu đề nhóm (không giao thực hiện)"), required=False)

    def __init__(self, *args, plan: Plan, versioned: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.versioned = versioned
        if not versioned:
            del self.fields["version"]
        self.fields["section"].queryset = plan.sections.all()
        units = Unit.objects.subtree_of(plan.issuing_unit.department()).active().order_by("path")
        for name in ("lead_units", "coordinating_units", "monitoring_units"):
            self.fields[name].queryset = units

    def clean(self):
        data = super().clean() if self.versioned else forms.Form.clean(self)
        if data.get("is_heading"):
            return data
        if not data.get("lead_units"):
            self.add_error("lead_units", _("Chọn ít nhất một đơn vị chủ trì."))
        return data


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["label", "metric_key", "comparison", "value", "unit_label"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric_key"] = forms.ChoiceField(label=_("Số liệu đo (nếu có)"), required=False,
                                                      choices=[("", "—")] + metric_choices(gettext))


class TargetEditForm(TargetForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    def clean(self):
        data = super().clean()
        if data.get("version") is None:
            self.errors.pop("version", None)
            raise forms.ValidationError(STALE_PAGE)
        return data


class ReportPeriodForm(forms.Form):
    label = forms.CharField(label=_("Kỳ báo cáo"), max_length=120, help_text=_("Ví dụ: Quý I, 6 tháng, Năm"))
    stated_due = forms.DateField(label=_("Hạn gửi"), widget=DATE_INPUT)


def _check_file(upload):
    if upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("Tệp “%(name)s” quá lớn (tối đa %(mb)s MB)."),
                                    params={"name": upload.name, "mb": MAX_UPLOAD // (1024 * 1024)})
    check_evidence(upload, "task_evidence", max_bytes=MAX_UPLOAD)
    return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [_check_file(super(MultipleFileField, self).clean(d, initial)) for d in data if d]
        return [_check_file(super().clean(data, initial))] if data else []


class ProgressForm(VersionedForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị báo cáo"), queryset=Unit.objects.none())
    status = forms.ChoiceField(label=_("Tình trạng"), choices=Task.Status.choices)
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Nội dung cập nhật"), widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Tài liệu kiểm chứng"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        self.fields["percent"].error_messages.update(
            {"max_value": _("Tiến độ tối đa là 100 phần trăm."), "min_value": _("Tiến độ không thể âm.")})

    def clean(self):
        data = super().clean()
        if data.get("status") == Task.Status.DONE and data.get("percent") is not None and data["percent"] < 100:
            data["percent"] = 100
        return data


class ContributionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị phối hợp"), queryset=Unit.objects.none())
    note = forms.CharField(label=_("Ý kiến, kết quả phối hợp"), widget=forms.Textarea(attrs={"rows": 3}))
    files = MultipleFileField(label=_("Tài liệu kèm theo"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị đề nghị"), queryset=Unit.objects.none())
    new_due = forms.DateField(label=_("Hạn mới đề nghị"), widget=DATE_INPUT)
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=(), task: Task | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk

    def clean_new_due(self):
        new_due = self.cleaned_data["new_due"]
        problem = extension_problem(self.task, new_due, timezone.localdate()) if self.task else ""
        if problem:
            raise forms.ValidationError(problem)
        return new_due


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(label=_("Quyết định"), coerce=lambda v: v == "1",
                                     choices=[("1", _("Đồng ý gia hạn")), ("0", _("Không đồng ý"))])
    note = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EventDateForm(forms.Form):
    event_date = forms.DateField(label=_("Ngày phát sinh (nhận văn bản, có chỉ đạo…)"), widget=DATE_INPUT)


class ReassignForm(forms.Form):
    lead_units = UnitChoiceField(label=_("Đơn vị chủ trì mới"), queryset=Unit.objects.none(),
                                 widget=forms.SelectMultiple(attrs={"size": 6}))

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_units"].queryset = Unit.objects.subtree_of(plan.issuing_unit.department()).active()


class PeriodReportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    text = forms.CharField(label=_("Nội dung báo cáo"), widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label=_("Tệp báo cáo"), required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return _check_file(upload) if upload else upload


UPDATE_KINDS = TaskUpdate.Kind


class CriterionChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.framework.year} · {obj.code}. {obj.title[:110]}"


class CriteriaForm(forms.Form):
    criteria = CriterionChoiceField(label=_("Tiêu chí của bộ chỉ số mà nhiệm vụ phục vụ"), required=False,
                                    queryset=None, widget=forms.SelectMultiple(attrs={"size": 8}))

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        from frameworks.models import Criterion

        self.fields["criteria"].queryset = (Criterion.objects.filter(framework__year__in=[plan.year, plan.year - 1])
                                            .select_related("framework").order_by("-framework__year", "framework",
                                                                                  "order"))
