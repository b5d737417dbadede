"""Lesson 05 exercise: compare your offers against what *you* want (:data:`OFFERS`).

Each offer is rated on the goal areas and ranked by fit to the weights from lesson 01 (or
equal weights when none are saved); a must-have rated too low is a red flag. Later lessons
read the ranking from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from offerkit.exercises.charts import offers_chart
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.learner.readers import read_offers
from offerkit.rules.areas import goal_area, goal_areas
from offerkit.rules.offers import MAX_RATING, Offer, OfferScore, compare_offers

__all__ = ["OFFERS", "build_offers_exercise"]


def _weights(course: Course, offers: Sequence[Offer]) -> tuple[dict[str, float], str]:
    """The learner's priority weights (from the learner state), or equal weights over the
    areas rated, and a line saying which."""
    priorities = course.state.priorities
    weights = priorities.priorities.weights
    if weights:
        return weights, f"Weighted by {priorities.source_label}: {priorities.shown()}."
    rated = list(dict.fromkeys(area for o in offers for area in o.ratings))
    equal = {area: 1 / len(rated) for area in rated}
    names = ", ".join(goal_area(area).name for area in rated)
    return equal, (
        f"No priorities saved in lesson 01 yet: equal weights over the areas you rated ({names})."
    )


def _ranked(values: Mapping[str, Any], course: Course) -> tuple[tuple[OfferScore, ...], str]:
    made = read_offers(values.get("entries") or (), course.state.profile.currency)
    if not made:
        return (), ""
    weights, basis = _weights(course, made)
    return compare_offers(made, weights, course.state.profile.previous_pay), basis


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
    id=schema.OFFERS.id,
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
        "Weights Salary 50 % and Growth and learning 50 %, an offer rated 4 and 2 on them: fit "
        "3.00/5 (60 %). A must-have rated below 3/5 is a red flag: that offer ranks last "
        "whatever it pays.",
        "The example offers (default profile '25k x 14', posted '20-30K·15薪', equal weights): "
        "Acme ranks first (fit 4.00/5, CNY 420,000 a year, +20 % on previous pay); Globex pays "
        "448,000 (+28 %) but has a red flag — Team atmosphere, a must-have, rated 2/5 — so ask "
        "Globex about its team before you decide.",
    ),
)


def build_offers_exercise(course: Course) -> Any:
    """Lesson 05: compare your offers against your priorities and cash."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OFFERS, course)
