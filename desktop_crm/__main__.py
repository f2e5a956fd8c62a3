"""`python -m desktop_crm` runs the command line; it is also the bundle's entry point."""

import os
import sys

from desktop_crm.cli import main

# A windowed program has no standard streams when nothing gives it any (the Windows
# bundle started from Explorer or a console): Python sets them to None. Commands then
# write to nowhere instead of failing on their first line of output.
for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
    if getattr(sys, name) is None:
        setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 - for the whole run

sys.exit(main())
