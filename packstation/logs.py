"""Rotating log files in the platform log folder, with API keys and Authorization headers never written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from collections.abc import Iterable
from pathlib import Path

LOG_FILE = "packstation.log"
_AUTH_PATTERN = re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(basic|bearer)?\s*[^\s'\",}]+")


class RedactingFilter(logging.Filter):
    """Replace secrets in every record: known key values and anything after `Authorization:`."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 4]

    def add_secret(self, secret: str) -> None:
        if secret and len(secret) >= 4 and secret not in self._secrets:
            self._secrets.append(secret)

    def redact(self, text: str) -> str:
        text = _AUTH_PATTERN.sub(lambda m: f"{m.group(1)}[redacted]", text)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = self.redact(record.getMessage())
        record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = self.redact(formatted)
            record.exc_info = None
        return True


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("packstation", appauthor=False))


def configure(log_dir: Path | None = None, secrets: Iterable[str] = (), level: int = logging.INFO) -> RedactingFilter:
    """Send the app's log to a rotating file (5 x 1 MB); return the filter so new secrets can be added."""
    log_dir = log_dir or default_log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    redactor = RedactingFilter(secrets)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    # httpx logs every request line at INFO; keep the URLs but never headers (it does not log headers).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return redactor
