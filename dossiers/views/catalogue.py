"""The procedure catalogue (danh mục thủ tục): processing times that due dates are counted from."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render

from accounts.permissions import can_everywhere, require, require_everywhere
from core.forms import id_from
from dossiers import actions
from dossiers.forms import ProcedureForm
from dossiers.models import Procedure


def procedures(request):
    require(request.user, "dossier.view")
    # The procedure catalogue is the province's, shared by every unit's dossiers.
    may_edit = can_everywhere(request.user, "dossier.import")
    form = None
    if may_edit:
        editing = None
        if request.POST.get("id"):
            editing = Procedure.objects.filter(pk=id_from(request.POST["id"]) or 0).first()
        # The form validates a copy: validation writes into its instance, and the action must see the old values.
        form_instance = Procedure.objects.get(pk=editing.pk) if editing is not None else None
        form = ProcedureForm(request.POST or None, instance=form_instance)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if editing is None:
                actions.save_procedure(by=request.user, **data)
            else:
                changed = {name: data[name] for name in form.changed_data}
                if changed:
                    actions.update_procedure(editing, by=request.user, **changed)
            messages.success(request, f"Đã lưu thủ tục {data['code']}.")
            return redirect("dossiers:procedures")
        if form.errors and editing is not None:
            problems = "; ".join(e for errors in form.errors.values() for e in errors)
            messages.error(request, f"Chưa lưu thủ tục {editing.code}: {problems}")
    elif request.method == "POST":
        require_everywhere(request.user, "dossier.import")
    rows = Procedure.objects.annotate(dossier_count=Count("dossiers")).order_by("field", "code")
    return render(request, "dossiers/procedures.html", {"procedures": rows, "form": form, "may_edit": may_edit},
                  status=400 if form is not None and form.errors else 200)
