"""The errors ftzdata raises: each names the file, parameter or value and says what is allowed."""

from __future__ import annotations


class FtzDataError(Exception):
    """Base class for ftzdata's own errors."""


class DocumentError(FtzDataError, ValueError):
    """A source document cannot be used: not UTF-8, empty, missing, or not the file the manifest names."""


class UnknownValueError(FtzDataError, ValueError):
    """A name (doc_id, zone, kind, …) that is not one of the allowed values."""

    def __init__(self, what: str, value, allowed):
        self.what, self.value, self.allowed = what, value, list(allowed)
        super().__init__(f"unknown {what} {value!r}; allowed: {', '.join(map(str, self.allowed))}")


class ValidationError(FtzDataError, ValueError):
    """A dataframe does not meet the published schema."""


class PlotDataError(FtzDataError, ValueError):
    """The data given to a chart cannot make that chart (wrong type, missing columns, nothing to draw)."""


class ReviewError(FtzDataError, ValueError):
    """A review sidecar cannot be used, or a reviewed decision cannot be found again in its document."""


class FtzDataWarning(UserWarning):
    """Something the user should know that does not stop the call (an unverified text, a lost decision)."""


class IngestError(FtzDataError, ValueError):
    """A file cannot be read as a document: unknown format, damaged, empty, or a PDF without a text layer."""
