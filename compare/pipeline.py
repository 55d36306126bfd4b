"""The whole comparison, stage by stage, in one function."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from compare import __version__
from compare.align import align
from compare.analyze.events import compare_pairs
from compare.analyze.groups import build_groups
from compare.analyze.omissions import unique_sentences
from compare.analyze.quotes import quotes_by_sentence
from compare.analyze.stance import frame
from compare.clean import clean
from compare.errors import UsageError
from compare.lexicon import load_lexicon
from compare.load import complete_metadata, load_inputs
from compare.models import Article, Comparison
from compare.segment import segment
from compare.settings import Settings

Input = str | os.PathLike[str] | Mapping[str, Any]


def compare(
    inputs: Sequence[Input],
    settings: Settings | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    pairs: Sequence[tuple[str, str]] | Sequence[str] | None = None,
    title: str | None = None,
    lexicon: str | os.PathLike[str] | None = None,
) -> Comparison:
    """Compare several articles about one story.

    ``inputs`` are paths (files or directories) or article records (mappings
    with ``text`` and optional ``title``, ``date``, ``outlet``, ``url``, ``id``).
    ``labels`` maps a file (or article id) to its outlet name; ``pairs`` limits
    the comparison to chosen article pairs (``("a", "b")`` or ``"a:b"``, by
    article id, file name or path); ``title`` names the story; ``lexicon`` is a
    JSON file extending the shipped actor and cue lexicon.

    The stages, in order:

    1. load     -- files and records → :class:`Article` (text, metadata, sha256)
    2. clean    -- boilerplate paragraphs out, each removal kept with its reason;
                   then title, date and outlet completed from the text
    3. segment  -- paragraphs → sentences with offsets and roles
    4. align    -- candidate pairs from an inverted index, difflib scoring,
                   average-linkage groups of sentences reporting the same fact
    5. analyze  -- per group kind, word diff and typed differences; per article
                   unique sentences; per pair similarity and same event; per
                   actor and article the framing
    6. the frozen :class:`Comparison` that ``reports`` renders
    """
    settings = settings or Settings()
    lex = load_lexicon(os.fspath(lexicon) if lexicon is not None else None)  # fail early on a bad file

    articles = load_inputs(inputs, labels)  # 1
    articles = tuple(complete_metadata(clean(a)) for a in articles)  # 2
    articles = tuple(segment(a) for a in articles)  # 3
    if len(articles) < 2:
        raise UsageError(f"comparison needs at least two articles, got {len(articles)}")
    chosen = _resolve_pairs(pairs, articles, inputs) if pairs else None
    if chosen is not None:
        keep = {x for pair in chosen for x in pair}
        articles = tuple(a for a in articles if a.id in keep)
    for article in articles:
        if not article.sentences:
            raise UsageError(f"{article.source}: no article text left after removing boilerplate")

    allowed = None
    if chosen is not None:
        allowed_set = {frozenset(p) for p in chosen}
        allowed = lambda a, b: frozenset((a, b)) in allowed_set  # noqa: E731
    sentences = [s for a in articles for s in a.sentences]
    alignment = align(sentences, settings, allowed)  # 4

    order = {a.id: n for n, a in enumerate(articles)}  # 5
    quotes = {sid: q for a in articles for sid, q in quotes_by_sentence(a).items()}
    groups = build_groups(alignment, quotes, order, settings)
    unique = unique_sentences(articles, groups)
    pair_records = compare_pairs(articles, groups, alignment, chosen, settings)
    stances = frame(articles, lex, settings)

    return Comparison(  # 6
        title=title or _story_title(articles),
        articles=articles,
        groups=groups,
        unique=unique,
        pairs=pair_records,
        stances=stances,
        settings=settings.to_dict(),
        version=__version__,
        pair_mode=chosen is not None,
    )


def _story_title(articles: Sequence[Article]) -> str:
    for article in articles:
        if article.title:
            return article.title
    return f"{len(articles)} articles compared"


def _resolve_pairs(
    pairs: Sequence[tuple[str, str]] | Sequence[str], articles: Sequence[Article], inputs: Sequence[Input]
) -> list[tuple[str, str]]:
    """Chosen pairs as article-id tuples; each side may be an id, a file name or a path."""
    names: dict[str, str] = {}
    for article in articles:
        names[article.id] = article.id
        names[article.source] = article.id
        names[Path(article.source).name] = article.id
        names[os.path.abspath(article.source)] = article.id
    out: list[tuple[str, str]] = []
    for pair in pairs:
        if isinstance(pair, str):
            if ":" not in pair:
                raise UsageError(f"--pair {pair}: expected A:B (two article ids or file names)")
            a, b = pair.rsplit(":", 1) if pair.count(":") > 1 and pair.rsplit(":", 1)[0] in names else pair.split(":", 1)
        else:
            a, b = pair
        ids = []
        for side in (a, b):
            key = side if side in names else os.path.abspath(side)
            if key not in names:
                known = ", ".join(x.id for x in articles)
                raise UsageError(f"--pair {a}:{b}: no input matches {side!r} (articles: {known})")
            ids.append(names[key])
        if ids[0] == ids[1]:
            raise UsageError(f"--pair {a}:{b}: an article cannot be compared with itself")
        pair_ids = (ids[0], ids[1])
        if pair_ids not in out and pair_ids[::-1] not in out:
            out.append(pair_ids)
    return out


__all__ = ["compare"]
