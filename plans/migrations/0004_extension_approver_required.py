"""Every extension request names the unit whose leaders decide it (filled for existing requests by 0003).

A separate migration: on PostgreSQL a column cannot be altered in the transaction that updated its rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0003_edit_versions_and_extension_approver"),
    ]

    operations = [
        migrations.AlterField(
            model_name="extension", name="approver_unit",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="org.unit",
                                    verbose_name="đơn vị có thẩm quyền duyệt"),
        ),
    ]
