"""PDF through LibreOffice in headless mode, where it is installed.

Each conversion gets its own LibreOffice profile directory: two conversions sharing one profile block each other
(or fail) when requests or test workers run in parallel.
"""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 120


class ConversionError(Exception):
    """The document could not be turned into PDF; the message is for the user, in Vietnamese."""


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return office_binary() is not None


def to_pdf(data: bytes, suffix: str) -> bytes:
    """The PDF of a .docx or .xlsx given as bytes."""
    binary = office_binary()
    if binary is None:
        raise ConversionError("Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; vui lòng tải bản Word hoặc Excel.")
    suffix = "." + suffix.lstrip(".")
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as work:
        work_dir = Path(work)
        source = work_dir / f"document{suffix}"
        source.write_bytes(data)
        profile = (work_dir / "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--convert-to", "pdf", "--outdir", str(work_dir), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=work_dir)
        except subprocess.TimeoutExpired:
            raise ConversionError("LibreOffice không chuyển xong văn bản sang PDF trong thời gian cho phép; vui lòng thử lại.")
        except OSError as error:
            raise ConversionError(f"Không chạy được LibreOffice để xuất PDF ({error.strerror}).")
        output = work_dir / "document.pdf"
        if not output.exists():
            raise ConversionError("LibreOffice không tạo được tệp PDF từ văn bản này; vui lòng tải bản Word hoặc Excel.")
        pdf = output.read_bytes()
    if page_count(pdf) < 1:
        raise ConversionError("Tệp PDF tạo ra không có trang nào; vui lòng tải bản Word hoặc Excel.")
    return pdf


def page_count(pdf: bytes) -> int:
    """Pages in a PDF, read from its page objects (enough for the PDFs LibreOffice writes)."""
    if not pdf.startswith(b"%PDF"):
        return 0
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def to_png_pages(pdf: bytes, out_dir: Path, resolution: int = 60) -> list[Path]:
    """Renders each page to PNG with pdftoppm (used by tests and to check a layout by eye)."""
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise ConversionError("pdftoppm is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run([binary, "-png", "-r", str(resolution), str(source), str(out_dir / "page")],
                   check=True, timeout=TIMEOUT_SECONDS, capture_output=True)
    return sorted(out_dir.glob("page*.png"))
