"""The kernel template (a "zygote", :mod:`ftzdata.report.zygote`) from the client's side: start one, ask it
to fork kernels. Light to import (no pandas, no Jupyter), so that the command line can start the template
first thing and let it import while the command reads the corpus and checks its arguments
(:func:`start_early`); the build then takes it (:func:`take`) or starts one itself.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
import weakref
from pathlib import Path

LIVE_TEMPLATES: "weakref.WeakSet" = weakref.WeakSet()  # templates of this process not yet closed


def kernel_env() -> dict:
    """This process's environment with ``PYTHONPATH`` leading to the ``ftzdata`` in use (a checkout works
    without installing), the inline matplotlib backend, and ``FTZDATA_CORPUS_SNAPSHOT=1`` (a report reads one
    state of its corpus: :data:`ftzdata.corpus.SNAPSHOT_ENV`)."""
    import ftzdata
    from ftzdata.corpus import SNAPSHOT_ENV

    env = dict(os.environ)
    root = str(Path(ftzdata.__file__).resolve().parent.parent)
    parts = [root] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != root]
    env["PYTHONPATH"] = os.pathsep.join(parts)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    env[SNAPSHOT_ENV] = "1"
    return env


class ZygoteClient:
    """One client's line to a :class:`Zygote` (a worker's): wait for it to be ready, ask it to fork."""

    def __init__(self, sock, pid: int):
        self.sock = sock
        self.pid = pid  # the zygote's
        self._reader = sock.makefile("rb")
        self._ready = None

    def ready(self, timeout: float = 120) -> bool:
        """Wait for the imports to finish; False if the zygote died or took longer than ``timeout``."""
        if self._ready is None:
            self.sock.settimeout(timeout)
            try:
                self._ready = bool(json.loads(self._reader.readline() or b"{}").get("ready"))
            except (OSError, ValueError):
                self._ready = False
            self.sock.settimeout(None)
        return self._ready

    def fork(self, argv: list, env: dict, cwd: str) -> int:
        """Pid of a new kernel running ``ipykernel`` with ``argv``."""
        if not self.ready():
            raise RuntimeError("the kernel template process did not start")
        self.sock.sendall((json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n").encode())
        answer = self._reader.readline()
        if not answer:
            raise RuntimeError("the kernel template process exited")
        return int(json.loads(answer)["pid"])

    def close(self) -> None:
        for f in (self._reader, self.sock):
            try:
                f.close()
            except OSError:
                pass


class Zygote:
    """A template process with the report imports done (``python -m ftzdata.report.zygote``) that forks
    a fresh kernel per report: start-up and imports are paid once per build, isolation stays that of
    a new process. ``corpus``: also read that corpus's cases and metrics ahead ("" = the default).
    ``clients``: how many lines to it (:attr:`clients`; one per worker process sharing it)."""

    def __init__(self, env: dict, cwd: str, corpus: str | None = "", clients: int = 1):
        import socket
        import subprocess

        pairs = [socket.socketpair() for _ in range(max(1, clients))]
        fds = [theirs.fileno() for _, theirs in pairs]
        args = [sys.executable, "-Xfrozen_modules=off", "-m", "ftzdata.report.zygote", ",".join(map(str, fds))]
        if corpus is not None:
            args.append(corpus)
        self.proc = subprocess.Popen(args, env=env, cwd=cwd, pass_fds=fds, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        for _, theirs in pairs:
            theirs.close()
        self.clients = [ZygoteClient(ours, self.proc.pid) for ours, _ in pairs]
        LIVE_TEMPLATES.add(self)

    def close(self, now: bool = False) -> None:
        """Stop the zygote (the kernels it forked run on until shut down)."""
        LIVE_TEMPLATES.discard(self)
        for client in self.clients:
            client.close()
        if now or self.proc.poll() is None:
            try:
                self.proc.kill() if now else self.proc.terminate()
            except OSError:
                pass
        if not now:
            try:
                self.proc.wait(timeout=2)
            except Exception:
                self.proc.kill()


_EARLY: list = []  # at most one template started by :func:`start_early`, not yet taken


def start_early(corpus: str, clients: int) -> None:
    """Start a template for a build of ``corpus`` ("" = the default) by up to ``clients`` workers, to be
    taken by :func:`take`; one left untaken is closed by :func:`drop_early` (or at exit). POSIX only."""
    if os.name != "posix" or not hasattr(os, "fork") or _EARLY:
        return
    try:
        _EARLY.append(_start(corpus, clients))
    except OSError:
        pass


def take(corpus: str, clients: int) -> "Zygote":
    """The early template if it was started for ``corpus`` with enough ``clients`` (and still lives),
    else a new one; the caller closes it with :func:`close`."""
    if _EARLY:
        early = _EARLY.pop()
        if early.corpus == corpus and len(early.clients) >= clients and early.proc.poll() is None:
            return early
        close(early)
    return _start(corpus, clients)


def close(zygote: "Zygote") -> None:
    """Stop ``zygote`` and remove its scratch folder."""
    zygote.close()
    shutil.rmtree(zygote.scratch, ignore_errors=True)


def drop_early() -> None:
    """Close a template :func:`start_early` started that no build took."""
    while _EARLY:
        close(_EARLY.pop())


def _start(corpus: str, clients: int) -> "Zygote":
    scratch = tempfile.mkdtemp(prefix="ftzdata-zygote-")
    zygote = Zygote(kernel_env(), scratch, corpus, clients=clients)
    zygote.scratch, zygote.corpus = scratch, corpus
    return zygote


atexit.register(drop_early)
