"""RAW jobs through the operating system's spooler: win32print on Windows, `lp -o raw` (CUPS) elsewhere.

The queue name goes to lp as one argument of a list, never through a shell, so any name is safe.
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from packstation.domain.errors import PrinterDisconnected, PrinterNotFound
from packstation.printing.transport import OFFLINE, PAUSED, PrinterStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SystemQueue:
    """A printer queue the OS knows."""

    name: str
    state: str  # idle | printing | disabled | unknown
    device: str = ""


def _run(args: list[str], data: bytes | None = None, timeout: float = 30.0) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, input=data, capture_output=True, timeout=timeout, check=False)  # noqa: S603


def list_cups_queues(lpstat: str | None = None) -> list[SystemQueue]:
    """Return the CUPS queues from `lpstat -p -v` (empty when CUPS is not there)."""
    lpstat = lpstat or shutil.which("lpstat")
    if not lpstat:
        return []
    try:
        states = _run([lpstat, "-p"], timeout=10)
        devices = _run([lpstat, "-v"], timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return []
    device_of = {}
    for line in devices.stdout.decode(errors="replace").splitlines():
        match = re.match(r"device for (.+?): (.*)$", line)
        if match:
            device_of[match.group(1)] = match.group(2)
    queues = []
    for line in states.stdout.decode(errors="replace").splitlines():
        match = re.match(r"printer (\S+) (?:is )?(idle|now printing|disabled)", line)
        if match:
            state = {"now printing": "printing"}.get(match.group(2), match.group(2))
            queues.append(SystemQueue(match.group(1), state, device_of.get(match.group(1), "")))
    return queues


def list_windows_printers() -> list[SystemQueue]:
    """Return the Windows printers (empty elsewhere)."""
    if sys.platform != "win32":
        return []
    import win32print  # pywin32, Windows only

    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [SystemQueue(info[2], "unknown") for info in win32print.EnumPrinters(flags)]


class SpoolerTransport:
    """A RAW queue of the OS spooler."""

    def __init__(self, queue: str, *, name: str = "", lp: str | None = None, lpstat: str | None = None) -> None:
        if not queue:
            raise ValueError("The spooler queue name is empty.")
        self.queue = queue
        self._name = name or queue
        self._lp = lp
        self._lpstat = lpstat

    @property
    def name(self) -> str:
        return self._name

    def _send_cups(self, data: bytes, job_name: str) -> str:
        lp = self._lp or shutil.which("lp")
        if not lp:
            raise PrinterNotFound(self.name, "The print system (CUPS `lp`) is not installed on this computer.")
        # No file argument: lp reads the job from stdin. Queue and title are separate arguments, no shell.
        args = [lp, "-d", self.queue, "-o", "raw", "-t", job_name]
        try:
            done = _run(args, data)
        except subprocess.TimeoutExpired as exc:
            raise PrinterDisconnected(self.name, "The print system did not take the job within 30 s.") from exc
        except OSError as exc:
            raise PrinterNotFound(self.name, f"The print system cannot be started ({exc}).") from exc
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip() or f"lp exit code {done.returncode}"
            if "does not exist" in message or "Unknown destination" in message or "not exist" in message:
                raise PrinterNotFound(self.name, f"The print queue '{self.queue}' does not exist ({message}).")
            raise PrinterDisconnected(self.name, f"The print system refused the job: {message}")
        return done.stdout.decode(errors="replace").strip()

    def _send_windows(self, data: bytes, job_name: str) -> str:
        import pywintypes
        import win32print

        try:
            handle: Any = win32print.OpenPrinter(self.queue)
        except pywintypes.error as exc:
            raise PrinterNotFound(self.name, f"Windows has no printer named '{self.queue}'.") from exc
        try:
            job = win32print.StartDocPrinter(handle, 1, (job_name, None, "RAW"))
            try:
                win32print.StartPagePrinter(handle)
                win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
            finally:
                win32print.EndDocPrinter(handle)
            return f"job {job}"
        except pywintypes.error as exc:
            raise PrinterDisconnected(self.name, f"Windows refused the print job: {exc}") from exc
        finally:
            win32print.ClosePrinter(handle)

    def _send(self, data: bytes, job_name: str) -> str:
        if sys.platform == "win32":
            return self._send_windows(data, job_name)
        return self._send_cups(data, job_name)

    async def send(self, data: bytes, job_name: str) -> None:
        """Hand the bytes unchanged to the spooler queue."""
        detail = await asyncio.to_thread(self._send, data, job_name)
        log.info("spooler %s: %s %s", self.queue, job_name, detail)

    def _status(self) -> PrinterStatus:
        if sys.platform == "win32":
            return PrinterStatus(ready=True, detail="Windows queues report problems per job")
        for queue in list_cups_queues(self._lpstat):
            if queue.name == self.queue:
                if queue.state == "disabled":
                    return PrinterStatus(ready=False, conditions=(PAUSED,), detail="the queue is disabled")
                return PrinterStatus(ready=True, detail=queue.state)
        return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=f"no queue named {self.queue}")

    async def status(self) -> PrinterStatus:
        """Return whether the queue exists and accepts jobs."""
        return await asyncio.to_thread(self._status)
