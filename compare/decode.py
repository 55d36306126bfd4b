"""Bytes → text, for the load stage: which encoding a news file is in.

Bytes become text thus: a BOM (UTF-8, UTF-16, UTF-32) decides, and is dropped;
bytes with NULs are UTF-32 or UTF-16 without a BOM when they read as text so (mostly Latin
text: the NULs in the characters' high bytes); otherwise UTF-8.  A file that is UTF-8 except for some bytes saved by a Windows
program (cp1252 curly quotes pasted into UTF-8 text, or a UTF-8 and a cp1252
file joined) is read as UTF-8 with those other bytes read as cp1252; so is a
file whose only non-ASCII bytes are punctuation that means the same in every
Windows code page (’ “ ” – — … « » © °).  Anything else is a legacy file: an
HTML page's declared charset, then detection with charset_normalizer (a tie goes
to cp1252).  A NUL byte, or bytes that no encoding reads, make it "binary".

:func:`decode` raises :class:`~compare.errors.InputError` ("binary file, not text")
when nothing reads the bytes.  charset_normalizer is imported only for a file that
is not UTF-8.
"""

from __future__ import annotations

import codecs
import re

from compare.errors import InputError
from compare.models import Article
from compare.untrusted import fields_repaired

__all__ = ["LEGACY_DEFAULT", "decode", "unmangled"]

LEGACY_DEFAULT = "cp1252"
"""The encoding preferred when detection finds several equally likely ones, and the
one bytes that are not UTF-8 in an otherwise UTF-8 file are read in."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Characters that a valid two-, three- or four-byte UTF-8 sequence in a
# non-UTF-8 file stands for when it really is UTF-8: letters of the European,
# Greek, Cyrillic, Hebrew and Arabic blocks, combining accents, and anything from
# U+0800 on.  Other two-byte sequences (C1 controls, IPA, Armenian, Syriac, NKo:
# "ß“" in cp1252 is the valid sequence of U+07D3) are taken for legacy bytes.
_UTF8_CHAR = re.compile("[\u00a0-\u024f\u0300-\u052f\u0590-\u06ff\u0800-\ud7ff\ue000-\U0010ffff]")
# What is left for the legacy encoding: undecodable bytes (surrogate escapes)
# and the two-byte sequences not taken as UTF-8 above.
_LEGACY_RUN = re.compile("[\udc80-\udcff]+|[\u0080-\u009f\u0250-\u02ff\u0530-\u058f\u0700-\u07ff]")
_WINDOWS_CODE_PAGES = [
    "cp1250",
    "cp1251",
    "cp1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
]
_WINDOWS_PUNCTUATION = frozenset(
    b"\x82\x84\x85\x86\x87\x89\x8b\x91\x92\x93\x94\x95\x96\x97\x99\x9b"
    b"\xa0\xa6\xa7\xa9\xab\xac\xad\xae\xb0\xb1\xb5\xb6\xb7\xbb"
)
"""Bytes that mean the same in every Windows code page: ’ “ ” – — … « » © ° and a few more."""


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """Bytes → text: BOM, UTF-32 or UTF-16 without one, UTF-8, UTF-8 with cp1252 bytes, (HTML) the
    declared charset, detection."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError as error:  # a cut file, a lone surrogate: not "binary file"
                    name = encoding.upper()
                    raise InputError(
                        source, f"not valid {name}, as its byte-order mark says ({error.reason} at byte {error.start:,})"
                    ) from None
    if b"\x00" in data:
        wide = _wide_without_bom(data)
        if wide is None:
            raise InputError(source, "binary file, not text")
        return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_cp1252(data)
    if mixed is not None:
        return mixed
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    text = _detect(data)
    if text is None:
        raise InputError(source, "binary file, not text")
    return text


_WIDE = (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1))
"""Encodings of two or four bytes a character, each with the place in a unit of its low byte: the
other bytes of a unit are NUL for every Latin letter, digit and space."""
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufff0-\uffff\U000f0000-\U0010ffff]")
"""Characters no article holds, of those bytes misread as wide ones make: control characters (but
tab and line ends) and the private use and last planes."""


def _wide_without_bom(data: bytes) -> str | None:
    """The text of ``data`` in UTF-32 or UTF-16 without a byte order mark (as some Windows programs
    save "Unicode" text), or None when it is not: the NUL bytes in the high bytes of the characters
    (of every space, digit and Latin letter), the bytes a valid sequence, and no character that no
    article holds."""
    for encoding, width, low in _WIDE:
        if len(data) % width:
            continue
        units = len(data) // width
        high = sum(data[k::width].count(0) for k in range(width) if k != low)
        if 8 * data[low::width].count(0) > high or high < units // 10:
            continue  # NULs where letters go (a few: "一" is 00 4E), or fewer than the spaces and digits of any text
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _NOT_IN_TEXT.search(text):
            return text
    return None


def _utf8_with_cp1252(data: bytes) -> str | None:
    """``data`` (not valid UTF-8) read as UTF-8 with its other bytes read as cp1252,
    or None when it is better read as a whole in a legacy encoding.

    It is read so when the bytes that are not UTF-8 are all punctuation common to
    every Windows code page, or when part of the file is UTF-8 and the rest reads
    as cp1252 rather than as another Windows code page (a cp1251 file where "Д»"
    happens to be valid UTF-8 stays a cp1251 file).
    """
    text = data.decode("utf-8", "surrogateescape")
    rest = _UTF8_CHAR.sub("", text).encode("utf-8", "surrogateescape")
    legacy = {b for b in set(rest) if b >= 0x80}
    if not legacy <= _WINDOWS_PUNCTUATION:
        if len(rest) == len(data):
            return None  # no UTF-8 in it at all: a legacy file
        if _detect(rest, _WINDOWS_CODE_PAGES, decode=False) != LEGACY_DEFAULT:
            return None
    try:
        return _LEGACY_RUN.sub(
            lambda run: run.group().encode("utf-8", "surrogateescape").decode(LEGACY_DEFAULT), text
        )
    except UnicodeDecodeError:  # a byte cp1252 does not define
        return None


def _detect(data: bytes, candidates: list[str] | None = None, *, decode: bool = True) -> str | None:
    """The text of ``data`` in the encoding charset_normalizer finds most likely
    (its name when not ``decode``); None when nothing fits."""
    from charset_normalizer import from_bytes  # only non-UTF-8 input pays for this import

    matches = from_bytes(data, cp_isolation=candidates)
    best = matches.best()
    if best is None:
        return None
    # On a tie (short Western text often scores the same as cp1250 and cp1252),
    # prefer windows-1252: by far the most common legacy encoding of news pages.
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and LEGACY_DEFAULT in match.could_be_from_charset:
            return str(match) if decode else LEGACY_DEFAULT
    return str(best) if decode else str(best.encoding)


# A character of a UTF-8 sequence's lead byte (Â-ô) read as cp1252 or Latin-1, followed by one of
# a continuation byte's (0x80-0xBF as Latin-1, or cp1252's letters and marks in that range):
# "Medvedevâ€™s", "CafÃ©".  Only then is ftfy imported (about 80 ms) to repair the text.
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
MOJIBAKE_FIELDS = ("text", "title", "outlet")


def unmangled(article: Article) -> Article:
    """The article with mojibake repaired by ftfy (``fix_encoding`` only: UTF-8 text that was
    read as cp1252 or Latin-1, "Medvedevâ€™s" → "Medvedev’s"; nothing else is changed), each
    repaired field listed in ``Article.repaired`` (the JSON report shows it).

    >>> unmangled(Article(id="a", source="a", sha256="", text="Medvedevâ€™s plan")).text
    'Medvedev’s plan'
    """

    def fix(_name: str, value: str) -> tuple[str, str] | None:
        if not _MOJIBAKE_HINT.search(value):
            return None
        import ftfy

        fixed = ftfy.fix_encoding(value)
        return (fixed, "mojibake repaired (UTF-8 read as another encoding)") if fixed != value else None

    return fields_repaired(article, MOJIBAKE_FIELDS, fix)
