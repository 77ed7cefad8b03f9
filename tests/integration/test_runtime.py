"""Demo mode runs the desk, the relay and the settings dialog's test print on ONE PdfRenderer (PDFium is not
thread-safe), and leaves no rendering thread behind once closed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from packstation import app
from packstation.app import accounts
from packstation.domain.labels import LABEL_PRINTER
from packstation.domain.picklists import PicklistStatus
from packstation.printing import zpl
from packstation.services.shipping import Step
from packstation.settings import PrinterSettings

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: a data folder per test


@pytest.fixture
def renderers_built(monkeypatch: pytest.MonkeyPatch) -> list[zpl.PdfRenderer]:
    """Every PdfRenderer the process builds from now on."""
    built: list[zpl.PdfRenderer] = []
    real_init = zpl.PdfRenderer.__init__

    def recording_init(self: zpl.PdfRenderer, *args: object, **kwargs: object) -> None:
        built.append(self)
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zpl.PdfRenderer, "__init__", recording_init)
    return built


def pdfium_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("pdfium")]


async def test_demo_mode_renders_desk_relay_and_test_print_on_one_renderer_and_closes_it(
    renderers_built: list[zpl.PdfRenderer], data_dir: Path
) -> None:
    before = pdfium_threads()
    async with app.open_context(demo=True) as context:
        assert context.demo is not None and context.demo.picqer.relay_shipment_url  # the embedded relay is up
        # Ship one picklist: the desk prints its label, and the demo Picqer registers the parcel through the
        # relay, which converts MyParcel's PDF to ZPL.
        number = ""
        async for picklist in context.service.iter_picklists(PicklistStatus.NEW):
            if picklist.delivery.country == "NL" and not picklist.delivery.address_line.endswith("1-3"):
                number = picklist.number
                break
        opened = await context.service.open_picklist(number)
        profile = opened.suggested_profile or context.service.profiles[0]
        job = context.service.start(opened, opened.draft(profile, {}))
        await context.service.run(job)
        assert job.step is Step.DONE, job.error
        # The settings dialog's test print, as the GUI hands it the runtime's renderer.
        await accounts.print_test_label(
            PrinterSettings(transport="virtual", address=str(data_dir / "test-print")),
            LABEL_PRINTER,
            renderer=context.runtime.renderer,
        )
        assert list((data_dir / "test-print").iterdir()), "the test label was printed"
        assert renderers_built == [context.runtime.renderer], "one PdfRenderer for the whole process"
        # Identities, not counts: an earlier test's renderer thread may still be ending meanwhile.
        started = [t for t in pdfium_threads() if t not in before]
        assert len(started) == 1
    assert not started[0].is_alive(), "closing the app stopped the rendering thread"
