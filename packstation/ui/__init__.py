"""PySide6 user interface: views lay out, controllers decide, services do."""

from packstation.ui.qt_fixes import make_singletons_immortal

# Before the first Qt call of ours: a PySide6 refcount bug would otherwise abort the app (see qt_fixes).
make_singletons_immortal()
