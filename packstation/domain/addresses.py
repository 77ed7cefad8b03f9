"""Split one Picqer address line into MyParcel's street / number / suffix / box (docs/api-notes.md §10)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from packstation.domain.errors import Violation

STREET_MAX = 40  # MyParcel street limit [MyParcel SDK MAX_STREET_LENGTH; SMP §7.B.1]
BOX_NUMBER_MAX = 8  # SendMyParcel box_number limit [MP-DEV:07 §7.B.1]
NUMBER_SUFFIX_MAX = 6  # the SDK pattern allows at most six suffix characters [api-notes §10]
LINE2_FALLBACK_MAX = 10  # a second line this short and number-led is taken as the house number [api-notes §10]

# Suffix words that are written as the customer wrote them; anything else is upper-cased ("12a" -> "A").
KEPT_SUFFIX_WORDS = frozenset({"bis", "ter", "hs", "huis", "bg", "bgg", "boven", "beneden", "hoog", "sous", "to"})


@dataclass(frozen=True)
class SplitAddress:
    """The outcome of splitting one address line; `ok` False means the packer must type it in."""

    street: str = ""
    number: str = ""
    number_suffix: str = ""
    box_number: str = ""
    ambiguous: bool = False  # a plausible split the packer must confirm before booking
    reason: Violation | None = None  # why it is ambiguous or not ok: a code and values (packstation.i18n words them)
    ok: bool = False
    street_additional_info: str = ""  # overflow of a long street and/or the second address line
    # The readings the packer chooses from when the line can be read two ways ("Wijk 1 20": street "Wijk 1"
    # number 20, or street "Wijk" number 1 addition 20). The first is the one this split holds.
    alternatives: tuple[SplitAddress, ...] = ()


_SPACES = re.compile(r"\s+")
# A house-number candidate: a run of digits after a space or comma ("Meander 251", "Plein 1945 27").
_NUMBER_CANDIDATE = re.compile(r"(?<=[\s,])\d{1,5}(?!\d)")
# What may follow the house number: an optional comma, dash or slash, then words and numbers ("A", "A-2", "A BS",
# "2 A", "zw /2"); groups are separated by spaces, parts of a group by a dash or slash.
_TAIL = re.compile(r"^\s*(?:,\s*)?(?P<sep>[-/]\s*)?(?P<suffix>[^\W_]+(?:\s*[-/]\s*[^\W_]+|\s+[^\W_]+)*)?\s*\.?$")
_BE = re.compile(
    r"^(?P<street>.*?[^\W\d_].*?)[\s,]+(?P<number>\d{1,5})"
    r"(?:\s*-\s*(?P<range>\d{1,5})(?!\w))?"
    r"(?:\s*(?P<suffix>bis|ter|[^\W\d_])(?![^\W\d_]))?"
    r"(?:\s*(?:[-,/]\s*)?(?:bus|bte|boîte|boite|box|b)\.?\s*(?P<box>\w[\w.]*)"  # "bus 3", "1b/bus5", "Bus2", "B13"
    r"|\s*/\s*(?P<slash_box>\w[\w.]*)"  # "37/1", "30 /0101"
    r"|\s*-\s*(?P<dash_box>[^\W\d_]\d+)"  # "23-C11"
    r"|\s+(?P<bare_box>\d{1,4}))?"  # "136 3": a bare number after the house number is the box
    r"(?:\s+(?P<late_suffix>[^\W\d_]))?$",  # "316 bus 2 R"
    re.IGNORECASE,
)
_NUMBER_FIRST = re.compile(r"^(?P<number>\d{1,5})\s*(?P<suffix>[^\W\d_])?\s*(?:,\s*|\s+)(?P<street>.*[^\W\d_].*)$")
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$", re.IGNORECASE)

# Words customers write after the house number, as PostNL abbreviates them (MyParcel SDK's
# NUMBER_SUFFIX_ABBREVIATION): "Markerkant 10 noordzijde" is number 10 addition NZ. "apartment" adds nothing.
SUFFIX_ABBREVIATIONS = {
    "apartment": "",
    "noordzijde": "NZ",
    "oostzijde": "OZ",
    "zuidzijde": "ZZ",
    "westzijde": "WZ",
    "noord": "N",
    "oost": "O",
    "zuid": "Z",
    "west": "W",
}
# Only the word at the end of the line, or before a last short addition ("10 apartment a"): "Zuid" in a street
# name after a number stays as it is.
_ABBREVIATED = re.compile(rf"(?<=\d)(\s+)({'|'.join(SUFFIX_ABBREVIATIONS)})(?=$|\s+[^\W\d_]{{1,3}}$)", re.IGNORECASE)

# Endings of a Dutch street name that is complete without a number ("Kerkstraat", "Nieuwe Binnenweg").
STREET_ENDINGS = (
    "straat", "str.", "laan", "weg", "gracht", "kade", "dijk", "singel", "plein", "pad", "steeg", "dreef", "hof",
    "markt", "park", "baan", "wal", "erf", "veld", "plantsoen", "boulevard", "allee", "dam", "haven", "ring",
)  # fmt: skip
# Street words that in the Netherlands do take a number ("Plein 1944", "Wijk 1", "Laan 1933", "Singel 40-45").
NUMBERED_STREET_WORDS = frozenset({"plein", "laan", "weg", "wijk", "singel", "straat", "gracht", "buurt", "sluis"})


def _why(code: str, **params: object) -> Violation:
    """Return why a split needs the packer (the code is what the station translates)."""
    return Violation(code, tuple((k, str(v)) for k, v in params.items()))


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip(" ,;")


def _normalise_suffix(suffix: str) -> str:
    suffix = re.sub(r"\s*([-/])\s*", r"\1", suffix.strip(".")).strip("-/ ")
    letters = suffix.lstrip("0123456789").lower()
    if letters in KEPT_SUFFIX_WORDS or suffix.lower() in KEPT_SUFFIX_WORDS:
        return suffix
    return suffix.upper()


def _overflow(street: str) -> tuple[str, str] | None:
    """Return (street, overflow) split at a word boundary, or None when no boundary fits."""
    if len(street) <= STREET_MAX:
        return street, ""
    cut = street.rfind(" ", 0, STREET_MAX + 1)
    if cut <= 0:
        return None
    return street[:cut].rstrip(" ,"), street[cut + 1 :].strip()


def _join_info(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _finish(split: SplitAddress, line2: str) -> SplitAddress:
    """Apply the 40-character street limit and put line 2 into street_additional_info."""
    alternatives = tuple(
        dataclasses.replace(_finish(dataclasses.replace(a, alternatives=()), line2), reason=None, ambiguous=False)
        for a in split.alternatives
    )
    fitted = _overflow(split.street)
    if fitted is None:
        return SplitAddress(
            street=split.street,
            number=split.number,
            number_suffix=split.number_suffix,
            box_number=split.box_number,
            ambiguous=True,
            reason=_why(
                "street_unsplittable",
                max=STREET_MAX,
            ),
            ok=False,
            street_additional_info=line2,
            alternatives=alternatives,
        )
    street, overflow = fitted
    ambiguous, reason = split.ambiguous, split.reason
    if overflow and split.number:
        # A domestic street name cut in two may not be recognised by the carrier's sorting: let the packer check.
        ambiguous = True
        reason = reason or _why(
            "street_overflow",
            max=STREET_MAX,
        )
    return SplitAddress(
        street=street,
        number=split.number,
        number_suffix=split.number_suffix,
        box_number=split.box_number,
        ambiguous=ambiguous,
        reason=reason,
        ok=split.ok,
        street_additional_info=_join_info(overflow, line2),
        alternatives=alternatives,
    )


def _street_may_end_in_number(street: str, number: str) -> bool:
    """True when the number after `street` may be part of its name ("Plein 1944", "Wijk 1", "Zonegge 23")."""
    if len(number) == 4:
        return True  # a year: "Plein 1944", "Laan 1933"
    last = street.split()[-1].lower()
    if last in NUMBERED_STREET_WORDS:
        return True  # "Nieuwe gracht 224"
    if last.endswith(STREET_ENDINGS):
        return False  # "Kerkstraat 8 1" is number 8 addition 1: no Kerkstraat 8 exists
    return True  # "Zonegge 23", "Markerkant 10", "Kogge 08": Flevoland and Veluwe name streets by number


def _two_readings(street: str, token: str, rest: str, hints: tuple[str, ...], *, box: bool = False) -> SplitAddress:
    """Offer both readings of "street token rest": the token in the street name, or the house number.

    "Wijk 1 20": street "Wijk 1" number 20, or street "Wijk" number 1 addition 20. With `box` (Belgium) the rest is
    the box number in the second reading ("Plein 1944 12": number 1944 box 12).
    """
    rest_digits = re.match(r"\d+", rest)
    in_street = SplitAddress(
        street=f"{street} {token}",
        number=rest_digits[0] if rest_digits else rest,
        number_suffix=_normalise_suffix(rest[rest_digits.end() :]) if rest_digits else "",
        ok=True,
    )
    digits = re.match(r"\d+", token)
    number = digits[0] if digits else token
    letters = token[len(number) :]
    with_addition = SplitAddress(
        street=street,
        number=number,
        number_suffix=_normalise_suffix(letters if box else f"{letters} {rest}".strip()),
        box_number=rest if box else "",
        ok=True,
    )
    readings = [in_street, with_addition]
    if not _street_may_end_in_number(street, number):
        readings.reverse()  # "Juliana van Stolberglaan 116 109": more likely number 116, addition 109
    support = [_support(r, hints) for r in readings]
    if support[1] > support[0]:
        readings.reverse()
    return dataclasses.replace(
        readings[0],
        ambiguous=True,
        reason=_why(
            "two_readings",
            number=token,
            rest=rest,
            street=street,
        ),
        alternatives=tuple(readings),
    )


def _support(reading: SplitAddress, hints: tuple[str, ...]) -> int:
    """How strongly another address field backs a reading: 2 names its street alone ("Wijk 1" on the invoice),
    1 names its street with its number ("Plein, 1944 bus 12"), 0 not at all."""
    street = re.escape(reading.street)
    alone = re.compile(rf"(?<!\w){street}(?![\w-])(?!\s*,?\s*\d)", re.IGNORECASE)
    numbered = re.compile(rf"(?<!\w){street}\s*,?\s*{re.escape(reading.number)}(?!\d)", re.IGNORECASE)
    return max((2 if alone.search(h) else 1 if numbered.search(h) else 0 for h in hints), default=0)


def _parse_tail(tail: str) -> tuple[str, str] | None:
    """Return (separator, addition) of what follows a house number, or None when it is no addition."""
    match = _TAIL.match(tail)
    if match is None:
        return None
    suffix = match["suffix"] or ""
    groups = suffix.split()
    # A number standing alone after the first group ("50e 26", "1940-45 3 b") is the house number itself.
    if any(group.isdigit() for group in groups[1:]):
        return None
    if len(re.sub(r"\s*([-/])\s*", r"\1", suffix)) > NUMBER_SUFFIX_MAX:
        return None
    return (match["sep"] or "").strip(), suffix


def _split_nl(line: str, hints: tuple[str, ...] = ()) -> SplitAddress:
    line = _ABBREVIATED.sub(lambda m: f"{m[1]}{SUFFIX_ABBREVIATIONS[m[2].lower()]}", line).strip()
    for candidate in _NUMBER_CANDIDATE.finditer(line):
        street = line[: candidate.start()].strip(" ,")
        if not re.search(r"[^\W\d_]", street):
            continue
        parsed = _parse_tail(line[candidate.end() :])
        if parsed is not None:
            return _nl_reading(street, candidate[0], *parsed, hints=hints)
    if re.search(r"[^\W\d_]\d", line) and not re.search(r"\s\d", line):
        reason = _why(
            "no_space_before_number",
        )
    else:
        reason = _why(
            "no_number",
        )
    return SplitAddress(street=line, reason=reason)


def _nl_reading(street: str, number: str, sep: str, suffix: str, *, hints: tuple[str, ...]) -> SplitAddress:
    """Classify one split of a Dutch line: certain, two readings, a range, or an unusual addition."""
    leading = re.match(r"\d+", suffix)
    if leading and not sep:
        return _number_after_number(street, number, suffix, int(leading[0]), hints)
    if leading and leading[0] == suffix and int(suffix) > int(number):
        # "1-3" may be the numbers 1 to 3; "183-2" and "12-3" (lower or equal) never are.
        reason = _why("range_or_addition", number=number, suffix=suffix)
        return SplitAddress(street=street, number=number, number_suffix=suffix, ambiguous=True, reason=reason, ok=True)
    head, _, earlier = street.rpartition(" ")
    passed = re.fullmatch(r"(\d{1,5})([^\W\d_]{0,2})", earlier)
    if passed and len(passed[1]) != 4 and re.search(r"[^\W\d_]", head):
        # The scan passed over an earlier number ("Kerkstraat 12A 2", "Meijhorst 50e 26"): that one may be the
        # house number with this one in its addition, or part of the street name. A year ("Plein 1945") is not.
        return _two_readings(head, earlier, f"{number} {suffix}".strip(), hints)
    if _unusual_addition(suffix):
        reason = _why("unusual_addition", suffix=suffix)
        return SplitAddress(street=street, number=number, number_suffix=suffix, ambiguous=True, reason=reason, ok=True)
    return SplitAddress(street=street, number=number, number_suffix=_normalise_suffix(suffix), ok=True)


def _number_after_number(street: str, number: str, suffix: str, rest: int, hints: tuple[str, ...]) -> SplitAddress:
    """Read "Plein 1944 12", "Wijk 1 20", "Markerkant 10 11e": the first number may belong to the street.

    Only a small lower number after a full street name ("Kerkstraat 8 1") is certainly an addition.
    """
    if _street_may_end_in_number(street, number) or rest >= 10 or rest > int(number):
        return _two_readings(street, number, suffix, hints)
    return SplitAddress(street=street, number=number, number_suffix=_normalise_suffix(suffix), ok=True)


def _unusual_addition(suffix: str) -> bool:
    """Tell whether an addition is a word of more than two letters that is no Roman numeral or known word."""
    if not suffix or " " in suffix or _ROMAN.match(suffix) or suffix.lower() in KEPT_SUFFIX_WORDS:
        return False
    return sum(c.isalpha() for c in suffix) > 2 and suffix.isalpha()


def _split_be(line: str, hints: tuple[str, ...] = ()) -> SplitAddress:
    match = _BE.match(line)
    if match is None:
        return _be_number_first(line)
    street, number = match["street"].strip(" ,"), match["number"]
    suffix, box = _be_suffix(match), _be_box(match)
    if match["range"] and int(match["range"]) > int(number):
        reason = _why("range", number=number, range=match["range"])
        return SplitAddress(
            street=street,
            number=number,
            number_suffix=match["range"],
            box_number=box,
            ambiguous=True,
            reason=reason,
            ok=True,
        )
    if match["bare_box"] and len(number) == 4 and not suffix:
        # "Plein 1944 12": a year may be part of the street name; elsewhere a bare number after the house number
        # is its box ("Oud-Dorpsstraat 136 3").
        return _two_readings(street, number, match["bare_box"], hints, box=True)
    if match["range"] and not box:
        box = match["range"]  # "8-1": a lower number after the house number is its box, never a range
    too_long = _why("box_too_long", box=box, max=BOX_NUMBER_MAX) if len(box) > BOX_NUMBER_MAX else None
    return SplitAddress(
        street=street, number=number, number_suffix=suffix, box_number=box, reason=too_long, ok=too_long is None
    )


def _be_suffix(match: re.Match[str]) -> str:
    # A Belgian letter suffix ("Meir 12A") goes to number_suffix, not box_number as the SDK does: "A" is part of
    # the house number, not a box. SendMyParcel documents no number_suffix for recipients (api-notes §10), so the
    # mapping warns when it sends one; the split itself is certain, hence not ambiguous.
    suffix = match["suffix"] or match["late_suffix"] or ""
    return suffix if suffix.lower() in ("bis", "ter") else suffix.upper()


def _be_box(match: re.Match[str]) -> str:
    return next((match[g] for g in ("box", "slash_box", "dash_box", "bare_box") if match[g]), "").strip(".")


def _be_number_first(line: str) -> SplitAddress:
    """Read a Belgian line without a number after the street: the number may come first ("12 Meir")."""
    first = _NUMBER_FIRST.match(line)
    if first is None:
        return SplitAddress(street=line, reason=_why("no_number_be"))
    return SplitAddress(
        street=first["street"].strip(" ,"),
        number=first["number"],
        number_suffix=(first["suffix"] or "").upper(),
        ambiguous=True,
        reason=_why("number_first"),
        ok=True,
    )


def _number_on_line2(line: str, line2: str) -> bool:
    return not re.search(r"\d", line) and bool(line2) and len(line2) <= LINE2_FALLBACK_MAX and line2[0].isdigit()


def split_street(line: str, country: str, line2: str = "", hints: Sequence[str] = ()) -> SplitAddress:
    """Split an address line for a destination country; NL and BE get street, number and suffix or box.

    `hints` are the order's other address texts (the invoice address, ...): when the line can be read two ways,
    the reading whose street name one of them (or line 2) names comes first.
    """
    cc = country.strip().upper()
    line, line2 = _clean(line), _clean(line2)
    if not line:
        return SplitAddress(reason=_why("empty"), street_additional_info=line2)
    if cc not in ("NL", "BE"):
        # International: the whole line is the street, number included [MP §7.B.1].
        return _finish(SplitAddress(street=line, ok=True), line2)
    known = tuple(_clean(h) for h in (line2, *hints) if _clean(h))
    splitter = functools.partial(_split_nl if cc == "NL" else _split_be, hints=known)
    return _with_line2(splitter, line, line2)


def _with_line2(splitter: Callable[[str], SplitAddress], line: str, line2: str) -> SplitAddress:
    """Split `line`, reading a house number that a webshop put on line 2 as part of it."""
    split = splitter(line)
    if not split.ok and _number_on_line2(line, line2):
        # Some webshops put the house number in the second line [api-notes §10].
        joined = splitter(f"{line} {line2}")
        if joined.ok:
            return _finish(joined, "")
    if split.ok and re.fullmatch(r"\d{1,5}", line2):
        # A bare number on line 2 after a complete line ("Juliana van Stolberglaan 116" / "109") is a unit number,
        # or the house number of a street ending in a number: split the two lines as one.
        return _finish(splitter(f"{line} {line2}"), "")
    return _finish(split, line2)


# --- postal codes ------------------------------------------------------------------------------

_POSTAL_PATTERNS = {
    "NL": re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$"),
    "BE": re.compile(r"^[1-9][0-9]{3}$"),
    "LU": re.compile(r"^[0-9]{4}$"),
    "AT": re.compile(r"^[0-9]{4}$"),
    "DK": re.compile(r"^[0-9]{4}$"),
    "DE": re.compile(r"^[0-9]{5}$"),
    "FR": re.compile(r"^[0-9]{5}$"),
    "ES": re.compile(r"^[0-9]{5}$"),
    "IT": re.compile(r"^[0-9]{5}$"),
    "PL": re.compile(r"^[0-9]{2}-[0-9]{3}$"),
}
_POSTAL_EXAMPLES = {"NL": "1234AB", "BE": "1000", "PL": "00-950"}
_COUNTRY_PREFIX = re.compile(r"^(?:NL|BE|B|L|LU|D|DE|F|FR|A|AT|DK)[\s-]?(?=\d)")
# MyParcel requires a postal code for NL and every EU destination except Ireland [MP §7.B.1].
_POSTAL_REQUIRED = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


def normalise_postal_code(code: str, country: str) -> str:
    """Return the postal code as MyParcel wants it ("6983 hx" -> "6983HX"; "B-2000" -> "2000")."""
    cc = country.strip().upper()
    text = _SPACES.sub(" ", code).strip().upper()
    if cc in _POSTAL_PATTERNS and cc != "PL":
        text = _COUNTRY_PREFIX.sub("", text)
    if cc in ("NL", "BE", "LU", "AT", "DK", "DE", "FR", "ES", "IT"):
        text = text.replace(" ", "").replace("-", "")
    return text


def postal_code_problem(code: str, country: str) -> str | None:
    """Return what is wrong with a (normalised) postal code for the country, or None when it is fine."""
    cc = country.strip().upper()
    if not code:
        return f"A postal code is required for {cc}." if cc in _POSTAL_REQUIRED else None
    pattern = _POSTAL_PATTERNS.get(cc)
    if pattern is not None and not pattern.match(code):
        example = _POSTAL_EXAMPLES.get(cc, "")
        hint = f" (like {example})" if example else ""
        return f"'{code}' is not a valid postal code for {cc}{hint}."
    if len(code) > 10:
        return f"'{code}' is too long for a postal code."
    return None
