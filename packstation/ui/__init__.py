"""PySide6 user interface: views lay out, controllers decide, services do."""

from packstation.ui.qt_fixes import fix_bool_references

# Before any of our signals fires: a PySide6 refcount bug would otherwise abort the app (see qt_fixes).
fix_bool_references()
