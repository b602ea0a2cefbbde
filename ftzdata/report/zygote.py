"""A pre-imported template process that forks a fresh kernel for each report (a "zygote").

Run as ``python -m ftzdata.report.zygote FD[,FD…] [CORPUS]``: the process imports what every report needs
(ipykernel, pandas, matplotlib, ftzdata, the CJK font), optionally reads the corpus's documents, cases and metrics
into the in-process caches (validated against the corpus's files on every call), then waits on the
sockets ``FD`` (one per client: the build's workers share one zygote) for requests, one JSON line each::

    {"argv": ["-f", "/tmp/kernel-….json"], "env": {...}, "cwd": "/tmp/…"}  →  {"pid": 12345}

For each request it forks a child that starts its own session, takes the given environment and
working folder, reseeds NumPy's global random state and runs an ipykernel with ``argv``: a kernel
that has done the imports but run no user code, so nothing one notebook does (variables, rcParams,
random state, environment, cwd, monkeypatched modules) can reach the next. The zygote reaps its
children as they exit and exits when every socket has closed or its parent dies.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import sys


def _die_with_parent() -> None:
    """SIGKILL when the parent (the worker) dies (Linux); the socket's EOF covers the rest."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def preload(corpus: str | None) -> None:
    """Import what a report kernel needs; with ``corpus``, fill the corpus caches."""
    import ipykernel.kernelapp  # noqa: F401  (IPython, zmq, tornado)
    import matplotlib
    import matplotlib.pyplot  # noqa: F401
    import pandas  # noqa: F401

    import ftzdata
    import ftzdata.extract.lexicon  # noqa: F401  (the words of counted nouns the reports write)
    import ftzdata.fonts
    import ftzdata.plot  # noqa: F401
    import ftzdata.report.nb  # noqa: F401
    import ftzdata.report.params  # noqa: F401

    _preload_kernel_modules()
    ftzdata.fonts.register_cjk()
    if corpus is not None:
        try:  # a corpus that fails here fails again, with its message, inside the notebook
            ftzdata.documents(corpus or None)
            ftzdata.cases(corpus or None)
            ftzdata.metrics(corpus=corpus or None)
        except Exception:
            pass
    del matplotlib
    # Everything imported so far into the permanent generation: a forked kernel's garbage collections then
    # never walk (and so never copy, page by page) the template's ~140,000 tracked objects.
    gc.collect()
    gc.freeze()


#: Modules an ipykernel imports while it starts (its shell, history, debugger), imported here once instead of
#: in every forked kernel (~0.1 s each); ones this machine lacks are skipped.
KERNEL_MODULES = ("ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger", "IPython.core.completerlib",
                  "IPython.core.debugger", "IPython.core.oinspect", "IPython.extensions.storemagic", "psutil",
                  "sqlite3", "tornado.gen", "tornado.locks", "tornado.queues", "tornado.platform.asyncio")


def _preload_kernel_modules() -> None:
    import importlib

    for name in KERNEL_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # an optional module (psutil, debugpy) missing or failing: the kernel imports it itself
            pass


def _child(request: dict, files: list) -> None:
    """In the forked child: become a fresh kernel process and run the kernel; never returns. ``files``:
    the zygote's sockets and their readers, closed first."""
    code = 1
    try:
        for f in files:
            f.close()
        os.setsid()
        for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(os.getppid())  # ipykernel exits when the zygote goes
        os.chdir(request["cwd"])
        import numpy

        numpy.random.seed()  # fresh entropy, as a new interpreter would have (``random`` reseeds itself)
        sys.argv = [sys.argv[0], *request["argv"]]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=request["argv"])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(socks: list) -> None:
    """Answer fork requests on ``socks`` until every one has closed. A client sends its next request
    only after the answer to the last, so each socket holds at most one line at a time."""
    import selectors

    sel = selectors.DefaultSelector()
    for sock in socks:
        sock.sendall(b'{"ready": true}\n')
        sel.register(sock, selectors.EVENT_READ, sock.makefile("rb"))
    while sel.get_map():
        for key, _ in sel.select():
            sock, reader = key.fileobj, key.data
            try:
                line = reader.readline()
            except (ConnectionResetError, OSError):
                line = b""
            if not line:
                sel.unregister(sock)
                reader.close()
                sock.close()
                continue
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                _child(request, [f for k in sel.get_map().values() for f in (k.data, k.fileobj)])
            try:
                sock.sendall((json.dumps({"pid": pid}) + "\n").encode())
            except (BrokenPipeError, ConnectionResetError):
                pass


def _reap(signum, frame) -> None:
    """Collect every exited kernel (their CPU time then counts among this process's children)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def main(argv: list[str]) -> int:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides what Ctrl-C stops
    signal.signal(signal.SIGCHLD, _reap)
    socks = [socket.socket(fileno=int(fd)) for fd in argv[0].split(",")]
    preload(argv[1] if len(argv) > 1 else None)
    try:
        serve(socks)
    except (BrokenPipeError, ConnectionResetError):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
