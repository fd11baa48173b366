"""The trainer's kit on A4 paper: the guide (one PDF) and each module's printable materials.

Content comes from :mod:`budget_tutor.trainer_kit`; this module only lays it out. Text pages are
HTML laid out by ``QTextDocument``; the sort cards and the season calendar are drawn with
``QPainter`` (big pictures, dashed cut lines). Every PDF embeds the bundled DejaVu Sans (Tajik
letters included) and is written through :mod:`budget_tutor.safe_write` (temporary file, verified,
renamed).

    budget-tutor guide --lang tg --out guide.pdf
    budget-tutor materials --module m04 --lang tg --out DIR
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from budget_tutor import i18n, safe_write
from budget_tutor.i18n import _
from budget_tutor.model import month_name
from budget_tutor.trainer_kit import (
    EVALUATION_QUESTIONS,
    FEEDBACK_QUESTIONS,
    LETTERS,
    Guide,
    ModuleKit,
    TestForm,
    build_guide,
    minutes_text,
    module_kit,
)

MARGIN_MM = 15
RESOLUTION = 300


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _font_family() -> str:
    from budget_tutor.ui.handout_export import handout_font_family

    return handout_font_family()


def _new_writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)  # fmt: skip
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Budget Tutor")
    return writer


def _write_html(path: Path, title: str, body: str) -> None:
    family = _font_family()

    def write(tmp: Path) -> None:
        writer = _new_writer(tmp, title)
        doc = QTextDocument()
        doc.setDefaultFont(QFont(family, 11))
        doc.setDocumentMargin(0)
        doc.setHtml(f"<html><head><meta charset='utf-8'></head><body style=\"font-family: "
                    f"'{_e(family)}'; font-size: 11pt;\">{body}</body></html>")  # fmt: skip
        rect = writer.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
        doc.setPageSize(QSizeF(rect.width() * 96 / 25.4, rect.height() * 96 / 25.4))
        doc.print_(writer)
        del writer

    safe_write.write_with(path, write, safe_write.verify_pdf)


# --------------------------------------------------------------------------------------------
# HTML parts
# --------------------------------------------------------------------------------------------

_TABLE = "<table border='1' cellspacing='0' cellpadding='5' width='100%'>"
_BREAK = "<p style='page-break-before: always; margin: 0;'></p>"


def _row(cells: Sequence[str], header: bool = False, widths: Sequence[int] = ()) -> str:
    tag = "th" if header else "td"
    parts = []
    for i, cell in enumerate(cells):
        width = f" width='{widths[i]}%'" if i < len(widths) else ""
        parts.append(f"<{tag} align='left' valign='top'{width}>{cell}</{tag}>")
    return "<tr>" + "".join(parts) + "</tr>"


def _md(text: str) -> str:
    """A lesson text escaped, with its **bold** marks as bold (the lessons' only markup)."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", _e(text))


def _lines(count: int) -> str:
    line = "<p style='margin: 10px 0;'>" + "_" * 70 + "</p>"
    return line * count


def _tag(tag: str, text: str, style: str = "") -> str:
    """``<tag>text</tag>`` with the text escaped (translations are plain text)."""
    attrs = f" style='{style}'" if style else ""
    return f"<{tag}{attrs}>{_e(text)}</{tag}>"


def _blank(label: str, width: int = 20) -> str:
    return f"{_e(label)} {'_' * width}"


def agenda_html(guide: Guide) -> str:
    intro = _(
        "Each day about six hours of work, with breaks. The modules are done as the families will "
        "have them: the trainers are the families. From the second day, pairs practise teaching "
        "one step and the group gives feedback with the form below."
    )
    parts = [_tag("h1", guide.title), _tag("h2", _("Four days of training for trainers")),
             _tag("p", intro)]  # fmt: skip
    headers = [_e(_("Session")), _e(_("Time")), _e(_("Method"))]
    in_all = _("In all")
    for number, day in enumerate(guide.days, start=1):
        parts.append(_tag("h3", _("Day {number}").format(number=number)))
        parts.append(_TABLE)
        parts.append(_row(headers, True, (62, 15, 23)))
        for item in day:
            parts.append(_row([_e(item.title), _e(minutes_text(item.minutes)), _e(item.method)]))
        total = sum(x.minutes for x in day)
        parts.append(_row([_tag("b", in_all), _tag("b", minutes_text(total)), ""]))
        parts.append("</table>")
    return "".join(parts)


def forms_html() -> str:
    who = _blank(_("Trainer:")) + "&nbsp;&nbsp;&nbsp;" + _blank(_("Step:"))
    headers = [_e(_("Question")), _e(_("Yes")), _e(_("Partly")), _e(_("No"))]
    parts = [_BREAK, _tag("h2", _("Feedback on practice teaching")), f"<p>{who}</p>", _TABLE,
             _row(headers, True, (64, 12, 12, 12))]  # fmt: skip
    parts += [_row([_e(_(q)), "", "", ""]) for q in FEEDBACK_QUESTIONS[:-1]]
    parts.append("</table>")
    parts.append(f"<p><b>{_e(_(FEEDBACK_QUESTIONS[-1]))}</b></p>{_lines(3)}")
    parts.append(_tag("h2", _("Evaluation of the day")))
    for question in EVALUATION_QUESTIONS:
        parts.append(f"<p><b>{_e(_(question))}</b></p>{_lines(2)}")
    return "".join(parts)


def prices_html(locale: str) -> str:
    """The "check these prices before the workshop" page, from ``data/prices.csv``."""
    from babel.numbers import format_decimal

    from budget_tutor.prices import bundled_prices

    def format_number(value: object, locale: str) -> str:
        return format_decimal(value, locale=locale, decimal_quantization=False)

    units = {"TJS": _("somoni"), "guests": _("guests")}
    headers = [_e(_("What")), _e(_("In the course")), _e(_("As of")), _e(_("Source")),
               _e(_("Today"))]  # fmt: skip
    parts = [_BREAK, _tag("h2", _("Check these prices before the workshop")),
             _tag("p", _("The lessons use these figures. Prices change: before each workshop ask at "
                         "the bazaar, the bank or the jamoat and write today's figure in the last "
                         "column; tell the families when it differs.")),
             _TABLE, _row(headers, True, (27, 19, 12, 24, 18))]  # fmt: skip
    for price in bundled_prices():
        low, high = format_number(price.low, locale), format_number(price.high, locale)
        figure = low if price.low == price.high else f"{low}–{high}"
        figure = f"{figure} {units.get(price.unit, price.unit)} / {price.per_text()}"
        parts.append(_row([_e(price.item), _e(figure), _e(price.as_of), _e(price.source), ""]))
    parts.append("</table>")
    return "".join(parts)


def module_html(kit: ModuleKit, *, with_key: bool = True) -> str:
    heading = _("Module {number}: {title}").format(number=kit.module, title=kit.title)
    materials = _(
        "the laptop and projector; for each pair the printed cards, worksheet and take-home "
        "sheet of this module; pens."
    )
    time_line = (_tag("b", _("Time:")) + " " + _e(minutes_text(kit.minutes)) + ". "
                 + _tag("b", _("Materials:")) + " " + _e(materials))  # fmt: skip
    parts = [_tag("h2", heading), _tag("p", kit.summary, "font-style: italic;"),
             f"<p>{time_line}</p>"]  # fmt: skip
    if kit.objectives:
        label = _tag("b", _("Learning objectives: by the end of the module, participants can"))
        goals = "".join(_tag("li", o) for o in kit.objectives)
        parts.append(f"<p>{label}</p><ol>{goals}</ol>")
    if kit.key_messages:
        keys = " ".join(_md(k) for k in kit.key_messages)
        label = _tag("b", _("Key message:"))
        parts.append(f"<p>{label} {keys}</p>")
    parts.append(_tag("h3", _("Step by step")))
    parts.append(_TABLE)
    headers = [_e(_("Step")), _e(_("What happens")), _e(_("Notes for the trainer"))]
    parts.append(_row(headers, True, (18, 52, 30)))
    for step in kit.steps:
        what = "<br>".join(_md(b) for b in step.body)
        label = f"{step.number}. {_e(step.kind)}<br>{_tag('b', step.title)}"
        if step.minutes is not None:
            label += f"<br>{_e(minutes_text(step.minutes))}"
        parts.append(_row([label, what, _md(step.trainer_notes)]))
    parts.append("</table>")
    if with_key:
        parts.append(answer_key_html(kit))
    return "".join(parts)


def answer_key_html(kit: ModuleKit) -> str:
    keyed = [s for s in kit.steps if s.answer]
    if not keyed:
        return ""
    parts = [_tag("h3", _("Answer key")), _TABLE]
    for step in keyed:
        answers = "<br>".join(_md(a) for a in step.answer)
        parts.append(_row([f"{step.number}. {_e(step.title)}", answers], widths=(35, 65)))
    parts.append("</table>")
    return "".join(parts)


def worksheet_html(kit: ModuleKit) -> str:
    heading = _("Module {number}: {title}").format(number=kit.module, title=kit.title)
    who = _blank(_("Name or code:"))
    parts = [_tag("h2", heading), _tag("h3", _("Worksheet")), f"<p>{who}</p>"]
    answer = _("Answer:")
    for task in kit.worksheet:
        parts.append(f"<p style='margin-top: 14px;'><b>{task.number}.</b> {_md(task.question)}</p>")
        if task.options:
            parts += [_tag("p", f"☐ {o}", "margin-left: 20px;") for o in task.options]
        else:
            parts.append(_tag("p", f"{answer} {'_' * 14} {task.unit}", "margin-left: 20px;"))
    return "".join(parts)


def take_home_html(kit: ModuleKit) -> str:
    parts = [_tag("h1", kit.title)]
    parts += [
        f"<p style='font-size: 16pt; font-weight: bold;'>{_md(k)}</p>" for k in kit.key_messages
    ]
    if kit.take_home:
        parts.append(_tag("h2", _("To take home")) + "<ul>")
        parts += [_tag("li", x, "font-size: 15pt; margin-bottom: 10px;") for x in kit.take_home]
        parts.append("</ul>")
    parts.append(_tag("p", _("Our family will:"), "font-size: 14pt;") + _lines(4))
    return "".join(parts)


def test_html(form: TestForm, phase_title: str) -> str:
    who = _blank(_("Participant code:"), 12) + "&nbsp;&nbsp;&nbsp;" + _blank(_("Date:"), 12)
    parts = [_BREAK, _tag("h2", phase_title), f"<p>{who}</p>"]
    for number, (question, options) in enumerate(form.items, start=1):
        parts.append(f"<p style='margin-top: 10px;'><b>{number}.</b> {_e(question)}</p>")
        parts += [
            _tag("p", f"{LETTERS[i]}. {o}", "margin-left: 20px;") for i, o in enumerate(options)
        ]
    width = max((len(options) for _q, options in form.items), default=3)
    grid_note = _("Tick one box per question. The trainer types the grid in from paper.")
    parts += [_BREAK, _tag("h2", _("Answer grid")), f"<p>{who}</p>", _tag("p", grid_note),
              _TABLE, _row([_e(_("Question")), *LETTERS[:width]], True)]  # fmt: skip
    box = "<span style='font-size: 18pt;'>☐</span>"
    parts += [_row([f"<b>{n}</b>"] + [box] * width) for n in range(1, len(form.items) + 1)]
    parts.append("</table>")
    parts += [_BREAK, _tag("h2", _("Key for the trainer")), _TABLE,
              _row([_e(_("Question")), _e(_("Right answer"))], True)]  # fmt: skip
    parts += [_row([str(n), letter]) for n, letter in enumerate(form.key, start=1)]
    parts.append("</table>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# drawn pages: cards and the season calendar
# --------------------------------------------------------------------------------------------


def _mm(writer: QPdfWriter, mm: float) -> float:
    return mm * RESOLUTION / 25.4


def _draw_pages(
    path: Path,
    title: str,
    pages: list[Callable[[QPainter, QPdfWriter], None]],
    landscape: bool = False,
) -> None:
    def write(tmp: Path) -> None:
        writer = _new_writer(tmp, title)
        if landscape:
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
        painter = QPainter(writer)
        try:
            for i, page in enumerate(pages):
                if i:
                    writer.newPage()
                page(painter, writer)
        finally:
            painter.end()
        del writer

    safe_write.write_with(path, write, safe_write.verify_pdf)


def _text_in(
    painter: QPainter,
    rect: QRectF,
    text: str,
    size: float,
    bold: bool = False,
    smallest: float | None = None,
) -> None:
    """Draw ``text`` wrapped in ``rect``; with ``smallest``, the size goes down a point at a time
    (not below ``smallest``) until the text fits, so a long card text is never cut off."""
    font = QFont(_font_family())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    while smallest is not None and font.pointSizeF() - 1 >= smallest:
        needed = painter.boundingRect(rect, int(flags), text)
        if needed.height() <= rect.height() and needed.width() <= rect.width():
            break
        font.setPointSizeF(font.pointSizeF() - 1)
        painter.setFont(font)
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    painter.drawText(rect, text, option)


def _card_pages(kit: ModuleKit) -> list[Callable[[QPainter, QPdfWriter], None]]:
    """Six cards an A4 page (2 × 3), each with its picture 50 mm high and its text beneath in
    22 pt (smaller, down to 12 pt, when a long text would not fit); dashed cut lines; the baskets'
    names as cards of their own (bold, no picture)."""
    entries: list[tuple[str, Path | None, bool]] = [(g, None, True) for g in kit.groups]
    entries += [(c.text, c.picture, False) for c in kit.cards]
    pages = []
    for start in range(0, len(entries), 6):
        chunk = entries[start : start + 6]

        def page(painter: QPainter, writer: QPdfWriter, chunk=chunk) -> None:
            area = writer.pageLayout().paintRectPixels(RESOLUTION)
            w, h = area.width() / 2, area.height() / 3
            pen = QPen(QColor("#777777"))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(_mm(writer, 0.3))
            for i, (text, picture, basket) in enumerate(chunk):
                x, y = (i % 2) * w, (i // 2) * h
                cell = QRectF(x, y, w, h)
                painter.setPen(pen)
                painter.drawRect(cell)
                painter.setPen(QColor("black"))
                pad = _mm(writer, 5)
                if basket:
                    _text_in(painter, cell.adjusted(pad, h / 3, -pad, -pad), text, 24, bold=True)
                    continue
                if picture is not None and picture.is_file():
                    renderer = QSvgRenderer(str(picture))
                    if renderer.isValid():
                        size = _mm(writer, 50)
                        box = QRectF(x + (w - size) / 2, y + pad, size, size)
                        view = renderer.viewBoxF()
                        if view.width() > 0 and view.height() > 0:
                            scale = min(size / view.width(), size / view.height())
                            box = QRectF(x + (w - view.width() * scale) / 2, y + pad,
                                         view.width() * scale, view.height() * scale)  # fmt: skip
                        renderer.render(painter, box)
                text_top = y + pad + _mm(writer, 55)
                _text_in(painter, QRectF(x + pad, text_top, w - 2 * pad, y + h - pad - text_top),
                         text, 22, bold=True, smallest=12)  # fmt: skip

        pages.append(page)
    return pages


def _calendar_page(kit: ModuleKit, locale: str) -> Callable[[QPainter, QPdfWriter], None]:
    """Twelve month columns (in the calendar's own order, from the season's start) with empty
    rows for each thing the module puts in the calendar; the family draws or ticks."""

    def page(painter: QPainter, writer: QPdfWriter) -> None:
        area = writer.pageLayout().paintRectPixels(RESOLUTION)
        title_h = _mm(writer, 18)
        _text_in(painter, QRectF(0, 0, area.width(), title_h), kit.title, 16, bold=True)
        label_w = _mm(writer, 45)
        col_w = (area.width() - label_w) / 12
        rows = max(len(kit.calendar), 4)
        row_h = min(_mm(writer, 22), (area.height() - title_h - _mm(writer, 12)) / (rows + 1))
        pen = QPen(QColor("black"))
        pen.setWidthF(_mm(writer, 0.3))
        painter.setPen(pen)
        for m in range(12):
            cell = QRectF(label_w + m * col_w, title_h, col_w, row_h)
            painter.drawRect(cell)
            _text_in(painter, cell.adjusted(2, _mm(writer, 2), -2, 0),
                     month_name(m + 1, locale, short=True), 10, bold=True)  # fmt: skip
        for r in range(rows):
            top = title_h + (r + 1) * row_h
            label = kit.calendar[r][0] if r < len(kit.calendar) else ""
            label_cell = QRectF(0, top, label_w, row_h)
            painter.drawRect(label_cell)
            _text_in(painter, label_cell.adjusted(4, _mm(writer, 2), -4, 0), label, 11)
            for m in range(12):
                painter.drawRect(QRectF(label_w + m * col_w, top, col_w, row_h))

    return page


# --------------------------------------------------------------------------------------------
# the two commands
# --------------------------------------------------------------------------------------------


def _library() -> object:
    from budget_tutor import resources
    from budget_tutor.lessons.library import builtin_lessons_dir, load_library

    return load_library(builtin_lessons_dir(), assets_dir=resources.assets_dir())


def write_guide(path: Path, lib: object | None = None) -> None:
    lib = lib or _library()
    guide = build_guide(lib, i18n.babel_locale())  # type: ignore[arg-type]
    body = [agenda_html(guide), forms_html(), prices_html(i18n.babel_locale())]
    for kit in guide.modules:
        body += [_BREAK, module_html(kit)]
    if guide.test is not None:
        body.append(test_html(guide.test, _("Pre-test and post-test on paper")))
    _write_html(path, guide.title, "".join(body))


def write_materials(folder: Path, lesson_id: str, lib: object | None = None) -> list[Path]:
    """The printables of one module into ``folder``; returns the files written."""
    lib = lib or _library()
    lesson = lib.lesson(lesson_id)  # type: ignore[attr-defined]
    if lesson is None:
        raise KeyError(lesson_id)
    locale = i18n.babel_locale()
    kit = module_kit(lesson, lib, locale)  # type: ignore[arg-type]
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def html_file(name: str, body: str) -> None:
        target = folder / f"{lesson_id}-{name}.pdf"
        _write_html(target, kit.title, body)
        written.append(target)

    html_file("script", module_html(kit, with_key=False))
    html_file("answer-key", f"<h2>{_e(kit.title)}</h2>" + answer_key_html(kit))
    if kit.worksheet:
        html_file("worksheet", worksheet_html(kit))
    html_file("take-home", take_home_html(kit))
    if kit.cards:
        target = folder / f"{lesson_id}-cards.pdf"
        _draw_pages(target, kit.title, _card_pages(kit))
        written.append(target)
    if kit.calendar:
        target = folder / f"{lesson_id}-calendar.pdf"
        _draw_pages(target, kit.title, [_calendar_page(kit, locale)], landscape=True)
        written.append(target)
    return written


def ensure_gui() -> QGuiApplication:
    """PDFs need a Qt application; without a screen it runs offscreen."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["budget-tutor"])
    return app  # type: ignore[return-value]
