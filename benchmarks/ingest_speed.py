"""Time to read a document of about 30 KB of text in each format (target: under 1 s, everything included).

For each format a document with ~30 KB of UTF-8 text is written (the builders of
``tests/test_ingest_samples.py``: a government web page in GB18030, a Word file with numbering and a
table, a PDF made with WeasyPrint, a GB18030 text file). Each is read in a fresh Python process
(``cold``: interpreter start, library imports, reading and ``detect_metadata``) and again in this process
(``warm``: the median of 5 reads).

Usage: .venv/bin/python benchmarks/ingest_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import test_ingest_samples as S  # noqa: E402

from ftzdata.ingest import detect_metadata, read_document  # noqa: E402

TARGET_BYTES = 30_000


def _paragraphs() -> list[str]:
    """Distinct paragraphs adding up to about ``TARGET_BYTES`` of UTF-8."""
    out, n = [], 0
    while n < TARGET_BYTES:
        out += S.pdf_paragraphs(14)
        n = sum(len(p.encode()) for p in out)
    return [f"{i}. {p}" for i, p in enumerate(out)]


def write_samples(folder: Path) -> dict[str, Path]:
    """One ~30 KB document per format in ``folder``."""
    paras = _paragraphs()
    html = folder / "page.html"
    html.write_bytes(S.gov_page_html(paras).encode("gb18030"))
    docx = S.write_docx(folder / "doc.docx", S.DocxSample(items=S.DocxSample().items + [(2, p) for p in paras]))
    pdf = S.write_pdf(folder / "doc.pdf", paras)
    txt = folder / "doc.txt"
    txt.write_bytes("\n".join(paras).encode("gb18030"))
    return {"html": html, "docx": docx, "pdf": pdf, "text": txt}


COLD = """
import sys, time
t = time.perf_counter()
from ftzdata.ingest import read_document, detect_metadata
e = read_document(sys.argv[1]); detect_metadata(e.text)
print(time.perf_counter() - t)
"""


def cold_seconds(path: Path) -> tuple[float, float]:
    """(wall seconds of a fresh process, seconds from first import to metadata inside it)."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", COLD, str(path)], capture_output=True, text=True, check=True, cwd=ROOT)
    return time.perf_counter() - t, float(out.stdout.strip().splitlines()[-1])


def warm_seconds(path: Path, repeat: int = 5) -> float:
    """Median seconds of ``read_document`` + ``detect_metadata`` once the libraries are loaded."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        detect_metadata(read_document(path).text)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        samples = write_samples(Path(tmp))
        print(f"{'format':6} {'file KB':>8} {'text KB':>8} {'process s':>10} {'import+read s':>14} {'warm s':>7}")
        worst = 0.0
        for fmt, path in samples.items():
            text_kb = len(read_document(path).text.encode()) / 1000
            wall, inside = cold_seconds(path)
            warm = warm_seconds(path)
            worst = max(worst, wall)
            print(f"{fmt:6} {path.stat().st_size / 1000:8.1f} {text_kb:8.1f} {wall:10.2f} {inside:14.2f} {warm:7.3f}")
    print(f"slowest fresh process: {worst:.2f} s (target < 1 s)")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
