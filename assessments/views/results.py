"""Results pages: totals and gap analysis of one assessment, ranking of a framework, a unit's year table."""

from django.shortcuts import render
from django.urls import reverse

from accounts.access import get_for
from accounts.permissions import can, require
from assessments import results
from assessments.access import allowed, get_assessment_for
from frameworks.models import Framework
from org.models import Unit


def assessment_results(request, pk):
    assessment = get_assessment_for(request.user, pk)
    return render(request, "assessments/results.html", {
        "assessment": assessment, "totals": results.area_totals(assessment),
        "gaps": results.gap_analysis(assessment), "not_excellent": results.units_not_excellent(assessment),
    })


def _public_page(framework) -> str:
    """The public page of the framework's results while the office keeps it published, else ""."""
    from django.contrib.contenttypes.models import ContentType

    from dashboards.models import Publication

    live = (Publication.objects.live().filter(kind=Publication.Kind.ASSESSMENT, object_id=framework.pk,
                                              content_type=ContentType.objects.get_for_model(Framework))
            .values_list("pk", flat=True).first())
    return reverse("public:detail", args=[live]) if live else ""


def ranking(request, framework_pk):
    framework = get_for(request.user, Framework.objects.select_related("owner"), framework_pk, "framework.view",
                        unit_of=lambda f: f.owner)
    # Those running or appraising the framework also see units not yet published.
    insider = can(request.user, "assessment.manage", framework.owner) or can(request.user, "assessment.appraise",
                                                                            framework.owner)
    rows = results.ranking(framework, published_only=not insider)
    public = _public_page(framework) if rows else ""
    for row in rows:
        # Each unit name leads to what this reader may open: the unit's results, else the public results once
        # published, else nowhere (never to a page that would refuse them).
        if row.assessment is not None and allowed(request.user, row.assessment, "assessment.view"):
            row.link = reverse("assessments:results", args=[row.assessment.pk])
        elif public and row.assessment is not None and row.assessment.is_published:
            row.link = f"{public}#unit-{row.unit.pk}"
        else:
            row.link = ""
    return render(request, "assessments/ranking.html", {"framework": framework, "rows": rows, "insider": insider})


def years(request, unit_pk=None):
    require(request.user, "assessment.view")
    if unit_pk is None:
        unit = request.user.unit.department() if request.user.unit else None
        if unit is None or not can(request.user, "assessment.view", unit):
            unit = request.user.unit
    else:
        unit = get_for(request.user, Unit.objects.all(), unit_pk, "assessment.view", unit_of=lambda u: u)
    table = results.year_table(unit) if unit else None
    return render(request, "assessments/years.html", {"unit": unit, "table": table})
