"""The office's list of what is public, with the form to publish and the button to withdraw."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import get_for
from accounts.permissions import require, unit_filter
from dashboards import actions
from dashboards.forms import PublishForm
from dashboards.models import Publication


def publications(request):
    require(request.user, "publish.manage")
    form = PublishForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        kind, target = form.cleaned_data["target"]
        try:
            publication = actions.publish(by=request.user, kind=kind, target=target, title=form.cleaned_data["title"],
                                          note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error("target", error)
        else:
            messages.success(request, _("Đã công khai “%(title)s” trên trang công khai.") % {
                "title": publication.title})
            return redirect("dashboards:publications")
    listed = (Publication.objects.filter(unit_filter(request.user, "publish.manage"))
              .select_related("unit", "published_by", "withdrawn_by")[:200])
    return render(request, "dashboards/publications.html", {"form": form, "publications": listed})


@require_POST
def withdraw(request, pk):
    publication = get_for(request.user, Publication.objects.select_related("unit"), pk, "publish.manage")
    try:
        actions.withdraw(by=request.user, publication=publication)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã gỡ “%(title)s” khỏi trang công khai.") % {"title": publication.title})
    return redirect("dashboards:publications")
