"""The exercise library: search and filter the coaching exercises, read one, start it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from resonanz.core.exercises import TOPICS, Exercise, builtin_exercises, platform_ids, render_html
from resonanz.gui.targets import dimension_labels

EXERCISE_ROLE = Qt.ItemDataRole.UserRole + 1

__all__ = ["EXERCISE_ROLE", "ExerciseBrowser", "as_exercise", "ensure_builtin_exercises", "ensure_exercise", "store_exercise"]


def as_exercise(row) -> Exercise:
    """A core Exercise from a stored one (storage.Exercise) or a core Exercise (returned as is)."""
    if isinstance(row, Exercise):
        return row
    return Exercise(
        id=row.id,
        language=row.language,
        title=row.title,
        topic=row.topic,
        platform=row.platform,
        goal=row.goal,
        targets={k: int(v) for k, v in dict(row.targets).items()},
        hints=tuple(row.hints),
        starting_draft=row.starting_draft,
        body_md=row.body_md,
        source=row.source,
    )


def _store_source(source: str) -> str:
    """The store accepts "builtin" or "pack:<name>"; core exercises say "builtin:de/<file>.md"."""
    if source.startswith("pack:") and len(source) > 5:
        return source
    return "builtin" if source.startswith("builtin") else "pack:local"


def store_exercise(store, ex: Exercise) -> str:
    """Insert or replace one exercise in the store; returns its id."""
    return store.upsert_exercise(
        {
            "id": ex.id,
            "language": ex.language,
            "platform": ex.platform,
            "topic": ex.topic,
            "title": ex.title,
            "goal": ex.goal,
            "body_md": ex.body_md,
            "starting_draft": ex.starting_draft,
            "targets": dict(ex.targets),
            "hints": list(ex.hints),
            "source": _store_source(ex.source),
        }
    )


def ensure_exercise(store, ex) -> None:
    """Make sure the store has an exercise with this id (drafts refer to it)."""
    try:
        store.get_exercise(ex.id)
    except (KeyError, LookupError):
        store_exercise(store, as_exercise(ex))


def ensure_builtin_exercises(store) -> int:
    """Insert every builtin exercise the store lacks; returns how many were added."""
    have = {ex.id for ex in store.list_exercises()}
    missing = [ex for ex in builtin_exercises() if ex.id not in have]
    for ex in missing:
        store_exercise(store, ex)
    return len(missing)


class ExerciseBrowser(QWidget):
    """Search field, filters, list of exercises, the selected one rendered, and a Start button."""

    started = Signal(object)  # resonanz.core.exercises.Exercise

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

        self.retranslate()  # fills the combos
        self.search.textChanged.connect(self.refresh)
        for combo in (self.language_combo, self.platform_combo, self.topic_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.start())
        self.start_button.clicked.connect(self.start)
        self.refresh()

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
        self._fill_combo(self.platform_combo, [(None, self.tr("All platforms"))] + [(p, p) for p in platforms])
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self._fill_combo(self.topic_combo, [(None, self.tr("All topics"))] + [(t, self._topic_name(t)) for t in TOPICS])
        self.topic_combo.setAccessibleName(self.tr("Topic"))
        self.list.setAccessibleName(self.tr("Exercises"))
        self.view.setAccessibleName(self.tr("Exercise instructions"))
        self.start_button.setText(self.tr("&Start exercise"))
        self.start_button.setAccessibleName(self.tr("Start exercise"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
            labels = dimension_labels(ex.language)
            targets = ", ".join(f"{labels.get(dim, dim)} ≥ {v}" for dim, v in ex.targets.items())
            item = QListWidgetItem(f"{ex.title}\n{ex.language} · {ex.platform} · {targets}")
            item.setData(EXERCISE_ROLE, ex)
            item.setToolTip(ex.goal)
            self.list.addItem(item)
            if selected is not None and ex.id == selected.id:
                keep = i
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(keep)
        self._show_current()
        self._update_count()

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
