"""Weighing rules: the expected weight of a parcel, the tolerance check, and a typed weight against the scale."""

from __future__ import annotations

import pytest

from packstation.domain.weighing import (
    WEIGHT_TOO_HIGH,
    WEIGHT_TOO_LOW,
    ExpectedWeight,
    ProductWeight,
    StableWeight,
    TypedWeight,
    WeightSource,
    WeightTolerance,
    check_weight,
    choose_weight,
    expected_weight,
    products_of,
)
from packstation.i18n import violation_text


def test_expected_weight_is_products_times_amounts_plus_the_box() -> None:
    products = [ProductWeight("Mug", 2, 350), ProductWeight("Tea", 3, 120), ProductWeight("Cancelled", 0, None)]
    assert expected_weight(products, box_grams=180) == ExpectedWeight(1240)


def test_the_products_of_a_picklist_are_its_lines() -> None:
    from packstation.domain.picklists import DeliveryAddress, Picklist, PicklistLine, PicklistStatus

    picklist = Picklist(
        1,
        "P2024-00001",
        PicklistStatus.NEW,
        DeliveryAddress(name="A"),
        lines=(PicklistLine("M1", "Mug", 2, weight_grams=350), PicklistLine("C1", "Card", 1)),
    )
    assert expected_weight(products_of(picklist), box_grams=100) == ExpectedWeight(800, ("Card",))


def test_a_product_without_weight_makes_the_expected_weight_unknown() -> None:
    expected = expected_weight([ProductWeight("Mug", 1, 350), ProductWeight("Card", 1, None)], box_grams=100)
    assert expected.unknown == ("Card",) and not expected.known
    # Not judged: the expected weight lacks the card, and any parcel would look too heavy.
    assert check_weight(5000, expected, WeightTolerance(grams=10)) is None


@pytest.mark.parametrize(
    ("measured", "code"),
    [(1000, None), (1050, None), (950, None), (1051, WEIGHT_TOO_HIGH), (949, WEIGHT_TOO_LOW)],
)
def test_grams_tolerance(measured: int, code: str | None) -> None:
    violation = check_weight(measured, ExpectedWeight(1000), WeightTolerance(grams=50))
    assert (violation.code if violation else None) == code


def test_the_larger_of_grams_and_percent_is_allowed() -> None:
    tolerance = WeightTolerance(grams=50, percent=5.0)
    assert tolerance.allowed(400) == 50  # 5% of 400 g is 20 g: the grams win for light parcels
    assert tolerance.allowed(10_000) == 500  # 5% of 10 kg: the percentage wins for heavy ones
    assert check_weight(10_450, ExpectedWeight(10_000), tolerance) is None
    assert check_weight(460, ExpectedWeight(400), tolerance) is not None


def test_a_violation_carries_the_values_the_ui_words() -> None:
    violation = check_weight(1300, ExpectedWeight(1000), WeightTolerance(grams=50))
    assert violation is not None
    assert dict(violation.params) == {"measured": "1300", "expected": "1000", "difference": "300", "allowed": "50"}
    words = violation_text(violation)
    assert "1300 g" in words and "300 g more" in words
    assert "300 g meer" in violation_text(violation, "nl")


def test_no_tolerance_set_means_no_check() -> None:
    assert check_weight(5000, ExpectedWeight(100), WeightTolerance()) is None


def test_a_weight_typed_after_the_scale_settled_wins() -> None:
    choice = choose_weight(TypedWeight(900, at=20.0), StableWeight(850, changed_at=10.0))
    assert (choice.grams, choice.source) == (900, WeightSource.TYPED)


def test_the_scale_wins_again_once_it_settles_on_a_new_weight_after_the_typing() -> None:
    choice = choose_weight(TypedWeight(900, at=20.0), StableWeight(1430, changed_at=30.0))
    assert (choice.grams, choice.source) == (1430, WeightSource.SCALE)


def test_without_typing_the_scale_fills_in_and_an_empty_scale_gives_nothing() -> None:
    assert choose_weight(None, StableWeight(640, 1.0)).source is WeightSource.SCALE
    assert choose_weight(None, StableWeight(0, 1.0)).source is WeightSource.NONE
    assert choose_weight(None, None).grams is None
    assert choose_weight(TypedWeight(300, 5.0), None).source is WeightSource.TYPED
