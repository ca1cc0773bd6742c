"""Commune Desk: the records, targets and reports of the "Bình dân học vụ số" movement."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("commune-desk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
