#!/usr/bin/env python3
"""Run a command against a private, throw-away PostgreSQL server.

Why this exists: the test suite has to pass on SQLite *and* on a real PostgreSQL, but
`make test` must not depend on a PostgreSQL that a developer or CI machine happens to have
running (or on its passwords, ports and leftover data). This script starts a disposable
server of its own, hands its address to the command as ``DATABASE_URL``, and always tears
the server down again.

    python tests/pg_server.py -- <command ...>   # run the command, exit with its exit code
    python tests/pg_server.py --check            # start, print the URL, stop (smoke test)

What it does:

1. Finds ``initdb``, ``pg_ctl`` and ``postgres`` (``$PG_BINDIR``, then
   ``/usr/lib/postgresql/*/bin`` with the highest version first, then ``PATH``) and installs
   Debian's ``postgresql`` package with apt-get when there are none.
2. Runs ``initdb`` in a temporary directory (trust authentication, superuser ``postgres``).
   initdb refuses to run as root, so as root the server runs as the ``postgres`` system user,
   or as a ``pgtest`` system user created for the purpose.
3. Starts ``postgres`` as a child process (not daemonized, so that nothing outlives us) on a
   free port of 127.0.0.1 only, with durability switched off (fast, and nothing here is worth
   keeping), and waits until it accepts connections.
4. Creates the database ``pdc`` and runs the command with
   ``DATABASE_URL=postgres://postgres@127.0.0.1:PORT/pdc``.
5. Stops the server (``pg_ctl stop -m immediate``) and removes the directory, also when the
   command fails, on Ctrl-C, SIGTERM or SIGHUP, or on an error.

Progress goes to stderr; stdout belongs to the command (and to the URL with --check).
Standard library only; it does not import Django.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

DB_NAME = "pdc"
SUPERUSER = "postgres"
HOST = "127.0.0.1"
SERVER_BINARIES = ("initdb", "pg_ctl", "postgres")
DEBIAN_BINDIRS = "/usr/lib/postgresql"
OS_USERS = ("postgres", "pgtest")  # as root: the first that exists, else the last is created
LOCALE = "C.UTF-8"
START_TIMEOUT = 60.0
START_ATTEMPTS = 3  # a free port can be taken by someone else before the server binds it
STOP_TIMEOUT = 10.0
SETTINGS = {
    # Throw-away data: durability only costs time.
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}
HANDLED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
USAGE = """usage: python tests/pg_server.py -- <command ...>
       python tests/pg_server.py --check

Run <command> with DATABASE_URL pointing at a throw-away PostgreSQL server;
--check only starts the server, prints its URL and stops it.
PG_BINDIR may name the directory of initdb, pg_ctl and postgres."""

SignalHandler = Callable[[int, FrameType | None], Any] | int | None


class PgServerError(Exception):
    """A failure of this script (not of the command it runs)."""


class Terminated(Exception):
    """SIGTERM or SIGHUP arrived; unwinds the stack so that the server gets stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def log(message: str) -> None:
    # Never raise: a closed stderr (`... 2>&1 | head`) must not keep us from cleaning up.
    with contextlib.suppress(OSError, ValueError):
        print(f"[pg_server] {message}", file=sys.stderr, flush=True)


# --- Child processes ----------------------------------------------------------------------


def credentials(user: str | None) -> dict[str, Any]:
    """Popen arguments that run a program as `user` (None: as ourselves).

    Like `runuser -u USER --`, but without the extra supervising process in between, so that
    our signals reach the program and we reap it ourselves.
    """
    if user is None:
        return {}
    entry = pwd.getpwnam(user)
    groups = os.getgrouplist(user, entry.pw_gid)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": groups}


def helper_env() -> dict[str, str]:
    """Our environment without PG* variables (PGSSLMODE, PGPORT...), which could misdirect
    the PostgreSQL programs we run: they get everything they need as arguments."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PG")}


def end_process(process: subprocess.Popen[Any], first: int = signal.SIGTERM) -> None:
    """Ask a process to exit (SIGTERM lets initdb and apt clean up), kill it if it does not."""
    for signum in (first, signal.SIGKILL):
        if process.poll() is not None:
            return
        process.send_signal(signum)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)
            return
    log(f"warning: process {process.pid} did not exit")


def call(
    command: Sequence[str], *, cwd: Path | None = None, quiet: bool = False, user: str | None = None
) -> tuple[int, str]:
    """Run a program; return its exit code and (when quiet) its output.

    Quiet programs also get a session of their own: Ctrl-C is then ours to handle. On any
    exception (Ctrl-C, SIGTERM) the program is ended gracefully, not with a bare SIGKILL.
    """
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=helper_env(),
        stdin=subprocess.DEVNULL if quiet else None,
        stdout=subprocess.PIPE if quiet else sys.stderr,
        stderr=subprocess.STDOUT if quiet else None,
        text=True,
        start_new_session=quiet,
        **credentials(user),
    ) as process:
        try:
            output, _ = process.communicate()
        except BaseException:
            end_process(process)
            raise
    return process.returncode, output or ""


# --- Finding (or installing) PostgreSQL ---------------------------------------------------


def _version_key(bindir: Path) -> tuple[int, ...]:
    """(15,) for /usr/lib/postgresql/15/bin, so that versions sort numerically."""
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name))


def _candidate_bindirs() -> list[Path]:
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    debian = [Path(p) for p in Path(DEBIAN_BINDIRS).glob("*/bin")]
    candidates += sorted(debian, key=_version_key, reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        # /usr/local/bin/pg_ctl may be a symlink or wrapper: prefer the real directory.
        candidates += [Path(on_path).resolve().parent, Path(on_path).parent]
    return candidates


def _has_server_binaries(bindir: Path) -> bool:
    return all(
        (bindir / name).is_file() and os.access(bindir / name, os.X_OK) for name in SERVER_BINARIES
    )


def find_bindir() -> Path | None:
    return next((d for d in _candidate_bindirs() if _has_server_binaries(d)), None)


def install_postgresql() -> None:
    prefix: list[str] = []
    if os.geteuid() != 0:
        sudo = shutil.which("sudo")
        if sudo is None:
            raise PgServerError(
                "PostgreSQL is not installed, and without root or sudo it cannot be installed: "
                "install Debian's 'postgresql' package, or set PG_BINDIR"
            )
        prefix = [sudo]
    apt = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
    for command in (
        [*apt, "update"],
        [*apt, "install", "-y", "--no-install-recommends", "postgresql"],
    ):
        log(f"$ {shlex.join(command)}")
        if call(command)[0] != 0:
            raise PgServerError(f"installing PostgreSQL failed: {shlex.join(command)}")


def ensure_bindir() -> Path:
    bindir = find_bindir()
    if bindir is None:
        log("no PostgreSQL server binaries found; installing Debian's 'postgresql' package")
        install_postgresql()
        bindir = find_bindir()
    if bindir is None:
        raise PgServerError(f"no {', '.join(SERVER_BINARIES)} found, even after installing")
    return bindir


def find_tool(bindir: Path, name: str) -> str | None:
    """A client program (createdb, psql, pg_isready), preferably of the server's version."""
    if (bindir / name).is_file():
        return str(bindir / name)
    return shutil.which(name)


# --- The unprivileged user the server runs as (when we are root) --------------------------


def server_user() -> str | None:
    """None: run the server as ourselves. Otherwise the name of an unprivileged system user."""
    if os.geteuid() != 0:
        return None
    for name in OS_USERS:
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return create_system_user(OS_USERS[-1])


def create_system_user(name: str) -> str:
    log(f"creating system user {name!r} to run the server (initdb refuses to run as root)")
    sbin_path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    useradd = shutil.which("useradd", path=sbin_path) or "useradd"
    command = [useradd, "--system", "--user-group", "--no-create-home"]
    command += ["--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name]
    if call(command)[0] != 0:
        raise PgServerError(f"could not create system user {name!r}")
    return name


# --- The server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def conf_value(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Server:
    bindir: Path
    root: Path  # temporary directory: data directory, log file and unix socket
    user: str | None  # OS user the server runs as; None: ourselves
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logfile(self) -> Path:
        return self.root / "server.log"

    @property
    def url(self) -> str:
        return f"postgres://{SUPERUSER}@{HOST}:{self.port}/{DB_NAME}"

    def run(self, command: Sequence[str], *, as_server: bool = True) -> None:
        """Run a helper program quietly; raise with its output when it fails."""
        user = self.user if as_server else None
        # cwd: our own may not be accessible to the server's user.
        code, output = call(command, cwd=self.root, quiet=True, user=user)
        if code != 0:
            raise PgServerError(f"{shlex.join(command)} failed (exit code {code}):\n{output}")

    def server_log(self) -> str:
        try:
            return self.logfile.read_text(errors="replace")
        except OSError as exc:
            return f"(no server log: {exc})"

    def initdb(self) -> None:
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        base = [str(self.bindir / "initdb"), "--pgdata", str(self.data), "--auth=trust"]
        base += [f"--username={SUPERUSER}", "--encoding=UTF8", "--no-sync"]
        try:
            self.run([*base, f"--locale={LOCALE}"])
        except PgServerError as exc:
            log(f"initdb with --locale={LOCALE} failed; retrying with --no-locale\n{exc}")
            shutil.rmtree(self.data, ignore_errors=True)
            self.run([*base, "--no-locale"])

    def configure(self) -> None:
        settings = {
            "listen_addresses": conf_value(HOST),
            "unix_socket_directories": conf_value(str(self.root)),
            **SETTINGS,
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# tests/pg_server.py\n")
            conf.writelines(f"{key} = {value}\n" for key, value in settings.items())

    def start(self) -> None:
        for attempt in range(1, START_ATTEMPTS + 1):
            self.port = free_port()
            log(f"starting server on {HOST}:{self.port}")
            self.launch()
            try:
                self.wait_until_ready()
                log("server accepts connections")
                return
            except PgServerError as exc:
                if attempt == START_ATTEMPTS or not self.port_was_taken():
                    raise PgServerError(f"{exc}\n--- server log ---\n{self.server_log()}") from None
                log(f"port {self.port} was taken meanwhile; trying another one")

    def launch(self) -> None:
        command = [str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(self.port)]
        with self.logfile.open("w") as logfile:
            self.process = subprocess.Popen(
                command,
                cwd=self.root,
                env=helper_env(),
                stdin=subprocess.DEVNULL,
                stdout=logfile,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C is ours to handle, not the server's
                **credentials(self.user),
            )

    def port_was_taken(self) -> bool:
        exited = self.process is not None and self.process.poll() is not None
        return exited and "could not bind" in self.server_log()

    def accepts_connections(self) -> bool:
        pg_isready = find_tool(self.bindir, "pg_isready")
        if pg_isready is None:
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 1):
                return True
            return False
        command = [pg_isready, "-h", HOST, "-p", str(self.port), "-U", SUPERUSER]
        return call([*command, "-d", "postgres", "-t", "2"], quiet=True)[0] == 0

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not self.accepts_connections():
            if self.process is not None and self.process.poll() is not None:
                raise PgServerError(f"server exited with code {self.process.returncode}")
            if time.monotonic() > deadline:
                raise PgServerError(f"server did not accept connections within {START_TIMEOUT}s")
            time.sleep(0.1)

    def create_database(self) -> None:
        address = ["-h", HOST, "-p", str(self.port), "-U", SUPERUSER]
        createdb = find_tool(self.bindir, "createdb")
        psql = find_tool(self.bindir, "psql")
        if createdb:
            self.run([createdb, *address, DB_NAME], as_server=False)
        elif psql:
            sql = f"CREATE DATABASE {DB_NAME}"
            self.run([psql, *address, "-d", "postgres", "-c", sql], as_server=False)
        else:
            raise PgServerError("neither createdb nor psql found to create the database")
        log(f"created database {DB_NAME!r}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        log("stopping server")
        pg_ctl = [str(self.bindir / "pg_ctl"), "stop", "--pgdata", str(self.data)]
        try:
            self.run([*pg_ctl, "--mode=immediate", "--wait", "--timeout=30"])
        except (PgServerError, OSError) as exc:
            log(f"warning: {exc}")
        finally:
            # Reap the server; should pg_ctl have failed, SIGQUIT is its immediate shutdown.
            end_process(self.process, first=signal.SIGQUIT)


@contextlib.contextmanager
def throwaway_server() -> Iterator[Server]:
    bindir = ensure_bindir()
    version = call([str(bindir / "postgres"), "--version"], quiet=True)[1].strip()
    log(f"using {version or 'PostgreSQL'} from {bindir}")
    user = server_user()
    if user:
        log(f"running as root, so the server runs as system user {user!r}")
    server = Server(bindir=bindir, root=Path(tempfile.mkdtemp(prefix="pg_server-")), user=user)
    try:
        log(f"initdb in {server.data}")
        server.initdb()
        server.configure()
        server.start()
        server.create_database()
        yield server
    finally:
        with signals_ignored():
            try:
                server.stop()
            finally:
                shutil.rmtree(server.root, ignore_errors=True)
                log(f"removed {server.root}")


# --- Signals ------------------------------------------------------------------------------


def set_handlers(
    handler: SignalHandler, signums: Sequence[int] = HANDLED_SIGNALS
) -> dict[int, SignalHandler]:
    """Install a handler for each signal that we were not told to ignore (`nohup`, `cmd &`).

    Returns the previous handlers, for restore_handlers().
    """
    return {
        signum: signal.signal(signum, handler)
        for signum in signums
        if signal.getsignal(signum) is not signal.SIG_IGN
    }


def restore_handlers(previous: dict[int, SignalHandler]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


@contextlib.contextmanager
def signals_ignored() -> Iterator[None]:
    """Let clean-up finish even when the user presses Ctrl-C again."""
    previous = set_handlers(signal.SIG_IGN)
    try:
        yield
    finally:
        restore_handlers(previous)


def raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def terminal_sends_sigint() -> bool:
    """True when Ctrl-C reaches the command by itself: we are in the terminal's foreground."""
    try:
        return os.tcgetpgrp(sys.stdin.fileno()) == os.getpgrp()
    except (OSError, ValueError):
        return False


# --- Running the command ------------------------------------------------------------------


def run_command(command: Sequence[str], env: dict[str, str]) -> int:
    """Run the command in the foreground; forward signals to it; return its exit code."""
    child: list[subprocess.Popen[bytes]] = []

    def forward(signum: int, frame: FrameType | None) -> None:
        if not child:
            raise KeyboardInterrupt if signum == signal.SIGINT else Terminated(signum)
        if signum == signal.SIGINT and terminal_sends_sigint():
            return  # the command got this Ctrl-C too; wait for it to finish
        child[0].send_signal(signum)

    previous = set_handlers(forward)
    try:
        child.append(subprocess.Popen(command, env=env))
        code = child[0].wait()
    except OSError as exc:
        log(f"cannot run {shlex.join(command)}: {exc}")
        return 127
    finally:
        restore_handlers(previous)
        if child:
            end_process(child[0])
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, like the shell


def parse_args(argv: Sequence[str]) -> list[str] | None:
    """The command to run, or None for --check. Exits with the usage on bad arguments."""
    if list(argv) == ["--check"]:
        return None
    if len(argv) >= 2 and argv[0] == "--":
        return list(argv[1:])
    print(USAGE, file=sys.stderr)
    raise SystemExit(0 if list(argv) in (["-h"], ["--help"]) else 2)


def main(argv: Sequence[str]) -> int:
    command = parse_args(argv)
    set_handlers(raise_terminated, (signal.SIGTERM, signal.SIGHUP))
    try:
        with throwaway_server() as server:
            if command is None:
                print(server.url, flush=True)
                return 0
            log(f"DATABASE_URL={server.url}")
            log(f"running: {shlex.join(command)}")
            code = run_command(command, {**os.environ, "DATABASE_URL": server.url})
            log(f"command exited with code {code}")
            return code
    except PgServerError as exc:
        log(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Terminated as exc:
        log(f"terminated by {exc}")
        return 128 + exc.signum


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
