from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleChoiceField
from org.models import Unit

DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name", "kind", "parent", "order", "coordinates_reform", "email"]

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents
        self.fields["parent"].required = True

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        # A unit under itself or under one of its own units would make the tree a loop.
        if parent and self.instance.pk and parent.path.startswith(self.instance.path):
            raise forms.ValidationError(_("Không thể chuyển một đơn vị về trực thuộc chính nó hoặc đơn vị cấp dưới "
                                          "của nó. Chọn một đơn vị khác."))
        return parent


class RenameForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    new_name = forms.CharField(label=_("Tên mới"), max_length=255)
    new_short_name = forms.CharField(label=_("Tên viết tắt mới"), max_length=100, required=False)
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    decision = forms.CharField(label=_("Văn bản (số, ngày)"), max_length=255, required=False)


class MergeForm(forms.Form):
    sources = ModelMultipleChoiceField(
        label=_("Các đơn vị hợp nhất"), queryset=Unit.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    into = forms.ModelChoiceField(
        label=_("Sáp nhập vào đơn vị hiện có"), queryset=Unit.objects.none(), required=False,
        help_text=_("Để trống để lập đơn vị mới theo tên bên dưới."),
    )
    new_name = forms.CharField(label=_("Tên đơn vị mới"), max_length=255, required=False)
    new_short_name = forms.CharField(label=_("Tên viết tắt"), max_length=100, required=False)
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    decision = forms.CharField(label=_("Văn bản (số, ngày)"), max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        sources, into = cleaned.get("sources") or [], cleaned.get("into")
        if into is None and not cleaned.get("new_name"):
            raise forms.ValidationError(_("Chọn đơn vị sáp nhập vào, hoặc nhập tên đơn vị mới."))
        count = len([s for s in sources if into is None or s.pk != into.pk])
        if count < (1 if into else 2):
            raise forms.ValidationError(_("Chọn ít nhất hai đơn vị để hợp nhất (hoặc một đơn vị để sáp nhập vào đơn vị khác)."))
        return cleaned


class SplitForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị chia tách"), queryset=Unit.objects.none())
    parts = forms.CharField(
        label=_("Các đơn vị mới"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một đơn vị: Tên đầy đủ | Tên viết tắt"),
    )
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    decision = forms.CharField(label=_("Văn bản (số, ngày)"), max_length=255, required=False)

    def clean_parts(self):
        parts = []
        for line in self.cleaned_data["parts"].splitlines():
            if not line.strip():
                continue
            name, _sep, short = line.partition("|")
            parts.append({"name": name.strip(), "short_name": short.strip()})
        if len(parts) < 2:
            raise forms.ValidationError(_("Nhập ít nhất hai đơn vị mới, mỗi đơn vị một dòng."))
        return parts


class MoveForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    new_parent = forms.ModelChoiceField(label=_("Chuyển về trực thuộc"), queryset=Unit.objects.none())
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    decision = forms.CharField(label=_("Văn bản (số, ngày)"), max_length=255, required=False)

    def clean(self):
        cleaned = super().clean()
        unit, parent = cleaned.get("unit"), cleaned.get("new_parent")
        if unit and parent and parent.path.startswith(unit.path):
            raise forms.ValidationError(_("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó."))
        return cleaned


def reorg_forms(data=None, *, units, prefix_kind=None):
    """The four reorganisation forms, each limited to the units the user manages."""
    forms_by_kind = {
        "rename": RenameForm(data if prefix_kind == "rename" else None, prefix="rename"),
        "merge": MergeForm(data if prefix_kind == "merge" else None, prefix="merge"),
        "split": SplitForm(data if prefix_kind == "split" else None, prefix="split"),
        "move": MoveForm(data if prefix_kind == "move" else None, prefix="move"),
    }
    for form in forms_by_kind.values():
        for field in form.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = units
    return forms_by_kind
