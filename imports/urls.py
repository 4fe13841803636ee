from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("", views.index, name="index"),
    path("mau-danh-sach-nhiem-vu.xlsx", views.xlsx_template, name="template"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/thong-tin/", views.edit_header, name="header"),
    path("<int:pk>/nhiem-vu/<int:task_id>/", views.edit_task, name="task"),
    path("<int:pk>/gan-don-vi/", views.map_unit_name, name="map"),
    path("<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("<int:pk>/huy/", views.discard, name="discard"),
]
