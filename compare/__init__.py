"""storycompare: compare how different outlets report the same news story.

    >>> from compare import compare
    >>> result = compare([
    ...     {"id": "a", "outlet": "Wire", "text": "NATO leaders met in Lisbon on Friday. They agreed on a missile shield."},
    ...     {"id": "b", "outlet": "Daily", "text": "NATO leaders agreed on a missile shield in Lisbon. Russia was invited."},
    ... ])
    >>> [a.label for a in result.articles]
    ['Wire', 'Daily']
    >>> result.to_dict()["schema"]
    'storycompare/1'

How alike two sentences are, 0 to 1 (word overlap, weighted by how informative each
word is, and difflib's ratio over the same words; word order counts for little):

    >>> from compare import sentence_similarity
    >>> sentence_similarity("NATO leaders met in Lisbon.", "NATO leaders met in Lisbon.")
    1.0
    >>> round(sentence_similarity("NATO leaders met in Lisbon.", "In Lisbon, NATO leaders met."), 2)
    0.91
    >>> sentence_similarity("NATO leaders met in Lisbon.", "The bakery won a prize.")
    0.0

The tone of a sentence toward one target named in it (what the framing uses):

    >>> from compare import target_tone
    >>> target_tone("Critics slammed Smith for the failed and corrupt plan.", "Smith")
    'unfavourable'
    >>> target_tone("Smith will travel to Ohio on Tuesday.", "Smith")
    'neutral'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from compare.clean_settings import CleanSettings
from compare.difference_settings import DifferenceSettings
from compare.errors import CompareError, InputError, LexiconError, OutputError, UsageError
from compare.event_settings import EventSettings
from compare.group_settings import GroupSettings
from compare.models import (
    Article,
    Comparison,
    Difference,
    Group,
    Pair,
    Removed,
    Sentence,
    Stance,
)
from compare.settings import Settings

if TYPE_CHECKING:
    from compare.analyze.framing.tone import target_tone
    from compare.pipeline import compare
    from compare.similarity import sentence_similarity


def __getattr__(name: str) -> Any:
    # compare() and sentence_similarity() load nltk; import them on first use so
    # that `storycompare --help` and `import compare.models` stay fast.
    if name == "compare":
        from compare.pipeline import compare

        return compare
    if name == "sentence_similarity":
        from compare.similarity import sentence_similarity

        return sentence_similarity
    if name == "target_tone":
        from compare.analyze.framing.tone import target_tone

        return target_tone
    raise AttributeError(f"module 'compare' has no attribute {name!r}")

__all__ = [
    "Article",
    "CleanSettings",
    "CompareError",
    "Comparison",
    "Difference",
    "DifferenceSettings",
    "EventSettings",
    "Group",
    "GroupSettings",
    "InputError",
    "LexiconError",
    "OutputError",
    "Pair",
    "Removed",
    "Sentence",
    "Settings",
    "Stance",
    "UsageError",
    "__version__",
    "compare",
    "sentence_similarity",
    "target_tone",
]
