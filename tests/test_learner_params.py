"""Tests for offerkit.learner.params: the one parameter schema of notebooks and rosters."""

from __future__ import annotations

import ast

import pytest

from offerkit.errors import (
    AmbiguousPayError,
    InvalidInputError,
    PayFormatError,
    UnknownCurrencyError,
)
from offerkit.learner.params import (
    PARAMETER_NAMES,
    PARAMETERS,
    Parameter,
    learner_slug,
    parameters_cell_source,
    validate_parameters,
)

GOOD = {"learner_id": "ada", "learner_name": "Ada Lovelace"}

# ---------------------------------------------------------------- the schema


def test_names_follow_the_schema_order() -> None:
    assert (
        "learner_id",
        "learner_name",
        "currency",
        "previous_pay",
        "posted_range",
        "target_role",
        "high_demand_role",
        "high_demand_reason",
        "answers_file",
    ) == PARAMETER_NAMES


def test_only_learner_id_and_name_are_required_and_answers_file_is_not_in_rosters() -> None:
    assert (["learner_id", "learner_name"], ["answers_file"]) == (
        [p.name for p in PARAMETERS if p.required],
        [p.name for p in PARAMETERS if not p.in_roster],
    )


def test_defaults_match_their_kinds() -> None:
    assert [] == [
        p.name for p in PARAMETERS if not isinstance(p.default, bool if p.kind == "bool" else str)
    ]


def test_defaults_are_themselves_valid() -> None:
    defaults = {p.name: p.default for p in PARAMETERS}
    assert (defaults, []) == validate_parameters(defaults)


# ---------------------------------------------------------------- the parameters cell


def test_cell_source_lines_are_name_type_default_help() -> None:
    lines = parameters_cell_source().splitlines()
    assert lines[0].startswith("# ")

    def literal(p: Parameter) -> str:
        return str(p.default) if p.kind == "bool" else f'"{p.default}"'

    expected = [f"{p.name}: {p.kind} = {literal(p)}  # {p.help}" for p in PARAMETERS]
    assert expected == lines[1:]


def test_papermill_reads_every_parameter_of_the_cell(tmp_path) -> None:
    import nbformat
    import papermill

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(parameters_cell_source(), metadata={"tags": ["parameters"]})
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    path = tmp_path / "p.ipynb"
    nbformat.write(nb, path)
    found = papermill.inspect_notebook(str(path))
    assert list(PARAMETER_NAMES) == list(found)
    assert {p.name: p.help for p in PARAMETERS} == {k: v["help"] for k, v in found.items()}


def test_cell_source_parses_to_annotated_literals() -> None:
    tree = ast.parse(parameters_cell_source())
    found = [
        (node.target.id, node.annotation.id, ast.literal_eval(node.value))
        for node in tree.body
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and isinstance(node.annotation, ast.Name)
        and node.value is not None
    ]
    assert [(p.name, p.kind, p.default) for p in PARAMETERS] == found
    assert len(PARAMETERS) == len(tree.body)


def test_cell_source_runs_and_sets_the_defaults() -> None:
    namespace: dict[str, object] = {}
    exec(parameters_cell_source(), namespace)  # our own generated literals
    assert {p.name: p.default for p in PARAMETERS} == {
        name: namespace[name] for name in PARAMETER_NAMES
    }


# ---------------------------------------------------------------- validation


def test_good_values_are_typed_and_defaults_filled_in() -> None:
    typed, problems = validate_parameters(
        {**GOOD, "high_demand_role": "yes", "previous_pay": " 300000 ", "currency": "USD"}
    )
    expected = {p.name: p.default for p in PARAMETERS} | {
        **GOOD,
        "high_demand_role": True,
        "previous_pay": "300000",
        "currency": "USD",
    }
    assert (expected, []) == (typed, problems)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("Yes", True),
        ("1", True),
        ("y", True),
        ("no", False),
        ("0", False),
        ("", False),
        (1, True),
        (0, False),
    ],
)
def test_bools_accept_the_usual_spellings(given: object, expected: bool) -> None:
    typed, problems = validate_parameters({**GOOD, "high_demand_role": given})
    assert (expected, []) == (typed["high_demand_role"], problems)


def test_none_text_becomes_empty_and_numbers_become_text() -> None:
    typed, problems = validate_parameters({**GOOD, "target_role": None, "previous_pay": 300000})
    assert ("", "300000", []) == (typed["target_role"], typed["previous_pay"], problems)


def test_empty_pay_means_not_disclosed_and_is_fine() -> None:
    assert [] == validate_parameters({**GOOD, "previous_pay": "", "posted_range": ""})[1]


def test_every_problem_is_reported_at_once() -> None:
    _typed, problems = validate_parameters(
        {
            "learner_id": "../etc",
            "currency": "XYZ",
            "previous_pay": "-5",
            "posted_range": "lots",
            "high_demand_role": "maybe",
            "favourite_colour": "blue",
        }
    )
    assert [
        ("favourite_colour", InvalidInputError),
        ("learner_name", InvalidInputError),
        ("high_demand_role", InvalidInputError),
        ("learner_id", InvalidInputError),
        ("currency", UnknownCurrencyError),
        ("previous_pay", InvalidInputError),
        ("posted_range", PayFormatError),
    ] == [(p.field, type(p)) for p in problems]


@pytest.mark.parametrize(
    ("values", "field", "expected", "received"),
    [
        ({**GOOD, "nickname": "A"}, "nickname", "one of the schema's names", "'an unknown"),
        ({"learner_name": "Ada"}, "learner_id", "a value (required)", "'nothing'"),
        ({"learner_id": "ada"}, "learner_name", "a value (required)", "'nothing'"),
        ({**GOOD, "learner_name": "  "}, "learner_name", "a name", "''"),
        ({**GOOD, "high_demand_role": "maybe"}, "high_demand_role", "true or false", "'maybe'"),
        ({**GOOD, "previous_pay": "0"}, "previous_pay", "a positive amount", "0.0"),
        ({**GOOD, "previous_pay": "abc"}, "previous_pay", "a supported format", "'abc'"),
        ({**GOOD, "posted_range": "30-20k x 15"}, "posted_range", "minimum is not above", ""),
        ({**GOOD, "currency": "XYZ"}, "currency", "a known currency code", "'XYZ'"),
        ({**GOOD, "learner_id": "a b"}, "learner_id", "1–64 letters", "'a b'"),
        ({**GOOD, "learner_id": "con"}, "learner_id", "not reserved", "'con'"),
        ({**GOOD, "target_role": ["x"]}, "target_role", "text", "['x']"),
    ],
)
def test_each_problem_names_field_expected_and_received(
    values: dict[str, object], field: str, expected: str, received: str
) -> None:
    _typed, problems = validate_parameters(values)
    assert [field] == [p.field for p in problems]
    assert (True, True) == (expected in str(problems[0]), f"(got {received}" in str(problems[0]))


def test_a_bad_currency_is_reported_once_and_pay_still_checked() -> None:
    _typed, problems = validate_parameters(
        {**GOOD, "currency": "XYZ", "previous_pay": "25k x 14", "posted_range": "lots"}
    )
    assert ["currency", "posted_range"] == [p.field for p in problems]


def test_pay_is_read_in_the_given_currency() -> None:
    _typed, problems = validate_parameters({**GOOD, "currency": "KRW", "previous_pay": "50m"})
    assert [] == problems


def test_partial_values_skip_the_required_check() -> None:
    typed, problems = validate_parameters({"previous_pay": "25k x 14"}, partial=True)
    assert ([], "demo") == (problems, typed["learner_id"])


def test_validation_never_raises() -> None:
    _typed, problems = validate_parameters({"learner_id": None, "learner_name": 5})
    assert ["learner_id"] == [p.field for p in problems]


def test_parameter_is_frozen() -> None:
    with pytest.raises(AttributeError):
        PARAMETERS[0].name = "x"  # type: ignore[misc]
    assert Parameter("x", "str", "", "h") == Parameter("x", "str", "", "h", False, True)


# ---------------------------------------------------------------- learner slugs


@pytest.mark.parametrize(
    ("learner_id", "slug"),
    [("ada", "ada"), ("Ada", "ada"), ("ADA_L-2", "ada_l-2"), (" ada ", "ada"), ("7", "7")],
)
def test_slug_is_the_lower_cased_id(learner_id: str, slug: str) -> None:
    assert slug == learner_slug(learner_id)


def test_slug_allows_64_characters() -> None:
    assert "a" * 64 == learner_slug("A" * 64)


@pytest.mark.parametrize(
    "learner_id",
    [
        "a/b",
        "a\\b",
        "/ada",
        "..",
        "../ada",
        "a..b",
        ".ada",
        "ada.json",
        "a b",
        "ada\tl",
        "",
        "   ",
        "-ada",
        "_ada",
        "a" * 65,
        "ädä",
        "ada\x00",
    ],
)
def test_unsafe_ids_are_refused(learner_id: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        learner_slug(learner_id)
    assert ("learner_id", learner_id) == (caught.value.field, caught.value.received)
    assert "no spaces, dots or slashes" in str(caught.value)


@pytest.mark.parametrize(
    "learner_id", ["con", "CON", "nul", "Nul", "prn", "aux", "com1", "lpt9", "index", "manifest"]
)
def test_reserved_names_are_refused_in_any_case(learner_id: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        learner_slug(learner_id)
    assert ("learner_id", True) == (
        caught.value.field,
        "a name that is not reserved" in str(caught.value),
    )


def test_non_text_id_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        learner_slug(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "text", "month", "year"),
    [
        ("previous_pay", "25k", "25k/month", "25k/year"),
        ("posted_range", "20-30K", "20-30K/month", "20-30K/year"),
    ],
)
def test_a_figure_that_could_be_monthly_or_annual_is_a_problem_with_both_forms(
    name: str, text: str, month: str, year: str
) -> None:
    _typed, problems = validate_parameters({**GOOD, name: text})
    assert [(name, AmbiguousPayError)] == [(p.field, type(p)) for p in problems]
    assert (True, True) == (
        "a month or a year?" in str(problems[0]),
        str(problems[0]).endswith(f"Write {month} or {year}."),
    )


def test_separators_are_read_in_the_rosters_currency() -> None:
    ok = validate_parameters({**GOOD, "currency": "EUR", "previous_pay": "65.000"})[1]
    refused = validate_parameters({**GOOD, "currency": "EUR", "previous_pay": "65,000"})[1]
    assert ([], ["previous_pay"]) == (ok, [p.field for p in refused])
    assert "could be 65000 or 65" in str(refused[0])
