"""Letopis: structured, sourced incident records from Russian-language news.

    >>> import letopis
    >>> record = letopis.extract("В субботу в Таразе погибли 7 человек.", published="2011-11-14")

`letopis.extract` is at once the public function and the extract stage's package: the package
module is made callable (see letopis/extract/__init__.py), so both uses keep working."""
from __future__ import annotations

__version__ = "0.1.0"

from letopis import extract  # noqa: E402  (the callable stage package)

__all__ = ["extract", "__version__"]
