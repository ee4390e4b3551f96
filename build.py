#!/usr/bin/env python3
"""Dossier's one entry point: python build.py [build|check|ingest|serve] — see README.md."""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
