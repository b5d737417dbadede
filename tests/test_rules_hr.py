"""Tests for offerkit.rules.hr: doubts checklist, opening and reply drafts, decision deadline."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError, UnknownCurrencyError
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.honesty import check_tone
from offerkit.rules.hr import (
    MAX_DECISION_DAYS,
    OPENING_KINDS,
    REPLY_KINDS,
    DecisionDeadline,
    DoubtItem,
    checklist_text,
    decision_deadline,
    doubts_checklist,
    draft_opening,
    draft_reply,
)

OPENING = {
    "name": "Li Wei",
    "role": "backend engineer",
    "range_low": 342_000,
    "range_high": 360_000,
    "currency": "CNY",
    "company": "Acme",
}
REPLY: dict[str, Any] = {"name": "Li Wei", "company": "Acme", "role": "backend engineer"}


@pytest.fixture
def fresh_catalogues() -> Iterator[None]:
    load_catalogue.cache_clear()
    yield
    load_catalogue.cache_clear()


# ---------------------------------------------------------------- doubts checklist


def test_checklist_has_about_ten_items_with_unique_ids() -> None:
    items = doubts_checklist()
    ids = [item.id for item in items]
    assert 10 <= len(items) <= 14
    assert len(ids) == len(set(ids))


def test_checklist_covers_the_pay_structure_questions() -> None:
    ids = {item.id for item in doubts_checklist()}
    expected = {
        "months-per-year",
        "pre-post-tax",
        "year-end-bonus",
        "probation",
        "social-insurance-base",
        "allowances",
        "benefits",
        "overtime",
        "start-date",
        "equity-vesting",
        "remote-policy",
    }
    assert expected <= ids


def test_checklist_marks_equity_as_beyond_the_lesson() -> None:
    by_id = {item.id: item for item in doubts_checklist()}
    assert "beyond" == by_id["equity-vesting"].source
    assert "lesson" == by_id["months-per-year"].source


def test_checklist_items_are_frozen() -> None:
    item = doubts_checklist()[0]
    with pytest.raises(AttributeError):
        item.topic = "changed"  # type: ignore[misc]


def test_checklist_text_is_a_markdown_checklist_of_every_item() -> None:
    text = checklist_text()
    items = doubts_checklist()
    assert len(items) == text.count("- [ ] ")
    for item in items:
        assert item.question in text
        assert item.why in text


def test_checklist_text_of_chosen_items_marks_beyond() -> None:
    chosen = (
        DoubtItem("a", "Months of pay", "How many months?", "It multiplies.", "lesson"),
        DoubtItem("b", "Equity", "Any options?", "Vesting matters.", "beyond"),
    )
    expected = (
        "**Confirm before you talk numbers**\n\n"
        "- [ ] **Months of pay**: How many months?\n"
        "  Why it matters: It multiplies.\n"
        "- [ ] **Equity** *(beyond the lesson)*: Any options?\n"
        "  Why it matters: Vesting matters.\n"
    )
    assert expected == checklist_text(chosen)


def test_checklist_text_of_no_items_raises() -> None:
    with pytest.raises(InvalidInputError) as info:
        checklist_text(())
    assert "items" == info.value.field


def test_duplicate_checklist_id_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalogues: None
) -> None:
    shutil.copy(data_dir() / "currencies.csv", tmp_path / "currencies.csv")
    (tmp_path / "doubts_checklist.csv").write_text(
        "id,topic,question,why,source\n"
        "tax,Tax,Before tax?,Compare like with like.,lesson\n"
        "tax,Tax again,After tax?,Same.,beyond\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    with pytest.raises(DataFileError) as info:
        doubts_checklist()
    assert 3 == info.value.row
    assert "id" == info.value.column


# ---------------------------------------------------------------- opening message


def test_state_range_states_the_annual_range_with_formatted_numbers() -> None:
    text = draft_opening("state-range", **OPENING)  # type: ignore[arg-type]
    assert "annual package in the range of CNY 342,000–360,000" in text
    assert "backend engineer role at Acme" in text
    assert text.endswith("Best regards,\nLi Wei")


def test_state_range_with_equal_ends_states_one_figure() -> None:
    text = draft_opening("state-range", **{**OPENING, "range_high": 342_000})  # type: ignore[arg-type]
    assert "in the range of CNY 342,000," in text


def test_ask_offer_asks_and_keeps_the_range_private() -> None:
    text = draft_opening("ask-offer", **OPENING)  # type: ignore[arg-type]
    assert "what annual package you have in mind" in text
    assert "342,000" not in text


def test_opening_without_company_names_no_company() -> None:
    text = draft_opening("state-range", **{**OPENING, "company": "  "})  # type: ignore[arg-type]
    assert "walking me through the backend engineer role." in text


def test_opening_currency_is_normalised() -> None:
    text = draft_opening("state-range", **{**OPENING, "currency": " usd "})  # type: ignore[arg-type]
    assert "USD 342,000–360,000" in text


@pytest.mark.parametrize("kind", OPENING_KINDS)
def test_openings_pass_the_tone_check(kind: str) -> None:
    report = check_tone(draft_opening(kind, **OPENING))  # type: ignore[arg-type]
    assert () == report.flags
    assert report.friendly


@pytest.mark.parametrize(
    ("changes", "field", "error"),
    [
        ({"name": " "}, "name", EmptyTextError),
        ({"role": ""}, "role", EmptyTextError),
        ({"range_low": 0}, "range_low", InvalidInputError),
        ({"range_low": -5}, "range_low", InvalidInputError),
        ({"range_high": float("nan")}, "range_high", InvalidInputError),
        ({"range_low": True}, "range_low", InvalidInputError),
        ({"range_low": 400_000}, "range_low", InvalidInputError),
        ({"currency": "XYZ"}, "currency", UnknownCurrencyError),
    ],
)
def test_opening_bad_input_names_the_field(
    changes: dict[str, object], field: str, error: type[InvalidInputError]
) -> None:
    with pytest.raises(error) as info:
        draft_opening("state-range", **{**OPENING, **changes})  # type: ignore[arg-type]
    assert field == info.value.field


def test_opening_unknown_kind_raises() -> None:
    with pytest.raises(InvalidInputError) as info:
        draft_opening("demand", **OPENING)  # type: ignore[arg-type]
    assert "kind" == info.value.field


# ---------------------------------------------------------------- decision deadline


def test_deadline_defaults_to_a_week() -> None:
    result = decision_deadline("2026-03-02")
    assert date(2026, 3, 9) == result.deadline
    assert 7 == result.days
    assert result.within_lesson


def test_deadline_accepts_date_and_datetime() -> None:
    expected = date(2026, 3, 5)
    assert expected == decision_deadline(date(2026, 3, 2), 3).deadline
    assert expected == decision_deadline(datetime(2026, 3, 2, 15, 30), 3).deadline


def test_extension_message_names_a_date_within_a_week() -> None:
    result = decision_deadline("2026-03-02", 3, company="Acme", name="Li Wei")
    text = result.extension_message
    assert "Would it be possible for me to reply by Monday 9 March 2026?" in text
    assert "offer from Acme" in text
    assert "interested" in text
    assert text.endswith("Best regards,\nLi Wei")
    assert check_tone(text).friendly


def test_extension_message_without_company_or_name() -> None:
    text = decision_deadline("2026-03-02").extension_message
    assert "offer from your team" in text
    assert text.endswith("Best regards,")


@pytest.mark.parametrize("days", [0, -1, 8, 30, 2.5, True, "3"])
def test_deadline_bad_days_raises(days: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-03-02", days)  # type: ignore[arg-type]
    assert "days" == info.value.field


def test_more_than_a_week_explains_the_lesson() -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-03-02", 8)
    assert "a week at most" in info.value.hint
    assert "offer may go" in info.value.hint


@pytest.mark.parametrize("value", ["2026-02-30", "next monday", "", "02/03/2026"])
def test_deadline_bad_date_raises(value: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline(value)
    assert "offer_date" == info.value.field


def test_teacher_can_allow_longer_but_it_is_marked_outside_the_lesson() -> None:
    result = decision_deadline("2026-03-02", 14, max_days=28)
    assert date(2026, 3, 16) == result.deadline
    assert not result.within_lesson
    assert "Monday 16 March 2026" in result.extension_message


@pytest.mark.parametrize("max_days", [0, 29, 7.0])
def test_bad_max_days_raises(max_days: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-03-02", 3, max_days=max_days)  # type: ignore[arg-type]
    assert "max_days" == info.value.field


@given(
    offer=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    days=st.integers(min_value=1, max_value=MAX_DECISION_DAYS),
)
def test_deadline_is_offer_date_plus_days(offer: date, days: int) -> None:
    result = decision_deadline(offer.isoformat(), days)
    assert isinstance(result, DecisionDeadline)
    assert timedelta(days=days) == result.deadline - result.offer_date
    assert offer == result.offer_date
    assert result.within_lesson


# ---------------------------------------------------------------- replies


def test_accept_is_warm_and_mentions_the_figure_when_given() -> None:
    text = draft_reply("accept", **REPLY, amount=380_000)
    assert "delighted to accept it at an annual package of CNY 380,000" in text
    assert "annual package" not in draft_reply("accept", **REPLY)


def test_counter_states_an_annual_figure_and_asks_for_flexibility() -> None:
    text = draft_reply("counter", **REPLY, currency="usd", amount=150_000)
    assert "an annual package of USD 150,000" in text
    assert "flexibility" in text
    assert "experience" in text


def test_decline_keeps_the_door_open() -> None:
    text = draft_reply("decline", **REPLY)
    assert "stay in touch" in text
    assert "Acme" in text


@pytest.mark.parametrize("kind", REPLY_KINDS)
def test_replies_pass_the_tone_check(kind: str) -> None:
    report = check_tone(draft_reply(kind, **REPLY, amount=380_000))  # type: ignore[arg-type]
    assert () == report.flags


@pytest.mark.parametrize("amount", [None, 0, -10, float("inf")])
def test_counter_needs_a_positive_amount(amount: float | None) -> None:
    with pytest.raises(InvalidInputError) as info:
        draft_reply("counter", **REPLY, amount=amount)
    assert "amount" == info.value.field


@pytest.mark.parametrize("field", ["name", "company", "role"])
def test_reply_blank_text_raises(field: str) -> None:
    with pytest.raises(EmptyTextError) as info:
        draft_reply("decline", **{**REPLY, field: "  "})
    assert field == info.value.field


def test_reply_unknown_kind_raises() -> None:
    with pytest.raises(InvalidInputError) as info:
        draft_reply("ghost", **REPLY)  # type: ignore[arg-type]
    assert "kind" == info.value.field
