"""PDF through LibreOffice in headless mode, where it is installed.

A LibreOffice kept running by the worker (unoserver, `warm_server()`) converts a document in a fraction of a
second; when none answers at CCHC_UNOSERVER, a LibreOffice is started for the one document (`soffice
--convert-to`), with its own profile directory: two conversions sharing one profile block each other (or fail)
when requests or test workers run in parallel.
"""

import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 120


class ConversionError(Exception):
    """The document could not be turned into PDF; the message is for the user, in Vietnamese."""


# LibreOffice writes numbers in its locale: in Vietnamese a workbook's 9.376 prints as "9,376" and 2817 as "2.817"
# (the cell stays a number). Word documents are unaffected: their text is already written in Vietnamese.
OFFICE_LOCALE = {"LC_ALL": "vi_VN.UTF-8", "LANG": "vi_VN.UTF-8", "LANGUAGE": "vi"}


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return office_binary() is not None


def to_pdf(data: bytes, suffix: str) -> bytes:
    """The PDF of a .docx or .xlsx given as bytes."""
    return convert(data, suffix)[0]


def convert(data: bytes, suffix: str) -> tuple[bytes, str]:
    """(the PDF, "warm" or "cold"): through the running LibreOffice if one answers, else a LibreOffice of its own."""
    pdf = _convert_warm(data, suffix)
    if pdf is not None:
        return pdf, "warm"
    return _convert_cold(data, suffix), "cold"


def _server_address() -> tuple[str, int] | None:
    host, _, port = (getattr(settings, "CCHC_UNOSERVER", "") or "").rpartition(":")
    return (host or "127.0.0.1", int(port)) if port.isdigit() else None


def _answers(address: tuple[str, int]) -> bool:
    try:
        with socket.create_connection(address, timeout=0.5):
            return True
    except OSError:
        return False


# Bytes arrive without a file name, so LibreOffice is told what they are rather than left to guess. Workbooks
# sent as a stream are refused by LibreOffice 7.4's Calc filter through unoserver: they take the cold way.
_IMPORT_FILTERS = {"docx": "MS Word 2007 XML"}


def _convert_warm(data: bytes, suffix: str) -> bytes | None:
    address = _server_address()
    kind = suffix.lstrip(".").lower()
    if kind not in _IMPORT_FILTERS or address is None or not _answers(address):
        return None
    from unoserver.client import UnoClient

    try:
        pdf = UnoClient(server=address[0], port=str(address[1]), host_location="remote").convert(
            indata=data, convert_to="pdf", infiltername=_IMPORT_FILTERS[kind])
    except Exception as error:  # the server went away or refused this document: the cold way still may work
        logger.warning("unoserver conversion failed (%s); starting LibreOffice for this document", error)
        return None
    if not pdf or page_count(pdf) < 1:
        return None
    return pdf


def uno_python() -> str | None:
    """A Python that can import LibreOffice's uno module (Debian's python3-uno is for the system Python)."""
    for candidate in (os.environ.get("CCHC_UNO_PYTHON", ""), "/usr/bin/python3", sys.executable):
        if candidate and Path(candidate).exists():
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30, check=False)
            if probe.returncode == 0:
                return candidate
    return None


def warm_server() -> subprocess.Popen | None:
    """Starts one LibreOffice behind unoserver at CCHC_UNOSERVER (the worker owns it and stops it); None where
    LibreOffice or its Python bridge is missing, and conversions then start their own."""
    address, binary, python = _server_address(), office_binary(), None
    if address is None or binary is None or _answers(address):
        return None
    python = uno_python()
    if python is None:
        logger.warning("LibreOffice's Python bridge (python3-uno) is missing: PDFs start one LibreOffice each")
        return None
    import unoserver

    env = {**os.environ, **OFFICE_LOCALE, "PYTHONPATH": str(Path(unoserver.__file__).parent.parent)}
    profile = Path(tempfile.mkdtemp(prefix="cchc-unoserver-"))
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [python, "-m", "unoserver.server", "--interface", address[0], "--port", str(address[1]),
         "--uno-port", str(_free_port()), "--executable", binary, "--user-installation", str(profile),
         "--conversion-timeout", str(TIMEOUT_SECONDS), "--quiet"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    process.profile_dir = profile  # type: ignore[attr-defined]
    return process


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_server(process: subprocess.Popen | None) -> None:
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    shutil.rmtree(getattr(process, "profile_dir", ""), ignore_errors=True)


def _convert_cold(data: bytes, suffix: str) -> bytes:
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
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=work_dir,
                           env={**os.environ, **OFFICE_LOCALE})
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
