"""storycompare: compare how different outlets report the same news story.

    >>> from compare import compare
    >>> result = compare(["a.txt", "b.txt"])
    >>> result.to_dict()["schema"]
    'storycompare/1'
"""

from __future__ import annotations

__version__ = "0.1.0"

from compare.errors import CompareError, InputError, LexiconError, OutputError, UsageError
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

__all__ = [
    "Article",
    "CompareError",
    "Comparison",
    "Difference",
    "Group",
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
]
