"""Criteria read the dossier rates through the metrics registry (interface 4)."""

from datetime import date
from decimal import Decimal

from dossiers.tests.helpers import SAMPLE, import_bytes, make_catalogue
from frameworks.metrics import compute_metric, metric_choices


def test_the_rates_and_counts_are_registered():
    keys = {key for key, _ in metric_choices()}
    assert {"dossiers.on_time_rate", "dossiers.online_rate", "dossiers.partly_online_rate",
            "dossiers.fully_online_rate", "dossiers.online_payment_rate", "dossiers.digitisation_rate",
            "dossiers.apology_rate"} <= keys


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


def test_the_online_split_and_the_apology_letters_with_their_dossier_lists(cast, client_for):
    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    window = (cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert compute_metric("dossiers.partly_online_rate", *window).value == Decimal("25.00")      # H03 H07 of 8
    assert compute_metric("dossiers.fully_online_rate", *window).detail == "2/8 hồ sơ trực tuyến toàn trình"
    # late H04 (no letter) and H05 (letter); still open past the due date H06 (no letter) and H09 (letter)
    apology = compute_metric("dossiers.apology_rate", *window)
    assert (apology.value, apology.detail) == (Decimal("50.00"), "2/4 hồ sơ trễ hạn, quá hạn có phiếu xin lỗi")
    listed = client_for(cast.mai).get(apology.evidence_url).context["page"]
    assert sorted(d.code for d in listed) == ["H04", "H06"], "the evidence names those still owed a letter"
    assert compute_metric("dossiers.apology_rate", cast.unit("khtc"), date(2024, 1, 1), date(2024, 11, 30)) is None


def test_an_assessment_criterion_scores_from_the_imported_dossiers_and_follows_them(cast):
    from assessments import actions as assessments
    from assessments.tests.builders import internal_framework, open_assessment, score_of

    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    land_office = open_assessment(cast, "vpdkdd", internal_framework(cast))   # window 01/01–30/11/2024
    score = assessments.measure(score_of(land_office, "2.1"), by=cast.mai)
    # Văn phòng Đăng ký đất đai settled H03 and H08 early, H04 and H05 late; 2.1 gives (rate − 50) × 20 / 50.
    assert (score.measured_value, score.measured_detail, score.self_score) == \
        (Decimal("50"), "2/4 hồ sơ đúng hạn", Decimal("0"))
    # The export is corrected (H04 settled 16/01, before its due date 17/01) and imported again.
    corrected = SAMPLE.replace("17/01/2024;20/01/2024 09:00", "17/01/2024;16/01/2024 09:00")
    import_bytes(cast.mai, cast.department, corrected.encode())
    score = assessments.measure(score_of(land_office, "2.1"), by=cast.mai)
    assert (score.measured_value, score.measured_detail, score.self_score) == \
        (Decimal("75"), "3/4 hồ sơ đúng hạn", Decimal("10"))


def test_the_assessment_item_links_its_figure_to_the_dossiers_behind_it(cast, client_for):
    import lxml.html

    from assessments import actions as assessments
    from assessments.tests.builders import internal_framework, open_assessment, score_of

    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    land_office = open_assessment(cast, "vpdkdd", internal_framework(cast))
    score = assessments.measure(score_of(land_office, "2.1"), by=cast.mai)
    office = client_for(cast.mai)
    page = lxml.html.fromstring(office.get(f"/assessments/{land_office.pk}/").content.decode())
    link = page.xpath("//a[normalize-space()='2/4 hồ sơ đúng hạn']/@href")
    assert link == [score.measured_link]
    listed = office.get(link[0]).context["page"]
    assert sorted(d.code for d in listed) == ["H03", "H04", "H05", "H08"]

    # A value typed in by hand has no list behind it.
    score = assessments.self_score(score, by=cast.mai, measured="80", measured_detail="theo báo cáo")
    assert score.measured_link == ""
