"""The plain words of sentences (stage 4, for the aligner): the content words that are none of the
story's names, attribution or subject, by which a weak link must share something of substance
(:func:`compare.align._links`) and two sentences of one article tell two halves of a fact
(:func:`tells_both`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import takewhile

from compare.link_checks import Quoted
from compare.similarity import ATTRIBUTION, informativeness, normalise_word


def plain_tokens(
    analysed: Sequence[tuple[tuple[str, ...], frozenset[str]]],
    story: Mapping[str, float],
    names: frozenset[str],
    counted: bool = False,
) -> list[frozenset[str]]:
    """Each sentence's content tokens that are none of the story's ``names`` (its acronyms too:
    HuffPost's "Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent" and Fox's
    "Glenn Beck Rips Progressivism at CPAC" share only who and where), words of attribution, nor
    words that run through the story (:func:`~compare.similarity.story_weights`).  With
    ``counted`` (``GroupSettings.weak_link_counted``) a number of one digit is the number with the
    thing it counts: with each of the next ``COUNTED_WORDS`` content tokens, up to the next number
    ("one more gift", "one more Christmas gift": "1 gift"), whatever those tokens are."""
    skip = {t for w in names | ATTRIBUTION for t in [normalise_word(w)] if t is not None}
    out: list[frozenset[str]] = []
    for tokens, _ in analysed:
        kept: set[str] = set()
        for k, t in enumerate(tokens):
            if t in story or t in skip:
                continue
            if not (counted and _small_number(t)):
                kept.add(t)
                continue
            things = [*takewhile(lambda u: not u[0].isdigit(), tokens[k + 1 : k + 1 + COUNTED_WORDS])] or [""]
            kept.update(f"{t} {thing}" for thing in things)
        out.append(frozenset(kept))
    return out


COUNTED_WORDS = 2
"""How many content tokens after a number of one digit may name the thing it counts (:func:`plain_tokens`)."""


def _small_number(token: str) -> bool:
    """Whether a content token is a number of one digit ("2", "4gb"; "two" and "second" are 2 too)."""
    return token[0].isdigit() and not token[1:2].isdigit() and token[1:3] not in _DECIMALS


_DECIMALS = frozenset(f"{mark}{d}" for mark in ".," for d in "0123456789")


def tells_both(
    plain: Sequence[frozenset[str]], quotes: Sequence[Quoted] | None, said: frozenset[int], least: float
) -> Callable[[int, int, int, Sequence[int], Sequence[int]], bool]:
    """:attr:`~compare.grouping.Chain.tells_both` on the sentences' ``plain`` words (:func:`plain_tokens`):
    ``k`` shares with ``p`` two plain words or more that ``q`` and the sentences ``qs`` (of ``q``'s article in
    its group) lack, and with ``q`` two that ``p`` and ``ps`` lack (or one that both quote: "'It's
    destructive,' said Robert Gibbs"), each of informativeness ``least`` (``Settings.weak_link_plain``)
    in all: a half of a fact, not a
    word of its background ("pregnancies caused by rape" against "The fact is, rape can lead to
    pregnancy"), of its source ("according to the Italian newspaper ..."), or of the story.  Nor,
    when ``k`` quotes someone (``quotes``), one half sharing words of its quotation only and the other,
    a sentence with a word of attribution (``said``), words around it only: a remark, and who made it
    in another remark of theirs ("'We saw yellow smoke in the sky,' said Lt. Khairalla al-Jabbouri,
    one of the survivors" against "Suddenly there was a boom ..., said Lt. Khairalla al-Jabbouri, 31,
    one of the survivors").  A half that tells a fact of the words around the quotation in its own
    words is one ("'Our hearts and prayers are with the man ...,' said Gallagher, who ... ran to
    Johnson and her husband to help" against "bell ringer Michael Gallagher ran to help Johnson")."""

    def tells(k: int, p: int, q: int, ps: Sequence[int], qs: Sequence[int]) -> bool:
        shared = [(plain[k] & plain[a]).difference(*(plain[m] for m in (b, *others))) for a, b, others in ((p, q, qs), (q, p, ps))]
        inside = quotes[k].inside if quotes is not None else frozenset()
        quoted = [words & inside & quotes[a].inside if quotes is not None else frozenset() for words, a in zip(shared, (p, q), strict=True)]
        if not all((len(words) >= 2 or both) and sum(informativeness(t) for t in words) >= least for words, both in zip(shared, quoted, strict=True)):
            return False
        wrapper = any(words.isdisjoint(inside) and half in said for words, half in zip(shared, (p, q), strict=True))
        return not (wrapper and any(words <= inside for words in shared))

    return tells
