"""Word files (.docx): paragraphs and tables in document order through python-docx, with the numbers
Word draws for numbered paragraphs (一、, （一）, 1.) rendered from the file's numbering definitions.

docx2python renders numbering too, but writes '--' for Chinese counting and ignores the level text
(``%1、`` comes out as ``1)``), so the numbering is rendered here from ``numbering.xml``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ftzdata.errors import IngestError
from ftzdata.ingest.document import settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el, name: str, default=None):
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


@dataclass
class Level:
    """One level of a Word list: start value, number format (``numFmt``), level text (``%1、``), suffix."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class Numbering:
    """The numbering definitions of a document and the counters of the lists met so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set = field(default_factory=set)

    @classmethod
    def of(cls, document) -> "Numbering":
        """Read ``numbering.xml`` of a python-docx document (empty if it has none)."""
        out = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return out
        for ab in root.findall(W + "abstractNum"):
            out.levels[ab.get(W + "abstractNumId")] = {
                int(lvl.get(W + "ilvl", "0")): Level(
                    int(_val(lvl, "start", "1")), _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                    _val(lvl, "suff", "tab"),
                )
                for lvl in ab.findall(W + "lvl")
            }
        for num in root.findall(W + "num"):
            overrides = {
                int(o.get(W + "ilvl", "0")): int(_val(o, "startOverride"))
                for o in num.findall(W + "lvlOverride")
                if _val(o, "startOverride") is not None
            }
            out.nums[num.get(W + "numId")] = (_val(num, "abstractNumId"), overrides)
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The number Word draws before the next paragraph of list ``num_id`` at level ``ilvl`` ('' if none)."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a list instance with a start override restarts its levels
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(ilvl, -1, -1):
            lv = levels.get(k, Level())
            text = text.replace(f"%{k + 1}", format_number(counters.get(k, lv.start), lv.fmt))
        return text + _separator(text, level.suffix)


def _separator(label: str, suffix: str) -> str:
    if suffix == "nothing" or not label or not label[-1].isascii():
        return ""
    return " "


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (decimal, chineseCounting, upperRoman, …)."""
    import cn2an

    chars = settings()["docx"].get(fmt)
    if isinstance(chars, str) and 1 <= n <= len(chars):
        return chars[n - 1]
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting"):
        return cn2an.an2cn(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return cn2an.an2cn(n, "up")
    if fmt == "decimalFullWidth":
        return str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def num_pr(paragraph) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of a paragraph: its own ``numPr``, else its style's (following ``basedOn``)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        np_ = ppr.numPr
        num_id = np_.numId.val if np_.numId is not None else None
        ilvl = np_.ilvl.val if np_.ilvl is not None else None
        if num_id is not None:
            return str(num_id), int(ilvl or 0)
        style_level = ilvl
    else:
        style_level = None
    style = paragraph.style
    while style is not None:
        sppr = style.element.pPr
        if sppr is not None and sppr.numPr is not None and sppr.numPr.numId is not None:
            lvl = style_level if style_level is not None else (sppr.numPr.ilvl.val if sppr.numPr.ilvl is not None else 0)
            return str(sppr.numPr.numId.val), int(lvl)
        style = style.base_style
    return None


def paragraph_line(paragraph, numbering: Numbering) -> str:
    """A paragraph's text with the number Word draws before it."""
    pr = num_pr(paragraph)
    text = paragraph.text
    if pr is None or not text.strip():
        return text
    return numbering.label(*pr) + text


def table_lines(table) -> list[str]:
    """A table's rows, cells separated by tabs (a merged cell once; line breaks in a cell as spaces)."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def document_lines(document) -> list[str]:
    """The body of a python-docx document as lines, paragraphs and tables in document order."""
    from docx.table import Table

    numbering = Numbering.of(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += table_lines(block)
        else:
            line = paragraph_line(block, numbering)
            if line.strip():
                lines.append(line)
    return lines


def read(data: bytes, path: Path) -> tuple[str, None, list[str]]:
    """A Word file's ``(text, None, warnings)``."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"{path}: not a readable Word .docx file ({type(exc).__name__}); "
                          "old .doc files must be saved as .docx first") from None
    return "\n".join(document_lines(document)), None, []
