"""Quotations and who is said to have said them.

Quotes are found per paragraph: curly pairs (“…”), straight pairs ("…"), British single
quotes (‘…’: an opening ‘ at a word's start, closed by the first ’ that no letter follows, so
that "Medvedev’s" and "don’t" close nothing), guillemets («…», »…«) and German „…“; an
opening quote left open at the paragraph's end runs to that end (the news
convention for a quote that continues).  The speaker of a quote is the name or
pronoun next to a reporting verb in the same paragraph ("…," Rasmussen said;
Clinton said, "…"; he is "very encouraged"); a pronoun is resolved to the last
person named before it in the article.  Speakers are surnames ("Rasmussen"),
or, for a body or an office, its whole name ("the Russian Foreign Ministry" →
"Russian Foreign Ministry", "the US Secretary of State" → "US Secretary of State"):
its last word alone ("Ministry", "State") would name nobody.  A pronoun never
refers to a body or an office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.models import Article, Span
from compare.parts import closing_mark
from compare.segment import paragraph_spans

_OPEN = {"“": "”", '"': '"', "‘": "’", "«": "»", "»": "«", "„": "“"}
_SINGLE_CLOSE = re.compile(r"’(?![^\W_])")
"""The ’ that closes a ‘…’ quote: no letter or digit follows (an apostrophe is inside a word)."""
REPORTING_VERBS = (
    "said|says|say|saying|told|tells|stated|states|added|adds|described|describes|urged|explained|asked|"
    "warned|outlined|believes|wrote|writes|insisted|noted|declared|announced|argued|replied|called|"
    "expressed|reiterated|opened"
)
_VERB = re.compile(rf"\b(?:{REPORTING_VERBS})\b")
_ATTRIBUTION = re.compile(
    rf"\b(?:{REPORTING_VERBS}|continued|continues|admitted|conceded|recalled|demanded|demands|claimed|posited|summarized)\b"
)
"""A verb by which a paragraph attributes its quotation to someone, named ("Akin continued") or
not ("the source said"): such a quotation continues no earlier paragraph's speaker."""
# One word of a name: "Lavrov", "McFaul", "MacArthur", "O'Brien", "Ki-moon", "Al-Assad".
_NAME_WORD = r"[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Za-z][a-z]+)?"
# A capitalised name run: "Anders Fogh Rasmussen", "Fogh Rasmussen", "Sergey Lavrov", "Michael A. McFaul".
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.))*")
# Nothing but spaces and quotation marks since the text's start or a sentence's end.
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_NOT_NAMES = frozenset(
    """The A An But And In On At For Of To With By From As If It We They I He She This That These Those
    Earlier Later Meanwhile Although While When After Before Secretary President Minister Foreign
    Defense General Ambassador Chairman Prime Mr Mrs Ms Dr Sen Rep Gov Director Chief Senator Governor
    Mayor Judge Justice Speaker Representative Democrats Republicans Democrat Republican Conservative
    Conservatives Liberal Liberals Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October November
    December NEW YORK""".split()
)


# The last word of the name of a body or an office: such a name is kept whole as a speaker.
INSTITUTIONS = frozenset(
    """Ministry Department Office Embassy Agency Council Committee Commission Government
    Administration Service Secretariat Parliament Assembly Court Bureau Staff Command Headquarters
    Mission Delegation Presidency Cabinet Spokesman Spokeswoman Spokesperson State Affairs Defense
    Defence Party Times News Post Journal Press Network Magazine Television Radio""".split()
)
# Capitalised words (and "of", "for", "the" between them) right before a name's last word,
# looked for in the INSTITUTION_REACH characters before it (a bounded search: linear in the text).
_INSTITUTION_HEAD = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w.'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?)+$")
INSTITUTION_REACH = 80


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its words (without the quote marks), where, and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None


def _surname(run: str) -> str | None:
    words = [w for w in run.split() if w not in _NOT_NAMES and not w.endswith(".")]
    return words[-1] if words else None


def _opens_sentence(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence: only spaces and opening quotation marks after the text's
    start or after a full stop, ! or ? (and a closing mark).  Read back from ``at``: a pattern
    searched from the text's start for each capitalised verb cost the square of a paragraph
    ("Posted: " 5,000 times took 12 s)."""
    k = at - 1
    while k >= 0 and (text[k].isspace() or text[k] in '"“'):
        k -= 1
    if k < 0:
        return True
    if text[k] in '"”’':
        k -= 1
    return k >= 0 and text[k] in ".!?"


def _people(text: str) -> list[tuple[int, str]]:
    """(position, surname) of the person-like names in ``text``; a body's or an office's whole name."""
    found = []
    for match in _NAME.finditer(text):
        name = _surname(match.group())
        if not name or not name[0].isupper():
            continue
        if name == match.group() and name.endswith(("ing", "ed")) and _opens_sentence(text, match.start()):
            continue  # "Throwing his support behind…", "Asked about…": a capitalised verb, not a name
        if name in INSTITUTIONS:
            head = _INSTITUTION_HEAD.search(text, max(0, match.start() - INSTITUTION_REACH), match.start())
            start = head.start() if head else match.start()
            words = text[start : match.end()].split()
            while words and words[0] in ("The", "A", "An"):
                words.pop(0)
            if len(words) < 2:
                continue  # "State" or "Defense" alone names no one
            found.append((start, " ".join(words)))
        else:
            found.append((match.start(), name))
    return found


def is_person(speaker: str) -> bool:
    return speaker.split()[-1] not in INSTITUTIONS


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN and not (ch == "‘" and i > start and text[i - 1].isalnum()):
            if ch == "‘":
                found = _SINGLE_CLOSE.search(text, i + 1, end)
                close = found.start() if found else -1
            else:
                close = closing_mark(text, i + 1, _OPEN[ch], end)
            if close == -1:
                spans.append((i + 1, end))
                break
            spans.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return [(a, b) for a, b in spans if b > a]


def _speaker(frame: str, last_person: str | None, verbs: re.Pattern[str] = _VERB) -> str | None:
    """The speaker of a paragraph's reporting verb; ``frame`` has its quotes blanked."""
    for verb in verbs.finditer(frame):
        before = frame[max(0, verb.start() - 80) : verb.start()]
        after = frame[verb.end() : verb.end() + 80]
        names_before = _people(before)
        pronoun_before = list(_PRONOUN.finditer(before))
        name_after = [(pos, name) for pos, name in _people(after) if pos < 40]
        if names_before and (not pronoun_before or pronoun_before[-1].start() < names_before[-1][0]):
            return names_before[-1][1]
        if pronoun_before:
            return last_person
        if name_after:
            return name_after[0][1]
    return None


def _continued_by(previous: str | None, frame: str, spans: list[tuple[int, int]], speaker: str | None) -> str | None:
    """The speaker a quotation opening the next paragraph continues, after this paragraph
    (``frame``: its text, quotes blanked): its quotations' speaker; after a paragraph without
    quotations, the ``previous`` one unless that paragraph names someone else (a quotation
    after "After a week Shen decided ..." is not the speaker before)."""
    if spans:
        return speaker
    return None if any(name != previous for _pos, name in _people(frame)) else previous


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours)\b|\bI['’]")
_THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her|He|Him|His|She|Her)\b")


def _of_the_speaker(
    text: str, spans: list[tuple[int, int]], previous: Span | None, previous_spans: list[tuple[int, int]]
) -> bool:
    """Whether a paragraph's quotations speak of the previous paragraph's speaker as "he" ("His
    conduct is unbecoming"), never as "I": a "he" or "she" in their first sentence (a later one
    may be someone they introduce: "There was one patient, all his body ..."), and the paragraph
    before names no one else and quotes no "he" or "she" the pronoun could mean, so these are
    someone else's words about that speaker."""
    quoted = " ".join(text[a:b] for a, b in spans)
    first = re.split(r"[.!?]", quoted, maxsplit=1)[0]
    if previous is None or _FIRST_PERSON.search(quoted) or not _THIRD_PERSON.search(first):
        return False
    before = text[previous.start : previous.end]
    inside = " ".join(text[a:b] for a, b in previous_spans)
    return not _people(inside) and not _THIRD_PERSON.search(inside) and len({n for _p, n in _people(before)}) <= 1


def article_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the kept paragraphs of ``article``, with its speaker.

    A paragraph that opens with a quotation and attributes it to no one (no reporting verb
    outside its quotes) continues the speaker of the paragraph before (:func:`_continued_by`):
    the news convention for a quotation running over paragraphs; never over a speaker the
    paragraph names ("Akin continued", "the source said"), nor when it speaks of that speaker
    as "he" (:func:`_of_the_speaker`)."""
    out: list[Quote] = []
    last_person: str | None = None
    continued: str | None = None
    previous: Span | None = None
    previous_spans: list[tuple[int, int]] = []
    for paragraph in paragraph_spans(article):
        spans = _quote_spans(article.text, paragraph.start, paragraph.end)
        frame = _blank(article.text, paragraph, spans)
        speaker = _speaker(frame, last_person)
        if spans and article.text[paragraph.start] in _OPEN and speaker is None:
            if _ATTRIBUTION.search(frame):
                # its own speaker: "Akin continued"; "the source said" (no name: None)
                speaker = _speaker(frame, last_person, _ATTRIBUTION)
            elif not _of_the_speaker(article.text, spans, previous, previous_spans):
                speaker = continued
        for a, b in spans:
            out.append(Quote(article.text[a:b].strip(" ,.;:"), a, b, speaker))
        continued, previous, previous_spans = _continued_by(continued, frame, spans, speaker), paragraph, spans
        people = [name for _pos, name in _people(frame) if is_person(name)]
        if speaker and is_person(speaker):
            last_person = speaker
        elif people:
            last_person = people[0]  # the subject, usually named first
    return tuple(out)


def _blank(text: str, paragraph: Span, spans: list[tuple[int, int]]) -> str:
    chars = list(text[paragraph.start : paragraph.end])
    for a, b in spans:
        for k in range(a - paragraph.start, b - paragraph.start):
            chars[k] = " "
    return "".join(chars)


def quotes_by_sentence(article: Article) -> dict[str, tuple[Quote, ...]]:
    """Sentence id → the parts of quotations inside that sentence (speaker kept).

    Quotes and sentences are both in text order, so one sweep pairs them.
    """
    quotes = article_quotes(article)
    out: dict[str, tuple[Quote, ...]] = {}
    first = 0  # the first quote that may still overlap this or a later sentence
    for sentence in article.sentences:
        while first < len(quotes) and quotes[first].end <= sentence.start:
            first += 1
        parts = []
        for q in quotes[first:]:
            if q.start >= sentence.end:
                break
            lo, hi = max(q.start, sentence.start), min(q.end, sentence.end)
            if hi > lo:
                words = article.text[lo:hi].strip(" ,.;:\"“”")
                if words:
                    parts.append(Quote(words, lo, hi, q.speaker))
        if parts:
            out[sentence.id] = tuple(parts)
    return out


def sentence_speaker(text: str) -> str | None:
    """Who a sentence says is speaking ("…, Rasmussen said"), or None (pronouns are not resolved).

    Quoted words are not looked at: in '"Christ said so," Smith said' the speaker is Smith."""
    whole = Span(0, len(text))
    return _speaker(_blank(text, whole, _quote_spans(text, 0, len(text))), None)
