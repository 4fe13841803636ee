from django.urls import path

from workdays import views

app_name = "workdays"
urlpatterns = [
    path("", views.index, name="index"),
    path("them/", views.add, name="add"),
    path("<int:pk>/xoa/", views.remove, name="remove"),
]
