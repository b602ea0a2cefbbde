"""Notebook registry and parameter rules, shared by the CLI and the notebooks' validation cells.

A report notebook lives in the notebook folder (``$FTZDATA_NOTEBOOKS``, else ``notebooks/`` of the
checkout, else the copies packaged as ``ftzdata/notebooks`` in an installed wheel) as a Jupytext percent ``.py`` file (or an ``.ipynb``). Its parameters are
the plain literal assignments of its single cell tagged ``parameters``. Values of the parameters
named in :data:`RULES` must be one of the allowed values; other parameters take any value of the
default's type.

Everything here is checked before a kernel starts: :class:`ParamError` carries a one-line message
naming the bad notebook/parameter/value and listing what is allowed.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ftzdata import terms as _terms
from ftzdata import vocab as _vocab

__all__ = [
    "KINDS",
    "LANGS",
    "RULES",
    "ZONES",
    "NotebookSpec",
    "ParamError",
    "check",
    "check_injected",
    "coerce",
    "default_jobs",
    "discover",
    "notebook_dir",
    "report_name",
    "resolve",
]

ZONES = tuple(_vocab.ZONES)  # every zone of the vocabulary; a corpus allows those it has cases for
KINDS = ("duration", "count", "money", "ratio")
LANGS = ("en", "zh")
FORMATS = ("ipynb", "html", "pdf")  # the outputs a report can have

#: Allowed values per parameter name, whatever the notebook.
RULES: dict[str, tuple[str, ...]] = {"zone": ZONES, "kind": KINDS, "lang": LANGS}
#: Parameters that say where data comes from, not what the report shows: not part of the report's name.
SOURCE_PARAMS = ("corpus",)


def corpus_zones(corpus=None) -> tuple[str, ...]:
    """The zones that have at least one case in ``corpus`` (a path, a Corpus or None: the default), in the
    vocabulary's order; cached on disk with the cases' key, so that an unchanged rerun needs no pandas."""
    from ftzdata.corpus import resolve
    from ftzdata.diskcache import cached, cases_inputs_key

    def build(c):
        return cached("zones", cases_inputs_key(c), lambda: _zones_with_cases(c))

    return resolve(corpus or None).derived("zones", build)


def _zones_with_cases(corpus) -> tuple[str, ...]:
    from ftzdata.cases import case_index as cases

    present = set(cases(corpus)["zone"].dropna().astype(str))
    return tuple(z for z in ZONES if z in present)


def rules_for(corpus=None) -> dict[str, tuple[str, ...]]:
    """:data:`RULES` with ``zone`` narrowed to the zones of ``corpus``."""
    return {**RULES, "zone": corpus_zones(corpus)}

#: Titles of the known notebooks (English, Chinese); others are titled by their file name.
TITLES: dict[str, tuple[str, str]] = {
    "overview": ("Reform cases of the Pilot Free Trade Zones: overview", "自由贸易试验区改革案例概览"),
    "zone_profile": ("Zone profile", "自贸试验区概况"),
    "metric_comparison": ("Metric comparison", "指标比较"),
}
ZONE_ZH = _vocab.ZONES
KIND_ZH = {k: _terms.kind_words(k)[1] for k in KINDS}


class ParamError(ValueError):
    """A bad notebook name, parameter name or value; ``str()`` is one line with what is allowed."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback when a validation cell raises this: one line."""
        return [f"ftzdata: error: {self}"]


def _allowed(values) -> str:
    return ", ".join(str(v) for v in values)


def check(notebook: str | None = None, /, **params) -> dict:
    """Validate parameter values against :data:`RULES`; return ``params``.

    Used by each notebook's validation cell, e.g. ``check("zone_profile", zone=zone, lang=lang)``,
    and by the CLI (which also checks names against the notebook's parameters cell).
    """
    where = f" for notebook '{notebook}'" if notebook else ""
    rules = rules_for(params.get("corpus") or None) if "zone" in params else RULES
    for name, value in params.items():
        allowed = rules.get(name)
        if allowed is not None and value not in allowed:
            raise ParamError(f"invalid value {name}={value!r}{where}; allowed: {_allowed(allowed)}")
    return params


INJECTED_HEADER = "# Parameters"  #: first line of the cell papermill injects after the ``parameters`` cell


def _injection(namespace: dict) -> tuple[str, str] | None:
    """(parameters cell, injected cell) sources of papermill's latest injection, read from IPython's input
    history ``In`` in ``namespace``; None when nothing was injected (run in Jupyter or as a script)."""
    history = [str(s) for s in (namespace.get("In") or [])]
    for i in range(len(history) - 1, 0, -1):
        if history[i].lstrip().startswith(INJECTED_HEADER):
            return history[i - 1], history[i]
    return None


def _same_type(value, default) -> bool:
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return True
    return default is None or type(value) is type(default)


def check_injected(namespace: dict, notebook: str, /, **params) -> dict:
    """A notebook's validation cell: ``check_injected(globals(), "zone_profile", zone=zone, lang=lang, …)``
    names every declared parameter. Refuses what papermill injected that the notebook does not declare
    (papermill itself only warns) or of another type than the default, then checks the values (:func:`check`).
    Raises :class:`ParamError`, shown by IPython, hence by papermill, as one line."""
    found = _injection(namespace)
    if found is not None:
        declared_src, injected_src = found
        try:
            injected, defaults = _literal_assignments(injected_src), _literal_assignments(declared_src)
        except (SyntaxError, ValueError):
            injected, defaults = {}, {}
        unknown = [name for name in injected if name not in params]
        if unknown:
            what = "parameter" if len(unknown) == 1 else "parameters"
            raise ParamError(f"unknown {what} {', '.join(map(repr, unknown))} for notebook '{notebook}'; "
                             f"allowed: {_allowed(params)}")
        for name, value in injected.items():
            if name in defaults and not _same_type(value, defaults[name]):
                raise ParamError(f"invalid value {name}={value!r} for notebook '{notebook}'; "
                                 f"expected {type(defaults[name]).__name__}")
    return check(notebook, **params)


@dataclass(frozen=True)
class NotebookSpec:
    name: str
    path: Path
    parameters: dict = field(default_factory=dict)  # name -> default value (literal)
    error: str | None = None  # why the notebook cannot be used (it is listed, never run)

    @property
    def source_text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def notebook_dir(path: str | os.PathLike | None = None) -> Path:
    """``path``, else ``$FTZDATA_NOTEBOOKS``, else the checkout's ``notebooks/`` (what a user edits), else the
    notebooks packaged in the wheel (``ftzdata/notebooks``)."""
    if path:
        return Path(path)
    if os.environ.get("FTZDATA_NOTEBOOKS"):
        return Path(os.environ["FTZDATA_NOTEBOOKS"])
    pkg = Path(__file__).resolve().parent.parent
    checkout = pkg.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "notebooks").is_dir():
        return checkout / "notebooks"
    return pkg / "notebooks"


_CELL_RE = re.compile(r"^# %%(.*)$", re.M)


def _parameters_from_py(text: str) -> dict | None:
    """Parameters of a percent-format script, without importing jupytext (fast path for the CLI)."""
    marks = list(_CELL_RE.finditer(text))
    found = None
    for i, m in enumerate(marks):
        header = m.group(1)
        if re.search(r"tags\s*=\s*\[[^\]]*[\"']parameters[\"']", header):
            if found is not None:
                raise ParamError("more than one cell tagged 'parameters'")
            end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            found = text[m.end() : end]
    return None if found is None else _literal_assignments(found)


def _literal_assignments(src: str) -> dict:
    out = {}
    for node in ast.parse(src).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out[node.target.id] = ast.literal_eval(node.value)
    return out


def _parameters_from_ipynb(path: Path) -> dict | None:
    import json

    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb.get("cells", []) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) > 1:
        raise ParamError(f"{path.name}: more than one cell tagged 'parameters'")
    if not cells:
        return None
    src = cells[0]["source"]
    return _literal_assignments("".join(src) if isinstance(src, list) else src)


def _read_text(path: Path) -> str:
    """The text of a notebook file; ValueError naming the byte offset if it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start})") from None


def _why(exc: Exception) -> str:
    if isinstance(exc, SyntaxError):
        return f"line {exc.lineno}: {exc.msg}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def load_spec(path: Path) -> NotebookSpec:
    """The notebook at ``path``; one that cannot be read or parsed gets ``error`` instead of raising."""
    try:
        if path.suffix == ".py":
            params = _parameters_from_py(_read_text(path))
        else:
            params = _parameters_from_ipynb(path)
    except (OSError, SyntaxError, ValueError, KeyError, TypeError) as exc:
        return NotebookSpec(path.stem, path, {}, error=f"{path}: {_why(exc)}")
    return NotebookSpec(path.stem, path, params or {})


def _folder_source(directory) -> str:
    if directory:
        return "--notebooks"
    return "$FTZDATA_NOTEBOOKS" if os.environ.get("FTZDATA_NOTEBOOKS") else "the default folder"


def _is_percent_script(path: Path) -> bool:
    try:
        return bool(_CELL_RE.search(_read_text(path)))
    except (OSError, ValueError):
        return True  # unreadable: listed with its error rather than silently skipped


def discover(directory: str | os.PathLike | None = None) -> dict[str, NotebookSpec]:
    """Report notebooks in ``directory``: every percent-format ``.py`` and every ``.ipynb`` (``.py`` wins).

    Raises :class:`ParamError` if the folder does not exist; a broken notebook is kept with its ``error``.
    """
    d = notebook_dir(directory)
    out: dict[str, NotebookSpec] = {}
    if not d.is_dir():
        what = "is not a folder" if d.exists() else "does not exist"
        raise ParamError(f"notebook folder {d} ({_folder_source(directory)}) {what}")
    for path in sorted(d.iterdir()):
        if path.name.startswith((".", "_")) or path.suffix not in {".py", ".ipynb"}:
            continue
        if path.suffix == ".ipynb" and (path.with_suffix(".py")).is_file():
            continue
        if path.suffix == ".py" and not _is_percent_script(path):
            continue  # a helper module, not a percent notebook
        out[path.stem] = load_spec(path)
    return out


def coerce(default, raw):
    """A CLI string ``raw`` as the type of the parameter's ``default`` (str values pass unchanged)."""
    if not isinstance(raw, str) or isinstance(default, str) or default is None:
        return raw
    if isinstance(default, bool):
        low = raw.lower()
        if low in {"true", "1", "yes"}:
            return True
        if low in {"false", "0", "no"}:
            return False
        raise ValueError(raw)
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return ast.literal_eval(raw)


def resolve(notebook: str, params: dict, directory=None, specs: dict | None = None) -> tuple[NotebookSpec, dict]:
    """Check ``notebook`` and ``params`` (names, types, values); return the spec and the full parameters.

    Raises :class:`ParamError` (one line, naming what is wrong and listing what is allowed).
    """
    specs = discover(directory) if specs is None else specs
    if notebook not in specs:
        raise ParamError(f"unknown notebook '{notebook}'; allowed: {_allowed(sorted(specs)) or '(none found in ' + str(notebook_dir(directory)) + ')'}")
    spec = specs[notebook]
    if spec.error:
        raise ParamError(f"notebook '{notebook}' cannot be read: {spec.error}")
    full = dict(spec.parameters)
    for name, raw in params.items():
        if name not in spec.parameters:
            raise ParamError(
                f"unknown parameter '{name}' for notebook '{notebook}'; allowed: {_allowed(spec.parameters) or '(none)'}"
            )
        default = spec.parameters[name]
        try:
            full[name] = coerce(default, raw)
        except (ValueError, SyntaxError):
            raise ParamError(
                f"invalid value {name}={raw!r} for notebook '{notebook}'; expected {type(default).__name__}"
            ) from None
    check(notebook, **full)
    return spec, full


MAX_SLUG = 40  #: characters of one parameter value in a report name
MAX_NAME = 120  #: characters of a whole report name (file names stay far below the 255-byte limit)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _slug(value) -> str:
    """``value`` as a file-name part; if that loses characters (non-ASCII, spaces) or is long, a hash of it
    is appended, so that two values never share a name (上海 and 福建, 300-character values)."""
    text = str(value)
    slug = re.sub(r"[^A-Za-z0-9_.+=-]+", "_", text).strip("_")
    if slug == text and len(slug) <= MAX_SLUG:
        return slug
    head = slug[: MAX_SLUG - 9].rstrip("_.")
    return f"{head}_{_digest(text)}" if head else _digest(text)


def report_name(notebook: str, params: dict) -> str:
    """``overview``, ``zone_profile-Fujian``, ``metric_comparison-duration``; ``-zh`` for Chinese."""
    parts = [notebook] + [_slug(v) for k, v in params.items() if k != "lang" and k not in SOURCE_PARAMS]
    if params.get("lang", "en") != "en":
        parts.append(_slug(params["lang"]))
    name = "-".join(parts)
    if len(name) > MAX_NAME:
        name = f"{name[: MAX_NAME - 9]}_{_digest(name)}"
    return name


def report_title(notebook: str, params: dict) -> str:
    zh = params.get("lang") == "zh"
    base = TITLES.get(notebook, (notebook.replace("_", " ").capitalize(),) * 2)[1 if zh else 0]
    extra = []
    if "zone" in params:
        extra.append(ZONE_ZH.get(params["zone"], params["zone"]) if zh else params["zone"])
    if "kind" in params:
        extra.append(KIND_ZH.get(params["kind"], params["kind"]) if zh else params["kind"])
    if not extra:
        return base
    return f"{base}：{'，'.join(map(str, extra))}" if zh else f"{base}: {', '.join(map(str, extra))}"


def default_set(lang: str = "en", corpus=None) -> list[tuple[str, dict]]:
    """The default reports: overview, a zone_profile for each zone of the corpus, metric_comparison per kind
    (9 for the bundled seeds). ``corpus`` (a folder) is passed on to every report."""
    check(lang=lang)
    extra = {"corpus": str(corpus)} if corpus else {}
    return (
        [("overview", {"lang": lang, **extra})]
        + [("zone_profile", {"zone": z, "lang": lang, **extra}) for z in corpus_zones(corpus)]
        + [("metric_comparison", {"kind": k, "lang": lang, **extra}) for k in KINDS]
    )


def default_jobs() -> int:
    return os.cpu_count() or 1
