"""The PDF handout: the household's name is in its text, literally, with the font embedded.

No pdftotext is needed: :func:`pdf_text` reads what Qt's PDF writer produces (objects, Flate
streams, Type0 fonts with a ToUnicode map, one ``Tj`` per glyph) with the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from budget_tutor import i18n
from budget_tutor.model import (
    Expense,
    ExpenseCategory,
    Household,
    Income,
    IncomeKind,
    Month,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import major
from budget_tutor.ui import handout_export
from budget_tutor.ui.handout_export import HandoutExport, handout_html

SUMMER = (4, 5, 6, 7, 8, 9, 10)
NAME = "<b>Оилаи</b> Қурбонзода & Ҷӯраев"


def family_plan(name: str = NAME) -> Plan:
    return Plan(
        household=Household(name=name, start_month=Month(2027, 1), opening_cash=major(6000)),
        incomes=(
            Income("r1", "Son", IncomeKind.REMITTANCE, Schedule.monthly(major(4000), SUMMER)),
            Income("p1", "Pension", IncomeKind.PENSION, Schedule.monthly(major(600))),
        ),
        expenses=(
            Expense("e1", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),
            Expense(
                "e2", "Coal", ExpenseCategory.HEATING, Schedule.monthly(major(900), (1, 2, 11, 12))
            ),
        ),
        savings=(
            SavingsPlace(
                "s1", "Box", SavingsKind.CASH, contribution=Schedule.monthly(major(300), SUMMER)
            ),
        ),
        goals=(SavingsGoal("g1", "Ҷиҳози мактаб", major(1500), "s1", Month(2027, 6)),),
    )


# -- a small PDF reader ------------------------------------------------------------------------


def _objects(data: bytes) -> dict[int, bytes]:
    return {
        int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)
    }


def _stream(body: bytes) -> bytes:
    head, _sep, rest = body.partition(b"stream")
    rest = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
    raw = rest[: rest.rfind(b"endstream")]
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}

    def uni(hexa: bytes) -> str:
        return bytes.fromhex(hexa.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = uni(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[.*?\]|<[0-9A-Fa-f]+>)", block, re.S
        ):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for i, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    mapping[lo_i + i] = uni(item)
            else:
                start = int(dst[1:-1], 16)
                for i in range(hi_i - lo_i + 1):
                    mapping[lo_i + i] = chr(start + i)
    return mapping


def pdf_pages(data: bytes) -> list[dict]:
    objs = _objects(data)
    pages = []
    for body in objs.values():
        if not re.match(rb"<<\s*/Type /Page\b", body):
            continue
        res_ref = re.search(rb"/Resources (\d+) 0 R", body)
        resources = objs[int(res_ref.group(1))] if res_ref else body
        fonts = {}
        font_dict = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", font_dict.group(1) if font_dict else b""):
            font = objs[int(ref)]
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font)
            cmap = _cmap(_stream(objs[int(to_unicode.group(1))])) if to_unicode else {}
            base = re.search(rb"/BaseFont /([\w+-]+)", font)
            fonts[name.decode()] = (base.group(1).decode() if base else "", cmap)
        content = _stream(objs[int(re.search(rb"/Contents (\d+) 0 R", body).group(1))])
        pages.append({"fonts": fonts, "content": content})
    return pages


def pdf_text(data: bytes) -> list[str]:
    """The text runs (BT … ET blocks) of every page, spaces left out as Qt does not draw them."""
    runs: list[str] = []
    for page in pdf_pages(data):
        cmap: dict[int, str] = {}
        current: list[str] = []
        token = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ|\bET\b")
        for m in token.finditer(page["content"]):
            if m.group(1):
                cmap = page["fonts"].get(m.group(1).decode(), ("", {}))[1]
            elif m.group(2) is not None or m.group(3) is not None:
                hexes = (
                    [m.group(2)]
                    if m.group(2) is not None
                    else re.findall(rb"<([0-9A-Fa-f]*)>", m.group(3))
                )
                for h in hexes:
                    for i in range(0, len(h), 4):
                        current.append(cmap.get(int(h[i : i + 4], 16), "\ufffd"))
            else:
                runs.append("".join(current))
                current = []
    return runs


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- tests -------------------------------------------------------------------------------------


def test_html_escapes_everything_the_family_typed() -> None:
    export = HandoutExport(family_plan(), dt.date(2026, 11, 28))
    page = handout_html(export.handout, "DejaVu Sans")
    assert "&lt;b&gt;Оилаи&lt;/b&gt; Қурбонзода &amp; Ҷӯраев" in page
    assert "<b>Оилаи</b>" not in page
    assert "<b>Ҷиҳози мактаб</b>" in page  # the goal name, escaped, inside our own bold cell


def test_pdf_has_the_household_name_literally_and_the_font_embedded(qtbot, tmp_path) -> None:
    target = tmp_path / "handout.pdf"
    pages = HandoutExport(family_plan(), dt.date(2026, 11, 28)).write_pdf(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages == 1  # a family with one goal fits on one A4 page
    assert len(pdf_pages(data)) == pages
    text = "\n".join(pdf_text(data))
    assert squeeze(NAME) in squeeze(text)
    assert "Ourfamilybudgetplan" in squeeze(text)
    assert "Ҷиҳозимактаб" in squeeze(text)
    assert "\ufffd" not in text
    # every font is DejaVu, embedded (a subset with its glyphs)
    assert b"/FontFile2" in data
    fonts = {base for page in pdf_pages(data) for base, _cmap in page["fonts"].values()}
    assert fonts and all(base.startswith("DejaVuSans") for base in fonts)
    assert b"/Subtype /Image" in data  # the chart
    assert not list(tmp_path.glob(".handout-*"))


def test_pdf_is_in_the_current_language(qtbot, tmp_path) -> None:
    po = tmp_path / "loc" / "ru" / "LC_MESSAGES" / "budget_tutor.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Our family budget plan"\nmsgstr "Бюджет нашей семьи"\n',
        encoding="utf-8",
    )
    i18n.set_override_dir(tmp_path / "loc")
    i18n.set_language("ru")
    target = tmp_path / "ru.pdf"
    HandoutExport(family_plan("Рахимовы"), dt.date(2026, 11, 28)).write_pdf(target)
    text = squeeze("\n".join(pdf_text(target.read_bytes())))
    assert "Бюджетнашейсемьи" in text
    assert "Рахимовы" in text
    assert "28ноября2026" in text


def test_export_with_dialog_writes_the_file_or_says_why_not(qtbot, tmp_path, monkeypatch) -> None:
    class Session:
        def __init__(self) -> None:
            self.plan = family_plan()
            self.errors: list[str] = []

        def show_error(self, message: str) -> None:
            self.errors.append(message)

    from budget_tutor.ui import messages

    session = Session()
    target = tmp_path / "plan.pdf"
    asked = {}

    def choose(parent, title, filters, suggested, suffix):
        asked["suggested"] = suggested
        return str(target)

    monkeypatch.setattr(messages, "choose_file_to_save", choose)
    assert handout_export.export_pdf_with_dialog(session) == target
    assert target.read_bytes().startswith(b"%PDF")
    assert asked["suggested"] == "_b_Оилаи__b_ Қурбонзода _ Ҷӯраев - budget plan.pdf"
    # a folder that does not exist: a message, no crash, nothing written
    missing = tmp_path / "gone" / "plan.pdf"
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a: str(missing))
    assert handout_export.export_pdf_with_dialog(session) is None
    assert session.errors and session.errors[0].startswith("The handout could not be saved: ")
    assert not missing.exists()
    # cancelled: nothing happens
    monkeypatch.setattr(messages, "choose_file_to_save", lambda *a: None)
    assert handout_export.export_pdf_with_dialog(session) is None


def test_print_through_the_print_dialog(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def accept(dialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert HandoutExport(family_plan()).print_with_dialog()
    assert squeeze(NAME) in squeeze("\n".join(pdf_text(out.read_bytes())))
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not HandoutExport(family_plan()).print_with_dialog()


@pytest.mark.parametrize("name", ["A", "Очень длинное имя семьи " * 4])
def test_handout_fits_two_pages(qtbot, tmp_path, name: str) -> None:
    plan = family_plan(name.strip())
    goals = tuple(SavingsGoal(f"g{i}", f"Goal {i}", major(500 * i), "s1") for i in range(1, 7))
    plan = plan.replace(goals=goals)
    pages = HandoutExport(plan).write_pdf(Path(tmp_path) / "h.pdf")
    assert 1 <= pages <= 2
