"""Helpers the analysis modules share: negations, hedges and quotations in a sentence (the word-level
diffs are :mod:`compare.analyze.word_diff`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from compare.difference_settings import HEDGE_WORDS
from compare.similarity import normalise_word

# A word of letters (with its apostrophes and hyphens), as the typed differences read words.
WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# A word (with its apostrophes), a sign, or a run of white space: the pieces sentences are read in.
PIECE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]|\s+", re.UNICODE)
NEGATIONS = frozenset("not no never none nobody nothing nowhere neither nor without cannot".split())
HEDGES = HEDGE_WORDS  # the default of DifferenceSettings.hedge_words
# "seem" hedges ("seemed sympathetic"); "appear" before "to", "that" or an "-ly"/"-ed" word
# ("appeared to agree", "appeared closely divided"), not "appear in court".
_SEEM = r"(?:seem|seems|seemed|(?:appear|appears|appeared)(?=\s+(?:to\b|that\b|\w+(?:ly|ed)\b)))"


@cache
def _hedge_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|" + _SEEM + r")\b", re.IGNORECASE)


_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*’(?!\w)")


def blank_quotations(text: str, min_words: int = 0) -> str:
    """``text`` with every quotation (marks included) replaced by spaces, offsets kept; a
    quotation left open runs to the end (the news convention for a quote that continues),
    and a closing mark with no opening one closes a quotation begun in an earlier sentence.
    With ``min_words``, only quotations of at least that many words (a remark, not a quoted term)."""
    first_open, first_close = text.find("“"), text.find("”")
    if first_close != -1 and (first_open == -1 or first_close < first_open):
        text = " " * (first_close + 1) + text[first_close + 1 :]
    return _QUOTATION.sub(lambda m: " " * len(m.group()) if len(m.group().split()) >= min_words else m.group(), text)


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


# Negations that praise or are eager, denying nothing: "I can't thank Virgin Media enough", "we
# couldn't be happier", "can't wait to see", "cannot stress enough", "can't recommend it highly enough".
_PRAISING = frozenset("thank thanked praise stress emphasise emphasize overstate recommend say express".split())
_GLAD = frozenset("happier prouder better more thrilled".split())


def _praise(after: Sequence[str]) -> bool:
    """The words after a negation ``after`` (lower case) make it praise, no denial (``_PRAISING``, ``_GLAD``)."""
    if not after:
        return False
    if after[0] in _PRAISING:
        return "enough" in after[1:6]
    return after[0] == "wait" or (after[0] == "be" and after[1:2] != [] and after[1] in _GLAD and "than" not in after[2:4])


def negated_terms(text: str) -> dict[str, str]:
    """What each negation denies: the first word after it, past determiners, auxiliaries and
    adverbs, in the same clause ("does not believe that" → believe; "no challenge" → challenge),
    as a content token mapped to the words that say it ("not believe").  No term when that word
    is a name or says nothing ("did not tell Phelps"), and none for a negation that denies
    nothing: a contrast ("call themselves 'judges' not 'arbitrators'"), a supposition or a fear
    (``_NOT_A_DENIAL_BEFORE``), a comparison ("no craving can be more important than your
    health"), "not only", "no more than"; nor past "and" ("did nothing and allowed him")."""
    pieces = [p for p in PIECE.findall(text) if not p.isspace()]
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
        if _praise(after + [p.lower() for p in pieces[i + 3 : i + 7]]):
            continue  # "can't thank them enough", "couldn't be happier", "can't wait": praise or eagerness
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
    pieces = [p.lower().replace("’", "'") for p in PIECE.findall(text) if not p.isspace()]
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
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s--?\s")  # "well -- according to reports": a dash


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


# The past forms of common irregular verbs, and their base: "did not make" denies "made", "did not
# take part" denies "took part".  normalise_word strips regular endings ("earned" -> "earn") only.
_IRREGULAR_PAST = {
    past: base
    for base, forms in {
        "make": "made", "take": "took taken", "give": "gave given", "pay": "paid", "sell": "sold",
        "buy": "bought", "send": "sent", "spend": "spent", "build": "built", "bring": "brought",
        "find": "found", "hold": "held", "keep": "kept", "leave": "left", "meet": "met", "know": "knew known",
        "see": "saw seen", "come": "came", "become": "became", "go": "went gone", "write": "wrote written",
        "speak": "spoke spoken", "break": "broke broken", "choose": "chose chosen", "drive": "drove driven",
        "steal": "stole stolen", "throw": "threw thrown", "begin": "began begun", "fight": "fought",
        "catch": "caught", "teach": "taught", "think": "thought", "seek": "sought", "win": "won",
        "lose": "lost", "tell": "told", "hear": "heard", "stand": "stood", "understand": "understood",
        "strike": "struck", "shoot": "shot", "fly": "flew flown", "flee": "fled", "lead": "led",
        "hide": "hid hidden", "rise": "rose risen", "fall": "fell fallen", "grow": "grew grown",
        "swear": "swore sworn", "wear": "wore worn", "forget": "forgot forgotten", "get": "got gotten",
        "sink": "sank sunk", "sing": "sang sung", "ring": "rang rung", "draw": "drew drawn",
    }.items()
    for past in forms.split()
}


def base_forms(words: Collection[str]) -> set[str]:
    """The tokens (:func:`~compare.similarity.normalise_word`) of the base form of each irregular
    past form among ``words`` ("made" -> "make"), to match a negated verb ("did not make")."""
    out = set()
    for word in words:
        base = _IRREGULAR_PAST.get(word.lower())
        token = normalise_word(base) if base else None
        if token:
            out.add(token)
    return out
