"""How an import session's history reads (audit.readable): its entries record edits of the rows under review and of
the plan's header, keyed by the plan's and the task's own field names."""

from audit.readable import label
from imports.models import ImportSession
from plans.models import Plan, Task

for model in (Plan, Task):
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        own = {f.name for f in ImportSession._meta.get_fields()}
        if field.name not in own and str(field.verbose_name) != field.name.replace("_", " "):
            label(ImportSession, field.name, field.verbose_name)
