from django.urls import path

from inspections.views import fixes, inspections, plans

app_name = "inspections"
urlpatterns = [
    path("", plans.index, name="index"),
    path("moi/", plans.plan_new, name="plan_new"),
    path("<int:pk>/", plans.plan_detail, name="plan"),
    path("<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/kiem-tra/", plans.inspection_add, name="inspection_add"),
    path("kiem-tra/<int:pk>/", inspections.inspection_detail, name="inspection"),
    path("kiem-tra/<int:pk>/sua/", inspections.inspection_edit, name="inspection_edit"),
    path("kiem-tra/<int:pk>/xoa/", inspections.inspection_delete, name="inspection_delete"),
    path("kiem-tra/<int:pk>/ton-tai/", inspections.finding_add, name="finding_add"),
    path("ton-tai/<int:pk>/khac-phuc/", inspections.fix_add, name="fix_add"),
    path("khac-phuc/", fixes.fixes, name="fixes"),
    path("khac-phuc/<int:pk>/", fixes.fix_report, name="fix"),
    path("khac-phuc/<int:pk>/xac-nhan/", fixes.fix_verify, name="fix_verify"),
    path("khac-phuc/<int:pk>/tep/", fixes.fix_evidence, name="fix_evidence"),
]
