"""offerkit: prepare for the offer and salary conversation.

The public API of the lesson's rules (pure functions and frozen dataclasses). Widget
builders live in :mod:`offerkit.exercises`; batch building in :mod:`offerkit.batch`.
"""

from offerkit.errors import (
    AnswersFileError,
    BuildError,
    DataFileError,
    EmptyTextError,
    InvalidInputError,
    LessonMetadataError,
    OfferkitError,
    PayFormatError,
    RosterError,
    UnknownCurrencyError,
)
from offerkit.learner.params import PARAMETERS, Parameter, learner_slug, validate_parameters
from offerkit.rules.areas import GoalArea, goal_area, goal_areas
from offerkit.rules.ask import AskVerdict, check_ask
from offerkit.rules.checker import CheckReport, Finding, check_message
from offerkit.rules.honesty import (
    HonestyIssue,
    ToneFlag,
    ToneReport,
    check_draft_honesty,
    check_honesty,
    check_tone,
    tone_categories,
)
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
from offerkit.rules.offers import (
    MAX_RATING,
    MUST_HAVE_FLOOR,
    Offer,
    OfferScore,
    compare_offers,
    offer,
    walk_away_point,
)
from offerkit.rules.pay import (
    AnnualPay,
    PayRange,
    annual_pay,
    format_money,
    parse_pay,
    parse_pay_range,
)
from offerkit.rules.posted_range import AskPosition, PostedRangeReading, decode_posted_range
from offerkit.rules.questions import InterviewQuestion, interview_questions
from offerkit.rules.salary import ExpectedSalary, SalaryPolicy, expected_salary_range
from offerkit.rules.salary_exceptions import (
    SalaryException,
    exception_from_strengths,
    high_demand_exception,
)
from offerkit.rules.strengths import (
    EXCEPTIONAL_RULE,
    STRENGTH_KINDS,
    Strength,
    StrengthSummary,
    strength,
    strength_tier,
    summarise_strengths,
)
from offerkit.rules.wants import (
    FrustrationEntry,
    Priorities,
    Priority,
    frustration_entry,
    growth_areas,
    parse_weights,
    rank_priorities,
    wants_summary,
)

__version__ = "0.1.0"

__all__ = [
    "EXCEPTIONAL_RULE",
    "MAX_DECISION_DAYS",
    "MAX_RATING",
    "MUST_HAVE_FLOOR",
    "OPENING_KINDS",
    "PARAMETERS",
    "REPLY_KINDS",
    "STRENGTH_KINDS",
    "AnnualPay",
    "AnswersFileError",
    "AskPosition",
    "AskVerdict",
    "BuildError",
    "CheckReport",
    "DataFileError",
    "DecisionDeadline",
    "DoubtItem",
    "EmptyTextError",
    "ExpectedSalary",
    "Finding",
    "FrustrationEntry",
    "GoalArea",
    "HonestyIssue",
    "InterviewQuestion",
    "InvalidInputError",
    "LessonMetadataError",
    "Offer",
    "OfferScore",
    "OfferkitError",
    "Parameter",
    "PayFormatError",
    "PayRange",
    "PostedRangeReading",
    "Priorities",
    "Priority",
    "RosterError",
    "SalaryException",
    "SalaryPolicy",
    "Strength",
    "StrengthSummary",
    "ToneFlag",
    "ToneReport",
    "UnknownCurrencyError",
    "__version__",
    "annual_pay",
    "check_ask",
    "check_draft_honesty",
    "check_honesty",
    "check_message",
    "check_tone",
    "checklist_text",
    "compare_offers",
    "decision_deadline",
    "decode_posted_range",
    "doubts_checklist",
    "draft_opening",
    "draft_reply",
    "exception_from_strengths",
    "expected_salary_range",
    "format_money",
    "frustration_entry",
    "goal_area",
    "goal_areas",
    "growth_areas",
    "high_demand_exception",
    "interview_questions",
    "learner_slug",
    "offer",
    "parse_pay",
    "parse_pay_range",
    "parse_weights",
    "rank_priorities",
    "strength",
    "strength_tier",
    "summarise_strengths",
    "tone_categories",
    "validate_parameters",
    "walk_away_point",
    "wants_summary",
]
