"""The store: document records ⇄ SQLite (default) or PostgreSQL, through SQLAlchemy Core.

    >>> from letopis.store import Store
    >>> store = Store("letopis.db")          # a path or an SQLAlchemy URL
    >>> store.put(record)                     # one DocumentRecord, one transaction
    >>> store.search("взрыв в Таразе")        # Russian word forms found

Reading (search, filters, exports) is all the web app needs; writing is `put`/`put_failed`,
driven by `letopis.store.ingest` (here, in N processes or on Dask: parallel.py), and `merge`,
which links reports of one incident across documents (letopis.incidents.merge).
"""
from __future__ import annotations

from typing import Any

__all__ = ["Store", "resolve_url"]


def __getattr__(name: str) -> Any:
    # lazily, so ingest workers (letopis.store.parallel, rows) never import SQLAlchemy
    if name in __all__:
        from letopis.store import store
        return getattr(store, name)
    raise AttributeError(name)
