"""Old Word files (.doc) and OpenDocument texts (.odt) turned into .docx by LibreOffice, then read like any .docx.

LibreOffice is called as `documents.pdf` calls it: headless, in a temporary directory of its own with its own
profile (two conversions sharing a profile block each other), under a time limit.
"""

import subprocess
import tempfile
from pathlib import Path

from documents.pdf import office_binary

TIMEOUT_SECONDS = 90


class ConversionFailed(Exception):
    """LibreOffice could not turn the file into .docx; the message is for the user, in Vietnamese."""


def to_docx(data: bytes, suffix: str) -> bytes:
    """The .docx LibreOffice writes from a .doc or .odt given as bytes."""
    kind = "Word cũ (.doc)" if suffix == ".doc" else "OpenDocument (.odt)"
    binary = office_binary()
    if binary is None:
        raise ConversionFailed(f"Máy chủ chưa cài LibreOffice nên chưa đọc được tệp {kind}. Hãy mở bằng Word hoặc "
                               "LibreOffice, lưu thành .docx rồi tải lên lại.")
    with tempfile.TemporaryDirectory(prefix="cchc-import-") as work:
        work_dir = Path(work)
        source = work_dir / f"ke-hoach{suffix}"
        source.write_bytes(data)
        profile = (work_dir / "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work_dir / "out"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, cwd=work_dir)
        except subprocess.TimeoutExpired:
            raise ConversionFailed(f"Chuyển tệp {kind} sang .docx quá lâu. Hãy mở bằng Word, lưu thành .docx rồi "
                                   "tải lên lại.") from None
        except OSError:
            raise ConversionFailed(f"Không chạy được LibreOffice để đọc tệp {kind}. Hãy lưu thành .docx rồi tải "
                                   "lên lại.") from None
        output = work_dir / "out" / "ke-hoach.docx"
        if not output.exists() or output.stat().st_size == 0:
            raise ConversionFailed(f"Không đọc được tệp {kind} này: tệp có thể bị hỏng. Hãy mở bằng Word, lưu thành "
                                   ".docx rồi tải lên lại.")
        return output.read_bytes()
