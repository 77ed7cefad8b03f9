"""The process's shared resources, owned by one object the composition root builds and closes on exit."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packstation.clients.http import TlsContexts
    from packstation.printing.zpl import PdfRenderer


# Imported when a runtime is built, not when the app package is: start-up imports as little as it can.
def _new_renderer() -> PdfRenderer:
    from packstation.printing.zpl import PdfRenderer

    return PdfRenderer()  # cheap: its worker thread starts with the first render


def _new_tls() -> TlsContexts:
    from packstation.clients.http import TlsContexts

    return TlsContexts()  # cheap: the CA bundle is read when the first https client needs it


@dataclass
class Runtime:
    """What every part of one process shares, handed down explicitly instead of kept in module globals.

    - `renderer`: the one PdfRenderer. PDFium is not thread-safe, so the desk's printers, the settings dialog's
      test print and the relay embedded in demo mode all render on its single thread, never a second one.
    - `tls`: the verifying TLS context every API client shares (the CA bundle is read once).

    Build it once (`Runtime()`), pass it to the builders, and `close()` / `aclose()` it on exit: that stops
    the renderer's worker thread once the renders in flight are done.
    """

    renderer: PdfRenderer = field(default_factory=_new_renderer)
    tls: TlsContexts = field(default_factory=_new_tls)

    def close(self) -> None:
        """Stop the PDFium thread (waits for the renders in flight); blocking."""
        self.renderer.close()

    async def aclose(self) -> None:
        """Stop the PDFium thread without blocking the event loop."""
        await asyncio.to_thread(self.close)

    async def __aenter__(self) -> Runtime:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
