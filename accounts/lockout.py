"""The log-in lock-out: django-axes' database handler, plus a limit on one address across every account.

Axes locks a user name at an address after AXES_FAILURE_LIMIT failures. Someone trying one password on many user
names (password spraying) never reaches that on any one of them, so an address is also locked, for everyone, once
the failures from it on all user names together reach CCHC_LOGIN_ADDRESS_FAILURE_LIMIT within the cool-off period.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum


class AddressLimitHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self._address_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        # Axes marks the answer as a lock-out only when the user name's own count is reached; the address's counts too.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False) and self._address_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request, username=get_client_username(request, credentials),
                                 ip_address=request.axes_ip_address)

    def _address_locked(self, request) -> bool:
        return self.address_failures(request) >= settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT

    def address_failures(self, request) -> int:
        """Failed log-ins from the request's address, on any user name, within the cool-off period."""
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
