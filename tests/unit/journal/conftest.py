"""Journal fixtures: a journal in a temporary data folder with a settable clock, and a real label PDF."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from packstation.journal import SqliteJournal

REPO_ROOT = Path(__file__).resolve().parents[3]
LABEL_SAMPLE = REPO_ROOT / "tests" / "data" / "labels" / "postnl_firstred_singlelabel_3S1234567890123.pdf"
CET = timezone(timedelta(hours=1))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2024, 5, 2, 9, 30, tzinfo=CET))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal(data: Path, clock: Clock) -> Iterator[SqliteJournal]:
    j = SqliteJournal(data / "journal.sqlite3", data / "labels", "Station 1", now=clock)
    yield j
    j.close()


@pytest.fixture(scope="session")
def label_pdf() -> bytes:
    return LABEL_SAMPLE.read_bytes()
