"""Low-level access to document files with plain ``sqlite3``: snapshots, meta, hashes, digests.

Two fingerprints of a document:

* :func:`content_hash` -- every row of every content table, in id order (the same value as
  :meth:`RenjaDocument.content_hash`). It names a *version* independently of how the bytes are laid
  out; diff, merge, consolidation and recovery use it. ``meta`` is not content.
* the *image digest* -- a SHA-256 digest of a copy's bytes, recorded inside the copy
  (``renja.sync.digest`` in ``meta``) when :mod:`~renja_desktop.exchange.safecopy` writes it. It
  covers every byte of the file except the 64 bytes holding the digest itself (read as ``"0"*64``),
  so re-reading a copy and comparing catches any damage (also the byte flips inside a value that
  ``quick_check`` cannot see) and any later change made to the file in place. The file is hashed in
  1 MiB segments on worker threads (SHA-256 and file reads run outside the GIL); the digest is the
  SHA-256 of the size and the segment hashes (:func:`tree_digest`). One read costs about 15 ms per
  45 MB on two cores, where hashing all rows of a 50.000-row document costs about 0,6 s.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import struct
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

from .. import paths
from ..stagefile import hash_optional_tables
from ..storage import APPLICATION_ID, SQLITE_MAGIC, journal_belongs, roll_back_copy, settle_journal
from ..storage import has_hot_journal as _has_hot_journal

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
    return _has_hot_journal(path)


def settle_hot_journal(path: Path) -> bool:
    """Roll back a transaction a crash left half done (``-journal`` beside the file).

    This is SQLite's own recovery: the file returns to its last committed state -- only when the
    journal belongs to the file as it is now, and only after that state passed its checks on a
    copy (:func:`renja_desktop.storage.settle_journal`; raises :class:`DocumentFileError`
    otherwise, leaving both files alone). Returns whether a journal was found.
    """
    path = Path(path)
    if not has_hot_journal(path):
        return False
    settle_journal(path)
    return True


def readable_copy_if_hot(path: Path) -> Path | None:
    """For a file on someone else's medium with a hot journal: copy file and journal to a local
    temporary folder and settle there, leaving the original untouched. Returns the copy or None.
    A journal that does not belong to the file is refused (:func:`journal_belongs`)."""
    path = Path(path)
    if not has_hot_journal(path):
        return None
    if not journal_belongs(path):
        settle_journal(path)  # raises the "journal not of this file" message
    folder = Path(tempfile.mkdtemp(prefix="renja-hot-", dir=paths.data_dir()))
    local = folder / path.name
    roll_back_copy(path, local)
    return local


def quick_check_problems(path: Path, table: str | None = None) -> list[str]:
    """``application_id`` and ``PRAGMA quick_check`` (of one ``table`` only, if given); the problems."""
    conn = sqlite3.connect(f"file:{uri_of(path)}?mode=ro&nolock=1", uri=True)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF != APPLICATION_ID:
            return ["application_id salinan tidak cocok"]
        pragma = f"PRAGMA quick_check('{table}')" if table else "PRAGMA quick_check"
        return [r[0] for r in conn.execute(pragma) if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


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
    hash_optional_tables(conn, h)  # stages, notes, Renstra
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
#: the file is hashed in segments of this size, several at once (see :func:`segment_hashes`)
SEGMENT = 1 << 20
_DIGEST_DOMAIN = b"renja-digest-v2\n"
_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
_BUFFERS = threading.local()


def io_pool() -> ThreadPoolExecutor:
    """Worker threads for file work that runs outside the GIL (reads, SHA-256, SQLite steps)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="renja-io")
        return _POOL


def _forget_pool_after_fork() -> None:
    """A forked child has none of the parent's threads: it starts a pool of its own when needed."""
    global _POOL, _POOL_LOCK
    _POOL = None
    _POOL_LOCK = threading.Lock()
    _BUFFERS.__dict__.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool_after_fork)


def _segment_buffer() -> memoryview:
    buf = getattr(_BUFFERS, "buf", None)
    if buf is None:
        buf = _BUFFERS.buf = bytearray(SEGMENT)  # one per worker, reused: no fresh pages per read
    return memoryview(buf)


def read_segment_into(path: Path, start: int, view: memoryview) -> None:
    """Fill ``view`` with the bytes of ``path`` from ``start``; a short file is an error."""
    with open(path, "rb", buffering=0) as fh:
        fh.seek(start)
        got = 0
        while got < len(view):
            n = fh.readinto(view[got:])
            if not n:
                _shorter_than_expected(Path(path))
            got += n


def _shorter_than_expected(path: Path) -> None:
    """A read ended before the size the file had when the work began (it shrank meanwhile)."""
    raise OSError(errno.EIO, f"berkas '{path.name}' lebih pendek dari seharusnya")


def hash_segment(path: Path, start: int, length: int, slot: int | None = None) -> bytes:
    """SHA-256 of ``length`` bytes of ``path`` from ``start``, the 64-byte digest slot at the
    absolute offset ``slot`` read as ``"0" * 64``."""
    view = _segment_buffer()[:length]
    read_segment_into(path, start, view)
    zero_slot(view, start, slot)
    return hashlib.sha256(view).digest()


def zero_slot(view: memoryview, start: int, slot: int | None) -> None:
    """Read the part of the 64-byte digest slot (at absolute offset ``slot``) that falls inside
    ``view`` (the file's bytes from ``start``) as ``"0" * 64``."""
    if slot is None:
        return
    a, b = max(slot, start), min(slot + 64, start + len(view))
    if a < b:
        view[a - start:b - start] = DIGEST_ZERO[a - slot:b - slot]


#: copy_file_range cannot copy between these two files (another file system, an old kernel...):
#: the bytes go through a buffer instead
_NO_KERNEL_COPY = {errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF, errno.EPERM}


def copy_pages(source: Path, tmp: Path, page_size: int, pages: int, step_pages: int = 1024,
               progress=None) -> None:
    """The first ``pages`` pages of ``source`` into the empty file ``tmp``, ``step_pages`` at a
    time, ``progress(0, pages remaining, pages)`` after each step (as SQLite's backup API calls it).
    Inside the kernel where it can (``copy_file_range``: the bytes are not copied through this
    process), else through a buffer. The caller holds a read transaction on ``source``: no other
    connection can commit meanwhile, so the copy is a consistent snapshot."""
    total = pages * page_size
    step = step_pages * page_size
    kernel_copy = getattr(os, "copy_file_range", None)
    buf = None
    with open(source, "rb", buffering=0) as src, open(tmp, "r+b", buffering=0) as dst:
        done = 0
        while done < total:
            end = min(done + step, total)
            while done < end:
                if kernel_copy is not None:
                    try:
                        n = kernel_copy(src.fileno(), dst.fileno(), end - done, done, done)
                    except OSError as exc:
                        if exc.errno not in _NO_KERNEL_COPY:
                            raise
                        kernel_copy = None
                        continue
                else:
                    if buf is None:
                        buf = memoryview(bytearray(min(step, SEGMENT)))
                    src.seek(done)
                    n = src.readinto(buf[:min(len(buf), end - done)])
                    if n:
                        dst.seek(done)
                        written = 0
                        while written < n:
                            written += dst.write(buf[written:n])
                if not n:
                    _shorter_than_expected(Path(source))
                done += n
            if progress is not None:
                progress(0, (total - done) // page_size, pages)


def segment_hashes(path: Path, size: int, slot: int | None = None) -> list[bytes]:
    """:func:`hash_segment` of every segment of the first ``size`` bytes, on the worker threads."""
    pool = io_pool()
    futures = [pool.submit(hash_segment, Path(path), start, min(SEGMENT, size - start), slot)
               for start in range(0, size, SEGMENT)]
    return [f.result() for f in futures]


def tree_digest(hashes: list[bytes], size: int) -> str:
    """The image digest: SHA-256 over the file size and its segment hashes (64 hex characters)."""
    h = hashlib.sha256(_DIGEST_DOMAIN)
    h.update(size.to_bytes(8, "big"))
    for part in hashes:
        h.update(part)
    return h.hexdigest()


def meta_location(conn: sqlite3.Connection) -> tuple[int, int | None]:
    """(page size, root page of the ``meta`` table) of an open document."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    row = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    return page_size, (row[0] if row else None)


def locate_slot(path: Path, value: str, page_size: int | None = None, root: int | None = None) -> int | None:
    """Byte offset of the 64 characters ``value`` (the digest or its placeholder) in ``path``.

    They sit in the ``meta`` table, normally on its root page, which is read first; otherwise the
    whole file is searched. ``None`` when absent or found more than once."""
    raw = value.encode("ascii", "replace")
    path = Path(path)
    if page_size and root:
        with open(path, "rb") as fh:
            fh.seek((root - 1) * page_size)
            page = fh.read(page_size)
        i = page.find(raw)
        if i >= 0 and page.find(raw, i + 1) < 0:
            return (root - 1) * page_size + i
    found: int | None = None
    pos, tail = 0, b""
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(SEGMENT), b""):
            data = tail + chunk
            i = data.find(raw)
            while i >= 0:
                at = pos - len(tail) + i
                if found is not None and at != found:
                    return None
                found = at
                i = data.find(raw, i + 1)
            tail = data[-(len(raw) - 1):]
            pos += len(chunk)
    return found


def file_digest(path: Path, slot: int, size: int | None = None) -> str:
    """The image digest of a file whose digest slot is at ``slot``."""
    size = os.path.getsize(path) if size is None else size
    return tree_digest(segment_hashes(path, size, slot), size)


def header_ok(data: bytes | bytearray, size: int | None = None) -> bool:
    """A Renja document's SQLite header, and the file length (``size``, or ``len(data)`` when
    ``data`` is the whole file) equal to its page count times its page size."""
    if len(data) < 100 or not bytes(data[:16]) == SQLITE_MAGIC:
        return False
    app_id = struct.unpack(">I", bytes(data[68:72]))[0]
    page_size = struct.unpack(">H", bytes(data[16:18]))[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", bytes(data[28:32]))[0]
    length = len(data) if size is None else size
    return app_id == APPLICATION_ID and page_size > 0 and length == pages * page_size


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
    state = _file_state(path)
    if state is not None and state in _DIGEST_CACHE:
        return _DIGEST_CACHE[state]
    result = _file_digest_status(path, meta)
    if state is not None:
        if len(_DIGEST_CACHE) > 64:
            _DIGEST_CACHE.clear()
        _DIGEST_CACHE[state] = result
    return result


def file_state(path: Path) -> tuple | None:
    """What names one state of a file's bytes: path, size, modification and change times (ns), file
    id. Any write changes the change time, even one that puts the modification time back."""
    return _file_state(Path(path))


def remember_intact(path: Path, verified_from: tuple | None = None) -> None:
    """Note that ``path`` in its present state (size, times, file id) was just verified intact.

    ``verified_from``: the state taken just before the verification started; nothing is noted when
    the file changed since (its bytes then are not provably the ones verified)."""
    state = _file_state(Path(path))
    if verified_from is not None and state != verified_from:
        return
    if state is not None:
        if len(_DIGEST_CACHE) > 64:
            _DIGEST_CACHE.clear()
        _DIGEST_CACHE[state] = "intact"


def _file_state(path: Path) -> tuple | None:
    try:
        st = path.stat()
        return (str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    except OSError:
        return None


def _file_digest_status(path: Path, meta: dict[str, str] | None) -> str:
    conn = connect_ro(path)
    try:
        if meta is None:
            meta = read_meta(conn)
        recorded = meta.get(KEY_DIGEST)
        if not recorded:
            return "none"
        page_size, root = meta_location(conn)
    finally:
        conn.close()
    if len(recorded) != 64:
        return "changed"
    with open(path, "rb") as fh:
        head = fh.read(100)
    size = os.path.getsize(path)
    if not header_ok(head, size):
        return "changed"
    slot = locate_slot(path, recorded, page_size, root)
    if slot is None:
        return "changed"
    try:
        return "intact" if file_digest(path, slot, size) == recorded else "changed"
    except OSError:
        return "changed"


__all__ = [
    "CONTENT_TABLES", "KEY_TOKEN", "KEY_LINEAGE", "KEY_DIGEST", "KEY_SAVED_AT", "KEY_SAVED_BY",
    "KEY_ORIGIN", "KEY_CONSOLIDATED", "KEY_READONLY", "connect_ro", "read_meta",
    "write_meta", "document_id", "document_row", "content_hash", "content_hash_of", "lineage",
    "lineage_tokens", "merge_lineages", "lineage_json", "io_pool", "hash_segment", "segment_hashes",
    "tree_digest", "copy_pages", "zero_slot", "meta_location", "locate_slot", "file_digest", "file_state", "remember_intact", "file_digest_status", "settle_hot_journal", "has_hot_journal",
    "readable_copy_if_hot", "header_ok", "quick_check_problems", "read_bytes", "file_sha",
]
