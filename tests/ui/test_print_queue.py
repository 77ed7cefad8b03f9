"""Print queue panel over a small in-test PrintQueues, and the printer status that never blocks."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from packstation.ui.messages import Messages
from packstation.ui.views.print_queue_panel import PrinterStatusBar, PrinterStatusPoller, PrintQueuePanel
from tests.fakes.station import DOCUMENT, LABEL, Job

# Written to a temporary folder; PACKSTATION_SCREENSHOT_DIR=docs/screenshots refreshes the README pictures.
SCREENSHOT = Path(os.environ.get("PACKSTATION_SCREENSHOT_DIR", tempfile.gettempdir())) / "print_queue.png"


@pytest.fixture
def panel(qtbot, queues):
    panel = PrintQueuePanel(queues, Messages("en"))
    qtbot.addWidget(panel)
    panel.resize(900, 320)
    panel.show()
    panel.table.setFocus()
    return panel


def cell(panel, row: int, column: int) -> str:
    return panel.model.index(row, column).data()


async def test_jobs_are_listed_with_state_printer_and_problem(panel):
    assert panel.model.rowCount() == 4
    assert cell(panel, 1, 0) == "P2024-00124"
    assert cell(panel, 1, 1) == LABEL
    assert cell(panel, 1, 2) == "FAILED"
    assert cell(panel, 1, 4) == "paper out"
    assert len(cell(panel, 1, 3)) == 8  # HH:MM:SS
    assert panel.summary.text() == "2 failed, 1 waiting"


async def test_a_return_labels_job_shows_its_whole_name(qtbot, queues):
    queues._jobs.append(Job(5, "P2024-00127 return", LABEL, "printed", created=time.time(), updated=time.time()))
    panel = PrintQueuePanel(queues, Messages("en"))
    qtbot.addWidget(panel)
    font = panel.font()
    font.setPointSize(12)  # a bench's font (X11's default and Windows' are larger than the test platform's)
    panel.setFont(font)
    panel.resize(1280, 200)
    panel.show()
    assert cell(panel, 4, 0) == "P2024-00127 return"
    shown = panel.table.columnWidth(0)
    assert shown >= panel.table.sizeHintForColumn(0), shown  # the whole name, not "P2024-00127 …"


async def test_retry_with_f6_from_the_table(panel, queues):
    panel.select_job(2)
    QTest.keyClick(panel.table, Qt.Key.Key_F6)
    assert queues.calls == [("retry", 2)]
    assert cell(panel, 1, 2) == "waiting"
    assert panel.summary.text() == "1 failed, 2 waiting"


async def test_retry_all_failed(panel, queues):
    QTest.keyClick(panel.table, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert queues.calls == [("retry_failed",)]
    assert panel.summary.text() == "0 failed, 3 waiting"
    assert not panel.retry_failed_button.isEnabled()


async def test_reprint_adds_a_job(panel, queues):
    said = []
    panel.said.connect(lambda text, tone: said.append(text))
    panel.select_job(1)
    QTest.keyClick(panel.table, Qt.Key.Key_F7)
    assert queues.calls == [("reprint", 1)]
    assert panel.model.rowCount() == 5 and cell(panel, 4, 0) == "P2024-00123"
    assert said == ["P2024-00123: printing again."]


async def test_cancel_with_delete(panel, queues):
    panel.select_job(3)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert queues.calls == [("cancel", 3)]
    assert cell(panel, 2, 2) == "cancelled"
    assert not panel.cancel_button.isEnabled()  # nothing left to cancel on this job


async def test_send_to_the_other_printer(panel, queues):
    panel.select_job(2)
    assert panel.redirect_button.text() == f"Send to {DOCUMENT}  (F8)"
    QTest.keyClick(panel.table, Qt.Key.Key_F8)
    assert queues.calls == [("redirect", 2, DOCUMENT)]
    assert cell(panel, 1, 1) == DOCUMENT


async def test_action_without_selection_says_what_to_do(panel, queues):
    said = []
    panel.said.connect(lambda text, tone: said.append((text, tone)))
    panel.table.clearSelection()
    panel.table.setCurrentIndex(panel.model.index(-1, -1))
    panel.retry()
    assert queues.calls == []
    assert said == [("Select a print job first (arrow keys).", "error")]


async def test_dutch(qtbot, queues):
    messages = Messages("en")
    panel = PrintQueuePanel(queues, messages)
    qtbot.addWidget(panel)
    messages.set_language("nl")
    assert cell(panel, 1, 2) == "MISLUKT" and cell(panel, 1, 4) == "papier op"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Picklijst"
    assert panel.retry_button.text() == "Opnieuw  (F6)"


async def test_printer_status_polled_without_blocking(qtbot, queues, wait_for):
    messages = Messages("en")
    poller = PrinterStatusPoller(queues, interval=0.05, timeout=0.2)
    bar = PrinterStatusBar(poller, messages)
    qtbot.addWidget(bar)
    assert bar.text(LABEL) == f"{LABEL}: status unknown"
    poller.start()
    await wait_for(lambda: bar.text(DOCUMENT) == f"{DOCUMENT}: ready")
    assert bar.text(LABEL) == f"{LABEL}: paper out"
    queues.status_answers[LABEL] = (False, ("head_open",), "Head open")
    await wait_for(lambda: bar.text(LABEL) == f"{LABEL}: print head open")
    # A printer that hangs: the loop keeps running, polls do not pile up, the status says unknown.
    queues.status_gate = asyncio.Event()
    calls = queues.status_calls
    started = asyncio.get_running_loop().time()
    await wait_for(lambda: bar.text(LABEL) == f"{LABEL}: status unknown", within=2.0)
    assert asyncio.get_running_loop().time() - started < 1.0
    assert queues.status_calls - calls <= 3
    messages.set_language("nl")
    assert bar.text(DOCUMENT) == f"{DOCUMENT}: status onbekend" or bar.text(DOCUMENT).endswith("klaar")
    poller.stop()


async def test_screenshot(panel, queues):
    panel.select_job(2)
    await asyncio.sleep(0.05)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENSHOT))


async def test_forgotten_jobs_leave_the_panel_model():
    from packstation.domain.labels import PreparedLabel, PrintReceipt
    from packstation.printing.queue import PrintQueues
    from packstation.ui.models.print_jobs_model import PrintJobsModel

    class PrintingPrinter:
        name = "Zebra"

        async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
            return PrintReceipt(self.name, job_name)

    label = PreparedLabel(payload=b"^XA^XZ", kind="zpl")

    queues = PrintQueues(keep_finished=1)
    queued = queues.add(PrintingPrinter())
    model = PrintJobsModel(queues, Messages("en"))
    for i in range(3):
        await queued.queue.wait(queued.queue.submit(label, f"P{i}"))
    assert [model.job(row).name for row in range(model.rowCount())] == ["P2"]
    assert model.row_of(queued.queue.jobs[0].id) == 0
    await queues.close()


async def test_the_queue_opens_at_the_newest_job_and_tab_never_moves_the_selection(panel):
    panel.focus_newest()
    assert panel.selected_job().name == "P2024-00126"  # F7 now prints the label just made, not the oldest
    QTest.keyClick(panel.table, Qt.Key.Key_Tab)  # it walked the cells and rows: F7/Del then hit another job
    assert panel.selected_job().name == "P2024-00126"


async def test_only_a_waiting_job_can_be_cancelled_and_del_on_another_says_so(panel, queues):
    said: list[tuple[str, str]] = []
    panel.said.connect(lambda text, tone: said.append((text, tone)))
    panel.select_job(1)  # printed
    assert not panel.cancel_button.isEnabled()
    panel.cancel()
    assert said[-1] == (
        "P2024-00123 is printed: only a waiting job can be cancelled. F6 tries a failed one again.",
        "error",
    )
    assert queues.jobs()[0].state == "printed"
    panel.select_job(3)  # waiting
    panel.cancel()
    assert said[-1] == ("P2024-00125: cancelled.", "ok")


async def test_in_dutch_the_panel_says_in_dutch_why_a_job_is_tried_again_and_where_it_was_moved(qtbot):
    from packstation.domain.errors import PrinterDisconnected
    from packstation.domain.labels import DOCUMENT_PRINTER, LABEL_PRINTER, PreparedLabel, PrintReceipt
    from packstation.printing.queue import PrintQueues
    from packstation.ui.models.print_jobs_model import JobColumn

    class UnpluggedOnce:
        """A printer whose cable is pulled during the first label."""

        def __init__(self, name: str, failures: int) -> None:
            self.name = name
            self.failures = failures

        async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
            if self.failures:
                self.failures -= 1
                raise PrinterDisconnected(self.name, "USB write failed: [Errno 19] No such device")
            return PrintReceipt(self.name, job_name)

    queues = PrintQueues(backoff=(60.0,))  # the retry waits long enough to be read
    label_printer = queues.add(UnpluggedOnce(LABEL_PRINTER, failures=1))
    queues.add(UnpluggedOnce(DOCUMENT_PRINTER, failures=0))
    messages = Messages("en")
    panel = PrintQueuePanel(queues, messages)
    qtbot.addWidget(panel)
    job = label_printer.queue.submit(PreparedLabel(payload=b"%PDF-label", kind="pdf"), "P2024-00001")
    for _ in range(300):
        if job.problem is not None:
            break
        await asyncio.sleep(0.01)

    def problem(role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return panel.model.index(panel.model.row_of(job.id), JobColumn.PROBLEM).data(role)

    assert problem() == ("retrying in 60 s: Label printer went away while printing. Reconnect its cable or network.")
    messages.set_language("nl")  # Ctrl+L: the panel reads its words again
    retrying = (
        "nieuwe poging over 60 s: Labelprinter viel weg tijdens het printen. Sluit de kabel of het netwerk opnieuw aan."
    )
    assert problem() == retrying
    assert problem(Qt.ItemDataRole.ToolTipRole) == retrying

    queues.redirect(job.id, DOCUMENT_PRINTER)  # F8
    assert problem() == "verplaatst naar Documentprinter"
    assert problem(Qt.ItemDataRole.ToolTipRole) == "verplaatst naar Documentprinter"
    await queues.close()
