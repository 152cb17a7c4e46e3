"""The Windows setup program, checked here under Wine: it compiles, installs, uninstalls.

``packaging/renja-desktop.iss`` is compiled with Inno Setup 6's ``ISCC.exe`` (from the npm package
``innosetup``, installed by ``.ci/run``) against a Windows-shaped stand-in of the frozen folder
(``RenjaDesktop.exe``, ``renja-desktop.exe``, ``_internal/...``; the programs are small PE files
copied from Wine's own). The setup then runs silently in a temporary Wine prefix on a virtual display
(Xvfb), in Indonesian, with the ``.sqlite`` association chosen; the files, Start-menu shortcuts and
registry keys are checked; the uninstaller runs silently and everything it installed must be gone
while the user's documents and the app's data folder stay.

Skipped, with the reason, only when Wine, Xvfb or the Inno Setup package are missing (``.ci/run``
installs them; they are missing only where that failed). ``RENJA_ISCC`` may name ``ISCC.exe``.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "{8C0B2F52-4E0D-4C8B-9D3E-5A7E2B1F0C11}"
PROG_ID = "RenjaDesktop.Dokumen"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

pytestmark = pytest.mark.windows


def find_iscc() -> Path | None:
    """ISCC.exe: ``RENJA_ISCC``, else where ``.ci/run`` installs the npm package ``innosetup``."""
    given = os.environ.get("RENJA_ISCC")
    if given:
        return Path(given) if Path(given).is_file() else None
    tools = Path(os.environ.get("RENJA_TOOLS_DIR") or Path.home() / ".cache" / "renja-desktop-tools")
    candidate = tools / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
    return candidate if candidate.is_file() else None


def _missing_tools() -> str | None:
    missing = [name for name in ("wine", "wineserver", "Xvfb") if not shutil.which(name)]
    if missing:
        return f"Wine/Xvfb not installed ({', '.join(missing)} missing; .ci/run installs them)"
    if find_iscc() is None:
        return "Inno Setup (npm package innosetup, ISCC.exe) not installed; .ci/run installs it"
    return None


# ---------------------------------------------------------------------------- message files


def read_isl(path: Path) -> dict[tuple[str, str], str]:
    """(section, key) -> text of an Inno Setup message file."""
    entries: dict[tuple[str, str], str] = {}
    section = ""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, sep, value = line.partition("=")
        assert sep, f"{path.name}: not 'key=value': {line!r}"
        entries[(section, key)] = value
    return entries


PLACEHOLDER = re.compile(r"%\d|%n|\[[a-z/]+\]")


def test_indonesian_messages_are_complete():
    """Every message of Inno Setup's Default.isl is translated, with the same placeholders."""
    iscc = find_iscc()
    if iscc is None:
        pytest.skip("Inno Setup (npm package innosetup) not installed; .ci/run installs it")
    english = read_isl(iscc.parent / "Default.isl")
    indonesian = read_isl(PACKAGING / "Indonesian.isl")
    assert set(english) - set(indonesian) == set(), "untranslated messages"
    assert set(indonesian) - set(english) == set(), "messages Inno Setup does not know"
    for key, text in english.items():
        if key[1] in ("LanguageName", "LanguageID", "LanguageCodePage"):
            continue
        assert sorted(PLACEHOLDER.findall(indonesian[key])) == sorted(PLACEHOLDER.findall(text)), key
    assert indonesian[("LangOptions", "LanguageID")] == "$0421"
    # translated, not copied: the wizard's own words are Indonesian
    assert indonesian[("Messages", "ButtonNext")] == "&Lanjut >"
    assert indonesian[("Messages", "ButtonCancel")] == "Batal"
    same = [k for k, v in english.items() if k[0] == "Messages" and len(v) > 12 and indonesian[k] == v]
    assert same == []


# ---------------------------------------------------------------------------- Wine session


@dataclass
class Wine:
    prefix: Path
    env: dict
    xvfb: subprocess.Popen | None = None
    log: list[str] = field(default_factory=list)

    def run(self, *args: str, timeout: int = 300, check: bool = True) -> subprocess.CompletedProcess:
        """Run a Windows program and wait until every process of the prefix has ended."""
        result = subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True,
                                errors="replace", timeout=timeout)
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout)
        self.log.append(f"$ wine {' '.join(args)} -> {result.returncode}\n{result.stdout[-3000:]}"
                        f"{result.stderr[-2000:]}")
        if check:
            assert result.returncode == 0, self.log[-1]
        return result

    def user_dir(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir()
                 if p.is_dir() and p.name.lower() != "public"]
        assert len(users) == 1, users
        return users[0]

    def user_registry(self) -> dict[str, dict[str, str]]:
        """HKEY_CURRENT_USER as Wine stores it (``user.reg``): key -> {value name ('@' default): data}."""
        return parse_reg(self.prefix / "user.reg")

    def close(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60)
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=30)


def parse_reg(path: Path) -> dict[str, dict[str, str]]:
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("["):
            name = line[1:line.index("]")].replace("\\\\", "\\")
            current = keys.setdefault(name.lower(), {})
        elif current is not None and "=" in line and not line.startswith("#"):
            m = re.match(r'^(@|"((?:[^"\\]|\\.)*)")=(.*)$', line)
            if m:
                name = "@" if m.group(1) == "@" else m.group(2).replace('\\"', '"').replace("\\\\", "\\")
                data = m.group(3)
                if data.startswith('"') and data.endswith('"'):
                    data = data[1:-1].replace('\\"', '"').replace("\\\\", "\\")
                current[name] = data
    return keys


def start_xvfb(env: dict) -> subprocess.Popen:
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x768x24", "-nolisten",
                             "tcp"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        display = fh.readline().strip()
    assert display, "Xvfb did not start"
    env["DISPLAY"] = f":{display}"
    return proc


def make_standin(folder: Path, wine: Wine) -> Path:
    """A folder shaped like PyInstaller's Windows build, with real (tiny) PE programs from Wine."""
    system32 = wine.prefix / "drive_c" / "windows" / "system32"
    exe = system32 / "hostname.exe"
    dll = system32 / "version.dll"
    assert exe.read_bytes()[:2] == b"MZ" and dll.read_bytes()[:2] == b"MZ"
    shutil.copy(exe, folder / "RenjaDesktop.exe")
    shutil.copy(exe, folder / "renja-desktop.exe")
    internal = folder / "_internal"
    for rel, src in {"python311.dll": dll, "base_library.zip": None,
                     "PySide6/Qt6Core.dll": dll, "PySide6/Qt6Widgets.dll": dll,
                     "PySide6/plugins/platforms/qwindows.dll": dll, "resources/icons/app.ico": ROOT / "resources/icons/app.ico",
                     "db/migrations/README.txt": None}.items():
        target = internal / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if src is None:
            target.write_bytes(b"stand-in " + rel.encode())
        else:
            shutil.copy(src, target)
    return folder


@dataclass
class InstallerRun:
    wine: Wine
    compile_output: str
    setup_exe: Path
    app_dir: Path
    start_menu: Path
    installed: set[str]
    shortcuts: dict[str, bytes]
    registry_installed: dict[str, dict[str, str]]
    desktop_shortcut: Path
    documents: dict[Path, bytes]
    app_dir_after: bool = True
    start_menu_after: bool = True
    registry_after: dict[str, dict[str, str]] = field(default_factory=dict)
    setup_log: str = ""


@pytest.fixture(scope="module")
def installer_run(tmp_path_factory):
    reason = _missing_tools()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("wine")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "DISPLAY"))}
    env.update(WINEPREFIX=str(base / "prefix"), WINEARCH="win64", WINEDEBUG="-all",
               # no Linux menu entries from the shortcuts, no Mono/Gecko install prompts
               WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d")
    wine = Wine(base / "prefix", env)
    wine.xvfb = start_xvfb(env)
    try:
        wine.run("wineboot", "--init")
        # Windows 10: the setup refuses older Windows (MinVersion=10.0, as PySide6 6.11 needs)
        wine.run("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f")
        (base / "stand").mkdir()
        stand = make_standin(base / "stand", wine)
        out = base / "out"
        compiled = wine.run(str(find_iscc()), f"/DAppVersion={VERSION}", f"/DSourceDir=Z:{stand}",
                            f"/OZ:{out}", f"Z:{PACKAGING / 'renja-desktop.iss'}")
        setup_exe = out / f"RenjaDesktop-Setup-{VERSION}.exe"
        assert setup_exe.is_file(), compiled.stdout[-3000:]

        user = wine.user_dir()
        # what the user has before: a document and the app's data folder (backups)
        documents = {user / "Documents" / "Renja Desktop" / "Renja 2025.sqlite": b"SQLite format 3\0 user's work",
                     user / "AppData" / "Local" / "RenjaDesktop" / "RenjaDesktop" / "backups" / "a.sqlite":
                         b"SQLite format 3\0 backup"}
        for path, data in documents.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)

        wine.run(f"Z:{setup_exe}", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER", "/NORESTART",
                 "/LANG=id", "/MERGETASKS=association", f"/LOG=Z:{base / 'setup.log'}")
        app_dir = user / "AppData" / "Local" / "Programs" / "Renja Desktop"
        start_menu = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Renja Desktop"
        run = InstallerRun(
            wine=wine, compile_output=compiled.stdout, setup_exe=setup_exe, app_dir=app_dir,
            start_menu=start_menu,
            installed={p.relative_to(app_dir).as_posix() for p in app_dir.rglob("*") if p.is_file()}
            if app_dir.is_dir() else set(),
            shortcuts={p.name: p.read_bytes() for p in start_menu.glob("*.lnk")} if start_menu.is_dir() else {},
            registry_installed=wine.user_registry(),
            desktop_shortcut=user / "Desktop" / "Renja Desktop.lnk",
            documents=documents,
            setup_log=(base / "setup.log").read_text(encoding="utf-8-sig", errors="replace"),
        )
        uninstaller = app_dir / "unins000.exe"
        assert uninstaller.is_file(), run.setup_log[-3000:]
        wine.run(f"C:\\users\\{user.name}\\AppData\\Local\\Programs\\Renja Desktop\\unins000.exe",
                 "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
        run.app_dir_after = app_dir.exists()
        run.start_menu_after = start_menu.exists()
        run.registry_after = wine.user_registry()
        yield run
    finally:
        wine.close()


def test_setup_compiles_without_warnings(installer_run):
    out = installer_run.compile_output
    assert "Successful compile" in out
    assert "Indonesian.isl" in out
    assert "warning" not in out.lower(), out[-3000:]
    assert installer_run.setup_exe.read_bytes()[:2] == b"MZ"


def test_setup_installs_the_folder_per_user(installer_run):
    run = installer_run
    assert "Installation process succeeded" in run.setup_log
    assert "Administrative install mode: No" in run.setup_log
    assert "Install mode root key: HKEY_CURRENT_USER" in run.setup_log
    assert {"RenjaDesktop.exe", "renja-desktop.exe", "_internal/python311.dll", "_internal/base_library.zip",
            "_internal/PySide6/plugins/platforms/qwindows.dll", "_internal/resources/icons/app.ico",
            "_internal/db/migrations/README.txt", "unins000.exe", "unins000.dat"} <= run.installed


def test_start_menu_shortcuts_are_indonesian(installer_run):
    shortcuts = installer_run.shortcuts
    assert set(shortcuts) == {"Renja Desktop.lnk", "Panduan Renja Desktop.lnk", "Hapus instalasi Renja Desktop.lnk"}

    def mentions(data: bytes, text: str) -> bool:
        return text.encode("utf-16-le") in data or text.encode("latin-1") in data

    assert mentions(shortcuts["Renja Desktop.lnk"], "RenjaDesktop.exe")
    assert mentions(shortcuts["Panduan Renja Desktop.lnk"], "RenjaDesktop.exe")
    assert mentions(shortcuts["Panduan Renja Desktop.lnk"], "--panduan")
    assert mentions(shortcuts["Hapus instalasi Renja Desktop.lnk"], "unins000.exe")
    # the desktop shortcut is an unticked choice
    assert not installer_run.desktop_shortcut.exists()


def test_association_and_uninstall_entry_in_the_user_registry(installer_run):
    reg = installer_run.registry_installed
    exe = r"C:\users\{}\AppData\Local\Programs\Renja Desktop\RenjaDesktop.exe".format(
        installer_run.wine.user_dir().name)
    assert reg[r"software\classes\.sqlite\openwithprogids"][PROG_ID] == ""
    assert reg[rf"software\classes\{PROG_ID}".lower()]["@"] == "Dokumen Renja"
    assert reg[rf"software\classes\{PROG_ID}\defaulticon".lower()]["@"] == f"{exe},0"
    assert reg[rf"software\classes\{PROG_ID}\shell\open\command".lower()]["@"] == f'"{exe}" "%1"'
    uninstall = reg[rf"software\microsoft\windows\currentversion\uninstall\{APP_ID}_is1".lower()]
    assert uninstall["DisplayName"] == "Renja Desktop"
    assert uninstall["DisplayVersion"] == VERSION
    assert uninstall["Inno Setup: Language"] == "id"


def test_uninstall_removes_everything_but_the_users_documents(installer_run):
    run = installer_run
    assert not run.app_dir_after
    assert not run.start_menu_after
    after = run.registry_after
    assert not any(PROG_ID.lower() in key for key in after)
    assert PROG_ID not in after.get(r"software\classes\.sqlite\openwithprogids", {})
    assert not any(APP_ID.lower() in key for key in after)
    for path, data in run.documents.items():
        assert path.read_bytes() == data, f"{path} was touched by the uninstaller"
