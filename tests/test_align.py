"""The aligner's shortcuts (candidates, bounds, remembered refusals) against the algorithm written out plainly."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import combinations, pairwise

import pytest
from helpers import body_sentences
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compare.align import align
from compare.background import background_spans
from compare.centring import news_mean
from compare.link_checks import (
    Quoted,
    contrasted,
    days_named,
    denial_apart,
    denies,
    kinds_named,
    lead_negation_apart,
    main_clause,
    main_negated,
    other_days,
    quotations,
    quotes_agree,
    stated,
    tells_earlier,
    tells_of_the_past,
)
from compare.models import Sentence
from compare.parts import is_label, quotation_spans, sentence_parts
from compare.settings import Settings
from compare.similarity import (
    ATTRIBUTION,
    analyse,
    event_kinds,
    features,
    function_word,
    informativeness,
    normalise_word,
    overlap,
    score,
    sequence_ratio,
    story_names,
    story_weights,
    substance,
)
from compare.text import MONTH_NUMBER, TOKEN

VOCAB = [
    *(
        "nato russia missile defense summit lisbon clinton lavrov talks treaty 28 27 agreed rejected "
        "the a of said on in was not theater territorial placed"
    ).split(),
    "CPAC",  # an acronym: a name to the weak-link check (compare.similarity.story_acronyms)
    *(", but", ";", '"', "—", "”"),  # breaks and quotation marks: the sentences have parts (compare/parts.py)
    *(", who", ",", "since", "2001"),  # background clauses: ", who ... ,", "since ... in 2001" (compare/background.py)
    # "theater/territorial missile defense": two kinds of one term (Settings.contrast_head_words)
]
sentence = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=10).map(" ".join)


def _plain_groups(
    sentences: list[Sentence], s: Settings, allowed: Callable[[str, str], bool] | None = None
) -> tuple[tuple[int, ...], ...]:
    """The aligner as written out: every pair scored from scratch (words, and in the default
    mode the story-centred cosine computed here with numpy), and every pair of a sentence or
    a part of one (a quotation or clause) with another article's sentence or part; links over
    the threshold taken strongest first (a part's link ranked lower by the part offset; ties
    by sentence id), a merge kept when each article's members are one fact and every member's
    mean score with the other articles' members reaches the threshold."""
    import numpy as np

    from compare import semantic

    feats = align(sentences, s, allowed).features  # the same features, computed once
    art = [x.article for x in sentences]
    ids = [(x.article, x.index) for x in sentences]
    n = len(sentences)
    linkable = [bool(f.tokens) for f in feats]
    story = story_weights([analyse(x.text)[0] for x in sentences])
    names = story_names(sentences)
    def quoted_words(text: str) -> tuple[str, set[str]] | None:
        """A quotation's words, all of them, and the names outside it; a closing mark after a word
        first ('jobs," Santorum said') ends a quotation opened before the sentence."""
        marks = [k for k, c in enumerate(text) if c in '“”"']
        if not marks:
            return None
        k = marks[0]
        closes = text[k] == '"' and not text[k - 1].isspace() and not text[k - 1].isdigit() and text[k + 1 : k + 2] in ("", " ")
        if k > 0 and (text[k] == "”" or closes):
            spans = [(0, k), *((a + k + 1, b + k + 1) for a, b in quotation_spans(text[k + 1 :]))]
        else:
            spans = list(quotation_spans(text))
        words = [w.lower().replace("\u2019", "'") for a, b in spans for w in TOKEN.findall(text[a:b])]
        if not spans or all(w in names for w in words) or all(is_label(text[a:b]) for a, b in spans):
            return None
        inside = {n for a, b in spans for n in range(a, b)}
        outside = "".join(c if n not in inside else " " for n, c in enumerate(text))
        return " ".join(words), {w.lower() for w in TOKEN.findall(outside) if w.lower() in names | {"he", "she"}}

    def unquoted(text: str) -> tuple[str, set[str]] | None:
        """The words without their attribution ("Santorum said") and the names in it."""
        if substance(text, names) < 1:
            return None
        words = [w.lower().replace("\u2019", "'") for w in TOKEN.findall(text)]
        verb = next((n for n, w in enumerate(words) if w in ATTRIBUTION), None)
        speaker = set() if verb is None else {w for w in words[max(0, verb - 3) : verb + 4] if w in names}
        kept = [w for w in words if w not in ATTRIBUTION and w not in speaker] if verb is not None else words
        return (" ".join(kept), speaker) if len(kept) >= s.verbatim_min_words else None

    def short_key(text: str) -> tuple[str, set[str]] | None:
        key = quoted_words(text)
        if key is None:
            return unquoted(text)
        return key if len(key[0].split()) >= s.verbatim_min_words else None

    short = [  # too short to link by their words: they link to the very same words only
        None if linkable[i] else short_key(x.text) for i, x in enumerate(sentences)
    ]

    def same_speaker(a: set[str], b: set[str]) -> bool:  # "he" and "she" are two people; a pronoun may be a name
        pronouns = {"he", "she"}
        return not a or not b or bool(a & b) or (not (a - pronouns and b - pronouns) and not (a | b) <= pronouns)

    def same_words(a: tuple[str, set[str]] | None, b: tuple[str, set[str]] | None) -> bool:
        return a is not None and b is not None and a[0] == b[0] and same_speaker(a[1], b[1])
    owner = list(range(n))
    units = list(feats)
    texts_of = [x.text for x in sentences]
    for i in range(n):
        for a, b in sentence_parts(sentences[i].text, s.part_min_words) if linkable[i] else ():
            found, function = analyse(sentences[i].text[a:b])
            part = sentences[i].text[a:b]  # a name or a headline label alone is no fact
            if len(found) >= s.min_content_tokens and substance(part, names) >= s.min_substance_tokens and not is_label(part):
                owner.append(i)
                units.append(features(found, story, function=function))
                texts_of.append(sentences[i].text[a:b])
    words = replace(s, semantic=False)
    lexical = {(u, v): score(units[u], units[v], words) for u, v in combinations(range(len(units)), 2)}
    # One measure with two values (GroupSettings.value_slot_most): v's number that has the same word
    # right before it, or right after it, as one number of u (and only one) reads as u's, unless
    # either sentence gives both values or the other article gives it in that place; the pair scores
    # as if the values agreed, never as the same words.  Inputs here are too small for the cap.
    tokens_of = [feats[i].tokens if linkable[i] else () for i in range(n)]

    def places(tokens: tuple[str, ...]) -> list[tuple[int, tuple[str, str]]]:
        return [(k, p) for k, t in enumerate(tokens) if t[0].isdigit()
                for p in ((tokens[k - 1], "before") if k else None, (tokens[k + 1], "after") if k + 1 < len(tokens) else None) if p]

    given = {a: {(tokens_of[i][k], p) for i in range(n) if art[i] == a for k, p in places(tokens_of[i])} for a in set(art)}

    def with_values(u: int, v: int) -> tuple[str, ...] | None:
        a, b = tokens_of[u], tokens_of[v]
        named = [set(t) & {normalise_word(x) for x in names} for t in (a, b)]
        if art[u] == art[v] or (named[0] - named[1] and named[1] - named[0]):  # each names someone the other does not
            return None
        near = s.grouping.value_slot_near

        def around(tokens: tuple[str, ...], k: int) -> set[str]:  # beside the slot's word, one more shared near both values
            return set(tokens[max(0, k - near) : k]) | set(tokens[k + 1 : k + 1 + near])

        mine: dict[tuple[str, str], list[int]] = {}
        for k, p in places(a):
            if a[k] not in b and (a[k], p) not in given[art[v]]:
                mine.setdefault(p, []).append(k)
        out = [
            a[mine[p][0]]
            if len({a[q] for q in mine.get(p, [])}) == 1 and b[k] not in a and (b[k], p) not in given[art[u]]
            and any(len(around(a, q) & around(b, k)) >= 2 for q in mine[p])
            else b[k]
            for k, p in places(b)
        ]
        swapped = list(b)
        for (k, _), t in zip(places(b), out, strict=True):
            if t != b[k]:
                swapped[k] = t
        return tuple(swapped) if swapped != list(b) and s.grouping.value_slot_most else None

    swaps = {(u, v): with_values(u, v) for u, v in combinations(range(n), 2)}
    plain_lexical = dict(lexical)
    for (u, v), alt in swaps.items():
        if alt is not None:
            other = features(alt, story, function=analyse(sentences[v].text)[1])
            lexical[(u, v)] = max(lexical[(u, v)], min(0.99, s.overlap_weight * overlap(units[u], other) + (1 - s.overlap_weight) * sequence_ratio(units[u], other)))
    chosen = [u for u in range(len(units)) if u >= n or linkable[u]]
    cos: dict[tuple[int, int], float] = {}
    story_cos: dict[tuple[int, int], float] = {}  # of two leads: the story-centred cosine

    def x_lead(i: int) -> bool:
        return ids[i][1] < s.lead_sentences

    use_vectors = s.semantic and len([i for i in chosen if i < n]) >= 2
    if use_vectors:
        vectors = np.zeros((len(units), semantic.DIMENSION))
        vectors[chosen] = np.array(semantic.embed([texts_of[u] for u in chosen]))
        texts = sorted({texts_of[i] for i in chosen if i < n})
        background = np.array(news_mean())
        centre = (np.array(semantic.embed(texts)).sum(axis=0) + s.background_sentences * background) / (
            len(texts) + s.background_sentences
        )
        vectors[chosen] -= centre
        for u, v in combinations(range(len(units)), 2):
            nu, nv = np.linalg.norm(vectors[u]), np.linalg.norm(vectors[v])
            cos[(u, v)] = float(vectors[u] @ vectors[v] / (nu * nv)) if nu > 1e-9 and nv > 1e-9 else 0.0
        # Leads (headline and first body sentences; all are "body" here) of different articles
        # sharing a word beyond names and words capitalised inside the sentence ("NATO"), not one
        # denying and one not: their cosine is centred on news in general.
        raw = np.array(semantic.embed([x.text for x in sentences])) - background

        def lead_words(text: str) -> set[str]:
            words = TOKEN.findall(text)
            return set(analyse(text)[0]) - {normalise_word(w) for k, w in enumerate(words) if w.lower() in names or (k > 0 and w[0].isupper())}

        def claim_and_denial(i: int, j: int) -> bool:  # GroupSettings.lead_denial_apart
            return s.grouping.lead_denial_apart and denies(sentences[i].text) != denies(sentences[j].text)

        def news_cos(i: int, j: int) -> float:
            return float(raw[i] @ raw[j] / (np.linalg.norm(raw[i]) * np.linalg.norm(raw[j])))

        def core(i: int, j: int) -> bool:  # GroupSettings.core_event_tokens: a short sentence's core event told by the other
            rules = s.grouping
            if not (rules.core_event_tokens and linkable[i] and linkable[j]) or claim_and_denial(i, j):
                return False
            if art[i] == art[j] and not rules.core_event_same_article:
                return False
            kinds = [event_kinds(sentences[k].text, headline=sentences[k].role == "title") for k in (i, j)]
            who = [{w.lower() for w in TOKEN.findall(sentences[k].text)} & names for k in (i, j)]
            short = any(sentences[k].role == "title" or len(analyse(sentences[k].text)[0]) < rules.core_event_tokens for k in (i, j))
            return bool(short and kinds[0] & kinds[1] and who[0] & who[1]) and news_cos(i, j) >= rules.core_event_cosine

        for i, j in combinations(range(n), 2):
            both = x_lead(i) and x_lead(j) and linkable[i] and linkable[j] and not claim_and_denial(i, j)
            if core(i, j) or (both and lead_words(sentences[i].text) & lead_words(sentences[j].text)):
                story_cos[(i, j)] = cos[(i, j)]
                cos[(i, j)] = news_cos(i, j)
    w = s.story_cosine_weight

    def whole(i: int, j: int, centre: dict[tuple[int, int], float] | None = None, words: dict[tuple[int, int], float] = lexical) -> float:
        key = (min(i, j), max(i, j))
        if not (linkable[i] and linkable[j]):
            return 1.0 if same_words(short[i], short[j]) else 0.0
        if not use_vectors or words[key] == 1.0:
            return round(words[key], 9)
        return round(min(1.0, (1 - w) * words[key] + w * max(0.0, (centre or cos).get(key, cos.get(key, 0.0)))), 9)

    def ok(p: int, q: int) -> bool:
        return art[p] != art[q] and (allowed is None or allowed(art[p], art[q]))

    link = s.semantic_link_threshold if use_vectors else s.link_threshold
    member = s.semantic_member_threshold if use_vectors else s.group_threshold
    by_part: dict[tuple[int, int], float] = {}
    for u, v in combinations(range(len(units)), 2):
        i, j = sorted((owner[u], owner[v]))
        if (u < n and v < n) or not ok(i, j) or (use_vectors and cos[(u, v)] < s.semantic_min_cosine):
            continue
        value = (1 - w) * lexical[(u, v)] + w * cos[(u, v)] if use_vectors else lexical[(u, v)]
        value = round(min(1.0, value), 9)
        if value >= link + s.part_threshold_offset and value >= whole(i, j) + s.part_margin:
            by_part[(i, j)] = max(value, by_part.get((i, j), 0.0))

    def sim(i: int, j: int) -> float:
        return max(whole(i, j), by_part.get((min(i, j), max(i, j)), 0.0))

    # Words beyond the story's names and acronyms (capitals only, never in lower case in its body),
    # attribution and the words that run through the story.
    body_words = [w for x in sentences if x.role != "title" for w in TOKEN.findall(x.text)]
    acronyms = {w.lower() for w in body_words if len(w) >= 2 and w.isupper()} - {w.lower() for w in body_words if not w[0].isupper()}
    skip = {normalise_word(w) for w in names | acronyms | ATTRIBUTION}

    def plain_words(tokens: tuple[str, ...]) -> set[str]:  # a number of one digit with each of the 2 words after it
        def small(t: str) -> bool:
            return t[0].isdigit() and not re.match(r"\d[.,]?\d", t)

        out = set()
        for k, t in enumerate(tokens):
            if t in story or t in skip:
                continue
            if not (s.grouping.weak_link_counted and small(t)):
                out.add(t)
                continue
            after = []
            for u in tokens[k + 1 : k + 3]:
                if u[0].isdigit():
                    break
                after.append(u)
            out.update(f"{t} {u}" for u in after or [""])
        return out

    plain = [plain_words(analyse(x.text)[0]) for x in sentences]

    def weak(k: tuple[int, int]) -> bool:  # a weak link sharing only names and the story's subject
        return (
            sim(*k) < s.weak_link_score
            and cos[k] < s.weak_link_cosine
            and sum(informativeness(t) for t in plain[k[0]] & plain[k[1]]) + sum(informativeness(t) for t in set(swaps.get(k) or ()) - set(tokens_of[k[1]])) < s.weak_link_plain
            and k not in story_cos
        )

    def quoted(text: str) -> tuple[float, set[tuple[str, ...]], set[str], set[str]]:
        """The share of content words inside quotation marks (a first mark that closes, ” or "
        after a word, ends a quotation opened earlier), the runs of its quotations' words, and its
        words beyond names and attribution inside its quotations and outside them."""
        marks = [k for k, c in enumerate(text) if c in '“”"']
        k = marks[0] if marks else -1
        closes = text[k] == '"' and not text[k - 1].isspace() and not text[k - 1].isdigit() and text[k + 1 : k + 2] in ("", " ")
        if k > 0 and (text[k] == "”" or closes):
            spans = [(0, k)] + [(a + k + 1, b + k + 1) for a, b in quotation_spans(text[k + 1 :])]
        else:
            spans = list(quotation_spans(text))
        inside = [analyse(text[a:b])[0] for a, b in spans]
        r = s.quote_run_words
        named = {normalise_word(w) for w in names}
        runs = {t[k : k + r] for t in inside for k in range(max(1, len(t) - r + 1)) if not set(t[k : k + r]) <= named}
        said = named | {normalise_word(w) for w in ATTRIBUTION}
        words_in = {t for found in inside for t in found} - said
        return sum(map(len, inside)) / max(1, len(analyse(text)[0])), runs, words_in, set(analyse(text)[0]) - said - words_in

    def other_remarks(k: tuple[int, int]) -> bool:
        """A weak link between two quotations that share no run of words, or from a sentence that
        is mostly quotation sharing no word of its quotation with the other (only the wrapper)."""
        a, b = quoted(sentences[k[0]].text), quoted(sentences[k[1]].text)
        if sim(*k) >= s.weak_link_score:
            return False
        if a[0] >= s.quote_share and b[0] >= s.quote_share and not a[1] & b[1]:
            return True
        return s.quote_wrapper_check and any(
            x[0] >= s.quote_share and not (x[2] | x[3]) & (y[2] | y[3]) & x[2]
            for x, y in ((a, b), (b, a))
        )

    def kinds(text: str) -> tuple[set[str], dict[tuple[str, ...], set[str]]]:
        """Lower-case content words, and the lower-case word (not ending -ed/-ing) written right
        before each term of ``contrast_head_words`` lower-case content words."""
        surface = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\S", text.replace("-", " "))
        toks = [normalise_word(w) if w.isalpha() and w.islower() else None for w in surface]
        h = s.contrast_head_words
        named: dict[tuple[str, ...], set[str]] = {}
        for k in range(1, len(toks) - h + 1):
            if toks[k - 1] and all(toks[k : k + h]) and not surface[k - 1].endswith(("ed", "ing")):
                named.setdefault(tuple(str(t) for t in toks[k : k + h]), set()).add(str(toks[k - 1]))
        return {str(normalise_word(w.lower())) for w in surface if w.isalpha() and normalise_word(w.lower())}, named

    def contrasted(k: tuple[int, int]) -> bool:  # two kinds of a thing against one of them only, on a link not strong
        if not s.contrast_head_words or sim(*k) >= s.contrast_max_score:
            return False
        a, b = kinds(sentences[k[0]].text), kinds(sentences[k[1]].text)
        return any(
            len(m) >= 2 and m & y[1].get(head, set()) and not m <= y[0]
            for x, y in ((a, b), (b, a))
            for head, m in x[1].items()
        )

    def weekdays(text: str) -> set[str]:  # but for one inside a name: "voted on Super Tuesday", "the Sunday Times"
        found = set()
        for m in re.finditer(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", text):
            name = re.search(r"(\S)\s+[A-Z][\w’']*[ -]$", text[: m.start()])
            # ... unless after a place ("heading to Detroit Monday") or before a time of day ("Detroit Monday afternoon")
            place = re.search(r"\b(in|to|from|at|into)\s+([A-Z][\w’'.]*\s+){1,3}$", text[max(0, m.start() - 40) : m.start()])
            goes_on = r"\s+(to|that|and|after|before|when|as|in|at|with|for|by|but|or|while|he|she|they|it|the|a|an)\b"
            noun = re.match(r"\s+[a-z]", text[m.end() :]) and not re.match(goes_on, text[m.end() :])  # "in Super Tuesday states"
            if (place and not noun) or re.match(r"\s+(morning|afternoon|evening|night)\b", text[m.end() :]):
                name = None
            occasion = re.search(  # a day named for what happens on it, even first in the sentence: "Super Tuesday gave"
                r"(^|[\s“\"‘'(])(Super|Bloody|Black|Good|Holy|Maundy|Easter|Palm|Ash|Shrove|Cyber|Giving|Blue|Mad|Manic|Throwback)[ -]$",
                text[max(0, m.start() - 40) : m.start()],
            )
            if occasion:
                continue
            if not (name and (name.group(1).isalnum() or name.group(1) in "_,;:")) and not re.match(r"[ -][A-Z]", text[m.end() :]):
                found.add(m.group())
        return found

    def years(text: str) -> set[str]:  # but for one inside a name: "CPAC 2010" (not "March 2013")
        found = set()
        for m in re.finditer(r"(?:19|20)\d\d", text):
            before, after = text[: m.start()], text[m.end() :]
            if re.search(r"[\w$€£.,]$", before) or re.match(r"[\w%]|[.,]\d", after):
                continue
            name = re.search(r"([A-Z][\w’'.]*)[ -]$", before)
            if name is None or name.group(1).rstrip(".").lower() in MONTH_NUMBER:
                found.add(m.group())
        return found

    def other_day(k: tuple[int, int]) -> bool:  # weekdays, or years, each named and none in common, on a link not strong
        if not s.grouping.other_day_max_score or sim(*k) >= s.grouping.other_day_max_score:
            return False
        a, b = (sentences[x].text for x in k)
        return any(x and y and not x & y for x, y in ((weekdays(a), weekdays(b)), (years(a), years(b))))

    def refusal(text: str) -> bool:
        """A refusal to say ("declined to say whether", "did not respond to", "has not commented", "had
        no comment", "has yet to comment", "could not be reached", "neither ... nor ... comment", "unclear", "not clear") begun within the first 20 words, in
        a sentence that sets nothing against it (but, though, while ...; but for an opening "But"),
        with no clause of its own after it (", which", ", and", ";")."""
        words = re.findall(r"[\w’']+|[.,;]", text.lower().replace("’", "'"))
        modals = ("would", "will", "could", "did", "does", "do", "can")
        refusing = {"declined", "declines", "decline", "refused", "refuses", "refuse", "won't", "can't", "cannot", *(m + "n't" for m in modals)}
        say = {"comment", "elaborate"}
        said = {"said", "commented", "revealed", "specified"}
        about = {"whether", "if", "what", "why", "how", "who", "details", "questions", "question", "specifics", "report", "reports"}
        topics = {"matter", "case", "details", "report", "reports", "claim", "claims", "question", "questions"}
        asked = {"request", "requests", "question", "questions", "message", "messages", "call", "calls", "email", "emails", "e-mail", "e-mails"}

        def deed_told(rest: list[str], strong: bool) -> bool:  # "confirm whether", "discuss the matter", "respond to requests": a verb that is also a deed
            if rest[:1] and rest[0] in {"confirm", "answer", "discuss", "disclose", "reveal", "specify", "identify"}:
                if strong:  # "declined to discuss a possible motive", "would not confirm it"
                    return True  # "answer reporters' questions": a word may come between
                return any(w in about or (w == "the" and rest[k + 1 : k + 2] != [] and rest[k + 1] in topics) for k, w in enumerate(rest[1:3], 1))
            if rest[:2] == ["respond", "to"]:
                return any(w in asked or w.startswith("inquir") for w in rest[2:4])  # "to requests", "to a request"
            return False

        owners = {"a", "the", "his", "her", "their", "its", "repeated", "several", "multiple"}

        def calls(after: list[str]) -> bool:  # "return a phone call", "return messages": what is returned when not answering
            after = after[1:] if after[:1] and after[0] in owners else after
            after = after[1:] if after[:1] == ["phone"] else after
            return bool(after) and (after[0] in {"call", "calls", "message", "messages", "email", "emails", "e-mail", "e-mails", "request", "requests"} or after[0].startswith("inquir"))

        asks = {"whether", "if", "what", "why", "how", "when", "where", "who", "which", "anything", "much", "more"}
        opening = 1 if words[:1] and words[0] in {"but", "yet", "however", "and"} else 0
        if {"but", "though", "although", "while", "whereas", "however"} & set(words[opening:]):
            return False
        for k, word in enumerate(words):
            rest = words[k + 1 :]
            if rest[:1] == ["not"] and word in (*modals, "has", "have", "had"):
                word, rest = word + "n't", rest[1:]
            told = False
            if word in refusing:
                rest = rest[1:] if rest[:1] == ["to"] else rest
                rest = rest[1:] if rest[:1] and rest[0] in {"immediately", "publicly", "directly", "yet", "specifically", "further"} else rest
                strong = word not in {"can't", "cannot", "couldn't", "didn't", "doesn't", "don't"}
                told = bool(rest[:1]) and (rest[0] in say or rest[:4] == ["be", "reached", "for", "comment"] or deed_told(rest, strong) or (rest[0] == "return" and calls(rest[1:])))
                told = told or (rest[:1] == ["say"] and (bool(asks & set(rest[1:5])) or rest[1:] in ([], ["."], [","])))
            elif word in {"hasn't", "haven't", "hadn't"}:
                rest = rest[1:] if rest[:1] and rest[0] in {"yet", "publicly", "immediately"} else rest
                told = bool(rest[:1]) and rest[0] in said
            elif word in {"has", "have", "had"} and rest[:2] == ["yet", "to"]:
                rest = rest[2:]
                told = rest[:1] in (["say"], ["comment"], ["confirm"], ["respond"], ["answer"], ["disclose"], ["reveal"])
            elif word in {"fail", "failed", "fails"} and rest[:2] == ["to", "comment"]:
                rest, told = rest[2:], True
            elif word in {"no", "declined", "unavailable"}:
                told = rest[:1] == ["comment"] or (word != "unavailable" and rest[:1] in (["immediate"], ["further"]) and rest[1:2] == ["comment"])
                told = told or (word == "unavailable" and rest[:2] == ["for", "comment"])
            elif word in {"unclear", "not", "isn't", "wasn't"}:
                rest = rest[1:] if word != "unclear" and rest[:1] and rest[0] in {"yet", "immediately", "entirely"} else rest
                rest = rest[1:] if word != "unclear" and rest[:1] == ["clear"] else (rest if word == "unclear" else ["-"])
                told = rest[:1] != [] and rest[0] in {"whether", "if", "what", "why", "how", "who", "when", "where"}
            elif word == "neither":
                told = "nor" in rest and "comment" in rest[rest.index("nor") :]
                rest = rest[rest.index("nor") :] if told else rest
                rest = rest[rest.index("comment") :] if told else rest
            if told:  # ... and no clause of its own after it (", which Mr. Steele announced ...")
                relative = ";" in rest or any(a == "," and b in {"which", "who", "where", "and"} for a, b in pairwise(rest))
                return len([w for w in words[:k] if w not in ".,;"]) < 20 and not relative
        return False

    def refused(k: tuple[int, int]) -> bool:  # a refusal to say and a sentence that is none, on a link not strong
        most = s.grouping.refusal_max_score
        return bool(most) and sim(*k) < most and refusal(sentences[k[0]].text) != refusal(sentences[k[1]].text)

    def background(text: str) -> str:  # the text without its background clauses, written out
        spans = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:who|whose|which)\b[^,;:()]*(?=,)", text, re.I)]
        for m in re.finditer(r"((?:[A-Z][\w'’-]*\.?\s+)+[A-Z][\w.'’-]*),\s+((?:a|an|the|representing)\s+[^,;:()]{1,80}?)(?=,|[.!?]?[\"”’]?\s*$)", text):
            name = m.group(1).split()
            opening = re.findall(r"\w+", text[: m.start()])[-1:]
            while name and function_word(name[0]):
                opening.append(name.pop(0))
            if len(name) >= 2 and not {w.lower() for w in opening} & {"in", "at", "near", "from", "across", "outside", "inside", "throughout", "around", "into"}:
                spans.append((m.start(2), m.end(2)))
        for m in re.finditer(r"\b(?:since|who|whose|which|that|when)\b[^,;:()]*?\b(?:in|since)\s+(?:1[89]|20)\d\d\b", text, re.I):
            before = re.findall(r"\w+", text[: m.start()])
            if not (m.group().lower().startswith("that") and before and before[-1].lower() in ATTRIBUTION):
                spans.append((m.start(), m.end()))
        return "".join(" " if any(a <= k < b for a, b in spans) else c for k, c in enumerate(text))

    fore = [plain_words(analyse(background(x.text))[0]) for x in sentences]

    def reminder(k: tuple[int, int]) -> bool:  # plain words shared only in the background of both, each with a claim of its own
        i, j = k
        shared = plain[i] & plain[j]
        return (
            sim(*k) < s.grouping.background_max_score
            and k not in story_cos
            and bool(shared)
            and not shared & (fore[i] | fore[j])
            and bool(fore[i] - plain[j])
            and bool(fore[j] - plain[i])
        )

    links = {
        k: sim(*k)
        for k in combinations(range(n), 2)
        if ok(*k)
        and sim(*k) >= link
        and (
            k in by_part
            or not use_vectors
            or sim(*k) == 1.0
            or (
                cos[k] >= s.semantic_min_cosine
                and (lexical[k] >= s.semantic_min_lexical or cos[k] >= s.paraphrase_cosine)
                and not weak(k)
                and not other_remarks(k)
                and not contrasted(k)
                and not other_day(k)
                and not refused(k)
                and not reminder(k)
            )
        )
    }

    # GroupSettings.checks_apart: a pair that scores at the threshold and that the quotation, kinds or
    # refusal check refuses never shares a group, whatever links each has to others.
    kept_apart = {
        k
        for k in combinations(range(n), 2)
        if use_vectors and s.grouping.checks_apart and ok(*k) and link <= sim(*k) < 1.0 and k not in links and k not in by_part
        and (other_remarks(k) or contrasted(k) or refused(k))
    }
    # GroupSettings.lead_negation_apart: two leads compared on news in general, one its article's first
    # sentence and negating in its main clause, the other plain, under denial_max_score on the story:
    # no link, and never in one group.
    negation_apart = {
        k
        for k in links
        if use_vectors and s.grouping.lead_negation_apart and k in story_cos and k not in by_part and links[k] < 1.0
        and whole(*k, story_cos) < s.grouping.denial_max_score
        and lead_negation_apart(*(stated(sentences[m].text) for m in k), *(sentences[m].index == 0 and main_negated(sentences[m].text) for m in k))
    }
    links = {k: v for k, v in links.items() if k not in negation_apart}
    kept_apart |= negation_apart
    # Two values in one slot: a link made by the swap alone (under the threshold as written) joins only
    # a sentence that has no other link.
    only_swap = {k for k in links if lexical[k] > plain_lexical[k] and max(whole(*k, words=plain_lexical), by_part.get(k, 0.0)) < link}
    own = {i for k in links if k not in only_swap for i in k}
    links = {k: v for k, v in links.items() if not (k in only_swap and k[0] in own and k[1] in own)}

    def rank(k: tuple[int, int]) -> tuple[bool, float]:
        # Two leads' link ranks at its story-centred score: after all others when under the threshold.
        value = whole(*k, story_cos) if k in story_cos and k not in by_part and links[k] < 1.0 else links[k]
        if not (k in story_cos and k not in by_part and links[k] < 1.0) and lexical[k] > plain_lexical[k]:
            value = max(whole(*k, words=plain_lexical), by_part.get(k, 0.0))  # two values in one slot: at its score without the swap
        return (value < link, -round(value - s.part_threshold_offset, 9) if k in by_part else -value)

    groups: list[list[int]] = [[i] for i in range(n)]

    def holder(i: int) -> list[int]:
        return next(g for g in groups if i in g)

    same_article = s.semantic_same_article_threshold if use_vectors else link

    def remarks(p: int, q: int) -> bool:  # two quotations sharing no run of words: two remarks
        a, b = quoted(sentences[p].text), quoted(sentences[q].text)
        return use_vectors and s.quote_remarks_apart and a[0] >= s.quote_share and b[0] >= s.quote_share and not a[1] & b[1]

    said_any = {k for k, x in enumerate(sentences) if any(w.lower() in ATTRIBUTION for w in TOKEN.findall(x.text))}

    def tells(k: int, p: int, q: int, ps: list[int], qs: list[int]) -> bool:
        """``k`` shares two plain words or more (or one both quote) with each half that the other
        half's side lacks, of weak_link_plain informativeness; not a quotation-only half against an
        attribution-only half (a remark and its speaker's other remark)."""
        shared = [(plain[k] & plain[a]).difference(*(plain[m] for m in (b, *rest))) for a, b, rest in ((p, q, qs), (q, p, ps))]
        inside = quoted(sentences[k].text)[2]
        both = [words & inside & quoted(sentences[a].text)[2] for words, a in zip(shared, (p, q), strict=True)]
        if not all((len(w) >= 2 or b) and sum(informativeness(t) for t in w) >= s.weak_link_plain for w, b in zip(shared, both, strict=True)):
            return False
        wrapper = any(w.isdisjoint(inside) and half in said_any for w, half in zip(shared, (p, q), strict=True))
        return not (wrapper and any(w <= inside for w in shared))

    def halves(first: list[int], second: list[int], p: int, q: int) -> bool:
        """Two sentences of one article, far apart, under halves_apart together, each linked to
        every other article's member of the two groups, which tells each half (halves_apart)."""
        if not use_vectors or not s.grouping.halves_apart or sim(p, q) >= s.grouping.halves_apart:
            return False
        others = [k for k in first + second if art[k] != art[p]]
        ps, qs = [m for m in first if art[m] == art[p]], [m for m in second if art[m] == art[p]]
        return bool(others) and all(min(sim(k, p), sim(k, q)) >= link and tells(k, p, q, ps, qs) for k in others)

    def one_fact(first: list[int], second: list[int]) -> bool:  # each group is one fact: the pairs across
        for p in first:
            for q in second:
                if art[p] != art[q] or abs(ids[p][1] - ids[q][1]) == 1 or halves(first, second, p, q):
                    continue
                if sim(p, q) < same_article or remarks(p, q):
                    return False
        return True

    # A headline and the sentence after it tell the main event together.
    headed = {k for i, x in enumerate(sentences) if x.role == "title" for k in (i, i + 1)}

    close_halves: set[int] = set()  # members of a neighbour pair too close to be two halves (neighbour_linked)

    def neighbours(first: list[int], second: list[int]) -> dict[int, float]:
        """Members that are one fact with the other group's only by being consecutive in their
        article (not repeating each other): they must be close to the group on their own, at the
        neighbour threshold, or the quotation one when the two are one remark: one mostly quotation,
        the other too or with a word of attribution."""
        close_halves.clear()
        if not use_vectors:
            return {}
        out: dict[int, float] = {}
        told = s.grouping.quote_neighbour_threshold

        def remark(p: int, q: int) -> bool:
            a, b = (quoted(sentences[k].text)[0] >= s.quote_share for k in (p, q))
            said_a, said_b = (any(w.lower() in ATTRIBUTION for w in TOKEN.findall(sentences[k].text)) for k in (p, q))
            return (a and (b or said_b)) or (b and said_a)

        for p in first:
            for q in second:
                if art[p] == art[q] and abs(ids[p][1] - ids[q][1]) == 1 and sim(p, q) < same_article and not {p, q} <= headed:
                    quote = told and remark(p, q)
                    least = min(told, s.neighbour_member_threshold) if quote else s.neighbour_member_threshold
                    for m in (p, q):
                        out[m] = max(least, out.get(m, 0.0))
                        if sim(p, q) >= s.grouping.neighbour_linked:  # not two halves of one fact
                            close_halves.add(m)
        return out

    def cohesive(group: list[int], least: float, near: dict[int, float] | None = None, weak: bool = False) -> bool:
        near = near or {}
        for m in group:
            others = [sim(m, o) for o in group if ok(m, o)]
            # A neighbour that links to every other article's member reports the fact too (neighbour_linked).
            linked = use_vectors and s.grouping.neighbour_linked > 0 and m not in close_halves and all(v >= link for v in others)
            floor = max(least, near[m]) if m in near and not linked else least
            if others and sum(others) / len(others) < floor - 1e-12:
                return False
            # After a weak link, more than half of a member's scores reach weak_near_score.
            if weak and others and 2 * sum(1 for v in others if v >= s.weak_near_score - 1e-12) <= len(others):
                return False
        return True

    rules = s.grouping

    def copied_apart(first: list[int], second: list[int]) -> bool:
        """Two non-consecutive sentences of one article, one copying (copy_score) a member of
        another article that the other is far from (copy_second_score)."""
        if not use_vectors:
            return False
        for p in first:
            for q in second:
                if art[p] != art[q] or abs(ids[p][1] - ids[q][1]) == 1 or {p, q} <= headed:
                    continue
                thirds = [r for r in first + second if ok(p, r)]  # only articles compared with theirs
                for r in thirds:
                    near, far = sorted((sim(p, r), sim(q, r)), reverse=True)
                    loose = q if sim(q, r) == far else p  # unless linked to copy_support members
                    supported = rules.copy_support and sum(sim(loose, k) >= link for k in thirds) >= rules.copy_support
                    if near >= rules.copy_score and far < rules.copy_second_score and not supported:
                        return True
        return False

    def apart(first: list[int], second: list[int]) -> bool:
        """Two groups of two to merge_most members each whose members of different (allowed)
        articles score under merge_mean together on average, and under merge_ratio of the lower mean
        within each: two facts one link joins; not when an article has consecutive sentences one in each."""
        if not use_vectors or not rules.merge_mean or min(len(first), len(second)) < 2:
            return False
        if (rules.merge_most and max(len(first), len(second)) > rules.merge_most) or any(
            art[p] == art[q] and abs(ids[p][1] - ids[q][1]) == 1 for p in first for q in second
        ):
            return False

        def mean(a: list[int], b: list[int]) -> float | None:
            values = [sim(p, q) for p in a for q in b if ok(p, q)]
            return sum(values) / len(values) if values else None

        across = mean(first, second)
        if across is None or across >= rules.merge_mean - 1e-12:
            return False
        within = [w for w in (mean(first, first), mean(second, second)) if w is not None]
        return not rules.merge_ratio or across < rules.merge_ratio * min(within, default=0.0) - 1e-12

    first_ones = {i for i, x in enumerate(sentences) if sum(y.article == x.article for y in sentences[:i]) < s.lead_sentences}

    def chained(first: list[int], second: list[int]) -> bool:
        """Two members of different articles under chain_floor together (two leads: lead_floor), neither short nor both
        leads, nor told over two sentences by one of them with its neighbour, nor both linked to
        chain_support members of other articles."""
        if not use_vectors or not rules.chain_floor:
            return False
        where = {ids[m]: m for m in first + second}

        def over_two(p: int, q: int) -> bool:
            a, k = ids[p]
            return any(m is not None and sim(m, q) >= link for m in (where.get((a, k - 1)), where.get((a, k + 1))))

        def is_short(p: int) -> bool:
            return len(analyse(sentences[p].text)[0]) < rules.chain_short_tokens

        def bridged(p: int, q: int) -> bool:  # chain_support members of other articles linked to both
            bridges = [m for m in first + second if ok(m, p) and ok(m, q) and min(sim(m, p), sim(m, q)) >= link]
            return len(bridges) >= rules.chain_support

        def far_leads(p: int, q: int) -> bool:  # two articles' leads that do not link (lead_floor)
            return all(linkable[k] and k in first_ones for k in (p, q)) and sim(p, q) < rules.lead_floor

        return any(
            ok(p, q) and (sim(p, q) < rules.chain_floor or far_leads(p, q))
            and not (is_short(p) or is_short(q) or {p, q} <= headed or over_two(p, q) or over_two(q, p) or bridged(p, q))
            for p in first
            for q in second
        )

    for (i, j), _v in sorted(
        links.items(), key=lambda kv: (*rank(kv[0]), *sorted((ids[kv[0][0]], ids[kv[0][1]])))
    ):
        gi, gj = holder(i), holder(j)
        if gi is gj:
            continue
        merged = gi + gj
        # A weak link adds to a group of two or more only what is close to all of it.
        weak_join = use_vectors and _v < s.weak_link_score and max(len(gi), len(gj)) > 1
        least = max(member, s.weak_member_threshold) if weak_join else member
        if (
            one_fact(gi, gj) and not copied_apart(gi, gj) and not apart(gi, gj) and not chained(gi, gj)
            and not any((min(p, q), max(p, q)) in kept_apart for p in gi for q in gj)
            and cohesive(merged, least, neighbours(gi, gj), weak_join)
        ):  # fmt: skip
            groups.remove(gi)
            groups.remove(gj)
            groups.append(merged)
    out = [tuple(sorted(g, key=lambda k: ids[k])) for g in groups if len({art[i] for i in g}) >= 2]
    return tuple(sorted(out, key=lambda g: [ids[k] for k in g]))


@settings(max_examples=60, deadline=None)
@example(  # two sentences of one article, not consecutive, each half of the other's one (GroupSettings.halves_apart)
    articles=[["nato russia missile defense"], ["nato russia", "", "missile defense"]],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # a merge refused after a weak link (1-3) is checked again for a stronger one (0-3)
    articles=[["nato lavrov nato"], ["russia missile theater lavrov"], ["nato nato", "lisbon 27 lavrov"]],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # copy_support counts members: a sentence an article repeats counts each time (_copied_apart)
    articles=[["", "nato russia lavrov", "russia " + "nato " * 8 + "nato", "russia " + "nato " * 8 + "nato"], ["nato lavrov russia", "", "nato nato"]],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # with --pair, only sentences of articles compared with both count as a copy or a bridge (_copied_apart)
    articles=[["nato nato"], ["nato summit"], ["nato summit", "", "nato missile"]],
    threshold=0.1,
    restrict=True,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # two kinds of one term against one of them (Settings.contrast_head_words)
    articles=[
        ["nato agreed on expanding theater missile defense to territorial missile defense", "russia rejected the treaty"],
        ["nato agreed on theater missile defense talks", "the summit in lisbon"],
    ],
    threshold=0.2,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # a quotation sharing only its wrapper with the other sentence (Settings.quote_wrapper_check)
    articles=[['clinton told lavrov in lisbon "nato and russia rejected the missile treaty"'], ["clinton and lavrov met in lisbon on the summit"]],
    threshold=0.2,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.9,
)
@example(  # two groups of two and three members that one link would join (GroupSettings.merge_mean)
    articles=[["", "", "nato nato nato"], ["", "nato missile", "nato russia missile", "", "nato summit"], ["nato russia"], ["nato nato nato nato nato"]],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # one number in common, counting different things (GroupSettings.weak_link_counted)
    articles=[
        ["the summit", "the treaty", "clinton said", "nato agreed on 2 missile talks in lisbon"],
        ["the summit", "the treaty", "lavrov said", "2 summit treaty said russia rejected"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.9,
)
@example(  # two weekdays, none in common (GroupSettings.other_day_max_score); one inside a name
    articles=[
        ["lavrov was in summit rejected on Sunday", "not nato said talks on Super Tuesday"],
        ["not said theater was missile on Thursday", "in lavrov clinton placed on Monday"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # a weekday after a place is a day ("heading to Detroit Monday afternoon"), after a name none
    articles=[
        ["lavrov was in summit rejected in Lisbon Sunday", "not nato said talks on Super Tuesday"],
        ["not said theater was missile on Thursday", "in lavrov clinton placed CPAC Monday night"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # two years, none in common; a year inside a name ("CPAC 2010") is none
    articles=[
        ["said lavrov the in defense in 2009", "talks lisbon the missile CPAC 2010"],
        ["was lavrov nato clinton a in 2010"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # a refusal to say and a sentence that states the fact (GroupSettings.refusal_max_score)
    articles=[
        ["lavrov declined to say whether russia rejected the treaty", "clinton said nato agreed on missile talks"],
        ["russia rejected the talks at the summit", "the summit in lisbon"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.9,
)
@example(  # a short sentence's core event (GroupSettings.core_event_tokens), and a denial of it (lead_denial_apart)
    articles=[
        ["nato agreed on missile talks", "the summit in lisbon", "the treaty", "Lavrov died in Lisbon"],
        ["russia rejected the treaty", "clinton said", "the talks", "Lavrov died in Lisbon , a hoax", "the summit said Lavrov died in Lisbon"],
    ],
    threshold=0.1,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@example(  # a first sentence that negates and a lead that states plainly (GroupSettings.lead_negation_apart)
    articles=[
        ["talks defense a was not placed", "a was agreed CPAC clinton defense", "nato agreed rejected in placed placed"],
        ["the talks territorial CPAC lavrov on defense 28"],
    ],
    threshold=0.2,
    restrict=False,
    semantic=True,
    neighbour=0.0,
    weak=0.45,
)
@given(
    articles=st.lists(st.lists(sentence, min_size=1, max_size=7), min_size=2, max_size=5),
    threshold=st.sampled_from([0.1, 0.2, 0.27, 0.4]),
    restrict=st.booleans(),
    semantic=st.booleans(),
    neighbour=st.sampled_from([0.0, 0.4, 0.6]),
    weak=st.sampled_from([0.45, 0.9]),
)
def test_groups_equal_the_aligner_written_out(
    articles: list[list[str]], threshold: float, restrict: bool, semantic: bool, neighbour: float, weak: float
) -> None:
    s = Settings(
        semantic=semantic,
        weak_link_score=weak,
        neighbour_member_threshold=neighbour,
        group_threshold=threshold,
        link_threshold=max(threshold, 0.2),
        semantic_member_threshold=threshold,
        semantic_link_threshold=max(threshold, 0.2),
    )
    sentences = body_sentences(articles)
    allowed = (lambda a, b: "a0" in (a, b)) if restrict else None
    assert align(sentences, s, allowed).groups == _plain_groups(sentences, s, allowed)


def test_repeated_sentences_group_across_articles() -> None:
    texts = ["nato agreed missile defense talks in lisbon", "russia rejected the treaty"]
    sentences = body_sentences([texts, texts, texts[:1]])
    groups = align(sentences, Settings()).groups
    assert (0, 2, 4) in groups
    assert (1, 3) in groups


def test_a_short_quote_links_to_the_very_same_words_only() -> None:
    """ "Wait until when?" has one content word: too few to link by words or meaning, but two
    outlets quoting the same short line word for word report the same moment."""
    sentences = body_sentences(
        [
            ["Wait until when?", "The senator blocked the bill on Tuesday after a long debate."],
            ['"Wait until when?"', "Republicans said the vote would come after the recess."],
            ["Wait until then?", "It's wrong."],
            ["The governor signed it.", "It's wrong."],
        ]
    )
    for semantic in (True, False):
        groups = align(sentences, Settings(semantic=semantic)).groups
        assert (0, 2) in groups
        assert not any(4 in g or 5 in g or 7 in g for g in groups)  # other words; two words are too few


QUAKE = [
    "A strong earthquake struck off the coast of Sumatra on Tuesday.",
    "The quake had a magnitude of 6.1, the geological survey said.",
    "Buildings shook in the earthquake as far away as Singapore.",
    "No tsunami warning was issued after the earthquake.",
    "Residents fled their homes when the earthquake struck.",
]
QUAKE_TOO = [
    "Thousands of people ran into the streets when a strong earthquake shook western Indonesia before dawn.",
    "The tremor was centred 60 kilometres under the sea floor.",
    "Officials said the earthquake caused no serious damage.",
    "Schools were closed for the day after the earthquake.",
]


def test_two_leads_link_on_the_main_event_the_story_centre_takes_away() -> None:
    # Every sentence of the story is about the earthquake, so centring on the story removes it;
    # two articles' leads state that main event, and are compared centred on news in general.
    leads = align(body_sentences([QUAKE, QUAKE_TOO]), Settings())
    assert (0, 5) in leads.groups
    assert (0, 5) not in align(body_sentences([QUAKE, QUAKE_TOO]), Settings(lead_sentences=0)).groups
    # The same two sentences further down their articles are not leads, and do not link.
    later = align(body_sentences([QUAKE[1:3] + QUAKE[:1] + QUAKE[3:], QUAKE_TOO[1:3] + QUAKE_TOO[:1] + QUAKE_TOO[3:]]), Settings())
    assert all(not {2, 7} <= set(g) for g in later.groups), later.groups


def _together(files: list[str], s: Settings, a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether the first sentence of article ``a[0]`` holding ``a[1]`` and that of ``b[0]`` holding
    ``b[1]`` share a group when ``files`` are compared with ``s``."""
    from compare import compare

    c = compare(files, s)
    first = [x.id for x in c.article(a[0]).sentences if a[1] in x.text]
    second = [x.id for x in c.article(b[0]).sentences if b[1] in x.text]
    assert first and second
    return c.group_of(first[0]) is not None and c.group_of(first[0]) == c.group_of(second[0])


def test_a_weak_link_on_names_and_the_story_subject_alone_does_not_link(example_files: list[str]) -> None:
    """Bloomberg's "Rasmussen said he expects to reach an agreement with Russia on broadening
    cooperation with NATO in Afghanistan" and the Moscow Times' "'The future of Russia lies in
    cooperation with the European Union and NATO,' Fogh Rasmussen said" share the speaker and the
    story's subject only (score 0.37, a reader's wrong group); with the rule off they link."""
    a, b = ("bloomberg", "agreement with Russia on broadening"), ("moscow-times", "future of Russia lies")
    assert not _together(example_files, Settings(), a, b)
    assert _together(example_files, replace(Settings(), weak_link_score=0.0), a, b)


def test_a_short_quote_links_to_the_same_words_with_their_attribution() -> None:
    """"It's not about your jobs." (Fox) and "It's not about your jobs," Santorum said.
    (HuffPost) quote the same words; the same words said by another speaker do not link."""
    sentences = body_sentences(
        [
            ["It's not about your jobs.", "The senator spoke in Columbus on Saturday about energy policy."],
            ['"It\'s not about your jobs," Santorum said.', "Santorum spoke to the Tea Party crowd in Ohio."],
            ['"It\'s not about your jobs," Romney said.', "Romney campaigned in Michigan on the same day."],
        ]
    )
    for semantic in (True, False):
        result = align(sentences, Settings(semantic=semantic))
        assert (0, 2) in result.links
        assert (2, 4) not in result.links  # Santorum's words are not Romney's


def test_a_short_quotation_of_common_words_links_to_the_same_quotation() -> None:
    """Etheridge's "Tell me who you are" (BASIL, 2010), quoted by Fox in a sentence the quotation
    runs on from and by the New York Times twice: every quoted word is a common one, and "tell" a
    word of attribution outside quotation marks, yet two outlets quoting the same line report one
    remark.  A quoted title ('"The Hunger Games."', ECB+) is no remark: it links nothing."""
    sentences = body_sentences(
        [
            ['"Who are you!" the seven-term congressman demands.', '"Tell me who you are ...',
             'I have a right to know who you are."'],
            ['"Tell me who you are," Mr. Etheridge said.', "The young man did not answer.", '"Tell me who you are."'],
            ['Gary Ross has not departed "The Hunger Games. "'],
            ['Moviemaker Gary Ross has reportedly pulled out of negotiations to direct a sequel to "The Hunger Games. "'],
        ]
    )  # fmt: skip
    for semantic in (True, False):
        groups = align(sentences, Settings(semantic=semantic)).groups
        assert (1, 3, 5) in groups, groups
        assert not any(6 in g or 7 in g for g in groups), groups


def test_a_stock_phrase_said_by_him_and_by_her_does_not_link() -> None:
    """'"We will see," he said.' (a plant owner) and '"We will see," she said.' (a fire chief):
    two people saying the same stock phrase, not one remark.  A short line also links to the same words quoted in a longer sentence whose
    quotation began in the sentence before (review of session 15)."""
    sentences = body_sentences(
        [
            ['"We will see," he said.', "The owner of the plant spoke to reporters on Monday."],
            ['"We will see," she said.', "The fire chief said the cause was not yet known."],
            ["I wish I did not have to do it.", "The governor vetoed the budget bill on Friday."],
            ['He paused. "It was hard.', 'I wish I did not have to do it," the governor told reporters on Friday.'],
        ]
    )  # fmt: skip
    for semantic in (True, False):
        result = align(sentences, Settings(semantic=semantic))
        assert not any(0 in g and 2 in g for g in result.groups), result.groups
        assert any(4 in g and 7 in g for g in result.groups), result.groups


def test_a_sentence_that_asks_links_only_to_the_very_same_words() -> None:
    """Two outlets asking about one subject report no fact ("how much might it cost?"); the same
    question word for word still links, and so does a question that two outlets quote in nearly
    the same words; a statement that ends on a question is a statement."""
    sentences = body_sentences(
        [
            ["How much will the gold Apple Watch cost?", "Is the photo of Anthony Weiner?"],
            ["So how much might the gold Apple Watch cost buyers?", "Is the photo of Anthony Weiner?"],
            ["Senate Democrats were put on notice by Republicans on Wednesday: no tax-cut extension?"],
            ["Republicans put Senate Democrats on notice on Wednesday that there would be no tax-cut extension."],
            ["\"Is it true that Wal-Mart's pay disparity across the company was less than the national average?\" he asked."],
            ["“Is it true,” Chief Justice Roberts asked Mr. Sellers, “that Wal-Mart’s pay disparity across the company "
             "was less than the national average?”"],
        ]
    )
    for semantic in (True, False):
        groups = align(sentences, Settings(semantic=semantic)).groups
        assert not any(0 in g or 2 in g for g in groups), groups
        assert (1, 3) in groups
        assert (4, 5) in groups
        assert (6, 7) in groups  # one question quoted by two outlets, in nearly the same words



def test_a_short_quote_links_to_the_same_quotation_inside_a_longer_sentence() -> None:
    """Fox's "I wish I didn't have to do it." and HuffPost's '"I wish I didn't have to do it," he
    said.' (a pronoun, not a name, says who spoke): the quotation is the part that matched."""
    text = '"I wish I didn\'t have to do it," he said.'
    sentences = body_sentences(
        [
            ['I wish I didn\'t have to do it."', "The governor signed the budget on Friday night."],
            [text, "Lawmakers had debated the budget for weeks."],
        ]
    )
    for semantic in (True, False):
        result = align(sentences, Settings(semantic=semantic))
        assert (0, 2) in result.groups
        start, end = result.parts[2]
        assert text[start:end] == "I wish I didn't have to do it"


def test_a_short_quote_links_to_the_same_words_typed_with_another_apostrophe() -> None:
    """FNC-1 (s0140 of a batch run): one outlet's "“I couldn’t be more serious.”" and another's
    'I couldn't be more serious," Gruber wrote in a blog post.': the same quoted words, one typed
    with the typographic apostrophe and one with the plain (compare.verbatim)."""
    text = 'I couldn\'t be more serious," Gruber wrote in a blog post.'
    sentences = body_sentences(
        [
            ["\u201cI couldn\u2019t be more serious.\u201d", "The economist's remarks were recorded at a conference in 2013."],
            [text, "The video of the remarks spread online this week."],
        ]
    )
    for semantic in (True, False):
        result = align(sentences, Settings(semantic=semantic))
        assert (0, 2) in result.groups
        start, end = result.parts[2]
        assert text[start:end] == "I couldn't be more serious,"


def test_the_next_sentence_of_an_article_joins_a_group_only_when_close_to_it() -> None:
    # An outlet's sentence after the fact, on the same subject, is linked to the other outlet's
    # version (0.37) but is not that fact: sharing the group with its neighbour alone does not
    # bring it in (Settings.neighbour_member_threshold).
    first = [
        "Apple will start selling its smartwatch in April, the company said.",
        "Developers working on apps for the new Apple wearable have cautioned that consumers should "
        "temper their expectations of what will be available at launch.",
        "The watch will cost $349 for the cheapest model.",
    ]
    second = [
        "The Apple Watch goes on sale in April.",
        "Developers we've spoken with caution that people should temper expectations for the apps, at least initially.",
        "Consumers expected the same with the first iPhone, which had only the apps Apple made.",
        "Prices start at $349.",
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    assert alignment.similarity(1, 5) >= Settings().semantic_link_threshold  # linked, and close to its neighbour
    assert alignment.groups == ((0, 3), (1, 4), (2, 6))
    assert (1, 4, 5) in align(sentences, Settings(neighbour_member_threshold=0.0)).groups


def test_a_fact_told_over_two_sentences_joins_the_other_outlets_version() -> None:
    """BASIL 2058ec60: Fox's "Sellers said that wasn't a fair comparison because ..." against the
    Times' "Mr. Sellers said that was not the appropriate comparison." and its next sentence, the
    comparison he called relevant, in quotation marks: one remark told, then quoted, whose second
    sentence is close to Fox's on its own (0.34; ``GroupSettings.quote_neighbour_threshold``).  At
    ``Settings.neighbour_member_threshold`` (0.4), for a next sentence that quotes no one, the
    quotation stays out (issue 11: linked, kept apart by the grouping)."""
    fox = [
        "Chief Justice John Roberts also offered his doubts about the merits of lawsuit, suggesting that any "
        "discriminatory acts at Wal-Mart are no worse than anywhere else.",
        "\"Is it true that Wal-Mart's pay disparity across the company was less than the national average?\" he asked.",
        "Sellers said that wasn't a fair comparison because Wal-Mart has an obligation under federal law to make "
        "sure its managers do not discriminate.",
        "The case started a decade ago when Wal-Mart worker Betty Dukes said the management at her Pittsburg, "
        "Calif., store was bypassing her for promotions.",
    ]
    nyt = [
        "Several justices voiced concerns about how many companies could be subject to class-action suits if they "
        "allowed the case against Wal-Mart to go forward.",
        "\u201cIs it true,\u201d Chief Justice Roberts asked Mr. Sellers, \u201cthat Wal-Mart\u2019s pay disparity across "
        "the company was less than the national average?\u201d",
        "Mr. Sellers said that was not the appropriate comparison.",
        "\u201cThe comparison that\u2019s relevant,\u201d he said, \u201cis between men and women and Wal-Mart.\u201d",
        "He added later that \u201cWal-Mart was behind the other large retailers.\u201d",
    ]
    sentences = body_sentences([fox, nyt])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert (2, 6, 7) in alignment.groups
    assert (2, 6) in align(sentences, _without(quote_neighbour_threshold=0.0, neighbour_linked=0.0)).groups


def test_a_remark_told_over_two_sentences_joins_the_sentence_that_tells_it_whole() -> None:
    """BASIL 550b80db (blind reading 11's facts: unlinked at 14cff76): the Times quotes NOW's
    president over two sentences, "'It's sexist,' said Terry O'Neill" and "'Gloria Steinem has a
    very simple test,' Ms. O'Neill continued." (0.10 together: two halves, not a repeat), and Fox
    tells both in one sentence, linked to each (0.48, 0.33).  The second half, close to Fox's
    sentence alone but under ``GroupSettings.quote_neighbour_threshold``, joins the group
    (``GroupSettings.neighbour_linked``)."""
    fox = [
        "Rep. Michele Bachmann has declined to get into the scrum with Newsweek over its cover story of the presidential candidate called \"The Queen of Rage,\" accompanied by an unflattering photo of the Minnesota Republican, but others are calling the magazine out of bounds in its depiction.",
        "The National Organization for Women President Terry O'Neill said that the cover of the magazine's latest edition is \"sexist\" and referred to a simple test by the group's founder Gloria Steinem to explain how they determined that conclusion -- would the magazine do the same to a man.",
        "\"Who has ever called a man 'The King of Rage?'",
        "Basically what Newsweek magazine -- and this is important, what Newsweek magazine, not a blog, Newsweek magazine -- what they are saying of a woman who is a serious contender for president of the United States of America\u2026 They are basically casting her as a nut job,\" O'Neill said to The Daily Caller and NOW confirmed to FoxNews.com on Tuesday.",
        "\"The 'Queen of Rage' is something you apply to wrestlers or somebody who is crazy.",
        "They didn\u2019t even do this to Howard Dean when he had his famous scream,\" she said.",
    ]
    nyt = [
        "Many in the conservative blogosphere are not pleased.",
        "\u201cExactly what were the editors thinking putting this kind of a picture of a sitting congresswoman and presidential candidate on their cover?\u201d wrote Noel Sheppard on the conservative Web site News Busters, under the headline \u201cNewsweek Puts Picture of Michele Bachmann on Cover That Makes Her Look Crazy.\u201d",
        "A blogger on the Web site Freedom\u2019s Lighthouse said, \u201cCan anyone really say with a straight face that the Mainstream Media is not totally biased against conservatives?\u201d",
        "But even some unlikely allies have emerged to decry the cover as disrespectful.",
        "\u201cIt\u2019s sexist,\u201d said Terry O\u2019Neill, the president of the National Organization for Women, to the news Web site the Daily Caller, which is run by the conservative commentator Tucker Carlson.",
        "\u201cGloria Steinem has a very simple test,\u201d Ms. O\u2019Neill continued.",
        "\u201cIf this were done to a man or would it ever be done to a man \u2013 has it ever been done to a man?",
        "Surely this has never been done to a man.\u201d",
        "Monday night, Newsweek responded to the controversy by posting an \u201couttakes\u201d gallery on its Daily Beast Web site, showcasing other photos taken for the article.",
        "The pictures show Ms. Bachmann shaking hands with voters, standing by herself in the corner of a room and signing autographs, all with the same wide-eyed intensity as in the cover shot.",
    ]
    sentences = body_sentences([fox, nyt])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    told, continued, whole = 6 + 4, 6 + 5, 1
    assert alignment.similarity(told, continued) < Settings().grouping.neighbour_linked
    assert alignment.similarity(whole, continued) < Settings().grouping.quote_neighbour_threshold
    assert (whole, told, continued) in alignment.groups
    assert (whole, told) in align(sentences, _without(neighbour_linked=0.0)).groups


def test_the_sentence_after_a_quotation_that_tells_what_happened_next_is_not_the_quotation() -> None:
    """ECB+ 12_ecbplus: after the quoted "The warship immediately altered ... and challenged them."
    an outlet goes on "On seeing the resolve ..., the pirate skiffs reversed course": what happened
    next, not the quotation continued nor the remark told (no word of attribution).  Another
    outlet's quotation that adds the skiffs fled scores 0.345 with it, over
    ``GroupSettings.quote_neighbour_threshold`` (0.33): a quotation and any neighbour would join."""
    first = [
        "Indian Navy warship INS Sukanya foiled a piracy attempt in the Gulf of Aden on Friday, a defence spokesman said.",
        "\u201cThe warship immediately altered (its direction) towards the suspicious vessels and challenged them.",
        "On seeing the resolve evident in the warship\u2019s action and probably mindful of the reputation for resolute "
        "action that the Indian Navy justly enjoys in such deployments, the pirate skiffs reversed course and fled.",
    ]
    second = [
        "An Indian warship thwarted a pirate attack on merchant vessels in the Gulf of Aden, the navy said.",
        '"The warship immediately altered towards the suspicious vessels and challenged them," the officer said, '
        "adding the skiffs then fled the area.",
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert Settings().grouping.quote_neighbour_threshold <= alignment.similarity(2, 4) < Settings().neighbour_member_threshold
    assert (1, 4) in align(sentences, _without(neighbour_linked=0.0)).groups
    # The other outlet's sentence tells both halves ("... challenged them," ..., adding the skiffs
    # then fled): the fact told over two sentences, linked to it each, joins it whole
    # (GroupSettings.neighbour_linked; the halves share little: under 0.2).
    assert alignment.similarity(1, 2) < Settings().grouping.neighbour_linked
    assert (1, 2, 4) in alignment.groups


def test_two_sentences_of_one_article_that_each_tell_half_of_another_outlets_sentence_join_it() -> None:
    """ECB+ 30_ecb: one outlet's sentence tells the cables' route and the share of traffic they carry;
    the other tells the route in one sentence and, three sentences on, the share in a quotation.  The
    two halves say different things (0.17 together) and each links to the whole sentence: one fact,
    many to many (``GroupSettings.halves_apart``).  Without the rule two sentences of one article that
    are not consecutive never share a group under ``Settings.semantic_same_article_threshold``."""
    first = [
        "Parts of Asia, the Middle East, and Europe experienced Internet and telephone outages Friday when three "
        "undersea cables between Italy and Egypt in the Mediterranean Sea were damaged.",
        "The affected cable systems, which run from Alexandria in northern Egypt to Sicily in southern Italy, carry "
        "more than 75 percent of traffic between the Middle East, Europe, and the United States.",
        "It's still unclear how the cables were damaged or when they will be fixed.",
        "France Telecom said it plans to send a boat to fix the problem and should have service restored to normal "
        "by December 31, according to Bloomberg.",
    ]
    second = [
        "Internet and telephone communications between the Middle East and Europe were disrupted after three "
        "submarine cables between Italy and Egypt in the Mediterranean Sea were damaged.",
        "France Telecom SA, which plans to send a maintenance boat to fix the problem, said the situation should be "
        "back to normal by Dec. 31.",
        "The cables run from Alexandria in northern Egypt to Sicily in southern Italy.",
        "In January, an anchor severed the cables outside Alexandria after bad weather conditions forced ships to "
        "moor off the coast.",
        '"Close to 90 percent of all the data traffic between Europe and the Middle East is carried on these three cable systems."',
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert alignment.similarity(6, 8) < Settings().grouping.halves_apart
    assert (1, 6, 8) in alignment.groups
    assert (1, 6) in align(sentences, _without(halves_apart=0.0)).groups


def test_a_remark_and_another_remark_that_only_names_its_speaker_are_not_two_halves() -> None:
    """FNC-1 s0156: one outlet's "'We saw yellow smoke in the sky,' said Lt. Khairalla al-Jabbouri,
    one of the survivors" links to the other's quotation of it (0.57) and, through who spoke, to that
    outlet's "Suddenly there was a boom ..., said Lt. Khairalla al-Jabbouri, 31, one of the survivors"
    (0.44), two sentences on: a remark and the speaker's other remark, not two halves of one fact
    (``GroupSettings.halves_apart``: one half shares only the quotation, the other, with a word of
    attribution, only the words around it)."""
    first = [
        "The police officers, all members of the Sunni Jabbour tribe, which has turned against the Islamic State, "
        "were guarding a line in the town\u2019s north.",
        "After an exchange of fire, they said, they were surprised to see Islamic State fighters retreating from "
        "their position about 150 yards away.",
        "Suddenly there was a boom in the area the extremists had just vacated, said Lt. Khairalla al-Jabbouri, 31, "
        "one of the survivors.",
        "\u201cIt was a strange explosion.",
        "We saw a yellow smoke in the sky,\u201d he said.",
        "The wind carried the fog toward their lines.",
    ]
    second = [
        "The blast followed an exchange of fire between the militants and the members of the Sunni Jabbour tribe, "
        "who were guarding the town\u2019s borders.",
        "\u201cIt was a strange explosion.",
        "We saw yellow smoke in the sky,\u201d said Lt. Khairalla al-Jabbouri, one of the survivors.",
        "The victims talked of the fog that hung close to the ground \u2013 a possible indication that it was "
        "chlorine, which is heavier than air.",
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert min(alignment.similarity(2, 8), alignment.similarity(4, 8)) >= Settings().semantic_link_threshold
    assert alignment.similarity(2, 4) < Settings().grouping.halves_apart
    assert (4, 8) in alignment.groups


def test_a_half_that_shares_one_quoted_word_with_the_whole_is_a_half() -> None:
    """One outlet quotes a legislator's "It's reckless" and, later, her list of the project's faults;
    the other tells both in one sentence ("'It's reckless,' Ms. Whitfield said ..., adding that the
    project had brought 'delays, overruns, broken promises' ...").  The first half shares one word
    with it beyond her name, but both quote it: a half of the remark (``GroupSettings.halves_apart``;
    one plain word that only one of them quotes is too little)."""
    first = [
        "The state's high-speed rail project lost another backer on Monday as its budget rose for the third time this year.",
        '"It\'s reckless," said Dana Whitfield, who voted for it in 2019.',
        "The rail authority now puts the cost of the first segment at $23 billion.",
        "Whitfield said she would ask the governor to pause construction until an audit is finished.",
        '"We have seen delays, overruns, broken promises to the towns along the route, and no plan to pay for any of it."',
    ]
    second = [
        "Costs for the high-speed rail line climbed again, the rail authority said on Monday.",
        "\u201cIt\u2019s reckless,\u201d Ms. Whitfield said in a radio interview, adding that the project had brought "
        "\u201cdelays, overruns, broken promises\u201d to the towns along its route.",
        "The first segment is now expected to cost $23 billion.",
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert (1, 4, 6) in alignment.groups
    assert (4, 6) in align(sentences, _without(halves_apart=0.0)).groups


GIGANTE = [
    [
        "Ex-Mafia boss Vincent Gigante dies in prison",
        'Mob boss Vincent "The Chin" Gigante, the powerful Mafioso who avoided jail for decades by wandering the '
        "streets in a ratty bathrobe and slippers, feigning mental illness, died Monday in prison, officials said.",
        "He was 77.",
        "Gigante, who had suffered from heart disease, died at the federal prison in Springfield, Mo., said prison "
        "spokesman Al Quintero.",
    ],
    [
        "Vincent Gigante, Mafia Leader Who Feigned Insanity, Dies at 77",
        "Vincent Gigante, who feigned mental illness for decades to camouflage his position as one of the nation's "
        "most influential and dangerous Mafia leaders, died today in federal prison in Springfield, Mo., officials "
        "told The Associated Press.",
        "He was 77.",
        "Mr. Gigante died while serving a 12-year sentence imposed in 1997 after he was convicted of racketeering "
        "and conspiring to kill other mobsters.",
        "Officials at the prison medical center where he died did not provide the cause of death but noted that he "
        "suffered from heart disease.",
    ],
    [
        "NY mob don Vincent 'Chin' Gigante dies in prison",
        'Convicted mobster Vincent "Chin" Gigante, famed for wandering the streets of New York in a tattered bathrobe '
        "in a show of insanity, died on Monday in federal prison, officials said.",
        "Considered one of the last of New York's old-time Mafia dons, the reputed head of the Genovese family was "
        "serving a 12-year sentence at the U. S. Medical Center for Federal Prisoners in Springfield, Missouri.",
        "He was 77.",
    ],
]


def test_a_headline_links_to_a_later_sentence_that_tells_its_core_event() -> None:
    """ECB+ 26_ecbplus: the headline "Ex-Mafia boss Vincent Gigante dies in prison" and the Times'
    "Mr. Gigante died while serving a 12-year sentence ..." (its fourth sentence, not a lead) tell
    who died, and where: centred on the story, whose main event that is, they score under the
    link threshold; a short sentence's core event (``GroupSettings.core_event_tokens``) compares
    them centred on news in general, as two leads are."""
    sentences = [replace(x, role="title") if x.index == 0 else x for x in body_sentences(GIGANTE)]
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    headline, later = 0, 7
    assert sentences[later].text.startswith("Mr. Gigante died while serving")
    assert (headline, later) in alignment.links
    assert (headline, later) not in align(sentences, _without(core_event_tokens=0)).links
    # Under the news-centred cosine floor they are compared as any two sentences are.
    assert (headline, later) not in align(sentences, _without(core_event_cosine=0.95)).links


QUINN = [
    [
        "Singer Marla Quinn dies at 64",
        "Marla Quinn, the soul singer whose hits filled dance floors in the 1970s, has died at her home in Memphis.",
        "She was 64.",
        "Her family said she had been ill for several months.",
    ],
    [
        "Marla Quinn is alive and well, says her manager",
        "Marla Quinn is not dead, her manager said, calling reports of her death a cruel hoax.",
        "The singer is resting at home in Memphis and will tour in the spring, he said.",
    ],
]


def test_a_denial_is_not_compared_as_the_core_event_it_denies() -> None:
    """A headline's core event ("Marla Quinn dies") and another article's sentence that denies it
    ("... is not dead, ... a cruel hoax") name one kind of event and one name, but report a claim
    and its denial: compared centred on the story, as any two sentences are, not on news in general
    (``GroupSettings.lead_denial_apart`` holds for ``core_event_tokens`` as for two leads)."""
    sentences = [replace(x, role="title") if x.index == 0 else x for x in body_sentences(QUINN)]
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    headline, denial = 0, 5
    assert denies(sentences[denial].text) and not denies(sentences[headline].text)
    on_story = align(sentences, _without(core_event_tokens=0)).similarity(headline, denial)
    assert alignment.similarity(headline, denial) == pytest.approx(on_story)
    assert align(sentences, _without(lead_denial_apart=False)).similarity(headline, denial) > on_story + 0.05


def test_an_article_s_headline_and_its_later_sentence_on_the_same_core_event_are_one_fact() -> None:
    """AP's headline "Ex-Mafia boss Vincent Gigante dies in prison" and its fourth sentence
    "Gigante, who had suffered from heart disease, died at the federal prison in Springfield, Mo."
    tell one fact: compared centred on news in general (``GroupSettings.core_event_same_article``)
    they reach ``Settings.semantic_same_article_threshold``, so the two may share a group (ECB+
    04_ecbplus: a 12-member group of headlines "Esther Williams dies at 91" and a 6-member group of
    leads "Esther Williams ... has died" became one); centred on the story they do not."""
    sentences = [replace(x, role="title") if x.index == 0 else x for x in body_sentences(GIGANTE)]
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    headline, later = 0, 3
    assert sentences[later].text.startswith("Gigante, who had suffered")
    same_article = Settings().semantic_same_article_threshold
    assert alignment.similarity(headline, later) >= same_article
    assert align(sentences, _without(core_event_same_article=False)).similarity(headline, later) < same_article


@pytest.mark.parametrize(
    ("text", "headline", "kinds"),
    [
        ("Watergate figure Fred LaRue dies", True, {"death"}),
        ("Fred LaRue, a Nixon aide, was found dead in his room at a Biloxi motel.", False, {"death"}),
        ("Another peace officer has been gunned down in cold blood.", False, {"shooting"}),
        # Background, not what happened: a subordinate clause, an attribute, a quotation, a name.
        ("A hungry Comeaux was caught in Houston, about 25 miles northwest of where he escaped.", False, set()),
        ("Arcade Joseph Comeaux Jr. is a convicted sex offender serving a life sentence.", False, set()),
        ('"She died in her sleep," her publicist said.', False, set()),
        ("Filmmaker says he cannot commit to the schedule for Catching Fire.", False, set()),
    ],
)
def test_the_kind_of_event_a_sentence_tells(text: str, headline: bool, kinds: set[str]) -> None:
    assert event_kinds(text, headline=headline) == kinds


def test_a_headline_and_the_sentence_after_it_share_a_group_as_one_main_event() -> None:
    # The lead's first sentence links to the other outlet's lead at 0.39, under the neighbour
    # threshold: as the next sentence of a body it stays out, after a headline it joins it.
    first = [
        "Gunman kills one, wounds two at accounting office",
        "A man fired last week from an accounting firm returned on Monday and opened fire, police said.",
        "The receptionist died.",
    ]
    second = [
        "A fired accountant shot three people at his former firm in suburban Detroit, killing one.",
        "The receptionist died at the scene.",
    ]
    sentences = body_sentences([first, second])
    assert align(sentences, Settings()).groups == ((0, 3), (2, 4))
    headed = [replace(s, role="title") if s.id == "a0:0" else s for s in sentences]
    assert align(headed, Settings()).groups == ((0, 1, 3), (2, 4))


def test_two_remarks_of_one_speaker_quoted_without_a_shared_run_of_words_do_not_link(example_files: list[str]) -> None:
    """RFE/RL's Clinton quote "NATO and Russia should work together to develop models for a
    combined NATO-Russia missile defense architecture" and RT's "We want a cooperative NATO-Russia
    relationship that ... draws NATO and Russia closer together" (its quotation opened in the
    sentence before) are two remarks: their quotations share single words and the names only
    (score 0.34, a reader's wrong group).  With the rule off (``quote_share`` over 1) they link."""
    a, b = ("rferl", "combined NATO-Russia missile defense"), ("rt", "draws NATO and Russia closer")
    assert not _together(example_files, Settings(), a, b)
    assert _together(example_files, replace(Settings(), quote_share=1.01), a, b)


def test_two_kinds_of_one_thing_do_not_link_to_one_kind_alone(example_files: list[str]) -> None:
    """RFE/RL's "NATO is considering expanding so-called 'theater missile defense' to 'territorial
    missile defense'" reports a change between two kinds of missile defence; Bloomberg's "We could
    restart collaboration on so-called theater missile defense" a fact about one kind (0.49, a
    reader's wrong group).  With the rule off (``contrast_head_words=0``) they group."""
    a, b = ("bloomberg", "restart collaboration on so-called theater"), ("rferl", "considering expanding so-called")
    assert not _together(example_files, Settings(), a, b)
    assert _together(example_files, replace(Settings(), contrast_head_words=0), a, b)


def _quoted(text: str, names: frozenset[str], run_words: int) -> Quoted:
    return quotations(text, analyse(text)[0], names, run_words)


def test_a_strong_link_links_whatever_kinds_it_names() -> None:
    """A sentence naming two kinds of minimum wage (federal, state) and one naming the federal one
    only link when their score is strong (0.83 with the embeddings, over ``contrast_max_score``)."""
    from compare import semantic

    if semantic.status() is not None:
        pytest.skip("the score is that of the embedding model; the model is not installed")
    sentences = body_sentences(
        [
            ["Democrats want to raise the federal minimum wage, already below the state minimum wage in 20 states, to $9.", "The weather was fine."],
            ["Democrats want to raise the federal minimum wage to $9.", "Stocks fell sharply."],
        ]
    )
    assert align(sentences, Settings()).groups == ((0, 2),)
    assert align(sentences, replace(Settings(), contrast_max_score=0.9)).groups == ()


def test_a_capitalised_kind_counts_as_named() -> None:
    """A sentence naming both kinds, one of them capitalised at its start, names no kind alone."""

    both = kinds_named("NATO is considering expanding theater missile defense to territorial missile defense.", 2)
    capitalised = kinds_named("Territorial missile defense and theater missile defense were discussed.", 2)
    one = kinds_named("They discussed theater missile defense.", 2)
    assert not contrasted(both, capitalised)
    assert contrasted(both, one)


def test_a_verb_before_a_term_names_no_kind() -> None:
    """A word ending in -ed or -ing before a term is its verb, not a kind of it: "placed running
    back" and "one of its primary running backs" name one kind (primary), not two."""

    placed = kinds_named("The team placed running back Smith on injured reserve, one of its primary running backs.", 2)
    primary = kinds_named("Smith was one of the team's primary running backs.", 2)
    assert not contrasted(placed, primary)
    term = (normalise_word("running"), normalise_word("back"))
    assert term not in kinds_named("The team placed running back Smith.", 2).named
    assert term in kinds_named("The team's fast running back Smith.", 2).named


def test_an_inch_mark_closes_no_quotation() -> None:
    """A straight " after a digit is an inch mark, not the end of a quotation opened before."""

    assert _quoted('Apple cut the price of its 12" MacBook on Tuesday.', frozenset(), 3).share < Settings().quote_share
    assert _quoted('prices will fall soon," Apple said on Tuesday.', frozenset(), 3).share > 0.0  # a closing mark after a word


def test_a_mostly_quoted_sentence_sharing_no_word_does_not_link_weakly() -> None:
    """A sentence that is mostly quotation and shares no word of its quotation with the other (here
    no word at all) links only strongly (``quote_wrapper_check``)."""

    names = frozenset({"clinton", "lavrov"})
    quote = _quoted('"NATO and Russia rejected the missile treaty," Clinton said.', names, 3)
    other = _quoted("Lavrov arrived in Lisbon on Friday.", names, 3)
    assert not quotes_agree(quote, other, 0.3, Settings())
    assert quotes_agree(quote, other, 0.3, replace(Settings(), quote_wrapper_check=False))
    assert quotes_agree(quote, other, Settings().weak_link_score, Settings())


def test_two_short_quotations_of_one_remark_link_weakly() -> None:
    """Quotations shorter than ``quote_run_words`` content words are one run each: two outlets'
    "(We are) very encouraged by the meeting" share it."""

    names = frozenset({"rasmussen"})
    a = _quoted('"We are very encouraged by the meeting," Rasmussen said.', names, 3)
    b = _quoted('"Very encouraged by the meeting," said Rasmussen.', names, 3)
    c = _quoted('"We are very worried by the delay," Rasmussen said.', names, 3)
    assert quotes_agree(a, b, 0.3, Settings())
    assert not quotes_agree(a, c, 0.3, Settings())


EXAMPLE_GROUPS = [
    ["bloomberg:0", "bloomberg:1", "moscow-times:0"],  # NATO seeks partnership / cooperation with Russia (headlines, Bloomberg's lead)
    ["bloomberg:11", "rferl:19"],  # Rasmussen: cooperate with Russia on territorial missile defense (gold, diverge)
    ["moscow-times:1", "rferl:12", "state-dipnote:6"],  # Clinton's areas of cooperation (gold)
    ["moscow-times:2", "rferl:14"],  # Clinton rejected Medvedev's security architecture (gold)
    ["moscow-times:5", "state-dipnote:3"],  # the foreign ministers of all 28 (the other 27) NATO nations met Lavrov
    ["moscow-times:6", "state-dipnote:7"],  # the meeting prepared the Lisbon summit (gold)
    ["moscow-times:8", "rferl:9"],  # Clinton: cooperation on missile defense
    ["moscow-times:9", "rferl:2", "state-dipnote:4"],  # Rasmussen's verdict on the meeting (gold, diverge)
    ["moscow-times:10", "rferl:7"],  # the joint review: Afghanistan, terrorism, piracy
]


def test_the_example_story_groups(example_files: list[str]) -> None:
    """The example story's groups, member by member (read by a reader as one fact each; the
    session-9 reading's two wrong groups, Bloomberg's theater missile defense with RFE/RL's
    expansion to territorial, and two Clinton remarks, are gone).  When the aligner changes on
    purpose, print the new groups (``[list(g.members) for g in compare(example_files).groups]``),
    read them, and update this list.  RFE/RL's Clinton quote told to Lavrov is no longer with the
    ministers' meeting (it shared only the wrapper: ``Settings.quote_wrapper_check``).  Since session
    13 (``Settings.weak_near_score``) the State Department's headline on the council meeting, a
    reader's outlier, is no longer with the headlines on NATO seeking Russia's partnership, and
    Bloomberg's lead, which says just that, is; RFE/RL's "Rasmussen expressed hope that Moscow and
    NATO will step up cooperation on ... missile defense" no longer pairs with that lead."""
    from compare import compare, semantic

    if semantic.status() is not None:
        pytest.skip("the example story's groups are those of the embedding model's run; the model is not installed")
    assert [list(g.members) for g in compare(example_files, Settings()).groups] == EXAMPLE_GROUPS


def test_a_quotation_sharing_only_its_wrapper_does_not_link(example_files: list[str]) -> None:
    """RFE/RL's 'She told her Russian counterpart, Foreign Minister Sergei Lavrov, "The United States
    does not believe that NATO and Russia are adversaries ..."' shares with the Moscow Times'
    "Foreign ministers of all 28 NATO nations attended the meeting, along with their Russian
    counterpart, Sergei Lavrov" only words outside its quotation (0.39, readings 1 and 3 call it
    wrong); with the check off (``quote_wrapper_check=False``) they group."""
    a, b = ("rferl", "are adversaries"), ("moscow-times", "all 28 NATO nations attended")
    assert not _together(example_files, Settings(), a, b)
    assert _together(example_files, replace(Settings(), quote_wrapper_check=False), a, b)


BECK_FOX = [
    "Glenn Beck Rips Progressivism at CPAC",
    "Fox News host Glenn Beck blamed progressivism for America's problems Saturday in his keynote speech at CPAC.",
    "Beck rejected the notion that the Republican Party should expand its tent to include progressives.",
    "The conservative crowd cheered him for nearly an hour.",
]
BECK_HUFFPOST = [
    "Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent",
    "Talk show host Glenn Beck closed the three-day conservative conference on Saturday by demanding that the party admit its problem.",
    "Beck said both parties are to blame for the spending.",
    "Many in the crowd had come only to hear him.",
]


def _headlined(articles: list[list[str]]) -> list[Sentence]:
    """:func:`body_sentences` with each article's first sentence its headline."""
    return [replace(x, role="title") if x.index == 0 else x for x in body_sentences(articles)]


def test_an_acronym_is_a_name_to_the_weak_link_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two headlines sharing who ("Glenn Beck") and where ("CPAC", written in capitals only) and
    nothing of what happened score 0.36: a weak link that shares no word beyond the story's names,
    which an acronym is (``compare.similarity.story_acronyms``).  Taken for a word of substance,
    "CPAC" linked them."""
    import compare.align

    sentences = _headlined([BECK_FOX, BECK_HUFFPOST])
    heads = (0, len(BECK_FOX))
    if not align(sentences, Settings()).semantic:
        pytest.skip("the weak-link check works on the embeddings; the model is not installed")
    assert heads not in align(sentences, Settings()).links
    monkeypatch.setattr(compare.align, "story_acronyms", lambda _: frozenset())
    assert heads in align(sentences, Settings()).links


def test_story_acronyms_are_words_in_capitals_never_written_in_lower_case() -> None:
    from compare.similarity import story_acronyms

    sentences = _headlined([["HUGE NEWS FROM CPAC", "Beck spoke at CPAC and the AARP objected.", "IT was loud.", "It said it."]])
    # "HUGE", "NEWS" and "FROM" are in the headline only; "IT" is also written "it".
    assert story_acronyms(sentences) == frozenset({"cpac", "aarp"})


def test_two_remarks_of_one_article_share_no_group() -> None:
    """One outlet quotes the lawyer's "If somebody tells you how to exercise discretion ..." and,
    two sentences on, his "are informed by the company about how to exercise that discretion": two
    remarks (mostly quotation, no run of three words in common), which the other outlet's quote of
    the first must not join into one group (``Settings.quote_remarks_apart``)."""
    first = [
        "Justice Antonin Scalia pressed the lawyer for the women on the company policy.",
        '"If somebody tells you how to exercise discretion," he said, "you don\'t have discretion."',
        "The lawyer answered that the company had a strong corporate culture.",
        'Managers, he went on, "are informed by the company about how to exercise that discretion."',
    ]
    second = [
        "Justice Scalia asked about the discretion of the local managers.",
        '"If somebody tells you how to exercise discretion, you don\'t have discretion," he said.',
        "The case could affect millions of workers at other companies.",
    ]
    sentences = body_sentences([first, second])
    if not align(sentences, Settings()).semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert (1, 5) in align(sentences, Settings()).groups
    # The copy rule holds them apart too (the second scores under 0.7 with the copy of the first).
    loose = Settings(quote_remarks_apart=False)
    assert (1, 5) in align(sentences, loose).groups
    assert (1, 3, 5) in align(sentences, replace(loose, grouping=replace(loose.grouping, copy_second_score=0.45))).groups


def _without(**rules: float) -> Settings:
    """The default settings with some of ``Settings.grouping``'s rules changed (switched off)."""
    return replace(Settings(), grouping=replace(Settings().grouping, **rules))


def test_a_lead_that_negates_is_not_grouped_with_leads_that_state_plainly() -> None:
    # Three leads of one story: two report the bodies found, the third a later development told in
    # a negation (they are not the missing fishermen).  Compared as leads, on news in general, the
    # third links to the first and joins their group; it is another fact
    # (GroupSettings.lead_negation_apart).
    sentences = body_sentences(
        [
            [
                "Divers searching a flooded quarry near Millbrook have found the bodies of two men, police said on Monday.",
                "The quarry has been closed to swimmers since last summer.",
            ],
            [
                "Neither of the men whose bodies were pulled from the Millbrook quarry is one of the fishermen who disappeared in March, the coroner said.",
                "Relatives of the fishermen had gathered at the quarry since the weekend.",
            ],
            [
                "Police divers found two bodies in a flooded quarry outside Millbrook on Monday, a police spokesman said.",
                "The search began after a walker reported seeing clothes near the water.",
            ],
        ]
    )
    found, negation = 0, 2
    assert main_negated(sentences[negation].text) and not main_negated(sentences[found].text)
    assert align(sentences, Settings()).groups[0] == (0, 4)
    assert align(sentences, _without(lead_negation_apart=False)).groups[0] == (0, 2, 4)


def test_the_main_clause_is_read_with_one_space_between_words() -> None:
    # a run of 20,000 spaces took 87 s of CPU to split into clauses (the reviewer, session 21)
    assert main_clause("Police  said\n\tthe   man, who was 40, fled.") == "Police said the man"
    assert main_clause("a" + " " * 20_000 + "b") == "a b"


def test_the_main_clause_of_a_sentence_says_whether_it_negates() -> None:
    assert main_negated("None of the 28 bodies found in a mass grave belongs to a group of 43 missing students, officials said.")
    assert main_negated("The chairman is expected to announce that he will not seek a second term, according to reports.")
    assert main_negated("The senator has declined to join the dispute with the magazine over its cover.")
    assert not main_negated("Like many conservative Republicans, Romney is opposed not only to same-sex marriage but to civil unions.")
    assert not main_negated("A judge sentenced him to multiple life sentences with no chance of parole.")
    assert not main_negated("It's not Patch Tuesday, but Microsoft has released a crucial update for Internet Explorer.")
    assert not main_negated("Though the agencies are not releasing his name, reports say he is the main suspect.")
    assert not main_negated("He scored 20 points to help the No. 1 Tar Heels remain unbeaten.")
    assert not main_negated("People caught with marijuana may no longer face arrest under the new policy.")
    assert not main_negated("Felt died of heart failure, but the exact cause of his death was not immediately known.")
    assert not main_negated("No one was hurt when a car bomb exploded near the U.S. embassy in Kabul on Monday.")
    assert not main_negated("No one hurt as car bomb hits Kabul embassy street")
    assert not main_negated("No injuries were reported after the 5.9 quake struck the island.")
    claim, negating = stated("Police found two bodies in the quarry."), stated("Neither body is one of the fishermen.")
    assert lead_negation_apart(claim, negating, False, True) and lead_negation_apart(negating, claim, True, False)
    assert not lead_negation_apart(negating, stated("The fishermen have not been found."), True, True)


def test_a_chain_through_a_sentence_that_reports_two_things_does_not_join_them() -> None:
    # The first outlet's lead reports two things: Trump's doubts and his investigators in Hawaii.
    # The second's lead shares its wrapper (0.54), the third's sentence its investigators (0.53);
    # the two share almost nothing (0.18): not one fact (GroupSettings.chain_floor).
    first = [
        "Real estate tycoon Donald Trump said Thursday he doubts that President Obama was born in the "
        "United States and has sent investigators to Hawaii looking for answers.",
        "The businessman is weighing a run for the Republican nomination.",
    ]
    second = [
        "Real estate tycoon Donald Trump said Thursday he hopes questions about Obama's citizenship will "
        "not be the defining issue if he is the Republican candidate against the president.",
        "He spoke in a television interview.",
    ]
    third = [
        "In an interview shown on the Today show, Mr. Trump said his own investigators are in Hawaii "
        "researching where the president was born.",
        "Hawaii officials have released the certificate before.",
    ]
    sentences = body_sentences([first, second, third])
    alignment = align(sentences, Settings())
    assert (0, 2) in alignment.links and (0, 4) in alignment.links
    assert alignment.similarity(2, 4) < Settings().grouping.chain_floor
    assert len(alignment.groups) == 1 and 2 not in alignment.groups[0]
    assert align(sentences, _without(chain_floor=0.0)).groups == ((0, 2, 4),)


def test_an_outlets_second_sentence_stays_out_of_the_group_of_a_sentence_it_copies() -> None:
    # Both outlets print the same sentence; the first outlet's later sentence on the debate links
    # to it (0.43) but reports something else, and stays out (GroupSettings.copy_score).
    first = [
        "The attorney general has spoken of his service in Vietnam at several events.",
        "There was one problem: Mr. Blumenthal, a Democrat now running for the Senate, never served in Vietnam.",
        "He obtained at least five deferments from military service between 1965 and 1970.",
        "In a televised debate in March, Blumenthal stated clearly that he had not been to Vietnam.",
    ]
    second = [
        "The Connecticut Democrat is under fire over remarks about his military record.",
        "There was one problem: Mr. Blumenthal, a Democrat now running for the Senate, never served in Vietnam.",
        "His campaign said he had misspoken on a few occasions.",
    ]
    sentences = body_sentences([first, second])
    alignment = align(sentences, Settings())
    assert (3, 5) in alignment.links and alignment.similarity(1, 3) >= Settings().semantic_same_article_threshold
    assert alignment.groups == ((1, 5),)
    assert align(sentences, _without(copy_score=2.0)).groups == ((1, 3, 5),)


def test_a_line_in_lower_case_only_does_not_unmake_the_storys_names() -> None:
    # A tweet's signature or a handle ("cesar millan") writes a name in lower case as it writes
    # every word: the story still names Cesar Millan, for the weak-link check and the rest.
    sentences = body_sentences(
        [
            ["A hoax report claimed that dog whisperer Cesar Millan had died of a heart attack.", "cesar millan"],
            ["The report claiming that Cesar Millan died appears to be a celebrity death hoax."],
        ]
    )
    assert {"cesar", "millan"} <= story_names(sentences)
    assert "millan" not in story_names(body_sentences([["Cesar Millan died, the report said.", "The millan report was false."]]))


def test_a_lead_chain_does_not_join_two_leads_that_do_not_link() -> None:
    # Three outlets' leads: the first reports Romney's call and Akin's refusal; the second Romney's
    # call (0.72); the third's second lead sentence the party's vote at odds with Romney, with Akin's
    # comments as background, which links to the first (0.49) but not to the second (0.28, over
    # chain_floor): a lead chain (GroupSettings.lead_floor).
    first = [
        "Mitt Romney joined several other Republicans Tuesday in calling on Missouri Rep. Todd Akin to give up "
        "his bid for the Senate over his comments on rape, as the congressman vowed to stay in the race.",
        "Akin has until Tuesday evening to withdraw.",
    ]
    second = [
        "Presumptive GOP nominee Mitt Romney on Tuesday joined a chorus of Republicans calling for Rep. Todd Akin "
        "to quit the Senate race in Missouri.",
        "Party leaders fear the seat is lost.",
    ]
    third = [
        "Republicans approved a platform on Tuesday calling for a ban on abortion.",
        "The vote puts the party at odds with Mr. Romney, who supports exceptions for rape, at a time when comments "
        "by Representative Todd Akin, the Senate candidate in Missouri, have increased scrutiny of the issue.",
    ]
    sentences = body_sentences([first, second, third])
    alignment = align(sentences, Settings())
    assert (0, 5) in alignment.links
    assert Settings().grouping.chain_floor <= alignment.similarity(2, 5) < Settings().grouping.lead_floor
    assert alignment.groups == ((0, 2),)
    assert align(sentences, _without(lead_floor=0.0)).groups == ((0, 2, 5),)


def test_a_lead_that_denies_is_not_compared_as_a_lead_with_one_that_states_the_claim() -> None:
    # Three outlets' leads on the Gaza floods of February 2015 (FNC-1 bodies 1070, 1392, 1803): two
    # report the flooding after Israel opened dams; the second outlet's reports Israel's denial
    # of it, another development.  Centred on news in general, as two leads, the denial is close
    # to both and joins their group; centred on the story it is not (GroupSettings.lead_denial_apart).
    ma_an = [
        "GAZA CITY (Ma'an) -- Hundreds of Palestinians were evacuated from their homes Sunday morning after Israeli "
        "authorities opened a number of dams near the border, flooding the Gaza Valley in the wake of a recent severe winter storm.",
        "The Gaza Ministry of Interior said in a statement that civil defense services and teams from the Ministry of "
        "Public Works had evacuated more than 80 families from both sides of the Gaza Valley (Wadi Gaza) after their "
        "homes flooded as water levels reached more than three meters.",
    ]
    denial = [
        "Israel has rejected allegations by government officials in the Gaza strip that authorities were responsible "
        "for released storm waters flooding parts of the besieged area.",
        '"The claim is entirely false, and southern Israel does not have any dams," said a statement from the '
        "Coordinator of Government Activites in the Territorities (COGAT).",
    ]
    xinhua = [
        "GAZA, Feb. 22 (Xinhua) -- A Palestinian minister lashed out at Israel on Sunday after it opened its dams near "
        "the border with the Gaza Strip, flooding the central area of the besieged enclave with huge amounts of water.",
        "Mufid al-Hasaynah, minister of Housing and Public Works in the Palestinian unity government, told Xinhua that "
        "Israel deliberately increases the suffering of the Gazans.",
    ]
    sentences = body_sentences([ma_an, denial, xinhua])
    assert denies(sentences[2].text) and not denies(sentences[0].text) and not denies(sentences[4].text)
    # what it says of a report, not a thing called false or fake (the session-17 review)
    assert not denies("Papadopoulos pleaded guilty to making false statements to the FBI about his contacts.")
    assert not denies("A man carrying a fake bomb was arrested at the airport.") and not denies("Rubbish piled up in the streets.")
    assert denies("The ministry said the report was false.") and denies("He called the story fake news.")
    assert align(sentences, Settings()).groups == ((0, 4),)
    assert align(sentences, _without(lead_denial_apart=False)).groups == ((0, 4),)  # a claim and its denial (denial_max_score)
    assert align(sentences, _without(lead_denial_apart=False, denial_max_score=0)).groups == ((0, 2, 4),)


def test_a_claim_and_its_denial_do_not_share_a_group() -> None:
    # Three outlets on the Axl Rose death hoax of December 2014 (FNC-1 bodies 242, 1271, 1161): the
    # first passes on the report that he was found dead, the third the same report "allegedly", the
    # second says he is not dead "despite internet reports to the contrary".  The denial shares the
    # report's words and, as a lead, its main event: without the rule it joins the claim's group
    # (GroupSettings.denial_max_score; the denial links to the third (0.52), but not to the first).
    sources = [
        "Sources are reporting that music legend Axl Rose, last remaining original member of the Rock And Roll "
        "Hall Of Fame band Guns N' Roses, has been found dead at the age of 52.",
        "A neighbor has confirmed the residence belongs to Rose but police have not confirmed the man's identity at this time.",
    ]
    not_dead = [
        "Axl Rose is not dead, despite internet reports to the contrary — but that should come as no surprise to fans "
        "who by now have surely grown tired of the seemingly endless stream of online hoaxes falsely reporting the "
        "death of just about every major celebrity.",
        "The Axl Rose death hoax started on a bogus site forged to look like a page on the MSNBC website.",
    ]
    alleged = [
        "Rumors, claiming the Guns N’ Roses frontman allegedly died, started spreading online on Dec. 3, leaving fans "
        "shocked and saddened.",
        "Axl Rose was allegedly found dead in his West Hollywood home at age 52, according to a crazy new report.",
    ]
    sentences = body_sentences([sources, not_dead, alleged])
    assert align(sentences, Settings()).groups == ((0, 5),)
    assert align(sentences, _without(denial_max_score=0)).groups == ((0, 2, 5),)


def test_two_remarks_a_link_check_refuses_do_not_share_a_group_through_a_third() -> None:
    # Boehner's odds in three outlets (BASIL dev f11c2566): Fox's "'But there's a one-in-three chance
    # we could lose'" and HuffPost's "'I would say that there is a 2 in 3 chance that we win control of
    # the House again'" are two remarks whose quotations share no run of words (0.31: the quotation
    # check refuses the link), and the Times' sentence that quotes both joined them in one group of
    # five (GroupSettings.checks_apart): now each remark has its group, the Times' sentence the first.
    fox = [
        "John Boehner is setting expectations high -- but apparently not too high -- for this year's congressional elections, telling Fox News that the Democrats have a chance of retaking the House.",
        "The House speaker, in an interview with Fox News to air Tuesday morning, gave his Republican Party a \"two-in-three chance\" of holding on to control of the House after taking power in the 2010 elections.",
        "\"But there's a one-in-three chance we could lose,\" Boehner said.",
        "\"I'm being myself -- frank.",
    ]
    huffpost = [
        "House Speaker John Boehner (R-Ohio) admitted there's a \"1 in 3\" chance that the Republicans will lose their majority in the House of Representatives in an interview Tuesday on Fox News' \"America’s Newsroom.\"",
        "\"I would say that there is a 2 in 3 chance that we win control of the House again.",
        "But there’s a 1 in 3 chance that we could lose.",
        "And I’m being myself, frank, we’ve got a big challenge and we’ve got work to do,\" he said to Fox News' Bill Hemmer.",
    ]
    times = [
        "Speaker John A. Boehner of Ohio said on Monday that Republicans had a one-in-three chance of losing control of the House in November, a surprisingly downbeat assessment from a Republican leader who until now has expressed no fears of losing the gavel.",
        "In an interview with Fox News, to be shown on Tuesday, Mr. Boehner delivered what aides called a wake-up call to his troops.",
        "“I would say that there is a two-in-three chance that we win control of the House again, but there’s a one-in-three chance that we could lose, and I’m being myself, frank,” he said in an interview first posted online by the newspaper The Hill.",
        "“We’ve got a big challenge, and we’ve got work to do.”",
    ]
    sentences = body_sentences([fox, huffpost, times])
    assert align(sentences, Settings()).groups == ((0, 4, 8), (1, 5, 10), (2, 6), (7, 11))
    assert align(sentences, _without(checks_apart=False)).groups == ((0, 4, 8), (1, 2, 5, 6, 10), (7, 11))


def test_a_denial_is_told_from_a_claim_stated_or_relayed() -> None:
    # Which pairs are a claim and its denial (link_checks.denial_apart), on sentences of FNC-1 stories.
    claim = stated("Microsoft's campus in Silicon Valley will be patrolled by a team of five security guard robots.")
    denial = stated("Knightscope's co-founder said rumors that its K5 security robots are roaming Microsoft's campus are not true.")
    assert denial_apart(denial, claim) and denial_apart(claim, denial)
    doubted = stated("The story about a spider that burrowed through his scar might not be a completely accurate account, experts say.")
    assert denial_apart(doubted, stated("A tiny tropical spider burrowed through a small appendix scar and travelled up his torso."))
    own = stated("The 17-year-old, whose profile has circulated across the nation, says he did not make $72 million from trading stocks.")
    assert denial_apart(own, stated("A profile in New York magazine claims he has made $72 million trading stocks."))
    # Two denials agree; a negation in other words, or a doubt, is no plain statement of the claim.
    assert not denial_apart(denial, stated("Knightscope said its robots are not patrolling Microsoft's campus."))
    assert not denial_apart(denial, stated("Police have yet to trace the robots, which were seen near the campus."))
    assert not denial_apart(denial, stated("The rumours were rubbished by Microsoft within hours."))
    # A negated word of a claim stated plainly, not relayed, is a divergence the report shows, not a denial.
    negated = stated("The robots are not patrolling Microsoft's campus in Silicon Valley.")
    assert not denial_apart(negated, claim)
    assert denial_apart(negated, stated("Several reports claim robots are patrolling Microsoft's campus in Silicon Valley."))


def test_a_remark_on_an_earlier_case_stays_out_of_the_event_s_group() -> None:
    # Four outlets on the Gaza floods of February 2015 (FNC-1 bodies 158, 1967, 1070: their leads,
    # shortened); the fourth remarks that Israel has opened the dams before.  In the words of the
    # event, the remark is close to the leads (0.63, 0.52) and joins their group without the rule
    # (GroupSettings.earlier_max_score); it is about earlier floods, not this one.
    ma_an = [
        "Hundreds of Palestinians were evacuated from their homes Sunday morning after Israeli authorities opened a "
        "number of dams near the border, flooding the Gaza Valley.",
        "Gaza has experienced flooding in recent days amid a major storm that saw temperatures drop and frigid rain pour down.",
    ]
    rt = [
        "Palestinian officials say hundreds of Gazans were forced to evacuate after Israel opened the gates of several "
        "dams on the border, flooding at least 80 households.",
        "Photos of the flood have appeared in social networks, but the date when they were taken can't be independently verified as yet.",
    ]
    xinhua = [
        "A Palestinian minister lashed out at Israel on Sunday after it opened its dams near the border with the Gaza "
        "Strip, flooding the central area of the enclave.",
        "The minister told Xinhua that Israel deliberately increases the suffering of the Gazans.",
    ]
    fourth = [
        "Heavy rain is expected to continue in the region through Tuesday, the weather service said.",
        "This is not the first time that Israeli authorities have opened the dams, flooding Palestinian homes in the Gaza Valley.",
    ]
    sentences = body_sentences([ma_an, rt, xinhua, fourth])
    assert tells_earlier(sentences[7].text) and not any(tells_earlier(s.text) for s in sentences[:7])
    assert tells_earlier("This isn't the first time that cable service to the region has failed.")
    assert align(sentences, Settings()).groups == ((0, 1, 2, 4),)
    assert align(sentences, _without(earlier_max_score=0)).groups == ((0, 1, 2, 4, 7),)
    # The remark shares a group with a sentence on the earlier case, which names its time ("also", a year).
    earlier = "In Dec. 2013, Israeli authorities also opened the dams amid heavy flooding in the Gaza Strip."
    assert tells_of_the_past(earlier) and not tells_of_the_past(sentences[0].text)
    with_2013 = body_sentences([ma_an, rt, [*xinhua, earlier], fourth])
    assert align(with_2013, Settings()).groups == ((0, 1, 2, 4), (6, 8))


def test_a_number_in_common_links_weakly_only_with_the_thing_it_counts() -> None:
    # Fox and HuffPost on the vice-presidential debate (BASIL b5eefefb): "two more presidential
    # debates" and "the second of three debates for the two men" share the number 2 and the
    # story's words; 2 counts two different things (GroupSettings.weak_link_counted).
    fox = [
        "The dueling running mates turned the lone vice presidential debate into an uncharacteristically feisty "
        "affair, scrapping over everything from the economy to Libya to taxes.",
        "But it was the vice president who set the aggressive tone, blatantly striving to hit the reset after "
        "President Obama was panned for his lackluster performance at last week's opening debate.",
        "There are two more presidential debates on the calendar, and the polls have started to swing in Romney's favor.",
    ]
    huffpost = [
        "The vice president dominated the spotlight in the only debate between himself and Rep. Paul Ryan (R-Wis.), "
        "charging at Republican Mitt Romney's running mate from the get-go and bombarding him with a flurry of eye "
        "rolls, interjections and accusations.",
        "It was a performance by the vice president guaranteed to amp up -– and buck up -– worried Democrats, who "
        "had fallen into a paralysis of anxiety after the president's debate.",
        "It was the number one thing that Democrats had said Obama should have done last week, and it foreshadowed "
        "how the president will approach next Tuesday's debate with Romney, the second of three debates for the two "
        "men running for president.",
    ]
    sentences = body_sentences([fox, huffpost])
    low = replace(Settings(), semantic_link_threshold=0.25)  # their score is 0.30: a margin
    alignment = align(sentences, low)
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert low.semantic_link_threshold < alignment.similarity(2, 5) < low.weak_link_score
    assert (2, 5) not in alignment.links
    assert (2, 5) in align(sentences, replace(low, grouping=replace(low.grouping, weak_link_counted=False))).groups


def test_two_sentences_naming_other_weekdays_link_only_strongly() -> None:
    # BASIL cad4bba5: Fox and the Times report the Obama-Boehner meeting of Sunday, HuffPost the one
    # of Thursday.  "met Sunday afternoon" and "Thursday night's meeting ... have met in person"
    # share the people and the meeting (0.45): two events of one kind (GroupSettings.other_day_max_score).
    fox = [
        "President Obama was heading to Detroit Monday afternoon to continue campaigning for tax hikes on top "
        "earners -- a day after a face-to-face meeting with House Speaker John Boehner that offered slight hope "
        "the two could be making progress toward a deal.",
        'It came after Boehner publicly chided Obama on Friday for the lack of progress to date, accusing the '
        'president of having "wasted another week."',
        "The president and the speaker met Sunday afternoon at the White House for the first time in weeks.",
    ]
    huffpost = [
        "WASHINGTON -- President Barack Obama and House Speaker John Boehner (R-Ohio) met for nearly an hour on "
        "Thursday evening in their latest attempt to break the impasse on impending tax hikes and spending cuts.",
        "Boehner’s chief of staff, Mike Sommers, and his policy director, Brett Loper, were also in attendance.",
        "Thursday night’s meeting marks the second time in a week the president and House speaker have met in "
        "person, and comes after at least two phone calls in recent days.",
    ]
    sentences = body_sentences([fox, huffpost])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert Settings().semantic_link_threshold < alignment.similarity(2, 5) < Settings().grouping.other_day_max_score
    assert (2, 5) not in alignment.links
    assert (2, 5) in align(sentences, _without(other_day_max_score=0.0)).groups


def test_a_weekday_inside_a_name_is_no_day_of_the_fact() -> None:
    assert days_named("The president and the speaker met Sunday afternoon.") == {"Sunday"}
    assert days_named("On Sunday, Santorum said he was not questioning the president's faith.") == {"Sunday"}
    assert days_named("Thursday night’s meeting marks the second time in a week.") == {"Thursday"}
    assert days_named("He won most states on Super Tuesday, the Sunday Times reported.") == frozenset()
    assert days_named("Super Tuesday gave him six states; Good Friday services were held in Ohio.") == frozenset()
    assert days_named("Late Sunday, police said; on Black Friday, shops opened early.") == {"Sunday"}
    assert days_named("On Jan. 4, 2015, a year after CPAC 2014, he paid $2013 or 1999.5 in March 2013.") == {"2015", "2013"}
    assert other_days(days_named("in September 2013 on Sunday"), days_named("in 2014 on Sunday"))
    assert other_days(frozenset({"Sunday"}), frozenset({"Thursday"}))
    assert not other_days(frozenset({"Sunday"}), frozenset({"Sunday", "Thursday"}))
    assert not other_days(frozenset({"Sunday"}), frozenset())


def test_two_sentences_naming_other_years_link_only_strongly() -> None:
    # FNC-1 story on Apple Watch forecasts: BMO's for fiscal 2016 and UBS's for 2018 share the
    # watch, the sales and millions of units (0.42): two forecasts (GroupSettings.other_day_max_score).
    bmo = [
        "Momentum for the Apple Watch will likely take a short time to build driven mostly by apps, one analyst "
        "believes, with sales quickly escalating to 10 million units in the holiday 2015 shopping season.",
        "Keith Bachman of BMO Capital Markets believe Apple will sell 19 million Apple Watch units in calendar year "
        "2015, with more than half of those being sold in the December quarter.",
        "For fiscal year 2016, Bachman believes Apple will sell 36.5 million of the Apple Watch, growing to 10.9 "
        "percent of iPhone users by September of 2016.",
    ]
    ubs = [
        "A new survey from UBS suggests that the Apple Watch could get off to a strong start, leading the investment "
        "firm to predict sales of 24 million units and gross profit of $3.4 billion from the wearable device in its "
        "first few months alone.",
        "Looking to fiscal 2016, Milunovich's estimates increase to 40 million units, resulting in $17 billion in "
        "sales and $6.2 billion in profit.",
        "And by 2018, his projections call for Apple to be selling 67.6 million Apple Watch units in a single fiscal year.",
    ]
    sentences = body_sentences([bmo, ubs])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert Settings().semantic_link_threshold < alignment.similarity(2, 5) < Settings().grouping.other_day_max_score
    assert (2, 5) not in alignment.links
    assert (1, 2, 5) in align(sentences, _without(other_day_max_score=0.0)).groups


def test_an_articles_sentence_that_only_resembles_the_one_another_outlet_copies_is_another_fact() -> None:
    # FNC-1 (bodies 1462, 444, 272): two outlets print the wire's "Police said the woman had been
    # identified as ..."; the first also tells, three sentences earlier, how a nurse found her
    # (0.52 with the copy).  The identification and the finding are two facts: until the copy rule
    # asked 0.7 of the other sentence (``GroupSettings.copy_second_score``), one group held both.
    found = "A nurse found the woman, named locally as 24-year-old Li Zhenghua, with her jaws clamped firmly around the infant's arm."
    named = "Police said the woman had been identified as 24-year-old Li Zhenghua."
    sentences = body_sentences([
        [found, "She raised the alarm and tried to pull the baby free, but the mum refused to let go.", named],
        ['After that they gave her a sedative and took the baby to a secure location."', named],
        [
            "The woman, named locally as 24-year-old Li Zhenghua, was found trying to eat the child while in a "
            "hospital ward in Shenzhen, southern China, recovering from the birth."
        ],
    ])
    alignment = align(sentences, Settings(lead_sentences=0))
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert [[sentences[i].id for i in g] for g in alignment.groups] == [["a0:0", "a2:0"], ["a0:2", "a1:1"]]


def test_two_facts_each_held_by_two_outlets_stay_two_groups() -> None:
    # FNC-1 (bodies 2013, 2098, one story translated twice): his health deteriorated after an
    # allergic reaction; colleagues took him to hospital, where nothing worked.  Each pair is
    # one fact (0.76); across they share the episode (0.32 to 0.36), and the same article's two
    # sentences 0.39, over the bar for one article's sentences that repeat each other (0.35):
    # until ``GroupSettings.merge_mean`` one group held both facts.
    first = [
        "The young man’s health rapidly deteriorated after he suffered an unexplained allergic reaction, and all the drugs "
        "used to refrain the anaphylaxis were entirely inefficient.",
        "The team of experts claims to have been able to determine that the genetically modified tomatoes that the victim "
        "ingested at lunch were the cause of the allergic reaction that caused his death.",
        "The young man was rapidly carried to the hospital by co-workers, but the medical staff was unable to identify the "
        "cause of his allergic reaction in time and none of the usual treatments or drugs seemed to work.",
    ]
    second = [
        "The health of the young man quickly deteriorated after suffering an allergic reaction unexplained, and all drugs "
        "used to contain anaphylaxis have been totally ineffective.",
        "The team of experts claims to have been able to determine that genetically modified tomatoes that the victim "
        "ingested at lunch, were the cause of the allergic reaction that caused his death.",
        "The young man was quickly taken to hospital by colleagues, but the medical staff could not identify the cause of "
        "the allergic reaction in the time and no treatments or conventional medications seemed to work.",
    ]
    sentences = body_sentences([first, second])
    settings = Settings(lead_sentences=0)
    alignment = align(sentences, settings)
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert alignment.groups == ((0, 3), (1, 4), (2, 5))
    merged = align(sentences, replace(settings, grouping=replace(settings.grouping, merge_mean=0.0))).groups
    assert merged == ((0, 2, 3, 5), (1, 4))


def test_a_plain_negative_fact_is_no_denial_of_the_other_outlet_s_wording() -> None:
    # Two outlets on one shooting.  "Police said they have not released ...", "Detectives said they did
    # not know ...", "Reyes said he did not see ..." state facts that the other outlet tells without a
    # negation; none disputes a claim, and each pair shares a group as it did before the denial rule.
    first = [
        "A 34-year-old man was shot and killed outside a convenience store on Elm Street late Saturday, police said.",
        "Police said they have not released the victim's name until his family is notified.",
        "Detectives said they did not know what led to the shooting.",
        "The driver of the car, Tom Reyes, said he did not see the gunman.",
    ]
    second = [
        "A man in his 30s died after being shot in front of a store on Elm Street on Saturday night, according to police.",
        "The victim's name is being withheld pending notification of his relatives.",
        "The motive for the shooting remains under investigation, detectives said.",
        "Reyes, who was driving past, told officers the gunman was hidden behind a van.",
    ]
    sentences = body_sentences([first, second])
    assert not any(denial_apart(stated(first[k]), stated(second[k])) for k in (1, 2, 3))
    assert align(sentences, Settings()).groups == align(sentences, _without(denial_max_score=0)).groups
    assert {(1, 5), (2, 6), (3, 7)} <= set(align(sentences, Settings()).groups)
    # Nor do rumours that swirled dispute anything; rumours dismissed do.
    fell = stated("Shares of Acme fell 8 percent on Tuesday as rumors swirled that its chief executive would step down.")
    assert not fell.disputes and not denial_apart(fell, stated("Acme stock dropped sharply on Tuesday."))
    assert denial_apart(stated("The company dismissed the reports as rumors."), stated("Acme will close its plant in Ohio."))


def test_a_count_of_the_event_told_beside_it_is_no_remark_on_an_earlier_case() -> None:
    # "..., the second case of the disease contracted in the United States" counts the event the
    # sentence tells (link_checks.tells_earlier): the lead keeps its headline and the other outlet's lead.
    assert not tells_earlier(
        "A nurse tested positive for Ebola on Wednesday in Dallas, the second case of the disease contracted in the United States."
    )
    assert tells_earlier("It was the second case of the disease contracted in the United States.")
    articles = {
        "a": ("Second Texas health worker tests positive for Ebola", "DALLAS — A second health care worker at a Dallas "
              "hospital has tested positive for Ebola, Texas health officials said Wednesday."),
        "b": ("Dallas nurse has Ebola", "A nurse tested positive for Ebola on Wednesday in Dallas, the second case of the "
              "disease contracted in the United States, health officials said."),
    }
    sentences = [
        Sentence(f"{a}:{k}", a, k, text, len(title) + 2 if k else 0, (len(title) + 2 if k else 0) + len(text), k, "body" if k else "title")
        for a, (title, lead) in articles.items()
        for k, text in enumerate((title, lead))
    ]
    assert align(sentences, Settings()).groups == ((0, 1, 2, 3),)


def test_pairs_kept_apart_are_read_by_the_members_of_a_merge_when_fewer() -> None:
    """A story of many articles, each with a remark on an earlier case, keeps thousands of pairs apart
    (Chain.apart); a merge of two small groups looks up its few pairs across them, not every pair kept
    apart (a 25-article story took twice the time to compare, most of it here)."""
    from compare.grouping import _denied, _Members

    class Unread(frozenset[tuple[int, int]]):
        def __iter__(self) -> Iterator[tuple[int, int]]:
            raise AssertionError("every pair kept apart read for one merge")

    apart = Unread({(i, i + 5000) for i in range(5000)} | {(3, 7)})
    first, second, third = _Members(3, 0, 0), _Members(7, 1, 1), _Members(8, 2, 2)
    assert _denied(first, second, apart) and _denied(second, first, apart) and not _denied(first, third, apart)
    few = frozenset({(3, 7)})  # fewer pairs kept apart than pairs across: read as they are
    assert _denied(first, second, few) and not _denied(second, third, few)


def test_a_fact_written_with_a_spaced_decimal_point_links_as_one_sentence() -> None:
    """ECB+ 24_ecbplus (the Paris jewellery heist) writes decimals and times with a space after the
    dot ("$2. 6 million", "(11. 30 p. m. ET)", "at around 4. 30am"): cut there, each sentence was two
    pieces, the time and the ramming in different ones, and the two outlets' sentences on how the
    thieves rammed the store at 4:30 were left unmatched; read as one number, they link."""
    from compare import compare

    cnn = (
        "Thieves in $2. 6 million smash-and-grab raid on Paris jewelry store\n"
        "A smash-and-grab on a high end Paris store saw four robbers make off with jewelry and watches valued at over $2. 6 million early Monday.\n"
        "At around 4:30 a. m. local time (11. 30 p. m. ET) the thieves rammed an SUV into the front of the Casty store, near the prestigious Place Vendome."
    )
    afp = (
        "Paris Store Hit by $2. 6 Million Jewelry Heist\n"
        "Four men rammed their car into an upmarket jewelry store in central Paris on Monday, smashing the shop window and stealing $2. 6 million (two million Euros) in jewelry, according to AFP.\n"
        "A police source said the men drove a large four-by-four car into the store at around 4. 30am and grabbed jewellery and luxury watches."
    )
    c = compare([{"id": "cnn", "text": cnn}, {"id": "afp", "text": afp}], Settings())
    assert [len(a.sentences) for a in c.articles] == [3, 3]
    assert [g.members for g in c.groups] == [("cnn:0", "cnn:1", "afp:0", "afp:1"), ("cnn:2", "afp:2")]
    assert all(not ids for _, ids in c.unique)


def test_a_short_crosshead_links_to_nothing() -> None:
    """A crosshead labels a section: "Foreign observers" joined two outlets' sentences on the observers
    (blind reading 21's kind; articles written for the test)."""
    from compare import compare

    one = (
        "Voters in the republic chose a new parliament on Sunday in the first election under the new constitution.\n\n"
        "Foreign observers\n\n"
        "For the first time the government allowed foreign observers to watch the vote in every district."
    )
    two = (
        "The republic elected a new parliament on Sunday, the first vote under its new constitution.\n\n"
        "In another first, the government allowed foreign observers to watch the vote in every district."
    )
    c = compare([{"id": "one", "text": one}, {"id": "two", "text": two}], Settings())
    heading = next(s for s in c.articles[0].sentences if s.text == "Foreign observers")
    assert heading.role == "heading"
    assert not any(heading.id in g.members for g in c.groups)
    assert any({"one:2", "two:1"} <= set(g.members) for g in c.groups)


def test_a_reminder_alone_links_no_two_claims() -> None:
    """Blind reading 22 (ECB+ 07_ecb, written anew here): three outlets remind the reader that Rahman
    beat Lennox Lewis in 2001, each around a claim of its own (he barely landed a punch; he looked a
    shadow of that fighter; his record since).  The shared words ("2001") lie only in a background
    clause (``GroupSettings.background_max_score``): no group.  The leads and the fight's other facts
    still group."""
    first = [
        "Wladimir Klitschko stopped Hasim Rahman in the seventh round to keep his heavyweight titles in Mannheim.",
        "Klitschko's left jab troubled the American from the opening bell.",
        "The crowd of 12,000 at the SAP-Arena cheered every punch.",
        "Rahman, who famously beat Lennox Lewis to become heavyweight champion of the world in 2001, barely landed "
        "a punch as the Ukrainian dominated the encounter from start to finish.",
    ]
    second = [
        "Wladimir Klitschko retained his heavyweight titles with a seventh-round stoppage of Hasim Rahman in Mannheim.",
        "The American looked clueless as Klitschko pounded his face with a sharp left jab.",
        "Referee Tony Weeks warned his corner in the sixth.",
        "Rahman, who took the fight at late notice after the mandatory challenger pulled out through injury, looked "
        "a shadow of the fighter that floored Lennox Lewis to win the title in 2001.",
    ]
    third = [
        "Wladimir Klitschko defended his heavyweight titles in Germany with a lopsided win over Hasim Rahman.",
        "Klitschko dominated the early rounds with hard jabs that Rahman could not answer.",
        "Mismatches like this one do little for heavyweight boxing.",
        "Rahman fell to 45-7-2 and is now 10-5-2 with one no contest since knocking out Lennox Lewis in 2001.",
    ]
    sentences = body_sentences([first, second, third])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert (0, 4, 8) in alignment.groups
    assert not any({3, 7, 11} & set(g) for g in alignment.groups), alignment.groups
    off = Settings()
    off = replace(off, grouping=replace(off.grouping, background_max_score=0.0))
    assert (3, 7, 11) in align(sentences, off).groups


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Rahman, who famously beat Lewis in 2001, barely landed a punch.", [", who famously beat Lewis in 2001"]),
        ("Rahman is 10-5-2 since knocking out Lewis in 2001.", ["since knocking out Lewis in 2001"]),
        ("Theodore J. Boutrous Jr., a lawyer for Wal-Mart, said the women's experiences differed.", ["a lawyer for Wal-Mart"]),
        # a relative clause that ends the sentence often tells the news; what was said is the claim
        ("Klitschko dominated the former champion, who barely landed a blow.", []),
        ("He said that in 2001 the company paid women less.", []),
        ("He worried about his wife, Huma Abedin, an aide to Hillary Clinton.", ["an aide to Hillary Clinton"]),
        ("In New York, the Senate voted on a bill.", []),
    ],
)
def test_background_spans(text: str, background: list[str]) -> None:
    assert [text[a:b] for a, b in background_spans(text)] == background


def test_a_reminder_links_no_claim_however_close_the_wording() -> None:
    """Blind reading 11 (BASIL c21cb217, written anew here): two outlets' "Weiner, 46, is married to
    Huma Abedin, an aide to Secretary of State Hillary Clinton." and the Times' concern about the toll
    on "his wife, Huma Abedin, an aide to Secretary of State Hillary Clinton." share only who she is
    (an appositive in each), at 0.5 or more: no link at any score short of the same words
    (``GroupSettings.background_max_score`` 1.0)."""
    fox = [
        "Rep. Anthony Weiner said Wednesday he did not send a lewd photo to a college student via Twitter.",
        "Weiner said his account was hacked and that he has hired a lawyer to look into it.",
        "The photo was sent to a 21-year-old woman in Seattle last weekend.",
        "Weiner, 46, is married to Huma Abedin, an aide to Secretary of State Hillary Clinton.",
    ]
    hpo = [
        "Rep. Anthony Weiner insisted on Wednesday that he did not send the lewd photo from his Twitter account.",
        "He said he could not say with certainty whether the picture was of him.",
        "The woman told a newspaper that she had never met the congressman.",
        "Weiner, 46, is married to Huma Abedin, an aide to Secretary of State Hillary Clinton.",
    ]
    nyt = [
        "Representative Anthony D. Weiner said on Wednesday that he had not sent a lewd photograph to a woman on Twitter.",
        "He said he had hired a private security firm to investigate how the photo was sent.",
        "He said he did not know the woman who received the photo.",
        "The congressman also expressed concern about the toll the episode was taking on his wife, Huma Abedin, "
        "an aide to Secretary of State Hillary Clinton.",
    ]
    sentences = body_sentences([fox, hpo, nyt])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert alignment.similarity(3, 11) >= 0.5
    assert (3, 7) in alignment.groups and not any(11 in g for g in alignment.groups), alignment.groups
    half = Settings()
    half = replace(half, grouping=replace(half.grouping, background_max_score=0.5))
    assert (3, 7, 11) in align(sentences, half).groups
