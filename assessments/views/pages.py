"""The assessments list, starting assessments, and the assessment page with its items tree."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import PERMISSIONS, can, grants_of, unit_filter, visible_units
from assessments import actions, projection_data
from assessments.access import deciders, get_assessment_for
from assessments.forms import StartForm
from assessments.models import Assessment, Evidence
from assessments.progress import AreaProgress, area_progress
from assessments.results import totals_for
from assessments.views.common import Flags, make_item, messages_of
from frameworks.models import Framework
from org.models import Unit


def visible_assessments(user):
    """Assessments this person may open: of their units, run by a body they appraise for, or holding items in
    their unit's charge (a division's specialist sees the department's assessment)."""
    query = unit_filter(user, "assessment.view", field="unit")
    query |= Q(framework__owner__in=visible_units(user, "assessment.appraise"))
    ancestors = set()
    for grant in grants_of(user):
        if PERMISSIONS["assessment.self_score"].get(grant.role):
            ancestors.update(int(p) for p in grant.unit_path.strip("/").split("/") if p)
    if ancestors:
        query |= Q(unit_id__in=ancestors)
    return Assessment.objects.filter(query)


def _start_choices(user):
    owners = visible_units(user, "assessment.manage")
    frameworks = Framework.objects.filter(owner__in=owners).order_by("-year", "title")
    units = Unit.objects.active().filter(parent__in=owners)
    return frameworks, units


def index(request):
    if not (can(request.user, "assessment.view") or can(request.user, "assessment.self_score")
            or can(request.user, "assessment.appraise")):
        raise PermissionDenied("assessment.view")
    assessments = list(visible_assessments(request.user).select_related("framework", "unit").order_by(
        "-framework__year", "framework__title", "unit__path"))
    totals = totals_for(assessments)
    rows = [(a, totals[a.pk]) for a in assessments]
    context = {"rows": rows}
    if can(request.user, "assessment.manage"):
        frameworks, units = _start_choices(request.user)
        context["start_form"] = StartForm(frameworks=frameworks, units=units)
    return render(request, "assessments/index.html", context)


@require_POST
def start(request):
    if not can(request.user, "assessment.manage"):
        raise PermissionDenied("assessment.manage")
    frameworks, units = _start_choices(request.user)
    form = StartForm(request.POST, frameworks=frameworks, units=units)
    if not form.is_valid():
        for field_errors in form.errors.values():
            for error in field_errors:
                messages.error(request, error)
        return redirect("assessments:index")
    data = form.cleaned_data
    if not can(request.user, "assessment.manage", data["framework"].owner):
        raise PermissionDenied("assessment.manage")
    started = 0
    for unit in data["units"]:
        previous = None
        if data["carry_forward"]:
            previous = (Assessment.objects.filter(unit=unit, framework__year__lt=data["framework"].year)
                        .order_by("-framework__year").first())
        try:
            actions.start_assessment(
                by=request.user, framework=data["framework"], unit=unit, window_start=data["window_start"],
                window_end=data["window_end"], self_deadline=data["self_deadline"],
                appraisal_deadline=data["appraisal_deadline"], appeal_deadline=data["appeal_deadline"],
                start_from=previous,
            )
            started += 1
        except ValidationError as error:
            for message in messages_of(error):
                messages.warning(request, message)
    if started:
        messages.success(request, _("Đã mở %(count)s kỳ đánh giá.") % {"count": started})
    return redirect("assessments:index")


@dataclass
class AreaGroup:
    """One area of the page: its progress line and its rows (headings and items), shown as a collapsible block."""

    progress: AreaProgress
    rows: list = field(default_factory=list)


def build_page(request, assessment: Assessment) -> dict:
    """Everything the assessment page shows, grouped by area, in a fixed number of queries."""
    totals = totals_for([assessment])[assessment.pk]
    evidence = defaultdict(list)
    for item in Evidence.objects.filter(score__assessment=assessment).select_related("uploaded_by"):
        evidence[item.score_id].append(item)
    flags = Flags.of(request.user, assessment)
    groups = {area.area.pk: AreaGroup(area) for area in area_progress(totals.lines, set(evidence))}
    for line in totals.lines:
        rows = groups[line.area.pk].rows
        if line.is_leaf and line.score is not None:
            line.score.assessment = assessment
            rows.append((line, make_item(request.user, assessment, line.score, line.responsible_unit,
                                         evidence[line.score.pk], flags)))
        elif line.depth > 0:
            rows.append((line, None))
    return {
        "assessment": assessment, "framework": assessment.framework, "totals": totals, "flags": flags,
        "groups": list(groups.values()), "deciders": deciders(assessment),
        "can_submit": flags.submit and assessment.self_scoring_open,
        "can_return": flags.appraise and assessment.appraisal_open,
        "can_finalise": flags.appraise and assessment.appraisal_open,
        "can_publish": flags.publish and assessment.phase == Assessment.Phase.FINALISED,
    }


def detail(request, pk):
    assessment = get_assessment_for(request.user, pk)
    context = build_page(request, assessment)
    if assessment.phase not in projection_data.LOCKED_PHASES:
        # While the year runs, the page says how many points are secured, at risk or already lost.
        context["outlook"] = projection_data.outlook(
            projection_data.for_assessment(assessment, timezone.localdate()), _)
    return render(request, "assessments/detail.html", context)


def totals_fragment(request, pk):
    assessment = get_assessment_for(request.user, pk)
    return render(request, "assessments/_totals.html", {"assessment": assessment,
                                                        "totals": totals_for([assessment])[assessment.pk]})
