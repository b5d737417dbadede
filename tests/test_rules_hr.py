"""Tests for offerkit.rules.hr: doubts checklist, opening and reply drafts, decision deadline."""

from __future__ import annotations

import re
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
from offerkit.rules.dates import long_date
from offerkit.rules.honesty import check_tone
from offerkit.rules.hr import (
    MAX_DECISION_DAYS,
    OPENING_KINDS,
    REASON_BLANK,
    REPLY_KINDS,
    WEEKEND_CHOICES,
    DecisionDeadline,
    DoubtItem,
    checklist_text,
    deadline_notes,
    decision_deadline,
    doubts_checklist,
    draft_opening,
    draft_reply,
    reason_sentence,
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


# ---------------------------------------------------------------- drafts invent nothing

# Claims a draft must never make on the learner's behalf: people to consult, other offers,
# feelings and reasons the learner did not give. Each is (what it is, a pattern).
INVENTIONS = (
    ("family or partner", r"\b(?:family|partner|wife|husband|spouse|parents?)\b"),
    ("another offer", r"\b(?:other|another|competing|second)\s+(?:job\s+)?offers?\b"),
    ("another company", r"\b(?:other|another)\s+compan(?:y|ies)\b"),
    ("many options", r"\b(?:many|several|other)\s+(?:options|opportunities)\b"),
    ("enthusiasm", r"\b(?:excited|delighted|thrilled|genuinely|passionate|love|enjoyed)\b"),
    ("interest", r"\binterested\b"),
    ("a promise to accept", r"\beasy yes\b"),
    ("experience", r"\bexperience\b|\bprevious projects\b|\bhands-on\b"),
    ("a reason", r"\bcareful thought\b|\bright fit\b|\bscope of the role\b|\btalk it over\b"),
    ("a reason", r"\bbecause\b|\bdue to\b|\bas it\b|\bgiven (?:the|my)\b"),
)
REASON = "I'd like to compare the pension scheme with my current one"


def _inventions(text: str) -> list[str]:
    return [what for what, pattern in INVENTIONS if re.search(pattern, text, re.IGNORECASE)]


def _every_draft(reason: str = "", answer_by: date | None = None) -> dict[str, str]:
    drafts = {
        f"opening {kind}": draft_opening(kind, **OPENING, answer_by=answer_by)  # type: ignore[arg-type]
        for kind in OPENING_KINDS
    }
    for kind in REPLY_KINDS:
        amount = None if kind == "decline" else 380_000
        drafts[f"reply {kind}"] = draft_reply(
            kind, **REPLY, amount=amount, reason=reason, answer_by=answer_by
        )
    deadline = decision_deadline("2026-03-02", 4, company="Acme", name="Li Wei", reason=reason)
    drafts["extension"] = deadline.extension_message
    return drafts


def test_the_invention_patterns_catch_the_old_drafts() -> None:
    old = (
        "I'd like a few more days to go through the full package carefully and talk it over "
        "with my family. I'm genuinely interested in the role.",
        "I'm excited about the team and the work. Given the scope of the role and the "
        "hands-on experience I'd bring from my previous projects, X would make this an easy "
        "yes for me.",
        "After careful thought I've decided not to take it up, as it isn't quite the right fit.",
    )
    assert [
        ["family or partner", "enthusiasm", "interest", "a reason"],
        ["enthusiasm", "a promise to accept", "experience", "a reason", "a reason"],
        ["a reason", "a reason"],
    ] == [_inventions(text) for text in old]


@pytest.mark.parametrize("reason", ["", REASON])
def test_no_draft_claims_what_the_learner_did_not_give(reason: str) -> None:
    for kind, text in _every_draft(reason, date(2026, 3, 6)).items():
        assert ([], kind) == (_inventions(text), kind)


@given(
    name=st.sampled_from(["Li Wei", "Ana", "Sam Example"]),
    company=st.sampled_from(["Acme", "Globex Corp", "Navy Labs"]),
    days=st.integers(min_value=1, max_value=MAX_DECISION_DAYS),
    weekend=st.sampled_from(("keep", "monday")),
)
def test_no_extension_request_invents_a_reason(
    name: str, company: str, days: int, weekend: str
) -> None:
    text = decision_deadline(
        "2026-03-02",
        days,
        company=company,
        name=name,
        weekend=weekend,  # type: ignore[arg-type]
    ).extension_message
    assert [] == _inventions(text)
    assert REASON_BLANK in text


# Every sentence the drafts may say, with the learner's inputs as {slots}. Each one was
# reviewed: it is a courtesy, a request, a commitment the learner makes by sending it, or
# states only the inputs. A new sentence fails this test until it is reviewed here.
REVIEWED_SENTENCES = {
    "Hi,",
    "Hi, and thank you for talking with me about the {role} role at {company}.",
    "Hi, thank you again for the offer from {company}.",
    "I'd be comfortable with an annual package in the range of {range}, and I'm open to "
    "talking through the full package, including bonus and benefits.",
    "Could you share what annual package you have in mind for this role?",
    "I'd like to understand the whole picture, including bonus and benefits, before we go further.",
    "Thank you very much for the offer for the {role} role at {company}.",
    "I'm writing to accept it at an annual package of {amount}.",
    "Please let me know the next steps and any documents you need from me.",
    "Before I answer, I'd like to ask whether there is some flexibility on the annual figure.",
    "I'm asking for an annual package of {amount}.",
    "Is there room to move closer to that?",
    "Could we talk it through?",
    "I've decided not to accept it this time.",
    "Thank you for your time; I'd be glad to stay in touch for future roles.",
    "Would it be possible for me to give you my answer by {date}?",
    "I'll give you my answer by {date}.",
    "I'll reply by then at the latest.",
    "{reason}",
    "Looking forward to hearing from you.",
    "Best regards,",
    "{name}",
}


def _slotted_sentences(text: str, reason: str, answer_by: date) -> set[str]:
    slots = {
        REASON_BLANK: "{reason}.",
        "CNY 342,000–360,000": "{range}",
        "CNY 380,000": "{amount}",
        long_date(answer_by): "{date}",
        str(OPENING["role"]): "{role}",
        str(OPENING["company"]): "{company}",
        str(OPENING["name"]): "{name}",
    }
    if reason:
        slots[reason_sentence(reason)] = "{reason}."
    for value, slot in slots.items():
        text = text.replace(value, slot)
    sentences = re.split(r"(?<=[.?!])\s+|\n+", text)
    return {s.strip().replace("{reason}.", "{reason}") for s in sentences if s.strip()}


@pytest.mark.parametrize("reason", ["", REASON])
def test_every_draft_sentence_is_reviewed_or_states_only_the_inputs(reason: str) -> None:
    answer_by = date(2026, 3, 6)
    for kind, text in _every_draft(reason, answer_by).items():
        unreviewed = _slotted_sentences(text, reason, answer_by) - REVIEWED_SENTENCES
        assert (set(), kind) == (unreviewed, kind)


def test_reason_sentence_keeps_the_learners_words_or_leaves_the_blank() -> None:
    assert REASON_BLANK == reason_sentence("  ")
    assert "I'd like to compare the pension scheme." == reason_sentence(
        " i'd like to  compare the pension scheme"
    )
    assert "Is that possible?" == reason_sentence("Is that possible?")


# ---------------------------------------------------------------- opening message


def test_state_range_states_the_annual_range_with_formatted_numbers() -> None:
    text = draft_opening("state-range", **OPENING)  # type: ignore[arg-type]
    assert "I'd be comfortable with an annual package in the range of CNY 342,000–360,000" in text
    assert "backend engineer role at Acme" in text
    assert text.endswith("Best regards,\nLi Wei")


def test_state_range_with_equal_ends_states_one_figure() -> None:
    text = draft_opening("state-range", **{**OPENING, "range_high": 342_000})  # type: ignore[arg-type]
    assert "in the range of CNY 342,000," in text


def test_ask_offer_asks_and_keeps_the_range_private() -> None:
    text = draft_opening("ask-offer", **OPENING)  # type: ignore[arg-type]
    assert "what annual package you have in mind" in text
    assert "342,000" not in text


@pytest.mark.parametrize("kind", OPENING_KINDS)
def test_opening_names_the_decision_date_only_when_given(kind: str) -> None:
    dated = draft_opening(kind, **OPENING, answer_by=date(2026, 3, 6))  # type: ignore[arg-type]
    assert "I'll give you my answer by Friday 6 March 2026." in dated
    assert "answer by" not in draft_opening(kind, **OPENING)  # type: ignore[arg-type]


def test_opening_without_company_names_no_company() -> None:
    text = draft_opening("state-range", **{**OPENING, "company": "  "})  # type: ignore[arg-type]
    assert "talking with me about the backend engineer role." in text


def test_opening_currency_is_normalised() -> None:
    text = draft_opening("state-range", **{**OPENING, "currency": " usd "})  # type: ignore[arg-type]
    assert "USD 342,000–360,000" in text


@pytest.mark.parametrize("kind", OPENING_KINDS)
def test_openings_pass_the_tone_check(kind: str) -> None:
    report = check_tone(draft_opening(kind, **OPENING, answer_by=date(2026, 3, 6)))  # type: ignore[arg-type]
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
    assert "Monday 9 March 2026" == result.wording


def test_deadline_accepts_date_and_datetime() -> None:
    expected = date(2026, 3, 5)
    assert expected == decision_deadline(date(2026, 3, 2), 3).deadline
    assert expected == decision_deadline(datetime(2026, 3, 2, 15, 30), 3).deadline


def test_extension_message_asks_for_the_deadline_itself() -> None:
    result = decision_deadline("2026-03-02", 3, company="Acme", name="Li Wei", reason=REASON)
    text = result.extension_message
    assert (
        "Hi, thank you again for the offer from Acme. Would it be possible for me to give you "
        "my answer by Thursday 5 March 2026? I'd like to compare the pension scheme with my "
        "current one. I'll reply by then at the latest.\n\nBest regards,\nLi Wei"
    ) == text
    assert check_tone(text).friendly


def test_extension_message_names_no_other_date() -> None:
    text = decision_deadline("2026-03-02", 3).extension_message
    named = re.findall(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d+ \w+ \d{4}", text)
    assert ["Thursday 5 March 2026"] == named


def test_extension_message_without_a_reason_leaves_the_marked_blank() -> None:
    text = decision_deadline("2026-03-02").extension_message
    assert f"by Monday 9 March 2026? {REASON_BLANK} I'll reply" in text
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


def test_an_impossible_offer_date_says_why() -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-02-30")
    assert "there is no 30 February: February 2026 has 28 days" == info.value.hint


def test_teacher_can_allow_longer_but_it_is_marked_outside_the_lesson() -> None:
    result = decision_deadline("2026-03-02", 14, max_days=28)
    assert date(2026, 3, 16) == result.deadline
    assert not result.within_lesson
    assert "Monday 16 March 2026" in result.extension_message
    assert (
        "That is 14 days after the offer, more than the lesson's week: say so when you agree "
        "the date with HR.",
    ) == deadline_notes(result)


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


# ---------------------------------------------------------------- weekends and the past


def test_a_weekend_deadline_is_kept_and_pointed_out() -> None:
    result = decision_deadline("2026-03-02", 5)
    assert (date(2026, 3, 7), True) == (result.deadline, result.on_weekend)
    assert (
        "Saturday 7 March 2026 falls on a weekend, when HR may not be at work: suggest the "
        "Friday before (Friday 6 March 2026) or the Monday after (Monday 9 March 2026) "
        "instead, as you prefer.",
    ) == deadline_notes(result)


@pytest.mark.parametrize(
    ("weekend", "deadline", "days", "side"),
    [
        ("friday", date(2026, 3, 6), 4, "Friday before"),
        ("monday", date(2026, 3, 9), 7, "Monday after"),
    ],
)
def test_a_weekend_deadline_moves_as_the_learner_prefers(
    weekend: str, deadline: date, days: int, side: str
) -> None:
    result = decision_deadline("2026-03-02", 5, weekend=weekend)  # type: ignore[arg-type]
    assert (deadline, days, date(2026, 3, 7)) == (result.deadline, result.days, result.asked)
    assert result.wording in result.extension_message
    assert "Saturday" not in result.extension_message
    assert (
        f"Saturday 7 March 2026 falls on a weekend, so you answer by {result.wording}, the "
        f"{side}, as you chose.",
    ) == deadline_notes(result)


def test_a_weekday_deadline_is_not_moved() -> None:
    for weekend in WEEKEND_CHOICES:
        result = decision_deadline("2026-03-02", 3, weekend=weekend)
        assert (date(2026, 3, 5), ()) == (result.deadline, deadline_notes(result))


def test_the_friday_before_must_come_after_the_offer() -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-03-06", 1, weekend="friday")  # Friday offer, Saturday answer
    assert "weekend" == info.value.field
    assert (
        "the Friday before Saturday 7 March 2026 is Friday 6 March 2026, not after the offer "
        "of Friday 6 March 2026"
    ) == info.value.hint


def test_monday_after_a_weekend_offer_can_pass_the_week_and_says_so() -> None:
    result = decision_deadline("2026-03-01", 6, weekend="monday")  # Sunday + 6 = Saturday
    assert (date(2026, 3, 9), 8, False) == (result.deadline, result.days, result.within_lesson)
    assert (
        "That is 8 days after the offer, more than the lesson's week" in deadline_notes(result)[1]
    )


def test_an_unknown_weekend_choice_raises() -> None:
    with pytest.raises(InvalidInputError) as info:
        decision_deadline("2026-03-02", 5, weekend="sunday")  # type: ignore[arg-type]
    assert "weekend" == info.value.field


def test_a_past_deadline_gets_a_message_relative_to_today() -> None:
    result = decision_deadline("2026-03-02", 3)
    assert (
        "Thursday 5 March 2026 has already passed (today is Friday 6 March 2026): if the "
        "offer is still open, agree a new date with HR first.",
    ) == deadline_notes(result, today=date(2026, 3, 6))
    assert () == deadline_notes(result, today=date(2026, 3, 4))


def test_a_deadline_today_and_an_offer_still_to_come_are_pointed_out() -> None:
    result = decision_deadline("2026-03-02", 3)
    assert ("Thursday 5 March 2026 is today: answer HR today.",) == deadline_notes(
        result, today=date(2026, 3, 5)
    )
    assert (
        "The offer date, Monday 2 March 2026, is after today (Sunday 1 March 2026): check the "
        "year and the month.",
    ) == deadline_notes(result, today=date(2026, 3, 1))


# ---------------------------------------------------------------- replies


def test_accept_mentions_the_figure_when_given() -> None:
    text = draft_reply("accept", **REPLY, amount=380_000)
    assert "I'm writing to accept it at an annual package of CNY 380,000." in text
    assert "annual package" not in draft_reply("accept", **REPLY)


def test_accept_and_decline_include_a_given_reason_as_written() -> None:
    for kind in ("accept", "decline"):
        text = draft_reply(kind, **REPLY, reason="the commute is shorter")  # type: ignore[arg-type]
        assert "The commute is shorter." in text
        assert REASON_BLANK not in text


def test_accept_and_decline_need_no_reason() -> None:
    for kind in ("accept", "decline"):
        assert REASON_BLANK not in draft_reply(kind, **REPLY)  # type: ignore[arg-type]


def test_counter_states_an_annual_figure_and_asks_for_flexibility() -> None:
    text = draft_reply("counter", **REPLY, currency="usd", amount=150_000, reason=REASON)
    assert "I'm asking for an annual package of USD 150,000." in text
    assert "flexibility" in text
    assert f"{REASON}." in text
    assert REASON_BLANK not in text


def test_counter_without_a_reason_leaves_the_marked_blank() -> None:
    text = draft_reply("counter", **REPLY, amount=150_000)
    assert f"annual figure. {REASON_BLANK} I'm asking for" in text


def test_counter_names_the_decision_date_when_given() -> None:
    text = draft_reply("counter", **REPLY, amount=150_000, answer_by=date(2026, 3, 6))
    assert "I'll give you my answer by Friday 6 March 2026." in text
    assert "answer by" not in draft_reply("counter", **REPLY, amount=150_000)


def test_decline_keeps_the_door_open() -> None:
    text = draft_reply("decline", **REPLY)
    assert "stay in touch" in text
    assert "Acme" in text


@pytest.mark.parametrize("kind", REPLY_KINDS)
def test_replies_pass_the_tone_check(kind: str) -> None:
    report = check_tone(draft_reply(kind, **REPLY, amount=380_000, answer_by=date(2026, 3, 6)))  # type: ignore[arg-type]
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
