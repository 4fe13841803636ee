"""The dossier figures that framework criteria can read (interface 4): registered in DossiersConfig.ready().

Each value comes with its figure ("2.618/2.817 hồ sơ đúng hạn") and the link to the dossiers behind it, so an
assessment keeps both as the criterion's evidence.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_noop

from core.templatetags.vn import vn_number
from dossiers.models import Dossier
from dossiers.queries import Window, apology_counts, total
from dossiers.stats import as_percent, rate

# key: (label, numerator attribute, denominator attribute, detail wording, drill-down outcome)
RATES = {
    "dossiers.on_time_rate": (
        gettext_noop("Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)"),
        "early_or_on_time", "settled", "hồ sơ đúng hạn", "settled"),
    "dossiers.online_rate": (
        gettext_noop("Tỷ lệ hồ sơ TTHC nộp trực tuyến (%)"),
        "online", "received", "hồ sơ trực tuyến", "online"),
    "dossiers.partly_online_rate": (
        gettext_noop("Tỷ lệ hồ sơ TTHC trực tuyến một phần (%)"),
        "partly_online", "received", "hồ sơ trực tuyến một phần", "partly_online"),
    "dossiers.fully_online_rate": (
        gettext_noop("Tỷ lệ hồ sơ TTHC trực tuyến toàn trình (%)"),
        "fully_online", "received", "hồ sơ trực tuyến toàn trình", "fully_online"),
    "dossiers.online_payment_rate": (
        gettext_noop("Tỷ lệ hồ sơ TTHC thanh toán phí, lệ phí trực tuyến (%)"),
        "paid_online", "fee_bearing", "hồ sơ có phí thanh toán trực tuyến", "paid_online"),
    "dossiers.digitisation_rate": (
        gettext_noop("Tỷ lệ số hóa hồ sơ TTHC (%)"),
        "digitised", "received", "hồ sơ được số hóa", "digitised"),
}
# Late or overdue dossiers owe the citizen an apology letter (phiếu xin lỗi và hẹn lại); the evidence lists
# those still without one, by name.
APOLOGY_RATE = ("dossiers.apology_rate", gettext_noop("Tỷ lệ hồ sơ TTHC trễ hạn, quá hạn có phiếu xin lỗi (%)"))


def evidence_url(unit, start, end, outcome: str) -> str:
    query = {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"), "outcome": outcome}
    if unit is not None:
        query["unit"] = unit.pk
    return f"{reverse('dossiers:list')}?{urlencode(query)}"


def make_compute(key: str):
    label, numerator, denominator, wording, outcome = RATES[key]

    def compute(unit, start, end):
        from frameworks.metrics import MetricValue

        tally = total(Dossier.objects.all(), Window(start, end, unit))
        part, whole = getattr(tally, numerator), getattr(tally, denominator)
        if not whole:
            return None
        return MetricValue(as_percent(rate(part, whole)), f"{vn_number(part)}/{vn_number(whole)} {wording}",
                           evidence_url(unit, start, end, outcome))

    compute.__name__ = key.replace(".", "_")
    return compute


def apology_rate(unit, start, end):
    from frameworks.metrics import MetricValue

    sent, owed = apology_counts(Dossier.objects.all(), Window(start, end, unit))
    if not owed:
        return None
    return MetricValue(as_percent(rate(sent, owed)),
                       f"{vn_number(sent)}/{vn_number(owed)} hồ sơ trễ hạn, quá hạn có phiếu xin lỗi",
                       evidence_url(unit, start, end, "late_no_apology"))


def register() -> None:
    from frameworks.metrics import register_metric

    for key, (label, *_) in RATES.items():
        register_metric(key, label, make_compute(key))
    register_metric(*APOLOGY_RATE, apology_rate)
