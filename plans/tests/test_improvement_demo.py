"""Drafting from the loaded demo's 2023 results (the seed department's published year) gives the seed's section I.2."""

import io
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import User
from assessments.models import Assessment
from org.models import Unit
from plans import drafting_actions, improvement
from plans.tests import seed_2023 as seed

pytestmark = [pytest.mark.slow, pytest.mark.dates, pytest.mark.django_db]


@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_the_demos_2023_results_draft_the_seeds_21_rows():
    call_command("load_demo", stdout=io.StringIO())
    department = Unit.objects.get(code="stnmt")
    assessment = Assessment.objects.get(unit=department, framework__year=2023)
    proposal = improvement.propose(assessment)
    gaps = proposal.results.gaps
    assert [(g.points, g.max_points) for g in gaps] == [(Decimal(p), Decimal(m))
                                                        for _a, _g, _t, p, m, _c, _u in seed.SEED_GAPS]
    seed_text = " ".join(c for *_x, c, _u in seed.SEED_GAPS).casefold()
    for gap in gaps:  # the demo keeps the council's comments, some of them shortened: each opens as the seed's
        assert gap.comment.casefold()[:40] in seed_text, gap.comment
    assert sum(1 for g in gaps if g.comment) == sum(1 for *_x, c, _u in seed.SEED_GAPS if c)
    assert proposal.results.full_areas == seed.FULL_AREAS
    assert proposal.results.rank_sentence.endswith("xếp hạng 10/21, tăng 02 bậc so với năm 2022.")
    plan = drafting_actions.draft_improvement_plan(by=User.objects.get(username="mai"), assessment=assessment)
    assert plan.tasks.filter(drafted_from__startswith="fix:").count() == 10
