"""The field kinds' widgets, driven without a kernel: each kind picks its widget, and what
the learner sets comes back as plain JSON (and round-trips through an answers file)."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets
from exercise_helpers import open_course, saved

from offerkit.exercises.controls import ScaleControl, control_value, field_control, field_view
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.exercises.widgets import ExerciseWidget

AREAS = (("Salary", "salary"), ("Team atmosphere", "team_atmosphere"))
RATINGS = Field("ratings", "Your ratings", "scale", {}, AREAS, min=0, max=5)
WHEN = Field("when", "Offer date", "date")
PAY = Field("pay", "Pay", "money", placeholder="25k x 14")
AREA_PICK = Field("areas", "Areas", "multi", [], AREAS)
KIND = Field("kind", "Kind", "choice", "hard", (("Hard skill", "hard"), ("Soft skill", "soft")))
COUNT = Field("count", "How many", "number", 2, min=0, max=10)


def test_a_scale_is_one_labelled_slider_per_item_saved_as_ids_to_ints() -> None:
    control = field_control(RATINGS, {"salary": 4})
    assert isinstance(control, ScaleControl)
    assert ["Salary", "Team atmosphere"] == [s.description for s in control.sliders.values()]
    assert all(isinstance(s, widgets.IntSlider) for s in control.sliders.values())
    assert (0, 5) == (control.sliders["salary"].min, control.sliders["salary"].max)
    control.sliders["team_atmosphere"].value = 3
    assert {"salary": 4, "team_atmosphere": 3} == control_value(control)


def test_setting_a_scale_value_from_code_moves_its_sliders() -> None:
    control = field_control(RATINGS, {})
    control.value = {"salary": 2}
    assert 2 == control.sliders["salary"].value


def test_a_scale_reads_the_older_typed_text() -> None:
    control = field_control(RATINGS, "salary=4, Team atmosphere: 2")
    assert {"salary": 4, "team_atmosphere": 2} == control_value(control)


def test_a_date_is_a_date_picker_saved_as_iso_text() -> None:
    control = field_control(WHEN, "2026-03-02")
    assert isinstance(control, widgets.DatePicker)
    assert date(2026, 3, 2) == control.value
    control.value = date(2026, 3, 9)
    assert "2026-03-09" == control_value(control)
    control.value = None
    assert "" == control_value(control)


def test_a_date_that_is_no_date_opens_an_empty_picker() -> None:
    assert None is field_control(WHEN, "2026-02-30").value


def test_money_is_a_text_box_with_the_currency_beside_it() -> None:
    control = field_control(PAY, "25k x 14")
    assert isinstance(control, widgets.Text)
    view = field_view(PAY, control, "EUR")
    assert control is view.children[0]
    assert "EUR" == view.children[1].value
    assert "25k x 14" == control_value(control)


def test_choices_and_multi_show_labels_and_save_values() -> None:
    dropdown = field_control(KIND, "soft")
    assert isinstance(dropdown, widgets.Dropdown)
    assert ("Hard skill", "Soft skill") == dropdown._options_labels
    assert "soft" == control_value(dropdown)
    multi = field_control(AREA_PICK, ["team_atmosphere", "not-an-area"])
    assert isinstance(multi, widgets.SelectMultiple)
    assert ["team_atmosphere"] == control_value(multi)


def test_a_number_with_bounds_is_a_bounded_box() -> None:
    control = field_control(COUNT, 99)
    assert isinstance(control, widgets.BoundedFloatText)
    assert 10.0 == control_value(control)
    assert isinstance(field_control(Field("n", "N", "number", 0), "x"), widgets.FloatText)


def test_new_kinds_round_trip_through_the_answers_file(tmp_path) -> None:
    spec = ExerciseSpec(
        id="99.kinds",
        title="Kinds",
        prompt="Set them.",
        fields=(RATINGS, WHEN, PAY, AREA_PICK),
        evaluate=lambda values, _course: Feedback((str(values["ratings"]),)),
    )
    first = ExerciseWidget(spec, open_course(tmp_path))
    first.controls["ratings"].sliders["salary"].value = 5
    first.controls["when"].value = date(2026, 3, 2)
    first.controls["pay"].value = "30k x 13"
    first.controls["areas"].value = ("salary",)
    stored = saved(first.course)["99.kinds"]
    assert {"salary": 5, "team_atmosphere": 0} == stored["ratings"]
    assert "2026-03-02" == stored["when"]
    assert ["salary"] == stored["areas"]
    again = ExerciseWidget(spec, open_course(tmp_path))  # like a kernel restart
    assert 5 == again.controls["ratings"].sliders["salary"].value
    assert date(2026, 3, 2) == again.controls["when"].value
    assert "30k x 13" == again.controls["pay"].value


def test_a_label_too_long_for_the_description_goes_above_its_control() -> None:
    must = Field("must", "Must-haves (rate them too)", "multi", [], AREAS)
    control = field_control(must, [])
    view = field_view(must, control)
    assert isinstance(view, widgets.VBox)
    assert "<b>Must-haves (rate them too)</b>" == view.children[0].value
    assert "" == control.description
    company = Field("c", "Company (optional)")
    short = field_control(company, "")
    assert short is field_view(company, short)
    assert "Company (optional)" == short.description


def test_a_checkbox_is_as_wide_as_its_label() -> None:
    """The default 300 px cuts a long description off (tests/test_browser_voila.py measures)."""
    box = field_control(Field("exceptional", "I am an exceptional candidate", "bool", False), True)
    assert (widgets.Checkbox, True, False, "auto") == (
        type(box),
        box.value,
        box.indent,
        box.layout.width,
    )
