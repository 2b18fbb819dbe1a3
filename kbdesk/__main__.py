"""`python -m kbdesk`, and the entry script of the frozen bundle: the `kbdesk` command."""

import sys

from kbdesk.cli import main

sys.exit(main())
