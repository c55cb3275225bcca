"""The player's progress: players, rounds, answers, preferences, cards, assignments.

Kept in SQLite (a file in the data folder, the default) or on a PostgreSQL
server (`Store.connect("postgresql://...")`, quiz.engine.postgres), with one
schema, one set of statements and one migration history: the statements
are written in SQLite's words, and quiz.engine.postgres's table rewrites
the few that PostgreSQL spells otherwise. What follows is said of SQLite;
on PostgreSQL each answer is likewise committed before it is shown, writers
wait on the rows they share, the schema's version is in `quiz_schema` and
migrations take an advisory lock, and a lost connection is what a lock is
below: the writes wait in memory and go through once the server is back.

Durability: the database runs in WAL mode with `synchronous=NORMAL`, and each
answer is its own transaction, committed before `GameSession.answer` returns
(so before either face shows its verdict). A process killed mid-round
therefore loses at most the answer in flight (only a power cut can lose the
last few commits). Several games may share one data
folder: writers wait for each other (`BEGIN IMMEDIATE`, a busy timeout) rather
than fail.

The schema's version is SQLite's `user_version`; `MIGRATIONS[n]` takes a
database from version n to n + 1, inside one transaction, so an older file is
brought forward when it is opened. A file from a newer version of the game is
left untouched.

Nothing here raises. A file that is not a database or is damaged is moved
aside (never deleted); a folder that cannot be written, a newer schema or a
failure in the middle of a game switch the store to memory. In every such
case `notice` says, in one sentence, that progress is not being saved and
why, and the game goes on.

Another program holding the file locked past the busy timeout is not a
failure: the writes it holds up (answers, rounds, saves) wait in memory, in
order, and are retried before the next write and at `close()`; `notice` says
they are waiting while they wait (only a kill while they wait loses them). A
read held up by a lock finds nothing rather than switching to memory.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from quiz.content.text import clean_line
from quiz.engine import preferences
from quiz.engine.preferences import Preferences

if TYPE_CHECKING:  # not at run time: `quiz stats` needs neither pydantic nor the bank
    from quiz.engine.playable import Answer
    from quiz.engine.review import CardState
    from quiz.engine.spec import RoundSpec

FILE_NAME = "progress.sqlite3"
BUSY_TIMEOUT_SECONDS = 10.0
RETRY_SECONDS = 0.2
"""How long a write waits for the lock while earlier writes are already waiting:
the game has waited the full busy timeout once and need not freeze at every answer."""

T = TypeVar("T")


class Db(Protocol):
    """What the store uses of a connection: `sqlite3.Connection`, or quiz.engine.postgres's."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Any, /) -> Any: ...
    def close(self) -> None: ...
    @property
    def in_transaction(self) -> bool: ...


Migration = str | Callable[[Db], None]  # an SQL statement, or Python work on the database

MIGRATIONS: list[tuple[Migration, ...]] = [
    # 0 -> 1: the first schema.
    (
        """CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players(id),
            mode TEXT NOT NULL,
            filters TEXT NOT NULL,      -- JSON: topics, types, sources, difficulties, skills
            seed INTEGER NOT NULL,
            size INTEGER NOT NULL,      -- questions drawn
            confidence INTEGER NOT NULL,  -- 1 if certainty-based marking was on
            started TEXT NOT NULL,
            ended TEXT
        )""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds(id),
            player_id INTEGER NOT NULL REFERENCES players(id),
            position INTEGER NOT NULL,  -- 0-based place in the round
            question_id TEXT NOT NULL,
            type TEXT NOT NULL,
            topic TEXT NOT NULL,
            sources TEXT NOT NULL,      -- the cited sources' ids, space-separated
            difficulty INTEGER NOT NULL,
            prompt TEXT NOT NULL,
            given TEXT NOT NULL,        -- JSON
            outcome TEXT NOT NULL,      -- right | partial | wrong
            credit REAL NOT NULL,
            points INTEGER NOT NULL,
            streak INTEGER NOT NULL,
            confidence INTEGER,
            marks INTEGER,
            seconds REAL,
            answered TEXT NOT NULL
        )""",
        "CREATE INDEX answers_by_player ON answers (player_id, question_id)",
        """CREATE TABLE settings (
            player TEXT NOT NULL COLLATE NOCASE,  -- '' for a global setting
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (player, key)
        )""",
    ),
    # 1 -> 2: campaigns: one saved game per player and campaign, and every finished run.
    (
        """CREATE TABLE campaign_saves (
            player_id INTEGER NOT NULL REFERENCES players(id),
            campaign TEXT NOT NULL,
            state TEXT NOT NULL,        -- JSON, quiz.engine.campaign.run.CampaignState
            saved TEXT NOT NULL,
            PRIMARY KEY (player_id, campaign)
        )""",
        """CREATE TABLE campaign_results (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players(id),
            campaign TEXT NOT NULL,
            ending TEXT NOT NULL,
            score INTEGER NOT NULL,
            max_score INTEGER NOT NULL,
            finished TEXT NOT NULL
        )""",
    ),
    # 2 -> 3: spaced review: one card per player and question, built from the answers so far.
    (
        """CREATE TABLE cards (
            player_id INTEGER NOT NULL REFERENCES players(id),
            question_id TEXT NOT NULL,
            state INTEGER NOT NULL,     -- fsrs.State: 1 learning, 2 review, 3 relearning
            step INTEGER,               -- the learning or relearning step; NULL in review
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,          -- ISO 8601 UTC, as quiz.engine.review.stamp writes it
            last_review TEXT NOT NULL,
            begun TEXT NOT NULL,        -- the first review: new questions a day are counted by it
            reviews INTEGER NOT NULL,
            due_reviews INTEGER NOT NULL,  -- reviews in the review state, when due (true retention)
            due_right INTEGER NOT NULL,    -- of those, answered fully right
            disputed INTEGER NOT NULL,  -- 1 for a question about a dispute
            PRIMARY KEY (player_id, question_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX cards_by_due ON cards (player_id, due)",
        "CREATE INDEX cards_by_begun ON cards (player_id, begun)",
        lambda db: _cards_from_history(db),
    ),
    # 3 -> 4: assignments (a fixed round with a code), and the rounds that answer them.
    (
        """CREATE TABLE assignments (
            code TEXT PRIMARY KEY,      -- e.g. K7Q-3XD, read aloud in class
            uid TEXT NOT NULL UNIQUE,   -- random; tells this assignment from another with its code
            title TEXT NOT NULL,
            spec TEXT NOT NULL,         -- JSON: the RoundSpec, with its seed
            questions TEXT NOT NULL,    -- JSON: the question ids drawn, in order
            due TEXT,                   -- YYYY-MM-DD
            created TEXT NOT NULL
        )""",
        "ALTER TABLE rounds ADD COLUMN assignment TEXT",  # the code of the assignment it answers
        # An imported round: "<store id>:<round id>" where it was played; imported once.
        "ALTER TABLE rounds ADD COLUMN origin TEXT",
        "CREATE UNIQUE INDEX rounds_by_origin ON rounds (origin) WHERE origin IS NOT NULL",
        "CREATE INDEX rounds_by_assignment ON rounds (assignment)",
    ),
    # 4 -> 5: a round's answers found by its id (the dashboard counts each round's answers).
    ("CREATE INDEX answers_by_round ON answers (round_id)",),
]

_INSERT_ANSWER = """INSERT INTO answers (
    round_id, player_id, position, question_id, type, topic, sources, difficulty, prompt,
    given, outcome, credit, points, streak, confidence, marks, seconds, answered
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""

_ANSWERS = (
    "SELECT p.name, r.id, r.mode, r.started, a.answered, a.position, a.question_id, a.type,"
    " a.topic, a.sources, a.difficulty, a.prompt, a.given, a.outcome, a.credit, a.points,"
    " a.streak, a.confidence, a.marks, a.seconds, r.assignment, r.seed, r.ended, r.size"
    " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id"
)
_ANSWER_FACTS = (
    "SELECT p.name, a.round_id, a.question_id, a.prompt, a.topic, a.type, a.sources, a.confidence,"
    " a.outcome, a.credit, a.points, a.marks, a.streak"
    " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id"
)

_ASSIGNMENT_ANSWERS = (
    "SELECT a.round_id, a.position, a.question_id, a.type, a.given, a.outcome, a.credit, a.points, a.seconds"
    " FROM answers a JOIN rounds r ON r.id = a.round_id WHERE r.assignment = ? ORDER BY a.id"
)
_ASSIGNMENT_PROMPTS = (
    "SELECT position, prompt FROM answers WHERE id IN (SELECT min(a.id) FROM answers a"
    " JOIN rounds r ON r.id = a.round_id WHERE r.assignment = ? GROUP BY a.position)"
)
_PLAYER = "(SELECT id FROM players WHERE name = ?)"
_SET = (
    "INSERT INTO settings (player, key, value) VALUES (?, ?, ?)"
    " ON CONFLICT (player, key) DO UPDATE SET value = excluded.value"
)
_CARD_STATE = "state, step, stability, difficulty, due, last_review"
_UPSERT_CARD = """INSERT INTO cards (
    player_id, question_id, state, step, stability, difficulty, due, last_review, begun,
    reviews, due_reviews, due_right, disputed
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
ON CONFLICT (player_id, question_id) DO UPDATE SET
    state = excluded.state, step = excluded.step, stability = excluded.stability,
    difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
    reviews = cards.reviews + 1, due_reviews = cards.due_reviews + excluded.due_reviews,
    due_right = cards.due_right + excluded.due_right, disputed = excluded.disputed"""

_ROUND_COLUMNS = ("mode", "filters", "seed", "size", "confidence", "started", "ended", "assignment", "origin")
_ANSWER_COLUMNS = (
    "position", "question_id", "type", "topic", "sources", "difficulty", "prompt", "given", "outcome",
    "credit", "points", "streak", "confidence", "marks", "seconds", "answered",
)  # fmt: skip
_INSERT_ROUND = (
    "INSERT INTO rounds (player_id, mode, filters, seed, size, confidence, started, ended, assignment, origin)"
    " VALUES (:player_id, :mode, :filters, :seed, :size, :confidence, :started, :ended, :assignment, :origin)"
    " RETURNING id"
)
_INSERT_COPIED_ANSWER = (
    "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources, difficulty,"
    " prompt, given, outcome, credit, points, streak, confidence, marks, seconds, answered) VALUES"
    " (:round_id, :player_id, :position, :question_id, :type, :topic, :sources, :difficulty, :prompt,"
    " :given, :outcome, :credit, :points, :streak, :confidence, :marks, :seconds, :answered)"
)
# What `Store.copy_to` moves besides rounds and answers: each player by name, not by id.
_NAMED = "(SELECT id FROM players WHERE name = :player)"
_CARD_COLUMNS = (
    "question_id, state, step, stability, difficulty, due, last_review, begun, reviews, due_reviews,"
    " due_right, disputed"
)
_COPY_READ = {
    "players": "SELECT name, created FROM players ORDER BY id",
    "settings": "SELECT player, key, value FROM settings WHERE key NOT IN ('store_id', 'last_opened')",
    "assignments": "SELECT code, uid, title, spec, questions, due, created FROM assignments",
    "cards": f"SELECT p.name, {', '.join('c.' + c.strip() for c in _CARD_COLUMNS.split(','))}"
    " FROM cards c JOIN players p ON p.id = c.player_id",
    "campaign_saves": "SELECT p.name, s.campaign, s.state, s.saved"
    " FROM campaign_saves s JOIN players p ON p.id = s.player_id",
    "campaign_results": "SELECT p.name, c.campaign, c.ending, c.score, c.max_score, c.finished"
    " FROM campaign_results c JOIN players p ON p.id = c.player_id ORDER BY c.id",
}
_COPY_KEYS = {
    "players": ("name", "created"),
    "settings": ("player", "key", "value"),
    "assignments": ("code", "uid", "title", "spec", "questions", "due", "created"),
    "cards": ("player", *(c.strip() for c in _CARD_COLUMNS.split(","))),
    "campaign_saves": ("player", "campaign", "state", "saved"),
    "campaign_results": ("player", "campaign", "ending", "score", "max_score", "finished"),
}
_COPY_WRITE = {
    "players": "INSERT INTO players (name, created) VALUES (:name, :created) ON CONFLICT DO NOTHING",
    "settings": "INSERT INTO settings (player, key, value) VALUES (:player, :key, :value) ON CONFLICT DO NOTHING",
    "assignments": "INSERT INTO assignments (code, uid, title, spec, questions, due, created)"
    " VALUES (:code, :uid, :title, :spec, :questions, :due, :created) ON CONFLICT DO NOTHING",
    "cards": f"INSERT INTO cards (player_id, {_CARD_COLUMNS}) VALUES ({_NAMED}, "
    + ", ".join(":" + c.strip() for c in _CARD_COLUMNS.split(","))
    + ") ON CONFLICT (player_id, question_id) DO UPDATE SET "
    + ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _CARD_COLUMNS.split(",")[1:])
    + " WHERE excluded.last_review > cards.last_review",
    "campaign_saves": f"INSERT INTO campaign_saves (player_id, campaign, state, saved)"
    f" VALUES ({_NAMED}, :campaign, :state, :saved) ON CONFLICT (player_id, campaign)"
    " DO UPDATE SET state = excluded.state, saved = excluded.saved WHERE excluded.saved > campaign_saves.saved",
    "campaign_results": f"INSERT INTO campaign_results (player_id, campaign, ending, score, max_score, finished)"
    f" VALUES ({_NAMED}, :campaign, :ending, :score, :max_score, :finished)",
}
_RESULT_KNOWN = (
    f"SELECT 1 FROM campaign_results WHERE player_id = {_NAMED} AND campaign = :campaign"
    " AND ending = :ending AND finished = :finished"
)
_COPY_ROUNDS = (
    "SELECT r.id, p.name, r.mode, r.filters, r.seed, r.size, r.confidence, r.started, r.ended,"
    " r.assignment, r.origin FROM rounds r JOIN players p ON p.id = r.player_id ORDER BY r.id"
)
_COPY_ANSWERS = f"SELECT round_id, {', '.join(_ANSWER_COLUMNS)} FROM answers ORDER BY id"

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_NOTADB = 5, 6, 11, 26
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder, not one per answer
_JSON_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}


def open_store(url: str | None, data_dir: Path, *, create: bool = True) -> Store:
    """The store a URL names (`--db`, `QUIZ_DB`), else the one in the data folder.

    Raises `StoreUnreachable` for a server that cannot be reached or a URL
    that names no store; a file never raises (see `Store.open`).
    """
    if url:
        return Store.connect(url, create=create)
    return Store.open(data_dir, create=create)


def schema_version() -> int:
    return len(MIGRATIONS)


def now() -> str:
    """The time, as stored: ISO 8601 in UTC, to the millisecond (as SQLite's
    `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')` writes it)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True)
class History:
    """What a player has answered before, as far as drawing a round needs.

    `last_credit`: each question's credit at its latest answer; `last_seen`:
    a number that grows with time, for the latest answer to each question;
    `missed`: questions whose latest answer was not fully right, most recently
    missed first.
    """

    last_credit: Mapping[str, float] = field(default_factory=dict)
    last_seen: Mapping[str, int] = field(default_factory=dict)
    missed: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as the session hands it to the store."""

    position: int
    question_id: str
    type: str
    topic: str
    sources: tuple[str, ...]
    difficulty: int
    prompt: str
    given: Answer
    outcome: str
    credit: float
    points: int
    streak: int
    confidence: int | None
    marks: int | None
    seconds: float | None
    disputed: bool = False  # a question about a dispute (for the calibration split of the stats)


@dataclass(frozen=True)
class AnswerRow:
    """One answer as read back, with its player and round: a row of the CSV export."""

    player: str
    round_id: int
    mode: str
    round_started: str
    answered: str
    position: int
    question_id: str
    type: str
    topic: str
    sources: tuple[str, ...]
    difficulty: int
    prompt: str
    given: Any  # the JSON form of the answer (see `given_to_json`)
    outcome: str
    credit: float
    points: int
    streak: int
    confidence: int | None
    marks: int | None
    seconds: float | None
    assignment: str | None = None  # the code of the assignment the round answers
    seed: int | str | None = None  # the round's seed (text beyond 64 bits)
    round_ended: str | None = None
    round_size: int = 0


def given_to_json(given: Answer) -> str:
    """An answer as stored: sets sorted, tuples as lists, mappings as objects."""
    kind = type(given)
    if kind is str or kind is bool or kind is float or kind is int:
        return _JSON.encode(given)
    if isinstance(given, frozenset | set):
        return _JSON.encode(sorted(given))
    if isinstance(given, tuple | list):
        return _JSON.encode(list(given))
    if isinstance(given, Mapping):
        return _JSON.encode(dict(given))
    return _JSON.encode(given)


def given_from_json(text: str) -> Any:
    """An answer as stored, read back; the text itself if it is not JSON."""
    # Most answers are a plain word or a truth value: read without the JSON parser (the dashboard
    # and the CSV read every answer).
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"' and '"' not in text[1:-1] and "\\" not in text:
        return text[1:-1]
    if text in _JSON_WORDS:
        return _JSON_WORDS[text]
    try:
        return json.loads(text)
    except ValueError:
        return text


@dataclass(frozen=True)
class CampaignResult:
    """One finished campaign."""

    player: str
    campaign: str
    ending: str
    score: int
    max_score: int
    finished: str


class _Unusable(Exception):
    """The file cannot be used, and why, in words."""


class StoreUnreachable(Exception):
    """The database server cannot be reached at start-up: one sentence naming it, never a password."""


@dataclass(frozen=True)
class Dialect:
    """Where the two databases differ beyond the words of a statement (quiz.engine.postgres has those)."""

    errors: tuple[type[BaseException], ...]
    read_version: Callable[[Db], int]
    write_version: Callable[[Db, int], None]
    lock_schema: Callable[[Db], None]  # inside a migration's transaction
    is_waiting: Callable[[BaseException], bool]  # a wait to retry later, not a failure
    is_damaged: Callable[[BaseException], bool]
    reason: Callable[[BaseException], str]
    waiting_because: str  # "{where}" stands for the store's location
    back_when: str
    gave_up: str  # why waiting writes were lost at close
    retries: bool  # retried in a loop while a write waits (SQLite's busy timeout waits by itself)


def _sqlite_version(db: Db) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _sqlite_write_version(db: Db, version: int) -> None:
    db.execute(f"PRAGMA user_version = {int(version)}")


SQLITE = Dialect(
    errors=(sqlite3.Error,),
    read_version=_sqlite_version,
    write_version=_sqlite_write_version,
    lock_schema=lambda db: None,  # BEGIN IMMEDIATE is the lock
    is_waiting=lambda exc: isinstance(exc, sqlite3.Error) and _is_busy(exc),
    is_damaged=lambda exc: isinstance(exc, sqlite3.Error) and _is_corrupt(exc),
    reason=lambda exc: _reason(exc) if isinstance(exc, sqlite3.Error) else str(exc),
    waiting_because="another program is holding {where} locked",
    back_when="it lets go",
    gave_up="{where} stayed locked by another program",
    retries=False,
)


def _postgres_dialect(url: str) -> Dialect:
    from quiz.engine import postgres

    return Dialect(
        errors=(sqlite3.Error, *postgres.ERRORS),  # sqlite3: the memory it falls back to
        read_version=postgres.read_version,
        write_version=postgres.write_version,
        lock_schema=postgres.lock_schema,
        is_waiting=postgres.is_lost,
        is_damaged=lambda exc: False,
        reason=lambda exc: postgres.reason(exc, url),
        waiting_because="the connection to the database server at {where} is lost",
        back_when="it is back",
        gave_up="the database server at {where} could not be reached again",
        retries=True,
    )


class Store:
    """Progress on disk or on a server, or in memory when neither can be used.

    Open with `Store.open(data_dir)` or `Store.connect(url)`; `notice` is None
    while progress is being saved, else the one-sentence reason it is not,
    or why it waits.
    """

    def __init__(
        self,
        connection: Db,
        path: Path | None,
        notice: str | None = None,
        *,
        location: str | None = None,
        dialect: Dialect = SQLITE,
    ):
        self._db = connection
        self.path = path  # the SQLite file, if it is one
        # Where progress goes, for sentences: the file, or the server and database; None in memory.
        self.location = location if location is not None else (None if path is None else str(path))
        self.notice = notice
        self._dialect = dialect
        self._lock = threading.RLock()
        self._player_ids: dict[str, int] = {}
        # Each round this process started: id -> (player, row), to go on in memory after a failure.
        self._rounds: dict[int, tuple[str, tuple[Any, ...]]] = {}
        self._round_players: dict[int, int] = {}  # round id -> player id
        # Writes held up by another program's lock or a lost connection, oldest first (see `_write`).
        self._pending: list[Callable[[Db], object]] = []
        self._lock_notice: str | None = None  # the notice a wait gave, cleared once it is over
        # A round started while writes wait has a provisional id (negative) until its
        # row is written; its answers are written under the id the database gives it.
        self._provisional: dict[int, int] = {}
        self._next_provisional = -1

    # --- opening ---------------------------------------------------------------

    @classmethod
    def connect(cls, url: str, *, create: bool = True) -> Store:
        """The store a URL names: `sqlite:///path` (a file, or a folder holding progress.sqlite3)
        or `postgresql://user@host:port/dbname`.

        Like `open`, it never raises for a file; a server that cannot be
        reached raises `StoreUnreachable`, and so does a URL of neither kind.
        """
        scheme, _, rest = url.partition("://")
        scheme = scheme.lower()
        if scheme == "sqlite":
            if not rest.startswith("/") or rest == "/":
                raise StoreUnreachable(f"{url!r} names no file: write sqlite:///path/to/progress.sqlite3")
            path = Path(rest[1:] or ".")
            if path.is_dir() or not path.suffix:
                return cls.open(path, create=create)
            return cls.open_file(path, create=create)
        if scheme in {"postgresql", "postgres"}:
            return cls._connect_postgres(url)
        raise StoreUnreachable(
            f"{_shown_url(url)!r} is not a store's address: write sqlite:///path or postgresql://user@host/dbname"
        )

    @classmethod
    def _connect_postgres(cls, url: str) -> Store:
        try:
            from quiz.engine import postgres
        except ImportError:
            raise StoreUnreachable(
                "PostgreSQL needs psycopg: install the game with its postgres extra (pip install '.[postgres]')"
            ) from None
        try:
            connection = postgres.connect(url)
        except postgres.Unreachable as exc:
            raise StoreUnreachable(str(exc)) from None
        dialect = _postgres_dialect(url)
        location = postgres.where(url)
        try:
            migrate(connection, dialect=dialect)
            _touch(connection)
        except _Unusable as exc:
            connection.close()
            return cls.in_memory(f"Progress is not being saved: {exc}.")
        except dialect.errors as exc:
            connection.close()
            if dialect.is_waiting(exc):
                raise StoreUnreachable(
                    f"cannot reach the database server at {location} ({dialect.reason(exc)})"
                ) from None
            return cls.in_memory(
                f"Progress is not being saved: the database at {location} cannot be used ({dialect.reason(exc)})."
            )
        return cls(connection, None, location=location, dialect=dialect)

    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = True) -> Store:
        """The store in `data_dir`. Never raises: see `notice`.

        With `create=False` (for `quiz stats`), a missing file gives an empty
        store in memory, with no notice, rather than a new file.
        """
        return cls.open_file(Path(data_dir) / FILE_NAME, create=create)

    @classmethod
    def open_file(cls, path: Path, *, create: bool = True) -> Store:
        """The store in one SQLite file (see `open`)."""
        folder = path.parent
        if not create and not path.exists():
            return cls.in_memory()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return cls.in_memory(
                f"Progress is not being saved: cannot create the data folder {folder} ({_os_reason(exc)})."
            )
        try:
            connection = _connect(path)
        except sqlite3.Error as exc:
            return cls.in_memory(f"Progress is not being saved: cannot open {path} ({_reason(exc)}).")
        try:
            _prepare(connection, write_test=create)
        except _Unusable as exc:
            connection.close()
            return cls.in_memory(f"Progress is not being saved: {exc}.")
        except sqlite3.Error as exc:
            connection.close()
            if _is_corrupt(exc):
                return cls.in_memory(_damaged(path, "is not being saved"))
            return cls.in_memory(f"Progress is not being saved: cannot write to {path} ({_reason(exc)}).")
        return cls(connection, path)

    @classmethod
    def in_memory(cls, notice: str | None = None) -> Store:
        """A store that keeps this process's progress in memory only."""
        connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(connection)
        return cls(connection, None, notice)

    @property
    def saving(self) -> bool:
        """True while answers go to disk or to the server."""
        return self.location is not None

    @property
    def waiting(self) -> bool:
        """True while writes wait for another program to release the file, or for the server."""
        return bool(self._pending)

    def close(self) -> None:
        """Write what is waiting (for as long as the busy timeout), then close."""
        with self._lock:
            if self._pending and self.location is not None:
                self._flush(BUSY_TIMEOUT_SECONDS)
            if self._pending:
                count = len(self._pending)
                because = self._dialect.gave_up.format(where=self.location)
                self.notice = (
                    f"Progress could not all be saved: {because}, and {count}"
                    f" change{'s' if count != 1 else ''} waiting for it {'were' if count != 1 else 'was'} lost."
                )
            with contextlib.suppress(*self._dialect.errors):
                self._db.close()

    # --- the safety net --------------------------------------------------------

    def _because(self) -> str:
        return self._dialect.waiting_because.format(where=self.location)

    def _run(self, work: Callable[[Db], T]) -> T:
        """Read with `work`; if the database fails, switch to memory and read there.

        A lock held by another program, or a lost connection, is not a
        failure: the read finds what an empty store holds, and the store
        stays where it is.
        """
        with self._lock:
            try:
                result = work(self._db)
            except self._dialect.errors as exc:
                if self.location is None:
                    raise  # memory does not fail; a bug should show
                if self._dialect.is_waiting(exc):
                    _rollback(self._db)
                    self._locked_notice(f"Progress cannot be read just now: {self._because()}.")
                    return work(_empty())
                self._fall_back(exc)
                return work(self._db)
            self._lock_gone()
            return result

    def _write(self, work: Callable[[Db], T]) -> T | None:
        """Write with `work`: None if it waits for another program's lock or the server, else what it returns.

        Writes that wait are kept in order and retried before the next write
        and at `close()`; a write never overtakes one that waits. If the
        database fails, the store switches to memory as `_run` does, waiting
        writes and all.
        """
        with self._lock:
            if self._pending and not self._flush(RETRY_SECONDS):
                self._pending.append(work)
                return None
            try:
                result = work(self._db)
            except self._dialect.errors as exc:
                if self.location is None:
                    raise
                if self._dialect.is_waiting(exc):
                    _rollback(self._db)
                    self._pending.append(work)
                    self._locked_notice(
                        f"Progress is waiting: {self._because()};"
                        f" your answers are kept and will be saved as soon as {self._dialect.back_when}."
                    )
                    return None
                self._fall_back(exc)
                return work(self._db)
            self._lock_gone()
            return result

    def _flush(self, wait: float) -> bool:
        """Write the waiting writes in order, waiting at most `wait`; True once none wait."""
        deadline = time.monotonic() + wait
        if wait != BUSY_TIMEOUT_SECONDS and self.path is not None:
            with contextlib.suppress(sqlite3.Error):  # a file that fails here fails below, and is handled
                self._db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            while self._pending:
                try:
                    self._pending[0](self._db)
                except self._dialect.errors as exc:
                    if self.location is None:
                        raise
                    if self._dialect.is_waiting(exc):
                        _rollback(self._db)
                        if self._dialect.retries and time.monotonic() + RETRY_SECONDS < deadline:
                            time.sleep(RETRY_SECONDS)
                            continue
                        return False
                    self._fall_back(exc)  # replays what waits into memory
                    return True
                self._pending.pop(0)
        finally:
            if self.path is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        self._lock_gone()
        return True

    def _locked_notice(self, notice: str) -> None:
        """Say why progress waits, unless something worse is being said."""
        if self.notice is None or self.notice == self._lock_notice:
            self.notice = self._lock_notice = notice

    def _lock_gone(self) -> None:
        if self._lock_notice is not None and not self._pending:
            if self.notice == self._lock_notice:
                self.notice = None
            self._lock_notice = None

    def _in_file(self, round_id: int) -> int:
        """A round's id in the database: its own, or the one a provisional id was given."""
        return self._provisional.get(round_id, round_id)

    def _fall_back(self, exc: BaseException) -> None:
        path, location = self.path, self.location
        with contextlib.suppress(*self._dialect.errors):
            self._db.close()
        if path is not None and self._dialect.is_damaged(exc):
            self.notice = _damaged(path, "is no longer being saved")
        else:
            self.notice = (
                f"Progress is no longer being saved: {location} failed ({self._dialect.reason(exc)})."
            )
        self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(self._db)
        self.path = self.location = None
        self._dialect = SQLITE
        self._player_ids.clear()
        self._round_players.clear()
        # The rounds of this process go on in memory under the same ids; a round still
        # waiting to be written is written by its waiting write, below.
        for round_id, (player, row) in self._rounds.items():
            if self._in_file(round_id) < 0:
                continue
            player_id = self._player_id(self._db, player)
            self._db.execute(
                "INSERT INTO rounds (id, player_id, mode, filters, seed, size, confidence, started, assignment)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self._in_file(round_id), player_id, *row),
            )
            self._round_players[self._in_file(round_id)] = player_id
        # What was waiting is kept in memory, in order, like everything else now.
        pending, self._pending = self._pending, []
        for work in pending:
            work(self._db)

    # --- players and settings --------------------------------------------------

    def _player_id(self, db: Db, name: str) -> int:
        key = name.casefold()
        if key not in self._player_ids:
            db.execute(
                "INSERT INTO players (name, created) VALUES (?, ?) ON CONFLICT DO NOTHING", (name, now())
            )
            row = db.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()
            self._player_ids[key] = int(row[0])
        return self._player_ids[key]

    def add_player(self, name: str) -> None:
        self._write(lambda db: self._player_id(db, name))

    def players(self) -> list[str]:
        """Every player's name, alphabetically."""
        rows = self._run(
            lambda db: db.execute("SELECT name FROM players ORDER BY name COLLATE NOCASE").fetchall()
        )
        # Shown as they are read: another program may have written the file.
        return [clean_line(str(r[0])) for r in rows]

    def last_player(self) -> str | None:
        return self.preferences().last_player

    def preferences(self) -> Preferences:
        """The player's choices kept between starts; a stored value that is not valid is its default."""
        marks = ", ".join("?" * len(preferences.KEYS))
        found = self._run(
            lambda db: db.execute(
                f"SELECT key, value FROM settings WHERE player = '' AND key IN ({marks})", preferences.KEYS
            ).fetchall()
        )
        return preferences.read({str(key): str(value) for key, value in found})

    def update_preferences(self, **changes: Any) -> None:
        """Keep these preferences (None: back to the default). TypeError for an unknown one."""
        written = preferences.rows(**changes)

        def write(db: Db) -> None:
            for key, value in written.items():
                if value is None:
                    db.execute("DELETE FROM settings WHERE player = '' AND key = ?", (key,))
                else:
                    db.execute(_SET, ("", key, value))

        self._write(write)

    def get_setting(self, key: str, player: str | None = None) -> str | None:
        """A setting of one player, or a global one (player None)."""
        row = self._run(
            lambda db: db.execute(
                "SELECT value FROM settings WHERE player = ? AND key = ?", (player or "", key)
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str, player: str | None = None) -> None:
        self._write(lambda db: db.execute(_SET, (player or "", key, value)))

    # --- rounds and answers ----------------------------------------------------

    def start_round(
        self, player: str, spec: RoundSpec, seed: int, size: int, started: str | None = None
    ) -> int:
        """Record a round; its id, for `record_answer` and `end_round`."""
        filters = json.dumps(
            {
                "topics": list(spec.topics),
                "types": list(spec.types),
                "sources": list(spec.sources),
                "difficulties": list(spec.difficulties),
                "skills": list(spec.skills),
            }
        )
        stored_seed: int | str = (
            seed if -(2**63) <= seed < 2**63 else str(seed)
        )  # SQLite's integers are 64-bit
        row = (spec.mode, filters, stored_seed, size, int(spec.confidence), started or now(), spec.assignment)

        provisional = 0  # set below if the round waits for the lock; read when the write goes through

        def work(db: Db) -> int:
            db.execute("BEGIN IMMEDIATE")
            try:
                player_id = self._player_id(db, player)
                round_id = int(
                    db.execute(
                        "INSERT INTO rounds (player_id, mode, filters, seed, size, confidence, started,"
                        " assignment) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        (player_id, *row),
                    ).fetchone()[0]
                )
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                self._player_ids.pop(player.casefold(), None)
                raise
            self._round_players[round_id] = player_id
            if provisional:
                self._provisional[provisional] = round_id
            return round_id

        written = self._write(work)
        if written is None:
            provisional = self._next_provisional
            self._next_provisional -= 1
        round_id = provisional or int(written or 0)
        self._rounds[round_id] = (player, row)
        return round_id

    def record_answer(self, round_id: int, answer: AnswerRecord) -> None:
        """Record one answer and review its card, committed together before this returns
        (while another program holds the file locked, kept to be written, in order, later).

        The answer is stamped with the time it is given (a waiting answer
        too); the card is reviewed at the review clock's (`quiz.engine.review.clock`). (Kept lean: bench/review_bench.py
        times it against a bare insert; the commit and fsrs's review are most of it.)
        """
        a = answer
        values = [
            round_id,
            0,  # the player, filled in below
            a.position,
            a.question_id,
            a.type,
            a.topic,
            " ".join(a.sources),
            a.difficulty,
            a.prompt,
            given_to_json(a.given),
            a.outcome,
            a.credit,
            a.points,
            a.streak,
            a.confidence,
            a.marks,
            a.seconds,
            now(),  # answered
        ]

        def work(db: Db) -> None:
            values[0] = in_file = self._in_file(round_id)
            values[1] = self._round_players.get(in_file) or self._round_player(in_file)
            self._insert_answer(values, a)

        self._write(work)

    def _round_player(self, round_id: int) -> int:
        """The player of a round another store object started (0 if unknown)."""
        row = self._db.execute("SELECT player_id FROM rounds WHERE id = ?", (round_id,)).fetchone()
        self._round_players[round_id] = player_id = int(row[0]) if row else 0
        return player_id

    def end_round(self, round_id: int) -> None:
        ended = now()
        self._write(
            lambda db: db.execute(
                "UPDATE rounds SET ended = ? WHERE id = ?", (ended, self._in_file(round_id))
            )
        )

    # --- reading -----------------------------------------------------------------

    def history(self, player: str) -> History:
        """What `player` answered before, for drawing a round."""

        def work(db: Db) -> list[tuple[Any, ...]]:
            return db.execute(
                "SELECT a.question_id, a.credit, a.id FROM answers a JOIN players p ON p.id = a.player_id"
                " WHERE p.name = ? ORDER BY a.id",
                (player,),
            ).fetchall()

        last_credit: dict[str, float] = {}
        last_seen: dict[str, int] = {}
        for question_id, credit, answer_id in self._run(work):
            last_credit[question_id] = float(credit)
            last_seen[question_id] = int(answer_id)
        missed = sorted((q for q, c in last_credit.items() if c < 1.0), key=lambda q: -last_seen[q])
        return History(last_credit, last_seen, tuple(missed))

    def answers(self, player: str | None = None) -> list[AnswerRow]:
        """Every answer (of one player, or of all), oldest first."""
        return [_answer_row(row) for row in self._select(_ANSWERS, "a.id", player)]

    def stored_answers(self, player: str | None = None) -> Iterator[tuple[Any, ...]]:
        """Every answer as stored, oldest first, read as it is iterated (see `_cursor`):
        `AnswerRow`'s fields in order, `given` still JSON (`given_from_json`), `sources` one string."""
        return self._cursor(_ANSWERS, "a.id", player)

    def answer_facts(self, player: str | None = None) -> Iterator[tuple[Any, ...]]:
        """What the stats sum up of every answer, oldest first, read as it is iterated (see
        `_cursor`): (player, round id, question id, prompt, topic, type, sources as one string,
        confidence, outcome, credit, points, marks, streak)."""
        return self._cursor(_ANSWER_FACTS, "a.id", player)

    def assignment_answers(self, code: str) -> list[tuple[Any, ...]]:
        """Every answer to an assignment, oldest first, as the dashboard reads them: (round id,
        position, question id, type, given as JSON, outcome, credit, points, seconds)."""
        return self._run(lambda db: db.execute(_ASSIGNMENT_ANSWERS, (code,)).fetchall())

    def assignment_prompts(self, code: str) -> dict[int, str]:
        """The prompt each position of an assignment was first answered with."""
        rows = self._run(lambda db: db.execute(_ASSIGNMENT_PROMPTS, (code,)).fetchall())
        return {int(position): str(prompt) for position, prompt in rows}

    def answers_of_rounds(self, round_ids: Sequence[int]) -> list[AnswerRow]:
        """The answers of these rounds, oldest first."""
        if not round_ids:
            return []
        marks = ", ".join("?" * len(round_ids))
        rows = self._run(
            lambda db: db.execute(
                "SELECT p.name, r.id, r.mode, r.started, a.answered, a.position, a.question_id, a.type,"
                " a.topic, a.sources, a.difficulty, a.prompt, a.given, a.outcome, a.credit, a.points,"
                " a.streak, a.confidence, a.marks, a.seconds, r.assignment, r.seed, r.ended, r.size"
                " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id"
                f" WHERE a.round_id IN ({marks}) ORDER BY a.id",
                list(round_ids),
            ).fetchall()
        )
        return [_answer_row(row) for row in rows]

    # --- assignments -----------------------------------------------------------------

    def store_id(self) -> str:
        """This store's own random id: with a round's id, it names the round on any machine."""
        import secrets

        def work(db: Db) -> str:
            db.execute(
                "INSERT INTO settings (player, key, value) VALUES ('', 'store_id', ?) ON CONFLICT DO NOTHING",
                (secrets.token_hex(8),),
            )
            return str(
                db.execute("SELECT value FROM settings WHERE player = '' AND key = 'store_id'").fetchone()[0]
            )

        return self._run(work)

    def add_assignment(self, row: Mapping[str, Any]) -> bool:
        """Keep an assignment (code, uid, title, spec, questions, due, created); False if its code is taken."""

        def work(db: Db) -> bool:
            cursor = db.execute(
                "INSERT INTO assignments (code, uid, title, spec, questions, due, created)"
                " VALUES (:code, :uid, :title, :spec, :questions, :due, :created) ON CONFLICT DO NOTHING",
                dict(row),
            )
            return cursor.rowcount == 1

        return self._run(work)

    def assignment_rows(self, code: str | None = None) -> list[dict[str, Any]]:
        """The stored assignments (or the one with `code`), oldest first."""
        query = "SELECT code, uid, title, spec, questions, due, created FROM assignments"
        params: tuple[Any, ...] = ()
        if code is not None:
            query += " WHERE code = ?"
            params = (code,)
        rows = self._run(lambda db: db.execute(query + " ORDER BY created, code", params).fetchall())
        keys = ("code", "uid", "title", "spec", "questions", "due", "created")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def assignment_rounds(self, code: str) -> list[dict[str, Any]]:
        """Every round that answers an assignment: id, player, size, started, ended, answered, origin."""
        rows = self._run(
            lambda db: db.execute(
                "SELECT r.id, p.name, r.size, r.started, r.ended, r.origin,"
                " (SELECT count(*) FROM answers a WHERE a.round_id = r.id)"
                " FROM rounds r JOIN players p ON p.id = r.player_id WHERE r.assignment = ? ORDER BY r.id",
                (code,),
            ).fetchall()
        )
        keys = ("id", "player", "size", "started", "ended", "origin", "answered")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def import_round(
        self, player: str, round_row: Mapping[str, Any], answers: Sequence[Mapping[str, Any]]
    ) -> bool:
        """Add a round played elsewhere with its answers, in one transaction.

        `round_row` has mode, filters, seed, size, confidence, started, ended,
        assignment and origin; a round whose origin is already here is left
        alone (False), so importing the same file twice counts it once.
        """

        def work(db: Db) -> bool:
            db.execute("BEGIN IMMEDIATE")
            try:
                if db.execute("SELECT 1 FROM rounds WHERE origin = ?", (round_row["origin"],)).fetchone():
                    db.execute("ROLLBACK")
                    return False
                player_id = self._player_id(db, player)
                round_id = int(
                    db.execute(
                        "INSERT INTO rounds (player_id, mode, filters, seed, size, confidence, started, ended,"
                        " assignment, origin) VALUES (:player_id, :mode, :filters, :seed, :size, :confidence,"
                        " :started, :ended, :assignment, :origin) RETURNING id",
                        {**round_row, "player_id": player_id},
                    ).fetchone()[0]
                )
                for a in answers:
                    db.execute(
                        "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources,"
                        " difficulty, prompt, given, outcome, credit, points, streak, confidence, marks,"
                        " seconds, answered) VALUES (:round_id, :player_id, :position, :question_id, :type,"
                        " :topic, :sources, :difficulty, :prompt, :given, :outcome, :credit, :points, :streak,"
                        " :confidence, :marks, :seconds, :answered)",
                        {**a, "round_id": round_id, "player_id": player_id},
                    )
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                self._player_ids.pop(player.casefold(), None)
                raise
            return True

        return self._run(work)

    def _select(
        self, query: str, order: str, player: str | None, params: Sequence[Any] = ()
    ) -> list[tuple[Any, ...]]:
        """Rows of a query joined to `players p`, of one player or of all, in `order`."""
        query, params = _of_player(query, order, player, params)
        return self._run(lambda db: db.execute(query, params).fetchall())

    def _cursor(
        self, query: str, order: str, player: str | None, params: Sequence[Any] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """`_select`'s rows, read as they are iterated (a failure while reading raises the database's error)."""
        query, params = _of_player(query, order, player, params)
        return self._run(lambda db: db.execute(query, params))

    # --- campaigns -------------------------------------------------------------------

    def save_campaign(self, player: str, campaign: str, state: str) -> None:
        """Keep a campaign's state (JSON) for `player`, replacing the last save."""

        def work(db: Db) -> None:
            db.execute(
                "INSERT INTO campaign_saves (player_id, campaign, state, saved) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (player_id, campaign) DO UPDATE SET state = excluded.state, saved = excluded.saved",
                (self._player_id(db, player), campaign, state, saved),
            )

        saved = now()
        self._write(work)

    def load_campaign(self, player: str, campaign: str) -> str | None:
        """The saved state of a campaign, or None."""
        row = self._run(
            lambda db: db.execute(
                "SELECT s.state FROM campaign_saves s JOIN players p ON p.id = s.player_id"
                " WHERE p.name = ? AND s.campaign = ?",
                (player, campaign),
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def set_campaign_aside(self, player: str, campaign: str) -> None:
        """Keep a saved campaign that cannot be resumed under another name, never deleting it.

        It stays in the file as ``<campaign>.aside-<time>``, where no game
        looks for it and anyone can still read it back.
        """
        aside = f"{campaign}.aside-{now()}"
        self._write(
            lambda db: db.execute(
                "UPDATE campaign_saves SET campaign = ? WHERE campaign = ?"
                " AND player_id = (SELECT id FROM players WHERE name = ?)",
                (aside, campaign, player),
            )
        )

    def clear_campaign(self, player: str, campaign: str) -> None:
        """Forget a saved campaign (a restart)."""
        self._write(
            lambda db: db.execute(
                "DELETE FROM campaign_saves WHERE campaign = ?"
                " AND player_id = (SELECT id FROM players WHERE name = ?)",
                (campaign, player),
            )
        )

    def record_campaign_result(
        self, player: str, campaign: str, ending: str, score: int, max_score: int
    ) -> None:
        """A finished campaign, for `quiz stats`."""

        def work(db: Db) -> None:
            db.execute(
                "INSERT INTO campaign_results (player_id, campaign, ending, score, max_score, finished)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self._player_id(db, player), campaign, ending, score, max_score, finished),
            )

        finished = now()
        self._write(work)

    def campaign_results(self, player: str | None = None) -> list[CampaignResult]:
        """Every finished campaign (of one player, or of all), oldest first."""
        rows = self._select(
            "SELECT p.name, c.campaign, c.ending, c.score, c.max_score, c.finished"
            " FROM campaign_results c JOIN players p ON p.id = c.player_id",
            "c.id",
            player,
        )
        return [
            CampaignResult(str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]), str(r[5])) for r in rows
        ]

    # --- spaced review: the cards (quiz.engine.review schedules them) -------------------

    def _insert_answer(self, values: list[Any], answer: AnswerRecord) -> None:
        """The answer's row and its card's review, in one transaction (a waiting answer too)."""
        db = self._db
        try:
            # On a server, the statements go out together, not one round trip each: two in all,
            # one to read the card, one to write it and commit.
            with _pipelined(db):
                db.execute("BEGIN IMMEDIATE")
                db.execute(_INSERT_ANSWER, values)
                _review_card(
                    db, values[1], answer.question_id, answer.outcome, answer.confidence, answer.disputed
                )
                db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise

    def review_card(
        self, player: str, question_id: str, outcome: str, confidence: int | None = None, *, disputed: bool
    ) -> None:
        """Review a card outside a round (a campaign's question), committed before this returns."""

        def work(db: Db) -> None:
            db.execute("BEGIN IMMEDIATE")
            try:
                _review_card(db, self._player_id(db, player), question_id, outcome, confidence, disputed)
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                self._player_ids.pop(player.casefold(), None)
                raise

        self._write(work)

    def card(self, player: str, question_id: str) -> CardState | None:
        """One card's scheduling, or None if the player has never answered the question."""
        from quiz.engine.review import CardState

        row = self._run(
            lambda db: db.execute(
                f"SELECT {_CARD_STATE} FROM cards WHERE player_id = {_PLAYER} AND question_id = ?",
                (player, question_id),
            ).fetchone()
        )
        return None if row is None else CardState(*row)

    def due_cards(self, player: str, before: str) -> list[str]:
        """The player's questions due before a time (a stamp), most overdue first."""
        rows = self._run(
            lambda db: db.execute(
                f"SELECT question_id FROM cards WHERE player_id = {_PLAYER} AND due < ? ORDER BY due, question_id",
                (player, before),
            ).fetchall()
        )
        return [row[0] for row in rows]

    def count_due(self, player: str, before: str) -> int:
        row = self._run(
            lambda db: db.execute(
                f"SELECT count(*) FROM cards WHERE player_id = {_PLAYER} AND due < ?", (player, before)
            ).fetchone()
        )
        return int(row[0])

    def card_ids(self, player: str) -> list[str]:
        """Every question the player has a card for."""
        rows = self._run(
            lambda db: db.execute(
                f"SELECT question_id FROM cards WHERE player_id = {_PLAYER}", (player,)
            ).fetchall()
        )
        return [row[0] for row in rows]

    def cards_begun_since(self, player: str, since: str) -> int:
        """How many cards the player began at or after a time (new questions today)."""
        row = self._run(
            lambda db: db.execute(
                f"SELECT count(*) FROM cards WHERE player_id = {_PLAYER} AND begun >= ?", (player, since)
            ).fetchone()
        )
        return int(row[0])

    def next_due(self, player: str, after: str) -> str | None:
        """When the player's first card due at or after a time is due, or None."""
        row = self._run(
            lambda db: db.execute(
                f"SELECT min(due) FROM cards WHERE player_id = {_PLAYER} AND due >= ?", (player, after)
            ).fetchone()
        )
        return None if row is None or row[0] is None else str(row[0])

    def cards(self, player: str | None = None) -> list[tuple[str, int, str, int, int]]:
        """(question id, state, due, due reviews, of them right) of every card, of one player or all."""
        rows = self._select(
            "SELECT c.question_id, c.state, c.due, c.due_reviews, c.due_right"
            " FROM cards c JOIN players p ON p.id = c.player_id",
            "c.player_id, c.question_id",
            player,
        )
        return [(str(r[0]), int(r[1]), str(r[2]), int(r[3]), int(r[4])) for r in rows]

    def calibration_by_dispute(self, player: str | None = None) -> list[tuple[int, int, int, int]]:
        """(about a dispute, confidence, answered, right) over every answer given with a certainty.

        Whether a question is about a dispute is its card's; an answer without
        a card counts by its id (generated questions have a "~").
        """
        rows = self._select(
            "SELECT coalesce(c.disputed, CASE WHEN a.question_id LIKE '%~%' THEN 1 ELSE 0 END) AS disputed,"
            " a.confidence, count(*), sum(CASE WHEN a.outcome = 'right' THEN 1 ELSE 0 END)"
            " FROM answers a JOIN players p ON p.id = a.player_id"
            " LEFT JOIN cards c ON c.player_id = a.player_id AND c.question_id = a.question_id"
            " WHERE a.confidence IS NOT NULL"
            + (" AND p.name = ?" if player is not None else "")
            + " GROUP BY 1, 2",
            "1, 2",
            None,
            (player,) if player is not None else (),
        )
        return [(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]

    def reset_cards(self, player: str) -> int:
        """Forget a player's cards (their answers stay); how many there were (0 while it waits)."""

        def work(db: Db) -> int:
            cursor = db.execute(f"DELETE FROM cards WHERE player_id = {_PLAYER}", (player,))
            return int(cursor.rowcount)

        return self._write(work) or 0

    # --- moving a store (quiz results copy) ----------------------------------------------

    def copy_to(self, target: Store) -> dict[str, int]:
        """Copy everything here into `target`, in one transaction there; how many rows were added.

        Run twice, it adds nothing the second time: a round is known by where
        it was first played (its origin, as `import_round` does), a player by
        name, an assignment by its code; a card or a saved campaign already
        there is replaced only by a later one. The target's own settings win.
        Unlike the game's writes, a failure here raises (the database's
        error): a copy is all or nothing, and running it again goes on.
        """
        source_id = self.store_id()
        tables = {table: self._db.execute(query).fetchall() for table, query in _COPY_READ.items()}
        rounds = self._db.execute(_COPY_ROUNDS).fetchall()
        answers: dict[int, list[dict[str, Any]]] = {}
        for row in self._db.execute(_COPY_ANSWERS):
            answers.setdefault(row[0], []).append(dict(zip(_ANSWER_COLUMNS, row[1:], strict=True)))
        added = dict.fromkeys((*_COPY_READ, "rounds", "answers"), 0)
        db = target._db
        with target._lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                for table, rows in tables.items():
                    keys = _COPY_KEYS[table]
                    for row in rows:
                        values = dict(zip(keys, row, strict=True))
                        if table == "campaign_results" and db.execute(_RESULT_KNOWN, values).fetchone():
                            continue
                        added[table] += max(db.execute(_COPY_WRITE[table], values).rowcount, 0)
                for row in rounds:
                    round_id, player, *rest = row
                    values = dict(zip(_ROUND_COLUMNS, rest, strict=True))
                    values["origin"] = values["origin"] or f"{source_id}:{round_id}"
                    if db.execute("SELECT 1 FROM rounds WHERE origin = ?", (values["origin"],)).fetchone():
                        continue
                    player_id = target._player_id(db, player)
                    new_id = db.execute(_INSERT_ROUND, {**values, "player_id": player_id}).fetchone()[0]
                    db.executemany(
                        _INSERT_COPIED_ANSWER,
                        [
                            {**a, "round_id": new_id, "player_id": player_id}
                            for a in answers.get(round_id, ())
                        ],
                    )
                    added["rounds"] += 1
                    added["answers"] += len(answers.get(round_id, ()))
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
            finally:
                target._player_ids.clear()
        return added

    def integrity(self) -> str:
        """SQLite's own check of the file: "ok" when sound (a server checks its own)."""
        if self._dialect is not SQLITE:
            return "ok"
        return str(self._run(lambda db: db.execute("PRAGMA integrity_check").fetchone()[0]))


def _pipelined(db: Db) -> contextlib.AbstractContextManager[object]:
    """The connection's pipeline, where it has one (quiz.engine.postgres's); else nothing."""
    pipeline = getattr(db, "pipeline", None)
    return pipeline() if pipeline is not None else contextlib.nullcontext()


def _of_player(
    query: str, order: str, player: str | None, params: Sequence[Any]
) -> tuple[str, Sequence[Any]]:
    if player is not None:
        query += " WHERE p.name = ?"
        params = (*params, player)
    return f"{query} ORDER BY {order}", params


def _answer_row(row: Sequence[Any]) -> AnswerRow:
    (player, round_id, mode, started, answered, position, question_id, kind, topic, sources,
     difficulty, prompt, given, outcome, credit, points, streak, confidence, marks, seconds,
     assignment, seed, ended, size) = row  # fmt: skip
    return AnswerRow(
        player=player,
        round_id=round_id,
        mode=mode,
        round_started=started,
        answered=answered,
        position=position,
        question_id=question_id,
        type=kind,
        topic=topic,
        sources=tuple(sources.split()),
        difficulty=difficulty,
        prompt=prompt,
        given=given_from_json(given),
        outcome=outcome,
        credit=float(credit),
        points=points,
        streak=streak,
        confidence=confidence,
        marks=marks,
        seconds=seconds,
        assignment=assignment,
        seed=seed,
        round_ended=ended,
        round_size=int(size or 0),
    )


# --- spaced review: one card's review, and the cards built from the history -------


def _review_card(
    db: Db,
    player_id: int,
    question_id: str,
    outcome: str,
    confidence: int | None,
    disputed: bool,
) -> None:
    """Review one card at the review clock's time, inside the caller's transaction."""
    from quiz.engine import review

    row = db.execute(
        f"SELECT {_CARD_STATE} FROM cards WHERE player_id = ? AND question_id = ?", (player_id, question_id)
    ).fetchone()
    before = None if row is None else review.CardState(*row)
    after = review.review(before, review.rating_for(outcome, confidence), review.clock())
    counted = review.counts_for_retention(before, after.last_review)  # the review's own stamp
    db.execute(
        _UPSERT_CARD,
        (player_id, question_id, *after, after.last_review, int(counted),
         int(counted and outcome == "right"), int(disputed)),
    )  # fmt: skip


def _cards_from_history(db: Db) -> None:
    """Build every card by replaying the answers so far through the scheduler, oldest first.

    A returning learner's schedule then starts from what they know, not from
    nothing. Each answer is reviewed at the time it was given. Whether a
    written question is about a dispute is not in the answers: generated
    questions (a "~" in the id) are; the others are marked on their next answer.
    """
    from quiz.engine import review

    cards: dict[tuple[int, str], list[Any]] = {}
    rows = db.execute(
        "SELECT player_id, question_id, outcome, confidence, answered FROM answers ORDER BY answered, id"
    )
    for player_id, question_id, outcome, confidence, answered in rows:
        try:
            when = review.instant(str(answered))
        except ValueError:
            continue  # a time that cannot be read cannot be scheduled; the answer itself stays
        key = (player_id, question_id)
        entry = cards.get(key)
        before = entry[0] if entry else None
        after = review.review(before, review.rating_for(outcome, confidence), when)
        counted = review.counts_for_retention(before, after.last_review)  # the review's own stamp
        right = counted and outcome == "right"
        if entry is None:
            cards[key] = [after, after.last_review, 1, int(counted), int(right)]
        else:
            entry[0] = after
            entry[2] += 1
            entry[3] += counted
            entry[4] += right
    db.executemany(
        "INSERT INTO cards (player_id, question_id, state, step, stability, difficulty, due, last_review,"
        " begun, reviews, due_reviews, due_right, disputed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (player_id, question_id, *card, begun, reviews, due_reviews, due_right, int("~" in question_id))
            for (player_id, question_id), (card, begun, reviews, due_reviews, due_right) in cards.items()
        ),
    )


# --- opening, checking, migrating -------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,  # autocommit; transactions are explicit
        check_same_thread=False,  # the TUI may save from a worker thread; a lock guards use
    )


def _prepare(db: Db, *, write_test: bool = True) -> None:
    """A look at the schema's version, WAL, a quick look for damage, the schema brought forward,
    a test write.

    The version is read first and before anything is written, not even the
    journal mode: a file from a newer version of the game stays as it was.
    """
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise _Unusable(
            f"{_name(db)} was written by a newer version of quiz"
            f" (schema {version}; this one reads up to {len(MIGRATIONS)})"
        )
    _use_wal(db)
    db.execute("PRAGMA synchronous=NORMAL")
    check = db.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")
    migrate(db)
    if not write_test:
        return
    _touch(db)


def _touch(db: Db) -> None:
    """A test write: the database may be readable and not writable; find out now, not mid-round."""
    db.execute(_SET, ("", "last_opened", now()))


def _use_wal(db: Db) -> None:
    """Switch to WAL, waiting out another process doing the same.

    Two games opening a new file at once both ask for WAL; SQLite answers the
    second "database is locked" at once, without its busy timeout. Retried
    here for as long as that timeout, so the second game saves too.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def migrate(
    db: Db, migrations: Sequence[Sequence[Migration]] | None = None, *, dialect: Dialect = SQLITE
) -> int:
    """Bring the schema forward to the newest version; the version reached.

    Each step is one transaction; two processes (or hosts) opening an old
    store at once migrate it once: the second sees the new version inside
    its transaction (SQLite's write lock, PostgreSQL's advisory lock).
    """
    steps = MIGRATIONS if migrations is None else migrations
    version = dialect.read_version(db)
    if version > len(steps):
        raise _Unusable(_newer(db, version, len(steps)))
    while version < len(steps):
        db.execute("BEGIN IMMEDIATE")
        try:
            dialect.lock_schema(db)
            version = dialect.read_version(db)
            if version > len(steps):
                raise _Unusable(_newer(db, version, len(steps)))
            if version < len(steps):
                for statement in steps[version]:
                    if isinstance(statement, str):
                        db.execute(statement)
                    else:
                        statement(db)
                version += 1
                dialect.write_version(db, version)
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise
    return version


def _newer(db: Db, version: int, known: int) -> str:
    return (
        f"{_name(db)} was written by a newer version of quiz (schema {version}; this one reads up to {known})"
    )


def _name(db: Db) -> str:
    if not isinstance(db, sqlite3.Connection):
        return "the database"
    row = db.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else "the progress file"


def _rollback(db: Db) -> None:
    try:
        if db.in_transaction:
            db.execute("ROLLBACK")
    except Exception:  # a connection that cannot roll back has nothing to keep
        pass


def _is_busy(exc: sqlite3.Error) -> bool:
    """Another connection holds the lock (past the busy timeout): a wait, not a failure."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in {_SQLITE_BUSY, _SQLITE_LOCKED}
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _empty() -> sqlite3.Connection:
    """A store with nothing in it, for a read that cannot reach the file."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    migrate(db)
    return db


def _is_corrupt(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in {_SQLITE_CORRUPT, _SQLITE_NOTADB}
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def _damaged(path: Path, saving: str) -> str:
    """Move a damaged file aside; the notice that says so ("Progress {saving}: ...")."""
    moved = _move_aside(path)
    if isinstance(moved, OSError):
        return (
            f"Progress {saving}: the progress file {path} is damaged"
            f" and could not be moved aside ({_os_reason(moved)})."
        )
    return (
        f"Progress {saving}: the progress file was damaged, so it was moved to {moved}"
        " and the next game will start a new one."
    )


def _move_aside(path: Path) -> Path | OSError:
    """Rename a damaged file (and its WAL companions) beside itself, never deleting it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        path.rename(target)
    except OSError as exc:
        return exc
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    return target


def _reason(exc: sqlite3.Error) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return "another program is holding it locked"
    if "readonly" in message or "read-only" in message:
        return "it is read-only"
    if "disk is full" in message or "database or disk is full" in message:
        return "the disk is full"
    if "unable to open" in message:
        return "the file or its folder cannot be opened for writing"
    return message


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _shown_url(url: str) -> str:
    """A URL fit to print: any password replaced."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if at and ":" in credentials:
        rest = f"{credentials.split(':', 1)[0]}:***@{host}"
    return f"{scheme}{sep}{rest}"
