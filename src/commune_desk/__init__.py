"""Commune Desk: the records, targets and reports of the "Bình dân học vụ số" movement."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`__version__`, read from the package metadata when first asked (not at start-up)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("commune-desk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
