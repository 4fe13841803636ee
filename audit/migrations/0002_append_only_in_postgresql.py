"""On PostgreSQL the audit trail is append-only in the database itself, not only through the ORM: a trigger refuses
UPDATE and DELETE of an entry. One update is let through: a person or unit removed from cchc sets the entry's link to
NULL (on_delete=SET_NULL) while the entry keeps every word it recorded."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit entries cannot be deleted';
    END IF;
    IF NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
       AND NEW.content_type_id = OLD.content_type_id AND NEW.object_id = OLD.object_id
       AND NEW.object_repr = OLD.object_repr AND NEW.changes = OLD.changes AND NEW.note = OLD.note
       AND (NEW.user_id IS NULL OR NEW.user_id = OLD.user_id)
       AND (NEW.unit_id IS NULL OR NEW.unit_id = OLD.unit_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries cannot be changed';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
