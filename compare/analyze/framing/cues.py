"""Cue words of the lexicon (cooperative, reluctant), found in a clause and given to a holder.

A cue in a sentence that states a condition ("if", "unless") or after "might"/"may" in its
clause is a possibility, no stance.  A negation ("not", "n't", "never", ...) up to
``NEGATION_WINDOW`` content words before a cue flips it ("not a threat" is cooperative); a cooperative cue right after a reluctant one counts
as reluctant ("objections to further cooperation").  A cue's holder is, the first that applies:

1. the subject of a cue that is a verb with an object ("terrorism threatens Russia", "a force that
   threatens the West"): an actor, or nobody when the subject is a thing (see :func:`verb_agent`);
   the object is never the holder, and in a quotation the speaker is not either;
2. the speaker of the quotation it is in (a speaker who is no actor takes it out of the count);
3. an actor right next to it: "Russian opposition", "Moscow's concern", "concern in Moscow";
   a possessive that is no actor ("other states' concern") makes it nobody's;
4. the agents of its clause, but for a threat they are said to be ("NATO is a threat", "Russia
   poses a danger"): the speaker who says so ("Lavrov said NATO is a threat": Lavrov's wariness),
   nobody in the outlet's own words (:func:`_said_to_be`, :func:`.reported.reporter`) (the speaker, for another's wish: "she said Russia should ..."
   is hers; see :mod:`.attribution`);
5. the sentence's first agents, for a clause with no subject of its own ("..., saying it would
   not attend"); a clause whose subject is a group that is no actor ("other states have
   expressed concern") is nobody's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from compare.analyze.framing.actors import Mention
from compare.analyze.framing.attribution import Clause, Sent
from compare.analyze.framing.reported import reporter
from compare.analyze.framing.tokens import POSSESSIVE, Tok, lemmas, split_words, word_matches
from compare.analyze.framing.words import (
    ADVERBS,
    ATTITUDES,
    CONDITIONALS,
    COPULAS,
    HEDGES,
    HOLDER_PREPOSITIONS,
    OBJECT_DETERMINERS,
    PERCEIVED,
    PRONOUNS,
    RELATIONS,
    RELATIVES,
    SKIP_BACK,
    TIME_MODIFIERS,
    TIMES,
    WANTING,
)
from compare.lexicon import Lexicon
from compare.records import record
from compare.similarity import STOPWORDS

NEGATION_WINDOW = 3
"""A negation flips a cue that follows within this many content words (stopwords and names skipped)."""
CONTRAST_WINDOW = 2
"""A cooperative cue within this many content words after a reluctant one counts as reluctant."""
COOPERATIVE, RELUCTANT, NEUTRAL = 1, -1, 0
RELATIONS_PATTERN = re.compile(
    # The look-ahead of the words' first letters lets the search skip the other places in C: a
    # third of the time (the alternatives alone are tried at every character).
    r"(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in RELATIONS})) + r"])\b(?:" + "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in sorted(RELATIONS)) + r")\b",
    re.IGNORECASE,
)
WORDS_PATTERN = re.compile(r"\w+(?:[-'’]\w+)*")


def about_relations(texts: Iterable[str], per_1000: float) -> bool:
    """Whether a story's texts use the words of relations between actors (cooperation, talks,
    treaty, ...: ``RELATIONS``) at least ``per_1000`` times per 1,000 words: the stories where
    the stance axis means something (``Settings.stance_relations_per_1000``; 0: every story)."""
    if per_1000 <= 0:
        return True
    texts = list(texts)
    # Two of ``WORDS_PATTERN``'s words have a character between them (a word ends before one
    # that is no word character), so a text of n characters holds at most (n + 1) // 2 of them:
    # once the hits are enough for that many words, neither the other texts' hits nor the words
    # are counted (counting the words takes as long as finding the hits).
    enough = per_1000 * sum((len(text) + 1) // 2 for text in texts)
    hits = 0
    for text in texts:
        hits += len(RELATIONS_PATTERN.findall(text))
        if hits and hits * 1000 >= enough:
            return True
    if hits == 0:
        return False
    words = sum(len(WORDS_PATTERN.findall(text)) for text in texts)
    return hits * 1000 >= per_1000 * words


@record
class CuePattern:
    words: tuple[str, ...]  # lower case; a last word ending in * is a prefix
    polarity: int


@record
class Cue:
    """A cue found in a sentence: tokens ``first``..``last``, after negation and contrast."""

    first: int
    last: int
    polarity: int


@dataclass(frozen=True, slots=True)
class CompiledCues:
    by_word: Mapping[str, tuple[CuePattern, ...]]  # first word → patterns, longest first
    prefixes: tuple[CuePattern, ...]
    negations: frozenset[str]
    options: dict[str, tuple[CuePattern, ...]] = field(default_factory=dict)  # a cache, filled lazily

    def at(self, low: str) -> tuple[CuePattern, ...]:
        """The cues that may start at a word (lower case), longest first."""
        hit = self.options.get(low)
        if hit is None and not self.prefixes and self.by_word.keys().isdisjoint(_stems(low)):
            hit = self.options[low] = ()  # most words: none of what they may inflect begins a cue
        if hit is None:
            found = [c for lemma in lemmas(low) for c in self.by_word.get(lemma, ())]
            found += [c for c in self.prefixes if low.startswith(c.words[0][:-1])]
            hit = self.options[low] = tuple(sorted(dict.fromkeys(found), key=lambda c: -len(c.words))) if found else ()
        return hit


def _stems(low: str) -> tuple[str, ...]:
    """What :func:`.tokens.lemmas` of ``low`` may hold (and more): the word, the word less one
    to four letters, less three and a "y" or an "e" added: a few slices, none of the lemmas' rules."""
    cut = low[:-3]
    return (low, low[:-1], low[:-2], cut, low[:-4], cut + "y", cut + "e")


_CACHE: dict[int, tuple[Lexicon, CompiledCues]] = {}


def compile_cues(lexicon: Lexicon) -> CompiledCues:
    hit = _CACHE.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    by_word: dict[str, list[CuePattern]] = {}
    prefixes: list[CuePattern] = []
    for kind, polarity in (("cooperative", COOPERATIVE), ("reluctant", RELUCTANT), ("neutral", NEUTRAL)):
        for cue in lexicon.cues.get(kind, ()):
            words = tuple(w.lower() for w in split_words(cue.strip()) if w != "*")
            if not words:
                continue
            if cue.strip().endswith("*"):
                words = (*words[:-1], words[-1] + "*")
            pattern = CuePattern(words, polarity)
            if words[0].endswith("*"):
                prefixes.append(pattern)
            else:
                by_word.setdefault(words[0], []).append(pattern)
    compiled = CompiledCues(
        by_word={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in by_word.items()},
        prefixes=tuple(sorted(prefixes, key=lambda c: -len(c.words))),
        negations=frozenset(n.lower() for n in lexicon.negations),
    )
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(lexicon)] = (lexicon, compiled)
    return compiled


def find_cues(sent: Sent, clause: Clause, lex: CompiledCues) -> list[Cue]:
    """The cues of one clause, after negation and contrast."""
    toks = sent.toks
    words = [k for k in clause.tokens if toks[k].word and k not in sent.name_tokens]
    found: list[Cue] = []
    known, at = lex.options.get, lex.at
    i = 0
    while i < len(words):
        size = 0
        low = toks[words[i]].low
        options = known(low)  # the cues that may start here, found once a word (:meth:`CompiledCues.at`)
        for pattern in at(low) if options is None else options:
            n = len(pattern.words)
            if i + n <= len(words) and all(
                word_matches(p, toks[words[i + k]].low) and (k == 0 or words[i + k] == words[i + k - 1] + 1)
                for k, p in enumerate(pattern.words)
            ):
                found.append(Cue(words[i], words[i + n - 1], pattern.polarity))
                size = n
                break
        i += size or 1
    if not found:
        return found
    content = [
        k
        for k in clause.tokens
        if toks[k].word
        and (toks[k].low in lex.negations or (toks[k].low not in STOPWORDS and k not in sent.name_tokens))
    ]
    out: list[Cue] = []
    previous: Cue | None = None
    conditional = _conditional(toks) if any(w in sent.sentence.text.lower() for w in CONDITIONALS) else False
    for cue in found:
        if cue.polarity == NEUTRAL:  # "early warning": a cue word that carries no attitude here
            continue
        if conditional or any(toks[k].low in HEDGES for k in clause.tokens if k < cue.first):
            continue  # a possibility is no stance: "if we ..., then we can move towards closer cooperation"
        before = [k for k in content if k < cue.first][-NEGATION_WINDOW:]
        negated = any(
            toks[k].low in lex.negations
            and (k + 1 >= len(toks) or toks[k + 1].low not in {"only", "just", "merely"})
            for k in before
        )
        polarity = cue.polarity
        if (
            polarity == COOPERATIVE
            and previous is not None
            and sum(1 for k in content if previous.last < k < cue.first) <= CONTRAST_WINDOW
        ):
            polarity = RELUCTANT  # "objections to further cooperation"
        elif negated:
            polarity = -polarity
        out.append(Cue(cue.first, cue.last, polarity))
        previous = cue if cue.polarity == RELUCTANT and not negated else None
    return out


@lru_cache(maxsize=64)
def _conditional(toks: tuple[Tok, ...]) -> bool:
    """Whether a sentence states a condition ("if", "unless"; not "even if", "as if"): what it
    says would happen is a possibility, nobody's stance.  Kept per sentence: asked for each of
    its clauses with a cue."""
    return any(
        t.low in CONDITIONALS and not (k > 0 and toks[k - 1].low in {"even", "as"}) for k, t in enumerate(toks)
    )


def _with_compound(sent: Sent, mention: Mention) -> list[Mention]:
    """The mention, and the other half of a compound ("NATO-Russia cooperation")."""
    out = [mention]
    if mention.compound:
        out += [
            o
            for o in sent.mentions
            if o is not mention and o.compound and o.actor and abs(o.first - mention.last) <= 2
        ]
    return out


def holder(sent: Sent, cue: Cue) -> list[Mention] | None:
    """An actor right next to the cue; [] when a word that is no actor holds it; None: nobody next to it."""
    toks = sent.toks
    named = [m for m in sent.mentions if m.lexical and m.actor is not None and not m.in_quote]
    ends = {m.last: m for m in named}
    k = cue.first - 1
    if k >= 1 and toks[k].word and toks[k].text.islower() and toks[k - 1].low in POSSESSIVE:
        k -= 1  # one adjective after a possessive
    if k >= 1 and (
        toks[k].low in POSSESSIVE or (toks[k].text in {"'", "’"} and toks[k - 1].low.endswith("s"))
    ):
        if k - 1 in ends and _wished_of(toks, ends[k - 1]):
            return None  # "NATO seeks Moscow's cooperation": NATO's wish
        return _with_compound(sent, ends[k - 1]) if k - 1 in ends else []  # "states' concern": theirs
    if k == cue.first - 1 and k in ends and not (ends[k].coordinated and ends[k].prep):
        if _wished_of(toks, ends[k]):
            return None  # "NATO Seeks Russian Cooperation": NATO's wish, not Russia's stance
        return _with_compound(sent, ends[k])
    k = cue.last + 1
    attitude = cue.first == cue.last and toks[cue.first].low in ATTITUDES
    if k < len(toks) and (toks[k].low in HOLDER_PREPOSITIONS or (attitude and toks[k].low == "in")):
        k += 1
        while k < len(toks) and toks[k].low in SKIP_BACK:
            k += 1
        starts = {m.anchor: m for m in named}
        if k in starts:
            return _with_compound(sent, starts[k])
    return None


def _wished_of(toks: Sequence[Tok], owner: Mention) -> bool:
    """Whether the actor owning a cue ("Russian cooperation", "Moscow's support") is the object of a
    verb of wanting: "NATO seeks Russian cooperation" says what NATO wants, not what Russia does."""
    k = owner.first - 1
    while k >= 0 and toks[k].low in SKIP_BACK:
        k -= 1
    return k >= 0 and bool(set(lemmas(toks[k].low)) & WANTING)


def _said_to_be(sent: Sent, clause: Clause, cue: Cue) -> bool:
    """Whether the cue is a threat the clause's agents are said to be: "NATO is a threat", "Russia
    poses a danger" (a copula between them; not "Poland sees Germany as a threat")."""
    toks = sent.toks
    if cue.first != cue.last or not set(lemmas(toks[cue.first].low)) & PERCEIVED:
        return False
    between = [k for k in clause.tokens if clause.agents[-1].last < k < cue.first]
    verb = next((k for k in between if toks[k].low in COPULAS or k == clause.verb), None)
    # the agents' own verb says what they are: not "Russia's doctrine states the Alliance is a danger"
    return verb is not None and toks[verb].low in COPULAS and not any(toks[k].low == "as" for k in between)


def holders(sent: Sent, n: int, cue: Cue) -> Sequence[Mention]:
    """Who a cue of clause ``n``, outside quotations, counts for (see the module's docstring)."""
    near = holder(sent, cue)
    if near is not None:
        return near
    clause = sent.clauses[n]
    if clause.agents and _said_to_be(sent, clause, cue):
        said = reporter(sent.toks, sent.mentions, sent.clauses, n)  # "Lavrov said NATO is a threat": his
        return said if said is not None else []  # the outlet calling NATO a threat: no stance of NATO's
    if clause.agents:
        return clause.agents
    if clause.own_subject:
        return []
    return sent.first_agents


def _verb_with_object(toks: Sequence[Tok], cue: Cue, starts: Mapping[int, Mention]) -> bool:
    """Whether a one-word cue is an inflected verb followed by its object: "threatens the West",
    "alarmed Moscow" (a determiner, a possessive pronoun or an actor's name right after it)."""
    low = toks[cue.first].low
    if cue.first != cue.last or not (low.endswith("ed") or (low.endswith("s") and not low.endswith("ss"))):
        return False
    k = cue.last + 1
    return k < len(toks) and (toks[k].low in OBJECT_DETERMINERS or k in starts)


def verb_agent(sent: Sent, cue: Cue) -> list[Mention] | None:
    """Who holds a cue that is a verb with an object: the actor whose name stands right before it
    (or before "that"/"which"/"who" before it, or before a time: "the Fund last week warned");
    the actor owning the noun there ("Blumenthal's campaign disputed": Blumenthal's); [] when a
    thing does ("terrorism threatens Russia", "a force that threatens the West and Russia":
    nobody's stance); None when the cue is no such verb or its subject is a pronoun or a function
    word (the other rules decide)."""
    toks = sent.toks
    named = [m for m in sent.mentions if m.lexical and m.actor is not None]
    if not _verb_with_object(toks, cue, {m.anchor: m for m in named}):
        return None
    k = cue.first - 1
    while k >= 0 and (toks[k].low in ADVERBS or (toks[k].low.endswith("ly") and toks[k].text == toks[k].low)):
        k -= 1  # "flatly rejected", "never welcomed"
    if k >= 1 and toks[k].low in RELATIVES:
        k -= 1 + (toks[k - 1].text == ",")  # "a force, which threatens"
    if k >= 0 and toks[k].low in TIMES:
        k -= 1  # "last week warned"
        while k >= 0 and toks[k].low in TIME_MODIFIERS:
            k -= 1
    if k < 0:
        return None
    ends = {m.last: m for m in named if not m.compound}
    if k in ends:
        return [ends[k]]
    tok = toks[k]
    if not (tok.word and tok.text == tok.low and tok.low not in STOPWORDS and tok.low not in PRONOUNS):
        return None
    j = k  # the thing's noun phrase: "Blumenthal's campaign", "Russia's new military doctrine"
    while j > 0 and k - j < 3 and toks[j - 1].word and toks[j - 1].text == toks[j - 1].low:
        if toks[j - 1].low in STOPWORDS:
            break
        j -= 1
    if j >= 2 and toks[j - 1].low in POSSESSIVE and j - 2 in ends:
        return [ends[j - 2]]
    return []  # a thing is the subject
