"""`packstation journal`: today's shipments and unfinished ones, and a stored label written out without network."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from packstation.domain.errors import LabelError, PackstationError
from packstation.domain.journal_entry import JournalEntry
from packstation.paths import data_dir


def register(subparsers: Any) -> None:
    """Add the `journal` subcommand."""
    parser = subparsers.add_parser(
        "journal",
        help="list today's shipments and unfinished ones from the journal; write a stored label to a file",
    )
    parser.add_argument("--json", action="store_true", help="print the entries as JSON")
    parser.add_argument("--all", action="store_true", help="list every entry, not only today's and unfinished ones")
    parser.add_argument(
        "--label", metavar="PICKLIST", help="write the stored label PDF of this picklist's newest shipment (needs -o)"
    )
    parser.add_argument("-o", "--out", type=Path, metavar="FILE.pdf", help="where --label writes the PDF")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """List the journal or write out a stored label; return 0, 1 when nothing was found, 2 on bad input."""
    if args.label and args.out is None:
        return _fail(args, "--label needs -o FILE.pdf: where to write the label.", code=2)
    if args.out is not None and not args.label:
        return _fail(args, "-o is only used with --label PICKLIST.", code=2)
    if getattr(args, "demo", False):
        from packstation.app import use_demo_data_dir

        use_demo_data_dir()  # the journal of demo mode, which keeps its shipments apart from the station's
    folder = data_dir()
    path = folder / "journal.sqlite3"
    if not path.exists():
        if args.label:
            return _fail(args, f"There is no shipment journal yet at {path}: nothing has been shipped here.", code=1)
        # A new station: nothing shipped yet is an empty list, not an error (scripts read `"entries": []`).
        _print_entries(args, [], path)
        return 0
    try:
        return asyncio.run(_run(args, folder, path))
    except PackstationError as exc:
        return _fail(args, str(exc), code=1)


async def _run(args: argparse.Namespace, folder: Path, path: Path) -> int:
    from packstation.journal import open_journal

    journal, problem = open_journal(path, folder / "labels", station="")
    try:
        if problem:
            print(problem, file=sys.stderr)
        if args.label:
            return await _write_label(args, journal, args.label, args.out)
        if args.all:
            entries = await journal.entries()
        else:
            seen = {e.id: e for e in await journal.today()}
            seen.update({e.id: e for e in await journal.unfinished()})
            entries = sorted(seen.values(), key=lambda e: e.id)
    finally:
        journal.close()
    _print_entries(args, entries, path)
    return 0


def _print_entries(args: argparse.Namespace, entries: list[JournalEntry], path: Path) -> None:
    if args.json:
        print(json.dumps({"journal": str(path), "entries": [entry_json(e) for e in entries]}, indent=2))
    else:
        print(format_entries(entries, path, everything=args.all))


async def _write_label(args: argparse.Namespace, journal: Any, picklist: str, out: Path) -> int:
    with_label = [e for e in await journal.for_picklist(picklist) if e.label_path]
    if not with_label:
        return _fail(args, f"The journal has no stored label for picklist {picklist}.", code=1)
    entry: JournalEntry = with_label[-1]
    try:
        pdf = await journal.label_bytes(entry)
    except LabelError as exc:
        return _fail(args, str(exc), code=1)
    from packstation.inputs import InputError, check_output

    try:
        check_output(out, _journal_files(journal, entry))
        await asyncio.to_thread(_write_file, out, pdf)
    except InputError as exc:
        return _fail(args, str(exc), code=2)
    except OSError as exc:
        return _fail(args, f"Could not write {out}: {exc}", code=1)
    ids = ", ".join(str(i) for i in entry.shipment_ids) or "none"
    if args.json:
        print(json.dumps({"ok": True, "picklist": picklist, "shipment_ids": list(entry.shipment_ids), "out": str(out)}))
    else:
        print(f"Wrote the label of {picklist} (shipments {ids}, {len(pdf)} bytes) to {out}.")
    return 0


def _journal_files(journal: Any, entry: JournalEntry) -> list[Path]:
    """The files a label must never be written over: the journal itself and every stored label (the one written
    out included); they are the inputs."""
    keep = [journal.path, Path(f"{journal.path}-wal"), Path(entry.label_path)]
    if journal.labels_dir.is_dir():
        keep += [p for p in journal.labels_dir.glob("*") if p.is_file()]
    return keep


def _write_file(out: Path, data: bytes) -> None:
    from packstation.inputs import write_output

    out.parent.mkdir(parents=True, exist_ok=True)
    write_output(out, data)  # through a temporary file: a failed write leaves an older copy whole


def entry_json(entry: JournalEntry) -> dict[str, object]:
    """Return an entry as JSON-ready data, with what is left to do."""
    data = asdict(entry)
    data["steps"] = list(entry.steps)
    data["shipment_ids"] = list(entry.shipment_ids)
    data["barcodes"] = list(entry.barcodes)
    data["left"] = list(entry.remaining())
    data["refused"] = entry.refused
    return data


def format_entries(entries: list[JournalEntry], path: Path, everything: bool = False) -> str:
    """Return the entries as the text the packer reads: one block per shipment."""
    title = "All shipments" if everything else f"Shipments of today ({date.today().isoformat()}) and unfinished ones"
    lines = [f"{title} — journal {path}"]
    if not entries:
        lines.append("  (none)")
    for entry in entries:
        lines += _entry_block(entry)
    return "\n".join(lines)


def _entry_block(entry: JournalEntry) -> list[str]:
    when = entry.created_at.replace("T", " ")[:16]
    state = "refused, nothing booked" if entry.refused else "done" if entry.finished else "UNFINISHED"
    lines = [
        f"{entry.picklist_number}  {when}  {state}",
        f"  barcodes: {', '.join(entry.barcodes) or '-'}",
        f"  steps:    {', '.join(entry.steps) or 'intent only'}",
        f"  label:    {entry.label_path or '-'}",
    ]
    return lines + _entry_notes(entry)


def _entry_notes(entry: JournalEntry) -> list[str]:
    """The lines only some entries have: Picqer shipment, confirmed address, print failure, what is left."""
    lines: list[str] = []
    if entry.picqer_shipment_id is not None:  # write-back mode picqer_shipment: what webshops see in Picqer
        lines.append(f"  picqer:   shipment {entry.picqer_shipment_id}")
    if entry.return_barcode:  # the related return booked with the parcel (issue 17)
        lines.append(f"  return:   {entry.return_barcode}")
    if entry.data.get("address_confirmed"):
        parts = _confirmed_address(entry.data.get("address"))
        lines.append(f"  address:  confirmed as read{f' ({parts})' if parts else ''} (ship --confirm-address)")
    if entry.print_error:
        lines.append(f"  printing failed: {entry.print_error}")
    if not entry.finished:
        lines.append(f"  left:     {'; '.join(entry.remaining())}")
    return lines


def _confirmed_address(split: object) -> str:
    """The street, number and its additions the packer confirmed, in reading order."""
    if not isinstance(split, dict):
        return ""
    order = ("street", "number", "number_suffix", "box_number")  # the journal stores keys sorted
    return " ".join(str(split[k]) for k in order if split.get(k))


def _fail(args: argparse.Namespace, message: str, code: int) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "error": message}))
    else:
        print(message, file=sys.stderr)
    return code
