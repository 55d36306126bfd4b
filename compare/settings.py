"""Every threshold of the pipeline, named and documented, in one frozen record.

The defaults were chosen on the example story (``examples/nato-russia-2010``)
and its reference judgements (``tests/data/nato-russia-2010.gold.json``); the
benchmark scripts in ``benchmarks/`` measure them on external data.  Change a
value with :func:`dataclasses.replace`::

    from dataclasses import replace
    from compare import Settings
    strict = replace(Settings(), link_threshold=0.45)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    # --- segment -------------------------------------------------------------
    language: str = "english"
    """Language of the Snowball stemmer and of the stopword list."""

    # --- similarity ----------------------------------------------------------
    overlap_weight: float = 0.65
    """Share of the weighted token overlap (Dice) in the sentence similarity; the
    rest is difflib's ``SequenceMatcher.ratio`` over the same normalised tokens,
    which rewards shared phrases in the same order."""

    min_content_tokens: int = 2
    """Sentences with fewer content tokens (after stopwords) are never linked:
    one-word crossheads such as "Podcasts" carry no fact to align."""

    # --- align ---------------------------------------------------------------
    link_threshold: float = 0.3
    """Two sentences from different articles are linked (report the same fact)
    when their similarity reaches this value."""

    group_threshold: float = 0.25
    """Two groups merge only when the mean similarity over all their cross-article
    sentence pairs reaches this value (average linkage); this stops chains of
    weak links from pulling unrelated sentences into one group."""

    # --- analyze -------------------------------------------------------------
    agree_threshold: float = 0.45
    """A group whose mean pairwise similarity reaches this value and which has no
    conflicting difference is "agree"; below it, "partial" (the members share a
    fact but each says more or less)."""

    quote_match_threshold: float = 0.8
    """Two quotations are the same words when their similarity reaches this value;
    below it, quotations by the same speaker in one group are a "quote" difference."""

    same_event_threshold: float = 0.12
    """Two articles cover the same event when the share of their sentences that are
    aligned with each other reaches this value and their dates do not conflict."""

    same_event_max_days: int = 10
    """Publication dates further apart than this many days mark different events."""

    stance_margin: float = 0.3
    """A framing score (cooperative minus reluctant cues over all cues, -1..1) at or
    above this value is "cooperative", at or below its negative "reluctant";
    in between, with cues of both kinds, "mixed"; with no cues, "neutral"."""

    max_actors: int = 6
    """How many main actors get a framing row (the most mentioned across articles,
    each mentioned by at least two articles)."""

    def to_dict(self) -> dict[str, Any]:
        """The settings as a plain dict (the JSON report's "settings" object)."""
        return asdict(self)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
