"""Whether one version of a fact hedges what another states plainly: the hedge difference of a group
(:func:`hedge_difference`), and the words by which a version puts a claim at a distance
(``_DOUBTING``, read by :mod:`compare.analyze.denials` too)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from compare.analyze.attribution import compatible, find_sources
from compare.analyze.quotes import Quote
from compare.analyze.shared import Hedge, blank_quotations, hedges
from compare.difference_settings import DifferenceSettings
from compare.models import Difference, Sentence
from compare.similarity import tokens

# Words that put a claim at a distance without hedging it, or give it to someone: a version holding
# one states nothing plainly ("allegedly" against "a man says": both are his claim).
_DOUBTING = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|believe[sd]?|believing|purported(?:ly)?|supposed(?:ly)?|rumou?r(?:s|ed)?|speculat\w*"
    r"|tipped|(?:said|expected|thought|understood|set|poised|tipped) to|could|according to|reports?|reported"
    r"|say|says|said|told|sources?|states|stated|writes|wrote|estimat\w*|predict\w*|projections?|forecasts?"
    r"|theori[sz]\w*|doubts?|doubted|expects?|expected|thinks?|indicat(?:es|ed|ing))\b",
    re.IGNORECASE,
)
# Words by which a version surmises or fears a claim rather than states it, for hedges only (a
# denial may well answer a fear): "Pachter suggested Amazon would undercut" against "Amazon may
# undercut", "They fear a gang seeking to sell organs" against "a gang which may be harvesting organs".
_SURMISING = re.compile(r"\b(?:suggest(?:s|ed|ing)?|fears?|feared|fearing|speculat\w*)\b", re.IGNORECASE)
# A claim nested in a hedge's clause, where the words the hedge governs end (see ``_governed``).
_NESTED_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|say|says|said|told|tells|believe[sd]?|insist(?:s|ed)?|alleg(?:es|ed)|suggest(?:s|ed)?"
    r"|speculat\w*|fears?|feared)\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[,;:()—–]|\s--?\s")
# The words of ``_DOUBTING`` that only tell: a version holding them may still state plainly what
# another version's "allegedly said" doubts ("He said:" against "This blogger allegedly said").
_TOLD = frozenset("say says said told states stated writes wrote accuse accuses accused charge charges charged".split())
_TELLING_VERB = re.compile(
    r"(?:said|says|say|told|tells|quoted|quotes|wrote|writes|stated|added|claimed|called|reads|accused|accuses|charged)", re.IGNORECASE
)
# Words by which a version gives a deed to an accuser: "beset with allegations of racism since black members
# of Congress accused protesters of hurling racial epithets" states no hurling plainly.
_ACCUSING = re.compile(
    r"\b(?:accus(?:e|es|ed|ing|ations?)|alleg(?:e|es|ed|ing|ations?)|charged with|charges? (?:of|against))\b", re.IGNORECASE
)  # not "charged a fee"
# A hedge in what someone is told to say ("teasing that they might take a bite", "he said it may close"):
# the speaker's, not the outlet's.
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|joked|jokes|teas(?:ed|es|ing)|hint(?:ed|s|ing)|warn(?:ed|s|ing)|insist(?:ed|s)"
    r"|argu(?:ed|es)|tweeted|announced|noted|predicted|promised|vowed|admitted|conceded|explained)\b",
    re.IGNORECASE,
)
# A hedge of the outlet's own reading, not of a fact reported: "the $15 fee may mean that HBO is earning as
# much", "Part of the answer may be the topic", "which could explain".
_ANALYSIS_BEFORE = re.compile(r"\b(?:answer|reason|reasons|explanation|motive|why)\b[^,;:]{0,25}$", re.IGNORECASE)
_ANALYSIS_AFTER = re.compile(
    r"\s+(?:well\s+|also\s+|partly\s+)?(?:mean|means|explain|explains|reflect|reflects|signal|signals|point to|be (?:because|due|why|explained))\b",
    re.IGNORECASE,
)
# A version telling a rule: "may" in another ("Coloradans may buy 1 ounce") gives leave, it hedges nothing.
_LEAVE = re.compile(r"\b(?:allowed|permitted|must|required|limited|entitled|eligible|prohibited|banned|legal(?:ly)?)\b", re.IGNORECASE)

# Hedges that only pass a claim on ("reportedly", "allegedly"): the outlet credits someone else's
# report rather than doubting the fact.  Such a hedge is no difference when its own sentence names
# the source it passes on ("reportedly in talks ..., according to International Business Times":
# an attribution, compared as such).  Blind editors judged such claims wrong; "allegedly said"
# against "he said" they judged right (the statement itself is doubted).
_REPORTING_HEDGE = re.compile(r"(?:reportedly|allegedly|purportedly)\b", re.IGNORECASE)

# Words by which a sentence credits what it passes on to someone ("according to", "a report says";
# not "said" alone, often the speech reported: "he reportedly quoted ... and said that"):
# unlike "could" or "is believed", they name where the claim comes from.
_CREDITS = re.compile(r"\b(?:according to|reports?|reported|sources?)\b", re.IGNORECASE)

def hedge_difference(
    members: Sequence[Sentence],
    close: Sequence[tuple[int, int]],
    quotes: Mapping[str, tuple[Quote, ...]],
    rules: DifferenceSettings,
    intros: Mapping[str, str] | None = None,
) -> Difference | None:
    """One version hedges ("in a possible sign", "appeared to") what a closely similar version of another
    article states plainly.  Only the outlet's own words count: a speaker's "may" inside a quotation, or in
    reported speech ("teasing that they might"), is the speaker's, and one of the outlet's own reading ("the
    fee may mean that") hedges no fact (``_not_the_outlets``).  The other version states it plainly only
    when it hedges nothing of it, in a quotation ("appears to be a non-issue," he writes) or in a clause on
    it ("Although she may ultimately side with the plaintiffs"), and puts nothing at a distance
    (``_DOUBTING``, ``_ACCUSING``: "are said to be", "UBS believes", "could", "accused protesters of
    hurling"): two versions that both give the claim to someone differ in whom, not in a hedge.  Unless the
    hedge doubts the telling itself: "This blogger allegedly said" against "He said" is a hedge.  A hedge
    counts only on what the other version reports (``about``), "may" that gives leave ("Coloradans may buy
    1 ounce") none against the rule told ("are only allowed to"); a quotation's introduction (``intros``:
    "he allegedly told the paper:") hedges all of it."""
    return _difference(members, close, _Versions(members, quotes, rules, intros or {}).plainly)


class _Versions:
    """The versions of one group as :func:`hedge_difference` reads them: each one's words outside
    quotations, its own hedges and a speaker's, its sources and the words that doubt."""

    def __init__(
        self,
        members: Sequence[Sentence],
        quotes: Mapping[str, tuple[Quote, ...]],
        rules: DifferenceSettings,
        intros: Mapping[str, str],
    ) -> None:
        self.members, self.rules = members, rules
        self.outside = [_outside_quotes(s, quotes) for s in members]
        carried = [_introduced(s, intros, rules.hedge_words) for s in members]
        self.found = [hedges(text, s.text, rules.hedge_words) + carried[k] for k, (text, s) in enumerate(zip(self.outside, members, strict=True))]
        self.quoted = [hedges(s.text, words=rules.hedge_words) + carried[k] for k, s in enumerate(members)]  # a speaker's too
        self.sources, self.words = [find_sources(text) for text in self.outside], [set(tokens(s.text)) for s in members]
        self.doubts = [{m.group().lower() for m in _DOUBTING.finditer(text)} for text in self.outside]
        self.own_hedges = [[h for h in hs if not _gives_leave(h, rules.leave_subjects)] for hs in self.found]
        self._about: dict[tuple[int, int], list[Hedge]] = {}  # each ordered pair is asked twice

    def on(self, hedge: Hedge, other: int, remarks: bool = False) -> bool:
        """``hedge`` is about what ``other`` reports: its clause shares ``hedge_clause_words`` content words with
        it and its scope (the clause from the hedge on) ``hedge_scope_words``; a remark quoted in the clause
        counts for a hedge of a telling ("allegedly said that "..."") or with ``remarks`` (a speaker's hedge)."""
        rules = self.rules
        clause = hedge.clause if remarks or _telling(hedge) else blank_quotations(hedge.clause, min_words=rules.hedge_remark_words)
        at = clause.lower().find(hedge.word.split()[0]) if hedge.word else -1
        scope = _governed(clause[max(at, 0) :], hedge.word)
        return (
            len(set(tokens(clause)) & self.words[other]) >= rules.hedge_clause_words
            and len(set(tokens(scope)) & self.words[other]) >= rules.hedge_scope_words
        )

    def about(self, hedged: int, other: int) -> list[Hedge]:
        """The hedges of ``hedged`` on what ``other`` reports, and not written in ``other`` too
        ("multiple unconfirmed reports" inside a quotation there)."""
        if (hedged, other) not in self._about:
            raw = self.members[other].text.lower()
            self._about[hedged, other] = [h for h in self.found[hedged] if h.word not in raw and self.on(h, other)]
        return self._about[hedged, other]

    def passed_on(self, hedged: int, hedge: Hedge) -> bool:
        """``hedge`` only passes on a report its sentence credits (``_REPORTING_HEDGE``): a source
        other than the hedge's own words ("reportedly quoted the film and" is none), or ``_CREDITS``."""
        if not _REPORTING_HEDGE.match(hedge.word):
            return False
        first = hedge.word.split()[0]
        named = any(first not in source.text.lower() for source in self.sources[hedged])
        return named or bool(_CREDITS.search(self.outside[hedged]))

    def hedged_too(self, hedged: int, other: int) -> bool:
        """``other`` hedges too, in a quotation or in a clause on what ``hedged`` says ("Although she
        may ultimately side with")."""
        return any(self.on(h, hedged, remarks=True) for h in self.quoted[other]) or any(
            len(_clause_words(h) & self.words[hedged]) >= self.rules.hedge_other_clause_words for h in self.own_hedges[other]
        )

    def plainly(self, hedged: int, other: int) -> list[Hedge]:
        """The hedges of ``hedged`` that ``other`` states plainly (see :func:`hedge_difference`)."""
        rules, outside = self.rules, self.outside
        mine = [
            h for h in self.about(hedged, other)
            if not self.passed_on(hedged, h) and not _gives_leave(h, rules.leave_subjects)
            and not _not_the_outlets(h, bool(_REPORTED_SPEECH.search(outside[other])))
        ]
        if not mine or self.hedged_too(hedged, other):
            return []
        if _LEAVE.search(self.members[other].text):
            mine = [h for h in mine if not h.word.startswith("may ")]
        distance = self.doubts[other] | _accusing(outside[other], self.words[hedged])
        telling = [h for h in mine if _telling(h)]
        if telling:  # "allegedly said" against "he said": the other version only tells
            mine, distance = telling, distance - _TOLD
        else:  # its words that put the claim at a distance, but for those of the hedge's own clause
            distance -= {word for h in mine for word in _distancing(h.clause)}
        if not mine or distance or _surmised(outside[other], mine):
            return []
        ok = not self.sources[other] or any(
            compatible(x, y, rules.source_spelling) for x in self.sources[hedged] for y in self.sources[other]
        )
        return mine if ok else []


def _difference(
    members: Sequence[Sentence], close: Sequence[tuple[int, int]], plainly: Callable[[int, int], list[Hedge]]
) -> Difference | None:
    """The hedge difference of the pairs ``close``: each version with the hedges ``plainly(hedged, other)``
    finds against another, or "stated without hedging"."""
    involved: dict[int, list[str]] = {}
    for a, b in close:
        for hedged, other in ((a, b), (b, a)):
            said = [h.phrase for h in plainly(hedged, other)]
            if said:
                involved.setdefault(other, [])
                involved[hedged] = list(dict.fromkeys([*involved.get(hedged, []), *said]))
    if not involved:
        return None
    values = tuple((members[k].id, "; ".join(involved[k]) or "stated without hedging") for k in sorted(involved))
    phrases = "; ".join(dict.fromkeys(p for k in sorted(involved) for p in involved[k]))
    return Difference("hedge", f"hedged in one version only: “{phrases}”", values, conflict=False)


def _accusing(text: str, about: set[str]) -> set[str]:
    """The accusing words (``_ACCUSING``) of the clauses of ``text`` that share a content word with ``about``
    ("accused protesters of hurling racial epithets"; not "whose company was accused of underpaying its
    employees" in a version about a dinner), lower case."""
    return {
        m.group().lower() for clause in _CLAUSES.split(text) if set(tokens(clause)) & about for m in _ACCUSING.finditer(clause)
    }


def _clause_words(hedge: Hedge) -> set[str]:
    """The content words of ``hedge``'s clause but its hedge word ("may" of "its chief may resign"): the
    word says nothing of what the clause is about."""
    return set(tokens(hedge.clause)) - set(tokens(hedge.word.split()[0] if hedge.word else ""))


def _telling(hedge: Hedge) -> bool:
    """``hedge`` doubts a telling ("allegedly said", "reportedly accused")."""
    return bool(hedge.word) and _TELLING_VERB.fullmatch(hedge.word.split()[-1]) is not None


def _not_the_outlets(hedge: Hedge, other_tells: bool) -> bool:
    """``hedge`` is a speaker's in reported speech ("teasing that they might take a bite"; unless the other
    version tells speech too, ``other_tells``: "Officials said the fire might have been set" against
    "Officials said the fire had been set") or hedges the outlet's own reading ("the fee may mean that",
    "Part of the answer may be"): no fact reported is hedged."""
    clause = hedge.clause.lower()
    at = clause.find(hedge.word.split()[0]) if hedge.word else -1
    if at < 0:
        return False
    before, after = hedge.clause[:at], hedge.clause[at + len(hedge.word.split()[0]) :]
    speech = not other_tells and _REPORTED_SPEECH.search(before)
    return bool(speech or _ANALYSIS_BEFORE.search(before) or _ANALYSIS_AFTER.match(after))


def _governed(scope: str, word: str) -> str:
    """The words a hedge governs in ``scope`` (its clause from the hedge ``word`` on): up to a claim or
    surmise nested in it ("appears to have written another blog where she claims to have received death
    threats": the threats are her claim, not hedged), but all of it when the hedge doubts a telling."""
    if not word or _TELLING_VERB.fullmatch(word.split()[-1]):
        return scope
    nested = _NESTED_CLAIM.search(scope, len(word))
    return scope[: nested.start()] if nested else scope


def _gives_leave(hedge: Hedge, subjects: tuple[str, ...]) -> bool:
    """``hedge`` is "may" after one of ``subjects`` and before a verb of doing ("A customer may order"):
    leave given, not doubt ("users may be affected", "you may have heard" doubt)."""
    words = hedge.phrase.lower().split()
    if "may" not in words or not subjects:
        return False
    at = words.index("may")
    after = words[at + 1 : at + 2]
    return at > 0 and words[at - 1] in subjects and bool(after) and after[0] not in ("be", "have", "not", "also", "well")


def _surmised(text: str, found: Sequence[Hedge]) -> bool:
    """A clause of ``text`` surmises or fears (``_SURMISING``) what one of the hedges ``found`` governs (a
    content word in common): "Pachter suggested Amazon would undercut Netflix's price" against "Amazon may
    undercut Netflix's price"; not "Although doctors feared brain damage, he has recovered" against "he
    seems to have recovered"."""
    governed = set()
    for h in found:
        at = h.clause.lower().find(h.word.split()[0]) if h.word else -1
        governed |= set(tokens(_governed(h.clause[max(at, 0) :], h.word)))
    return any(_SURMISING.search(clause) and governed & set(tokens(clause)) for clause in _CLAUSES.split(text))


def _distancing(text: str) -> set[str]:
    """The words of ``text`` that put a claim at a distance (``_DOUBTING``, ``_SURMISING``), lower case."""
    return {m.group().lower() for pattern in (_DOUBTING, _SURMISING) for m in pattern.finditer(text)}


def _introduced(sentence: Sentence, intros: Mapping[str, str], words: tuple[str, ...]) -> list[Hedge]:
    """The hedges of the sentence that introduces ``sentence``'s quotation ("he allegedly told the
    paper:"), each about the whole quotation (its clause)."""
    intro = intros.get(sentence.id)
    return [replace(h, clause=sentence.text) for h in hedges(blank_quotations(intro), intro, words)] if intro else []


def _outside_quotes(sentence: Sentence, quotes: Mapping[str, tuple[Quote, ...]]) -> str:
    """The sentence with its quoted words blanked (the quotations found in the article, and
    any quotation marks in the sentence itself, an unclosed one running to its end)."""
    chars = list(blank_quotations(sentence.text))
    for quote in quotes.get(sentence.id, ()):
        for k in range(max(0, quote.start - sentence.start), min(len(chars), quote.end - sentence.start)):
            chars[k] = " "
    return "".join(chars)
