"""Words in English and Dutch without Qt: for the relay (and, later, anything else that must not load Qt).

Two sources: the relay's own texts (`relay_texts.py`, written here) and the station's rule texts by domain
`Violation` code (`shared_texts.py`, generated from the Dutch .ts file by tools/build_i18n.py, so the desk and
the relay say the same thing about the same broken rule). Only the standard library and the domain are used.
"""

from __future__ import annotations

import re
import string
from enum import StrEnum

from packstation.domain.errors import Violation
from packstation.domain.profiles import FIELD_OPTION_KEYS
from packstation.i18n import relay_texts, shared_texts

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Language(StrEnum):
    EN = "en"
    NL = "nl"


def parse_language(value: object) -> Language:
    """Return the language of a code such as "nl", "NL", "nl_NL"; English for anything else."""
    try:
        return Language(str(value or "").strip().lower()[:2])
    except ValueError:
        return Language.EN


_TEXTS = {
    Language.EN: {**shared_texts.ENGLISH, **relay_texts.ENGLISH},
    Language.NL: {**shared_texts.DUTCH, **relay_texts.DUTCH},
}


class _Params(dict[str, object]):
    """A placeholder without a value stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def has_text(key: str, language: Language = Language.EN) -> bool:
    return key in _TEXTS[language]


def text(key: str, language: Language | str = Language.EN, **params: object) -> str:
    """Return the text for `key` in `language` (English when that language lacks it) with `params` filled in."""
    lang = parse_language(language)
    template = _TEXTS[lang].get(key) or _TEXTS[Language.EN][key]
    return template.format_map(_Params(params)) if params else template


def euros(amount: int) -> str:
    """Return whole euros as Dutch and Belgian readers write them: "€ 5.000"."""
    return f"€ {amount:,}".replace(",", ".")


def violation_text(violation: Violation, language: Language | str = Language.EN, *, prefix: str = "violation") -> str:
    """Return a broken rule (a domain Violation) in words; the domain's English only for a code known nowhere.

    The relay's own wording of a code ("relay.violation.<code>") wins over the desk's: the desk's text may name
    a key or a field of its window that a Picqer user does not have.
    """
    lang = parse_language(language)
    params: dict[str, object] = dict(violation.params)
    for name in ("amount", "required"):  # the domain counts insurance in cents
        if str(params.get(name, "")).lstrip("-").isdigit():
            params[f"{name}_eur"] = euros(int(str(params[name])) // 100)
    if _ISO_DATE.fullmatch(str(params.get("delivery_date", ""))):
        year, month, day = str(params["delivery_date"]).split("-")
        params["delivery_date"] = f"{day}-{month}-{year}"
    option = FIELD_OPTION_KEYS.get(str(params.get("option", "")), str(params.get("option", "")))
    if has_text(f"option.label.{option}", lang):
        params["option"] = text(f"option.label.{option}", lang).lower()
        if "label" in params:
            params["label"] = text(f"option.label.{option}", lang)
    for key in (f"relay.{prefix}.{violation.code}", f"{prefix}.{violation.code}"):
        if has_text(key, lang) or has_text(key):
            return text(key, lang, **params)
    return violation.message


def placeholders(template: str) -> set[str]:
    """Return the str.format names a text fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_problems() -> list[str]:
    """List relay keys without Dutch, and Dutch texts whose placeholders differ from the English."""
    problems = []
    english, dutch = _TEXTS[Language.EN], _TEXTS[Language.NL]
    for key, template in english.items():
        if key not in dutch:
            problems.append(f"{key}: no Dutch text")
        elif placeholders(dutch[key]) != placeholders(template):
            problems.append(f"{key}: placeholders differ")
    return problems
