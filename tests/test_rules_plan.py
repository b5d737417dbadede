"""The one-page plan: its content, valid first-person Markdown, and the printable HTML."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import date
from typing import Any

import mistune
import pytest
from markup_helpers import body_of, live_markup, page_problems, parse_page

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.dates import long_date
from offerkit.rules.plan import (
    PAGE_BUDGET,
    OfferPlan,
    PlanOffer,
    PlanPriority,
    PlanStrength,
    PrintLimits,
    plan_html,
    plan_markdown,
    printed_size,
)

HOSTILE = "[click](javascript:alert(1)) <script>x</script> `code` *em* _u_ &amp; ![i](x.png) | a |"
BLOCK_STARTERS = ("# heading", "> quote", "1. item", "- item", "    indented", "```", "---", "+ x")


def _plan(**overrides: Any) -> OfferPlan:
    base: dict[str, Any] = dict(
        learner_name="Ada",
        currency="CNY",
        target_role="Data engineer",
        priorities=(
            PlanPriority("Project experience", 50, "What would I own in my first six months?"),
            PlanPriority("Salary", 30, "How are raises decided?"),
            PlanPriority("Team atmosphere", 20, "How does the team handle disagreements?"),
        ),
        priorities_source="confirmed in lesson 01",
        strengths=(
            PlanStrength("Dependable", "", "soft"),
            PlanStrength("Five years of Python", "ran the ETL team's code reviews", "hard"),
            PlanStrength("Payments migration", "2M users moved, zero downtime", "hard", True),
        ),
        range_low=342000.0,
        range_high=360000.0,
        range_reasons=("Previous annual pay: CNY 300,000", "+20 % guideline cap: CNY 360,000"),
        doubts=("How many months of salary are paid each year?",),
        opening="Based on my experience, I am looking for CNY 342,000–360,000 a year.",
        offers=(
            PlanOffer("Acme", 420000.0, 80.0),
            PlanOffer("Globex", 448000.0, 56.0, ("team atmosphere rated 2/5",)),
        ),
        counter=400000.0,
        counter_company="Acme",
        walk_away=350000.0,
        decision_date=date(2026, 3, 9),
        extension_message="Could I reply by Monday 9 March 2026?",
        next_step="Email the recruiter to confirm the bonus basis",
    )
    base.update(overrides)
    return OfferPlan(**base)


def _blocks(markdown: str) -> list[str]:
    """Every block-level token type in the document, at any depth."""
    found: list[str] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            found.append(token["type"])
            walk(token.get("children") or [])

    tokens = mistune.create_markdown(renderer="ast")(markdown)
    assert isinstance(tokens, list)
    walk(tokens)
    return found


def _text(markdown: str) -> str:
    """The plain text a Markdown document shows (what a reader sees)."""
    page = str(mistune.create_markdown(escape=False)(markdown))
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_markdown_is_first_person_with_every_part_in_order() -> None:
    text = plan_markdown(_plan())
    headings = re.findall(r"^## (.*)$", text, flags=re.M)
    assert [
        "What I want (confirmed in lesson 01)",
        "What I bring, with evidence",
        "My annual range: CNY 342,000–360,000 a year",
        "What I confirm with HR first",
        "How I open the pay conversation",
        "My offers, best fit first",
        "When I decide",
        "What I do tomorrow",
    ] == headings
    assert text.startswith("# My offer plan — Ada\n\n*Target role: Data engineer*\n")
    assert "1. **Project experience — 50\u00a0%**: I ask “What would I own" in text
    assert "- **Acme** — CNY 420,000 a year, fits my priorities 80\u00a0%\n" in text
    assert "⚑ red flag: team atmosphere rated 2/5" in text
    assert "- **My counter to Acme:** CNY 400,000 a year" in text
    assert "- **My walk-away:** below CNY 350,000 a year I say no" in text
    assert "- Email the recruiter to confirm the bonus basis" in text
    assert not re.search(r"\b(you|your)\b", text, flags=re.I)


def test_strengths_are_listed_rare_hard_first_then_hard_then_soft() -> None:
    section = plan_markdown(_plan()).split("## What I bring, with evidence\n\n")[1].split("##")[0]
    assert [
        "- **Rare hard:** Payments migration — 2M users moved, zero downtime",
        "- **Hard:** Five years of Python — ran the ETL team's code reviews",
        "- **Soft:** Dependable — *I still need evidence*",
    ] == section.strip().splitlines()


def test_the_plan_names_one_date_in_one_form() -> None:
    text = plan_markdown(_plan())
    assert "Monday 9 March 2026" == long_date(date(2026, 3, 9))
    assert "- **I answer by Monday 9 March 2026.**" in text
    weekdays = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4}"
    assert {"Monday 9 March 2026"} == set(re.findall(weekdays, text))
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_unfinished_parts_say_so_and_are_listed_as_still_to_do() -> None:
    plan = _plan(
        range_low=None,
        range_high=None,
        range_reasons=(),
        priorities=(),
        missing=("Lesson 01: add entries.",),
    )
    text = plan_markdown(plan)
    assert "## My annual range: not worked out yet (lesson 03)\n\n- *(nothing yet)*" in text
    assert "## What I want (confirmed in lesson 01)\n\n1. *(nothing yet)*" in text
    assert "## Still to do\n\n- Lesson 01: add entries." in text
    assert "Still to do" not in plan_markdown(_plan())


@pytest.mark.parametrize("hostile", [HOSTILE, *BLOCK_STARTERS, "a\n\n    b\n\n# c"])
def test_learner_text_stays_text_in_valid_markdown(hostile: str) -> None:
    plan = _plan(
        learner_name=hostile,
        target_role=hostile,
        doubts=(hostile,),
        opening=hostile,
        next_step=hostile,
        strengths=(PlanStrength(hostile, hostile),),
        offers=(PlanOffer(hostile, 1.0, 1.0, (hostile,)),),
    )
    text = plan_markdown(plan)
    blocks = set(_blocks(text))
    assert set() == blocks & {"block_code", "block_quote", "block_html", "thematic_break"}
    assert 1 + 8 == _blocks(text).count("heading")
    assert {"link", "image", "codespan", "inline_html"}.isdisjoint(blocks)
    shown = " ".join(hostile.split())
    assert 7 <= _text(text).count(shown)


def test_a_markdown_document_has_no_stray_blocks() -> None:
    kinds = set(_blocks(plan_markdown(_plan())))
    assert {"blank_line", "heading", "list", "list_item", "paragraph", "block_text"} >= {
        k for k in kinds if k not in {"text", "strong", "emphasis", "softbreak"}
    }


def test_html_is_a_standalone_page_with_a_one_page_print_stylesheet() -> None:
    page = plan_html(_plan())
    assert page.startswith("<!DOCTYPE html>")
    assert [] == page_problems(page)  # the kit's one stylesheet, inlined; nothing loaded
    assert ["plan"] == [body.attrs["class"] for body in parse_page(page).find_all("body")]
    assert "@page{size:A4;margin:12mm 13mm}" in page
    assert ".plan main{columns:2;" in page
    assert '<section class="keep"><h2>What I bring, with evidence</h2>' in page
    assert "<h2>What I bring, with evidence</h2>" in page
    assert "<strong>Rare hard:</strong> Payments migration" in page
    assert "Some answers are shortened" not in page


def test_html_escapes_learner_text() -> None:
    page = plan_html(_plan(learner_name=HOSTILE, opening=HOSTILE))
    assert "<script>" not in page and "<a " not in page and "<img" not in page
    assert "<code>" not in page and "<em>em</em>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<title>My offer plan — [click](javascript:alert(1)) &lt;script&gt;" in page


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_a_hostile_name_and_answer_are_text_on_the_page(text: str) -> None:
    page = plan_html(_plan(learner_name=text, opening=text, next_step=text))
    assert [] == live_markup(body_of(page))
    tree = parse_page(page)
    assert f"My offer plan — {text}" == tree.find_all("h1")[0].text()
    items = [li.text() for li in tree.find_all("li")]
    assert {f"“{text}”", text} <= set(items)  # the opening line and the next step, as typed


def test_the_plans_emphasis_is_rendered() -> None:
    page = parse_page(plan_html(_plan()))
    assert "I still need evidence" in [em.text() for em in page.find_all("em")]
    assert "Target role: Data engineer" == page.find_all("p", "role")[0].text()


def test_long_answers_are_shortened_on_the_page_and_kept_whole_in_markdown() -> None:
    long = "I led the migration of the payments platform " + "and much more " * 60
    plan = _plan(
        opening=long,
        doubts=tuple(f"Question {n}?" for n in range(1, 10)),
        strengths=tuple(PlanStrength(f"Strength {n}", long) for n in range(1, 8)),
    )
    limits = PrintLimits()
    page = plan_html(plan, limits)
    assert "Some answers are shortened (…) to fit one page; the full text is in plan.md." in page
    assert f"Question {limits.doubts}?" in page and f"Question {limits.doubts + 1}?" not in page
    assert f"…and {9 - limits.doubts} more in plan.md" in page
    assert f"…and {7 - limits.strengths} more in plan.md" in page
    opening = re.search(r"“(I led the migration[^”]*)”", page)
    assert opening is not None
    assert opening.group(1).endswith("…") and len(opening.group(1)) <= limits.long_text
    markdown = plan_markdown(plan)
    assert " ".join(long.split()) in markdown and "Question 9?" in markdown
    assert "…" not in markdown


def test_wide_characters_count_double_when_shortening() -> None:
    limits = PrintLimits(text=20)
    page = plan_html(_plan(doubts=("年终奖" * 20, "a" * 30)), limits, budget=0)
    cjk = re.search(r"<li>(年终奖[^<]*)</li>", page)
    latin = re.search(r"<li>(a+…)</li>", page)
    assert cjk is not None and latin is not None
    assert len(cjk.group(1)) <= 10 < len(latin.group(1)) <= 20


def test_a_plan_needs_a_name_and_both_ends_of_a_range() -> None:
    with pytest.raises(EmptyTextError, match="'learner_name'"):
        _plan(learner_name="  ")
    with pytest.raises(InvalidInputError, match="'range'"):
        _plan(range_high=None)


def test_priorities_must_add_up_to_exactly_100() -> None:
    with pytest.raises(InvalidInputError, match="Salary 60 \\+ Growth 30"):
        _plan(priorities=(PlanPriority("Salary", 60), PlanPriority("Growth", 30)))


def test_a_plan_without_an_extension_message_still_names_the_date() -> None:
    text = plan_markdown(replace(_plan(), extension_message=""))
    assert "## When I decide\n\n- **I answer by Monday 9 March 2026.**\n\n##" in text


def test_a_plan_that_fits_the_page_budget_is_printed_whole() -> None:
    doubts = tuple(
        f"Question {n} about the bonus, the months paid and the probation?" for n in range(9)
    )
    plan = _plan(doubts=doubts)
    assert printed_size(plan) <= PAGE_BUDGET
    page = plan_html(plan)
    assert "Question 8 about" in page and "more in plan.md" not in page
    assert "Some answers are shortened" not in page
    shortened = plan_html(plan, budget=printed_size(plan) - 1)
    assert "Question 8 about" not in shortened and "Some answers are shortened" in shortened


def test_printed_size_counts_what_the_page_keeps() -> None:
    plan = _plan(doubts=("x" * 1000,))
    assert printed_size(plan) - printed_size(plan, PrintLimits()) == 1000 - PrintLimits().text


def test_a_weekend_decision_date_is_pointed_out() -> None:
    text = plan_markdown(replace(_plan(), decision_date=date(2026, 3, 7)))
    assert "- **I answer by Saturday 7 March 2026.**" in text
    assert "Saturday 7 March 2026 falls on a weekend" in text
    assert "Friday before (Friday 6 March 2026)" in text


def test_the_last_rehearsal_is_summarised_under_tomorrow() -> None:
    text = plan_markdown(replace(_plan(), rehearsal="deal (deal 8/10); next time: ask *more*"))
    assert "**My last rehearsal:** deal (deal 8/10); next time: ask \\*more\\*" in text
    assert "My last rehearsal" not in plan_markdown(_plan())
