"""Execute a report notebook with papermill in a kernel running *this* Python.

The kernel command is ``[sys.executable, -m, ipykernel_launcher, -f, {connection_file}]``, given by
a private :class:`KernelSpecManager`: nothing has to be installed with ``jupyter kernelspec install``,
and a ``python3`` kernelspec elsewhere on the machine (``~/.local/share/jupyter``) cannot redirect
the reports to another interpreter. The kernel gets ``PYTHONPATH`` with the folder holding the
``ftzdata`` package in use, so a repo checkout works without ``pip install -e``.

To cut the ~1 s of kernel start-up and imports per notebook, :class:`KernelPool` forks each kernel
from a :class:`~ftzdata.report.template.Zygote`, a process shared by the build's workers that imported ipykernel, pandas,
matplotlib and ftzdata once (``ftzdata/report/zygote.py``). Every notebook still gets a new process that has run
no user code; kernels are shut down in the background, after their outputs are in hand.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import signal
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

from .template import LIVE_TEMPLATES, ZygoteClient, kernel_env


def _import_nbformat():
    """``import nbformat`` without compiling rfc3987-syntax's 38 Lark grammars (~1.1 s per process).

    nbformat imports jsonschema, whose format checkers import ``rfc3987_syntax`` when it is installed
    (jupyterlab brings it, through jupyter-events) — a known slow import (python-jsonschema/jsonschema
    issue 1392). While jsonschema loads here the module is unimportable, so jsonschema skips its ``iri``
    format check, which no notebook schema uses; the module stays importable afterwards. When jsonschema
    was already imported, nothing changes."""
    if "jsonschema" in sys.modules:
        import nbformat

        return nbformat
    missing = object()
    before = sys.modules.get("rfc3987_syntax", missing)
    sys.modules["rfc3987_syntax"] = None  # makes ``import rfc3987_syntax`` raise ImportError
    try:
        import nbformat
        import nbformat.validator  # noqa: F401  (jsonschema and its format checkers)
    finally:
        if before is missing:
            del sys.modules["rfc3987_syntax"]
        else:
            sys.modules["rfc3987_syntax"] = before
    return nbformat


nbformat = _import_nbformat()

__all__ = ["ExecutionFailed", "KernelPool", "execute_notebook", "kill_kernels", "load_notebook"]

_LIVE: "weakref.WeakSet" = weakref.WeakSet()  # kernel managers of this process not yet shut down

KERNEL_NAME = "ftzdata-python"


@dataclass
class ExecutionFailed(Exception):
    """A cell raised. ``cell_index`` counts the cells of the source notebook from 0."""

    notebook: str
    cell_index: int | None
    first_line: str
    error: str
    executed: object = None  # the executed NotebookNode, outputs up to the failure

    def __str__(self) -> str:
        where = f"cell {self.cell_index} ({self.first_line!r})" if self.cell_index is not None else "start-up"
        return f"notebook '{self.notebook}' failed in {where}: {self.error}"


def load_notebook(path: Path):
    """A source notebook as a NotebookNode: percent ``.py`` through jupytext, else ``.ipynb``."""
    path = Path(path)
    if path.suffix == ".py":
        import jupytext

        nb = jupytext.read(path, fmt="py:percent")
        for i, cell in enumerate(nb.cells):  # ids from the content, not random: the same HTML every run
            cell["id"] = hashlib.sha256(f"{i}\0{cell.get('source', '')}".encode()).hexdigest()[:8]
    else:
        nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3 (ftzdata)", "language": "python"}
    nb.metadata.setdefault("language_info", {"name": "python"})
    return nb


def _spec_manager():
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class HereSpecManager(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(
                argv=[sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3 (ftzdata)",
                language="python",
                resource_dir="",
                metadata={"supported_encryption": ["curve"]},
            )

    return HereSpecManager()


_CLIENTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # kernel manager -> its started clients


def _stop_clients(km) -> None:
    """Stop the channels of every client started for ``km`` (their zmq sockets and context closed)."""
    for kc in _CLIENTS.pop(km, []):
        try:
            kc.stop_channels()
        except Exception:
            pass


@functools.lru_cache(maxsize=1)
def _ready_client_class():
    """An AsyncKernelClient whose ``wait_for_ready`` returns once the kernel has answered ``kernel_info`` on
    both channels, instead of then waiting for 0.2 s of silence on IOPub (jupyter_client's flush: a fifth
    of a second idle before every report's first cell), and whose sockets reconnect after 10 ms."""
    import asyncio
    import time
    from queue import Empty

    import zmq
    import zmq.asyncio
    from jupyter_client.asynchronous import AsyncKernelClient
    from traitlets import default

    class ReadyClient(AsyncKernelClient):
        @default("context")
        def _context_default(self):
            """The client's own context (as jupyter_client's), whose sockets retry a connection every 10 ms
            instead of 100: a forked kernel binds its sockets a few ms after the client first tries."""
            self._created_context = True
            context = zmq.asyncio.Context()
            context.setsockopt(zmq.RECONNECT_IVL, 10)
            return context

        def start_channels(self, *args, **kwargs):
            """Start the channels, and remember this client with its kernel manager (its ``parent``), so that
            :func:`shutdown` closes its sockets: papermill leaves the client of a kernel it did not start open."""
            super().start_channels(*args, **kwargs)
            if self.parent is not None:
                _CLIENTS.setdefault(self.parent, []).append(self)

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            """Ask ``kernel_info`` until its reply arrives on the shell channel and its ``idle`` status on
            IOPub (which proves IOPub connected, and is the last message the request causes there); messages
            of earlier requests are drained on the way. RuntimeError if the kernel dies or ``timeout`` (s) passes."""
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                msg_id = self.kernel_info()
                reply = await self._reply_to(self.shell_channel, msg_id, "kernel_info_reply", 1.0)
                if reply is not None and await self._reply_to(self.iopub_channel, msg_id, "status", 0.05, "idle"):
                    self._handle_kernel_info_reply(reply)
                    return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")
                await asyncio.sleep(0)

        @staticmethod
        async def _reply_to(channel, msg_id: str, msg_type: str, wait: float, state: str | None = None):
            """The first message on ``channel`` of ``msg_type`` answering ``msg_id`` (with ``execution_state``
            ``state``), skipping others; None after ``wait`` seconds without a message."""
            while True:
                try:
                    msg = await channel.get_msg(timeout=wait)
                except Empty:
                    return None
                if (msg["msg_type"] == msg_type and msg["parent_header"].get("msg_id") == msg_id
                        and (state is None or msg["content"].get("execution_state") == state)):
                    return msg

    return ReadyClient


def new_kernel_manager(cwd: str | None = None):
    """An AsyncKernelManager for this interpreter (not started); its clients are quick to be ready."""
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_spec_manager())
    km.client_factory = _ready_client_class()
    _LIVE.add(km)
    # IPC sockets on POSIX, under a unique name: kernels started at the same moment by parallel workers
    # can never race for the same TCP port ("Address already in use"), and nothing listens on the network. Elsewhere, TCP with CurveZMQ encryption where available.
    import zmq

    if os.name == "posix":
        import tempfile
        import uuid

        km.transport = "ipc"
        # Socket files ``<ip>-<n>``: a unique absolute stem (the default, "kernel-ipc" in the kernel's cwd,
        # is shared by every kernel started in the same folder).
        km.ip = os.path.join(tempfile.gettempdir(), f"ftzdata-{uuid.uuid4().hex[:12]}-ipc")
    elif km.has_trait("transport_encryption") and zmq.has("curve"):
        km.transport_encryption = "auto"
    return km


class _ForkedKernel:
    """The ``Popen`` face of a kernel forked by a zygote (not our child: liveness through a pidfd)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        try:
            self._fd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            self._fd = None

    def poll(self):
        if self.returncode is None:
            if self._fd is not None:
                import select

                gone = bool(select.select([self._fd], [], [], 0)[0])
            else:
                try:
                    os.kill(self.pid, 0)
                    gone = False
                except ProcessLookupError:
                    gone = True
                except PermissionError:
                    gone = False
            if gone:
                self.returncode = 0  # the zygote reaped it; its exit status is not ours to know
                if self._fd is not None:
                    os.close(self._fd)
                    self._fd = None
        return self.returncode

    def wait(self, timeout=None):
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                import subprocess

                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def _zygote_provisioner(km, zygote: ZygoteClient):
    """A LocalProvisioner for ``km`` whose launch asks ``zygote`` to fork the kernel."""
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ZygoteProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd, **kwargs):
            argv = cmd[cmd.index("ipykernel_launcher") + 1:]
            env = {k: str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            cwd = str(kwargs.get("cwd") or os.getcwd())
            # ipykernel read JPY_PARENT_PID when the zygote imported it: say the parent on the command line
            argv = [*argv, f"--IPKernelApp.parent_handle={zygote.pid}"]
            self.process = _ForkedKernel(zygote.fork(argv, env, cwd))
            self.pid = self.pgid = self.process.pid  # the kernel leads its own session
            self.cwd = cwd
            return self.connection_info

    return ZygoteProvisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)


class KernelPool:
    """Fresh kernels, one per notebook, for a worker that runs notebooks one after another.

    With ``zygote`` (a line to the build's kernel template, :mod:`ftzdata.report.template`; POSIX), each
    kernel is forked from a process that did the imports once; :meth:`take` starts one when asked (no
    spare kernel waits unused). Without one, or when the template fails, :meth:`take` returns ``None``
    and papermill starts a kernel the usual way. Kernels are shut down with :func:`release`, off the
    caller's critical path; :meth:`close` waits for those shutdowns.
    """

    def __init__(self, cwd: str | None = None, zygote: ZygoteClient | None = None):
        self.cwd = cwd or os.getcwd()
        self.env = kernel_env()
        self._zygote = zygote

    def take(self):
        """A started kernel manager, or ``None`` (papermill then starts its own)."""
        if self._zygote is None or not self._zygote.ready():
            return None
        from jupyter_core.utils import run_sync

        km = new_kernel_manager()
        km.kernel_id = km.kernel_id or __import__("uuid").uuid4().hex
        km.provisioner = _zygote_provisioner(km, self._zygote)
        try:
            run_sync(km.start_kernel)(env=self.env, cwd=self.cwd)
        except Exception:
            shutdown(km, now=True)
            return None
        return km

    def close(self):
        wait_released()
        self._zygote = None


_RELEASING: list = []  # threads shutting kernels down


def release(km) -> None:
    """Shut ``km`` down in a background thread (the report's outputs are already in hand)."""
    import threading

    _RELEASING[:] = [t for t in _RELEASING if t.is_alive()]
    t = threading.Thread(target=_shutdown_in_thread, args=(km,), daemon=True)
    t.start()
    _RELEASING.append(t)


def _shutdown_in_thread(km) -> None:
    """:func:`shutdown` in a thread of its own, then close the event loop jupyter made for the thread
    (left open, its sockets would linger until garbage collection)."""
    from jupyter_core.utils import ensure_event_loop

    try:
        shutdown(km)
    finally:
        loop = ensure_event_loop()
        if not loop.is_running():
            loop.close()


def wait_released(timeout: float = 10.0) -> None:
    """Wait for the background shutdowns started by :func:`release`."""
    for t in list(_RELEASING):
        t.join(timeout)
    _RELEASING.clear()


def _kill(km) -> None:
    """SIGKILL the kernel of ``km`` and remove its connection and socket files."""
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    if proc is not None and proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the kernel leads its own session
        except OSError:
            pass
    for clean in (km.cleanup_connection_file, km.cleanup_ipc_files):
        try:
            clean()
        except Exception:
            pass
    _LIVE.discard(km)


def _close_control_socket(km) -> None:
    """Close the socket ``km`` talks to its kernel's control channel on (``cleanup_resources`` does, which a
    kill skips; left open, zmq warns when it is garbage-collected)."""
    close = getattr(km, "_close_control_socket", None)  # jupyter_client's own step of cleanup_resources
    if close is not None:
        try:
            close()
        except Exception:
            pass


def kill_kernels() -> None:
    """Kill every kernel this process started and remove its connection and socket files (no waiting).

    Safe in a signal handler: used when a worker is told to stop (Ctrl-C, or its parent died)."""
    for km in list(_LIVE):
        _kill(km)
    for zygote in list(LIVE_TEMPLATES):
        zygote.close(now=True)


def shutdown(km, now: bool = False) -> None:
    """Ask the kernel to exit (no interrupt first: that makes ipykernel log a KeyboardInterrupt);
    ``now``: kill it at once (after Ctrl-C)."""
    from jupyter_core.utils import ensure_async, run_sync

    _stop_clients(km)
    if now:
        _kill(km)
        _close_control_socket(km)
        return

    async def _stop():
        if km.has_kernel and await ensure_async(km.is_alive()):
            await ensure_async(km.request_shutdown())
            await ensure_async(km.finish_shutdown(waittime=3.0))
        await ensure_async(km.cleanup_resources())

    try:
        run_sync(_stop)()
    except Exception:
        try:
            run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass
    _LIVE.discard(km)


_EXTRA_TAGS = {"injected-parameters", "papermill-error-cell-tag"}  # cells papermill adds


def _source_cells(executed) -> list:
    """The cells of the source notebook within an executed one."""
    return [c for c in executed.cells if not _EXTRA_TAGS & set(c.get("metadata", {}).get("tags", []))]


def _source_index(executed, index: int) -> int:
    """Index in the source notebook of the failed cell (papermill adds injected and error cells)."""
    for i, cell in enumerate(_source_cells(executed)):
        if cell.get("metadata", {}).get("papermill", {}).get("exception"):
            return i
    injected = sum("injected-parameters" in c.get("metadata", {}).get("tags", []) for c in executed.cells)
    return index - injected


def _first_line(source: str) -> str:
    return next((line.strip() for line in (source or "").splitlines() if line.strip()), "")


def _read_partial(output_path) -> object:
    return nbformat.read(str(output_path), as_version=4) if Path(output_path).exists() else None


def _running_cell(exc: BaseException) -> tuple[int | None, str]:
    """The source-notebook index and first line of the cell nbclient was running when ``exc`` was raised
    (read from nbclient's ``async_execute_cell`` frame in the traceback); ``(None, "")`` if not found."""
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "async_execute_cell" and "cell" in frame.f_locals:
            cell, client = frame.f_locals["cell"], frame.f_locals.get("self")
            cells = _source_cells(client.nb) if client is not None and hasattr(client, "nb") else []
            index = next((i for i, c in enumerate(cells) if c is cell), None)
            return index, _first_line(cell.get("source", ""))
        tb = tb.tb_next
    return None, ""


class _QuietDeadKernel(logging.Filter):
    """Drop nbclient's own "Kernel died" log line: the failure is reported once, with the cell."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Kernel died" not in record.getMessage()


def execute_notebook(source, parameters: dict, output_path: Path, name: str, cwd: str | None = None, km=None,
                     timeout: int = 600):
    """Run ``source`` (path or NotebookNode) with ``parameters`` into ``output_path``; return the NotebookNode.

    Raises :class:`ExecutionFailed` naming the cell and error; the partly executed notebook is
    written to ``output_path`` anyway and attached to the exception.
    """
    import papermill as pm
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    log = logging.getLogger("papermill")
    log.setLevel(logging.WARNING)
    if not any(isinstance(f, _QuietDeadKernel) for f in log.filters):
        log.addFilter(_QuietDeadKernel())
    nb = load_notebook(source) if not isinstance(source, nbformat.NotebookNode) else source
    interrupted = False
    own_km = km is None
    if own_km:
        km = new_kernel_manager()
        os.environ.update({k: v for k, v in kernel_env().items() if k in ("PYTHONPATH", "PYDEVD_DISABLE_FILE_VALIDATION", "MPLBACKEND")})
    try:
        executed = pm.execute_notebook(
            nb,
            str(output_path),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            km=km,
            progress_bar=False,
            request_save_on_cell_execute=False,
            cwd=cwd,
            execution_timeout=timeout,
        )
    except PapermillExecutionError as exc:
        executed = _read_partial(output_path)
        src_index = _source_index(executed, exc.cell_index) if executed is not None else exc.cell_index
        raise ExecutionFailed(name, src_index, _first_line(exc.source), f"{exc.ename}: {exc.evalue}", executed) from None
    except DeadKernelError as exc:
        index, first = _running_cell(exc)
        raise ExecutionFailed(name, index, first, "the kernel died (it exited or was killed; out of memory?)",
                              _read_partial(output_path)) from None
    except (KeyboardInterrupt, SystemExit):
        interrupted = True  # Ctrl-C or a stop signal: kill the kernel, no waiting for a graceful exit
        raise
    finally:
        if interrupted or own_km:
            shutdown(km, now=interrupted)
        else:
            release(km)  # a pool's kernel: the pool's close() waits for the shutdown
    return executed
