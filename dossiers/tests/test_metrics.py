"""Criteria read the dossier rates through the metrics registry (interface 4)."""

from datetime import date
from decimal import Decimal

from dossiers.tests.helpers import SAMPLE, import_bytes, make_catalogue
from frameworks.metrics import compute_metric, metric_choices


def test_the_four_rates_are_registered():
    keys = {key for key, _ in metric_choices()}
    assert {"dossiers.on_time_rate", "dossiers.online_rate", "dossiers.online_payment_rate",
            "dossiers.digitisation_rate"} <= keys


def test_a_criterion_reads_the_on_time_rate_of_a_unit_and_its_window(cast, client_for):
    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    value = compute_metric("dossiers.on_time_rate", cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert value.value == Decimal("66.67")
    assert value.detail == "4/6 hồ sơ đúng hạn"
    page = client_for(cast.mai).get(value.evidence_url)
    assert page.status_code == 200
    assert \
        sorted(d.code for d in page.context["page"]) == ["H01", "H02", "H03", "H04", "H05", "H08"]

    land_office = compute_metric("dossiers.online_payment_rate", cast.unit("vpdkdd"), date(2024, 1, 1),
                                 date(2024, 11, 30))
    assert (land_office.value, land_office.detail) == (Decimal("66.67"), "2/3 hồ sơ có phí thanh toán trực tuyến")
    assert compute_metric("dossiers.digitisation_rate", cast.unit("khtc"), date(2024, 1, 1), date(2024, 11, 30)) is None
