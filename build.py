#!/usr/bin/env python3
"""Dossier's entry point in a checkout: ``python build.py [COMMAND]`` runs what ``dossier``
runs (commands and exit codes: dossier/cli.py; the guide: docs/)."""

import sys
from pathlib import Path

if __name__ == "__main__":
    try:
        from dossier.cli import exit_quickly, main, quietly_piped

        exit_quickly(quietly_piped(lambda: main(sys.argv[1:], prog=f"python {sys.argv[0]}")))
    except ModuleNotFoundError as missing:
        # The system Python instead of the project's environment: say what to run.
        if "--debug" in sys.argv or (missing.name or "").partition(".")[0] == "dossier":
            raise
        from dossier.setup_hint import missing_dependency

        sys.exit(missing_dependency(missing, Path(__file__).resolve().parent))
