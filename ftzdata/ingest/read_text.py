"""Plain text (.txt, .md): BOM, then strict UTF-8, then charset-normalizer among Chinese encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from ftzdata.errors import IngestError
from ftzdata.ingest.document import settings

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


def codec_for(name: str) -> str:
    """The codec bytes labelled ``name`` are decoded with (GBK → GB18030, …), lower case."""
    name = codecs.lookup(name).name if _known(name) else name.lower()
    return settings()["text"]["decode_as"].get(name, name)


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
        return True
    except LookupError:
        return False


def detect(data: bytes) -> str | None:
    """The encoding of ``data``: a BOM's, else ``'utf-8'`` if it decodes strictly, else the best of the
    configured Chinese encodings by charset-normalizer; ``None`` if none fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=settings()["text"]["encodings"]).best()
    return codec_for(best.encoding) if best is not None else None


def decode(data: bytes, path: Path, what: str = "text") -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; :class:`IngestError` naming the file if no allowed encoding fits."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(f"{path}: binary data, not a {what} file (allowed text encodings: {_allowed()})")
    encoding = detect(data)
    if encoding is None:
        raise IngestError(f"{path}: the {what} is in none of the allowed encodings: {_allowed()}")
    return data.decode(encoding), encoding


def _allowed() -> str:
    return ", ".join(["UTF-8 (with or without BOM)", *(e.upper() for e in settings()["text"]["encodings"])])


def read(data: bytes, path: Path) -> tuple[str, str, list[str]]:
    """A text file's ``(text, encoding, warnings)``; hard-wrapped lines (text copied out of a PDF) are rejoined
    into their paragraphs (:func:`ftzdata.ingest.unwrap.unwrap`), with a warning that says so."""
    from ftzdata.ingest.document import normalize_newlines
    from ftzdata.ingest.unwrap import unwrap

    text, encoding = decode(data, path)
    text, joined = unwrap(normalize_newlines(text))
    warnings = [f"{joined} line breaks inside paragraphs removed: the text was hard-wrapped (copied out of a PDF?)"
                ] if joined else []
    return text, encoding, warnings
