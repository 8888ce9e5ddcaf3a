"""Report export from the editor, the participant view and the session view.

One dialog for all three reports: it previews the report (the very QTextDocument that becomes the
PDF), lets the user choose format, report language, paper size and — for people — pseudonyms, and
writes the file. A PDF export shows a progress bar page by page and can be cancelled; nothing is
half-written (every renderer writes to a temporary file and renames). The last folder is remembered
in settings.ini (`report_folder`).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.reports import document as reports
from resonanz.core.fileio import write_atomic

KINDS = reports.KINDS
FORMATS = ("pdf", "html", "md", "csv")
SUFFIX = {"pdf": ".pdf", "html": ".html", "md": ".md", "csv": ".csv"}
FOLDER_KEY = "report_folder"


class ExportCancelled(Exception):
    """The user pressed Cancel while a PDF was being written (the file is not created)."""


def write_report(report: reports.Report, path: Path, fmt: str, page_size: str = "A4",
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write `report` as `fmt` to `path` atomically; returns the number of pages (1 for text formats)."""
    if fmt == "pdf":
        from resonanz.gui.reports.report_pdf import write_pdf

        return write_pdf(report, path, page_size=page_size, progress=progress)
    write_atomic(path, reports.TEXT_RENDERERS[fmt](report), newline="" if fmt == "csv" else None)
    if progress is not None:
        progress(1, 1)
    return 1


def file_stem(title: str) -> str:
    """A file name from a report title: letters (umlauts kept), digits, - and _; nothing a shell or OS minds."""
    stem = re.sub(r"[^\w\-]+", "-", title, flags=re.UNICODE).strip("-_")
    return (stem or "report")[:80]


class ExportDialog(QDialog):
    """Preview and export one report; `export_to(path, fmt)` is what the Export button ends in."""

    exported = Signal(str)  # the path written

    def __init__(self, store, kind: str, item_id: int, settings: QSettings, language: str = "de",
                 pseudonyms: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"report kind must be one of {', '.join(KINDS)}, not {kind!r}")
        self.store, self.kind, self.item_id, self.settings = store, kind, int(item_id), settings
        self.report: reports.Report | None = None
        self._cancelled = False
        self._busy = False

        self.format_combo = QComboBox(self)
        for fmt in FORMATS:
            self.format_combo.addItem("", fmt)
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.page_combo = QComboBox(self)
        for size in ("A4", "Letter"):
            self.page_combo.addItem(size, size)
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(str(settings.value("report_page_size", "A4")))))
        self.pseudonyms_check = QCheckBox(self)
        self.pseudonyms_check.setChecked(pseudonyms)
        self.pseudonyms_check.setVisible(kind in ("participant", "session"))
        self.format_label, self.language_label, self.page_label = QLabel(self), QLabel(self), QLabel(self)
        for label, buddy in ((self.format_label, self.format_combo), (self.language_label, self.language_combo), (self.page_label, self.page_combo)):
            label.setBuddy(buddy)
        form = QFormLayout()
        form.addRow(self.format_label, self.format_combo)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.page_label, self.page_combo)
        form.addRow("", self.pseudonyms_check)

        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.preview, 3)
        body.addLayout(side, 1)
        box = QVBoxLayout(self)
        box.addLayout(body, 1)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self.resize(1000, 720)

        self.format_combo.currentIndexChanged.connect(self._update_controls)
        self.language_combo.currentIndexChanged.connect(self.refresh)
        self.pseudonyms_check.toggled.connect(self.refresh)
        self.page_combo.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ state
    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    @property
    def language(self) -> str:
        return str(self.language_combo.currentData())

    @property
    def page_size(self) -> str:
        return str(self.page_combo.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def refresh(self) -> None:
        """Rebuild the report model and the preview (language, pseudonyms or paper size changed)."""
        from resonanz.gui.reports.report_pdf import build_document

        self.report = reports.build(self.store, self.kind, self.item_id, self.language, self.pseudonyms_check.isChecked())
        document = build_document(self.report, self.page_size)
        page_width = document.pageSize().width()  # the preview sets its own width on the document
        document.setParent(self.preview)  # owned by the preview: replacing it deletes the previous one
        self.preview.setDocument(document)
        self._fit_preview(page_width)
        self.setWindowTitle(self.tr("Export report: %1").replace("%1", self.report.title))

    def _fit_preview(self, page_width: float) -> None:
        """Lay the preview out at the page's width, and make it that wide: charts and tables have the
        sizes they get on paper, so a narrower preview would cut off their right edge (a radar's label)."""
        width = math.ceil(page_width)
        self.preview.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.preview.setLineWrapColumnOrWidth(width)
        chrome = 2 * self.preview.frameWidth() + self.preview.verticalScrollBar().sizeHint().width() + 2  # Qt adds a pixel
        self.preview.setMinimumWidth(width + chrome)

    def suggested_path(self) -> Path:
        folder = Path(str(self.settings.value(FOLDER_KEY, "") or Path.home()))
        if not folder.is_dir():
            folder = Path.home()
        title = self.report.title if self.report else self.kind
        return folder / (file_stem(title) + SUFFIX[self.fmt])

    # ------------------------------------------------------------------ export
    def choose_file_and_export(self) -> Path | None:
        """Ask where to save (starting in the last folder), then export; None if the user cancels."""
        filters = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "html": self.tr("Web page, one file (*.html)"),
            "md": self.tr("Markdown (*.md)"),
            "csv": self.tr("Scores as CSV (*.csv)"),
        }
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(self.suggested_path()), filters[self.fmt])
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != SUFFIX[self.fmt]:
            path = path.with_name(path.name + SUFFIX[self.fmt])
        return self.export_to(path)

    def export_to(self, path: Path, fmt: str | None = None) -> Path | None:
        """Write the report to `path`; shows progress, remembers the folder. None if cancelled or failed."""
        fmt = fmt or self.fmt
        if fmt not in FORMATS:
            raise ValueError(f"report format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if self.report is None:
            self.refresh()
        path = Path(path)
        self._busy, self._cancelled = True, False
        self.progress.setRange(0, 0)  # busy until the first page reports its total
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel export"))
        self.status.setText(self.tr("Writing %1 …").replace("%1", path.name))
        QApplication.processEvents()
        try:
            pages = write_report(self.report, path, fmt, self.page_size, self._on_progress)
        except ExportCancelled:
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            message = self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", reason)
            self.status.setText(message)
            QMessageBox.warning(self, self.tr("Export report"), message)
            return None
        finally:
            self._busy = False
            self.export_button.setEnabled(True)
            self.cancel_button.setText(self.tr("Close"))
            self.progress.setVisible(False)
        self.settings.setValue(FOLDER_KEY, str(path.parent.resolve()))
        self.settings.setValue("report_page_size", self.page_size)
        if fmt == "pdf":
            done = self.tr("Saved %1 (%n page(s)).", "", pages).replace("%1", str(path))
        else:
            done = self.tr("Saved %1.").replace("%1", str(path))
        self.status.setText(done)
        self.exported.emit(str(path))
        return path

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Page %1 of %2").replace("%1", str(done)).replace("%2", str(total)))
        QApplication.processEvents()  # keep the window painting and the Cancel button clickable
        if self._cancelled:
            raise ExportCancelled()

    def cancel_export(self) -> None:
        self._cancelled = True

    def _cancel_or_close(self) -> None:
        if self._busy:
            self.cancel_export()
        else:
            self.reject()

    def reject(self) -> None:  # Qt override: Escape during an export cancels it instead of closing
        if self._busy:
            self.cancel_export()
            return
        super().reject()

    # ------------------------------------------------------------------ language
    def _update_controls(self) -> None:
        pdf = self.fmt == "pdf"
        self.page_combo.setEnabled(pdf)
        self.page_label.setEnabled(pdf)

    def retranslate(self) -> None:
        names = {
            "pdf": self.tr("PDF (to print or send)"),
            "html": self.tr("HTML (one file, opens offline)"),
            "md": self.tr("Markdown"),
            "csv": self.tr("CSV (raw scores)"),
        }
        for i in range(self.format_combo.count()):
            self.format_combo.setItemText(i, names[str(self.format_combo.itemData(i))])
        self.format_label.setText(self.tr("&Format"))
        self.language_label.setText(self.tr("Report &language"))
        self.page_label.setText(self.tr("&Paper size"))
        self.pseudonyms_check.setText(self.tr("Show &pseudonyms instead of names"))
        self.export_button.setText(self.tr("&Export…"))
        self.cancel_button.setText(self.tr("Cancel export") if self._busy else self.tr("Close"))
        self.preview.setAccessibleName(self.tr("Preview of the report"))
        self.progress.setAccessibleName(self.tr("Export progress"))
        if self.report is not None:
            self.setWindowTitle(self.tr("Export report: %1").replace("%1", self.report.title))
        self._update_controls()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
