"""Evidence files: hash, digital signature read with pyHanko (signed in the test with a self-made certificate),
signed before or after the criterion's deadline, its chain to a trusted root, refused files, and carrying forward
to next year."""

import datetime
import hashlib
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from assessments import actions
from assessments.evidence import load_trust_roots, read_signatures
from assessments.tests.builders import internal_framework, open_assessment, score_of

pytestmark = pytest.mark.django_db


def certificate_authority(name: str):
    """A root CA as a (certificate, key) pair of the cryptography package."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    usage = x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                          encipher_only=False, decipher_only=False)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=30))
                   .not_valid_after(now + datetime.timedelta(days=3650))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .add_extension(usage, critical=True)
                   .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                   .sign(key, hashes.SHA256()))
    return certificate, key


def signed_pdf(signer_name: str, organisation: str, tamper: bool = False, authority=None, stamped_at=None,
               onto: bytes | None = None) -> bytes:
    """A one-page PDF signed by a self-signed certificate, or by one that `authority` (certificate, key) issued;
    with `stamped_at`, the signature carries a timestamp token of that time; with `onto`, it signs that PDF again
    (a second signer, in an incremental update)."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.writer import PdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, signer_name),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])
    now = datetime.datetime.now(datetime.UTC)
    issuer, issuer_key = authority if authority else (None, key)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer.subject if issuer else name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365)))
    if issuer:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
            critical=True).add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                                         critical=False)
    cert = builder.sign(issuer_key, hashes.SHA256())
    signing_cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    chain = [signing_cert]
    if issuer:
        chain.append(asn1_x509.Certificate.load(issuer.public_bytes(serialization.Encoding.DER)))
    signing_key = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    writer = PdfFileWriter()
    writer.insert_page(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Page"),
        generic.NameObject("/MediaBox"): generic.ArrayObject([generic.NumberObject(n) for n in (0, 0, 595, 842)]),
    }))
    blank = io.BytesIO(onto) if onto else io.BytesIO()
    if not onto:
        writer.write(blank)
    blank.seek(0)
    signer = signers.SimpleSigner(signing_cert=signing_cert, signing_key=signing_key,
                                  cert_registry=SimpleCertificateStore.from_certs(chain))
    timestamper = None
    if stamped_at:
        from pyhanko.sign.timestamps import DummyTimeStamper

        tsa_cert, tsa_key = _tsa()
        timestamper = DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key, fixed_dt=stamped_at)
    field = "ChuKySo2" if onto else "ChuKySo"
    data = signers.sign_pdf(IncrementalPdfFileWriter(blank), signers.PdfSignatureMetadata(field_name=field),
                            signer=signer, timestamper=timestamper).getvalue()
    if tamper:
        spot = data.find(b"/MediaBox")
        data = data[:spot] + b"/MediaBoX" + data[spot + 9:]
    return data


def _tsa():
    """A timestamp authority's certificate and key (asn1crypto), as pyHanko's test time stamper wants them."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    certificate, key = certificate_authority("Dịch vụ cấp dấu thời gian (thử)")
    usage = x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING])
    now = datetime.datetime.now(datetime.UTC)
    tsa = (x509.CertificateBuilder().subject_name(certificate.subject).issuer_name(certificate.subject)
           .public_key(key.public_key()).serial_number(x509.random_serial_number())
           .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
           .add_extension(usage, critical=True).sign(key, hashes.SHA256()))
    return (asn1_x509.Certificate.load(tsa.public_bytes(serialization.Encoding.DER)),
            asn1_keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER,
                                                            serialization.PrivateFormat.PKCS8,
                                                            serialization.NoEncryption())))


def changed_after_signing(data: bytes) -> bytes:
    """The signed PDF with an incremental update that turns its page: its signed bytes stay as they were."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[generic.NameObject("/Rotate")] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def land(cast):
    return open_assessment(cast, "qldd", internal_framework(cast))


def test_signed_pdf_tells_signer_time_and_whether_signed_before_the_deadline(cast, land):
    data = signed_pdf("Nguyễn Văn Bình", "Phòng Quản lý đất đai")
    found = read_signatures(data)
    assert len(found) == 1 and found[0].intact
    assert found[0].signer == "Nguyễn Văn Bình (Phòng Quản lý đất đai)"
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach-cchc-2024.pdf", data=data,
                                period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.signer == "Nguyễn Văn Bình (Phòng Quản lý đất đai)" and item.signature_intact is True
    assert item.signed_at is not None
    # criterion 1.1 is due 31/01/2024; a plan signed today is late
    assert item.signed_in_time is False
    criterion = item.score.criterion
    criterion.deadline = item.signed_at.date() + datetime.timedelta(days=1)
    criterion.save()
    item.score.criterion = criterion
    assert item.signed_in_time is True


def test_a_tampered_signed_pdf_is_flagged_and_unsigned_files_just_have_a_hash(cast, land):
    assert read_signatures(signed_pdf("Trần Thị Hoa", "Văn phòng Sở", tamper=True))[0].intact is False
    assert read_signatures(b"%PDF-1.4 not really a pdf") == []
    plain = actions.add_evidence(score_of(land, "1.2"), by=cast.lan, name="bao-cao-quy-3.docx", data=b"PK docx bytes")
    assert plain.signer == "" and plain.signature_intact is None and plain.signed_in_time is None


def test_a_signature_is_trusted_when_it_chains_to_a_root_the_administrator_set_up(cast, land, settings, tmp_path):
    from cryptography.hazmat.primitives import serialization

    government_ca = certificate_authority("Root CA - Ban Cơ yếu Chính phủ (thử)")
    other_ca = certificate_authority("Một tổ chức chứng thực khác")
    issued = signed_pdf("Nguyễn Văn Bình", "Phòng Quản lý đất đai", authority=government_ca)
    self_signed = signed_pdf("Trần Thị Hoa", "Văn phòng Sở")
    as_pem = government_ca[0].public_bytes(serialization.Encoding.PEM)
    as_der = other_ca[0].public_bytes(serialization.Encoding.DER)

    folder = tmp_path / "trusted-ca"
    folder.mkdir()
    assert read_signatures(issued, load_trust_roots(folder))[0].trusted is None, "no root set up: not answered"
    (folder / "khac.cer").write_bytes(as_der)
    (folder / "hong.crt").write_bytes(b"not a certificate")
    assert len(load_trust_roots(folder)) == 1, "a broken file is skipped"
    assert read_signatures(issued, load_trust_roots(folder))[0].trusted is False
    (folder / "chinh-phu.pem").write_bytes(as_pem)
    roots = load_trust_roots(folder)
    assert [s.trusted for s in read_signatures(issued, roots)] == [True]
    assert [s.trusted for s in read_signatures(self_signed, roots)] == [False]
    assert read_signatures(signed_pdf("Lê Văn Nam", "Văn phòng Sở", tamper=True, authority=government_ca),
                           roots)[0].intact is False

    settings.CCHC_TRUSTED_CA_DIR = folder
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="quyet-dinh.pdf", data=issued)
    assert (item.signature_intact, item.signature_trusted) == (True, True)
    page = Client()
    page.force_login(cast.lan)
    html = page.get(reverse("assessments:detail", args=[land.pk])).content.decode()
    assert "chứng thư tin cậy" in html
    plain = actions.add_evidence(score_of(land, "1.2"), by=cast.lan, name="bao-cao.pdf", data=self_signed)
    assert plain.signature_trusted is False


@pytest.mark.parametrize(("name", "data", "message"), [
    ("virus.exe", b"MZ", "không đúng định dạng"),
    ("rong.pdf", b"", "rỗng"),
])
def test_refused_files_say_why(cast, land, name, data, message):
    with pytest.raises(ValidationError, match=message):
        actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name=name, data=data)


def test_next_year_starts_from_this_year_with_still_valid_evidence(cast, land):
    actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="quy-che-2023-2025.pdf", data=b"%PDF quy che",
                         period_start=date(2023, 1, 1), period_end=date(2025, 12, 31))
    actions.add_evidence(score_of(land, "1.2"), by=cast.lan, name="bao-cao-2024.pdf", data=b"%PDF bao cao",
                         period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    from frameworks.actions import copy_framework

    framework_2025 = copy_framework(land.framework, by=cast.mai, year=2025, title="Bộ tiêu chí năm 2025")
    following = actions.start_assessment(by=cast.mai, framework=framework_2025, unit=cast.unit("qldd"),
                                         window_start=date(2025, 1, 1), window_end=date(2025, 11, 30), start_from=land)
    carried = {e.name: e for s in following.scores.all() for e in s.evidence.all()}
    assert list(carried) == ["quy-che-2023-2025.pdf"]
    assert carried["quy-che-2023-2025.pdf"].score.criterion.code == "1.1"
    assert score_of(following, "1.1").criterion.deadline == date(2025, 1, 31), "deadlines move with the year"


def test_a_signed_pdf_changed_after_signing_says_so(cast, land, client_for):
    original = signed_pdf("Nguyễn Văn Bình", "Phòng Quản lý đất đai")
    turned = changed_after_signing(original)
    assert turned.startswith(original), "the signed bytes are all still there"
    [signature] = read_signatures(turned)
    assert (signature.intact, signature.modified) == (False, True)
    [appended] = read_signatures(original + b"\n%% noi dung them sau khi ky\n1 0 obj\n(x)\nendobj\n")
    assert (appended.intact, appended.modified) == (False, True)
    [newline] = read_signatures(original + b"\r\n")
    assert (newline.intact, newline.modified) == (True, False), "a line end added in transit changes nothing"
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach-da-sua.pdf", data=turned)
    assert (item.signature_intact, item.signature_modified) == (False, True)
    html = client_for(cast.lan).get(reverse("assessments:detail", args=[land.pk])).content.decode()
    assert "được ký nhưng tệp đã bị sửa sau khi ký" in html


def test_a_second_signature_is_not_a_change_to_the_first(cast, land):
    director = signed_pdf("Phan Văn Mạnh", "Sở Tài nguyên và Môi trường")
    sealed = signed_pdf("Văn thư", "Sở Tài nguyên và Môi trường", onto=director)
    first, second = read_signatures(sealed)
    assert (first.signer, first.intact, first.modified) == ("Phan Văn Mạnh (Sở Tài nguyên và Môi trường)", True, False)
    assert (second.intact, second.modified) == (True, False)
    [changed, _second] = read_signatures(signed_pdf("Văn thư", "Sở TNMT", onto=changed_after_signing(director)))
    assert changed.modified is True, "a change slipped in between two signatures is still a change"


def test_the_signing_time_says_whose_clock_it_is(cast, land, client_for):
    moment = datetime.datetime(2024, 1, 20, 8, 30, tzinfo=datetime.UTC)
    [stamped] = read_signatures(signed_pdf("Nguyễn Văn Bình", "Phòng Quản lý đất đai", stamped_at=moment))
    assert (stamped.intact, stamped.timestamped, stamped.signed_at) == (True, True, moment)
    [own_clock] = read_signatures(signed_pdf("Trần Thị Hoa", "Văn phòng Sở"))
    assert own_clock.timestamped is False
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach.pdf",
                                data=signed_pdf("Nguyễn Văn Bình", "Phòng Quản lý đất đai", stamped_at=moment))
    assert item.signature_timestamped is True and item.signed_in_time is True, "20/01/2024, before 31/01/2024"
    plain = actions.add_evidence(score_of(land, "1.2"), by=cast.lan, name="bao-cao.pdf",
                                 data=signed_pdf("Trần Thị Hoa", "Văn phòng Sở"))
    assert plain.signature_timestamped is False
    html = client_for(cast.lan).get(reverse("assessments:detail", args=[land.pk])).content.decode()
    assert html.count("giờ theo máy người ký") == 1 and "có dấu thời gian" in html
