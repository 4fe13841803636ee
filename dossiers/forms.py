"""Forms of the dossier pages: the figures' filter, the upload, the column mapping."""

from datetime import date

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import QuickSelect, check_upload
from dossiers.models import ImportRun, ImportSource, Procedure
from dossiers.parsing import COLUMNS, missing_required
from dossiers.queries import Window

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


class WindowForm(forms.Form):
    """Bộ lọc: kỳ thống kê (dd/mm/yyyy), đơn vị, lĩnh vực, thủ tục."""

    # No placeholder (a grey date reads as a value): the box shows the day the figures use, the hint sits below.
    start = forms.DateField(label=_("Từ ngày"), input_formats=DATE_FORMATS, required=False,
                            help_text=_("dd/mm/yyyy; để trống là từ đầu năm"),
                            widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    end = forms.DateField(label=_("Đến ngày"), input_formats=DATE_FORMATS, required=False,
                          help_text=_("dd/mm/yyyy; để trống là đến hôm nay"),
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    # A province's units and procedures: options written out directly (core.forms.QuickSelect).
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả"),
                                  widget=QuickSelect)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False, widget=QuickSelect)
    procedure = forms.ModelChoiceField(label=_("Thủ tục"), queryset=Procedure.objects.all(), required=False,
                                       empty_label=_("Tất cả"), widget=QuickSelect)

    def __init__(self, data, *, units, fields):
        super().__init__(data)
        self.fields["unit"].queryset = units
        self.fields["field"].choices = [("", _("Tất cả"))] + [(f, f) for f in fields if f]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data

    @classmethod
    def showing_window(cls, data, *, units, fields) -> "WindowForm":
        """The filter with its date boxes filled with the window the figures use when the request left them
        empty (this year so far), so what the boxes show is what is counted."""
        form = cls(data or None, units=units, fields=fields)
        given = data.copy() if data else QueryDict(mutable=True)
        window = form.window()
        missing = [(name, day) for name, day in (("start", window.start), ("end", window.end))
                   if not (given.get(name) or "").strip()]
        if not missing:
            return form
        for name, day in missing:
            given[name] = day.strftime("%d/%m/%Y")
        return cls(given, units=units, fields=fields)

    def window(self) -> Window:
        """The window the user asked for, or this year so far: bad input never breaks the page."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or date(today.year, 1, 1)
        end = data.get("end") or max(today, start)
        if start > end:
            start, end = end, start
        return Window(start, end, data.get("unit"), data.get("field") or "", data.get("procedure"))

    def query(self, **overrides) -> dict:
        """The filter as URL parameters, for links that keep it."""
        window = self.window()
        query = {"start": window.start.strftime("%d/%m/%Y"), "end": window.end.strftime("%d/%m/%Y")}
        if window.unit is not None:
            query["unit"] = window.unit.pk
        if window.field:
            query["field"] = window.field
        if window.procedure is not None:
            query["procedure"] = window.procedure.pk
        query.update(overrides)
        return {k: v for k, v in query.items() if v not in (None, "")}


class UploadForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Nguồn dữ liệu đã dùng"), queryset=None, required=False,
                                    empty_label=_("— nguồn mới —"))
    new_source = forms.CharField(label=_("Hoặc tên nguồn mới"), max_length=200, required=False,
                                 help_text=_("Ví dụ: Hệ thống thông tin giải quyết TTHC tỉnh"))
    unit = forms.ModelChoiceField(label=_("Cơ quan (nguồn mới)"), queryset=None, required=False)
    file = forms.FileField(label=_("Tệp xuất từ phần mềm một cửa (.xlsx, .csv)"))

    def __init__(self, *args, sources, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        limit = getattr(settings, "CCHC_MAX_UPLOAD_MB", 200)
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn %(mb)s MB: hãy chia thành nhiều tệp, hoặc nhờ quản trị hệ thống nhập bằng lệnh "
                                          "import_dossiers.") % {"mb": limit})
        check_upload(upload, "dossiers", ("xlsx", "csv"), max_bytes=limit * 1024 * 1024)
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("source"):
            if not (data.get("new_source") or "").strip():
                raise forms.ValidationError(_("Chọn nguồn dữ liệu đã dùng hoặc nhập tên nguồn mới."))
            if not data.get("unit"):
                raise forms.ValidationError(_("Chọn cơ quan của nguồn dữ liệu mới."))
            if ImportSource.objects.filter(unit=data["unit"], name=data["new_source"].strip()).exists():
                raise forms.ValidationError(_("Đã có nguồn dữ liệu tên này: hãy chọn nó trong danh sách."))
        return data


class MappingForm(forms.Form):
    """One select per cchc column, listing the file's headers; prefilled from the source's saved mapping."""

    def __init__(self, *args, headers: list[str], initial_mapping: dict[str, str], example: list | None = None,
                 proposed: set[str] | frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        example = list(example or [])
        example += [None] * (len(headers) - len(example))
        # Each choice shows the column's value on the first row, so a column is recognised by its content too.
        choices = [("", _("— không có —"))] + [
            (h, f"{h} — {str(v)[:40]}" if v not in (None, "") else h) for h, v in zip(headers, example, strict=False)]
        for column in COLUMNS:
            initial = initial_mapping.get(column.key)
            self.fields[column.key] = forms.ChoiceField(
                label=column.label + (" *" if column.required else ""), choices=choices, required=False,
                initial=initial if initial in headers else "",
                help_text=_("Đề xuất theo tiêu đề cột của tệp mới: kiểm tra trước khi nhập.")
                if column.key in proposed and initial in headers else "")
        self.fields["mode"] = forms.ChoiceField(label=_("Khi có dòng lỗi"), choices=ImportRun.Mode.choices,
                                                initial=ImportRun.Mode.ALL_OR_NOTHING, widget=forms.RadioSelect)

    def clean(self):
        data = super().clean()
        mapping = self.mapping()
        missing = missing_required(mapping)
        if missing:
            raise forms.ValidationError(_("Cần chọn cột cho: %(cols)s.") % {"cols": ", ".join(missing)})
        used = [h for h in mapping.values()]
        repeated = sorted({h for h in used if used.count(h) > 1})
        if repeated:
            raise forms.ValidationError(_("Mỗi cột của tệp chỉ dùng một lần: %(cols)s.") % {"cols": ", ".join(repeated)})
        return data

    def mapping(self) -> dict[str, str]:
        data = getattr(self, "cleaned_data", {})
        return {c.key: data[c.key] for c in COLUMNS if data.get(c.key)}


class ProcedureForm(forms.ModelForm):
    """Thủ tục: the processing time is what due dates are computed from when an export lacks them."""

    class Meta:
        model = Procedure
        fields = ["code", "name", "field", "processing_days", "fee_bearing"]
