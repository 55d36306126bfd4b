"""Stage 3: paragraphs → sentences with character offsets.

nltk's Punkt tokenizer is used directly with a list of news abbreviations, so no
data has to be downloaded (``nltk.sent_tokenize`` would need the ``punkt`` model).
On top of Punkt:

* every kept paragraph is segmented on its own, so a headline line without a
  final stop is its own sentence;
* a missing space after a closing quote (``Russia."Rasmussen``) or after a full
  stop (``summit.The``) still ends the sentence;
* each sentence carries ``start``/``end`` offsets into the article text and a
  role: ``title`` (the article's title line), ``heading`` (a short line without
  final punctuation: crossheads, captions, subtitles) or ``body``.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from compare.clean import KINDS, REPEATED_SENTENCE
from compare.metadata import is_heading
from compare.models import Article, Removed, Sentence, Span, sentence_id
from compare.nltk_parts import nltk_module
from compare.similarity import REPORTING
from compare.text import WEEKDAY_WORD, line_spans

# Abbreviations Punkt must not treat as sentence ends (lower case, no final dot).
NEWS_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.s.a u.a.e d.c l.a n.y p.m a.m e.g i.e vs etc. approx
    mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt
    pres supt det insp rev fr st ste mt ft jr sr sens reps govs const cst
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn est fig no. ph.d
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
    miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
) - {"etc.", "no."}

# Lower-case forms of words that open sentences in news.  After an abbreviation ("in the U.S. The
# talks failed", "at 5 p.m. Officials said") Punkt ends the sentence when the next word is one of
# them and capitalised.  No titles or offices ("U.S. President Obama", "U.S. Secretary of State").
SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those there it its he she they we i you his her their our
    but and or so yet however meanwhile still also instead then now later earlier today yesterday
    in on at for after before when while as if although though since because during under with without
    by from to about among according despite
    officials police authorities witnesses investigators prosecutors analysts experts critics
    residents protesters troops soldiers rebels lawmakers leaders ministers diplomats
    no not some many most several both each all one two three few other others
    what who how why where which
    """.split()
)

# Abbreviations that stand before a name, never at a sentence's end: "Sen. The Rock" stays one.
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Pvt|Pres|Supt|Det|Insp|Const|Cst|Rev|Fr|St|Mt|Ft|Sens|Reps|Govs)\.$"
)

# A person's initials ("P.J.", "J.J.", "A.J.") before a word that opens no sentence ("P.J. Carlesimo"): one
# name, not a sentence's end.  Initials Punkt knows as abbreviations (``NEWS_ABBREVIATIONS``: "U.S.", "D.C.")
# are left to it: "in the U.S. The talks" ends a sentence.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.){2})$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_WORD_AFTER = re.compile(r"[A-Z][\w'’-]*")

# A sentence end glued to the next sentence: closing quote then a capital
# (Russia."Rasmussen) or a word, full stop and a capitalised word (summit.The).
_GLUED = re.compile(r"(?<=[.!?][\"”’])(?=[A-Z“\"])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,})")


@lru_cache(maxsize=1)
def _tokenizer() -> object:
    punkt = nltk_module("nltk.tokenize.punkt")  # without the rest of nltk: 0.2 s less at start
    params = punkt.PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return _Unclocked(punkt.PunktSentenceTokenizer(params))


class _Unclocked:
    """Punkt's sentence splitter, with nltk's clock off while it splits (:func:`_unclocked`)."""

    def __init__(self, punkt: Any) -> None:
        self.punkt = punkt

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        with _unclocked():
            return list(self.punkt.span_tokenize(text))


@lru_cache(maxsize=1)
def _redos() -> Any:
    return getattr(nltk_module("nltk.tokenize.punkt"), "redos", None)  # None before nltk 3.10.3


@contextlib.contextmanager
def _unclocked() -> Iterator[None]:
    """nltk 3.10.3 and later run every regular expression under a clock (``nltk.redos``, 5 s), a
    backstop against patterns a caller supplies.  Punkt's own patterns are linear, but a paragraph
    of 240,000 full stops takes them 10 s of CPU: the clock stopped the run with an internal error
    ("TimeoutError: regular-expression match exceeded its 5.0s time limit"), sooner on a busy
    machine, so that whether a text could be read depended on the machine.  While Punkt splits a
    paragraph its clock is off (``DEFAULT_TIMEOUT``, nltk's own setting, put back after)."""
    redos = _redos()
    if redos is None or not hasattr(redos, "DEFAULT_TIMEOUT"):
        yield
        return
    before, redos.DEFAULT_TIMEOUT = redos.DEFAULT_TIMEOUT, None
    try:
        yield
    finally:
        redos.DEFAULT_TIMEOUT = before


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph, relative to ``text``, without surrounding space."""
    tokenizer = _tokenizer()
    pieces: list[tuple[int, int]] = []
    cut = 0
    for match in _GLUED.finditer(text):
        pieces.append((cut, match.start()))
        cut = match.start()
    pieces.append((cut, len(text)))
    spans: list[tuple[int, int]] = []
    for lo, hi in pieces:
        chunk = text[lo:hi]
        for start, end in tokenizer.span_tokenize(chunk):  # type: ignore[attr-defined]
            piece = chunk[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            offset = lo + start + (len(piece) - len(piece.lstrip()))
            spans.append((offset, offset + len(stripped)))
    return _rejoin(text, _split_after_places(text, spans))


# A place written "City, ST." ends a sentence before a name that a verb of telling follows: "She moved to
# Washington, D.C. Brown said she was happy." is two sentences, as "in Sacramento, Calif. Jerry Brown
# told reporters".  Punkt keeps them one: the state's abbreviation is no sentence end before a name.  Only
# after a preposition of place ("to Washington, D.C."), so the place ends a phrase: "The Washington, D.C.
# Metro said" and "the mayor of Washington, D.C. Adrian Fenty said" (one name told two ways) stay one;
# only before a name and a verb of telling: "in Newport Beach, Calif. on Thursday" stays one; and not in a
# sentence that a phrase opens (``_FRONTED``), whose place the sentence's subject may follow with no comma:
# "Meanwhile, in Washington, D.C. Mayor Muriel Bowser said", "After moving to Austin, Tex. Smith said"
# (review 25).  No such place is in FNC-1 or BASIL dev: the rule is for what Punkt would join.
_STATES = (
    r"D\.C|N\.Y|N\.J|N\.C|S\.C|N\.H|N\.M|N\.D|S\.D|R\.I|W\.Va|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky"
    r"|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo"
)
_PLACE_END = re.compile(
    r"\b(?:in|to|at|near|outside|into)\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*,\s+(?:" + _STATES + r")\.(?=\s)"
)
_NAME_TELLS = re.compile(
    rf"\s+(?!{WEEKDAY_WORD.pattern})(?:[A-Z][a-z'’-]+\s+){{1,3}}(?:{'|'.join(sorted(REPORTING - {'according'}))})\b"
)
_FRONTED = re.compile(
    r"[\"“‘'(]*(?:in|on|at|after|before|when|while|since|because|as|if|although|though|during|upon|once|until|from|to"
    r"|by|with|without|despite|following|meanwhile|near|outside|into|across|back)\b",
    re.IGNORECASE,
)


def _split_after_places(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each cut after a place of ``_PLACE_END`` that a name and a verb of telling follow,
    but in a sentence a phrase opens (``_FRONTED``)."""
    out = []
    for start, end in spans:
        for m in _PLACE_END.finditer(text, start, end):
            after = _NAME_TELLS.match(text, m.end(), end)
            if after and not _FRONTED.match(text, start):
                out.append((start, m.end()))
                start = m.end() + len(after.group()) - len(after.group().lstrip())
        out.append((start, end))
    return out


# A piece that cannot open a sentence: a lower-case word ('(D-N.C.) appeared', '?" said
# Axelrod'; not "iPhone"), or no letter at all (". . ."), of any script: "no letter" was no letter
# from A to Z, so that a Russian or Greek text was one sentence a paragraph. And a number after "No.".
_CONTINUES = re.compile(r"[\"“‘'(\[]*(?:[a-z](?![a-z]*[A-Z])|[\W\d_]*$)")
_NUMBER_SIGN = re.compile(r"\b(?:No|Nos|no|nos)\.$")
# A decimal point or the dot of a time written with a space after it ("a magnitude 6. 9 quake",
# "at 9. 25 a.m.", "rose 2. 5 percent": ECB+ and other re-tokenised text): a short number, its dot,
# one space and one or two digits are one number, not a sentence's end and the next one's start,
# where the number is money or is followed by its unit or scale ("$2. 6 million", "9. 25 am"), or
# where the text shows elsewhere that it was re-tokenised (_RETOKENISED). Else "a man aged 45. 12
# other people were hurt" is two sentences, as it is.
_DECIMAL_BEFORE = re.compile(r"(?<![\w,.])\d{1,3}\.$")
_MONEY_BEFORE = re.compile(r"[$£€¥]\d{1,3}\.$")
_DECIMAL_AFTER = re.compile(r"\d{1,2}(?![\d,.])")
_UNIT_AFTER = re.compile(
    r"\d{1,2}[\s-]?(?:million|billion|trillion|bn|mn|MM|percent|per cent|%|[ap]\.? ?m\.?(?![a-z])|[AP]M\b)"
)
# Signs that a text was re-tokenised (a space after every dot and comma): a spaced decimal,
# spaced initials ("a. m.", "U. S."), or thousands written "26, 000" twice or more (once may be
# "On March 8, 239 people").
_RETOKENISED = re.compile(r"(?<![\w,.])\d{1,3}\. \d{1,2}(?![\d,.])|\b[ap]\. m\.|\bU\. [SKN]\.")
_SPACED_THOUSANDS = re.compile(r"(?<![\w,.])\d{1,3}, \d{3}(?![\d,])")
_TAIL = 40
"""How many characters before a cut the checks of :func:`_rejoin` read: every pattern they use
ends at the cut, so a sentence many pieces long is not read again from its start for each."""


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join to the sentence before it each piece Punkt cut off wrongly (see ``_CONTINUES``),
    within a line: a line break still ends a sentence."""
    out: list[tuple[int, int]] = []
    retokenised: bool | None = None  # read once, when a spaced decimal is first met
    for start, end in spans:
        if out and "\n" not in text[out[-1][1] : start]:
            piece = text[start:end]
            before = text[max(out[-1][0], out[-1][1] - _TAIL) : out[-1][1]]
            decimal = bool(text[out[-1][1] : start] == " " and _DECIMAL_AFTER.match(piece) and _DECIMAL_BEFORE.search(before))
            if decimal and not (_MONEY_BEFORE.search(before) or _UNIT_AFTER.match(piece)):
                if retokenised is None:
                    thousands = len(_SPACED_THOUSANDS.findall(text))
                    retokenised = len(_RETOKENISED.findall(text)) + (thousands if thousands > 1 else 0) > 1
                decimal = retokenised
            if (
                _CONTINUES.match(piece)
                or (piece[:1].isdigit() and _NUMBER_SIGN.search(before))
                or decimal
                or _TITLE_BEFORE.search(before)
                or _initials(before, piece)
            ):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _initials(before: str, piece: str) -> bool:
    """``before`` ends with a person's initials and ``piece`` goes on with a name ("P.J." / "Carlesimo pile.").
    Two initials only, and not after "the": "by the F.B.I. Smith denied", "by R.E.M. Stipe said" end a
    sentence at the agency or band."""
    initials = _INITIALS_BEFORE.search(before)
    word = _WORD_AFTER.match(piece)
    if not initials or not word or initials.group(1).lower().rstrip(".") in NEWS_ABBREVIATIONS:
        return False
    if _THE_BEFORE.search(before, 0, initials.start()):
        return False
    return word.group().lower() not in SENTENCE_STARTERS


def paragraph_spans(article: Article) -> tuple[Span, ...]:
    """The kept paragraphs, or without cleaning results every non-empty line."""
    if article.paragraphs:
        return article.paragraphs
    return tuple(line_spans(article.text))


CUT_NOTE = "sentence(s) over {most:,} characters cut at a space into pieces (Settings.sentence_max_chars)"
"""How :func:`segment` notes, in ``Article.repaired``, the sentences it cut (after their number)."""


def _repeated(text: str, spans: list[tuple[int, int]], min_words: int) -> list[tuple[int, int]]:
    """``spans`` without each sentence of at least ``min_words`` words that an earlier one of the
    paragraph ``text`` gives word for word (spacing aside): one source's copy slip, not two reports."""
    if min_words <= 0:
        return spans
    seen: set[str] = set()
    out = []
    for start, end in spans:
        words = text[start:end].split()
        key = " ".join(words)
        if len(words) >= min_words and key in seen:
            continue
        seen.add(key)
        out.append((start, end))
    return out


def _cut_long(text: str, spans: list[tuple[int, int]], most: int) -> tuple[list[tuple[int, int]], int]:
    """``spans`` with each span longer than ``most`` characters cut into pieces of at most ``most``,
    each at the last whitespace of its second half (else at ``most``), without the whitespace
    between them; and how many spans were cut."""
    out: list[tuple[int, int]] = []
    cut = 0
    for start, end in spans:
        cut += end - start > most
        while end - start > most:
            space = max(text.rfind(c, start + most // 2, start + most + 1) for c in " \t\n\u00a0")
            stop = piece_end = space if space > start else start + most
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start = stop
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out, cut


def segment(article: Article, max_chars: int = 0, repeat_min_words: int = 0) -> Article:
    """Split the kept paragraphs of ``article`` into sentences; with ``max_chars``, a sentence
    longer than that is cut into pieces (:func:`_cut_long`, noted in ``Article.repaired``); with
    ``repeat_min_words``, a sentence of that many words or more that its paragraph gave before is
    left out (:func:`_repeated`), in ``Article.removed`` as a "repeated sentence" (a clean-up that needs
    the sentences, so made here)."""
    sentences: list[Sentence] = []
    repeated: list[Removed] = []
    cut = 0
    title = (article.title or "").strip()
    for number, paragraph in enumerate(paragraph_spans(article)):
        text = article.text[paragraph.start : paragraph.end]
        if title and text.strip() == title:
            role = "title"
        elif is_heading(text.strip()):
            role = "heading"
        else:
            role = "body"
        spans = [(0, len(text))] if role != "body" else sentence_spans(text)
        kept = _repeated(text, spans, repeat_min_words)
        repeated.extend(
            Removed(text[a:b], REPEATED_SENTENCE, paragraph.start + a, paragraph.start + b, KINDS[REPEATED_SENTENCE])
            for a, b in spans
            if (a, b) not in kept
        )
        spans = kept
        if max_chars:
            spans, long = _cut_long(text, spans, max_chars)
            cut += long
        for start, end in spans:
            index = len(sentences)
            sentences.append(
                Sentence(
                    id=sentence_id(article.id, index),
                    article=article.id,
                    index=index,
                    text=text[start:end],
                    start=paragraph.start + start,
                    end=paragraph.start + end,
                    paragraph=number,
                    role=role,
                )
            )
    notes = (f"{cut} {CUT_NOTE.format(most=max_chars)}",) if cut else ()
    removed = tuple(sorted((*article.removed, *repeated), key=lambda r: r.start)) if repeated else article.removed
    return replace(article, sentences=tuple(sentences), repaired=(*article.repaired, *notes), removed=removed)
