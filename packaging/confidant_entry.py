"""The bundle's entry point: the GUI, the CLI (given a subcommand), or ``--self-test``."""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
