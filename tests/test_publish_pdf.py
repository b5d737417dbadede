"""HTML → PDF with Debian's Chromium: the plan prints on ONE A4 page, short or long.

The printing tests are marked ``browser`` (they start Chromium); the error paths are not.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from browser_support import require_browser
from markupsafe import Markup
from pypdf import PdfReader

from offerkit.errors import PublishError
from offerkit.publish.pdf import MIN_SCALE, PdfPrinter, chromium_path, html_to_pdf, pdf_pages
from offerkit.rules.html import render_page
from offerkit.rules.plan import (
    PAGE_BUDGET,
    PRINT_LIMITS,
    OfferPlan,
    PlanOffer,
    PlanPriority,
    PlanStrength,
    plan_html,
    printed_size,
)

A4_POINTS = (595, 842)  # width, height of an A4 page in PDF points (rounded)


def _words(limit: int, word: str = "negotiation ") -> str:
    """Text five times longer than ``limit`` (so the page must shorten it)."""
    return (word * (5 * limit // len(word) + 1)).strip()


def long_plan(word: str = "negotiation ") -> OfferPlan:
    """A learner who wrote far more than fits: every text and every list over its limit."""
    text, name = _words(PRINT_LIMITS.text, word), _words(PRINT_LIMITS.name, word)
    many = 3
    shares = [100 // (PRINT_LIMITS.priorities * many)] * (PRINT_LIMITS.priorities * many)
    shares[0] += 100 - sum(shares)
    return OfferPlan(
        learner_name=name,
        currency="CNY",
        target_role=name,
        priorities=tuple(PlanPriority(name, share, text) for share in shares),
        priorities_source=name,
        strengths=tuple(
            PlanStrength(text, text, "hard", n % 2 == 0)
            for n in range(PRINT_LIMITS.strengths * many)
        ),
        range_low=400000.0,
        range_high=420000.0,
        range_reasons=(text,) * (PRINT_LIMITS.reasons * many),
        doubts=(text,) * (PRINT_LIMITS.doubts * many),
        opening=_words(PRINT_LIMITS.long_text, word),
        offers=tuple(
            PlanOffer(name, 420000.0, 86.0, (text,) * (PRINT_LIMITS.red_flags * many))
            for _ in range(PRINT_LIMITS.offers * many)
        ),
        counter=410000.0,
        counter_company=name,
        walk_away=380000.0,
        decision_date=date(2026, 3, 9),
        extension_message=_words(PRINT_LIMITS.long_text, word),
        next_step=text,
        missing=(text,) * (PRINT_LIMITS.missing * many),
    )


def short_plan() -> OfferPlan:
    return OfferPlan(
        learner_name="Ada",
        currency="CNY",
        priorities=(
            PlanPriority("Salary", 60, "How are raises decided?"),
            PlanPriority("Growth", 40),
        ),
        range_low=342000.0,
        range_high=360000.0,
        decision_date=date(2026, 3, 9),
    )


def _grow(plan: OfferPlan, **parts: str) -> OfferPlan:
    """``plan`` with the given text parts repeated until the whole plan is just within
    :data:`PAGE_BUDGET` (so it is printed whole, nothing shortened)."""
    grown = plan
    for count in range(1, 400):
        bigger = replace(
            plan,
            **{
                name: (
                    text * count if name in ("opening", "extension_message") else (text,) * count
                )
                for name, text in parts.items()
            },
        )
        if printed_size(bigger) > PAGE_BUDGET:
            return grown
        grown = bigger
    raise AssertionError("the parts never reached the page budget")


def _one_a4_page(path: Path) -> None:
    reader = PdfReader(path)
    assert 1 == len(reader.pages)
    box = reader.pages[0].mediabox
    assert A4_POINTS == (round(float(box.width)), round(float(box.height)))


@pytest.mark.browser
@pytest.mark.parametrize(
    "plan",
    [short_plan(), long_plan(), long_plan("薪资谈判"), long_plan("x" * 400)],
    ids=["short", "long-words", "long-cjk", "long-unbroken"],
)
def test_the_plan_prints_on_one_a4_page(plan: OfferPlan, tmp_path: Path) -> None:
    require_browser()
    printed = html_to_pdf(plan_html(plan), tmp_path / "plan.pdf")
    assert (1, 1.0) == (printed.pages, printed.scale)
    _one_a4_page(printed.path)
    assert [] == [p.name for p in tmp_path.iterdir() if p.name != "plan.pdf"]


@pytest.mark.browser
@pytest.mark.parametrize(
    "parts",
    [
        {"doubts": "How many months of base pay are paid each year, and is it in the contract?"},
        {"opening": "Based on my experience with data pipelines I am looking for more. "},
        {
            "doubts": "Is the year-end bonus guaranteed, and when is it paid out each year? ",
            "range_reasons": "The posting pays CNY 300,000 to 450,000 a year for this role.",
        },
    ],
    ids=["many-doubts", "one-long-opening", "two-long-sections"],
)
def test_a_plan_within_the_page_budget_prints_whole_on_one_page(
    parts: dict[str, str], tmp_path: Path
) -> None:
    require_browser()
    plan = _grow(short_plan(), **parts)
    html = plan_html(plan)
    assert "Some answers are shortened" not in html
    printed = html_to_pdf(html, tmp_path / "plan.pdf")
    assert (1, 1.0) == (printed.pages, printed.scale)


@pytest.mark.browser
def test_text_no_limit_foresaw_is_printed_smaller_to_stay_on_one_page(tmp_path: Path) -> None:
    require_browser()
    html = plan_html(long_plan("W" * 400))
    assert 1 < html_to_pdf(html, tmp_path / "as-is.pdf").pages
    printed = html_to_pdf(html, tmp_path / "plan.pdf", one_page=True)
    assert 1 == printed.pages and MIN_SCALE <= printed.scale < 1
    _one_a4_page(printed.path)


@pytest.mark.browser
def test_without_shortening_a_long_plan_would_not_fit(tmp_path: Path) -> None:
    """The page count test can fail: the same long plan, unshortened, takes several pages."""
    require_browser()
    unlimited = type(PRINT_LIMITS)(**{k: 10**6 for k in PRINT_LIMITS.__dataclass_fields__})
    printed = html_to_pdf(plan_html(long_plan(), unlimited), tmp_path / "plan.pdf")
    assert 1 < printed.pages == pdf_pages(printed.path)


@pytest.mark.browser
def test_one_browser_prints_many_pages(tmp_path: Path) -> None:
    require_browser()
    with PdfPrinter() as printer:
        paths = [
            printer.print_html(plan_html(short_plan()), tmp_path / f"{n}.pdf") for n in range(3)
        ]
    assert [1, 1, 1] == [pdf_pages(p.path) for p in paths]


POSTED = "20-30K·15薪"  # a job-board range, as lesson 03 and the handouts print it


def _printed_text(tmp_path: Path) -> str:
    html = render_page(
        "document.html.j2", title="Handout", kind="handout", body=Markup(f"<p>{POSTED}</p>")
    )
    pdf = html_to_pdf(html, tmp_path / "posted.pdf").path
    return "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


@pytest.mark.browser
def test_pay_written_with_chinese_prints_as_text(tmp_path: Path) -> None:
    """薪 comes back out of the PDF. pypdf puts a space where the text changes font (here
    Liberation for "20-30K·15", then WenQuanYi Micro Hei from fonts-wqy-microhei for 薪:
    "20-30K·15 薪"), so the text is compared without its white space."""
    require_browser()
    assert POSTED in "".join(_printed_text(tmp_path).split())


@pytest.mark.browser
def test_without_a_chinese_font_the_character_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So the test above can fail: with fontconfig shown only Latin fonts, Chromium prints 薪
    as an empty box, which pypdf reads back as NUL."""
    require_browser()
    fonts = Path("/usr/share/fonts/truetype")
    latin = [d for d in ("dejavu", "liberation") if (fonts / d).is_dir()]
    if not latin:
        pytest.skip("needs /usr/share/fonts/truetype/dejavu or liberation (a Latin-only font)")
    dirs = "".join(f"<dir>{fonts / d}</dir>" for d in latin)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig>{dirs}<cachedir>{tmp_path}/fc</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    text = "".join(_printed_text(tmp_path).split())
    assert (False, True) == (POSTED in text, "20-30K·15\x00" in text), repr(text)


def test_a_missing_chromium_is_named_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFERKIT_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(PublishError, match=r"no Chromium at .*no-chromium: install it"):
        chromium_path()
    with pytest.raises(PublishError, match="apt-get install chromium"):
        html_to_pdf("<p>x</p>", tmp_path / "x.pdf")
    assert [] == list(tmp_path.iterdir())


def test_printing_needs_a_started_printer(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="use it as 'with PdfPrinter"):
        PdfPrinter().print_html("<p>x</p>", tmp_path / "x.pdf")
