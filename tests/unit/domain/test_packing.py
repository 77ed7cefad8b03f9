"""Packing rules: what each scan means for the picklist being packed (issue 16)."""

from __future__ import annotations

import random

import pytest

from packstation.domain.packing import (
    OrderedLine,
    Packaging,
    PackingState,
    PickLedger,
    Product,
    ProductPart,
    ScanOutcome,
    is_garbled,
    is_valid_gtin,
)
from packstation.domain.weighing import WeightSource

MUG = Product(9004, "MUG-CER", "Mok", ("8712345090043",), 340)
TEA = Product(9010, "TEA-EARL", "Earl Grey", ("8712345090104",), 130)
BOTTLE = Product(9005, "BOT-750", "Drinkfles", ("8712345090050", "8719876000756"), 410)
SHIRT = Product(9001, "TS-BLK-M", "T-shirt", ("8712345090012",), 180)
TEA_SET = Product(9101, "SET-TEA", "Theeset", ("8712345910105",), 600, (ProductPart(9004, 1), ProductPart(9010, 2)))
BOX_S = Packaging(502, "Doos S", ("8712345502027",), 250, 200, 100, 120)
ENVELOPE = Packaging(501, "Envelop C4", ("8712345501013",), 320, 230, 20)
CATALOG = {p.id: p for p in (MUG, TEA, BOTTLE, SHIRT, TEA_SET)}


def state(*lines: OrderedLine) -> PackingState:
    return PackingState(lines, CATALOG, (BOX_S, ENVELOPE))


def test_the_demo_barcodes_have_valid_check_digits_and_a_misread_is_garbled() -> None:
    assert is_valid_gtin("8712345090043")
    assert not is_valid_gtin("8712345090044")
    assert is_garbled("8712345090044")  # one digit misread: scan again, not "unknown product"
    assert is_garbled("  ")
    assert is_garbled("87123\x1b45")
    assert not is_garbled("TS-BLK-M")


def test_scanning_ticks_a_unit_until_the_line_is_full_then_reports_an_extra_unit() -> None:
    s = state(OrderedLine(11, BOTTLE, 2))
    first = s.tick("8712345090050")
    assert (first.outcome, first.packed, first.amount) == (ScanOutcome.TICKED, 1, 2)
    second = s.tick(" 8719876000756\n")  # the product's second barcode ticks the same line
    assert (second.outcome, second.packed) == (ScanOutcome.TICKED, 2)
    assert s.complete
    extra = s.tick("8712345090050")
    assert extra.outcome is ScanOutcome.EXTRA_UNIT
    assert extra.line is not None and s.packed[extra.line.key] == 2


def test_a_known_product_not_on_the_picklist_is_a_wrong_product_and_a_stranger_is_unknown() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    wrong = s.tick("8712345090043")
    assert wrong.outcome is ScanOutcome.WRONG_PRODUCT
    assert wrong.product == MUG
    assert s.tick("4006381333931").outcome is ScanOutcome.UNKNOWN_CODE
    assert s.tick("8712345090013").outcome is ScanOutcome.GARBLED
    assert not s.complete
    assert [(line.product.code, n) for line, n in s.missing()] == [("TS-BLK-M", 1)]


def test_a_upc_a_read_of_an_ean_with_leading_zero_matches_and_the_product_code_is_scannable() -> None:
    cap = Product(9008, "CAP-NVY", "Pet", ("0012345678905",), 95)
    s = PackingState([OrderedLine(1, cap, 1), OrderedLine(2, SHIRT, 1)], {cap.id: cap, **CATALOG})
    assert s.tick("012345678905").outcome is ScanOutcome.TICKED  # the scanner sent UPC-A
    assert s.tick("ts-blk-m").outcome is ScanOutcome.TICKED  # a shelf label with the product code
    assert s.complete


def test_a_bundle_line_is_packed_as_its_parts_times_the_amount() -> None:
    s = state(OrderedLine(21, TEA_SET, 2), OrderedLine(22, SHIRT, 1))
    assert [(line.product.code, line.amount, line.key) for line in s.lines] == [
        ("MUG-CER", 2, "0/9004"),
        ("TEA-EARL", 4, "0/9010"),
        ("TS-BLK-M", 1, "1"),
    ]
    bundle_code = s.tick("8712345910105")  # the set's own code: the packer is told to scan its parts
    assert (bundle_code.outcome, bundle_code.product) == (ScanOutcome.BUNDLE_CODE, TEA_SET)
    s.tick("8712345090043")
    s.tick("8712345090104")
    s.tick("8712345090104")
    assert s.units_packed_per_line() == {0: 1, 1: 0}  # one whole set: mug + two teas
    s.tick("8712345090104")
    assert s.units_packed_per_line()[0] == 1  # a third tea makes no second set without a second mug


def test_a_box_barcode_adds_a_parcel_and_each_box_scanned_adds_another() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    result = s.tick("8712345502027")
    assert (result.outcome, result.packaging) == (ScanOutcome.BOX_CHOSEN, BOX_S)
    s.tick("8712345501013")
    assert [p.packaging.id for p in s.parcels] == [502, 501]
    assert s.packaging == BOX_S
    s.weigh(900, 0)
    s.weigh(310)
    assert [p.weight_grams for p in s.parcels] == [900, 310]
    assert BOX_S.dimensions_cm == (25, 20, 10)
    assert s.remove_parcel() == ENVELOPE  # scanned by mistake
    assert [(p.packaging.id, p.weight_grams) for p in s.parcels] == [(502, 900)]


def test_weighing_needs_a_box_and_a_positive_weight() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    with pytest.raises(ValueError):
        s.weigh(500)
    s.tick("8712345502027")
    with pytest.raises(ValueError):
        s.weigh(0)


def test_a_manual_tick_needs_a_reason_and_is_kept() -> None:
    s = state(OrderedLine(11, SHIRT, 2))
    with pytest.raises(ValueError):
        s.tick_manually("0", "   ")
    result = s.tick_manually("0", "label torn")
    assert (result.outcome, result.reason, result.packed) == (ScanOutcome.TICKED, "label torn", 1)
    s.tick("8712345090012")
    assert s.complete
    assert s.tick_manually("0", "again").outcome is ScanOutcome.EXTRA_UNIT
    assert [(m.key, m.reason) for m in s.manual] == [("0", "label torn")]
    first = s.untick("0")
    assert (first.packed, first.removed, first.manual_reason) == (1, True, "")  # the scanned unit goes first
    second = s.untick("0")
    assert (second.packed, second.manual_reason) == (0, "label torn")  # then the hand tick, reason and all
    assert s.manual == []
    assert not s.untick("0").removed  # nothing left to take out: nothing changes
    assert s.packed["0"] == 0


def test_expected_weight_is_products_plus_boxes_and_unknown_when_a_weight_is_missing() -> None:
    s = state(OrderedLine(21, TEA_SET, 1), OrderedLine(11, SHIRT, 2))
    assert s.expected_weight_grams() == 340 + 2 * 130 + 2 * 180
    s.tick("8712345502027")
    assert s.expected_weight_grams() == 340 + 2 * 130 + 2 * 180 + 120
    unweighed = Product(9999, "X", "No weight", ("8712345099990",))
    assert PackingState([OrderedLine(1, unweighed, 1)], {}).expected_weight_grams() is None


def test_picks_due_are_packed_units_minus_what_picqer_already_counts() -> None:
    lines = (OrderedLine(21, TEA_SET, 1), OrderedLine(11, SHIRT, 3, amount_picked=1))
    s = state(*lines)
    ledger = PickLedger.opened(lines)
    for code in ("8712345090012", "8712345090012", "8712345090043"):
        s.tick(code)
    due = ledger.due(s)
    assert list(due) == [1]  # the set is not whole yet; two shirts packed, one already picked in Picqer
    assert (due[1].line_id, due[1].amount) == (11, 1)
    ledger.confirm(1, 1)
    s.tick("8712345090104")
    s.tick("8712345090104")
    assert [(p.line_id, p.amount) for p in ledger.due(s).values()] == [(21, 1)]


def test_a_snapshot_restores_ticks_manual_ticks_and_boxes() -> None:
    s = state(OrderedLine(21, TEA_SET, 1), OrderedLine(11, SHIRT, 2))
    s.tick("8712345090104")
    s.tick_manually("1", "no label")
    s.tick("8712345501013")
    s.weigh(700)
    again = state(OrderedLine(21, TEA_SET, 1), OrderedLine(11, SHIRT, 2))
    again.restore(s.snapshot())
    assert again.packed == s.packed
    assert again.manual == s.manual
    assert [(p.packaging.id, p.weight_grams) for p in again.parcels] == [(501, 700)]


def test_random_scans_never_pack_more_than_wanted_and_complete_means_nothing_missing() -> None:
    rng = random.Random(16)
    codes = ["8712345090043", "8712345090104", "8712345090012", "8712345090050", "8712345502027", "junk", ""]
    for _ in range(200):
        s = state(OrderedLine(21, TEA_SET, rng.randint(1, 3)), OrderedLine(11, SHIRT, rng.randint(1, 3)))
        for _ in range(rng.randint(0, 25)):
            s.tick(rng.choice(codes))
        assert all(0 <= s.packed[line.key] <= line.amount for line in s.lines)
        assert s.complete == (s.missing() == [])
        units = s.units_packed_per_line()
        assert units[0] <= s.ordered[0].amount and units[1] <= s.ordered[1].amount


def test_each_box_has_its_own_weight_the_scale_fills_the_last_and_a_typed_one_wins() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    s.tick("8712345502027")
    assert s.weigh(2500)  # the stable reading goes to the box being packed
    s.tick("8712345501013")
    assert s.weigh(800, typed=True)  # the packer typed the envelope's weight
    assert not s.weigh(950)  # a later reading does not overwrite what was typed for it
    assert [(p.weight_grams, p.weight_source) for p in s.parcels] == [
        (2500, WeightSource.SCALE),
        (800, WeightSource.TYPED),
    ]
    assert s.weigh(2600, 0, typed=True)  # typing wins over the scale on any box
    s.forget_weight()  # the packer emptied the typed weight: the scale fills it again
    assert s.weigh(950)
    assert [(p.weight_grams, p.weight_source) for p in s.parcels] == [
        (2600, WeightSource.TYPED),
        (950, WeightSource.SCALE),
    ]


def test_box_weights_and_where_they_came_from_survive_a_restart() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    s.tick("8712345502027")
    s.weigh(2500)
    s.tick("8712345501013")
    s.weigh(800, typed=True)
    s.tick("8712345501013")  # a third box, not weighed yet
    again = state(OrderedLine(11, SHIRT, 1))
    again.restore(s.snapshot())
    assert [(p.packaging.id, p.weight_grams, p.weight_source) for p in again.parcels] == [
        (502, 2500, WeightSource.SCALE),
        (501, 800, WeightSource.TYPED),
        (501, None, WeightSource.NONE),
    ]
    older = state(OrderedLine(11, SHIRT, 1))  # a journal written before the source was kept
    older.restore({"parcels": [{"idpackaging": 502, "weight": 2500}]})
    assert older.parcels[0].weight_source is WeightSource.SCALE


def test_unticking_a_unit_picqer_already_picked_says_it_stays_picked_there() -> None:
    lines = (OrderedLine(21, TEA_SET, 1), OrderedLine(11, SHIRT, 3, amount_picked=1))
    s = state(*lines)
    ledger = PickLedger.opened(lines)
    s.tick("8712345090012")
    s.tick("8712345090012")
    ledger.confirm(1, 1)  # the second shirt was sent to Picqer too
    assert ledger.still_picked(s, 1) == 0
    s.untick("1")
    assert ledger.still_picked(s, 1) == 1  # Picqer has no unpick: it still counts two
    assert ledger.due(s) == {}  # and packing it again picks nothing twice
    s.tick("8712345090012")
    s.tick("8712345090012")
    assert [(p.line_id, p.amount) for p in ledger.due(s).values()] == [(11, 1)]
    for code in ("8712345090043", "8712345090104", "8712345090104"):
        s.tick(code)
    ledger.confirm(0, 1)  # the whole tea set picked
    s.untick("0/9010")  # one tea out again: the set is no longer whole here, but Picqer keeps it picked
    assert ledger.still_picked(s, 0) == 1


def test_the_weight_to_check_is_all_boxes_together_once_each_earlier_box_is_weighed() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    assert s.weight_with_reading(900) == 900  # no box scanned: the reading is the shipment
    s.tick("8712345502027")
    s.tick("8712345501013")
    assert s.weight_with_reading(300) is None  # the first box was never weighed: nothing to judge yet
    s.weigh(2500, 0)
    assert s.weight_with_reading(300) == 2800  # the reading is the envelope's, being packed now
    s.weigh(800, typed=True)
    assert s.weight_with_reading(300) == 3300  # the typed weight of the envelope wins over the reading


def test_without_a_fresh_reading_the_boxes_own_weights_are_judged() -> None:
    s = state(OrderedLine(11, SHIRT, 1))
    assert s.weight_with_reading(None) is None
    s.tick("8712345502027")
    assert s.weight_with_reading(None) is None  # the box is not weighed yet
    s.weigh(2500)
    s.tick("8712345501013")
    s.weigh(800)
    s.remove_parcel()  # the envelope was scanned by mistake: the last reading (800 g) was of it
    assert s.weight_with_reading(None) == 2500
