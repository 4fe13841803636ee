from django.urls import path

from assessments.views import items, pages, results, workflow

app_name = "assessments"
urlpatterns = [
    path("", pages.index, name="index"),
    path("start/", pages.start, name="start"),
    path("<int:pk>/", pages.detail, name="detail"),
    path("<int:pk>/totals/", pages.totals_fragment, name="totals"),
    path("<int:pk>/results/", results.assessment_results, name="results"),
    path("<int:pk>/submit/", workflow.submit, name="submit"),
    path("<int:pk>/return/", workflow.return_items, name="return"),
    path("<int:pk>/finalise/", workflow.finalise, name="finalise"),
    path("<int:pk>/publish/", workflow.publish, name="publish"),
    path("<int:pk>/items/<int:score_pk>/", items.item, name="item"),
    path("<int:pk>/items/<int:score_pk>/self/", items.self_score, name="self_score"),
    path("<int:pk>/items/<int:score_pk>/measure/", items.measure, name="measure"),
    path("<int:pk>/items/<int:score_pk>/evidence/", items.evidence_upload, name="evidence_upload"),
    path("<int:pk>/items/<int:score_pk>/appraise/", items.appraise, name="appraise"),
    path("<int:pk>/items/<int:score_pk>/appeal/", items.appeal, name="appeal"),
    path("<int:pk>/items/<int:score_pk>/decide/", items.decide, name="decide"),
    path("<int:pk>/evidence/<int:evidence_pk>/", items.evidence_download, name="evidence"),
    path("<int:pk>/evidence/<int:evidence_pk>/delete/", items.evidence_delete, name="evidence_delete"),
    path("ranking/<int:framework_pk>/", results.ranking, name="ranking"),
    path("years/", results.years, name="years"),
    path("years/<int:unit_pk>/", results.years, name="unit_years"),
]
