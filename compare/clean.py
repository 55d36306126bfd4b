"""Stage 2: boilerplate out, at paragraph level.

Scraped news text carries the page around the article: donation appeals,
navigation and accessibility links, icon-font names, podcast players, tag lists,
reader comments and "latest stories" teasers.  :func:`clean` splits the text
into paragraphs and sorts each one into *kept* (``Article.paragraphs``, spans
into ``Article.text``) or *removed* (``Article.removed``, with a short human
reason that the reports show).  Nothing is lost: every non-blank paragraph is in
exactly one of the two.

Paragraphs.  A non-empty line is a paragraph, except that a blank-line-separated
block of hard-wrapped prose (several lines, most of them 40-100 characters and
not ending in sentence punctuation, the last one ending a sentence) is one
paragraph.  Spans never include surrounding whitespace.

The rules are data: pattern tables, each with its reason (``_LONE_LINES``,
``STRONG_APPEAL``, ``WEAK_APPEAL``, ...), applied by a few passes in order:

1. *line rules* judge each paragraph on its own: whole-line patterns for short
   lone lines (navigation, player controls, comment widgets, list headings),
   icon-name lists, date lines and bylines (``metadata:`` reasons, which a
   later stage reads dates from), and appeal cues scored by strength;
2. *tag lists*: a tag heading ("Keyword Tags:") takes the list line after it;
3. *comment threads*: from the short header lines (name, place, date) before
   the first "... writes:" line to the end or to the next other boilerplate.  A
   thread opens at a "Name in Place writes:" line in the last part of the
   article, or at the first of several "... writes:" lines; a lone widget line
   ("12 comments", "Add a comment") is removed on its own, since such widgets
   also stand inside articles;
4. *related stories*: a "Latest Stories"-like heading in the last part of the
   article, followed by teasers, takes everything after it, unless article
   prose (a reported sentence, a quotation, a long paragraph) resumes: then the
   region ends there (a sidebar box inside the text);
5. *sandwich*: a short, not news-like line between two appeal lines of the same
   block goes with them.

The rules err on the side of keeping text: patterns match whole lines or whole
words, quoted speech is ignored when looking for appeal cues, and a long
paragraph of prose is only removed when it is clearly an appeal or lies inside
a comment thread or related-stories region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare.clean_patterns import (
    ADDRESS,
    DATED_LINE,
    LINE_DATE,
    NEWS_LIKE,
    QUOTED,
    STRONG_APPEAL,
    WEAK_APPEAL,
    alternatives,
)
from compare.clean_settings import CleanSettings
from compare.models import Article, Removed, RemovedKind, Span
from compare.settings import Settings

DEFAULT_SETTINGS = Settings()

__all__ = [
    "APPEAL",
    "BYLINE",
    "CAPTION",
    "COMMENTS",
    "COPYRIGHT",
    "DATE_LINE",
    "ICONS",
    "MEDIA",
    "NAVIGATION",
    "PRINT_NOTE",
    "RELATED",
    "REPEAT",
    "REPEATED_SENTENCE",
    "SEPARATOR",
    "TAGS",
    "clean",
]

# --- reasons (they appear in the reports) -------------------------------------
APPEAL = "donation or subscription appeal"
NAVIGATION = "navigation or accessibility link"
ICONS = "icon-name list"
RELATED = "related-stories list"
COMMENTS = "reader comments"
TAGS = "keyword tag list"
MEDIA = "podcast or media player"
COPYRIGHT = "copyright notice"
BYLINE = "metadata: byline"
DATE_LINE = "metadata: date line"
PRINT_NOTE = "metadata: print edition note"
CAPTION = "photo caption"
SEPARATOR = "section break"
REPEAT = "repeated paragraph"
REPEATED_SENTENCE = "repeated sentence"  # left out by compare/segment.py, which reads sentences

KINDS: dict[str, RemovedKind] = {
    APPEAL: "appeal", NAVIGATION: "navigation", ICONS: "icons", RELATED: "related", COMMENTS: "comments",
    TAGS: "tags", MEDIA: "media", COPYRIGHT: "copyright", BYLINE: "byline", DATE_LINE: "date-line",
    PRINT_NOTE: "print-note", CAPTION: "caption", SEPARATOR: "separator", REPEAT: "repeat",
    REPEATED_SENTENCE: "repeat",
}  # fmt: skip
"""Each reason's :attr:`~compare.models.Removed.kind`, what other stages test."""

# The thresholds are fields of compare.settings.CleanSettings (Settings.clean).

# Reasons that end a comment thread (the next other boilerplate).
_THREAD_STOPPERS = frozenset({APPEAL, ICONS, RELATED, TAGS, MEDIA, COPYRIGHT})
# Reasons whose lines absorb a short, not news-like line between them.
_SANDWICH_REASONS = frozenset({APPEAL})
# Reasons a comment header line (name, place, date) may already have.
_HEADER_REASONS = frozenset({None, DATE_LINE, BYLINE, COMMENTS})


# --- whole-line tables --------------------------------------------------------
# Each entry: (reason, patterns).  A line of at most CleanSettings.lone_line_max_words words,
# whitespace collapsed and decoration (":", "»", "…", bullets) stripped from its
# ends, matches when one pattern matches all of it (case-insensitive).  First
# table wins, so "Read more" alone is navigation, and a related region only when
# teasers follow it (see _RELATED_HEADING).
_TIMECODE = r"(?:\d{1,2}:)?\d{1,2}:\d{1,2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?"
_LONE_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        NAVIGATION,
        (
            r"accessibility links?",
            r"skip (?:to|navigation)(?: (?:the )?(?:main )?(?:content|navigation|search|menu|footer))?"
            r"(?: and navigation)?",
            r"jump to (?:main )?(?:content|navigation)",
            r"breaking(?: news)?",
            r"read (?:more|full (?:story|article))",
            r"continue reading(?: the main story)?",
            r"(?:show|see|load|view) (?:more|all|less)",
            r"share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via) \w+)?",
            r"(?:tweet|email|e-mail|print|pin|whatsapp|facebook|twitter|linkedin|reddit|telegram|vk"
            r"|flipboard|copy link|copy url|save|bookmark)(?: this(?: article| story| page)?)?",
            r"(?:main |site )?(?:menu|navigation)",
            r"toggle (?:navigation|menu)",
            r"search|home(?: ?page)?|close|back|next(?: article| story)?|previous(?: article| story)?",
            r"(?:back|go|scroll|return) to top|top of (?:the )?page",
            r"advertisement|advert|ad|ad feedback|sponsored(?: content)?",
            r"story continues (?:below|after) (?:this |the )?"
            r"(?:advertisement|ad|slideshow|video|gallery|photos?)",
            r"(?:sign|log) (?:in|out|up)|login|logout|register|my account",
            r"follow us(?: on \w+)?|like us on facebook",
            r"click here(?: to [\w ]{1,40})?",
            r"(?:image|media|photo) (?:caption|copyright|source)|(?:hide|toggle|expand) caption",
            r"enlarge this image|getty images",
            r"cookie (?:settings|policy|preferences)|privacy policy",
            r"terms (?:of (?:use|service)|and conditions)",
            r"contact us|about us",
            r"(?:video |poll |content |page )?loading(?: …)?|please enable javascript.*",
            r"scroll down for (?:the )?(?:videos?|more)|view (?:gallery|slideshow|photos?)",
            r"follow (?:us|me|\w+(?: \w+)?) on (?:twitter|facebook|instagram)(?: ?: ?@\w+)?",
            r"view on (?:instagram|twitter|facebook|youtube)|ads by \w+|caption",
        ),
    ),
    (
        MEDIA,
        (
            r"podcasts?",
            r"listen(?: now| live| to (?:this|the) (?:article|story|episode|podcast))?",
            r"play|pause|mute|unmute|now playing",
            r"(?:audio|media|video) player|video|audio",
            r"watch(?: (?:the )?(?:video|now|live))?",
            r"download(?: (?:the )?(?:audio|mp3|episode|podcast))?",
            r"\d+ min(?:ute)?s? (?:listen|watch)",
            _TIMECODE,
        ),
    ),
    (
        COMMENTS,
        (
            r"\d+ (?:comments?|replies|responses)",
            r"comments?(?: \(\d+\))?",
            r"(?:add|leave|post|write|show|view|hide|load more|see all|read all) "
            r"(?:a |your |the |all )?(?:comments?|replies)",
            r"reply|replies|report(?: abuse)?|like · reply",
            r"join the (?:discussion|conversation)",
        ),
    ),
    (
        RELATED,
        (
            r"latest(?: stories| news| articles| posts| headlines)?",
            r"related(?: stories| articles| content| news| coverage| links| posts| reading| videos)?",
            r"more (?:from|on|in|about) .{1,40}",
            r"more (?:stories|news|articles|headlines|videos)",
            r"read (?:next|also)|also read|see also|further reading|what to read next",
            r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)",
            r"recommended(?: for you| stories| reading| articles)?",
            r"most (?:read|popular|viewed|shared|emailed|commented)",
            r"trending(?: now| stories| news)?|popular (?:now|stories|today)",
            r"top (?:stories|news|headlines)|editors?'? ?(?:picks|choice)",
            r"don'?t miss|in other news|around the web|elsewhere on .{1,30}",
            r"see all related|complete coverage",
        ),
    ),
    (
        TAGS,
        (
            r"(?:keyword |related |article )?(?:tags|topics|keywords|subjects)",
            r"tagged(?: with| as)?|filed (?:under|in)|categor(?:y|ies)",
        ),
    ),
    (
        APPEAL,
        (
            r"support us|(?:donate|subscribe|contribute|give)(?: now| today| here)?",
            r"become a (?:member|supporter|subscriber|patron)",
            r"(?:payment|paiment) methods?",
            r"remind me later|maybe later|not now|no,? thanks",
            r"monthly|one[- ]time|annual(?:ly)?|yearly",
        ),
    ),
)
_LONE_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(alternatives(*patterns), re.IGNORECASE)) for reason, patterns in _LONE_TABLE
)
# Headings that open a related-stories region when teasers follow them.
_RELATED_HEADING = re.compile(alternatives(r"read more", *dict(_LONE_TABLE)[RELATED]), re.IGNORECASE)
_TAG_HEADING = re.compile(alternatives(*dict(_LONE_TABLE)[TAGS]), re.IGNORECASE)
_WRAP_STOPS = (".", "!", "?", '"', "”", "’", ":")
_DECORATION = " \t:|»›>→←<«‹•·.…!*#-–—"

# --- other line rules -----------------------------------------------------------
_ICON = re.compile(r"icon(?![a-z])", re.IGNORECASE)

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|al|bin|da|di|du|la|le)){0,4}"
_CREDITED = r"(?:[A-Z][\w.'’&/-]*|of|the|and|on|for)"  # a word of a credited name
_BYLINE = re.compile(
    alternatives(
        # Posted by Ivo Daalder; (Reporting by X; Editing by Y)
        r"\(?(?i:posted|written|published|reported|compiled|edited|produced|photos?"
        r"|(?:additional )?reporting)(?i: and \w+)? (?i:by)\b.+",
        # By Jane Doe, By JANE DOE and John Roe | Reuters
        rf"(?:By|BY|by):?\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*(?:,|\||[-–—]|for)\s*[A-Z0-9].{{0,80}})?",
        r"(?i:author|written by|byline)\s*:\s*[A-Z].{0,80}",
        # credits: "via @JukinVideo", "H/T: Quartz" ("Via Rail cancels trains" is no credit)
        r"(?i:via|h/t|hat tip)\s*:?\s*@\w+.{0,40}|(?i:h/t|hat tip)\s*:?\s*[A-Z].{0,60}",
        # a source credit: "Source: The NY Times", "Via: The Verge", "Photo credit: AP" (a line of
        # names only: "Source: officials say the deal is off" is a sentence, and kept)
        rf"(?i:sources?|via|credits?|(?:image|photo|video) (?:source|credit)s?)\s*:\s*(?:@\w+|{_CREDITED}(?:\s+{_CREDITED}){{0,6}})",
        # a bracketed picture or source credit on a line of its own: "[Image via AP Images]",
        # "(Photo courtesy: YouTube screengrab)", "[h/t Uproxx]", "(Editing by Pravin Char)"
        r"[\[(]\s*(?i:(?:featured|top|header|lead|main|file|cover)\s+)?"
        r"(?i:images?|photos?|pictures?|pics?|videos?|footage|graphics?|screen ?(?:grab|shot)s?|credits?"
        r"|courtesy|h/t|hat tip|via|sources?|editing|(?:additional )?reporting)\b[^\[\]()]{0,100}[\])]",
        # ... or a bracketed name alone: "(Facebook)", "(The Daily Mail)", "(AP Photo/Alejandrino Gonzalez)"
        rf"[\[(]\s*{_CREDITED}(?:\s*[\s/|,]\s*{_CREDITED}){{0,7}}\s*[\])]",
        # an embedded post's signature: "— Bennett Kulcsar (@BennettKulcsar) September 8, 2014"
        rf"[—–-]+\s*[^()]{{1,60}}\(@\w+\)\s*(?i:{LINE_DATE})",
    )
)
# A photo caption ends with its picture credit in brackets: "(AP Photo/Hani Mohammed)", "(Picture:
# CEN)", "(Getty Images photo)".  It describes a picture, and its day is the picture's
# ("... at Madison Square Garden on November 5, 2014"), not the story's.  "(+Photos, Video)" after
# a headline announces pictures, and a sentence in brackets ("(If the figures look strange in the
# photo above, ...)") is prose: neither is a credit.
_CAPTION = re.compile(
    r"\((?!\s*\+)[^()]{0,120}\b(?:photos?|pictures?|images?|getty|shutterstock|filmmagic)\b[^()]{0,80}(?<![.!?])\)\s*$",
    re.IGNORECASE,
)
_ABOUT_AUTHOR = re.compile(r"about the author\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?]$|(?<!\b[A-Z])(?<!\bJr|\bSr)\.$")

_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}).*|.*\ball rights reserved\b.*", re.IGNORECASE
)

# "A version of this article appears in print on June 9, 2010, on page A1 of the New York
# edition with the headline: ...": where the story ran on paper, not what it reports.
_PRINT_NOTE = re.compile(
    r"(?:a version of )?this (?:article|story|review|column|op-ed|essay|interview) appear(?:s|ed) in print\b.*",
    re.IGNORECASE,
)
# "Related: <title>" or "Read more: <title>" inside an article: one teaser line.
_INLINE_RELATED = re.compile(r"(?:read (?:more|also|next)|related|see also|also read)\s*:\s*\S.{0,150}", re.I)
# "Tags: Russia, NATO, Missile Defense" on one line.
_INLINE_TAGS = re.compile(
    r"(?:keyword tags|tags|topics|keywords|filed under|tagged(?: with)?|categories)\s*:\s*(?P<list>\S.*)",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;|•·/]|\s[-–—]\s)\s*")

# "Mary D. in Kansas writes:" (strong, with a place) or "Mary writes:" (weak).
_WRITES = re.compile(
    rf"(?P<who>{_NAME})(?P<place>\s+(?:in|from)\s+{_NAME}(?:,\s*{_NAME})?)?\s+"
    r"(?:writes|wrote|commented|comments|replied|replies|responded)\s*:"
)
_OPENING_QUOTES = "\"“‘'«"
_SENTENCE_FINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_HEADER_END = re.compile(r"[!?:;,]$|(?<!\b[A-Z])\.$")


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    block: int  # index of the blank-line-separated block
    flat: str  # the text with whitespace runs collapsed to one space

    @property
    def words(self) -> int:
        return self.flat.count(" ") + 1

    @property
    def core(self) -> str:
        """The text without decoration at its ends, for whole-line patterns."""
        return self.flat.strip(_DECORATION)


# --- paragraphs -----------------------------------------------------------------
def _paragraphs(text: str, rules: CleanSettings) -> list[_Para]:
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            current.append((start, start + len(stripped)))
        elif current:
            blocks.append(current)
            current = []
        pos += len(line) + 1
    if current:
        blocks.append(current)

    paragraphs: list[_Para] = []
    for index, lines in enumerate(blocks):
        wrapped = _hard_wrapped([text[start:end] for start, end in lines], rules)
        spans = [(lines[0][0], lines[-1][1])] if wrapped else lines
        for start, end in spans:
            paragraphs.append(_Para(start, end, index, " ".join(text[start:end].split())))
    return paragraphs


def _hard_wrapped(lines: Sequence[str], rules: CleanSettings) -> bool:
    """Several lines, most wrapped mid-sentence at 40-100 characters, the last ending a
    sentence, none a lone boilerplate line (so a headline is not glued to a byline)."""
    if len(lines) < 2 or any(len(line) > rules.wrap_max_chars for line in lines):
        return False
    wrapped = sum(len(line) >= rules.wrap_min_chars and not line.endswith(_WRAP_STOPS) for line in lines[:-1])
    if 2 * wrapped <= len(lines) - 1 or not _SENTENCE_FINAL.search(lines[-1]):
        return False
    return not any(_whole_line_reason(" ".join(line.split()), rules) for line in lines)


# --- pass 1: line rules -----------------------------------------------------------
def _whole_line_reason(flat: str, rules: CleanSettings) -> str | None:
    """Reasons that need the whole line to match: lone lines, date lines, bylines, and a line with no letter
    nor digit ("...", "* * *"), which breaks a section and says nothing."""
    if not any(c.isalnum() for c in flat):
        return SEPARATOR
    if flat.count(" ") < rules.lone_line_max_words:
        core = flat.strip(_DECORATION)
        for reason, pattern in _LONE_LINES:
            if pattern.fullmatch(core):
                return reason
    if DATED_LINE.fullmatch(flat.strip(_DECORATION)):
        return DATE_LINE
    words = flat.count(" ") + 1
    if words <= rules.byline_max_words and _BYLINE.fullmatch(flat) and not _SENTENCE_END.search(flat.rstrip(")")):
        return BYLINE
    if _ABOUT_AUTHOR.match(flat) and words <= 2 * rules.long_paragraph_words:
        return BYLINE
    return None


def _icon_list(flat: str, rules: CleanSettings) -> bool:
    icons = len(_ICON.findall(flat))
    return icons >= rules.icon_min and icons >= rules.icon_share * (flat.count(" ") + 1)


def _list_like(flat: str, rules: CleanSettings) -> bool:
    """A comma-, dash- or bar-separated list of short items (tags), not a sentence."""
    if not flat or flat[-1] in ".!?" or flat.count(" ") >= 2 * rules.long_paragraph_words:
        return False
    items = [item for item in _LIST_SEPARATOR.split(flat) if item]
    if len(items) == 1:
        return items[0].count(" ") < 4
    return all(item.count(" ") < 5 for item in items)


def _news_like(flat: str) -> bool:
    return NEWS_LIKE.search(flat) is not None


def _appeal(para: _Para, rules: CleanSettings) -> bool:
    unquoted = QUOTED.sub(" ", para.flat)
    strong = STRONG_APPEAL.search(unquoted) is not None
    if para.words > rules.long_paragraph_words:
        return strong and not _news_like(unquoted)
    if strong:
        return True
    if _news_like(unquoted) or not ADDRESS.search(unquoted):
        return False
    return sum(pattern.search(unquoted) is not None for pattern in WEAK_APPEAL) >= 2


def _line_reason(para: _Para, rules: CleanSettings) -> str | None:
    flat = para.flat
    if _icon_list(flat, rules):
        return ICONS
    reason = _whole_line_reason(flat, rules)
    if reason:
        return reason
    if para.words <= rules.byline_max_words:
        match = _INLINE_TAGS.fullmatch(flat)
        if match and _list_like(match["list"], rules):
            return TAGS
        if _INLINE_RELATED.fullmatch(flat):
            return RELATED
        if _COPYRIGHT.fullmatch(flat):
            return COPYRIGHT
    if para.words <= 2 * rules.long_paragraph_words and _PRINT_NOTE.fullmatch(flat):
        return PRINT_NOTE
    if para.words <= rules.caption_max_words and _CAPTION.search(flat):
        return CAPTION
    if _appeal(para, rules):
        return APPEAL
    return None


# --- pass 2: tag lists --------------------------------------------------------------
def _tag_lists(paras: Sequence[_Para], reasons: list[str | None], rules: CleanSettings) -> None:
    for i in range(len(paras) - 1):
        if (
            reasons[i] == TAGS
            and reasons[i + 1] is None
            and _TAG_HEADING.fullmatch(paras[i].core)
            and _list_like(paras[i + 1].flat, rules)
        ):
            reasons[i + 1] = TAGS


# --- pass 3: comment threads ---------------------------------------------------------
def _writes_kind(flat: str) -> int:
    """2 for "Name in Place writes:", 1 for "Name writes:", 0 otherwise."""
    match = _WRITES.fullmatch(flat)
    if match is None:
        return 0
    return 2 if match["place"] else 1


def _header_like(para: _Para, reason: str | None, rules: CleanSettings) -> bool:
    """A comment header line: a date, or a short name or place ("Mary D.", "Kansas, USA")."""
    if reason not in _HEADER_REASONS:
        return False
    if reason == DATE_LINE:
        return True
    return para.words <= rules.header_max_words and not _HEADER_END.search(para.flat)


def _comment_threads(paras: Sequence[_Para], reasons: list[str | None], tail: int, rules: CleanSettings) -> None:
    kinds = [_writes_kind(p.flat) for p in paras]
    i = 0
    while i < len(paras):
        # A thread opens at a "Name in Place writes:" line in the last part, or at
        # the first of several "... writes:" lines anywhere.
        if not (
            (kinds[i] == 2 and paras[i].start >= tail)
            or (kinds[i] and sum(1 for k in kinds[i:] if k) >= rules.min_writes_lines)
        ):
            i += 1
            continue
        first = i
        while (
            first > 1  # never the title line
            and i - first < rules.max_comment_header_lines
            and _header_like(paras[first - 1], reasons[first - 1], rules)
        ):
            first -= 1
        last = i + 1
        while last < len(paras) and not (
            reasons[last] in _THREAD_STOPPERS or _RELATED_HEADING.fullmatch(paras[last].core)
        ):
            last += 1
        for j in range(first, last):
            reasons[j] = COMMENTS
        i = last


# --- pass 4: related stories -----------------------------------------------------------
def _body_like(para: _Para, rules: CleanSettings) -> bool:
    """Article prose: long, or a reported sentence or quotation (teasers are neither)."""
    if para.words > rules.long_paragraph_words:
        return True
    if para.words < rules.body_min_words:
        return False
    quotation = para.flat[0] in _OPENING_QUOTES
    return quotation or (_SENTENCE_FINAL.search(para.flat) is not None and _news_like(para.flat))


def _related_region(paras: Sequence[_Para], reasons: list[str | None], tail: int, rules: CleanSettings) -> None:
    """A related-stories heading in the last part takes the teasers after it, up to
    the end or to article prose that resumes (a sidebar box inside the text)."""
    i = 0
    while i < len(paras):
        if paras[i].start < tail or not _RELATED_HEADING.fullmatch(paras[i].core):
            i += 1
            continue
        last = i + 1
        while last < len(paras) and not (reasons[last] is None and _body_like(paras[last], rules)):
            last += 1
        if last > i + 1:  # with nothing listed, the heading keeps its line reason
            for j in range(i, last):
                reasons[j] = RELATED
        i = last


# --- pass 5: sandwiched lines ---------------------------------------------------------
def _sandwiches(paras: Sequence[_Para], reasons: list[str | None], rules: CleanSettings) -> None:
    before = list(reasons)
    for i in range(1, len(paras) - 1):
        reason = before[i - 1]
        if (
            before[i] is None
            and reason in _SANDWICH_REASONS
            and before[i + 1] == reason
            and paras[i - 1].block == paras[i].block == paras[i + 1].block
            and paras[i].words <= rules.long_paragraph_words
            and not _news_like(paras[i].flat)
        ):
            reasons[i] = reason


def _repeats(paras: Sequence[_Para], reasons: list[str | None]) -> None:
    """A paragraph that repeats word for word the one kept before it (a source's copy slip) says nothing new."""
    last = None
    for i, para in enumerate(paras):
        if reasons[i] is None and para.flat == last:
            reasons[i] = REPEAT
        elif reasons[i] is None:
            last = para.flat


# --- the stage ----------------------------------------------------------------------------
def clean(article: Article, settings: Settings | None = None) -> Article:
    """Split ``article.text`` into paragraphs and take the boilerplate out.

    Returns a copy with ``paragraphs`` (kept spans, in text order) and ``removed``
    (each with its reason, in text order) filled; every non-blank paragraph of
    the text is in exactly one of them.  The thresholds are ``settings.clean``.
    """
    rules = (settings or DEFAULT_SETTINGS).clean
    text = article.text
    paras = _paragraphs(text, rules)
    reasons = [_line_reason(p, rules) for p in paras]
    _tag_lists(paras, reasons, rules)
    tail = int(len(text.rstrip()) * rules.tail_fraction)
    _comment_threads(paras, reasons, tail, rules)
    _related_region(paras, reasons, tail, rules)
    _sandwiches(paras, reasons, rules)
    _repeats(paras, reasons)

    kept: list[Span] = []
    removed: list[Removed] = []
    for para, reason in zip(paras, reasons, strict=True):
        if reason is None:
            kept.append(Span(para.start, para.end))
        else:
            removed.append(Removed(text[para.start : para.end], reason, para.start, para.end, KINDS[reason]))
    return replace(article, paragraphs=tuple(kept), removed=tuple(removed))
