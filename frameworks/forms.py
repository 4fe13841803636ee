import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import check_upload
from core.versions import VersionField
from frameworks import rules, sheet
from frameworks.metrics import metric_choices
from frameworks.models import Criterion, Framework

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class FrameworkForm(forms.ModelForm):
    version = VersionField()
    bands_text = forms.CharField(
        label=_("Xếp loại"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng: tên loại = tỷ lệ % tối thiểu, ví dụ “Xuất sắc = 90”. Bỏ trống: Xuất sắc 90, Tốt 80, "
                    "Khá 70, Trung bình 50, Yếu."),
    )

    class Meta:
        model = Framework
        fields = ["year", "title", "level", "owner", "decision"]

    def __init__(self, *args, owners=None, **kwargs):
        super().__init__(*args, **kwargs)
        if owners is not None:
            self.fields["owner"].queryset = owners
        if self.instance.pk and self.instance.bands:
            self.initial["bands_text"] = "\n".join(f"{label} = {rules.format_points(low)}"
                                                   for label, low in self.instance.band_list())
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)
        if self.instance.pk and self.instance.is_frozen:
            # What finished results rest on stays as it is; the form sends it back unchanged whatever is posted.
            for name in ("year", "level", "owner", "bands_text"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Không sửa được: bộ chỉ số đã dùng cho kết quả đã thẩm định hoặc "
                                                "công bố.")

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Năm phải từ 2000 đến 2100."))
        return year

    def clean_bands_text(self):
        bands = []
        for line in self.cleaned_data["bands_text"].splitlines():
            if not line.strip():
                continue
            if "=" not in line:
                raise forms.ValidationError(_("Dòng “%(line)s” phải có dạng tên = tỷ lệ %%.") % {"line": line})
            label, low = (s.strip() for s in line.rsplit("=", 1))
            try:
                value = rules.parse_number(low)
            except rules.RuleError:
                value = None
            if not label or value is None or not 0 <= value <= 100:
                raise forms.ValidationError(_("Dòng “%(line)s”: tỷ lệ phải là số từ 0 đến 100.") % {"line": line})
            bands.append([label, float(value)])
        return bands

    def save_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields}
        data["bands"] = self.cleaned_data["bands_text"]
        return data


class CriterionForm(forms.ModelForm):
    version = VersionField()
    # A text field so both '1,5' and '1.5' read as one and a half (a localised DecimalField would read '1.5' as 15).
    max_points = forms.CharField(label=_("Điểm tối đa"), max_length=12)
    rule_kind = forms.ChoiceField(label=_("Cách chấm điểm"), choices=[(kind, _(label)) for kind, label in rules.KINDS.items()])
    metric = forms.CharField(label=_("Lấy số liệu từ"), required=False,
                             help_text=_("Để trống nếu giá trị đo được nhập tay kèm tài liệu kiểm chứng."))
    params = forms.CharField(
        label=_("Tham số"), required=False,
        help_text=_("Thủ công: các mức “0; 0,5; 1”. Theo mức: “50=1,5; 70=3”. Tuyến tính: “nhân=10; chia=100; "
                    "trừ=0; sàn=50”."),
    )

    class Meta:
        model = Criterion
        fields = ["parent", "kind", "code", "title", "order", "max_points", "guidance", "responsible_unit", "deadline"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "guidance": forms.Textarea(attrs={"rows": 2}),
                   "deadline": DATE_WIDGET}

    def __init__(self, *args, framework, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.instance.framework = framework
        parents = Criterion.objects.filter(framework=framework)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        if units is not None:
            self.fields["responsible_unit"].queryset = units
        self.fields["metric"].widget = forms.Select(choices=[("", _("— nhập tay —")), *metric_choices(gettext)])
        rule = self.instance.rule or {"kind": "manual"}
        self.initial.setdefault("rule_kind", rule.get("kind", "manual"))
        self.initial.setdefault("metric", rule.get("metric", ""))
        self.initial.setdefault("params", sheet.params_text(rule) if self.instance.pk else "")
        if self.instance.pk:
            self.initial["max_points"] = rules.format_points(self.instance.max_points)
            self.initial.setdefault("version", self.instance.version)

    def clean_max_points(self):
        try:
            value = rules.parse_number(self.cleaned_data["max_points"])
        except rules.RuleError:
            value = None
        if value is None or not 0 <= value <= 1000 or value != value.quantize(rules.PLACES):
            raise forms.ValidationError(_("Điểm tối đa là số từ 0 đến 1000, tối đa 3 chữ số thập phân (ví dụ 1,5)."))
        return value

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        clash = Criterion.objects.filter(framework=self.framework, code=code).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Mã “%(code)s” đã có trong bộ chỉ số.") % {"code": code})
        return code

    def clean(self):
        data = super().clean()
        kind = data.get("rule_kind")
        if kind and data.get("max_points") is not None:
            try:
                rule = {"kind": kind, **sheet.parse_params(kind, data.get("params", ""))}
                if data.get("metric"):
                    rule["metric"] = data["metric"]
                data["rule"] = rules.parse_rule(rule, data["max_points"]).as_dict()
            except rules.RuleError as error:
                self.add_error("params", str(error))
        return data

    def save_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields}
        data["rule"] = self.cleaned_data["rule"]
        return data


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class CopyForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên bộ chỉ số mới"), max_length=300,
                            help_text=_("Năm trong tên đổi theo năm đã chọn."))

    def clean(self):
        """The title and the year say the same year: a copy for 2025 named "… năm 2024" is sent back."""
        data = super().clean()
        year, title = data.get("year"), data.get("title", "")
        named = sorted({int(y) for y in YEAR.findall(title or "")})
        if year and named and year not in named:
            suggestion = title.replace(str(named[-1]), str(year))
            self.add_error("title", _("Tên ghi năm %(named)s nhưng bộ chỉ số mới là năm %(year)s: hãy sửa cho khớp, "
                                      "ví dụ “%(suggestion)s”.") % {"named": named[-1], "year": year,
                                                                   "suggestion": suggestion})
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx theo mẫu."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        check_upload(upload, "framework", ("xlsx",))
        return upload
