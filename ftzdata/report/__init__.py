"""Report pipeline: parameterized notebooks → executed .ipynb, HTML (code hidden) and PDF.

    python -m ftzdata report zone_profile -p zone Fujian
    python -m ftzdata reports --lang zh

Modules: :mod:`.params` (notebook registry and parameter rules), :mod:`.execute` (papermill with a
kernel on this interpreter), :mod:`.render_html`, :mod:`.render_pdf` (WeasyPrint, subset CJK font),
:mod:`.batch` (one report, a parallel batch, up-to-date checks) and :mod:`.index` (``index.html``).
"""

__all__ = ["ParamError", "build", "build_many", "check", "default_set", "discover", "report_name"]


def __getattr__(name):  # keep ``import ftzdata.report`` light (no pandas): the command line starts the kernel
    if name in ("build", "build_many", "Job"):  # template (.template) first, then imports these
        from . import batch

        return getattr(batch, name)
    if name in ("ParamError", "check", "default_set", "discover", "report_name"):
        from . import params

        return getattr(params, name)
    raise AttributeError(name)
