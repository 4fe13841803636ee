from django.urls import path

from documents.views import exports, jobs, templates

app_name = "documents"
urlpatterns = [
    path("", exports.index, name="index"),
    path("mau/", templates.template_list, name="templates"),
    path("mau/huong-dan/", templates.template_help, name="template_help"),
    path("mau/goi-y/<slug:kind>.docx", templates.starter, name="starter"),
    path("mau/<int:pk>/tep/", templates.template_file, name="template_file"),
    path("mau/<int:pk>/xoa/", templates.template_delete, name="template_delete"),
    path("bao-cao-theo-ky/", exports.period_download, name="period_download"),
    path("tep/<int:pk>/", jobs.export_job, name="export_job"),
    path("tep/<int:pk>/tai-ve/", jobs.export_file, name="export_file"),
    path("<slug:key>/<int:pk>.<str:fmt>", exports.download, name="download"),
]
