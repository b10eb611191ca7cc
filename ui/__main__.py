"""``python -m ui``: the same as ``workbench-gui``."""

import sys

from ui.app import main

sys.exit(main())
