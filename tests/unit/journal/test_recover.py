"""A damaged or truncated journal: set aside untouched, and what can be read comes back into the new one."""

from __future__ import annotations

import asyncio
import sqlite3
import struct
from pathlib import Path

import pytest

from packstation.journal import SqliteJournal, open_journal

PAGE = 4096
TABLE_LEAF = 0x0D  # SQLite's b-tree page type of a table's leaf page
ENTRIES = 300


def make_journal(data: Path, count: int = ENTRIES) -> Path:
    path = data / "journal.sqlite3"
    journal = SqliteJournal(path, data / "labels", "S")

    async def fill() -> None:
        for n in range(count):
            entry_id = await journal.begin(n, f"P-{n:04d}", {"carrier": "postnl", "note": "x" * 40})
            await journal.record(entry_id, "created", {"shipment_ids": [1000 + n]})

    asyncio.run(fill())
    journal.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE
    conn.close()
    return path


def entries_of(journal: SqliteJournal) -> list[str]:
    try:
        return [entry.picklist_number for entry in asyncio.run(journal.entries())]
    finally:
        journal.close()


def aside_of(data: Path) -> Path:
    [aside] = [p for p in data.iterdir() if ".unusable-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    return aside


def test_a_damaged_page_loses_only_its_entries(data: Path) -> None:
    path = make_journal(data)
    raw = bytearray(path.read_bytes())
    # The table leaf page holding entry P-0150 (the index on picklist_number holds the text too: skip its pages).
    at = next(
        i
        for i in range(len(raw))
        if raw.startswith(b"P-0150", i) and raw[(i // PAGE) * PAGE] == TABLE_LEAF and i // PAGE > 0
    )
    page = (at // PAGE) * PAGE
    raw[page : page + 12] = b"\xff" * 12  # its header: the page can no longer be read as a b-tree page
    path.write_bytes(bytes(raw))

    journal, problem = open_journal(path, data / "labels", "S")
    numbers = entries_of(journal)

    assert problem is not None and "is damaged" in problem and "Recovered" in problem and "\n" not in problem
    assert "P-0150" not in numbers
    assert 200 <= len(numbers) < ENTRIES  # one page of ~30 entries lost, the rest back
    assert f"Recovered {len(numbers)} entries" in problem
    assert numbers == sorted(numbers) and "P-0000" in numbers and "P-0299" in numbers
    assert aside_of(data).read_bytes() == bytes(raw)  # the damaged copy is kept exactly as it was


def test_a_truncated_journal_gives_back_its_first_entries(data: Path) -> None:
    path = make_journal(data)
    raw = path.read_bytes()
    cut = raw[: len(raw) // 2]
    path.write_bytes(cut)

    journal, problem = open_journal(path, data / "labels", "S")
    recovered = asyncio.run(journal.entries())
    journal.close()

    assert problem is not None and "is damaged" in problem
    assert aside_of(data).read_bytes() == cut
    # The first half of the file held a good part of the entries: they read back (a step whose page was cut off
    # is missing, never made up), and the message counts them and says some of the file did not read.
    assert len(recovered) >= 50
    assert all(entry.steps in ((), ("created",)) for entry in recovered)
    assert sum(entry.steps == ("created",) for entry in recovered) >= 25
    assert f"Recovered {len(recovered)} entries" in problem and "unreadable" in problem


def test_the_new_journal_goes_on_after_recovery(data: Path) -> None:
    path = make_journal(data, count=40)
    raw = bytearray(path.read_bytes())
    raw[PAGE + 8 : PAGE + 200] = b"\xff" * 192
    path.write_bytes(bytes(raw))

    journal, problem = open_journal(path, data / "labels", "S")

    async def use() -> list[str]:
        entry_id = await journal.begin(7, "P-NEW", {})
        await journal.record(entry_id, "created", {"shipment_ids": [9]})
        return [entry.picklist_number for entry in await journal.entries()]

    try:
        numbers = asyncio.run(use())
    finally:
        journal.close()
    assert problem is not None and "Recovered" in problem
    assert numbers[-1] == "P-NEW" and len(set(numbers)) == len(numbers)  # new ids never clash with recovered ones


def test_nothing_readable_is_said_plainly(data: Path) -> None:
    data.mkdir(parents=True)
    (data / "journal.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 1000)

    journal, problem = open_journal(data / "journal.sqlite3", data / "labels", "S")
    assert entries_of(journal) == []
    assert problem is not None and "is damaged" in problem
    assert "Nothing could be recovered" in problem or "Recovered 0 entries" in problem


def test_entries_below_a_destroyed_root_page_are_read_from_their_own_pages(data: Path) -> None:
    path = data / "journal.sqlite3"
    journal = SqliteJournal(path, data / "labels", "S")

    async def fill() -> None:
        for n in range(ENTRIES):
            # Every 50th intent is longer than a page: it continues on overflow pages.
            note = "long " * 2000 if n % 50 == 0 else "short"
            entry_id = await journal.begin(n, f"P-{n:04d}", {"note": note})
            await journal.record(entry_id, "created", {"shipment_ids": [n]})

    asyncio.run(fill())
    journal.close()
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entries'").fetchone()[0]
    conn.close()
    raw = bytearray(path.read_bytes())
    assert raw[(root - 1) * PAGE] == 0x05  # an interior page: every entry is below it
    raw[(root - 1) * PAGE : (root - 1) * PAGE + 12] = b"\xff" * 12
    path.write_bytes(bytes(raw))

    journal, problem = open_journal(path, data / "labels", "S")
    try:
        recovered = asyncio.run(journal.entries())
    finally:
        journal.close()

    assert problem is not None and f"Recovered {ENTRIES} entries with {ENTRIES} step(s)" in problem
    assert [entry.picklist_number for entry in recovered] == [f"P-{n:04d}" for n in range(ENTRIES)]
    assert recovered[50].data["note"] == "long " * 2000 and recovered[51].data["note"] == "short"
    assert all(entry.steps == ("created",) for entry in recovered)


def test_a_row_whose_float_is_cut_off_is_skipped_not_fatal(data: Path) -> None:
    from packstation.journal import _record

    # A record header of 2 bytes saying "one 8-byte float", followed by only 3 of its bytes: damage, which the
    # page salvage skips (ValueError), not an error that would stop the whole recovery.
    with pytest.raises(ValueError, match="cut off"):
        _record(bytes([2, 7, 0x40, 0x09, 0x21]))
    whole = bytes([2, 7]) + struct.pack(">d", 3.25)
    assert _record(whole) == [3.25]
