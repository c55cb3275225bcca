"""A throwaway PostgreSQL server for the tests and the benchmark, and its databases.

`Cluster()` runs Debian's `initdb` into a new temporary folder and starts a
server that listens on a Unix socket in that folder only (no TCP port), so
several can run side by side and none is reachable from another machine.
PostgreSQL refuses to run as root: as root, the folder is given to the
`postgres` user and every server command runs as that user (`runuser`).

    with Cluster() as cluster:
        url = cluster.create_database("quiz")
        ...

Also a command, for `.ci/run`: `python -m tests.postgres start FOLDER` starts a
cluster in FOLDER (made by `initdb` on its first start) and prints its admin
URL; `python -m tests.postgres stop FOLDER` stops it.
"""

from __future__ import annotations

import argparse
import os
import pwd
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, urlsplit, urlunsplit

BINARIES = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
PORT = 5432  # names the socket file only: nothing listens on TCP
# Durability is not what the tests test: a server without fsync starts and
# creates databases several times faster. The benchmark keeps the defaults.
FAST = "-c fsync=off -c full_page_writes=off"


class ClusterUnavailable(Exception):
    """PostgreSQL's server programs are not installed, or a cluster would not start; why, in words."""


def find_binaries() -> Path | None:
    """The newest of Debian's PostgreSQL server folders (`/usr/lib/postgresql/N/bin`), or None."""

    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name)) or (0,)

    found = [
        folder
        for folder in BINARIES.glob("*/bin")
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file()
    ]
    return max(found, key=version) if found else None


def with_database(url: str, dbname: str) -> str:
    """The same server's URL, naming another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(dbname)))


def create_database(admin_url: str, name: str | None = None) -> str:
    """A new empty database on the server of `admin_url`; its URL."""
    import psycopg
    from psycopg import sql

    name = name or f"quiz_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return with_database(admin_url, name)


def drop_database(admin_url: str, url: str) -> None:
    """Drop the database `url` names, closing whatever is still connected to it."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


class Cluster:
    """One PostgreSQL server of its own, in a temporary folder, on a Unix socket in that folder.

    `durable=False` (the tests) turns fsync off; `durable=True` (the
    benchmark) keeps the server's defaults: fsync and synchronous commit on.
    With `folder`, the cluster lives there and `close()` leaves the folder;
    without, it gets a new one and `close()` removes it.
    """

    def __init__(
        self, folder: Path | None = None, *, durable: bool = False, binaries: Path | None = None
    ) -> None:
        found = binaries or find_binaries()
        if found is None:
            raise ClusterUnavailable(
                f"PostgreSQL's server programs are not installed (no {BINARIES}/*/bin/initdb);"
                " on Debian: apt-get install postgresql"
            )
        self.binaries = found
        self.durable = durable
        self._owned = folder is None
        self.folder = Path(tempfile.mkdtemp(prefix="quiz-pg-")) if folder is None else Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        # PostgreSQL will not run as root: root hands the folder to the postgres user.
        self._as: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", SUPERUSER, "--"]

    # --- the server ------------------------------------------------------------

    def init(self) -> None:
        """Create the cluster's files (once)."""
        if (self.data / "PG_VERSION").exists():
            return
        self._run(
            "initdb", "--pgdata", str(self.data), "--username", SUPERUSER, "--auth", "trust",
            "--encoding", "UTF8", "--locale", "C.UTF-8", "--no-sync",
        )  # fmt: skip

    def start(self) -> Cluster:
        """Start the server (creating it first if need be) and wait until it accepts connections."""
        self.init()
        # pg_ctl hands these to the server through a shell.
        options = f"-c listen_addresses='' -k {shlex.quote(str(self.folder))} -p {PORT}"
        if not self.durable:
            options += " " + FAST
        self._run(
            "pg_ctl", "--pgdata", str(self.data), "--log", str(self.log), "--wait", "--timeout", "60",
            "-o", options, "start",
        )  # fmt: skip
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast`: its clients are disconnected; `immediate`: no shutdown at all)."""
        if self.running():
            self._run("pg_ctl", "--pgdata", str(self.data), "--wait", "--mode", mode, "stop")

    def running(self) -> bool:
        if not (self.data / "postmaster.pid").exists():
            return False
        status = subprocess.run(
            [*self._as, str(self.binaries / "pg_ctl"), "--pgdata", str(self.data), "status"],
            capture_output=True,
            cwd=self.folder,
        )
        return status.returncode == 0

    def close(self) -> None:
        """Stop the server and, if the folder was made for it, remove the folder."""
        try:
            self.stop("immediate")  # its data is thrown away
        finally:
            if self._owned:
                shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # --- its databases -------------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL for a database of this server, as its superuser, through its socket."""
        return f"postgresql://{SUPERUSER}@/{quote(dbname)}?host={quote(str(self.folder))}&port={PORT}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database (a fresh name unless given); its URL."""
        return create_database(self.url(), name)

    def drop_database(self, url: str) -> None:
        drop_database(self.url(), url)

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [*self._as, str(self.binaries / program), *args],
            capture_output=True,
            text=True,
            cwd=self.folder,  # root's working folder may be closed to the postgres user
            timeout=120,
        )
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise ClusterUnavailable(
                f"{program} failed in {self.folder} (exit {result.returncode}): "
                f"{(result.stderr or result.stdout).strip()}" + (f"\n{log}" if log else "")
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.postgres", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument(
        "folder", type=Path, help="the cluster's folder (created by initdb on its first start)"
    )
    args = parser.parse_args(argv)
    try:
        cluster = Cluster(args.folder.resolve())
        if args.action == "start":
            cluster.start()
            print(cluster.url())
        else:
            cluster.stop()
    except ClusterUnavailable as exc:
        print(f"tests.postgres: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
