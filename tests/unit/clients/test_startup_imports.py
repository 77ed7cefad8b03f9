"""Start-up: what importing the API side of the app costs (measured in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import packstation.secrets, packstation.clients.picqer, packstation.clients.myparcel, packstation.demo
from packstation.demo import DemoServers
servers = DemoServers(picklist_count=5, rate_limits=False).start()
servers.stop()
print(sorted(m for m in ("keyring", "reportlab") if m in sys.modules))
"""


def test_keyring_and_reportlab_are_not_imported_until_needed() -> None:
    # keyring (~40 ms) is only needed outside demo mode; reportlab (~100 ms) only for the first demo PDF.
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
