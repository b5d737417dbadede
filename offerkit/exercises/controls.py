"""One ipywidgets control per field kind: the spec's ``Field.kind`` picks the widget.

=========  =====================================================  ===========================
kind       widget                                                 saved as (plain JSON)
=========  =====================================================  ===========================
text       ``Text``                                               text
textarea   ``Textarea``                                           text
money      ``Text`` with the currency shown beside it             text in the pay language
number     ``FloatText`` (``BoundedFloatText`` with min/max)      a number
bool       ``Checkbox``                                           true / false
choice     ``Dropdown`` with ``(label, value)`` options           the value
multi      ``SelectMultiple`` with ``(label, id)`` options        a list of ids
date       ``DatePicker``                                         ``"YYYY-MM-DD"`` (or ``""``)
scale      one ``IntSlider`` per item, labelled with its label    ``{item_id: int}``
=========  =====================================================  ===========================

Every control has a ``value`` trait that fires ``observe`` callbacks, so the builder treats
them all alike; :func:`control_value` turns a control's value into what is saved.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from typing import Any

import ipywidgets as widgets
import traitlets

from offerkit.exercises.spec import Field, scale_values

__all__ = ["ScaleControl", "control_value", "field_control", "field_view"]

_WIDE = widgets.Layout(width="95%")
_STYLE = {"description_width": "160px"}
_LONG_LABEL = 22  # longer labels go above their control (160px would cut them off)
_SLIDER_STYLE = {"description_width": "190px"}


class ScaleControl(widgets.VBox):  # type: ignore[misc]
    """One slider per item (e.g. per goal area); ``value`` is ``{item_id: int}``."""

    value = traitlets.Dict()

    def __init__(self, spec_field: Field, value: object) -> None:
        low, high = int(spec_field.min or 0), int(spec_field.max or 5)
        start = scale_values(value, spec_field.choices, low, high)
        self.sliders = {
            item_id: widgets.IntSlider(
                value=start.get(item_id, low),
                min=low,
                max=high,
                step=1,
                description=label,
                continuous_update=False,
                style=_SLIDER_STYLE,
                layout=widgets.Layout(width="520px"),
            )
            for label, item_id in spec_field.choices
        }
        super().__init__(children=list(self.sliders.values()))
        self.value = self._read()
        for slider in self.sliders.values():
            slider.observe(self._changed, names="value")

    def _read(self) -> dict[str, int]:
        return {item_id: int(s.value) for item_id, s in self.sliders.items()}

    def _changed(self, _change: object) -> None:
        self.value = self._read()

    @traitlets.observe("value")
    def _set_sliders(self, change: Mapping[str, Any]) -> None:
        """Setting ``value`` from code moves the sliders (items not given keep theirs)."""
        for item_id, number in dict(change["new"]).items():
            slider = self.sliders.get(item_id)
            if slider is not None and slider.value != number:
                slider.value = number


def _iso_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None  # an old typed text that is no date: the picker starts empty


def _number(spec_field: Field, value: object, common: dict[str, Any]) -> widgets.Widget:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float(spec_field.min or 0)
    layout = widgets.Layout(width="360px")
    if spec_field.min is None and spec_field.max is None:
        return widgets.FloatText(value=number, layout=layout, **common)
    low = float("-inf") if spec_field.min is None else float(spec_field.min)
    high = float("inf") if spec_field.max is None else float(spec_field.max)
    return widgets.BoundedFloatText(value=number, min=low, max=high, layout=layout, **common)


def _choice(spec_field: Field, value: object, common: dict[str, Any]) -> widgets.Widget:
    allowed = [v for _label, v in spec_field.choices]
    if spec_field.kind == "choice":
        chosen = value if value in allowed else (allowed[0] if allowed else None)
        return widgets.Dropdown(options=list(spec_field.choices), value=chosen, **common)
    given = value if isinstance(value, list | tuple) else ()
    picked = tuple(v for v in given if v in allowed)
    return widgets.SelectMultiple(
        options=list(spec_field.choices),
        value=picked,
        rows=min(8, len(allowed)),
        layout=_WIDE,
        **common,
    )


def field_control(spec_field: Field, value: Any) -> widgets.Widget:
    """The control for ``spec_field`` starting at ``value`` (a saved value or the default)."""
    kind, label = spec_field.kind, spec_field.label
    common: dict[str, Any] = {"description": label, "style": _STYLE}
    if kind == "bool":
        # as wide as its label: the default 300 px cuts a long one off with an ellipsis
        return widgets.Checkbox(
            value=bool(value), indent=False, description=label, layout=widgets.Layout(width="auto")
        )
    if kind == "number":
        return _number(spec_field, value, common)
    if kind in ("choice", "multi"):
        return _choice(spec_field, value, common)
    if kind == "date":
        return widgets.DatePicker(value=_iso_date(value), **common)
    if kind == "scale":
        return ScaleControl(spec_field, value)
    factory = widgets.Textarea if kind == "textarea" else widgets.Text
    width = widgets.Layout(width="360px") if kind == "money" else _WIDE
    return factory(
        value="" if value is None else str(value),
        placeholder=spec_field.placeholder,
        continuous_update=False,
        layout=width,
        **common,
    )


def field_view(spec_field: Field, control: widgets.Widget, currency: str = "") -> widgets.Widget:
    """What is shown for a control: a group title over sliders, a long label above its
    control (a description would cut it off), the currency beside a money box."""
    if spec_field.kind == "money":
        control = widgets.HBox([control, widgets.Label(currency, layout={"margin": "0 6px"})])
        inner = control.children[0]
    else:
        inner = control
    title = widgets.HTML(f"<b>{html.escape(spec_field.label)}</b>")
    if spec_field.kind == "scale":
        return widgets.VBox([title, control])
    if len(spec_field.label) <= _LONG_LABEL or spec_field.kind == "bool":
        return control
    inner.description = ""
    return widgets.VBox([title, control])


def control_value(control: widgets.Widget) -> Any:
    """A control's value as saved: tuples become lists, dates ISO text, scales a dict."""
    value = control.value
    if isinstance(control, widgets.DatePicker):
        return value.isoformat() if isinstance(value, date) else ""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value
