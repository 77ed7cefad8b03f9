"""`packstation journal`: what the packer reads, the JSON for scripts, and a stored label written out offline."""

from __future__ import annotations

import argparse
import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from packstation.commands import journal as command
from packstation.journal import SqliteJournal


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="packstation")
    command.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["journal", *argv])


@pytest.fixture
def data_env(data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PACKSTATION_DATA_DIR", str(data))
    return data


@pytest.fixture
def shipped(data_env: Path, label_pdf: bytes) -> Path:
    """A journal with a finished shipment today, an unfinished one from yesterday, and an old finished one."""
    today = datetime.now().astimezone()
    times = iter([today - timedelta(days=30), today - timedelta(days=1), today])
    current = [next(times)]
    journal = SqliteJournal(data_env / "journal.sqlite3", data_env / "labels", "Station 1", now=lambda: current[0])

    async def fill() -> None:
        old = await journal.begin(1, "P-OLD", {})
        await journal.record(old, "done")
        current[0] = next(times)
        stuck = await journal.begin(2, "P-STUCK", {"weight": 900})
        await journal.record(stuck, "created", {"shipment_ids": [21]})
        path = await journal.save_label("P-STUCK", [21], label_pdf)
        await journal.record(stuck, "label", {"path": path, "barcodes": ["3SSTUCK"]})
        await journal.record(stuck, "print_failed", {"reason": "Zebra: paper out"})
        current[0] = next(times)
        ok = await journal.begin(3, "P-TODAY", {})
        await journal.record(ok, "created", {"shipment_ids": [31]})
        path = await journal.save_label("P-TODAY", [31], label_pdf + b"% today")
        await journal.record(ok, "label", {"path": path, "barcodes": ["3STODAY"]})
        for step in ("printed", "comment", "closed", "done"):
            await journal.record(ok, step)
        refused = await journal.begin(4, "P-PAUSED", {})
        await journal.record(refused, "refused", {"reason": "P-PAUSED: paused"})

    asyncio.run(fill())
    journal.close()
    return data_env


def test_text_lists_today_and_unfinished_with_what_is_left(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse()) == 0
    out = capsys.readouterr().out

    assert "P-OLD" not in out
    assert out.index("P-STUCK") < out.index("P-TODAY")
    stuck = out[out.index("P-STUCK") : out.index("P-TODAY")]
    assert "UNFINISHED" in stuck
    assert "3SSTUCK" in stuck
    assert "created, label, label, print_failed" in stuck
    assert "printing failed: Zebra: paper out" in stuck
    assert "left:     reprint the label; finish the Picqer write-back" in stuck
    assert str(shipped / "labels" / "P-STUCK_21.pdf") in stuck
    today = out[out.index("P-TODAY") : out.index("P-PAUSED")]
    assert "done" in today and "left:" not in today and "3STODAY" in today
    paused = out[out.index("P-PAUSED") :]
    assert "refused, nothing booked" in paused and "left:" not in paused


def test_all_lists_every_entry(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse("--all")) == 0
    out = capsys.readouterr().out
    assert "P-OLD" in out and "P-STUCK" in out and "P-TODAY" in out


def test_json_output(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse("--json")) == 0
    result = json.loads(capsys.readouterr().out)

    assert result["journal"] == str(shipped / "journal.sqlite3")
    stuck, today, paused = result["entries"]
    assert stuck["picklist_number"] == "P-STUCK"
    assert stuck["finished"] is False
    assert stuck["shipment_ids"] == [21]
    assert stuck["barcodes"] == ["3SSTUCK"]
    assert stuck["data"] == {"weight": 900}
    assert stuck["left"] == ["reprint the label", "finish the Picqer write-back"]
    assert today["picklist_number"] == "P-TODAY"
    assert today["finished"] is True and today["left"] == []
    assert today["steps"][-1] == "done" and today["refused"] is False
    assert paused["refused"] is True and paused["finished"] is True and paused["left"] == []


def test_label_is_written_out_byte_for_byte(shipped: Path, tmp_path: Path, label_pdf: bytes) -> None:
    out = tmp_path / "reprint" / "stuck.pdf"

    assert command.run(parse("--label", "P-STUCK", "-o", str(out))) == 0
    assert out.read_bytes() == label_pdf


def test_label_refusals(shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse("--label", "P-NOPE", "-o", str(tmp_path / "x.pdf"))) == 1
    assert "no stored label for picklist P-NOPE" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()

    assert command.run(parse("--label", "P-STUCK")) == 2
    assert "needs -o" in capsys.readouterr().err

    assert command.run(parse("--json", "--label", "P-NOPE", "-o", str(tmp_path / "x.pdf"))) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_a_new_station_lists_no_shipments_and_succeeds(data_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse("--json")) == 0
    assert json.loads(capsys.readouterr().out) == {"journal": str(data_env / "journal.sqlite3"), "entries": []}

    assert command.run(parse()) == 0
    assert "(none)" in capsys.readouterr().out
    assert not (data_env / "journal.sqlite3").exists()  # looking does not create a journal

    assert command.run(parse("--label", "P1", "-o", str(data_env / "x.pdf"))) == 1
    assert "no shipment journal yet" in capsys.readouterr().err


def test_a_damaged_journal_is_reported_and_set_aside(data_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_env.mkdir(parents=True)
    (data_env / "journal.sqlite3").write_bytes(b"not a database at all" * 100)

    assert command.run(parse()) == 0
    captured = capsys.readouterr()
    assert "is damaged" in captured.err and "moved aside" in captured.err
    assert "(none)" in captured.out


def test_the_picqer_shipment_of_a_registered_parcel_is_shown(
    data_env: Path, label_pdf: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = SqliteJournal(data_env / "journal.sqlite3", data_env / "labels", "Station 1")

    async def fill() -> None:
        entry = await journal.begin(5, "P-RELAY", {})
        await journal.record(entry, "created", {"shipment_ids": [51]})
        for step in ("printed", "pick_all"):
            await journal.record(entry, step)
        await journal.record(entry, "picqer_shipment", {"idshipment": 9001, "profile_id": 3001})
        for step in ("closed", "done"):
            await journal.record(entry, step)
        commented = await journal.begin(6, "P-COMMENT", {})
        for step in ("created", "printed", "comment", "closed", "done"):
            await journal.record(commented, step)

    asyncio.run(fill())
    journal.close()
    assert command.run(parse()) == 0
    out = capsys.readouterr().out
    relay, comment = out[out.index("P-RELAY") : out.index("P-COMMENT")], out[out.index("P-COMMENT") :]
    assert "picqer:   shipment 9001" in relay and "picqer_shipment" in relay
    assert "picqer:" not in comment
    assert command.run(parse("--json")) == 0
    relay_json, comment_json = json.loads(capsys.readouterr().out)["entries"]
    assert relay_json["picqer_shipment_id"] == 9001 and comment_json["picqer_shipment_id"] is None
