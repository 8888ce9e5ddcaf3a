"""The report windows of the sessions view: a workshop summary or a participant's progress, to preview and export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from resonanz.core.storage.store import Store

__all__ = ["ReportWindows"]


class ReportWindows:
    """Opens `ExportDialog`s (pseudonyms while projecting) and keeps the open ones in `dialogs`."""

    def __init__(self, parent: QWidget, store: Store) -> None:
        self.parent = parent
        self.store = store
        self.dialogs: list[QDialog] = []

    def open(self, kind: str, item_id: int, pseudonyms: bool) -> QDialog:
        """Preview and export the report of `kind` ("session" or "participant") about `item_id`."""
        from resonanz.gui.reports.export import ExportDialog
        from resonanz.gui.app.i18n import resolve_ui_language
        from resonanz.gui.app.settings import open_settings

        settings = open_settings()
        language = resolve_ui_language(str(settings.value("ui_language", "system")))
        dialog = ExportDialog(self.store, kind, item_id, settings, language, pseudonyms=pseudonyms, parent=self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.show()
        return dialog
