"""All printers' queues as the panel sees them: listing, actions, and moving a job to another printer."""

from __future__ import annotations

import asyncio

from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.printing.queue import JobState, PrintQueues
from packstation.printing.transport import PAPER_OUT, PrinterStatus


class RolePrinter:
    """A printer of one language (ZPL or PDF) that records what it printed."""

    def __init__(self, name: str, kind: str) -> None:
        self._name = name
        self.kind = kind
        self.ready = True
        self.printed: list[tuple[str, bytes]] = []
        if kind == "zpl":
            self.geometry = object()

    @property
    def name(self) -> str:
        return self._name

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        if carrier_zpl is not None and self.kind == "zpl":
            return PreparedLabel(payload=carrier_zpl, kind="zpl", source_pdf=pdf, from_carrier=True)
        payload = b"^XA" + pdf + b"^XZ" if self.kind == "zpl" else pdf
        return PreparedLabel(payload=payload, kind=self.kind, source_pdf=pdf)  # type: ignore[arg-type]

    async def status(self) -> PrinterStatus:
        return PrinterStatus(ready=self.ready, conditions=() if self.ready else (PAPER_OUT,))

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        if not self.ready:
            from packstation.domain.errors import PrinterNotReady

            raise PrinterNotReady(self.name, "paper out", (PAPER_OUT,))
        self.printed.append((job_name, label.payload))
        return PrintReceipt(self.name, job_name)


async def until(predicate, within: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


async def test_paper_out_keeps_the_job_until_it_is_moved_to_the_document_printer() -> None:
    queues = PrintQueues(poll_interval=0.02)
    zebra, office = RolePrinter("Zebra", "zpl"), RolePrinter("Office", "pdf")
    label_printer = queues.add(zebra)
    queues.add(office)
    seen: list[tuple[str, str]] = []
    queues.subscribe(lambda job: seen.append((job.printer, job.state.value)))
    zebra.ready = False

    # The packer is not kept waiting: the receipt says the label waits for paper in the queue.
    receipt = await asyncio.wait_for(label_printer.send(await label_printer.prepare(b"%PDF-label"), "P2024-00001"), 3)
    assert receipt.printer == "Zebra" and receipt.waiting == (PAPER_OUT,)
    held = queues.jobs()[0]
    assert held.state == JobState.QUEUED and PAPER_OUT in held.conditions
    assert await queues.status("Zebra") == (False, (PAPER_OUT,), "")
    assert held.problem is None, "why it waits is its conditions, worded by the UI, not an English text below it"

    queues.redirect(held.id, "Office")
    await until(lambda: office.printed)
    assert office.printed == [("P2024-00001", b"%PDF-label")], "the PDF printer gets the original PDF, not ZPL"
    assert zebra.printed == []
    assert [j.state for j in queues.jobs()] == [JobState.CANCELLED, JobState.PRINTED]
    assert ("Office", "printed") in seen
    await queues.close()


async def test_reprint_retry_and_cancel_reach_the_right_queue() -> None:
    queues = PrintQueues(poll_interval=0.02, max_attempts=1, backoff=(0.01,))
    zebra, office = RolePrinter("Zebra", "zpl"), RolePrinter("Office", "pdf")
    queues.add(zebra)
    office_queue = queues.add(office)
    receipt = await office_queue.send(await office_queue.prepare(b"%PDF-a"), "P1")
    assert receipt.printer == "Office"
    first = queues.jobs()[0]
    queues.reprint(first.id)
    await until(lambda: len(office.printed) == 2)
    assert queues.printers() == ["Zebra", "Office"]

    office.ready = False
    held = office_queue.queue.submit(await office_queue.prepare(b"%PDF-b"), "P2")
    await until(lambda: bool(held.conditions))
    queues.cancel(held.id)
    assert held.state == JobState.CANCELLED
    await queues.close()


async def test_zpl_with_commands_the_app_never_sends_is_refused(tmp_path, renderer) -> None:
    import pytest

    from packstation.domain.errors import LabelError
    from packstation.printing import zpl
    from packstation.printing.printers import ZplLabelPrinter
    from packstation.printing.virtual import VirtualPrinter

    transport = VirtualPrinter(tmp_path)
    printer = ZplLabelPrinter("Zebra", transport, zpl.LabelGeometry.from_mm(101.6, 152.4, dpi=203), renderer=renderer)
    smuggled = PreparedLabel(payload=b"^XA^FO0,0^GB10,10,2^FS^XZ^XA^JUF^XZ~JR", kind="zpl")
    with pytest.raises(LabelError, match=r"\^JU"):
        await printer.send(smuggled, "P1")
    assert list(tmp_path.iterdir()) == [], "nothing reached the printer"


async def test_a_carrier_zpl_job_moved_to_another_zebra_keeps_the_carriers_zpl() -> None:
    queues = PrintQueues(poll_interval=0.02)
    zebra, spare = RolePrinter("Zebra", "zpl"), RolePrinter("Spare", "zpl")
    label_printer = queues.add(zebra)
    queues.add(spare)
    zebra.ready = False
    carrier_zpl = b"^XA^FO10,10^A0N,30^FDPostNL^FS^XZ"
    label = await label_printer.prepare(b"%PDF-label", carrier_zpl=carrier_zpl)
    receipt = await asyncio.wait_for(label_printer.send(label, "P2024-00001"), 3)
    assert receipt.waiting == (PAPER_OUT,)
    queues.redirect(queues.jobs()[0].id, "Spare")
    await until(lambda: spare.printed)
    # Prepared again for the spare Zebra from the PDF *and* the carrier's ZPL: the carrier's ZPL is what prints.
    assert spare.printed == [("P2024-00001", carrier_zpl)]
    await queues.close()


async def test_job_numbers_are_unique_across_printers_and_belong_to_their_queues() -> None:
    async def print_one_on_each(queues: PrintQueues) -> list[int]:
        zebra, office = RolePrinter("Zebra", "zpl"), RolePrinter("Office", "pdf")
        label, document = queues.add(zebra), queues.add(office)
        await label.send(await label.prepare(b"%PDF-a"), "P1")
        await document.send(await document.prepare(b"%PDF-b"), "P2")
        queues.reprint(queues.jobs()[-1].id)  # the number names the document printer's job, not the label's
        await until(lambda: len(office.printed) == 2)
        assert zebra.printed == [("P1", b"^XA%PDF-a^XZ")]
        return sorted(job.id for job in queues.jobs())

    first, rebuilt = PrintQueues(poll_interval=0.02), PrintQueues(poll_interval=0.02)
    try:
        assert await print_one_on_each(first) == [1, 2, 3]
        # A rebuilt station (new settings) has queues of its own: no count carried over from a process-wide one.
        assert await print_one_on_each(rebuilt) == [1, 2, 3]
    finally:
        await first.close()
        await rebuilt.close()
