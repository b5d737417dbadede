"""Lesson 05 exercise: compare your offers against what *you* want (:data:`OFFERS`).

Each offer is rated on the goal areas and ranked by fit to the weights from lesson 01 (or
equal weights when none are saved); a must-have rated too low is a red flag. Lesson 06
reads the ranking with :func:`offers_from_answers`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.charts import offers_chart
from offerkit.exercises.common import previous_pay_from_profile
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.areas import goal_area, goal_areas
from offerkit.rules.offers import MAX_RATING, Offer, OfferScore, compare_offers, offer

__all__ = [
    "OFFERS",
    "build_offers_exercise",
    "offer_ratings",
    "offers_from_answers",
    "parse_ratings",
    "priority_weights",
]

_RATINGS_HELP = "write e.g. 'salary=4, growth=3' with ratings from 0 to 5"


def parse_ratings(text: str) -> dict[str, float]:
    """Read ratings typed as ``area=number`` pieces (``,``/``;``/new line separated).

    >>> parse_ratings("salary=4, Team atmosphere: 3")
    {'salary': 4.0, 'team_atmosphere': 3.0}
    """
    ratings: dict[str, float] = {}
    for piece in (p.strip() for p in re.split(r"[,;\n]", str(text or ""))):
        if not piece:
            continue
        name, separator, number = piece.replace(":", "=", 1).partition("=")
        if not separator:
            raise InvalidInputError("ratings", "'area=rating' pieces", piece, _RATINGS_HELP)
        try:
            area = goal_area(name.strip()).id
        except InvalidInputError as exc:
            raise InvalidInputError("ratings", exc.expected, piece, exc.hint) from None
        try:
            ratings[area] = float(number.strip())
        except ValueError:
            raise InvalidInputError("ratings", "a rating after '='", piece, _RATINGS_HELP) from None
    if not ratings:
        raise InvalidInputError("ratings", "at least one rating", str(text or ""), _RATINGS_HELP)
    return ratings


def offer_ratings(value: object) -> dict[str, float]:
    """An offer's saved ratings: ``{area_id: int}`` from the sliders (0 = not rated), or
    the text typed before the sliders (``"salary=4, growth=3"``, answers files of schema 1).
    """
    if isinstance(value, Mapping):
        ratings = {str(area): float(n) for area, n in value.items() if n != 0}
        if not ratings:
            raise InvalidInputError(
                "ratings", "at least one rating above 0", "nothing", "move a slider"
            )
        return ratings
    return parse_ratings(str(value or ""))


def priority_weights(course: Course, offers: Sequence[Offer]) -> tuple[dict[str, float], str]:
    """The learner's priority weights from lesson 01, or equal weights over the areas rated."""
    from offerkit.exercises.wants_exercises import priorities_from_answers

    weights = priorities_from_answers(course).weights
    if weights:
        shown = ", ".join(f"{area} {w * 100:.0f} %" for area, w in weights.items())
        return weights, f"Weighted by your priorities from lesson 01: {shown}."
    rated = list(dict.fromkeys(area for o in offers for area in o.ratings))
    equal = {area: 1 / len(rated) for area in rated}
    return equal, (
        "No priorities saved in lesson 01 yet: equal weights over the areas you rated "
        f"({', '.join(rated)})."
    )


def _offers(entries: Sequence[Mapping[str, Any]], currency: str) -> list[Offer]:
    made = []
    for entry in entries:
        musts = entry.get("must_haves") or ()
        made.append(
            offer(
                str(entry.get("name") or ""),
                str(entry.get("pay") or ""),
                offer_ratings(entry.get("ratings")),
                [musts] if isinstance(musts, str) else list(musts),
                currency=currency,
            )
        )
    return made


def _ranked(values: Mapping[str, Any], course: Course) -> tuple[tuple[OfferScore, ...], str]:
    made = _offers(values.get("entries") or (), str(course.profile["currency"]))
    if not made:
        return (), ""
    weights, basis = priority_weights(course, made)
    return compare_offers(made, weights, previous_pay_from_profile(course)), basis


def _score_lines(score: OfferScore) -> list[str]:
    lines = [f"#{score.rank} {score.offer.name}: " + "; ".join(score.reasons) + "."]
    lines += [f"⚑ Red flag — {flag}." for flag in score.red_flags]
    return lines


def _evaluate_offers(values: Mapping[str, Any], course: Course) -> Feedback:
    ranked, basis = _ranked(values, course)
    if not ranked:
        return Feedback(
            ("No offers yet: add each offer you hold (or expect) with its pay and your ratings.",),
            "warn",
        )
    lines = [basis]
    for score in ranked:
        lines += _score_lines(score)
    flagged = [s.offer.name for s in ranked if s.red_flags]
    if flagged:
        lines.append(
            f"Offers with a red flag rank last ({', '.join(flagged)}): a must-have below "
            "your floor is worth raising with HR before you decide."
        )
    rows = [
        {"name": s.offer.name, "fit": s.fit, "cash": s.cash, "red_flags": list(s.red_flags)}
        for s in ranked
    ]
    level: Level = "warn" if flagged else "ok"
    return Feedback(tuple(lines), level, chart_data=rows, summary={"ranking": rows})


def _example_offers(course: Course) -> dict[str, Any]:
    return {
        "entries": [
            {
                "name": "Acme",
                "pay": "28k x 15",
                "ratings": {"salary": 4, "growth": 4, "team_atmosphere": 4},
                "must_haves": ["team_atmosphere"],
            },
            {
                "name": "Globex",
                "pay": "32k x 14",
                "ratings": {"salary": 5, "growth": 2, "team_atmosphere": 2},
                "must_haves": ["team_atmosphere"],
            },
        ]
    }


OFFERS = ExerciseSpec(
    id="05.offers",
    title="Compare your offers",
    prompt="Add each offer: its pay (any format), your 0–5 rating of each goal area, and "
    "the areas you cannot do without. Offers are ranked by fit to your priorities.",
    fields=(),
    entry_fields=(
        Field("name", "Company", placeholder="Acme"),
        Field("pay", "Pay (any format)", "money", placeholder="28k x 15"),
        Field(
            "ratings",
            "Your rating of each area, 0–5 (0 = not rated)",
            "scale",
            {},
            tuple((area.name, area.id) for area in goal_areas()),
            min=0,
            max=MAX_RATING,
        ),
        Field(
            "must_haves",
            "Must-haves (rate them too)",
            "multi",
            (),
            tuple((area.name, area.id) for area in goal_areas()),
        ),
    ),
    evaluate=_evaluate_offers,
    chart=lambda feedback: offers_chart(feedback.chart_data or ()),
    example=_example_offers,
    hints=(
        "Rate the areas you weighted in lesson 01; an area you weight but do not rate counts 0.",
        "Worked example: Acme, 28k x 15, rated 4 on salary, growth and team atmosphere, "
        "must-have team atmosphere.",
        "A must-have rated below 3/5 is a red flag: that offer ranks last whatever it pays.",
    ),
)


def offers_from_answers(course: Course) -> tuple[OfferScore, ...]:
    """The saved offers, ranked (empty if none are saved or they no longer validate)."""
    saved = course.answer(OFFERS.id)
    if not isinstance(saved, Mapping):
        return ()
    try:
        return _ranked(saved, course)[0]
    except OfferkitError:
        return ()


def build_offers_exercise(course: Course) -> Any:
    """Lesson 05: compare your offers against your priorities and cash."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OFFERS, course)
