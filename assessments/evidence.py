"""What cchc reads from an evidence file (tài liệu kiểm chứng): its SHA-256 and, for a signed PDF, who signed it
and when. Plain functions over bytes, no ORM.

The signature is checked for integrity (the signed bytes are unchanged and the signature matches the signer's
certificate) and for coverage: a signature vouches only for the bytes it signed, so a file that goes on past them
(an incremental update appended after signing: a changed page, a new annotation) reads "được ký nhưng tệp đã bị
sửa sau khi ký". What a later update may add without breaking the signature is pyHanko's difference analysis:
further signatures and their validation data (several people signing one document, the agency's seal signature
after the director's) and nothing else. The signing time is the one a timestamp authority's token gives when the
signature carries one (checked to belong to this very signature); otherwise it is only the signer's own clock, and
the page says so. Whether that certificate chains to a trusted certification authority is checked against the root
certificates the administrator places in CCHC_TRUSTED_CA_DIR (for Vietnamese agencies: the Government's root CA
of Ban Cơ yếu Chính phủ, and any public CA they accept), offline and at the time the signature claims; with no
root configured the question stays open (None) rather than answered "no".
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.uploads import KINDS

logger = logging.getLogger(__name__)

MAX_EVIDENCE_BYTES = 30 * 1024 * 1024
# The names of the kinds evidence is accepted as; the upload form checks the content itself (core.uploads).
ALLOWED_EXTENSIONS = {extension for kind in KINDS.values() for extension in kind.extensions}


@dataclass(frozen=True)
class Signature:
    signer: str
    signed_at: datetime | None
    intact: bool
    trusted: bool | None = None
    # The signed bytes are unchanged but the file was changed after signing (then intact is False too).
    modified: bool = False
    # signed_at comes from a timestamp token; False: from the signer's own clock only.
    timestamped: bool = False


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


def load_trust_roots(folder) -> list:
    """The root certificates (.cer, .crt, .pem, .der; PEM or DER) in a folder; unreadable files are logged and
    skipped, a missing folder gives []."""
    from asn1crypto import pem, x509

    roots = []
    path = Path(folder) if folder else None
    if path is None or not path.is_dir():
        return roots
    for file in sorted(path.iterdir()):
        if file.suffix.lower() not in {".cer", ".crt", ".pem", ".der"}:
            continue
        try:
            data = file.read_bytes()
            blobs = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
            certificates = [x509.Certificate.load(der) for der in blobs]
            for certificate in certificates:
                _ = certificate.native  # parsed now: a broken file is skipped here, not at validation
        except Exception as error:
            logger.warning("Trusted root %s not readable: %s", file.name, error)
            continue
        roots.extend(certificates)
    return roots


def _chains_to(embedded, roots: list) -> bool:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                moment=embedded.self_reported_timestamp or None)
    try:
        return bool(validate_pdf_signature(embedded, context).trusted)
    except Exception as error:  # a path that cannot be built or checked is "not trusted", never an error page
        logger.info("Signature chain not validated: %s", error)
        return False


def _modified_after_signing(embedded, data: bytes) -> bool:
    """The file holds bytes after this signature's other than whitespace, further signatures and their validation
    data (or its coverage cannot be established)."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, DiffResult, ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = embedded.evaluate_signature_coverage()
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return False
    _start, _first, second, length = (int(n) for n in embedded.byte_range)
    if not data[second + length:].strip():
        return False  # a line end added in transit
    later = embedded.signed_revision < embedded.reader.xrefs.total_revisions - 1
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION or not later:
        return True  # bytes appended that no PDF revision explains
    embedded.coverage = coverage
    result = embedded.evaluate_modifications(DEFAULT_DIFF_POLICY)
    return not (isinstance(result, DiffResult) and result.modification_level <= ModificationLevel.FORM_FILLING)


def _timestamp(embedded) -> datetime | None:
    """The time a timestamp authority vouches for, when the signature carries a token made for it; else None."""
    from pyhanko.sign.general import extract_certificate_info, extract_signer_info, find_unique_cms_attribute
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    try:
        token = find_unique_cms_attribute(embedded.signer_info["unsigned_attrs"], "signature_time_stamp_token")
    except Exception:  # no token (the usual case), or a malformed attribute: the signer's clock only
        return None
    signed_data = token["content"]
    info = signed_data["encap_content_info"]["content"].parsed
    imprint = info["message_imprint"]
    algorithm = imprint["hash_algorithm"]["algorithm"].native
    if hashlib.new(algorithm, embedded.signer_info["signature"].native).digest() != imprint["hashed_message"].native:
        return None
    certificates = extract_certificate_info(signed_data)
    tsa_info, tsa_cert = extract_signer_info(signed_data), certificates.signer_cert
    token_digest = hashlib.new(tsa_info["digest_algorithm"]["algorithm"].native,
                               signed_data["encap_content_info"]["content"].contents).digest()
    intact, valid = validate_sig_integrity(tsa_info, tsa_cert, expected_content_type="tst_info",
                                           actual_digest=token_digest)
    return info["gen_time"].native if intact and valid else None


def read_signatures(data: bytes, trust_roots: list | None = None) -> list[Signature]:
    """The digital signatures embedded in a PDF; [] for other files or unreadable PDFs. With trust_roots, each
    signature also says whether its certificate chains to one of them."""
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
            modified = False
            try:
                intact, valid = validate_sig_integrity(embedded.signer_info, cert, expected_content_type="data",
                                                       actual_digest=embedded.compute_digest())
                modified = bool(intact and valid) and _modified_after_signing(embedded, data)
            except Exception:  # a malformed signature is reported as not intact, never as an error page
                intact = valid = False
            try:
                stamped = _timestamp(embedded)
            except Exception:  # an unreadable token proves no time: the signer's clock is all there is
                stamped = None
            trusted = _chains_to(embedded, trust_roots) if trust_roots else None
            found.append(Signature(signer, stamped or embedded.self_reported_timestamp,
                                   bool(intact and valid) and not modified, trusted, modified=modified,
                                   timestamped=stamped is not None))
        return found
    except Exception as error:  # pyHanko raises many kinds on broken PDFs; the upload itself stays fine
        logger.info("PDF signature not readable: %s", error)
        return []
