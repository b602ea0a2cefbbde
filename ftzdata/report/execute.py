"""Execute a report notebook with papermill in a kernel running *this* Python.

The kernel command is ``[sys.executable, -m, ipykernel_launcher, -f, {connection_file}]``, given by
a private :class:`KernelSpecManager`: nothing has to be installed with ``jupyter kernelspec install``,
and a ``python3`` kernelspec elsewhere on the machine (``~/.local/share/jupyter``) cannot redirect
the reports to another interpreter. The kernel gets ``PYTHONPATH`` with the folder holding the
``ftzdata`` package in use, so a repo checkout works without ``pip install -e``.

To cut the ~1–2 s of kernel start-up and imports per notebook, :class:`KernelPool` keeps one
kernel started and warmed up (``import ftzdata, pandas, matplotlib``) ahead of time: while one
notebook runs, the next kernel is already booting. Every notebook still gets a fresh kernel.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

import nbformat

__all__ = ["ExecutionFailed", "KernelPool", "execute_notebook", "kill_kernels", "load_notebook"]

_LIVE: "weakref.WeakSet" = weakref.WeakSet()  # kernel managers of this process not yet shut down

KERNEL_NAME = "ftzdata-python"
WARMUP_CODE = (
    "import ftzdata, pandas, matplotlib, matplotlib.pyplot, ftzdata.fonts, ftzdata.report.nb\n"
    "ftzdata.fonts.register_cjk()\n"
)


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
    else:
        nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3 (ftzdata)", "language": "python"}
    nb.metadata.setdefault("language_info", {"name": "python"})
    return nb


def _kernel_env() -> dict:
    import ftzdata

    env = dict(os.environ)
    root = str(Path(ftzdata.__file__).resolve().parent.parent)
    parts = [root] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != root]
    env["PYTHONPATH"] = os.pathsep.join(parts)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return env


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


def new_kernel_manager(cwd: str | None = None):
    """An AsyncKernelManager for this interpreter (not started)."""
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=_spec_manager())
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


class KernelPool:
    """Kernels started and warmed up ahead of time, for a worker that runs notebooks one after another.

    :meth:`take` hands out a kernel (the spare one if there is one, else a new one) and, with
    ``start_next``, starts the next spare in a background thread so that its start-up and imports
    overlap the notebook that is about to run. :meth:`close` shuts the unused spares down.
    """

    def __init__(self, size: int = 0, warmup: str = WARMUP_CODE, cwd: str | None = None):
        self.warmup = warmup
        self.cwd = cwd
        self._spare: list = []
        for _ in range(size):
            self._spare.append(self._start())

    def _start(self):
        import threading

        km = new_kernel_manager()
        holder = {"km": km, "error": None}
        env = _kernel_env()
        cwd = self.cwd or os.getcwd()

        def boot():
            try:
                from jupyter_core.utils import run_sync

                run_sync(km.start_kernel)(env=env, cwd=cwd)
                kc = km.client()
                kc.start_channels()
                try:
                    run_sync(kc.wait_for_ready)(timeout=60)
                    if self.warmup:
                        reply = run_sync(kc.execute_interactive)(
                            self.warmup, store_history=False, silent=True, timeout=120, output_hook=lambda msg: None
                        )
                        if reply["content"].get("status") != "ok":
                            raise RuntimeError(f"kernel warm-up failed: {reply['content'].get('evalue')}")
                finally:
                    kc.stop_channels()
            except Exception as exc:  # reported when taken
                holder["error"] = exc

        t = threading.Thread(target=boot, daemon=True)
        t.start()
        holder["thread"] = t
        return holder

    def take(self, start_next: bool = False):
        """A started kernel manager, or ``None`` if warming up failed (papermill then starts its own)."""
        holder = self._spare.pop(0) if self._spare else self._start()
        if start_next:
            self._spare.append(self._start())
        holder["thread"].join()
        if holder["error"] is not None:
            shutdown(holder["km"])
            return None
        return holder["km"]

    def close(self):
        for holder in self._spare:
            holder["thread"].join()
            shutdown(holder["km"])
        self._spare.clear()


def kill_kernels() -> None:
    """Kill every kernel this process started and remove its connection and socket files (no waiting).

    Safe in a signal handler: used when a worker is told to stop (Ctrl-C, or its parent died)."""
    for km in list(_LIVE):
        proc = getattr(getattr(km, "provisioner", None), "process", None)
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the kernel leads its own session (jupyter_client)
            except OSError:
                pass
        for clean in (km.cleanup_connection_file, km.cleanup_ipc_files):
            try:
                clean()
            except Exception:
                pass
        _LIVE.discard(km)


def shutdown(km, now: bool = False) -> None:
    """Ask the kernel to exit (no interrupt first: that makes ipykernel log a KeyboardInterrupt);
    ``now``: kill it at once (after Ctrl-C)."""
    from jupyter_core.utils import ensure_async, run_sync

    _LIVE.discard(km)
    if now:
        _LIVE.add(km)
        kill_kernels()
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
        os.environ.update({k: v for k, v in _kernel_env().items() if k in ("PYTHONPATH", "PYDEVD_DISABLE_FILE_VALIDATION", "MPLBACKEND")})
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
        shutdown(km, now=interrupted)
    return executed
