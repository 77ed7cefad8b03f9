"""Printer roles and the print queue: nothing is lost, every job ends in a final state."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from packstation.domain.errors import LabelError, PrinterDisconnected, PrinterNotReady, QueueProblemCode
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.i18n import queue_problem_text
from packstation.printing import zpl, zpl_render
from packstation.printing.printers import ZplLabelPrinter, build_printer
from packstation.printing.queue import JobCancelled, JobState, PrintQueue, QueuedLabelPrinter
from packstation.printing.transport import NO_ANSWER, PAPER_OUT, PrinterStatus
from packstation.printing.usb import UsbTransport
from packstation.printing.virtual import VirtualPrinter
from packstation.settings import PrinterSettings
from tests.fakes.fake_usb import FakeUsbBackend, FakeUsbDevice

GEOMETRY = zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203)
LABEL = PreparedLabel(payload=b"^XA^XZ", kind="zpl")


class ScriptedPrinter:
    """A printer whose send outcomes are scripted: an exception to raise, or None to print."""

    def __init__(self, name: str = "Zebra", outcomes: list[Exception | None] | None = None) -> None:
        self._name = name
        self.outcomes = list(outcomes or [])
        self.printed: list[str] = []
        self.ready = True
        self.geometry = GEOMETRY

    @property
    def name(self) -> str:
        return self._name

    async def prepare(self, pdf: bytes) -> PreparedLabel:
        return LABEL

    async def status(self) -> PrinterStatus:
        return PrinterStatus(ready=self.ready, conditions=() if self.ready else (PAPER_OUT,))

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome
        self.printed.append(job_name)
        return PrintReceipt(self.name, job_name)


def recorder():
    changes: list[tuple[str, str]] = []
    return changes, lambda job: changes.append((job.name, job.state.value))


async def test_jobs_print_in_order_and_report_each_state():
    printer = ScriptedPrinter()
    changes, on_change = recorder()
    queue = PrintQueue(printer, on_change=on_change)
    jobs = [queue.submit(LABEL, f"P{i}") for i in range(3)]
    done = [await queue.wait(job) for job in jobs]
    assert printer.printed == ["P0", "P1", "P2"]
    assert all(job.state == JobState.PRINTED for job in done)
    assert [s for n, s in changes if n == "P0"] == ["queued", "sending", "printed"]
    await queue.close()


async def test_transient_errors_are_retried_with_backoff_then_fail():
    printer = ScriptedPrinter(outcomes=[PrinterDisconnected("Zebra", "cable")] * 5)
    queue = PrintQueue(printer, max_attempts=3, backoff=(0.01,))
    job = await queue.wait(queue.submit(LABEL, "P1"))
    assert job.state == JobState.FAILED and job.attempts == 3
    assert job.problem is not None and job.problem.code is QueueProblemCode.GAVE_UP
    assert queue_problem_text(job.problem) == (
        "Zebra went away while printing. Reconnect its cable or network. (tried 3 times)"
    )
    assert queue_problem_text(job.problem, "nl") == (
        "Zebra viel weg tijdens het printen. Sluit de kabel of het netwerk opnieuw aan. (3 keer geprobeerd)"
    )
    printer.outcomes.clear()
    queue.retry_failed()
    assert (await queue.wait(job)).state == JobState.PRINTED
    await queue.close()


async def test_not_ready_printer_keeps_its_jobs_until_ready():
    printer = ScriptedPrinter(outcomes=[PrinterNotReady("Zebra", "out of labels", (PAPER_OUT,))])
    printer.ready = False
    queue = PrintQueue(printer, poll_interval=0.01)
    first, second = queue.submit(LABEL, "P1"), queue.submit(LABEL, "P2")
    await asyncio.sleep(0.1)
    assert first.state == JobState.QUEUED and first.waiting_for_printer and first.conditions == (PAPER_OUT,)
    assert second.state == JobState.QUEUED and printer.printed == []
    printer.ready = True  # labels refilled
    await queue.wait(second)
    assert printer.printed == ["P1", "P2"]
    await queue.close()


async def test_a_held_job_returns_a_waiting_receipt_and_a_redirect_prints_it_elsewhere():
    stuck = ScriptedPrinter("Zebra 1", outcomes=[PrinterNotReady("Zebra 1", "head open", ("head_open",))])
    stuck.ready = False
    other = ScriptedPrinter("Zebra 2")
    queue, other_queue = PrintQueue(stuck, poll_interval=0.01), PrintQueue(other)
    queued = QueuedLabelPrinter(stuck, queue)
    receipt = await asyncio.wait_for(queued.send(LABEL, "P1"), 2)
    assert receipt.printer == "Zebra 1" and receipt.waiting == ("head_open",) and stuck.printed == []
    old = queue.jobs[0]
    assert receipt.job_id == str(old.id) and old.waiting_for_printer
    queue.redirect(old.id, other_queue)
    moved = await queue.wait(old)
    assert moved.printer == "Zebra 2" and moved.state == JobState.PRINTED and other.printed == ["P1"]
    assert old.state == JobState.CANCELLED and queue_problem_text(old.problem) == "moved to Zebra 2"
    await queue.close()
    await other_queue.close()


async def test_cancel_ends_the_wait_with_a_clear_error():
    printer = ScriptedPrinter()
    gate = asyncio.Event()
    plain_send = printer.send

    async def slow_send(label: PreparedLabel, job_name: str) -> PrintReceipt:
        await gate.wait()
        return await plain_send(label, job_name)

    printer.send = slow_send  # type: ignore[method-assign]
    queue = PrintQueue(printer, poll_interval=0.01)
    queued = QueuedLabelPrinter(printer, queue)
    first = asyncio.create_task(queued.send(LABEL, "P1"))
    sending = asyncio.create_task(queued.send(LABEL, "P2"))  # waits behind P1, which is printing
    await asyncio.sleep(0.05)
    assert queue.cancel(queue.jobs[1].id)
    with pytest.raises(JobCancelled, match="cancelled"):
        await sending
    gate.set()
    assert (await first).job_id == "P1"
    await queue.close()


async def test_a_job_behind_a_held_one_waits_for_the_same_paper():
    printer = ScriptedPrinter(outcomes=[PrinterNotReady("Zebra", "out", (PAPER_OUT,))])
    printer.ready = False
    queue = PrintQueue(printer, poll_interval=0.01)
    queued = QueuedLabelPrinter(printer, queue)
    first = await asyncio.wait_for(queued.send(LABEL, "P1"), 2)
    second = await asyncio.wait_for(queued.send(LABEL, "P2"), 2)  # not stuck behind the held one
    assert first.waiting == second.waiting == (PAPER_OUT,)
    printer.ready = True  # labels loaded: both print by themselves, in order
    await asyncio.wait_for(queue.wait(queue.jobs[1]), 2)
    assert printer.printed == ["P1", "P2"]
    await queue.close()


async def test_reprint_and_close_leave_no_job_without_final_state():
    printer = ScriptedPrinter()
    queue = PrintQueue(printer, poll_interval=0.01)
    job = await queue.wait(queue.submit(LABEL, "P1"))
    again = await queue.wait(queue.reprint(job.id))
    assert again.id != job.id and printer.printed == ["P1", "P1"]
    printer.ready = False
    printer.outcomes = [PrinterNotReady("Zebra", "out", (PAPER_OUT,))]
    pending = queue.submit(LABEL, "P2")
    await asyncio.sleep(0.03)
    await queue.close()
    assert pending.state == JobState.CANCELLED and all(j.final for j in queue.jobs)


# --- real printer roles ---------------------------------------------------------------------------


async def test_zpl_printer_prepares_previews_of_exactly_what_is_sent(tmp_path: Path, postnl_pdf):
    virtual = VirtualPrinter(tmp_path)
    with zpl.PdfRenderer() as renderer:
        printer = ZplLabelPrinter("Zebra", virtual, GEOMETRY, renderer=renderer)
        label = await printer.prepare(postnl_pdf)
        assert label.kind == "zpl" and label.missing_barcodes == ()
        assert label.source_barcodes == ("3SDEVC201611210",) == label.output_barcodes
        receipt = await printer.send(label, "P2024-0001")
    sent = virtual.jobs()[0].read_bytes()
    assert sent == label.payload and receipt.printer == "Zebra"
    assert zpl_render.render_png(sent.decode()) == list(label.previews_png)


async def test_zpl_printer_refuses_when_paper_is_out_and_sends_nothing(tmp_path: Path, renderer):
    device = FakeUsbDevice(paper_out=True)
    transport = UsbTransport(backend=FakeUsbBackend(device), status_timeout_ms=100)
    printer = ZplLabelPrinter("Zebra", transport, GEOMETRY, renderer=renderer)
    with pytest.raises(PrinterNotReady) as refused:
        await printer.send(LABEL, "P1")
    assert refused.value.conditions == (NO_ANSWER,)  # a Zebra out of paper is silent to ~HS
    assert b"^XA" not in bytes(device.written)


async def test_unplug_mid_write_fails_the_job_with_a_clear_message_and_keeps_the_label(postnl_pdf, renderer):
    device = FakeUsbDevice(unplug_after_bytes=3000)
    transport = UsbTransport(backend=FakeUsbBackend(device), chunk_size=1024)
    printer = ZplLabelPrinter("Zebra", transport, GEOMETRY, renderer=renderer)
    label = await printer.prepare(postnl_pdf)
    queue = PrintQueue(printer, max_attempts=2, backoff=(0.01,))
    job = await queue.wait(queue.submit(label, "P1"))
    assert job.state == JobState.FAILED
    assert queue_problem_text(job.problem) in (
        "Zebra went away while printing. Reconnect its cable or network. (tried 2 times)",
        "Zebra cannot be reached. Switch it on and check its cable or network. (tried 2 times)",
    )
    assert job.label.payload == label.payload  # still there to reprint
    device.unplugged, device.unplug_after_bytes = False, None  # plugged back in
    device.written.clear()
    queue.retry(job.id)
    assert (await queue.wait(job)).state == JobState.PRINTED
    assert bytes(device.written).endswith(label.payload)
    await queue.close()


async def test_build_printer_from_settings(tmp_path: Path, postnl_pdf, renderer):
    printer = build_printer(PrinterSettings(transport="virtual", encoding="acs", dpi=300), tmp_path, renderer=renderer)
    label = await printer.prepare(postnl_pdf)
    assert b"^PW1200" in label.payload and b":Z64:" not in label.payload
    # Typed settings refuse an unknown connection when they are made (a file's is named as a problem at load).
    with pytest.raises(ValueError, match="carrier-pigeon"):
        PrinterSettings(transport="carrier-pigeon")


async def test_pdf_printer_rejects_a_corrupt_pdf(tmp_path: Path, samples: Path, renderer):
    printer = build_printer(PrinterSettings(transport="system"), tmp_path, renderer=renderer)
    broken = (samples / "labels" / "broken" / "myparcel_pdk_label_mangled_utf8.pdf").read_bytes()
    with pytest.raises(LabelError, match="corrupt"):
        await printer.prepare(broken)


async def test_a_long_shift_keeps_the_newest_finished_jobs_and_every_failed_one():
    printer = ScriptedPrinter(outcomes=[PrinterDisconnected("Zebra", "cable")])
    forgotten: list[str] = []
    queue = PrintQueue(printer, max_attempts=1, keep_finished=2, on_forget=lambda job: forgotten.append(job.name))
    failed = await queue.wait(queue.submit(LABEL, "P0"))
    assert failed.state == JobState.FAILED
    for i in range(1, 5):
        await queue.wait(queue.submit(LABEL, f"P{i}"))
    assert [job.name for job in queue.jobs] == ["P0", "P3", "P4"]  # the failure waits for the packer
    assert forgotten == ["P1", "P2"]
    assert printer.printed == ["P1", "P2", "P3", "P4"]
    await queue.close()


async def test_a_failed_job_printed_again_later_is_never_retried():
    printer = ScriptedPrinter(outcomes=[PrinterDisconnected("Zebra", "cable")] * 2)
    queue = PrintQueue(printer, max_attempts=2, backoff=(0.01,))
    queued = QueuedLabelPrinter(printer, queue)
    with pytest.raises(PrinterDisconnected):
        await queued.send(LABEL, "P1")
    failed = queue.jobs[0]
    assert failed.state == JobState.FAILED
    other = queue.submit(PreparedLabel(payload=b"^XAother^XZ", kind="zpl"), "P1")  # another label: not the same
    await queue.wait(other)
    assert failed.state == JobState.FAILED
    await queued.send(LABEL, "P1")  # the shipment's retry (F12) prints the same label again
    assert failed.state == JobState.PRINTED_AGAIN and failed.final
    assert queue.retry_failed() == []  # Shift+F6: nothing left to retry, no second label
    await asyncio.sleep(0.02)
    assert printer.printed == ["P1", "P1"]  # the other label, then this one once
    await queue.close()


async def test_headless_printing_waits_for_the_paper_instead_of_going_on():
    printer = ScriptedPrinter(outcomes=[PrinterNotReady("Zebra", "out", (PAPER_OUT,))])
    printer.ready = False
    queue = PrintQueue(printer, poll_interval=0.01)
    queued = QueuedLabelPrinter(printer, queue, wait_while_held=True)  # `packstation ship`: nothing waits after it
    sending = asyncio.create_task(queued.send(LABEL, "P1"))
    await asyncio.sleep(0.05)
    assert not sending.done() and queue.jobs[0].waiting_for_printer
    printer.ready = True
    receipt = await asyncio.wait_for(sending, 2)
    assert receipt.waiting == () and printer.printed == ["P1"]
    await queue.close()


async def test_a_failed_label_the_packer_retried_with_f6_is_not_printed_again_by_the_shipments_f12():
    printer = ScriptedPrinter(outcomes=[PrinterDisconnected("Zebra", "cable")] * 2)
    queue = PrintQueue(printer, max_attempts=2, backoff=(0.01,))
    queued = QueuedLabelPrinter(printer, queue)
    with pytest.raises(PrinterDisconnected):
        await queued.send(LABEL, "P1")
    queue.retry(queue.jobs[0].id)  # F6 in the print queue
    receipt = await asyncio.wait_for(queued.send(LABEL, "P1"), 2)  # then F12 on the shipment
    assert receipt.job_id == "P1" and printer.printed == ["P1"] and len(queue.jobs) == 1
    await asyncio.wait_for(queued.send(LABEL, "P1"), 2)  # a later reprint prints again
    assert printer.printed == ["P1", "P1"]
    await queue.close()
