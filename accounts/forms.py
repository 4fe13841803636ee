from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import actions, grants, mail
from accounts.models import Role, User
from accounts.permissions import grants_of
from org.models import Unit


class LoginForm(auth_forms.AuthenticationForm):
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
    """A person's details. No password: nobody sets another person's password (see NewPersonForm and the
    administrator's link and temporary password)."""

    class Meta:
        model = User
        fields = ["username", "full_name", "position", "unit", "email", "phone", "is_active"]
        labels = {"username": _("Tên đăng nhập"), "is_active": _("Đang hoạt động")}

    def __init__(self, *args, units=None, email_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["unit"].required = True
        if email_locked:
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("Địa chỉ nhận liên kết đặt mật khẩu: chỉ quản trị hệ thống đổi được.")


class NewPersonForm(PersonForm):
    first_password = forms.ChoiceField(
        label=_("Mật khẩu đầu tiên"), widget=forms.RadioSelect, initial=actions.LINK,
        choices=[(actions.LINK, _("Gửi liên kết qua thư điện tử để người dùng tự đặt mật khẩu")),
                 (actions.TEMPORARY, _("Cấp mật khẩu tạm thời (hiện một lần; người dùng phải đổi khi đăng nhập lần đầu)"))],
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first_password") == actions.LINK and not cleaned.get("email"):
            self.add_error("email", _("Nhập địa chỉ thư điện tử để gửi liên kết, hoặc chọn cấp mật khẩu tạm thời."))
        return cleaned


class GrantForm(forms.Form):
    """Offers only the roles the granter may grant; the chosen role, unit and reach are checked against the policy."""

    role = forms.ChoiceField(label=_("Vai trò"), choices=())
    unit = forms.ModelChoiceField(label=_("Phạm vi"), queryset=Unit.objects.none())
    everywhere = forms.BooleanField(
        label=_("Toàn hệ thống (quản trị mọi đơn vị)"), required=False,
        help_text=_("Chỉ với vai trò quản trị hệ thống; đơn vị trên vẫn là nơi người này làm việc."))

    def __init__(self, *args, by, person, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.by, self.person = by, person
        labels = dict(Role.choices)
        self.fields["role"].choices = [(role, labels[role]) for role in grants.grantable_roles(grants_of(by))]
        self.fields["unit"].queryset = units
        if not any(g.role == grants.ADMIN and g.everywhere for g in grants_of(by)):
            del self.fields["everywhere"]

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("unit")
        if role and unit:
            refused = actions.refuse_grant(self.by, self.person, role, unit, bool(cleaned.get("everywhere")))
            if refused:
                raise forms.ValidationError(gettext(refused))
        return cleaned


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": _("Mật khẩu hiện tại không đúng. Vui lòng nhập lại."),
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        _label_new_password(self)


class SetPasswordForm(auth_forms.SetPasswordForm):
    error_messages = {**auth_forms.SetPasswordForm.error_messages,
                      "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label_new_password(self)


def _label_new_password(form) -> None:
    form.fields["new_password1"].label = _("Mật khẩu mới")
    form.fields["new_password1"].help_text = _("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá giống tên đăng nhập.")
    form.fields["new_password2"].label = _("Nhập lại mật khẩu mới")
    form.fields["new_password2"].help_text = ""


class ForgottenPasswordForm(auth_forms.PasswordResetForm):
    """The same answer whether or not the address belongs to someone: nothing tells a visitor who has an account."""

    email = forms.EmailField(label=_("Địa chỉ thư điện tử"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def save(self, **kwargs) -> None:
        for person in self.get_users(self.cleaned_data["email"]):
            try:
                actions.send_forgotten_password_link(person)
            except mail.MailNotSent:
                pass  # logged by accounts.mail; the page answers the same either way
