"""Short sentences that link by their very words: a line too short to link by its content words
("Wait until when?", "Tell me who you are.") links to another article's sentence of the same words,
or to a quotation of them inside a longer sentence, said by the same speaker where both name one
(:mod:`compare.align` scores such a pair 1.0)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import islice

from compare.models import Sentence
from compare.parts import is_label, sentence_quotations
from compare.settings import Settings
from compare.similarity import ATTRIBUTION, substance
from compare.text import TOKEN

Verbatim = tuple[str, frozenset[str]]
"""A short sentence's words, lower-cased, without its attribution ("It's not about your jobs,"
Santorum said: "it's not about your jobs"), and the names in that attribution ({"santorum"})."""


def short_quotes(
    sentences: Sequence[Sentence], linkable: Sequence[bool], names: frozenset[str], settings: Settings
) -> dict[int, Verbatim]:
    """The sentences too short to link by their words ("Wait until when?", "How are you?") that may
    still link to the very same words in another article: sentence index → its words, lower-cased,
    without the words of attribution and the names among them (:data:`Verbatim`).  At least
    ``Settings.verbatim_min_words`` such words, one of them neither a name nor attribution; a
    sentence that quotes someone keeps its quotation's words, all of them (:func:`_quoted_words`)."""
    out: dict[int, Verbatim] = {}
    for i, sentence in enumerate(sentences):
        if linkable[i]:
            continue
        quoted = _quoted_words(sentence.text, names)
        if quoted is not None:
            if len(quoted[0].split()) >= settings.verbatim_min_words:
                out[i] = quoted
            continue
        if not substance(sentence.text, names):
            continue
        words = _words(sentence.text)
        said = [w in ATTRIBUTION for w in words]
        if any(said):  # the attribution: its verb and the names next to it
            first = said.index(True)
            speaker = {w for w in words[max(0, first - 3) : first + 4] if w in names}
            words = [w for n, w in enumerate(words) if not said[n] and w not in speaker]
        else:
            speaker = set()
        if len(words) >= settings.verbatim_min_words:
            out[i] = (" ".join(words), frozenset(speaker))
    return out


def _quoted_words(text: str, names: frozenset[str]) -> Verbatim | None:
    """A short sentence that quotes someone, as :data:`Verbatim`: the quoted words, all of them (a
    quotation's "tell" or "said" are the speaker's words: '"Tell me who you are," Mr. Etheridge
    said.' → "tell me who you are"), and the names outside the quotation.  None when the sentence
    quotes nothing, or only names or a title.  Two outlets quoting the same short line report one remark
    even when every quoted word is a common one ("Tell me who you are.")."""
    spans = sentence_quotations(text)  # 'It's not about your jobs," Santorum said.': up to the mark
    if not spans:
        return None
    words = [w for a, b in spans for w in _words(text[a:b])]
    if all(w in names for w in words) or all(is_label(text[a:b]) for a, b in spans):
        return None  # a quoted title ('"The Hunger Games."') is no remark
    outside = list(text)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    speaker = frozenset(w.lower() for w in TOKEN.findall("".join(outside)) if w.lower() in names or w.lower() in PRONOUNS)
    return " ".join(words), speaker


def _words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, with the typographic apostrophe as the plain one: "I’m
    being myself" and "I'm being myself" are the same words, typed in two newsrooms' styles."""
    return [w.lower().replace("\u2019", "'") for w in TOKEN.findall(text)]


def same_words(a: Verbatim | None, b: Verbatim | None) -> bool:
    """Whether two short sentences quote the same words, said by the same speaker where both name one."""
    return a is not None and b is not None and a[0] == b[0] and _same_speaker(a[1], b[1])


PRONOUNS = frozenset({"he", "she"})
"""A speaker given as "he" and one given as "she" are two people ('"We will see," he said.' and
'"We will see," she said.'); either may be a speaker another version names."""


def _same_speaker(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two speakers' names or pronouns (none when unnamed) may be the same speaker."""
    if not a or not b or a & b:
        return True
    if a - PRONOUNS and b - PRONOUNS:
        return False  # two names, none in common
    return not (a <= PRONOUNS and b <= PRONOUNS)


def same_pairs(
    key: Mapping[int, Verbatim],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    partners: int | None = None,
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of different (allowed) articles with the same words (:func:`same_words`).
    Copies of one sentence (the same words and speaker, in one article) pair only with the first
    ``partners`` copies of each other article's (a pair stays when it is among the first of either
    side; ``Settings.verbatim_partners``): they still make one group, not every two of them a pair."""
    copies: dict[str, dict[tuple[frozenset[str], int], list[int]]] = {}
    for i in sorted(key):
        words, speaker = key[i]
        copies.setdefault(words, {}).setdefault((speaker, article_of[i]), []).append(i)
    out: set[tuple[int, int]] = set()
    for found in copies.values():
        for (speaker_a, a), first in found.items():
            for (speaker_b, b), second in found.items():
                if a >= b or (allowed is not None and not allowed(a, b)) or not _same_speaker(speaker_a, speaker_b):
                    continue
                for x, i in enumerate(first):
                    for j in second if partners is None or x < partners else second[:partners]:
                        out.add((i, j) if i < j else (j, i))
    return out


def quote_links(
    sentences: Sequence[Sentence],
    verbatim: Mapping[int, Verbatim],
    names: frozenset[str],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    partners: int | None = None,
) -> dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]]:
    """A short sentence (:func:`short_quotes`) and a quotation of the very same words inside a sentence
    of another article ("I wish I didn't have to do it." against '"I wish I didn't have to do it,"
    he said.'), as part links of score 1.0: pair ``(i, j)``, ``i < j`` → (1.0, i's part, j's part).
    When both name a speaker (the short sentence in its attribution, the other in its attribution or
    by the names outside the quotation), it is the same one.  Past the first ``partners`` sentences
    of an article quoting the words, a sentence pairs with the first ``partners`` short sentences of
    each other article only (``Settings.verbatim_partners``, as :func:`same_pairs`)."""
    by_words: dict[str, dict[int, list[int]]] = {}  # words → article → its short sentences of them
    for i, (words, _) in verbatim.items():
        by_words.setdefault(words, {}).setdefault(article_of[i], []).append(i)
    quoting: dict[tuple[str, int], int] = {}  # the sentences quoting the words so far, by article
    out: dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]] = {}
    for j, sentence in enumerate(sentences):
        if not by_words or not any(mark in sentence.text for mark in "\"“”‘«"):
            continue
        for start, end in sentence_quotations(sentence.text):
            words = " ".join(_words(sentence.text[start:end]))
            if words not in by_words:
                continue
            outside = {w.lower() for w in TOKEN.findall(sentence.text[:start] + " " + sentence.text[end:])}
            speaker = frozenset(verbatim[j][1] if j in verbatim else outside & (names | PRONOUNS))
            rank = quoting.get((words, article_of[j]), 0)
            quoting[(words, article_of[j])] = rank + 1
            most = None if partners is None or rank < partners else partners
            found: list[int] = []
            for a, copies in by_words[words].items():
                if a == article_of[j] or (allowed is not None and not allowed(a, article_of[j])):
                    continue
                said = (i for i in copies if _same_speaker(verbatim[i][1], speaker))
                found.extend(said if most is None else islice(said, most))
            for i in sorted(found):
                out[(i, j) if i < j else (j, i)] = (1.0, None, (start, end)) if i < j else (1.0, (start, end), None)
    return out
