"""What the database holds, as row counts and checksums per table, to prove that a request or an import changed
nothing (the mutation matrix, the property tests, the backup test).

Every table of every installed model counts (many-to-many tables too), except the bookkeeping of being logged in
or locked out: sessions and django-axes' attempts. The cache table (survey rate limits) is no model and is left out
by construction. Rows are read in primary-key order straight from the database, so the checksum sees every column,
including those no model field shows.
"""

import hashlib

from django.apps import apps
from django.db import connections

# Bookkeeping a request may write whoever sends it: the session it runs in, the log-in attempts django-axes counts.
EXCLUDED_TABLES = frozenset({
    "django_session", "axes_accessattempt", "axes_accessattemptexpiration", "axes_accesslog", "axes_accessfailurelog",
})

State = dict[str, tuple[int, str]]


def tables(using: str = "default") -> list[tuple[str, str]]:
    """(table, primary-key column) of every model whose rows are data, in a fixed order."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in EXCLUDED_TABLES:
            continue
        found[meta.db_table] = meta.pk.column
    return sorted(found.items())


def database_state(only=None, using: str = "default") -> State:
    """{table: (row count, SHA-256 of its rows)}, for every data table or for the names in `only`."""
    connection = connections[using]
    quote = connection.ops.quote_name
    state = {}
    with connection.cursor() as cursor:
        for table, pk in tables(using):
            if only is not None and table not in only:
                continue
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(pk)}")
            digest, count = hashlib.sha256(), 0
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
                digest.update(b"\n")
                count += 1
            state[table] = (count, digest.hexdigest())
    return state


def changed_tables(before: State, after: State) -> list[str]:
    """The tables whose rows differ (in number or content) between two states."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def describe(before: State, after: State) -> str:
    """'plans_task (70 → 70 rows, content changed), …' for an assertion message."""
    parts = []
    for name in changed_tables(before, after):
        old, new = before.get(name, (0, "")), after.get(name, (0, ""))
        parts.append(f"{name} ({old[0]} → {new[0]} rows{', content changed' if old[0] == new[0] else ''})")
    return ", ".join(parts) or "nothing"


class TouchWatch:
    """Row triggers that note, in a temporary table, every table a statement inserted into, updated or deleted from.

    Reading that table costs one query where a checksum of the whole database costs thousands of rows, so the
    mutation matrix asks it first after each request and checksums only the tables it names. Installed inside a
    transaction that is rolled back (the triggers and their notes vanish with it); notes written inside a savepoint
    vanish when it is rolled back, so each request starts from none.
    """

    NOTES = "cchc_touched"

    def __init__(self, using: str = "default"):
        self.connection = connections[using]
        self.names = [table for table, _pk in tables(using)]

    def install(self) -> None:
        quote = self.connection.ops.quote_name
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "sqlite":
                cursor.execute(f"CREATE TEMP TABLE {self.NOTES} (name TEXT NOT NULL)")
                for n, table in enumerate(self.names):
                    for operation in ("INSERT", "UPDATE", "DELETE"):
                        cursor.execute(
                            f"CREATE TEMP TRIGGER cchc_touch_{n}_{operation.lower()} AFTER {operation} ON "
                            f"main.{quote(table)} BEGIN INSERT INTO {self.NOTES} VALUES ('{table}'); END")
            elif self.connection.vendor == "postgresql":
                cursor.execute(f"CREATE TEMP TABLE {self.NOTES} (name text NOT NULL)")
                cursor.execute(
                    f"CREATE FUNCTION cchc_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    f"INSERT INTO {self.NOTES} VALUES (TG_TABLE_NAME); RETURN NULL; END $$")
                for table in self.names:
                    cursor.execute(f"CREATE TRIGGER cchc_touch AFTER INSERT OR UPDATE OR DELETE ON {quote(table)} "
                                   f"FOR EACH ROW EXECUTE FUNCTION cchc_touch()")
            else:
                raise NotImplementedError(self.connection.vendor)

    def clear(self) -> None:
        """Forgets the notes written so far outside a savepoint (a test's own setup)."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.NOTES}")

    def touched(self) -> set[str]:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT name FROM {self.NOTES}")
            return {name for (name,) in cursor.fetchall()}
