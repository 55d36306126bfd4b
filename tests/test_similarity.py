from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from compare import sentence_similarity
from compare.similarity import tokens

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
words = st.lists(st.sampled_from("nato russia said missile defense summit in the talks 28 27 Lisbon very".split()),
                 max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(a=st.one_of(text, words), b=st.one_of(text, words))
def test_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = sentence_similarity(a, b), sentence_similarity(b, a)
    assert ab == ba
    assert 0.0 <= ab <= 1.0


@settings(max_examples=100, deadline=None)
@given(a=st.one_of(text, words))
def test_identical_text_scores_one(a: str) -> None:
    assert sentence_similarity(a, a) == 1.0


@settings(max_examples=100, deadline=None)
@given(a=words, b=words)
def test_agrees_with_rapidfuzz_on_the_extremes(a: str, b: str) -> None:
    # A reference: when RapidFuzz's token-set ratio finds the word sets equal, so do we.
    if tokens(a) and tokens(a) == tokens(b):
        assert sentence_similarity(a, b) == 1.0
    if a != b and fuzz.token_set_ratio(a, b) == 0:
        assert sentence_similarity(a, b) == 0.0


def test_unrelated_text_near_zero() -> None:
    assert sentence_similarity("The cat sat on the mat.", "Stock markets fell sharply in Tokyo on Monday.") < 0.05


def test_paraphrase_scores_high_and_unrelated_low() -> None:
    a = "But Clinton rejected a Russian initiative for a new security architecture in Europe."
    b = "But she rejected the idea of a new security architecture in Europe."
    c = "Rasmussen flatly rejected that idea, saying NATO has no intention of replacing the United Nations."
    assert sentence_similarity(a, b) > 0.6
    assert sentence_similarity(a, c) < 0.2


def test_normalisation() -> None:
    assert tokens("U.S. forces said two dozen Nov. 20") == ("u.s", "forc", "2", "12", "novemb", "20")
    assert "us" not in tokens("U.S.")
    assert tokens("NATO's talks") == tokens("NATO meeting")
