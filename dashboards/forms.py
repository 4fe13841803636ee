from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from dashboards.models import Publication
from dashboards.publishing import SPECS


class PublishForm(forms.Form):
    """Chọn nội dung công khai: one list of what the user may publish, grouped by kind, already-public ones left out."""

    target = forms.ChoiceField(label=_("Nội dung công khai"), error_messages={
        "required": _("Hãy chọn một nội dung trong danh sách."),
        "invalid_choice": _("Hãy chọn một nội dung trong danh sách."),
    })
    title = forms.CharField(label=_("Tiêu đề trên trang công khai"), max_length=300, required=False,
                            help_text=_("Để trống để dùng tên của nội dung."))
    note = forms.CharField(label=_("Lời giới thiệu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.objects: dict[str, tuple[str, object]] = {}
        live = set(Publication.objects.live().values_list("content_type_id", "object_id"))
        groups = []
        for kind, spec in SPECS.items():
            content_type = ContentType.objects.get_for_model(spec.model_class())
            options = []
            for obj in spec.candidates(user):
                if (content_type.pk, obj.pk) in live:
                    continue
                key = f"{kind}:{obj.pk}"
                self.objects[key] = (kind, obj)
                options.append((key, f"{obj} ({spec.unit_of(obj).display_short})"))
            if options:
                groups.append((Publication.Kind(kind).label, options))
        self.fields["target"].choices = [("", "— Chọn nội dung —"), *groups]

    def clean_target(self):
        key = self.cleaned_data["target"]
        if key not in self.objects:
            raise forms.ValidationError(_("Hãy chọn một nội dung trong danh sách."))
        return self.objects[key]
