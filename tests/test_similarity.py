from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from compare import Settings, sentence_similarity
from compare.similarity import (
    MAX_WEIGHT,
    MIN_WEIGHT,
    PRIOR_FILE,
    analyse,
    featurise,
    informativeness,
    normalise_word,
    story_weights,
    tokens,
    word_prior,
)

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
    # A reference: when the normalised words are the same, so is the score; when
    # RapidFuzz's token-set ratio finds nothing shared, the score is 0.
    if tokens(a) and analyse(a) == analyse(b):
        assert sentence_similarity(a, b) == 1.0
    if a != b and fuzz.token_set_ratio(a, b) == 0:
        assert sentence_similarity(a, b) == 0.0


@settings(max_examples=100, deadline=None)
@given(a=words, b=words)
def test_only_function_words_shared_scores_zero(a: str, b: str) -> None:
    if a != b and not set(tokens(a)) & set(tokens(b)):
        assert sentence_similarity(a, b) == 0.0


def test_unrelated_text_near_zero() -> None:
    assert sentence_similarity("The cat sat on the mat.", "Stock markets fell sharply in Tokyo on Monday.") < 0.05


def test_paraphrase_scores_high_and_unrelated_low() -> None:
    a = "But Clinton rejected a Russian initiative for a new security architecture in Europe."
    b = "But she rejected the idea of a new security architecture in Europe."
    c = "Rasmussen flatly rejected that idea, saying NATO has no intention of replacing the United Nations."
    words = Settings(semantic=False)
    assert sentence_similarity(a, b, words) > 0.6
    assert sentence_similarity(a, c, words) < 0.2
    # With the embeddings (the default) the paraphrase still scores well above the other statement.
    assert sentence_similarity(a, b) > 0.55 and sentence_similarity(a, c) < 0.3


def test_normalisation() -> None:
    assert tokens("U.S. forces said two dozen Nov. 20") == ("u.s", "forc", "2", "12", "novemb", "20")
    assert "us" not in tokens("U.S.")
    assert tokens("NATO's talks") == tokens("NATO meeting")


def test_names_and_numbers_meet() -> None:
    assert tokens("the United States") == tokens("the U.S.") == tokens("the US") == ("u.s",)
    assert tokens("help us") == ("help",)  # the pronoun is a stopword, not the country
    assert tokens("D.C.") == tokens("DC")
    assert tokens("Syrian troops") == tokens("Syria troops")
    assert tokens("$17 million") == ("17000000",)
    assert tokens("2.5 billion") == tokens("2,500 million") == ("2500000000",)
    assert tokens("5%") == tokens("5 per cent") == tokens("5 percent")


def test_function_words_are_kept_apart() -> None:
    content, function = analyse("He said it would not happen before Monday.")
    assert content == ("happen", "monday")
    assert {"not", "before", "it"} <= function
    assert "said" not in function  # reporting verbs weigh nothing at all


def test_informativeness_from_the_prior() -> None:
    assert PRIOR_FILE.read_text("utf-8").startswith("# Word-frequency prior")
    assert "CC BY-SA 4.0" in PRIOR_FILE.read_text("utf-8")[:2000]
    assert len(word_prior()) > 10000
    meeting, lisbon = informativeness(normalise_word("meeting") or ""), informativeness(normalise_word("Lisbon") or "")
    assert MIN_WEIGHT <= meeting < lisbon <= MAX_WEIGHT
    assert informativeness("28") == MAX_WEIGHT
    assert informativeness("qwzxvbn") == MAX_WEIGHT  # unseen words are rare words


def test_rare_shared_words_count_more() -> None:
    base = "Officials met in Lisbon on Tuesday."
    assert sentence_similarity(base, "Officials arrived in Lisbon.") > sentence_similarity(base, "Officials arrived on Tuesday.")


def test_short_sentences_need_more_evidence() -> None:
    # Two two-word headlines sharing one word score below two long sentences sharing half their words.
    short = sentence_similarity("Russia responds", "Russia agrees")
    long_a = "Russia responds to the missile defense offer from NATO in Lisbon"
    long_b = "Russia agrees to the missile defense offer from NATO in Brussels"
    assert short < 0.45 < sentence_similarity(long_a, long_b)


def test_story_weights_damp_words_of_the_whole_story() -> None:
    facts = [f"fact{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(40)]
    damp = story_weights([tokens(f"NATO Russia {fact}") for fact in facts])
    assert damp["nato"] < 1.0 and "factaa" not in damp
    assert story_weights([("a", "b"), ("a", "c")]) == {}  # two sentences: nothing to damp
    plain, damped = featurise("NATO Russia factaa"), featurise("NATO Russia factaa", damp)
    assert damped.weights["nato"] < plain.weights["nato"]
    assert damped.weights["factaa"] == plain.weights["factaa"]


FUNCTION_VOCAB = "nato russia missile defense summit lisbon talks 28 to from not before in the it".split()
sentence_words = st.lists(st.sampled_from(FUNCTION_VOCAB), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    articles=st.lists(st.lists(sentence_words, min_size=1, max_size=6), min_size=2, max_size=4),
    threshold=st.sampled_from([0.1, 0.3, 0.5, 0.8]),
)
def test_candidates_bound_holds_with_function_words_and_story_weights(articles: list[list[str]], threshold: float) -> None:
    from itertools import combinations

    from compare.candidates import candidate_pairs
    from compare.settings import Settings
    from compare.similarity import score

    texts = [t for art in articles for t in art]
    article_of = [n for n, art in enumerate(articles) for _ in art]
    story = story_weights([tokens(t) for t in texts])
    feats = [featurise(t, story) for t in texts]
    s = Settings()
    brute = {
        (i, j)
        for i, j in combinations(range(len(texts)), 2)
        if article_of[i] != article_of[j] and score(feats[i], feats[j], s) >= threshold
    }
    assert brute <= set(candidate_pairs(feats, article_of, threshold, s.overlap_weight))


def test_sentence_similarity_reads_a_lone_surrogate_as_a_replacement_character() -> None:
    """A lone surrogate (a JSON ``"\\ud800"`` escape the caller read) stopped the embedding's
    tokenizer with a TypeError; compare() repairs its articles at loading, this function takes raw
    strings."""
    from compare import semantic

    if not semantic.available():
        pytest.skip(semantic.status())
    assert sentence_similarity("NATO met \ud800 Russia.", "NATO met Russia.") == sentence_similarity(
        "NATO met \ufffd Russia.", "NATO met Russia."
    )


def test_sentence_similarity_refuses_a_sentence_over_the_limit_before_any_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sentences of 100,000 characters took a minute (difflib's ratio costs the square of the
    length): over ``Settings.sentence_max_chars``, which compare() cuts into pieces, a UsageError.
    Counted: nothing is scored."""
    from compare import similarity
    from compare.errors import UsageError

    scored: list[object] = []
    monkeypatch.setattr(similarity, "score", lambda *args: scored.append(args) or 0.0)
    long = " ".join(f"word{n}" for n in range(20_000))
    with pytest.raises(UsageError) as refused:
        sentence_similarity(long + " one", long + " two")
    assert str(refused.value) == (
        f"sentence_similarity(): a sentence of {len(long) + 4:,} characters; the limit is 2,000 (Settings.sentence_max_chars)"
    )
    with pytest.raises(UsageError):
        sentence_similarity(long, long)  # the same text too: no score of 1.0 where others are refused
    assert scored == []
    wide = Settings(semantic=False, sentence_max_chars=0)  # 0: no limit, as in compare()
    assert sentence_similarity("word " * 600 + "one", "word " * 600 + "two", wide) == 0 and len(scored) == 1


def test_a_run_with_longer_sentences_compares_their_quotations_too() -> None:
    """compare() scores quotations of one speaker with sentence_similarity under settings of its own
    (``quote_wording.WORDS_ONLY``): a run that allows sentences over the default limit must not meet
    that limit there."""
    from compare import compare

    words = " ".join(f"item{n}" for n in range(400))
    texts = [f'John Smith said: "We will {w} give up on {words} and that is final." The talks ended.' for w in ("never", "not")]
    wide = Settings(semantic=False, sentence_max_chars=0)
    assert compare(texts=texts, settings=wide).groups


def test_sentence_similarity_of_something_not_text_is_a_type_error() -> None:
    """None (a missing field of the caller's data) failed deep in the embedding cache
    (AttributeError: 'NoneType' object has no attribute 'encode')."""
    for a, b in ((None, "NATO met Russia."), ("NATO met Russia.", 5), (b"NATO", "NATO")):
        with pytest.raises(TypeError, match=r"sentence_similarity\(\) compares two strings"):
            sentence_similarity(a, b)  # type: ignore[arg-type]
