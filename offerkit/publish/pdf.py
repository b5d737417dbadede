"""HTML pages → PDF, printed by Debian's Chromium through Playwright.

One browser is started per :class:`PdfPrinter` and reused for every page it prints
(starting Chromium costs about a second; a page once it is warm, a fraction of that)::

    with PdfPrinter() as printer:
        for html, target in pages:
            printer.print_html(html, target)

The page is loaded from a temporary file next to the target (``wait_until="load"``, so a
page never waits for a network that is not there), printed with the *print* media type,
its own ``@page`` size (A4 unless the page says otherwise) and its backgrounds, and written
atomically. Playwright's browser download is never used: the executable is
``/usr/bin/chromium`` (``apt-get install chromium``) unless ``OFFERKIT_CHROMIUM`` names
another. A missing browser or Playwright is a :class:`~offerkit.errors.PublishError` that
says what to install.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from offerkit.errors import PublishError

__all__ = [
    "CHROMIUM_ARGS",
    "MIN_SCALE",
    "PdfPrinter",
    "Printed",
    "chromium_path",
    "html_to_pdf",
    "pdf_pages",
]

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
_DEFAULT_CHROMIUM = "/usr/bin/chromium"
MIN_SCALE = 0.6  # below this a printed page is no longer comfortable to read


@dataclass(frozen=True)
class Printed:
    """A printed PDF: where it is, how many pages it has, and the scale it was printed at."""

    path: Path
    pages: int
    scale: float = 1.0


def chromium_path() -> Path:
    """The Chromium to print with: ``$OFFERKIT_CHROMIUM`` or ``/usr/bin/chromium``."""
    path = Path(os.environ.get("OFFERKIT_CHROMIUM") or _DEFAULT_CHROMIUM)
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise PublishError(
            f"no Chromium at {path}: install it (apt-get install chromium) or set "
            "OFFERKIT_CHROMIUM to its path"
        )
    return path


class PdfPrinter:
    """A headless Chromium that prints HTML pages to PDF files (use it as a context)."""

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> PdfPrinter:
        executable = chromium_path()
        try:
            from playwright.sync_api import Error, sync_playwright
        except ImportError:
            raise PublishError(
                "printing a PDF needs Playwright for Python: pip install playwright"
            ) from None
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=str(executable), args=list(CHROMIUM_ARGS)
            )
        except Error as exc:
            self._playwright.stop()
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise PublishError(f"Chromium at {executable} did not start: {first}") from None
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._browser = self._playwright = None

    def print_html(self, html: str, target: Path, *, one_page: bool = False) -> Printed:
        """Print ``html`` to the PDF file ``target`` (written atomically).

        With ``one_page``, a page that still runs over is printed again smaller (90 %, 80 %…
        down to :data:`MIN_SCALE`) until it fits on one page: the last resort behind a
        page's own limits, for text no limit foresaw.
        """
        if self._browser is None:
            raise PublishError("PdfPrinter is not started: use it as 'with PdfPrinter() as p:'")
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, page_file = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".html", dir=target.parent
        )
        handle_pdf, pdf_file = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        os.close(handle_pdf)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(html)
            scale, pages = self._print(Path(page_file), Path(pdf_file), one_page)
            os.replace(pdf_file, target)
        finally:
            Path(page_file).unlink(missing_ok=True)
            Path(pdf_file).unlink(missing_ok=True)
        return Printed(target, pages, scale)

    def _print(self, page_file: Path, pdf_file: Path, one_page: bool) -> tuple[float, int]:
        page = self._browser.new_page()
        try:
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            scale = 1.0
            while True:
                page.pdf(
                    path=str(pdf_file),
                    format="A4",
                    print_background=True,
                    prefer_css_page_size=True,
                    scale=scale,
                )
                pages = pdf_pages(pdf_file)
                if not one_page or pages == 1 or scale <= MIN_SCALE:
                    return scale, pages
                scale = round(scale - 0.1, 2)
        finally:
            page.close()


def html_to_pdf(html: str, target: Path, *, one_page: bool = False) -> Printed:
    """Print one page (starts and stops a browser: use :class:`PdfPrinter` for many)."""
    with PdfPrinter() as printer:
        return printer.print_html(html, target, one_page=one_page)


def pdf_pages(path: Path) -> int:
    """How many pages the PDF at ``path`` has."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)
