"""The GUI in demo mode: window, embedded relay and the settings dialog's test print share the station's one
PdfRenderer (PDFium is not thread-safe), and closing the station stops its thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from packstation.domain.labels import LABEL_PRINTER
from packstation.printing import zpl
from packstation.settings import PrinterSettings
from packstation.ui.messages import Messages


def pdfium_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("pdfium")]


async def test_demo_station_builds_one_renderer_and_closing_it_leaves_no_thread(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wait_for
) -> None:
    from PySide6.QtWidgets import QApplication

    from packstation import app, logs
    from packstation import settings as settings_module

    monkeypatch.setenv("PACKSTATION_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.setenv(app.DATA_DIR_ENV, str(tmp_path / "data"))
    built: list[zpl.PdfRenderer] = []
    real_init = zpl.PdfRenderer.__init__

    def recording_init(self: zpl.PdfRenderer, *args: object, **kwargs: object) -> None:
        built.append(self)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zpl.PdfRenderer, "__init__", recording_init)
    before = pdfium_threads()

    qt_app = QApplication.instance()
    quits = qt_app.quitOnLastWindowClosed()
    qt_app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the test's event loop
    station = app.GuiStation(qt_app, demo=True)
    station.redactor = logs.RedactingFilter(())  # the app's log file is not this test's: keep logging as it is
    station.open(settings_module.load())
    try:
        await wait_for(lambda: station.relay is not None and bool(station.relay.base_url))  # the demo relay is up
        station.open_settings(Messages("en"))
        dialog = station._dialog
        qtbot.addWidget(dialog)
        folder = tmp_path / "test-print"
        await dialog.controller.ports.print_test_label(
            PrinterSettings(transport="virtual", address=str(folder)), LABEL_PRINTER
        )
        assert list(folder.iterdir()), "the test label was printed"
        station.rebuild()  # saving the settings: a new window and context, the same renderer
        assert built == [station.runtime.renderer], "one PdfRenderer for window, relay and test print"
        started = [t for t in pdfium_threads() if t not in before]  # identities: others' threads may be ending
        dialog.done(0)
    finally:
        station.window.close()  # type: ignore[union-attr]
        await station.aclose()
        qt_app.setQuitOnLastWindowClosed(quits)
    assert started and not any(t.is_alive() for t in started), "closing the station stopped the rendering thread"
