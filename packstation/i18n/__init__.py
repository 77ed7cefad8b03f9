"""Every word packstation shows, in English and Dutch, by key, without Qt: one catalogue for GUI, CLI and relay.

English lives in `english.py` (the station) and `relay_texts.py` (what the relay tells Picqer); Dutch in
`dutch.py` and `relay_texts.py`. The GUI's `packstation.ui.messages.Messages` is a Qt adapter on top (it adds
the language-switch signal and Qt's own Yes/No/Cancel translations); below the UI, errors, rule violations,
printer conditions and print queue problems carry a code and values, and this catalogue turns them into
words. Only the standard library and the domain are used.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from packstation.domain.errors import (
    PrintCancelled,
    PrinterDisconnected,
    PrinterError,
    PrinterNotFound,
    PrinterNotReady,
    QueueProblem,
    Violation,
)
from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER
from packstation.domain.profiles import FIELD_OPTION_KEYS
from packstation.i18n import dutch, english, relay_texts

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
    Language.EN: {**english.ENGLISH, **relay_texts.ENGLISH},
    Language.NL: {**dutch.DUTCH, **relay_texts.DUTCH},
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


def rule_params(violation: Violation) -> dict[str, object]:
    """Return a violation's values as its texts fill them in: euros from cents, dates as the packer writes them."""
    params: dict[str, object] = dict(violation.params)
    for name in ("amount", "required"):  # the domain counts insurance in cents
        if str(params.get(name, "")).lstrip("-").isdigit():
            params[f"{name}_eur"] = euros(int(str(params[name])) // 100)
    if _ISO_DATE.fullmatch(str(params.get("delivery_date", ""))):  # as the detail pane shows dates
        year, month, day = str(params["delivery_date"]).split("-")
        params["delivery_date"] = f"{day}-{month}-{year}"
    return params


def rule_option(violation: Violation) -> str:
    """Return the key of the profile option a violation names ("" when it names none)."""
    option = str(dict(violation.params).get("option", ""))
    return FIELD_OPTION_KEYS.get(option, option)


def violation_text(violation: Violation, language: Language | str = Language.EN, *, prefix: str = "violation") -> str:
    """Return a broken rule (a domain Violation) in words; its code and values for a code known nowhere.

    The relay's own wording of a code ("relay.violation.<code>") wins over the desk's: the desk's text may name
    a key or a field of its window that a Picqer user does not have.
    """
    lang = parse_language(language)
    params = rule_params(violation)
    option = rule_option(violation)
    if has_text(f"option.label.{option}", lang):
        params["option"] = text(f"option.label.{option}", lang).lower()
        # A shipped profile option's violation names it by key only (domain.profiles); the relay's own options
        # carry their English label: both read as the catalogue names the option.
        params["label"] = text(f"option.label.{option}", lang)
    for key in (f"relay.{prefix}.{violation.code}", f"{prefix}.{violation.code}"):
        if has_text(key, lang) or has_text(key):
            return text(key, lang, **params)
    return str(violation)


def placeholders(template: str) -> set[str]:
    """Return the str.format names a text fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_problems(texts: dict[Language, dict[str, str]] | None = None) -> list[str]:
    """List empty texts, keys without Dutch (or Dutch without English), and Dutch with other placeholders."""
    texts = _TEXTS if texts is None else texts
    english, dutch = texts[Language.EN], texts[Language.NL]
    problems = [f"{key}: empty text" for key, template in english.items() if not template]
    problems += [f"{key}: Dutch text without an English one" for key in dutch.keys() - english.keys()]
    for key, template in english.items():
        if key not in dutch:
            problems.append(f"{key}: no Dutch text (add it to packstation/i18n/dutch.py)")
        elif placeholders(dutch[key]) != placeholders(template):
            problems.append(
                f"{key}: placeholders differ ({sorted(placeholders(template))} vs {sorted(placeholders(dutch[key]))})"
            )
    return problems


def keys() -> frozenset[str]:
    """Return every key the catalogue has."""
    return frozenset(_TEXTS[Language.EN])


def text_table(language: Language | str = Language.EN) -> Mapping[str, str]:
    """Return every text of `language` by key, read-only (a key Dutch lacks is missing here, not English)."""
    return MappingProxyType(_TEXTS[parse_language(language)])


def printer_conditions(conditions: Iterable[str], language: Language | str = Language.EN) -> str:
    """Return a printer's condition codes (packstation.printing.transport) in words, joined by commas.

    A code the catalogue does not know shows as itself rather than not at all.
    """
    words = []
    for condition in conditions:
        key = "printer." + condition.strip().lower().replace(" ", "_").replace("-", "_")
        words.append(text(key, language) if has_text(key) else condition)
    return ", ".join(words)


def printer_state(ready: bool, conditions: Iterable[str], language: Language | str = Language.EN) -> str:
    """Return whether a printer can print now in words: "ready", or its conditions."""
    if ready:
        return text("printer.ready", language)
    return printer_conditions(conditions, language) or text("printer.unknown", language)


def printer_name(name: str, language: Language | str = Language.EN) -> str:
    """Return a printer's name: the station's two roles in the language, any other printer as it is named."""
    role = {LABEL_PRINTER: "printer.role.label", DOCUMENT_PRINTER: "printer.role.document"}.get(name)
    return text(role, language) if role else name


def printer_error_text(error: PrinterError, language: Language | str = Language.EN, *, next_step: str = "") -> str:
    """Return what went wrong with a printer and what to do about it, then `next_step` (what to do after).

    The window (ui.messages.Messages.error), the print queue panel and the command line word a printer's error
    alike; without a next step the text ends with its own advice.
    """
    lang = parse_language(language)
    printer = printer_name(error.printer, lang)
    if isinstance(error, PrinterNotReady):
        conditions = printer_conditions(error.conditions, lang) if error.conditions else error.message
        words = text("error.printer_not_ready", lang, printer=printer, conditions=conditions, next=next_step)
    elif isinstance(error, PrinterNotFound):
        words = text("error.printer_not_found", lang, printer=printer, next=next_step)
    elif isinstance(error, PrinterDisconnected):
        words = text("error.printer_disconnected", lang, printer=printer, next=next_step)
    elif isinstance(error, PrintCancelled):
        words = text("error.print_cancelled", lang, next=next_step)
    else:
        words = text("error.printer_failed", lang, printer=printer, detail=error.message, next=next_step)
    return words.strip()


def queue_problem_text(problem: QueueProblem | None, language: Language | str = Language.EN) -> str:
    """Return why a print job failed, was cancelled or is tried again in words ("" when it has no problem).

    The printer's own error reads as printer errors read everywhere (printer_error_text); another error (a bug,
    a label that cannot be prepared) as its own message.
    """
    if problem is None:
        return ""
    lang = parse_language(language)
    params: dict[str, object] = dict(problem.params)
    if "printer" in params:
        params["printer"] = printer_name(str(params["printer"]), lang)
    if isinstance(problem.error, PrinterError):
        params["error"] = printer_error_text(problem.error, lang)
    elif problem.error is not None:
        params["error"] = str(problem.error)
    key = f"queue.problem.{problem.code.value}"
    return text(key, lang, **params) if has_text(key) else str(problem)
