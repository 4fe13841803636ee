"""Whoever was given a temporary password chooses their own before anything else."""

from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

# The pages such a person may still reach: the change itself, leaving, the language, and a link from their mailbox.
ALLOWED = {
    "accounts:password_change", "accounts:logout", "set_language", "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}


class PasswordChangeRequiredMiddleware:
    """Every other page leads to the password change while User.must_change_password is set (a temporary password
    given by someone else, who therefore knows it). After AuthenticationMiddleware and HtmxMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.must_change_password:
            return None
        if request.resolver_match is not None and request.resolver_match.view_name in ALLOWED:
            return None
        target = reverse("accounts:password_change")
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(target)
        return redirect(target)
