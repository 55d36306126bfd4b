"""Framing: how each article presents the main actors of the story, on two axes.

1. **Actors** are found in the articles (:mod:`.names`, :mod:`.actors`): the lexicon's aliases
   ("Moscow", "Kremlin" → Russia), and people and organisations it does not know, learnt
   from capitalised name runs ("Mitt Romney" = "Romney" = "Mr. Romney"; "FBI"; "Newsweek" written
   alone before a verb).  A person stays a person, and may speak for a lexicon actor (see
   :mod:`.names`).  The main actors
   are the ``Settings.max_actors`` most mentioned actors named by at least two articles.
2. **The stance axis** (:mod:`.cues`, :mod:`.attribution`): the lexicon's cooperative and
   reluctant cue words, each credited to the actor the sentence says it of (its quotation's
   speaker, an actor right next to it, or its clause's agent); only in a story about relations
   between actors (:func:`.cues.about_relations`): elsewhere no actor is cooperative or reluctant.
3. **Tone** (:mod:`.tone`): favourable, unfavourable or neutral toward the actor, from every
   sentence naming it (the outlet's own words and the quotations it chose), judged by
   :func:`~compare.analyze.framing.tone.target_tone`'s model; not where the sentence only names
   it beside what it says (:mod:`.bystander`: "Obama campaign spokeswoman Lis Smith described
   the ad as 'dishonest'", "the Iraq war", "than Netflix").  A sentence that only says who
   spoke ('"...," Romney said'), or whose praise is in the actor's own words about others
   ("But he said the groups needed to do more"), says nothing of it: neutral, and left out of the
   share of favourable sentences (:func:`.scoring._tone`).  Praise in the actor's words that names
   or refers to the actor again ("Jealous said he had built a brave movement") counts: the outlet
   chose to relay it.
4. **Voices** (:mod:`.voice`): whose words each evidence sentence's cue words are, the outlet's
   own or a speaker's it quotes or paraphrases (the report says "quoting X"); an unfavourable
   tone needs the outlet's own words (``Settings.tone_own_sentences``).

:func:`frame` does it all.  The comparison runs it in two steps: :func:`credit` (actors, cues,
which sentences speak of which actor: no embedding needed, so it runs while the sentences are
embedded for the alignment) and :func:`finish` (the tone of those sentences, with their
embeddings, and the stances).

:mod:`.scoring` turns what an actor was given in one article into a
:class:`~compare.models.Stance`: labels, scores, evidence sentences and the cue words in them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from compare import semantic
from compare.analyze.framing import tone_cache
from compare.analyze.framing.actors import Mention, find_mentions
from compare.analyze.framing.aliases import Alias, AliasMatch, alias_actor, alias_matches, compile_aliases
from compare.analyze.framing.attribution import QuoteLike, Sent, is_speaker, read_sentence, resolve, speakers
from compare.analyze.framing.coref import Reference, profiles, references
from compare.analyze.framing.cues import (
    CompiledCues,
    about_relations,
    compile_cues,
    find_cues,
    holders,
    verb_agent,
)
from compare.analyze.framing.names import Names, learn_names
from compare.analyze.framing.said import furniture
from compare.analyze.framing.scoring import SentenceTone, Tally, criticism, stance
from compare.analyze.framing.tokens import tokens
from compare.analyze.framing.tone import Logits, embedded_logits, target_tone
from compare.analyze.framing.voice import OWN, ArticleVoices, VoiceSpan, voices_of
from compare.analyze.framing.words import PEOPLE_NOUNS
from compare.lexicon import Lexicon
from compare.models import Article, CueMark, Stance
from compare.records import record
from compare.settings import Settings

QuoteFinder = Callable[[Article], Mapping[str, Sequence[QuoteLike]]]


def _default_quotes() -> QuoteFinder:
    from compare.analyze.quotes import quotes_by_sentence

    return quotes_by_sentence


def _speaker_lookup(names: Names, aliases: Mapping[str, object]) -> Callable[[str], Mention | None]:
    """A speaker's name ("Medvedev", "Mitt Romney") → a mention of its actor, or None for no actor."""

    def lookup(name: str) -> Mention | None:
        words = name.split()
        if not words:
            return None
        surname = words[-1]
        if surname in names.people:
            person = names.person(surname, words[0] if len(words) > 1 else None)
            if person is not None:
                return Mention(person, 0, 0, 0, True, names.speaks_for.get(person))
        if name in names.aliases:
            return Mention(name, 0, 0, 0, False)
        for candidate in dict.fromkeys((name, surname)):
            actor = alias_actor(candidate, aliases)  # type: ignore[arg-type]
            if actor is not None:
                return Mention(actor, 0, 0, 0, True)
        return None

    return lookup


def _read_article(
    article: Article,
    matches: Mapping[str, Sequence[AliasMatch]],
    names: Names,
    quotes: Mapping[str, Sequence[QuoteLike]],
) -> list[Sent]:
    recent: dict[str, str] = {}
    last_person: Mention | None = None
    out = []
    for s in article.sentences:
        toks = tokens(s.text)
        found = find_mentions(toks, matches[s.id], names, s.role != "body", recent)
        sent, last_person = resolve(read_sentence(s, toks, found, quotes.get(s.id, ())), last_person)
        out.append(sent)
    return out


def _credit_cues(
    sents: Sequence[Sent],
    lex: CompiledCues,
    said: Mapping[tuple[int, int], Mention | None],
    tally: Callable[[str], Tally],
) -> None:
    for n, sent in enumerate(sents):
        sid = sent.sentence.id
        for c, clause in enumerate(sent.clauses):
            for cue in find_cues(sent, clause, lex):
                agent = verb_agent(sent, cue)
                if agent is not None:
                    credited: Sequence[Mention] = agent  # "a force that threatens Russia": the force's
                elif clause.quote >= 0 and (n, clause.quote) in said:
                    speaker = said[(n, clause.quote)]
                    credited = [speaker] if speaker is not None else []
                elif clause.quote >= 0:
                    credited = sent.first_agents  # a quotation nobody is said to have said
                else:
                    credited = holders(
                        sent,
                        c,
                        cue,
                    )
                kind = "cooperative" if cue.polarity > 0 else "reluctant"
                mark = CueMark(sid, sent.toks[cue.first].start, sent.toks[cue.last].end, kind)
                for actor in dict.fromkeys(a for m in credited for a in m.actors):
                    tally(actor).add_cue(sid, sent.sentence.index, cue.polarity, mark)


@record
class ToneRequest:
    """One sentence's tone to judge toward the main actors it names or refers to first there."""

    article: str
    sentence: str  # sentence id
    index: int
    text: str
    start: int  # the target's characters in text
    end: int
    speaker: bool  # the target is the speaker of the sentence's quotation: no tone from it
    actors: tuple[str, ...]
    quoted: bool = False  # the target stands inside a quotation (not in the outlet's own words)
    again: bool = False  # the sentence names the target or refers to it more than once
    reference: str = ""  # the target is a reference to the first of ``actors``, of this :data:`.coref.Kind`
    # ("pronoun": "he"; not to the actor a person speaks for); "": a name


@dataclass(frozen=True, slots=True)
class Credited:
    """What :func:`credit` found, all but the tones: :func:`finish` judges those."""

    articles: tuple[str, ...]  # article ids, in input order
    main: tuple[str, ...]  # the main actors, most mentioned first
    named_in: Mapping[str, frozenset[str]]  # actor → the articles naming it
    tallies: Mapping[tuple[str, str], Tally]  # (actor, article) → its cues and names (finish copies them)
    requests: tuple[ToneRequest, ...]
    texts: tuple[str, ...]  # every sentence's text, for the embeddings
    voices: Mapping[str, tuple[VoiceSpan, ...]] = field(default_factory=dict)  # sentence id → speakers' words (:mod:`.voice`)


def _people_of(aliases: Mapping[str, tuple[Alias, ...]]) -> Callable[[Sent, Mention], bool]:
    """Whether a mention names a country's people, not the country: a plural of another of its
    aliases ("Americans", "Russians") or an alias before ``PEOPLE_NOUNS`` ("the American people").
    The tone toward "the wealthiest Americans" is not the tone toward the United States."""

    def people(sent: Sent, m: Mention) -> bool:
        toks = sent.toks
        surface = sent.sentence.text[toks[m.first].start : toks[m.last].end]
        actor = alias_actor(surface, aliases)
        if actor is None:
            return False
        after = toks[m.last + 1].low if m.last + 1 < len(toks) else ""
        return after in PEOPLE_NOUNS or (surface.endswith("s") and alias_actor(surface[:-1], aliases) == actor)

    return people


def _named_twice(targets: Sequence[tuple[tuple[str, ...], int, int, int, str]]) -> frozenset[str]:
    """The actors that more than one of a sentence's targets name or refer to."""
    seen: set[str] = set()
    twice: set[str] = set()
    for actors, *_ in targets:
        for a in set(actors):
            (twice if a in seen else seen).add(a)
    return frozenset(twice)


def _tone_requests(
    article: str,
    sents: Sequence[Sent],
    refs: Sequence[Sequence[Reference]],
    main: set[str],
    people: Callable[[Sent, Mention], bool],
) -> list[ToneRequest]:
    """Each sentence's tone to judge toward each main actor it names or refers to (:mod:`.coref`),
    but not where it only names a country's people (``people``, :func:`_people_of`)."""
    out = []
    for sent, referred in zip(sents, refs, strict=True):
        targets = [
            (m.actors, m.anchor, m.first, m.last, "")
            for m in sent.mentions
            if m.lexical and not main.isdisjoint(m.actors) and not people(sent, m)  # people(): only where it matters
        ]
        targets += [(r.actors, r.first, r.first, r.last, r.kind) for r in referred]
        if not targets or (sent.sentence.role != "title" and furniture(sent.sentence.text)):
            continue  # a link to another story or a caption (:func:`.said.furniture`) says nothing of them
        twice = _named_twice(targets) if len(targets) > 1 else frozenset()
        done: set[str] = set()
        for actors, anchor, first, last, kind in targets:
            wanted = tuple(dict.fromkeys(a for a in actors if a in main and a not in done))
            if not wanted:
                continue  # a sentence's tone toward an actor is judged once, at its first mention
            done.update(wanted)
            s = sent.sentence
            out.append(
                ToneRequest(
                    article, s.id, s.index, s.text, sent.toks[first].start, sent.toks[last].end,
                    is_speaker(sent, anchor, last),  # '"...," he said': the quotation is not said of him
                    wanted,
                    sent.quote_of[first] >= 0,
                    not twice.isdisjoint(wanted),
                    kind if wanted[0] == actors[0] else "",  # the person referred to, not whom it speaks for
                )
            )
    return out


def _embedded(texts: Sequence[str], settings: Settings) -> Mapping[str, Logits]:
    """The sentence layer's logits of every sentence (:func:`.tone.embedded_logits`), in the mode
    with embeddings: the comparison has embedded these sentences already, so this reads them from
    the cache.  Nothing in the lexical mode, or over ``Settings.semantic_max_chars``."""
    if not settings.semantic:
        return {}
    if semantic.chars_to_embed(texts) > settings.semantic_max_chars:
        return {}
    return embedded_logits(texts)


def _cache_folder() -> Path | None:
    """The embedding cache's folder, where :mod:`.tone_cache` keeps the tones (None: no cache)."""
    path = semantic.cache_path()
    return path.parent if path is not None else None


def _tally_of(tallies: dict[tuple[str, str], Tally], article_id: str) -> Callable[[str], Tally]:
    """The tally of an actor in one article, made on first use."""

    def tally(actor: str) -> Tally:
        found = tallies.get((actor, article_id))
        if found is None:
            found = tallies[(actor, article_id)] = Tally()
        return found

    return tally


def frame(
    articles: Sequence[Article],
    lexicon: Lexicon,
    settings: Settings,
    *,
    quotes: QuoteFinder | None = None,
) -> tuple[Stance, ...]:
    """How each article frames each main actor: :func:`credit`, then :func:`finish`."""
    return finish(credit(articles, lexicon, settings, quotes=quotes), settings)


def credit(
    articles: Sequence[Article],
    lexicon: Lexicon,
    settings: Settings,
    *,
    quotes: QuoteFinder | None = None,
) -> Credited:
    """The first step of :func:`frame`: the actors, the main ones, their cues, and the sentences
    whose tone toward them :func:`finish` judges.  ``quotes`` finds an article's quotations
    (default: :func:`compare.analyze.quotes.quotes_by_sentence`).  Needs no embedding.
    """
    aliases = compile_aliases(lexicon)
    lex = compile_cues(lexicon)
    find_quotes = quotes or _default_quotes()
    sentences = [s for a in articles for s in a.sentences]
    matches = {s.id: alias_matches(tokens(s.text), aliases) for s in sentences}
    names = learn_names(sentences, matches, lexicon.actors)
    lookup = _speaker_lookup(names, aliases)
    mentions: Counter[str] = Counter()
    named_in: dict[str, set[str]] = defaultdict(set)
    tallies: dict[tuple[str, str], Tally] = {}
    read: dict[str, list[Sent]] = {}
    voices = ArticleVoices()  # each sentence's worked out when a report asks for it
    relations = about_relations((s.text for s in sentences), settings.stance_relations_per_1000)
    for article in articles:
        sents = read[article.id] = _read_article(article, matches, names, find_quotes(article))

        tally = _tally_of(tallies, article.id)
        said = speakers(sents, lookup)
        voices.add(sents, said)
        for sent in sents:
            for m in sent.mentions:
                if m.lexical:
                    surface = sent.sentence.text[sent.toks[m.anchor].start : sent.toks[m.last].end]
                    for actor in m.actors:
                        mentions[actor] += 1
                        named_in[actor].add(article.id)
                    if m.actor is not None:
                        tally(m.actor).aliases[surface] = None
        if relations:  # the stance axis only where the story is about relations between actors
            _credit_cues(sents, lex, said, tally)

    ranked = sorted((a for a in mentions if len(named_in[a]) >= 2), key=lambda a: (-mentions[a], a))
    main = ranked[: settings.max_actors]
    info = profiles(list(read.values()))
    people = _people_of(aliases)
    requests: list[ToneRequest] = []
    for article in articles:
        refs = references(read[article.id], info, settings.coref_window)
        requests += _tone_requests(article.id, read[article.id], refs, set(main), people)
    return Credited(
        tuple(a.id for a in articles),
        tuple(main),
        {actor: frozenset(named_in[actor]) for actor in main},
        tallies,
        tuple(requests),
        tuple(dict.fromkeys(s.text for s in sentences)),
        voices,
    )


def _spoke(r: ToneRequest, voice: str) -> SentenceTone:
    """The neutral tone of a sentence in which the actor only speaks, or praises others in its own words."""
    return SentenceTone(r.sentence, r.index, "neutral", 0.0, False, r.quoted, voice, True)


def finish(credited: Credited, settings: Settings) -> tuple[Stance, ...]:
    """The tones of the sentences :func:`credit` found, and one :class:`Stance` per (actor,
    article naming it or referring to it).

    Actors come in order of mentions across all articles (then name), articles in input
    order.  In the mode with embeddings the tone model's sentence layer reads them
    (:func:`_embedded`)."""
    embedded = _embedded(credited.texts, settings) if credited.requests else {}
    main = set(credited.main)
    tallies = {key: tally.copy() for key, tally in credited.tallies.items() if key[0] in main}  # only these are read
    voice = voices_of(credited.voices)
    asked = [(r.text, r.start, r.end, embedded.get(r.text)) for r in credited.requests if not r.speaker]
    results = iter(tone_cache.judged(asked, settings.tone_neutral_prior, _cache_folder()))
    for r in credited.requests:
        if r.speaker:  # '"...," he said': the quotation is not said of him (neutral, out of the share)
            for actor in r.actors:
                tallies.setdefault((actor, r.article), Tally()).add_tone(_spoke(r, OWN), ())
            continue
        result = next(results)  # tone_at(r.text, r.start, r.end, ...), read back where a report judged it
        marks = tuple(CueMark(r.sentence, lo, hi, result.tone) for lo, hi in result.cues)
        cued = bool(result.cues) and (result.tone != "favourable" or result.strength >= settings.tone_favourable_valence)
        said = voice(r.sentence, result.cues)
        tone = SentenceTone(r.sentence, r.index, result.tone, result.score, cued, r.quoted, said.kind, False, r.reference)
        for n, actor in enumerate(r.actors):
            tally = tallies.setdefault((actor, r.article), Tally())
            if result.tone == "favourable" and actor in said.actors and not r.again:
                tally.add_tone(_spoke(r, said.kind), ())  # "But he said the groups needed to do more": his words
            else:  # "he" refers to the person (the first actor), not to the one the person speaks for
                tally.add_tone(tone if not n or not r.reference else replace(tone, reference=""), marks)
    out: list[Stance] = []
    weights = {key: criticism(t.tones.values(), settings) for key, t in tallies.items() if key[0] in main}
    for actor in credited.main:
        for article in credited.articles:
            found = tallies.get((actor, article))
            if article in credited.named_in[actor] or found is not None:
                rival = max((w for (a, at), w in weights.items() if at == article and a != actor), default=0.0)
                out.append(stance(actor, article, found or Tally(), settings, voice, rival))
    return tuple(out)


def main_actors(articles: Sequence[Article], lexicon: Lexicon, settings: Settings) -> tuple[str, ...]:
    """The main actors :func:`frame` reports on, most mentioned first."""
    return tuple(dict.fromkeys(s.actor for s in frame(articles, lexicon, settings)))


__all__ = ["Credited", "QuoteFinder", "QuoteLike", "ToneRequest", "credit", "finish", "frame", "main_actors", "target_tone"]
