"""The window's style sheet (resources/style.qss), read once from the compiled Qt resources."""

from PySide6.QtCore import QFile, QIODevice

import packstation.ui.resources_rc  # noqa: F401 - registers :/style.qss with Qt's resource system


def _read_resource(path: str) -> str:
    file = QFile(path)
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"{path} is not in packstation/ui/resources_rc.py: run tools/build_resources.py")
    try:
        return bytes(file.readAll().data()).decode("utf-8")
    finally:
        file.close()


STYLE: str = _read_resource(":/style.qss")
