"""Writes one export to a file, for scripts and scheduled jobs (for example the quarterly report to the province).

    manage.py export_document bao-cao-dinh-ky 2 --ky quarter --nam 2024 --quy 1 --dinh-dang pdf -o bao-cao.pdf
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents import services


class Command(BaseCommand):
    help = "Xuất một văn bản, bảng biểu (Word, Excel hoặc PDF) ra tệp."

    def add_arguments(self, parser):
        parser.add_argument("loai", choices=sorted(services.EXPORTS), help="Loại văn bản, ví dụ ke-hoach")
        parser.add_argument("ma", type=int, help="Mã kế hoạch, kỳ đánh giá, bộ chỉ số hoặc đơn vị")
        parser.add_argument("--dinh-dang", dest="fmt", default="", help="docx, xlsx hoặc pdf (mặc định: docx/xlsx)")
        parser.add_argument("--ky", default="year", choices=["quarter", "half", "nine_months", "year"])
        parser.add_argument("--nam", type=int, default=date.today().year)
        parser.add_argument("--quy", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--mau-chuan", action="store_true", help="Bỏ qua mẫu của đơn vị")
        parser.add_argument("-o", "--tep", default="", help="Tệp ghi ra (mặc định: tên văn bản trong thư mục hiện tại)")

    def handle(self, *args, loai, ma, fmt, ky, nam, quy, mau_chuan, tep, **options):
        export = services.EXPORTS[loai]
        obj = _find(export.target, ma)
        if obj is None:
            raise CommandError(f"Không tìm thấy đối tượng mã {ma} cho “{export.label}”.")
        if ky == "quarter" and not quy:
            raise CommandError("Báo cáo quý cần --quy 1..4.")
        params = {"today": date.today(), "kind": ky, "year": nam, "quarter": quy if ky == "quarter" else None}
        try:
            data, filename = services.produce(export, obj, fmt or export.base, params, use_template=not mau_chuan)
        except services.ExportProblem as problem:
            raise CommandError(str(problem))
        target = Path(tep or filename)
        target.write_bytes(data)
        self.stdout.write(f"Đã ghi {target} ({len(data)} byte).")


def _find(target: str, pk: int):
    from assessments.models import Assessment
    from frameworks.models import Framework
    from org.models import Unit
    from plans.models import Plan

    model = {"plan": Plan, "assessment": Assessment, "framework": Framework, "unit": Unit}[target]
    return model.objects.filter(pk=pk).first()
