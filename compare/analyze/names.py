"""One person or place named in two spellings by two versions of a fact: the ``name`` difference
("Latonya Brown" against "Latoya Brown"; "Mourad" against "Murad", a transliteration).

Two versions of one fact from different articles name the same one in two spellings when a name
word of each is close in spelling to one of the other (``DifferenceSettings.name_spelling``), the
two stand in the same name (the rest of it alike: "Latonya Brown" / "Latoya Brown", or every word
of it close: "Muammar Gaddafi" / "Moammar Qaddafi"; a name of one word only when closer still and
with the same word beside it, ``name_single_spelling``: "of Kobane" / "of Kobani"), and neither
article ever writes the other's form: an article that writes both names two people ("John Smith"
and "Jane Smith" are two people whatever their spelling, and never close enough).  Not two forms
of one word ("Russia" / "Russian", "Obama" / "Obama's"), two places the table of places knows
("Austria" / "Australia"), two spellings both common (``name_common_zipf``: "Theatre" / "Theater",
"Mark" / "Mary"), a month or a weekday misspelt ("Wendesday"), a British spelling ("Technicolour"), nor the words of a headline in Title Case.
A difference made only of vowels, an "h" and the letters transliterations swap ("g" / "q", "c" /
"k", "p" / "b") is a transliteration or spelling variant, not a conflict (:func:`transliterated`), but for a
last "a" against an "o", "e" or "i" ("Roberto" / "Roberta": two names, one of them wrong)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from compare.analyze.event_places import containers
from compare.analyze.quote_wording import american
from compare.analyze.shared import WORDS
from compare.difference_settings import DifferenceSettings
from compare.models import Difference, Sentence
from compare.similarity import common_opener, normalise_word, word_prior
from compare.text import CALENDAR_NAMES, unaccented

Pairs = Sequence[tuple[int, int]]
_RULES = DifferenceSettings()

# An Arabic article or patronymic fixed to a name ("al-Qaddafi", "bin-Laden"): the name is what follows.
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|ar|an|at|az|ibn|bin|abu)[-‐](?=[^\W\d_])", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_WORD = re.compile(r"[\w'’]+")
_CALENDAR = frozenset(name.lower() for name in CALENDAR_NAMES)  # capitalised words, no names


@dataclass(frozen=True, slots=True)
class _Name:
    """A run of capitalised words of a sentence ("Sgt. Mourad Mourad"): the sentence, and the run's words
    (hyphens apart), folded."""

    text: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # each word's place in the sentence

    def beside(self) -> set[str]:
        """The words just before and just after the name in its sentence, lower case."""
        before = _WORD.findall(self.text, 0, self.spans[0][0])[-1:]
        after = _WORD.findall(self.text, self.spans[-1][1])[:1]
        return {w.lower() for w in before + after}

    def around(self, i: int) -> str:
        """Word ``i`` with the word of the name on either side, as the sentence writes them: "Reince
        Priebus" of "Wisconsin Republican Party Chairman Reince Priebus"."""
        return self.text[self.spans[max(0, i - 1)][0] : self.spans[min(len(self.spans) - 1, i + 1)][1]]


# Letters whose accent NFKD does not take off, as English text writes them ("Wałęsa" / "Walesa",
# "Đoković" / "Djokovic", "Løkke" / "Lokke", "Strauß" / "Strauss").
_PLAIN_LETTERS = str.maketrans({"ł": "l", "đ": "dj", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th", "ħ": "h"})


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A name word as it is compared: lower case, without accents, a fixed particle ("al-"), a
    possessive and apostrophes.  Remembered: an article's words repeat (:func:`article_words`
    folds every word of each article compared)."""
    word = _POSSESSIVE.sub("", _PARTICLE.sub("", word))
    return unaccented(word).lower().translate(_PLAIN_LETTERS).replace("'", "").replace("’", "")


_PART = re.compile(r"[^-‐]+")


def _parts(word: str, start: int = 0) -> list[tuple[str, int, int]]:
    """The folded parts of a word, hyphens apart ("New Zealand-born": "zealand", "born";
    "Aoraki-Mount": "aoraki", "mount"), each with its place (``start``: the word's)."""
    particle = _PARTICLE.match(word)
    skip = len(particle.group()) if particle else 0
    found = [(m.group(), start + skip + m.start(), start + skip + m.end()) for m in _PART.finditer(word[skip:])]
    return [(fold(part), begin, end) for part, begin, end in found if part[:1].isupper()]  # not "born" of "Zealand-born"


def _is_name_word(word: str) -> bool:
    bare = _PARTICLE.sub("", word)
    return bare[:1].isupper() and not (bare.isupper() and len(bare) > 1)  # "NYPD", "SWAT": an acronym


def names(text: str, rules: DifferenceSettings = _RULES) -> list[_Name]:
    """The runs of capitalised words of ``text``, words side by side with only spaces between; a
    first word of the sentence (or of a quotation) only when it is rarer than ``rules.name_zipf``, never a
    stopword ("The", "He").  None in a headline written in Title Case (``rules.name_title_case``)."""
    name_zipf = rules.name_zipf
    words = list(WORDS.finditer(text))
    capitalised = [m for m in words if _is_name_word(m.group())]
    if len(words) >= 4 and len(capitalised) >= rules.name_title_case * len(words):
        return []
    runs: list[list[re.Match[str]]] = []
    for m in capitalised:
        token = normalise_word(m.group())
        if token is None:
            continue  # "The", "I"
        if common_opener(text, m.start(), token, name_zipf):
            continue  # "Police said", "Officials"
        last = runs[-1][-1] if runs else None
        if last and not text[last.end() : m.start()].strip(" ") and _parts(last.group())[-1][2] == len(last.group()):
            runs[-1].append(m)  # not after "Gomes-and", "Zealand-born"
        else:
            runs.append([m])
    out = []
    for run in runs:
        parts = [p for m in run for p in _parts(m.group(), m.start())]
        out.append(_Name(text, tuple(p[0] for p in parts), tuple((p[1], p[2]) for p in parts)))
    return out


@lru_cache(maxsize=256)
def article_words(text: str) -> frozenset[str]:
    """Every word of an article's text, folded as names are (:func:`fold`)."""
    return frozenset(fold(p) for w in WORDS.findall(text) for p in _PART.findall(_PARTICLE.sub("", w)))


# Endings of one word's other forms that the stemmer leaves apart: "Islamic" / "Islamist", "Communist" /
# "Communism", "Kurdish" / "Kurds", "Texas" / "Texan".
_FORMS = ("ism", "ist", "ic", "ish", "an", "n", "s")


def _stems(word: str, shortest: int) -> set[str]:
    return {word} | {word[: -len(end)] for end in _FORMS if word.endswith(end) and len(word) - len(end) >= shortest}


def _close(x: str, y: str, ratio: float, shortest: int) -> bool:
    """Two folded words spelt alike to ``ratio`` (difflib's), not one word and its other form
    ("russia" / "russian", "clinton" / "clintons", "obama" / "obamas", "islamic" / "islamist", "texas" /
    "texan"); neither shorter than ``shortest`` letters (``DifferenceSettings.name_shortest``)."""
    if x == y or min(len(x), len(y)) < shortest or x.startswith(y) or y.startswith(x) or _stems(x, shortest) & _stems(y, shortest):
        return False
    if normalise_word(x) == normalise_word(y):
        return False
    # difflib's ratio depends on the order ("khamenei" / "khameini": 0.875 one way, 0.75 the other):
    # the closer reading, so that the verdict does not depend on which article comes first
    return max(SequenceMatcher(None, x, y, autojunk=False).ratio(), SequenceMatcher(None, y, x, autojunk=False).ratio()) >= ratio


def _zipf(word: str) -> float:
    token = normalise_word(word)
    return word_prior().get(token, 0.0) if token else 0.0


def _same_name(a: _Name, b: _Name, i: int, j: int, rules: DifferenceSettings) -> bool:
    """Words ``i`` of ``a`` and ``j`` of ``b``, spelt alike, stand in the same name: a word next to
    them is the same in both ("Latonya Brown" / "Latoya Brown", "Sgt. Mourad" / "Sgt. Murad"), or
    the two names have as many words and each of them is the same or close ("Muammar Gaddafi" /
    "Moammar Qaddafi")."""
    for step in (-1, 1):
        k, m = i + step, j + step
        if 0 <= k < len(a.words) and 0 <= m < len(b.words) and a.words[k] == b.words[m]:
            return True
    if len(a.words) == len(b.words) > 1:
        return all(x == y or _close(x, y, rules.name_spelling, rules.name_shortest) for x, y in zip(a.words, b.words, strict=True))
    return False


def _alone_alike(a: _Name, b: _Name, x: str, y: str, rules: DifferenceSettings) -> bool:
    """Two names of one word each are one name spelt two ways when they are alike to
    ``DifferenceSettings.name_single_spelling`` and a word just before or after them is the same
    ("strongman Muammar" / "strongman Moammar", "in Kobane" / "in Kobani")."""
    return len(a.words) == len(b.words) == 1 and _close(x, y, rules.name_single_spelling, rules.name_shortest) and bool(a.beside() & b.beside())


def _spelt_apart(
    a: Sequence[_Name], b: Sequence[_Name], words_a: frozenset[str], words_b: frozenset[str], rules: DifferenceSettings
) -> Iterator[tuple[str, str, str, str]]:
    """The names of one version and of another (``words_*``: their articles' words) that are one name
    spelt two ways: the two names as written (:meth:`_Name.around`) and the two words that differ.
    Only the words the other article does not write are paired: a paragraph of "by X " 8,000 times in
    two articles paired every two of its names only to pass over their shared word (18 s of CPU)."""
    theirs = [(q, own) for q in b if (own := [(j, y) for j, y in enumerate(q.words) if y not in words_a])]
    for p in a:
        mine = [(i, x) for i, x in enumerate(p.words) if x not in words_b]
        if not mine:
            continue
        for q, own in theirs:
            for i, x in mine:
                for j, y in own:
                    if not _close(x, y, rules.name_spelling, rules.name_shortest):
                        continue
                    if not (_same_name(p, q, i, j, rules) or _alone_alike(p, q, x, y, rules)):
                        continue
                    if american(x) == american(y):
                        continue  # "Technicolor" / "Technicolour": a house style
                    if (containers(x) and containers(y)) or min(_zipf(x), _zipf(y)) >= rules.name_common_zipf:
                        continue  # "Austria" / "Australia": two places; "Theatre" / "Theater": two words
                    if x in _CALENDAR or y in _CALENDAR:
                        continue  # "Wendesday" / "Wednesday": a day misspelt, no name
                    yield p.around(i), q.around(j), x, y


# Letters that transliterations of one name swap ("Gaddafi" / "Qaddafi", "Pyong" / "Byong", "Carolos" /
# "Karolos"), and one vowel for another ("Muammar" / "Moammar").
_SWAPS = frozenset(
    frozenset(pair)
    for pair in (
        ("g", "q"), ("k", "q"), ("c", "k"), ("g", "k"), ("kh", "h"), ("kh", "k"), ("ch", "k"), ("gh", "g"),
        ("dh", "d"), ("dh", "dd"), ("h", "d"), ("th", "t"), ("ph", "f"), ("j", "y"), ("j", "g"), ("z", "s"),
        ("sh", "ch"), ("x", "ks"), ("w", "ou"), ("w", "u"), ("d", "t"), ("p", "b"), ("ch", "j"),
        *((v, w) for v in "aeiouy" for w in "aeiouy" if v < w),
    )
)
_VOWELS = frozenset("aeiouy")
# Last vowels that make a man's name a woman's ("Roberto" / "Roberta", "Giovanni" / "Giovanna", "Simone" /
# "Simona"): a last "e" / "i" is a transliteration ("Kobane" / "Kobani"), and so is "i" / "y" ("Dmitri").
_GENDERED = frozenset(frozenset(("a", v)) for v in "oei")


def transliterated(x: str, y: str) -> bool:
    """Two folded spellings of a name that differ only as transliterations do: letters swapped as
    ``_SWAPS`` says, a vowel or an "h" more or less ("Mourad" / "Murad", "Dmitry" / "Dimitry", "Gadhafi" /
    "Gadafi"; a "y" only beside a vowel, "Kazarian" / "Kazaryan").  Not a last "a" for an "o", "e" or "i"
    ("Roberto" / "Roberta": two names), a doubled letter ("Hefner" / "Heffner", "Paris" / "Parris"), two
    letters in the other order ("Priebus" / "Preibus") or any other letter more or less ("Latonya" /
    "Latoya"): a misspelling.  Read both ways (difflib's opcodes depend on the order: "khamenei" /
    "khameini" is a vowel more and a vowel less one way, two letters more and two less the other): a
    transliteration only when both readings say so, whichever article comes first."""
    return _transliterated_one_way(x, y) and _transliterated_one_way(y, x)


def _transliterated_one_way(x: str, y: str) -> bool:
    if sorted(x) == sorted(y):
        return False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        left, right = x[i1:i2], y[j1:j2]
        if i2 == len(x) and j2 == len(y) and frozenset((left, right)) in _GENDERED:
            return False  # "Roberto" / "Roberta", "Daniele" / "Daniela": two names, not two spellings
        if tag == "equal" or frozenset((left, right)) in _SWAPS:
            continue
        if tag == "replace" or len(left + right) != 1:
            return False
        letter, word, at = (left, x, i1) if left else (right, y, j1)
        beside = word[at - 1 : at] + word[at + 1 : at + 2]
        if letter not in "aeiouh" and not (letter == "y" and set(beside) & _VOWELS):
            return False  # "Jermayne" / "Jerymayne": a "y" between consonants
        if letter in beside:
            return False  # "Naser" / "Nasser", "Hefner" / "Heffner": a letter doubled
    return True


def name_differences(
    members: Sequence[Sentence],
    pairs: Pairs,
    article_texts: Mapping[str, str],
    rules: DifferenceSettings = _RULES,
) -> list[Difference]:
    """Versions (``pairs`` of indexes into ``members``, from different articles) that name one person or
    place in two spellings (see the module's docstring); ``article_texts``: each article's text
    (:func:`~compare.analyze.quote_wording.plain_text`).  One difference per name, its values each
    version's form of it; a conflict unless every two forms are transliterations of each other."""
    if rules.name_spelling > 1:
        return []
    found = [names(m.text, rules) for m in members]
    words = {m.article: article_words(article_texts.get(m.article, m.text)) for m in members}
    groups: list[tuple[set[str], dict[str, str], list[tuple[str, str]]]] = []  # (folded words, values, pairs)
    for a, b in pairs:
        ma, mb = members[a], members[b]
        for p, q, x, y in _spelt_apart(found[a], found[b], words[ma.article], words[mb.article], rules):
            group = next(
                (g for g in groups if x in g[0] or y in g[0] or g[1].get(ma.id) == p or g[1].get(mb.id) == q), None
            )  # "Muammar Gaddafi" / "Moammar Qaddafi": one name, two words apart
            if group is None:
                group = (set(), {}, [])
                groups.append(group)
            group[0].update((x, y))
            group[1].setdefault(ma.id, p)
            group[1].setdefault(mb.id, q)
            group[2].append((x, y))
    out = []
    for _, values, spelt in groups:
        variant = all(transliterated(x, y) for x, y in spelt)
        forms: dict[str, str] = {}  # each form as first written: "Hugh Hefner" and "Hugh Hefner's" are one
        for v in values.values():
            forms.setdefault(" ".join(fold(w) for w in v.split()), v)
        shown = " against ".join(f"'{v}'" for v in forms.values())
        how = "a transliteration or spelling variant" if variant else "one name spelt two ways"
        out.append(Difference("name", f"{shown} ({how})", tuple(values.items()), conflict=not variant))
    return out
