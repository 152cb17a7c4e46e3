import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    """Backups, logs and working copies go to a temporary folder, never the real user folder."""
    monkeypatch.setenv("RENJA_DESKTOP_DATA_DIR", str(tmp_path / "userdata"))
    yield
