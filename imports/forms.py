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
    file = forms.FileField(label=_("Tệp kế hoạch (.docx, .doc, .odt hoặc .xlsx theo mẫu)"),
                           help_text=_("Tối đa 20 MB."))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_unit"].queryset = units
        self.fields["file"].widget.attrs["accept"] = ".docx,.doc,.odt,.xlsx"

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
    picked_units = forms.MultipleChoiceField(
        label=_("Đơn vị cụ thể thay cho “các phòng, đơn vị có liên quan”"), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))
    outside = forms.CharField(
        label=_("Cơ quan ngoài Sở tham gia"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi dòng một cơ quan, ví dụ “Phối hợp: Sở Nội vụ” hoặc “Theo dõi: UBND tỉnh”."))
    method = forms.CharField(label=_("Phân công và cách thức thực hiện"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
    product = forms.CharField(label=_("Sản phẩm / kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deadline_text = forms.CharField(label=_("Thời gian thực hiện"), max_length=500, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 1}))
    reviewed = forms.BooleanField(label=_("Đã xem, giữ như vậy (không còn là dòng cần xem lại)"), required=False)
    removed = forms.BooleanField(label=_("Bỏ dòng này, không tạo nhiệm vụ"), required=False)

    def __init__(self, *args, units=(), needs_units=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.units_by_id = {str(u.pk): u for u in units}
        self.fields["picked_units"].choices = [(str(u.pk), u.name) for u in units]
        if not needs_units:
            del self.fields["picked_units"]

    def clean_picked_units(self):
        return [self.units_by_id[pk] for pk in self.cleaned_data["picked_units"] if pk in self.units_by_id]


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


OUTSIDE = "ngoai"


class MapNameForm(forms.Form):
    """Maps a name cchc did not recognise to a unit ("12"), a group of units ("g3"), a body outside the department
    ("ngoai", kept as a named participant), or to nothing ("")."""

    text = forms.CharField(max_length=500, widget=forms.HiddenInput)
    unit = forms.ChoiceField(label=_("Là đơn vị"), required=False)

    def __init__(self, *args, units, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = (
            [("", _("— Không phải đơn vị (bỏ qua) —")), (OUTSIDE, _("— Cơ quan ngoài Sở (giữ tên) —"))]
            + [(str(u.pk), u.name) for u in units]
            + [(f"g{g.pk}", f"{g.name} ({_('nhóm')})") for g in groups]
        )
