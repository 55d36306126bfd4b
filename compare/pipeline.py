"""The whole comparison, stage by stage, in one function."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from compare import __version__, semantic
from compare.align import align
from compare.analyze.event_profile import EventProfile, made_from
from compare.analyze.event_sets import compare_pairs, place_groups
from compare.analyze.framing import credit, finish
from compare.analyze.groups import build_groups, sampled_groups
from compare.analyze.omissions import unique_sentences
from compare.analyze.quotes import quotes_by_sentence
from compare.clean import clean
from compare.errors import InputError, UsageError
from compare.lexicon import Lexicon, load_lexicon
from compare.load import load_inputs
from compare.metadata import complete_metadata
from compare.models import Article, Comparison, Event
from compare.parts import part_texts
from compare.segment import CUT_NOTE, segment
from compare.settings import Settings

Input = str | os.PathLike[str] | Mapping[str, Any]

Skipped = tuple[str, str]
"""An item :func:`compare` left out with ``skip_bad=True``: (where, problem),
e.g. ``("feed.jsonl", "line 3: invalid JSON: Expecting value (column 10)")``;
``f"{where}: {problem}"`` is the message the error would have had."""


def compare(
    inputs: Sequence[Input] = (),
    settings: Settings | None = None,
    *,
    texts: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
    pairs: Sequence[tuple[str, str]] | Sequence[str] | None = None,
    title: str | None = None,
    lexicon: str | os.PathLike[str] | None = None,
    skip_bad: bool = False,
    skipped: list[Skipped] | None = None,
) -> Comparison:
    """Compare several articles about one story.

    ``inputs`` are paths (files or directories) or article records (mappings
    with ``text`` and optional ``title``, ``date``, ``outlet``, ``url``, ``id``).
    ``labels`` maps a file (or article id) to its outlet name; ``pairs`` limits
    the comparison to chosen article pairs (``("a", "b")`` or ``"a:b"``, by
    article id, file name or path); ``title`` names the story; ``lexicon`` is a
    JSON file extending the shipped actor and cue lexicon.

    A bad input (missing, unreadable, empty, binary, too large, a JSON record
    without text, a broken JSONL line, an article that is all boilerplate)
    raises :class:`~compare.errors.InputError` naming it.  With ``skip_bad=True``
    it is left out instead and ``(where, problem)`` appended to ``skipped``
    (pass a list to learn what was left out; nothing is printed); fewer than two
    articles left is still an error.

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
    if isinstance(inputs, (str, bytes, os.PathLike, Mapping)) or isinstance(texts, (str, bytes)):
        raise UsageError(
            "compare() takes a list of paths or records, and article texts as texts=[...] "
            "(e.g. compare(['a.txt', 'b.html']) or compare(texts=[first, second]))"
        )
    for name, given in (("inputs", inputs), ("texts", texts)):  # None: "'NoneType' object is not iterable"
        if not isinstance(given, Iterable) or isinstance(given, (Mapping, AbstractSet)):  # a set's order changes between runs
            raise UsageError(f"compare(): {name} must be a list, got {_kind(given)}")
    inputs = list(inputs)  # once: a generator is read here, and checked
    _check_arguments(settings, labels, pairs, title)
    _check_inputs(inputs, texts, lexicon, skipped)
    inputs = [*inputs, *({"id": f"text-{n}", "text": text} for n, text in enumerate(texts, start=1))]
    settings = settings or Settings()
    lex = load_lexicon(os.fspath(lexicon) if lexicon is not None else None)  # fail early on a bad file

    refused: list[InputError] = []
    loaded = load_inputs(inputs, labels, skip_bad=skip_bad, skipped=refused)  # 1
    if not pairs:
        _check_pairs(len(loaded) * (len(loaded) - 1) // 2, f"{len(loaded):,} articles make", settings)
    if skipped is not None:
        skipped.extend((error.source, error.detail) for error in refused)
    articles: list[Article] = []
    empty: list[tuple[Article, InputError]] = []
    for article in loaded:
        try:
            articles.append(prepare(article, settings))  # 2 and 3
        except InputError as problem:  # no text left after cleaning
            if not skip_bad:
                empty.append((article, problem))
            elif skipped is not None:
                skipped.append((problem.source, problem.problem))
    present = {a.id for a in articles} | {a.id for a, _ in empty}
    chosen = _resolve_pairs(pairs, [a for a in loaded if a.id in present], inputs) if pairs else None
    if chosen is not None:
        _check_pairs(len(chosen), "the chosen pairs are", settings)
    for article, refusal in empty:  # an empty article outside the chosen pairs is no error
        if chosen is None or any(article.id in pair for pair in chosen):
            raise refusal
    return compare_prepared(articles, settings, chosen=chosen, title=title, lexicon=lex)  # 4 to 6


def _check_pairs(count: int, what: str, settings: Settings) -> None:
    """A UsageError when ``count`` pairs of articles are more than ``Settings.article_pairs_max``."""
    most = settings.article_pairs_max
    if most and count > most:
        raise UsageError(
            f"{what} {count:,} pairs to compare, over {most:,} (Settings.article_pairs_max): "
            "`storycompare batch` sorts many articles into stories and compares each, and --pair chooses the pairs to compare"
        )


def _kind(value: object) -> str:
    return type(value).__name__


def _check_arguments(settings: object, labels: object, pairs: object, title: object) -> None:
    """:func:`compare`'s keyword arguments of the wrong kind, refused before any work with a
    :class:`~compare.errors.UsageError` saying what was expected: a title or an outlet that was
    not text went into the JSON (against its schema) and stopped the HTML report with a TypeError,
    ``pairs="a:b"`` was read letter by letter ("--pair a: expected A:B"), and a settings dict failed
    deep in the cleaning (AttributeError)."""
    if settings is not None and not isinstance(settings, Settings):
        raise UsageError(f"compare(): settings must be a compare.Settings, got {_kind(settings)}")
    if title is not None and not isinstance(title, str):
        raise UsageError(f"compare(): title must be a string, got {_kind(title)}")
    if labels is not None:
        if not isinstance(labels, Mapping):
            raise UsageError(f"compare(): labels must map a file or article id to its outlet, got {_kind(labels)}")
        for key, outlet in labels.items():
            if not isinstance(key, (str, os.PathLike)) or not isinstance(outlet, str):
                raise UsageError(f"compare(): labels must map a file or article id to an outlet name, got {key!r}: {outlet!r}")
    if pairs is not None:
        if isinstance(pairs, (str, bytes)) or not isinstance(pairs, Sequence):
            raise UsageError(f"compare(): pairs must be a list of pairs (\"a:b\" or (\"a\", \"b\")), got {_kind(pairs)}")
        for pair in pairs:
            if not isinstance(pair, str) and not (
                isinstance(pair, Sequence) and len(pair) == 2 and all(isinstance(side, str) for side in pair)
            ):
                raise UsageError(f"compare(): a pair must be \"a:b\" or (\"a\", \"b\"), got {pair!r}")


def _check_inputs(inputs: Sequence[object], texts: Sequence[object], lexicon: object, skipped: object) -> None:
    """:func:`compare`'s inputs, texts, ``lexicon`` and ``skipped`` of the wrong kind, refused with a
    :class:`~compare.errors.UsageError`: ``None``, a number or a nested list among the inputs, a
    bytes path, a lexicon given as a dict and a tuple for ``skipped`` each stopped with a TypeError
    or an AttributeError from deep inside; a text that was bytes was "<record 1>: no text field"."""
    for text in texts:
        if not isinstance(text, str):
            raise UsageError(f"compare(): texts must be strings, got {_kind(text)}")
    for item in inputs:
        if not isinstance(item, (str, os.PathLike, Mapping)):
            raise UsageError(
                "compare(): an input must be a path (str or os.PathLike) or an article record "
                f"(a mapping with text), got {_kind(item)}"
                + (" (decode a bytes path with os.fsdecode)" if isinstance(item, bytes) else "")
            )
    if lexicon is not None and not isinstance(lexicon, (str, os.PathLike)):
        raise UsageError(f"compare(): lexicon must be the path of a JSON file, got {_kind(lexicon)}")
    if skipped is not None and not isinstance(skipped, list):
        raise UsageError(f"compare(): skipped must be a list that the items left out are appended to, got {_kind(skipped)}")


NO_TEXT_LEFT = "no article text left after removing boilerplate"


def prepare(article: Article, settings: Settings | None = None) -> Article:
    """Stages 2 and 3 of :func:`compare` for one loaded article: clean it (boilerplate
    out), complete its metadata from the kept text, and segment it into sentences.

    ``compare()`` and ``storycompare batch`` both prepare every article with this.
    Raises :class:`~compare.errors.InputError` when no sentence is left (an article
    that is all boilerplate), naming the file (and the article, when the file holds
    several).
    """
    settings = settings or Settings()
    prepared = segment(
        complete_metadata(clean(article, settings)), settings.sentence_max_chars, settings.clean.repeat_sentence_min_words
    )
    if not prepared.paragraphs or not prepared.sentences:
        # Without kept paragraphs segment() would split the whole text, boilerplate included.
        raise InputError(article_where(article), NO_TEXT_LEFT)
    return prepared


def article_where(article: Article) -> str:
    """How an error names an article: its source, and its id when the source (a JSON
    array or JSONL file) holds several articles."""
    if article.source.startswith("<record ") or Path(article.source).stem == article.id:
        return article.source
    return f"{article.source} article {article.id}"


def compare_prepared(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    chosen: Sequence[tuple[str, str]] | None = None,
    title: str | None = None,
    lexicon: Lexicon | None = None,
    event_profiles: Mapping[str, EventProfile] | None = None,
) -> Comparison:
    """Compare articles that are already loaded, cleaned and segmented: the stages 4
    (align), 5 (analyze) and 6 of :func:`compare`, which ends by calling this.

    ``chosen`` are article-id pairs (``--pair``): only their articles are compared,
    and only those pairs; ``lexicon`` a loaded :class:`~compare.lexicon.Lexicon`
    (default: the shipped one).  ``storycompare batch`` calls this for each story,
    with the articles' ``event_profiles`` (by article id) that it made to group them:
    they are not made again.  Each must be :func:`~compare.analyze.event_profile.event_profile`
    of that very article (checked: another's raises :class:`~compare.errors.UsageError`), and
    a profile for an id that is none of ``articles`` is a UsageError too (one ``chosen`` leaves
    out is checked, then not used).
    """
    settings = settings or Settings()
    lex = lexicon if lexicon is not None else load_lexicon(None)
    articles = tuple(articles)
    _need_two(articles)
    _check_profiles(articles, event_profiles or {})
    if chosen is not None:
        keep = {x for pair in chosen for x in pair}
        articles = tuple(a for a in articles if a.id in keep)
    for article in articles:
        if not article.sentences:
            raise InputError(article_where(article), NO_TEXT_LEFT)

    allowed = None
    if chosen is not None:
        allowed_set = {frozenset(p) for p in chosen}
        allowed = lambda a, b: frozenset((a, b)) in allowed_set  # noqa: E731
    sentences = [s for a in articles for s in a.sentences]
    if settings.semantic:  # the sentences and their parts are embedded meanwhile, for the aligner (semantic.embed_ahead)
        semantic.embed_ahead([*(s.text for s in sentences), *part_texts(sentences, settings)], settings.semantic_max_chars)
    by_article = {a.id: quotes_by_sentence(a) for a in articles}  # found once, for the groups and the framing
    quotes = {sid: q for found in by_article.values() for sid, q in found.items()}
    credited = credit(articles, lex, settings, quotes=lambda article: by_article[article.id])  # 5, before 4: no embedding
    alignment = align(sentences, settings, allowed)  # 4

    order = {a.id: n for n, a in enumerate(articles)}  # 5
    groups = build_groups(alignment, quotes, order, settings, {a.id: a.date for a in articles})
    unique = unique_sentences(articles, groups)
    pair_records, events = compare_pairs(articles, groups, alignment, chosen, settings, event_profiles)
    groups = place_groups(groups, events)
    stances = finish(credited, settings)  # the tones, with the embeddings the alignment waited for

    return Comparison(  # 6
        title=title.strip() if title and title.strip() else _story_title(articles, events),  # "  " names nothing
        articles=articles,
        groups=groups,
        unique=unique,
        pairs=pair_records,
        stances=stances,
        settings=settings,
        version=__version__,
        pair_mode=chosen is not None,
        events=events,
        limits=_cut_sentences(articles, settings) + alignment.limits + sampled_groups(alignment, settings),
    )


def _check_profiles(articles: Sequence[Article], profiles: Mapping[str, EventProfile]) -> None:
    """Each profile given is for one of ``articles`` and is that article's (:func:`made_from`): one
    of another article, or of another version of this one, judged its events silently wrong, and
    one for an id not given (a typo, another story's article) was ignored without a word."""
    ids = {a.id for a in articles}
    unknown = [key for key in profiles if key not in ids]
    if unknown:
        raise UsageError(
            f"compare_prepared(): event_profiles[{unknown[0]!r}] names no article given "
            f"(articles: {', '.join(sorted(ids))}): pass profiles of the articles compared only"
        )
    for article in articles:
        profile = profiles.get(article.id)
        if profile is None:
            continue
        if not isinstance(profile, EventProfile):
            problem = f"is a {_kind(profile)}, not an EventProfile"
        elif profile.id != article.id:
            problem = f"is the profile of article {profile.id!r}"
        elif profile.made_from != made_from(article):
            problem = "was made from another version of that article (its title, date or sentences differ)"
        else:
            continue
        raise UsageError(
            f"compare_prepared(): event_profiles[{article.id!r}] {problem}: "
            "pass event_profile(article) of the very articles compared, or none"
        )


def _cut_sentences(articles: Sequence[Article], settings: Settings) -> tuple[str, ...]:
    """The limit line for the sentences :func:`prepare` cut (``Settings.sentence_max_chars``), or none."""
    note = CUT_NOTE.format(most=settings.sentence_max_chars)
    cut = [f"{a.id} {n.split(' ', 1)[0]}" for a in articles for n in a.repaired if n.endswith(note)]
    return (f"{note}: {', '.join(cut)}",) if cut else ()


def _need_two(articles: Sequence[Article]) -> None:
    if len(articles) < 2:
        raise UsageError(f"comparison needs at least two articles, got {len(articles)}")


def _story_title(articles: Sequence[Article], events: Sequence[Event] = ()) -> str:
    """The title of the story: the first title among the articles of the largest event (most
    articles; the earlier one of a tie), then of the others; not simply the first file's, which
    may report another event."""
    largest = max(events, key=lambda e: len(e.articles), default=None)
    first = set(largest.articles) if largest else set()
    for article in sorted(articles, key=lambda a: a.id not in first):  # stable: file order within
        if article.title:
            return article.title
    return f"{len(articles)} articles compared"


def _resolve_pairs(
    pairs: Sequence[tuple[str, str]] | Sequence[str], articles: Sequence[Article], inputs: Sequence[Input]
) -> list[tuple[str, str]]:
    """Chosen pairs as article-id tuples; each side may be an id, a file name or a path.  An id
    names its article; a file of several records (a JSON array, a JSONL file) names none of them:
    it picked its last record silently."""
    named: dict[str, list[str]] = {}
    for article in articles:
        for key in (article.source, Path(article.source).name, os.path.abspath(article.source)):
            if article.id not in named.setdefault(key, []):
                named[key].append(article.id)
    names = {key: ids[0] for key, ids in named.items() if len(ids) == 1}
    names.update({article.id: article.id for article in articles})
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
            several = named.get(side) or named.get(key, [])
            if key not in names and len(several) > 1:
                raise UsageError(f"--pair {a}:{b}: {side} holds {len(several):,} articles; name one by its id ({_listed(several)})")
            if key not in names:
                raise UsageError(f"--pair {a}:{b}: no input matches {side!r} (articles: {_listed([x.id for x in articles])})")
            ids.append(names[key])
        if ids[0] == ids[1]:
            raise UsageError(f"--pair {a}:{b}: an article cannot be compared with itself")
        pair_ids = (ids[0], ids[1])
        if pair_ids not in out and pair_ids[::-1] not in out:
            out.append(pair_ids)
    return out


def _listed(ids: Sequence[str], most: int = 10) -> str:
    """The first ``most`` ids, then how many more: a feed of 2,000 records made a "line" of 2,000 ids.

    >>> _listed(["a", "b", "c"], most=2)
    'a, b, … 1 more'
    """
    shown = ", ".join(ids[:most])
    return f"{shown}, … {len(ids) - most:,} more" if len(ids) > most else shown


__all__ = ["NO_TEXT_LEFT", "article_where", "compare", "compare_prepared", "prepare"]
