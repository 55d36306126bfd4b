"""Helpers the analysis modules share: word-level diffs and cue detection."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from functools import cache

from compare.difference_settings import HEDGE_WORDS
from compare.models import MemberDiff, Segment
from compare.similarity import normalise_word

_PIECE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]|\s+", re.UNICODE)
NEGATIONS = frozenset("not no never none nobody nothing nowhere neither nor without cannot".split())
HEDGES = HEDGE_WORDS  # the default of DifferenceSettings.hedge_words
# "seem" hedges ("seemed sympathetic"); "appear" before "to", "that" or an "-ly"/"-ed" word
# ("appeared to agree", "appeared closely divided"), not "appear in court".
_SEEM = r"(?:seem|seems|seemed|(?:appear|appears|appeared)(?=\s+(?:to\b|that\b|\w+(?:ly|ed)\b)))"


@cache
def _hedge_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|" + _SEEM + r")\b", re.IGNORECASE)


_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*’(?!\w)")


def blank_quotations(text: str) -> str:
    """``text`` with every quotation (marks included) replaced by spaces, offsets kept; a
    quotation left open runs to the end (the news convention for a quote that continues),
    and a closing mark with no opening one closes a quotation begun in an earlier sentence."""
    first_open, first_close = text.find("“"), text.find("”")
    if first_close != -1 and (first_open == -1 or first_close < first_open):
        text = " " * (first_close + 1) + text[first_close + 1 :]
    return _QUOTATION.sub(lambda m: " " * len(m.group()), text)


_NEGATION_ADVERBS = frozenset("yet even ever always still necessarily".split())
# "no more than a day", "not later than Friday": a bound, not a denial; "not only ... but" adds.
_COMPARATIVES = frozenset("more less fewer later earlier sooner greater longer higher lower".split())
_NOT_DENYING = frozenset("only just merely simply".split())
_VOTING = frozenset("vote votes voted voting".split())
_CLAUSE_END = frozenset(",;:.!?()[]—–")


# Words between a negation and what it denies: "did not tell", "was not the", "not to be".
_BETWEEN = frozenset(
    "a an the any his her their its this that these those be been being have has had do does did is are was "
    "were will would can could should to".split()
)
# Before a negation, words that make it no denial: a supposition ("let's say there's no birth
# certificate"), a fear or a doubt ("raises fears that the girls will not be released").
_NOT_A_DENIAL_BEFORE = re.compile(
    r"\b(?:let['’]s\s+say|suppose|supposing|imagine|fears?|feared|worr(?:y|ies|ied)|doubts?|doubted|whether)\b",
    re.IGNORECASE,
)
_CLOSING_QUOTES = frozenset("”’")
_STRAIGHT_QUOTES = frozenset("\"'")


def _after_quotation(pieces: Sequence[str], i: int) -> bool:
    """``pieces[i]`` follows a quotation's end (a comma between allowed): "“judges” not", "'first-year,' not".
    A straight quotation mark ends one when an odd number of them stand before it."""
    k = i - 1
    if k >= 0 and pieces[k] == ",":
        k -= 1
    if k < 0:
        return False
    if pieces[k] in _CLOSING_QUOTES:
        return True
    return pieces[k] in _STRAIGHT_QUOTES and sum(1 for p in pieces[:k] if p == pieces[k]) % 2 == 1


def negated_terms(text: str) -> dict[str, str]:
    """What each negation denies: the first word after it, past determiners, auxiliaries and
    adverbs, in the same clause ("does not believe that" → believe; "no challenge" → challenge),
    as a content token mapped to the words that say it ("not believe").  No term when that word
    is a name or says nothing ("did not tell Phelps"), and none for a negation that denies
    nothing: a contrast ("call themselves 'judges' not 'arbitrators'"), a supposition or a fear
    (``_NOT_A_DENIAL_BEFORE``), a comparison ("no craving can be more important than your
    health"), "not only", "no more than"; nor past "and" ("did nothing and allowed him")."""
    pieces = [p for p in _PIECE.findall(text) if not p.isspace()]
    out: dict[str, str] = {}
    for i, piece in enumerate(pieces):
        low = piece.lower().replace("’", "'")
        if low not in NEGATIONS and not low.endswith("n't"):
            continue
        if (piece == "No" and i > 0) or (low == "no" and i > 0 and pieces[i - 1].lower() in _VOTING):
            continue  # "voting No", "No 10", "voted no": a name or a vote, not a denial
        after = [p.lower() for p in pieces[i + 1 : i + 3]]
        if after[:1] and (after[0] in _NOT_DENYING or (after[0] in _COMPARATIVES and after[1:] == ["than"])):
            continue
        if _after_quotation(pieces, i):
            continue  # "'first-year,' not 'freshman'", "“judges” not “arbitrators”": a contrast
        if _NOT_A_DENIAL_BEFORE.search(" ".join(pieces[:i])):
            continue
        if low in ("no", "none", "nothing") and _comparison(pieces[i + 1 : i + 10]):
            continue
        for following in pieces[i + 1 : i + 8]:
            if following in _CLAUSE_END or following.lower() == "but":
                break
            if not following[0].isalnum():
                continue
            lowered = following.lower()
            if lowered in _NEGATION_ADVERBS or lowered in _BETWEEN or (following.endswith("ly") and len(following) > 4):
                continue  # "not actually speaking", "did not immediately respond": the verb is denied
            token = normalise_word(following)
            if token is not None:
                out.setdefault(token, f"{piece} {following}")
            break
    return out


# Before a negation, what makes it no denial of a fact: a modal of doubt right before it ("may not
# sell"; "could not confirm" is firm), or a condition earlier in its clause ("if the carrier does not sell ..., its profits fall").
_NEGATION_DOUBT = re.compile(r"\b(?:may|might|perhaps|possibly|probably)\s+$", re.IGNORECASE)
_NEGATION_CONDITION = re.compile(r"\b(?:if|unless|whether|until)\b[^,;:]*$", re.IGNORECASE)


def firmly_negated(text: str, conditions: bool = True) -> dict[str, tuple[str, int, int]]:
    """:func:`negated_terms` that deny a fact, each with where its words stand in ``text``
    (from the negation to the word denied): not those a modal doubts (``_NEGATION_DOUBT``), nor,
    with ``conditions``, those a condition holds (``_NEGATION_CONDITION``; "If they don't pass this
    bill" against "To pass this bill" in one quotation is a difference, but no denial of a fact)."""
    out = {}
    for term, words in negated_terms(text).items():
        negation, _, word = words.partition(" ")
        match = re.search(rf"(?<!\w){re.escape(negation)}\W+(?:\w+\W+){{0,6}}?{re.escape(word)}(?!\w)", text)
        if not match or _NEGATION_DOUBT.search(text, 0, match.start()):
            continue
        if not (conditions and _NEGATION_CONDITION.search(text, 0, match.start())):
            out[term] = (words, match.start(), match.end())
    return out


def negations(text: str) -> int:
    """How many negating words ``text`` holds, whatever they deny ("no", "not", "n't", "none", ...)."""
    pieces = [p.lower().replace("’", "'") for p in _PIECE.findall(text) if not p.isspace()]
    return sum(
        1
        for i, p in enumerate(pieces)
        if (p in NEGATIONS or p.endswith("n't")) and not (p == "no" and pieces[i + 1 : i + 2] == [","])  # "No, ..."
    )


def _comparison(pieces: Sequence[str]) -> bool:
    """"no craving can be more important than": a comparison, no denial."""
    words = [p.lower() for p in pieces]
    return "than" in words and any(w in _COMPARATIVES or w in ("better", "worse", "bigger") for w in words)


# Not hedges: "made possible", "made the aid possible", "as soon as possible", "investigating possible
# coordination" (the subject of an inquiry, not a claim hedged), "couldn't possibly" (emphasis),
# "may as well" (an idiom), "you've probably heard" (said to the reader).
_NOT_HEDGE = re.compile(
    r"(?:\b(?:make|makes|made|making)\s+(?:[\w'’-]+\s+){0,6}possible\b|\bas\s+possible\b"
    r"|(?:n't|n’t|not|never)\s+possibly\b|\byou(?:'ve|’ve|\s+have)?\s+(?:\w+\s+){0,2}(?:probably|possibly|may|might)\b"
    r"|\b(?:investigat\w*|probe|probing|inquiry|into|examin\w*|review\w*)\s+(?:[\w'’-]+\s+){0,2}possible\b)",
    re.IGNORECASE
)


_CONCESSION = re.compile(r"[^.;]*?,?\s+but\b", re.IGNORECASE)
_NOT_HEDGE_AFTER = re.compile(r"\s+as\s+well\b", re.IGNORECASE)  # "I may as well": an idiom
# "would suggest to a saddened child that ...": a proposal made to someone, not a hedge.
_SUGGEST_TO = re.compile(r"\s+to\s+(?:a|an|the|his|her|their|its|him|them|me|us|you)\b", re.IGNORECASE)
# A hedge in a condition is no hedge of the fact: "in cases where a recharge may not be possible".
_CONDITION = re.compile(r"\b(?:if|unless|whether|where|lest|in case)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")


@dataclass(frozen=True, slots=True)
class Hedge:
    """A hedging word of a sentence: ``phrase`` it with a little context ("in a possible sign"),
    ``word`` it with the word after it ("possible sign"), ``clause`` the clause it stands in."""

    phrase: str
    word: str
    clause: str


def hedges(text: str, whole: str | None = None, words: tuple[str, ...] = HEDGES) -> list[Hedge]:
    """The hedging words of ``text``, but for "made possible" and the like (``_NOT_HEDGE``) and a
    hedge inside a condition; each one's clause is read in ``whole`` when given (``text`` with its
    quotations blanked, ``whole`` the sentence: "allegedly said that "it would ...""); ``words``
    the hedging words (``DifferenceSettings.hedge_words``)."""
    out = []
    whole = whole if whole is not None and len(whole) == len(text) else text
    for m in _hedge_pattern(tuple(words)).finditer(text):
        before = text[max(0, m.start() - 60) : m.end()]
        if _NOT_HEDGE.search(before) or _NOT_HEDGE_AFTER.match(text, m.end()):
            continue
        if m.group().lower().startswith("suggest") and _SUGGEST_TO.match(text, m.end()):
            continue
        if m.group() == "May" and (m.start() > 0 or text[m.end() : m.end() + 2].strip()[:1].isupper()):
            continue  # "in May", "Theresa May", "May God preserve him": a month, a name, a wish
        starts = [b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())]
        ends = [b.start() for b in _CLAUSE_BREAK.finditer(text, m.end())]
        clause = whole[starts[-1] if starts else 0 : ends[0] if ends else len(text)]
        if _CONDITION.search(text[starts[-1] if starts else 0 : m.start()]):
            continue
        if m.group().lower() in ("may", "might") and _CONCESSION.match(text, m.end()):
            continue  # "he may be 81, but ...": a concession
        left = text[: m.start()].split()[-2:]
        right = text[m.end() :].split()[:1]
        phrase = " ".join([*left, m.group(), *right]).strip(" ,.;:\"“”")
        out.append(Hedge(phrase, " ".join([m.group(), *right]).strip(" ,.;:\"“”").lower(), clause))
    return out


def hedge_phrases(text: str) -> list[str]:
    """Hedging words with a little context: "in a possible sign" (see :func:`hedges`)."""
    return [h.phrase for h in hedges(text)]


class _SpacedMatcher(SequenceMatcher[str]):
    """difflib's :class:`~difflib.SequenceMatcher` without junk, giving the same blocks, faster
    on sequences where one item (the space between words) is everywhere.

    difflib's longest-match search visits, for each item of ``a``, every position of
    that item in ``b``: for a space, half of ``b``.  Here the spaces of a row of that
    search are kept implicitly (each a match of length 1, unless it extends a match
    ending just before it, which are few), so a space costs as much as the matches it
    extends.  This needs ``b`` never to hold the item twice in a row (pieces of text
    never do: a run of white space is one piece); otherwise difflib's own search runs.
    """

    # set by difflib (undeclared in its type stubs)
    a: Sequence[str]
    b: Sequence[str]
    b2j: dict[str, list[int]]
    bjunk: set[str]

    def __init__(self, a: Sequence[str], b: Sequence[str], common: str = " ") -> None:
        self.common = common
        super().__init__(None, a, b, autojunk=False)

    def set_seq2(self, b: Sequence[str]) -> None:
        super().set_seq2(b)
        self._spaces: list[int] = self.b2j.get(self.common, [])
        spaces = self._spaces
        self._sparse = all(spaces[k] + 1 != spaces[k + 1] for k in range(len(spaces) - 1))

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> Match:
        a, b, b2j, common = self.a, self.b, self.b2j, self.common
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        if not self._sparse or self.bjunk:
            return super().find_longest_match(alo, ahi, blo, bhi)
        spaces = self._spaces
        first = bisect_left(spaces, blo)
        first_space = spaces[first] if first < len(spaces) and spaces[first] < bhi else None
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}  # the matches of the last row of length 2 or more (a space row), or all
        implicit = False  # the last row was a space row: every space in range not in j2len ends a match of 1
        nothing: list[int] = []
        for i in range(alo, ahi):
            item = a[i]
            if item == common:
                if first_space is None:
                    j2len, implicit = {}, False
                    continue
                # b never holds two spaces in a row: a space extends only a match of the row before
                new: dict[int, int] = {}
                for j, k in j2len.items():
                    j += 1
                    if j < bhi and b[j] == common:
                        new[j] = k + 1
                j2len, implicit = new, True
                if new:
                    top = max(new.values())
                    if top > bestsize:
                        j = min(j for j, k in new.items() if k == top)
                        besti, bestj, bestsize = i - top + 1, j - top + 1, top
                elif bestsize < 1:
                    besti, bestj, bestsize = i, first_space, 1
                continue
            j2lenget = j2len.get
            new = {}
            for j in b2j.get(item, nothing):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                before = j2lenget(j - 1)
                if before is None:
                    before = 1 if implicit and j - 1 >= blo and b[j - 1] == common else 0
                k = new[j] = before + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len, implicit = new, False
        return Match(besti, bestj, bestsize)


def word_diff(texts: Sequence[str], closest: Sequence[int] | int) -> list[tuple[Segment, ...]]:
    """Each text split into segments, words not shared with the text it is compared with marked changed.

    ``closest[n]`` is the index of the text that text ``n`` is compared with (in a group: its
    closest version from another article), so that in a group of several versions each shows
    what it says differently from the version most like it, not from all the others at once.
    An int is a pivot: every text is compared with it, and the pivot with the text most like it.
    """
    pieces = [_PIECE.findall(t) for t in texts]
    keys = [[p.lower() if not p.isspace() else " " for p in ps] for ps in pieces]
    if isinstance(closest, int):
        pivot = closest
        best = _closest(keys, pivot)
        closest = [pivot if n != pivot else (best[0] if best else n) for n in range(len(texts))]
    # One matcher per compared-with text serves every text compared with it (difflib indexes its second sequence once).
    matchers: dict[int, _SpacedMatcher] = {}
    done: dict[tuple[tuple[str, ...], int], list[bool]] = {}  # the same words, the same diff
    out: list[tuple[Segment, ...]] = []
    for n, ps in enumerate(pieces):
        other = closest[n]
        if other == n:
            out.append((Segment("".join(ps), False),))
            continue
        key = (tuple(keys[n]), other)
        if key not in done:
            matcher = matchers.get(other)
            if matcher is None:
                matcher = matchers[other] = _SpacedMatcher((), keys[other])
            matcher.set_seq1(keys[n])
            done[key] = _shared(matcher, keys[n], keys[other])
        out.append(_segments(ps, done[key]))
    return out


def _shared(matcher: SequenceMatcher[str], a: list[str], b: list[str]) -> list[bool]:
    """Which items of ``a`` lie in a matching block of ``matcher`` (comparing ``a`` with ``b``)."""
    if a == b:
        return [True] * len(a)  # one block, the whole sequence
    shared = [False] * len(a)
    for block in matcher.get_matching_blocks():
        shared[block.a : block.a + block.size] = [True] * block.size
    return shared


def _closest(keys: list[list[str]], pivot: int) -> tuple[int, SequenceMatcher[str]] | None:
    """The text most like the pivot (the first of the best, by difflib's ratio), with its matcher.

    The ratio is computed only where difflib's cheap upper bounds leave room to beat the best so far.
    """
    best: tuple[int, SequenceMatcher[str]] | None = None
    best_ratio = -1.0
    for n, k in enumerate(keys):
        if n == pivot:
            continue
        matcher = _SpacedMatcher(keys[pivot], k)
        if best is not None and (matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio):
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (n, matcher), ratio
    return best


def _segments(pieces: list[str], shared: list[bool]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    run: list[str] = []  # the pieces of the segment being built
    changed = False
    for piece, same in zip(pieces, shared, strict=True):
        if piece.isspace():
            flag = changed if run else False  # spaces join the run they are in
        else:
            flag = not same and any(ch.isalnum() for ch in piece)
        if run and flag != changed:
            segments.append(Segment("".join(run), changed))
            run = []
        run.append(piece)
        changed = flag
    if run:
        segments.append(Segment("".join(run), changed))
    # A trailing space inside a changed run belongs outside the mark.
    cleaned: list[Segment] = []
    for seg in segments:
        if seg.changed and seg.text != seg.text.rstrip():
            cleaned.append(Segment(seg.text.rstrip(), True))
            cleaned.append(Segment(seg.text[len(seg.text.rstrip()) :], False))
        else:
            cleaned.append(seg)
    return tuple(s for s in cleaned if s.text)


def member_diffs(ids: Sequence[str], texts: Sequence[str], closest: Sequence[int] | int) -> tuple[MemberDiff, ...]:
    return tuple(MemberDiff(i, segs) for i, segs in zip(ids, word_diff(texts, closest), strict=True))


_WORD = re.compile(r"[\w][\w'’.-]*\w|\w")


# A dateline opening a story ("WASHINGTON —", "NEW YORK (Reuters) -", "Nov. 3 (Bloomberg) --") says where it was filed, not a fact.
_DATELINE = re.compile(r"(?:[A-Z][A-Z.,' ]+|[A-Z][a-z]{2,8}\.? \d{1,2})\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
_PRONOUN_SUBJECTS = frozenset("he she they it his her their its him them".split())


def added_words(text: str, other: str, min_weight: int, explained: Sequence[str] = ()) -> str | None:
    """What ``text`` says that ``other`` does not, in its own words, or None.

    The content words of ``text`` whose token ``other`` lacks are new; so are ``other``'s.
    Words already shown by a typed difference (``explained``: its values) are not counted,
    nor one name where the other version has a pronoun ("Clinton rejected" / "she
    rejected").  ``text`` adds when it has at least ``min_weight`` new words more than
    ``other``: a rewording swaps words one for one, an addition brings new ones.  The new
    words are shown in runs (a gap of up to two words joins them).
    """
    skip = {t for part in explained for t in (normalise_word(w) for w in _WORD.findall(part)) if t}
    dateline = _DATELINE.match(text)
    own = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, dateline.end() if dateline else 0)]
    other_words = _WORD.findall(other)
    theirs = {t for t in (normalise_word(w) for w in other_words) if t}
    mine = {t for t in (normalise_word(w) for _, _, w in own) if t}
    new = [(k, s, e) for k, (s, e, w) in enumerate(own) if (t := normalise_word(w)) and t not in theirs and t not in skip]
    if not new:
        return None
    weight_other = sum(1 for w in other_words if (t := normalise_word(w)) and t not in mine and t not in skip)
    if any(w.lower() in _PRONOUN_SUBJECTS for w in other_words) and any(
        text[s].isupper() and s > 0 for _, s, _ in new
    ):
        weight_other += 1  # a name the other version refers to by a pronoun
    if len(new) - weight_other < min_weight:
        return None
    runs: list[tuple[int, int, int]] = []  # (last word, start, end)
    for k, start, end in new:
        if runs and k - runs[-1][0] <= 3:
            runs[-1] = (k, runs[-1][1], end)
        else:
            runs.append((k, start, end))
    shown = [" ".join(text[start:end].split()[:ADDED_RUN_WORDS]) for _, start, end in runs[:ADDED_RUNS_SHOWN]]
    last = runs[min(len(runs), ADDED_RUNS_SHOWN) - 1]
    cut = len(runs) > ADDED_RUNS_SHOWN or len(text[last[1] : last[2]].split()) > ADDED_RUN_WORDS
    return " … ".join(shown) + (" …" if cut else "")


ADDED_RUNS_SHOWN = 3  # how many runs of new words an addition shows (a display length, not a threshold)
ADDED_RUN_WORDS = 10
