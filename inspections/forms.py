"""Forms of the inspection pages; messages in Vietnamese say what to do."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import check_evidence
from core.versions import VersionField
from inspections.models import Fix, Inspection, InspectionPlan
from org.models import Unit

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
STALE_PAGE = _("Trang này đã cũ (thiếu phiên bản dữ liệu): hãy tải lại trang rồi nhập lại.")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class _Versioned:
    """An edit form carries the version the row was read at (core.versions): without it the page is stale."""

    def _check_version(self, data):
        if "version" in self.fields and data.get("version") is None:
            self.errors.pop("version", None)
            raise forms.ValidationError(STALE_PAGE)


class PlanForm(_Versioned, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = InspectionPlan
        fields = ["year", "issuing_unit", "title", "decision", "decision_date", "target_percent", "note"]
        widgets = {"decision_date": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"issuing_unit": UnitChoiceField}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["year"].widget.attrs.update({"min": 2000, "max": 2100})
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.initial.setdefault("version", self.instance.version)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Năm phải trong khoảng 2000–2100."))
        return year

    def clean_target_percent(self):
        value = self.cleaned_data["target_percent"]
        if not Decimal(0) < value <= Decimal(100):
            raise forms.ValidationError(_("Chỉ tiêu là tỷ lệ phần trăm, lớn hơn 0 và không quá 100."))
        return value

    def clean(self):
        data = super().clean()
        self._check_version(data)
        return data


class InspectionForm(_Versioned, forms.Form):
    """A unit to inspect or inspected: the team one member a line, outside bodies by name."""

    unit = UnitChoiceField(label=_("Đơn vị được kiểm tra"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Hình thức kiểm tra"), choices=Inspection.Kind.choices)
    planned_date = forms.DateField(label=_("Ngày dự kiến"), required=False, widget=DATE_INPUT)
    actual_date = forms.DateField(label=_("Ngày kiểm tra"), required=False, widget=DATE_INPUT,
                                  help_text=_("Ghi khi đã kiểm tra; kiểm tra đột xuất ghi ngày đã kiểm tra."))
    team = forms.CharField(label=_("Thành viên đoàn kiểm tra"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Mỗi dòng một người hoặc cơ quan, ví dụ “Lê Thị Mai – Văn phòng Sở, trưởng "
                                       "đoàn”, “Đại diện Sở Nội vụ”."))
    conclusion = forms.CharField(label=_("Kết luận kiểm tra"), required=False, max_length=20000,
                                 widget=forms.Textarea(attrs={"rows": 3}))
    conclusion_ref = forms.CharField(label=_("Biên bản, thông báo kết luận"), required=False, max_length=300)
    version = VersionField()

    def __init__(self, *args, plan: InspectionPlan, editing: Inspection | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (Unit.objects.subtree_of(plan.issuing_unit).exclude(pk=plan.issuing_unit_id)
                                        .active().order_by("path"))
        if editing is None:
            del self.fields["version"]
        else:
            self.initial.update(unit=editing.unit_id, kind=editing.kind, planned_date=editing.planned_date,
                                actual_date=editing.actual_date, team="\n".join(editing.team),
                                conclusion=editing.conclusion, conclusion_ref=editing.conclusion_ref)
            self.initial.setdefault("version", editing.version)

    def clean(self):
        data = super().clean()
        self._check_version(data)
        return data


class FindingForm(forms.Form):
    text = forms.CharField(label=_("Tồn tại, hạn chế phát hiện qua kiểm tra"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class FixForm(forms.Form):
    text = forms.CharField(label=_("Yêu cầu khắc phục"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    deadline_text = forms.CharField(label=_("Thời hạn khắc phục"), required=False, max_length=300,
                                    help_text=_("Như kết luận ghi: “Trước ngày 30/09/2024”, “Trong thời hạn 15 ngày "
                                                "làm việc kể từ ngày kiểm tra”."))
    due_date = forms.DateField(label=_("Hoặc hạn cụ thể"), required=False, widget=DATE_INPUT,
                               help_text=_("Hạn rơi vào ngày nghỉ được tính là ngày làm việc liền trước."))


class ReportForm(_Versioned, forms.Form):
    note = forms.CharField(label=_("Kết quả khắc phục"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Tài liệu kiểm chứng"), required=False,
                               help_text=_("Văn bản, báo cáo khắc phục (PDF, Word, Excel, ảnh)."))
    version = VersionField()

    def __init__(self, *args, fix: Fix, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", fix.version)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            # By its content, before anything keeps it (core.uploads): a page or a program named .pdf is refused.
            check_evidence(upload, "evidence")
        return upload

    def clean(self):
        data = super().clean()
        self._check_version(data)
        return data


class VerifyForm(_Versioned, forms.Form):
    ACCEPT, RETURN = "accept", "return"
    decision = forms.ChoiceField(label=_("Xác nhận"), widget=forms.RadioSelect, choices=[
        (ACCEPT, _("Đã khắc phục")), (RETURN, _("Chưa đạt, trả lại đơn vị"))])
    note = forms.CharField(label=_("Ý kiến"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    version = VersionField()

    def __init__(self, *args, fix: Fix, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", fix.version)

    def clean(self):
        data = super().clean()
        self._check_version(data)
        return data


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(label=_("Tôi hiểu cuộc kiểm tra, các tồn tại và yêu cầu khắc phục sẽ bị xóa."))
