"""The layer contracts of pyproject.toml hold (import-linter)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.common import ROOT


def test_layer_contracts_are_kept():
    # In a child process: import-linter reconfigures logging, which would disable the loggers
    # of the modules the rest of the suite has already imported.
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename=sys.argv[1]))",
            str(ROOT / "pyproject.toml"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
