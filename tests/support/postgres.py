"""A throwaway PostgreSQL server for the tests: one per test session, a fresh database per test.

The server lives in a temporary folder, listens on 127.0.0.1 on a free port with password
authentication (scram-sha-256) for one superuser, and is stopped and deleted at the end of
the session. initdb refuses to run as root: as root the server's files belong to, and its
programs run as, the `postgres` system user that Debian's package creates.

Each test gets its own database, copied (CREATE DATABASE ... TEMPLATE) from a template the
session migrates once; a test that needs an empty database asks for one.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "cd_admin"
PASSWORD = "cd-test-password"  # a throwaway server on 127.0.0.1, gone at the session's end
TEMPLATE = "cd_migrated_template"
SERVER_USER = "postgres"  # who runs the server when the tests run as root


class NoPostgres(RuntimeError):
    """PostgreSQL's server programs are not on this machine (or cannot be run)."""


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path)) or (0,)


def find_bindir() -> Path | None:
    """The folder of initdb/pg_ctl: COMMUNE_DESK_PG_BINDIR, pg_config, Debian's layout, PATH."""
    candidates: list[str] = []
    if os.environ.get("COMMUNE_DESK_PG_BINDIR"):
        candidates.append(os.environ["COMMUNE_DESK_PG_BINDIR"])
    if shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                ["pg_config", "--bindir"], capture_output=True, text=True, check=True, timeout=10
            )
            candidates.append(out.stdout.strip())
    # Debian and Ubuntu keep each major version apart; the newest first.
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _drop_to(user: pwd.struct_passwd):
    def demote() -> None:
        os.setgid(user.pw_gid)
        os.initgroups(user.pw_name, user.pw_gid)
        os.setuid(user.pw_uid)

    return demote


@dataclass
class PostgresServer:
    """A running throwaway server; `url(name)` is a SQLAlchemy URL for one of its databases."""

    bindir: Path
    root: Path
    port: int
    host: str = "127.0.0.1"
    user: str = SUPERUSER
    password: str = PASSWORD
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))
    _run_as: pwd.struct_passwd | None = None
    _version: int | None = None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres", *, password: bool = True) -> str:
        secret = f":{self.password}" if password else ""
        return f"postgresql://{self.user}{secret}@{self.host}:{self.port}/{database}"

    # --- life cycle -----------------------------------------------------------------------

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = find_bindir()
        if bindir is None:
            raise NoPostgres("không tìm thấy initdb/pg_ctl của PostgreSQL trên máy này")
        run_as = None
        if os.geteuid() == 0:
            try:
                run_as = pwd.getpwnam(SERVER_USER)
            except KeyError as exc:
                raise NoPostgres(
                    f"chạy với quyền root nhưng không có người dùng hệ thống {SERVER_USER!r}"
                ) from exc
        root = Path(tempfile.mkdtemp(prefix="commune-desk-pg-"))
        server = cls(bindir=bindir, root=root, port=free_port(), _run_as=run_as)
        try:
            server._init_and_start()
        except BaseException:
            server._remove()
            raise
        return server

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = env["LANG"] = "C.UTF-8"
        kwargs: dict = {}
        if self._run_as is not None:
            kwargs["preexec_fn"] = _drop_to(self._run_as)
            env["HOME"] = str(self.root)
        try:
            return subprocess.run(
                [str(self.bindir / args[0]), *args[1:]],
                capture_output=True,
                text=True,
                env=env,
                cwd=self.root,
                timeout=timeout,
                check=True,
                **kwargs,
            )
        except subprocess.CalledProcessError as exc:
            log = (
                self.log_file.read_text(errors="replace")[-4000:] if self.log_file.exists() else ""
            )
            raise NoPostgres(
                f"{args[0]} thất bại ({exc.returncode}): {exc.stderr.strip()}\n{log}"
            ) from exc

    def _init_and_start(self) -> None:
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        if self._run_as is not None:
            os.chmod(self.root, 0o700)
            os.chown(self.root, self._run_as.pw_uid, self._run_as.pw_gid)
            os.chown(pwfile, self._run_as.pw_uid, self._run_as.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            self.user,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        pwfile.unlink()
        # TCP only, on 127.0.0.1; a test server needs no durability.
        options = " ".join(
            [
                f"-p {self.port}",
                f"-h {self.host}",
                "-c unix_socket_directories=''",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=64MB",
            ]
        )
        self._run(
            "pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-o", options, "-w",
            "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            if (self.data_dir / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            self._remove()

    def _remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    # --- databases --------------------------------------------------------------------------

    def admin(self, *statements: str) -> None:
        """Run statements outside a transaction (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            for statement in statements:
                conn.execute(statement)

    def create_database(self, template: str | None = None) -> str:
        """A new database's name: empty, or a copy of `template`."""
        name = f"cd_test_{os.getpid()}_{next(self._counter)}"
        source = f" TEMPLATE {template}" if template else " TEMPLATE template0"
        # A file copy is the faster way for a small template (PostgreSQL 15 and later).
        strategy = " STRATEGY FILE_COPY" if self.version() >= 150000 else ""
        self.admin(f"CREATE DATABASE {name}{source}{strategy}")
        return name

    def version(self) -> int:
        """The server's version number, e.g. 150010."""
        if self._version is None:
            import psycopg

            with psycopg.connect(self.url()) as conn:
                row = conn.execute("SHOW server_version_num").fetchone()
            self._version = int(row[0]) if row else 0
        return self._version

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def migrated_template(self) -> str:
        """The session's template, migrated to the newest revision once."""
        if not getattr(self, "_template_ready", False):
            from commune_desk.data.db import create_db_engine, migrate

            self.admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
            self.admin(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0")
            engine = create_db_engine(self.url(TEMPLATE))
            try:
                migrate(engine)
            finally:
                engine.dispose()
            self._template_ready = True
        return TEMPLATE
