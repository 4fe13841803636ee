"""Loads the demo: the seed department, one person per role, then each app's own demo data.

Each app may have a `demo.py` with `load(context)`; it must be idempotent, so running
`make demo` twice never fails nor duplicates anything.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from accounts.demo import DEMO_PASSWORD, PEOPLE, build_people
from org.demo import build_organisation, record_reorganisation

APP_DEMO_ORDER = ["workdays", "frameworks", "assessments", "plans", "inspections", "imports", "dossiers", "surveys",
                  "documents", "dashboards"]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Sở Tài nguyên và Môi trường tỉnh Bà Rịa – Vũng Tàu)."

    def handle(self, *args, **options):
        units = build_organisation()
        people = build_people(units)
        record_reorganisation(units, by=people["admin"])
        context = {"units": units, "people": people}
        for app in APP_DEMO_ORDER:
            if app not in settings.DOMAIN_APPS:
                continue
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            module.load(context)
            self.stdout.write(f"  dữ liệu mẫu: {app}")
        if connection.vendor == "postgresql":
            # Fresh statistics for the tables just filled, so the first pages do not plan for empty tables
            # (ANALYZE also counts the rows of a transaction that is still open, as in the tests).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Dữ liệu mẫu đã sẵn sàng. Đăng nhập (mật khẩu chung: {DEMO_PASSWORD}):"))
        for username, full_name, position, *_ in PEOPLE:
            self.stdout.write(f"  {username:<6} {full_name} — {position}")
