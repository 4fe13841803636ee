"""Checking an uploaded file before anything parses it (kiểm tra tệp tải lên). Plain Python, no Django.

A small upload must not unpack into gigabytes, hide a million rows behind a declared range, carry a 150 MB cell or
be a web page named .pdf. Every upload form calls check() in its clean (through core.forms.check_upload), so the
person gets a clear message within seconds and no parser ever sees such a file:

    kind = check(upload, "ke-hoach.docx", PROFILES["plan"], accept=("docx", "xlsx"))  # or raises UploadProblem

What is checked:
- the size of the file;
- zip-based formats (.docx, .xlsx, OpenDocument, a .zip of evidence): the number of entries, each entry's unpacked
  size, all entries together, each entry's compression ratio (real documents compress 2–20 times, zip bombs
  thousands of times), no password. openpyxl, python-docx and docxtpl read through Python's zipfile, which stops
  at the size an entry declares, so the declared sizes bound what they can read;
- .docx and .xlsx: every XML part parses, within its own size limit, and declares no DTD (Office files never do;
  a DTD is how entity bombs and external entities come in), so broken XML is a message, not a server error;
- .xlsx: the range each sheet declares (openpyxl fills rows up to it), the last row and column each sheet really
  uses, the cells of the workbook, the length of every shared and inline string (Excel itself holds at most
  32,767 characters in a cell) and that every shared string a cell names exists;
- .csv: the size, and that it is text;
- evidence: the content, by its first bytes (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP,
  TIFF, a .zip of those), never by the name alone; the name's extension must agree with the content. Web pages,
  SVG images, scripts and programs are refused.

Messages are Vietnamese templates marked for the catalogue (UploadProblem.message, filled with .params).
"""

import re
import zipfile
from dataclasses import dataclass, fields, replace

from lxml import etree

from core.i18n import gettext_noop

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How big an upload may be, packed and unpacked; what a spreadsheet may hold."""

    max_bytes: int = 20 * MB
    max_unpacked: int = 256 * MB  # all entries of a zip together
    max_part: int = 32 * MB  # one XML part (a sheet, the document body) unpacked
    max_shared_strings: int = 32 * MB  # the shared strings of a workbook, unpacked (read into memory whole)
    max_entries: int = 2_000
    max_ratio: int = 100  # unpacked / packed for an entry past RATIO_FLOOR
    max_rows: int = 100_000  # the last row a sheet uses or declares
    max_columns: int = 300
    max_cells: int = 2_000_000  # in the whole workbook
    max_text: int = 32_767  # characters in one cell

    def merged(self, overrides: dict | None) -> "Limits":
        known = {f.name for f in fields(self)}
        return replace(self, **{k: int(v) for k, v in (overrides or {}).items() if k in known})


# An entry smaller than this is never refused for its ratio: a small XML part full of repeats compresses well.
RATIO_FLOOR = 1 * MB

# Each upload form's limits; settings.CCHC_UPLOAD_LIMITS = {"plan": {"max_rows": 10000}} changes one.
PROFILES: dict[str, Limits] = {
    # A plan (.docx or the .xlsx task list): a few hundred tasks.
    "plan": Limits(max_bytes=20 * MB, max_rows=5_000, max_columns=60, max_cells=300_000),
    # A Word template for documents: filled with cchc's data, then opened in Word.
    "template": Limits(max_bytes=10 * MB),
    # A one-stop export: up to a year of dossiers, read row by row in the background.
    "dossiers": Limits(max_bytes=200 * MB, max_unpacked=1024 * MB, max_part=768 * MB, max_shared_strings=256 * MB,
                       max_rows=1_048_576, max_columns=200, max_cells=40_000_000),
    # Paper survey answers typed into the template: one row per sheet of paper.
    "survey": Limits(max_bytes=10 * MB, max_rows=20_001, max_columns=200, max_cells=2_000_000),
    # A framework (bộ chỉ số) in the template: a few hundred criteria.
    "framework": Limits(max_bytes=5 * MB, max_rows=5_000, max_columns=60, max_cells=300_000),
    # Evidence of an assessment (tài liệu kiểm chứng), and task evidence and reports of plans: kept, never parsed.
    "evidence": Limits(max_bytes=30 * MB, max_unpacked=1024 * MB, max_entries=5_000),
    "task_evidence": Limits(max_bytes=20 * MB, max_unpacked=1024 * MB, max_entries=5_000),
}


class UploadProblem(ValueError):
    """Why a file is refused and what to do, as a Vietnamese template marked for the catalogue. code: "format"
    (not the format its name says, or not readable as one), "broken" (broken inside), "limit" (past a limit: too
    big, too many rows, a zip bomb), "content" (evidence whose content is not accepted)."""

    def __init__(self, message: str, code: str = "limit", **params) -> None:
        super().__init__(message)
        self.message, self.code, self.params = message, code, params

    def __str__(self) -> str:
        return self.translated(lambda text: text)

    def translated(self, translate) -> str:
        return translate(self.message) % self.params


def _n(number: int) -> str:
    """1048576 → '1.048.576', as Vietnamese writes it."""
    return f"{number:,}".replace(",", ".")


def _mb(size: int) -> str:
    return _n(max(1, size // MB))


# --- what the first bytes say a file is ------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    extensions: tuple[str, ...]


KINDS = {k.key: k for k in [
    Kind("pdf", "PDF", ("pdf",)),
    Kind("ole", "Word/Excel/PowerPoint 97–2003", ("doc", "xls", "ppt")),
    Kind("docx", "Word", ("docx",)),
    Kind("xlsx", "Excel", ("xlsx",)),
    Kind("pptx", "PowerPoint", ("pptx",)),
    Kind("odt", "OpenDocument", ("odt",)),
    Kind("ods", "OpenDocument", ("ods",)),
    Kind("odp", "OpenDocument", ("odp",)),
    Kind("png", "PNG", ("png",)),
    Kind("jpeg", "JPEG", ("jpg", "jpeg")),
    Kind("gif", "GIF", ("gif",)),
    Kind("webp", "WebP", ("webp",)),
    Kind("tiff", "TIFF", ("tif", "tiff")),
    Kind("zip", "ZIP", ("zip",)),
]}
EVIDENCE_KINDS = frozenset(KINDS)
# Inside a .zip of evidence: documents and images (an Office file is itself a zip, another .zip is not accepted).
ZIPPED_KINDS = EVIDENCE_KINDS - {"zip"}
ODF_MIMETYPES = {"application/vnd.oasis.opendocument.text": "odt",
                 "application/vnd.oasis.opendocument.spreadsheet": "ods",
                 "application/vnd.oasis.opendocument.presentation": "odp"}

_MAGIC = [
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"PK\x03\x04", "zip"),
]


def sniff(head: bytes) -> str | None:
    """The kind the first bytes of a file announce (zip-based Office files are told apart later), or None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def extension_of(name: str) -> str:
    base = (name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


# --- the checks ------------------------------------------------------------------------------------------------

def check(stream, name: str, limits: Limits, accept: tuple[str, ...]) -> str:
    """Checks an upload whose extension names one of the accepted formats ("docx", "xlsx", "csv"); returns the
    format. The stream is left at its start."""
    extension = extension_of(name)
    if extension not in accept:
        raise UploadProblem(gettext_noop("Tệp “%(name)s” không đúng loại: chỉ nhận %(accepted)s."), "format",
                            name=name, accepted=", ".join(f".{a}" for a in accept))
    try:
        _check_size(stream, name, limits)
        if extension == "csv":
            _check_csv(stream, name)
        else:
            with _open_zip(stream, name, limits, office=extension) as archive:
                _check_office(archive, name, extension, limits)
    finally:
        stream.seek(0)
    return extension


def check_evidence(stream, name: str, limits: Limits) -> Kind:
    """Checks an evidence file by its content; returns its kind. The stream is left at its start."""
    try:
        _check_size(stream, name, limits)
        kind = sniff(stream.read(16))
        if kind == "zip":
            with _open_zip(stream, name, limits, office=None) as archive:
                kind = _zip_kind(archive, name)
        if kind is None:
            raise UploadProblem(gettext_noop(
                "Tệp “%(name)s” không phải loại tài liệu kiểm chứng được nhận. Chỉ nhận PDF, Word, Excel, PowerPoint, "
                "OpenDocument, ảnh PNG, JPEG, GIF, WebP, TIFF, hoặc tệp nén .zip của các loại đó (không nhận trang "
                "web, ảnh SVG, tệp chạy được)."), "content", name=name)
        found = KINDS[kind]
        if extension_of(name) not in found.extensions:
            raise UploadProblem(gettext_noop(
                "Nội dung tệp “%(name)s” là %(found)s nhưng tên tệp có đuôi khác; hãy đặt lại tên tệp với đuôi "
                "%(extensions)s rồi tải lên lại."), "content", name=name, found=found.label,
                extensions=", ".join(f".{e}" for e in found.extensions))
    finally:
        stream.seek(0)
    return found


def _check_size(stream, name: str, limits: Limits) -> int:
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    if size > limits.max_bytes:
        raise UploadProblem(gettext_noop("Tệp “%(name)s” lớn hơn %(limit)s MB; hãy giảm dung lượng hoặc tách thành "
                                         "nhiều tệp."), name=name, limit=_mb(limits.max_bytes))
    if size == 0:
        raise UploadProblem(gettext_noop("Tệp “%(name)s” rỗng."), "format", name=name)
    return size


def _check_csv(stream, name: str) -> None:
    head = stream.read(64 * 1024)
    if b"\x00" in head or sniff(head) is not None:
        raise UploadProblem(gettext_noop("Tệp “%(name)s” không phải tệp CSV dạng văn bản: hãy xuất lại từ phần mềm "
                                         "một cửa dưới dạng CSV UTF-8 hoặc .xlsx."), "format", name=name)


_NOT_OFFICE = {
    "docx": gettext_noop("Không đọc được tệp “%(name)s”: tệp không phải văn bản Word (.docx), hoặc bị hỏng. Hãy mở bằng "
                         "Word, lưu lại dưới dạng .docx rồi tải lên lại."),
    "xlsx": gettext_noop("Không đọc được tệp “%(name)s”: tệp không phải bảng tính .xlsx, hoặc bị hỏng. Hãy mở bằng Excel, "
                         "lưu lại dưới dạng .xlsx rồi tải lên lại."),
    None: gettext_noop("Tệp nén “%(name)s” bị hỏng hoặc không đọc được; hãy nén lại rồi tải lên lại."),
}
_BROKEN = {
    "docx": gettext_noop("Tệp “%(name)s” bị hỏng: có phần nội dung không đọc được. Hãy mở bằng Word, lưu lại rồi tải "
                         "lên lại."),
    "xlsx": gettext_noop("Tệp “%(name)s” bị hỏng: có phần nội dung không đọc được. Hãy mở bằng Excel, lưu lại rồi tải "
                         "lên lại."),
}
_OFFICE_FOLDER = {"docx": "word/", "xlsx": "xl/"}
_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def _open_zip(stream, name: str, limits: Limits, office: str | None) -> zipfile.ZipFile:
    """The archive, once its directory shows no bomb; office is "docx"/"xlsx" for those formats, None for a .zip."""
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UploadProblem(_NOT_OFFICE[office], "format", name=name) from None
    try:
        if len(entries) > limits.max_entries:
            raise UploadProblem(gettext_noop("Tệp “%(name)s” chứa quá nhiều thành phần (%(count)s, tối đa %(limit)s); "
                                             "đây không phải một tài liệu thông thường."),
                                name=name, count=_n(len(entries)), limit=_n(limits.max_entries))
        total = 0
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise UploadProblem(gettext_noop("Tệp “%(name)s” có đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."),
                                    "format", name=name)
            if office and entry.compress_type not in _READABLE_METHODS:
                raise UploadProblem(_NOT_OFFICE[office], "format", name=name)
            total += entry.file_size
            if total > limits.max_unpacked:
                raise UploadProblem(gettext_noop("Tệp “%(name)s” khi giải nén lớn hơn %(limit)s MB; hãy bỏ bớt hình ảnh, "
                                                 "dữ liệu thừa hoặc tách thành nhiều tệp."),
                                    name=name, limit=_mb(limits.max_unpacked))
            if entry.file_size > RATIO_FLOOR and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
                raise UploadProblem(gettext_noop("Tệp “%(name)s” được nén bất thường (có phần giải nén ra lớn gấp hơn "
                                                 "%(ratio)s lần), như các tệp được làm ra để làm treo máy chủ; tệp không "
                                                 "được nhận. Hãy mở bằng Word hoặc Excel, lưu lại rồi tải lên lại."),
                                    name=name, ratio=_n(limits.max_ratio))
    except BaseException:
        archive.close()
        raise
    return archive


def _zip_kind(archive: zipfile.ZipFile, name: str) -> str | None:
    """docx, xlsx, pptx, odt… for Office files; zip for an archive of documents and images; None otherwise."""
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        for kind, folder in (("docx", "word/"), ("xlsx", "xl/"), ("pptx", "ppt/")):
            if any(n.startswith(folder) for n in names):
                return kind
        return None
    if "mimetype" in names:
        with archive.open("mimetype") as handle:
            return ODF_MIMETYPES.get(handle.read(100).decode("ascii", "replace").strip())
    for entry in archive.infolist():
        if entry.is_dir():
            continue
        inner = KINDS.get(_inner_kind(archive, entry) or "")
        if inner is None or inner.key not in ZIPPED_KINDS or extension_of(entry.filename) not in inner.extensions:
            raise UploadProblem(gettext_noop(
                "Tệp nén “%(name)s” có tệp “%(inner)s” không phải tài liệu hay ảnh được nhận (PDF, Word, Excel, "
                "PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, TIFF, với đúng đuôi tệp)."), "content",
                name=name, inner=entry.filename[-120:])
    return "zip"


def _inner_kind(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> str | None:
    try:
        with archive.open(entry) as handle:
            head = handle.read(16)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
        return None
    kind = sniff(head)
    if kind == "zip":  # an Office document inside the archive; told apart by its extension
        kind = {"docx": "docx", "xlsx": "xlsx", "pptx": "pptx", "odt": "odt", "ods": "ods", "odp": "odp"}.get(
            extension_of(entry.filename), "zip")
    return kind


def _check_office(archive: zipfile.ZipFile, name: str, office: str, limits: Limits) -> None:
    names = archive.namelist()
    if "[Content_Types].xml" not in names or not any(n.startswith(_OFFICE_FOLDER[office]) for n in names):
        raise UploadProblem(_NOT_OFFICE[office], "format", name=name)
    workbook = _Workbook(name, limits) if office == "xlsx" else None
    for entry in archive.infolist():
        # Readers find parts through the package's relationships, whatever their names: XML is known by its start.
        if not (entry.filename.lower().endswith((".xml", ".rels", ".vml")) or _looks_like_xml(archive, entry)):
            continue
        limit = limits.max_part
        if entry.file_size > limit:
            raise UploadProblem(gettext_noop("Tệp “%(name)s” có phần nội dung lớn hơn %(limit)s MB khi giải nén; hãy "
                                             "tách thành nhiều tệp."), name=name, limit=_mb(limit))
        try:
            root = _root_name(archive, entry)
            if workbook is not None and root == "worksheet":
                workbook.read_sheet(archive, entry)
            elif workbook is not None and root == "sst":
                workbook.read_shared_strings(archive, entry)
            else:
                _parse(archive, entry)
        except UploadProblem:
            raise
        except (etree.XMLSyntaxError, _Broken, zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise UploadProblem(_BROKEN[office], "broken", name=name) from None
    if workbook is not None:
        workbook.finish()


class _Broken(Exception):
    """An XML part that parses but is not what Office writes (a DTD, a cell reference that is no reference)."""


def _iterparse(handle, **kwargs):
    return etree.iterparse(handle, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, **kwargs)


def _no_dtd(context) -> None:
    root = getattr(context, "root", None)
    if root is not None and root.getroottree().docinfo.doctype:
        raise _Broken("DTD")


def _looks_like_xml(archive, entry) -> bool:
    try:
        with archive.open(entry) as handle:
            head = handle.read(64)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, RuntimeError):
        return True  # unreadable: parsing it says so
    return head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or head.lstrip().startswith(b"<")


def _root_name(archive, entry) -> str:
    with archive.open(entry) as handle:
        for _event, element in _iterparse(handle, events=("start",)):
            return etree.QName(element).localname
    return ""


def _parse(archive, entry) -> None:
    """Reads the whole part, keeping no tree: it must be well-formed XML without a DTD."""
    with archive.open(entry) as handle:
        context = _iterparse(handle, events=("end",))
        for _event, element in context:
            element.clear()
        _no_dtd(context)


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_COLUMN_LETTERS = re.compile(r"\$?([A-Za-z]{1,3})\$?")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _reference(text: str) -> tuple[int, int]:
    """'XFD1048576' → (1048576, 16384)."""
    match = _CELL_REF.fullmatch(text.strip())
    if not match:
        raise _Broken(text[:40])
    return int(match.group(2)), _column_number(match.group(1))


class _Workbook:
    """What the sheets and shared strings of an .xlsx hold, read as a stream, against the limits."""

    def __init__(self, name: str, limits: Limits):
        self.name, self.limits = name, limits
        self.cells = 0
        self.shared_strings: int | None = None
        self.highest_shared = -1
        self.shared_bytes = 0
        self._columns: dict[str, int] = {}

    def _too_long(self, length: int) -> None:
        if length > self.limits.max_text:
            raise UploadProblem(gettext_noop("Bảng tính “%(name)s” có ô dài %(length)s ký tự, quá giới hạn %(limit)s "
                                             "ký tự một ô của Excel; tệp không được nhận."),
                                name=self.name, length=_n(length), limit=_n(self.limits.max_text))

    def _check_extent(self, rows: int, columns: int) -> None:
        if rows > self.limits.max_rows:
            raise UploadProblem(gettext_noop("Bảng tính “%(name)s” có dữ liệu đến dòng %(rows)s, quá giới hạn %(limit)s "
                                             "dòng; hãy xoá các dòng thừa hoặc tách thành nhiều tệp."),
                                name=self.name, rows=_n(rows), limit=_n(self.limits.max_rows))
        if columns > self.limits.max_columns:
            raise UploadProblem(gettext_noop("Bảng tính “%(name)s” có dữ liệu đến cột thứ %(columns)s, quá giới hạn "
                                             "%(limit)s cột; hãy xoá các cột thừa rồi tải lên lại."),
                                name=self.name, columns=_n(columns), limit=_n(self.limits.max_columns))

    def _declared(self, ref: str) -> None:
        """The range a sheet declares: openpyxl's reader fills every row up to it, so it counts as used."""
        corners = [_reference(part) for part in ref.split(":")]
        rows, columns = max(r for r, _ in corners), max(c for _, c in corners)
        if rows > self.limits.max_rows or columns > self.limits.max_columns:
            raise UploadProblem(gettext_noop(
                "Bảng tính “%(name)s” khai báo vùng dữ liệu %(range)s (%(rows)s dòng, %(columns)s cột), quá giới hạn "
                "%(max_rows)s dòng, %(max_columns)s cột. Hãy xoá các dòng, cột thừa, lưu lại rồi tải lên lại."),
                name=self.name, range=ref[:40], rows=_n(rows), columns=_n(columns),
                max_rows=_n(self.limits.max_rows), max_columns=_n(self.limits.max_columns))

    def _column(self, letters: str) -> int:
        """The column number of a cell reference's letters ('XFD' → 16384), remembered: sheets repeat them."""
        number = self._columns.get(letters)
        if number is None:
            match = _COLUMN_LETTERS.fullmatch(letters)
            if not match:
                raise _Broken(letters[:40])
            number = self._columns[letters] = _column_number(match.group(1))
        return number

    def read_sheet(self, archive, entry) -> None:
        last_row = 0
        with archive.open(entry) as handle:
            context = _iterparse(handle, events=("end",), tag=("{*}dimension", "{*}row", "{*}t"))
            for _event, element in context:
                tag = element.tag
                if tag.endswith("}t"):
                    if element.text and len(element.text) > self.limits.max_text:
                        self._too_long(len(element.text))
                    continue
                if tag.endswith("}dimension"):
                    self._declared(element.get("ref") or "A1")
                    continue
                # As openpyxl reads a row: its number, else the next; a cell's column, else the next.
                row = element.get("r")
                last_row = int(row) if row is not None else last_row + 1
                column = widest = cells = 0
                columns = self._columns
                for cell in element.iterchildren("{*}c"):
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        column = columns.get(letters) or self._column(letters)
                    else:
                        column += 1
                    if column > widest:
                        widest = column
                    cells += 1
                    if cell.get("t") == "s":
                        value = cell.find("{*}v")
                        if value is not None and value.text:
                            self.highest_shared = max(self.highest_shared, int(value.text))
                self._check_extent(last_row, widest)
                self.cells += cells
                if self.cells > self.limits.max_cells:
                    raise UploadProblem(gettext_noop("Bảng tính “%(name)s” có hơn %(limit)s ô dữ liệu; hãy tách thành "
                                                     "nhiều tệp."), name=self.name, limit=_n(self.limits.max_cells))
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
            _no_dtd(context)

    def read_shared_strings(self, archive, entry) -> None:
        self.shared_bytes += entry.file_size
        if self.shared_bytes > self.limits.max_shared_strings:
            raise UploadProblem(gettext_noop("Bảng tính “%(name)s” có phần chữ lớn hơn %(limit)s MB khi giải nén; hãy "
                                             "tách thành nhiều tệp."), name=self.name,
                                limit=_mb(self.limits.max_shared_strings))
        count = 0
        with archive.open(entry) as handle:
            context = _iterparse(handle, events=("end",), tag="{*}si")
            for _event, element in context:
                count += 1
                self._too_long(sum(len(t.text or "") for t in element.iter("{*}t")))
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
            _no_dtd(context)
        self.shared_strings = (self.shared_strings or 0) + count

    def finish(self) -> None:
        """A cell naming a shared string the workbook does not have is a broken file (openpyxl would fail on it)."""
        if self.highest_shared >= (self.shared_strings or 0):
            raise UploadProblem(_BROKEN["xlsx"], "broken", name=self.name)
