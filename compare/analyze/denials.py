"""A denial across versions: one outlet reports that what another states is false or denied.

"Comcast has threatened to cut off their Internet service" in one outlet and "Reports that
Comcast will deny Internet service to users of Tor are false, the company says" in another are
one fact, and the second contradicts the first.  Neither :func:`~compare.analyze.typed.negation_differences`
(a "not" in front of a word the other version affirms) nor the opposite pairs of
:mod:`compare.analyze.opposites` ("denied" against "confirmed") find it: the denial is in words
of its own ("are false", "exposed as a fake", "denied the reports", "debunked").

A version denies when it says of a claim, a report or the thing itself that it is false, untrue,
fake, a hoax, made up, baseless or unfounded (a predicate, not "a false alarm" or "a fake
account"), that there is no truth in it, that it was debunked or refuted, or that someone denied
the reports, claims, allegations, rumours, the story, wrongdoing or "that ...".  Only a firm
denial counts: "may be a prank" doubts, which is the hedge's business.  A version states the
fact when it has no denial of its own; two versions that both deny agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.analyze.hedging import _DOUBTING
from compare.analyze.shared import WORDS, firmly_negated, hedges, negated_terms, negations
from compare.analyze.typed import _DENYING, opposes
from compare.difference_settings import DifferenceSettings
from compare.models import Difference, Sentence
from compare.similarity import normalise_word, tokens
from compare.terms import DENIED_REPORTS, FALSE_WORDS, REFUTING

# The words are shared with the aligner's :func:`compare.link_checks.denies` (:mod:`compare.terms`), which
# reads any sentence that denies a report anywhere; here a denial is read with its scope, not after a
# doubt ("may be a hoax"), and a word that calls a report false only as a predicate ("are false").
_FALSE = rf"(?:{FALSE_WORDS}|a hoax|a prank|a fabrication|fiction|a lie|lies)"
# A predicate ends its clause: "are false, the company says", not "a false alarm", "a fake account".
_CLAUSE_ENDS = r"(?=\s*(?:[,.;:!?”\"')\]—–]|$|\s(?:and|or|but|according|as|after|since|because)\b))"
_DENIAL = re.compile(
    r"\b(?:"
    # "are false", "was a hoax", "proved untrue", "exposed as a fake", "dismissed them as baseless"
    r"(?:is|are|was|were|be|been|being|proved(?: to be)?|proven(?: to be)?|proves(?: to be)?|turned out to be|turns out to be"
    r"|exposed as|revealed as|revealed to be|shown to be|unmasked as|dismissed(?: \w+)? as|branded(?: \w+)?(?: as)?|called(?: \w+){0,3}"
    r"|calling(?: \w+){0,3}|described(?: \w+)? as)\s+"
    r"(?:(?:a|an|all|completely|entirely|totally|utterly|simply|just|nothing but|categorically)\s+){0,2}"
    + _FALSE
    + _CLAUSE_ENDS
    + rf"|(?:{REFUTING}|no truth|(?:no|without) basis in fact)\b"
    # "creative, but untrue"
    r"|(?:but|yet)\s+(?:(?:completely|entirely|totally|utterly)\s+)?(?:untrue|false|baseless|unfounded)" + _CLAUSE_ENDS
    # "fake news that ...", "a false report stating that ...", "a hoax report claimed that ..."
    + r"|(?:false|fake|bogus|hoax|phony|phoney|untrue|baseless|unfounded)\s+(?:news|articles?|posts?|"
    + DENIED_REPORTS
    + r")\s+(?:that|of|claim\w*|say\w*|said|stat\w*|suggest\w*|reads?|wr(?:ote|ites))\b"
    # "isn't true", "was not authentic"
    r"|(?:(?:is|are|was|were)\s+not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:true|real|authentic|genuine|accurate|correct)\b"
    # "falsely stated that", "was falsely reported", "falsely claiming"
    r"|falsely\s+(?:\w+\s+)?(?:stat|claim|report|sa(?:id|ys?)|suggest|alleg|assert|wr(?:ote|ite)|identif|accus|link|nam|attribut|impl)\w*"
    # "no evidence that", "found no evidence of"
    r"|no\s+(?:\w+\s+)?evidence\s+(?:that|of|to\s+(?:suggest|support|show|back))\b"
    # "never happened", "did not take place", "no such meeting took place"
    r"|(?:never|did\s+not|didn['’]t|has\s+not|hasn['’]t|had\s+not|hadn['’]t)\s+(?:happen(?:ed)?|tak(?:e|en)\s+place|took\s+place|occur(?:red)?)\b"
    r"|no\s+such\s+\w+(?:\s+\w+)?\s+(?:took\s+place|happened|occurred|exists?|existed)\b"
    # "denied the reports", "denies that", "denied any wrongdoing", "denied having", "denied any involvement"
    r"|den(?:y|ies|ied|ying)\s+(?:(?:the|these|those|any|all|such|earlier|recent|media|news|this|that|ever)\s+){0,2}"
    rf"(?:{DENIED_REPORTS}|wrongdoing|charges?|that|it|them"
    r"|having|being|involvement|knowledge|role|link|responsibility)\b"
    r")",
    re.IGNORECASE,
)
# A doubt, not a denial: "may be a prank", "could be fake", "possibly a hoax", "a small chance ... will
# prove to have been fake"; nor is "would not confirm or deny that", "to verify or debunk it", "did
# not deny that" (which the opposite pairs read as a confirmation).
_DOUBT_BEFORE = re.compile(
    r"\b(?:(?:(?-i:may)|might|could|would|will|should|possibly|perhaps|probably|likely)\s+"
    r"(?:(?:be|been|have|prove|turn|out|to|also|still|all|yet|eventually|soon)\s+){0,4}"
    r"|(?:if|whether|chance|possibility|amid)\s+(?:\S+\s+){0,9}"
    r"|(?:not|never|no|n't|n’t)\s+(?:\S+\s+)?"
    r"|(?:or|nor|to)\s+)$",
    re.IGNORECASE,
)
_DOUBT_WORDS = 10  # words before a denial looked at for a doubt
# A version that denies in other words than a firm denial's states nothing plainly either: besides the
# typed differences' denying words (typed._DENYING) and any "not" (negated_terms).
_ALSO_DENYING = re.compile(
    r"\b(?:incorrect|inaccurate|laugh(?:s|ed|ing)? off|laugh(?:s|ed|ing)? away|rul(?:e|es|ed|ing) out|no such"
    r"|never happened|no evidence|no indications?|dash(?:es|ed|ing)? hopes|refut\w*|rebut\w*|not true|nonsense"
    r"|sh(?:oot|oots|ot|ooting) down|counter(?:s|ed|ing)?|disput\w+|push\w* back|back(?:s|ed|ing)? away|exaggerat\w*"
    r"|prank\w*|duped|doubt\w*|skeptic\w*|sceptic\w*|questioned|contradict\w*)\b",
    re.IGNORECASE,
)


# What a denial is about: its clause, from the clause break before it to the one after it (a
# subordinate clause or a second verb phrase is another thing: "although Turkey denied that ...",
# "Emwazi denied the accusation and claimed that ..."), with the clause before it when its own says
# little ("..., a claim DHS said was false").
_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|although|though|while|whereas|when|before|after|because|since|despite)\b",
    re.IGNORECASE,
)
_SCOPE_MIN_WORDS = 3  # content words (beyond the denial's own) a clause needs to be a denial's scope alone
_SHARED_MIN_WORDS = 2  # content words, beyond names, the denial's scope must share with the version it contradicts


_NAME = re.compile(r"\b[A-Z][\w'’.-]*")


def _plain_words(text: str) -> set[str]:
    """The content words of ``text`` beyond names (capitalised words) and the words that pass a
    claim on ("claims", "reports", "said": ``hedging._DOUBTING``): a denial and a version sharing only
    "Boko Haram" and "claims" are not about one thing."""
    return set(tokens(_DOUBTING.sub(" ", _NAME.sub(" ", text))))


@dataclass(frozen=True, slots=True)
class Denial:
    """A denial as written (``words``) and the content words of what it is about (``scope``); for
    a claim's verb negated ("doesn't monitor"), ``term`` the verb's token ("monitor"), which the
    version it contradicts must affirm."""

    words: str
    scope: frozenset[str]
    term: str = ""
    done_to: frozenset[str] = frozenset()
    """for a negated verb, the content words right after it, names too ("never checked into Morningside":
    morningsid): what the act is done to (:func:`_same_act`)"""
    doer: frozenset[str] = frozenset()
    """for a negated verb, the names of its clause before it, lower case ("Lindsay never checked"): who did not"""


# "Rubbish" and "nonsense" call a report false ("Reports that ... are rubbish"), but a plan or an idea
# foolish ("Residents said plans to close the library were nonsense"): they deny only when their part of
# the sentence names a report or claim (``terms.DENIED_REPORTS``) before them.
_DISMISSING = re.compile(r"\b(?:rubbish|nonsense)$", re.IGNORECASE)
_REPORTED = re.compile(rf"\b{DENIED_REPORTS}\b", re.IGNORECASE)


def _part_start(text: str, start: int) -> int:
    """Where the part of the sentence (``_PART_ENDS``) that ``start`` is in begins."""
    return max((m.end() for m in _PART_ENDS.finditer(text, 0, start)), default=0)


def denials(text: str, claim_scope: bool = True) -> list[Denial]:
    """The firm denials in ``text`` ("are false", "denied the reports"), each with its scope; with
    ``claim_scope`` (``DifferenceSettings.denial_claim_scope``) the scope holds the claim denied too
    (:func:`_claim_words`)."""
    out = []
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    for match in _DENIAL.finditer(text):
        before = " ".join(text[: match.start()].split()[-_DOUBT_WORDS:])
        if before and _DOUBT_BEFORE.search(before + " "):
            continue
        if _DISMISSING.search(match.group()) and not _REPORTED.search(text, _part_start(text, match.start()), match.start()):
            continue  # "plans to close the library were nonsense": a verdict on a plan, no denial of it
        scope = _scope(text, match.start(), match.end(), breaks)
        if claim_scope:
            scope |= _claim_words(text, match.start(), match.end())
        out.append(Denial(match.group().strip(), scope))
    return out


# The claim a denial denies, when its clause breaks off before the claim is told: the object of a verb
# of denying, to the end of its sentence part ("has denied rumours that the Jordanian King Abdullah II,
# a trained pilot, is personally conducting airstrikes"), or the report a predicate is said of, from
# the report's noun on ("An article saying a "planetary alignment" on January 4, 2015, "will decrease
# gravity for 5 minutes" and cause partial weightlessness is fake").  An object ends at "and" too
# ("Emwazi denied the accusation and claimed that MI5 representatives had tried to recruit him").
_OBJECT_DENIAL = re.compile(r"^(?:den|refut|rebut|debunk|no\b|false|fake|bogus|hoax|phon|untrue|baseless|unfounded)", re.IGNORECASE)
_PART_ENDS = re.compile(r"[;:!?—–]|\s-\s|\.(?=\s|$)|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_OBJECT_ENDS = re.compile(_PART_ENDS.pattern + r"|\band\b", re.IGNORECASE)  # "denied the accusation and claimed that"
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose)\b", re.IGNORECASE)  # a denial inside a relative clause
_REPORT_NOUN = re.compile(
    r"\b(?:reports?|articles?|stor(?:y|ies)|claims?|rumou?rs?|news|posts?|allegations?)\s+(?:[\w'’“”\"]+\s+){0,3}?"
    r"(?:that|saying|claiming|stating|suggesting|alleging|of|about)\b",
    re.IGNORECASE,
)


def _claim_words(text: str, start: int, end: int) -> frozenset[str]:
    """The content words of the claim denied by ``text[start:end]`` (see ``_OBJECT_DENIAL``), beyond
    the clause :func:`_scope` reads; none for a denial of neither form."""
    if _OBJECT_DENIAL.match(text[start:end].lstrip()):
        stop = _OBJECT_ENDS.search(text, end)
        last = stop.start() if stop else len(text)
        if _RELATIVE_OPEN.search(text, max(0, text.rfind(",", 0, start)), start):
            comma = text.find(",", end, last)  # "The man, who denied the charge, told the court": its clause ends there
            last = comma if comma != -1 else last
        return frozenset(_plain_words(text[end:last]))
    nouns = list(_REPORT_NOUN.finditer(text, _part_start(text, start), start))
    return frozenset(_plain_words(text[nouns[-1].start() : start])) if nouns else frozenset()


def _scope(text: str, start: int, end: int, breaks: Sequence[tuple[int, int]], reach: bool = True) -> frozenset[str]:
    """The content words of the clause around ``text[start:end]`` but its own (see ``_BREAK``), and
    with ``reach`` those of the clause before when its own says little."""
    starts = [e for s, e in breaks if e <= start]
    ends = [s for s, e in breaks if s >= end]
    first, last = (starts[-1] if starts else 0), (ends[0] if ends else len(text))
    own = set(tokens(text[start:end]))
    if text[last : last + 1] == ":":  # "The bogus report read: ...": what it introduces
        last = next((s for s, e in breaks if s > last), len(text))
    scope = _plain_words(text[first:last]) - own
    if reach and len(scope) < _SCOPE_MIN_WORDS:
        scope |= _plain_words(text[starts[-2] if len(starts) >= 2 else 0 : first]) - own
    return frozenset(scope)


# A negated verb denies a claim only in a main clause: not in one that gives a time, a cause, a
# concession or a relative ("When his girlfriend did not turn up he lit the fireworks", "weapons ...
# that were not destroyed"), nor as an order or an aim ("ordered its people not to use the name").
_SUBORDINATE = re.compile(
    r"\b(?:when|whenever|because|since|as|after|before|although|though|while|who|which|whose|where)\b[^,;:]*$", re.IGNORECASE
)
# "that" after a noun opens a relative clause ("a violation that did not amount to a crime"); after a
# verb of telling or knowing, or one word past it ("told reporters that", "said Tuesday that"), a report.
_THAT = re.compile(r"(?s:.*)(?:^|\s)(\S+)\s+(\S+)\s+that\s[^,;:]*$")  # the last "that" of the clause
_TELLING_OR_KNOWING = re.compile(
    r"(?:said|says|say|told|tell|tells|stated|states|claim\w*|confirm\w*|insist\w*|add\w*|report\w*|not\w*|explain\w*"
    r"|announc\w*|clarif\w*|stress\w*|found|finds|show\w*|is|was|are|were|believ\w*|think\w*|thought|know\w*|knew"
    r"|learn\w*|maintain\w*|argu\w*|wrote|writes|mean\w*|so|assur\w*|warn\w*|remind\w*|inform\w*)",
    re.IGNORECASE,
)


def _relative_that(before: str) -> bool:
    """The clause before a negation opens with a relative "that" (see ``_THAT``)."""
    m = _THAT.search(before)
    if not m:
        return False
    two, one = m.group(1), m.group(2)
    return one.islower() and not _TELLING_OR_KNOWING.fullmatch(one) and not _TELLING_OR_KNOWING.fullmatch(two)


# First person singular: two versions that both tell their own experience ("my hair has never been
# caught" / "my hair has been caught") are two people's, no denial of one by the other.
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|mine|I['’](?:m|ve|d|ll))\b")
_VERB_NEGATION = re.compile(r"^(?:not|never|\w+n['’]t)$", re.IGNORECASE)


def negated_claims(text: str) -> list[Denial]:
    """The verbs ``text`` negates in its main clause, as denials of the claim that affirms them ("We do
    not terminate customers", "Comcast doesn't monitor ..."), with the clause each is about.  Only
    "not", "never" or "-n't" before a verb counts ("no harm", "without cable" deny no claim), and
    none when the sentence negates twice (two negations may cancel), hedges anything (``hedges``),
    doubts the negation or makes it a condition (:func:`~compare.analyze.shared.firmly_negated`), or
    puts it in a subordinate clause or an infinitive (``_SUBORDINATE``, "not to use"), or after a comma
    (a contrast: "solid gold, not gold-plated").  Only a version
    that affirms the verb (``Denial.term``) is contradicted."""
    if negations(text) != 1 or hedges(text):
        return []
    breaks = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    out = []
    for term, (words, start, end) in firmly_negated(text).items():
        negation = words.split()[0]
        if not _VERB_NEGATION.match(negation) or re.match(r"\W+to\b", text[start + len(negation) :]):
            continue
        if _SUBORDINATE.search(text, 0, start) or _relative_that(text[:start]) or text[:start].rstrip().endswith((",", "—", "–")):
            continue  # ", not gold-plated", "the uploader, not some TV network": a contrast
        scope = _scope(text, start, end, breaks, reach=False)  # ", a fact she has not revealed"
        clause = max((e for b, e in breaks if e <= start), default=0)
        verb = all(w.lower() in _BETWEEN or w.lower().endswith("ly") for w in text[start:end].split()[1:-1])
        doer = frozenset(w.lower() for w in _NAME.findall(text, clause, start) if tokens(w)) if verb else frozenset()
        out.append(Denial(words, scope, term, _done_to(text, end), doer))
    return out


_DONE_TO_WORDS = 3  # content words after a verb read as what it is done to
# What may stand between a negation and its verb ("has not been banned", "did not ever enter"); any other
# word makes the negated word no verb ("did not a week ago": "week").
_BETWEEN = frozenset("be been being have has had ever yet even".split())
# Words before a noun: the word after one is no verb ("a week ago", "the check").
_BEFORE_NOUN = frozenset("a an the this that these those his her its their our my your every each no one".split())


def _done_to(text: str, end: int) -> frozenset[str]:
    """The first ``_DONE_TO_WORDS`` content words after ``end`` (a verb's), names too, within its clause and
    before an infinitive ("sent eight experts to monitor the poll": the experts, not the monitoring)."""
    stops = [m.start() for m in (_BREAK.search(text, end), _TO_VERB.search(text, end)) if m]
    return frozenset(tokens(text[end : min(stops, default=len(text))])[:_DONE_TO_WORDS])


_TO_VERB = re.compile(r"\bto\s+(?!(?:the|a|an|his|her|its|their|our|this|that)\b)[a-z]")


def _same_act(denial: Denial, text: str, articles: Sequence[str]) -> bool:
    """``text`` affirms the act ``denial`` negates, of the same doer and done to the same thing, where the
    two share too few plain words for :func:`denial_difference`'s rule ("Lindsay never checked into
    Morningside" against "Heller told a judge that Lohan had checked in to the Morningside Recovery rehab
    facility"): the negated verb stands in ``text`` with a word of what it is done to right after it
    (``_done_to``), and a name of the doer (``Denial.doer``) among the names just before it, or written
    beside one of them in one of ``articles`` (plain texts: "lindsay lohan").  No doer named, no act."""
    if not denial.term or not denial.done_to or not denial.doer:
        return False
    for m in WORDS.finditer(text):
        if not m.group()[0].islower() or normalise_word(m.group()) != denial.term or _INFINITIVE.search(text, 0, m.start()):
            continue
        if text[: m.start()].split()[-1:] and text[: m.start()].split()[-1].lower() in _BEFORE_NOUN:
            continue  # "a week ago": a noun, no act
        if not _done_to(text, m.end()) & denial.done_to:
            continue
        near = {w.lower() for w in _NAME.findall(" ".join(text[: m.start()].split()[-6:])) if tokens(w)}
        if near & denial.doer or any(
            re.search(rf"\b{re.escape(x)} {re.escape(y)}\b|\b{re.escape(y)} {re.escape(x)}\b", article)
            for x in denial.doer for y in near for article in articles
        ):
            return True
    return False


_INFINITIVE = re.compile(r"\bto\s+$", re.IGNORECASE)


def _affirmed(text: str) -> set[str | None]:
    """The tokens of the words ``text`` affirms: lower case (not a name), and not an infinitive's verb
    ("without DNA tests to confirm that ..." affirms no confirmation)."""
    return {normalise_word(m.group()) for m in WORDS.finditer(text) if m.group()[0].islower() and not _INFINITIVE.search(text, 0, m.start())}


def _denies_in_other_words(text: str) -> bool:
    """Whether ``text`` denies or negates anything in words other than a firm denial's: it does not
    state a fact plainly either."""
    return bool(_DENYING.search(text) or _ALSO_DENYING.search(text) or negated_terms(text))


_INTRODUCES = re.compile(r"\b(?:said|says|wrote|writes|stated|states|added|told \w+|tweeted|explained)\s*:\s*$", re.IGNORECASE)


def _asks_or_introduces(text: str) -> bool:
    """``text`` asks, or only introduces a quotation ("In a statement, John Wildhack said:"): it
    reports nothing to deny ("broke the news of the death of Judd Nelson:" does)."""
    return text.rstrip(" \"”’)").endswith("?") or _INTRODUCES.search(text) is not None


def denial_difference(
    members: Sequence[Sentence],
    linked: Sequence[tuple[int, int]],
    claims: bool = True,
    intros: Mapping[str, str] | None = None,
    settings: DifferenceSettings | None = None,
    article_texts: Mapping[str, str] | None = None,
) -> Difference | None:
    """One version (a member) denies what another, linked to it and denying nothing in any words,
    reports: a "negation" difference.  With ``claims``, a verb of the claim negated counts as a
    denial (:func:`negated_claims`: "does not monitor" against "monitors", about the same thing).  ``linked``: the member pairs of different articles that link
    (indexes into ``members``).  The values: each denial as written; "stated" for a version that
    states the fact plainly, "reported, not denied" for one that passes it on as a claim or report
    or hedges it (``hedging._DOUBTING``, :func:`~compare.analyze.shared.hedges`).  A contradiction
    (``conflict``) only when some version states it plainly (one that opposes the thing, :func:`~compare.analyze.typed.opposes`:
    "defended his criticism of a requirement", states nothing another denies); a quotation whose introduction
    (``intros``: sentence id → the sentence introducing it) hedges it is passed on, not stated."""
    settings = settings or DifferenceSettings()
    found = [denials(s.text, settings.denial_claim_scope) for s in members]
    plain = [not found[k] and not _denies_in_other_words(s.text) for k, s in enumerate(members)]
    if claims:
        found = [[*firm, *negated_claims(s.text)] for firm, s in zip(found, members, strict=True)]
    words = [_plain_words(s.text) for s in members]
    affirmed = [_affirmed(s.text) for s in members]
    values: dict[str, str] = {}
    for a, b in linked:
        for denier, other in ((a, b), (b, a)):
            own = bool(_FIRST_PERSON.search(members[denier].text) and _FIRST_PERSON.search(members[other].text))
            texts = [article_texts[members[k].article] for k in (denier, other) if article_texts and members[k].article in article_texts]
            about = [
                d for d in found[denier]
                if (len(d.scope & words[other]) >= _SHARED_MIN_WORDS or (not own and _same_act(d, members[other].text, texts)))
                and (not d.term or (d.term in affirmed[other] and not own))
                and not opposes(members[other].text, {d.term} if d.term else d.scope)
            ]
            if about and plain[other] and not _asks_or_introduces(members[other].text):
                text = members[other].text
                values.setdefault(members[denier].id, "denied: " + ", ".join(f"“{d.words}”" for d in about))
                told = f"{(intros or {}).get(members[other].id, '')} {text}"
                values.setdefault(members[other].id, "reported, not denied" if _DOUBTING.search(text) or hedges(told) else "stated")
    if not values:
        return None
    return Difference(
        "negation",
        "one version reports as false or denied what another reports",
        tuple(values.items()),
        conflict="stated" in values.values(),
    )
