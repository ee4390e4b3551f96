"""`dossier` and `python build.py`: usage lines name the command run; without the
project's environment, build.py says what to run instead of printing a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.setup_hint import INSTALL

REPO = Path(__file__).resolve().parent.parent


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """build.py and the package, as in a fresh clone (no .venv yet)."""
    shutil.copy(REPO / "build.py", tmp_path)
    (tmp_path / "dossier").symlink_to(REPO / "dossier")
    return tmp_path


def test_usage_names_the_installed_command() -> None:
    installed = Path(sys.executable).with_name("dossier")
    result = run([str(installed), "--help"], REPO)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: dossier [-h]")


def test_usage_names_build_py_when_build_py_runs() -> None:
    result = run([sys.executable, "build.py", "no-such-command"], REPO)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: python build.py [-h]")
    assert "python build.py: error: argument COMMAND: invalid choice" in result.stderr


def test_main_defaults_to_dossier(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: dossier [-h]")


def test_without_any_environment_build_py_says_how_to_set_one_up(checkout: Path) -> None:
    # -S: no site-packages, as the system Python in a shell that never made the venv.
    result = run([sys.executable, "-S", "build.py", "check"], checkout)
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: Dossier needs the Python module '")
    assert f"set up the project's environment once: {INSTALL}" in line
    assert "Traceback" not in result.stderr


def test_with_an_environment_not_activated_build_py_says_to_activate_it(checkout: Path) -> None:
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / ".venv" / "bin" / "activate").write_text("# made by the test\n")
    result = run([sys.executable, "-S", str(checkout / "build.py"), "build"], checkout.parent)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.endswith(
        f"activate the project's environment first: cd {checkout} && . .venv/bin/activate"
    )


def test_debug_keeps_the_traceback(checkout: Path) -> None:
    result = run([sys.executable, "-S", "build.py", "--debug", "check"], checkout)
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert "ModuleNotFoundError: No module named" in result.stderr


@pytest.mark.parametrize("how", ["dossier", "build.py"])
def test_a_reader_that_stops_early_ends_the_command_quietly(how: str) -> None:
    """`dossier check --format json | head -c 0`: the pipe is closed before anything
    is written; the command ends without a BrokenPipeError traceback."""
    installed = str(Path(sys.executable).with_name("dossier"))
    command = [installed] if how == "dossier" else [sys.executable, "build.py"]
    proc = subprocess.Popen(
        [*command, "check", "--format", "json"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes
    stderr = proc.stderr.read()
    proc.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert proc.returncode == 1
