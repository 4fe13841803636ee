from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import actions
from accounts.access import get_for
from accounts.forms import GrantForm, LoginForm, PersonForm
from accounts.models import RoleGrant, User
from accounts.permissions import can, require, unit_filter, visible_units

login = login_not_required(auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm,
                                                        redirect_authenticated_user=True))
logout = auth_views.LogoutView.as_view()


def profile(request):
    return render(request, "accounts/profile.html", {"person": request.user,
                                                     "grants": request.user.grants.select_related("unit")})


def people(request):
    require(request.user, "people.view")
    rows = (User.objects.filter(unit_filter(request.user, "people.view"))
            .select_related("unit").prefetch_related("grants__unit").order_by("unit__path", "full_name"))
    return render(request, "accounts/people.html", {"people": rows,
                                                    "may_manage": can(request.user, "people.manage")})


def person_edit(request, pk=None):
    units = visible_units(request.user, "people.manage")
    if pk is None:
        require(request.user, "people.manage")
        person = User()
    else:
        person = get_for(request.user, User.objects.select_related("unit"), pk, "people.manage")
    form = PersonForm(request.POST or None, instance=person, units=units)
    grant_form = GrantForm(units=units)
    if request.method == "POST" and form.is_valid():
        require(request.user, "people.manage", form.cleaned_data["unit"])
        person = actions.save_person(form, by=request.user)
        messages.success(request, _("Đã lưu thông tin người dùng."))
        return redirect("accounts:person_edit", pk=person.pk)
    return render(request, "accounts/person_form.html", {"form": form, "person": person, "grant_form": grant_form,
                                                         "grants": person.grants.select_related("unit") if person.pk else []})


@require_POST
def grant_add(request, pk):
    units = visible_units(request.user, "people.manage")
    person = get_for(request.user, User.objects.all(), pk, "people.manage")
    form = GrantForm(request.POST, units=units)
    if form.is_valid():
        actions.grant_role(person, form.cleaned_data["role"], form.cleaned_data["unit"], by=request.user)
        messages.success(request, _("Đã cấp vai trò."))
    else:
        messages.error(request, _("Chọn vai trò và phạm vi hợp lệ."))
    return redirect("accounts:person_edit", pk=person.pk)


@require_POST
def grant_remove(request, pk, grant_pk):
    person = get_for(request.user, User.objects.all(), pk, "people.manage")
    grant = get_object_or_404(RoleGrant, pk=grant_pk, user=person)
    require(request.user, "people.manage", grant.unit)
    actions.revoke_role(grant, by=request.user)
    messages.success(request, _("Đã thu hồi vai trò."))
    return redirect("accounts:person_edit", pk=person.pk)
