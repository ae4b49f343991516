"""A SQLite cache of pair judgements, sentence embeddings and extracted claims, keyed by model and text hashes.

Re-checking a corpus where one article changed then scores only the pairs that involve it. Several runs may
share one cache: opening (create, WAL switch, schema check, rebuild) happens under a file lock, later writes wait on
SQLite's busy timeout. A corrupt or foreign cache file is rebuilt with a warning; a busy one never is (deleting it
would pull the files from under the run that holds it).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import struct
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from .errors import CacheError
from .records import Judgement, ModelInfo

SCHEMA_VERSION = "checker.cache/1"
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS judgements (model TEXT, pair TEXT, e REAL, n REAL, c REAL, PRIMARY KEY (model, pair));
CREATE TABLE IF NOT EXISTS embeddings (text TEXT PRIMARY KEY, vector BLOB);
CREATE TABLE IF NOT EXISTS claims (document TEXT PRIMARY KEY, claims TEXT);
"""
_WAIT_SECONDS = 60


class _ForeignCache(sqlite3.DatabaseError):
    """The file is a SQLite database, but not one of ours (or an older schema)."""


def _is_damaged(error: sqlite3.DatabaseError) -> bool:
    """Corrupt, not a database, or foreign: worth rebuilding. Lock and I/O trouble (OperationalError) is not."""
    return isinstance(error, _ForeignCache) or not isinstance(error, sqlite3.OperationalError)


def digest(*parts: str) -> str:
    """A short, collision-safe key for texts."""
    sha = hashlib.sha1()
    for part in parts:
        sha.update(part.encode("utf-8"))
        sha.update(b"\x1f")
    return sha.hexdigest()


HASHED_UP_TO = 200_000_000  # bytes; a larger weights file (a hub model) is known by its size and time


def _fingerprint(path: Path) -> str:
    """The file's content hash: v2 and v6 of the shipped model are the same number of bytes, and a copy or an
    install may keep or reset a file's time. Files over HASHED_UP_TO (seconds to hash) by size and time."""
    stat = path.stat()
    if stat.st_size > HASHED_UP_TO:
        return f"{stat.st_size}:{int(stat.st_mtime)}"
    return _file_hash(str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


@lru_cache(maxsize=32)
def _file_hash(path: str, size: int, mtime_ns: int, ctime_ns: int) -> str:
    """SHA-1 of a weights file (about 40 ms for the shipped 23 MB), once per file version and process (any write
    moves the change time, which no copy can set)."""
    sha = hashlib.sha1()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def model_identity(info: ModelInfo) -> str:
    """Name, backend and a fingerprint of the weights file, so a retrained model never reuses old scores."""
    fingerprint = ""
    if info.path:
        path = Path(info.path)
        weights = path / info.extra.get("file", "") if info.extra.get("file") else None
        candidates = (
            [weights]
            if weights and weights.is_file()
            else sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")) + sorted(path.glob("*.onnx"))
        )
        fingerprint = json.dumps([(p.name, _fingerprint(p)) for p in candidates if p.is_file()])
    # extra holds how the model scores (e.g. int8 pairs scored one at a time): a change there changes scores too
    return digest(info.name, info.backend, fingerprint, json.dumps(info.extra, sort_keys=True))


class Cache:
    """One SQLite file under the cache directory."""

    def __init__(self, directory: str | Path, warn: Callable[[str], None] = lambda _: None) -> None:
        self.path = Path(directory) / "cache.sqlite3"
        self.warn = warn
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(f"{self.path}.lock", timeout=_WAIT_SECONDS):
                self.connection = self._open_or_rebuild()
        except Timeout:
            raise CacheError(f"cache {self.path}: another run held it for {_WAIT_SECONDS} s; try again") from None
        except OSError as error:  # the directory is a file, or not writable
            problem = "not a directory" if isinstance(error, (FileExistsError, NotADirectoryError)) else error.strerror
            raise CacheError(f"cache directory {directory}: {problem or error}") from None
        except sqlite3.OperationalError as error:
            raise CacheError(f"cache {self.path}: cannot open it ({error})") from None

    def _open_or_rebuild(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.DatabaseError as error:
            if not _is_damaged(error):
                raise
            self.warn(f"cache {self.path} is unusable ({error}); rebuilding it")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return self._open()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=_WAIT_SECONDS, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {_WAIT_SECONDS * 1000}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.executescript(_TABLES)
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise _ForeignCache(f"foreign schema {row[0]!r}")
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        self.connection.close()

    def get_judgements(self, model: str, keys: Sequence[str]) -> dict[str, Judgement]:
        found: dict[str, Judgement] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT pair, e, n, c FROM judgements WHERE model = ? AND pair IN ({marks})", [model, *chunk]
            )
            found.update({pair: Judgement(e, n, c) for pair, e, n, c in rows})
        return found

    def put_judgements(self, model: str, items: dict[str, Judgement]) -> None:
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany(
                "INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?, ?)",
                [(model, key, j.entailment, j.neutral, j.contradiction) for key, j in items.items()],
            )

    def get_embeddings(self, keys: Sequence[str]) -> dict[str, list[float]]:
        found = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            rows = self.connection.execute(
                f"SELECT text, vector FROM embeddings WHERE text IN ({','.join('?' * len(chunk))})", chunk
            )
            for key, blob in rows:
                found[key] = list(struct.unpack(f"{len(blob) // 4}f", blob))
        return found

    def put_embeddings(self, items: dict[str, Sequence[float]]) -> None:
        with self.connection:
            self.connection.execute("BEGIN IMMEDIATE")
            self.connection.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?)",
                [(k, struct.pack(f"{len(v)}f", *v)) for k, v in items.items()],
            )


def get_claims(cache: Cache, key: str) -> list | None:
    """Claims extracted earlier from the same document text (as JSON-ready dicts), or None."""
    row = cache.connection.execute("SELECT claims FROM claims WHERE document = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def put_claims(cache: Cache, items: dict[str, list]) -> None:
    """Store each document's claims under its key, in one transaction."""
    with cache.connection:
        cache.connection.execute("BEGIN IMMEDIATE")
        cache.connection.executemany(
            "INSERT OR REPLACE INTO claims VALUES (?, ?)", [(key, json.dumps(claims)) for key, claims in items.items()]
        )


class CachedJudge:
    """Wraps a judge: cached pairs are answered from the cache, the rest are scored and stored."""

    def __init__(self, judge, cache: Cache) -> None:
        self.judge = judge
        self.cache = cache
        self.info = judge.info
        self.model = model_identity(judge.info)
        self.scored = 0
        self.cached = 0

    def judge_batch(self, pairs, progress=None):
        keys = [digest(a, b) for a, b in pairs]
        found = self.cache.get_judgements(self.model, sorted(set(keys)))
        missing = sorted({k: i for i, k in enumerate(keys) if k not in found}.items(), key=lambda kv: kv[1])
        self.cached += len(pairs) - len(missing)
        if progress and len(pairs) - len(missing):
            progress(len(pairs) - len(missing))
        if missing:
            fresh = self.judge.judge_batch([pairs[i] for _, i in missing], progress)
            new = {key: judgement for (key, _), judgement in zip(missing, fresh)}
            self.cache.put_judgements(self.model, new)
            found.update(new)
            self.scored += len(missing)
        return [found[k] for k in keys]


class CachedEmbedder:
    """Wraps an embedder with the cache (embeddings do not depend on the NLI model)."""

    def __init__(self, embed, cache: Cache) -> None:
        self.embed = embed
        self.cache = cache
        # vectors of one embedder are not another's: the key names the embedder
        self.name = getattr(embed, "name", "embedder")

    def __call__(self, texts):
        import numpy as np

        keys = [digest(self.name, t) for t in texts]
        found = self.cache.get_embeddings(sorted(set(keys)))
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            vectors = self.embed([texts[i] for i in missing])
            new = {keys[i]: [float(x) for x in vector] for i, vector in zip(missing, vectors)}
            self.cache.put_embeddings(new)
            found.update(new)
        return np.asarray([found[k] for k in keys], dtype=np.float32)
