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

from letopis.store.store import Store, resolve_url

__all__ = ["Store", "resolve_url"]
