from django import forms
from django.utils.translation import gettext_lazy as _

from workdays.models import DayOverride


class OverrideForm(forms.Form):
    date = forms.DateField(label=_("Ngày"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(label=_("Loại"), choices=DayOverride.Kind.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False,
                           help_text=_("Ví dụ: Nghỉ bù Tết Dương lịch theo Thông báo của Bộ Nội vụ"))

    def clean_date(self):
        day = self.cleaned_data["date"]
        if DayOverride.objects.filter(date=day).exists():
            raise forms.ValidationError(_("Ngày %(d)s đã được điều chỉnh; xóa điều chỉnh cũ trước khi nhập lại."),
                                        params={"d": f"{day:%d/%m/%Y}"})
        return day
