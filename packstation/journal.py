"""SQLite record of every shipment step, and the label PDFs on disk: recovery and reprint after a crash.

A label costs money and a parcel without one stays in the warehouse, so each step is committed (WAL,
synchronous=FULL) before the awaiting call returns, and each label is on disk (tmp + fsync + rename)
before anything else happens. All disk work runs on one worker thread owned by the journal, so the UI
thread never waits on the disk and writes are never interleaved within this process; other processes on
the same file are kept apart by SQLite's own locking (BEGIN IMMEDIATE with a busy timeout).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
import struct
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from packstation.domain.errors import LabelError
from packstation.domain.journal_entry import STEPS, JournalEntry, JournalStep, JournalUnavailable
from packstation.inputs import replace_durably

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
REDACTED = "[redacted]"
# Keys whose values look like credentials; matched case-insensitively with '-' and ' ' read as '_'.
_SECRET_KEY = re.compile(r"(api_?key|authori[sz]ation|token|secret|password|passwd|bearer|cookie)", re.IGNORECASE)
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80

_SCHEMA = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    picklist_id INTEGER NOT NULL,
    picklist_number TEXT NOT NULL,
    station TEXT NOT NULL,
    created_at TEXT NOT NULL,
    day TEXT NOT NULL,
    intent TEXT NOT NULL,
    shipment_ids TEXT NOT NULL DEFAULT '[]',
    barcodes TEXT NOT NULL DEFAULT '[]',
    label_path TEXT NOT NULL DEFAULT '',
    print_error TEXT NOT NULL DEFAULT '',
    finished INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entries_picklist ON entries (picklist_number);
CREATE INDEX entries_day ON entries (day);
CREATE INDEX entries_unfinished ON entries (finished);
CREATE TABLE steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    step TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX steps_entry ON steps (entry_id);
CREATE TABLE labels (
    path TEXT PRIMARY KEY,
    picklist_number TEXT NOT NULL,
    shipment_ids TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    saved_at TEXT NOT NULL
);
"""

# Packing progress per picklist (issue 16): the ticks of a half-packed picklist survive a restart. Added without a
# schema version bump (CREATE IF NOT EXISTS on every open), so an older packstation still opens the file.
_PACK_PROGRESS = """
CREATE TABLE IF NOT EXISTS pack_progress (
    picklist_id INTEGER PRIMARY KEY,
    picklist_number TEXT NOT NULL,
    station TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state TEXT NOT NULL
)
"""

_SELECT_ENTRIES = (
    "SELECT id, picklist_id, picklist_number, station, created_at, intent, shipment_ids, barcodes,"
    " label_path, print_error, finished FROM entries"
)

T = TypeVar("T")


class JournalUnusable(JournalUnavailable):
    """The journal file exists but cannot be used as it is: locked, corrupt, or from a newer version."""

    def __init__(self, path: Path, kind: str, detail: str) -> None:
        detail = " ".join(detail.split())  # integrity_check reports over several lines
        super().__init__(f"{path}: {kind}: {detail}")
        self.path = path
        self.kind = kind  # "locked", "corrupt", "newer", "foreign", "not_a_file"
        self.detail = detail


def redact(value: object) -> tuple[object, bool]:
    """Return `value` with every credential-like field replaced by "[redacted]", and whether any was."""
    if isinstance(value, dict):
        out: dict[str, object] = {}
        changed = False
        for key, item in value.items():
            name = str(key).replace("-", "_").replace(" ", "_")
            if _SECRET_KEY.search(name) and item not in (None, ""):
                out[str(key)] = REDACTED
                changed = True
            else:
                out[str(key)], sub = redact(item)
                changed = changed or sub
        return out, changed
    if isinstance(value, list | tuple):
        items = [redact(item) for item in value]
        return [item for item, _ in items], any(sub for _, sub in items)
    return value, False


def _int_or_none(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def label_file_name(picklist_number: str, shipment_ids: list[int]) -> str:
    """Return a file name safe on every platform for this picklist's label."""
    stem = _UNSAFE_NAME_CHARS.sub("_", picklist_number).strip("._") or "picklist"
    ids = "-".join(str(int(i)) for i in shipment_ids) or "no-shipment"
    return f"{stem[:_MAX_NAME]}_{ids[:_MAX_NAME]}.pdf"


class SqliteJournal:
    """The shipment journal: SQLite in WAL mode plus label PDFs as files, written by one worker thread.

    Intents and step data are stored as JSON after redaction: any field whose name looks like a
    credential (api_key, authorization, token, secret, password, ...) is stored as "[redacted]" and a
    warning is logged, so the journal never holds an API key even if a caller passes one by mistake.
    """

    def __init__(
        self,
        path: Path,
        labels_dir: Path,
        station: str,
        *,
        busy_timeout: float = 5.0,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.path = Path(path)
        self.labels_dir = Path(labels_dir)
        self.station = station
        self._busy_timeout = busy_timeout
        self._now = now or (lambda: datetime.now().astimezone())
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="packstation-journal")
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = self._executor.submit(self._open).result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise

    # --- lifecycle (worker thread) ------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.labels_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalUnavailable(f"cannot create the journal folder: {exc}") from exc
        if self.path.exists() and not self.path.is_file():
            # SQLite would block for ever on a named pipe and fail obscurely on a folder or a device.
            raise JournalUnusable(self.path, "not_a_file", "it is a folder, a pipe or a device, not a file")
        if self.path.exists():
            # Look first through a read-only connection: opening a bad file read-write lets SQLite checkpoint
            # or delete its -wal on close, and that WAL may hold the only copy of the last steps.
            with self._sqlite_errors():
                probe = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=self._busy_timeout)
                try:
                    self._check(probe)
                finally:
                    probe.close()
        try:
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise JournalUnavailable(f"{self.path}: {exc}") from exc
        try:
            with self._sqlite_errors():
                self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _check(self, conn: sqlite3.Connection) -> None:
        """Refuse a file that is newer, damaged or someone else's database (read-only)."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalUnusable(
                self.path, "newer", f"schema version {version}, this packstation knows up to {SCHEMA_VERSION}"
            )
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise JournalUnusable(self.path, "corrupt", "; ".join(problems[:3]))
        if version == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            if tables:
                raise JournalUnusable(self.path, "foreign", "an SQLite database that is not a packstation journal")

    def _prepare(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # a newer packstation got here between the probe and now
            raise JournalUnusable(self.path, "newer", f"schema version {version}")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise JournalUnusable(self.path, "locked", f"could not switch to WAL (still {mode})")
        # FULL: in WAL mode NORMAL may drop the last commits on power loss; a paid label must not be.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        if version == 0:
            self._migrate(conn)
        # Prove we can write now, not at the first shipment (a lock held for good shows here), and add the
        # packing-progress table to a journal made before it existed.
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_PACK_PROGRESS)
        conn.execute("COMMIT")

    @contextlib.contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        """Turn SQLite's errors while opening into JournalUnusable (locked, corrupt) or JournalUnavailable."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                raise JournalUnusable(self.path, "locked", str(exc)) from exc
            if "not a database" in text or "malformed" in text or "corrupt" in text:
                raise JournalUnusable(self.path, "corrupt", str(exc)) from exc
            raise JournalUnavailable(f"{self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise JournalUnusable(self.path, "corrupt", str(exc)) from exc

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have created the schema while we waited for the lock.
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the database and stop the worker thread; safe to call twice."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            self._executor.submit(conn.close).result()
        finally:
            self._executor.shutdown(wait=True)

    # --- plumbing -----------------------------------------------------------------------------

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._conn is None:
            raise JournalUnavailable("the journal is closed")
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` in one IMMEDIATE transaction and commit it durably (worker thread)."""
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise JournalUnavailable(f"{self.path}: could not write: {exc}") from exc
        return result

    def _read(self, where: str, params: tuple[object, ...] = ()) -> list[JournalEntry]:
        conn = self._connection()
        try:
            # `where` is one of this module's fixed clauses; values always go in as parameters.
            query = f"{_SELECT_ENTRIES} WHERE {where} ORDER BY id"
            # One read transaction: both queries see the same snapshot while other processes write.
            conn.execute("BEGIN")
            rows = conn.execute(query, params).fetchall()
            steps: dict[int, list[str]] = {row[0]: [] for row in rows}
            picqer_shipments: dict[int, int] = {}
            return_barcodes: dict[int, str] = {}
            step_query = (
                f"SELECT entry_id, step, data FROM steps WHERE entry_id IN (SELECT id FROM entries WHERE {where})"  # noqa: S608
            )
            for entry_id, step, data in conn.execute(step_query + " ORDER BY id", params):
                steps[entry_id].append(step)
                if step == JournalStep.PICQER_SHIPMENT:
                    shipment_id = _int_or_none(json.loads(data).get("idshipment"))
                    if shipment_id is not None:
                        picqer_shipments[entry_id] = shipment_id
                elif step == JournalStep.RETURN_LABEL:
                    barcode = json.loads(data).get("barcode")
                    if isinstance(barcode, str) and barcode:
                        return_barcodes[entry_id] = barcode
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise JournalUnavailable(f"{self.path}: could not read: {exc}") from exc
        return [
            JournalEntry(
                id=row[0],
                picklist_id=row[1],
                picklist_number=row[2],
                station=row[3],
                created_at=row[4],
                steps=tuple(steps[row[0]]),
                shipment_ids=tuple(json.loads(row[6])),
                barcodes=tuple(json.loads(row[7])),
                label_path=row[8],
                print_error=row[9],
                finished=bool(row[10]),
                picqer_shipment_id=picqer_shipments.get(row[0]),
                return_barcode=return_barcodes.get(row[0], ""),
                data=json.loads(row[5]),
            )
            for row in rows
        ]

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalUnavailable("the journal is closed")
        return self._conn

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    def _dump(self, what: str, value: dict[str, object] | None) -> str:
        clean, changed = redact(dict(value or {}))
        if changed:
            log.warning("A credential-like field in the %s was not stored in the journal (redacted).", what)
        return json.dumps(clean, default=str, ensure_ascii=False, sort_keys=True)

    # --- the Journal port ---------------------------------------------------------------------

    async def begin(self, picklist_id: int, picklist_number: str, intent: dict[str, object]) -> int:
        """Record the intent to ship and return the entry id (credential-like fields are redacted)."""
        if not picklist_number.strip():
            raise ValueError("a journal entry needs the picklist number")
        intent_json = self._dump("intent", intent)
        now = self._now()

        def write(conn: sqlite3.Connection) -> int:
            cursor = conn.execute(
                "INSERT INTO entries (picklist_id, picklist_number, station, created_at, day, intent)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    int(picklist_id),
                    picklist_number,
                    self.station,
                    now.isoformat(timespec="seconds"),
                    now.date().isoformat(),
                    intent_json,
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

        return await self._run(self._write, write)

    async def record(self, entry_id: int, step: str, data: dict[str, object] | None = None) -> None:
        """Record a completed step of an entry (see ports.Journal.record for the steps and their data)."""
        if step not in STEPS:
            raise ValueError(f"unknown journal step {step!r}; expected one of {', '.join(STEPS)}")
        step = JournalStep(step).value  # stored as the plain word, whichever str it came as
        data_json = self._dump(f"'{step}' step", data)
        values = json.loads(data_json)
        at = self._stamp()

        def write(conn: sqlite3.Connection) -> None:
            if conn.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
                raise KeyError(f"no journal entry {entry_id}")
            conn.execute(
                "INSERT INTO steps (entry_id, step, at, data) VALUES (?, ?, ?, ?)", (entry_id, step, at, data_json)
            )
            self._apply(conn, entry_id, step, values)

        await self._run(self._write, write)

    @staticmethod
    def _apply(conn: sqlite3.Connection, entry_id: int, step: str, data: dict[str, Any]) -> None:
        """Keep the entry's summary columns in step with the step just recorded."""
        summarize = _SUMMARIES.get(step)
        if summarize is None:
            return
        for statement, value in summarize(data):
            conn.execute(statement, (value, entry_id))

    # --- packing progress (the PackProgress port) ----------------------------------------------

    async def save_pack_progress(self, picklist_id: int, picklist_number: str, state: dict[str, object]) -> None:
        """Store where the packing of a picklist stands (replacing what was stored), durably before returning."""
        state_json = self._dump("packing progress", state)
        at = self._stamp()

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO pack_progress (picklist_id, picklist_number, station, updated_at, state)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (picklist_id) DO UPDATE SET"
                " picklist_number = excluded.picklist_number, station = excluded.station,"
                " updated_at = excluded.updated_at, state = excluded.state",
                (int(picklist_id), picklist_number, self.station, at, state_json),
            )

        await self._run(self._write, write)

    async def pack_progress(self, picklist_id: int) -> dict[str, object] | None:
        """Return the stored packing state of a picklist, or None."""

        def read() -> dict[str, object] | None:
            row = (
                self._connection()
                .execute("SELECT state FROM pack_progress WHERE picklist_id = ?", (int(picklist_id),))
                .fetchone()
            )
            if row is None:
                return None
            value = json.loads(row[0])
            return value if isinstance(value, dict) else None

        return await self._run(read)

    async def clear_pack_progress(self, picklist_id: int) -> None:
        """Forget the packing state of a picklist (shipped, or started over)."""

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM pack_progress WHERE picklist_id = ?", (int(picklist_id),))

        await self._run(self._write, write)

    async def save_label(
        self, picklist_number: str, shipment_ids: list[int], pdf: bytes, *, attach: bool = True
    ) -> str:
        """Store the label PDF durably under labels_dir and return its path.

        The label is attached to the newest unfinished entry of the picklist with no other shipments;
        when there is none (the caller never called begin), an entry is made so the label still shows up.
        With attach=False only the file and its row in `labels` are kept: a label that belongs to a step of
        another entry (a related return, recorded by the parcel's entry) must not become an unfinished entry.
        """
        if not pdf:
            raise LabelError(f"{picklist_number}: the label is empty; nothing to store")
        ids = [int(i) for i in shipment_ids]
        return await self._run(self._save_label, picklist_number, ids, bytes(pdf), attach)

    def _save_label(self, picklist_number: str, ids: list[int], pdf: bytes, attach: bool) -> str:
        digest = hashlib.sha256(pdf).hexdigest()
        target = self._free_label_path(label_file_name(picklist_number, ids), digest)
        if not target.exists():
            _write_atomically(target, pdf)
        path = str(target)
        at = self._stamp()
        now = self._now()

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO labels (path, picklist_number, shipment_ids, sha256, size, saved_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (path, picklist_number, json.dumps(ids), digest, len(pdf), at),
            )
            if attach:
                self._attach_label(conn, picklist_number, ids, path, at, now)

        self._write(write)
        return path

    def _attach_label(
        self, conn: sqlite3.Connection, picklist_number: str, ids: list[int], path: str, at: str, now: datetime
    ) -> None:
        """Record a stored label as the `label` step of the picklist's open entry (made if there is none)."""
        row = conn.execute(
            "SELECT id, shipment_ids FROM entries WHERE picklist_number = ? AND finished = 0 ORDER BY id DESC LIMIT 1",
            (picklist_number,),
        ).fetchone()
        if row is not None and json.loads(row[1]) in ([], ids):
            entry_id, known_ids = row[0], json.loads(row[1])
        else:
            cursor = conn.execute(
                "INSERT INTO entries (picklist_id, picklist_number, station, created_at, day, intent)"
                " VALUES (0, ?, ?, ?, ?, '{}')",
                (picklist_number, self.station, now.isoformat(timespec="seconds"), now.date().isoformat()),
            )
            assert cursor.lastrowid is not None
            entry_id, known_ids = cursor.lastrowid, []
        if not known_ids and ids:
            conn.execute(
                "INSERT INTO steps (entry_id, step, at, data) VALUES (?, 'created', ?, ?)",
                (entry_id, at, json.dumps({"shipment_ids": ids})),
            )
            self._apply(conn, entry_id, "created", {"shipment_ids": ids})
        conn.execute(
            "INSERT INTO steps (entry_id, step, at, data) VALUES (?, 'label', ?, ?)",
            (entry_id, at, json.dumps({"path": path})),
        )
        self._apply(conn, entry_id, "label", {"path": path})

    def _free_label_path(self, name: str, digest: str) -> Path:
        """Return where to store a label: the same name if that file holds these bytes, else a free one."""
        base = self.labels_dir / name
        candidate = base
        n = 1
        while candidate.exists():
            if hashlib.sha256(candidate.read_bytes()).hexdigest() == digest:
                return candidate
            # A different label under the same name: keep both, never overwrite a paid label.
            n += 1
            candidate = base.with_name(f"{base.stem}.{n}{base.suffix}")
        return candidate

    async def unfinished(self) -> list[JournalEntry]:
        """Return entries that did not reach "done", oldest first."""
        return await self._run(self._read, "finished = 0")

    async def for_picklist(self, picklist_number: str) -> list[JournalEntry]:
        """Return every entry of this picklist, oldest first."""
        return await self._run(self._read, "picklist_number = ?", (picklist_number,))

    async def today(self, day: date | None = None) -> list[JournalEntry]:
        """Return the entries begun on `day` (default: the station's local date), oldest first."""
        wanted = (day or self._now().date()).isoformat()
        return await self._run(self._read, "day = ?", (wanted,))

    async def entries(self) -> list[JournalEntry]:
        """Return every entry, oldest first."""
        return await self._run(self._read, "1 = 1")

    async def label_bytes(self, entry: JournalEntry) -> bytes:
        """Return the stored label PDF of an entry, checked against the hash taken when it was saved."""
        if not entry.label_path:
            raise LabelError(f"{entry.picklist_number}: the journal has no label for this shipment")
        return await self._run(self._label_bytes, entry)

    def _label_bytes(self, entry: JournalEntry) -> bytes:
        path = Path(entry.label_path)
        try:
            pdf = path.read_bytes()
        except OSError as exc:
            raise LabelError(f"{entry.picklist_number}: the stored label {path} cannot be read: {exc}") from exc
        row = self._connection().execute("SELECT sha256 FROM labels WHERE path = ?", (entry.label_path,)).fetchone()
        if row is not None and hashlib.sha256(pdf).hexdigest() != row[0]:
            raise LabelError(f"{entry.picklist_number}: the stored label {path} was changed or damaged on disk")
        return pdf


# What each step changes in its entry's summary columns: (UPDATE statement, value) pairs; the entry id comes last.
_Updates = list[tuple[str, object]]


def _created_summary(data: dict[str, Any]) -> _Updates:
    if "shipment_ids" not in data:
        return []
    ids = [int(i) for i in data["shipment_ids"]]
    return [("UPDATE entries SET shipment_ids = ? WHERE id = ?", json.dumps(ids))]


def _label_summary(data: dict[str, Any]) -> _Updates:
    updates: _Updates = []
    if data.get("path"):
        updates.append(("UPDATE entries SET label_path = ? WHERE id = ?", str(data["path"])))
    if "barcodes" in data:
        codes = [str(b) for b in data["barcodes"]]
        updates.append(("UPDATE entries SET barcodes = ? WHERE id = ?", json.dumps(codes)))
    return updates


def _print_failed_summary(data: dict[str, Any]) -> _Updates:
    return [("UPDATE entries SET print_error = ? WHERE id = ?", str(data.get("reason") or "printing failed"))]


def _finished_summary(_data: dict[str, Any]) -> _Updates:
    return [("UPDATE entries SET finished = ? WHERE id = ?", 1)]


_SUMMARIES: dict[str, Callable[[dict[str, Any]], _Updates]] = {
    JournalStep.CREATED: _created_summary,
    JournalStep.LABEL: _label_summary,
    JournalStep.PRINTED: lambda _data: [("UPDATE entries SET print_error = ? WHERE id = ?", "")],
    JournalStep.PRINT_FAILED: _print_failed_summary,
    JournalStep.DONE: _finished_summary,
    JournalStep.REFUSED: _finished_summary,
}


def _write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that a crash leaves either nothing or the whole file."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        replace_durably(tmp, target, lambda: open(tmp, "wb"), data)
    except OSError as exc:
        raise JournalUnavailable(f"could not store the label at {target}: {exc}") from exc
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename is only durable once the directory is synced; Windows has no directory handles for this.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_journal(
    path: Path, labels_dir: Path, station: str, *, busy_timeout: float = 5.0
) -> tuple[SqliteJournal, str | None]:
    """Open the journal; if the file is unusable, move it aside, start a new one and say what happened."""
    try:
        return SqliteJournal(path, labels_dir, station, busy_timeout=busy_timeout), None
    except JournalUnusable as exc:
        problem = exc
    reason = {
        "locked": "is locked by another program",
        "corrupt": "is damaged",
        "newer": "was written by a newer version of packstation",
        "foreign": "is not a packstation journal",
        "not_a_file": "is not a file",
    }[problem.kind]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if problem.kind == "locked":
        # A live process has it open. Renaming it under that process is unsafe: SQLite removes "<name>-wal" by
        # name when it closes, which would then be the new journal's WAL. So leave it and write beside it.
        return _start_beside(path, labels_dir, station, busy_timeout, stamp, f"{reason} ({problem.detail})", "")
    aside = _free_aside_path(path, stamp)
    try:
        _move_aside(path, aside)
    except OSError as exc:
        # Windows cannot rename a file another program holds open: leave it and write beside it.
        return _start_beside(
            path, labels_dir, station, busy_timeout, stamp, f"{reason} ({problem.detail})", f" ({exc})"
        )
    journal = SqliteJournal(path, labels_dir, station, busy_timeout=busy_timeout)
    recovered = ""
    if problem.kind == "corrupt":
        recovery = recover_into(journal, aside)
        recovered = f" {recovery.describe()}"
    message = (
        f"The shipment journal {path} {reason} ({problem.detail}). It was moved aside to {aside} and a new "
        f"journal was started; stored labels are untouched.{recovered}"
    )
    log.warning(message)
    return journal, message


# --- recovery from a damaged journal -------------------------------------------------------------

# Rowids looked up one by one past the highest known, and at most in all (a second or so of lookups).
_PROBE_SLACK = 1000
# SQLite's page size unless told otherwise (the journal never sets one), and the most a damaged copy is padded to.
_DEFAULT_PAGE_SIZE = 4096
_MAX_PADDED_BYTES = 1 << 30
_MAX_PROBES = 1_000_000
_ENTRY_COLUMNS = (
    "id, picklist_id, picklist_number, station, created_at, day, intent, shipment_ids, barcodes, label_path,"
    " print_error, finished"
)
_STEP_COLUMNS = "id, entry_id, step, at, data"
_LABEL_COLUMNS = "path, picklist_number, shipment_ids, sha256, size, saved_at"
_INSERT_ENTRY = (
    "INSERT OR IGNORE INTO entries (id, picklist_id, picklist_number, station, created_at, day, intent, shipment_ids,"
    " barcodes, label_path, print_error, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_STEP = "INSERT OR IGNORE INTO steps (id, entry_id, step, at, data) VALUES (?, ?, ?, ?, ?)"
_INSERT_LABEL = (
    "INSERT OR IGNORE INTO labels (path, picklist_number, shipment_ids, sha256, size, saved_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class Recovery:
    """What was copied from a damaged journal into the new one."""

    entries: int = 0
    steps: int = 0
    labels: int = 0
    unreadable: int = 0  # rows or stretches of rows that could not be read or made no sense
    error: str = ""  # why nothing at all could be read

    def describe(self) -> str:
        """One sentence for the admin: how much came back."""
        if self.error:
            return f"Nothing could be recovered from it ({self.error})."
        lost = f"; {self.unreadable} unreadable part(s) were left in the damaged copy" if self.unreadable else ""
        return (
            f"Recovered {self.entries} entr{'y' if self.entries == 1 else 'ies'} with {self.steps} step(s) and "
            f"{self.labels} label record(s) from it{lost}."
        )


def _readable_rows(
    conn: sqlite3.Connection, table: str, columns: str, last_rowid: int
) -> tuple[list[tuple[Any, ...]], int]:
    """Return every row of `table` that reads, in rowid order, and how many stretches of rows could not be read.

    A damaged b-tree page fails every scan that reaches it, but a lookup of one rowid walks only its own path
    down the tree: when the scan fails, each rowid up to `last_rowid` (the table's highest, as far as is known)
    is looked up by itself.
    """
    found: dict[int, tuple[Any, ...]] = {}
    # `table` and `columns` are this module's constants; values go in as parameters.
    scan = f"SELECT rowid, {columns} FROM {table} ORDER BY rowid"  # noqa: S608
    one = f"SELECT rowid, {columns} FROM {table} WHERE rowid = ?"  # noqa: S608
    try:
        for row in conn.execute(scan):
            found[row[0]] = tuple(row[1:])
        return [found[key] for key in sorted(found)], 0
    except sqlite3.DatabaseError:
        pass
    stretches = 0
    in_damage = False
    top = min(max(last_rowid, max(found, default=0)) + _PROBE_SLACK, _MAX_PROBES)
    for rowid in range(1, top + 1):
        if rowid in found:
            in_damage = False
            continue
        try:
            row = conn.execute(one, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            stretches += 0 if in_damage else 1
            in_damage = True
            continue
        in_damage = False
        if row is not None:
            found[row[0]] = tuple(row[1:])
    return [found[key] for key in sorted(found)], stretches


def _last_rowid(conn: sqlite3.Connection, table: str) -> int:
    """Return the highest rowid AUTOINCREMENT handed out for the table (0 when that cannot be read)."""
    try:
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    except sqlite3.DatabaseError:
        return 0
    return row[0] if row and isinstance(row[0], int) else 0


def _merged(read: list[tuple[Any, ...]], salvaged: dict[object, tuple[Any, ...]], key: int) -> list[tuple[Any, ...]]:
    """Return the rows SQLite read plus the salvaged rows it did not, in key order."""
    rows = {row[key]: row for row in read}
    for found_key, row in salvaged.items():
        rows.setdefault(found_key, row)
    return [rows[k] for k in sorted(rows, key=lambda k: (str(type(k)), k))]


def _repair_copy_header(copy: Path) -> None:
    """Make a damaged copy openable: a page size that is not one (zeroed) becomes SQLite's default, and a file cut
    short is padded with empty pages to the size its header claims.

    SQLite refuses the whole schema when a table's root page lies past the end of the file; padded, only the
    tables whose pages were cut off fail, and the others read.
    """
    with open(copy, "r+b") as stream:
        header = stream.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
            page_size = _DEFAULT_PAGE_SIZE
            stream.seek(16)
            stream.write(page_size.to_bytes(2, "big"))
        claimed = int.from_bytes(header[28:32], "big") * page_size
        size = stream.seek(0, os.SEEK_END)
        whole = -(-size // page_size) * page_size
        stream.truncate(max(whole, min(claimed, _MAX_PADDED_BYTES)))


def _json_object(text: object) -> bool:
    try:
        # A damaged row may hold an int or bytes here: json.loads raises TypeError for those, caught below.
        return isinstance(json.loads(text), dict)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _json_int_list(text: object) -> bool:
    try:
        value = json.loads(text)  # type: ignore[arg-type]  # not str: TypeError, caught below
    except (TypeError, ValueError):
        return False
    return isinstance(value, list) and all(isinstance(v, int | str) for v in value)


def _usable_entry(row: tuple[Any, ...]) -> bool:
    """Whether a recovered entry row reads back as a JournalEntry (garbage from a damaged page does not)."""
    _id, picklist_id, number, station, created, day, intent, shipments, barcodes, path, error, finished = row
    return (
        isinstance(_id, int)
        and isinstance(picklist_id, int)
        and all(isinstance(v, str) for v in (number, station, created, day, path, error))
        and isinstance(finished, int)
        and _json_object(intent)
        and _json_int_list(shipments)
        and _json_int_list(barcodes)
    )


# --- reading rows straight from the pages, for tables whose b-tree no longer leads to them ----------------

_TABLE_LEAF_PAGE = 0x0D
_MAX_OVERFLOW_PAGES = 1024  # a journal row is a few kilobytes; a longer chain is damage


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """Return SQLite's variable-length integer at `at` and the offset after it (IndexError if cut off)."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def _record(payload: bytes) -> list[object]:
    """Decode one SQLite record (the values of a row); raise ValueError/IndexError if it is not one."""
    header_size, at = _varint(payload, 0)
    if not 1 <= header_size <= len(payload):
        raise ValueError("record header out of range")
    types = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    values: list[object] = []
    body = header_size
    for serial in types:
        value, size = _column(serial, payload, body)
        values.append(value)
        body += size
        if body > len(payload):
            raise ValueError("record body cut off")
    return values


# Serial types 1-6: big-endian signed integers of this many bytes (SQLite file format, "Record Format").
_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _column(serial: int, payload: bytes, body: int) -> tuple[object, int]:
    """Return the value of serial type `serial` stored at `body`, and how many bytes it takes."""
    if serial == 0:
        return None, 0
    if serial in _INT_SIZES:
        size = _INT_SIZES[serial]
        return int.from_bytes(payload[body : body + size], "big", signed=True), size
    if serial == 7:
        chunk = payload[body : body + 8]
        if len(chunk) < 8:  # struct would raise struct.error, which the salvage does not take for damage
            raise ValueError("float column cut off")
        return struct.unpack(">d", chunk)[0], 8
    if serial in (8, 9):
        return serial - 8, 0
    if serial >= 12:
        size = (serial - 12) // 2
        chunk = payload[body : body + size]
        return (chunk.decode("utf-8") if serial % 2 else bytes(chunk)), size
    raise ValueError("reserved serial type")


def _salvage_pages(copy: Path) -> dict[str, dict[object, tuple[Any, ...]]]:
    """Return the rows of every table-leaf page that still decodes, sorted to entries, steps and labels by shape.

    SQLite's own reading needs each table's tree from its root down; when an interior page is damaged the leaf
    pages below it are unreachable, though intact. This reads every page of the file as a leaf instead.
    """
    found: dict[str, dict[object, tuple[Any, ...]]] = {"entries": {}, "steps": {}, "labels": {}}
    data = copy.read_bytes()
    geometry = _page_geometry(data)
    if geometry is None:
        return found
    page_size, usable = geometry
    for number in range(1, len(data) // page_size + 1):
        _salvage_page(found, data, number, page_size, usable)
    return found


def _page_geometry(data: bytes) -> tuple[int, int] | None:
    """Return the page size and the usable bytes of each page from an SQLite file header; None if it is not one."""
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        return None
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size  # 1 stands for 65536, which two bytes cannot hold
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return None
    return page_size, page_size - data[20]


def _salvage_page(
    found: dict[str, dict[object, tuple[Any, ...]]], data: bytes, number: int, page_size: int, usable: int
) -> None:
    """File every cell of page `number` that decodes, if it is a table-leaf page; skip the cells that do not."""
    start = (number - 1) * page_size
    header = start + (100 if number == 1 else 0)
    if data[header] != _TABLE_LEAF_PAGE:
        return
    cells = int.from_bytes(data[header + 3 : header + 5], "big")
    for i in range(min(cells, page_size // 4)):
        try:
            pointer = int.from_bytes(data[header + 8 + 2 * i : header + 10 + 2 * i], "big")
            size, at = _varint(data, start + pointer)
            rowid, at = _varint(data, at)
            payload = _payload(data, at, size, usable, page_size)
            _sort_row(found, rowid, _record(payload))
        except (IndexError, ValueError, UnicodeDecodeError):
            continue


def _payload(data: bytes, at: int, size: int, usable: int, page_size: int) -> bytes:
    """Return a cell's whole payload, following its overflow pages when it does not fit the page."""
    most = usable - 35
    if size <= most:
        return data[at : at + size]
    least = (usable - 12) * 32 // 255 - 23
    local = least + (size - least) % (usable - 4)
    local = local if local <= most else least
    parts = [data[at : at + local]]
    remaining = size - local
    next_page = int.from_bytes(data[at + local : at + local + 4], "big")
    for _ in range(_MAX_OVERFLOW_PAGES):
        if remaining <= 0 or next_page == 0:
            break
        start = (next_page - 1) * page_size
        if start + page_size > len(data):
            raise ValueError("overflow page past the end")
        chunk = data[start + 4 : start + 4 + min(remaining, usable - 4)]
        parts.append(chunk)
        remaining -= len(chunk)
        next_page = int.from_bytes(data[start : start + 4], "big")
    if remaining > 0:
        raise ValueError("overflow chain cut off")
    return b"".join(parts)


def _sort_row(found: dict[str, dict[object, tuple[Any, ...]]], rowid: int, values: list[object]) -> None:
    """File a decoded row under its table by its shape (the id columns are stored as NULL: they are the rowid)."""
    if _keyed_by_rowid(values, columns=12):
        found["entries"][rowid] = (rowid, *values[1:])
    elif _keyed_by_rowid(values, columns=5):
        found["steps"][rowid] = (rowid, *values[1:])
    elif len(values) == 6 and _usable_label(tuple(values)):
        found["labels"][values[0]] = tuple(values)


def _keyed_by_rowid(values: list[object], columns: int) -> bool:
    """Whether a row has the shape of an entries (12) or steps (5) row: id as NULL, then an int and a str."""
    return len(values) == columns and values[0] is None and isinstance(values[1], int) and isinstance(values[2], str)


_Rows = list[tuple[Any, ...]]


def recover_into(journal: SqliteJournal, damaged: Path) -> Recovery:
    """Copy every readable, sensible entry, step and label record of a damaged journal into `journal`.

    The damaged file (and its WAL) is read from a temporary copy, so it stays exactly as it was set aside.
    """
    read = _read_damaged(damaged)
    if isinstance(read, str):
        return Recovery(error=read)
    entries, steps, labels, unread = read
    good_entries, good_steps, good_labels = _sensible_rows(entries, steps, labels)
    unreadable = (
        unread + (len(entries) - len(good_entries)) + (len(steps) - len(good_steps)) + (len(labels) - len(good_labels))
    )
    if not (entries or steps or labels) and unreadable:
        return Recovery(unreadable=unreadable, error="none of its entries, steps or label records could be read")

    def write(conn: sqlite3.Connection) -> None:
        conn.executemany(_INSERT_ENTRY, good_entries)
        conn.executemany(_INSERT_STEP, good_steps)
        conn.executemany(_INSERT_LABEL, good_labels)

    try:
        journal._executor.submit(journal._write, write).result()
    except JournalUnavailable as exc:
        return Recovery(unreadable=unreadable, error=str(exc))
    return Recovery(len(good_entries), len(good_steps), len(good_labels), unreadable)


def _read_damaged(damaged: Path) -> tuple[_Rows, _Rows, _Rows, int] | str:
    """Return the entry, step and label rows still readable in a damaged journal and how many rows SQLite could
    not read; or, when the file cannot be opened at all, why."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="packstation-recover-") as folder:
        copy = Path(folder) / "damaged.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            if Path(f"{damaged}-wal").is_file():
                shutil.copyfile(f"{damaged}-wal", f"{copy}-wal")
            _repair_copy_header(copy)
            conn = sqlite3.connect(copy)
        except (OSError, sqlite3.Error) as exc:
            return str(exc)
        try:
            last_entry = _last_rowid(conn, "entries")
            entries, bad_entries = _readable_rows(conn, "entries", _ENTRY_COLUMNS, last_entry)
            steps, bad_steps = _readable_rows(conn, "steps", _STEP_COLUMNS, _last_rowid(conn, "steps"))
            # Labels have no AUTOINCREMENT: about one per entry.
            labels, bad_labels = _readable_rows(conn, "labels", _LABEL_COLUMNS, last_entry)
        finally:
            conn.close()
        unread = bad_entries + bad_steps + bad_labels
        if unread:
            # Rows SQLite could not reach may still sit whole on their pages; what it did read comes first.
            try:
                salvaged = _salvage_pages(copy)
            except OSError:
                salvaged = {"entries": {}, "steps": {}, "labels": {}}
            entries = _merged(entries, salvaged["entries"], key=0)
            steps = _merged(steps, salvaged["steps"], key=0)
            labels = _merged(labels, salvaged["labels"], key=0)
    return entries, steps, labels, unread


def _sensible_rows(entries: _Rows, steps: _Rows, labels: _Rows) -> tuple[_Rows, _Rows, _Rows]:
    """Keep the rows whose values have the right types (steps only for an entry that is kept)."""
    good_entries = [row for row in entries if _usable_entry(row)]
    ids = {row[0] for row in good_entries}
    good_steps = [row for row in steps if row[1] in ids and _usable_step(row)]
    good_labels = [row for row in labels if _usable_label(row)]
    return good_entries, good_steps, good_labels


def _usable_step(row: tuple[Any, ...]) -> bool:
    return isinstance(row[0], int) and isinstance(row[2], str) and _json_object(row[4])


def _usable_label(row: tuple[Any, ...]) -> bool:
    return all(isinstance(v, str) for v in row[:4]) and isinstance(row[4], int)


def _start_beside(
    path: Path, labels_dir: Path, station: str, busy_timeout: float, stamp: str, reason: str, why: str
) -> tuple[SqliteJournal, str]:
    fresh = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    journal = SqliteJournal(fresh, labels_dir, station, busy_timeout=busy_timeout)
    message = (
        f"The shipment journal {path} {reason} and was left untouched{why}. This session writes to a new "
        f"journal at {fresh}; close the other program and restart packstation to return to the usual journal."
    )
    log.warning(message)
    return journal, message


def _free_aside_path(path: Path, stamp: str) -> Path:
    aside = path.with_name(f"{path.name}.unusable-{stamp}")
    n = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm", "-journal")):
        n += 1
        aside = path.with_name(f"{path.name}.unusable-{stamp}-{n}")
    return aside


def _move_aside(path: Path, aside: Path) -> None:
    """Move the database and its companions together so the moved copy still opens with its WAL."""
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            source, target = Path(f"{path}{suffix}"), Path(f"{aside}{suffix}")
            if suffix and not source.exists():
                continue
            os.replace(source, target)
            moved.append((source, target))
    except OSError:
        # Half a move would split a database from its WAL: put back what moved, then report.
        for source, target in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise
