"""The workshop, as an NGO trainer runs it (issue 10, "Done when"), in Tajik, on a 1024×768 window.

A family of six in Kulob is created by typing (in Tajik, and again in Russian) into the real dialogs: money from abroad 20,000
roubles a month April–November (entered through module 0's planner task), a pension, food (through
module 2's planner task, which updates the food line the family typed instead of adding a second
one), winter coal, school in September, a toi next October and a savings goal. Then module 0 and
module 2 are done step by step, What if? is opened with five presets, and the handout is exported.
The stored plan, the comparison rows and the handout's PDF text are checked against the numbers
computed by hand below (never by the code under test).

The plan, in somoni, from January 2027; the family's own rate 0.12 somoni a rouble, no fee and no
margin, so 20,000 roubles are exactly 2,400 somoni:

month     in      out      net    savings (box, 300 a month when the purse has it)   purse
Jan      650    2,100   -1,450      0                                               -1,450
Feb      650    2,100   -1,450      0                                               -2,900
Mar      650    2,100   -1,450      0                                               -4,350
Apr    3,050    1,500   +1,550      0                                               -2,800
May    3,050    1,500   +1,550      0                                               -1,250
Jun    3,050    1,500   +1,550    300  (300 left: all of it)                             0
Jul    3,050    1,500   +1,550    600                                                1,250
Aug    3,050    1,500   +1,550    900                                                2,500
Sep    3,050    2,700     +350  1,200  (school 1,200)                                2,550
Oct    3,050   21,500  -18,450      0  (toi 20,000; the box's 1,200 taken back)    -14,700
Nov    3,050    2,100     +950      0                                              -13,750
Dec      650    2,100   -1,450      0                                              -15,200

in: pension 650 + 2,400 from abroad April–November; out: food 1,500 + coal 600 November–March.
Income 27,000; spending 42,200; put into savings 1,200; taken back 1,200.
Next steps (docs/handout.md): the money runs out in January 2027, short by 1,450; the gap is
deepest in December 2027, 15,200 in all; good months April–September and November (7): the bad
months need 1,450 × 4 + 18,450 = 24,250, 3,464.29 a good month, but September has only 350 left:
put aside 350; the phone (1,500 by August 2027) is not reached: 1,500 / 8 months = 187.50, 190.

What if? (five presets, next month = January 2027); savings + purse at the end, plan: -15,200:
- the rouble falls 30%: 1,680 instead of 2,400 in 8 months, 5,760 less: -20,960;
- the migrant comes home in September 2027: 3 × 2,400 less: -22,400;
- a wedding in October 2027 for 40,000: -55,200;
- save 10% of each remittance: money only moves into savings: -15,200, the same;
- buy a cow (9,000 in January; feed 300 × 5 winter months + 50 × 7; milk from February
  250 × 4 + 500 × 7): -9,000 - 1,850 + 4,500 = 6,350 less: -21,550 (and a cow worth 7,000);
- the same 9,000 on deposit at 12%: 90 a month from February, 11 × 90 = 990: 8,010 less:
  -23,210 (and 9,000 on the deposit).
Kept for the handout, from the sliders: 20% less from abroad, 1,920 instead of 2,400 in 8 months,
3,840 less: short by 19,040 at the end.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from budget_tutor import i18n
from budget_tutor.lessons.model import (
    AssessmentStep,
    CalculationStep,
    PlannerTaskStep,
    QuizStep,
    SortStep,
)
from budget_tutor.model import (
    ALL_MONTHS,
    ExpenseCategory,
    IncomeKind,
    Month,
    SavingsKind,
)
from budget_tutor.money import Currency, major
from budget_tutor.ui.app import run_app
from budget_tutor.ui.lesson_steps.sort_widget import CARD_ROLE
from tests.pdftext import NEGATIVE_AMOUNT, pdf_squeezed, squeeze

APR_NOV = (4, 5, 6, 7, 8, 9, 10, 11)

#: What the family types, in its language.
TYPED = {
    "tg": {
        "household": "Оилаи Раҳимовҳо",
        "region": "Кӯлоб",
        "pension": "Нафақаи модар",
        "food": "Хӯрок",
        "coal": "Ангишт",
        "school": "Мактаб",
        "toi": "Тӯйи писар",
        "box": "Қуттӣ",
        "goal": "Телефон",
        "kept": "Кори камтар",
    },
    "ru": {
        "household": "Семья Рахимовых",
        "region": "Куляб",
        "pension": "Пенсия мамы",
        "food": "Еда",
        "coal": "Уголь",
        "school": "Школа",
        "toi": "Той сына",
        "box": "Копилка",
        "goal": "Телефон",
        "kept": "Меньше работы",
    },
}

#: The handout's text in each language, with the numbers computed by hand above.
HANDOUT = {
    "tg": (
        "Оилаи Раҳимовҳо",
        "Нақша барои 12 моҳ: Январ 2027 – Декабр 2027",
        "Даромад дар 12 моҳ: 27 000 сомонӣ",
        "Ба пасандоз гузошта шуд: 1 200 сомонӣ",
        "Пул дар моҳи январи 2027 тамом мешавад: дар он моҳ 1 450 сомонӣ намерасад.",
        "Камбуди калонтарин дар моҳи декабри 2027 аст: то охири он моҳ ҳамагӣ 15 200 сомонӣ",
        "Дар 7 моҳ даромад аз хароҷот зиёдтар аст: дар ҳар яки онҳо 350 сомонӣ",
        "Барои он ки «Телефон» то моҳи августи 2027 дошта бошед, ҳар моҳ 190 сомонӣ",
        "Январ 2027 650 сомонӣ 2 100 сомонӣ 0 сомонӣ 1 450 сомонӣ намерасад",
        "Июл 2027 3 050 сомонӣ 1 500 сомонӣ 600 сомонӣ 1 250 сомонӣ",
        "Октябр 2027 3 050 сомонӣ 21 500 сомонӣ 0 сомонӣ 14 700 сомонӣ намерасад",
        "Декабр 2027 650 сомонӣ 2 100 сомонӣ 0 сомонӣ 15 200 сомонӣ намерасад",
        "Телефон 1 500 сомонӣ Дар 12 моҳ ба даст намеояд Август 2027 — дер",
        # What if…?: the plan and the kept scenario, ticked by default in the save dialog
        "Нақшаи мо, чунон ки ҳаст 15 200 сомонӣ намерасад — Январ 2027",
        "Кори камтар 19 040 сомонӣ намерасад 3 840 сомонӣ камтар аз нақшаи мо Январ 2027",
    ),
    "ru": (
        "Семья Рахимовых",
        "План на 12 месяцев: январь 2027 – декабрь 2027",
        "Доходы за 12 месяцев: 27 000 сомони",
        "Отложено в сбережения: 1 200 сомони",
        "Деньги кончатся в январе 2027 г.: в этом месяце не хватит 1 450 сомони.",
        "Больше всего не хватает в декабре 2027 г.: к концу этого месяца не хватит 15 200 сомони",
        "В 7 месяцах доходы больше расходов: откладывайте в каждом из них по 350 сомони",
        "Чтобы накопить на «Телефон» к августу 2027 г., откладывайте каждый месяц 190 сомони.",
        "январь 2027 650 сомони 2 100 сомони 0 сомони не хватает 1 450 сомони",
        "июль 2027 3 050 сомони 1 500 сомони 600 сомони 1 250 сомони",
        "октябрь 2027 3 050 сомони 21 500 сомони 0 сомони не хватает 14 700 сомони",
        "декабрь 2027 650 сомони 2 100 сомони 0 сомони не хватает 15 200 сомони",
        "Телефон 1 500 сомони Не достигнута за 12 месяцев август 2027 — с опозданием",
        "Наш план без изменений не хватает 15 200 сомони — январь 2027",
        "Меньше работы не хватает 19 040 сомони на 3 840 сомони меньше, чем в нашем плане "
        "январь 2027",
    ),
}
FILE_NAME = {"tg": "Оилаи Раҳимовҳо - нақшаи буҷа ", "ru": "Семья Рахимовых - план бюджета "}
WINTER = (1, 2, 3, 11, 12)


def type_text(widget, text: str) -> None:
    """Type any text, Cyrillic too, as key events (QTest.keyClicks only knows Latin-1)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def retype(qtbot, line_edit, text: str) -> None:
    """Select what a field holds, type ``text`` over it and press Enter (commits it)."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    type_text(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def fill(qtbot, line_edit, text: str) -> None:
    """Type ``text`` over a dialog's field and leave it with Tab (Enter would press OK)."""
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    type_text(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Tab)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_option(qtbot, button) -> None:
    """Click a radio button or tick box on its indicator."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def set_months(qtbot, calendar, months: tuple[int, ...]) -> None:
    """Click the calendar's month buttons until exactly ``months`` are on."""
    for m in ALL_MONTHS:
        button = calendar.buttons[m - 1]
        if button.isChecked() != (m in months):
            click(qtbot, button)
    assert calendar.months() == months


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a click on the item does


def ok(qtbot, dialog) -> None:
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible(), dialog.problem_label.text()


@pytest.fixture(params=["tg", "ru"])
def window(qtbot, tmp_path: Path, request):
    code = run_app(
        ["--data-dir", str(tmp_path / "appdata"), "--lang", request.param], exec_loop=False
    )
    assert code == 0
    w = run_app.last_window
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    QApplication.processEvents()  # what the closing window posted runs while the store is open
    run_app.last_error_handler.uninstall()
    w.session.store.close()


def do_lesson(qtbot, window, lesson_id: str, planner_task) -> None:
    """Open a lesson from its card and do every step the way a learner does, with the right
    answers of the lesson file; ``planner_task(dialog)`` fills the plan dialog the task opens."""
    from budget_tutor.ui.lesson_steps import (
        AssessmentWidget,
        CalculationWidget,
        PlannerTaskWidget,
        QuizWidget,
        SortWidget,
    )

    window.show_page("lessons")
    lessons = window.page("lessons")
    card = lessons.card(lesson_id)
    assert card is not None and card.open_button.isEnabled()
    click(qtbot, card.open_button)
    player = lessons.player
    lesson = player.lesson
    assert lesson is not None and lesson.id == lesson_id
    for index, step in enumerate(lesson.steps):
        widget = player.step_widget
        assert widget.step is step
        if isinstance(step, AssessmentStep):
            assert isinstance(widget, AssessmentWidget)
            for box in widget.option_boxes:
                click_option(qtbot, box.buttons[0])
            click(qtbot, widget.finish_button)
        elif isinstance(step, QuizStep):
            assert isinstance(widget, QuizWidget)
            for i, option in enumerate(step.options):
                if option.correct:
                    click_option(qtbot, widget.options_box.buttons[i])
            click(qtbot, widget.check_button)
            assert widget.result is not None and widget.result.correct
        elif isinstance(step, SortStep):
            assert isinstance(widget, SortWidget)
            groups = [g.id for g in step.groups]
            while widget.pool.count():
                widget.pool.setFocus()
                widget.pool.setCurrentRow(0)
                card_index = int(widget.pool.item(0).data(CARD_ROLE))
                number = groups.index(step.cards[card_index].group) + 1
                qtbot.keyClick(widget.pool, getattr(Qt.Key, f"Key_{number}"))
            click(qtbot, widget.check_button)
            assert widget.result is not None and widget.result.score == 1
        elif isinstance(step, CalculationStep):
            assert isinstance(widget, CalculationWidget)
            widget.answer_edit.setFocus()
            qtbot.keyClicks(widget.answer_edit, str(step.stated_answer))
            qtbot.keyClick(widget.answer_edit, Qt.Key.Key_Return)
            assert widget.result is not None and widget.result.correct
        elif isinstance(step, PlannerTaskStep):
            assert isinstance(widget, PlannerTaskWidget)
            click(qtbot, widget.open_button)
            assert window.current_page == "plan"
            planner_task(window.page("plan"))
            window.show_page("lessons")
            assert lessons.player.step_widget is widget
        if index + 1 < len(lesson.steps):
            click(qtbot, player.next_button)
    click(qtbot, player.next_button)  # Finish
    assert lessons.stack.currentWidget() is lessons.browser
    assert card.progress_bar.value() == 100


def stored(window):
    return window.session.store.load_plan(window.session.household_id)


def test_workshop_script(qtbot, window, tmp_path, monkeypatch) -> None:
    lang = i18n.current_language()
    typed = TYPED[lang]
    # the trainer unlocks the lessons (Ctrl+Shift+T) to choose modules 0 and 2
    if not window.session.trainer_mode:
        window.trainer_action.trigger()
    assert window.session.trainer_mode
    # -- a new household, typed ------------------------------------------------------------------
    hp = window.household_page
    click(qtbot, hp.new_button)
    type_text(hp.name_dialog.name_edit, typed["household"])
    click(qtbot, hp.name_dialog.ok_button)
    assert window.current_page == "plan"
    plan_page = window.page("plan")
    plan_page.show_section("household")
    household = plan_page.section("household")
    retype(qtbot, household.people_spin.lineEdit(), "6")
    household.region_edit.setFocus()
    type_text(household.region_edit, typed["region"])
    qtbot.keyClick(household.region_edit, Qt.Key.Key_Return)
    household.start_picker.month_combo.setCurrentIndex(0)  # January
    household.start_picker.year_spin.setValue(2027)
    retype(qtbot, household.cash_edit.line_edit, "0")
    plan_page.show_section("rates")
    retype(qtbot, plan_page.section("rates").rub_edit.line_edit, "0,12")
    h = stored(window).household
    assert (h.name, h.people, h.region, h.start_month, h.opening_cash) == (
        typed["household"],
        6,
        typed["region"],
        Month(2027, 1),
        0,
    )
    assert stored(window).rates.tjs_per_rub == Decimal("0.12")

    # -- module 0: its planner task enters the money from abroad -------------------------------
    def money_from_abroad(page) -> None:
        d = page.section("incomes").dialog
        assert d is not None and d.isVisible()
        # the task names kind, currency, months and amount: 2,300 somoni April-November
        assert d.kind_combo.currentData() == IncomeKind.REMITTANCE
        assert d.currency_combo.currentData() == Currency.TJS
        assert d.calendar.months() == APR_NOV
        assert d.amount_edit.value() == major(2300)
        # "change the amount to what your family really receives": 20,000 roubles, no fees
        choose(d.currency_combo, Currency.RUB)
        fill(qtbot, d.amount_edit.line_edit, "20 000")
        fill(qtbot, d.fee_percent_edit.line_edit, "0")
        fill(qtbot, d.margin_edit.line_edit, "0")
        ok(qtbot, d)

    do_lesson(qtbot, window, "m00-welcome", money_from_abroad)

    # -- the rest of the plan, typed -----------------------------------------------------------
    window.show_page("plan")
    incomes = plan_page.section("incomes")
    plan_page.show_section("incomes")
    click(qtbot, incomes.add_button)
    d = incomes.dialog
    choose(d.kind_combo, IncomeKind.PENSION)
    assert d.currency_combo.currentData() == Currency.TJS  # a pension is paid in somoni
    fill(qtbot, d.name_edit, typed["pension"])
    fill(qtbot, d.amount_edit.line_edit, "650")
    ok(qtbot, d)

    plan_page.show_section("expenses")
    expenses = plan_page.section("expenses")
    for category, name, amount, months in (
        (ExpenseCategory.FOOD, typed["food"], "1 500", ALL_MONTHS),
        (ExpenseCategory.HEATING, typed["coal"], "600", WINTER),
        (ExpenseCategory.EDUCATION, typed["school"], "1 200", (9,)),
    ):
        click(qtbot, expenses.add_button)
        d = expenses.dialog
        choose(d.category_combo, category)
        if category is ExpenseCategory.HEATING:
            assert d.calendar.months() == WINTER  # winter heating: November to March
        if category is ExpenseCategory.EDUCATION:
            assert d.calendar.months() == (8, 9)  # school: August and September
        set_months(qtbot, d.calendar, months)
        fill(qtbot, d.name_edit, name)
        fill(qtbot, d.amount_edit.line_edit, amount)
        ok(qtbot, d)

    plan_page.show_section("one_offs")
    one_offs = plan_page.section("one_offs")
    click(qtbot, one_offs.add_button)
    d = one_offs.dialog
    choose(d.category_combo, ExpenseCategory.CEREMONIES)
    fill(qtbot, d.name_edit, typed["toi"])
    fill(qtbot, d.amount_edit.line_edit, "20 000")
    d.month_picker.month_combo.setCurrentIndex(9)  # October
    d.month_picker.year_spin.setValue(2027)
    ok(qtbot, d)

    plan_page.show_section("savings")
    savings = plan_page.section("savings")
    click(qtbot, savings.places.add_button)
    d = savings.places.dialog
    choose(d.kind_combo, SavingsKind.CASH)
    fill(qtbot, d.name_edit, typed["box"])
    fill(qtbot, d.contribution_edit.line_edit, "300")
    ok(qtbot, d)
    click(qtbot, savings.goals.add_button)
    d = savings.goals.dialog
    fill(qtbot, d.name_edit, typed["goal"])
    fill(qtbot, d.target_edit.line_edit, "1 500")
    click_option(qtbot, d.has_target_month)
    d.month_picker.month_combo.setCurrentIndex(7)  # August
    d.month_picker.year_spin.setValue(2027)
    ok(qtbot, d)

    # -- module 2: its planner task updates the food line instead of adding a second one -------
    def food(page) -> None:
        d = page.section("expenses").dialog
        assert d is not None and d.isVisible()
        assert d.category_combo.currentData() == ExpenseCategory.FOOD
        assert d.amount_edit.value() == major(1120)  # the lesson's figure…
        assert d.name_edit.text() == typed["food"]  # …on the family's own line
        assert d.new_line_button.isVisible()
        fill(qtbot, d.amount_edit.line_edit, "1 500")  # what the family really spends
        ok(qtbot, d)

    do_lesson(qtbot, window, "m02-needs-and-wants", food)

    # -- the stored plan -----------------------------------------------------------------------
    plan = stored(window)
    (abroad, pension) = plan.incomes
    assert (abroad.kind, abroad.currency, abroad.schedule.amount) == (
        IncomeKind.REMITTANCE,
        Currency.RUB,
        major(20000),
    )
    assert abroad.schedule.active_months() == APR_NOV
    assert (abroad.fee_percent, abroad.fee_fixed, abroad.rate_margin_percent) == (0, 0, 0)
    assert (pension.kind, pension.currency, pension.schedule.amount) == (
        IncomeKind.PENSION,
        Currency.TJS,
        major(650),
    )
    assert pension.schedule.active_months() == ALL_MONTHS
    assert [
        (e.name, e.category, e.schedule.amount, e.schedule.active_months()) for e in plan.expenses
    ] == [
        (typed["food"], ExpenseCategory.FOOD, major(1500), ALL_MONTHS),
        (typed["coal"], ExpenseCategory.HEATING, major(600), WINTER),
        (typed["school"], ExpenseCategory.EDUCATION, major(1200), (9,)),
    ]
    (toi,) = plan.one_offs
    assert (toi.category, toi.amount, toi.month) == (
        ExpenseCategory.CEREMONIES,
        major(20000),
        Month(2027, 10),
    )
    (box,) = plan.savings
    assert (box.kind, box.contribution.amount, box.contribution.active_months()) == (
        SavingsKind.CASH,
        major(300),
        ALL_MONTHS,
    )
    (goal,) = plan.goals
    assert (goal.name, goal.target, goal.place_id, goal.target_month) == (
        typed["goal"],
        major(1500),
        box.id,
        Month(2027, 8),
    )
    progress = window.session.store.progress(window.session.household_id)
    for lesson_id in ("m00-welcome", "m02-needs-and-wants"):
        assert progress[lesson_id] and all(r.done for r in progress[lesson_id].values())

    # -- What if? with five presets --------------------------------------------------------------
    window.show_page("whatif")
    whatif = window.page("whatif")
    whatif.today = Month(2026, 12)  # the workshop is in December 2026: "next month" is January
    for preset_id in ("rouble-falls", "migrant-home", "wedding", "save-tenth", "cow-or-deposit"):
        click(qtbot, whatif.presets.buttons[preset_id])
    qtbot.waitUntil(lambda: len(whatif.rows) == 7)
    rows = {row.scenario_id: row for row in whatif.rows}
    assert [(r.money_at_end, r.difference) for r in whatif.rows[:1]] == [(major(-15200), 0)]
    expected = {
        "preset-rouble-falls": (-20960, -5760),
        "preset-migrant-home": (-22400, -7200),
        "preset-wedding": (-55200, -40000),
        "preset-save-tenth": (-15200, 0),
        "preset-buy-cow": (-21550, -6350),
        "preset-deposit": (-23210, -8010),
    }
    assert {
        sid: (row.money_at_end // 100, row.difference // 100)
        for sid, row in rows.items()
        if sid is not None
    } == expected
    assert rows["preset-buy-cow"].owned_at_end == major(7000)
    assert rows["preset-deposit"].owned_at_end == major(9000)
    assert all(r.first_short_month == Month(2027, 1) for r in whatif.rows)
    assert whatif.table.rowCount() == 7

    # the trainer keeps one scenario of her own for the handout: 20% less from abroad
    slider = whatif.sliders.remittance_slider
    slider.setFocus()
    for _press in range(4):
        qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert slider.value() == -20
    type_text(whatif.sliders.name_edit, typed["kept"])
    click(qtbot, whatif.sliders.save_button)
    (kept,) = stored(window).scenarios
    assert kept.name == typed["kept"]

    # -- the handout -------------------------------------------------------------------------------
    from budget_tutor.ui import handout_export

    folder = tmp_path / "handouts"
    folder.mkdir()

    def accept(dialog) -> int:
        dialog.folder_edit.setText(str(folder))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_export.HandoutDialog, "exec", accept)
    window.handout_action.trigger()
    (pdf,) = folder.glob("*.pdf")
    assert pdf.name.startswith(FILE_NAME[lang])
    text = pdf_squeezed(pdf.read_bytes())
    for expected_text in HANDOUT[lang]:
        assert squeeze(expected_text) in text, expected_text
    assert not NEGATIVE_AMOUNT.search(text), NEGATIVE_AMOUNT.findall(text)
    assert "\ufffd" not in text
