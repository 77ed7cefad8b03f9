"""The label preview: MyParcel's PDF beside exactly what the printer gets, with the barcode check."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from packstation.domain.labels import PreparedLabel
from packstation.ui.messages import Messages


class LabelPreview(QWidget):
    """Show a label PDF and the rendered ZPL side by side; say whether every barcode survived."""

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPreview")
        self._messages = messages
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # QPdfDocument reads lazily: the buffer must outlive the load
        self._prepared: PreparedLabel | None = None
        self._pdf_title = QLabel()
        self._printed_title = QLabel()
        for title in (self._pdf_title, self._printed_title):
            title.setObjectName("previewTitle")
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self._document)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.printed = QLabel()
        self.printed.setObjectName("printedImage")
        self.printed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Small enough to leave the barcode check its lines when the print queue (F9) takes the height: at 160 px
        # the check's wrapped lines were drawn over the image. With room the image grows as before (row stretch).
        self.printed.setMinimumSize(120, 100)
        self.printed.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.check = QLabel()
        self.check.setObjectName("barcodeCheck")
        self.check.setWordWrap(True)
        self._pixmap = QPixmap()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pdf_title, 0, 0)
        layout.addWidget(self._printed_title, 0, 1)
        layout.addWidget(self.pdf_view, 1, 0)
        layout.addWidget(self.printed, 1, 1)
        layout.addWidget(self.check, 2, 0, 1, 2)
        layout.setRowStretch(1, 1)
        messages.language_changed.connect(self._retranslate)
        self._retranslate()

    @property
    def page_count(self) -> int:
        return self._document.pageCount()

    @property
    def has_printed_image(self) -> bool:
        return not self._pixmap.isNull()

    def clear(self) -> None:
        """Show no label."""
        self._document.close()
        self._buffer = None
        self._prepared = None
        self._pixmap = QPixmap()
        self.printed.clear()
        self._retranslate()

    def show_pdf(self, pdf: bytes) -> bool:
        """Load the label PDF; False (and a note) when it cannot be read."""
        self._document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._document.load(buffer)
        ok = self._document.status() == QPdfDocument.Status.Ready and self._document.pageCount() > 0
        if not ok:
            self.check.setText(self._messages.t("preview.pdf_unreadable"))
        return ok

    def show_prepared(self, prepared: PreparedLabel | None) -> None:
        """Show the image of what is sent and the barcode check of it."""
        self._prepared = prepared
        self._pixmap = QPixmap()
        if prepared is not None and prepared.previews_png:
            self._pixmap.loadFromData(prepared.previews_png[0], "PNG")
        self._scale_pixmap()
        self._retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_pixmap()

    def _scale_pixmap(self) -> None:
        if self._pixmap.isNull():
            self.printed.setText(self._messages.t("preview.none"))
            return
        size = self.printed.size()
        self.printed.setPixmap(
            self._pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def _retranslate(self, *_args: object) -> None:
        self._pdf_title.setText(self._messages.t("preview.pdf"))
        self._printed_title.setText(self._messages.t("preview.printed"))
        prepared = self._prepared
        if prepared is None:
            self.check.setText("" if self._document.pageCount() else self._messages.t("preview.none"))
            self.check.setProperty("result", "")
        elif prepared.missing_barcodes:
            self.check.setText(self._messages.t("preview.barcodes_missing", codes=", ".join(prepared.missing_barcodes)))
            self.check.setProperty("result", "failed")
        elif prepared.source_barcodes:
            self.check.setText(self._messages.t("preview.barcodes_ok", codes=", ".join(prepared.source_barcodes)))
            self.check.setProperty("result", "ok")
        else:
            self.check.setText(self._messages.t("preview.no_barcodes"))
            self.check.setProperty("result", "")
        self.check.style().unpolish(self.check)
        self.check.style().polish(self.check)
        if self._pixmap.isNull():
            self.printed.setText(self._messages.t("preview.none"))
