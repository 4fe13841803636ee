"""A test database other threads and processes can open: the test database on PostgreSQL, a file on SQLite
(whose usual test database lives in one process's memory). Import the fixture into a test module to use it."""

import os

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


@pytest.fixture
def worker_database(shared_database, settings):
    """The shared database, with the tasks stored in it (not run inside the test), for a real worker process."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "imports", "documents"]}}
    settings.TASKS_KIND = "database"
    return shared_database


def worker_environment(url: str, settings) -> dict:
    """The environment of a worker process (`manage.py worker`, `db_worker`) sharing this test's database and files;
    no warm LibreOffice unless a test starts one."""
    return {**os.environ, "DATABASE_URL": url, "CCHC_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CCHC_EXPORT_ROOT": str(settings.CCHC_EXPORT_ROOT), "CCHC_VAR_DIR": str(settings.VAR_DIR),
            "CCHC_TASK_CLAIM_GRACE_SECONDS": "0", "CCHC_LOG_LEVEL": "ERROR", "CCHC_UNOSERVER": ""}
