"""What to run when Dossier's dependencies are missing (standard library only).

``python build.py`` typed in a new shell runs the system Python, which has none of the
packages the virtual environment holds; the user needs the one command that fixes
that, not a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

INSTALL = "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]'"


def missing_dependency(missing: ModuleNotFoundError, checkout: Path) -> str:
    """One sentence naming the missing module and the command that brings it."""
    venv = checkout / ".venv"
    here = "" if Path.cwd().resolve() == checkout.resolve() else f"cd {checkout} && "
    if Path(sys.prefix).resolve() == venv.resolve():
        fix = f"its install is incomplete, run: {here}pip install -e '.[test]'"
    elif (venv / "bin" / "activate").is_file():
        fix = f"activate the project's environment first: {here}. .venv/bin/activate"
    else:
        fix = f"set up the project's environment once: {here}{INSTALL}"
    return (
        f"error: Dossier needs the Python module '{missing.name}', which {sys.executable} "
        f"does not have; {fix}"
    )
