"""Tests for offerkit.rules.message_claims: reading claims of current pay and other offers."""

from __future__ import annotations

import pytest

from offerkit.rules.message_claims import read_offer_claims, read_pay_claims


def amounts(text: str, currency: str = "CNY") -> list[list[float]]:
    return [[r.amount for r in claim.readings] for claim in read_pay_claims(text, currency)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm currently paid 400,000 a year.", [[400_000.0]]),
        ("My current salary is 300k a year, so I'm hoping for 350k.", [[300_000.0]]),
        ("I earn 25k x 14 at the moment.", [[350_000.0]]),
        ("I earn 35k a month.", [[420_000.0]]),
        ("My salary now is 310k.", [[310_000.0]]),
        ("My base last year was 350k.", [[350_000.0]]),
        ("Right now I make around 420k.", [[420_000.0]]),
        ("At my current job I'm on 400k.", [[400_000.0]]),
        ("My current employer pays 25k x 14.", [[350_000.0]]),
        ("I was paid 280k last year.", [[280_000.0]]),
    ],
)
def test_stated_current_pay_is_read_as_annual(text: str, expected: list[list[float]]) -> None:
    assert expected == amounts(text)


def test_monthly_salary_with_its_months_after_the_figure() -> None:
    assert [[416_000.0]] == amounts("My current monthly salary is 32k, 13 months.")
    assert [[350_000.0]] == amounts("I'm currently on 25k a month over 14 months.")
    assert [[360_000.0]] == amounts("My current monthly salary is 30k.")


def test_a_figure_that_could_be_monthly_or_annual_keeps_both_readings() -> None:
    assert [[360_000.0, 30_000.0]] == amounts("I earn 30k.")


@pytest.mark.parametrize(
    "text",
    [
        "I was hoping for 340k-360k.",
        "I'd like a raise of around 15%.",
        "I earn 15% more than last year.",
        "I'd prefer not to share my current salary.",
        "I'm on 2 weeks' notice.",
    ],
)
def test_expectations_percentages_and_refusals_are_not_pay_claims(text: str) -> None:
    assert () == read_pay_claims(text)


def test_currency_in_the_text_is_kept() -> None:
    (claim,) = read_pay_claims("My current salary is USD 50k.")
    assert ("USD 50k", "USD") == (claim.figure, claim.readings[0].currency)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Another company has offered me 450k.", 1),
        ("I have an offer from a competitor at 420k.", 1),
        ("I've already received two other offers.", 2),
        ("I'm sitting on three offers right now.", 3),
        ("Two other companies offered me more than this.", 2),
        ("I have offers from two other companies.", 2),
        ("My other offer pays 410k.", 1),
        ("I got a better offer elsewhere.", 1),
        ("I've had an offer from a bank for 420k.", 1),
    ],
)
def test_claimed_offers_and_how_many(text: str, count: int) -> None:
    assert [count] == [claim.count for claim in read_offer_claims(text)][:1]


@pytest.mark.parametrize(
    "text",
    [
        "I don't have another offer; I simply like this team.",
        "I don't hold any other offers right now.",
        "I haven't received any offers yet.",
        "If another company made me an offer, I would still compare it fairly.",
        "If someone else offered me more, I'd still talk to you first.",
        "I may or may not have another offer.",
        "I'm talking to a couple of other companies.",
    ],
)
def test_denials_hypotheticals_and_hedges_are_not_claims(text: str) -> None:
    assert () == read_offer_claims(text)
