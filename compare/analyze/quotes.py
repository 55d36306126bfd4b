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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from itertools import combinations

from compare.models import Article, Difference, Sentence, Span, article_of
from compare.segment import paragraph_spans
from compare.settings import Settings
from compare.similarity import STOPWORDS, sentence_similarity

WORDS_ONLY = Settings(semantic=False)
"""Quotations are compared by their words: whether two are the same words is a question of wording."""

_OPEN = {"“": "”", '"': '"', "‘": "’", "«": "»", "»": "«", "„": "“"}
_SINGLE_CLOSE = re.compile(r"’(?![^\W_])")
"""The ’ that closes a ‘…’ quote: no letter or digit follows (an apostrophe is inside a word)."""
REPORTING_VERBS = (
    "said|says|say|saying|told|tells|stated|states|added|adds|described|describes|urged|explained|asked|"
    "warned|outlined|believes|wrote|writes|insisted|noted|declared|announced|argued|replied|called|"
    "expressed|reiterated|opened"
)
_VERB = re.compile(rf"\b(?:{REPORTING_VERBS})\b")
# One word of a name: "Lavrov", "McFaul", "MacArthur", "O'Brien", "Ki-moon", "Al-Assad".
_NAME_WORD = r"[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|['’][A-Z][a-z]+)(?:-[A-Za-z][a-z]+)?"
# A capitalised name run: "Anders Fogh Rasmussen", "Fogh Rasmussen", "Sergey Lavrov", "Michael A. McFaul".
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.))*")
# Nothing but spaces and quotation marks since the text's start or a sentence's end.
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?)[\s\"“]*$")
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


def _people(text: str) -> list[tuple[int, str]]:
    """(position, surname) of the person-like names in ``text``; a body's or an office's whole name."""
    found = []
    for match in _NAME.finditer(text):
        name = _surname(match.group())
        if not name or not name[0].isupper():
            continue
        if name == match.group() and name.endswith(("ing", "ed")) and _SENTENCE_START.search(text, 0, match.start()):
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
                close = text.find(_OPEN[ch], i + 1, end)
            if close == -1:
                spans.append((i + 1, end))
                break
            spans.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return [(a, b) for a, b in spans if b > a]


def _speaker(frame: str, last_person: str | None) -> str | None:
    """The speaker of a paragraph's reporting verb; ``frame`` has its quotes blanked."""
    for verb in _VERB.finditer(frame):
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


def article_quotes(article: Article) -> tuple[Quote, ...]:
    """Every quotation in the kept paragraphs of ``article``, with its speaker."""
    out: list[Quote] = []
    last_person: str | None = None
    previous_speaker: str | None = None
    for paragraph in paragraph_spans(article):
        spans = _quote_spans(article.text, paragraph.start, paragraph.end)
        frame = _blank(article.text, paragraph, spans)
        speaker = _speaker(frame, last_person)
        if spans and speaker is None and article.text[paragraph.start] in _OPEN:
            speaker = previous_speaker  # a quote continuing the previous paragraph's speaker
        for a, b in spans:
            out.append(Quote(article.text[a:b].strip(" ,.;:"), a, b, speaker))
        if spans:
            previous_speaker = speaker
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


# --- how two outlets' quotations of one speaker differ ----------------------------------


def quote_differences(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    settings: Settings,
) -> list[Difference]:
    """Quotations by one speaker that two articles give in different words.

    Each quotation is paired with its closest counterpart by that speaker in the other
    article's members of the group, and only when that closeness is mutual (two outlets
    each quoting two statements compare the first with the first); the two sentences must
    be linked directly (``link_threshold``); a quotation whose words, cut at an ellipsis or
    an editor's bracket, the other article carries anywhere is not worded differently; and
    the two must be one statement (``Settings.quote_statement_run``), not two.
    Quotations that are nearly the same (``quote_match_threshold``) but not word for word
    ("you'll be able to make" against "you'll have to make") are a difference that is no
    contradiction: shown, without making the group "diverge".
    """
    quoted: dict[str, list[tuple[int, Quote]]] = {}
    for k, member in enumerate(members):
        for quote in quotes.get(member.id, ()):
            if quote.speaker:
                quoted.setdefault(member.article, []).append((k, quote))
    by_speaker: dict[str, dict[str, str]] = {}
    slightly: dict[str, dict[str, str]] = {}
    for article_a, article_b in combinations(sorted(quoted), 2):
        score: dict[tuple[int, int], float] = {}
        for i, (_, x) in enumerate(quoted[article_a]):
            for j, (_, y) in enumerate(quoted[article_b]):
                if x.speaker == y.speaker:
                    score[(i, j)] = sentence_similarity(x.text, y.text, WORDS_ONLY)
        best_a: dict[int, int] = {}
        best_b: dict[int, int] = {}
        for (i, j), value in score.items():
            if i not in best_a or value > score[(i, best_a[i])]:
                best_a[i] = j
            if j not in best_b or value > score[(best_b[j], j)]:
                best_b[j] = i
        for i, j in best_a.items():
            if best_b.get(j) != i:
                continue
            (ka, x), (kb, y) = quoted[article_a][i], quoted[article_b][j]
            if sims.get((min(ka, kb), max(ka, kb)), 0.0) < settings.link_threshold:
                continue
            if _no_difference(x, y, (article_a, article_b), quotes, article_texts, settings.quote_statement_run):
                continue
            same_stems = _within(_stems(x.text), _stems(y.text))
            short = min(len(x.text.split()), len(y.text.split())) <= settings.quote_short_words
            if same_stems and short:
                continue  # a fragment in the narration's person: "looks forward" / "I look forward to it"
            if score[(i, j)] >= settings.quote_match_threshold or same_stems:
                # Nearly the same words, yet not the same ("pew" / "pews"): a quotation should be verbatim.
                values = slightly.setdefault(x.speaker or "", {})
            else:
                if not (short or _longest_run(x.text, y.text) >= settings.quote_statement_run):
                    continue  # two statements
                values = by_speaker.setdefault(x.speaker or "", {})
            values.setdefault(members[ka].id, x.text)
            values.setdefault(members[kb].id, y.text)
    nearly = {speaker: values for speaker, values in slightly.items() if speaker not in by_speaker}
    return [
        Difference(
            "quote",
            f"{speaker} quoted in {words}: " + " against ".join(f"“{v}”" for v in values.values()),
            tuple(values.items()),
            conflict=conflict,
        )
        for found, words, conflict in ((by_speaker, "different words", True), (nearly, "slightly different words", False))
        for speaker, values in found.items()
    ]


# A title's abbreviation and its full form are the same word in a quotation ("Sen." / "Senator").
_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president", "gen": "general",
           "sec": "secretary", "lt": "lieutenant", "dept": "department", "mr": "mister"}
_CLITIC = re.compile(r"'(?:s|re|ve|ll|d|m|t)$")


def _spelled_out(text: str) -> tuple[str, ...]:
    """A quotation's words as written, without function words and contractions ("he is" and
    "he's" alike), titles and numbers written out, an editor's insertions left out: for
    "the same words"."""
    words = (_CLITIC.sub("", w) for w in plain_text(_ELISION.sub(" ", text)).split())
    return tuple(_NUMBER_WORDS.get(w, _TITLES.get(w, w)) for w in words if w and w not in STOPWORDS)


def _no_difference(
    x: Quote,
    y: Quote,
    articles: tuple[str, str],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    run: int,
) -> bool:
    """Two quotations (of articles ``articles``) that are no different wording of one statement."""
    article_a, article_b = articles
    return (
        # the other article has these words too (or a scare-quoted term both use)
        _reported_in(x.text, article_texts[article_b])
        or _reported_in(y.text, article_texts[article_a])
        # the same content words ("he is" / "he's", "Qaddafi" / "Gadhafi"), or one quotes less
        or _within(_spelled_out(x.text), _spelled_out(y.text))
        or _same_but_spelling(x.text, y.text)
        # two excerpts of one statement (one leaves words out with "...")
        or _shared_excerpt(x.text, y.text, run)
        or _shared_excerpt(y.text, x.text, run)
        # the other outlet quotes this statement in part elsewhere: its quotation is another
        or _carried_in_part(x, y, article_b, quotes, run)
        or _carried_in_part(y, x, article_a, quotes, run)
    )


def _carried_in_part(
    x: Quote, y: Quote, article: str, quotes: Mapping[str, tuple[Quote, ...]], min_words: int
) -> bool:
    """``article`` (which quotes ``y``) also quotes the same speaker with words that are a run of
    ``x`` of at least ``min_words`` words ("well over the line" of "I can't help but think that
    those remarks are well over the line"): it reports ``x``'s statement, and ``y`` is another."""
    whole = f" {plain_text(x.text)} "
    for sid, found in quotes.items():
        if article_of(sid) != article:
            continue
        for quote in found:
            if quote.speaker != x.speaker or quote.start == y.start:
                continue
            words = plain_text(quote.text)
            if len(words.split()) >= min_words and f" {words} " in whole:
                return True
    return False


@cache
def _stem(word: str) -> str:
    from nltk.stem.snowball import SnowballStemmer  # needs no downloaded data

    stem: str = SnowballStemmer("english").stem(word)
    return stem


def _stems(text: str) -> tuple[str, ...]:
    """A quotation's content words, stemmed ("looks" and "look" alike; not "positive" and
    "encouraging", which the similarity's word classes would join)."""
    return tuple(_stem(w) for w in _spelled_out(text))


def _shared_excerpt(a: str, b: str, min_words: int) -> bool:
    """``a`` leaves words out ("... ") and one of its excerpts, of at least ``min_words``
    words, is word for word in ``b``: two excerpts of one statement, not one statement in
    other words."""
    parts = [plain_text(part) for part in re.split(r"\.\s?\.\s?\.|…", a)]
    if len(parts) < 2:
        return False
    whole = f" {plain_text(b)} "
    return any(len(part.split()) >= min_words and f" {part} " in whole for part in parts)


NAME_SPELLING_RATIO = 0.6  # a spelling variant of a name: difflib's ratio of the two names, lower case


def _names(text: str) -> set[str]:
    """The lower-case words of ``text`` written with a capital not opening it ("Gadhafi")."""
    words = re.findall(r"[\w'’-]+", _ELISION.sub(" ", text))
    return {p for w in words[1:] if any(c.isupper() for c in w) for p in plain_text(w).split()}


def _same_but_spelling(a: str, b: str) -> bool:
    """The two quotations differ only in how names are spelled ("Muammar al-Qaddafi" /
    "Moammar Gadhafi"): a transliteration, not other words."""
    x, y = _spelled_out(a), _spelled_out(b)
    names = _names(a) | _names(b)
    differ = False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = x[i1:i2], y[j1:j2]
        if tag != "replace" or not set(left) | set(right) <= names:
            return False
        if SequenceMatcher(None, "".join(left), "".join(right)).ratio() < NAME_SPELLING_RATIO:
            return False
        differ = True
    return differ


# Numbers written out and in digits are the same words in a quotation ("two-in-three" / "2 in 3").
_NUMBER_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One token sequence is a run of the other (or equals it): one outlet quotes less of
    the statement (its start, its end or a part of its middle).  A word inside that the
    other lacks ("be able to make" / "have to make") is a different wording."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return True
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _longest_run(a: str, b: str) -> int:
    """The most words in a row that two texts share (punctuation and case aside)."""
    words_a, words_b = plain_text(a).split(), plain_text(b).split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.find_longest_match(0, len(words_a), 0, len(words_b)).size


# Where a quotation leaves words out or an editor put words in: "… ", "[Democrats]", "(Libyan leader)".
_ELISION = re.compile(r"\.\s?\.\s?\.|…|\[[^\]]*\]|\([^)]*\)")


def _reported_in(quote: str, text: str) -> bool:
    """The quotation's words are in ``text`` (a :func:`_plain` text): each part between elisions."""
    parts = [plain_text(part) for part in _ELISION.split(quote)]
    parts = [part for part in parts if part]
    return bool(parts) and all(part in text for part in parts)


_PLAIN_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
# Punctuation, and an apostrophe used as a quotation mark (not inside a word: "it's" keeps it).
_PUNCTUATION = re.compile(r"[^\w\s']+|(?<!\w)'|'(?!\w)")


def plain_text(text: str) -> str:
    """Lower case, one kind of apostrophe, no other punctuation, single spaces: for "is it in there"."""
    return " ".join(_PUNCTUATION.sub(" ", text.translate(_PLAIN_MARKS).lower()).split())
