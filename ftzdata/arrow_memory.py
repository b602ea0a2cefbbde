"""Arrow's memory pool for the frames ftzdata builds: the system allocator, unless the user chose one.

pandas stores string columns in Arrow buffers. Arrow's default pool (mimalloc) keeps the memory it frees for
later use. A corpus build frees a lot: each document's case texts, and the claims and review rows joined into
one frame. So a process's memory grew with the corpus: 286 MB peak for ``metrics()`` on 1,000 documents,
against 223 MB with the system allocator, at the same speed (``benchmarks/corpus_scale.py``). Arrow's
``ARROW_DEFAULT_MEMORY_POOL`` environment variable, when set, is left as the user set it.
"""

from __future__ import annotations

import os

__all__ = ["use_system_pool"]

_CHOICE_ENV = "ARROW_DEFAULT_MEMORY_POOL"


def use_system_pool() -> None:
    """Make the system allocator Arrow's default pool (once; nothing if ``$ARROW_DEFAULT_MEMORY_POOL`` is
    set). Buffers allocated before keep their own pool."""
    if os.environ.get(_CHOICE_ENV):
        return
    import pyarrow as pa

    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())
