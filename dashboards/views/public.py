"""The public page (trang công khai), without log-in: only what the office published and has not withdrawn.

Every figure is read through the live publication: a withdrawn or never-published object answers 404, and a
published framework shows only the assessments the assessments app itself marked as published.
"""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dashboards import charts, sources
from dashboards.models import Publication

Kind = Publication.Kind


@login_not_required
@require_safe
def index(request):
    live = list(Publication.objects.live().select_related("unit").order_by("kind", "-published_at"))
    groups = [(label, [p for p in live if p.kind == kind]) for kind, label in Kind.choices]
    return render(request, "dashboards/public/index.html", {"groups": [g for g in groups if g[1]]})


@login_not_required
@require_safe
def detail(request, pk):
    try:
        publication = Publication.objects.live().select_related("unit", "content_type").get(pk=pk)
    except (Publication.DoesNotExist, ValueError):
        raise Http404 from None
    target = publication.target
    if target is None:
        raise Http404
    builder = {Kind.ASSESSMENT: _assessment, Kind.SIPAS: _sipas, Kind.PLAN: _plan}[publication.kind]
    return render(request, "dashboards/public/detail.html", {"publication": publication, **builder(target)})


def _assessment(framework) -> dict:
    from assessments.results import ranking

    rows = ranking(framework, published_only=True)
    # A unit ranked from its published total (history) has no per-area figures: its area cells stay empty.
    assessed = next((row.totals for row in rows if row.totals is not None), None)
    areas = [a.area.title for a in assessed.areas] if assessed else []
    table = [
        {"row": row, "cells": [(a.final_points, a.max_points) for a in row.totals.areas],
         "bonus": row.totals.bonus_final, "penalty": row.totals.penalty_final} if row.totals is not None else
        {"row": row, "cells": [(None, None)] * len(areas), "bonus": row.history.bonus, "penalty": row.history.penalty}
        for row in rows
    ]
    chart = charts.ranking([charts.RankedUnit(r.rank, r.unit.name, r.total, r.max_points) for r in rows],
                           _("Xếp hạng CCHC năm %(year)s") % {"year": framework.year})
    return {"framework": framework, "areas": areas, "table": table, "charts": [chart]}


def _sipas(survey) -> dict:
    from surveys.results import sipas_of

    figures = sources.sipas_figures(sipas_of(survey), survey)
    chart = charts.sipas_aspects(figures.aspects, figures.overall, figures.target,
                                 _("Chỉ số hài lòng theo yếu tố – %(unit)s") % {"unit": survey.unit})
    return {"survey": survey, "sipas": figures, "charts": [chart]}


def _plan(plan) -> dict:
    """Progress by lead unit: a task led by two units counts for each; a late open task shows as overdue, as the
    office's own board shows it."""
    from plans.models import Task

    today = timezone.localdate()
    tasks = list(plan.tasks.exclude(status=Task.Status.CANCELLED).select_related("section")
                 .prefetch_related(Prefetch("lead_units")).order_by("section__order", "order", "pk"))
    by_unit: dict[str, dict[str, int]] = {}
    done = total = 0
    for task in tasks:
        if task.is_heading:
            continue
        task.overdue = task.is_overdue(today)
        state = sources.OVERDUE if task.overdue else task.status
        total += 1
        done += task.is_done
        leads = [u.display_short for u in task.lead_units.all()] or [task.lead_text[:40] or _("Chưa xác định")]
        for lead in leads:
            counts = by_unit.setdefault(lead, {})
            counts[state] = counts.get(state, 0) + 1
    chart = charts.tasks_by_status([charts.UnitTasks(lead, counts) for lead, counts in by_unit.items()],
                                   sources.TASK_STATES, _("Tiến độ nhiệm vụ theo đơn vị chủ trì"), sources.TASK_COLORS)
    return {"plan": plan, "tasks": tasks, "charts": [chart], "done": done, "total": total,
            "done_rate": (done * 100 / total) if total else None}
