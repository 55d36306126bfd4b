"""One measure given two values: "the blaze killed 12 workers" / "the 9 workers killed", "a mother
of 13" / "a mother of 12", "the Colts (10-5)" / "a 9-5 season" (issue 11).

A number is a content token (:func:`compare.similarity.analyse`: "twelve" is "12", "Aug." is the
month's name) and weighs as much as the rarest word.  Two sentences that make one claim with two
values lose a shared word and gain two unshared ones, and a short sentence whose value is most of
its substance falls under the link threshold: the typed differences (a number or a date in
conflict) are never shown, because the two versions are in no group together.

A number of one sentence and a number of the other stand in one *slot* when the content token right
before both is the same, or the token right after both is ("12 workers" / "9 workers"; "10 5" /
"9 5"), and their surroundings share another token ("killed"; ``GroupSettings.value_slot_near``).
The aligner links such a pair as if the values were the same (:meth:`ValueSlots.swapped`: the second
sentence's tokens with its value replaced by the first's), so the pair links when the rest of the
claim does, and the conflict is left to :mod:`compare.analyze` to show.  The report's scores of the
pair stay those of the words as written.  A value is never swapped when it is given in the other
sentence too ("21 percent ... 17 percent" against "17 percent ... 21 percent"), nor when the other
article gives it anywhere in the same slot: there it is another thing's ("a 41-yard touchdown pass
to Wayne" against "a 12-yard touchdown pass to Clark", in articles that both tell of both passes).

What analyze shows is its own: of the fire's toll it shows the number conflict; of "Mother of 13
Zurana Horton" it reads no count of children and of "(10-5)" no record, so those pairs now share a
group with no difference shown (``benchmarks/labels/issue11-s23-conflicts.json``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from compare.settings import Settings
from compare.similarity import Features, informativeness, lexical_score

Slot = tuple[str, str]  # (the neighbouring token, "before" or "after")


def is_value(token: str) -> bool:
    """Whether a content token is a number (a count, a part of a date, a score)."""
    return token[0].isdigit()


def slots(tokens: Sequence[str]) -> list[tuple[int, Slot]]:
    """Each number's position in ``tokens`` with each of its slots (the token before it, the token after)."""
    out: list[tuple[int, Slot]] = []
    for k, token in enumerate(tokens):
        if not is_value(token):
            continue
        if k > 0:
            out.append((k, (tokens[k - 1], "before")))
        if k + 1 < len(tokens):
            out.append((k, (tokens[k + 1], "after")))
    return out


class ValueSlots:
    """The slots of every sentence's numbers (``token_lists``: each sentence's content tokens), and
    which pairs of sentences of different articles give one slot two values.  ``near``: how many
    tokens on each side of a value are its surroundings (``GroupSettings.value_slot_near``);
    ``names``: the tokens of the story's names (:func:`~compare.similarity.story_names`): two
    sentences that each name someone the other does not tell of two subjects, and swap nothing."""

    def __init__(
        self, token_lists: Sequence[Sequence[str]], article_of: Sequence[int], most: int, near: int = 3, names: frozenset[str] = frozenset()
    ) -> None:
        self.tokens = token_lists
        self._names = [frozenset(tokens) & names for tokens in token_lists]  # names: the story's name tokens
        self.article_of = article_of
        self.most, self.near = most, near
        self._slots = [slots(tokens) for tokens in token_lists]
        self._values = [frozenset(t for t in tokens if is_value(t)) for tokens in token_lists]
        given: dict[int, set[tuple[str, Slot]]] = defaultdict(set)  # each article's values by slot
        for i, found in enumerate(self._slots):
            given[article_of[i]].update((token_lists[i][k], slot) for k, slot in found)
        self._given = given
        self._swaps: dict[tuple[int, int], tuple[str, ...] | None] = {}  # swapped(i, j), read by candidates, the score and shared_weight

    def candidates(self, allowed: Callable[[int, int], bool] | None = None) -> set[tuple[int, int]]:
        """The pairs ``(i, j)``, ``i < j``, of different articles with two values in one slot (of
        articles ``allowed`` to be compared).  A slot held by more than ``most`` sentences (a table
        of figures, adversarial text) proposes none."""
        by_slot: dict[Slot, list[int]] = defaultdict(list)
        for i, found in enumerate(self._slots):
            for slot in dict.fromkeys(slot for _, slot in found):
                by_slot[slot].append(i)
        pairs: set[tuple[int, int]] = set()
        for members in by_slot.values():
            if len(members) <= self.most:
                pairs.update((i, j) for i, j in combinations(members, 2) if self.article_of[i] != self.article_of[j])
        return {
            (i, j) for i, j in pairs
            if (allowed is None or allowed(self.article_of[i], self.article_of[j])) and self.swapped(i, j) is not None
        }

    def swapped(self, i: int, j: int) -> tuple[str, ...] | None:
        """``j``'s tokens with each value that stands in a slot of one of ``i``'s values replaced by
        ``i``'s value (None when there is none to replace): ``j`` as it would read with ``i``'s values.
        Beside the slot's word, the two values' surroundings (``near`` tokens on each side) share
        another token: "the blaze killed 12 workers" / "the 9 workers killed" ("workers", "killed"),
        not "Police arrested 2 people at the scene" / "At least 24 people were killed" ("people" only)."""
        if (i, j) not in self._swaps:
            self._swaps[i, j] = self._swap(i, j)
        return self._swaps[i, j]

    def _swap(self, i: int, j: int) -> tuple[str, ...] | None:
        a, b = self.tokens[i], self.tokens[j]
        values_a, values_b = self._values[i], self._values[j]
        if self.article_of[i] == self.article_of[j] or not values_a or not values_b:
            return None
        if self._names[i] - self._names[j] and self._names[j] - self._names[i]:
            return None  # each names someone the other does not: two subjects ("the Red Sox offered $200 million" / "the Nationals ... $160 million")
        given_a, given_b = self._given[self.article_of[i]], self._given[self.article_of[j]]
        of_a: dict[Slot, list[int]] = defaultdict(list)
        for k, slot in self._slots[i]:
            if a[k] not in values_b and (a[k], slot) not in given_b:
                of_a[slot].append(k)
        out = list(b)
        for k, slot in self._slots[j]:
            found = of_a.get(slot, [])
            if len({a[p] for p in found}) != 1 or b[k] in values_a or (b[k], slot) in given_a:
                continue
            around = surroundings(b, k, self.near)
            if any(len(surroundings(a, p, self.near) & around) >= 2 for p in found):
                out[k] = a[found[0]]
        return tuple(out) if out != list(b) else None

    def shared_weight(self, i: int, j: int) -> float:
        """The weight (:func:`~compare.similarity.informativeness`) of the values ``i`` and ``j`` give
        one slot: what the pair shares, as :meth:`swapped` reads it, beyond the words they share."""
        if not self.most:
            return 0.0
        alt = self.swapped(i, j)
        if alt is None:
            return 0.0
        return sum(informativeness(t) for t in set(alt) - set(self.tokens[j]))


def surroundings(tokens: Sequence[str], k: int, near: int) -> set[str]:
    """The tokens within ``near`` of position ``k``, on either side."""
    return {*tokens[max(0, k - near) : k], *tokens[k + 1 : k + 1 + near]}


def swapped_score(a: Features, b: Features, settings: Settings) -> float:
    """:func:`~compare.similarity.lexical_score` of ``a`` and ``b``, ``b`` with ``a``'s values
    (:meth:`ValueSlots.swapped`): never 1.0, the score of the same words, even where the swap
    leaves the same tokens (two values are never the same words)."""
    return min(SWAPPED_MOST, lexical_score(a, b, settings))  # a swap shares the slot's word: never 0 for want of one


SWAPPED_MOST = 0.99
"""The most a pair with two values in one slot scores (under the 1.0 of the same words)."""
