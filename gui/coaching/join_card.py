"""What the room sees of a live round: the network dialog before it starts and the join card while it runs.

`NetworkDialog` asks which network the room's devices are on: one of this machine's addresses
(127.0.0.1 is "this computer only", a demo) and says, before anything listens, that the round is
plain HTTP on that network (docs/LIVE_ROUNDS.md, "What the room's network sees").

`JoinCard` is a top-level window for the projector: the join URL as a QR code (made with segno,
scaled by whole pixels per module so it stays crisp at any size), the URL and the six-character
code in large type, and how many devices joined and how many participants submitted. "Show the
gallery" hides it (the sessions window shows the round filling up); "Close round" ends the round.
The texts are set by `LiveRound`; the card only lays them out.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

__all__ = ["JoinCard", "NetworkDialog", "qr_pixmap"]

LOOPBACK = "127.0.0.1"
QR_BORDER = 2  # modules of quiet zone (the card's white background adds more)


def qr_pixmap(url: str, size: int) -> QPixmap:
    """The QR code of `url` at most `size` pixels wide, in whole pixels per module (never blurred)."""
    import segno

    qr = segno.make(url, error="m")
    modules = qr.symbol_size(scale=1, border=QR_BORDER)[0]
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=max(1, size // modules), border=QR_BORDER, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


class NetworkDialog(QDialog):
    """Which of this machine's addresses the round listens on, and what that means for the texts sent."""

    def __init__(self, addresses: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a live round"))
        box = QVBoxLayout(self)
        intro = QLabel(self.tr("Which network are the participants' phones and laptops on?"), self)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for address in addresses or [LOOPBACK]:
            text = self.tr("%1 \u2014 this computer only (demo)") if address == LOOPBACK else self.tr("%1 \u2014 the room's network")
            radio = QRadioButton(text.replace("%1", address), self)
            radio.setProperty("address", address)
            self.group.addButton(radio)
            self.choices[address] = radio
            box.addWidget(radio)
        lan = [a for a in self.choices if a != LOOPBACK]
        self.choices[lan[0] if lan else next(iter(self.choices))].setChecked(True)
        warning = QLabel(self.tr(
            "The round is plain HTTP on this network: everybody on it can read the drafts participants send, "
            "as they type them; the join code only keeps out those who do not know it. Do not run a live round "
            "for confidential texts, or choose \u201cthis computer only\u201d."
        ), self)
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start round"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def address(self) -> str:
        """The chosen address to listen on."""
        checked = self.group.checkedButton()
        return str(checked.property("address")) if checked is not None else LOOPBACK

    def choose(self, address: str) -> None:
        self.choices[address].setChecked(True)


class JoinCard(QWidget):
    """The join card: QR code, URL, code and counts, big enough for the back of a room."""

    show_gallery_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("joinCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#joinCard { background: #ffffff; } #joinCard QLabel { color: #111111; background: transparent; }"
            " #joinCard QLabel#joinCode { color: #0b3d91; }"
            " #joinCard QPushButton { color: #111111; background: #eef1f6; border: 2px solid #42526e; border-radius: 8px; padding: 0.4em 1.2em; }"
            " #joinCard QPushButton:focus { border-color: #0b3d91; background: #dfe7f5; }"
        )
        self.url = ""
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.title_label = QLabel(self)
        self.exercise_label = QLabel(self)
        self.step_label = QLabel(self)
        self.url_label = QLabel(self)
        self.code_caption = QLabel(self)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("joinCode")
        self.counts_label = QLabel(self)
        self.note_label = QLabel(self)
        for label in (self.title_label, self.exercise_label, self.step_label, self.url_label, self.code_caption,
                      self.code_label, self.counts_label, self.note_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the exercise's title is data, never markup
            label.setWordWrap(label not in (self.url_label, self.code_label))
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gallery_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.gallery_button.clicked.connect(self.show_gallery_requested)
        self.close_button.clicked.connect(self.close_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.show_gallery_requested.emit)

        text = QVBoxLayout()
        text.addWidget(self.title_label)
        text.addWidget(self.exercise_label)
        text.addSpacing(24)
        text.addWidget(self.step_label)
        text.addWidget(self.url_label)
        text.addSpacing(16)
        text.addWidget(self.code_caption)
        text.addWidget(self.code_label)
        text.addSpacing(16)
        text.addWidget(self.counts_label)
        text.addStretch(1)
        text.addWidget(self.note_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.gallery_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 48, 48, 48)
        row.setSpacing(48)
        row.addWidget(self.qr, 5)
        row.addLayout(text, 6)
        self.resize(1280, 760)
        self._fit()

    def set_round(self, url: str, code: str, title: str) -> None:
        """The round to join: its URL (shown and as QR code), its code and the exercise's title."""
        self.url = url
        self.url_label.setText(url)
        self.code_label.setText(code)
        self.exercise_label.setText(title)
        self._fit()

    def set_texts(self, title: str, step: str, code_caption: str, note: str, show_gallery: str, close: str) -> None:
        self.title_label.setText(title)
        self.step_label.setText(step)
        self.code_caption.setText(code_caption)
        self.note_label.setText(note)
        self.gallery_button.setText(show_gallery)
        self.close_button.setText(close)
        self.setWindowTitle(title)

    def set_counts(self, joined: str, submitted: str) -> None:
        """ "3 devices joined" and "1 attempt submitted", one line each."""
        self.counts_label.setText(f"{joined}\n{submitted}")

    def qr_pixmap(self) -> QPixmap:
        return self.qr.pixmap()

    # ------------------------------------------------------------------ size

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._fit()

    def _fit(self) -> None:
        """Type and QR code follow the card's size: readable from the back row when it fills a projector."""
        height, width = max(self.height(), 300), max(self.width(), 400)
        unit = max(10, min(height / 36, width / 64))  # 30 px at 1920×1080
        self._font(self.title_label, unit * 1.6, bold=True)
        self._font(self.exercise_label, unit * 0.9)
        self._font(self.step_label, unit)
        url_size = unit * 1.3
        if self.url:  # the whole URL on one line in the text column
            while url_size > 10 and self._text_width(self.url_label, url_size) > width * 0.5:
                url_size -= 1
        self._font(self.url_label, url_size, bold=True, mono=True)
        self._font(self.code_caption, unit)
        self._font(self.code_label, unit * 3.6, bold=True, mono=True, spacing=unit * 0.3)
        self._font(self.counts_label, unit * 1.4, bold=True)
        self._font(self.note_label, unit * 0.6)
        for button in (self.gallery_button, self.close_button):
            self._font(button, unit * 0.8)
        if self.url:
            self.qr.setPixmap(qr_pixmap(self.url, int(min(height - 96, width * 0.45))))

    def _font(self, widget: QWidget, pixels: float, bold: bool = False, mono: bool = False, spacing: float = 0.0) -> None:
        font = QFont(self.font())
        if mono:
            font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
            font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(max(8, round(pixels)))
        font.setBold(bold)
        if spacing:
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
        widget.setFont(font)

    def _text_width(self, label: QLabel, pixels: float) -> int:
        from PySide6.QtGui import QFontMetrics

        self._font(label, pixels, bold=True, mono=True)
        return QFontMetrics(label.font()).horizontalAdvance(label.text())
