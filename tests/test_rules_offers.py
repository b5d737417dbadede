"""Tests for offerkit.rules.offers: weighted fit, red flags, cash and ranking."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import EmptyTextError, InvalidInputError, PayFormatError
from offerkit.rules.offers import Offer, OfferScore, compare_offers, offer, walk_away_point
from offerkit.rules.pay import AnnualPay

WEIGHTS = {"salary": 0.5, "team": 0.3, "growth": 0.2}
PREVIOUS = AnnualPay(300_000.0, "CNY")

# Hand-computed: fit = Σ wᵢ · sᵢ
#   A: 0.5·4 + 0.3·3 + 0.2·5 = 2.0 + 0.9 + 1.0 = 3.9   cash 25,000 × 14 = 350,000
#   B: 0.5·5 + 0.3·2 + 0.2·3 = 2.5 + 0.6 + 0.6 = 3.7   cash 380,000; must-have team 2 < 3
#   C: 0.5·3 + 0.3·4 + 0.2·0 = 1.5 + 1.2 + 0   = 2.7   cash 30,000 × 12 = 360,000
A = offer("A", "25k x 14", {"salary": 4, "team": 3, "growth": 5})
B = offer("B", "380000", {"salary": 5, "team": 2, "growth": 3}, ("team",))
C = offer("C", "CNY 30k x 12", {"salary": 3, "team": 4})


def _by_name(scores: tuple[OfferScore, ...]) -> dict[str, OfferScore]:
    return {s.offer.name: s for s in scores}


# ---------------------------------------------------------------- building an offer


def test_offer_reads_pay_text_and_keeps_ratings() -> None:
    built = offer(" Acme ", "25k x 13 + 30k bonus", {"team": 4, " salary ": 3.5}, ["team"])
    assert "Acme" == built.name
    assert 355_000.0 == built.pay.amount
    assert {"team": 4.0, "salary": 3.5} == dict(built.ratings)
    assert ("team",) == built.must_haves


def test_offer_accepts_an_annual_pay_and_a_single_must_have_string() -> None:
    pay = AnnualPay(200_000.0, "USD")
    built = offer("Remote", pay, {"team": 5}, "team")
    assert Offer("Remote", pay, {"team": 5.0}, ("team",)) == built


def test_offer_reads_pay_in_the_given_currency() -> None:
    assert "USD" == offer("X", "120k", {"team": 3}, currency="USD").pay.currency


@pytest.mark.parametrize("name", ["", "  "])
def test_blank_name_is_refused(name: str) -> None:
    with pytest.raises(EmptyTextError) as caught:
        offer(name, "300k", {"team": 3})
    assert "name" == caught.value.field


def test_unreadable_pay_text_names_the_pay_field() -> None:
    with pytest.raises(PayFormatError) as caught:
        offer("X", "lots of money", {"team": 3})
    assert "pay" == caught.value.field


def test_pay_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        offer("X", 300_000, {"team": 3})  # type: ignore[arg-type]
    assert "pay" == caught.value.field


@pytest.mark.parametrize("rating", [-0.5, 5.01, 6, "4", None, True, math.nan, math.inf])
def test_rating_outside_0_to_5_or_not_a_number_is_refused(rating: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        offer("X", "300k", {"team": rating})  # type: ignore[dict-item]
    assert "ratings[team]" == caught.value.field


def test_ratings_at_the_bounds_are_accepted() -> None:
    assert {"a": 0.0, "b": 5.0} == dict(offer("X", "300k", {"a": 0, "b": 5}).ratings)


def test_blank_area_id_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        offer("X", "300k", {" ": 3})
    assert "ratings" == caught.value.field


def test_ratings_must_be_a_mapping() -> None:
    with pytest.raises(InvalidInputError) as caught:
        offer("X", "300k", [("team", 3)])  # type: ignore[arg-type]
    assert "ratings" == caught.value.field


def test_unrated_must_have_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        offer("X", "300k", {"team": 3}, ("growth",))
    assert "must_haves" == caught.value.field
    assert "growth" == caught.value.received


# ---------------------------------------------------------------- worked example


def test_worked_example_fit_cash_and_rank() -> None:
    scores = compare_offers([B, C, A], WEIGHTS, previous=PREVIOUS)
    assert ["A", "C", "B"] == [s.offer.name for s in scores]
    assert [1, 2, 3] == [s.rank for s in scores]
    got = _by_name(scores)
    assert pytest.approx(3.9) == got["A"].fit
    assert pytest.approx(3.7) == got["B"].fit
    assert pytest.approx(2.7) == got["C"].fit
    assert pytest.approx(78.0) == got["A"].fit_pct
    assert 350_000.0 == got["A"].cash
    assert pytest.approx(50 / 3) == got["A"].cash_vs_previous_pct
    assert pytest.approx(80 / 3) == got["B"].cash_vs_previous_pct
    assert pytest.approx(20.0) == got["C"].cash_vs_previous_pct


def test_worked_example_red_flag_and_reasons() -> None:
    got = _by_name(compare_offers([A, B, C], WEIGHTS, previous=PREVIOUS))
    assert ("B: must-have 'team' is rated 2/5, below your floor of 3/5",) == got["B"].red_flags
    assert () == got["A"].red_flags
    assert (
        "Fit 3.70/5 (74 %) on your weighted priorities",
        "Best fit on your top priority 'salary' (5/5)",
        "Cash CNY 380,000, +26.7 % on previous pay",
    ) == got["B"].reasons
    assert "Your top priority 'salary' is rated 4/5 here" in got["A"].reasons
    assert "'growth' not rated for this offer: counted as 0/5" in got["C"].reasons
    assert "Cash CNY 360,000, +20.0 % on previous pay" in got["C"].reasons


def test_without_previous_pay_there_is_no_percentage() -> None:
    (score,) = compare_offers([A], WEIGHTS)
    assert score.cash_vs_previous_pct is None
    assert "Cash CNY 350,000 a year" in score.reasons


def test_year_end_bonus_is_called_out_as_discretionary() -> None:
    bonus = offer("Bonus Co", "25k x 13 + 30k bonus", {"salary": 3})
    (score,) = compare_offers([bonus], {"salary": 1})
    assert any("CNY 30,000 year-end bonus" in r and "discretionary" in r for r in score.reasons)


def test_weights_are_normalised() -> None:
    raw = compare_offers([A, B, C], {"salary": 5, "team": 3, "growth": 2})
    unit = compare_offers([A, B, C], WEIGHTS)
    assert [s.offer.name for s in unit] == [s.offer.name for s in raw]
    assert [pytest.approx(s.fit) for s in unit] == [s.fit for s in raw]


def test_lower_floor_clears_the_red_flag() -> None:
    scores = compare_offers([C, B], WEIGHTS, must_have_floor=2.0)
    assert () == scores[0].red_flags
    assert ["B", "C"] == [s.offer.name for s in scores]  # B's fit 3.7 now beats C's 2.7


@pytest.mark.parametrize(("rating", "flagged"), [(3.0, False), (2.5, True), (2.99, True)])
def test_must_have_at_the_floor_is_fine_and_below_it_is_flagged(
    rating: float, flagged: bool
) -> None:
    item = offer("F", "300k", {"team": rating}, ("team",))
    (score,) = compare_offers([item], {"team": 1})
    assert flagged == bool(score.red_flags)


def test_ties_on_fit_break_on_cash_then_name() -> None:
    ratings = {"salary": 3}
    low = offer("Zed", "300k", ratings)
    high = offer("Yak", "400k", ratings)
    same_a = offer("Bee", "300k", ratings)
    names = [s.offer.name for s in compare_offers([low, same_a, high], {"salary": 1})]
    assert ["Yak", "Bee", "Zed"] == names


def test_all_equal_on_top_priority_is_not_called_best() -> None:
    ratings = {"salary": 3}
    scores = compare_offers([offer("P", "1m", ratings), offer("Q", "2m", ratings)], {"salary": 1})
    assert all("Best fit" not in r for s in scores for r in s.reasons)


def test_tied_top_weights_name_no_top_priority() -> None:
    tied = {"salary": 1, "team": 1}
    scores = compare_offers([A, B], tied)
    assert [] == [r for s in scores for r in s.reasons if "top priority" in r]
    assert (
        "Fit 3.50/5 (70 %) on your weighted priorities",
        "Cash CNY 350,000 a year",
    ) == _by_name(scores)["A"].reasons


# ---------------------------------------------------------------- validation


def test_no_offers_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([], WEIGHTS)
    assert "offers" == caught.value.field


def test_duplicate_names_are_refused() -> None:
    twin = offer("a", "300k", {"salary": 1})
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A, twin], WEIGHTS)
    assert "offers" == caught.value.field


def test_non_offer_items_are_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A, "B"], WEIGHTS)  # type: ignore[list-item]
    assert "offers[1]" == caught.value.field


@pytest.mark.parametrize(
    ("weights", "field"),
    [
        ({}, "weights"),
        ({"salary": 0, "team": 0}, "weights"),
        ({"salary": -1}, "weights[salary]"),
        ({"salary": "high"}, "weights[salary]"),
        ({"salary": math.nan}, "weights[salary]"),
    ],
)
def test_bad_weights_are_refused(weights: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A], weights)  # type: ignore[arg-type]
    assert field == caught.value.field


@pytest.mark.parametrize("floor", [-1, 5.5, math.nan, "3"])
def test_bad_floor_is_refused(floor: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A], WEIGHTS, must_have_floor=floor)  # type: ignore[arg-type]
    assert "must_have_floor" == caught.value.field


def test_offers_in_different_currencies_are_refused() -> None:
    dollars = offer("D", "USD 120k", {"salary": 4})
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A, dollars], WEIGHTS)
    assert "pay" == caught.value.field
    assert "CNY and USD" == caught.value.received


def test_previous_pay_in_another_currency_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A], WEIGHTS, previous=AnnualPay(100_000.0, "USD"))
    assert "pay" == caught.value.field


def test_previous_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        compare_offers([A], WEIGHTS, previous=300_000)  # type: ignore[arg-type]
    assert "previous" == caught.value.field


# ---------------------------------------------------------------- walk-away point


def test_walk_away_adds_compensation_to_the_alternative() -> None:
    # 300,000 + 12,000 (longer commute) + 20,000 (weaker team) − 5,000 (better growth)
    got = walk_away_point(PREVIOUS, {"commute": 12_000, "team": 20_000, "growth": -5_000})
    assert 327_000.0 == got


def test_walk_away_without_adjustments_is_the_alternative() -> None:
    assert 300_000.0 == walk_away_point(PREVIOUS, {})


@pytest.mark.parametrize(
    ("batna", "adjustments", "field"),
    [
        (300_000, {}, "batna"),
        (PREVIOUS, {"commute": "a lot"}, "adjustments[commute]"),
        (PREVIOUS, {"growth": -400_000}, "adjustments"),
        (PREVIOUS, [("commute", 1)], "adjustments"),
    ],
)
def test_walk_away_validation(batna: object, adjustments: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        walk_away_point(batna, adjustments)  # type: ignore[arg-type]
    assert field == caught.value.field


# ---------------------------------------------------------------- properties

AREAS = ("salary", "team", "growth", "commute")
ratings_st = st.dictionaries(
    st.sampled_from(AREAS), st.floats(0, 5, allow_nan=False), min_size=1, max_size=4
)
weights_st = st.dictionaries(
    st.sampled_from(AREAS), st.floats(0.01, 100, allow_nan=False), min_size=1, max_size=4
)


@st.composite
def offers_st(draw: st.DrawFn) -> list[Offer]:
    count = draw(st.integers(1, 6))
    made = []
    for index in range(count):
        ratings = draw(ratings_st)
        musts = draw(st.lists(st.sampled_from(sorted(ratings)), unique=True, max_size=2))
        cash = draw(st.integers(100_000, 900_000))
        made.append(offer(f"offer-{index}", AnnualPay(float(cash), "CNY"), ratings, musts))
    return made


@given(offers_st(), weights_st)
def test_fit_stays_within_0_and_5(offers: list[Offer], weights: dict[str, float]) -> None:
    for score in compare_offers(offers, weights):
        assert 0.0 <= score.fit <= 5.0
        assert 0.0 <= score.fit_pct <= 100.0


@given(offers_st(), weights_st)
def test_ranking_is_a_permutation(offers: list[Offer], weights: dict[str, float]) -> None:
    scores = compare_offers(offers, weights)
    assert sorted(o.name for o in offers) == sorted(s.offer.name for s in scores)
    assert list(range(1, len(offers) + 1)) == [s.rank for s in scores]


@given(offers_st(), weights_st, st.floats(0, 5, allow_nan=False))
def test_red_flag_never_ranks_above_a_clean_offer(
    offers: list[Offer], weights: dict[str, float], floor: float
) -> None:
    flags = [bool(s.red_flags) for s in compare_offers(offers, weights, must_have_floor=floor)]
    assert sorted(flags) == flags


@given(offers_st(), weights_st)
def test_clean_offers_are_ordered_by_fit(offers: list[Offer], weights: dict[str, float]) -> None:
    clean = [s.fit for s in compare_offers(offers, weights) if not s.red_flags]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(clean))
