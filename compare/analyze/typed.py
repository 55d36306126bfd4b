"""Typed differences of a group that come from reading each member alone: numbers, negations,
who is the source, and opposite statements (dates: :mod:`compare.analyze.date_differences`, hedges:
:mod:`compare.analyze.hedging`).  Each builder takes the group's members and the member pairs
(indexes into ``members``, from different articles) it should compare."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from compare.analyze.attribution import (
    GENERIC,
    SPELLING,
    Source,
    attribution_conflict,
    find_sources,
)
from compare.analyze.opposites import opposite_terms, opposite_verdicts
from compare.analyze.quantities import Quantity
from compare.analyze.quantity_conflicts import describe_counted, quantity_differences
from compare.analyze.quotes import Quote
from compare.analyze.shared import WORDS, base_forms, blank_quotations, firmly_negated, negations
from compare.difference_settings import DifferenceSettings
from compare.models import Difference, Sentence
from compare.similarity import normalise_word, tokens

# Words that deny without "not": a version holding one affirms nothing plainly.
_DENYING = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing|ion)?"
    r"|false(?:ly|hood)?|fake|hoax|debunk(?:s|ed|ing)?|untrue|unfounded|baseless|nowhere|unable"
    r"|un(?:furnished|confirmed|verified|clear|known|likely|aware|willing|successful|available)"
    r"|pushed back|push back|dismiss(?:es|ed|ing)?|unless|rid|vanish(?:es|ed|ing)?|contrary)\b",
    re.IGNORECASE,
)
# Words by which a version only passes a claim on: it affirms nothing ("Circulating report claims
# that McDonald's will stop serving" against "McDonald's will not stop serving").
_RELAYED = re.compile(
    r"\b(?:claims?|claimed|claiming|rumou?r\w*|circulat\w*|purported(?:ly)?|supposed(?:ly)?|alleged(?:ly)?)\b",
    re.IGNORECASE,
)

Pairs = Sequence[tuple[int, int]]
_RULES = DifferenceSettings()  # the defaults, for a caller without settings
# Words of a forecast or an estimate: a number it gives is someone's expectation, not a count.
_FORECAST = re.compile(
    r"\b(?:predict\w*|forecast\w*|estimat\w*|expect(?:s|ed|ing|ations?)?|project(?:s|ed|ions?)|believes|could|likely)\b",
    re.IGNORECASE,
)
# A quotation that opens by telling what someone else said: its speaker relays another's words.
# The mark must open the quotation: a straight one at the start or after a space ('…," she said' closes one).
_RELAYED_SPEECH = re.compile(r"(?:[“‘]|(?:^|(?<=[\s(\[]))[\"'])\s*(?:he|she|they)\s+(?:said|says|told|tells)\b", re.IGNORECASE)


def number_differences(
    members: Sequence[Sentence],
    pairs: Pairs,
    quantities: Mapping[str, Sequence[Quantity]],
    article_values: Mapping[str, frozenset[tuple[str, float]]],
) -> list[Difference]:
    """Quantities that count the same thing and cannot both hold (:mod:`compare.analyze.quantities`),
    one difference per thing counted, named by the reader's word ("soldiers"); not of two versions that
    both forecast (``_FORECAST`` before each number): two forecasts differ without either being wrong.
    Two records of one team a game apart ("10-5" / "9-5") are shown with no conflict: both hold before
    and after a game, and the reader checks which game each counts."""
    found: dict[tuple[str, bool], tuple[str, dict[str, str]]] = {}
    for a, b in pairs:
        ma, mb = members[a], members[b]
        differing = quantity_differences(quantities[ma.id], quantities[mb.id], article_values[ma.article], article_values[mb.article])
        for x, y, anchor, apart in differing:
            if _FORECAST.search(ma.text, 0, x.start) and _FORECAST.search(mb.text, 0, y.start):
                continue  # two forecasts ("one analyst believes ... 10 million" / "UBS ... predict sales of 24 million")
            word = "age" if x.kind == "age" else describe_counted(x, ma.text, anchor)
            _, values = found.setdefault((anchor, apart), (word + ("; a game apart" if apart else ""), {}))
            values.setdefault(ma.id, x.text)
            values.setdefault(mb.id, y.text)
    return [
        Difference(
            "number",
            " against ".join(f"'{v}'" for v in dict.fromkeys(values.values())) + f" (what is counted: {word})",
            tuple(values.items()),
            conflict=not apart,
        )
        for (_, apart), (word, values) in found.items()
    ]


def attribution_differences(
    members: Sequence[Sentence], pairs: Pairs, article_texts: Mapping[str, str] | None = None, spelling: float = SPELLING
) -> list[Difference]:
    """Two versions of one fact that name sources which cannot be the same
    (:mod:`compare.analyze.attribution`): "police said" against "witnesses said".  Only
    sources named in the sentence itself count: a quotation's speaker carried over from an
    earlier sentence ("he said") is too uncertain to compare, and so is the source of a sentence whose
    quotation tells what someone else said (``_RELAYED_SPEECH``: "'He said there is going to be
    retribution,' Hunter said": the king's words, told by Hunter).  Two names that either article
    (``article_texts``, :func:`~compare.analyze.quote_wording.plain_text`) writes as one
    ("Jess" / "Miss Smith" where it says "Jess Smith") are one person."""
    sources = [find_sources(m.text) if not _RELAYED_SPEECH.search(m.text) else [] for m in members]
    values: dict[str, str] = {}
    for a, b in pairs:
        found = attribution_conflict(sources[a], sources[b], members[a].text, members[b].text, spelling)
        texts = [article_texts.get(members[k].article, "") for k in (a, b)] if article_texts else []
        if found and any(_one_name(found[0], found[1], text) for text in texts):
            continue
        if found:
            values.setdefault(members[a].id, found[0].text)
            values.setdefault(members[b].id, found[1].text)
    if not values:
        return []
    detail = "attributed to " + " against ".join(dict.fromkeys(values.values()))
    return [Difference("attribution", detail, tuple(values.items()))]


def _one_name(x: Source, y: Source, text: str) -> bool:
    """Two named sources of which ``text`` (plain, lower case) writes a word of each side by side:
    "jess smith" makes "Jess" and "Miss Smith" one person."""
    if not (x.named and y.named):
        return False
    first, second = (sorted(re.escape(w) for w in words - GENERIC) for words in (x.words, y.words))
    if not first or not second:
        return False
    one, two = "|".join(first), "|".join(second)
    return re.search(rf"\b(?:{one}) (?:{two})\b|\b(?:{two}) (?:{one})\b", text) is not None


def opposite_differences(
    members: Sequence[Sentence],
    close: Pairs,
    linked: Pairs,
    quotes: Mapping[str, tuple[Quote, ...]],
    context_words: int,
) -> list[Difference]:
    """Versions asserting opposite things (:mod:`compare.analyze.opposites`): words of
    opposite meaning about the same thing in closely similar versions (``close``: the
    same sentence told two ways, not two sentences of one account, "we win" / "we could
    lose"), or one speaker's opposite verdicts in linked versions (``linked``: the
    verdicts may share no word)."""
    values: dict[str, str] = {}
    details: list[str] = []
    for a, b in close:
        ma, mb = members[a], members[b]
        found = opposite_terms(ma.text, mb.text, context_words)
        if found:
            values.setdefault(ma.id, found.word_a)
            values.setdefault(mb.id, found.word_b)
            details.append(f"'{found.word_a}' against '{found.word_b}'")
    for a, b in linked:
        ma, mb = members[a], members[b]
        if ma.id in values and mb.id in values:
            continue
        for x in quotes.get(ma.id, ()):
            for y in quotes.get(mb.id, ()):
                if x.speaker and x.speaker == y.speaker and opposite_verdicts(x.text, y.text):
                    values.setdefault(ma.id, x.text)
                    values.setdefault(mb.id, y.text)
                    details.append(f"{x.speaker} quoted with opposite verdicts")
    if not values:
        return []
    detail = "opposite statements: " + "; ".join(dict.fromkeys(details))
    return [Difference("opposite", detail, tuple(values.items()))]


_NOT_UNTIL = re.compile(r"(?:\bnot|n['’]t|\bnever)\b[^,;.]*?\buntil\b", re.IGNORECASE)
"""A negation that states when a thing happened ("did not take the lead until the fourth quarter")."""


def negation_differences(
    members: Sequence[Sentence], close: Sequence[tuple[int, int]], rules: DifferenceSettings = _RULES
) -> list[Difference]:
    """One version denies what the other states: a word that one negates ("does not see")
    stands in the other ("sees"), which negates nothing and asks nothing.  Not a
    contradiction: a negation of something the other version does not mention ("I can't
    help but think"), two versions that both negate ("no evidence of racism" against "no
    racism"), a question, a version that also affirms the word it negates ("not the
    objective, man is the objective"), a denied identity ("it's not the fried chicken chain") against a
    version that only names the thing (``_is_said_to_be``), a quoted negation whose article states the word
    plainly in another member ("is 'not putting people back to work'" and "God wants to see us help
    ourselves by putting people back to work" in one speech: both outlets report both), a version that
    opposes what the other denies (:func:`opposes`: "defended his criticism of a requirement" against
    "shouldn't be required"), or one that denies in other words (``_DENYING``: "was
    not backing down" / "pushed back, defending his claim"; "does not come with furnishing" /
    "comes unfurnished")."""
    values: dict[str, str] = {}
    affirmed: dict[str, set[str]] = {}  # per article, the words its members of the group state with no negation
    for m in members:
        if not negations(m.text):
            stated = (normalise_word(w) for w in WORDS.findall(m.text))
            affirmed.setdefault(m.article, set()).update(w for w in stated if w is not None)

    def quoted(mine: Sentence, term: str) -> bool:
        """``mine`` negates ``term`` in a quotation: a speaker's words, the other sentence of whose
        remark its article may give too."""
        return term not in {normalise_word(w) for w in WORDS.findall(blank_quotations(mine.text))}

    def denied(mine: Sentence, other: Sentence) -> list[str]:
        if negations(mine.text) != 1 or negations(other.text) or other.text.rstrip(" \"”’)").endswith("?"):
            return []  # two negations may cancel ("I wasn't suggesting he's not a Christian")
        firm = firmly_negated(mine.text, conditions=False)  # after the counts: most versions negate nothing
        negated = {term: words for term, (words, _, _) in firm.items()}
        if len(negated) != 1:
            return []
        if _DENYING.search(other.text) or _RELAYED.search(other.text):
            return []  # "does not come with furnishing" / "comes unfurnished": no plain affirmation
        if _NOT_UNTIL.search(mine.text):
            return []  # "didn't take their first lead until Ratliff intercepted" states when they took it
        own = Counter(tokens(mine.text)) + Counter(base_forms(WORDS.findall(mine.text)))  # "found that ... didn't find"
        plain = [w for w in WORDS.findall(other.text) if w[0].islower()]  # not "United States"
        theirs = {normalise_word(w) for w in plain} | base_forms(plain)  # "made" for "did not make"
        spans = {term: mine.text[start:end] for term, (_, start, end) in firm.items()}
        return [
            words for term, words in negated.items()
            if term in theirs and own[term] == 1 and not (quoted(mine, term) and term in affirmed.get(mine.article, ()))
            and not (_IDENTITY.match(spans[term]) and not _is_said_to_be(other.text, term, rules.identity_copula_words))
            and not opposes(other.text, {term})
        ]

    for a, b in close:
        denied_a, denied_b = denied(members[a], members[b]), denied(members[b], members[a])
        if denied_a or denied_b:
            values.setdefault(members[a].id, ", ".join(denied_a) or "affirmative")
            values.setdefault(members[b].id, ", ".join(denied_b) or "affirmative")
    if not values:
        return []
    return [Difference("negation", "one version negates what the other affirms", tuple(values.items()))]


# Words by which a version opposes a thing rather than affirms it ("his criticism of a requirement").
_OPPOSING = re.compile(r"\b(?:critici[sz]\w*|oppos(?:e|es|ed|ing|ition)|object(?:s|ed|ing|ions?)|condemn\w*)\b", re.IGNORECASE)
_GOVERNED_WORDS = 4  # how far after an opposing word the thing it opposes may come ("criticism of a requirement")


def opposes(text: str, terms: Collection[str]) -> bool:
    """``text`` opposes a thing one of ``terms`` (content tokens) names: an opposing word (``_OPPOSING``)
    with the thing within ``_GOVERNED_WORDS`` words after it ("his criticism of a requirement"), not
    one anywhere in the sentence ("entered the opposition-held town": the town is not opposed)."""
    return any(
        normalise_word(w) in terms for m in _OPPOSING.finditer(text) for w in WORDS.findall(text, m.end())[:_GOVERNED_WORDS]
    )
# A denied identity: "it's not the fried chicken chain", "confirmed as not being the missing students".
_IDENTITY = re.compile(r"(?:not|never|\w*n['’]t)\s+(?:(?:being|to be|be)\s+)?(?:the|a|an)\b", re.IGNORECASE)
_COPULA = frozenset("is are was were be been being it's it’s that's that’s he's he’s she's she’s".split())


def _is_said_to_be(text: str, term: str, reach: int) -> bool:
    """``text`` says something is what ``term`` names: a word of it at most ``reach`` words after "is", "was",
    "be" ("the bodies were those of the missing students": five); "found at the site of missing students" and
    "the episode "medicinal fried chicken"" name it without saying anything is it."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+|['’]s\b", text)]
    return any(
        normalise_word(w) == term and any(v in _COPULA for v in words[max(0, k - reach) : k])
        for k, w in enumerate(words)
    )
