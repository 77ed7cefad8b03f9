"""The window's style sheet: large, high-contrast text for a packing bench."""

STYLE = """
QWidget { font-size: 11pt; }
QLineEdit#scanField { font-size: 18pt; padding: 6px 10px; border: 2px solid #2f6fde; border-radius: 6px; }
QLineEdit#scanField:focus { border-color: #0b4fc4; background: #f3f7ff; }
QPushButton#shipButton {
    font-size: 16pt; font-weight: bold; padding: 12px; color: white;
    background: #1f8a4c; border: none; border-radius: 6px;
}
QPushButton#shipButton:disabled { background: #9bb8a7; }
QPushButton#shipButton[retry="true"] { background: #c96a00; }
QLabel#picklistTitle { font-size: 16pt; font-weight: bold; }
QLabel#urgentBadge { background: #c62828; color: white; font-weight: bold; padding: 2px 8px; border-radius: 4px; }
QLabel#banner { background: #fff4d6; border: 1px solid #e0b84a; padding: 6px; border-radius: 4px; }
QLabel#problems { color: #b00020; font-weight: bold; }
QLabel#warnings { color: #8a5a00; }
QLabel#stepFailure { color: #b00020; }
QLabel[state="done"] { color: #1f7a44; }
QLabel[state="running"] { color: #0b4fc4; font-weight: bold; }
QLabel[state="failed"] { color: #b00020; font-weight: bold; }
QLabel[state="skipped"] { color: #888888; }
QLabel#barcodeCheck[result="ok"] { color: #1f7a44; font-weight: bold; }
QLabel#barcodeCheck[result="failed"] { color: #b00020; font-weight: bold; }
QLabel#previewTitle { color: #555555; }
QLineEdit[problem="true"], QComboBox[problem="true"], QCheckBox[problem="true"] {
    border: 2px solid #b00020; background: #fdecee;
}
QLineEdit[ambiguous="true"] { border: 2px solid #e0a800; background: #fff8e1; }
QStatusBar { font-size: 13pt; }
QStatusBar[tone="error"] { background: #fdecee; color: #8a0015; }
QStatusBar[tone="ok"] { background: #e8f5ec; color: #14532d; }
QGroupBox { font-weight: bold; }
"""
