from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import check_upload
from documents import catalog
from documents.models import DocumentTemplate

PERIOD_KINDS = [("quarter", _("Quý")), ("half", _("6 tháng đầu năm")), ("nine_months", _("9 tháng")),
                ("year", _("Cả năm"))]


class PeriodForm(forms.Form):
    """The period of a periodic report (kỳ báo cáo)."""

    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=PERIOD_KINDS, initial="quarter")
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100,
                              error_messages={"invalid": _("Năm phải là số, ví dụ 2024."),
                                              "min_value": _("Năm phải từ 2000 trở đi."),
                                              "max_value": _("Năm không được quá 2100.")})
    quarter = forms.TypedChoiceField(label=_("Quý"), required=False, coerce=int, empty_value=None,
                                     choices=[("", "–"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")])

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or date.today()
        self.fields["year"].initial = today.year
        self.fields["quarter"].initial = max(1, (today.month - 1) // 3)

    def clean(self):
        data = super().clean()
        if data.get("kind") == "quarter" and not data.get("quarter"):
            self.add_error("quarter", _("Vui lòng chọn quý của báo cáo."))
        if data.get("kind") != "quarter":
            data["quarter"] = None
        return data


class TemplateUploadForm(forms.Form):
    """A .docx template for one kind of document, for a unit (default) or one plan, assessment or framework."""

    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=[(key, _(label)) for key, label in catalog.KIND_CHOICES])
    name = forms.CharField(label=_("Tên mẫu"), max_length=200)
    applies_to = forms.ChoiceField(label=_("Áp dụng cho"))
    file = forms.FileField(label=_("Tệp mẫu (.docx)"), widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
                           help_text=_("Soạn bằng Word, chèn các biến như {{ co_quan }}; xem trang hướng dẫn."))

    def __init__(self, *args, units=(), targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(f"unit:{u.pk}", f"Mặc định của {u.name}") for u in units]
        choices += [(f"{kind}:{pk}", label) for kind, pk, label, _unit in targets]
        self.fields["applies_to"].choices = choices
        self._targets = {f"{kind}:{pk}": (kind, pk, label, unit) for kind, pk, label, unit in targets}
        self._units = {f"unit:{u.pk}": u for u in units}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(_("Vui lòng tải lên tệp Word dạng .docx (không nhận .doc, .pdf)."))
        check_upload(upload, "template", ("docx",))
        return upload

    def clean(self):
        data = super().clean()
        key = data.get("applies_to")
        if key in self._units:
            data["target"] = (DocumentTemplate.Target.UNIT, None, "", self._units[key])
        elif key in self._targets:
            kind, pk, label, unit = self._targets[key]
            data["target"] = (kind, pk, label, unit)
            wanted = catalog.KINDS[data["kind"]].target if data.get("kind") in catalog.KINDS else None
            if wanted and wanted != kind:
                self.add_error("applies_to", _("Loại văn bản này không áp dụng cho đối tượng đã chọn; hãy chọn "
                                               "đúng loại đối tượng hoặc mẫu mặc định của đơn vị."))
        return data
