"""Shared by the sessions modules: the item role that carries an id, and the dimension names shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


def _dimension_names(widget: QWidget | None = None) -> dict[str, str]:
    """Dimension names in the UI language (one fixed translation context, which lupdate can see)."""
    return {
        "dialogue": QCoreApplication.translate("SessionsView", "Dialogue"),
        "shareability": QCoreApplication.translate("SessionsView", "Shareability"),
        "clarity": QCoreApplication.translate("SessionsView", "Clarity"),
        "platform_fit": QCoreApplication.translate("SessionsView", "Platform fit"),
    }
