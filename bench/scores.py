"""Recomputing every score total of the province (every assessment of every framework, self and final), as the
rankings and year tables read them: summed per area, without the criteria trees a single assessment's page shows."""

import time


def run(ctx) -> list:
    from assessments.models import Assessment
    from assessments.results import totals_for
    from bench.results import at_most, measured

    began = time.perf_counter()
    assessments = list(Assessment.objects.select_related("framework", "unit"))
    totals = totals_for(assessments, lines=False)
    seconds = time.perf_counter() - began
    return [at_most("recompute every score total of the province", seconds, "s", 2),
            measured("assessments recomputed", len(totals), "assessments")]
