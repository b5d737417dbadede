"""Tests for offerkit.rules.rehearsal_reading: a reply in the learner's words, read."""

from __future__ import annotations

import pytest

from offerkit.rules.rehearsal_reading import read_reply
from offerkit.rules.rehearsal_scenarios import load_trades


def test_a_range_in_the_text_is_read_as_annual() -> None:
    reply = read_reply("Thanks! I'm looking for 360k-385k a year.")
    assert (360_000.0, 385_000.0) == (reply.low, reply.high)
    assert reply.is_range and reply.friendly


def test_the_figure_box_wins_over_the_text() -> None:
    reply = read_reply("Something around 400k would be nice", "350k")
    assert 350_000.0 == reply.low and not reply.is_range


def test_a_figure_that_does_not_read_says_why() -> None:
    reply = read_reply("Here is my figure", "lots")
    assert reply.low is None
    assert "figure" in reply.figure_problem


def test_monthly_times_months_is_annualised() -> None:
    assert 350_000.0 == read_reply("I hope for 25k x 14").low


@pytest.mark.parametrize(
    ("text", "hostile"),
    [
        ("This offer is ridiculous.", True),
        ("Take it or leave it.", True),
        ("Thank you, could you tell me more about the bonus?", False),
    ],
)
def test_antagonism_is_noticed(text: str, hostile: bool) -> None:
    assert hostile == bool(read_reply(text).hostile)


def test_an_offer_claim_and_a_denial() -> None:
    assert read_reply("Another company has offered me 450k.").claims_offer
    denial = read_reply("No, this is my only offer at the moment.")
    assert denial.denies_offer and not denial.claims_offer
    assert read_reply("I'm talking to other companies too.").mentions_others


def test_a_current_pay_claim() -> None:
    reply = read_reply("I currently earn 400,000 a year.")
    assert reply.claims_pay and 400_000.0 == reply.low


@pytest.mark.parametrize(
    ("text", "days"),
    [("Could I have five days?", 5), ("I need a week.", 7), ("Give me a month.", 30)],
)
def test_time_asked_in_days(text: str, days: int) -> None:
    assert days == read_reply(text).days_asked


def test_accepting_declining_and_trades() -> None:
    assert read_reply("Yes, I accept the offer.").accepts
    assert read_reply("I'm sorry, I have to decline.").declines
    reply = read_reply("Could we add a training budget and two remote days?", trades=load_trades())
    assert ("training", "remote") == reply.trades
    assert reply.question


def test_an_empty_reply_reads_as_nothing() -> None:
    reply = read_reply("   ")
    assert "" == reply.text and not reply.has_figure and not reply.hostile


def test_signals_are_plain_sentences() -> None:
    reply = read_reply("Thanks! I'm looking for 360k-385k a year. How is the bonus paid?")
    assert (
        "Names a range: 360,000 to 385,000 a year.",
        "Sounds friendly.",
        "Asks a question.",
    ) == reply.signals()


def test_signals_name_the_hostile_words() -> None:
    signals = read_reply("This is ridiculous, I want 400k a year.").signals()
    assert "Names a figure: 400,000 a year." == signals[0]
    assert any(line.startswith("Sounds hostile: “ridiculous”") for line in signals)
