"""A printer that writes every job to a numbered file in a folder (demo mode and tests)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from packstation.printing.transport import PrinterStatus, not_ready


def _suffix(data: bytes) -> str:
    if data.lstrip()[:5] == b"%PDF-":
        return ".pdf"
    if data.lstrip()[:3] in (b"^XA", b"~SD") or b"^XA" in data[:64]:
        return ".zpl"
    return ".bin"


class VirtualPrinter:
    """Writes job N to `folder/NNNN-<job name>.zpl|.pdf`; conditions can be set to play a printer in trouble."""

    def __init__(self, folder: Path | str, *, name: str = "Virtual printer") -> None:
        self.folder = Path(folder)
        self._name = name
        self.conditions: tuple[str, ...] = ()
        self._lock = asyncio.Lock()

    @property
    def name(self) -> str:
        return self._name

    def simulate(self, *conditions: str) -> None:
        """Make the printer report these conditions (e.g. "paper_out") until called again without any."""
        self.conditions = tuple(conditions)

    def jobs(self) -> list[Path]:
        """Return the files written so far, oldest first."""
        if not self.folder.exists():
            return []
        return sorted(p for p in self.folder.iterdir() if re.match(r"\d{4,}-", p.name))

    def _write(self, data: bytes, job_name: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        numbers = [int(p.name.split("-", 1)[0]) for p in self.jobs()]
        number = max(numbers, default=0) + 1
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", job_name).strip("._")[:60] or "job"
        path = self.folder / f"{number:04d}-{safe}{_suffix(data)}"
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)  # a job file is either complete or absent
        return path

    async def send(self, data: bytes, job_name: str) -> None:
        """Write the job to the next numbered file, unless a simulated condition stops the printer."""
        if self.conditions:
            raise not_ready(self.name, self.conditions)
        async with self._lock:
            self.last_path = await asyncio.to_thread(self._write, data, job_name)

    async def status(self) -> PrinterStatus:
        """Return ready, or the simulated conditions."""
        if self.conditions:
            return PrinterStatus(ready=False, conditions=self.conditions)
        return PrinterStatus(ready=True, detail=str(self.folder))
