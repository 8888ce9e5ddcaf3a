"""The exercise library: search and filter the coaching exercises, read one, start it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.exercises.fileformat import platform_ids
from resonanz.core.exercises.attempts import as_exercise, ensure_builtin_exercises, ensure_exercise, store_exercise  # re-exported
from resonanz.core.exercises.model import TOPICS, Exercise
from resonanz.core.exercises.rendering import render_html
from resonanz.gui.coaching.session_common import _dimension_names

EXERCISE_ROLE = Qt.ItemDataRole.UserRole + 1

__all__ = ["EXERCISE_ROLE", "ExerciseBrowser", "as_exercise", "ensure_builtin_exercises", "ensure_exercise", "store_exercise"]


def _platform_names() -> dict[str, str]:
    """Platform id -> display name ("linkedin" -> "LinkedIn"); the ids if the profiles cannot be read."""
    try:
        from resonanz.core.analysis.platforms import load_profiles

        return {p.id: p.name for p in load_profiles().values()}
    except Exception:  # noqa: BLE001 - a broken profile file must not hide the library
        return {}


class ExerciseBrowser(QWidget):
    """Search field, filters, list of exercises, the selected one rendered, and a Start button."""

    started = Signal(object)  # resonanz.core.exercises.model.Exercise

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        ensure_builtin_exercises(store)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.language_combo = QComboBox(self)
        self.platform_combo = QComboBox(self)
        self.topic_combo = QComboBox(self)
        self.list = QListWidget(self)
        self.list.setMinimumWidth(260)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view = QTextBrowser(self)
        self.view.setOpenExternalLinks(False)
        self.view.setOpenLinks(False)  # never navigate away from the exercise (nor to local files)
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.import_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.language_combo)
        filters.addWidget(self.platform_combo)
        filters.addWidget(self.topic_combo)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._platform_names: dict[str, str] = {}
        self.retranslate()  # fills the combos and the list
        self.search.textChanged.connect(self.refresh)
        for combo in (self.language_combo, self.platform_combo, self.topic_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.start())
        self.start_button.clicked.connect(self.start)
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button.clicked.connect(self._export_dialog)

    # ------------------------------------------------------------------ texts
    def _fill_combo(self, combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _topic_name(self, topic: str) -> str:
        names = {
            "dialogue": self.tr("Dialogue"),
            "dead-end": self.tr("Dead end"),
            "ad-speak": self.tr("Ad-speak"),
            "question": self.tr("Questions"),
            "hook": self.tr("Hook"),
            "critical-comment": self.tr("Critical comments"),
            "reply": self.tr("Replies to comments"),
            "recognition": self.tr("Recognition"),
            "platform": self.tr("Platform"),
        }
        return names.get(topic, topic)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search exercises"))
        self.search.setAccessibleName(self.tr("Search exercises"))
        self._fill_combo(self.language_combo, [(None, self.tr("All languages")), ("de", "Deutsch"), ("en", "English")])
        self.language_combo.setAccessibleName(self.tr("Language"))
        try:
            platforms = platform_ids()
        except Exception:  # noqa: BLE001 - a broken profile file must not hide the library
            platforms = ()
        self._platform_names = _platform_names()
        self._fill_combo(self.platform_combo, [(None, self.tr("All platforms"))] + [(p, self._platform_names.get(p, p)) for p in platforms])
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self._fill_combo(self.topic_combo, [(None, self.tr("All topics"))] + [(t, self._topic_name(t)) for t in TOPICS])
        self.topic_combo.setAccessibleName(self.tr("Topic"))
        self.list.setAccessibleName(self.tr("Exercises"))
        self.view.setAccessibleName(self.tr("Exercise instructions"))
        self.import_button.setText(self.tr("&Import pack…"))
        self.import_button.setToolTip(self.tr("Add the exercises of a .resonanzpack file to the library"))
        self.export_button.setText(self.tr("E&xport pack…"))
        self.export_button.setToolTip(self.tr("Save the exercises listed now as one .resonanzpack file to share"))
        self.start_button.setText(self.tr("&Start exercise"))
        self.start_button.setAccessibleName(self.tr("Start exercise"))
        self.refresh()  # the subtitles name platforms and targets in the UI language

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ packs
    def import_pack_file(self, path) -> int:
        """Validate a pack completely, then store all of its exercises in one transaction."""
        from resonanz.core.exercises.packs import import_pack

        exercises = import_pack(Path(path))  # raises PackError naming the bad member; nothing stored
        count = self.store.import_exercises(exercises)
        self.refresh()
        return count

    def export_pack_file(self, path, name: str | None = None) -> int:
        """Write the exercises listed now (search and filters applied) as one pack file."""
        from resonanz.core.exercises.packs import export_pack

        exercises = self.exercises()
        export_pack(exercises, Path(path), name=name or Path(path).stem)
        return len(exercises)

    def _import_dialog(self) -> None:
        from resonanz.core.exercises.packs import PackError

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import exercise pack"), str(Path.home()), self.tr("Exercise packs (*.resonanzpack)"))
        if not name:
            return
        try:
            count = self.import_pack_file(name)
        except (PackError, ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Import exercise pack"), self.tr("Nothing was imported: %1").replace("%1", str(exc)))
            return
        QMessageBox.information(self, self.tr("Import exercise pack"), self.tr("%n exercise(s) imported.", "", count))

    def _export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export exercise pack"), str(Path.home() / "uebungen.resonanzpack"), self.tr("Exercise packs (*.resonanzpack)"))
        if not name:
            return
        try:
            self.export_pack_file(name)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export exercise pack"), str(exc))

    # ------------------------------------------------------------------ list
    @Slot()
    def refresh(self) -> None:
        """Query the store with the search text and filters and refill the list (keeps the selection)."""
        selected = self.current_exercise()
        rows = self.store.list_exercises(
            language=self.language_combo.currentData(),
            platform=self.platform_combo.currentData(),
            topic=self.topic_combo.currentData(),
            query=self.search.text().strip(),
        )
        self.list.blockSignals(True)
        self.list.clear()
        keep = 0
        for i, row in enumerate(rows):
            ex = as_exercise(row)
            subtitle = self._subtitle(ex)
            item = QListWidgetItem(f"{ex.title}\n{subtitle}")
            item.setData(EXERCISE_ROLE, ex)
            item.setToolTip(f"{ex.title}\n{subtitle}" + (f"\n\n{ex.goal}" if ex.goal else ""))  # all of it, also when elided
            self.list.addItem(item)
            if selected is not None and ex.id == selected.id:
                keep = i
        self.list.blockSignals(False)
        self._fit_list()
        if self.list.count():
            self.list.setCurrentRow(keep)
        self._show_current()
        self._update_count()

    def _subtitle(self, ex: Exercise) -> str:
        """ "de · LinkedIn · Dialog ≥ 70": language, platform and targets, named in the UI language."""
        names = _dimension_names(self)
        platform = self._platform_names.get(ex.platform, ex.platform)
        targets = ", ".join(f"{names.get(dim, dim)} \u2265 {v}" for dim, v in ex.targets.items())
        return " \u00b7 ".join(part for part in (ex.language, platform, targets) if part)

    def _fit_list(self) -> None:
        """Wide enough for the longest title and subtitle, up to about 48 characters (longer ones are
        elided; their tooltip holds them)."""
        metrics = self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(line) for i in range(self.list.count()) for line in self.list.item(i).text().split("\n")), default=0)
        chrome = 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width() + 4 * metrics.averageCharWidth()
        self.list.setMinimumWidth(max(260, min(widest, 48 * metrics.averageCharWidth()) + chrome))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n exercise(s)", "", self.list.count()))

    def exercises(self) -> list[Exercise]:
        """The exercises listed now, top to bottom."""
        return [self.list.item(i).data(EXERCISE_ROLE) for i in range(self.list.count())]

    def current_exercise(self) -> Exercise | None:
        item = self.list.currentItem()
        return item.data(EXERCISE_ROLE) if item is not None else None

    def select(self, exercise_id: str) -> bool:
        """Select the listed exercise with this id."""
        for i, ex in enumerate(self.exercises()):
            if ex.id == exercise_id:
                self.list.setCurrentRow(i)
                return True
        return False

    @Slot()
    def _show_current(self, *_args) -> None:
        ex = self.current_exercise()
        self.view.setHtml(render_html(ex) if ex is not None else "")
        self.start_button.setEnabled(ex is not None)

    @Slot()
    def start(self) -> None:
        ex = self.current_exercise()
        if ex is not None:
            self.started.emit(ex)
