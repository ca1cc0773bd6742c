"""What tests of every layer share: the checkout's resources, the fixed clock, the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "catalogue" / "default.toml"
SAMPLES = ROOT / "resources" / "samples"
FIXED_NOW = dt.datetime(2026, 11, 21, 9, 30)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line in-process: (exit status, stdout, stderr)."""
    from commune_desk.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
