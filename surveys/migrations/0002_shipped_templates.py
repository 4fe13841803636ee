"""Ships the ready questionnaires (SIPAS by aspect, and the 18 items of leaders' opinions) as template surveys."""

import secrets

from django.db import migrations


def create_templates(apps, schema_editor):
    from surveys import questionnaire as q

    Survey = apps.get_model("surveys", "Survey")
    Question = apps.get_model("surveys", "Question")
    for kind, title, intro, items in (
        ("sipas", q.SIPAS_TITLE, q.SIPAS_INTRO, q.SIPAS_QUESTIONS),
        ("opinion", q.OPINION_TITLE, q.OPINION_INTRO, [(0, text) for text in q.OPINION_ITEMS]),
    ):
        if Survey.objects.filter(is_template=True, kind=kind).exists():
            continue
        survey = Survey.objects.create(is_template=True, kind=kind, title=title, intro=intro, period_label="Mẫu",
                                       require_code=(kind == "opinion"), token=secrets.token_urlsafe(9))
        Question.objects.bulk_create(
            Question(survey=survey, aspect=aspect, order=i, text=text) for i, (aspect, text) in enumerate(items, 1)
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]
    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
