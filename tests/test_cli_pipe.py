"""A command whose reader stops early (`commune-desk indicators ... | head`) ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from commune_desk.cli import EXIT_PIPE_CLOSED


@pytest.mark.parametrize(
    ("command", "buffered", "status"),
    [
        (("indicators", "--period", "2025"), True, EXIT_PIPE_CLOSED),
        (("indicators", "--period", "2025"), False, EXIT_PIPE_CLOSED),
        (("indicators", "--period", "2025", "--format", "json"), True, EXIT_PIPE_CLOSED),
        (("indicators", "--help"), True, EXIT_PIPE_CLOSED),
        (("indicators", "--help"), False, 0),  # argparse itself ignores its failed writes
    ],
    ids=["table", "table-unbuffered", "json", "help", "help-unbuffered"],
)
def test_a_reader_that_closes_early_gets_no_traceback(
    opened, db_url, tmp_path, command, buffered, status
):
    opened.close()
    env = {**os.environ, "COMMUNE_DESK_HOME": str(tmp_path)}
    env.pop("PYTHONUNBUFFERED", None)
    if not buffered:  # every print reaches the pipe at once, and fails there
        env["PYTHONUNBUFFERED"] = "1"
    args = [*command, "--db", db_url] if "--help" not in command else list(command)
    child = subprocess.Popen(
        [sys.executable, "-m", "commune_desk", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the reader is gone before the first line
    _, errors = child.communicate(timeout=120)
    assert errors.decode() == ""
    assert child.returncode == status


def test_a_reader_that_reads_everything_sees_the_whole_output(opened, db_url, tmp_path):
    opened.close()
    env = {**os.environ, "COMMUNE_DESK_HOME": str(tmp_path)}
    command = ["indicators", "--period", "2025", "--db", db_url]
    done = subprocess.run(
        [sys.executable, "-m", "commune_desk", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Xã Thiệu Trung" in done.stdout.splitlines()[0]
