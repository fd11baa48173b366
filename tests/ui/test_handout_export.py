"""The PDF handout: its text (read back from the PDF) is the hand-computed plan in words, the
household's name literally, the font embedded; the save dialog, the confirmation, printing.

No pdftotext is needed: ``tests/pdftext.py`` reads what Qt's PDF writer produces.
"""

from __future__ import annotations

import datetime as dt
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
    OneOffCost,
    Plan,
    SavingsGoal,
    SavingsKind,
    SavingsPlace,
    Schedule,
)
from budget_tutor.money import major
from budget_tutor.scenarios import OneOffExpense, Scenario
from budget_tutor.ui import handout_export
from budget_tutor.ui.handout_export import HandoutExport, handout_html
from tests.pdftext import NEGATIVE_AMOUNT, pdf_pages, pdf_squeezed, pdf_text, squeeze

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


# -- tests -------------------------------------------------------------------------------------


def seasons_plan(name: str = "Оилаи Раҳимов") -> Plan:
    """Somoni only, from January 2027, nothing at the start (the plan of tests/core/test_handout):

    Jan in 500, out 2,500 -> short by 2,000 (the first short month); Feb short by 4,000;
    Mar short by 5,000 (the deepest); Apr-Sep +2,000 each: -3,000, -1,000, 1,000, 3,000, 5,000,
    7,000; Oct 3,500 in, 7,500 out (toi 6,000) -> 3,000; Nov 1,000; Dec short by 1,000.
    Good months Apr-Sep (2,000 each), bad months need 13,000: put aside 2,000 (not 2,170).
    """
    return Plan(
        household=Household(name=name, people=6, start_month=Month(2027, 1)),
        incomes=(
            Income(
                "w",
                "Wages",
                IncomeKind.WAGES,
                Schedule.monthly(major(3000), (4, 5, 6, 7, 8, 9, 10)),
            ),
            Income("p", "Pension", IncomeKind.PENSION, Schedule.monthly(major(500))),
        ),
        expenses=(
            Expense("f", "Food", ExpenseCategory.FOOD, Schedule.monthly(major(1500))),
            Expense(
                "c", "Coal", ExpenseCategory.HEATING, Schedule.monthly(major(1000), (1, 2, 11, 12))
            ),
        ),
        one_offs=(
            OneOffCost("t", "Toi", ExpenseCategory.CEREMONIES, major(6000), Month(2027, 10)),
        ),
        savings=(SavingsPlace("b", "Box", SavingsKind.CASH),),
        goals=(SavingsGoal("g", "Велосипед", major(900), "b"),),
        scenarios=(
            Scenario("k1", "Ремонт крыши", (OneOffExpense("Roof", major(1000), Month(2027, 7)),)),
            Scenario("k2", "Бузғола", ()),
            Scenario("k3", "Третий", ()),
            Scenario("k4", "Четвёртый", ()),
        ),
    )


def test_html_escapes_everything_the_family_typed() -> None:
    export = HandoutExport(family_plan(), dt.date(2026, 11, 28))
    page = handout_html(export.handout, "DejaVu Sans")
    assert "&lt;b&gt;Оилаи&lt;/b&gt; Қурбонзода &amp; Ҷӯраев" in page
    assert "<b>Оилаи</b>" not in page
    assert "<b>Ҷиҳози мактаб</b>" in page  # the goal name, escaped, inside our own bold cell


def test_pdf_has_the_household_name_literally_and_the_font_embedded(qtbot, tmp_path) -> None:
    target = tmp_path / "handout.pdf"
    pages = HandoutExport(family_plan(), dt.date(2026, 11, 28), months=12).write_pdf(target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert pages == 2  # summary, steps and chart; then the month-by-month table and the goals
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
    assert not list(tmp_path.glob(".handout*")) and not list(tmp_path.glob(".*.tmp"))


HAND_COMPUTED = {
    "ru": [
        "Составлен4декабря2026г.",
        "План на 12 месяцев: январь 2027 – декабрь 2027",
        # the first short month and that month's own shortfall
        "Деньгикончатсявянваре2027г.:вэтоммесяценехватит2000сомони.",
        "Найдитеэтиденьгикянварю2027г.",
        # the deepest month, said as a total
        "Большевсегонехватаетвмарте2027г.:кконцуэтогомесяцанехватит5000сомони",
        # good months: never more than their 2,000 surplus
        "В6месяцахдоходыбольшерасходов:откладывайтевкаждомизнихпо2000сомони",
        # the table: January short by 2,000, June 1,000 left, October out 7,500
        "январь2027500сомони2500сомони0сомонинехватает2000сомони",
        "июнь20273500сомони1500сомони0сомони1000сомони",
        "октябрь20273500сомони7500сомони",
        # a goal without a month: the fourth column says so
        "Велосипед900сомониНедостигнутаза12месяцев",
        "Срокневыбран",
        # the three chosen scenarios, not the fourth
        "Нашпланбезизмененийнехватает1000сомони",
        "Ремонткрышинехватает2000сомонина1000сомонименьше,чемвнашемплане",
    ],
    "tg": [
        "Таҳияшуд:4декабри2026",
        "Пулдармоҳиянвари2027тамоммешавад:даронмоҳ2000сомонӣнамерасад.",
        "Инпулротомоҳиянвари2027пайдокунед",
        "Дар6моҳдаромадазхароҷотзиёдтараст:дарҳарякионҳо2000сомонӣ",
        "Январ2027500сомонӣ2500сомонӣ0сомонӣ2000сомонӣнамерасад",
        "Мӯҳлатинтихобнашудааст",
        "Ремонткрыши2000сомонӣнамерасад1000сомонӣкамтаразнақшаимо",
    ],
}


@pytest.mark.parametrize("lang", ["ru", "tg"])
def test_pdf_text_is_the_hand_computed_plan_in_words(qtbot, tmp_path, lang: str) -> None:
    i18n.set_language(lang)
    plan = seasons_plan()
    target = tmp_path / f"{lang}.pdf"
    HandoutExport(plan, dt.date(2026, 12, 4), scenarios=plan.scenarios, months=12).write_pdf(target)
    text = pdf_squeezed(target.read_bytes())
    for expected in HAND_COMPUTED[lang]:
        assert squeeze(expected) in text, expected
    # the fourth kept scenario is not printed (at most three)
    assert "Четвёртый" not in text
    # no negative amount shown as money, no double stop after a Russian date
    assert not NEGATIVE_AMOUNT.search(text), NEGATIVE_AMOUNT.findall(text)
    assert "г.." not in text
    assert "\ufffd" not in text


def test_the_dialog_defaults_to_documents_and_offers_three_kept_scenarios(
    qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import QStandardPaths

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda location: str(documents))
    )
    dialog = handout_export.HandoutDialog(seasons_plan("Оилаи Раҳимов/Кӯлоб"), made_on=DAY)
    qtbot.addWidget(dialog)
    assert dialog.folder_edit.text() == str(documents)
    assert dialog.name_edit.text() == "Оилаи Раҳимов_Кӯлоб - budget plan 2026-12-04.pdf"
    checks = dialog.scenario_checks
    assert [c.text() for c in checks] == ["Ремонт крыши", "Бузғола", "Третий", "Четвёртый"]
    assert [c.isChecked() for c in checks] == [True, True, True, False]
    assert not checks[3].isEnabled()  # three are ticked: the fourth cannot be
    checks[1].setChecked(False)
    assert checks[3].isEnabled()
    checks[3].setChecked(True)
    assert [s.name for s in dialog.chosen_scenarios()] == ["Ремонт крыши", "Третий", "Четвёртый"]
    assert dialog.file_path() == documents / "Оилаи Раҳимов_Кӯлоб - budget plan 2026-12-04.pdf"
    # a bad name is refused with a message, the dialog stays open
    dialog.name_edit.setText("a/b.pdf")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == "A file name cannot contain / or \\."
    dialog.name_edit.setText("")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "Type a file name."
    dialog.name_edit.setText("plan")
    assert dialog.file_path() == documents / "plan.pdf"


def test_no_documents_folder_falls_back_to_home(monkeypatch, tmp_path) -> None:
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda location: ""))
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path))
    assert handout_export.documents_folder() == tmp_path


DAY = dt.date(2026, 12, 4)


class Session:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.errors: list[str] = []

    def show_error(self, message: str) -> None:
        self.errors.append(message)


def test_export_with_dialog_writes_confirms_and_opens_the_folder(
    qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "handouts"
    folder.mkdir()

    def accept(dialog) -> int:
        dialog.folder_edit.setText(str(folder))
        dialog.scenario_checks[0].setChecked(False)  # the trainer keeps two of three
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", accept)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    session = Session(seasons_plan())
    path = handout_export.export_pdf_with_dialog(session)
    assert path is not None and path.parent == folder and path.name.endswith(".pdf")
    text = pdf_squeezed(path.read_bytes())
    assert "Бузғола" in text and "Третий" in text and "Ремонткрыши" not in text
    box = handout_export._confirmation  # the box the export opened (not any other one)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert path.name in box.text() and str(folder) in box.text()
    box.open_button.click()
    assert opened == [str(folder)]
    assert box.isVisible()  # opening the folder keeps the confirmation up
    box.close()
    assert session.errors == []


def test_export_that_cannot_be_written_says_why(qtbot, tmp_path, monkeypatch) -> None:
    gone = tmp_path / "gone"

    def accept(dialog) -> int:
        dialog.folder_edit.setText(str(gone))  # it was there when chosen; removed since
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", accept)
    session = Session(seasons_plan())
    assert handout_export.export_pdf_with_dialog(session) is None
    assert session.errors == ["The handout could not be saved: the folder does not exist"]
    assert not gone.exists()
    # cancelled: nothing happens
    monkeypatch.setattr(
        handout_export.HandoutDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected
    )
    assert handout_export.export_pdf_with_dialog(session) is None
    assert len(session.errors) == 1


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
def test_handout_with_six_goals_fits_three_pages(qtbot, tmp_path, name: str) -> None:
    plan = family_plan(name.strip())
    goals = tuple(SavingsGoal(f"g{i}", f"Goal {i}", major(500 * i), "s1") for i in range(1, 7))
    plan = plan.replace(goals=goals)
    pages = HandoutExport(plan, months=12).write_pdf(Path(tmp_path) / "h.pdf")
    assert 2 <= pages <= 3


def test_the_handout_uses_the_one_default_horizon_of_the_app(qtbot, tmp_path, monkeypatch) -> None:
    from budget_tutor.horizon import save_horizon
    from budget_tutor.storage import Store

    store = Store.open(tmp_path / "data")
    save_horizon(store, 24)  # the trainer chose "Look ahead: 24 months"

    class StoreSession(Session):
        def __init__(self, plan: Plan) -> None:
            super().__init__(plan)
            self.store = store

    def accept(dialog) -> int:
        dialog.folder_edit.setText(str(tmp_path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", accept)
    try:
        path = handout_export.export_pdf_with_dialog(StoreSession(seasons_plan()))
    finally:
        store.close()
    assert path is not None
    text = pdf_squeezed(path.read_bytes())
    # 24 rows from January 2027: December 2028 is the last; the subtitle says so
    assert "Planfor24months:January2027–December2028" in text
    assert "December2028" in text.split("Monthbymonth", 1)[1]


@pytest.mark.parametrize("lang", ["tg", "ru"])
def test_the_dialog_and_the_confirmation_speak_the_language(qtbot, tmp_path, lang: str) -> None:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit

    from tests.i18n.ui_tour import english_words

    i18n.set_language(lang)
    for plan in (seasons_plan(), seasons_plan().replace(scenarios=())):
        dialog = handout_export.HandoutDialog(plan, folder=tmp_path, made_on=DAY)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [dialog.windowTitle()]
        for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
            if widget.isVisible() and widget not in dialog.scenario_checks:  # names: the family's
                texts.append(widget.text())
        texts += [box.title() for box in dialog.findChildren(QGroupBox)]
        texts += [edit.text() for edit in dialog.findChildren(QLineEdit)]
        assert not english_words(" ".join(texts).replace(".pdf", "")), texts
    box = handout_export.saved_message_box(tmp_path / "a.pdf")
    qtbot.addWidget(box)
    texts = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
    assert not english_words(" ".join(texts).replace("a.pdf", "")), texts


def test_printing_from_the_app_prints_the_first_three_kept_scenarios(
    qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def accept(dialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert handout_export.print_with_dialog(Session(seasons_plan()))
    text = pdf_squeezed(out.read_bytes())
    assert "Ремонткрыши" in text and "Третий" in text and "Четвёртый" not in text
