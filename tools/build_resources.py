"""Build the Qt resources: sync the .ts files with the English catalogue, compile .qm and resources_rc.py.

Run after editing packstation/ui/messages.py (new or changed English text), a .ts file (translations),
resources/style.qss or an icon:

    .venv/bin/python tools/build_resources.py

The .ts files in resources/translations are the source of truth for every language but English. This
tool only adds keys that are new in the catalogue (empty, unfinished), marks a translation unfinished
when its English text changed (the old English stays in <oldsource> for the translator) and drops keys
the catalogue no longer has. Edit translations in Qt Linguist (`pyside6-linguist`) or any text editor.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
QRC = RESOURCES / "packstation.qrc"
RESOURCES_RC = ROOT / "packstation" / "ui" / "resources_rc.py"
CONTEXT = "packstation"
# language code -> the locale written in the .ts header
LANGUAGES = {"en": "en_US", "nl": "nl_NL"}
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Entry:
    """One catalogue text: its key (the .ts <comment>, which Qt uses to tell equal English texts apart)."""

    key: str
    source: str
    translation: str = ""
    finished: bool = False
    old_source: str = ""


def ts_path(language: str) -> Path:
    """Return the .ts file of `language`."""
    return TRANSLATIONS / f"packstation_{language}.ts"


def read_ts(path: Path) -> dict[str, Entry]:
    """Return the entries of a .ts file by catalogue key."""
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()  # noqa: S314 - our own file, not input from outside
    entries: dict[str, Entry] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            key = message.findtext("comment") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else "unfinished"
            entries[key] = Entry(
                key=key,
                source=message.findtext("source") or "",
                translation=text,
                finished=kind == "",
                old_source=message.findtext("oldsource") or "",
            )
    return entries


def write_ts(path: Path, language: str, entries: list[Entry]) -> None:
    """Write `entries` as a Qt Linguist .ts file (the layout Qt Linguist itself writes)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGES[language]}" sourcelanguage="{LANGUAGES[SOURCE_LANGUAGE]}">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for entry in entries:
        lines.append("    <message>")
        lines.append(f"        <source>{_xml(entry.source)}</source>")
        if entry.old_source:
            lines.append(f"        <oldsource>{_xml(entry.old_source)}</oldsource>")
        lines.append(f"        <comment>{_xml(entry.key)}</comment>")
        kind = "" if entry.finished else ' type="unfinished"'
        lines.append(f"        <translation{kind}>{_xml(entry.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def _xml(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def synced(catalogue: dict[str, str], existing: dict[str, Entry], language: str) -> list[Entry]:
    """Return the .ts entries for `catalogue`, keeping every translation whose English text is unchanged."""
    entries = []
    for key, source in catalogue.items():
        old = existing.get(key)
        if language == SOURCE_LANGUAGE:
            # English needs no translation: the catalogue text is shown as is. The file lists what to translate.
            entries.append(Entry(key, source))
        elif old is None:
            entries.append(Entry(key, source))
        elif old.source == source:
            entries.append(old)
        else:
            # The English changed: keep the old Dutch as a starting point, but a translator must review it.
            entries.append(Entry(key, source, old.translation, finished=False, old_source=old.source))
    return entries


def sync_translations(catalogue: dict[str, str]) -> list[str]:
    """Bring every .ts file in line with `catalogue`; return what changed, one line per key."""
    report = []
    for language in LANGUAGES:
        path = ts_path(language)
        existing = read_ts(path)
        entries = synced(catalogue, existing, language)
        for entry in entries:
            if language != SOURCE_LANGUAGE and not entry.finished:
                report.append(f"{path.name}: {entry.key} needs a translation")
        report += [f"{path.name}: {key} dropped" for key in existing.keys() - catalogue.keys()]
        write_ts(path, language, entries)
    return report


def tool(name: str) -> str:
    """Return the path of a PySide6 command-line tool, preferring the one beside this Python."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def compile_translations() -> list[Path]:
    """Compile every .ts file into a .qm file beside it (unfinished translations are left out)."""
    compiled = []
    for language in LANGUAGES:
        ts = ts_path(language)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603
        compiled.append(qm)
    return compiled


def compile_resources(output: Path = RESOURCES_RC) -> None:
    """Compile resources/packstation.qrc into a Python module that registers the resources on import."""
    # Format 1 leaves out file modification times, so the same inputs always give the same module.
    subprocess.run(  # noqa: S603
        [tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(output)], check=True
    )


def main(argv: list[str] | None = None) -> int:
    """Sync, compile the translations, compile the resources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-sync", action="store_true", help="compile only; leave the .ts files as they are")
    args = parser.parse_args(argv)
    if not args.no_sync:
        sys.path.insert(0, str(ROOT))
        from packstation.ui.messages import CATALOGUE

        for line in sync_translations(CATALOGUE):
            print(line)
    for qm in compile_translations():
        print(f"compiled {qm.relative_to(ROOT)}")
    compile_resources()
    print(f"compiled {RESOURCES_RC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
