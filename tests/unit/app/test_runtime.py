"""The runtime owns the process's shared resources and closes them: no thread outlives it."""

from __future__ import annotations

import threading

from packstation.app.runtime import Runtime
from packstation.printing import zpl


def pdfium_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("pdfium")]


async def test_closing_the_runtime_stops_its_rendering_thread() -> None:
    before = pdfium_threads()
    runtime = Runtime()
    # A render starts the worker thread (a runtime that never rendered has none to stop).
    worker = await runtime.renderer.run(threading.current_thread)
    assert worker not in before and worker.is_alive()
    await runtime.aclose()
    assert not worker.is_alive()


def test_each_runtime_owns_its_own_renderer_and_tls_contexts() -> None:
    with Runtime() as first, Runtime() as second:
        assert isinstance(first.renderer, zpl.PdfRenderer)
        assert first.renderer is not second.renderer and first.tls is not second.tls
