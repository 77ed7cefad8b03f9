"""Deferred imports: numpy, PDFium, zxing-cpp and Pillow cost ~130 ms to import, which start-up must not pay."""

from __future__ import annotations

import importlib
import threading
from types import ModuleType
from typing import Any

# What the first label needs; `warm_up` imports them ahead of it.
HEAVY_MODULES: tuple[str, ...] = ("numpy", "pypdfium2", "zxingcpp", "PIL.Image", "PIL.PngImagePlugin")


class LazyModule:
    """Stand-in for a module global: the first attribute read imports the module and puts it in its place."""

    def __init__(self, name: str, namespace: dict[str, Any], alias: str) -> None:
        self._name = name
        self._namespace = namespace
        self._alias = alias

    def __getattr__(self, attr: str) -> Any:
        module = importlib.import_module(self._name)
        # Later reads of the global in that module go straight to the real module, with no detour through here.
        self._namespace[self._alias] = module
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy(name: str, namespace: dict[str, Any], alias: str) -> Any:
    """Return a stand-in that imports `name` on first use and replaces `namespace[alias]` with it."""
    return LazyModule(name, namespace, alias)


def import_heavy() -> tuple[ModuleType, ...]:
    """Import the label rendering libraries now (safe from any thread: the import system locks per module)."""
    return tuple(importlib.import_module(name) for name in HEAVY_MODULES)


def warm_up() -> threading.Thread:
    """Import the rendering libraries on a background thread, so neither start-up nor the first label waits."""
    # Not a daemon: a daemon thread killed halfway through importing an extension can crash interpreter exit.
    thread = threading.Thread(target=import_heavy, name="packstation-warm-up")
    thread.start()
    return thread
