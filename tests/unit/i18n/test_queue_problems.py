"""Print queue problems travel as codes below the UI; the one catalogue words them in English and Dutch."""

from __future__ import annotations

import pytest

from packstation import i18n
from packstation.domain.errors import PrinterNotFound, QueueProblem, QueueProblemCode
from packstation.domain.labels import LABEL_PRINTER


@pytest.mark.parametrize("code", list(QueueProblemCode))
def test_every_queue_problem_has_english_and_dutch_words(code: QueueProblemCode) -> None:
    key = f"queue.problem.{code.value}"
    assert i18n.has_text(key), f"{code}: no English text (add {key} to packstation/i18n/english.py)"
    assert i18n.has_text(key, i18n.Language.NL), f"{code}: no Dutch text (add {key} to packstation/i18n/dutch.py)"


def test_a_failed_job_reads_as_the_printers_error_in_the_packers_language() -> None:
    unreachable = PrinterNotFound(LABEL_PRINTER, "The printer cannot be reached ([Errno 111] Connection refused).")
    gave_up = QueueProblem(QueueProblemCode.GAVE_UP, (("attempts", "3"),), unreachable)

    assert i18n.queue_problem_text(gave_up) == (
        "Label printer cannot be reached. Switch it on and check its cable or network. (tried 3 times)"
    )
    assert i18n.queue_problem_text(gave_up, "nl") == (
        "Labelprinter is niet bereikbaar. Zet hem aan en controleer de kabel of het netwerk. (3 keer geprobeerd)"
    )
    assert "Connection refused" in str(gave_up)  # the log keeps what the system said


def test_a_job_without_a_problem_says_nothing_and_an_unexpected_error_says_what_it_was() -> None:
    assert i18n.queue_problem_text(None, "nl") == ""
    unexpected = QueueProblem(QueueProblemCode.UNEXPECTED, error=RuntimeError("spool full"))
    assert i18n.queue_problem_text(unexpected) == "unexpected error: spool full"
    assert i18n.queue_problem_text(unexpected, "nl") == "onverwachte fout: spool full"
