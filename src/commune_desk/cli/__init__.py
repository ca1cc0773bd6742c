"""The headless composition root: `commune-desk COMMAND ...` (see the README for the reference).

Exit status: 0 success, 1 refused input or failed check (message on stderr), 2 usage error,
141 the output's reader stopped early (`| head`): the command ends quietly, as other command
line tools do.
The commands live by theme in this package's modules, each declaring its own sub-parsers:
records (init, demo, import, indicators), reports (export, unlock, consolidate), maintenance
(check, backup, restore), users (user), audit (audit); `gui` and `selftest` stay here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from commune_desk import __version__
from commune_desk.cli import audit, keys, lists, maintenance, records, reports, server, users
from commune_desk.cli.common import EXIT_REFUSED, EXIT_USAGE, Handler, Refused, UsageError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commune-desk",
        description="Commune Desk — sổ theo dõi phong trào «Bình dân học vụ số» của xã.",
    )
    parser.add_argument("--version", action="version", version=f"commune-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        help_text: str,
        handler: Handler,
        *,
        description: str | None = None,
        database: bool = True,
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=description or help_text)
        p.set_defaults(handler=handler)
        if database:
            p.add_argument(
                "--db",
                help="tệp cơ sở dữ liệu hoặc URL SQLAlchemy "
                "(mặc định: thư mục dữ liệu người dùng, biến COMMUNE_DESK_DB)",
            )
            p.add_argument(
                "--commune",
                metavar="CODE",
                help="mã của xã làm việc, khi cơ sở dữ liệu có nhiều xã",
            )
        return p

    gui = command("gui", "mở cửa sổ chương trình (mặc định khi không có lệnh)", cmd_gui)
    gui.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu mẫu")
    for module in (records, lists, reports, keys, maintenance, users, audit, server):
        module.add_parsers(command)
    command(
        "selftest",
        "tự kiểm tra cài đặt: tài nguyên, bản dịch, dữ liệu mẫu, cửa sổ, báo cáo",
        cmd_selftest,
        database=False,
    )
    return parser


EXIT_PIPE_CLOSED = 141  # what a shell reports for a tool its closed pipe stopped (128 + SIGPIPE)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the window when none is given."""
    try:
        try:
            return _main(argv)
        finally:  # also after --help: a reader gone shows here, not at the interpreter's exit
            sys.stdout.flush()
    except BrokenPipeError:  # the commands write to no other pipe than their output
        # What is left to print goes nowhere, and the exit is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


def _main(argv: Sequence[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("--") and args_list[0] not in ("--help", "--version")
    ):
        args_list = ["gui", *args_list]
    args = _parser().parse_args(args_list)
    from commune_desk.logs import configure_logging

    configure_logging(console=False)
    try:
        return args.handler(args)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a refused request from a lower layer: message, no traceback
        from commune_desk.data.backup import BackupError
        from commune_desk.data.db import DatabaseError
        from commune_desk.domain.catalogue import CatalogueError
        from commune_desk.domain.periods import PeriodError
        from commune_desk.services.errors import ServiceError

        if isinstance(
            exc, ServiceError | DatabaseError | BackupError | CatalogueError | PeriodError
        ):
            print(str(exc), file=sys.stderr)
            return EXIT_REFUSED
        raise


def cmd_gui(args: argparse.Namespace) -> int:
    from commune_desk.app import run

    argv = ["--db", args.db] if args.db else []
    if args.demo:
        argv.append("--demo")
    return run(argv)


def cmd_selftest(args: argparse.Namespace) -> int:
    """Check the installation offscreen in a temporary folder (Qt stays out of this module)."""
    from commune_desk.selftest import run_selftest

    return run_selftest(sys.stdout)
