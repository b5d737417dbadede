"""The export format: shares, counts and kinds only; a stable random token; shape checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from offerkit.errors import InvalidInputError
from offerkit.learner.answers import AnswersStore
from offerkit.rules.export import (
    TOKEN_KEY,
    ExportInputs,
    anonymised_export,
    export_token,
    parse_export,
)


def test_token_is_random_saved_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "answers" / "ada.answers.json"
    store = AnswersStore(path, "ada")
    store.save("03.salary", {"previous_pay": "312345", "ask": "370000"})
    first = export_token(store)
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    assert {"token": first} == AnswersStore(path).get(TOKEN_KEY)
    assert first == export_token(AnswersStore(path, "ada"))
    other = AnswersStore(tmp_path / "other" / "ada.answers.json", "ada")
    other.save("03.salary", {"previous_pay": "312345", "ask": "370000"})
    assert first != export_token(other)  # same learner, same answers, a fresh file


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"weights": {"my secret wish": 1.0}}, "goal area"),
        ({"exception_kinds": ("because I said so",)}, "exception"),
        ({"soft": -1}, "soft"),
        ({"weights": {"salary": True}}, "weight of salary"),
        ({"decision_days": 1.5}, "decision_window_days"),
    ],
)
def test_anything_but_catalogue_ids_counts_and_kinds_is_refused(
    change: dict[str, object], field: str
) -> None:
    inputs = ExportInputs(**{"weights": {"salary": 1.0}, **change})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as caught:
        anonymised_export(inputs, "ab" * 8)
    assert field == caught.value.field


def test_a_token_derived_from_a_name_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="token"):
        anonymised_export(ExportInputs(weights={}), "ada-lovelace")


def test_parse_export_reads_back_what_anonymised_export_makes() -> None:
    inputs = ExportInputs(
        weights={"salary": 0.6, "growth": 0.4},
        soft=2,
        rare_hard=1,
        previous_annual=300_000,
        ask=354_000,
        exception_kinds=("high-demand",),
        decision_days=5,
    )
    read = parse_export(anonymised_export(inputs, "ab" * 8))
    assert ("ab" * 8, {"salary": 0.6, "growth": 0.4}, 18, ("high-demand",), 5) == (
        read.token,
        dict(read.weights),
        read.ask_pct,
        read.exceptions,
        read.decision_days,
    )
    assert {"soft": 2, "hard": 0, "rare_hard": 1} == dict(read.strengths)


def test_parse_export_refuses_a_malformed_token() -> None:
    with pytest.raises(ValueError, match="'token' is missing or malformed"):
        parse_export({"kind": "offerkit-export", "schema": 1, "token": "x"})


def good_export() -> dict[str, object]:
    inputs = ExportInputs(weights={"salary": 0.6, "growth": 0.4}, soft=1, decision_days=5)
    return anonymised_export(inputs, "ab" * 8)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"token": "ab" * 8 + "\n"}, "'token' is missing or malformed"),
        ({"schema": True}, "'schema' must be 1"),
        ({"goal_areas": {"salary\n": 0.5}}, "'goal_areas' must map the course's goal-area ids"),
        ({"goal_areas": {"my_secret_wish": 0.5}}, "'goal_areas' must map the course's"),
        ({"goal_areas": {"salary": True}}, "'goal_areas' must map the course's"),
        ({"goal_areas": {"salary": float("inf")}}, "'goal_areas' must map the course's"),
        ({"strengths": {"soft": True, "hard": 0, "rare_hard": 0}}, "'strengths' must hold"),
        ({"strengths": {"soft": 1, "hard": 0, "rare_hard": 0, "x": 1}}, "'strengths' must"),
        ({"exceptions": [{"kind": "exceptional"}]}, "'exceptions' must list kinds"),
        ({"exceptions": ["exceptional", "exceptional"]}, "'exceptions' lists a kind twice"),
        ({"exceptions": ["exceptional"], "exception_used": False}, "'exception_used' must be"),
        ({"decision_window_days": 10**400}, "'decision_window_days' must be a whole number"),
        ({"ask_over_previous_pct": 1.5}, "'ask_over_previous_pct' must be a whole number"),
        ({"learner_name": "Ada <b>Lovelace</b>"}, "holds fields an export does not have"),
    ],
)
def test_parse_export_refuses_anything_off_the_schema_without_quoting_it(
    change: dict[str, object], reason: str
) -> None:
    data = {**good_export(), **change}
    with pytest.raises(ValueError, match=re.escape(reason)) as caught:
        parse_export(data)
    assert [] == [part for part in ("Ada", "secret", "\n", "<b>") if part in str(caught.value)]


def test_parse_export_refuses_a_missing_field() -> None:
    data = good_export()
    del data["decision_window_days"]
    with pytest.raises(ValueError, match="'decision_window_days' is missing"):
        parse_export(data)
