"""Splitting a long lesson text into screens of about 60 words (issue 12.5)."""

from __future__ import annotations

from budget_tutor.text_pages import count_words, sentences, split_pages


def test_words_are_counted_as_a_reader_sees_them() -> None:
    assert count_words("Dilnoza saved **5,000 somoni**.") == 5
    assert count_words("Дилноза **5 000 сомонӣ** ҷамъ кард — хуб!") == 7
    assert count_words("") == 0


def test_sentences_break_before_a_capital_not_after_an_abbreviation() -> None:
    assert sentences('He says: "Buy sheep." Sheep grow. Really? Yes… 500 a month.') == [
        'He says: "Buy sheep."',
        "Sheep grow.",
        "Really?",
        "Yes…",
        "500 a month.",
    ]
    assert sentences("До марта 2027 г. в семье всё хорошо. Потом нет.") == [
        "До марта 2027 г. в семье всё хорошо.",
        "Потом нет.",
    ]
    assert sentences("Оила «Ҳасанов» пул дорад. «Не», — гуфт ӯ.") == [
        "Оила «Ҳасанов» пул дорад.",
        "«Не», — гуфт ӯ.",
    ]


def test_a_short_text_is_one_page_and_unchanged() -> None:
    text = "One.\n\nTwo."
    assert split_pages(text, 60) == [text]
    assert split_pages("", 60) == [""]


def test_pages_break_between_paragraphs_first() -> None:
    a = " ".join(["word"] * 30) + "."
    b = " ".join(["more"] * 30) + "."
    c = " ".join(["last"] * 10) + "."
    pages = split_pages(f"{a}\n\n{b}\n\n{c}", 45)
    assert pages == [a, f"{b}\n\n{c}"]


def test_a_long_paragraph_breaks_between_sentences_and_no_word_is_lost() -> None:
    sentence = "Every month the family puts some money aside for winter."  # 10 words
    paragraph = " ".join([sentence] * 13)  # 130 words
    pages = split_pages(paragraph, 60)
    assert [count_words(p) for p in pages] == [60, 60, 10]
    assert all(p.endswith("winter.") for p in pages)
    assert " ".join(pages) == paragraph


def test_bold_is_never_cut_between_pages() -> None:
    words = " ".join(["x"] * 50)
    text = f"{words}. **A bold start. And its end.** Then more text here."
    pages = split_pages(text, 54)
    assert all(p.count("**") % 2 == 0 for p in pages)
    assert pages[0] == f"{words}."


def test_a_sentence_longer_than_a_page_stays_whole() -> None:
    long = "W " + " ".join(["w"] * 79) + "."
    pages = split_pages(f"Short one. {long} End.", 60)
    assert long in pages
    assert " ".join(pages) == f"Short one. {long} End."
