from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import check_upload
from surveys import questionnaire as q
from surveys.index import LEVEL_LABELS, LEVELS, NO_OPINION
from surveys.models import Counter, Question, Response, Survey


def _optional(choices: list[str]) -> list[tuple[str, str]]:
    return [("", _("— Không trả lời —")), *[(c, _(c)) for c in choices]]


class AnswerForm(forms.Form):
    """The answer sheet: one required radio group per question, optional details, a free-text suggestion."""

    suggestion = forms.CharField(label=_("Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?"), required=False,
                                 max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    gender = forms.ChoiceField(label=_("Giới tính"), required=False, choices=_optional(q.GENDERS))
    age_group = forms.ChoiceField(label=_("Độ tuổi"), required=False, choices=_optional(q.AGE_GROUPS))
    occupation = forms.ChoiceField(label=_("Nghề nghiệp"), required=False, choices=_optional(q.OCCUPATIONS))
    respondent_kind = forms.ChoiceField(label=_("Ông/Bà là"), required=False, choices=_optional(q.RESPONDENT_KINDS))

    DETAILS = ("gender", "age_group", "occupation", "respondent_kind")

    def __init__(self, *args, survey: Survey, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = questions
        # Plain text, translated once: a sheet has a few dozen radio groups of the same levels.
        levels = [(str(level), gettext(LEVEL_LABELS[level])) for level in LEVELS]
        if survey.allow_no_opinion:
            levels.append((str(NO_OPINION), gettext(LEVEL_LABELS[NO_OPINION])))
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text, choices=levels, widget=forms.RadioSelect,
                error_messages={"required": _("Xin Ông/Bà chọn một mức đánh giá cho câu này.")},
            )
        if not survey.ask_respondent:
            for name in self.DETAILS:
                del self.fields[name]

    def groups(self):
        """[(aspect label, [bound fields])] in questionnaire order, for one fieldset per aspect."""
        groups: list[tuple[str, list]] = []
        for question in self.questions:
            label = question.get_aspect_display() if question.aspect else ""
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append(self[f"q{question.pk}"])
        return groups

    def detail_fields(self):
        return [self[name] for name in self.DETAILS if name in self.fields]

    def levels(self) -> dict[int, int]:
        return {question.pk: int(self.cleaned_data[f"q{question.pk}"]) for question in self.questions}

    def details(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in self.DETAILS if name in self.fields}


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Mã khảo sát in trên phiếu hẹn hoặc thư mời"), max_length=20,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}))


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "period_label", "start_date", "end_date", "status", "method", "target_percent", "intro",
                  "allow_no_opinion", "ask_respondent", "require_code"]
        widgets = {"start_date": forms.DateInput(format="%d/%m/%Y"), "end_date": forms.DateInput(format="%d/%m/%Y"),
                   "intro": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        target = data.get("target_percent")
        if target is not None and not 0 <= target <= 100:
            self.add_error("target_percent", _("Chỉ tiêu là một tỷ lệ từ 0 đến 100 %."))
        return data


class NewSurveyForm(SurveyForm):
    source = forms.ModelChoiceField(label=_("Sao chép câu hỏi từ"), queryset=Survey.objects.none(), required=False,
                                    empty_label=_("— Phiếu trống —"))
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)

    class Meta(SurveyForm.Meta):
        fields = ["unit", "source", "title", "period_label", "start_date", "end_date", "method", "target_percent"]

    def __init__(self, *args, units, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["source"].queryset = sources


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["aspect", "order", "text", "points"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class CounterForm(forms.ModelForm):
    class Meta:
        model = Counter
        fields = ["name", "place"]


class CodesForm(forms.Form):
    count = forms.IntegerField(label=_("Số mã cần tạo"), min_value=1, max_value=500, initial=10, required=False)
    label = forms.CharField(label=_("Dành cho (ví dụ: Lãnh đạo UBND tỉnh)"), max_length=255, required=False)
    dossier_refs = forms.CharField(
        label=_("Hoặc số hồ sơ, mỗi dòng một số (in mã lên phiếu hẹn)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    received_from = forms.DateField(label=_("Hoặc các hồ sơ của đơn vị tiếp nhận từ ngày"), required=False,
                                    widget=forms.DateInput(format="%d/%m/%Y"))
    received_to = forms.DateField(label=_("đến ngày"), required=False, widget=forms.DateInput(format="%d/%m/%Y"))

    MAX = 500

    def __init__(self, *args, dossier_codes=None, **kwargs):
        super().__init__(*args, **kwargs)
        # dossier_codes(start, end) → the codes of the unit's dossiers received then that have no survey code yet.
        self.dossier_codes = dossier_codes
        if dossier_codes is None:
            del self.fields["received_from"], self.fields["received_to"]

    def clean(self):
        data = super().clean()
        refs = [line.strip()[:100] for line in (data.get("dossier_refs") or "").splitlines() if line.strip()]
        start, end = data.get("received_from"), data.get("received_to")
        if start or end:
            if not (start and end) or end < start:
                raise forms.ValidationError(_("Nhập đủ khoảng ngày tiếp nhận, ngày sau không trước ngày đầu."))
            found = self.dossier_codes(start, end)
            if not found:
                raise forms.ValidationError(_("Không có hồ sơ nào (chưa có mã) tiếp nhận trong khoảng ngày này."))
            refs += found
        refs = list(dict.fromkeys(refs))
        if len(refs) > self.MAX:
            raise forms.ValidationError(_("Mỗi lần tạo tối đa 500 mã; hãy chọn khoảng ngày ngắn hơn."))
        data["refs"] = refs
        if not refs and not data.get("count"):
            raise forms.ValidationError(_("Nhập số mã cần tạo hoặc danh sách số hồ sơ."))
        return data


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=[c for c in Response.FollowUp.choices if c[0]])
    reply = forms.CharField(label=_("Nội dung trả lời"), required=False, max_length=4000,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("status") == Response.FollowUp.ANSWERED and not (data.get("reply") or "").strip():
            self.add_error("reply", _("Khi chuyển sang “Đã trả lời”, hãy ghi nội dung trả lời."))
        return data


class PaperImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) các phiếu giấy"),
                           help_text=_("Dùng tệp mẫu: mỗi dòng một phiếu, mỗi câu ghi 1–5 hoặc để trống nếu không có ý kiến."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn 10 MB; hãy chia thành nhiều tệp."))
        check_upload(upload, "survey", ("xlsx",))
        return upload


class WindowForm(forms.Form):
    """The results' date window (for example 01/01–30/11, the cut-off of the yearly assessment)."""

    tu = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(format="%d/%m/%Y"))
    den = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(format="%d/%m/%Y"))

    def clean(self):
        data = super().clean()
        if data.get("tu") and data.get("den") and data["den"] < data["tu"]:
            raise forms.ValidationError(_("Ngày cuối không được trước ngày đầu."))
        return data
