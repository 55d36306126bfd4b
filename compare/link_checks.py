"""Checks a link between two sentences must pass beyond its score (:func:`compare.align.align`).

- Quotations (:class:`Quoted`): two sentences that are mostly quotation link weakly only on a run
  of words both quotations hold (``Settings.quote_share``, ``Settings.quote_run_words``), and a
  sentence that is mostly quotation only on a word of its quotation (``Settings.quote_wrapper_check``).
- Kinds (:class:`Kinds`): a sentence that names two kinds of a thing does not link, unless
  strongly, to one that names one kind alone (``Settings.contrast_head_words``).
- Days (:func:`days_named`): two sentences that name different weekdays and none in common (or
  different years) do not link, unless strongly (``GroupSettings.other_day_max_score``).
- Refusals (:func:`refuses`): a sentence that reports a refusal to say ("declined to say whether")
  and one that states a fact do not link, unless strongly (``GroupSettings.refusal_max_score``).
- Earlier cases (:func:`tells_earlier`): a remark that the event happened before and a sentence that
  names no other time or case do not share a group, unless close (``GroupSettings.earlier_max_score``).
- Denials (:func:`denies`): of two leads, one that denies and one that does not are not compared
  as leads (``GroupSettings.lead_denial_apart``); a sentence that denies a claim and one that states
  it do not link, unless strongly (:func:`denial_apart`, ``GroupSettings.denial_max_score``).
- Two facts (:func:`checks_apart`): two sentences that one of the checks above (quotations, kinds,
  refusals) refuses to link never share a group through others (``GroupSettings.checks_apart``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, TypeVar

from compare.analyze.shared import WORDS, base_forms, firmly_negated
from compare.parts import sentence_quotations
from compare.settings import Settings
from compare.similarity import ATTRIBUTION, analyse, normalise_word
from compare.terms import DENIED_REPORTS, REFUTING
from compare.text import MONTH_NUMBER, weekdays_named

if TYPE_CHECKING:
    from collections.abc import Callable

    from compare.models import Sentence

_ATTRIBUTED = frozenset(t for w in ATTRIBUTION for t in [normalise_word(w)] if t is not None)
_VERB_ENDINGS = ("ed", "ing")  # "placed running back", "expanding missile defense": a verb, not a kind
_SURFACE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\S")


@dataclass(frozen=True, slots=True)
class Quoted:
    """What a sentence quotes, by its content tokens."""

    share: float
    """The share of its content tokens inside quotation marks."""
    runs: frozenset[tuple[str, ...]]
    """The runs of ``Settings.quote_run_words`` consecutive content tokens of its quotations (all of
    a shorter quotation's) that hold a word beyond the story's names."""
    inside: frozenset[str]
    """Its content tokens beyond names and attribution inside its quotations."""
    outside: frozenset[str]
    """Its content tokens beyond names and attribution outside its quotations."""


@dataclass(frozen=True, slots=True)
class Kinds:
    """The kinds of a thing a sentence names."""

    words: frozenset[str]
    """Its content tokens, every word lower-cased ("Territorial missile defense" names that kind too)."""
    named: dict[tuple[str, ...], frozenset[str]]
    """For each term of ``Settings.contrast_head_words`` lower-case content words, the words written
    right before it ("theater missile defense": missile defense → {theater})."""


def quotations(text: str, tokens: tuple[str, ...], names: frozenset[str], run_words: int) -> Quoted:
    """:class:`Quoted` of one sentence, ``tokens`` its content tokens (:func:`~compare.similarity.analyse`).
    Its quotations are :func:`~compare.parts.sentence_quotations` (a first mark that closes ends a
    quotation opened in the sentence before).  A quotation of fewer than ``run_words`` content words is one run of all of them."""
    spans = sentence_quotations(text)
    skip = _name_tokens(names)
    said = skip | _ATTRIBUTED
    if not spans or not tokens:
        return Quoted(0.0, frozenset(), frozenset(), frozenset(t for t in tokens if t not in said))
    inside = [analyse(text[a:b])[0] for a, b in spans]
    n = run_words
    runs = frozenset(run for t in inside for k in range(max(1, len(t) - n + 1)) for run in [t[k : k + n]] if not set(run) <= skip)
    words_in = frozenset(t for found in inside for t in found if t not in said)
    share = sum(len(t) for t in inside) / len(tokens)
    return Quoted(share, runs, words_in, frozenset(t for t in tokens if t not in said) - words_in)


@lru_cache(maxsize=64)
def _name_tokens(names: frozenset[str]) -> frozenset[str]:
    """The story's names as content tokens: the same for every sentence of a story, made once."""
    return frozenset(t for w in names for t in [normalise_word(w)] if t is not None)


def quotes_agree(a: Quoted, b: Quoted, value: float, settings: Settings) -> bool:
    """Whether two sentences (linked at ``value``) that are mostly quotation (``Settings.quote_share``
    of their content words each) share a run of words of those quotations, when ``value`` is under
    ``Settings.weak_link_score``: two outlets quoting one remark repeat some of its words in order;
    the same speaker's different remarks on one subject do not.  And (``Settings.quote_wrapper_check``)
    that a sentence that is mostly quotation shares with the other some word of its quotation."""
    if value >= settings.weak_link_score:
        return True
    if a.share >= settings.quote_share and b.share >= settings.quote_share and not a.runs & b.runs:
        return False
    return not settings.quote_wrapper_check or not (_wrapper_only(a, b, settings) or _wrapper_only(b, a, settings))


def _wrapper_only(a: Quoted, b: Quoted, settings: Settings) -> bool:
    """Whether ``a`` is mostly quotation and shares no word of its quotation with ``b`` beyond names
    and attribution: only who spoke, to whom and where ("She told her Russian counterpart, Foreign
    Minister Sergei Lavrov, ...") joins them, or nothing but the names, not what was said."""
    return a.share >= settings.quote_share and not a.inside & (b.inside | b.outside)


def kinds_named(text: str, head_words: int) -> Kinds:
    """:class:`Kinds` of one sentence.  A capitalised word (a name) or any mark between two words
    breaks a term, a hyphen does not ("so-called", "NATO-led"); a word ending in -ed or -ing
    before a term is taken for its verb ("placed running back"), not a kind of it."""
    surface = _SURFACE.findall(text.replace("-", " "))
    tokens = [normalise_word(w) if w.isalpha() and w.islower() else None for w in surface]
    words = frozenset(t for w in surface if w.isalpha() for t in [normalise_word(w.lower())] if t)
    named: dict[tuple[str, ...], set[str]] = {}
    for k in range(1, len(tokens) - head_words + 1):
        head, before = tokens[k : k + head_words], tokens[k - 1]
        if before is not None and all(head) and not surface[k - 1].endswith(_VERB_ENDINGS):
            named.setdefault(tuple(t for t in head if t), set()).add(before)
    return Kinds(words, {h: frozenset(m) for h, m in named.items()})


def contrasted(a: Kinds, b: Kinds) -> bool:
    """Whether one sentence names two kinds of a thing (two words before one term: "expanding
    theater missile defense to territorial missile defense") and the other names that thing by
    one of those kinds only, without the other word anywhere: the first reports a contrast or a
    change between the kinds, the second a fact about one kind (``Settings.contrast_head_words``).
    The aligner checks it only on links under ``Settings.contrast_max_score``."""
    for one, other in ((a, b), (b, a)):
        for head, kinds in one.named.items():
            if len(kinds) >= 2 and kinds & other.named.get(head, frozenset()) and not kinds <= other.words:
                return True
    return False


_YEAR = re.compile(r"(?<![\w$€£.,])(?:19|20)\d\d(?![\w%]|[.,]\d)")
_NAMED_YEAR = re.compile(r"([A-Z][\w’'.]*)[ -]$")  # "CPAC 2010", "MWC 2015": a name (but "Jan. 2015", "March 2013")


def days_named(text: str) -> frozenset[str]:
    """The weekdays a sentence names in full ("on Sunday", "Thursday night's meeting") and the years
    it names ("in 2013", "Jan. 4, 2015"), but for one inside a name: a weekday right after a
    capitalised word within the sentence ("voted on Super Tuesday"; "On Sunday" opens a sentence), after
    a day's name that opens it ("Super Tuesday gave") or right before a capitalised word ("the Sunday
    Times"; :func:`compare.text.weekdays_named`), a year right after a capitalised word that is not a
    month ("CPAC 2010").  A weekday after a place is a day ("heading to Detroit Monday afternoon")."""
    days = (m.group() for m in weekdays_named(text))
    years = (
        m.group()
        for m in _YEAR.finditer(text)
        for name in [_NAMED_YEAR.search(text[max(0, m.start() - 30) : m.start()])]
        if name is None or name.group(1).rstrip(".").lower() in MONTH_NUMBER
    )
    return frozenset((*days, *years))


def other_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences each name a weekday (:func:`days_named`) and none in common, or each a
    year and none in common: the President and the Speaker met on Sunday, and again on Thursday;
    Santorum spoke of a "phony theology" on Saturday and explained it on Sunday; an analyst's
    forecast for 2016 and his forecast for 2018.  Two events of one kind, or two facts of one
    story, that the same people and words would join (``GroupSettings.other_day_max_score``)."""
    for kind in (str.isalpha, str.isdigit):
        x, y = {d for d in a if kind(d)}, {d for d in b if kind(d)}
        if x and y and not x & y:
            return True
    return False


_REFUSAL = re.compile(
    r"\b(?:(?P<refusing>declined|declines|decline|refused|refuses|refuse|won[’']t|(?:would|will)(?:\s+not|n[’']t))"
    r"|can[’']t|cannot|(?:could|did|does|do|can)(?:\s+not|n[’']t))"
    r"\s+(?:to\s+)?(?:(?:immediately|publicly|directly|yet|specifically|further)\s+)?"
    r"(?:say(?=(?:\s+[\w’']+){0,3}?\s+(?:whether|if|what|why|how|when|where|who|which|anything|much|more)\b|\s*[.,]\s*$)"
    r"|comment|elaborate|be\s+(?:immediately\s+)?reached\s+for\s+comment|(?(refusing)(?:confirm|answer|discuss|disclose|reveal|specify|identify)|(?!))"
    r"|(?:confirm|answer|discuss|disclose|reveal|specify|identify)(?=\s+(?:[\w’']+\s+)?(?:whether|if|what|why|how|who|the\s+(?:matter|case|details|report|reports|claims?|questions?)|details|questions?|specifics|reports?)\b)"
    r"|respond(?=\s+to\s+(?:[\w’']+\s+)?(?:requests?|inquir\w*|questions?|messages?|calls?|e-?mails?)\b)"
    r"|return(?=\s+(?:a|the|his|her|their|its|repeated|several|multiple)?\s*(?:phone\s+)?(?:calls?|messages?|e-?mails?|requests?|inquir)))\b"
    r"|\b(?:has|have|had)(?:\s+not|n[’']t)\s+(?:(?:yet|publicly|immediately)\s+)?(?:said|commented|revealed|specified)\b"
    r"|\b(?:has|have|had)\s+yet\s+to\s+(?:say|comment|confirm|respond|answer|disclose|reveal)\b|\bfail(?:ed|s)?\s+to\s+comment\b"
    r"|\b(?:no|declined)\s+(?:immediate\s+|further\s+)?comment\b|\bunavailable\s+for\s+comment\b"
    r"|\bneither\b[^.;]{0,120}?\bnor\b[^.;]{0,120}?\bcomment"
    r"|\b(?:unclear|(?:not|isn[’']t|wasn[’']t)\s+(?:(?:yet|immediately|entirely)\s+)?clear)\s+(?:whether|if|what|why|how|who|when|where)\b",
    re.IGNORECASE,
)
"""A refusal to say, and what it is not: a fact someone did not do ("did not respond to treatment", "did not
discuss Ukraine at the summit", "had not discussed the investigation with the president", "failed to disclose
millions", "An agreement could not be reached", "cannot confirm the nominee", "the unclear rules"): the
verbs that are also deeds count only with what a refusal is about (questions, requests, whether ...),
but for "confirm", "answer" and "discuss" after a word that refuses ("declined to discuss a possible
motive", "would not confirm it")."""
_RELATIVE = re.compile(r",\s+(?:which|who|where|and)\b|;", re.IGNORECASE)  # after the refusal: a fact of its own
_CONTRAST = re.compile(r"\b(?:but|though|although|while|whereas|however)\b", re.IGNORECASE)
REFUSAL_WORDS = 20
"""A refusal counts when it begins within a sentence's first this many words: its main statement
("Mr. Steele did not respond to the call for his resignation"), not a clause far into a sentence
that states something else."""


def refuses(text: str) -> bool:
    """Whether a sentence reports that someone would not say, confirm or comment ("declined to say
    whether the picture was an image of him", "has declined to say whether Mr. Weiner's account was
    hacked", "did not respond to inquiries", "had no comment", a speaker's own "I can't say"), or
    that it is not known ("It is unclear what she is being treated for"): it reports a refusal, not
    the fact it names.  Not when the refusal begins after the first
    ``REFUSAL_WORDS`` words, a clause after it states a fact of its own ("did not respond to
    inquiries about the conference call, which Mr. Steele announced personally in a weekend e-mail
    message"; "would not confirm the report, which identified the suspect as ..."; "wouldn't reveal
    the source's identity until he or she died, and finally confirmed Felt's role"), or the sentence
    sets it against another statement ("While Apple hasn't
    revealed any details about the pricing, reports claim ..."; "Police confirm there was an accidental
    shooting, but would not confirm the former player was hurt"): then it states that other fact
    too.  A refusal in passing written with the gerund ("While declining to discuss what happened")
    does not count (``GroupSettings.refusal_max_score``)."""
    found = _REFUSAL.search(text)
    if found is None or len(text[: found.start()].split()) >= REFUSAL_WORDS or _RELATIVE.search(text, found.end()):
        return False
    first = re.match(r"\W*(?:but|yet|however|and)\b", text, re.IGNORECASE)  # "But the congressman declined to say": set against the sentence before
    return _CONTRAST.search(text, first.end() if first else 0) is None


def refusal_apart(a: bool, b: bool) -> bool:
    """Whether one of two sentences reports a refusal to say (:func:`refuses`) and the other does
    not: the other states a fact (Weiner: "my account was hacked") that the first only names
    (Twitter "has declined to say whether" it was), or another fact of the episode ("I didn't send
    that picture" / "declined to say whether the picture was an image of him")."""
    return a != b


# What a denial denies: a report, a claim, or a clause ("denied that", "denied it agreed"); not a
# charge pleaded against ("denied arson", "denies murder": a development of its own, told as such).
# The reports denied and the refuting words are shared with the typed differences (:mod:`compare.terms`),
# which read a denial more narrowly (:mod:`compare.analyze.denials`: its scope, a doubt before it, "a hoax"
# as a predicate): here any sentence that denies a report or claim anywhere counts, a bare "hoax" or
# "baseless" too.  The words that call a report false are fewer here than there (``_CALLED_FALSE``, not
# ``terms.FALSE_WORDS``): with "bogus" and "made up" too, the second of two sentences of one article, that
# "bogus rumors" of darkness recur every year, joined the group of two outlets' "fake news story" of
# NASA's six days of darkness (FNC-1 s0085, a right group partly right; session 18).
_CALLED_FALSE = r"(?:false|fake|untrue|rubbish|nonsense)"
_DENIED = rf"(?:that|it|any|(?:the|these|those|such|all)\s+)?(?:{DENIED_REPORTS}|suggestions?)\b"
_DENIAL = re.compile(
    r"\b(?:(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\s+(?:\w+ly\s+)?(?:that\b|it\b|" + _DENIED + r")"
    rf"|falsely|{_CALLED_FALSE}(?=\s*(?:[.,;:!?\"”’')]|$)|\s+(?:and|or|but|news|{DENIED_REPORTS}|information|accounts?)\b)"
    rf"|hoax(?:es)?|unfounded|baseless|{REFUTING})\b",
    re.IGNORECASE,
)


def denies(text: str) -> bool:
    """Whether a sentence denies or debunks a report or claim ("denied rumours that ...", "rejected
    allegations that ...", "denied it agreed", "are not true", "a hoax", "is false", "fake news"; not
    a charge pleaded against, "denied arson", nor a thing called false or fake, "false statements
    to the FBI", "a fake bomb"): of two leads, one that denies and one that does not report two
    developments of the story, the claim and its denial (``GroupSettings.lead_denial_apart``)."""
    return _DENIAL.search(text) is not None


# A claim and its denial (``GroupSettings.denial_max_score``): besides :func:`denies`, a sentence disputes
# what reports said "to the contrary", what it "contradicts", what it calls a "rumour" (not "as rumors
# swirled", which tells that there were rumours), or what is "not (completely) accurate"; and one that
# negates a word of the other's relayed claim ("says he did not make $72 million" against "claims he's
# made $72 million") denies that claim.  "Said they did not" alone is no denial: "Police said they have
# not released the victim's name", "Detectives said they did not know what led to the shooting" state
# facts that another outlet tells without a negation ("The victim's name is being withheld"); against a
# claim stated plainly, it is a divergence the report shows.  The other states it plainly: no negation
# and no word that doubts or denies in its own way ("has yet to", "far from", "at odds", "rubbished").
_DISPUTING = re.compile(
    r"\bto\s+the\s+contrary\b|\bcontrary\s+to\b|\bcontradict(?:s|ed|ing)?\b|\bas\s+(?:a\s+|mere\s+)?[\"“'‘]?rumou?rs?\b"
    r"(?!\s+(?:swirl|circulat|spread|gr[eo]w|mount|fl[eyo]w|persist|surfac|resurfac|emerg|abound|intensif|beg[ai]n|start|continu)\w*)"
    r"|(?:\bnot|n[’']t)\s+(?:be\s+)?(?:an?\s+)?(?:\w+ly\s+)?(?:accurate|correct|authentic|genuine)\b",
    re.IGNORECASE,
)
_NOT_PLAIN = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|yet\s+to|far\s+from|at\s+odds|unlikely|doubt\w*"
    r"|s[ck]eptic\w*|questioned|disput\w*|contrar\w*|contradict\w*|fiction\w*|myths?|refus\w*|declin\w*|fail\w*"
    r"|den(?:y|ies|ied|ying)|reject\w*|hoax\w*|fake\w*|false\w*|untrue|rubbish\w*|nonsense|debunk\w*|refut\w*"
    r"|rebut\w*|dismiss\w*|dispel\w*)\b|n[’']t\b",
    re.IGNORECASE,
)
_FIRM = re.compile(
    rf"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?)\b|{REFUTING}"
    r"|\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?(?:false|untrue|fake|a\s+hoax|rubbish|nonsense)\b",
    re.IGNORECASE,
)
_RELAYED = re.compile(r"\b(?:claim(?:s|ed|ing)?|reports?|reported(?:ly)?|rumou?rs?|alleg\w*|purport\w*|supposedly)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stated:
    """How a sentence stands to a claim (:func:`stated`), for :func:`denial_apart`."""

    disputes: bool
    """It denies or disputes a report or claim (:func:`denies`, or ``_DISPUTING``)."""
    firm: bool
    """It does so firmly: "denied", "is not true", "was a hoax", "to the contrary" (``_FIRM``,
    ``_DISPUTING``), not only in calling a report fake in passing ("published a fake report about
    Tupac Shakur, claiming that he is alive")."""
    plain: bool
    """It negates nothing, disputes nothing and has no word that doubts or denies."""
    relays: bool
    """It passes a claim or report on ("claims", "reportedly", "allegedly", "purported")."""
    negated: frozenset[str]
    """The content tokens it negates ("did not make" → make)."""
    words: frozenset[str]
    """Its content tokens, with the base form of an irregular past ("made" → make)."""


def stated(text: str) -> Stated:
    """:class:`Stated` of one sentence."""
    words = WORDS.findall(text)
    disputing = _DISPUTING.search(text) is not None
    disputes = disputing or denies(text)
    return Stated(
        disputes,
        disputing or (disputes and _FIRM.search(text) is not None),
        not disputes and _NOT_PLAIN.search(text) is None,
        _RELAYED.search(text) is not None,
        frozenset(firmly_negated(text, conditions=False)),
        frozenset({t for w in words for t in [normalise_word(w)] if t is not None} | base_forms(words)),
    )


def denial_apart(a: Stated, b: Stated) -> bool:
    """Whether one of two sentences denies or disputes a claim that the other states plainly (no
    negation, no word of doubt or denial), or negates a word of a claim the other relays: a claim
    and its denial are two facts of a story, however many words they share.  "No suspected cases
    of Ebola have been found in Iraq, despite reports to the contrary" against "militants in Mosul
    may have contracted Ebola, according to Iraqi media reports"; "rumors that its K5 security
    robots are roaming Microsoft's Silicon Valley campus are not true" against "Microsoft's campus
    ... will be patrolled by a team of five security guard robots"; "says he did not make $72
    million" against "claims he's made $72 million" (``GroupSettings.denial_max_score``).  Against a
    claim relayed, a denial must be firm (:attr:`Stated.firm`): "published a fake report about Tupac
    Shakur, claiming that he is alive" and "reports in the past where Tupac Shakur claimed he was
    alive" both tell of the report."""
    return any(
        other.plain and ((one.disputes and (one.firm or not other.relays)) or (other.relays and bool(one.negated & other.words)))
        for one, other in ((a, b), (b, a))
    )


_EARLIER = re.compile(
    r"(?:\bnot|n[’']t)\s+(?:be\s+)?the\s+first\s+(?:time|case|instance)\b|\bhas\s+happened\s+before\b"
    r"|\b(?:is|was|are|were|be|['’]s|marks|marked)\s+(?:only\s+|just\s+)?the\s+(?:second|third|fourth)\s+(?:recent\s+)?(?:example|case|instance|incident)\s+(?:of|in)\b",
    re.IGNORECASE,
)


_PAST = re.compile(
    r"\b(?:also|another|again|previous(?:ly)?|earlier|before|once|former(?:ly)?|ago|past|similar|last\s+(?:year|month|week)"
    r"|(?:second|third|fourth)\s+time|in\s+recent\s+(?:years|months)|occasions)\b"
    r"|(?<![\w$€£.,])(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def tells_of_the_past(text: str) -> bool:
    """Whether a sentence names another time or case ("also", "another", "previously", "the second
    time", "in Dec. 2013"): it may tell the earlier case a remark of :func:`tells_earlier` is about."""
    return _PAST.search(text) is not None


def tells_earlier(text: str) -> bool:
    """Whether a sentence says that the story's event happened before ("This is not the first time a
    nun has mysteriously given birth after suffering from stomach pains", "This was the second recent
    example of a Macedonian man cutting off his penis", "the same thing has happened before"): a
    remark on an earlier case, in the words of the event the leads report, not that event
    (``GroupSettings.earlier_max_score``).  Not a count of the event itself told beside it: "A nurse
    tested positive for Ebola on Wednesday, the second case of the disease contracted in the United
    States" is the event."""
    return _EARLIER.search(text) is not None


T = TypeVar("T")


def _per_sentence(check: Callable[[str], T], sentences: Sequence[Sentence]) -> Callable[[int], T]:
    """``check`` of sentence ``i``'s text, found once per sentence, for the pairs of many links."""
    return cache(lambda i: check(sentences[i].text))


def refusals_apart(
    links: dict[tuple[int, int], float],
    sentences: Sequence[Sentence],
    exempt: Collection[tuple[int, int]],
    settings: Settings,
    semantic: bool,
) -> dict[tuple[int, int], float]:
    """The links but those under ``GroupSettings.refusal_max_score`` between a sentence that reports
    a refusal to say and one that does not (:func:`refusal_apart`), with
    embeddings (``semantic``) only; a link made by a part, of the same words or of a question asked
    again (``exempt``) stays, as it passes the other checks of :func:`compare.align._links`."""
    most = settings.grouping.refusal_max_score
    if not most or not semantic:
        return links
    refusal = _per_sentence(refuses, sentences)
    return {
        (i, j): value
        for (i, j), value in links.items()
        if value >= most or value == 1.0 or (i, j) in exempt or not refusal_apart(refusal(i), refusal(j))
    }


_CLAUSE_BREAK = re.compile(r"\s*[;:()]\s*|,\s*(?!but\b)|,?\s+(?=but\b)|\s+[—–-]{1,2}\s+|\s*—\s*|\s+(?=(?:which|who|whose|whom)\b)")
_SUBORDINATE = re.compile(
    r"(?:though|although|while|when|whenever|after|before|as|if|because|since|like|unlike|despite|following|once|until|amid|with|without)\b",
    re.IGNORECASE,
)
_MAIN_NEGATION = re.compile(
    r"\b(?:not(?!\s+(?:only|just|least|merely|simply|immediately)\b)|(?<!with\s)no(?![.\w]|\s+(?:longer|idea|doubt|wonder|stranger|secret)\b)|none|never|neither|nor|nobody|nothing"
    r"|(?:declin|refus)(?:e|es|ed|ing)\s+to)\b|n[’']t\b",
    re.IGNORECASE,
)


def main_clause(text: str) -> str:
    """The first clause of a sentence that is no subordinate clause: the text up to its first
    comma, semicolon, colon, bracket, dash, "but" or relative "which" / "who", or the next such
    piece when the sentence opens with "Though", "When", "After", "Like" and the like; and of
    "not this, but that", the "but" clause."""
    text = " ".join(text.split())  # one space between words: a long run of spaces made the breaks' pattern quadratic
    pieces = [p.strip("\"“‘' ") for p in _CLAUSE_BREAK.split(text) if p.strip("\"“‘' ")]
    for n, piece in enumerate(pieces[:2]):
        if not _SUBORDINATE.match(piece):
            after = pieces[n + 1] if n + 1 < len(pieces) else ""
            return after if after.lower().startswith("but ") and _MAIN_NEGATION.search(piece) else piece
    return pieces[0] if pieces else text


def main_negated(text: str) -> bool:
    """Whether a sentence's main clause (:func:`main_clause`) says "not", "no", "never", "none",
    "declined to" or "refused to" ("not only", "not immediately", "with no", "no longer", "no idea", "No. 1" are none, nor a clause that
    opens with "Not" or "It's not": "It's not every night that a pizza delivery driver receives a $2,000 tip"), nor a toll of
    none ("No one was hurt when a car bomb exploded near the embassy": the blast is the news, as in a lead that
    says it plainly)."""
    clause = main_clause(text)
    return _RHETORICAL.match(clause) is None and _UNHURT.search(clause) is None and _MAIN_NEGATION.search(clause) is not None


_UNHURT = re.compile(  # "No one was hurt when a car bomb exploded ...": the event itself, told by its toll
    r"\b(?:no\s+one|nobody|none|no\s+(?:injuries|casualties|deaths|fatalities|damage))\b[^,;]{0,40}?"
    r"\b(?:hurt|injur\w*|kill\w*|wound\w*|harm\w*|died|dead|reported|casualt\w*|damag\w*)",
    re.IGNORECASE,
)
_RHETORICAL = re.compile(r"(?:it(?:[’']s|\s+is|\s+was)\s+)?not\b", re.IGNORECASE)  # "Not a day ago", "It's not every night that"


def openings(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Each article's headline and first body sentence: what it reports as its news."""
    first: dict[str, int] = {}
    for i, s in enumerate(sentences):
        if s.role != "title" and (s.article not in first or s.index < sentences[first[s.article]].index):
            first[s.article] = i
    return frozenset({*first.values(), *(i for i, s in enumerate(sentences) if s.role == "title")})


def lead_negation_apart(a: Stated, b: Stated, a_negated: bool, b_negated: bool) -> bool:
    """Whether of two leads one negates in its main clause (``a_negated``, :func:`main_negated`)
    and the other negates, doubts and denies nothing (:attr:`Stated.plain`): two developments of
    the story, not its one main event ("None of the 28 bodies found in a mass grave belongs to a
    group of 43 missing students" against "Police have found mass graves near the place where 43
    students went missing"; ``GroupSettings.lead_negation_apart``)."""
    return (a_negated and b.plain) or (b_negated and a.plain)


def denials_apart(
    links: dict[tuple[int, int], float],
    sentences: Sequence[Sentence],
    exempt: Collection[tuple[int, int]],
    settings: Settings,
    semantic: bool,
    on_story: Mapping[tuple[int, int], float],
) -> tuple[dict[tuple[int, int], float], frozenset[tuple[int, int]]]:
    """The links but those under ``GroupSettings.denial_max_score`` between a sentence that denies a
    claim and one that states it (:func:`denial_apart`), with embeddings
    (``semantic``) only; a link made by a part, of the same words or of a question asked again
    (``exempt``) stays, as in :func:`refusals_apart`.  Two leads are scored so as any two
    sentences are (``on_story``, :func:`compare.align._story_ranks`), not on their main event, which a claim and
    its denial share (``GroupSettings.lead_denial_apart``).  Two leads (``on_story``) of which one
    negates in its main clause and the other states plainly are two developments too
    (:func:`lead_negation_apart`, ``GroupSettings.lead_negation_apart``).  Also the pairs taken out, which the
    grouping keeps out of one group (:attr:`~compare.grouping.Chain.apart`)."""
    most = settings.grouping.denial_max_score
    if not most or not semantic:
        return links, frozenset()
    claim = _per_sentence(stated, sentences)
    negated, leads = _per_sentence(main_negated, sentences), settings.grouping.lead_negation_apart
    first = openings(sentences)
    apart = frozenset(
        (i, j)
        for (i, j), value in links.items()
        if on_story.get((i, j), value) < most and value < 1.0 and (i, j) not in exempt
        and (denial_apart(claim(i), claim(j)) or ((i, j) in on_story and leads and lead_negation_apart(claim(i), claim(j), i in first and negated(i), j in first and negated(j))))
    )
    return {pair: value for pair, value in links.items() if pair not in apart}, apart


def earlier_apart(
    sentences: Sequence[Sentence], semantic: bool, similarity: Callable[[int, int], float], settings: Settings
) -> frozenset[tuple[int, int]]:
    """The pairs of a sentence that tells an earlier case of the event (:func:`tells_earlier`)
    and one that names no other time or case (:func:`tells_of_the_past`) scoring
    under ``GroupSettings.earlier_max_score``, with embeddings only: the grouping keeps them apart
    (:attr:`~compare.grouping.Chain.apart`)."""
    most = settings.grouping.earlier_max_score
    if not most or not semantic:
        return frozenset()
    earlier = {i for i, s in enumerate(sentences) if tells_earlier(s.text)}
    if not earlier:
        return frozenset()
    now = [j for j, s in enumerate(sentences) if j not in earlier and not tells_of_the_past(s.text)]
    return frozenset((min(i, j), max(i, j)) for i in earlier for j in now if similarity(i, j) < most)


def worded_apart(
    quotes: Sequence[Quoted] | None, kinds: Sequence[Kinds] | None, i: int, j: int, value: float, settings: Settings
) -> bool:
    """Whether sentences ``i`` and ``j``, scoring ``value``, are two facts by their wording: two
    remarks whose quotations share no run of words (:func:`quotes_agree`), or two kinds of a thing
    and one (:func:`contrasted`, under ``Settings.contrast_max_score``).  The aligner's links refuse
    such a pair (:func:`compare.align._links`) and :func:`checks_apart` keeps it out of one group."""
    return (quotes is not None and not quotes_agree(quotes[i], quotes[j], value, settings)) or (
        kinds is not None and value < settings.contrast_max_score and contrasted(kinds[i], kinds[j])
    )


def checks_apart(
    candidates: Collection[tuple[int, int]],
    links: Mapping[tuple[int, int], float],
    similarity: Callable[[int, int], float],
    threshold: float,
    settings: Settings,
    sentences: Sequence[Sentence],
    wordings: tuple[Sequence[Quoted], Sequence[Kinds] | None] | None,
    exempt: Collection[tuple[int, int]],
) -> frozenset[tuple[int, int]]:
    """The candidate pairs that score at the link ``threshold`` and do not link because a check of
    this module finds two facts in them (``GroupSettings.checks_apart``, with embeddings only: the
    quotations and kinds of :func:`compare.align._wordings`, ``wordings``, are None without): two
    remarks whose quotations share no run of words (:func:`quotes_agree`), two kinds of a thing and
    one (:func:`contrasted`), a refusal to say and a statement (:func:`refusal_apart`), each under
    its own most score.  Not other days (:func:`other_days`): a report of Thursday and one of
    Wednesday's event tell one event, and with them kept apart ECB+ recall fell from 0.393 to 0.369.  The grouping keeps them apart (:attr:`~compare.grouping.Chain.apart`),
    as a claim and its denial: each check refuses only the pair's own link, and a sentence close to
    both would join them in one group (HuffPost's "'We don't have a problem with the tea party's
    existence'" and the Times' "'... there is no place for the bigots in the Tea Party movement'",
    two people's remarks, through Fox's "'We take no issue with the Tea Party movement'").  A link
    made by a part or of the same words (``exempt``, a score of 1.0) is no refusal."""
    if wordings is None or not settings.grouping.checks_apart:
        return frozenset()
    quotes, kinds = wordings
    refusal, most = _per_sentence(refuses, sentences), settings.grouping.refusal_max_score
    out: set[tuple[int, int]] = set()
    for i, j in candidates:
        value = similarity(i, j)
        if value < threshold or value == 1.0 or (i, j) in links or (i, j) in exempt:
            continue
        if worded_apart(quotes, kinds, i, j, value, settings) or (value < most and refusal_apart(refusal(i), refusal(j))):
            out.add((i, j))
    return frozenset(out)
