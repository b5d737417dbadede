"""offerkit: prepare for the offer and salary conversation (public API)."""

from offerkit.errors import OfferkitError

__version__ = "0.1.0"
__all__ = ["OfferkitError", "__version__"]
