from django.urls import path

from surveys.views import exports, office, paper, public

app_name = "surveys"
urlpatterns = [
    path("", office.index, name="index"),
    path("new/", office.new_survey, name="new"),
    path("<int:pk>/", office.detail, name="detail"),
    path("<int:pk>/edit/", office.edit, name="edit"),
    path("<int:pk>/questions/new/", office.question_new, name="question_new"),
    path("questions/<int:pk>/", office.question_edit, name="question_edit"),
    path("<int:pk>/counters/new/", office.counter_new, name="counter_new"),
    path("counters/<int:pk>/print/", office.counter_print, name="counter_print"),
    path("<int:pk>/codes/", office.codes, name="codes"),
    path("<int:pk>/suggestions/", office.suggestions, name="suggestions"),
    path("responses/<int:pk>/follow-up/", office.follow_up, name="follow_up"),
    path("<int:pk>/import/", paper.import_paper, name="import_paper"),
    path("<int:pk>/export/answers.xlsx", exports.export_answers, name="export_answers"),
    path("<int:pk>/export/results.xlsx", exports.export_results, name="export_results"),
    path("<int:pk>/answer/", public.answer_logged_in, name="answer_logged_in"),
    # Public, no log-in: everything under a/ (whitelisted in core/tests/test_site.py).
    path("a/ma/", public.code_entry, name="code"),
    path("a/ma/<str:code>/", public.answer_code, name="answer_code"),
    path("a/cam-on/", public.thanks, name="thanks"),
    path("a/<str:token>/", public.answer, name="answer"),
]
