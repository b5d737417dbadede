"""Compare offers: on annual cash, and on how well each fits what *you* want.

The lesson asks you to know what you want from the change and to check whether each
company can provide it. Here that becomes arithmetic:

* your priorities carry weights wᵢ (normalised so that Σ wᵢ = 1);
* you rate each offer on each area, sᵢ from 0 to 5;
* the offer's **fit** is Σ wᵢ · sᵢ (0–5), shown also as a percentage;
* a **must-have** rated below a floor (kit default 3/5) is a **red flag**;
* cash is compared in one currency only — offerkit never converts.

Offers with a red flag rank after those without; then by fit, then by cash, then by name.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.pay import AnnualPay, format_money, parse_pay, same_currency

__all__ = [
    "MAX_RATING",
    "MUST_HAVE_FLOOR",
    "Offer",
    "OfferScore",
    "compare_offers",
    "offer",
    "walk_away_point",
]

MAX_RATING = 5.0
MUST_HAVE_FLOOR = 3.0
"""Kit default: a must-have rated below 3/5 is a red flag."""


@dataclass(frozen=True)
class Offer:
    """One offer: its name, annual cash, your 0–5 ratings by area and your must-haves."""

    name: str
    pay: AnnualPay
    ratings: Mapping[str, float]
    must_haves: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferScore:
    """How one offer compares: fit to your priorities, cash, red flags and reasons."""

    offer: Offer
    fit: float  # Σ wᵢ · sᵢ, from 0 to 5
    fit_pct: float  # fit as a percentage of 5
    cash: float
    cash_vs_previous_pct: float | None
    red_flags: tuple[str, ...]
    reasons: tuple[str, ...]
    rank: int


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _area(key: object, field: str) -> str:
    if not isinstance(key, str) or not key.strip():
        raise InvalidInputError(field, "area ids written as non-empty text", key)
    return key.strip()


def _checked_ratings(ratings: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(ratings, Mapping):
        raise InvalidInputError("ratings", "a mapping of area id → rating from 0 to 5", ratings)
    checked: dict[str, float] = {}
    for key, value in ratings.items():
        area = _area(key, "ratings")
        if not _is_number(value) or not 0 <= value <= MAX_RATING:
            raise InvalidInputError(f"ratings[{area}]", f"a number from 0 to {MAX_RATING:g}", value)
        checked[area] = float(value)
    return checked


def offer(
    name: str,
    pay: AnnualPay | str,
    ratings: Mapping[str, float],
    must_haves: Sequence[str] = (),
    *,
    currency: str = "CNY",
) -> Offer:
    """Build a validated :class:`Offer`.

    ``pay`` is an :class:`AnnualPay` or pay text such as ``"25k x 14"`` (read with
    :func:`offerkit.rules.pay.parse_pay` in ``currency`` unless the text names one). Every
    must-have must also be rated.

    >>> offer("Acme", "25k x 14", {"salary": 4, "team": 3}, ("team",)).pay.amount
    350000.0
    """
    if not isinstance(name, str) or not name.strip():
        raise EmptyTextError("name", "a name for the offer", name)
    if isinstance(pay, str):
        pay = parse_pay(pay, currency, field="pay")
    elif not isinstance(pay, AnnualPay):
        raise InvalidInputError("pay", "an AnnualPay or pay text like '25k x 14'", pay)
    checked = _checked_ratings(ratings)
    wanted = (must_haves,) if isinstance(must_haves, str) else tuple(must_haves)
    musts: list[str] = []
    for item in wanted:
        area = _area(item, "must_haves")
        if area not in checked:
            raise InvalidInputError(
                "must_haves",
                f"areas rated in 'ratings' ({', '.join(checked) or 'none rated'})",
                item,
                "rate every must-have so it can be checked",
            )
        if area not in musts:
            musts.append(area)
    return Offer(name.strip(), pay, MappingProxyType(checked), tuple(musts))


def _normalised_weights(weights: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(weights, Mapping) or not weights:
        raise InvalidInputError("weights", "a mapping of area id → weight", weights)
    checked: dict[str, float] = {}
    for key, value in weights.items():
        area = _area(key, "weights")
        if not _is_number(value) or value < 0:
            raise InvalidInputError(f"weights[{area}]", "zero or a positive number", value)
        checked[area] = float(value)
    total = sum(checked.values())
    if not total > 0:
        raise InvalidInputError(
            "weights", "at least one positive weight", dict(weights), "weight what you want"
        )
    return {area: value / total for area, value in checked.items()}


def _checked_offers(offers: Sequence[Offer]) -> tuple[Offer, ...]:
    items = tuple(offers)
    if not items:
        raise InvalidInputError("offers", "at least one offer", items)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, Offer):
            raise InvalidInputError(f"offers[{index}]", "an Offer (build it with offer(...))", item)
        key = item.name.casefold()
        if key in seen:
            raise InvalidInputError(
                "offers", "offers with distinct names", item.name, "rename one of them"
            )
        seen.add(key)
    return items


def _red_flags(item: Offer, floor: float) -> tuple[str, ...]:
    return tuple(
        f"{item.name}: must-have '{area}' is rated {item.ratings[area]:g}/5, "
        f"below your floor of {floor:g}/5"
        for area in item.must_haves
        if item.ratings[area] < floor
    )


def _reasons(
    item: Offer,
    weights: Mapping[str, float],
    fit: float,
    best_on_top: float | None,
    change_pct: float | None,
) -> tuple[str, ...]:
    top = _top_priority(weights)
    out = [f"Fit {fit:.2f}/5 ({fit / MAX_RATING * 100:.0f} %) on your weighted priorities"]
    if top is not None and top in item.ratings:
        rating = item.ratings[top]
        if rating == best_on_top:
            out.append(f"Best fit on your top priority '{top}' ({rating:g}/5)")
        else:
            out.append(f"Your top priority '{top}' is rated {rating:g}/5 here")
    for area in weights:
        if area not in item.ratings:
            out.append(f"'{area}' not rated for this offer: counted as 0/5")
    cash = format_money(item.pay.amount, item.pay.currency)
    if change_pct is None:
        out.append(f"Cash {cash} a year")
    else:
        out.append(f"Cash {cash}, {change_pct:+.1f} % on previous pay")
    if item.pay.bonus:
        out.append(
            f"Includes a {format_money(item.pay.bonus, item.pay.currency)} year-end bonus, "
            "which is usually discretionary: ask whether it is guaranteed"
        )
    return tuple(out)


def _top_priority(weights: Mapping[str, float]) -> str | None:
    """The area with the largest weight, or None when two or more share it (no top)."""
    heaviest = max(weights.values())
    tied = [area for area, w in weights.items() if math.isclose(w, heaviest, rel_tol=1e-9)]
    return tied[0] if len(tied) == 1 else None


def _fit(item: Offer, weights: Mapping[str, float]) -> float:
    total = sum(w * item.ratings.get(area, 0.0) for area, w in weights.items())
    return min(MAX_RATING, max(0.0, total))


def compare_offers(
    offers: Sequence[Offer],
    weights: Mapping[str, float],
    previous: AnnualPay | None = None,
    must_have_floor: float = MUST_HAVE_FLOOR,
) -> tuple[OfferScore, ...]:
    """Score and rank offers on fit to your priorities and on annual cash.

    ``weights`` maps area id → weight (normalised if they do not sum to 1). An area you
    weight but did not rate for an offer counts as 0. A must-have rated below
    ``must_have_floor`` is a red flag. All offers (and ``previous``) must share one
    currency. Ranking: offers without red flags first, then fit, cash and name.
    """
    items = _checked_offers(offers)
    shares = _normalised_weights(weights)
    if not _is_number(must_have_floor) or not 0 <= must_have_floor <= MAX_RATING:
        raise InvalidInputError("must_have_floor", "a number from 0 to 5", must_have_floor)
    if previous is not None and not isinstance(previous, AnnualPay):
        raise InvalidInputError("previous", "an AnnualPay (or None)", previous)
    extra = (previous.currency,) if previous is not None else ()
    same_currency(*(o.pay.currency for o in items), *extra, field="pay")
    top = _top_priority(shares)
    on_top = [o.ratings.get(top, 0.0) for o in items] if top is not None else []
    # "best" only means something when the offers differ on the top priority
    differ = len(set(on_top)) > 1 or len(items) == 1
    best_on_top = max(on_top) if on_top and differ else None
    unranked = [_score(o, shares, previous, must_have_floor, best_on_top) for o in items]
    ordered = sorted(
        unranked,
        key=lambda s: (bool(s.red_flags), -round(s.fit, 9), -s.cash, s.offer.name),
    )
    return tuple(replace(s, rank=rank) for rank, s in enumerate(ordered, start=1))


def _score(
    item: Offer,
    shares: Mapping[str, float],
    previous: AnnualPay | None,
    floor: float,
    best_on_top: float | None,
) -> OfferScore:
    fit = _fit(item, shares)
    cash = float(item.pay.amount)
    change = None if previous is None else (cash / previous.amount - 1) * 100
    return OfferScore(
        offer=item,
        fit=fit,
        fit_pct=fit / MAX_RATING * 100,
        cash=cash,
        cash_vs_previous_pct=change,
        red_flags=_red_flags(item, floor),
        reasons=_reasons(item, shares, fit, best_on_top, change),
        rank=0,
    )


def walk_away_point(batna: AnnualPay, adjustments: Mapping[str, float]) -> float:
    """BEYOND THE LESSON: the lowest annual cash worth accepting, from your BATNA.

    From the negotiation literature (Fisher & Ury; PON; Bazerman & Moore): your BATNA is
    the value of your best alternative (current job, another offer). The walk-away point
    is that value plus compensation for whatever this offer is worse at — e.g.
    ``{"longer commute": 12_000}``; a negative amount credits what it is better at.

    >>> walk_away_point(AnnualPay(300_000, "CNY"), {"commute": 12_000, "growth": -5_000})
    307000.0
    """
    if not isinstance(batna, AnnualPay):
        raise InvalidInputError("batna", "an AnnualPay for your best alternative", batna)
    if not isinstance(adjustments, Mapping):
        raise InvalidInputError("adjustments", "a mapping of reason → annual amount", adjustments)
    total = float(batna.amount)
    for reason, amount in adjustments.items():
        if not _is_number(amount):
            raise InvalidInputError(f"adjustments[{reason}]", "an annual amount", amount)
        total += amount
    if not total > 0:
        raise InvalidInputError(
            "adjustments", "credits smaller than your alternative's value", dict(adjustments)
        )
    return round(total, 2)
