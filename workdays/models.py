"""The year's official days off and swapped working Saturdays, as an administrator enters them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayOverride(models.Model):
    """One day that differs from the public-holiday calendar (ngày nghỉ bù, ngày làm bù)."""

    class Kind(models.TextChoices):
        OFF = "off", _("Ngày nghỉ")
        WORKING = "working", _("Ngày làm việc (làm bù)")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày điều chỉnh")
        verbose_name_plural = _("ngày điều chỉnh")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} · {self.get_kind_display()}"
