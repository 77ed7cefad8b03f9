"""open_journal on bad input: locked, damaged, newer or foreign files are moved aside, never deleted."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from packstation.journal import SCHEMA_VERSION, JournalUnusable, SqliteJournal, open_journal

from .conftest import REPO_ROOT


def aside_files(data: Path) -> list[Path]:
    return sorted(p for p in data.iterdir() if ".unusable-" in p.name)


def fresh_journal_works(journal: SqliteJournal) -> None:
    async def use() -> None:
        entry_id = await journal.begin(1, "P-NEW", {})
        await journal.record(entry_id, "created", {"shipment_ids": [1]})
        [entry] = await journal.entries()
        assert entry.steps == ("created",)

    try:
        asyncio.run(use())
    finally:
        journal.close()


def make_journal_with_one_entry(data: Path) -> None:
    j = SqliteJournal(data / "journal.sqlite3", data / "labels", "S")
    asyncio.run(j.begin(1, "P-OLD", {}))
    j.close()


def test_a_new_journal_is_wal_and_versioned(data: Path) -> None:
    journal, problem = open_journal(data / "journal.sqlite3", data / "labels", "S")
    journal.close()
    journal, problem_again = open_journal(data / "journal.sqlite3", data / "labels", "S")
    fresh_journal_works(journal)

    assert problem is None and problem_again is None
    conn = sqlite3.connect(data / "journal.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    assert aside_files(data) == []


def test_a_file_that_is_not_a_database_is_moved_aside(data: Path) -> None:
    data.mkdir(parents=True)
    garbage = b"this is a spreadsheet someone saved here\n" * 200
    (data / "journal.sqlite3").write_bytes(garbage)
    (data / "journal.sqlite3-wal").write_bytes(b"wal of the damaged file")

    journal, problem = open_journal(data / "journal.sqlite3", data / "labels", "S")
    fresh_journal_works(journal)

    aside, aside_shm, aside_wal = aside_files(data)
    assert problem is not None
    assert "is damaged" in problem and str(aside) in problem and "new journal" in problem
    assert aside.read_bytes() == garbage  # nothing deleted
    assert aside_wal == Path(f"{aside}-wal") and aside_wal.read_bytes() == b"wal of the damaged file"
    assert aside_shm == Path(f"{aside}-shm")


def test_a_damaged_database_is_moved_aside(data: Path) -> None:
    make_journal_with_one_entry(data)
    path = data / "journal.sqlite3"
    raw = bytearray(path.read_bytes())
    assert len(raw) > 8192
    raw[4096 + 8 : 4096 + 200] = b"\xff" * 192  # scribble over the second page's b-tree header and cells
    path.write_bytes(bytes(raw))

    journal, problem = open_journal(path, data / "labels", "S")
    fresh_journal_works(journal)

    # SQLite words the damage in several ways (malformed, not a database, disk I/O...): the packer needs "damaged".
    assert problem is not None and "is damaged" in problem and "\n" not in problem
    [aside] = [p for p in aside_files(data) if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == bytes(raw)


def test_a_journal_from_a_newer_version_is_moved_aside_with_its_wal(data: Path) -> None:
    make_journal_with_one_entry(data)
    path = data / "journal.sqlite3"
    # A newer packstation bumped the version, wrote an entry and crashed: that entry lives only in the WAL.
    newer = textwrap.dedent(
        f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r})
        conn.execute("PRAGMA user_version={SCHEMA_VERSION + 1}")
        conn.execute("INSERT INTO entries (picklist_id, picklist_number, station, created_at, day, intent)"
                     " VALUES (2, 'P-IN-WAL', 'S', '', '', '{{}}')")
        conn.commit()
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", newer], cwd=REPO_ROOT, check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0

    with pytest.raises(JournalUnusable) as raised:
        SqliteJournal(path, data / "labels", "S")
    assert raised.value.kind == "newer"

    journal, problem = open_journal(path, data / "labels", "S")
    fresh_journal_works(journal)

    assert problem is not None and "newer version of packstation" in problem
    [main] = [p for p in aside_files(data) if not p.name.endswith(("-wal", "-shm"))]
    assert Path(f"{main}-wal").exists()  # looked at read-only: its WAL was neither checkpointed nor deleted
    # The moved copy still opens with its WAL: the newer version's last write is there.
    conn = sqlite3.connect(main)
    try:
        numbers = {row[0] for row in conn.execute("SELECT picklist_number FROM entries")}
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    finally:
        conn.close()
    assert numbers == {"P-OLD", "P-IN-WAL"}


def test_another_programs_database_is_moved_aside(data: Path) -> None:
    data.mkdir(parents=True)
    other = sqlite3.connect(data / "journal.sqlite3")
    other.execute("CREATE TABLE customers (name TEXT)")
    other.commit()
    other.close()

    journal, problem = open_journal(data / "journal.sqlite3", data / "labels", "S")
    fresh_journal_works(journal)

    assert problem is not None and "is not a packstation journal" in problem
    assert len(aside_files(data)) == 1


def test_a_journal_locked_by_another_process_is_left_alone_and_a_new_one_used(data: Path) -> None:
    make_journal_with_one_entry(data)
    path = data / "journal.sqlite3"
    holder = textwrap.dedent(
        f"""
        import sqlite3, sys
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO entries (picklist_id, picklist_number, station, created_at, day, intent)"
                     " VALUES (3, 'P-HELD', 'S', '', '', '{{}}')")
        print("holding", flush=True)
        sys.stdin.read()  # hold the lock until the test closes our stdin
        conn.execute("COMMIT")
        conn.close()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        journal, problem = open_journal(path, data / "labels", "S", busy_timeout=0.3)
        fresh = journal.path
        fresh_journal_works(journal)
    finally:
        proc.communicate(input="", timeout=30)
    assert proc.returncode == 0

    assert problem is not None and "is locked by another program" in problem and str(fresh) in problem
    assert fresh != path and fresh.parent == path.parent
    # The other program finished its write into the untouched file, and the old entry is there too.
    conn = sqlite3.connect(path)
    try:
        numbers = {row[0] for row in conn.execute("SELECT picklist_number FROM entries")}
    finally:
        conn.close()
    assert numbers == {"P-OLD", "P-HELD"}
    # The new journal kept this session's entry after the other program closed.
    conn = sqlite3.connect(fresh)
    try:
        assert [row[0] for row in conn.execute("SELECT picklist_number FROM entries")] == ["P-NEW"]
    finally:
        conn.close()


def test_moving_aside_never_overwrites_an_earlier_unusable_copy(data: Path) -> None:
    data.mkdir(parents=True)
    for n in range(2):
        (data / "journal.sqlite3").write_bytes(b"garbage %d" % n * 100)
        journal, problem = open_journal(data / "journal.sqlite3", data / "labels", "S")
        journal.close()
        assert problem is not None
        (data / "journal.sqlite3").unlink()
        for companion in data.glob("journal.sqlite3-*"):
            companion.unlink()

    contents = sorted(p.read_bytes()[:9] for p in aside_files(data))
    assert contents == [b"garbage 0", b"garbage 1"]
