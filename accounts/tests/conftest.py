from contextlib import contextmanager

import pytest

from accounts.models import RoleGrant, User
from audit.models import AuditEntry


def accounts_state():
    """Everything a refused write could have touched: every grant, every account (password hash included), the trail."""
    return (
        list(RoleGrant.objects.order_by("pk").values_list("pk", "user_id", "role", "unit_id", "everywhere")),
        list(User.objects.order_by("pk").values_list(
            "pk", "username", "password", "full_name", "position", "unit_id", "email", "phone", "is_active",
            "must_change_password")),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def unchanged():
    """`with unchanged(): ...` fails if the block changed any grant, account or audit entry."""

    @contextmanager
    def check():
        before = accounts_state()
        yield
        assert accounts_state() == before, "a refused request changed the database"

    return check
