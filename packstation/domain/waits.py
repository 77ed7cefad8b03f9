"""A wait the retry layer imposes on a job (a 429's Retry-After, back-off after a 5xx, watching for a lost reply).

Plain data, so the clients can report it, the services pass it on and the UI put it in the packer's words
without any of them importing the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class WaitReason(StrEnum):
    """Why a request waits before it is tried again."""

    RATE_LIMITED = "rate_limited"  # 429: the API's limit is reached (often shared by several stations)
    SERVER_ERROR = "server_error"  # 5xx: the API has a problem on its side
    NO_ANSWER = "no_answer"  # a timeout or a lost reply
    UNREACHABLE = "unreachable"  # the connection could not be made at all
    CONFIRMING = "confirming"  # a write got no answer: watching whether it arrived before sending it again


@dataclass(frozen=True)
class Wait:
    """One wait, reported when it starts.

    `attempt` is the try that comes after the wait; `attempts` the most there will be, or None when the wait is
    bounded by time instead (a 429 is retried until the rate-limit budget is used up).
    """

    service: str
    reason: WaitReason
    seconds: float
    attempt: int = 1
    attempts: int | None = None


WaitListener = Callable[[Wait], None]
