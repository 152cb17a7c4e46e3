"""Low-level access to document files with plain ``sqlite3``: snapshots, meta, hashes, digests.

Two fingerprints of a document:

* :func:`content_hash` -- every row of every content table, in id order (the same value as
  :meth:`RenjaDocument.content_hash`). It names a *version* independently of how the bytes are laid
  out; diff, merge, consolidation and recovery use it. ``meta`` is not content.
* the *image digest* -- SHA-256 of a copy's bytes, recorded inside the copy (``renja.sync.digest``
  in ``meta``) when :mod:`~renja_desktop.exchange.safecopy` writes it. The digest covers every byte
  of the file except the 64 bytes holding the digest itself, so re-reading a copy and comparing
  catches any damage (also the byte flips inside a value that ``quick_check`` cannot see) and any
  later change made to the file in place. It costs one read of the file (about 25 ms per 45 MB),
  where hashing all rows of a 50.000-row document costs about 0,6 s.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path
from urllib.parse import quote

from .. import paths
from ..storage import APPLICATION_ID, SQLITE_MAGIC

CONTENT_TABLES = ("document", "plan_row", "indikator", "sumber_dana", "eval_row", "pelayanan", "usulan",
                  "declared_value")

SYNC = "renja.sync."
KEY_TOKEN = SYNC + "token"          # id of the version this file was saved as (a random token)
KEY_LINEAGE = SYNC + "lineage"      # JSON list of {"token", "time", "host"}: versions it descends from
KEY_DIGEST = SYNC + "digest"        # image digest of the copy (see module doc)
KEY_SAVED_AT = SYNC + "saved_at"
KEY_SAVED_BY = SYNC + "saved_by"    # "user@host"
KEY_ORIGIN = SYNC + "origin"        # working copy: the file on the flash disk/share it came from
KEY_CONSOLIDATED = "renja.consolidated"
KEY_READONLY = "renja.readonly"

DIGEST_ZERO = b"0" * 64
LINEAGE_MAX = 60


def uri_of(path: Path) -> str:
    return quote(str(Path(path).resolve()).replace(os.sep, "/"), safe="/:")


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes anything at ``path``."""
    conn = sqlite3.connect(f"file:{uri_of(path)}?mode=ro", uri=True, timeout=5)
    return conn


def has_hot_journal(path: Path) -> bool:
    j = Path(str(path) + "-journal")
    try:
        return j.exists() and j.stat().st_size > 0
    except OSError:
        return False


def settle_hot_journal(path: Path) -> bool:
    """Roll back a transaction a crash left half done (``-journal`` beside the file).

    This is SQLite's own recovery: the file returns to its last committed state. A read-only
    connection cannot do it (it reports "attempt to write a readonly database"), so a short
    read-write connection reads the schema once. Returns whether a journal was found.
    """
    path = Path(path)
    if not has_hot_journal(path):
        return False
    conn = sqlite3.connect(str(path), timeout=5)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    finally:
        conn.close()
    return True


def readable_copy_if_hot(path: Path) -> Path | None:
    """For a file on someone else's medium with a hot journal: copy file and journal to a local
    temporary folder and settle there, leaving the original untouched. Returns the copy or None."""
    path = Path(path)
    if not has_hot_journal(path):
        return None
    folder = Path(tempfile.mkdtemp(prefix="renja-hot-", dir=paths.data_dir()))
    local = folder / path.name
    shutil.copyfile(path, local)
    shutil.copyfile(str(path) + "-journal", str(local) + "-journal")
    settle_hot_journal(local)
    return local


def snapshot(path: Path) -> sqlite3.Connection:
    """A consistent in-memory copy of ``path`` taken with the SQLite backup API."""
    src = connect_ro(path)
    try:
        mem = sqlite3.connect(":memory:")
        src.backup(mem)
    finally:
        src.close()
    return mem


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    try:
        return {k: v for k, v in conn.execute("SELECT key, value FROM meta")}
    except sqlite3.DatabaseError:
        return {}


def write_meta(conn: sqlite3.Connection, items: dict[str, str | None]) -> None:
    """Set (or with ``None`` delete) meta keys in one transaction."""
    with conn:
        for key, value in items.items():
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (key, value))


def document_row(conn: sqlite3.Connection) -> dict | None:
    cur = conn.execute("SELECT * FROM document")
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


def document_id(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT id FROM document LIMIT 1").fetchone()
    return row[0] if row else None


def content_hash(conn: sqlite3.Connection) -> str:
    """Hash of every row of every content table in id order (equals RenjaDocument.content_hash)."""
    h = hashlib.sha256()
    dumps = json.dumps
    for table in CONTENT_TABLES:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            h.update(dumps(list(row), default=str, ensure_ascii=False).encode("utf-8"))
        h.update(table.encode())
    return h.hexdigest()


def content_hash_of(path: Path) -> str:
    conn = connect_ro(path)
    try:
        return content_hash(conn)
    finally:
        conn.close()


# ---------------------------------------------------------------------------- lineage
def lineage(meta: dict[str, str]) -> list[dict]:
    """The versions a file descends from, oldest first (each ``{"token", "time", "host"}``)."""
    try:
        items = json.loads(meta.get(KEY_LINEAGE) or "[]")
    except ValueError:
        return []
    return [x for x in items if isinstance(x, dict) and isinstance(x.get("token"), str)]


def lineage_tokens(meta: dict[str, str]) -> set[str]:
    return {x["token"] for x in lineage(meta)}


def merge_lineages(*lists: list[dict]) -> list[dict]:
    """Union of lineages, ordered by (time, token) so the result does not depend on argument order."""
    seen: dict[str, dict] = {}
    for items in lists:
        for x in items:
            if x["token"] in seen:
                seen[x["token"]] = {**x, **seen[x["token"]]}  # keep both sides' facts
            else:
                seen[x["token"]] = dict(x)
    # by time (microseconds); entries of the same instant keep the order they were given in
    out = sorted(seen.values(), key=lambda x: x.get("time") or "")
    return out[-LINEAGE_MAX:]


def lineage_json(items: list[dict]) -> str:
    return json.dumps(items[-LINEAGE_MAX:], ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------- image digest
def _digest_with_zero(buf: bytearray | bytes, offset: int | None) -> str:
    h = hashlib.sha256()
    view = memoryview(buf)
    if offset is None:
        h.update(view)
    else:
        h.update(view[:offset])
        h.update(DIGEST_ZERO)
        h.update(view[offset + 64:])
    return h.hexdigest()


class Image:
    """A document file's bytes held in memory, with its digest patched in at ``offset``.

    The serialized bytes are not copied again: :meth:`chunks` yields them around the digest.
    """

    def __init__(self, data: bytes, offset: int, digest: str):
        self.data = data
        self.offset = offset
        self.digest = digest

    def __len__(self) -> int:
        return len(self.data)

    def chunks(self, size: int = 1 << 20):
        view = memoryview(self.data)
        for start, stop in ((0, self.offset), (self.offset + 64, len(view))):
            if start == self.offset + 64:
                yield self.digest.encode("ascii")
            for a in range(start, stop, size):
                yield view[a:min(a + size, stop)]

    def to_bytes(self) -> bytes:
        return b"".join(bytes(c) for c in self.chunks(len(self.data) or 1))


def serialize_with_digest(mem: sqlite3.Connection, extra_meta: dict[str, str | None],
                          check: bool = True) -> Image:
    """Write ``extra_meta`` and a digest placeholder into the in-memory copy, optionally
    ``quick_check`` it, serialize it and compute the digest (see module doc)."""
    placeholder = secrets.token_hex(32)
    items = dict(extra_meta)
    items[KEY_DIGEST] = placeholder
    write_meta(mem, items)
    if check:
        problems = [r[0] for r in mem.execute("PRAGMA quick_check") if r[0] != "ok"]
        if problems:
            raise sqlite3.DatabaseError(problems[0])
    data = mem.serialize()
    raw = placeholder.encode("ascii")
    offset = data.find(raw)
    if offset < 0 or data.find(raw, offset + 1) >= 0:
        raise RuntimeError("digest placeholder not found exactly once in the image")
    digest = _digest_with_zero(data, offset)
    return Image(data, offset, digest)


def image_digest_status(data: bytes | bytearray, recorded: str | None) -> str:
    """``'intact'`` (bytes as saved), ``'changed'`` (changed or damaged since) or ``'none'``."""
    if not recorded or len(recorded) != 64:
        return "none"
    raw = recorded.encode("ascii", "replace")
    offset = data.find(raw)
    if offset < 0:
        return "changed"
    if data.find(raw, offset + 1) >= 0:
        return "changed"
    return "intact" if _digest_with_zero(data, offset) == recorded else "changed"


def header_ok(data: bytes | bytearray) -> bool:
    if len(data) < 100 or not bytes(data[:16]) == SQLITE_MAGIC:
        return False
    app_id = struct.unpack(">I", bytes(data[68:72]))[0]
    page_size = struct.unpack(">H", bytes(data[16:18]))[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", bytes(data[28:32]))[0]
    return app_id == APPLICATION_ID and page_size > 0 and len(data) == pages * page_size


def read_bytes(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def file_sha(path: Path) -> str:
    """SHA-256 of a file's bytes (names one exact state of a working file)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_DIGEST_CACHE: dict[tuple, str] = {}


def file_digest_status(path: Path, meta: dict[str, str] | None = None) -> str:
    """Compare a file with the digest recorded in it when it was saved (see module doc).

    The answer is remembered for the same file state (path, size, modification time in ns), so
    a merge that asks about one copy several times reads it once."""
    path = Path(path)
    try:
        st = path.stat()
        state = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        state = None
    if state is not None and state in _DIGEST_CACHE:
        return _DIGEST_CACHE[state]
    result = _file_digest_status(path, meta)
    if state is not None:
        if len(_DIGEST_CACHE) > 64:
            _DIGEST_CACHE.clear()
        _DIGEST_CACHE[state] = result
    return result


def _file_digest_status(path: Path, meta: dict[str, str] | None) -> str:
    if meta is None:
        conn = connect_ro(path)
        try:
            meta = read_meta(conn)
        finally:
            conn.close()
    recorded = meta.get(KEY_DIGEST)
    if not recorded:
        return "none"
    return image_digest_status(read_bytes(path), recorded)


__all__ = [
    "CONTENT_TABLES", "KEY_TOKEN", "KEY_LINEAGE", "KEY_DIGEST", "KEY_SAVED_AT", "KEY_SAVED_BY",
    "KEY_ORIGIN", "KEY_CONSOLIDATED", "KEY_READONLY", "connect_ro", "snapshot", "read_meta",
    "write_meta", "document_id", "document_row", "content_hash", "content_hash_of", "lineage",
    "lineage_tokens", "merge_lineages", "lineage_json", "serialize_with_digest", "Image",
    "image_digest_status", "file_digest_status", "settle_hot_journal", "has_hot_journal",
    "readable_copy_if_hot", "header_ok", "read_bytes", "file_sha",
]
