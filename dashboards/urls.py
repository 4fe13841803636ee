from django.urls import path

from dashboards.views import boards, publications

app_name = "dashboards"
urlpatterns = [
    path("", boards.index, name="index"),
    path("office/", boards.office, name="office"),
    path("unit/", boards.unit_board, name="unit"),
    path("leader/", boards.leader, name="leader"),
    path("publications/", publications.publications, name="publications"),
    path("publications/<int:pk>/withdraw/", publications.withdraw, name="withdraw"),
]
