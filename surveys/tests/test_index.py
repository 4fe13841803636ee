"""SIPAS formulas on examples computed by hand."""

from decimal import Decimal as D

import pytest

from surveys.index import (
    ASPECTS,
    COMMON,
    NO_OPINION,
    WEIGHTED_MEAN,
    Distribution,
    ItemScore,
    aspect_index,
    opinion_index,
    overall_index,
    points_for,
    sipas_result,
)


@pytest.mark.parametrize(("levels", "method", "expected"), [
    # 3 satisfied (4, 5, 5) of 4 opinions; the "Không có ý kiến" answer is left out: 3/4 = 75 %.
    ([5, 4, 3, 5, NO_OPINION], COMMON, D("75.00")),
    # 2 of 3: 66.666… rounds half-up to 66.67.
    ([4, 4, 2], COMMON, D("66.67")),
    # Nobody satisfied.
    ([1, 2, 3], COMMON, D("0.00")),
    # Only "no opinion": no index at all, not 0 %.
    ([NO_OPINION, NO_OPINION], COMMON, None),
    ([], COMMON, None),
    # Weighted mean: (5+4+3+5)/4 = 4.25 → (4.25-1)/4 = 81.25 %.
    ([5, 4, 3, 5, NO_OPINION], WEIGHTED_MEAN, D("81.25")),
    # All "Rất không hài lòng" is 0 %, all "Rất hài lòng" 100 %.
    ([1, 1], WEIGHTED_MEAN, D("0.00")),
    ([5, 5, 5], WEIGHTED_MEAN, D("100.00")),
    # (4+4+2)/3 = 3.333… → 2.333…/4 = 58.33 %.
    ([4, 4, 2], WEIGHTED_MEAN, D("58.33")),
])
def test_aspect_index(levels, method, expected):
    assert aspect_index(Distribution.of(levels), method) == expected


def test_unknown_method_is_refused():
    with pytest.raises(ValueError):
        aspect_index(Distribution.of([5]), "majority")


@pytest.mark.parametrize(("values", "expected"), [
    ({1: D("75"), 2: D("80"), 3: D("90"), 4: D("85"), 5: D("70")}, D("80.00")),
    # An aspect without answers is left out of the mean rather than counted as 0.
    ({1: D("75"), 2: None, 3: D("90"), 4: None, 5: None}, D("82.50")),
    ({1: None, 2: None}, None),
    # (88.64 + 90 + 91) / 3 = 89.88
    ({1: D("88.64"), 2: D("90"), 3: D("91")}, D("89.88")),
])
def test_overall_index_is_the_mean_of_aspects(values, expected):
    assert overall_index(values) == expected


def test_survey_result_per_aspect_with_counts_and_target():
    counts = {
        1: Distribution.of([5, 5, 4, 3]),          # 3/4 = 75 %
        2: Distribution.of([4, 4, 4, 4, 2]),       # 4/5 = 80 %
        3: Distribution.of([5, NO_OPINION]),       # 1/1 = 100 %
        4: Distribution.of([1, 5]),                # 1/2 = 50 %
        # aspect 5: nobody answered
    }
    result = sipas_result(counts, responses=5)
    assert [a.index for a in result.aspects] == [D("75.00"), D("80.00"), D("100.00"), D("50.00"), None]
    assert [a.answers for a in result.aspects] == [4, 5, 1, 2, 0]
    assert [a.label for a in result.aspects] == list(ASPECTS.values())
    assert result.overall == D("76.25")  # (75 + 80 + 100 + 50) / 4
    assert result.meets(D("90")) is False
    assert result.meets(D("75")) is True
    assert result.meets(None) is None


def test_distributions_add_up():
    total = Distribution.of([5, 4]) + Distribution.of([4, NO_OPINION])
    assert (total.count(4), total.count(5), total.no_opinion, total.with_opinion, total.total) == (2, 1, 1, 3, 4)


@pytest.mark.parametrize(("index", "max_points", "expected"), [
    # The seed's "Tiếp cận Dịch vụ": 2.290/3.000 ↔ 76.33 % of 3 points.
    (D("76.33"), D("3"), D("2.290")),
    # "Tinh thần trách nhiệm của CBCCVC …": 3.736/4.000 ↔ 93.40 %.
    (D("93.40"), D("4"), D("3.736")),
    (D("75"), D("2"), D("1.500")),
    (None, D("5"), None),
])
def test_points_for_a_survey_derived_criterion(index, max_points, expected):
    assert points_for(index, max_points) == expected


def test_opinion_index_over_items_of_one_point():
    items = [
        # "Tác động của tuyên truyền …": 4 of 5 satisfied → 0.8 point (the seed's 0.800/1.000).
        ItemScore(D("1"), Distribution.of([5, 4, 4, 5, 3])),
        # "Kết quả thực hiện Quy chế dân chủ ở cơ sở …": all satisfied → 1 point.
        ItemScore(D("1"), Distribution.of([5, 5, NO_OPINION])),
        # Nobody had an opinion: no points, but the item still counts in the maximum.
        ItemScore(D("1"), Distribution.of([NO_OPINION])),
    ]
    earned, maximum, percent = opinion_index(items)
    assert (earned, maximum, percent) == (D("1.800"), D("3"), D("60.00"))


def test_opinion_index_without_any_answer_is_none():
    assert opinion_index([ItemScore(D("1"), Distribution())]) is None
    assert opinion_index([]) is None
