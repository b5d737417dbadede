"""The exercises: one builder per exercise, called once from a lesson notebook.

Each builder takes the ``course`` opened by :func:`start_course` and returns the
exercise's widget (or, in a headless run, prints its summary and draws its chart).
"""

from offerkit.exercises.course import Course, has_frontend, start_course
from offerkit.exercises.deadline_exercises import build_deadline_exercise
from offerkit.exercises.decide_exercises import build_honesty_exercise, build_reply_exercise
from offerkit.exercises.export_exercises import build_export_exercise
from offerkit.exercises.goal_areas_exercises import build_goal_areas_exercise
from offerkit.exercises.hr_exercises import (
    build_doubts_exercise,
    build_opening_exercise,
)
from offerkit.exercises.offers_exercises import build_offers_exercise
from offerkit.exercises.plan_exercises import build_plan_exercise
from offerkit.exercises.priorities_exercises import build_priorities_exercise
from offerkit.exercises.quiz import build_quiz
from offerkit.exercises.rehearsal_exercises import build_rehearsal_exercise
from offerkit.exercises.salary_exercises import build_posted_range_exercise, build_salary_exercise
from offerkit.exercises.start_exercises import build_pay_formats_exercise, build_profile_exercise
from offerkit.exercises.strengths_exercises import build_strengths_exercise
from offerkit.exercises.tone_exercises import build_tone_exercise
from offerkit.exercises.walkaway_exercises import build_walk_away_exercise
from offerkit.exercises.wants_exercises import (
    build_journal_exercise,
)

__all__ = [
    "Course",
    "build_deadline_exercise",
    "build_doubts_exercise",
    "build_export_exercise",
    "build_goal_areas_exercise",
    "build_honesty_exercise",
    "build_journal_exercise",
    "build_offers_exercise",
    "build_opening_exercise",
    "build_pay_formats_exercise",
    "build_plan_exercise",
    "build_posted_range_exercise",
    "build_priorities_exercise",
    "build_profile_exercise",
    "build_quiz",
    "build_rehearsal_exercise",
    "build_reply_exercise",
    "build_salary_exercise",
    "build_strengths_exercise",
    "build_tone_exercise",
    "build_walk_away_exercise",
    "has_frontend",
    "start_course",
]
