"""The relay's composition root: the one module that builds concrete adapters (MyParcel, ZPL, lock store)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from packstation.clients.http import HttpConfig, RateLimiter, RetryPolicy, TlsContexts
from packstation.clients.myparcel import MyParcelClient
from packstation.domain.errors import LabelError
from packstation.printing.zpl import LabelGeometry, PdfRenderer
from packstation.relay.config import RelayConfig
from packstation.relay.locks import PostgresLockStore, SqliteLockStore
from packstation.relay.web import RelayRuntime, build_app
from packstation.services.ports import LockStore
from packstation.services.relay import RelayAccount, RelayService, RelayTimings

LOCK_FILE = "relay-locks.sqlite3"
LABEL_WIDTH_INCHES = 4  # Picqer prints ZPL on 4x6" label printers; MyParcel's A6 page is fitted onto it
LABEL_LENGTH_INCHES = 6


def default_database() -> str:
    """Return the SQLite lock file in the user's data folder (one machine, any number of processes)."""
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('packstation', appauthor=False)) / LOCK_FILE}"


def lock_store(url: str) -> LockStore:
    """Return the lock store of a database address (sqlite:///path or postgresql://...)."""
    url = url or default_database()
    if url.startswith("sqlite:///"):
        return SqliteLockStore.from_url(url)
    return PostgresLockStore(url)


class PdfZplConverter:
    """services.ports.ZplConverter with the desk's own PDF -> ZPL converter (one PDFium thread per process)."""

    def __init__(self, renderer: PdfRenderer | None = None) -> None:
        # PDFium is not thread-safe: when the relay runs inside the app (demo mode) it is handed the desk's one
        # renderer (app.runtime.Runtime), never a second one. A relay process of its own (`packstation relay`)
        # hands in none: then this converter owns the process's one renderer and stops its thread on close.
        self._owns_renderer = renderer is None
        self._renderer = renderer if renderer is not None else PdfRenderer()

    async def to_zpl(self, pdf: bytes, dpi: int) -> bytes:
        try:
            # Inside the try: a resolution outside domain.limits is refused as a LabelError like any other.
            geometry = LabelGeometry(
                dpi=dpi, width_dots=LABEL_WIDTH_INCHES * dpi, length_dots=LABEL_LENGTH_INCHES * dpi
            )
            labels = await self._renderer.pdf_to_zpl(pdf, geometry)
        except LabelError:
            raise
        except ValueError as exc:  # a page that cannot be fitted onto the label
            raise LabelError(str(exc)) from exc
        return "".join(labels).encode("ascii")

    async def close(self) -> None:
        """Stop the renderer's thread if this converter owns it; a renderer handed in outlives the relay (the
        desk may still print) and its owner closes it."""
        if self._owns_renderer:
            await asyncio.to_thread(self._renderer.close)


def myparcel_retry(deadline: float) -> RetryPolicy:
    """Few, short retries: the request must be answered within `deadline`; what runs over goes on in the
    background (services.relay), so long waits would only hold the picklist's lease."""
    return RetryPolicy(attempts=3, base_delay=0.25, max_delay=2.0, jitter=0.25, max_retry_after=min(10.0, deadline))


def build_runtime(config: RelayConfig, *, transport: Any = None, pdf_renderer: Any = None) -> RelayRuntime:
    """Build the service, its adapters and the accounts of `config`.

    Args:
        transport: an httpx transport for MyParcel (tests).
        pdf_renderer: the process's printing.zpl.PdfRenderer when the relay runs beside the desk (demo mode);
            None: the relay builds its own and closes it with the runtime.
    """
    locks = lock_store(config.database)
    converter = PdfZplConverter(pdf_renderer)
    timings = RelayTimings(
        deadline=config.deadline_seconds,
        lease=config.lock_lease_seconds,
        # Always shorter than the lease, so a lease never runs out under a booking that is still going.
        background_limit=config.lock_lease_seconds * 0.8,
    )
    service = RelayService(locks, converter, zpl_dpi=config.zpl_dpi, timings=timings)
    accounts = []
    tls = TlsContexts()  # the relay's accounts share one verifying context (the CA bundle is read once)
    closers: list[Callable[[], Awaitable[None]]] = []
    for account in config.accounts:
        client = MyParcelClient(
            HttpConfig(
                base_url=account.myparcel_base_url,
                api_key=account.myparcel_key,
                connect_timeout=5.0,
                read_timeout=15.0,
                write_timeout=10.0,
                pool_timeout=5.0,
                tls=tls,
            ),
            account.platform,
            RateLimiter(config.myparcel_rate_limit, 60.0),
            myparcel_retry(config.deadline_seconds),
            transport=transport,
        )
        accounts.append(
            (account, RelayAccount(account.username, account.platform, client, allow_booking=account.allow_booking))
        )
        closers.append(client.aclose)
    closers += [locks.close, converter.close]
    return RelayRuntime(service, tuple(accounts), config.max_body_bytes, closers)


def build_relay_app(config: RelayConfig) -> Any:
    """Return the relay's ASGI application for `config`."""
    return build_app(build_runtime(config))
