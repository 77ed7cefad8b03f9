"""One serial print queue per printer: every job ends printed, failed or cancelled, never just gone.

A printer that says it is not ready (paper out, head open) keeps its jobs until it is ready again or the
jobs are redirected; other errors are retried with backoff, then the job is failed and can be retried.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from packstation.domain.errors import PrinterError, PrinterNotReady
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.printing.transport import PrinterStatus

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINAL_STATES = frozenset({JobState.PRINTED, JobState.FAILED, JobState.CANCELLED})
# Printed and cancelled jobs stay listed (for a reprint from the panel) up to this many per printer; older ones
# are forgotten so a long shift does not hold every label in memory (~16 KB each). The journal keeps every label
# on disk (`packstation journal --label`). Failed jobs are never forgotten: they wait for the packer.
KEEP_FINISHED = 200


class QueueablePrinter(Protocol):
    """What a queue needs of a printer (ZplLabelPrinter and PdfLabelPrinter have it)."""

    @property
    def name(self) -> str: ...

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel: ...

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt: ...

    async def status(self) -> PrinterStatus: ...


_ids = itertools.count(1)


@dataclass(eq=False)
class PrintJob:
    """One label on its way to one printer."""

    name: str
    label: PreparedLabel
    printer: str
    id: int = field(default_factory=lambda: next(_ids))
    state: JobState = JobState.QUEUED
    attempts: int = 0
    error: str = ""  # why it failed, or why it waits (the printer's conditions)
    conditions: tuple[str, ...] = ()
    receipt: PrintReceipt | None = None
    moved_to: PrintJob | None = None  # set when redirected to another printer
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    _final: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    @property
    def final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def waiting_for_printer(self) -> bool:
        """True while the job is held because the printer is not ready."""
        return self.state == JobState.QUEUED and bool(self.conditions)


def _tell(listeners: list[Callable[[PrintJob], None]], job: PrintJob) -> None:
    """Call each listener with the job; a listener's bug is logged and must not stop the labels."""
    for listener in list(listeners):
        try:
            listener(job)
        except Exception:
            log.exception("print queue listener failed")


class JobCancelled(PrinterError):
    """The job was cancelled before it printed."""


class PrintQueue:
    """Sends jobs to one printer one at a time, in order."""

    def __init__(
        self,
        printer: QueueablePrinter,
        *,
        on_change: Callable[[PrintJob], None] | None = None,
        on_forget: Callable[[PrintJob], None] | None = None,
        max_attempts: int = 3,
        backoff: Sequence[float] = (1.0, 3.0, 10.0),
        poll_interval: float = 2.0,
        keep_finished: int = KEEP_FINISHED,
    ) -> None:
        self.printer = printer
        self.on_change = on_change
        self.on_forget = on_forget
        self.keep_finished = keep_finished
        self.max_attempts = max_attempts
        self.backoff = tuple(backoff) or (1.0,)
        self.poll_interval = poll_interval
        self.jobs: list[PrintJob] = []
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def name(self) -> str:
        return self.printer.name

    # --- state changes -------------------------------------------------------------------------

    def _set(self, job: PrintJob, state: JobState, error: str | None = None, conditions: tuple[str, ...] = ()) -> None:
        job.state = state
        if error is not None:
            job.error = error
        job.conditions = conditions
        job.updated = time.time()
        if job.final:
            job._final.set()
        else:
            job._final.clear()
        self._notify(self.on_change, job)
        if state in (JobState.PRINTED, JobState.CANCELLED):
            self._forget_oldest_finished()

    def _notify(self, listener: Callable[[PrintJob], None] | None, job: PrintJob) -> None:
        _tell([listener] if listener is not None else [], job)

    def _forget_oldest_finished(self) -> None:
        finished = [job for job in self.jobs if job.state in (JobState.PRINTED, JobState.CANCELLED)]
        for job in finished[: max(0, len(finished) - self.keep_finished)]:
            self.jobs.remove(job)
            self._notify(self.on_forget, job)

    def _ensure_worker(self) -> None:
        if self._closed:
            raise PrinterError(self.name, "The print queue is closed.")
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._run(), name=f"print queue {self.name}")
        self._wake.set()

    # --- public operations ---------------------------------------------------------------------

    def submit(self, label: PreparedLabel, job_name: str) -> PrintJob:
        """Queue a label; return its job at once (await wait(job) for the outcome)."""
        job = PrintJob(name=job_name, label=label, printer=self.name)
        self.jobs.append(job)
        self._set(job, JobState.QUEUED)
        self._ensure_worker()
        return job

    def find(self, job_id: int) -> PrintJob:
        """Return the job with this id."""
        for job in self.jobs:
            if job.id == job_id:
                return job
        raise KeyError(job_id)

    def cancel(self, job_id: int) -> bool:
        """Cancel a job that has not started sending; return whether it was cancelled."""
        job = self.find(job_id)
        if job.state != JobState.QUEUED:
            return False
        self._set(job, JobState.CANCELLED, "cancelled by the packer")
        return True

    def retry(self, job_id: int) -> PrintJob:
        """Put a failed job back in the queue."""
        job = self.find(job_id)
        if job.state != JobState.FAILED:
            raise ValueError(f"Job {job_id} is {job.state}, only failed jobs can be retried.")
        job.attempts = 0
        self._set(job, JobState.QUEUED, "")
        self._ensure_worker()
        return job

    def retry_failed(self) -> list[PrintJob]:
        """Put every failed job back in the queue."""
        return [self.retry(job.id) for job in self.jobs if job.state == JobState.FAILED]

    def reprint(self, job_id: int) -> PrintJob:
        """Queue the same label again as a new job."""
        job = self.find(job_id)
        return self.submit(job.label, job.name)

    def redirect(self, job_id: int, other: PrintQueue) -> PrintJob:
        """Move a queued or failed job to another printer's queue; the old job ends cancelled, pointing there."""
        job = self.find(job_id)
        if job.state not in (JobState.QUEUED, JobState.FAILED):
            raise ValueError(f"Job {job_id} is {job.state}; only queued or failed jobs can be moved.")
        if job.label.kind == "zpl" and not hasattr(other.printer, "geometry"):
            raise ValueError(f"{other.name} does not print ZPL; prepare the label for it instead.")
        new = other.submit(job.label, job.name)
        job.moved_to = new
        self._set(job, JobState.CANCELLED, f"moved to {other.name}")
        return new

    async def wait(self, job: PrintJob) -> PrintJob:
        """Wait for the job's final state, following it when it was redirected; return the final job."""
        while True:
            await job._final.wait()
            if job.moved_to is None:
                return job
            job = job.moved_to

    async def close(self) -> None:
        """Stop the worker; jobs still queued are cancelled so none is left without a final state."""
        self._closed = True
        if self._worker is not None:
            self._worker.cancel()
            try:
                await self._worker
            except asyncio.CancelledError:
                pass
        for job in self.jobs:
            if not job.final:
                self._set(job, JobState.CANCELLED, "the app was closed before it printed")

    # --- the worker ----------------------------------------------------------------------------

    def _next(self) -> PrintJob | None:
        return next((job for job in self.jobs if job.state == JobState.QUEUED), None)

    async def _sleep_or_wake(self, seconds: float) -> None:
        self._wake.clear()
        try:
            await asyncio.wait_for(self._wake.wait(), seconds)
        except TimeoutError:
            pass

    async def _run(self) -> None:
        while True:
            job = self._next()
            if job is None:
                self._wake.clear()
                await self._wake.wait()
                continue
            if job.conditions:
                # Held: ask the printer before sending again, so a paper-out printer is not fed.
                status = await self._status()
                if not status.ready:
                    if status.conditions != job.conditions:
                        self._set(job, JobState.QUEUED, f"waiting: {status.message}", status.conditions)
                    await self._sleep_or_wake(self.poll_interval)
                    continue
            await self._send(job)

    async def _status(self) -> PrinterStatus:
        try:
            return await self.printer.status()
        except Exception as exc:
            return PrinterStatus(ready=False, conditions=("offline",), detail=str(exc))

    async def _send(self, job: PrintJob) -> None:
        self._set(job, JobState.SENDING, "")
        job.attempts += 1
        try:
            receipt = await self.printer.send(job.label, job.name)
        except PrinterNotReady as exc:
            # Not the job's fault: keep it (and everything behind it) until the printer is ready.
            self._set(job, JobState.QUEUED, f"waiting: {exc.message}", exc.conditions or ("not_ready",))
            job.attempts -= 1
            await self._sleep_or_wake(self.poll_interval)
            return
        except (PrinterError, OSError) as exc:
            message = exc.message if isinstance(exc, PrinterError) else str(exc)
            if job.attempts >= self.max_attempts:
                self._set(job, JobState.FAILED, f"{message} (tried {job.attempts} times)")
                return
            delay = self.backoff[min(job.attempts - 1, len(self.backoff) - 1)]
            self._set(job, JobState.QUEUED, f"retrying in {delay:g} s: {message}")
            await asyncio.sleep(delay)
            return
        except Exception as exc:
            log.exception("unexpected error printing %s", job.name)
            self._set(job, JobState.FAILED, f"unexpected error: {exc}")
            return
        job.receipt = receipt
        self._set(job, JobState.PRINTED, "")


class QueuedLabelPrinter:
    """A printer behind its queue, in the LabelPrinter shape: send waits for the job's final state."""

    def __init__(self, printer: QueueablePrinter, queue: PrintQueue | None = None) -> None:
        self.printer = printer
        self.queue = queue or PrintQueue(printer)

    @property
    def name(self) -> str:
        return self.printer.name

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel:
        """Prepare the label for the printer behind the queue."""
        if carrier_zpl is None:
            return await self.printer.prepare(pdf)
        return await self.printer.prepare(pdf, carrier_zpl=carrier_zpl)

    async def status(self) -> PrinterStatus:
        """Return the printer's status."""
        return await self.printer.status()

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt:
        """Queue the label and wait until it printed; raise PrinterError if it failed or was cancelled."""
        job = await self.queue.wait(self.queue.submit(label, job_name))
        if job.state == JobState.PRINTED and job.receipt is not None:
            return job.receipt
        if job.state == JobState.CANCELLED:
            raise JobCancelled(job.printer, f"The print job was cancelled ({job.error}).")
        raise PrinterError(job.printer, job.error or "The label did not print.")


class PrintQueues:
    """The queues of every printer role, as the print queue panel sees them (services.ports.PrintQueues)."""

    def __init__(self, **queue_options: object) -> None:
        self._queues: dict[str, PrintQueue] = {}
        self._listeners: list[Callable[[PrintJob], None]] = []
        self._forget_listeners: list[Callable[[PrintJob], None]] = []
        self._options = queue_options
        self._pending: set[asyncio.Task[None]] = set()

    def add(self, printer: QueueablePrinter) -> QueuedLabelPrinter:
        """Give a printer its queue; return it in the LabelPrinter shape for the shipping service."""
        queue = PrintQueue(printer, on_change=self._changed, on_forget=self._forgotten, **self._options)  # type: ignore[arg-type]
        self._queues[printer.name] = queue
        return QueuedLabelPrinter(printer, queue)

    def _changed(self, job: PrintJob) -> None:
        _tell(self._listeners, job)

    def _forgotten(self, job: PrintJob) -> None:
        _tell(self._forget_listeners, job)

    def _owner(self, job_id: int) -> PrintQueue:
        for queue in self._queues.values():
            if any(job.id == job_id for job in queue.jobs):
                return queue
        raise KeyError(job_id)

    def printers(self) -> list[str]:
        return list(self._queues)

    def jobs(self) -> list[PrintJob]:
        return sorted((job for q in self._queues.values() for job in q.jobs), key=lambda j: (j.created, j.id))

    def subscribe(
        self, listener: Callable[[PrintJob], None], on_forget: Callable[[PrintJob], None] | None = None
    ) -> None:
        self._listeners.append(listener)
        if on_forget is not None:
            self._forget_listeners.append(on_forget)

    def retry(self, job_id: int) -> None:
        self._owner(job_id).retry(job_id)

    def retry_failed(self) -> None:
        for queue in self._queues.values():
            queue.retry_failed()

    def reprint(self, job_id: int) -> None:
        self._owner(job_id).reprint(job_id)

    def cancel(self, job_id: int) -> bool:
        return self._owner(job_id).cancel(job_id)

    def redirect(self, job_id: int, printer: str) -> None:
        """Move a job to another printer, preparing the label again for that printer's dots or language."""
        source = self._owner(job_id)
        target = self._queues[printer]
        job = source.find(job_id)
        if not job.label.source_pdf:
            source.redirect(job_id, target)
            return
        if job.state not in (JobState.QUEUED, JobState.FAILED):
            raise ValueError(f"Job {job_id} is {job.state}; only queued or failed jobs can be moved.")
        # Claim the job now so the old printer cannot pick it up while the label is being prepared.
        source._set(job, JobState.SENDING, f"moving to {target.name}")

        async def move() -> None:
            try:
                if job.label.from_carrier:  # the carrier's ZPL again, checked against the new printer's label
                    label = await target.printer.prepare(job.label.source_pdf, carrier_zpl=job.label.payload)
                else:
                    label = await target.printer.prepare(job.label.source_pdf)
            except Exception as exc:
                source._set(job, JobState.FAILED, f"could not prepare it for {target.name}: {exc}")
                return
            job.moved_to = target.submit(label, job.name)
            source._set(job, JobState.CANCELLED, f"moved to {target.name}")

        task = asyncio.get_running_loop().create_task(move())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def status(self, printer: str) -> tuple[bool, tuple[str, ...], str]:
        status = await self._queues[printer]._status()
        return status.ready, status.conditions, status.message

    async def close(self) -> None:
        for queue in self._queues.values():
            await queue.close()
