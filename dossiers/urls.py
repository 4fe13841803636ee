from django.urls import path

from dossiers.views import catalogue, figures, imports

app_name = "dossiers"
urlpatterns = [
    path("", figures.dashboard, name="index"),
    path("xlsx/", figures.dashboard_xlsx, name="export"),
    path("list/", figures.dossier_list, name="list"),
    path("list/xlsx/", figures.dossier_list_xlsx, name="list_export"),
    path("procedures/", catalogue.procedures, name="procedures"),
    path("import/", imports.import_index, name="imports"),
    path("import/mau.xlsx", imports.import_sample, {"fmt": "xlsx"}, name="import_sample_xlsx"),
    path("import/mau.csv", imports.import_sample, {"fmt": "csv"}, name="import_sample_csv"),
    path("import/<int:pk>/columns/", imports.import_columns, name="import_columns"),
    path("import/<int:pk>/", imports.import_run, name="import_run"),
]
