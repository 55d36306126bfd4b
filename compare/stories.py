"""Group articles into stories: the articles that report the same event.

Each article becomes a sparse tf-idf vector over its content tokens (the
tokens of :mod:`compare.similarity`), where the headline and the lede weigh
more than the rest of the body, and names and numbers more than common words:
what distinguishes one event from a similar one is who, where, when and how
many, not "said" or "government".  A vector keeps only tokens that at least
one other article holds (the rest can never be shared) but is divided by a
norm in which those unshared tokens still count a little
(``StorySettings.unique_weight``); two articles are compared by the dot
product of their vectors, a cosine.  Their similarity is that cosine reduced
by ``day_penalty`` per day between their dates.

The work is split so that the expensive part runs anywhere:

1. :func:`profile` (per article, in parallel): tokenise, stem and weigh the
   article's words into a small :class:`Profile`.
2. :func:`group_profiles` (global): document frequencies, vectors, candidate
   pairs and clustering.

Candidate pairs come from an inverted index over each article's
``candidate_terms`` highest-weighted tokens (tokens in more than
``max_postings`` articles are left out: they cannot tell stories apart, and
the cap bounds the candidates of one article).  A pair is scored only when the
two articles share at least ``min_shared`` indexed tokens whose part of the
cosine reaches ``min_partial`` ("filter again"); its cosine is then computed
exactly over the whole vectors.  The work grows with the number of articles
times the (capped) number of articles sharing a distinctive token, not with
all pairs; ``benchmarks/stories.py`` measures the recall of these candidates
against scoring every pair.

Articles are then merged strongest pair first under average linkage (the mean
similarity over all cross pairs of two clusters must reach ``StorySettings.link``),
and never across publication dates further apart than ``StorySettings.max_days``.

Document frequencies may be given a *background*: the document frequencies of
an earlier, larger collection (:class:`Background`, e.g. an archive), added to
the collection's own, so that the weight of a word depends less on how many
and which articles happen to be grouped together.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from compare.analyze.event_profile import EventProfile, event_profile
from compare.analyze.events import distinct, event_day, judge
from compare.errors import InputError
from compare.models import Article
from compare.settings import Settings
from compare.terms import HEADLINE_WEIGHT, LEDE_WEIGHT, LEDE_WORDS, NAME_WEIGHT, weighted_terms
from compare.text import iso_day

BACKGROUND_SCHEMA = "storycompare-background/1"
_DEFAULT_WEIGHTS = (HEADLINE_WEIGHT, LEDE_WEIGHT, LEDE_WORDS, NAME_WEIGHT)
"""The weights of :func:`compare.terms.weighted_terms`, which the event profile reads its terms with."""


@dataclass(frozen=True, slots=True)
class StorySettings:
    """Every threshold of story grouping, named and documented."""

    link: float = 0.16
    """Two clusters merge when the mean similarity over their cross pairs reaches this."""

    vector_terms: int = 400
    """An article's vector keeps at most this many of its highest-weighted tokens (of those
    that another article holds too): enough for any news article, a bound for a book."""

    unique_weight: float = 0.1
    """How much the tokens that no other article holds count in an article's norm (as a
    share of their squared weight).  They can never be shared, so counted in full they make
    a long or idiosyncratic article look unlike everything, by an amount that depends on
    how many articles the collection has; left out entirely, two articles that share two
    incidental words and nothing else would look identical."""

    headline_weight: float = HEADLINE_WEIGHT
    """Weight of a token in the headline, relative to one in the body."""

    lede_weight: float = LEDE_WEIGHT
    """Weight of a token in the first ``lede_words`` content words of the body."""

    lede_words: int = LEDE_WORDS

    name_weight: float = NAME_WEIGHT
    """Extra factor for capitalised words inside a sentence (names, places) and numbers."""

    max_days: int = Settings().events.same_event_max_days
    """Articles whose dates lie further apart never share a story: as far apart as the event
    judgement lets two reports of one event be (``Settings.events.same_event_max_days``, its default).  On ECB+ dev
    topics 1-35 the batch ARI is 0.899 with 7 (a trial's reports over eight days were split),
    0.903 with 10 and 0.901 with 14; BASIL dev with and without the FNC-1 distractors: 0.989 with
    7 and 10."""

    day_penalty: float = 0.05
    """Share of the similarity lost per day between two articles' dates: articles about
    one event appear within a day or two, a similar event a week later is another story."""

    event_share: float = 0.2
    """Two clusters merge only when at least this share of their cross pairs of articles
    report the same event by the event judgement (:func:`compare.analyze.events.judge`,
    which reads the two articles alone).  The cosine finds articles on the same *kind* of
    event too (two earthquakes, two rehab stays); the judgement, precise but missing many
    same-event pairs, says which ones; a share over all cross pairs merges two clusters of
    one event even where most pairs are missed.  0 turns the check off."""

    event_share_size: int = 3
    """... when both clusters have at least this many articles."""

    follow_up_share: float = 0.3
    """Two stories are linked as a follow-up (:func:`follow_ups`) only when at least this
    share of their cross pairs of articles are one story by the event judgement ("same_event"
    or "follow_up"): one close pair alone links two events of one kind too.  On ECB+ dev
    topics 1-35 (whose sub-topics hold a story with its follow-ups), the stories joined by
    their links against the sub-topics: ARI 0.818 with every link, 0.905 / 0.899 / 0.902 /
    0.895 / 0.892 with a share of 0.1 / 0.2 / 0.3 / 0.4 / 0.5 (of 29 links at 0.3, 2 join
    two sub-topics; 10 of 43 at 0.1)."""

    candidate_terms: int = 50
    """How many of an article's highest-weighted tokens go into the candidate index."""

    min_shared: int = 2
    """A pair is scored only when the two articles share at least this many indexed tokens ..."""

    min_partial: float = 0.02
    """... and the cosine over those shared indexed tokens alone reaches this."""

    max_postings: int = 200
    """Tokens in more articles than this are not indexed: they cannot tell one story
    from another (the cosine still counts them), and capping the posting lists bounds
    the candidates of one article by ``candidate_terms * max_postings``, so candidate
    generation stays linear in the number of articles."""

    def to_dict(self) -> dict[str, float | int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Profile:
    """What story grouping needs of one article: small and cheap to send between processes.

    ``terms`` maps each content token to its weighted count (headline, lede and
    name weights applied); ``event`` is what the event judgement reads
    (:func:`compare.analyze.event_profile.event_profile`: the day and place of the event).
    """

    id: str
    title: str | None
    date: str | None
    terms: Mapping[str, float]
    event: EventProfile | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    articles: tuple[str, ...]  # article ids, in input order
    title: str


@dataclass(frozen=True, slots=True)
class Link:
    """Two stories (or singletons) about two events of one kind, the later a follow-up of the
    earlier (:func:`compare.analyze.events.judge`'s "follow_up" on their closest articles)."""

    earlier: str  # story id
    later: str  # story id
    days: int  # between the two events
    reason: str  # the judgement's reason, in words


@dataclass(frozen=True, slots=True)
class Background:
    """Document frequencies of a background collection, added to a collection's own.

    ``documents`` is the number of articles it was counted on, ``df`` the number
    of them holding each token.  Make one from profiles with :meth:`count`,
    write it with :meth:`to_json` and read it with :meth:`load`.
    """

    documents: int
    df: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def count(cls, profiles: Iterable[Profile], min_df: int = 2) -> Background:
        """The background of ``profiles``; tokens in fewer than ``min_df`` articles are left out."""
        n, df = _document_frequencies(profiles)
        return cls(n, {t: c for t, c in sorted(df.items()) if c >= min_df})

    def to_json(self) -> str:
        """The background file's text (schema "storycompare-background/1"), for :meth:`load`
        to read; the caller writes it (:func:`reports.atomic_write`)."""
        data = {"schema": BACKGROUND_SCHEMA, "documents": self.documents, "df": dict(self.df)}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Background:
        source = os.fspath(path)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as error:
            raise InputError(source, (error.strerror or str(error)).lower()) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(source, f"not a background file: {error}") from None
        if not isinstance(data, dict) or data.get("schema") != BACKGROUND_SCHEMA:
            raise InputError(source, f"not a background file (expected schema {BACKGROUND_SCHEMA!r})")
        documents, df = data.get("documents"), data.get("df")
        if not isinstance(documents, int) or documents < 0 or not isinstance(df, dict):
            raise InputError(source, "background file needs 'documents' (a count) and 'df' (an object)")
        if not all(isinstance(v, int) and 0 <= v <= documents for v in df.values()):
            raise InputError(source, "background 'df' values must be counts no larger than 'documents'")
        return cls(documents, df)


# --------------------------------------------------------------------------- 1. per article


def article_terms(article: Article, settings: StorySettings | None = None) -> dict[str, float]:
    """Weighted counts of the article's content tokens (headline, lede and name weights)."""
    settings = settings or StorySettings()
    return weighted_terms(
        article, settings.headline_weight, settings.lede_weight, settings.lede_words, settings.name_weight
    )


def profile(article: Article, settings: StorySettings | None = None) -> Profile:
    """The :class:`Profile` of a cleaned and segmented article.  With the default weights the
    story vector's terms are the event profile's too, counted once for both."""
    settings = settings or StorySettings()
    terms = article_terms(article, settings)
    weights = (settings.headline_weight, settings.lede_weight, settings.lede_words, settings.name_weight)
    shared = terms if weights == _DEFAULT_WEIGHTS else None
    return Profile(article.id, article.title, article.date, terms, event_profile(article, shared))


# --------------------------------------------------------------------------- 2. global


def _document_frequencies(profiles: Iterable[Profile]) -> tuple[int, dict[str, int]]:
    df: dict[str, int] = defaultdict(int)
    n = 0
    for p in profiles:
        n += 1
        for token in p.terms:
            df[token] += 1
    return n, dict(df)


def day_ordinal(value: str | None) -> int | None:
    """The day number of a ``YYYY-MM-DD`` date (None when there is none or it is not one)."""
    day = iso_day(value)
    return day.toordinal() if day else None


def story_vectors(
    profiles: Sequence[Profile], settings: StorySettings | None = None, background: Background | None = None
) -> list[dict[str, float]]:
    """Tf-idf vectors of the profiles: each its ``vector_terms`` best tokens held by at
    least two articles, divided by the article's norm (see ``StorySettings.unique_weight``)."""
    settings = settings or StorySettings()
    n, df = _document_frequencies(profiles)
    total = n + (background.documents if background else 0)
    extra = background.df if background else {}
    idf: dict[str, float] = {t: math.log((total + 1) / (c + extra.get(t, 0) + 0.5)) for t, c in df.items()}
    vectors: list[dict[str, float]] = []
    unique_weight = settings.unique_weight
    for p in profiles:
        shareable: list[tuple[float, str]] = []
        unique = 0.0  # squared weight of the tokens no other article holds
        for t, c in p.terms.items():
            w = (1.0 + math.log(c) if c >= 1.0 else c) * idf[t]
            if w <= 0:
                continue
            if df[t] >= 2:
                shareable.append((w, t))
            else:
                unique += w * w
        shareable.sort(key=lambda wt: (-wt[0], wt[1]))
        kept = shareable[: settings.vector_terms]
        norm = math.sqrt(sum(w * w for w, _t in kept) + unique_weight * unique) or 1.0
        vectors.append({t: w / norm for w, t in kept})
    return vectors


def candidate_pairs(
    vectors: Sequence[Mapping[str, float]],
    settings: StorySettings | None = None,
    days: Sequence[int | None] | None = None,
) -> dict[tuple[int, int], float]:
    """Pairs ``(i, j)``, ``i < j``, whose cosine reaches ``settings.link``, with that cosine.

    Only pairs that share at least ``min_shared`` of their ``candidate_terms``
    most distinctive indexed tokens are scored (see the module docstring);
    ``days`` (day ordinals, None when unknown) rule out pairs more than
    ``max_days`` apart.
    """
    settings = settings or StorySettings()
    df: dict[str, int] = defaultdict(int)
    for vec in vectors:
        for t in vec:
            df[t] += 1
    cap = settings.max_postings
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    out: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(vectors):
        # A token of one article cannot propose a pair, and one in very many cannot tell stories apart.
        best = sorted((t for t in vec if 2 <= df[t] <= cap), key=lambda t: (-vec[t], t))
        shared: dict[int, int] = {}
        partial: dict[int, float] = {}
        for token in best[: settings.candidate_terms]:
            w = vec[token]
            plist = postings[token]
            for j, wj in plist:
                if j in shared:
                    shared[j] += 1
                    partial[j] += w * wj
                else:
                    shared[j] = 1
                    partial[j] = w * wj
            plist.append((i, w))
        di = days[i] if days is not None else None
        for j, count in shared.items():
            if count < settings.min_shared or partial[j] < settings.min_partial:
                continue
            if di is not None and days is not None:
                dj = days[j]
                if dj is not None and abs(di - dj) > settings.max_days:
                    continue
            value = cosine(vec, vectors[j])
            if value >= settings.link:
                out[(j, i)] = value
    return out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two story vectors (their dot product)."""
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The story vectors of a collection's profiles and their candidate pairs at any distance in
    days (:func:`candidate_pairs` without ``days``): what :func:`group_profiles` and
    :func:`follow_ups` both start from, made once for both by :func:`neighbours`."""

    vectors: tuple[Mapping[str, float], ...]
    pairs: Mapping[tuple[int, int], float]


def neighbours(
    profiles: Sequence[Profile], settings: StorySettings | None = None, background: Background | None = None
) -> Neighbours:
    """The :class:`Neighbours` of ``profiles`` (arguments as for :func:`group_profiles`)."""
    settings = settings or StorySettings()
    vectors = story_vectors(profiles, settings, background)
    return Neighbours(tuple(vectors), candidate_pairs(vectors, settings))


def _within_days(
    pairs: Mapping[tuple[int, int], float], days: Sequence[int | None], settings: StorySettings
) -> dict[tuple[int, int], float]:
    """The candidate ``pairs`` that :func:`candidate_pairs` with ``days`` keeps: those not more
    than ``settings.max_days`` apart (or with a day unknown), in the same order."""
    out = {}
    for (i, j), value in pairs.items():
        di, dj = days[i], days[j]
        if di is None or dj is None or abs(di - dj) <= settings.max_days:
            out[(i, j)] = value
    return out


def group_profiles(
    profiles: Sequence[Profile],
    settings: StorySettings | None = None,
    background: Background | None = None,
    event_settings: Settings | None = None,
    near: Neighbours | None = None,
) -> tuple[Story, ...]:
    """Stories (two or more articles) and singletons (one), each a :class:`Story`, biggest first.

    Two articles whose days or places make them two events (:func:`compare.analyze.events.distinct`,
    with ``event_settings``: the judgement ``compare`` gives the pair) never share a story: a follow-up
    is a story of its own.  ``near``: the profiles' :func:`neighbours`, where made already (for
    :func:`follow_ups` too, as ``storycompare batch`` does)."""
    settings, judged, n = settings or StorySettings(), event_settings or Settings(), len(profiles)
    vectors = list(near.vectors) if near is not None else story_vectors(profiles, settings, background)
    days = [day_ordinal(p.date) for p in profiles]
    penalty = settings.day_penalty

    same_event = _same_event_judge(profiles, judged)

    def discount(i: int, j: int) -> float:
        ei, ej = profiles[i].event, profiles[j].event
        if ei is not None and ej is not None and distinct(ei, ej, judged):
            return 0.0
        di, dj = days[i], days[j]
        return 1.0 if di is None or dj is None else max(0.0, 1.0 - penalty * abs(di - dj))

    found = _within_days(near.pairs, days, settings) if near is not None else candidate_pairs(vectors, settings, days)
    cache = {pair: value * discount(*pair) for pair, value in found.items()}
    edges = sorted(((v, i, j) for (i, j), v in cache.items() if v >= settings.link), key=lambda e: (-e[0], e[1], e[2]))

    def sim(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        value = cache.get(key)
        if value is None:
            value = cache[key] = cosine(vectors[i], vectors[j]) * discount(i, j)
        return value

    cluster: dict[int, list[int]] = {i: [i] for i in range(n)}
    span: dict[int, tuple[int, int] | None] = {i: (d, d) if d is not None else None for i, d in enumerate(days)}
    owner = list(range(n))
    failed: set[tuple[int, int, int, int]] = set()  # cluster pairs (with their sizes) that did not merge
    for _value, i, j in edges:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        a, b = cluster[ci], cluster[cj]
        key = (ci, cj, len(a), len(b)) if ci < cj else (cj, ci, len(b), len(a))
        if key in failed:
            continue
        sa, sb = span[ci], span[cj]
        merged_span = sa or sb
        if sa is not None and sb is not None:
            merged_span = (min(sa[0], sb[0]), max(sa[1], sb[1]))
            if merged_span[1] - merged_span[0] > settings.max_days:
                failed.add(key)
                continue
        mean = sum(sim(x, y) for x in a for y in b) / (len(a) * len(b))
        if mean < settings.link or (
            settings.event_share > 0
            and min(len(a), len(b)) >= settings.event_share_size
            and sum(same_event(x, y) for x in a for y in b) < settings.event_share * len(a) * len(b)
        ):
            failed.add(key)
            continue
        keep, gone = (ci, cj) if len(a) >= len(b) else (cj, ci)
        cluster[keep].extend(cluster.pop(gone))
        span[keep] = merged_span
        del span[gone]
        for member in cluster[keep]:
            owner[member] = keep

    groups = sorted((sorted(m) for m in cluster.values()), key=lambda m: (-len(m), m[0]))
    stories = []
    for number, members in enumerate(groups, start=1):
        stories.append(
            Story(f"s{number:04d}", tuple(profiles[i].id for i in members), _title(members, profiles, sim))
        )
    return tuple(stories)


def follow_ups(
    profiles: Sequence[Profile],
    stories: Sequence[Story],
    settings: StorySettings | None = None,
    background: Background | None = None,
    event_settings: Settings | None = None,
    near: Neighbours | None = None,
) -> tuple[Link, ...]:
    """The follow-up links between ``stories`` (those :func:`group_profiles` made of
    ``profiles``, singletons included): two stories are linked when a pair of their
    articles is a candidate pair (their story cosine reaches ``settings.link``, whatever
    their dates) that the event judgement calls "follow_up" (two events of one kind, at
    most ``Settings.events.follow_up_days`` apart) and at least ``settings.follow_up_share`` of
    all their cross pairs are judged one story ("same_event" or "follow_up").  Of several
    such pairs the one with the highest content score gives the link its days and reason.  Links in order of the
    earlier story, then the later.  ``near`` as for :func:`group_profiles`."""
    settings = settings or StorySettings()
    judged = event_settings or Settings()
    story_of: dict[str, str] = {a: s.id for s in stories for a in s.articles}
    by_id = {p.id: p for p in profiles}
    near = near or neighbours(profiles, settings, background)
    best: dict[tuple[str, str], tuple[float, Link]] = {}
    for i, j in near.pairs:
        a, b = profiles[i], profiles[j]
        sa, sb = story_of.get(a.id), story_of.get(b.id)
        if sa is None or sb is None or sa == sb or a.event is None or b.event is None:
            continue
        verdict = judge(a.event, b.event, judged)
        if verdict.relation != "follow_up" or verdict.days_apart is None:
            continue
        first, second = (sa, sb) if _earlier(a.event, b.event) else (sb, sa)
        key = (first, second)
        if key not in best or verdict.score > best[key][0]:
            best[key] = (verdict.score, Link(first, second, verdict.days_apart, verdict.reason))
    order = {s.id: n for n, s in enumerate(stories)}
    members = {s.id: [by_id[a] for a in s.articles if a in by_id] for s in stories}
    kept = []
    for _score, link in best.values():
        before, after = members[link.earlier], members[link.later]
        one_story = sum(
            1
            for x in before
            for y in after
            if x.event is not None
            and y.event is not None
            and judge(x.event, y.event, judged).relation in ("same_event", "follow_up")
        )
        if one_story >= settings.follow_up_share * len(before) * len(after):
            kept.append(link)
    return tuple(sorted(kept, key=lambda link: (order[link.earlier], order[link.later])))


def _earlier(a: EventProfile, b: EventProfile) -> bool:
    """Whether ``a``'s event comes before ``b``'s (their days are known: the pair is a follow-up)."""
    day_a, day_b = event_day(a, b), event_day(b, a)
    return day_a is not None and day_b is not None and day_a <= day_b


def _same_event_judge(profiles: Sequence[Profile], judged: Settings) -> Callable[[int, int], bool]:
    """Whether two profiles (by index) report one event (:func:`judge`), each pair judged once;
    a profile without an event profile agrees with every other."""
    verdicts: dict[tuple[int, int], bool] = {}

    def same_event(i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        found = verdicts.get(key)
        if found is None:
            ei, ej = profiles[i].event, profiles[j].event
            found = verdicts[key] = ei is None or ej is None or judge(ei, ej, judged).same_event
        return found

    return same_event


def _title(members: Sequence[int], profiles: Sequence[Profile], sim: Callable[[int, int], float]) -> str:
    """The headline of the story's most central article (highest mean cosine to the others)."""
    titled = [i for i in members if profiles[i].title]
    if not titled:
        return ""
    if len(members) == 1 or len(titled) == 1:
        return profiles[titled[0]].title or ""
    best = max(titled, key=lambda i: (sum(sim(i, j) for j in members if j != i), -i))
    return profiles[best].title or ""


def group_stories(
    articles: Sequence[Article],
    settings: StorySettings | None = None,
    background: Background | None = None,
    event_settings: Settings | None = None,
) -> tuple[Story, ...]:
    """Stories (two or more articles) and singletons (one), each a :class:`Story`, biggest first.

    ``articles`` should be cleaned and segmented (:func:`compare.clean.clean`,
    :func:`compare.segment.segment`): the headline and body sentences weigh
    differently.
    """
    settings = settings or StorySettings()
    return group_profiles([profile(a, settings) for a in articles], settings, background, event_settings)


def adjusted_rand_index(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Adjusted Rand index of two labelings of the same items (1.0 = identical partitions)."""

    def comb2(x: int) -> float:
        return x * (x - 1) / 2.0

    contingency: dict[tuple[str, str], int] = defaultdict(int)
    rows: dict[str, int] = defaultdict(int)
    cols: dict[str, int] = defaultdict(int)
    for t, p in zip(truth, predicted, strict=True):
        contingency[(t, p)] += 1
        rows[t] += 1
        cols[p] += 1
    index = sum(comb2(v) for v in contingency.values())
    sum_rows = sum(comb2(v) for v in rows.values())
    sum_cols = sum(comb2(v) for v in cols.values())
    total = comb2(len(truth))
    if total == 0:
        return 1.0
    expected = sum_rows * sum_cols / total
    maximum = (sum_rows + sum_cols) / 2.0
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
