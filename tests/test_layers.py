"""The layer contracts of pyproject.toml hold (import-linter)."""

from __future__ import annotations

from importlinter.cli import lint_imports

from tests.conftest import ROOT


def test_layer_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0
