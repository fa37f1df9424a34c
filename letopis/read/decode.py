"""Bytes → str: refuse binary data, detect the encoding (UTF-8 first, then Cyrillic codepages).

charset-normalizer guesses poorly on short Russian texts (a two-line KOI8-R note often comes out
as some Western or Greek codepage), so single-byte Cyrillic codepages are ranked here by how
Russian the decoded letters look; charset-normalizer is only asked when none of them looks Russian.
"""
from __future__ import annotations

import codecs
import math
import re
from collections import Counter

from letopis.read.document import ReadError

# Codepages a Russian text plausibly comes in, in order of preference when two tie
# (mac-cyrillic equals cp1251 on lowercase letters, so cp1251 must come first).
# The prior (added to the mean log-likelihood) favours the common ones on near ties.
CYRILLIC_CODEPAGES = {"cp1251": 0.0, "koi8_r": 0.0, "cp866": -0.05, "iso8859_5": -0.1,
                      "mac_cyrillic": -0.15}
SAMPLE_BYTES = 64 * 1024

# Russian letter frequencies, % of letters (Russian National Corpus): the unigram model
# that tells a right decoding from a shuffled one.
_FREQ = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
    (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62,
     2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32,
     0.26, 0.04, 0.04)))
_LETTER_COST = {c: math.log(f / 100) for c, f in _FREQ.items()}
_OTHER_CYRILLIC = math.log(1e-4)      # і ї є ґ ў ђ …: real but rare in Russian news
_PUNCT = math.log(0.005)              # « » — – № … “ ” nbsp: the usual non-ASCII punctuation
_JUNK = math.log(1e-5)                # box drawing, accented Latin, symbols: wrong codepage
_CAPS = -0.7                          # extra cost of a capital letter inside an all-caps word
_CAMEL = -6.0                         # "оПЕЗХДЕМР": lowercase then capital inside a word
_RU_PUNCT = set("«»—–№…“”„\u00a0")
_CAMEL_RE = re.compile(r"[а-яё][А-ЯЁ]")
_CAPS_RE = re.compile(r"[А-ЯЁ]{2,}")

_MAGIC = (  # signatures of common binary files, for a clearer message
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (docx/xlsx/odt?)"),
    (b"\x1f\x8b", "gzip archive"), (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"Rar!", "RAR archive"), (b"\x7fELF", "executable"),
    (b"MZ", "executable"), (b"\xd0\xcf\x11\xe0", "MS Office document (doc/xls)"),
    (b"{\\rtf", "RTF document"), (b"SQLite format", "SQLite database"),
)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _cyrillic_score(text: str) -> tuple[float, float]:
    """(mean log-likelihood per non-ASCII char, share of Cyrillic letters among them)."""
    counts = Counter(ch for ch in text if ch >= "\x80")
    total = sum(counts.values())
    if not total:
        return 0.0, 0.0
    score = 0.0
    cyrillic = 0
    for ch, n in counts.items():
        low = ch.lower()
        if low in _LETTER_COST:
            score += n * _LETTER_COST[low]
            cyrillic += n
        elif "\u0400" <= ch <= "\u04ff":
            score += n * _OTHER_CYRILLIC
            cyrillic += n
        elif ch in _RU_PUNCT:
            score += n * _PUNCT
        else:
            score += n * _JUNK
    caps = sum(len(m) - 1 for m in _CAPS_RE.findall(text))
    score += _CAPS * caps + _CAMEL * len(_CAMEL_RE.findall(text))
    return score / total, cyrillic / total


def best_cyrillic(data: bytes) -> tuple[str, float, float] | None:
    """The codepage under which DATA reads most like Russian: (codec, score, cyrillic share)."""
    sample = data[:SAMPLE_BYTES]
    best = None
    for codec, prior in CYRILLIC_CODEPAGES.items():
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score, share = _cyrillic_score(text)
        score += prior
        if best is None or score > best[1] + 1e-9:
            best = (codec, score, share)
    return best


def binary_kind(data: bytes) -> str | None:
    """A short description when DATA is not text (NUL bytes, a known signature, control junk)."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > max(8, len(head) // 20):
        return f"{controls} control bytes in the first {len(head)}"
    return None


def _utf8(data: bytes, warnings: list[str]) -> str | None:
    """Strict UTF-8; a multibyte character cut at the very end is dropped with a warning;
    a rare bad byte inside an otherwise UTF-8 text is replaced with a warning."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and len(data) - err.start < 4:
            try:
                text = data[:err.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
            warnings.append(f"truncated UTF-8: dropped {len(data) - err.start} byte(s) of an "
                            f"incomplete character at the end")
            return text
    # A few stray bytes in a long UTF-8 text (a mangled copy-paste) are not another codepage.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = len(data) - len(text)
    if bad and multibyte > 20 * bad:
        warnings.append(f"invalid UTF-8: {bad} bad byte sequence(s) replaced with U+FFFD")
        return text
    return None


def _declared(declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return codecs.lookup(declared.strip().strip("\"'")).name
    except LookupError:
        return None


def decode(data: bytes, doc: str, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode DATA; returns (text, encoding, warnings) or raises ReadError."""
    warnings: list[str] = []
    if not data.strip():
        raise ReadError(doc, "empty file" if not data else "file contains only whitespace")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, warnings
            except UnicodeDecodeError as err:
                raise ReadError(doc, f"starts with a {codec} byte-order mark but does not decode "
                                     f"as {codec} (byte {err.start})") from None
    kind = binary_kind(data)
    if kind:
        raise ReadError(doc, f"binary file, not text ({kind})")
    text = _utf8(data, warnings)
    if text is not None:
        return text, "utf-8", warnings
    codec = _declared(declared)
    if codec and codec != "utf-8":
        try:
            return data.decode(codec), codec, warnings
        except UnicodeDecodeError:
            warnings.append(f"declared charset {declared!r} does not fit the bytes; detected instead")
    best = best_cyrillic(data)
    # Russian text: non-ASCII chars are almost all Cyrillic letters with plausible frequencies.
    if best and best[2] >= 0.6 and best[1] > -6.5:
        codec = best[0]
        text = data.decode(codec)
        # (random high bytes read as Cyrillic letters too, but make no words: one run with no space)
        if sum(len(w) for w in text.split() if len(w) > 40) > len(text) / 2:
            raise ReadError(doc, f"cannot decode: the bytes read as {codec} letters but make no words "
                                 "(random or compressed data?)")
        return text, codec, warnings
    return _fallback(data, doc, warnings)


def _fallback(data: bytes, doc: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:SAMPLE_BYTES * 4]).best()
    if match is None:
        raise ReadError(doc, "cannot decode: not UTF-8 and no known text encoding fits")
    codec = codecs.lookup(match.encoding).name
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise ReadError(doc, f"cannot decode: looks like {codec} but byte {err.start} does not "
                             f"fit it") from None
    warnings.append(f"no Russian text found; decoded as {codec} (guessed)")
    return text, codec, warnings
