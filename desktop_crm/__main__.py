"""`python -m desktop_crm` runs the command line."""

import sys

from desktop_crm.cli import main

sys.exit(main())
