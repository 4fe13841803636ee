from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts import actions, mail
from accounts.access import get_for
from accounts.forms import (
    ForgottenPasswordForm,
    GrantForm,
    LoginForm,
    NewPersonForm,
    PasswordChangeForm,
    PersonForm,
    SetPasswordForm,
)
from accounts.models import RoleGrant, User
from accounts.permissions import can, require, unit_filter, visible_units

login = login_not_required(auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm,
                                                        redirect_authenticated_user=True))
logout = auth_views.LogoutView.as_view()

PEOPLE = User.objects.select_related("unit").prefetch_related(
    Prefetch("grants", queryset=RoleGrant.objects.select_related("unit").order_by("pk")))


def profile(request):
    return render(request, "accounts/profile.html", {"person": request.user,
                                                     "grants": request.user.grants.select_related("unit")})


class PasswordChange(auth_views.PasswordChangeView):
    """Everyone changes their own password, re-entering the current one; a temporary password leads here."""

    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        actions.set_own_password(form, how="change")
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(self.get_success_url())


@method_decorator(login_not_required, name="dispatch")
class PasswordForgotten(auth_views.PasswordResetView):
    form_class = ForgottenPasswordForm
    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")


@method_decorator(login_not_required, name="dispatch")
class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        actions.set_own_password(form, how="link")
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


password_change = PasswordChange.as_view()
password_reset = PasswordForgotten.as_view()
password_reset_done = login_not_required(TemplateView.as_view(template_name="accounts/password_reset_done.html"))
password_reset_confirm = PasswordResetConfirm.as_view()
password_reset_complete = login_not_required(TemplateView.as_view(template_name="accounts/password_reset_complete.html"))


def people(request):
    require(request.user, "people.view")
    rows = list(PEOPLE.filter(unit_filter(request.user, "people.view")).order_by("unit__path", "full_name"))
    manageable = {p.pk for p in rows if actions.refuse_manage(request.user, p) is None}
    return render(request, "accounts/people.html", {"people": rows, "manageable": manageable,
                                                    "may_manage": can(request.user, "people.manage")})


def _person_page(request, person, form, status=200):
    units = visible_units(request.user, "people.manage")
    refused = actions.refuse_manage(request.user, person)
    revocable = {g.pk for g in person.grants.all() if actions.refuse_revoke(request.user, g) is None}
    return render(request, "accounts/person_form.html", {
        "person": person, "form": form if not refused else None, "refused": _(refused) if refused else "",
        "grants": person.grants.all(), "revocable": revocable,
        "grant_form": None if refused else GrantForm(by=request.user, person=person, units=units),
        "credentials": actions.refuse_credentials(request.user, person) is None,
    }, status=status)


def person_new(request):
    require(request.user, "people.manage")
    form = NewPersonForm(request.POST or None, units=visible_units(request.user, "people.manage"))
    if request.method == "POST" and form.is_valid():
        try:
            person, temporary = actions.create_person(form, by=request.user,
                                                      first_password=form.cleaned_data["first_password"])
        except mail.MailNotSent:
            form.add_error("email", _("Chưa gửi được thư tới địa chỉ này (máy chủ thư không nhận). Kiểm tra địa chỉ, "
                                      "hoặc chọn cấp mật khẩu tạm thời."))
        else:
            if temporary:
                return _show_temporary_password(request, person, temporary)
            messages.success(request, _("Đã tạo người dùng và gửi liên kết đặt mật khẩu tới %(email)s.")
                             % {"email": person.email})
            return redirect("accounts:person_edit", pk=person.pk)
    return render(request, "accounts/person_new.html", {"form": form})


def person_edit(request, pk):
    person = get_for(request.user, PEOPLE, pk, "people.manage")
    refused = actions.refuse_manage(request.user, person)
    if request.method == "POST" and refused:
        raise PermissionDenied(refused)
    form = PersonForm(request.POST or None, instance=person, units=visible_units(request.user, "people.manage"),
                      email_locked=not actions.may_change_email(request.user, person))
    if request.method == "POST" and form.is_valid():
        actions.update_person(form, by=request.user)
        messages.success(request, _("Đã lưu thông tin người dùng."))
        return redirect("accounts:person_edit", pk=person.pk)
    return _person_page(request, person, form)


@require_POST
def grant_add(request, pk):
    person = get_for(request.user, PEOPLE, pk, "people.manage")
    form = GrantForm(request.POST, by=request.user, person=person, units=visible_units(request.user, "people.manage"))
    if form.is_valid():
        actions.grant_role(person, form.cleaned_data["role"], form.cleaned_data["unit"], by=request.user,
                           everywhere=form.cleaned_data.get("everywhere", False))
        messages.success(request, _("Đã cấp vai trò."))
    else:
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("Chưa cấp vai trò: %(errors)s") % {"errors": errors})
    return redirect("accounts:person_edit", pk=person.pk)


@require_POST
def grant_remove(request, pk, grant_pk):
    person = get_for(request.user, PEOPLE, pk, "people.manage")
    grant = get_object_or_404(RoleGrant.objects.select_related("unit", "user__unit"), pk=grant_pk, user=person)
    refused = actions.refuse_revoke(request.user, grant)
    if refused:
        messages.error(request, _("Chưa thu hồi vai trò: %(reason)s") % {"reason": _(refused)})
    else:
        actions.revoke_role(grant, by=request.user)
        messages.success(request, _("Đã thu hồi vai trò."))
    return redirect("accounts:person_edit", pk=person.pk)


def _person_for_credentials(request, pk) -> User:
    person = get_for(request.user, PEOPLE, pk, "people.credentials")
    refused = actions.refuse_credentials(request.user, person)
    if refused:
        raise PermissionDenied(refused)
    return person


@require_POST
def send_password_link(request, pk):
    person = _person_for_credentials(request, pk)
    if not person.email:
        messages.error(request, _("Người này chưa có địa chỉ thư điện tử: cấp mật khẩu tạm thời thay cho liên kết."))
        return redirect("accounts:person_edit", pk=person.pk)
    try:
        actions.send_password_link(person, by=request.user)
    except mail.MailNotSent:
        messages.error(request, _("Chưa gửi được thư (máy chủ thư không nhận). Thử lại sau, hoặc cấp mật khẩu tạm thời."))
    else:
        messages.success(request, _("Đã gửi liên kết đặt lại mật khẩu tới %(email)s.") % {"email": person.email})
    return redirect("accounts:person_edit", pk=person.pk)


@require_POST
def temporary_password(request, pk):
    person = _person_for_credentials(request, pk)
    return _show_temporary_password(request, person, actions.issue_temporary_password(person, by=request.user))


def _show_temporary_password(request, person, temporary: str):
    """The temporary password, in this one answer only: never stored in a message, never cached."""
    response = render(request, "accounts/temporary_password.html", {"person": person, "temporary": temporary})
    add_never_cache_headers(response)
    return response
