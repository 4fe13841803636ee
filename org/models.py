"""The organisation: units in a tree, their aliases and groups, and reorganisation events."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from org.names import normalize_name


class UnitQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(models.Q(dissolved_on__isnull=True) | models.Q(dissolved_on__gt=on))

    def subtree_of(self, unit: "Unit"):
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """A unit (cơ quan, đơn vị): province, department, division, sub-department, public-service unit."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("UBND tỉnh, thành phố")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DIVISION = "division", _("Phòng thuộc Sở")
        SUB_DEPARTMENT = "sub_department", _("Chi cục")
        PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp")
        COMMUNE = "commune", _("UBND xã, phường")
        OTHER = "other", _("Khác")

    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised path "/1/4/9/" so a subtree is one indexed prefix query on SQLite and PostgreSQL.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    coordinates_reform = models.BooleanField(
        _("đầu mối CCHC"), default=False, help_text=_("Đơn vị tham mưu, theo dõi công tác CCHC (thường là Văn phòng Sở).")
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    established_on = models.DateField(_("thành lập từ"), null=True, blank=True)
    dissolved_on = models.DateField(_("giải thể / sáp nhập từ"), null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self) -> str:
        return self.name

    @property
    def display_short(self) -> str:
        return self.short_name or self.name

    def is_active(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.dissolved_on is None or self.dissolved_on > on

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._refresh_path()

    def _refresh_path(self) -> None:
        parent_path = self.parent.path if self.parent_id else "/"
        path = f"{parent_path}{self.pk}/"
        depth = path.count("/") - 2
        if path != self.path or depth != self.depth:
            old = self.path
            Unit.objects.filter(pk=self.pk).update(path=path, depth=depth)
            self.path, self.depth = path, depth
            if old:
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child._refresh_path()

    def ancestors(self):
        ids = [int(p) for p in self.path.strip("/").split("/") if p][:-1]
        return Unit.objects.filter(pk__in=ids).order_by("depth")

    def department(self) -> "Unit":
        """The Sở this unit belongs to (itself when it is one)."""
        if self.kind in (self.Kind.DEPARTMENT, self.Kind.PROVINCE):
            return self
        for ancestor in reversed(list(self.ancestors())):
            if ancestor.kind == self.Kind.DEPARTMENT:
                return ancestor
        return self

    def name_on(self, day) -> str:
        """The name the unit carried on a given day (renames keep the old name in history)."""
        later = self.renames.filter(effective_date__gt=day).order_by("effective_date").first()
        return later.old_name if later else self.name

    def successors(self) -> list["Unit"]:
        """Today's units carrying this unit's work, following merges, splits and moves."""
        result, seen = [], set()
        frontier = [self]
        while frontier:
            unit = frontier.pop()
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            targets = [t for event in unit.reorg_out.all() for t in event.targets.all()]
            if unit.dissolved_on and targets:
                frontier.extend(targets)
            else:
                result.append(unit)
        return result

    def lineage(self) -> list["Unit"]:
        """This unit and every unit it was formed from, so history follows the successor."""
        result, seen = [], set()
        frontier = [self]
        while frontier:
            unit = frontier.pop()
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            result.append(unit)
            for event in unit.reorg_in.all():
                frontier.extend(event.sources.exclude(pk=unit.pk))
        return result


class UnitAlias(models.Model):
    """Another way plans write a unit's name: 'TTCNTT TNMT', 'VPĐKĐĐ', 'Văn phòng Sở'."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("tên gọi khác"), max_length=255)
    normalized = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        verbose_name = _("tên gọi khác")
        constraints = [models.UniqueConstraint(fields=["unit", "normalized"], name="unique_alias_per_unit")]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.alias)
        super().save(*args, **kwargs)


class UnitGroup(models.Model):
    """A named set of units as plans write it: 'Các phòng, đơn vị thuộc Sở'."""

    owner = models.ForeignKey(Unit, verbose_name=_("thuộc"), on_delete=models.CASCADE, related_name="unit_groups")
    name = models.CharField(_("tên nhóm"), max_length=255)
    phrases = models.TextField(
        _("cách viết khác"), blank=True, help_text=_("Mỗi dòng một cách viết, ví dụ 'Các phòng, đơn vị trực thuộc'.")
    )
    members = models.ManyToManyField(Unit, verbose_name=_("thành viên"), related_name="member_of_groups")

    class Meta:
        ordering = ["owner", "name"]
        verbose_name = _("nhóm đơn vị")

    def __str__(self) -> str:
        return self.name

    def normalized_phrases(self) -> set[str]:
        lines = [self.name, *self.phrases.splitlines()]
        return {normalize_name(line) for line in lines if line.strip()}


class ReorgEvent(models.Model):
    """A reorganisation: rename, merge (A + B → C), split (A → B + C) or move under another parent."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Đổi tên")
        MERGE = "merge", _("Hợp nhất / sáp nhập")
        SPLIT = "split", _("Chia tách")
        MOVE = "move", _("Chuyển trực thuộc")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"))
    decision = models.CharField(_("văn bản"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    sources = models.ManyToManyField(Unit, related_name="reorg_out")
    targets = models.ManyToManyField(Unit, related_name="reorg_in")
    old_name = models.CharField(max_length=255, blank=True)
    new_name = models.CharField(max_length=255, blank=True)
    old_parent = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    new_parent = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    renamed_unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="renames")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-pk"]
        verbose_name = _("sự kiện sắp xếp tổ chức")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.effective_date:%d/%m/%Y})"
