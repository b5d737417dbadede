"""Print the self-check quizzes' balance: where the keys sit and how many items apply a rule.

    python tools/quiz_balance.py

Reads every ``data/quiz-NN.csv`` through the loader the lessons use, so a malformed file
fails here as it would in a lesson. ``tests/test_exercises_quiz.py`` holds the limits
(no answer position above 35 % of the keys, at least half the items applying a rule).
"""

from __future__ import annotations

from collections import Counter

from offerkit.exercises.quiz import quiz_questions
from offerkit.rules.catalogue import data_dir


def main() -> int:
    lessons = sorted(p.stem.split("-")[1] for p in data_dir().glob("quiz-*.csv"))
    questions = [q for lesson in lessons for q in quiz_questions(lesson)]
    keys = Counter(q.letter for q in questions)
    kinds = Counter(q.kind for q in questions)
    total = len(questions)
    print(f"{total} items in {len(lessons)} lessons ({', '.join(lessons)})")
    print("keys:  " + "  ".join(f"{k} {keys[k]} ({keys[k] / total:.0%})" for k in "abcd"))
    print("kinds: " + "  ".join(f"{k} {n} ({n / total:.0%})" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
