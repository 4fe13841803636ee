"""What cchc reads from an evidence file (tài liệu kiểm chứng): its SHA-256 and, for a signed PDF, who signed it
and when. Plain functions over bytes, no ORM.

The signature is checked for integrity (the signed bytes are unchanged and the signature matches the signer's
certificate); whether that certificate chains to a trusted Vietnamese CA is not checked here.
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime

logger = logging.getLogger(__name__)

MAX_EVIDENCE_BYTES = 30 * 1024 * 1024
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx", "png", "jpg", "jpeg", "zip", "odt", "ods", "txt"}


@dataclass(frozen=True)
class Signature:
    signer: str
    signed_at: datetime | None
    intact: bool


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_upload(name: str, size: int) -> str | None:
    """A Vietnamese message if the file cannot be accepted, else None."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_EXTENSIONS:
        return f"Tệp “{name}” không đúng định dạng. Chấp nhận: {', '.join(sorted(ALLOWED_EXTENSIONS))}."
    if size == 0:
        return f"Tệp “{name}” rỗng."
    if size > MAX_EVIDENCE_BYTES:
        return f"Tệp “{name}” lớn hơn 30 MB; hãy nén hoặc tách tệp."
    return None


def read_signatures(data: bytes) -> list[Signature]:
    """The digital signatures embedded in a PDF; [] for other files or unreadable PDFs."""
    if not data.startswith(b"%PDF"):
        return []
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation.generic_cms import validate_sig_integrity

        reader = PdfFileReader(io.BytesIO(data), strict=False)
        found = []
        for embedded in reader.embedded_signatures:
            cert = embedded.signer_cert
            subject = cert.subject.native
            signer = subject.get("common_name") or cert.subject.human_friendly
            if subject.get("organization_name"):
                signer = f"{signer} ({subject['organization_name']})"
            try:
                intact, valid = validate_sig_integrity(embedded.signer_info, cert, expected_content_type="data",
                                                       actual_digest=embedded.compute_digest())
            except Exception:  # a malformed signature is reported as not intact, never as an error page
                intact = valid = False
            found.append(Signature(signer, embedded.self_reported_timestamp, bool(intact and valid)))
        return found
    except Exception as error:  # pyHanko raises many kinds on broken PDFs; the upload itself stays fine
        logger.info("PDF signature not readable: %s", error)
        return []
