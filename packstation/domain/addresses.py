"""Split one Picqer address line into MyParcel's street / number / suffix / box (docs/api-notes.md §10)."""

from __future__ import annotations

import re
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
    reason: Violation | None = None  # why it is ambiguous or not ok: a code the UI translates, and English
    ok: bool = False
    street_additional_info: str = ""  # overflow of a long street and/or the second address line


_SPACES = re.compile(r"\s+")
_NL = re.compile(
    r"^(?P<street>.*?[^\W\d_].*?)[\s,]+(?P<number>\d{1,5})"
    rf"(?:\s*[-/]?\s*(?P<suffix>[^\W_]{{1,{NUMBER_SUFFIX_MAX}}}))?\.?$"
)
_BE = re.compile(
    r"^(?P<street>.*?[^\W\d_].*?)[\s,]+(?P<number>\d{1,5})"
    r"(?:\s*-\s*(?P<range>\d{1,5}))?"
    r"(?:\s*(?P<suffix>bis|ter|[^\W\d_])(?![^\W\d_]))?"
    r"(?:\s*[-,]?\s*(?:(?:bus|bte|boîte|boite|box|b)\.?\s*|/\s*)(?P<box>\S+))?$",
    re.IGNORECASE,
)
_NUMBER_FIRST = re.compile(r"^(?P<number>\d{1,5})\s*(?P<suffix>[^\W\d_])?\s*,?\s+(?P<street>.*[^\W\d_].*)$")
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$", re.IGNORECASE)


def _why(code: str, message: str, **params: object) -> Violation:
    """Return why a split needs the packer (the code is what the station translates)."""
    return Violation(code, message, tuple((k, str(v)) for k, v in params.items()))


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip(" ,;")


def _normalise_suffix(suffix: str) -> str:
    letters = suffix.strip(".").lstrip("0123456789").lower()
    if letters in KEPT_SUFFIX_WORDS:
        return suffix.strip(".")
    return suffix.strip(".").upper()


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
                f"The street is longer than {STREET_MAX} characters and has no space to split it at.",
                max=STREET_MAX,
            ),
            ok=False,
            street_additional_info=line2,
        )
    street, overflow = fitted
    ambiguous, reason = split.ambiguous, split.reason
    if overflow and split.number:
        # A domestic street name cut in two may not be recognised by the carrier's sorting: let the packer check.
        ambiguous = True
        reason = reason or _why(
            "street_overflow",
            f"The street is longer than {STREET_MAX} characters; the rest went to the extra line.",
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
    )


def _split_nl(line: str) -> SplitAddress:
    match = _NL.match(line)
    if match is None:
        if re.search(r"[^\W\d_]\d", line) and not re.search(r"\s\d", line):
            reason = _why(
                "no_space_before_number",
                "There is no space before the house number; type street and number separately.",
            )
        else:
            reason = _why(
                "no_number",
                "No house number found at the end of the address line; type street and number separately.",
            )
        return SplitAddress(street=line, reason=reason)
    street, number = match["street"].strip(" ,"), match["number"]
    suffix = match["suffix"] or ""
    if suffix.isdigit():
        return SplitAddress(
            street=street,
            number=number,
            number_suffix=suffix,
            ambiguous=True,
            reason=_why(
                "range_or_addition",
                f"'{number}-{suffix}' may be a range of numbers or number {number} addition {suffix}: check it.",
                number=number,
                suffix=suffix,
            ),
            ok=True,
        )
    if suffix and not _ROMAN.match(suffix) and suffix.lower().lstrip("0123456789") not in KEPT_SUFFIX_WORDS:
        if sum(c.isalpha() for c in suffix) > 2 and suffix.isalpha():
            return SplitAddress(
                street=street,
                number=number,
                number_suffix=suffix,
                ambiguous=True,
                reason=_why(
                    "unusual_addition",
                    f"'{suffix}' after the house number is not a usual addition: check it.",
                    suffix=suffix,
                ),
                ok=True,
            )
    return SplitAddress(street=street, number=number, number_suffix=_normalise_suffix(suffix), ok=True)


def _split_be(line: str) -> SplitAddress:
    match = _BE.match(line)
    if match is None:
        first = _NUMBER_FIRST.match(line)
        if first is not None:
            return SplitAddress(
                street=first["street"].strip(" ,"),
                number=first["number"],
                number_suffix=(first["suffix"] or "").upper(),
                ambiguous=True,
                reason=_why("number_first", "The house number is written before the street: check the split."),
                ok=True,
            )
        return SplitAddress(
            street=line,
            reason=_why(
                "no_number_be",
                "No house number found in the address line; type street, number and box separately.",
            ),
        )
    street, number = match["street"].strip(" ,"), match["number"]
    # A Belgian letter suffix ("Meir 12A") goes to number_suffix, not box_number as the SDK does: "A" is part of
    # the house number, not a box. SendMyParcel documents no number_suffix for recipients (api-notes §10), so the
    # mapping warns when it sends one; the split itself is certain, hence not ambiguous.
    suffix = match["suffix"] or ""
    suffix = suffix if suffix.lower() in ("bis", "ter") else suffix.upper()
    box = (match["box"] or "").strip(".")
    if match["range"]:
        return SplitAddress(
            street=street,
            number=number,
            number_suffix=match["range"],
            box_number=box,
            ambiguous=True,
            reason=_why(
                "range",
                f"'{number}-{match['range']}' may be a range of numbers: check the house number.",
                number=number,
                range=match["range"],
            ),
            ok=True,
        )
    if len(box) > BOX_NUMBER_MAX:
        return SplitAddress(
            street=street,
            number=number,
            number_suffix=suffix,
            box_number=box,
            reason=_why(
                "box_too_long",
                f"The box number '{box}' is longer than {BOX_NUMBER_MAX} characters.",
                box=box,
                max=BOX_NUMBER_MAX,
            ),
        )
    return SplitAddress(street=street, number=number, number_suffix=suffix, box_number=box, ok=True)


def split_street(line: str, country: str, line2: str = "") -> SplitAddress:
    """Split an address line for a destination country; NL and BE get street, number and suffix or box."""
    cc = country.strip().upper()
    line, line2 = _clean(line), _clean(line2)
    if not line:
        return SplitAddress(reason=_why("empty", "The address line is empty."), street_additional_info=line2)
    if cc not in ("NL", "BE"):
        # International: the whole line is the street, number included [MP §7.B.1].
        return _finish(SplitAddress(street=line, ok=True), line2)
    splitter = _split_nl if cc == "NL" else _split_be
    split = splitter(line)
    if (
        not split.ok
        and not re.search(r"\d", line)
        and line2
        and len(line2) <= LINE2_FALLBACK_MAX
        and line2[0].isdigit()
    ):
        # Some webshops put the house number in the second line [api-notes §10].
        joined = splitter(f"{line} {line2}")
        if joined.ok:
            return _finish(joined, "")
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
