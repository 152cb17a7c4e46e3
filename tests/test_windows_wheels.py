"""Every pinned dependency (the app's, the tests' and PyInstaller) has a wheel for 64-bit Windows.

``pip download --platform win_amd64 --python-version 3.11 --only-binary=:all:`` of every ``==`` pin
in pyproject.toml, with their dependencies. pip evaluates environment markers for *this* machine
(Linux), so the dependencies only Windows needs (``sys_platform == "win32"``: PyInstaller's pefile
and pywin32-ctypes...) are read from the downloaded wheels' metadata with Windows' markers and
downloaded in turn. Skipped, with the reason, when the package index cannot be reached.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.windows

WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "python_version": "3.11", "python_full_version": "3.11.9",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython",
                   "extra": ""}
def pinned_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = list(project["dependencies"])
    for group in project.get("optional-dependencies", {}).values():
        texts += group
    reqs = [Requirement(t) for t in texts]
    loose = [str(r) for r in reqs if not any(s.operator == "==" for s in r.specifier)]
    assert loose == [], f"not pinned with ==: {loose}"
    return reqs


def _pip_download(specs: list[str], dest: Path, no_deps: bool) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--platform", "win_amd64",
           "--python-version", "3.11", "--implementation", "cp", "--only-binary=:all:", "-d", str(dest),
           *(["--no-deps"] if no_deps else []), *specs]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900)


def pip_download(specs: list[str], dest: Path, no_deps: bool = False) -> None:
    result = _pip_download(specs, dest, no_deps)
    if result.returncode != 0:
        # "no matching distribution" is also what pip says when it reaches no index at all: ask it
        # for a pure-Python wheel every index has; if that fails too, the network is missing
        probe = _pip_download(["platformdirs==4.14.5"], dest / "probe", no_deps=True)
        if probe.returncode != 0:
            pytest.skip("package index not reachable (no network): Windows wheels not checked")
        pytest.fail("no Windows wheel for a pinned dependency:\n" + result.stderr[-3000:])


def wheel_requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(name).decode("utf-8")
    reqs = []
    for line in text.split("\n\n", 1)[0].splitlines():
        if line.startswith("Requires-Dist:"):
            req = Requirement(line.split(":", 1)[1].strip())
            if req.marker is None or req.marker.evaluate(WINDOWS_MARKERS):
                reqs.append(req)
    return reqs


def test_every_pinned_dependency_has_a_windows_wheel(tmp_path):
    reqs = pinned_requirements()
    pip_download([str(r) for r in reqs], tmp_path)
    # then what only Windows needs, until nothing is missing
    for _ in range(5):
        wheels = {canonicalize_name(parse_wheel_filename(w.name)[0]): w for w in tmp_path.glob("*.whl")}
        # without the marker: pip would read it for Linux and leave the package out
        missing = {f"{r.name}{r.specifier}" for w in wheels.values() for r in wheel_requirements(w)
                   if canonicalize_name(r.name) not in wheels}
        if not missing:
            break
        pip_download(sorted(missing), tmp_path, no_deps=True)
    else:
        pytest.fail(f"dependencies still missing: {missing}")

    assert not list(tmp_path.glob("*.tar.gz")) and not list(tmp_path.glob("*.zip"))
    for name, wheel in wheels.items():
        tags = parse_wheel_filename(wheel.name)[3]
        assert any(t.platform in ("win_amd64", "any") for t in tags), wheel.name
    for req in reqs:
        wheel = wheels[canonicalize_name(req.name)]
        assert req.specifier.contains(str(parse_wheel_filename(wheel.name)[1])), (req, wheel.name)
    # the Windows-only helpers of PyInstaller came along (read with Windows' markers)
    assert {"pefile", "pywin32-ctypes"} <= set(wheels)
    # and the Qt wheel is the Windows one
    assert any(t.platform == "win_amd64" for t in parse_wheel_filename(wheels["pyside6-essentials"].name)[3])
