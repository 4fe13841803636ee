"""The floor of the survey benchmark: a bare view that stores one row through the same stack (gunicorn, the same
middleware, one transaction on the same database) and answers as the survey page does, with a redirect."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

FLOOR_TABLE = "bench_floor_row"


@csrf_exempt
@login_not_required
def floor(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FLOOR_TABLE} (note) VALUES (%s)", [request.POST.get("note", "")])
    return HttpResponseRedirect("/surveys/a/cam-on/")


@login_not_required
def ping(request):
    return HttpResponse("ok")


urlpatterns = [
    path("bench/floor/", floor),
    path("bench/ping/", ping),
    path("", include("cchc.urls")),
]
