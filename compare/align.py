"""Stage 4: sentences that report the same fact, across articles, form groups.

1. Every sentence is featurised once: content tokens weighted by the
   word-frequency prior, damped for words that run through the whole story
   (:func:`compare.similarity.story_weights`), function words; and, unless the
   lexical mode is chosen or the model is missing, a sentence embedding
   (:mod:`compare.semantic`).
2. The embeddings are *centred on the story*: the mean embedding of the story's
   distinct sentences (blended with the mean of news sentences in general, which
   counts as ``Settings.background_sentences`` sentences) is taken away before the
   cosine.  Every sentence of a
   story on NATO and Russia is close to every other one in the raw embedding
   space; what is left after centring is what a sentence says beyond the story's
   topic, just as :func:`~compare.similarity.story_weights` damps the story's
   own words.  A pair's score is ``Settings.story_cosine_weight`` of that cosine
   plus the rest of the lexical similarity (difflib and weighted word overlap,
   what the word diffs show).
3. Candidates: pairs whose lexical bound (:mod:`compare.candidates`) or whose
   cosine reaches the link threshold; no other pair can reach it, since the
   score is a weighted mean of the two.  A candidate whose score reaches the
   threshold is a *link*.
4. Links are taken strongest first (ties by sentence id, so the input order does
   not matter); two groups merge only when, in the merged group, *every member*
   is close on average to the members of the other articles (mean similarity at
   least the member threshold).  A stray sentence cannot pull others in, and
   no chain of pairwise links joins sentences that do not belong together.
   Groups may hold several sentences of one article and keep any order; a
   sentence with no link stays unmatched.

In the lexical mode (``Settings.semantic`` off, or the model unavailable) the
score is the lexical similarity alone, with the lexical thresholds.

The result is an :class:`Alignment`: the groups (as sentence-index tuples) and
the similarity of any pair, which the analysis stage reuses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from compare.candidates import pair_bounds
from compare.models import Sentence
from compare.parts import sentence_parts
from compare.settings import Settings
from compare.similarity import (
    ATTRIBUTION,
    Features,
    analyse,
    features,
    is_name_line,
    lexical_score,
    normalise_word,
    story_weights,
)
from compare.text import TOKEN

_ROUND = 9  # scores are compared rounded, so that summation order never decides a tie


@dataclass(frozen=True, slots=True)
class Alignment:
    sentences: tuple[Sentence, ...]
    features: tuple[Features, ...]
    groups: tuple[tuple[int, ...], ...]  # sentence indexes, each group spanning 2+ articles
    links: dict[tuple[int, int], float]  # candidate pairs (i < j) at or above the link threshold
    similarity: Callable[[int, int], float]  # the aligner's similarity of any two sentences (cached)
    semantic: bool = False  # whether sentence embeddings took part
    parts: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Grouped sentences that matched their group by a part only (a quotation or a clause,
    :mod:`compare.parts`): sentence index → ``(start, end)`` of that part in the sentence's text."""


def align(
    sentences: Sequence[Sentence],
    settings: Settings,
    allowed: Callable[[str, str], bool] | None = None,
) -> Alignment:
    """Group ``sentences`` (of all articles) that report the same fact.

    ``allowed(article_a, article_b)`` restricts which article pairs may be linked
    (the ``--pair`` option); by default every pair is.
    """
    sentences = tuple(sentences)
    analysed = [analyse(s.text) for s in sentences]
    story = story_weights([t for t, _ in analysed])
    names = story_names(sentences)
    linkable = [_linkable(s, t, settings, names) for s, (t, _) in zip(sentences, analysed, strict=True)]
    feats = tuple(
        features(t, story, function=function) if linkable[i] else features(())
        for i, (t, function) in enumerate(analysed)
    )
    article_ids = sorted({s.article for s in sentences})
    article_of = [article_ids.index(s.article) for s in sentences]
    allowed_numbers = None if allowed is None else lambda a, b: allowed(article_ids[a], article_ids[b])

    parts = _parts(sentences, linkable, story, settings, names)
    cosines = _story_cosines(sentences, linkable, settings, parts)
    weight = settings.story_cosine_weight if cosines is not None else 0.0
    link_threshold = settings.semantic_link_threshold if cosines is not None else settings.link_threshold
    member_threshold = settings.semantic_member_threshold if cosines is not None else settings.group_threshold

    lexical_cache: dict[tuple[int, int], float] = {}
    cache: dict[tuple[int, int], float] = {}
    bounds = pair_bounds(feats, article_of, settings.overlap_weight, allowed_numbers)

    def lexical(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        value = lexical_cache.get(key)
        if value is None:
            if article_of[i] != article_of[j] and bounds.bound(*key) is None:
                value = 0.0  # no shared content token (the index knows only pairs of different articles)
            else:
                value = lexical_score(feats[key[0]], feats[key[1]], settings)
            lexical_cache[key] = value
        return value

    verbatim = _verbatim(sentences, linkable, names, settings)

    def whole(i: int, j: int) -> float:
        if not (linkable[i] and linkable[j]):
            return 1.0 if verbatim.get(i, i) == verbatim.get(j, j) else 0.0  # a short quote, word for word
        if cosines is None or lexical(i, j) == 1.0:
            return lexical(i, j)  # the same words score 1.0 in either mode
        cos = max(0.0, cosines.pair(i, j))
        return round(min(1.0, (1.0 - weight) * lexical(i, j) + weight * cos), _ROUND)

    part_threshold = link_threshold + settings.part_threshold_offset
    matched = _part_links(
        parts, feats, whole, cosines, weight, part_threshold, article_of, allowed_numbers, settings
    )

    def similarity(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        value = cache.get(key)
        if value is None:
            value = max(whole(*key), matched[key][0] if key in matched else 0.0)
            cache[key] = value
        return value

    candidate_set = {*bounds.candidates(link_threshold), *matched, *_same_pairs(verbatim, article_of, allowed_numbers)}
    if cosines is not None:
        candidate_set.update(cosines.above(link_threshold, article_of, allowed_numbers))
    links = _links(candidate_set, similarity, lexical, matched, cosines, link_threshold, settings)

    ids = [(s.article, s.index) for s in sentences]
    thresholds = (member_threshold, link_threshold, settings.part_threshold_offset)
    groups = _group(
        links, len(sentences), article_of, allowed_numbers, similarity, thresholds, ids, matched.keys()
    )
    found = _matched_parts(groups, article_of, similarity, matched)
    return Alignment(sentences, feats, groups, links, similarity, cosines is not None, found)


def _links(
    candidates: set[tuple[int, int]],
    similarity: Callable[[int, int], float],
    lexical: Callable[[int, int], float],
    matched: Mapping[tuple[int, int], object],
    cosines: _StoryCosines | None,
    threshold: float,
    settings: Settings,
) -> dict[tuple[int, int], float]:
    """The candidate pairs that link: a score at the threshold, and with embeddings (unless the
    words are the same, or a part made the link) a story-centred cosine of at least
    ``Settings.semantic_min_cosine`` -- and of ``Settings.paraphrase_cosine`` when the two share
    few words (lexical similarity under ``Settings.semantic_min_lexical``): sentences on one
    topic in other words are close in meaning too, and only a close paraphrase is the same fact."""
    links: dict[tuple[int, int], float] = {}
    for i, j in sorted(candidates):
        value = similarity(i, j)
        if value < threshold:
            continue
        if (i, j) in matched or cosines is None or value == 1.0:
            links[(i, j)] = value
            continue
        cos = cosines.pair(i, j)
        if cos >= settings.semantic_min_cosine and (
            lexical(i, j) >= settings.semantic_min_lexical or cos >= settings.paraphrase_cosine
        ):
            links[(i, j)] = value
    return links


def _linkable(
    sentence: Sentence, token_list: tuple[str, ...], settings: Settings, names: frozenset[str]
) -> bool:
    """Whether a sentence carries a fact to align: enough content words, not a bare name line,
    and enough words beyond names and attribution ("Justice Ginsburg asked.", "Scalia said."
    report no fact of their own, only who spoke).

    A headline (role "title") is written in Title Case by many outlets and links like any
    sentence; a capitalised line elsewhere (a caption, byline or crosshead) does not."""
    if len(token_list) < settings.min_content_tokens:
        return False
    if sentence.role == "title":
        return True
    return (
        not is_name_line(sentence.text) and substance(sentence.text, names) >= settings.min_substance_tokens
    )


def _verbatim(
    sentences: Sequence[Sentence], linkable: Sequence[bool], names: frozenset[str], settings: Settings
) -> dict[int, str]:
    """The sentences too short to link by their words ("Wait until when?", "How are you?") that may
    still link to the very same words in another article: sentence index → its words, lower-cased.
    At least ``Settings.verbatim_min_words`` words, one of them neither a name nor attribution."""
    out: dict[int, str] = {}
    for i, sentence in enumerate(sentences):
        words = TOKEN.findall(sentence.text)
        if linkable[i] or len(words) < settings.verbatim_min_words or not substance(sentence.text, names):
            continue
        out[i] = " ".join(words).lower()
    return out


def _same_pairs(
    key: Mapping[int, str], article_of: Sequence[int], allowed: Callable[[int, int], bool] | None
) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of different (allowed) articles with the same ``key``."""
    by_key: dict[str, list[int]] = {}
    for i, k in key.items():
        by_key.setdefault(k, []).append(i)
    return {
        (i, j)
        for found in by_key.values()
        for n, i in enumerate(sorted(found))
        for j in sorted(found)[n + 1 :]
        if article_of[i] != article_of[j] and (allowed is None or allowed(article_of[i], article_of[j]))
    }


def story_names(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The words that the story's body sentences capitalise inside a sentence and never write
    in lower case: its names ("scalia", "wal-mart", "justice"), lower-cased."""
    capital: set[str] = set()
    lower: set[str] = set()
    for sentence in sentences:
        if sentence.role == "title":
            continue  # headlines capitalise every word
        for n, word in enumerate(TOKEN.findall(sentence.text)):
            if word[0].islower():
                lower.add(word)
            elif word[0].isupper() and n > 0 and not word.isupper():
                capital.add(word.lower())
    return frozenset(capital - lower)


def substance(text: str, names: frozenset[str]) -> int:
    """How many content tokens of ``text`` are neither one of the story's ``names`` nor a word
    of attribution (:data:`compare.similarity.ATTRIBUTION`)."""
    count = 0
    for word in TOKEN.findall(text):
        lowered = word.lower()
        if lowered in names or lowered in ATTRIBUTION:
            continue
        if normalise_word(word) is not None:
            count += 1
    return count


class _StoryCosines:
    """Cosines of the story-centred sentence embeddings (numpy), for any pair."""

    def __init__(self, vectors: Any) -> None:
        self.vectors = vectors

    def pair(self, i: int, j: int) -> float:
        return float(self.vectors[i] @ self.vectors[j])

    def above(
        self, threshold: float, article_of: Sequence[int], allowed: Callable[[int, int], bool] | None
    ) -> list[tuple[int, int]]:
        """Pairs ``(i, j)``, ``i < j``, of different (allowed) articles with cosine >= ``threshold``,
        among the first ``len(article_of)`` rows."""
        import numpy as np

        vectors = self.vectors[: len(article_of)]
        articles = np.asarray(article_of)
        out: list[tuple[int, int]] = []
        block = 1024
        for start in range(0, len(vectors), block):
            rows = vectors[start : start + block] @ vectors.T
            hits = np.argwhere(rows >= threshold - 1e-6)
            for r, j in hits.tolist():
                i = start + r
                if j <= i or articles[i] == articles[j]:
                    continue
                if allowed is not None and not allowed(article_of[i], article_of[j]):
                    continue
                out.append((i, j))
        return out


def _story_cosines(
    sentences: Sequence[Sentence], linkable: Sequence[bool], settings: Settings, parts: _Parts
) -> _StoryCosines | None:
    """The story-centred embeddings of the linkable sentences, then of their parts (rows
    ``len(sentences) + k``, in the order of ``parts``), or None in the lexical mode."""
    from compare import semantic

    chosen = [i for i, ok in enumerate(linkable) if ok]
    if not settings.semantic or len(chosen) < 2 or not semantic.available():
        return None
    import numpy as np

    n = len(sentences)
    vectors = np.zeros((n + len(parts.owner), semantic.DIMENSION), dtype=np.float64)
    texts = [sentences[i].text for i in chosen]
    embedded = np.asarray(semantic.embed([*texts, *parts.texts]), dtype=np.float64)
    vectors[chosen] = embedded[: len(texts)]
    vectors[n:] = embedded[len(texts) :]
    # The centre: the mean over the story's distinct sentences, blended with news in general
    # (a background of Settings.background_sentences sentences), so that a story of few distinct
    # sentences is not centred on itself (two sentences centred on their own mean point apart).
    first = {text: k for k, text in reversed(list(enumerate(texts)))}  # each distinct text once
    distinct = embedded[sorted(first.values(), key=lambda k: texts[k])]
    k = settings.background_sentences
    centre = (distinct.sum(axis=0) + k * np.asarray(_news_mean(), dtype=np.float64)) / (len(distinct) + k)
    vectors[chosen] -= centre
    vectors[n:] -= centre
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 1e-9)
    return _StoryCosines(vectors)


@dataclass(frozen=True, slots=True)
class _Parts:
    """The quotations and clauses of the linkable sentences (:mod:`compare.parts`), in one list."""

    owner: tuple[int, ...]  # the sentence index of each part
    spans: tuple[tuple[int, int], ...]  # (start, end) in its sentence's text
    texts: tuple[str, ...]
    features: tuple[Features, ...]


def _parts(
    sentences: Sequence[Sentence],
    linkable: Sequence[bool],
    story: Mapping[str, float],
    settings: Settings,
    names: frozenset[str],
) -> _Parts:
    owner: list[int] = []
    spans: list[tuple[int, int]] = []
    feats: list[Features] = []
    for i, sentence in enumerate(sentences):
        if not linkable[i]:
            continue
        for start, end in sentence_parts(sentence.text, settings.part_min_words):
            text = sentence.text[start:end]
            token_list, function = analyse(text)
            if (
                len(token_list) < settings.min_content_tokens
                or substance(text, names) < settings.min_substance_tokens
            ):
                continue  # "NATO Secretary-General Anders Fogh Rasmussen" or "Ginsburg agreed" alone is no fact
            owner.append(i)
            spans.append((start, end))
            feats.append(features(token_list, story, function=function))
    texts = tuple(sentences[i].text[a:b] for i, (a, b) in zip(owner, spans, strict=True))
    return _Parts(tuple(owner), tuple(spans), texts, tuple(feats))


def _part_links(
    parts: _Parts,
    feats: Sequence[Features],
    whole: Callable[[int, int], float],
    cosines: _StoryCosines | None,
    weight: float,
    threshold: float,
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    settings: Settings,
) -> dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]]:
    """Sentence pairs ``(i, j)``, ``i < j``, that a part of one (or of each) links, scoring
    ``Settings.part_margin`` above the whole sentences: ``(score, i's part or None, j's part or None)``."""
    if not parts.owner:
        return {}
    n = len(feats)
    units = (*feats, *parts.features)
    owner = (*range(n), *parts.owner)
    unit_article = [article_of[o] for o in owner]
    found = set(pair_bounds(units, unit_article, settings.overlap_weight, allowed).candidates(threshold))
    if cosines is not None:
        found.update(cosines.above(threshold, unit_article, allowed))
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]] = {}
    for u, v in sorted(found):
        if u < n and v < n:
            continue  # two whole sentences: scored by the aligner itself
        i, j = owner[u], owner[v]
        lexical = lexical_score(units[u], units[v], settings)
        if cosines is None:
            value = lexical
        else:
            cos = cosines.pair(u, v)
            if cos < settings.semantic_min_cosine:
                continue
            value = (1.0 - weight) * lexical + weight * cos
        value = round(min(1.0, value), _ROUND)
        if value < threshold or value < whole(i, j) + settings.part_margin:
            continue
        span_u = parts.spans[u - n] if u >= n else None
        span_v = parts.spans[v - n] if v >= n else None
        key, entry = ((i, j), (value, span_u, span_v)) if i < j else ((j, i), (value, span_v, span_u))
        if key not in best or entry[0] > best[key][0]:
            best[key] = entry
    return best


def _matched_parts(
    groups: Sequence[Sequence[int]],
    article_of: Sequence[int],
    similarity: Callable[[int, int], float],
    matched: Mapping[tuple[int, int], tuple[float, tuple[int, int] | None, tuple[int, int] | None]],
) -> dict[int, tuple[int, int]]:
    """For each grouped sentence whose closest member of another article matched a part of it,
    that part; sentences that matched as a whole are left out."""
    out: dict[int, tuple[int, int]] = {}
    for group in groups:
        for m in group:
            others = [o for o in group if article_of[o] != article_of[m]]
            if not others:
                continue
            closest = max(others, key=lambda o: (similarity(m, o), -o))
            key = (m, closest) if m < closest else (closest, m)
            entry = matched.get(key)
            if entry is None or entry[0] < similarity(m, closest):
                continue
            span = entry[1] if key[0] == m else entry[2]
            if span is not None:
                out[m] = span
    return out


@lru_cache(maxsize=1)
def _news_mean() -> tuple[float, ...]:
    """The mean embedding of news sentences (``compare/data/news-mean-embedding.json``,
    regenerated by ``benchmarks/make_news_mean.py``)."""
    data = json.loads(
        (Path(__file__).parent / "data" / "news-mean-embedding.json").read_text(encoding="utf-8")
    )
    return tuple(float(x) for x in data["mean"])


def _group(
    links: dict[tuple[int, int], float],
    count: int,
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    thresholds: tuple[float, float, float],
    ids: Sequence[tuple[str, int]],
    by_part: Collection[tuple[int, int]] = (),
) -> tuple[tuple[int, ...], ...]:
    """Groups from the links, strongest first; a merge must leave every member cohesive.

    A link made by a part of a sentence (``by_part``) is ranked ``part_offset`` lower than
    its score: a part scores high on the few words it has (the reason its threshold is higher
    by as much), and ranked at its score it would pull its sentence away from the group that
    the whole sentence belongs to.  ``thresholds``: the member threshold, the link threshold (the
    strength at which one article's two sentences are one fact) and the part offset."""
    threshold, link_strength, part_offset = thresholds
    parent = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    refused: set[tuple[frozenset[int], frozenset[int]]] = set()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    later = set(by_part)

    def order(item: tuple[tuple[int, int], float]) -> tuple[float, tuple[str, int], tuple[str, int]]:
        (i, j), value = item
        a, b = sorted((ids[i], ids[j]))
        return (-round(value - part_offset, _ROUND) if (i, j) in later else -value, a, b)

    for (i, j), _value in sorted(links.items(), key=order):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        key = (frozenset(members[ri]), frozenset(members[rj]))
        if key in refused:
            continue
        merged = members[ri] + members[rj]
        if not (
            _repeats_only(merged, ids, similarity, link_strength)
            and _cohesive(merged, article_of, allowed, similarity, threshold)
        ):
            refused.add(key)
            continue
        keep, gone = (ri, rj) if len(members[ri]) >= len(members[rj]) else (rj, ri)
        parent[gone] = keep
        members[keep] = merged
        del members[gone]

    groups = [
        tuple(sorted(group, key=lambda k: ids[k]))
        for group in members.values()
        if len({article_of[k] for k in group}) >= 2
    ]
    groups.sort(key=lambda g: [ids[k] for k in g])
    return tuple(groups)


def _repeats_only(
    group: Sequence[int],
    ids: Sequence[tuple[str, int]],
    similarity: Callable[[int, int], float],
    strength: float,
) -> bool:
    """Whether the members that one article contributes are one fact: consecutive sentences
    (a fact told over two), or sentences that repeat each other (a headline and its lead),
    scoring at least ``strength`` together.  Two different statements of one article never
    share a group, so a sentence that links to both cannot chain them."""
    by_article: dict[str, list[int]] = {}
    for k in group:
        by_article.setdefault(ids[k][0], []).append(k)
    for found in by_article.values():
        if len(found) < 2:
            continue
        found.sort(key=lambda k: ids[k][1])
        for n, a in enumerate(found):
            for b in found[n + 1 :]:
                if ids[b][1] - ids[a][1] == 1:
                    continue
                if similarity(a, b) < strength:
                    return False
    return True


def _cohesive(
    group: Sequence[int],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    similarity: Callable[[int, int], float],
    threshold: float,
) -> bool:
    """Whether every member's mean similarity to the members of other articles reaches ``threshold``."""
    for m in group:
        total = 0.0
        n = 0
        for o in group:
            if article_of[o] == article_of[m] or (
                allowed is not None and not allowed(article_of[m], article_of[o])
            ):
                continue
            total += similarity(m, o)
            n += 1
        if n and total / n < threshold - 1e-12:
            return False
    return True
