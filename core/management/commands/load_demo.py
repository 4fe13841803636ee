"""Loads the demo: the seed department, one person per role, the province's other departments, Khánh Hòa's
department of seed 004, then each app's own demo data, with the current year's cycle counted from today.

Each app may have a `demo.py` with `load(context)`; it must be idempotent, so running
`make demo` twice never fails nor duplicates anything. The context carries `today` (the day the demo is loaded on),
so every app's live cycle counts from the same day.
"""

import importlib
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, KHANH_HOA_PEOPLE, PEOPLE, build_khanh_hoa_people, build_people
from org.demo import build_khanh_hoa, build_organisation, build_province_departments, record_reorganisation

APP_DEMO_ORDER = ["workdays", "frameworks", "assessments", "plans", "inspections", "imports", "dossiers", "surveys",
                  "documents", "dashboards"]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Sở Tài nguyên và Môi trường tỉnh Bà Rịa – Vũng Tàu)."

    def handle(self, *args, **options):
        started = time.monotonic()
        units = build_organisation()
        people = build_people(units)
        record_reorganisation(units, by=people["admin"])
        build_province_departments(units)
        build_khanh_hoa(units)
        build_khanh_hoa_people(units, people)
        today = timezone.localdate()
        context = {"units": units, "people": people, "today": today}
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
            # (ANALYZE also counts the rows of a transaction that is still open, as in the tests). Only cchc's own
            # tables: a bare ANALYZE also takes the cluster's shared catalogues (pg_database, pg_authid…), and a
            # transaction holding those locks stalls every other database's ANALYZE until it ends.
            tables = sorted(set(connection.introspection.django_table_names(only_existing=True,
                                                                            include_views=False)))
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(
            f"Dữ liệu mẫu đã sẵn sàng ({seconds:.0f} giây), năm đang thực hiện: {today.year} (hôm nay "
            f"{today:%d/%m/%Y}). Đăng nhập (mật khẩu chung: {DEMO_PASSWORD}):"))
        for username, full_name, position, *_ in [*PEOPLE, *KHANH_HOA_PEOPLE]:
            self.stdout.write(f"  {username:<6} {full_name} — {position}")
