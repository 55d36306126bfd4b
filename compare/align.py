"""Stage 4: sentences that report the same fact, across articles, form groups.

1. Every sentence is featurised once: content tokens weighted by the
   word-frequency prior, damped for words that run through the whole story
   (:func:`compare.similarity.story_weights`), function words; and, unless the
   lexical mode is chosen or the model is missing, a sentence embedding
   (:mod:`compare.semantic`).
2. The embeddings are *centred on the story* (:mod:`compare.centring`): the mean embedding of the story's
   distinct sentences (blended with the mean of news sentences in general, which
   counts as ``Settings.background_sentences`` sentences) is taken away before the
   cosine.  Every sentence of a
   story on NATO and Russia is close to every other one in the raw embedding
   space; what is left after centring is what a sentence says beyond the story's
   topic, just as :func:`~compare.similarity.story_weights` damps the story's
   own words.  A pair's score is ``Settings.story_cosine_weight`` of that cosine
   plus the rest of the lexical similarity (difflib and weighted word overlap,
   what the word diffs show).  Two *leads* (each article's headline and first
   ``Settings.lead_sentences`` sentences), which state the story's main event,
   are compared on embeddings centred on news in general instead: centring on the
   story would take that very event away.
3. Candidates: pairs whose lexical bound (:mod:`compare.candidates`) or whose
   cosine reaches the link threshold; no other pair can reach it, since the
   score is a weighted mean of the two.  A candidate whose score reaches the
   threshold is a *link*; a weak one (under ``Settings.weak_link_score``) also needs a shared
   word beyond the story's names, attribution and subject, or a close meaning; two sentences
   that are mostly quotation also need a run of words both quotations hold (the same
   speaker's other remark on the subject is not the same fact), and a sentence that is mostly
   quotation needs a word of its quotation in common (not only who spoke, to whom, where).  A sentence that names two
   kinds of a thing ("expanding theater missile defense to territorial missile defense")
   does not link to one that names one kind alone, unless the link is strong; nor two sentences
   whose shared words of substance lie only in a background clause of one ("Rahman, who famously beat
   Lennox Lewis ... in 2001, barely landed a punch", :mod:`compare.background`); nor two that name
   other weekdays or years (two meetings, on Sunday and on Thursday), nor a sentence that reports a
   refusal to say ("declined to say whether ...") with one that states a fact (``GroupSettings.refusal_max_score``).  A number of one digit counts for a
   weak link only with the thing it counts ("two more debates" is not "the second of three").  A short
   sentence links to the very same words, alone or quoted inside another outlet's sentence.
4. Links are taken strongest first (ties by sentence id, so the input order does
   not matter); two groups merge only when, in the merged group, *every member*
   is close on average to the members of the other articles (mean similarity at
   least the member threshold).  A stray sentence cannot pull others in, and
   no chain of pairwise links joins sentences that do not belong together.  A weak link
   adds to a group only what is close to all of it (``Settings.weak_member_threshold``), and only
   while every member is close to most of the other articles' members (``Settings.weak_near_score``).
   Groups may hold several sentences of one article and keep any order; a
   sentence with no link stays unmatched.

In the lexical mode (``Settings.semantic`` off, or the model unavailable) the
score is the lexical similarity alone, with the lexical thresholds.

The result is an :class:`Alignment`: the groups (as sentence-index tuples) and
the similarity of any pair, which the analysis stage reuses.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from compare import semantic
from compare.background import background_only, foreground_tokens
from compare.candidates import pair_bounds
from compare.centring import StoryCosines, story_cosines
from compare.grouping import Chain, Thresholds, group_links
from compare.link_checks import (
    Kinds,
    Quoted,
    checks_apart,
    days_named,
    denials_apart,
    earlier_apart,
    kinds_named,
    other_days,
    quotations,
    refusals_apart,
    worded_apart,
)
from compare.models import Sentence
from compare.parts import (
    Parts,
    find_parts,
    matched_parts,
    part_links,
)
from compare.plain_words import plain_tokens, tells_both
from compare.settings import Settings
from compare.similarity import (
    ATTRIBUTION,
    Features,
    analyse,
    features,
    informativeness,
    is_name_line,
    lexical_score,
    normalise_word,
    story_acronyms,
    story_names,
    story_weights,
    substance,
)
from compare.similarity import SCORE_DECIMALS as _ROUND
from compare.text import TOKEN, is_question
from compare.value_slots import ValueSlots, swapped_score
from compare.verbatim import quote_links, same_pairs, same_words, short_quotes


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
    limits: tuple[str, ...] = ()
    """One line for each limit on adversarial input that changed this alignment (the candidate
    index's budgets, ``Settings.group_max_wordings``); empty on real stories."""


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
    linkable, asks, quoted = _linkables(sentences, analysed, settings, names)
    feats = tuple(features(t, story, function=f) if linkable[i] or asks[i] else features(()) for i, (t, f) in enumerate(analysed))
    article_of, allowed_numbers = _article_numbers(sentences, allowed)

    parts = find_parts(sentences, linkable, story, settings, names)
    cosines, over_chars = _cosines_within_limit(sentences, linkable, settings, parts, names)
    weight = settings.story_cosine_weight if cosines is not None else 0.0
    link_threshold = settings.semantic_link_threshold if cosines is not None else settings.link_threshold

    cache: dict[tuple[int, int], float] = {}
    shown: dict[tuple[int, int], float] = {}  # the scores without a swap of values (unswapped, below)
    limits = {"visits_per_sentence": settings.index_visits_per_sentence, "max_candidates": settings.max_candidates}
    bounds = pair_bounds(feats, article_of, settings.overlap_weight, allowed_numbers, **limits)
    wording = [bounds.wording(i) for i in range(len(sentences))]

    values = ValueSlots([t if linkable[i] else () for i, (t, _) in enumerate(analysed)], article_of, settings.grouping.value_slot_most, settings.grouping.value_slot_near, _name_tokens(names))
    plain_lexical, lexical, swapped = _lexical_scores(feats, wording, article_of, allowed_numbers, values, [f for _, f in analysed], story, settings)

    verbatim = short_quotes(sentences, linkable, names, settings)

    def whole(i: int, j: int, words: Callable[[int, int], float] = lexical) -> float:
        if (asks[i] or asks[j]) and quoted[i] and quoted[j]:
            value = words(i, j)  # a question asked again, in nearly the same words
            return value if value >= settings.question_min_lexical else 0.0
        if not (linkable[i] and linkable[j]):
            return 1.0 if same_words(verbatim.get(i), verbatim.get(j)) else 0.0  # a short quote, word for word
        if cosines is None or words(i, j) == 1.0:
            return words(i, j)  # the same words score 1.0 in either mode
        cos = max(0.0, cosines.pair(i, j))
        return round(min(1.0, (1.0 - weight) * words(i, j) + weight * cos), _ROUND)

    matched = part_links(parts, feats, whole, cosines, weight, link_threshold + settings.part_threshold_offset, article_of, allowed_numbers, settings)
    matched.update(quote_links(sentences, verbatim, names, article_of, allowed_numbers, settings.verbatim_partners))

    def similarity(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        value = cache.get(key)
        if value is None:
            value = max(whole(*key), matched[key][0] if key in matched else 0.0)
            cache[key] = value
        return value

    candidate_set = {*bounds.candidates(link_threshold), *matched, *same_pairs(verbatim, article_of, allowed_numbers, settings.verbatim_partners), *values.candidates(allowed_numbers)}
    if cosines is not None:
        candidate_set.update(cosines.candidates(link_threshold, article_of, allowed_numbers, settings.max_candidates))
    plain, fore = _plain_words(sentences, analysed, story, names | story_acronyms(sentences), settings, cosines is not None)
    asked = {(i, j) for i, j in candidate_set if (asks[i] or asks[j]) and quoted[i] and quoted[j]}
    quotes, named_kinds, days = _wordings(sentences, [t for t, _ in analysed], names, settings) if cosines is not None else (None, None, None)
    links = _links(candidate_set, similarity, lexical, matched, cosines, link_threshold, settings, plain, asked, quotes, named_kinds, days, values, fore)
    ids, kinds, links = [(s.article, s.index) for s in sentences], _kinds(article_of, wording, linkable, cosines), refusals_apart(links, sentences, {*matched, *asked}, settings, cosines is not None)
    thresholds, ranks = _thresholds(settings, cosines is not None), _story_ranks(links, lexical, matched, cosines, weight)
    links, denied = denials_apart(links, sentences, {*matched, *asked}, settings, cosines is not None, ranks)  # ranks: of the links before, a superset
    headed = {k for i, s in enumerate(sentences) if s.role == "title" for k in (i, i + 1)}  # a headline and its lead
    remarks, chain = _remarks(quotes, settings), replace(_chain(sentences, analysed, article_of, similarity, cosines, settings, quotes, plain), apart=denied | earlier_apart(sentences, cosines is not None, similarity, settings) | checks_apart(candidate_set, links, similarity, link_threshold, settings, sentences, None if quotes is None else (quotes, named_kinds), {*matched, *asked}))
    def unswapped(i: int, j: int) -> float:  # two values in one slot scored as written: for ranks, and as the report's score
        key = (i, j) if i < j else (j, i)
        value = shown.get(key)
        if value is None:
            value = shown[key] = max(whole(*key, plain_lexical), matched[key][0] if key in matched else 0.0)
        return value

    swaps = {k: unswapped(*k) for k in links if swapped.get(k, 0.0) > plain_lexical(*k)}  # ranked at that score (_value_links)
    links = _value_links(links, swaps, link_threshold)
    groups, full = group_links(links, len(sentences), article_of, allowed_numbers, similarity, thresholds, ids, kinds, matched.keys(), {**swaps, **ranks}, headed, remarks, chain)
    found, notes = matched_parts(groups, article_of, similarity, matched), _limit_notes(over_chars, bounds.capped, full, settings)
    return Alignment(sentences, feats, groups, links, unswapped if values.most else similarity, cosines is not None, found, notes)


def _lexical_scores(
    feats: Sequence[Features],
    wording: Sequence[int],
    article_of: Sequence[int],
    allowed: Callable[[int, int], bool] | None,
    values: ValueSlots,
    functions: Sequence[frozenset[str]],
    story: Mapping[str, float],
    settings: Settings,
) -> tuple[Callable[[int, int], float], Callable[[int, int], float], dict[tuple[int, int], float]]:
    """The lexical score of two sentences as written (0 for articles not ``allowed`` together), the
    score the aligner links by (the same, or higher for two values in one slot: ``values``,
    :mod:`compare.value_slots`), and the swapped scores computed so far, by pair ``(i, j)``, ``i < j``."""
    cache: dict[tuple[int, int], float] = {}
    swapped: dict[tuple[int, int], float] = {}

    def plain(i: int, j: int) -> float:
        if article_of[i] != article_of[j] and allowed is not None and not allowed(article_of[i], article_of[j]):
            return 0.0
        # Scored once per pair of wordings: a sentence repeated is scored once (difflib is the cost).
        a, b = wording[i], wording[j]
        key = (a, b) if a < b else (b, a)
        value = cache.get(key)
        if value is None:
            value = lexical_score(feats[key[0]], feats[key[1]], settings)  # 0 without a shared content token
            cache[key] = value
        return value

    def lexical(i: int, j: int) -> float:
        value = plain(i, j)
        if values.most and value > 0.0:
            pair = (i, j) if i < j else (j, i)
            other = swapped.get(pair)
            if other is None:
                alt = values.swapped(*pair)
                other = 0.0 if alt is None else swapped_score(feats[pair[0]], features(alt, story, function=functions[pair[1]]), settings)
                swapped[pair] = other
            value = max(value, other)  # one claim with two values scores as one with the same value
        return value

    return plain, lexical, swapped


def _plain_words(
    sentences: Sequence[Sentence],
    analysed: Sequence[tuple[tuple[str, ...], frozenset[str]]],
    story: Mapping[str, float],
    names: frozenset[str],
    settings: Settings,
    semantic: bool,
) -> tuple[list[frozenset[str]] | None, list[frozenset[str]] | None]:
    """With embeddings (``semantic``), each sentence's plain words
    (:func:`~compare.plain_words.plain_tokens`) and those outside its background clauses
    (:func:`~compare.background.foreground_tokens`; None when ``GroupSettings.background_max_score``
    is 0); None and None without."""
    if not semantic:
        return None, None
    counted = settings.grouping.weak_link_counted
    plain = plain_tokens(analysed, story, names, counted)
    return plain, foreground_tokens(sentences, plain, story, names, counted) if settings.grouping.background_max_score else None


def _name_tokens(names: frozenset[str]) -> frozenset[str]:
    """The content tokens of the story's names."""
    return frozenset(t for t in map(normalise_word, names) if t is not None)


def _value_links(links: dict[tuple[int, int], float], swaps: Mapping[tuple[int, int], float], threshold: float) -> dict[tuple[int, int], float]:
    """The links but those made by two values in one slot alone (``swaps``: under ``threshold`` as
    written) between two sentences that each have a link of their own: the swap brings a version
    that nothing else links into its fact, and never joins two sentences that have facts already.
    The grouping ranks each such link at its score as written (``swaps``): it joins a sentence that
    no closer version claimed first."""
    own = {i for k in links if not swaps.get(k, 1.0) < threshold for i in k}
    return {k: v for k, v in links.items() if not (swaps.get(k, 1.0) < threshold and k[0] in own and k[1] in own)}


def _thresholds(settings: Settings, semantic: bool) -> Thresholds:
    """The grouping's thresholds (:class:`~compare.grouping.Thresholds`) in the mode with embeddings or without."""
    if semantic:
        return Thresholds(
            member=settings.semantic_member_threshold,
            link=settings.semantic_link_threshold,
            same_article=settings.semantic_same_article_threshold,
            weak_score=settings.weak_link_score,
            weak_member=settings.weak_member_threshold,
            weak_near=settings.weak_near_score,
            part_offset=settings.part_threshold_offset,
            max_kinds=settings.group_max_wordings,
            neighbour=settings.neighbour_member_threshold,
            quote_neighbour=settings.grouping.quote_neighbour_threshold,
            chain_floor=settings.grouping.chain_floor,
            chain_support=settings.grouping.chain_support,
            copy=settings.grouping.copy_score,
            copy_second=settings.grouping.copy_second_score,
            copy_support=settings.grouping.copy_support,
            merge_mean=settings.grouping.merge_mean,
            merge_ratio=settings.grouping.merge_ratio,
            merge_most=settings.grouping.merge_most,
            neighbour_linked=settings.grouping.neighbour_linked,
            halves=settings.grouping.halves_apart,
        )
    return Thresholds(
        member=settings.group_threshold,
        link=settings.link_threshold,
        same_article=settings.link_threshold,
        weak_score=0.0,
        weak_member=0.0,
        weak_near=0.0,
        part_offset=settings.part_threshold_offset,
        max_kinds=settings.group_max_wordings,
        neighbour=0.0,
    )


def _chain(
    sentences: Sequence[Sentence],
    analysed: Sequence[tuple[tuple[str, ...], frozenset[str]]],
    article_of: Sequence[int],
    similarity: Callable[[int, int], float],
    cosines: StoryCosines | None,
    settings: Settings,
    quotes: Sequence[Quoted] | None = None,
    plain: Sequence[frozenset[str]] | None = None,
) -> Chain:
    """The grouping's :class:`~compare.grouping.Chain`: the sentences of fewer than
    ``GroupSettings.chain_short_tokens`` content tokens, and the pairs of leads (each article's
    headline and first sentences, :class:`~compare.centring.StoryCosines`) of two articles that
    score under ``GroupSettings.lead_floor`` together (with embeddings only); the sentences that
    are mostly quotation (``Settings.quote_share``, of ``quotes``) and those with a word of
    attribution (:data:`~compare.similarity.ATTRIBUTION`), with embeddings only."""
    rules = settings.grouping
    short = frozenset(i for i, (tokens, _) in enumerate(analysed) if len(tokens) < rules.chain_short_tokens)
    quoted = frozenset(i for i, q in enumerate(quotes or ()) if q.share >= settings.quote_share)
    said = frozenset(i for i, s in enumerate(sentences) if quotes and any(w.lower() in ATTRIBUTION for w in TOKEN.findall(s.text)))
    tells = tells_both(plain, quotes, said, settings.weak_link_plain) if plain is not None and rules.halves_apart else None
    if cosines is None or not rules.lead_floor:
        return Chain(short, quoted=quoted, said=said, tells_both=tells)
    leads = sorted(cosines.lead)
    return Chain(
        short,
        frozenset(
            (i, j)
            for n, i in enumerate(leads)
            for j in leads[n + 1 :]
            if article_of[i] != article_of[j] and similarity(i, j) < rules.lead_floor
        ),
        quoted,
        said,
        tells,
    )


def _limit_notes(over_chars: int, capped: bool, full: int, settings: Settings) -> tuple[str, ...]:
    """One line for each limit that changed the alignment: the characters to embed when over
    ``Settings.semantic_max_chars`` (0 when not), the candidate index capped, the groups full."""
    notes: list[str] = []
    if over_chars:
        notes.append(
            f"no sentence embeddings: {over_chars:,} characters to embed, over {settings.semantic_max_chars:,} "
            "(Settings.semantic_max_chars); the sentences were compared by their words only, as with --lexical"
        )
    if capped:
        notes.append(
            "the candidate pairs were limited (Settings.index_visits_per_sentence, Settings.max_candidates): "
            "words shared by very many sentences proposed no pairs, and each sentence was scored against "
            f"its {settings.max_candidates} best candidates per article"
        )
    if full:
        notes.append(
            f"{full} group(s) reached {settings.group_max_wordings} different wordings "
            "(Settings.group_max_wordings) and took no more: further sentences of the same fact form groups of their own"
        )
    return tuple(notes)


def _article_numbers(
    sentences: Sequence[Sentence], allowed: Callable[[str, str], bool] | None
) -> tuple[list[int], Callable[[int, int], bool] | None]:
    """Each sentence's article as a number (articles in id order), and ``allowed`` on those numbers."""
    article_ids = sorted({s.article for s in sentences})
    number = {a: n for n, a in enumerate(article_ids)}
    if allowed is None:
        return [number[s.article] for s in sentences], None
    return [number[s.article] for s in sentences], lambda a, b: allowed(article_ids[a], article_ids[b])


def _links(
    candidates: set[tuple[int, int]],
    similarity: Callable[[int, int], float],
    lexical: Callable[[int, int], float],
    matched: Mapping[tuple[int, int], object],
    cosines: StoryCosines | None,
    threshold: float,
    settings: Settings,
    plain: Sequence[frozenset[str]] | None = None,
    asked: Collection[tuple[int, int]] = (),
    quotes: Sequence[Quoted] | None = None,
    kinds: Sequence[Kinds] | None = None,
    days: Sequence[frozenset[str]] | None = None,
    values: ValueSlots | None = None,
    fore: Sequence[frozenset[str]] | None = None,
) -> dict[tuple[int, int], float]:
    """The candidate pairs that link: a score at the threshold, and with embeddings (unless the
    words are the same, or a part made the link) a story-centred cosine of at least
    ``Settings.semantic_min_cosine`` -- and of ``Settings.paraphrase_cosine`` when the two share
    few words (lexical similarity under ``Settings.semantic_min_lexical``): sentences on one
    topic in other words are close in meaning too, and only a close paraphrase is the same fact.
    A weak link's shared words count the values it gives one slot (``values``,
    :meth:`~compare.value_slots.ValueSlots.shared_weight`): one measure, told with two values.
    Two sentences, not leads, that share plain words only in a background clause of one of them
    (``fore``, :func:`~compare.background.background_only`) do not link under
    ``GroupSettings.background_max_score``: two claims around one reminder."""
    links: dict[tuple[int, int], float] = {}
    for i, j in sorted(candidates):
        value = similarity(i, j)
        if value < threshold:
            continue
        if (i, j) in matched or cosines is None or value == 1.0 or (i, j) in asked:
            links[(i, j)] = value
            continue
        cos = cosines.pair(i, j)
        if cos < settings.semantic_min_cosine or (
            lexical(i, j) < settings.semantic_min_lexical and cos < settings.paraphrase_cosine
        ):
            continue
        if (
            plain is not None
            and value < settings.weak_link_score
            and cos < settings.weak_link_cosine
            and sum(informativeness(t) for t in plain[i] & plain[j]) + (values.shared_weight(i, j) if values else 0.0) < settings.weak_link_plain
            and not cosines.leads(i, j)
        ):
            continue
        if worded_apart(quotes, kinds, i, j, value, settings):
            continue
        if days is not None and value < settings.grouping.other_day_max_score and other_days(days[i], days[j]):
            continue
        if plain is not None and fore is not None and value < settings.grouping.background_max_score and not cosines.leads(i, j) and background_only(plain[i], plain[j], fore[i], fore[j]):
            continue  # two claims around one reminder (GroupSettings.background_max_score)
        links[(i, j)] = value
    return links



def _wordings(
    sentences: Sequence[Sentence], tokens: Sequence[tuple[str, ...]], names: frozenset[str], settings: Settings
) -> tuple[list[Quoted], list[Kinds] | None, list[frozenset[str]] | None]:
    """Each sentence's :class:`~compare.link_checks.Quoted` (``tokens`` its content tokens),
    (unless ``Settings.contrast_head_words`` is 0) :class:`~compare.link_checks.Kinds`, and (unless
    ``GroupSettings.other_day_max_score`` is 0) the weekdays it names (:func:`~compare.link_checks.days_named`)."""
    quotes = [quotations(s.text, t, names, settings.quote_run_words) for s, t in zip(sentences, tokens, strict=True)]
    kinds = [kinds_named(s.text, settings.contrast_head_words) for s in sentences] if settings.contrast_head_words else None
    days = [days_named(s.text) for s in sentences] if settings.grouping.other_day_max_score else None
    return quotes, kinds, days


def _remarks(quotes: Sequence[Quoted] | None, settings: Settings) -> Callable[[int, int], bool] | None:
    """Whether two sentences are different remarks (``Settings.quote_remarks_apart``): each mostly
    quotation (``Settings.quote_share``), their quotations sharing no run of words.  None when the
    rule is off or there are no ``quotes`` (the lexical mode)."""
    if quotes is None or not settings.quote_remarks_apart:
        return None

    def different(i: int, j: int) -> bool:
        a, b = quotes[i], quotes[j]
        return a.share >= settings.quote_share and b.share >= settings.quote_share and not a.runs & b.runs

    return different


def _story_ranks(
    links: Mapping[tuple[int, int], float],
    lexical: Callable[[int, int], float],
    matched: Mapping[tuple[int, int], object],
    cosines: StoryCosines | None,
    weight: float,
) -> dict[tuple[int, int], float]:
    """For the links of two leads scored on their news-centred cosine (:meth:`StoryCosines.pair`),
    the score they have centred on the story, by which the grouping ranks them: a lead that also
    reports a fact of its own joins that fact's group first, and the main event's group after."""
    if cosines is None:
        return {}
    return {
        (i, j): round((1.0 - weight) * lexical(i, j) + weight * max(0.0, cosines.story_pair(i, j)), _ROUND)
        for (i, j), value in links.items()
        if value < 1.0 and (i, j) not in matched and cosines.leads(i, j)
    }


def _kinds(
    article_of: Sequence[int], wording: Sequence[int], linkable: Sequence[bool], cosines: StoryCosines | None
) -> list[int]:
    """Sentences of one kind (one article, the same words and embedding) score alike with any other."""
    vectors = cosines.vectors if cosines is not None else None
    lead = cosines.lead if cosines is not None else {}
    kind_of: dict[tuple[int, int, bool, bytes, bool], int] = {}
    return [
        kind_of.setdefault(
            (article_of[i], wording[i], linkable[i], vectors[i].tobytes() if vectors is not None else b"", i in lead),
            len(kind_of),
        )
        for i in range(len(article_of))
    ]


def _linkable(sentence: Sentence, token_list: tuple[str, ...], settings: Settings, names: frozenset[str]) -> bool:
    """Whether a sentence carries a fact to align, but for a question (:func:`_linkables` checks
    that): enough content words, not a bare name line, and enough words beyond names and
    attribution ("Justice Ginsburg asked.", "Scalia said." report no fact of their own, only who
    spoke).

    A headline (role "title") is written in Title Case by many outlets and links like any
    sentence; a capitalised line elsewhere (a caption, byline or crosshead) does not, nor a short crosshead."""
    if len(token_list) < settings.min_content_tokens or (sentence.role == "heading" and len(sentence.text.split()) < settings.grouping.crosshead_words):
        return False
    if sentence.role == "title":
        return True
    return not is_name_line(sentence.text) and substance(sentence.text, names) >= settings.min_substance_tokens


def _linkables(
    sentences: Sequence[Sentence], analysed: Sequence[tuple[tuple[str, ...], frozenset[str]]], settings: Settings, names: frozenset[str]
) -> tuple[list[bool], list[bool], list[bool]]:
    """For each sentence: whether it is linkable (:func:`_linkable`, and not a sentence that asks,
    ``Settings.short_question_words``, unless a headline); whether it only asks (it would be,
    but for its question); and whether it quotes a question (a question mark and quotation marks)
    and is one of those: two outlets' sentences quoting nearly the same question link on their words
    (``Settings.question_min_lexical``), and an outlet's own question states no fact."""
    would = [_linkable(s, t, settings, names) for s, (t, _) in zip(sentences, analysed, strict=True)]
    linkable = [
        ok and (s.role == "title" or not is_question(s.text, settings.short_question_words)) for ok, s in zip(would, sentences, strict=True)
    ]
    asks = [ok and not is_linkable for ok, is_linkable in zip(would, linkable, strict=True)]
    quoted = [
        (linkable[i] or asks[i]) and "?" in s.text and any(mark in s.text for mark in "\"“”") for i, s in enumerate(sentences)
    ]
    return linkable, asks, quoted


def _cosines_within_limit(
    sentences: Sequence[Sentence], linkable: Sequence[bool], settings: Settings, parts: Parts, names: frozenset[str]
) -> tuple[StoryCosines | None, int]:
    """:func:`~compare.centring.story_cosines`, unless the distinct texts to embed (linkable
    sentences and parts) hold more than ``Settings.semantic_max_chars`` characters: then None
    and their count."""
    if not settings.semantic:
        return None, 0
    chars = semantic.chars_to_embed([*(sentences[i].text for i, ok in enumerate(linkable) if ok), *parts.texts])
    if chars > settings.semantic_max_chars:
        return None, chars
    return story_cosines(sentences, linkable, settings, parts, names), 0
