from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import get_for
from accounts.permissions import can, require, visible_units
from org import actions
from org.forms import UnitForm, reorg_forms
from org.models import ReorgEvent, Unit, UnitGroup


def units(request):
    """The unit tree with each unit's history, and the reorganisation forms for those who may use them."""
    require(request.user, "org.view")
    all_units = list(
        Unit.objects.select_related("parent").annotate(people_count=Count("people"))
        .prefetch_related("aliases", Prefetch("reorg_in", queryset=ReorgEvent.objects.prefetch_related("sources")))
        .order_by("path")
    )
    children: dict[int | None, list[Unit]] = {}
    for unit in all_units:
        children.setdefault(unit.parent_id, []).append(unit)
    for siblings in children.values():
        siblings.sort(key=lambda u: (not u.is_active(), u.order, u.name))
    show_dissolved = request.GET.get("history") == "1"
    tree = _flatten(children, None, 0, show_dissolved)
    managed = visible_units(request.user, "org.manage").active()
    context = {
        "tree": tree,
        "show_dissolved": show_dissolved,
        "events": ReorgEvent.objects.prefetch_related("sources", "targets").select_related("created_by")[:30],
        "may_manage": can(request.user, "org.manage"),
    }
    if context["may_manage"]:
        context["forms"] = reorg_forms(units=managed)
    return render(request, "org/units.html", context)


def _flatten(children, parent_id, depth, show_dissolved):
    rows = []
    for unit in children.get(parent_id, []):
        if not show_dissolved and not unit.is_active():
            continue
        rows.append((depth, unit))
        rows.extend(_flatten(children, unit.pk, depth + 1, show_dissolved))
    return rows


def unit_detail(request, pk):
    unit = get_for(request.user, Unit.objects.select_related("parent"), pk, "org.view", unit_of=lambda u: u)
    context = {
        "unit": unit,
        "aliases": unit.aliases.all(),
        "groups": UnitGroup.objects.filter(members=unit),
        "events": ReorgEvent.objects.filter(Q(sources=unit) | Q(targets=unit)).distinct()
        .prefetch_related("sources", "targets"),
        "successors": [] if unit.is_active() else unit.successors(),
        "lineage": [u for u in unit.lineage() if u.pk != unit.pk],
        "children": unit.children.all(),
        "people": unit.people.all() if can(request.user, "people.view", unit) else None,
        "may_manage": can(request.user, "org.manage", unit),
    }
    if context["may_manage"]:
        form = UnitForm(request.POST or None, instance=unit, parents=visible_units(request.user, "org.manage"))
        if request.method == "POST" and form.is_valid():
            actions.update_unit(unit, by=request.user, **{f: form.cleaned_data[f] for f in form.changed_data})
            messages.success(request, _("Đã lưu thông tin đơn vị."))
            return redirect("org:unit", pk=unit.pk)
        context["form"] = form
    return render(request, "org/unit_detail.html", context)


def unit_new(request):
    require(request.user, "org.manage")
    parents = visible_units(request.user, "org.manage").active()
    form = UnitForm(request.POST or None, parents=parents)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request.user, "org.manage", data["parent"])
        unit = actions.create_unit(by=request.user, **data)
        messages.success(request, _("Đã thêm đơn vị %(unit)s.") % {"unit": unit.name})
        return redirect("org:unit", pk=unit.pk)
    return render(request, "org/unit_new.html", {"form": form})


def reorganise(request, kind):
    """Records a rename, merge, split or move; the forms live on the units page."""
    require(request.user, "org.manage")
    if request.method != "POST" or kind not in ("rename", "merge", "split", "move"):
        return redirect("org:units")
    managed = visible_units(request.user, "org.manage").active()
    form = reorg_forms(request.POST, units=managed, prefix_kind=kind)[kind]
    if not form.is_valid():
        forms = reorg_forms(units=managed)
        forms[kind] = form
        messages.error(request, _("Chưa ghi nhận được: vui lòng sửa các lỗi bên dưới."))
        return render(request, "org/units.html", {
            "tree": [], "forms": forms, "may_manage": True, "open_kind": kind,
            "events": ReorgEvent.objects.prefetch_related("sources", "targets")[:30],
        }, status=400)
    data, by = form.cleaned_data, request.user
    common = {"effective_date": data["effective_date"], "by": by, "decision": data.get("decision", "")}
    if kind == "rename":
        actions.rename_unit(data["unit"], new_name=data["new_name"], new_short_name=data["new_short_name"], **common)
        messages.success(request, _("Đã ghi nhận đổi tên thành %(name)s.") % {"name": data["new_name"]})
    elif kind == "merge":
        event = actions.merge_units(list(data["sources"]), into=data["into"], new_name=data["new_name"],
                                    new_short_name=data["new_short_name"], **common)
        messages.success(request, _("Đã ghi nhận hợp nhất thành %(unit)s.") % {"unit": event.targets.first()})
    elif kind == "split":
        actions.split_unit(data["unit"], parts=data["parts"], **common)
        messages.success(request, _("Đã ghi nhận chia tách %(unit)s.") % {"unit": data["unit"]})
    else:
        actions.move_unit(data["unit"], new_parent=data["new_parent"], **common)
        messages.success(request, _("Đã chuyển %(unit)s về trực thuộc %(parent)s.") % {"unit": data["unit"],
                                                                              "parent": data["new_parent"]})
    return redirect("org:units")
