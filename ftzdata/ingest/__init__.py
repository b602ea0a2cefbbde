"""Documents as users get them — web pages, Word files, PDFs, GB18030/Big5 text — read into UTF-8 text.

* :func:`read_document` — one file to an :class:`Extracted` (text, format, encoding, sha256, warnings).
* :func:`detect_metadata` — title, issuer, document number, date, script read from that text.
* :func:`zones_named` — the zones a text names, given an alias → zone vocabulary.
"""

from ftzdata.errors import IngestError
from ftzdata.ingest.document import Extracted, read_document
from ftzdata.ingest.metadata import detect_metadata, zones_named

__all__ = ["Extracted", "IngestError", "detect_metadata", "read_document", "zones_named"]
