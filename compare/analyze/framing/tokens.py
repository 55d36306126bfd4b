"""Tokens of a sentence for the framing analysis, and the inflections a cue word may take."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from compare.similarity import STOPWORDS

TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: George W. Bush
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words; "doesn't" and "Russia's" are split below
    r"|\d+(?:[.,:]\d+)*"
    r"|-{2,}|\S"
)
_NOT_ENDINGS = frozenset({"n't", "n’t"})
POSSESSIVE = frozenset({"'s", "’s"})


class Tok(NamedTuple):
    """One token (a named, immutable record; a NamedTuple because tokens are made by the thousand)."""

    text: str
    low: str
    start: int  # in the sentence
    end: int
    word: bool
    glued: bool  # no space before


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Tok, ...]:
    """Words, numbers and punctuation; "doesn't" → "does" "n't", "Russia's" → "Russia" "'s"."""
    out: list[Tok] = []
    make = tuple.__new__  # a third faster than Tok(...); this runs for every token
    find = text.find
    previous_end = -1
    end = 0
    for word in TOKEN.findall(text):  # no match object: between two tokens lies only white space,
        start = find(word, end)  # so a token is where its text first occurs after the one before
        end = start + len(word)
        low = word.lower()
        cut = 0
        if "'" in word or "’" in word:  # only a word with an apostrophe can end in one of those
            cut = 3 if low[-3:] in _NOT_ENDINGS and len(word) > 3 else 2 if low[-2:] in POSSESSIVE and len(word) > 2 else 0
        if cut:
            out.append(make(Tok, (word[:-cut], low[:-cut], start, end - cut, True, start == previous_end)))
            out.append(make(Tok, (word[-cut:], low[-cut:], end - cut, end, cut == 3, True)))
        else:
            out.append(make(Tok, (word, low, start, end, word[0].isalpha(), start == previous_end)))
        previous_end = end
    return tuple(out)


_TEXT, _LOW, _WORD = itemgetter(0), itemgetter(1), itemgetter(4)


def where(toks: Sequence[Tok], words: Container[str], *, lower: bool = True) -> Iterator[int]:
    """The indices of the tokens whose lower-case text (``lower``; else their text) is one of
    ``words``, in order (read in C: a sentence's few among all its tokens)."""
    return compress(count(), map(words.__contains__, map(_LOW if lower else _TEXT, toks)))


def lower_words(toks: Sequence[Tok]) -> Iterator[str]:
    """The words of ``toks`` written in lower case (read in C: this runs for every token of a story)."""
    return filter(str.islower, compress(map(_TEXT, toks), map(_WORD, toks)))


def common_word(word: str, lower: Container[str]) -> bool:
    """Whether a capitalised sentence opener is a common word, no name ("Because", "Some"): the story
    writes it in lower case elsewhere (``lower``, its :func:`lower_words`) or it is a stop word."""
    return word.lower() in lower or word.lower() in STOPWORDS


def split_words(text: str) -> tuple[str, ...]:
    """The tokens of an alias or a cue, as strings."""
    return tuple(m.group() for m in TOKEN.finditer(text))


@lru_cache(maxsize=16384)
def lemmas(word: str) -> tuple[str, ...]:
    """``word`` (lower case) and what it may be an inflection of: -s, -es, -ies, -ed, -ied, -ing.

    The word itself comes first and the other forms in sorted order, so that when two cues of
    the same length could start here the choice is the same in every process (a set's order
    depends on the string hash seed).
    """
    out = {word}
    if len(word) > 3:
        if word.endswith("ies"):
            out.add(word[:-3] + "y")
        if word.endswith("es"):
            out.add(word[:-2])
        if word.endswith("s") and not word.endswith("ss"):
            out.add(word[:-1])
        if word.endswith("ied"):
            out.add(word[:-3] + "y")
        if word.endswith("ed"):
            out.update((word[:-2], word[:-1]))
            if len(word) > 4 and word[-3] == word[-4]:
                out.add(word[:-3])
        if word.endswith("ing") and len(word) > 5:
            out.update((word[:-3], word[:-3] + "e"))
            if word[-4] == word[-5]:
                out.add(word[:-4])
    out.discard(word)
    return (word, *sorted(out))


def word_matches(pattern: str, token: str) -> bool:
    """Whether a cue word (``pattern``; "cooperat*" is a prefix) matches a lower-case token."""
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return pattern in lemmas(token)
