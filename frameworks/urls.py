from django.urls import path

from frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("help/", views.help_page, name="help"),
    path("template.xlsx", views.template, name="template"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/copy/", views.copy, name="copy"),
    path("<int:pk>/export.xlsx", views.export, name="export"),
    path("<int:pk>/import/", views.import_sheet, name="import"),
    path("<int:pk>/criteria/new/", views.criterion_new, name="criterion_new"),
    path("<int:pk>/criteria/<int:criterion_pk>/", views.criterion_edit, name="criterion_edit"),
    path("<int:pk>/criteria/<int:criterion_pk>/delete/", views.criterion_delete, name="criterion_delete"),
]
