"""The learner's own numbers for the rehearsal (lesson 07), from their state.

The rehearsal engine (:mod:`offerkit.rules.rehearsal`) takes plain inputs; this module
builds them from the :class:`~offerkit.learner.state.LearnerState`: the annual range of
lesson 03, the posting's middle, the previous pay of lesson 00, the walk-away point of
lesson 05 (else the previous pay, else the range's low end less 10 %), the offers held
besides this one, the priorities of lesson 01 and the offer date of lesson 04.
"""

from __future__ import annotations

from datetime import date

from offerkit.errors import InvalidInputError
from offerkit.learner.state import LearnerState
from offerkit.rules.rehearsal import RehearsalLearner

__all__ = ["DEFAULT_OFFER_DATE", "rehearsal_learner"]

DEFAULT_OFFER_DATE = date(2026, 3, 2)
"""The offer date a rehearsal uses when lesson 04's deadline is not saved."""


def rehearsal_learner(state: LearnerState) -> RehearsalLearner:
    """The numbers the HR counterpart plays against; raises when there is no range yet."""
    expected = state.salary.expected
    if expected is None:
        raise state.salary.error or InvalidInputError(
            "previous_pay", "your previous pay or a posted range (lesson 00 or 03)", ""
        )
    previous = state.profile.previous_pay.amount if state.profile.previous_pay else None
    if state.walk_away is not None:
        walk_away = state.walk_away.amount
    else:
        walk_away = previous if previous is not None else expected.range_low * 0.9
    posted = expected.posted.typical_offer if expected.posted is not None else None
    return RehearsalLearner(
        name=state.profile.name,
        currency=expected.currency,
        range_low=expected.range_low,
        range_high=expected.range_high,
        posted_mid=posted,
        previous_pay=previous,
        walk_away=walk_away,
        offers_held=state.other_offers_held,
        priorities=tuple(item.area.id for item in state.priorities.priorities.items),
        role=state.profile.target_role,
        offer_date=state.deadline.offer_date if state.deadline else DEFAULT_OFFER_DATE,
    )
