"""The framing benchmarks' own arithmetic (benchmarks/framing_eval.py, benchmarks/framing_errors.py),
on small made-up inputs: no data set is read."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _benchmark(name: str) -> Any:
    """The module ``benchmarks/<name>.py``, imported as the scripts are run (the checkout first on the path)."""
    sys.path.insert(0, str(ROOT))
    return importlib.import_module(f"benchmarks.{name}")


@pytest.fixture(scope="module")
def fe() -> Any:
    return _benchmark("framing_eval")


@pytest.fixture(scope="module")
def errors() -> Any:
    return _benchmark("framing_errors")


def test_macro_f1_averages_the_classes_f1(fe: Any) -> None:
    gold = ["pos", "neg", "neu", "neu"]
    assert fe.macro_f1(gold, gold) == 1.0
    # pos: 0; neg: tp 1 -> 1.0; neu: tp 1, fp 1, fn 1 -> 0.5
    assert fe.macro_f1(gold, ["neu", "neg", "neu", "pos"]) == pytest.approx((0 + 1.0 + 0.5) / 3)
    assert fe.macro_f1(gold, ["neu", "neg", "neu", "pos"], ("neg",)) == 1.0


def test_entities_match_actors_by_their_significant_words(fe: Any) -> None:
    assert fe.matches("Romney campaign", fe._words("Mitt Romney"))
    assert fe.matches("Senate Democrats", fe._words("Democrats"))
    assert not fe.matches("Joe Biden", fe._words("Biden"))
    assert fe.person_matches("Barack Obama", "Obama")
    assert not fe.person_matches("Barack Obama", "Michelle Obama")


def test_cross_validation_chooses_on_other_stories(fe: Any) -> None:
    # setting "a" is right on every story, "b" on none: every fold must choose "a"
    gold = {f"s{k}": ["neg", "neu"] for k in range(10)}
    predicted = {
        (1.0, 0.5): {s: ["neg", "neu"] for s in gold},
        (1.0, 0.9): {s: ["neu", "neg"] for s in gold},
    }
    f1, per_shuffle, chosen = fe.cross_validate_tone(gold, predicted)
    assert f1 == pytest.approx(2 / 3)  # pos never occurs: its F1 is 0 in the mean of three
    assert len(per_shuffle) == fe.CV_SEEDS
    assert set(chosen) == {(1.0, 0.5)}


def test_auc_counts_pairs_won_and_ties_half(errors: Any) -> None:
    assert errors.auc([3, 4], [1, 2]) == 1.0
    assert errors.auc([1], [2]) == 0.0
    assert errors.auc([2, 1], [2]) == pytest.approx(0.25)


def pair(errors: Any, story: str, gold: str, spans: list[tuple[str, str]], credited: list[str]) -> Any:
    return errors.Pair(story, gold, "neu", True, tuple((s, 0.0) for s in credited), "Jim Smith", tuple(spans))


def test_ceiling_counts_spans_and_sees_only_credited_ones_when_asked(errors: Any) -> None:
    pairs = []
    for k in range(10):
        # a negative portrayal with two negative spans, one in a sentence credited to the actor
        pairs.append(
            pair(errors, f"s{k}", "neg", [("neg", "grabbed him"), ("neg", "he lied")], ["He grabbed him."])
        )
        pairs.append(pair(errors, f"s{k}", "neu", [], ["He spoke."]))
        pairs.append(pair(errors, f"s{k}", "pos", [("pos", "a hero")], ["He was a hero."]))
    assert errors.ceiling(pairs, only_credited=False) == pytest.approx(1.0)
    assert errors.ceiling(pairs, only_credited=True) == pytest.approx(1.0)  # one span of 1 still counts
    # the negative spans now lie outside the sentences credited to the actor
    moved = [
        pair(errors, p.story, p.gold, list(p.spans), ["He spoke."]) if p.gold == "neg" else p for p in pairs
    ]
    assert errors.ceiling(moved, only_credited=False) == pytest.approx(1.0)
    assert errors.ceiling(moved, only_credited=True) == pytest.approx(
        (0 + 1.0 + 2 / 3) / 3
    )  # neg missed; neu: 10 right of 20 said


def test_aggregation_ceiling_labels_perfect_sentence_tones_with_the_shipped_rule(errors: Any) -> None:
    pairs = []
    for k in range(10):
        pairs.append(pair(errors, f"s{k}", "neg", [("neg", "grabbed him")], ["He grabbed him.", "He spoke."]))
        pairs.append(pair(errors, f"s{k}", "neu", [], ["He spoke."]))
        pairs.append(pair(errors, f"s{k}", "pos", [("pos", "a hero")], ["He was a hero."]))
    assert errors.aggregation_ceiling(pairs) == pytest.approx((1.0, 1.0))
    # the negative span now lies outside the sentences credited to the actor: no tone says it
    moved = [pair(errors, p.story, p.gold, list(p.spans), ["He spoke."]) if p.gold == "neg" else p for p in pairs]
    assert errors.aggregation_ceiling(moved) == pytest.approx(((0 + 1.0 + 2 / 3) / 3,) * 2)


def test_ranking_aucs_rank_marked_sentences_and_portrayals(errors: Any) -> None:
    def scored(gold: str, spans: list[tuple[str, str]], credited: list[tuple[str, float]]) -> Any:
        return errors.Pair("s", gold, "neu", True, tuple(credited), "Jim Smith", tuple(spans))

    pairs = [
        scored("neg", [("neg", "he lied")], [("Then he lied.", -0.9), ("He spoke.", 0.0)]),
        scored("neu", [], [("He spoke.", 0.1), ("He left.", -0.2)]),
        scored("pos", [("pos", "a hero")], [("He was a hero.", 0.8)]),
    ]
    got = errors.ranking_aucs(pairs)
    assert got["sentences_credited"] == 5
    assert got["sentence_auc_negative"] == 1.0 and got["sentence_auc_positive"] == 1.0
    assert got["pair_auc_negative"] == 1.0 and got["pair_auc_positive"] == 1.0
    flipped = [scored("neg", [("neg", "he lied")], [("Then he lied.", 0.9)]), pairs[1]]
    assert errors.ranking_aucs(flipped)["sentence_auc_negative"] == 0.0
    assert errors.ranking_aucs(flipped)["pair_auc_negative"] == 0.0


def test_spans_outside_credited_sentences_are_told_apart_by_cause(errors: Any) -> None:
    sentences = (
        "Smith lied again.",  # names him, yet (here) not credited
        "He lied again and again.",  # refers to him
        "The senator lied again and again.",  # refers to him by a title
        "It was all a lie from start to end.",  # "it" is a pronoun too
        "Nobody believed a word.",  # nothing names or refers to him
        "Smith spoke.",
    )
    spans = [
        ("neg", "lied again."),
        ("neg", "He lied"),
        ("neg", "senator lied"),
        ("neg", "all a lie"),
        ("neg", "Nobody believed"),
        ("neg", "not in the article"),
        ("neg", "Smith spoke"),  # credited: no cause
    ]
    p = errors.Pair("s", "neg", "neu", True, (("Smith spoke.", 0.0),), "Jim Smith", tuple(spans), sentences)
    assert errors.uncredited_causes([p]) == {
        "refers to it": 3,
        "names it": 1,
        "no mention": 1,
        "no sentence": 1,
    }
    unnamed = errors.Pair("s", "neg", "neu", False, (), "Jim Smith", tuple(spans), sentences)
    assert errors.uncredited_causes([unnamed]) == {}


def test_sentence_tones_are_counted_by_the_annotated_phrases_they_hold(errors: Any) -> None:
    """The framing's tone of each credited sentence, by whether it holds an annotated negative
    phrase about the entity, only a positive one, or none."""
    credited = (
        ("Mayor Lena Ortiz botched the budget and misled the council.", -0.8),
        ("Ortiz cut the ribbon at the new library.", -0.6),
        ("Ortiz won praise for the rescue plan, and critics called it reckless.", 0.4),
        ('"We will rebuild," Ortiz said.', 0.0),
    )
    spans = (("neg", "botched the budget"), ("pos", "won praise"), ("neg", "called it reckless"))
    p = errors.Pair(
        "s", "neg", "neu", True, credited, "Lena Ortiz", spans, (), ("unfavourable", "unfavourable", "favourable", "speaker")
    )
    assert errors.sentence_tones_by_span([p]) == {
        "neg": {"favourable": 1, "unfavourable": 1},
        "pos": {},
        "none": {"speaker": 1, "unfavourable": 1},
    }
    only_positive = errors.Pair("s", "pos", "neu", True, credited[2:3], "Lena Ortiz", spans[1:2], (), ("favourable",))
    assert errors.sentence_tones_by_span([only_positive])["pos"] == {"favourable": 1}


def test_missing_data_is_one_line_and_exit_2(
    errors: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert errors.main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "basil-framing-dev" in err and "not found" in err and "\n" not in err


@pytest.fixture(scope="module")
def layer() -> Any:
    return _benchmark("train_tone_embedding")


def test_the_sentence_layer_fit_learns_a_separable_rule(layer: Any) -> None:
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 4))
    y = np.where(x[:, 0] > 0.5, 2, np.where(x[:, 0] < -0.5, 0, 1))
    weights, bias = layer.fit(x, y)
    assert weights.shape == (4, 3) and bias.shape == (3,)
    assert (np.argmax(x @ weights + bias, axis=1) == y).mean() > 0.9
    assert weights[0, 2] > weights[0, 1] > weights[0, 0]  # the first input alone decides


def test_the_sentence_layer_folds_keep_an_article_together(layer: Any) -> None:
    rows = [("s", 0, 1, k % 3, f"article{k // 4}") for k in range(40)]
    fold = layer.folds_of(rows, 5)
    for k in range(0, 40, 4):
        assert len(set(fold[k : k + 4])) == 1
    assert set(fold) == set(range(5))


def test_the_sentence_layer_trainer_without_data_is_one_line_and_exit_2(
    layer: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert layer.main(["--data", str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert "none.jsonl" in err and "not found" in err and "\n" not in err


@pytest.fixture(scope="module")
def targets() -> Any:
    return _benchmark("target_vectors")


def test_the_target_vector_is_the_mean_of_the_mention_word_pieces(targets: Any) -> None:
    np = pytest.importorskip("numpy")
    # "[CLS] the gov ##ernor lied [SEP]": specials have empty offsets
    offsets = [(0, 0), (0, 3), (4, 7), (7, 12), (13, 17), (0, 0)]
    states = np.array([[9.0, 9.0], [1.0, 0.0], [0.0, 2.0], [0.0, 4.0], [5.0, 0.0], [9.0, 9.0]])
    assert np.allclose(targets.target_vector(states, offsets, 4, 12), [0.0, 1.0])  # gov ##ernor
    wide = targets.target_vector(states, offsets, 4, 12, window=1)  # the, gov, ##ernor, lied: (6, 6) / 4
    assert np.allclose(wide, [2**-0.5, 2**-0.5])
    # a target the truncated text does not reach: the sentence's own word-pieces, specials left out
    assert np.allclose(targets.target_vector(states, offsets, 40, 45), np.array([6.0, 6.0]) / np.hypot(6.0, 6.0))


def test_the_target_vectors_script_without_data_is_one_line_and_exit_2(
    targets: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert targets.main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "train.jsonl" in err and "not found" in err and "\n" not in err


@pytest.fixture(scope="module")
def sentences() -> Any:
    return _benchmark("sentence_tone")


def test_the_sentence_summary_counts_each_gold_by_the_tone_said(sentences: Any) -> None:
    rows = [
        {"gold": "neg", "tone": "unfavourable", "score": -0.8},
        {"gold": "neg", "tone": "neutral", "score": -0.1},
        {"gold": "none", "tone": "unfavourable", "score": -0.5},
        {"gold": "none", "tone": "neutral", "score": 0.0},
        {"gold": "pos", "tone": "favourable", "score": 0.6},
    ]
    got = sentences.summary(rows)
    assert got["neg"] == "2: unf 1 neu 1 fav 0" and got["none"] == "2: unf 1 neu 1 fav 0"
    assert got["unf_precision"] == 0.5 and got["neg_recall"] == 0.5
    assert got["auc_neg"] == 0.75  # -0.8 beats both; -0.1 beats 0.0 only
    assert got["auc_pos"] == 1.0


def test_the_target_heads_its_clause_or_not(sentences: Any) -> None:
    text = "On Tuesday, Senator Smith said the governor had lied to him."
    assert sentences._subject(text, text.index("Senator"))
    assert not sentences._subject(text, text.index("governor"))


def test_a_critic_is_the_one_a_verb_of_criticism_follows(sentences: Any) -> None:
    text = "Ryan publicly accused Obama of projecting weakness."
    assert sentences.critic(text, 0, 4)
    assert not sentences.critic(text, text.index("Obama"), text.index("Obama") + 5)
    passive = "Ryan was accused of lying."
    assert not sentences.critic(passive, 0, 4)


def test_the_sentence_scripts_without_data_are_one_line_and_exit_2(
    sentences: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert sentences.main(["collect", str(tmp_path / "out.pkl"), "--data", str(tmp_path)]) == 2
    assert sentences.main(["report", str(tmp_path / "none.pkl")]) == 2
    roles = _benchmark("tone_layer_roles")
    assert roles.main(["--data", str(tmp_path)]) == 2
    assert roles.main(["nonsense", "--data", str(ROOT.parent / "shared" / "data")]) == 2
    for line in capsys.readouterr().err.strip().splitlines():
        assert "not found" in line or "no such" in line


def test_the_target_roles_are_read_from_the_tone_tokens() -> None:
    roles = _benchmark("tone_layer_roles")
    text = 'Ryan was criticized by Biden, who said "Obama is great" of his rival.'
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("Ryan", "Biden", "Obama", "his")}
    assert roles.roles(text, *at["Ryan"]) == [1.0, 1.0, 0.0, 0.0, 0.0, 0.0]  # heads its clause, passive
    assert roles.roles(text, *at["Biden"])[2] == 1.0  # after "by"
    assert roles.roles(text, *at["Obama"])[3] == 1.0  # inside quotation marks
    assert roles.roles(text, *at["his"])[4:] == [1.0, 1.0]  # a pronoun, a possessive
