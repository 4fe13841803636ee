from django.urls import path

from org import views

app_name = "org"
urlpatterns = [
    path("", views.units, name="units"),
    path("new/", views.unit_new, name="unit_new"),
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("reorganise/<slug:kind>/", views.reorganise, name="reorganise"),
]
