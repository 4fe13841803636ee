"""Existing assessments learn who took part on the unit's side, from what the rows still say (the last self-scorer
of each item, who uploaded evidence, who appealed), so the four-eyes rule holds for assessments already under way.
Submitters are not recorded on the row; the audit trail keeps them."""

from django.db import migrations


def backfill(apps, schema_editor):
    Assessment = apps.get_model("assessments", "Assessment")
    Score = apps.get_model("assessments", "Score")
    Evidence = apps.get_model("assessments", "Evidence")
    Appeal = apps.get_model("assessments", "Appeal")
    Through = Assessment.self_assessed_by.through
    pairs = set(Score.objects.filter(scored_by__isnull=False).values_list("assessment_id", "scored_by_id"))
    pairs |= set(Evidence.objects.filter(uploaded_by__isnull=False).values_list("score__assessment_id", "uploaded_by_id"))
    pairs |= set(Appeal.objects.filter(created_by__isnull=False).values_list("score__assessment_id", "created_by_id"))
    Through.objects.bulk_create([Through(assessment_id=a, user_id=u) for a, u in sorted(pairs)], ignore_conflicts=True)


class Migration(migrations.Migration):

    dependencies = [("assessments", "0005_accepted_self_scores_versions_and_signature_coverage")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
