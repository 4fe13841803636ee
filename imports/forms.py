from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import check_upload
from core.uploads import extension_of
from imports.actions import HEADER_EDIT_FIELDS
from imports.docx_reader import MAX_BYTES

PLAN_KINDS = [("yearly", _("Kế hoạch CCHC năm")), ("index", _("Kế hoạch nâng cao chỉ số (PAR INDEX, SIPAS)")),
              ("communication", _("Kế hoạch tuyên truyền CCHC")), ("inspection", _("Kế hoạch kiểm tra CCHC")),
              ("other", _("Kế hoạch khác"))]


class UploadForm(forms.Form):
    issuing_unit = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=None, empty_label=None)
    file = forms.FileField(label=_("Tệp kế hoạch (.docx hoặc .xlsx theo mẫu)"),
                           help_text=_("Tối đa 20 MB. Tệp .doc cũ hãy lưu lại thành .docx trước khi tải lên."))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = units
        self.fields["file"].widget.attrs["accept"] = ".docx,.xlsx"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn. Chỉ nhận tệp tối đa 20 MB; hãy tách phụ lục thành tệp riêng."))
        # Bombs and limits are refused here; a file of another kind, or broken, gets the reader's own advice (save a
        # .doc as .docx, remove the password…).
        if extension_of(upload.name) in ("docx", "xlsx"):
            check_upload(upload, "plan", ("docx", "xlsx"), reader_explains=("format", "broken"), max_bytes=MAX_BYTES)
        return upload


class TaskForm(forms.Form):
    code = forms.CharField(label=_("Số thứ tự"), max_length=20, required=False)
    content = forms.CharField(label=_("Nhiệm vụ / nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    lead_text = forms.CharField(label=_("Chủ trì"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    coordinating_text = forms.CharField(label=_("Phối hợp"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    monitoring_text = forms.CharField(label=_("Theo dõi, đôn đốc"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))
    product = forms.CharField(label=_("Sản phẩm / kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deadline_text = forms.CharField(label=_("Thời gian thực hiện"), max_length=500, required=False)
    removed = forms.BooleanField(label=_("Bỏ dòng này, không tạo nhiệm vụ"), required=False)


class HeaderForm(forms.Form):
    number = forms.CharField(label=_("Số"), max_length=20, required=False)
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=60, required=False)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=500)
    place = forms.CharField(label=_("Địa danh"), max_length=120, required=False)
    issue_date = forms.DateField(label=_("Ngày ban hành"), required=False, input_formats=["%d/%m/%Y"],
                                 widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
                                 error_messages={"invalid": _("Ngày ban hành viết theo dạng ngày/tháng/năm, ví dụ 05/01/2024.")})
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PLAN_KINDS)

    field_order = list(HEADER_EDIT_FIELDS)


class MapNameForm(forms.Form):
    """Maps a name cchc did not recognise to a unit ("12"), a group of units ("g3"), or to nothing ("")."""

    text = forms.CharField(max_length=500, widget=forms.HiddenInput)
    unit = forms.ChoiceField(label=_("Là đơn vị"), required=False)

    def __init__(self, *args, units, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = (
            [("", _("— Không phải đơn vị (bỏ qua) —"))]
            + [(str(u.pk), u.name) for u in units]
            + [(f"g{g.pk}", f"{g.name} ({_('nhóm')})") for g in groups]
        )
