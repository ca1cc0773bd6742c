"""Logging, configured once by a composition root: a rotating file in the user's log folder."""

from __future__ import annotations

import logging

from commune_desk import paths

LOG_FILE_NAME = "commune-desk.log"


def configure_logging(console: bool = False) -> None:
    """Log to a rotating file (and optionally stderr); quietly skip a folder we cannot write."""
    import logging.handlers  # socket, pickle, queue: not needed before the window shows

    root = logging.getLogger()
    if getattr(root, "_commune_desk_configured", False):
        return
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(formatter)
        root.addHandler(handler)
    except OSError:
        pass
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        root.addHandler(stream)
    root._commune_desk_configured = True  # type: ignore[attr-defined]


def log_file() -> str:
    return str(paths.log_dir() / LOG_FILE_NAME)
