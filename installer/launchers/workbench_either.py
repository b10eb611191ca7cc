"""Frozen entry point of both programs on Linux: one executable, ``workbench-gui``, and a symlink
to it, ``workbench``; the name it was started by picks the program. (Two executables would each
carry their own copy of the Python archive; Windows keeps two, one of them windowed.)"""

import os
import sys

if os.path.basename(sys.argv[0]).startswith("workbench-gui"):
    from ui.app import main
else:
    from workbench.cli import main

sys.exit(main())
