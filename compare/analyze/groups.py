"""Each aligned group: agree, partial or diverge, a word-level diff, typed differences.

* ``diverge``: the members contradict each other somewhere (a number, a date, a
  quotation by the same speaker, a negation, who is said to have said it, opposite statements,
  a name spelt two ways);
* ``agree``: the members say the same: mean similarity >= ``Settings.agree_threshold``, no
  typed difference (a date given more precisely is no difference: "Nov. 20" / "November"), and
  no member says something its closest version does not (``Group.additions``: nor gives a count
  where its closest version gives another, "arrested 45" / "three died");
* ``partial``: no contradiction, but the members differ: ``additions`` says in words what
  each adds ("B adds: in Brussels"), ``differences`` what else differs (a hedge, a quotation
  in slightly different words).

The word diff compares each member with its closest version from another article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations

from compare.align import Alignment
from compare.analyze.causes import cause_difference
from compare.analyze.date_differences import ArticleDates, date_difference
from compare.analyze.denials import denial_difference
from compare.analyze.hedging import hedge_difference
from compare.analyze.names import name_differences
from compare.analyze.quantities import Quantity, find_quantities
from compare.analyze.quote_wording import plain_text, quote_differences
from compare.analyze.quotes import Quote
from compare.analyze.times import time_difference
from compare.analyze.typed import (
    attribution_differences,
    negation_differences,
    number_differences,
    opposite_differences,
)
from compare.analyze.win_loss import find_records
from compare.analyze.word_diff import added_words, member_diffs
from compare.models import Difference, Group, Kind, MatchedPart, Sentence
from compare.settings import Settings
from compare.similarity import sentence_similarity


def build_groups(
    alignment: Alignment,
    quotes: Mapping[str, tuple[Quote, ...]],
    article_order: Mapping[str, int],
    settings: Settings,
    article_dates: Mapping[str, str | None] | None = None,
) -> tuple[Group, ...]:
    """The :class:`Group` records of an alignment, numbered in reading order; ``article_dates``
    (article id → "YYYY-MM-DD" or None) tell which weekdays may be compared."""
    sentences = alignment.sentences
    # Each article's sentences as one normalised text: a quotation found there is reported there.
    texts: dict[str, list[str]] = {}
    for sentence in sentences:
        texts.setdefault(sentence.article, []).append(sentence.text)
    article_texts = {article: plain_text(" ".join(parts)) for article, parts in texts.items()}
    numbers, article_numbers = _quantities(sentences, settings)
    dates = ArticleDates.of(sentences, settings, article_dates)
    intros = introductions(sentences)
    raw = []
    for indexes in alignment.groups:
        ordered = sorted(indexes, key=lambda i: (article_order[sentences[i].article], sentences[i].index))
        raw.append(ordered)
    # Numbered by the earliest member in article-id order, then position: the same articles given
    # in another order get the same groups under the same ids.
    raw.sort(key=lambda g: min((sentences[i].article, sentences[i].index) for i in g))
    groups = []
    for number, ordered in enumerate(raw, start=1):
        members = [sentences[i] for i in ordered]
        cross = cross_pairs([s.article for s in members], settings.group_pairs_max)
        sims = {(a, b): alignment.similarity(ordered[a], ordered[b]) for a, b in cross}
        score = sum(sims.values()) / len(sims) if sims else 0.0
        differences = _differences(members, sims, quotes, article_texts, numbers, article_numbers, settings, dates, intros)
        closest = _closest_members(members, sims)
        additions = _additions(members, closest, differences, settings, numbers)
        groups.append(
            Group(
                id=f"g{number}",
                members=tuple(s.id for s in members),
                kind=_kind(score, differences, additions, settings, _loosest(members, sims)),
                score=round(score, 4),
                differences=tuple(differences),
                diff=member_diffs([s.id for s in members], [s.text for s in members], closest),
                additions=additions,
                parts=tuple(MatchedPart(sentences[i].id, *alignment.parts[i]) for i in ordered if i in alignment.parts),
            )
        )
    return tuple(groups)


_OPENING_QUOTE = "\"“‘'"


def introductions(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Sentence id → the sentence before it in its article, for a sentence that opens with a quotation
    and follows one that introduces it with a colon ("..., the actor allegedly told the paper:"): the
    quotation is told in those words, hedge and all."""
    before = {(s.article, s.index): s for s in sentences}
    out = {}
    for s in sentences:
        previous = before.get((s.article, s.index - 1))
        if previous and s.text.lstrip()[:1] in _OPENING_QUOTE and previous.text.rstrip().endswith(":"):
            out[s.id] = previous.text
    return out


def sampled_groups(alignment: Alignment, settings: Settings) -> tuple[str, ...]:
    """One line when some group took its statistics over a sample of its pairs
    (more than ``Settings.group_pairs_max`` pairs of members of different articles), else none."""
    count = 0
    for indexes in alignment.groups:
        sizes = Counter(alignment.sentences[i].article for i in indexes)
        k = len(indexes)
        if k * (k - 1) // 2 - sum(n * (n - 1) // 2 for n in sizes.values()) > settings.group_pairs_max:
            count += 1
    if not count:
        return ()
    return (
        f"{count} group(s) of more than {settings.group_pairs_max:,} pairs of sentences (Settings.group_pairs_max) "
        "took their statistics and differences over about that many pairs",
    )


def cross_pairs(articles: Sequence[str], limit: int) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, of positions holding different ``articles`` (a group's members,
    those of one article side by side): all of them while there are at most ``limit``, else
    for each position the next ``limit // len(articles)`` positions of other articles, going
    round past the end (see ``Settings.group_pairs_max``)."""
    k = len(articles)
    sizes = Counter(articles)
    total = k * (k - 1) // 2 - sum(n * (n - 1) // 2 for n in sizes.values())
    if total <= limit:
        return [(a, b) for a, b in combinations(range(k), 2) if articles[a] != articles[b]]
    block_end = [0] * k  # the position after the run of one article's members holding each position
    end = k
    for position in range(k - 1, -1, -1):
        if position + 1 < k and articles[position + 1] != articles[position]:
            end = position + 1
        block_end[position] = end
    each = max(1, limit // k)
    pairs: set[tuple[int, int]] = set()
    for a in range(k):
        taken, b = 0, block_end[a] % k
        while taken < min(each, k - sizes[articles[a]]):
            if articles[b] == articles[a]:
                b = block_end[b] % k
                continue
            pairs.add((a, b) if a < b else (b, a))
            taken += 1
            b = (b + 1) % k
    return sorted(pairs)


def _kind(
    score: float,
    differences: Sequence[Difference],
    additions: Sequence[tuple[str, str]],
    settings: Settings,
    loosest: float = 1.0,
) -> Kind:
    """``loosest``: the least, over the members, of a member's score with its closest version
    (:func:`_loosest`); every member must have a close version for the group to agree."""
    if any(d.conflict for d in differences):
        return "diverge"
    # A date one version gives more precisely ("Nov. 20" / "November") is a detail, not a disagreement.
    other = [d for d in differences if d.type != "date"]
    if score >= settings.agree_threshold and loosest >= settings.agree_threshold and not other and not additions:
        return "agree"
    return "partial"


def _loosest(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float]) -> float:
    """The least, over the members, of a member's score with its closest version in another
    article: a group of two close versions and a third sentence linked loosely to them (an
    outlet's "he hasn't apologized to the young men" beside two outlets' "I apologize to all
    involved") does not agree, however close the two are."""
    best = [0.0] * len(members)
    for (a, b), value in sims.items():
        best[a], best[b] = max(best[a], value), max(best[b], value)
    return min(best) if sims else 1.0


def _closest_members(members: Sequence[Sentence], sims: Mapping[tuple[int, int], float]) -> list[int]:
    """For each member, the member of another article most like it (itself when there is none)."""
    best = list(range(len(members)))
    best_sim = [-1.0] * len(members)
    for (a, b), value in sorted(sims.items()):
        for x, y in ((a, b), (b, a)):
            if value > best_sim[x]:
                best[x], best_sim[x] = y, value
    return best


def _additions(
    members: Sequence[Sentence],
    closest: Sequence[int],
    differences: Sequence[Difference],
    settings: Settings,
    numbers: Mapping[str, Sequence[Quantity]] | None = None,
) -> tuple[tuple[str, str], ...]:
    """What each member says that its closest version does not, beyond what the typed
    differences show (see :func:`added_words`); and, where a member and its closest version each
    give a number the other does not (``numbers``: each member's quantities) and no typed difference
    shows them, what each says in their place, however few its words: "Police arrested 45 people in
    the capital" and "Three people died in the capital" swap one count for another and tell two facts
    (two acts counted are no contradiction, :attr:`~compare.analyze.quantities.Quantity.act`), so the
    group does not agree."""
    explained = [value for d in differences for _, value in d.values]
    out = []
    for k, member in enumerate(members):
        if closest[k] == k:
            continue
        other = members[closest[k]]
        added = added_words(member.text, other.text, settings.addition_min_weight, explained)
        if not added and numbers is not None and not explained and _counts_apart(numbers[member.id], numbers[other.id]):
            added = added_words(member.text, other.text, -len(other.text), explained)
        if added:
            out.append((member.id, added))
    return tuple(out)


def _counts_apart(mine: Sequence[Quantity], theirs: Sequence[Quantity]) -> bool:
    """Each of two sentences gives a value (not a year) the other does not."""
    a = {(q.kind, q.value) for q in mine if not q.year}
    b = {(q.kind, q.value) for q in theirs if not q.year}
    return bool(a - b) and bool(b - a)


def differences_between(texts: Sequence[str], settings: Settings | None = None) -> list[Difference]:
    """The typed differences of versions of one fact given as plain sentences, one article
    each ("a", "b", ...), compared as a group of them would be, without aligning anything:
    for tests and for measuring (``benchmarks/evaluate.py``)."""
    from compare.analyze.quotes import quotes_by_sentence
    from compare.models import Article, Span, sentence_id

    settings = settings or Settings()
    members, quotes = [], {}
    for n, text in enumerate(texts):
        article_id = chr(ord("a") + n)
        sentence = Sentence(sentence_id(article_id, 0), article_id, 0, text, 0, len(text), 0, "body")
        article = Article(article_id, article_id, "", text, paragraphs=(Span(0, len(text)),), sentences=(sentence,))
        quotes.update(quotes_by_sentence(article))
        members.append(sentence)
    whole = replace(settings, sentence_max_chars=0)  # sentences as given: none is cut here, nor refused
    sims = {(a, b): sentence_similarity(texts[a], texts[b], whole) for a, b in combinations(range(len(texts)), 2)}
    numbers, values = _quantities(members, settings)
    plain = {s.article: plain_text(s.text) for s in members}
    return _differences(members, sims, quotes, plain, numbers, values, settings, ArticleDates.of(members, settings))


def _quantities(
    sentences: Sequence[Sentence], settings: Settings
) -> tuple[dict[str, list[Quantity]], dict[str, frozenset[tuple[str, float]]]]:
    """Each sentence's quantities, and each article's values (years and ages aside): a value
    another version gives elsewhere in its article is no conflict (:func:`number_differences`)."""
    rules = settings.differences
    numbers = {
        s.id: find_quantities(s.text, settings.approximate_share, rules.number_context_words, rules.name_zipf)
        + find_records(s.text, rules.name_zipf)
        for s in sentences
    }
    values: dict[str, set[tuple[str, float]]] = {}
    for s in sentences:
        values.setdefault(s.article, set()).update((n.kind, n.value) for n in numbers[s.id] if not n.year and n.kind != "age")
    return numbers, {article: frozenset(found) for article, found in values.items()}


def _differences(
    members: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    quotes: Mapping[str, tuple[Quote, ...]],
    article_texts: Mapping[str, str],
    numbers: Mapping[str, list[Quantity]],
    article_numbers: Mapping[str, frozenset[tuple[str, float]]],
    settings: Settings,
    article_dates: ArticleDates | None = None,
    intros: Mapping[str, str] | None = None,
) -> list[Difference]:
    """``intros``: the sentence introducing a member's quotation (:func:`introductions`)."""
    intros = intros or {}
    out: list[Difference] = []
    out.extend(number_differences(members, list(sims), numbers, article_numbers))
    dated = date_difference(members, sims, settings, article_dates)
    if dated:
        out.append(dated)
    timed = time_difference(members, sims, settings.differences)
    if timed:
        out.append(timed)
    out.extend(quote_differences(members, sims, quotes, article_texts, settings))
    close = [(a, b) for (a, b), v in sims.items() if v >= settings.agree_threshold]
    linked = [(a, b) for (a, b), v in sims.items() if v >= settings.link_threshold]
    negated = negation_differences(members, close, settings.differences)
    out.extend(negated)
    out.extend(attribution_differences(members, close, article_texts, settings.differences.source_spelling))
    out.extend(name_differences(members, list(sims), article_texts, settings.differences))
    opposites = opposite_differences(members, close, linked, quotes, settings.opposite_context_words)
    out.extend(opposites)
    # "denied" / "confirmed": an opposite already; "not see" / "sees" in close versions: a negation already
    pairs = list(sims) if settings.differences.denial_group_pairs else linked
    denied = None if opposites else denial_difference(
        members, pairs, claims=not negated, intros=intros, settings=settings.differences, article_texts=article_texts
    )
    if denied:
        out.append(denied)
    hedge = hedge_difference(members, close, quotes, settings.differences, intros)
    if hedge:
        out.append(hedge)
    cause = cause_difference(members, list(sims))
    if cause:
        out.append(cause)
    return out
