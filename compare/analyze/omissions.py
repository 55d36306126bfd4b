"""What only one outlet reports: the sentences of each article in no group."""

from __future__ import annotations

from collections.abc import Sequence

from compare.models import Article, Group


def unique_sentences(articles: Sequence[Article], groups: Sequence[Group]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(article id, its sentence ids that no other article reports), in input order."""
    grouped = {member for group in groups for member in group.members}
    return tuple(
        (article.id, tuple(s.id for s in article.sentences if s.id not in grouped)) for article in articles
    )
