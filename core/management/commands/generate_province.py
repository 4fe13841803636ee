"""manage.py generate_province --seed N --scale F: a deterministic province for benchmarks (bench/generator.py).

At --scale 1: 35 departments and 100 communes (about 10 units each), five years of frameworks of about 150
sub-criteria with every assessment, score and evidence record, 30,000 tasks with progress, 1,000,000 dossiers,
300,000 survey answers and their audit trail. Loads the demo first; run it on an empty database.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from bench.generator import generate


class Command(BaseCommand):
    help = "Sinh dữ liệu một tỉnh để đo tải (xác định theo --seed, cỡ theo --scale)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=float, default=1.0, help="1 = cỡ một tỉnh; 0.1 = một phần mười")

    def handle(self, *args, seed=1, scale=1.0, **options):
        from org.models import Unit

        if scale <= 0:
            raise CommandError("--scale phải lớn hơn 0.")
        if Unit.objects.filter(code__startswith="gen-").exists():
            raise CommandError("Cơ sở dữ liệu đã có dữ liệu sinh; hãy chạy trên cơ sở dữ liệu trống.")
        began = time.perf_counter()
        province = generate(seed=seed, scale=scale, say=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(
            f"Đã sinh dữ liệu tỉnh (seed {seed}, cỡ {scale:g}) trong {time.perf_counter() - began:.0f} giây: "
            + ", ".join(f"{name} {count:,}" for name, count in province.counts.items())))
