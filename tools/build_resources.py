"""Build the Qt resources: check the wording catalogue, compile resources_rc.py (style sheet, icons).

Run after editing resources/style.qss or an icon:

    .venv/bin/python tools/build_resources.py

Words are not Qt resources: English and Dutch live in packstation/i18n (english.py, dutch.py, relay_texts.py),
read as Python by the GUI, the CLI and the relay alike. This tool refuses to build while a key lacks a language
or a Dutch text fills in other placeholders than its English (the same check tests/ui/test_messages.py runs).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
QRC = RESOURCES / "packstation.qrc"
RESOURCES_RC = ROOT / "packstation" / "ui" / "resources_rc.py"


def tool(name: str) -> str:
    """Return the path of a PySide6 command-line tool, preferring the one beside this Python."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def compile_resources(output: Path = RESOURCES_RC) -> None:
    """Compile resources/packstation.qrc into a Python module that registers the resources on import."""
    # Format 1 leaves out file modification times, so the same inputs always give the same module.
    subprocess.run(  # noqa: S603
        [tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(output)], check=True
    )


def main(argv: list[str] | None = None) -> int:
    """Check the catalogue, compile the resources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from packstation.i18n import catalogue_problems

    problems = catalogue_problems()
    for line in problems:
        print(line)
    if problems:
        return 1
    compile_resources()
    print(f"compiled {RESOURCES_RC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
