"""UI tests run on the Qt event loop (qasync), offscreen, so `async def` tests and qtbot share one loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication


def _qt_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qt": _qt_loop}


_HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The offscreen platform cannot size native windows and says so for every dialog; that is not our warning.
    for item in items:
        if _HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


async def _wait_for(predicate: Callable[[], object], within: float = 5.0) -> None:
    """Poll on the running loop until `predicate()` is true (qtbot.waitUntil would nest the loop and hang)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def wait_for() -> Callable[..., object]:
    """Return the coroutine function that awaits a condition on the Qt loop."""
    return _wait_for
