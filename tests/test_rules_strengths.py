"""Tests for offerkit.rules.strengths: the strength ledger and the "exceptional" rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.strengths import (
    EXCEPTIONAL_RULE,
    Strength,
    StrengthSummary,
    strength,
    strength_tier,
    summarise_strengths,
)

EASY_GOING = strength("Easy-going", kind="soft")
MIGRATION = strength("Led a payment-system migration", "outages down 40 % in 2023")
COMPILER = strength("Built a compiler for an in-house chip", kind="hard", rare=True)
CALM = strength("Unusually calm under pressure", kind="soft", rare=True)


# ---------------------------------------------------------------- building a strength


def test_strength_defaults_to_hard_without_evidence() -> None:
    expected = Strength("Ran the on-call rota", "", "hard", False)
    assert expected == strength("  Ran the on-call rota ")


def test_strength_accepts_kind_in_any_case_and_strips_evidence() -> None:
    expected = Strength("Patient", "mentored 3 juniors", "soft", False)
    assert expected == strength("Patient", "  mentored 3 juniors ", kind=" SoFt ")


@pytest.mark.parametrize("description", ["", "   ", "\n\t"])
def test_blank_description_is_refused(description: str) -> None:
    with pytest.raises(EmptyTextError) as caught:
        strength(description)
    assert "description" == caught.value.field


@pytest.mark.parametrize("kind", ["medium", "", "hardish", 3])
def test_unknown_kind_is_refused(kind: object) -> None:
    with pytest.raises(InvalidInputError) as caught:
        strength("Led a team", kind=kind)  # type: ignore[arg-type]
    assert "kind" == caught.value.field
    assert "'soft' or 'hard'" in str(caught.value)


def test_evidence_must_be_text() -> None:
    with pytest.raises(InvalidInputError) as caught:
        strength("Led a team", evidence=42)  # type: ignore[arg-type]
    assert "evidence" == caught.value.field


def test_rare_must_be_a_bool() -> None:
    with pytest.raises(InvalidInputError) as caught:
        strength("Led a team", rare="yes")  # type: ignore[arg-type]
    assert "rare" == caught.value.field


def test_errors_are_value_errors_too() -> None:
    with pytest.raises(ValueError):
        strength("")


# ---------------------------------------------------------------- tiers


@pytest.mark.parametrize(
    ("item", "expected"),
    [(COMPILER, 3), (MIGRATION, 2), (EASY_GOING, 1), (CALM, 1)],
)
def test_tiers_rare_hard_over_hard_over_soft(item: Strength, expected: int) -> None:
    assert expected == strength_tier(item)
    assert expected == item.tier


# ---------------------------------------------------------------- summary


def test_worked_example_summary() -> None:
    summary = summarise_strengths([EASY_GOING, MIGRATION, COMPILER, CALM])
    assert (COMPILER, MIGRATION, EASY_GOING, CALM) == summary.ranked
    assert (MIGRATION,) == summary.carrying_weight
    assert (COMPILER, EASY_GOING, CALM) == summary.needs_evidence
    assert {"soft": 2, "hard": 2, "rare": 1} == dict(summary.counts)
    assert summary.exceptional_supported is False
    assert summary.exceptional_reason.startswith("Not yet:")
    assert "Built a compiler" in summary.exceptional_reason
    assert (
        "'Unusually calm under pressure' is marked rare, but it is a soft strength: rarity "
        "raises only hard strengths (project or professional experience).",
        "Add evidence to 'Built a compiler for an in-house chip': the project, result or "
        "figure that shows it.",
        "Add evidence to 'Easy-going': the project, result or figure that shows it.",
        "Add evidence to 'Unusually calm under pressure': the project, result or figure "
        "that shows it.",
    ) == summary.notes


def test_rare_hard_with_evidence_supports_exceptional() -> None:
    backed = strength("Built a compiler", "shipped in 2 chips", rare=True)
    summary = summarise_strengths([MIGRATION, backed])
    assert summary.exceptional_supported is True
    assert summary.exceptional_reason.startswith("Supported:")
    assert (backed, MIGRATION) == summary.carrying_weight


def test_plain_hard_with_evidence_does_not_support_exceptional() -> None:
    summary = summarise_strengths([MIGRATION])
    assert summary.exceptional_supported is False
    assert "none of your strengths is rare" in summary.exceptional_reason
    assert () == summary.notes


def test_rare_soft_with_evidence_does_not_support_exceptional() -> None:
    rare_soft = strength("Calm", "stayed calm in 3 outages", kind="soft", rare=True)
    summary = summarise_strengths([rare_soft])
    assert summary.exceptional_supported is False
    assert "rarity counts only" in summary.exceptional_reason
    assert {"soft": 1, "hard": 0, "rare": 0} == dict(summary.counts)


def test_only_soft_strengths_get_a_note() -> None:
    summary = summarise_strengths([strength("Kind", "team award", kind="soft")])
    expected = ("Only soft strengths: these are common; add project or professional experience.",)
    assert expected == summary.notes
    assert () == summary.carrying_weight


def test_empty_ledger_gives_a_note_not_an_error() -> None:
    summary = summarise_strengths([])
    assert () == summary.ranked
    assert {"soft": 0, "hard": 0, "rare": 0} == dict(summary.counts)
    assert summary.exceptional_supported is False
    assert 1 == len(summary.notes)
    assert "empty" in summary.notes[0]
    assert "empty" in summary.exceptional_reason


def test_ledger_items_must_be_strengths() -> None:
    with pytest.raises(InvalidInputError) as caught:
        summarise_strengths([MIGRATION, "Led a team"])  # type: ignore[list-item]
    assert "ledger[1]" == caught.value.field


def test_rule_text_names_rare_hard_and_evidence() -> None:
    assert "rare hard experience" in EXCEPTIONAL_RULE
    assert "evidence" in EXCEPTIONAL_RULE


def test_summary_is_frozen() -> None:
    summary = summarise_strengths([MIGRATION])
    assert isinstance(summary, StrengthSummary)
    with pytest.raises(AttributeError):
        summary.exceptional_supported = True  # type: ignore[misc]


# ---------------------------------------------------------------- properties

strengths_st = st.builds(
    Strength,
    description=st.text(min_size=1, max_size=8).filter(str.strip),
    evidence=st.sampled_from(["", "  ", "shipped v2", "+30 % revenue"]),
    kind=st.sampled_from(["soft", "hard"]),
    rare=st.booleans(),
)


@given(st.lists(strengths_st, max_size=12))
def test_ranked_is_a_permutation_with_non_increasing_tiers(ledger: list[Strength]) -> None:
    summary = summarise_strengths(ledger)
    assert sorted(map(id, ledger)) == sorted(map(id, summary.ranked))
    tiers = [s.tier for s in summary.ranked]
    assert sorted(tiers, reverse=True) == tiers


@given(st.lists(strengths_st, max_size=12))
def test_exceptional_iff_some_rare_hard_has_evidence(ledger: list[Strength]) -> None:
    expected = any(s.kind == "hard" and s.rare and s.evidence.strip() for s in ledger)
    assert expected == summarise_strengths(ledger).exceptional_supported


@given(st.lists(strengths_st, max_size=12))
def test_every_unevidenced_strength_is_flagged(ledger: list[Strength]) -> None:
    summary = summarise_strengths(ledger)
    expected = sorted(id(s) for s in ledger if not s.evidence.strip())
    assert expected == sorted(map(id, summary.needs_evidence))
    assert len(ledger) == summary.counts["soft"] + summary.counts["hard"]
