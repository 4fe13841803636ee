"""A test database other threads and processes can open: the test database on PostgreSQL, a file on SQLite
(whose usual test database lives in one process's memory). Import the fixture into a test module to use it."""

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """The URL of a database every thread and process sees, the test's own data written (and committed) in it."""
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        yield f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
        return
    memory, name = connection.connection, connection.settings_dict["NAME"]
    path = tmp_path / "shared.sqlite3"
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    try:
        call_command("migrate", verbosity=0)
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory
