"""``python -m offerkit`` runs the command line."""

import sys

from offerkit.cli import main

sys.exit(main())
