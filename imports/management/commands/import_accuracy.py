"""python manage.py import_accuracy DIR: how well the importer reads each NAME.docx (or .xlsx) of DIR
against the hand-checked NAME.expected.json beside it. One line per file, one TOTAL line last."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.accuracy import FIELDS, Score, compare, percent, plain_keys
from imports.docx_reader import UnreadableFile, read_file
from imports.layout import extract_plan

LABELS = {"code": "số TT", "content": "nội dung", "lead_units": "chủ trì", "coordinating_units": "phối hợp",
          "monitoring_units": "theo dõi", "product": "sản phẩm", "deadline_text": "thời hạn"}


class Command(BaseCommand):
    help = "Đo độ chính xác khi đọc kế hoạch: mỗi NAME.docx/.xlsx so với NAME.expected.json bên cạnh."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--verbose-misses", action="store_true", help="In từng trường đọc sai.")

    def handle(self, directory, verbose_misses=False, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"Không thấy thư mục {folder}")
        pairs = [(p, p.with_name(p.name.rsplit(".", 1)[0] + ".expected.json"))
                 for p in sorted(folder.iterdir()) if p.suffix.lower() in (".docx", ".xlsx")]
        pairs = [(doc, exp) for doc, exp in pairs if exp.exists()]
        if not pairs:
            raise CommandError("Thư mục không có cặp NAME.docx + NAME.expected.json nào.")
        total = Score("TOTAL")
        for document, expected_path in pairs:
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            try:
                plan = extract_plan(read_file(document.name, document.read_bytes()))
            except UnreadableFile as error:
                self.stdout.write(f"{document.name}: {error}")
                plan = extract_plan([])
            score = compare(document.name, plan, expected, self._unit_keys(expected.get("department")))
            self._line(score)
            if verbose_misses:
                for miss in score.misses:
                    self.stdout.write(f"    {miss}")
            total.found += score.found
            total.expected += score.expected
            for name in FIELDS:
                total.right[name] += score.right[name]
        self._line(total)

    def _line(self, score: Score) -> None:
        per_field = ", ".join(f"{LABELS[n]} {score.right[n]}/{score.expected}" for n in FIELDS)
        self.stdout.write(f"{score.name}: tìm thấy {score.found} nhiệm vụ, cần có {score.expected}; {per_field}; "
                          f"đúng {score.fields_right}/{score.fields_total} trường "
                          f"({percent(score.fields_right, score.fields_total)})")

    def _unit_keys(self, department_code):
        """With the department in the database, units compare as matched units; else as accent-stripped names."""
        from django.db import DatabaseError

        from org.matching import UnitDirectory
        from org.models import Unit

        try:
            department = Unit.objects.filter(code=department_code).first() if department_code else None
        except DatabaseError:
            department = None
        if department is None:
            return plain_keys
        directory = UnitDirectory(department)

        def unit_keys(cell_or_names) -> set[str]:
            if isinstance(cell_or_names, str):
                matches = directory.match_cell(cell_or_names)
            else:
                matches = [m for name in cell_or_names for m in directory.match_cell(name)]
            keys: set[str] = set()
            for match in matches:
                keys |= {f"unit:{u.pk}" for u in match.units} if match.matched else {normalize(match.text)}
            return keys

        from org.names import normalize_name as normalize

        return unit_keys
