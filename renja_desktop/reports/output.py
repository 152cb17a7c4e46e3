"""Writing a report file safely: under a temporary name beside the target, put in place only when
complete. A failed or cancelled print never leaves a half-written file and never touches the old
one (the PDF, Excel and Word writers share this)."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator


def partial_path(path: Path) -> Path:
    """The temporary name a report is written under before it replaces ``path``."""
    return path.with_name(path.name + ".sementara")


@contextlib.contextmanager
def put_in_place(tmp: Path, path: Path) -> Iterator[None]:
    """Run the block that writes ``tmp``; then replace ``path`` with it, or, on any failure,
    remove ``tmp`` and re-raise."""
    try:
        yield
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
