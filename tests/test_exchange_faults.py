"""Fault injection: the save-a-copy process is killed (SIGKILL) at random moments.

After every kill the target must be the previous complete version or the new complete version,
pass ``integrity_check``, and never be torn or empty; the working file keeps all its content.
Most trials fork the test process (already loaded, so the copy starts at once and the random
delay covers the whole copy); a few run the real command line ``renja-desktop copy`` in a fresh
interpreter.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from exchange_util import small_document

from renja_desktop.exchange import backups, fsutil
from renja_desktop.exchange.safecopy import save_copy
from renja_desktop.exchange.sqlitefile import content_hash_of, settle_hot_journal
from renja_desktop.service import RenjaDocument
from renja_desktop.storage import inspect_file

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or os.name == "nt", reason="needs fork and SIGKILL")


def _edit(path, value: int) -> str:
    settle_hot_journal(path)  # a kill during the meta update leaves a journal SQLite rolls back
    with RenjaDocument.open(path) as doc:
        sid = next(n.id for n in doc.plan.walk() if n.level == 5)
        doc.set_plan(sid, pagu=str(value))
        return doc.content_hash()


def _check_target(target, allowed):
    assert target.exists(), "target vanished"
    assert target.stat().st_size > 0, "target is empty"
    inspect_file(target, deep=True)  # integrity_check; raises for a torn file
    h = content_hash_of(target)
    assert h in allowed, "target holds neither the previous nor the new version"
    return h


def test_sigkill_during_copy_never_tears_the_target(tmp_path):
    work = small_document(tmp_path / "renja.sqlite", subs=10)
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "renja.sqlite"
    save_copy(work, target)
    current = content_hash_of(target)
    # how long an undisturbed copy in a forked process takes here, to spread the kills over it
    durations = []
    for i in range(4):
        _edit(work, 1_000_000 + i)
        t = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                save_copy(work, target)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        durations.append(time.perf_counter() - t)
    current = content_hash_of(target)
    span = sorted(durations)[len(durations) // 2] * 1.3
    rnd = random.Random(20240601)
    outcomes = {"old": 0, "new": 0}
    trials = 220
    for i in range(trials):
        new = _edit(work, 2_000_000 + i)
        pid = os.fork()
        if pid == 0:  # the copying process
            code = 0
            try:
                save_copy(work, target)
            except BaseException:  # noqa: BLE001
                code = 3
            os._exit(code)
        time.sleep(rnd.uniform(0, span))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if os.WIFEXITED(status):
            assert os.WEXITSTATUS(status) == 0, f"trial {i}: the copy failed by itself"
        h = _check_target(target, {current, new})
        outcomes["new" if h == new else "old"] += 1
        # keep the kills spread over the whole copy even when the machine is busy
        span *= 0.97 if h == new else 1.03
        current = h
        # the working file lost nothing
        settle_hot_journal(work)
        inspect_file(work, deep=True)
        assert content_hash_of(work) == new
    # the kills really landed before and after the switch
    assert outcomes["old"] >= 10 and outcomes["new"] >= 10, outcomes
    # leftovers of the killed copies are cleaned at the next start (journal) or the next copy
    backups.startup_cleanup()
    assert not list(usb.glob(f"*{fsutil.TMP_SUFFIX}"))
    save_copy(work, target)
    assert content_hash_of(target) == content_hash_of(work)


def test_sigkill_of_the_command_line_copy(tmp_path):
    work = small_document(tmp_path / "renja.sqlite", subs=10)
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "renja.sqlite"
    save_copy(work, target)
    current = content_hash_of(target)
    env = dict(os.environ)
    rnd = random.Random(7)
    outcomes = {"old": 0, "new": 0}
    for i in range(8):
        new = _edit(work, 3_000_000 + i)
        proc = subprocess.Popen([sys.executable, "-m", "renja_desktop.cli", "copy", str(work), str(target)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # interpreter start-up and imports take most of the time; spread kills around the copy
        time.sleep(rnd.uniform(0.05, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        h = _check_target(target, {current, new})
        outcomes["new" if h == new else "old"] += 1
        current = h
    settle_hot_journal(work)
    inspect_file(work, deep=True)
