"""The template filters' numbers are Django's number_format under cchc's formats, in both languages."""

from decimal import Decimal

import pytest
from django.utils import formats, translation

from core.templatetags import vn

VALUES = [0, 7, 12, 999, 1000, 2817, 1234567, -1234567, Decimal("9.376"), Decimal("-0.5"), Decimal("-0.000"),
          Decimal("1E+3"), Decimal("1234.50"), Decimal("0.001"), 45329.6875, "2.618", 10**15]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_filters_write_what_django_writes(language):
    with translation.override(language):
        for value in VALUES:
            number = vn._decimal(value)
            assert vn.number_format(number) == formats.number_format(number, force_grouping=True), value
            assert vn.vn_number(value) == formats.number_format(number, force_grouping=True)
            assert vn.vn_number(value, 2) == formats.number_format(number.quantize(Decimal("0.01")),
                                                                   force_grouping=True)
    assert (vn.vn_number(2817), vn.score(Decimal("9.3760")), vn.percent(Decimal("0.9293"))) == ("2.817", "9,376",
                                                                                               "92,9 %")
