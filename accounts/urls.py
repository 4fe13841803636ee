from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("me/", views.profile, name="profile"),
    path("people/", views.people, name="people"),
    path("people/new/", views.person_edit, name="person_new"),
    path("people/<int:pk>/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/grants/", views.grant_add, name="grant_add"),
    path("people/<int:pk>/grants/<int:grant_pk>/remove/", views.grant_remove, name="grant_remove"),
]
