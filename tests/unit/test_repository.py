"""A clone is the whole project: no code, test or document reaches for a folder beside the repository."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = ["packstation", "tests", "bench", "tools", "installer", ".ci", "docs"]
TOP_LEVEL = ["README.md", "CONTRIBUTING.md", "BENCHMARKS.md", "pyproject.toml"]
TEXT_SUFFIXES = {".py", ".md", ".toml", ".sh", ".spec", ".iss", ".ps1", ".txt", ""}
# What pointed outside the clone before: the shared reference folder beside it and the documents in it.
OUTSIDE = re.compile(r"\.\./shared|\bshared/(samples|design|spec|seeds)\b|\bseeds/\d{3}_|/work/")
# Citations of those documents, which a reader of the clone cannot open: "seed 000", "[002 §6.A]", "api-contract",
# "contract §A.7", "[PQ-DOC:...]". Comments cite the vendor's URL or docs/api-notes.md instead. (A random "seed"
# followed by a name or a variable stays allowed.)
CITES_OUTSIDE = re.compile(r"(?<!-)\bseeds? \d{3}\b|\[\d{3} §|api-contract|\bcontract §|PQ-DOC")
MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def text_files() -> list[Path]:
    files = [REPO / name for name in TOP_LEVEL]
    for folder in SOURCES:
        files += [
            p
            for p in (REPO / folder).rglob("*")
            if p.is_file() and p.suffix in TEXT_SUFFIXES and "__pycache__" not in p.parts and p.name != "SOURCES.md"
        ]
    return [p for p in files if p.is_file() and p.resolve() != Path(__file__).resolve()]


def test_nothing_refers_to_a_folder_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in text_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert found == []


def test_comments_cite_only_sources_a_reader_can_open() -> None:
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in text_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if CITES_OUTSIDE.search(line)
    ]
    assert found == []


def test_every_relative_link_of_the_documentation_is_a_file_of_the_repository() -> None:
    documents = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]
    broken = [
        f"{doc.relative_to(REPO)} -> {target}"
        for doc in documents
        for target in MARKDOWN_LINK.findall(doc.read_text(encoding="utf-8"))
        if "://" not in target and not target.startswith("mailto:")
        if not (doc.parent / target).resolve().is_relative_to(REPO) or not (doc.parent / target).exists()
    ]
    assert broken == []
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for linked in ("docs/ARCHITECTURE.md", "docs/PRINTING.md", "docs/api-notes.md", "CONTRIBUTING.md"):
        assert f"]({linked})" in readme
