"""Address splitting and postal codes on real-world NL, BE and foreign address lines."""

from __future__ import annotations

import pytest

from packstation.domain.addresses import normalise_postal_code, postal_code_problem, split_street

# (line, street, number, suffix, box) — certain splits the packer need not check
CERTAIN = [
    # the splitting examples of docs/api-notes.md §10
    ("NL", "Meander 251", "Meander", "251", "", ""),
    ("NL", "Hoofdstraat 12a", "Hoofdstraat", "12", "A", ""),
    ("NL", "Hoofdstraat 12 A", "Hoofdstraat", "12", "A", ""),
    ("NL", "Hoofdstraat 12-A", "Hoofdstraat", "12", "A", ""),
    ("NL", "Straat 12 bis", "Straat", "12", "bis", ""),
    ("NL", "Kerkstraat 12 hs", "Kerkstraat", "12", "hs", ""),
    ("NL", "Straat 12 huis", "Straat", "12", "huis", ""),
    ("NL", "Overtoom 2-III", "Overtoom", "2", "III", ""),
    ("NL", "Van der Valk Boumanweg 178 A", "Van der Valk Boumanweg", "178", "A", ""),
    ("NL", "1e Jan Steenstraat 10", "1e Jan Steenstraat", "10", "", ""),
    ("NL", "Plein 1940-1945 3", "Plein 1940-1945", "3", "", ""),
    ("NL", "'s-Gravenweg 4", "'s-Gravenweg", "4", "", ""),
    # more Dutch lines as customers type them
    ("NL", "2e Hugo de Grootstraat 10-III", "2e Hugo de Grootstraat", "10", "III", ""),
    ("NL", "Koppeling 15", "Koppeling", "15", "", ""),
    ("NL", "De Koppeling 15a", "De Koppeling", "15", "A", ""),
    ("NL", "Vrije Water 12", "Vrije Water", "12", "", ""),
    ("NL", "Antareslaan 31", "Antareslaan", "31", "", ""),
    ("NL", "  Damrak   1 ", "Damrak", "1", "", ""),
    ("NL", "Keizersgracht 123-H", "Keizersgracht", "123", "H", ""),
    ("NL", "Prinsengracht 263 H", "Prinsengracht", "263", "H", ""),
    ("NL", "Lange Voorhout 8 BIS", "Lange Voorhout", "8", "BIS", ""),
    ("NL", "Oudegracht 100 bg", "Oudegracht", "100", "bg", ""),
    ("NL", "Laan van Meerdervoort 1234 zw", "Laan van Meerdervoort", "1234", "ZW", ""),
    ("NL", "Postbus 1234", "Postbus", "1234", "", ""),
    ("NL", "Burgemeester de Monchyplein 2", "Burgemeester de Monchyplein", "2", "", ""),
    ("NL", "Hoofdweg 5 a2", "Hoofdweg", "5", "A2", ""),
    ("NL", "Stationsplein, 7", "Stationsplein", "7", "", ""),
    ("NL", "Dorpsstraat 3-ii", "Dorpsstraat", "3", "II", ""),
    # Belgium
    ("BE", "Rue de la Loi 16 bte 3", "Rue de la Loi", "16", "", "3"),
    ("BE", "Kortrijkstraat 37/1", "Kortrijkstraat", "37", "", "1"),
    ("BE", "Meir 12A", "Meir", "12", "A", ""),
    ("BE", "Wormerplein 16", "Wormerplein", "16", "", ""),
    ("BE", "Avenue Louise 54 boîte 12", "Avenue Louise", "54", "", "12"),
    ("BE", "Grote Markt 1 bus 2", "Grote Markt", "1", "", "2"),
    ("BE", "Grote Markt 1 Bus 2.01", "Grote Markt", "1", "", "2.01"),
    ("BE", "Chaussée de Wavre 1000 box 5", "Chaussée de Wavre", "1000", "", "5"),
    ("BE", "Meir 12 b5", "Meir", "12", "", "5"),
    ("BE", "Rue du 11 Novembre 15", "Rue du 11 Novembre", "15", "", ""),
    ("BE", "Rue Neuve 12 bis", "Rue Neuve", "12", "bis", ""),
    ("BE", "Straat 5 A bus 3", "Straat", "5", "A", "3"),
    ("BE", "Boulevard Anspach 1 / 12", "Boulevard Anspach", "1", "", "12"),
]


@pytest.mark.parametrize(("cc", "line", "street", "number", "suffix", "box"), CERTAIN)
def test_certain_splits(cc: str, line: str, street: str, number: str, suffix: str, box: str) -> None:
    split = split_street(line, cc)
    assert split.ok, split.reason
    assert not split.ambiguous, split.reason
    assert (split.street, split.number, split.number_suffix, split.box_number) == (street, number, suffix, box)


# lines that split but must be confirmed by the packer, never guessed silently
AMBIGUOUS = [
    ("NL", "Winklaarlaan 1-3", "Winklaarlaan", "1", "3"),
    ("NL", "Laan 1-3", "Laan", "1", "3"),
    ("NL", "Prinsengracht 263-1", "Prinsengracht", "263", "1"),
    ("NL", "Kerkstraat 12 34", "Kerkstraat", "12", "34"),
    ("NL", "Dorpsstraat 5 achter", "Dorpsstraat", "5", "achter"),
    ("BE", "Rue Royale 12-14", "Rue Royale", "12", "14"),
    ("BE", "16 rue de la Loi", "rue de la Loi", "16", ""),
]


@pytest.mark.parametrize(("cc", "line", "street", "number", "suffix"), AMBIGUOUS)
def test_ambiguous_splits_are_flagged(cc: str, line: str, street: str, number: str, suffix: str) -> None:
    split = split_street(line, cc)
    assert split.ok and split.ambiguous
    assert split.reason
    assert (split.street, split.number, split.number_suffix) == (street, number, suffix)


@pytest.mark.parametrize(
    ("cc", "line", "why"),
    [
        ("NL", "Antareslaan31", "no space"),
        ("NL", "Hoofdstraat", "No house number"),
        ("NL", "", "empty"),
        ("BE", "Grote Markt", "No house number"),
        ("BE", "Meir 12 bus 123456789", "longer than 8"),
        ("NL", "Kerkstraat zonder nummer", "No house number"),
    ],
)
def test_unsplittable_lines_need_manual_entry(cc: str, line: str, why: str) -> None:
    split = split_street(line, cc)
    assert not split.ok
    assert split.reason is not None and why in split.reason.message


def test_number_from_second_line_when_first_has_none() -> None:
    split = split_street("Hoofdstraat", "NL", "12 a")
    assert split.ok and (split.street, split.number, split.number_suffix) == ("Hoofdstraat", "12", "A")
    assert split.street_additional_info == ""


def test_long_second_line_is_extra_info_not_a_number() -> None:
    split = split_street("Hoofdstraat 5", "NL", "2 hoog, bel bij de buren")
    assert (split.number, split.street_additional_info) == ("5", "2 hoog, bel bij de buren")


@pytest.mark.parametrize(
    ("cc", "line", "street"),
    [
        ("DE", "Friedrichstraße 123", "Friedrichstraße 123"),
        ("FR", "12 rue de Rivoli", "12 rue de Rivoli"),
        ("GB", "221B Baker Street", "221B Baker Street"),
        ("US", "1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW"),
        ("CH", "Bahnhofstrasse 1", "Bahnhofstrasse 1"),
    ],
)
def test_foreign_lines_keep_the_number_in_the_street(cc: str, line: str, street: str) -> None:
    split = split_street(line, cc)
    assert split.ok and not split.ambiguous
    assert (split.street, split.number) == (street, "")


def test_long_foreign_street_overflows_at_a_word_boundary() -> None:
    line = "Calle de la Virgen de los Peligros y de la Esperanza 12"
    split = split_street(line, "ES", "Piso 3")
    assert split.ok
    assert len(split.street) <= 40
    assert f"{split.street} {split.street_additional_info.split(', ')[0]}" == line
    assert split.street_additional_info.endswith("Piso 3")


def test_overlong_word_cannot_be_split_and_is_flagged() -> None:
    split = split_street("X" * 45, "DE")
    assert not split.ok and split.reason is not None and "40" in split.reason.message


def test_long_domestic_street_is_split_but_must_be_confirmed() -> None:
    split = split_street("Burgemeester van Walsum en Wethouder de Jong Boulevard 3", "NL")
    assert split.number == "3" and len(split.street) <= 40
    assert split.ambiguous and split.street_additional_info


@pytest.mark.parametrize(
    ("code", "cc", "expected"),
    [
        ("6983 hx", "NL", "6983HX"),
        ("1234AB", "NL", "1234AB"),
        (" 2132 je ", "NL", "2132JE"),
        ("NL-1234 AB", "NL", "1234AB"),
        ("2000", "BE", "2000"),
        ("B-2000", "BE", "2000"),
        ("BE 1000", "BE", "1000"),
        ("d-10115", "DE", "10115"),
        ("sw1a 1aa", "GB", "SW1A 1AA"),
        ("00-950", "PL", "00-950"),
    ],
)
def test_normalise_postal_code(code: str, cc: str, expected: str) -> None:
    assert normalise_postal_code(code, cc) == expected


@pytest.mark.parametrize(
    ("code", "cc", "ok"),
    [
        ("6983HX", "NL", True),
        ("0123AB", "NL", False),
        ("1234A", "NL", False),
        ("12345", "NL", False),
        ("", "NL", False),
        ("2000", "BE", True),
        ("200", "BE", False),
        ("0999", "BE", False),
        ("10115", "DE", True),
        ("1011", "DE", False),
        ("", "IE", True),
        ("", "US", True),
        ("SW1A 1AA", "GB", True),
    ],
)
def test_postal_code_problem(code: str, cc: str, ok: bool) -> None:
    problem = postal_code_problem(code, cc)
    assert (problem is None) is ok
    if not ok:
        assert cc in problem
