"""The address split measured on 100+ real NL/BE address lines from public address-splitting test suites.

tests/data/address_lines.tsv names the source of every line. Each line ends in one of three outcomes:
right (split as expected, or asked with the expected readings offered), asked (the packer must decide where the
table has one reading) and wrong (split silently into something else): the worst outcome, which must never happen.
Run this module as a script to print the figures: `python -m tests.unit.domain.test_address_table`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from packstation.domain.addresses import SplitAddress, split_street

TABLE = Path(__file__).resolve().parents[2] / "data" / "address_lines.tsv"


@dataclass(frozen=True)
class Row:
    source: str
    country: str
    line: str
    line2: str
    expected: str

    @property
    def asks(self) -> bool:
        return self.expected.startswith("ask")

    def readings(self) -> list[tuple[str, str, str, str]]:
        """Return the expected reading(s): one for a certain line, the alternatives for an "ask" line."""
        text = self.expected.split(":", 1)[1] if self.asks and ":" in self.expected else self.expected
        if self.asks and ":" not in self.expected:
            return []
        return [_parts(reading) for reading in text.split(" ; ")]


def _parts(reading: str) -> tuple[str, str, str, str]:
    street, number, suffix, box = (part.strip() for part in reading.split("|"))
    return street, number, suffix.casefold(), box.casefold()


def _of(split: SplitAddress) -> tuple[str, str, str, str]:
    return split.street, split.number, split.number_suffix.casefold(), split.box_number.casefold()


def rows() -> list[Row]:
    found = []
    for text in TABLE.read_text(encoding="utf-8").splitlines():
        if not text.strip() or text.startswith("#"):
            continue
        source, country, line, line2, expected = text.split("\t")
        found.append(Row(source, country, line, line2, expected))
    return found


def outcome(row: Row, split: SplitAddress) -> str:
    """Return "right", "asked" or "wrong" for how the station handles one table row."""
    doubtful = split.ambiguous or not split.ok
    if row.asks:
        if not doubtful:
            return "wrong"  # one of two readings booked without asking
        offered = {_of(reading) for reading in split.alternatives}
        return "right" if all(reading in offered for reading in row.readings()) else "asked"
    if doubtful:
        return "asked"
    return "right" if _of(split) == row.readings()[0] else "wrong"


def measure() -> Counter[str]:
    return Counter(outcome(row, split_street(row.line, row.country, row.line2)) for row in rows())


def test_the_table_holds_at_least_80_real_lines_each_with_its_source() -> None:
    table = rows()
    header = TABLE.read_text(encoding="utf-8")
    assert len(table) >= 80
    for row in table:
        assert f"#   {row.source} " in header or f"#   {row.source}\t" in header, row


@pytest.mark.parametrize("row", rows(), ids=lambda row: f"{row.country}:{row.line}|{row.line2}")
def test_no_line_is_split_wrong_without_a_question(row: Row) -> None:
    split = split_street(row.line, row.country, row.line2)
    assert outcome(row, split) != "wrong", (_of(split), split.reason)


def test_most_lines_are_split_right_and_few_need_the_packer() -> None:
    figures = measure()
    assert figures["wrong"] == 0
    assert figures["right"] >= 0.85 * sum(figures.values()), figures


if __name__ == "__main__":
    figures = measure()
    print(dict(figures), "of", sum(figures.values()))
    for row in rows():
        split = split_street(row.line, row.country, row.line2)
        result = outcome(row, split)
        if result != "right":
            code = split.reason.code if split.reason else ""
            print(f"{result:6} {row.country} {row.line!r} {row.line2!r} -> {_of(split)} {code}")
