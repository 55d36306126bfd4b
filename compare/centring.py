"""Story-centred sentence embeddings for the aligner (stage 4, :mod:`compare.align`).

Every sentence of a story about NATO and Russia is close to every other one in the raw
embedding space.  The aligner therefore compares sentences on embeddings *centred on the
story*: the mean embedding of its distinct sentences, blended with the mean of news sentences
in general (``Settings.background_sentences``), is taken away before the cosine.  What is left
is what a sentence says beyond the story's topic.

That centre is the story's main event, which its *leads* state (each article's headline and
first ``Settings.lead_sentences`` body sentences): two leads sharing a word beyond names are
compared on embeddings centred on news in general instead (:meth:`StoryCosines.leads`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from compare import candidates
from compare.link_checks import denies
from compare.models import Sentence
from compare.parts import Parts
from compare.settings import Settings
from compare.similarity import analyse, event_kinds, normalise_word
from compare.text import TOKEN


class StoryCosines:
    """Cosines of the story-centred sentence embeddings (numpy), for any pair.

    ``lead`` maps each lead sentence (:func:`_leads`) to its row in ``lead_vectors``, its
    embedding centred on news in general; ``lead_words`` holds each lead's words beyond names
    (:func:`_plain_words`), ``lead_body`` whether it is a body sentence, not a headline, and
    ``lead_denies`` whether it denies (:func:`~compare.link_checks.denies`; all False when
    ``GroupSettings.lead_denial_apart`` is off)."""

    def __init__(
        self,
        vectors: Any,
        lead: Mapping[int, int] | None = None,
        lead_vectors: Any = None,
        lead_words: Sequence[frozenset[str]] = (),
        lead_body: Sequence[bool] = (),
        core: Mapping[tuple[int, int], float] | None = None,
        lead_denies: Sequence[bool] = (),
    ) -> None:
        self.vectors = vectors
        self.lead = dict(lead or {})
        self.lead_vectors = lead_vectors
        self.lead_words = tuple(lead_words)
        self.lead_body = tuple(lead_body)
        self.core = dict(core or {})
        self.lead_denies = tuple(lead_denies)

    def leads(self, i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` (``i < j``) are compared as two leads: both leads, not both
        headlines, sharing a word beyond names ("dies" in "Esther Williams dies at 91" and "Esther
        Williams has died aged 91"; not "NATO" alone), and not one denying what the other may state
        (``GroupSettings.lead_denial_apart``); or a short sentence's core event told by the other
        (``GroupSettings.core_event_tokens``), the denial check made by :func:`_core_pairs`."""
        if (i, j) in self.core:
            return True
        a, b = self.lead.get(i), self.lead.get(j)
        if a is None or b is None:
            return False
        if self.lead_denies and self.lead_denies[a] != self.lead_denies[b]:
            return False
        return (self.lead_body[a] or self.lead_body[b]) and bool(self.lead_words[a] & self.lead_words[b])

    def pair(self, i: int, j: int) -> float:
        """The story-centred cosine; of two leads (:meth:`leads`), the news-centred cosine."""
        if (i, j) in self.core:
            return self.core[(i, j)]
        if self.leads(i, j):
            return float(self.lead_vectors[self.lead[i]] @ self.lead_vectors[self.lead[j]])
        return float(self.vectors[i] @ self.vectors[j])

    def story_pair(self, i: int, j: int) -> float:
        """The story-centred cosine, for leads too."""
        return float(self.vectors[i] @ self.vectors[j])

    def candidates(
        self,
        threshold: float,
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        keep: int | None = None,
    ) -> list[tuple[int, int]]:
        """The pairs whose cosine (:meth:`pair`) may reach ``threshold``: :meth:`above`,
        :meth:`lead_candidates` and the core pairs (:meth:`leads`) that do."""
        core = [
            (i, j)
            for (i, j), value in self.core.items()
            if value >= threshold
            and article_of[i] != article_of[j]
            and (allowed is None or allowed(article_of[i], article_of[j]))
        ]
        return [*self.above(threshold, article_of, allowed, keep), *self.lead_candidates(threshold, article_of, allowed, keep), *core]

    def lead_candidates(
        self,
        threshold: float,
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        keep: int | None = None,
    ) -> list[tuple[int, int]]:
        """Pairs of leads of different (allowed) articles whose news-centred cosine reaches
        ``threshold`` (as :meth:`above`, with the same limit)."""
        if not self.lead:
            return []
        rows = sorted(self.lead, key=self.lead.__getitem__)
        found = StoryCosines(self.lead_vectors).above(threshold, [article_of[i] for i in rows], allowed, keep)
        return [(rows[a], rows[b]) if rows[a] < rows[b] else (rows[b], rows[a]) for a, b in found]

    def above(
        self,
        threshold: float,
        article_of: Sequence[int],
        allowed: Callable[[int, int], bool] | None,
        keep: int | None = None,
    ) -> list[tuple[int, int]]:
        """Pairs ``(i, j)``, ``i < j``, of different (allowed) articles with cosine >= ``threshold``.

        When there are more than ``keep`` per sentence (and 20,000; ``Settings.max_candidates``),
        each sentence's ``keep`` highest in each other article, taken either way.  The cosines are
        those of the distinct rows (:class:`_Copies`): copies of one text, which embed alike, are
        multiplied once, so that a sentence repeated through two articles costs its copies, not
        their square (session 24's red team: 17 s at 160,000 characters)."""
        import numpy as np

        copies = _Copies(self.vectors[: len(article_of)], article_of)  # the sentences (the parts' rows come after them)
        limit = None if keep is None else max(candidates.MIN_CANDIDATES, keep * len(article_of))
        hits: list[tuple[int, int]] = []  # pairs of distinct rows at or above the threshold, across articles
        found = 0  # pairs of sentences at or above the threshold, each counted both ways
        for start, rows in copies.blocks():
            across = copies.across(start, start + len(rows))
            hit = (rows >= threshold - 1e-6) & (across > 0)
            if limit is not None:
                found += int(across[hit].sum())
                if found // 2 > limit:  # too many: each sentence's best instead
                    return self._best(threshold, copies, allowed, keep or 0)
            hits.extend((start + r, c) for r, c in np.argwhere(hit).tolist())
        out: list[tuple[int, int]] = []
        for u, v in hits:
            for a, left in copies.of[u].items():
                for b, right in copies.of[v].items():
                    if a != b and (allowed is None or allowed(a, b)):
                        out.extend((i, j) for i in left for j in right if i < j)
        return sorted(out)

    @staticmethod
    def _best(
        threshold: float, copies: _Copies, allowed: Callable[[int, int], bool] | None, keep: int
    ) -> list[tuple[int, int]]:
        """Each sentence's ``keep`` highest in each other article (the first in reading order among
        equal cosines, as copies are), taken either way."""
        import numpy as np

        chosen: list[dict[int, list[int]]] = [{} for _ in copies.of]  # per distinct row and article: its best sentences
        if keep > 0:
            columns_of = copies.columns()
            for start, rows in copies.blocks():
                for a, (columns, first) in columns_of.items():
                    sub = rows[:, columns]
                    k = min(keep, len(columns))
                    best = np.argpartition(-sub, k - 1, axis=1)[:, :k] if len(columns) > k else np.broadcast_to(np.arange(k), (len(sub), k))
                    values = np.take_along_axis(sub, best, axis=1)
                    order = np.lexsort((first[best], -values), axis=1)
                    for r, ranked in enumerate(order.tolist()):
                        taken: list[int] = []
                        for c in ranked:
                            if values[r, c] < threshold - 1e-6 or len(taken) >= keep:
                                break
                            taken.extend(copies.of[int(columns[best[r, c]])][a][: keep - len(taken)])
                        chosen[start + r][a] = taken
        out: set[tuple[int, int]] = set()
        for i, (u, own) in enumerate(zip(copies.row, copies.article_of, strict=True)):
            for a, taken in chosen[u].items():
                if a != own and (allowed is None or allowed(own, a)):
                    out.update((i, j) if i < j else (j, i) for j in taken)
        return sorted(out)


class _Copies:
    """The distinct rows of a matrix of unit vectors, with where each is: copies of one text embed
    alike, so their cosines need computing once.  ``row[i]`` is sentence ``i``'s distinct row,
    ``of[u]`` maps each article to the sentences of distinct row ``u`` in it (in reading order),
    ``counts[u, k]`` counts them in the ``k``-th article of ``articles`` (in order)."""

    BLOCK = 1024  # distinct rows multiplied at a time (memory: BLOCK times the distinct rows)

    def __init__(self, vectors: Any, article_of: Sequence[int]) -> None:
        import numpy as np

        self.article_of = list(article_of)
        rows: dict[bytes, int] = {}  # each distinct vector's row, in reading order (np.unique's sort took seconds)
        self.row = [rows.setdefault(vector.tobytes(), len(rows)) for vector in vectors]
        first = {u: i for i, u in reversed(list(enumerate(self.row)))}  # each distinct row's first sentence
        self.distinct = vectors[[first[u] for u in range(len(rows))]]
        self.articles = sorted(set(self.article_of))
        column = {a: k for k, a in enumerate(self.articles)}
        self.counts = np.zeros((len(self.distinct), len(self.articles)), dtype=np.int64)
        np.add.at(self.counts, (self.row, [column[a] for a in self.article_of]), 1)
        self.totals = self.counts.sum(axis=1)
        self.of: list[dict[int, list[int]]] = [{} for _ in range(len(self.distinct))]
        for i, (u, a) in enumerate(zip(self.row, self.article_of, strict=True)):
            self.of[u].setdefault(a, []).append(i)

    def blocks(self) -> Iterator[tuple[int, Any]]:
        """The cosines of the distinct rows, ``BLOCK`` rows at a time, with the first row's index."""
        for start in range(0, len(self.distinct), self.BLOCK):
            yield start, self.distinct[start : start + self.BLOCK] @ self.distinct.T

    def across(self, start: int, stop: int) -> Any:
        """For the distinct rows ``start`` to ``stop`` against every distinct row: how many
        pairs of their sentences, the first of the row and the second of the column, lie in two
        different articles."""
        return self.totals[start:stop, None] * self.totals[None, :] - self.counts[start:stop] @ self.counts.T

    def columns(self) -> dict[int, tuple[Any, Any]]:
        """Per article: the distinct rows that have a sentence in it, and the first such sentence of each."""
        import numpy as np

        out = {}
        for k, a in enumerate(self.articles):
            columns = np.flatnonzero(self.counts[:, k])
            out[a] = (columns, np.asarray([self.of[u][a][0] for u in columns.tolist()], dtype=np.int64))
        return out


def _plain_words(text: str, names: frozenset[str]) -> frozenset[str]:
    """The content tokens of ``text`` that are not one of the story's names nor capitalised
    inside the sentence (a title, an acronym: "Secretary of State", "NATO")."""
    words = TOKEN.findall(text)
    named = {normalise_word(w) for n, w in enumerate(words) if w.lower() in names or (n > 0 and w[0].isupper())}
    return frozenset(analyse(text)[0]) - named


def _core_pairs(
    sentences: Sequence[Sentence],
    chosen: Sequence[int],
    names: frozenset[str],
    settings: Settings,
) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of sentences of different articles, one of them
    a headline or short (``GroupSettings.core_event_tokens``), that name one kind of event and
    one of the story's ``names`` both (:meth:`StoryCosines.leads`), and not one denying what the
    other may state (``GroupSettings.lead_denial_apart``, as for two leads)."""
    most = settings.grouping.core_event_tokens
    if not most:
        return []
    apart = settings.grouping.lead_denial_apart
    named: dict[int, tuple[frozenset[str], frozenset[str], bool, bool]] = {}
    for i in chosen:
        text = sentences[i].text
        kinds = event_kinds(text, headline=sentences[i].role == "title")
        if kinds:
            who = frozenset(w.lower() for w in TOKEN.findall(text)) & names
            short = sentences[i].role == "title" or len(analyse(text)[0]) < most
            if who:
                named[i] = (kinds, who, short, apart and denies(text))
    found = sorted(named)
    return [
        (i, j)
        for n, i in enumerate(found)
        for j in found[n + 1 :]
        if (settings.grouping.core_event_same_article or sentences[i].article != sentences[j].article)
        and (named[i][2] or named[j][2])
        and named[i][0] & named[j][0]
        and named[i][1] & named[j][1]
        and named[i][3] == named[j][3]
    ]


def _news_centred(embedded: Any, rows: Sequence[int], news: Any) -> Any:
    """These rows of ``embedded`` centred on news in general and of unit length: how leads, and
    a short sentence's core event against another sentence, are compared."""
    import numpy as np  # as in story_cosines: numpy only when embeddings are used

    vectors = embedded[rows] - news
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return vectors


def story_cosines(
    sentences: Sequence[Sentence], linkable: Sequence[bool], settings: Settings, parts: Parts, names: frozenset[str]
) -> StoryCosines | None:
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
    embedded = semantic.embed_matrix([*texts, *parts.texts]).astype(np.float64)
    vectors[chosen] = embedded[: len(texts)]
    vectors[n:] = embedded[len(texts) :]
    # The centre: the mean over the story's distinct sentences, blended with news in general
    # (a background of Settings.background_sentences sentences), so that a story of few distinct
    # sentences is not centred on itself (two sentences centred on their own mean point apart).
    first = {text: k for k, text in reversed(list(enumerate(texts)))}  # each distinct text once
    distinct = embedded[sorted(first.values(), key=lambda k: texts[k])]
    k = settings.background_sentences
    news = np.asarray(news_mean(), dtype=np.float64)
    centre = (distinct.sum(axis=0) + k * news) / (len(distinct) + k)
    row = {i: k for k, i in enumerate(chosen)}
    leads = [i for i in _leads(sentences, settings.lead_sentences) if i in row]
    lead_vectors = _news_centred(embedded, [row[i] for i in leads], news)
    core = _core_pairs(sentences, chosen, names, settings)
    rows = sorted({k for pair in core for k in pair})
    at = {i: n for n, i in enumerate(rows)}
    news_vectors = _news_centred(embedded, [row[i] for i in rows], news)
    core_cosines = {}
    for i, j in core:
        value = float(news_vectors[at[i]] @ news_vectors[at[j]])
        if value >= settings.grouping.core_event_cosine:
            core_cosines[(i, j)] = value
    vectors[chosen] -= centre
    vectors[n:] -= centre
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 1e-9)
    return StoryCosines(
        vectors,
        {i: k for k, i in enumerate(leads)},
        lead_vectors,
        [_plain_words(sentences[i].text, names) for i in leads],
        [sentences[i].role != "title" for i in leads],
        core_cosines,
        [settings.grouping.lead_denial_apart and denies(sentences[i].text) for i in leads],
    )


def _leads(sentences: Sequence[Sentence], count: int) -> list[int]:
    """The leads: each article's headline and its first ``count`` body sentences."""
    out: list[int] = []
    seen: dict[str, int] = {}
    for i, sentence in enumerate(sentences):
        if sentence.role == "title":
            out.append(i)
        elif sentence.role == "body":
            if seen.get(sentence.article, 0) < count:
                out.append(i)
            seen[sentence.article] = seen.get(sentence.article, 0) + 1
    return out


@lru_cache(maxsize=1)
def news_mean() -> tuple[float, ...]:
    """The mean embedding of news sentences (``compare/data/news-mean-embedding.json``,
    regenerated by ``benchmarks/make_news_mean.py``)."""
    data = json.loads((Path(__file__).parent / "data" / "news-mean-embedding.json").read_text(encoding="utf-8"))
    return tuple(float(x) for x in data["mean"])
