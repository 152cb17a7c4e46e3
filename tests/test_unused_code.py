"""No dead code: scripts/find_unused.py (vulture over the package, tests, scripts and benchmarks)
finds no function, method, class, property or module constant that nothing uses."""
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import find_unused  # noqa: E402


def test_no_unused_code():
    assert find_unused.find_unused() == []


def test_allow_list_names_existing_code():
    """An entry whose code is gone must leave the list too."""
    for entry in find_unused.ALLOWED:
        path, name = entry.split(":")
        assert name in (ROOT / path).read_text(encoding="utf-8"), entry


def test_finds_dead_code(tmp_path):
    pkg = tmp_path / "renja_desktop"
    (pkg / "gui").mkdir(parents=True)
    (pkg / "mod.py").write_text(textwrap.dedent('''
        LIMIT = 3
        UNUSED_LIMIT = 4


        def used(x):
            return x + LIMIT


        def dead():
            return 1


        class Thing:
            def paint(self):
                return used(2)

            def gone(self):
                return 0


        print(Thing().paint())
    '''), encoding="utf-8")
    (pkg / "gui" / "view.py").write_text(textwrap.dedent('''
        class View:
            def paintEvent(self, event):
                return event


        print(View)
    '''), encoding="utf-8")
    found = find_unused.find_unused(tmp_path)
    assert [line.split(": ", 1)[1] for line in found] == [
        "unused function 'dead'", "unused method 'gone'", "unused variable 'UNUSED_LIMIT'",
    ]


def test_command_line_exit_status():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "find_unused.py")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout
