"""SqliteJournal: every step round-trips, labels are stored byte for byte, and nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from packstation.domain.errors import LabelError
from packstation.domain.journal_entry import JournalEntry, JournalUnavailable
from packstation.journal import REDACTED, SqliteJournal, label_file_name

from .conftest import REPO_ROOT, Clock

INTENT: dict[str, object] = {"profile": "PostNL standaard", "reference": "P2024-00123-1", "weight": 700}


def read(path: str | Path) -> bytes:
    return Path(path).read_bytes()


async def ship_fully(journal: SqliteJournal, pdf: bytes, number: str = "P2024-00123") -> int:
    entry_id = await journal.begin(4711, number, INTENT)
    await journal.record(entry_id, "created", {"shipment_ids": [101, 102]})
    path = await journal.save_label(number, [101, 102], pdf)
    await journal.record(entry_id, "label", {"path": path, "barcodes": ["3SABC1", "3SABC2"]})
    await journal.record(entry_id, "printed", {"printer": "Zebra ZD421", "job_id": "7"})
    for step in ("comment", "order_field", "pick_all", "closed", "done"):
        await journal.record(entry_id, step)
    return entry_id


async def test_every_step_round_trips(journal: SqliteJournal, label_pdf: bytes) -> None:
    entry_id = await ship_fully(journal, label_pdf)

    [entry] = await journal.for_picklist("P2024-00123")
    assert entry.id == entry_id
    assert entry.picklist_id == 4711
    assert entry.station == "Station 1"
    assert entry.created_at == "2024-05-02T09:30:00+01:00"
    # save_label found the begun entry (same shipments) and did not record "created" a second time.
    assert entry.steps == (
        "created",
        "label",
        "label",
        "printed",
        "comment",
        "order_field",
        "pick_all",
        "closed",
        "done",
    )
    assert entry.shipment_ids == (101, 102)
    assert entry.barcodes == ("3SABC1", "3SABC2")
    assert Path(entry.label_path).parent == journal.labels_dir
    assert entry.finished is True
    assert entry.print_error == ""
    assert entry.data == INTENT
    assert entry.remaining() == ()


async def test_failed_print_is_kept_until_a_print_succeeds(journal: SqliteJournal) -> None:
    entry_id = await journal.begin(1, "P1", {})
    await journal.record(entry_id, "created", {"shipment_ids": [5]})
    await journal.record(entry_id, "print_failed", {"reason": "paper out"})

    [entry] = await journal.unfinished()
    assert entry.print_error == "paper out"
    assert "reprint the label" in entry.remaining()

    await journal.record(entry_id, "printed", {"printer": "Zebra", "job_id": "1"})
    [entry] = await journal.unfinished()
    assert entry.print_error == ""
    assert entry.steps == ("created", "print_failed", "printed")


async def test_unfinished_lists_only_entries_without_done(journal: SqliteJournal, label_pdf: bytes) -> None:
    await ship_fully(journal, label_pdf, "P-DONE")
    booked = await journal.begin(2, "P-BOOKED", {})
    await journal.record(booked, "created", {"shipment_ids": [9]})
    intent_only = await journal.begin(3, "P-INTENT", {})

    unfinished = await journal.unfinished()

    assert [e.picklist_number for e in unfinished] == ["P-BOOKED", "P-INTENT"]
    assert unfinished[0].remaining() == ("fetch the label", "reprint the label", "finish the Picqer write-back")
    assert unfinished[1].id == intent_only
    assert unfinished[1].remaining() == ("book the shipment (look it up by reference first)",)


async def test_today_filters_by_local_date(journal: SqliteJournal, clock: Clock) -> None:
    await journal.begin(1, "P-YESTERDAY", {})
    clock.now += timedelta(days=1)
    await journal.begin(2, "P-TODAY", {})

    assert [e.picklist_number for e in await journal.today()] == ["P-TODAY"]
    assert [e.picklist_number for e in await journal.today(date(2024, 5, 2))] == ["P-YESTERDAY"]
    assert await journal.today(date(2024, 5, 4)) == []
    assert len(await journal.entries()) == 2


async def test_label_is_stored_as_a_file_and_read_back_byte_for_byte(journal: SqliteJournal, label_pdf: bytes) -> None:
    entry_id = await journal.begin(1, "P2024/00123 ..\\x", {})
    path = Path(await journal.save_label("P2024/00123 ..\\x", [11, 12], label_pdf))

    assert path == journal.labels_dir / "P2024_00123_.._x_11-12.pdf"
    assert read(path) == label_pdf
    assert not [p for p in journal.labels_dir.iterdir() if p.name.endswith(".tmp")]
    [entry] = await journal.for_picklist("P2024/00123 ..\\x")
    assert entry.id == entry_id
    assert entry.label_path == str(path)
    assert entry.shipment_ids == (11, 12)
    assert await journal.label_bytes(entry) == label_pdf


async def test_label_without_begun_entry_still_shows_up(journal: SqliteJournal, label_pdf: bytes) -> None:
    path = await journal.save_label("P-LOOSE", [77], label_pdf)

    [entry] = await journal.unfinished()
    assert entry.picklist_number == "P-LOOSE"
    assert entry.steps == ("created", "label")
    assert entry.shipment_ids == (77,)
    assert entry.label_path == path


async def test_a_different_label_under_the_same_name_keeps_both(journal: SqliteJournal, label_pdf: bytes) -> None:
    first = await journal.save_label("P1", [1], label_pdf)
    again = await journal.save_label("P1", [1], label_pdf)
    other = await journal.save_label("P1", [1], label_pdf + b"\n% changed")

    assert first == again
    assert other != first
    assert read(first) == label_pdf
    assert read(other) == label_pdf + b"\n% changed"


async def test_damaged_label_file_is_reported_not_printed(journal: SqliteJournal, label_pdf: bytes) -> None:
    await journal.save_label("P1", [1], label_pdf)
    [entry] = await journal.for_picklist("P1")
    await asyncio.to_thread(Path(entry.label_path).write_bytes, label_pdf[:100])

    with pytest.raises(LabelError, match="changed or damaged"):
        await journal.label_bytes(entry)

    await asyncio.to_thread(Path(entry.label_path).unlink)
    with pytest.raises(LabelError, match="cannot be read"):
        await journal.label_bytes(entry)


async def test_bad_calls_are_refused_and_write_nothing(journal: SqliteJournal) -> None:
    entry_id = await journal.begin(1, "P1", {})
    with pytest.raises(ValueError, match="unknown journal step"):
        await journal.record(entry_id, "shipped")
    with pytest.raises(KeyError):
        await journal.record(entry_id + 99, "created", {"shipment_ids": [1]})
    with pytest.raises(LabelError):
        await journal.save_label("P1", [1], b"")
    with pytest.raises(ValueError):
        await journal.begin(1, "  ", {})

    [entry] = await journal.entries()
    assert entry.steps == ()


async def test_credentials_in_intent_or_step_data_are_redacted(journal: SqliteJournal) -> None:
    secret = "pq_live_0123456789abcdef"
    intent: dict[str, object] = {
        "profile": "PostNL",
        "api_key": secret,
        "headers": {"Authorization": f"Bearer {secret}", "Accept": "application/json"},
        "parcels": [{"X-Api-Key": secret, "weight": 500}],
    }
    entry_id = await journal.begin(1, "P1", intent)
    await journal.record(entry_id, "comment", {"authorization": secret, "text": "Track & trace"})

    [entry] = await journal.entries()
    assert entry.data == {
        "profile": "PostNL",
        "api_key": REDACTED,
        "headers": {"Authorization": REDACTED, "Accept": "application/json"},
        "parcels": [{"X-Api-Key": REDACTED, "weight": 500}],
    }
    raw = read(journal.path) + read(f"{journal.path}-wal")
    assert secret.encode() not in raw


async def test_a_second_journal_on_the_same_file_sees_every_committed_step(
    data: Path, journal: SqliteJournal, label_pdf: bytes, clock: Clock
) -> None:
    entry_id = await journal.begin(1, "P1", INTENT)
    await journal.record(entry_id, "created", {"shipment_ids": [5]})
    await journal.save_label("P1", [5], label_pdf)

    # No close() on the first: the second must see what is committed, not what is flushed at exit.
    second = SqliteJournal(data / "journal.sqlite3", data / "labels", "Station 1", now=clock)
    try:
        [entry] = await second.unfinished()
        assert entry.steps == ("created", "label")
        assert await second.label_bytes(entry) == label_pdf
    finally:
        second.close()


def test_steps_survive_a_process_that_dies_without_closing(data: Path, label_pdf: bytes) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, os, sys
        from pathlib import Path
        from packstation.journal import SqliteJournal

        async def main():
            j = SqliteJournal(Path({str(data / "journal.sqlite3")!r}), Path({str(data / "labels")!r}), "S")
            entry_id = await j.begin(1, "P-CRASH", {{"weight": 700}})
            await j.record(entry_id, "created", {{"shipment_ids": [31]}})
            await j.save_label("P-CRASH", [31], sys.stdin.buffer.read())
            await j.record(entry_id, "printed", {{"printer": "Zebra", "job_id": "1"}})
            os._exit(3)  # a crash: no close, no checkpoint, no interpreter shutdown

        asyncio.run(main())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=label_pdf, cwd=REPO_ROOT, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 3, done.stderr.decode()
    assert Path(f"{data / 'journal.sqlite3'}-wal").stat().st_size > 0  # the steps live only in the WAL

    async def reopen() -> list[JournalEntry]:
        j = SqliteJournal(data / "journal.sqlite3", data / "labels", "S")
        try:
            entries = await j.unfinished()
            assert await j.label_bytes(entries[0]) == label_pdf
            return entries
        finally:
            j.close()

    [entry] = asyncio.run(reopen())
    assert entry.steps == ("created", "label", "printed")
    assert entry.data == {"weight": 700}


async def test_two_journals_writing_at_once_lose_nothing(data: Path, journal: SqliteJournal, clock: Clock) -> None:
    other = SqliteJournal(data / "journal.sqlite3", data / "labels", "Station 2", now=clock)
    try:

        async def ship(j: SqliteJournal, n: int) -> None:
            entry_id = await j.begin(n, f"P-{j.station}-{n}", {})
            await j.record(entry_id, "created", {"shipment_ids": [n]})
            await j.record(entry_id, "done")

        await asyncio.gather(*(ship(j, n) for n in range(40) for j in (journal, other)))
        entries = await other.entries()
    finally:
        other.close()

    assert len(entries) == 80
    assert {e.steps for e in entries} == {("created", "done")}
    assert len({e.picklist_number for e in entries}) == 80


def test_two_processes_writing_at_once_lose_nothing_and_keep_the_file_sound(data: Path) -> None:
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        from packstation.journal import SqliteJournal

        async def main(station):
            j = SqliteJournal(Path({str(data / "journal.sqlite3")!r}), Path({str(data / "labels")!r}), station)
            for n in range(60):
                entry_id = await j.begin(n, f"P-{{station}}-{{n}}", {{}})
                await j.record(entry_id, "created", {{"shipment_ids": [n]}})
                await j.save_label(f"P-{{station}}-{{n}}", [n], b"%PDF-1.4 " + station.encode())
                await j.record(entry_id, "done")
            j.close()

        asyncio.run(main(sys.argv[1]))
        """
    )
    SqliteJournal(data / "journal.sqlite3", data / "labels", "setup").close()  # both start from one schema
    procs = [
        subprocess.Popen([sys.executable, "-c", script, name], cwd=REPO_ROOT, stderr=subprocess.PIPE)
        for name in ("A", "B")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()

    conn = sqlite3.connect(data / "journal.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*), sum(finished) FROM entries").fetchone() == (120, 120)
        assert conn.execute("SELECT count(*) FROM steps").fetchone()[0] == 360
        assert conn.execute("SELECT count(*) FROM labels").fetchone()[0] == 120
    finally:
        conn.close()
    assert len(list((data / "labels").glob("*.pdf"))) == 120


async def test_disk_work_runs_off_the_event_loop_thread(journal: SqliteJournal) -> None:
    seen: list[str] = []
    # The connection reports the thread of each statement; the loop's thread must never appear.
    await journal._run(
        lambda: journal._connection().set_trace_callback(lambda _sql: seen.append(threading.current_thread().name))
    )
    await journal.begin(1, "P1", {})
    await journal.unfinished()

    assert seen
    assert threading.current_thread().name not in seen
    assert all(name.startswith("packstation-journal") for name in seen)


async def test_closed_journal_refuses_work(journal: SqliteJournal) -> None:
    journal.close()
    journal.close()  # twice is harmless
    with pytest.raises(JournalUnavailable, match="closed"):
        await journal.begin(1, "P1", {})


def test_label_file_names_are_safe_everywhere() -> None:
    assert label_file_name("P2024-00123", [1, 2]) == "P2024-00123_1-2.pdf"
    assert label_file_name("../../etc/passwd", [3]) == "etc_passwd_3.pdf"
    assert label_file_name("CON", []) == "CON_no-shipment.pdf"
    assert label_file_name("", [4]) == "picklist_4.pdf"
    assert len(label_file_name("P" * 500, list(range(200)))) <= 170


def test_journal_json_columns_hold_plain_json(data: Path) -> None:
    j = SqliteJournal(data / "journal.sqlite3", data / "labels", "S")
    asyncio.run(j.begin(1, "P1", {"when": date(2024, 5, 2), "weight": 700}))
    j.close()
    conn = sqlite3.connect(data / "journal.sqlite3")
    try:
        intent = conn.execute("SELECT intent FROM entries").fetchone()[0]
    finally:
        conn.close()
    assert json.loads(intent) == {"when": "2024-05-02", "weight": 700}
