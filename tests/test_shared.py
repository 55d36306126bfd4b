"""Word diffs: the faster matcher gives difflib's blocks; the diff marks what differs."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.analyze.word_diff import _SpacedMatcher, word_diff

WORDS = st.sampled_from(["nato", "russia", "said", ",", ".", "the", "talks", "27", "28"])


@st.composite
def spaced(draw: st.DrawFn) -> list[str]:
    """Pieces as text gives them: words and punctuation, a space between some, never two spaces in a row."""
    out: list[str] = []
    for word in draw(st.lists(WORDS, max_size=14)):
        if out and out[-1] != " " and draw(st.booleans()):
            out.append(" ")
        out.append(word)
        if draw(st.integers(0, 5)) == 0:
            out.append(" ")
    return out


@settings(max_examples=400, deadline=None)
@given(a=spaced(), b=spaced())
def test_blocks_equal_difflib(a: list[str], b: list[str]) -> None:
    plain = SequenceMatcher(None, a, b, autojunk=False)
    fast = _SpacedMatcher(a, b)
    assert fast.get_matching_blocks() == plain.get_matching_blocks()
    assert fast.ratio() == plain.ratio()
    for alo, ahi, blo, bhi in ((1, len(a), 0, len(b)), (0, len(a) - 1, 2, len(b)), (2, len(a), 1, len(b) - 1)):
        if alo <= ahi and blo <= bhi:
            assert fast.find_longest_match(alo, ahi, blo, bhi) == plain.find_longest_match(alo, ahi, blo, bhi)


@settings(max_examples=200, deadline=None)
@given(a=st.lists(st.sampled_from(["x", " ", "y"]), max_size=12), b=st.lists(st.sampled_from(["x", " ", "y"]), max_size=12))
def test_blocks_equal_difflib_with_spaces_in_a_row(a: list[str], b: list[str]) -> None:
    """Where b holds two spaces in a row the matcher falls back on difflib's own search."""
    assert _SpacedMatcher(a, b).get_matching_blocks() == SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


def test_word_diff_marks_the_changed_words() -> None:
    texts = ["NATO met Russia on Friday.", "NATO met Russia on Saturday.", "NATO met Russia on Friday."]
    changed = [[seg.text for seg in segs if seg.changed] for segs in word_diff(texts, 1)]
    assert changed == [["Friday"], ["Saturday"], ["Friday"]]
    # the pivot is compared with the text most like it: here its twin, so nothing is marked
    assert [[seg.text for seg in segs if seg.changed] for segs in word_diff(texts, 0)] == [[], ["Saturday"], []]


def test_word_diff_compares_each_text_with_its_closest() -> None:
    texts = [
        "Rescuers pulled twelve people from the rubble on Monday.",
        "Rescuers pulled 12 people from the rubble on Monday.",
        "The army said the search for survivors would go on through the night.",
    ]
    changed = [[seg.text for seg in segs if seg.changed] for segs in word_diff(texts, [1, 0, 0])]
    assert changed[:2] == [["twelve"], ["12"]]  # not every word, as against the third
    assert "survivors" in " ".join(changed[2])


def test_added_words() -> None:
    from compare.analyze.word_diff import added_words

    base = "The two ministers met to discuss the trade dispute."
    assert added_words(base + " It has dragged on for months over steel tariffs.", base, 2) is not None
    assert added_words(base, base + " It has dragged on for months over steel tariffs.", 2) is None
    # a rewording swaps words one for one
    assert added_words("The two ministers met to talk over the trade row.", base, 2) is None
    # words a typed difference already shows are explained
    assert added_words("The ministers met on Nov. 20 in Brussels.", "The ministers met in Brussels.", 2, ["Nov. 20"]) is None


@pytest.mark.parametrize("dateline", ["WASHINGTON — ", "NEW YORK (Reuters) - ", "Nov. 3 (Bloomberg) -- "])
def test_a_dateline_is_no_addition(dateline: str) -> None:
    from compare.analyze.word_diff import added_words

    base = "The two ministers met to discuss the trade dispute."
    assert added_words(dateline + base, base, 2) is None
