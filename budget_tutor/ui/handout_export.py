"""HandoutExport: the family's plan as a printed handout (PDF or printer), and charts as PNG.

The content comes from :func:`budget_tutor.handout.build_handout` in the current language; this
module lays it out as one or two A4 pages with ``QTextDocument`` and writes it with
``QPdfWriter`` (or prints it through Qt's print dialog). The bundled DejaVu Sans is the
document's font, so every Tajik letter is there and Qt embeds it in the PDF. Every text, and above
all what the family typed (the household's name, goal names), is HTML-escaped: ``<b>x</b>``
appears literally.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QWidget

from budget_tutor import i18n
from budget_tutor.handout import Handout, build_handout
from budget_tutor.i18n import _, safe_format

if TYPE_CHECKING:
    from budget_tutor.model import Plan
    from budget_tutor.projection import Projection

#: Months the handout's summary and chart cover.
HANDOUT_MONTHS = 12
CHART_RESOURCE = "budget-tutor-chart.png"
#: The chart's width in the document (CSS pixels at 96 dpi: 17 cm, inside A4 with 15 mm margins).
CHART_WIDTH = 640
MARGIN_MM = 15.0

_FONT_FAMILY: str | None = None


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


def handout_html(handout: Handout, font_family: str) -> str:
    """The handout as the small HTML subset QTextDocument reads (every text escaped)."""
    parts = [
        "<html><head><meta charset='utf-8'></head>",
        f"<body style=\"font-family: '{_e(font_family)}'; font-size: 10.5pt;\">",
        f"<h1 style='font-size: 19pt; margin-bottom: 2px;'>{_e(handout.title)}</h1>",
        f"<h2 style='font-size: 15pt; margin-top: 0px;'>{_e(handout.household_name)}</h2>",
        f"<p style='color: #444444;'>{_e(handout.subtitle)}</p>",
        f"<h3 style='font-size: 13pt;'>{_e(handout.summary_heading)}</h3>",
        "<ul>",
        *(f"<li>{_e(line)}</li>" for line in handout.summary),
        "</ul>",
        f"<p align='center'><img src='{CHART_RESOURCE}' width='{CHART_WIDTH}'></p>",
        f"<p align='center' style='color: #444444;'><i>{_e(handout.chart_caption)}</i></p>",
        f"<h3 style='font-size: 13pt;'>{_e(handout.goals_heading)}</h3>",
    ]
    if handout.goals:
        parts.append("<table border='1' cellspacing='0' cellpadding='5' width='100%'>")
        for goal in handout.goals:
            parts.append(
                "<tr>"
                f"<td><b>{_e(goal.name)}</b></td><td>{_e(goal.target)}</td>"
                f"<td>{_e(goal.when)}</td><td>{_e(goal.wanted)}</td>"
                "</tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p>{_e(handout.no_goals)}</p>")
    parts += [
        f"<h3 style='font-size: 13pt;'>{_e(handout.steps_heading)}</h3>",
        "<ol>",
        *(f"<li>{_e(step)}</li>" for step in handout.next_steps),
        "</ol>",
        f"<p style='font-size: 8.5pt; color: #555555;'>{_e(handout.footer)}</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


class HandoutExport:
    """Builds the handout document of a plan and writes it to a PDF or a printer."""

    def __init__(self, plan: Plan, made_on: _dt.date | None = None) -> None:
        from budget_tutor.projection import project

        self.plan = plan
        self.made_on = made_on or _dt.date.today()
        self.language = i18n.current_language()
        self.locale = i18n.babel_locale()
        self.projection = project(plan, HANDOUT_MONTHS)
        self.handout = build_handout(
            plan, self.projection, self.locale, self.language, self.made_on
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

    def write_pdf(self, path: str | Path) -> int:
        """Write the PDF (atomically: a temporary file, then renamed). Returns the page count.

        Raises OSError when the file cannot be written.
        """
        target = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=".handout-", suffix=".pdf", dir=target.parent)
        os.close(fd)
        try:
            writer = QPdfWriter(tmp)
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
            with open(tmp, "rb") as fh:
                data = fh.read()
            if not data.startswith(b"%PDF"):
                raise OSError(_("The PDF could not be written."))
            count = re.search(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.S)
            pages = int(count.group(1)) if count else 0
            with open(tmp, "r+b") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return pages

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


def suggested_file_name(plan: Plan) -> str:
    """``<household>-plan.pdf`` with characters that are unsafe in file names replaced."""
    name = "".join(c if c.isalnum() or c in " -_" else "_" for c in plan.household.name).strip()
    # Translators: the suggested file name of the handout; keep {name}; no slashes.
    template = _("{name} - budget plan.pdf")
    return safe_format(template, "{name} - budget plan.pdf", name=name or "household")


def _os_reason(exc: OSError) -> str:
    """Why a file could not be written, in the family's language."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("this folder cannot be written to; choose another one")
    if exc.errno == errno.ENOENT:
        return _("the folder does not exist")
    return _("the computer reported an error ({code})").format(code=exc.errno or "?")


def export_pdf_with_dialog(session: object, parent: QWidget | None = None) -> Path | None:
    """Ask where to save, write the handout of the session's plan; show a message on errors."""
    from budget_tutor.ui import messages

    plan = getattr(session, "plan", None)
    if plan is None:
        return None
    path = messages.choose_file_to_save(
        parent,
        _("Save the handout as PDF"),
        [_("PDF document (*.pdf)")],
        suggested_file_name(plan),
        "pdf",
    )
    if not path:
        return None
    try:
        HandoutExport(plan).write_pdf(path)
    except OSError as exc:
        session.show_error(  # type: ignore[attr-defined]
            safe_format(
                _("The handout could not be saved: {reason}"),
                "The handout could not be saved: {reason}",
                reason=_os_reason(exc),
            )
        )
        return None
    return Path(path)


def print_with_dialog(session: object, parent: QWidget | None = None) -> bool:
    plan = getattr(session, "plan", None)
    if plan is None:
        return False
    return HandoutExport(plan).print_with_dialog(parent)
