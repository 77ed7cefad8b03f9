"""What every way of reaching a printer offers: send bytes, and say whether it can print now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from packstation.domain.errors import PrinterNotReady

STX, ETX = 0x02, 0x03
HOST_STATUS_QUERY = b"~HS\r\n"

# Condition codes, shared by every transport. They are codes only: the catalogue (packstation/i18n, keys
# "printer.<code>") holds the words the GUI and the CLI show for them, in English and Dutch.
PAPER_OUT = "paper_out"
HEAD_OPEN = "head_open"
RIBBON_OUT = "ribbon_out"
PAUSED = "paused"
BUFFER_FULL = "buffer_full"
OFFLINE = "offline"
# Zebra printers stay silent to ~HS while out of paper, head open or ribbon out: silence is not "ready".
NO_ANSWER = "no_answer"
HEAD_TOO_HOT = "head_too_hot"
HEAD_TOO_COLD = "head_too_cold"
MEMORY_CORRUPT = "memory_corrupt"
NOT_READY = "not_ready"  # the printer refused the job without saying why
CONDITIONS = (
    PAPER_OUT,
    HEAD_OPEN,
    RIBBON_OUT,
    PAUSED,
    BUFFER_FULL,
    OFFLINE,
    NO_ANSWER,
    HEAD_TOO_HOT,
    HEAD_TOO_COLD,
    MEMORY_CORRUPT,
    NOT_READY,
)


@dataclass(frozen=True)
class PrinterStatus:
    """Whether the printer can print now, and if not, why (condition codes above)."""

    ready: bool
    conditions: tuple[str, ...] = ()
    labels_waiting: int = 0  # formats in the receive buffer
    detail: str = ""  # what the printer or the system said, for the log: not words for the packer


def not_ready(printer: str, conditions: tuple[str, ...]) -> PrinterNotReady:
    """Return the error for a printer that cannot print now; its conditions say why (words: i18n)."""
    return PrinterNotReady(printer, f"not ready ({', '.join(conditions) or NOT_READY})", conditions)


READY = PrinterStatus(ready=True)


@runtime_checkable
class Transport(Protocol):
    """A way to a printer: USB, TCP 9100, the OS spooler, the system printer or a folder."""

    @property
    def name(self) -> str: ...

    async def send(self, data: bytes, job_name: str) -> None:
        """Deliver the job; raise PrinterNotFound, PrinterNotReady or PrinterDisconnected when it was not."""
        ...

    async def status(self) -> PrinterStatus:
        """Return whether the printer can print now."""
        ...


def split_frames(data: bytes) -> list[bytes]:
    """Return the payloads of the STX...ETX frames in the data."""
    frames = []
    start = None
    for i, byte in enumerate(data):
        if byte == STX:
            start = i + 1
        elif byte == ETX and start is not None:
            frames.append(data[start:i])
            start = None
    return frames


def _flag(fields: list[str], index: int) -> bool:
    return index < len(fields) and fields[index].strip() == "1"


def parse_host_status(answer: bytes) -> PrinterStatus:
    """Parse the three STX...ETX strings a Zebra answers to ~HS into a PrinterStatus."""
    frames = split_frames(answer)
    if len(frames) < 2:
        return PrinterStatus(ready=False, conditions=(NO_ANSWER,), detail=answer[:200].decode("latin-1"))
    first = frames[0].decode("ascii", "replace").split(",")
    second = frames[1].decode("ascii", "replace").split(",")
    # String 1: aaa,b(paper out),c(pause),dddd,eee(formats waiting),f(buffer full),g,h,iii,j(RAM),k(cold),l(hot)
    # String 2: mmm,n,o(head up),p(ribbon out),q,r,s,t,uuuuuuuu,v,www
    flags = (
        (first, 1, PAPER_OUT),
        (first, 2, PAUSED),
        (first, 5, BUFFER_FULL),
        (first, 9, MEMORY_CORRUPT),
        (first, 10, HEAD_TOO_COLD),
        (first, 11, HEAD_TOO_HOT),
        (second, 2, HEAD_OPEN),
        (second, 3, RIBBON_OUT),
    )
    conditions = [condition for fields, index, condition in flags if _flag(fields, index)]
    try:
        waiting = int(first[4]) if len(first) > 4 else 0
    except ValueError:
        waiting = 0
    # A cold head still prints (slowly); everything else stops the printer.
    blocking = [c for c in conditions if c != HEAD_TOO_COLD]
    return PrinterStatus(ready=not blocking, conditions=tuple(conditions), labels_waiting=waiting)


def host_status_answer(
    paper_out: bool = False,
    paused: bool = False,
    head_open: bool = False,
    ribbon_out: bool = False,
    buffer_full: bool = False,
    formats_waiting: int = 0,
) -> bytes:
    """Return a ~HS answer as a Zebra sends it (for fakes and the virtual printer)."""
    line1 = f"030,{int(paper_out)},{int(paused)},1218,{formats_waiting:03d},{int(buffer_full)},0,0,000,0,0,0"
    line2 = f"001,0,{int(head_open)},{int(ribbon_out)},0,2,4,0,00000000,1,000"
    line3 = "1234,0"
    return b"".join(b"\x02" + line.encode() + b"\x03\r\n" for line in (line1, line2, line3))
