"""core.forms.QuickSelect writes the markup Django's Select writes, option for option."""

import pytest
from django import forms

from core.forms import QuickSelect

CHOICES = [("", "Tất cả"), ("1", "Sở <TN&MT>"), (2, 'Phòng "Đất đai"'), (3, "Chi cục")]


@pytest.mark.parametrize("value", [None, "", "1", 2, [3], "không có"])
@pytest.mark.parametrize("attrs", [{}, {"id": "id_unit", "required": True, "disabled": False, "class": "x"}])
def test_the_quick_select_writes_what_django_writes(value, attrs):
    assert QuickSelect(choices=CHOICES, attrs=attrs).render("unit", value) == \
        forms.Select(choices=CHOICES, attrs=attrs).render("unit", value)


def test_grouped_options_are_left_to_django():
    grouped = [("Sở", [("1", "Văn phòng"), ("2", "Thanh tra")]), ("3", "Khác")]
    assert QuickSelect(choices=grouped).render("unit", "2") == forms.Select(choices=grouped).render("unit", "2")
