"""The Progress page: each module's progress, the pre-test and post-test scores and what was learnt."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from budget_tutor.i18n import _
from budget_tutor.lessons.checking import AssessmentResult
from budget_tutor.lessons.library import Library
from budget_tutor.lessons.progress import LessonProgress
from budget_tutor.ui.lessons_page import load_session_library, read_progress
from budget_tutor.ui.session import AppSession


def _plain(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProgressPage(QWidget):
    def __init__(
        self, session: AppSession, parent: QWidget | None = None, *, library: Library | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.library = library if library is not None else load_session_library(session)
        outer = QVBoxLayout(self)
        self.heading = _plain(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        outer.addWidget(self.heading)

        self.tests_box = QGroupBox(self)
        tests = QGridLayout(self.tests_box)
        self.pre_title, self.pre_value = _plain(self.tests_box), _plain(self.tests_box)
        self.post_title, self.post_value = _plain(self.tests_box), _plain(self.tests_box)
        self.diff_title, self.diff_value = _plain(self.tests_box), _plain(self.tests_box)
        for row, (title, value) in enumerate(
            ((self.pre_title, self.pre_value), (self.post_title, self.post_value),
             (self.diff_title, self.diff_value))
        ):  # fmt: skip
            tests.addWidget(title, row, 0)
            tests.addWidget(value, row, 1)
        outer.addWidget(self.tests_box)

        self.modules_box = QGroupBox(self)
        self.modules_grid = QGridLayout(self.modules_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.modules_box)
        outer.addWidget(scroll, 1)
        self.module_labels: dict[int, QLabel] = {}
        self.module_bars: dict[int, QProgressBar] = {}
        self.module_scores: dict[int, QLabel] = {}
        self.progress: LessonProgress | None = None

        # Presentation mode scales the fonts of every page (ui/presentation.py); a page scaling
        # itself too grew twice when it was first opened while presenting.
        session.household_changed.connect(lambda _id: self.refresh())
        self.retranslate_ui()

    def refresh(self) -> None:
        """Read the household's progress again (only while shown: ``showEvent`` refreshes)."""
        if not self.isVisible():
            return
        self.progress = read_progress(self.session, self.library)
        progress = self.progress
        modules = progress.modules()
        if set(modules) != set(self.module_bars):
            self._build_rows(modules)
        for module in modules:
            self.module_bars[module].setValue(progress.module_percent(module))
            scores = [
                progress.lesson_score(x.id) for x in self.library.lessons if x.module == module
            ]
            known = [s for s in scores if s is not None]
            if known:
                mean = sum(known) / len(known)
                self.module_scores[module].setText(
                    _("exercises {percent} % right").format(percent=int(mean * 100))
                )
            else:
                self.module_scores[module].setText("")
        self._show_tests()
        self._label_rows()

    def _build_rows(self, modules: list[int]) -> None:
        while self.modules_grid.count():
            item = self.modules_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.module_labels, self.module_bars, self.module_scores = {}, {}, {}
        for row, module in enumerate(modules):
            label = _plain(self.modules_box)
            bar = QProgressBar(self.modules_box)
            bar.setRange(0, 100)
            bar.setFormat("%p %")
            score = _plain(self.modules_box)
            self.modules_grid.addWidget(label, row, 0)
            self.modules_grid.addWidget(bar, row, 1)
            self.modules_grid.addWidget(score, row, 2)
            self.module_labels[module] = label
            self.module_bars[module] = bar
            self.module_scores[module] = score

    def _label_rows(self) -> None:
        for module, label in self.module_labels.items():
            titles = [
                self.library.text(x.title, x) for x in self.library.lessons if x.module == module
            ]
            label.setText(
                _("Module {number}: {title}").format(number=module, title=" / ".join(titles))
            )
            self.module_bars[module].setAccessibleName(label.text())

    @staticmethod
    def _score_text(result: AssessmentResult | None) -> str:
        if result is None:
            return _("not taken yet")
        return _("{right} of {total} right ({percent} %)").format(
            right=result.right, total=result.total, percent=result.percent
        )

    def _show_tests(self) -> None:
        if self.progress is None:
            return
        change = self.progress.improvement()
        self.pre_value.setText(self._score_text(change.pre))
        self.post_value.setText(self._score_text(change.post))
        if change.points is None:
            self.diff_value.setText(_("shown when both tests are done"))
        elif change.points >= 0:
            self.diff_value.setText(_("+{points} percentage points").format(points=change.points))
        else:
            self.diff_value.setText(
                _("−{points} percentage points").format(points=abs(change.points))
            )

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Progress"))
        self.tests_box.setTitle(_("Pre-test and post-test"))
        self.pre_title.setText(_("Before the course:"))
        self.post_title.setText(_("After the course:"))
        self.diff_title.setText(_("Learnt:"))
        self.modules_box.setTitle(_("Modules"))
        self.refresh()
