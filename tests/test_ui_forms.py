"""Qt Designer forms in ui/ and their compiled modules stay in step."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_compiled_forms_match_their_ui_files():
    forms = sorted((ROOT / "ui").glob("*.ui"))
    assert forms, "ui/ holds the Qt Designer forms"
    for form in forms:
        assert (ROOT / "renja_desktop" / "gui" / f"ui_{form.stem}.py").exists()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_ui.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
