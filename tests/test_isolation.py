"""The session guard of tests/isolation.py: user folders are temporary and the real ones refused."""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import isolation
import pytest
from platformdirs import user_data_dir

from renja_desktop import paths


def test_user_folders_point_into_the_session_folder():
    home = isolation.SESSION_HOME
    assert home is not None and home.is_dir()
    assert Path(os.environ["HOME"]) == home
    assert Path(user_data_dir("RenjaDesktop", "RenjaDesktop")).is_relative_to(home)
    assert not any(Path(user_data_dir("RenjaDesktop", "RenjaDesktop")).resolve() == Path(f)
                   for f in isolation.REAL_FOLDERS)


def test_each_test_has_its_own_data_folder(tmp_path):
    assert paths.data_dir() == tmp_path / "userdata"


@pytest.mark.parametrize("write", [
    lambda p: open(p / "x.txt", "w"),
    lambda p: (p / "y.txt").write_bytes(b"x"),
    lambda p: os.mkdir(p / "sub"),
    lambda p: sqlite3.connect(p / "doc.sqlite"),
    lambda p: os.open(p / "z.txt", os.O_CREAT | os.O_WRONLY),
])
def test_writes_into_the_real_user_folder_are_refused(write):
    real = Path(isolation.REAL_FOLDERS[0])
    before = len(isolation.VIOLATIONS)
    with isolation.expect_violation():
        write(real)
    assert len(isolation.VIOLATIONS) == before
    assert not (real / "x.txt").exists() and not (real / "doc.sqlite").exists()


def test_reading_elsewhere_is_allowed(tmp_path):
    (tmp_path / "a.txt").write_text("ok")
    assert (tmp_path / "a.txt").read_text() == "ok"


def test_a_swallowed_write_still_fails_the_run(tmp_path):
    """Code that catches the refusal cannot hide it: the session ends with a failure. (The run
    below starts from this session's temporary HOME, so its "real" folders are temporary too.)"""
    here = Path(__file__).parent
    for name in ("conftest.py", "isolation.py"):
        shutil.copy(here / name, tmp_path / name)
    (tmp_path / "test_bad.py").write_text(
        "from pathlib import Path\nimport isolation\n\n\ndef test_bad():\n    try:\n"
        "        open(Path(isolation.REAL_FOLDERS[0]) / 'x.txt', 'w')\n    except Exception:\n"
        "        pass\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "tests touched the user's real folders" in result.stdout
