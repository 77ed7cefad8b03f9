"""Address splitting and postal codes on real-world NL, BE and foreign address lines."""

from __future__ import annotations

import pytest

from packstation.domain.addresses import normalise_postal_code, postal_code_problem, split_street
from packstation.i18n import violation_text

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
    # a lower or equal number after a dash is an addition, never a range (issue 14)
    ("NL", "Prinsengracht 263-1", "Prinsengracht", "263", "1", ""),
    ("NL", "Kanaalstraat 183-2", "Kanaalstraat", "183", "2", ""),
    ("NL", "Hoofdstraat 12-3", "Hoofdstraat", "12", "3", ""),
    ("NL", "Hoofdstraat 12-12", "Hoofdstraat", "12", "12", ""),
    ("NL", "Kerkstraat 8 1", "Kerkstraat", "8", "1", ""),
    # additions of letters and words, and compass words as PostNL abbreviates them
    ("NL", "Charles Petitweg 7 A-2", "Charles Petitweg", "7", "A-2", ""),
    ("NL", "Biltstraat 113 A BS", "Biltstraat", "113", "A BS", ""),
    ("NL", "Markerkant 10 apartment a", "Markerkant", "10", "A", ""),
    ("NL", "Nicolaas Ruyschstraat 8 ad hoc", "Nicolaas Ruyschstraat", "8", "AD HOC", ""),
    ("NL", "Markerkant 10 noordzijde", "Markerkant", "10", "NZ", ""),
    ("NL", "Markerkant 10 west", "Markerkant", "10", "W", ""),
    ("NL", "Spankerenseweg 34, H", "Spankerenseweg", "34", "H", ""),
    ("NL", "1e Jan van der Heijdenstraat 77-2 A", "1e Jan van der Heijdenstraat", "77", "2 A", ""),
    ("NL", "Laan 1940 West 5", "Laan 1940 West", "5", "", ""),  # only a last word is an abbreviated addition
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
    # Belgian boxes in all their written forms are the box, never part of the street (issue 14)
    ("BE", "Manebruggestraat 316 bus 2 R", "Manebruggestraat", "316", "R", "2"),
    ("BE", "Oud-Dorpsstraat 136 3", "Oud-Dorpsstraat", "136", "", "3"),
    ("BE", "Klappoel 1b/bus5", "Klappoel", "1", "B", "5"),
    ("BE", "Klappoel 1b, Bus5", "Klappoel", "1", "B", "5"),
    ("BE", "Straat 23-C11", "Straat", "23", "", "C11"),
    ("BE", "Bermbeekstraat 23/bus 1", "Bermbeekstraat", "23", "", "1"),
    ("BE", "Veste 15 - boite 01", "Veste", "15", "", "01"),
    ("BE", "Kerkveld 8-1", "Kerkveld", "8", "", "1"),
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
    ("line", "readings"),
    [
        ("Plein 1944 12", [("Plein 1944", "12", ""), ("Plein", "1944", "12")]),
        ("Wijk 1 20", [("Wijk 1", "20", ""), ("Wijk", "1", "20")]),
        ("Zonegge 23 12", [("Zonegge 23", "12", ""), ("Zonegge", "23", "12")]),
        ("Markerkant 10 11e", [("Markerkant 10", "11", "E"), ("Markerkant", "10", "11E")]),
        ("Meijhorst 50e 26", [("Meijhorst 50e", "26", ""), ("Meijhorst", "50", "E 26")]),
        ("Plein 1945 27 A", [("Plein 1945", "27", "A"), ("Plein", "1945", "27 A")]),
        ("Kerkstraat 12A 2", [("Kerkstraat", "12", "A 2"), ("Kerkstraat 12A", "2", "")]),
        # after a full street name the number is more likely the house number: that reading comes first
        (
            "Juliana van Stolberglaan 116 109",
            [("Juliana van Stolberglaan", "116", "109"), ("Juliana van Stolberglaan 116", "109", "")],
        ),
    ],
)
def test_two_trailing_numbers_offer_both_readings(line: str, readings: list[tuple[str, str, str]]) -> None:
    split = split_street(line, "NL")
    assert split.ok and split.ambiguous and split.reason is not None and split.reason.code == "two_readings"
    assert [(r.street, r.number, r.number_suffix) for r in split.alternatives] == readings
    assert (split.street, split.number, split.number_suffix) == readings[0]  # what the fields show at first
    assert all(r.ok and not r.ambiguous for r in split.alternatives)


@pytest.mark.parametrize(
    ("line2", "hints", "street"),
    [
        ("", ["Wijk 1", "8321 AB Urk"], "Wijk 1"),  # the invoice address names the street "Wijk 1"
        ("Wijk 1", [], "Wijk 1"),  # so does the second line
        ("", ["Wijk 1 20"], "Wijk 1"),  # the same line again says nothing: the usual reading stays first
        ("", ["Wijk, 1-20"], "Wijk"),  # the invoice writes street "Wijk", number 1
    ],
)
def test_the_reading_another_address_field_names_comes_first(line2: str, hints: list[str], street: str) -> None:
    split = split_street("Wijk 1 20", "NL", line2, hints)
    assert split.street == street and split.ambiguous


def test_the_invoice_address_can_put_the_addition_reading_first() -> None:
    split = split_street("Juliana van Stolberglaan 116 109", "NL", hints=["Juliana van Stolberglaan 116"])
    assert (split.street, split.number) == ("Juliana van Stolberglaan 116", "109")
    assert len(split.alternatives) == 2 and split.ambiguous


def test_a_belgian_year_before_a_bare_number_reads_two_ways() -> None:
    split = split_street("Plein 1944 12", "BE")
    readings = [(r.street, r.number, r.box_number) for r in split.alternatives]
    assert split.ambiguous and readings == [("Plein 1944", "12", ""), ("Plein", "1944", "12")]
    named = split_street("Plein 1944 12", "BE", hints=["Plein, 1944 bus 12"])  # the invoice says "Plein" number 1944
    assert (named.street, named.number, named.box_number) == ("Plein", "1944", "12")


def test_a_bare_unit_number_on_line_2_is_read_with_the_line() -> None:
    split = split_street("Juliana van Stolberglaan 116", "NL", "109")
    assert split.ambiguous and len(split.alternatives) == 2 and split.street_additional_info == ""


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
    assert split.reason is not None and why in violation_text(split.reason, prefix="split")


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
    assert not split.ok and split.reason is not None and "40" in violation_text(split.reason, prefix="split")


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
