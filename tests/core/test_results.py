"""Results for the donor: the file format, merging two laptops' files, refusing bad files with
nothing written, and the group report's shares (expected values worked out by hand)."""

from __future__ import annotations

import dataclasses

import pytest

from budget_tutor import i18n, results
from budget_tutor.cli import run_captured
from budget_tutor.results import (
    COLUMNS,
    ResultRow,
    ResultsFileError,
    Share,
    group_report,
    merge_files,
    participant_hash,
    read_results_file,
    write_results_file,
)

LAPTOP_1, LAPTOP_2 = "0123456789abcdef", "fedcba9876543210"


def row(participant, item, phase="pre", correct=1, answer="0", laptop=LAPTOP_1,
        moment="2026-11-02T09:00:00Z", objective=None, workshop="kulob-2026-11"):  # fmt: skip
    return ResultRow(
        schema=results.SCHEMA, laptop=laptop, workshop=workshop,
        workshop_name="Kulob, November", region="Khatlon", place="Kulob",
        start_date="2026-11-02", end_date="2026-11-05", participant=participant, phase=phase,
        form="A" if phase == "pre" else "B", item=item, objective=objective or f"o-{item}",
        answer=answer, correct=correct, answered_on=moment,
    )  # fmt: skip


P1, P2, P3 = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"


def test_participant_codes_are_hashed_with_the_laptops_salt():
    one = participant_hash("KL-017", "salt-of-laptop-1")
    assert len(one) == 16 and all(c in "0123456789abcdef" for c in one)
    assert participant_hash("  kl-017 ", "salt-of-laptop-1") == one  # spaces and case ignored
    assert participant_hash("KL-017", "salt-of-laptop-2") != one
    assert participant_hash("KL-018", "salt-of-laptop-1") != one
    assert "KL" not in one and "017" not in one


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip(tmp_path, suffix):
    rows = [row(P1, "i1"), row(P1, "i2", correct=0, answer="2"), row(P2, "i1", phase="post")]
    path = tmp_path / f"laptop{suffix}"
    write_results_file(path, rows)
    assert read_results_file(path) == rows


def test_csv_header_is_the_documented_schema(tmp_path):
    path = tmp_path / "r.csv"
    write_results_file(path, [row(P1, "i1")])
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == ",".join(COLUMNS)
    assert first.startswith("schema,laptop,workshop,workshop_name,region,place,start_date")


def test_two_laptops_merge_into_the_expected_rows(tmp_path):
    laptop_1 = [row(P1, "i1"), row(P1, "i2", correct=0, answer="1"), row(P2, "i1")]
    # Laptop 2 was given a copy of P1's i1 answer (same answer: a duplicate), answered P1's i2
    # differently later (a conflict: the later answer is kept) and has P3.
    laptop_2 = [
        row(P1, "i1", laptop=LAPTOP_2),
        row(P1, "i2", correct=1, answer="0", laptop=LAPTOP_2, moment="2026-11-02T10:00:00Z"),
        row(P3, "i1", correct=0, answer="2", laptop=LAPTOP_2),
    ]
    write_results_file(tmp_path / "l1.csv", laptop_1)
    write_results_file(tmp_path / "l2.xlsx", laptop_2)
    merged = merge_files([tmp_path / "l1.csv", tmp_path / "l2.xlsx"], tmp_path / "all.csv")
    assert merged.files == 2 and merged.duplicates == 1 and len(merged.conflicts) == 1
    assert merged.conflicts[0].kept.answer == "0" and merged.conflicts[0].dropped.answer == "1"
    got = {(r.participant, r.item, r.correct) for r in read_results_file(tmp_path / "all.csv")}
    assert got == {(P1, "i1", 1), (P1, "i2", 1), (P2, "i1", 1), (P3, "i1", 0)}


@pytest.mark.parametrize(
    ("column", "bad", "field_named"),
    [
        ("participant", "Nilufar Rahimova", "participant"),  # a name where the hash belongs
        ("correct", "yes", "correct"),
        ("start_date", "02.11.2026", "start_date"),
        ("phase", "middle", "phase"),
        ("schema", "budget-tutor-results/9", "schema"),
    ],
)
def test_a_damaged_file_is_refused_with_the_field_named_and_nothing_written(
    tmp_path, column, bad, field_named
):
    good = tmp_path / "good.csv"
    write_results_file(good, [row(P1, "i1")])
    damaged = tmp_path / "damaged.csv"
    write_results_file(
        damaged, [row(P2, "i1"), dataclasses.replace(row(P3, "i1"), **{column: bad})]
    )
    out = tmp_path / "all.csv"
    out.write_text("the old merged file\n", encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        merge_files([good, damaged], out)
    assert caught.value.values["field"] == field_named
    assert caught.value.values["row"] == 3 and caught.value.values["file"] == "damaged.csv"
    assert out.read_text(encoding="utf-8") == "the old merged file\n"


def test_a_foreign_file_is_refused(tmp_path):
    foreign = tmp_path / "budget.csv"
    foreign.write_text("month,income,spending\n2027-01,100,90\n", encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        read_results_file(foreign)
    assert "not a Budget Tutor results file" in caught.value.message()
    broken_xlsx = tmp_path / "broken.xlsx"
    broken_xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ResultsFileError):
        read_results_file(broken_xlsx)
    import io
    import zipfile

    i18n.set_language("ru")
    fake = io.BytesIO()
    with zipfile.ZipFile(fake, "w") as z:  # a real zip, but no workbook inside
        z.writestr("hello.txt", "x")
    (tmp_path / "zip.xlsx").write_bytes(fake.getvalue())
    with pytest.raises(ResultsFileError) as caught:
        read_results_file(tmp_path / "zip.xlsx")
    assert (
        caught.value.message()
        == "zip.xlsx: не удаётся прочитать (это не книга Excel, которую можно прочитать)"
    )


def test_message_is_translated():
    i18n.set_language("ru")
    error = ResultsFileError(results._MSG_FIELD, file="a.csv", row=3, field="correct",
                             reason=results._field_problem("correct", "yes"))  # fmt: skip
    assert error.message().startswith("a.csv")
    assert "row" not in error.message() and "must" not in error.message()


def test_shares_round_half_up():
    assert Share(1, 8).percent == 13  # 12.5 %
    assert Share(3, 8).percent == 38  # 37.5 %
    assert Share(2, 3).percent == 67
    assert Share(0, 0).percent is None


def test_group_report_by_hand():
    rows = []
    # item i1 (objective o1): pre 1 of 4 right, post 3 of 4 right -> 25 %, 75 %, gain 50
    for k, participant in enumerate([P1, P2, P3, "dddddddddddddddd"]):
        rows.append(row(participant, "i1", "pre", correct=int(k == 0), objective="o1"))
        rows.append(row(participant, "i1", "post", correct=int(k < 3), objective="o1"))
    # item i2 (objective o1 too): pre 2 of 4, post 2 of 4 -> 50 %, 50 %, gain 0, difficult
    for k, participant in enumerate([P1, P2, P3, "dddddddddddddddd"]):
        rows.append(row(participant, "i2", "pre", correct=int(k < 2), objective="o1"))
        rows.append(row(participant, "i2", "post", correct=int(k in (0, 3)), objective="o1"))
    report = group_report(rows)
    assert report.participants == 4
    by_item = {line.key: line for line in report.items}
    assert (by_item["i1"].pre.percent, by_item["i1"].post.percent, by_item["i1"].gain) == (
        25,
        75,
        50,
    )
    assert (by_item["i2"].pre.percent, by_item["i2"].post.percent, by_item["i2"].gain) == (
        50,
        50,
        0,
    )
    (objective,) = report.objectives
    # o1: pre 3 of 8 (37.5 -> 38 %), post 5 of 8 (62.5 -> 63 %)
    assert (objective.key, objective.pre.percent, objective.post.percent) == ("o1", 38, 63)
    assert report.difficult == ("i2",)


def test_cli_merge(tmp_path):
    write_results_file(tmp_path / "l1.csv", [row(P1, "i1")])
    write_results_file(tmp_path / "l2.csv", [row(P2, "i1", laptop=LAPTOP_2)])
    code, out, err = run_captured(["results", "merge", str(tmp_path / "l1.csv"),
                                   str(tmp_path / "l2.csv"), "--out", str(tmp_path / "all.xlsx")])  # fmt: skip
    assert code == 0, err
    assert "2 answers from 2 files" in out
    assert len(read_results_file(tmp_path / "all.xlsx")) == 2
    (tmp_path / "bad.csv").write_text("nonsense\n", encoding="utf-8")
    code, _out, err = run_captured(["results", "merge", str(tmp_path / "l1.csv"),
                                   str(tmp_path / "bad.csv"), "--out", str(tmp_path / "new.csv"),
                                   "--lang", "tg"])  # fmt: skip
    assert code == 2 and not (tmp_path / "new.csv").exists()
    assert "bad.csv" in err
