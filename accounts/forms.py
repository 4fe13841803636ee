from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from org.models import Unit


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: tài khoản bị khóa tạm thời sau nhiều lần sai."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the length after the field is built, so it is never checked: an overlong name reached
        # authenticate(), and the lock-out log (varchar 255) refused it with a 500 on PostgreSQL.
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class PersonForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"), widget=forms.PasswordInput, required=False,
        help_text=_("Ít nhất 8 ký tự, không chỉ gồm chữ số. Để trống khi sửa nếu không đổi."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "position", "unit", "email", "phone", "is_active"]
        labels = {"username": _("Tên đăng nhập"), "is_active": _("Đang hoạt động")}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["unit"].required = True

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if not self.instance.pk and not password:
            self.add_error("password", _("Nhập mật khẩu ban đầu cho người dùng mới."))
        if password:
            try:
                validate_password(password, self.instance)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class GrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    unit = forms.ModelChoiceField(label=_("Phạm vi"), queryset=Unit.objects.none())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
