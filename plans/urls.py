from django.urls import path

from plans.views import lists, plans, reports, tasks

app_name = "plans"
urlpatterns = [
    path("", plans.index, name="index"),
    path("moi/", plans.plan_new, name="plan_new"),
    path("<int:pk>/", plans.plan_detail, name="plan"),
    path("<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/muc/", plans.section_add, name="section_add"),
    path("<int:pk>/nhiem-vu/", plans.task_add, name="task_add"),
    path("<int:pk>/chi-tieu/", plans.target_add, name="target_add"),
    path("<int:pk>/ky-bao-cao/", plans.period_add, name="period_add"),
    path("<int:pk>/bao-cao/", reports.reports, name="reports"),
    path("<int:pk>/bao-cao/<int:period_pk>/gui/", reports.submit_report, name="submit_report"),
    path("<int:pk>/bao-cao/tep/<int:report_pk>/", reports.report_file, name="report_file"),
    path("nhiem-vu/<int:pk>/", tasks.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/sua/", plans.task_edit, name="task_edit"),
    path("nhiem-vu/<int:pk>/tien-do/", tasks.post_progress, name="post_progress"),
    path("nhiem-vu/<int:pk>/phoi-hop/", tasks.post_contribution, name="post_contribution"),
    path("nhiem-vu/<int:pk>/tra-lai/<int:update_pk>/", tasks.return_update, name="return_update"),
    path("nhiem-vu/<int:pk>/gia-han/", tasks.request_extension, name="request_extension"),
    path("nhiem-vu/<int:pk>/gia-han/<int:extension_pk>/", tasks.decide_extension, name="decide_extension"),
    path("nhiem-vu/<int:pk>/ngay-phat-sinh/", tasks.record_event, name="record_event"),
    path("nhiem-vu/<int:pk>/giao-lai/", tasks.reassign, name="reassign"),
    path("nhiem-vu/<int:pk>/tieu-chi/", tasks.link_criteria, name="link_criteria"),
    path("nhiem-vu/<int:pk>/tep/<int:evidence_pk>/", tasks.evidence_file, name="evidence"),
    path("cua-toi/", lists.my_tasks, name="mine"),
    path("don-vi/", lists.unit_tasks, name="unit_tasks"),
    path("han/", lists.deadlines, name="deadlines"),
    path("lich/", lists.deadline_calendar, name="calendar"),
    path("dung-han/", lists.on_time, name="on_time"),
    path("nhac-viec/", lists.notifications, name="notifications"),
]
