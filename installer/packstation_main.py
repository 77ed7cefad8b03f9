"""Entry script frozen by PyInstaller: run packstation's command line."""

from __future__ import annotations

import os
import sys


def _give_windowed_builds_streams() -> None:
    # A windowed (console=False) Windows build starts with sys.stdout/stderr = None; libraries that write
    # to them (logging's last-resort handler, faulthandler, argparse errors) would raise. Send them nowhere.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # kept open for the process lifetime


if __name__ == "__main__":
    _give_windowed_builds_streams()
    from packstation.cli import main

    sys.exit(main())
