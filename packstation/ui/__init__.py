"""PySide6 user interface: views lay out, controllers decide, services do."""
