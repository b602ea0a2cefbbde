#!/usr/bin/env bash
# The two set-up commands of ftzdata (see README.md):
#   bash run.sh build   create .venv if missing, install the project, build the dataset and all reports in
#                       one process (`python -m ftzdata.build --reports`); ARGS (bash run.sh build -q --jobs 1
#                       --out DIR ...) apply to both steps: the dataset step takes the options of `ftzdata
#                       reports`; with --lang en (or zh) only that language's report set is built, else both
#   bash run.sh test    the same set-up, then the whole test suite
# Other commands: bash run.sh bench (benchmark scripts), bash run.sh setup (install only).
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
PY="$VENV/bin/python"

setup() {
  if [ ! -x "$PY" ]; then
    command -v python3 >/dev/null || { echo "run.sh: python3 not found; install Python 3.10 or newer" >&2; exit 1; }
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
      || { echo "run.sh: Python 3.10 or newer is needed, found $(python3 --version)" >&2; exit 1; }
    python3 -m venv "$VENV"
  fi
  # reinstall only when the project's metadata changed since the last install
  local stamp="$VENV/.ftzdata-installed" want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip 2>/dev/null || true
    "$PY" -m pip install --quiet --disable-pip-version-check -e '.[test,lab]' 2> >(grep -v "is ignored: it is neither" >&2)
    echo "$want" > "$stamp"
  fi
  # JupyterLab in this venv opens a .py percent script as a notebook on double-click (lab/ftzdata.json)
  local lab="$VENV/share/jupyter/lab/settings/overrides.d"
  if ! cmp -s lab/ftzdata.json "$lab/ftzdata.json"; then mkdir -p "$lab" && cp lab/ftzdata.json "$lab/"; fi
  # Debian packages: poppler-utils (pdffonts, pdftotext, pdftoppm) to check PDFs, and HarfBuzz's subsetter,
  # which makes WeasyPrint's font subsetting fast. Both optional: without them PDF checks are skipped and
  # PDFs take longer.
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] \
     && { ! command -v pdffonts >/dev/null || ! ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; }; then
    local pkgs="poppler-utils libharfbuzz-subset0"
    (apt-get install -y -qq $pkgs >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $pkgs >/dev/null 2>&1; }) \
      || echo "run.sh: could not install $pkgs; PDF checks will be skipped and PDFs built more slowly" >&2
  fi
}

# RUN_SH_DRY_RUN=1 bash run.sh build ARGS prints the commands it would run (one a line) and runs nothing.
DRY_RUN=${RUN_SH_DRY_RUN:-}
run() { if [ -n "$DRY_RUN" ]; then printf '%q ' "$@"; echo; else "$@"; fi; }

# Whether the ARGS name a language (--lang en, --lang=zh): then only that report set is built.
lang_given() { local a; for a in "$@"; do case "$a" in --lang|--lang=*) return 0 ;; esac; done; return 1; }

test_tools() {
  # Headless Chromium, for the test that HTML reports show Chinese on a machine without a Chinese font
  # (optional: without it that test is skipped).
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] && ! command -v chromium >/dev/null; then
    (apt-get install -y -qq chromium >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }) \
      || echo "run.sh: could not install chromium; the HTML font rendering test will be skipped" >&2
  fi
}

case "${1:-}" in
  setup) setup ;;
  build) shift; [ -n "$DRY_RUN" ] || setup
         # One process: the dataset (reports/data/), then the report set in the language asked for, else both.
         if lang_given "$@"; then
           run "$PY" -m ftzdata.build --reports "$@"
         else
           run "$PY" -m ftzdata.build --reports --lang all "$@"
         fi ;;
  test)  setup; shift; test_tools; "$PY" -m pytest -q "$@" ;;
  bench) setup; for b in benchmarks/*.py; do echo "== $b"; "$PY" "$b"; done ;;
  *) echo "usage: bash run.sh build|test|bench|setup" >&2; exit 2 ;;
esac
