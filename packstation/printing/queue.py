"""One serial print queue per printer: every job ends printed, failed or cancelled, never just gone.

A printer that says it is not ready (paper out, head open) keeps its jobs until it is ready again or the
jobs are redirected; other errors are retried with backoff, then the job is failed and can be retried.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from packstation.domain.errors import (
    PrintCancelled,
    PrinterError,
    PrinterNotFound,
    PrinterNotReady,
    QueueProblem,
    QueueProblemCode,
)
from packstation.domain.labels import PreparedLabel, PrintReceipt
from packstation.printing.transport import NOT_READY, OFFLINE, PrinterStatus

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    PRINTED = "printed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    # A failed job whose label was queued again later (F12, F7): that later job is its print, so this one is
    # never retried (Shift+F6 printed a second label for it).
    PRINTED_AGAIN = "printed_again"


FINAL_STATES = frozenset({JobState.PRINTED, JobState.FAILED, JobState.CANCELLED, JobState.PRINTED_AGAIN})
# Kept for a reprint from the panel, but only up to KEEP_FINISHED per printer.
_FORGETTABLE = frozenset({JobState.PRINTED, JobState.CANCELLED, JobState.PRINTED_AGAIN})
# Printed and cancelled jobs stay listed (for a reprint from the panel) up to this many per printer; older ones
# are forgotten so a long shift does not hold every label in memory (~16 KB each). The journal keeps every label
# on disk (`packstation journal --label`). Failed jobs are never forgotten: they wait for the packer.
KEEP_FINISHED = 200


def _moved(printer: str) -> QueueProblem:
    return QueueProblem(QueueProblemCode.MOVED, (("printer", printer),))


def _unreachable(printer: str, exc: OSError) -> PrinterNotFound:
    """The printer's OSError (refused, no route, USB gone) as the printer error it is."""
    return PrinterNotFound(printer, f"The printer cannot be reached ({exc}).")


class QueueablePrinter(Protocol):
    """What a queue needs of a printer (ZplLabelPrinter and PdfLabelPrinter have it)."""

    @property
    def name(self) -> str: ...

    async def prepare(self, pdf: bytes, carrier_zpl: bytes | None = None) -> PreparedLabel: ...

    async def send(self, label: PreparedLabel, job_name: str) -> PrintReceipt: ...

    async def status(self) -> PrinterStatus: ...


@dataclass(eq=False)
class PrintJob:
    """One label on its way to one printer."""

    name: str
    label: PreparedLabel
    printer: str
    id: int  # unique among the queues of one PrintQueues (the panel and the window name jobs by it)
    state: JobState = JobState.QUEUED
    attempts: int = 0
    # Why it failed, was cancelled or is tried again, by code (packstation.i18n words it); None when it has none.
    # Why it waits for the printer is its conditions.
    problem: QueueProblem | None = None
    conditions: tuple[str, ...] = ()
    receipt: PrintReceipt | None = None
    moved_to: PrintJob | None = None  # set when redirected to another printer
    cause: Exception | None = None  # the printer's own error when it failed (not found, went away…)
    retried: bool = False  # the packer sent it again after it failed (F6, Shift+F6)
    taken_over: bool = False  # a failed job retried or moved by the packer whose print a retry of the shipment took
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    _final: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    _held: asyncio.Event = field(default_factory=asyncio.Event, repr=False)  # set while waiting_for_printer

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


class JobCancelled(PrintCancelled):
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
        ids: Iterator[int] | None = None,
    ) -> None:
        self.printer = printer
        # Job numbers: PrintQueues hands its queues one counter, so an id names one job among all its printers.
        self._ids = ids if ids is not None else itertools.count(1)
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

    def _set(
        self, job: PrintJob, state: JobState, problem: QueueProblem | None = None, conditions: tuple[str, ...] = ()
    ) -> None:
        job.state = state
        job.problem = problem
        job.conditions = conditions
        job.updated = time.time()
        if job.final:
            job._final.set()
        else:
            job._final.clear()
        if job.waiting_for_printer:
            job._held.set()
        else:
            job._held.clear()
        self._notify(self.on_change, job)
        if state in _FORGETTABLE:
            self._forget_oldest_finished()

    def _notify(self, listener: Callable[[PrintJob], None] | None, job: PrintJob) -> None:
        _tell([listener] if listener is not None else [], job)

    def _forget_oldest_finished(self) -> None:
        finished = [job for job in self.jobs if job.state in _FORGETTABLE]
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
        job = PrintJob(name=job_name, label=label, printer=self.name, id=next(self._ids))
        for earlier in self.jobs:
            if earlier.state == JobState.FAILED and earlier.name == job_name and earlier.label.payload == label.payload:
                self._set(earlier, JobState.PRINTED_AGAIN)
        # Behind a job held for paper (or a closed head), this one waits for the same thing: say so at once.
        held = next((j for j in self.jobs if j.waiting_for_printer), None)
        self.jobs.append(job)
        if held is not None:
            self._set(job, JobState.QUEUED, held.problem, held.conditions)
        else:
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
        self._set(job, JobState.CANCELLED, QueueProblem(QueueProblemCode.CANCELLED))
        return True

    def retry(self, job_id: int) -> PrintJob:
        """Put a failed job back in the queue."""
        job = self.find(job_id)
        if job.state != JobState.FAILED:
            raise ValueError(f"Job {job_id} is {job.state}, only failed jobs can be retried.")
        job.attempts = 0
        job.cause = None
        job.retried = True
        self._set(job, JobState.QUEUED)
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
        self._set(job, JobState.CANCELLED, _moved(other.name))
        return new

    async def wait(self, job: PrintJob) -> PrintJob:
        """Wait for the job's final state, following it when it was redirected; return the final job."""
        while True:
            await job._final.wait()
            if job.moved_to is None:
                return job
            job = job.moved_to

    async def wait_printed_or_held(self, job: PrintJob) -> PrintJob:
        """Wait until the job is final or held until the printer is ready (following redirects); return it."""
        while True:
            if not job.final and not job.waiting_for_printer:
                final, held = asyncio.ensure_future(job._final.wait()), asyncio.ensure_future(job._held.wait())
                try:
                    await asyncio.wait((final, held), return_when=asyncio.FIRST_COMPLETED)
                finally:
                    final.cancel()
                    held.cancel()
            if job.final and job.moved_to is not None:
                job = job.moved_to
                continue
            if job.final or job.waiting_for_printer:
                return job

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
                self._set(job, JobState.CANCELLED, QueueProblem(QueueProblemCode.CLOSED))

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
                        self._set(job, JobState.QUEUED, None, status.conditions)
                    await self._sleep_or_wake(self.poll_interval)
                    continue
            await self._send(job)

    async def _status(self) -> PrinterStatus:
        try:
            return await self.printer.status()
        except Exception as exc:
            return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=str(exc))

    async def _send(self, job: PrintJob) -> None:
        self._set(job, JobState.SENDING)
        job.attempts += 1
        try:
            receipt = await self.printer.send(job.label, job.name)
        except PrinterNotReady as exc:
            # Not the job's fault: keep it (and everything behind it) until the printer is ready.
            # Why it waits is its conditions (codes: the UI words them); `problem` is for what went wrong.
            self._set(job, JobState.QUEUED, None, exc.conditions or (NOT_READY,))
            job.attempts -= 1
            await self._sleep_or_wake(self.poll_interval)
            return
        except (PrinterError, OSError) as exc:
            # Worded as the printer errors of a shipment are: an OSError is a printer that cannot be reached.
            error = exc if isinstance(exc, PrinterError) else _unreachable(self.name, exc)
            if job.attempts >= self.max_attempts:
                job.cause = exc
                problem = QueueProblem(QueueProblemCode.GAVE_UP, (("attempts", str(job.attempts)),), error)
                self._set(job, JobState.FAILED, problem)
                return
            delay = self.backoff[min(job.attempts - 1, len(self.backoff) - 1)]
            self._set(job, JobState.QUEUED, QueueProblem(QueueProblemCode.RETRYING, (("delay", f"{delay:g}"),), error))
            await asyncio.sleep(delay)
            return
        except Exception as exc:
            log.exception("unexpected error printing %s", job.name)
            self._set(job, JobState.FAILED, QueueProblem(QueueProblemCode.UNEXPECTED, error=exc))
            return
        job.receipt = receipt
        self._set(job, JobState.PRINTED)


class QueuedLabelPrinter:
    """A printer behind its queue, in the LabelPrinter shape: send waits for the job's final state."""

    def __init__(
        self, printer: QueueablePrinter, queue: PrintQueue | None = None, *, wait_while_held: bool = False
    ) -> None:
        self.printer = printer
        self.queue = queue or PrintQueue(printer)
        # True: send waits until a held job prints (headless `ship`, where nothing else waits for the queue).
        self.wait_while_held = wait_while_held

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
        """Queue the label and wait until it printed; raise PrinterError if it failed or was cancelled.

        A printer that is not ready (paper out, head open) holds the job in the queue, which prints it by
        itself once the printer is ready: the receipt then says what it waits for, and the packer goes on.
        """
        earlier = self._resent_after_failing(label, job_name)
        # The packer already sent the failed label again (F6) or to the other printer (F8): that print is this
        # one, not a second label.
        job = earlier if earlier is not None else self.queue.submit(label, job_name)
        job = await (self.queue.wait(job) if self.wait_while_held else self.queue.wait_printed_or_held(job))
        if not job.final:
            detail = str(job.problem) if job.problem is not None else ""
            return PrintReceipt(job.printer, str(job.id), detail=detail, waiting=job.conditions)
        if job.state == JobState.PRINTED and job.receipt is not None:
            return job.receipt
        raise _failure_of(job)

    def _resent_after_failing(self, label: PreparedLabel, job_name: str) -> PrintJob | None:
        """Return the print of this label the packer started from the queue after it failed: retried (F6) or moved
        to the other printer (F8), unless that print failed or was cancelled. Each stands in for one send only."""
        for job in reversed(self.queue.jobs):
            if job.name != job_name or job.label.payload != label.payload:
                continue
            if job.taken_over:
                return None
            if job.moved_to is not None and job.cause is not None:
                target = job.moved_to
                while target.moved_to is not None:
                    target = target.moved_to
            elif job.retried:
                target = job
            else:
                return None  # the newest job of this label was not resent by the packer: print anew
            if target.state in (JobState.FAILED, JobState.CANCELLED, JobState.PRINTED_AGAIN):
                return None
            job.taken_over = True
            return target
        return None


def _failure_of(job: PrintJob) -> PrinterError:
    """The error a final job that did not print raises: the printer's own where there is one, so the packer reads
    "cannot be reached" or "went away", not "unexpected"."""
    if job.state == JobState.CANCELLED:
        return JobCancelled(job.printer, f"The print job was cancelled ({job.problem}).")
    if isinstance(job.cause, PrinterError):
        return job.cause
    if isinstance(job.cause, OSError):
        unreachable = _unreachable(job.printer, job.cause)
        unreachable.__cause__ = job.cause  # as "raise … from" would: the traceback keeps the OS's own error
        return unreachable
    failure = job.problem.error if job.problem is not None else None
    return PrinterError(job.printer, f"The label did not print ({failure})." if failure else "The label did not print.")


class PrintQueues:
    """The queues of every printer role, as the print queue panel sees them (services.ports.PrintQueues)."""

    def __init__(self, *, wait_while_held: bool = False, **queue_options: object) -> None:
        self._wait_while_held = wait_while_held  # see QueuedLabelPrinter
        self._queues: dict[str, PrintQueue] = {}
        self._listeners: list[Callable[[PrintJob], None]] = []
        self._forget_listeners: list[Callable[[PrintJob], None]] = []
        self._options = queue_options
        self._pending: set[asyncio.Task[None]] = set()
        self._ids = itertools.count(1)

    def add(self, printer: QueueablePrinter) -> QueuedLabelPrinter:
        """Give a printer its queue; return it in the LabelPrinter shape for the shipping service."""
        queue = PrintQueue(
            printer,
            on_change=self._changed,
            on_forget=self._forgotten,
            ids=self._ids,
            **self._options,  # type: ignore[arg-type]  # the keyword options PrintQueue takes, kept as a dict
        )
        self._queues[printer.name] = queue
        return QueuedLabelPrinter(printer, queue, wait_while_held=self._wait_while_held)

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
        source._set(job, JobState.SENDING, QueueProblem(QueueProblemCode.MOVING, (("printer", target.name),)))

        async def move() -> None:
            try:
                if job.label.from_carrier:  # the carrier's ZPL again, checked against the new printer's label
                    label = await target.printer.prepare(job.label.source_pdf, carrier_zpl=job.label.payload)
                else:
                    label = await target.printer.prepare(job.label.source_pdf)
            except Exception as exc:
                problem = QueueProblem(QueueProblemCode.NOT_PREPARED, (("printer", target.name),), exc)
                source._set(job, JobState.FAILED, problem)
                return
            job.moved_to = target.submit(label, job.name)
            source._set(job, JobState.CANCELLED, _moved(target.name))

        task = asyncio.get_running_loop().create_task(move())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def status(self, printer: str) -> tuple[bool, tuple[str, ...], str]:
        status = await self._queues[printer]._status()
        return status.ready, status.conditions, status.detail

    async def close(self) -> None:
        for queue in self._queues.values():
            await queue.close()
