"""Tests for offerkit.rules.rehearsal_scenarios: scenarios, moves and trades from data/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.rules.areas import goal_areas
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.rehearsal_scenarios import (
    MOVES,
    hr_moves,
    load_scenarios,
    load_trades,
    scenario_by_id,
)

REPO_DATA = Path(__file__).resolve().parent.parent / "data"


def _clear() -> None:
    for cached in (load_catalogue, load_scenarios, hr_moves, load_trades):
        cached.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    _clear()
    yield
    _clear()


def test_at_least_six_scenarios_from_easy_to_hard() -> None:
    levels = [s.level for s in load_scenarios()]
    assert 6 <= len(levels)
    assert sorted(levels) == levels
    assert len(set(levels)) == len(levels)


def test_every_move_appears_in_some_scenario_and_has_a_line() -> None:
    used = {m for s in load_scenarios() for m in s.moves}
    assert set(MOVES) == used
    assert set(MOVES) == set(hr_moves())


def test_the_band_is_set_relative_to_the_reference() -> None:
    scenario = scenario_by_id("friendly-start")
    assert pytest.approx((95_000.0, 110_000.0)) == scenario.band(100_000)


def test_a_fixed_base_scenario_caps_base() -> None:
    assert scenario_by_id("fixed-base").base_capped
    assert not scenario_by_id("friendly-start").base_capped


def test_every_trade_is_tied_to_a_known_goal_area() -> None:
    areas = {area.id for area in goal_areas()}
    trades = load_trades()
    assert {"level", "training", "sign_on", "start_date", "remote", "early_review"} <= {
        t.id for t in trades
    }
    assert set() == {t.area for t in trades} - areas


def test_an_unknown_scenario_names_the_known_ones() -> None:
    with pytest.raises(DataFileError, match="friendly-start"):
        scenario_by_id("nope")


def _copy_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for path in REPO_DATA.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    _clear()
    return tmp_path / "rehearsal_scenarios.csv"


def test_an_unknown_move_names_file_row_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy_data(tmp_path, monkeypatch)
    text = path.read_text(encoding="utf-8").replace(
        "expectations|low_offer|closing", "expectations|haggle|closing"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_scenarios()
    assert "rehearsal_scenarios.csv, row 2, column 'moves'" in str(caught.value)
    assert "haggle" in str(caught.value)


def test_a_band_upside_down_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy_data(tmp_path, monkeypatch)
    text = path.read_text(encoding="utf-8").replace(",-5,10,", ",10,-5,")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="row 2, column 'band_high_pct'"):
        load_scenarios()


def test_a_missing_move_line_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _copy_data(tmp_path, monkeypatch)
    moves = tmp_path / "rehearsal_moves.csv"
    lines = moves.read_text(encoding="utf-8").splitlines()
    moves.write_text(
        "\n".join(line for line in lines if not line.startswith("no_base")), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="no_base"):
        hr_moves()
