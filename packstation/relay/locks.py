"""Lease stores for the relay (services.ports.LockStore): one booking per (account, picklist) at a time.

A lease is a row `relay_locks(key, owner, expires_at)`: taken when absent or expired, given back when done, and
freed by time alone when a process dies holding it. SQLite serves one machine (several processes share the file);
PostgreSQL serves several machines.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


def _lock_table(expiry_type: str) -> str:
    """The one lease table of both stores; only the type of the expiry differs."""
    return f"""
CREATE TABLE IF NOT EXISTS relay_locks (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at {expiry_type} NOT NULL
)
"""


# SQLite: the expiry is the wall clock's epoch seconds, compared with the taker's clock.
SQLITE_SCHEMA = _lock_table("REAL")
# Taken when nobody holds the key or the holder's lease ran out; the WHERE makes the take and the check one step.
SQLITE_TAKE = """
INSERT INTO relay_locks (key, owner, expires_at) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
WHERE relay_locks.expires_at < ?
"""


class SqliteLockStore:
    """Leases in a SQLite file; the file's own locking makes it safe across processes of one machine."""

    def __init__(self, path: Path, *, clock: Any = time.time) -> None:
        self.path = Path(path)
        self._clock = clock  # wall clock: processes compare each other's expiry times
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = self._connect()
        try:
            connection.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
            connection.execute(SQLITE_SCHEMA)
        finally:
            connection.close()

    @classmethod
    def from_url(cls, url: str) -> SqliteLockStore:
        """Build from sqlite:///relative/path or sqlite:////absolute/path."""
        return cls(Path(unquote(url.removeprefix("sqlite:///"))))

    def _connect(self) -> sqlite3.Connection:
        # autocommit (isolation_level None): every statement is its own transaction; busy_timeout waits for
        # another process's write instead of failing at once.
        connection = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA busy_timeout=10000")
        return connection

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    def _take(self, key: str, owner: str, lease_seconds: float) -> bool:
        now = self._clock()
        cursor = self._connection().execute(SQLITE_TAKE, (key, owner, now + lease_seconds, now))
        return cursor.rowcount == 1

    def _give_back(self, key: str, owner: str) -> None:
        self._connection().execute("DELETE FROM relay_locks WHERE key = ? AND owner = ?", (key, owner))

    def _ping(self) -> None:
        self._connection().execute("SELECT count(*) FROM relay_locks").fetchone()

    async def try_acquire(self, key: str, owner: str, lease_seconds: float) -> bool:
        return await asyncio.to_thread(self._take, key, owner, lease_seconds)

    async def release(self, key: str, owner: str) -> None:
        await asyncio.to_thread(self._give_back, key, owner)

    async def check(self) -> None:
        await asyncio.to_thread(self._ping)

    async def close(self) -> None:
        """Connections belong to the worker threads that opened them; they close with the process."""


# now() of the database: every relay process, on any machine, compares against the same clock.
POSTGRES_SCHEMA = _lock_table("TIMESTAMPTZ")
POSTGRES_TAKE = """
INSERT INTO relay_locks (key, owner, expires_at) VALUES (%s, %s, now() + make_interval(secs => %s))
ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
WHERE relay_locks.expires_at < now()
RETURNING owner
"""


class PostgresLockStore:
    """Leases in a PostgreSQL table (psycopg 3), for relay processes on several machines."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._connection: Any = None
        self._lock: asyncio.Lock | None = None

    def describe(self) -> str:
        """Return the address without its password (for the log)."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"

    async def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        if self._lock is None:
            self._lock = asyncio.Lock()
        # One connection per process, one statement at a time: each statement takes a millisecond.
        async with self._lock:
            for attempt in (1, 2):
                if self._connection is None or self._connection.closed:
                    self._connection = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
                    await self._connection.execute(POSTGRES_SCHEMA)
                try:
                    cursor = await self._connection.execute(sql, params)
                    return list(await cursor.fetchall()) if cursor.description else []
                except psycopg.OperationalError:
                    # The server restarted or the connection dropped: one fresh connection, then give up.
                    await self._connection.close()
                    self._connection = None
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def try_acquire(self, key: str, owner: str, lease_seconds: float) -> bool:
        rows = await self._run(POSTGRES_TAKE, (key, owner, float(lease_seconds)))
        return bool(rows)

    async def release(self, key: str, owner: str) -> None:
        await self._run("DELETE FROM relay_locks WHERE key = %s AND owner = %s", (key, owner))

    async def check(self) -> None:
        await self._run("SELECT 1")

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None
