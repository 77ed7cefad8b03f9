"""How the device-listing subcommands (`printers`, `scales`) report what they found."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any


def report_found(
    key: str,
    rows: Sequence[dict[str, Any]],
    problems: Sequence[str],
    *,
    as_json: bool,
    none_found: str,
    line: Callable[[dict[str, Any]], str],
) -> int:
    """Print the devices found, one `line` each (or all of it as JSON under `key`), with why a search fell short.

    Always 0: finding nothing is an answer, not a failure.
    """
    if as_json:
        print(json.dumps({key: list(rows), "problems": list(problems)}, indent=2))
        return 0
    note = "; ".join(problems)
    if note:
        print(f"note: {note}", file=sys.stderr)
    if not rows:
        print(none_found)
        return 0
    for row in rows:
        print(line(row))
    return 0
