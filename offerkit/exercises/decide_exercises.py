"""Lesson 05 exercises: decide between offers, stay honest, and reply.

Compare your offers against what *you* want (:data:`OFFERS`, weights from lesson 01), check
that what you told HR matches the facts (:data:`HONESTY`), and draft your answer — accept,
counter politely or decline politely (:data:`REPLY`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.charts import offers_chart
from offerkit.exercises.course import Course
from offerkit.exercises.hr_exercises import (
    expected_from_answers,
    held_offers_choices,
    paragraphs,
    previous_pay_from_profile,
    whole_number,
)
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.honesty import check_honesty, check_tone
from offerkit.hr import draft_reply
from offerkit.offers import Offer, OfferScore, compare_offers, offer
from offerkit.pay import parse_pay
from offerkit.salary import check_ask
from offerkit.wants import goal_area, goal_areas

__all__ = [
    "HONESTY",
    "OFFERS",
    "REPLY",
    "build_honesty_exercise",
    "build_offers_exercise",
    "build_reply_exercise",
    "offers_from_answers",
    "parse_ratings",
    "priority_weights",
]

_RATINGS_HELP = "write e.g. 'salary=4, growth=3' with ratings from 0 to 5"
_EXAMPLE_COMPANY = "Example Ltd"


# ---------------------------------------------------------------- compare offers


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
                parse_ratings(str(entry.get("ratings") or "")),
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
                "ratings": "salary=4, growth=4, team_atmosphere=4",
                "must_haves": ["team_atmosphere"],
            },
            {
                "name": "Globex",
                "pay": "32k x 14",
                "ratings": "salary=5, growth=2, team_atmosphere=2",
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
        Field("pay", "Pay (any format)", placeholder="28k x 15"),
        Field("ratings", "Ratings 0–5 (area=rating, …)", placeholder="salary=4, growth=3"),
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
        "Worked example: Acme, 28k x 15, 'salary=4, growth=4, team_atmosphere=4', must-have "
        "team atmosphere.",
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


# ---------------------------------------------------------------- honesty


def _held_default(course: Course) -> dict[str, Any]:
    saved = course.answer(OFFERS.id)
    entries = saved.get("entries") if isinstance(saved, Mapping) else None
    held = min(5, max(0, len(entries) - 1)) if isinstance(entries, list) else 0
    return {"offers_held": str(held)}


def _evaluate_honesty(values: Mapping[str, Any], course: Course) -> Feedback:
    previous = previous_pay_from_profile(course)
    told_text = str(values.get("told_previous") or "").strip()
    currency = str(course.profile["currency"])
    told = parse_pay(told_text, currency, field="told_previous") if told_text else None
    claimed = bool(values.get("claimed_offer"))
    held = whole_number(values.get("offers_held", "0"), "offers_held", 0, 5)
    issues = check_honesty(
        previous_pay_profile=previous,
        previous_pay_told=told,
        competing_offer_claimed=claimed,
        competing_offers_held=held,
    )
    checked = []
    if told is None:
        checked.append("no previous pay told to HR was entered, so none was compared")
    elif previous is None:
        checked.append(
            f"you told HR {told.describe()}, but your profile has no previous pay to compare "
            "it with; record the same true figure in your profile"
        )
    else:
        checked.append(
            f"previous pay told to HR ({told.describe()}) vs your profile ({previous.describe()})"
        )
    mention = "a competing offer you mentioned" if claimed else "no competing offer mentioned"
    checked.append(f"{mention}, with {held} other offer(s) actually held")
    if issues:
        lines = [f"Honesty: {issue.message}" for issue in issues]
        lines.append("Checked: " + "; ".join(checked) + ".")
        return Feedback(tuple(lines), "warn", summary={"issues": [i.kind for i in issues]})
    lines = [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: " + "; ".join(checked) + ".",
    ]
    return Feedback(tuple(lines), summary={"issues": []})


HONESTY = ExerciseSpec(
    id="05.honesty",
    title="Honesty check",
    prompt="What did you tell HR? It is checked against your profile and the offers you "
    "actually hold: at the decisive moment, sincerity keeps the trust you have built.",
    fields=(
        Field(
            "told_previous",
            "Previous pay as you told HR (empty = not told)",
            placeholder="25k x 14",
        ),
        Field("claimed_offer", "I mentioned a competing offer to HR", "bool", False),
        Field("offers_held", "Other offers you hold", "choice", "0", held_offers_choices()),
    ),
    evaluate=_evaluate_honesty,
    defaults=_held_default,
    hints=(
        "Use the same pay format as your profile: the annual figures are compared.",
        "Previous pay is often checked at background verification (practice in China, not law).",
        "Mention a competing offer only if you hold one; otherwise talk about what you bring.",
    ),
)


# ---------------------------------------------------------------- reply


def _reply_defaults(course: Course) -> dict[str, Any]:
    values: dict[str, Any] = {"role": course.profile["target_role"]}
    for exercise_id in ("04.opening", "04.deadline"):
        saved = course.answer(exercise_id)
        if isinstance(saved, Mapping) and str(saved.get("company") or "").strip():
            values["company"] = saved["company"]
            break
    return values


def _counter_check(amount: float, course: Course) -> str:
    try:
        expected, source = expected_from_answers(course)
    except OfferkitError:
        return ""
    return f"Against your range from {source}: {check_ask(amount, expected).message}"


def _evaluate_reply(values: Mapping[str, Any], course: Course) -> Feedback:
    kind: Any = values.get("kind") or "accept"  # draft_reply checks it
    company = str(values.get("company") or "").strip()
    lines: list[str] = []
    if not company and course.headless:
        company = _EXAMPLE_COMPANY
        lines.append(f"Worked example for '{company}': nothing saved yet.")
    currency = str(course.profile["currency"])
    amount_text = str(values.get("amount") or "").strip()
    amount = parse_pay(amount_text, currency, field="amount").amount if amount_text else None
    if kind == "counter" and amount is None:
        raise InvalidInputError(
            "amount", "the annual figure you ask for", "", "a counter needs a number, e.g. 400000"
        )
    draft = draft_reply(
        kind,
        name=str(course.profile["learner_name"]),
        company=company,
        role=str(values.get("role") or ""),
        currency=currency,
        amount=amount if kind != "decline" else None,
    )
    report = check_tone(draft)
    lines += ["Your draft (copy it and make it your own):", *paragraphs(draft)]
    lines.append(f"Tone: {report.summary}")
    lines += [f"“{f.phrase}” ({f.category}) — try instead: {f.hint}" for f in report.flags]
    if kind == "counter" and amount is not None:
        lines.append(_counter_check(amount, course))
    level: Level = "ok" if report.friendly else "warn"
    summary = {"kind": kind, "reply": draft, "friendly": report.friendly}
    return Feedback(tuple(line for line in lines if line), level, summary=summary)


REPLY = ExerciseSpec(
    id="05.reply",
    title="Reply to an offer",
    prompt="Accept, counter politely with an annual figure, or decline politely and keep "
    "the door open. The draft is checked for tone.",
    fields=(
        Field(
            "kind",
            "Reply",
            "choice",
            "accept",
            (
                ("Accept", "accept"),
                ("Counter politely", "counter"),
                ("Decline politely", "decline"),
            ),
        ),
        Field("company", "Company", placeholder="Acme Ltd"),
        Field("role", "Role", placeholder="Backend engineer"),
        Field("amount", "Annual figure (counter; optional to accept)", placeholder="400000"),
    ),
    evaluate=_evaluate_reply,
    defaults=_reply_defaults,
    hints=(
        "Counter with one annual figure and a reason: the value you bring.",
        "Keep a counter within your lesson 03 range; the draft says so if it is not.",
        "Declining politely keeps the door open: HR may call you for the next role.",
    ),
)


# ---------------------------------------------------------------- builders


def build_offers_exercise(course: Course) -> Any:
    """Lesson 05: compare your offers against your priorities and cash."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OFFERS, course)


def build_honesty_exercise(course: Course) -> Any:
    """Lesson 05: check what you told HR against the facts."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(HONESTY, course)


def build_reply_exercise(course: Course) -> Any:
    """Lesson 05: accept, counter or decline, politely."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(REPLY, course)
