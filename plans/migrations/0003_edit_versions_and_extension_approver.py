"""Edit versions on plans, sections, targets and tasks (a stale save is refused), and who decides an extension."""

import django.db.models.deletion
from django.db import migrations, models


def fill_approver_units(apps, schema_editor):
    """Existing requests: the task's first monitoring unit other than the unit asking, else the issuing unit."""
    Extension = apps.get_model("plans", "Extension")
    for extension in Extension.objects.select_related("task__plan"):
        monitors = extension.task.monitoring_units.exclude(pk=extension.unit_id).order_by("path")
        first = monitors.first()
        extension.approver_unit_id = first.pk if first else extension.task.plan.issuing_unit_id
        extension.save(update_fields=["approver_unit"])


class Migration(migrations.Migration):

    dependencies = [
        ("org", "0001_initial"),
        ("plans", "0002_task_criteria"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan", name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản"),
        ),
        migrations.AddField(
            model_name="section", name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản"),
        ),
        migrations.AddField(
            model_name="target", name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản"),
        ),
        migrations.AddField(
            model_name="task", name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản"),
        ),
        migrations.AlterField(
            model_name="extension", name="status",
            field=models.CharField(choices=[("pending", "Chờ duyệt"), ("approved", "Đã đồng ý"),
                                            ("refused", "Không đồng ý"),
                                            ("withdrawn", "Không xét (nhiệm vụ đã kết thúc)")],
                                   default="pending", max_length=10, verbose_name="trạng thái"),
        ),
        migrations.AddField(
            model_name="extension", name="approver_unit",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="org.unit", verbose_name="đơn vị có thẩm quyền duyệt"),
        ),
        migrations.RunPython(fill_approver_units, migrations.RunPython.noop),
    ]
