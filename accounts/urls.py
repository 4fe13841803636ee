from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    # Public, so under login/ (core/tests/test_site.py: PUBLIC_PREFIXES): a forgotten password, by e-mail.
    path("login/forgot/", views.password_reset, name="password_reset"),
    path("login/forgot/sent/", views.password_reset_done, name="password_reset_done"),
    path("login/reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("login/reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("logout/", views.logout, name="logout"),
    path("me/", views.profile, name="profile"),
    path("me/password/", views.password_change, name="password_change"),
    path("people/", views.people, name="people"),
    path("people/new/", views.person_new, name="person_new"),
    path("people/<int:pk>/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/grants/", views.grant_add, name="grant_add"),
    path("people/<int:pk>/grants/<int:grant_pk>/remove/", views.grant_remove, name="grant_remove"),
    path("people/<int:pk>/password-link/", views.send_password_link, name="send_password_link"),
    path("people/<int:pk>/temporary-password/", views.temporary_password, name="temporary_password"),
]
