"""Printer conditions travel as codes below the UI; the one catalogue words them in English and Dutch."""

from __future__ import annotations

import pytest

from packstation import i18n
from packstation.printing import transport

# Every condition code the printing layer defines: its module-level text constants (STX, ~HS are not text).
DEFINED = {value for name, value in vars(transport).items() if name.isupper() and isinstance(value, str)}


def test_every_defined_condition_is_listed() -> None:
    assert set(transport.CONDITIONS) == DEFINED, "add the new condition to transport.CONDITIONS"


@pytest.mark.parametrize("code", transport.CONDITIONS)
def test_every_condition_has_english_and_dutch_words(code: str) -> None:
    key = f"printer.{code}"
    assert i18n.has_text(key), f"{code}: no English text (add {key} to packstation/i18n/english.py)"
    assert i18n.has_text(key, i18n.Language.NL), f"{code}: no Dutch text (add {key} to packstation/i18n/dutch.py)"


def test_conditions_read_as_words_in_the_packers_language() -> None:
    conditions = (transport.PAPER_OUT, transport.PAUSED)
    assert i18n.printer_state(False, conditions) == "paper out, paused"
    assert i18n.printer_state(False, conditions, "nl") == "papier op, gepauzeerd"
    assert i18n.printer_state(True, (), "nl") == "klaar"
    assert i18n.printer_conditions(["jammed"]) == "jammed"  # a code nobody worded shows as itself, not as nothing
