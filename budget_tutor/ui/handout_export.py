"""HandoutExport: the family's plan as a printed handout (PDF or printer), and charts as PNG.

The content comes from :func:`budget_tutor.handout.build_handout` in the current language; this
module lays it out on A4 pages with ``QTextDocument`` and writes it with ``QPdfWriter`` (or
prints it through Qt's print dialog). The bundled DejaVu Sans is the document's font, so every
Tajik letter is there and Qt embeds it in the PDF. Every text, and above all what the family
typed (the household's name, goal and scenario names), is HTML-escaped: ``<b>x</b>`` appears
literally.

Saving (:func:`export_pdf_with_dialog`): :class:`HandoutDialog` offers the household's kept What
if? scenarios as check boxes (up to three), the folder (the user's Documents folder by default)
and a file name made of the household's name and the date; the PDF is written atomically and
verified by :mod:`budget_tutor.safe_write`; a confirmation names the file and offers "Open
folder".
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from budget_tutor import i18n
from budget_tutor.handout import MAX_SCENARIOS, Handout, build_handout, comparison_for_handout
from budget_tutor.i18n import _, ngettext, safe_format

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.projection import Comparison, Projection

CHART_RESOURCE = "budget-tutor-chart.png"
#: The chart's width in the document (CSS pixels at 96 dpi: 17 cm, inside A4 with 15 mm margins).
CHART_WIDTH = 640
MARGIN_MM = 15.0

_FONT_FAMILY: str | None = None


def default_months() -> int:
    """The one default horizon of the plan, What if? and the handout (``budget_tutor.horizon``)."""
    from budget_tutor.horizon import DEFAULT_HORIZON

    return DEFAULT_HORIZON


def session_months(session: object) -> int:
    """The horizon the trainer chose (the shared setting), or the default."""
    store = getattr(session, "store", None)
    if store is None:
        return default_months()
    from budget_tutor.horizon import read_horizon

    return read_horizon(store)


def handout_font_family() -> str:
    """Register the bundled DejaVu Sans with Qt (once) and return its family name."""
    global _FONT_FAMILY
    if _FONT_FAMILY is None:
        from budget_tutor.resources import font_path

        family = "DejaVu Sans"
        for bold in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(font_path(bold)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families:
                family = families[0]
        _FONT_FAMILY = family
    return _FONT_FAMILY


def chart_png(projection: Projection, locale: str, dpi: int = 150) -> bytes:
    """The handout's key chart (money kept, goals, the month the money runs out) as a PNG."""
    import io

    from matplotlib.figure import Figure

    from budget_tutor.charts import SavingsChart
    from budget_tutor.ui.chart_canvas import ensure_font

    ensure_font()
    figure = Figure(figsize=(8.0, 4.4), dpi=dpi)
    chart = SavingsChart(figure.add_subplot(), locale)
    chart.update([projection])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _page_size(layout: QPageLayout) -> QSizeF:
    """The printable area in the document's units (CSS pixels, 96 per inch), so the handout is
    laid out for A4 exactly (and Qt adds no page numbers of its own)."""
    rect = layout.paintRect(QPageLayout.Unit.Millimeter)
    return QSizeF(rect.width() * 96 / 25.4, rect.height() * 96 / 25.4)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


_SHORT_STYLE = " style='color: #b00020; font-weight: bold;'"
_TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
_H3 = "<h3 style='font-size: 13pt;'>{}</h3>"


def _header_row(cells: Sequence[str]) -> str:
    return "<tr>" + "".join(f"<th align='left'>{_e(c)}</th>" for c in cells) + "</tr>"


def handout_html(handout: Handout, font_family: str) -> str:
    """The handout as the small HTML subset QTextDocument reads (every text escaped)."""
    parts = [
        "<html><head><meta charset='utf-8'></head>",
        f"<body style=\"font-family: '{_e(font_family)}'; font-size: 10.5pt;\">",
        f"<h1 style='font-size: 19pt; margin-bottom: 2px;'>{_e(handout.title)}</h1>",
        f"<h2 style='font-size: 15pt; margin-top: 0px;'>{_e(handout.household_name)}</h2>",
        f"<p style='color: #444444;'>{_e(handout.subtitle)}<br>{_e(handout.made_on)}</p>",
        _H3.format(_e(handout.summary_heading)),
        "<ul>",
        *(f"<li>{_e(line)}</li>" for line in handout.summary),
        "</ul>",
        _H3.format(_e(handout.steps_heading)),
        "<ol>",
        *(f"<li>{_e(step)}</li>" for step in handout.next_steps),
        "</ol>",
        f"<p align='center'><img src='{CHART_RESOURCE}' width='{CHART_WIDTH}'></p>",
        f"<p align='center' style='color: #444444;'><i>{_e(handout.chart_caption)}</i></p>",
        # The table starts a page of its own, so its rows are not split from their header.
        f"<h3 style='font-size: 13pt; page-break-before: always;'>{_e(handout.months_heading)}</h3>",
        _TABLE,
        _header_row(handout.months_headers),
    ]
    for line in handout.months:
        end_style = _SHORT_STYLE if line.short else ""
        parts.append(
            "<tr>"
            f"<td>{_e(line.month)}</td><td align='right'>{_e(line.money_in)}</td>"
            f"<td align='right'>{_e(line.money_out)}</td>"
            f"<td align='right'>{_e(line.savings)}</td>"
            f"<td align='right'{end_style}>{_e(line.end_of_month)}</td>"
            "</tr>"
        )
    parts.append("</table>")
    parts.append(_H3.format(_e(handout.goals_heading)))
    if handout.goals:
        parts += [_TABLE, _header_row(handout.goals_headers)]
        for goal in handout.goals:
            parts.append(
                "<tr>"
                f"<td><b>{_e(goal.name)}</b></td><td align='right'>{_e(goal.target)}</td>"
                f"<td>{_e(goal.when)}</td><td>{_e(goal.wanted)}</td>"
                "</tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p>{_e(handout.no_goals)}</p>")
    if handout.scenarios:
        parts += [
            _H3.format(_e(handout.scenarios_heading)),
            _TABLE,
            _header_row(handout.scenarios_headers),
        ]
        for line in handout.scenarios:
            parts.append(
                "<tr>"
                f"<td><b>{_e(line.name)}</b></td><td align='right'>{_e(line.at_end)}</td>"
                f"<td>{_e(line.compared)}</td><td>{_e(line.runs_out)}</td>"
                "</tr>"
            )
        parts.append("</table>")
    parts += [
        f"<p style='font-size: 8.5pt; color: #555555;'>{_e(handout.footer)}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


class HandoutExport:
    """Builds the handout document of a plan and writes it to a PDF or a printer.

    ``scenarios``: the What if? scenarios to print (the first three are used); ``months``: the
    horizon (default: the one default horizon of the app)."""

    def __init__(
        self,
        plan: Plan,
        made_on: _dt.date | None = None,
        scenarios: Sequence[object] = (),
        months: int | None = None,
    ) -> None:
        self.plan = plan
        self.made_on = made_on or _dt.date.today()
        self.language = i18n.current_language()
        self.locale = i18n.babel_locale()
        self.months = months or default_months()
        self.comparison: Comparison = comparison_for_handout(plan, scenarios, self.months)
        self.projection = self.comparison.baseline
        self.handout = build_handout(
            plan, self.comparison, self.locale, self.language, self.made_on
        )

    def document(self) -> QTextDocument:
        family = handout_font_family()
        doc = QTextDocument()
        doc.setDefaultFont(QFont(family, 11))
        doc.setDocumentMargin(0)
        image = QImage.fromData(chart_png(self.projection, self.locale))
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE), image)
        doc.setHtml(handout_html(self.handout, family))
        doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, self.handout.title)
        return doc

    def _write_to(self, tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        writer.setResolution(300)
        writer.setTitle(self.handout.title)
        writer.setCreator("Budget Tutor")
        doc = self.document()
        doc.setPageSize(_page_size(writer.pageLayout()))
        doc.print_(writer)
        del writer  # finishes the file

    def write_pdf(self, path: str | Path) -> int:
        """Write the PDF atomically and verified (``safe_write``). Returns the page count.

        Raises :class:`budget_tutor.safe_write.ExportError` (an ``OSError``) when the file
        cannot be written; an old file of that name is then left as it was."""
        from budget_tutor import safe_write

        target = Path(path)
        safe_write.write_with(target, self._write_to, safe_write.verify_pdf)
        data = target.read_bytes()
        count = re.search(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.S)
        return int(count.group(1)) if count else 0

    def print_with_dialog(self, parent: QWidget | None = None) -> bool:
        """Show Qt's print dialog and print the handout; False if the family cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        printer.setDocName(self.handout.title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the handout"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        doc = self.document()
        doc.setPageSize(_page_size(dialog.printer().pageLayout()))
        doc.print_(dialog.printer())
        return True


def safe_file_part(text: str) -> str:
    """``text`` with the characters that are unsafe in a file name replaced by ``_``."""
    return "".join(c if c.isalnum() or c in " -_()" else "_" for c in text).strip()


def suggested_file_name(plan: Plan, made_on: _dt.date | None = None) -> str:
    """``<household> - budget plan <YYYY-MM-DD>.pdf``, safe for every file system."""
    name = safe_file_part(plan.household.name)
    day = (made_on or _dt.date.today()).isoformat()
    # Translators: the suggested file name of the handout; keep {name} and {date}; no slashes.
    template = _("{name} - budget plan {date}.pdf")
    text = safe_format(
        template, "{name} - budget plan {date}.pdf", name=name or "household", date=day
    )
    return text.replace("/", "_").replace("\\", "_")


def documents_folder() -> Path:
    """The user's Documents folder (QStandardPaths), or the home folder if there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def kept_scenarios(plan: Plan) -> list[object]:
    from budget_tutor.scenarios import Scenario

    return [s for s in plan.scenarios if isinstance(s, Scenario)]


class HandoutDialog(QDialog):
    """Where to save the handout and which kept What if? scenarios to print on it (up to three)."""

    def __init__(
        self,
        plan: Plan,
        folder: Path | None = None,
        made_on: _dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from budget_tutor.presets import scenario_display_name
        from budget_tutor.ui.messages import plain_tooltip

        super().__init__(parent)
        self.plan = plan
        self.made_on = made_on or _dt.date.today()
        self.scenarios = kept_scenarios(plan)
        layout = QVBoxLayout(self)
        self.scenarios_box = QGroupBox()
        box_layout = QVBoxLayout(self.scenarios_box)
        self.scenarios_hint = QLabel()
        self.scenarios_hint.setWordWrap(True)
        box_layout.addWidget(self.scenarios_hint)
        self.scenario_checks: list[QCheckBox] = []
        for i, scenario in enumerate(self.scenarios):
            name = scenario_display_name(scenario)  # type: ignore[arg-type]
            check = QCheckBox(name)
            check.setToolTip(plain_tooltip(name))
            check.setChecked(i < MAX_SCENARIOS)
            check.toggled.connect(self._limit_choice)
            box_layout.addWidget(check)
            self.scenario_checks.append(check)
        self.no_scenarios_label = QLabel()
        self.no_scenarios_label.setWordWrap(True)
        self.no_scenarios_label.setVisible(not self.scenarios)
        box_layout.addWidget(self.no_scenarios_label)
        layout.addWidget(self.scenarios_box)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_edit = QLineEdit(str(folder or documents_folder()))
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        self.folder_label = QLabel()
        form.addRow(self.folder_label, folder_row)
        self.name_edit = QLineEdit(suggested_file_name(plan, self.made_on))
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name_edit)
        form.addRow(self.name_label, self.name_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._limit_choice()
        self.retranslate_ui()
        self.name_edit.setCursorPosition(0)
        self.setMinimumWidth(560)

    def retranslate_ui(self) -> None:
        from budget_tutor.ui.messages import translate_button_box

        self.setWindowTitle(_("Save the handout as PDF"))
        self.scenarios_box.setTitle(_("What if…? on the handout"))
        self.scenarios_hint.setText(
            safe_format(
                ngettext(
                    "Tick up to {count} kept scenario to print beside the plan.",
                    "Tick up to {count} kept scenarios to print beside the plan.",
                    MAX_SCENARIOS,
                ),
                "Tick up to {count} kept scenarios to print beside the plan.",
                count=MAX_SCENARIOS,
            )
        )
        self.no_scenarios_label.setText(
            _("No kept scenarios yet: keep one on the What if? page to print it here.")
        )
        self.folder_label.setText(_("Folder:"))
        self.folder_button.setText(_("Choose folder…"))
        self.name_label.setText(_("File name:"))
        translate_button_box(self.buttons)

    def _limit_choice(self) -> None:
        chosen = sum(1 for c in self.scenario_checks if c.isChecked())
        for check in self.scenario_checks:
            check.setEnabled(check.isChecked() or chosen < MAX_SCENARIOS)

    def _choose_folder(self) -> None:
        from budget_tutor.ui import messages

        folder = messages.choose_folder(self, _("Choose the folder for the handout"))
        if folder:
            self.folder_edit.setText(folder)

    def chosen_scenarios(self) -> list[object]:
        return [
            s for s, c in zip(self.scenarios, self.scenario_checks, strict=True) if c.isChecked()
        ]

    def file_path(self) -> Path:
        name = self.name_edit.text().strip()
        if name and not name.lower().endswith(".pdf"):
            name += ".pdf"
        return Path(self.folder_edit.text()) / name

    def problem(self) -> str | None:
        """Why the chosen file cannot be used (translated), or None."""
        name = self.name_edit.text().strip()
        if not name or name.lower() == ".pdf":
            return _("Type a file name.")
        if "/" in name or "\\" in name:
            return _("A file name cannot contain / or \\.")
        if not Path(self.folder_edit.text()).is_dir():
            return _("The folder does not exist: choose another one.")
        return None

    def _accept_if_valid(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.accept()


def saved_message_box(path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The confirmation: where the handout is, and an "Open folder" button (not shown yet)."""
    from budget_tutor.ui.messages import translate_message_box

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("The handout is saved"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        safe_format(
            _("The handout is saved as “{file}” in the folder {folder}."),
            "The handout is saved as “{file}” in the folder {folder}.",
            file=path.name,
            folder=str(path.parent),
        )
    )
    open_button = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    translate_message_box(box)
    # An action button would close the box; open the folder and keep the box up instead.
    open_button.clicked.disconnect()
    open_button.clicked.connect(lambda: open_folder(path.parent))
    box.open_button = open_button  # type: ignore[attr-defined]
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


#: The last confirmation shown (non-modal; it deletes itself when closed).
_confirmation: QMessageBox | None = None


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def export_pdf_with_dialog(session: object, parent: QWidget | None = None) -> Path | None:
    """Ask where to save and which scenarios to print, write the handout of the session's plan,
    then confirm with "Open folder"; a translated message on errors."""
    plan = getattr(session, "plan", None)
    if plan is None:
        return None
    dialog = HandoutDialog(plan, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path = dialog.file_path()
    try:
        HandoutExport(
            plan, scenarios=dialog.chosen_scenarios(), months=session_months(session)
        ).write_pdf(path)
    except OSError as exc:
        session.show_error(  # type: ignore[attr-defined]
            safe_format(
                _("The handout could not be saved: {reason}"),
                "The handout could not be saved: {reason}",
                reason=_os_reason(exc),
            )
        )
        return None
    global _confirmation
    _confirmation = saved_message_box(path, parent)  # kept: a box without a parent is not owned
    _confirmation.open()
    return path


def _os_reason(exc: OSError) -> str:
    """Why a file could not be written, in the family's language."""
    from budget_tutor import safe_write

    reason = getattr(exc, "reason", None)
    return reason if isinstance(reason, str) else safe_write.os_error_reason(exc)


def print_with_dialog(session: object, parent: QWidget | None = None) -> bool:
    plan = getattr(session, "plan", None)
    if plan is None:
        return False
    # as the save dialog offers by default: the first three kept scenarios
    return HandoutExport(
        plan, scenarios=kept_scenarios(plan), months=session_months(session)
    ).print_with_dialog(parent)


# -- many handouts at once (the command line) ------------------------------------------------------


def ensure_gui_application() -> object:
    """A QGuiApplication for writing PDFs without a window (offscreen when there is no display)."""
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app


def batch_file_name(plan_file: Path) -> str:
    """The PDF of one plan file in a batch: the plan file's own name with ``.pdf`` (unique in a
    folder, and the trainer knows which family it is)."""
    return safe_file_part(plan_file.stem) + ".pdf" if safe_file_part(plan_file.stem) else "plan.pdf"


def localized_if_sample(plan: Plan) -> Plan:
    """A sample household's file (English names, as ``budget_tutor/data/samples/`` holds them)
    with its names in the active language, as the app shows a sample; any other plan as it is."""
    from budget_tutor import samples

    for sample_id in samples.SAMPLES:
        if plan == samples.build_sample(sample_id):
            return samples.localized(plan)
    return plan


def write_handouts(
    files: Sequence[str | Path],
    out_dir: str | Path,
    made_on: _dt.date | None = None,
    months: int | None = None,
) -> list[tuple[Path, Path | None, str]]:
    """Write one handout per plan file into ``out_dir`` (created if missing), in the active
    language, with each plan's kept scenarios (up to three).

    Returns, per file in order, (plan file, PDF written or None, translated problem or "").
    A file that cannot be read or written never stops the others."""
    from budget_tutor.planfile import load_plan_file
    from budget_tutor.storage import StorageError

    ensure_gui_application()
    folder = Path(out_dir)
    results: list[tuple[Path, Path | None, str]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = safe_format(
            _("The handout could not be saved: {reason}"),
            "The handout could not be saved: {reason}",
            reason=_os_reason(exc),
        )
        return [(Path(f), None, reason) for f in files]
    for name in files:
        source = Path(name)
        if not source.exists():
            results.append((source, None, _("the file does not exist")))
            continue
        if source.is_dir():
            results.append((source, None, _("this is a folder, not a plan file")))
            continue
        try:
            plan = localized_if_sample(load_plan_file(source))
        except (StorageError, OSError, ValueError) as exc:
            results.append((source, None, str(exc)))
            continue
        target = folder / batch_file_name(source)
        try:
            HandoutExport(plan, made_on, scenarios=kept_scenarios(plan), months=months).write_pdf(
                target
            )
        except OSError as exc:
            results.append(
                (
                    source,
                    None,
                    safe_format(
                        _("The handout could not be saved: {reason}"),
                        "The handout could not be saved: {reason}",
                        reason=_os_reason(exc),
                    ),
                )
            )
            continue
        results.append((source, target, ""))
    return results
