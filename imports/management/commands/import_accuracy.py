"""python manage.py import_accuracy DIR [DIR …] [--strict] [--verbose-misses]: how well the importer reads each
plan file of the folders (.docx, .doc, .odt, .xlsx) against the hand-checked NAME.expected.json beside it.

One line per file, one TOTAL line last: tasks read, expected and paired, precision and recall, fields right (empty
expected fields apart), header, titles, and each field. The expected file's `department` (a unit code) must exist:
names are compared as the units they resolve to in that department, never silently as plain words.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.accuracy import FIELDS, HEADER_FIELDS, STRUCTURE_FIELDS, Score, compare, percent
from imports.docx_reader import UnreadableFile, read_file
from imports.layout import extract_plan

SUFFIXES = (".docx", ".doc", ".odt", ".xlsx")
LABELS = {"content": "nội dung", "lead_units": "chủ trì", "coordinating_units": "phối hợp",
          "monitoring_units": "theo dõi", "outside_participants": "cơ quan ngoài", "needs_units": "cần chọn đơn vị",
          "product": "sản phẩm", "deadline_text": "thời hạn", "method": "cách thức", "note": "ghi chú", "footnotes": "chú thích",
          "is_heading": "dòng nhóm", "code": "số TT", "section": "mục", "number": "số", "symbol": "ký hiệu",
          "issue_date": "ngày ban hành", "year": "năm", "title": "tên kế hoạch", "appendix_title": "tên phụ lục",
          "section_title": "tên mục", "task": "nhiệm vụ", "extra task": "nhiệm vụ thừa"}


class Command(BaseCommand):
    help = "Đo độ chính xác khi đọc kế hoạch: mỗi NAME.docx/.doc/.odt/.xlsx so với NAME.expected.json bên cạnh."

    def add_arguments(self, parser):
        parser.add_argument("directories", nargs="+")
        parser.add_argument("--strict", action="store_true",
                            help="So khớp nghiêm ngặt: tính cả dấu tiếng Việt và dấu câu.")
        parser.add_argument("--verbose-misses", action="store_true",
                            help="In từng chỗ đọc sai: phụ lục, mục, số TT, trường, cần có và đọc được.")

    def handle(self, directories, strict=False, verbose_misses=False, **options):
        pairs = []
        for directory in directories:
            folder = Path(directory)
            if not folder.is_dir():
                raise CommandError(f"Không thấy thư mục {folder}")
            for path in sorted(folder.iterdir()):
                expected = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")
                if path.suffix.lower() in SUFFIXES and expected.exists():
                    pairs.append((path, expected))
        if not pairs:
            raise CommandError("Thư mục không có cặp NAME.docx + NAME.expected.json nào.")
        total = Score("TOTAL")
        errors = []
        for document, expected_path in pairs:
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            department = self._department(expected.get("department"))
            if department is None:
                errors.append(document.name)
                self.stdout.write(f"{document.name}: LỖI: không có đơn vị “{expected.get('department') or ''}” "
                                  "(trường department của tệp expected) trong cơ sở dữ liệu.")
                continue
            unit_keys, known = self._directory(department)
            try:
                plan = extract_plan(read_file(document.name, document.read_bytes()), known_units=known)
            except UnreadableFile as error:
                self.stdout.write(f"{document.name}: {error}")
                plan = extract_plan([])
            score = compare(document.name, plan, expected, unit_keys, strict=strict)
            self._line(score)
            if verbose_misses:
                for miss in score.misses:
                    self.stdout.write(f"    PL {miss.appendix or '—'} · mục {miss.section or '—'} · "
                                      f"{miss.code or '—'} · {LABELS.get(miss.field, miss.field)}: "
                                      f"cần {miss.expected!r} · đọc được {miss.got!r}")
            total.add(score)
        self._line(total)
        if errors:
            raise CommandError(f"Không đo được {len(errors)} tệp: {', '.join(errors)}")

    def _line(self, score: Score) -> None:
        per_field = ", ".join(f"{LABELS[n]} {t.right}/{t.total}" for n in FIELDS if (t := score.fields[n]).total)
        header, titles = score.group(HEADER_FIELDS), score.group(STRUCTURE_FIELDS)
        self.stdout.write(
            f"{score.name}: đọc được {score.found} nhiệm vụ, cần có {score.expected}, khớp {score.paired}; "
            f"độ chính xác {percent(score.precision)}, độ phủ {percent(score.recall)}; "
            f"trường đúng {score.right}/{score.total} ({percent(score.right, score.total)}); "
            f"trường để trống đúng {score.empty.right}/{score.empty.total}; "
            f"đầu văn bản {header.right}/{header.total}; tên phụ lục, mục {titles.right}/{titles.total}; {per_field}")

    def _department(self, code):
        from django.db import DatabaseError

        from org.models import Unit

        if not code:
            return None
        try:
            return Unit.objects.filter(code=code).first()
        except DatabaseError:
            return None

    def _directory(self, department):
        """Units compare as the department's units they resolve to; a vague phrase never resolves."""
        from imports.accuracy import plain_keys
        from imports.cells import is_vague
        from imports.resolve import known_names
        from org.matching import UnitDirectory

        directory = UnitDirectory(department)

        def unit_keys(cell_or_names, strict: bool) -> set[str]:
            if isinstance(cell_or_names, str):
                matches = directory.match_cell(cell_or_names)
            else:
                matches = [m for name in cell_or_names or [] for m in directory.match_cell(name)]
            keys: set[str] = set()
            for match in matches:
                if is_vague(match.text) or not match.matched:
                    keys |= plain_keys([match.text], strict)
                else:
                    keys |= {f"unit:{u.pk}" for u in match.units}
            return keys

        return unit_keys, known_names(directory)
