"""Every problem code the code below the UI can produce has English and Dutch words in the one catalogue.

The domain, the settings loader and Picqer's payload reader carry a code and values only; a code the catalogue
does not know would reach the packer (or Picqer's user) as its bare code. This reads the sources for the codes
they write as literals, so a new rule without words fails here instead of in front of someone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from packstation import i18n
from packstation.domain.errors import Violation

PACKAGE = Path(i18n.__file__).resolve().parents[1]
SOURCES = [*sorted((PACKAGE / "domain").glob("*.py")), PACKAGE / "settings.py"]
# The helpers that build a Violation from a code: the code is their first argument.
BUILDERS = {"Violation", "_v", "_why", "_problem", "bad"}
PREFIXES = ("violation", "split", "settings_problem", "relay.violation")


def literal_codes(path: Path) -> set[str]:
    codes = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        first = node.args[0]
        if name in BUILDERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            codes.add(first.value)
    return codes


CODES = sorted({code for path in SOURCES for code in literal_codes(path)})


def test_the_sources_are_read() -> None:
    assert len(CODES) > 80 and "age_check_needs_signature" in CODES and "setting_unknown" in CODES


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_english_and_dutch(code: str) -> None:
    keys = [f"{prefix}.{code}" for prefix in PREFIXES if i18n.has_text(f"{prefix}.{code}")]
    assert keys, f"{code}: no text in packstation/i18n (english.py and dutch.py)"
    assert all(i18n.has_text(key, i18n.Language.NL) for key in keys), f"{code}: no Dutch text"


def test_a_violation_logs_its_code_and_values_and_reads_as_words() -> None:
    violation = Violation("age_check_not_abroad", (("cc", "BE"),))
    assert str(violation) == "age_check_not_abroad (cc=BE)"  # logs: no second English text to keep in step
    assert i18n.violation_text(violation) == "An age check is not possible to BE: switch it off."
    assert i18n.violation_text(violation, "nl") != i18n.violation_text(violation)
