"""Print jobs of every printer as table rows, kept current by the queues' change notifications."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from packstation.services.ports import PrintJobInfo, PrintQueues
from packstation.ui.messages import Messages

ModelIndex = QModelIndex | QPersistentModelIndex
JOB_ROLE = Qt.ItemDataRole.UserRole + 1


class JobColumn(IntEnum):
    PICKLIST = 0
    PRINTER = 1
    STATE = 2
    TIME = 3
    PROBLEM = 4


_HEADERS = ("queue.col.picklist", "queue.col.printer", "queue.col.state", "queue.col.time", "queue.col.problem")
_BACKGROUND = {"failed": QColor("#fde2e1"), "queued": QColor("#fff8e1"), "sending": QColor("#e8f0ff")}


class PrintJobsModel(QAbstractTableModel):
    """One row per job, oldest first; a changed job updates its row, a new job is appended."""

    def __init__(self, queues: PrintQueues, messages: Messages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queues = queues
        self._messages = messages
        self._jobs: list[PrintJobInfo] = []
        self._rows: dict[int, int] = {}  # job id -> row
        queues.subscribe(self.job_changed, self.job_forgotten)
        messages.language_changed.connect(self._language_changed)
        self.reload()

    def reload(self) -> None:
        """Read every job from the queues again."""
        self.beginResetModel()
        self._jobs = list(self._queues.jobs())
        self._rows = {job.id: row for row, job in enumerate(self._jobs)}
        self.endResetModel()

    def job_changed(self, job: PrintJobInfo) -> None:
        """Update or add the row of a job whose state changed (called on the loop by the queues)."""
        row = self._rows.get(job.id)
        if row is None:
            row = len(self._jobs)
            self.beginInsertRows(QModelIndex(), row, row)
            self._jobs.append(job)
            self._rows[job.id] = row
            self.endInsertRows()
            return
        self._jobs[row] = job
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(JobColumn) - 1))

    def job_forgotten(self, job: PrintJobInfo) -> None:
        """Drop the row of an old finished job the queues no longer keep."""
        row = self._rows.get(job.id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        self._rows = {kept.id: index for index, kept in enumerate(self._jobs)}
        self.endRemoveRows()

    def job(self, row: int) -> PrintJobInfo | None:
        return self._jobs[row] if 0 <= row < len(self._jobs) else None

    def jobs(self) -> list[PrintJobInfo]:
        return list(self._jobs)

    def state_words(self, state: str) -> str:
        """Return a job state ("queued", "failed"…) as the packer reads it in the table."""
        key = f"queue.state.{state}"
        return self._messages.t(key) if key in _state_keys() else state

    def row_of(self, job_id: int) -> int | None:
        return self._rows.get(job_id)

    def counts(self) -> tuple[int, int]:
        """Return (failed, waiting) job counts."""
        failed = sum(1 for j in self._jobs if j.state == "failed")
        waiting = sum(1 for j in self._jobs if j.state in ("queued", "sending"))
        return failed, waiting

    # --- Qt model ------------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(JobColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self._messages.t(_HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == JOB_ROLE:
            return job
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUND.get(job.state)
        if role == Qt.ItemDataRole.ToolTipRole and (job.problem is not None or job.conditions):
            return self._display(job, JobColumn.PROBLEM)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._display(job, JobColumn(index.column()))

    def _display(self, job: PrintJobInfo, column: JobColumn) -> str:
        """The text of one cell: what the column shows of the job."""
        m = self._messages
        if column is JobColumn.PICKLIST:
            return job.name
        if column is JobColumn.PRINTER:
            return m.printer(job.printer)
        if column is JobColumn.STATE:
            return self.state_words(job.state)
        if column is JobColumn.TIME:
            return datetime.fromtimestamp(job.updated or job.created).strftime("%H:%M:%S")
        return m.printer_conditions(job.conditions) if job.conditions else m.queue_problem(job.problem)

    def _language_changed(self, _language: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(JobColumn) - 1)
        if self._jobs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._jobs) - 1, len(JobColumn) - 1))


def _state_keys() -> frozenset[str]:
    return frozenset(
        f"queue.state.{s}" for s in ("queued", "sending", "printed", "failed", "cancelled", "printed_again")
    )
