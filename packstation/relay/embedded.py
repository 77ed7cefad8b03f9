"""A relay inside another program (demo mode, tests): uvicorn on 127.0.0.1 in a daemon thread."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import uvicorn

from packstation.relay.config import RelayConfig
from packstation.relay.server import RelayUvicornConfig
from packstation.relay.web import RelayRuntime, build_app

START_TIMEOUT = 15.0


class RelayThread:
    """Serve a relay for `config` on `host`:`port` (0 = any free port) until `stop()`.

    `start()` returns the base URL (http://127.0.0.1:PORT, or https:// with a certificate); the protocol's
    paths follow it: /config-options, /shipments, /healthz.
    """

    def __init__(
        self,
        config: RelayConfig,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
        transport: Any = None,
        shutdown_grace: float = 5.0,
        pdf_renderer: Any = None,
    ) -> None:
        self.config = config
        self.host = host
        self.port = port
        self._ssl = (ssl_certfile, ssl_keyfile)
        self._transport = transport
        self.shutdown_grace = shutdown_grace  # how long stop() lets bookings left in the background finish
        # The desk's PdfRenderer (app.runtime.Runtime.renderer) when the relay runs beside it (demo mode): PDFium
        # keeps one thread per process. None: the relay builds its own and stops it when it stops.
        self._pdf_renderer = pdf_renderer
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.runtime: RelayRuntime | None = None
        self.base_url = ""

    def start(self) -> str:
        """Bind, serve in a daemon thread and return the base URL once the server answers."""
        if self.base_url:
            return self.base_url
        from packstation.relay.composition import build_runtime

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = int(sock.getsockname()[1])
        self.runtime = build_runtime(self.config, transport=self._transport, pdf_renderer=self._pdf_renderer)
        self.runtime.shutdown_grace = self.shutdown_grace
        certfile, keyfile = self._ssl
        uv_config = RelayUvicornConfig(
            build_app(self.runtime),
            log_config=None,
            ssl_certfile=certfile,
            ssl_keyfile=keyfile,
            lifespan="on",
            server_header=False,
            timeout_graceful_shutdown=5,
        )
        self._server = uvicorn.Server(uv_config)
        self._thread = threading.Thread(target=self._run, args=(sock,), name="packstation-relay", daemon=True)
        self._thread.start()
        started = time.monotonic()
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"the relay did not start: {self._error!r}")
            if time.monotonic() - started > START_TIMEOUT:
                raise RuntimeError("the relay did not start in time")
            time.sleep(0.01)
        scheme = "https" if certfile else "http"
        self.base_url = f"{scheme}://{self.host}:{self.port}"
        return self.base_url

    def _run(self, sock: socket.socket) -> None:
        assert self._server is not None
        try:
            asyncio.run(self._server.serve(sockets=[sock]))
        except BaseException as exc:  # reported by start() or stop(); a daemon thread must not die silently
            self._error = exc
        finally:
            sock.close()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop serving (bookings left in the background get a few seconds to finish) and free the port."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        self._server = self._thread = None
        self.base_url = ""

    def __enter__(self) -> RelayThread:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
