"""People and their roles. A role is granted over a unit; the permission table says what it allows."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SPECIALIST = "specialist", _("Chuyên viên")
    UNIT_HEAD = "unit_head", _("Lãnh đạo phòng, đơn vị")
    REFORM_OFFICE = "reform_office", _("Cán bộ đầu mối CCHC")
    APPRAISER = "appraiser", _("Thành viên Hội đồng thẩm định")
    LEADER = "leader", _("Lãnh đạo Sở")
    ADMIN = "admin", _("Quản trị hệ thống")


class User(AbstractUser):
    """A person who works in cchc (cán bộ, công chức, viên chức) and belongs to one unit."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    # Set when someone else gave the person a temporary password: every page leads to the password change until
    # the person chooses their own (accounts.middleware).
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


class RoleGrant(models.Model):
    """A role held by a person over a unit (and, where the permission table says so, its subtree).

    An administrator grant may instead reach every unit (`everywhere`, granted only by such an administrator,
    accounts/grants.py); its unit then stays the person's home in the organisation (the board they open on)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey("org.Unit", verbose_name=_("phạm vi"), on_delete=models.CASCADE, related_name="+")
    everywhere = models.BooleanField(_("toàn hệ thống"), default=False)

    class Meta:
        verbose_name = _("vai trò")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="unique_grant"),
            models.CheckConstraint(condition=models.Q(everywhere=False) | models.Q(role=Role.ADMIN),
                                   name="only_admin_everywhere"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} – {self.scope_label}"

    @property
    def scope_label(self) -> str:
        return str(_("toàn hệ thống")) if self.everywhere else str(self.unit)
