import os
import subprocess
import sys

from renja_desktop import crash


def test_uncaught_error_writes_a_log(tmp_path):
    code = ("from renja_desktop import crash\n"
            "crash.install()\n"
            "raise RuntimeError('uji galat 42')\n")
    env = dict(os.environ, RENJA_DESKTOP_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "Terjadi galat yang tidak terduga: uji galat 42" in result.stderr
    logs = list((tmp_path / "logs").glob("galat-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError: uji galat 42" in text and "Versi" in text


def test_notify_callback_gets_message_and_path(tmp_path, monkeypatch):
    seen = []
    crash.install(lambda msg, path: seen.append((msg, path)))
    try:
        raise ValueError("nilai rusak")
    except ValueError as exc:
        crash._hook(ValueError, exc, exc.__traceback__)
    finally:
        sys.excepthook = sys.__excepthook__
    assert seen and "nilai rusak" in seen[0][0] and seen[0][1].exists()
