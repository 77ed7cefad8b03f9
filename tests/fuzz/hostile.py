"""Hostile inputs for the hostile-input table: files that are not what they claim, and how to run a CLI case.

Everything is made here, in a temporary folder: hand-written PDFs with broken page boxes, ZPL with sizes
beyond any label, pipes, devices, links. Nothing is read from outside the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import packstation

# Planted where a careless message or log line would show them; no output may ever contain them.
SECRETS = {
    "PACKSTATION_PICQER_API_KEY": "SECRET-picqer-9f2c7e1d",
    "PACKSTATION_MYPARCEL_API_KEY": "SECRET-myparcel-41b8aa03",
}
SETTINGS_SECRET = "SECRET-in-settings-77d1"
# One relay account from the environment, so the relay's own checks are reached (its password is a secret too).
RELAY_ACCOUNT = {
    "PACKSTATION_RELAY_USERNAME": "desk",
    "PACKSTATION_RELAY_PASSWORD": "SECRET-relay-password-5e0c",
    "PACKSTATION_RELAY_MYPARCEL_KEY": "SECRET-relay-myparcel-93aa",
    "PACKSTATION_RELAY_PLATFORM": "myparcel",
}
# Long enough for a refusal or a one-page conversion on a loaded 2-core CI machine; the bugs this table guards
# against ran for minutes (or for ever) before they were killed.
TIMEOUT_SECONDS = 60.0
SOURCE_ROOT = Path(packstation.__file__).resolve().parents[1]


def raw_pdf(media_boxes: list[str], content: bytes = b"0 0 0 RG 4 w 20 20 m 200 200 l S") -> bytes:
    """Return a PDF with one page per MediaBox text (written as given: broken boxes stay broken)."""
    objects: list[bytes] = []
    count = len(media_boxes)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for i, box in enumerate(media_boxes):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents {4 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def mm_box(width_mm: float, height_mm: float) -> str:
    return f"0 0 {width_mm / 25.4 * 72:.2f} {height_mm / 25.4 * 72:.2f}"


A6 = mm_box(105, 148)
A4 = mm_box(210, 297)


def z64(raw: bytes) -> str:
    """Return raw bytes as Z64 graphic data with the right CRC (so only the size can be what is wrong)."""
    import base64
    import binascii

    text = base64.b64encode(zlib.compress(raw, 9)).decode()
    return f":Z64:{text}:{binascii.crc_hqx(text.encode(), 0):04X}"


@dataclass
class Outcome:
    """What one CLI run did."""

    code: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float
    files: dict[str, bytes] = field(default_factory=dict)


def run_cli(args: list[str], cwd: Path, env_extra: dict[str, str] | None = None) -> Outcome:
    """Run `python -m packstation ARGS` as a real process with the secrets planted; kill it at the time limit."""
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKSTATION_")}
    env.update(SECRETS)
    env["PYTHONPATH"] = str(SOURCE_ROOT)
    env["PACKSTATION_CONFIG"] = str(cwd / "settings.toml")
    env["PACKSTATION_DATA_DIR"] = str(cwd / "data")  # never the user's own journal
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(env_extra or {})
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "packstation", *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, _text(exc.stdout), _text(exc.stderr), time.monotonic() - started)
    return Outcome(done.returncode, _text(done.stdout), _text(done.stderr), time.monotonic() - started)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def error_lines(stderr: str) -> list[str]:
    """Return the lines of stderr that state an error (ours, or argparse's)."""
    return [
        line
        for line in stderr.splitlines()
        if line.startswith(("packstation: ", "packstation ship: ", "relay settings: "))
        or (line.startswith("packstation ") and ": error: " in line)
    ]
