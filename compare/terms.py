"""An article's content words, weighted for telling one event from another; and the words of a denial.

Shared by story grouping (:mod:`compare.stories`) and the event judgement
(:mod:`compare.analyze.event_profile`): each content token of the headline and body
(the tokens of :mod:`compare.similarity`) is counted with a weight -- the
headline and the lede weigh more than the rest of the body, capitalised words
inside a sentence (names, places) and numbers more than common words.

The words that deny a report (:data:`DENIED_REPORTS`, :data:`REFUTING`; :data:`FALSE_WORDS` for the
differences, a few of them for the aligner) serve the aligner's :func:`compare.link_checks.denies` and
the typed differences' :mod:`compare.analyze.denials`, which may not import each other's stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from compare.models import Article
from compare.similarity import normalise_word
from compare.text import TOKEN as _WORD

DENIED_REPORTS = r"(?:reports?|claims?|rumou?rs?|allegations?|accusations?|stor(?:y|ies))"
"""What a denial denies, as a noun: "denied the reports", "rejected allegations", "fake news stories"
(regular-expression alternatives, for ``re.IGNORECASE``)."""
FALSE_WORDS = r"(?:false|untrue|fake|bogus|fabricated|baseless|unfounded|made up|hoax|rubbish|nonsense)"
"""What a denial calls a report, as a predicate ("are false", "is rubbish", "was made up"); each
reader decides where the word must stand ("a false alarm", "a fake bomb" deny nothing; "plans to
close it were nonsense" judge a plan: ``denials._DISMISSING``).  The aligner reads only some of
them (``link_checks._CALLED_FALSE``: why is said there)."""
REFUTING = r"(?:not true|debunk(?:s|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)"
"""Words that deny wherever they stand: "is not true", "debunked the claim", "refuted"."""

# After these a capitalised word is a name even though a full stop precedes it ("Mr. Steele").
_TITLES = frozenset("mr mrs ms dr sen rep gov gen lt col st pres prof rev".split())

HEADLINE_WEIGHT = 3.0
"""Weight of a token in the headline, relative to one in the body."""
LEDE_WEIGHT = 2.0
"""Weight of a token in the first ``LEDE_WORDS`` content words of the body."""
LEDE_WORDS = 80
NAME_WEIGHT = 2.0
"""Extra factor for capitalised words inside a sentence (names, places) and numbers."""


def sentence_tokens(text: str, names_allowed: bool) -> Iterable[tuple[str, bool]]:
    """(content token, looks like a name or number) for each word of one sentence."""
    clause_start = True
    previous = ""
    for match in _WORD.finditer(text):
        word = match.group()
        if not clause_start and match.start() > 0:
            # A colon or semicolon inside a sentence starts a clause whose first word is capitalised.
            gap = text[match.start() - 2 : match.start()]
            clause_start = ":" in gap or ";" in gap
        token = normalise_word(word)
        if token is not None:
            first = word[0]
            name = first.isdigit() or (
                names_allowed and first.isupper() and (not clause_start or previous.lower() in _TITLES)
            )
            yield token, name
        clause_start = False
        previous = word


def title_case(text: str) -> bool:
    """Most words capitalised: in a Title Case headline capitals do not mark names."""
    words = [w for w in _WORD.findall(text) if w[0].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > len(words) / 2


def weighted_terms(
    article: Article,
    headline_weight: float = HEADLINE_WEIGHT,
    lede_weight: float = LEDE_WEIGHT,
    lede_words: int = LEDE_WORDS,
    name_weight: float = NAME_WEIGHT,
) -> dict[str, float]:
    """Weighted counts of the article's content tokens (headline, lede and name weights)."""
    counts: dict[str, float] = defaultdict(float)
    name = name_weight
    if article.title:
        weight = headline_weight
        for token, is_name in sentence_tokens(article.title, not title_case(article.title)):
            counts[token] += weight * name if is_name else weight
    body = [s.text for s in article.sentences if s.role == "body"]
    if not body and not article.sentences:
        body = [line for line in article.text.split("\n") if line.strip()]
    n = 0
    for text in body:
        for token, is_name in sentence_tokens(text, True):
            weight = lede_weight if n < lede_words else 1.0
            counts[token] += weight * name if is_name else weight
            n += 1
    return dict(counts)
