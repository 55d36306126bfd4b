"""The semantic mode (``Settings(semantic=True)``, the ``semantic`` extra).

Without the extra (``make test`` installs only ``.[dev]``) the tests that need
the model skip with the reason; the clear error for a missing extra is always
tested, by making :func:`compare.semantic.available` say no.  The example story's
reference judgements are checked in the semantic mode too, by tests/test_example_story.py
(its ``judged`` fixture, with ``semantic_example`` from conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from compare import Settings, UsageError, semantic

needs_extra = pytest.mark.skipif(
    not semantic.available(),
    reason="the semantic extra is not installed (pip install -e '.[semantic]'); make test installs only .[dev]",
)
SEMANTIC = replace(Settings(), semantic=True)


def test_missing_extra_is_a_clear_usage_error(monkeypatch: pytest.MonkeyPatch, example_files: list[str]) -> None:
    monkeypatch.setattr(semantic, "available", lambda: False)
    with pytest.raises(UsageError) as error:
        semantic.require()
    assert str(error.value) == "--semantic needs the semantic extra: pip install 'storycompare[semantic]'"
    from compare import compare

    with pytest.raises(UsageError, match="semantic extra"):
        compare(example_files[:2], SEMANTIC)


def test_lexical_mode_never_imports_the_model_libraries() -> None:
    code = (
        "import sys; from compare import compare, semantic; from storycompare.cli import EXAMPLE_LABELS; "
        "semantic.available(); import glob; compare(sorted(glob.glob('examples/nato-russia-2010/*.txt'))); "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"


@needs_extra
def test_embeddings_are_unit_vectors_and_cached() -> None:
    first = semantic.embed(["NATO and Russia met in Brussels.", "The cat sat on the mat."])
    assert len(first) == 2 and len(first[0]) == 384
    assert abs(sum(x * x for x in first[0]) - 1.0) < 1e-4
    assert semantic.embed(["The cat sat on the mat."])[0] is first[1]


@needs_extra
def test_semantic_similarity_catches_paraphrases_with_few_shared_words() -> None:
    from compare import sentence_similarity

    a = "Syria's PM escapes assassination try, regime says"
    b = "Syrian prime minister survives assassination attempt"
    unrelated = "Stock markets fell sharply in Tokyo on Monday."
    assert sentence_similarity(a, b, SEMANTIC) > sentence_similarity(a, b) + 0.1
    assert sentence_similarity(a, unrelated, SEMANTIC) < 0.2
    assert sentence_similarity(a, b, SEMANTIC) == sentence_similarity(b, a, SEMANTIC)
    assert sentence_similarity(a, a, SEMANTIC) == 1.0


@needs_extra
def test_semantic_mode_links_only_pairs_sharing_a_word_and_candidates_hold_them() -> None:
    from itertools import combinations

    from compare.candidates import candidate_pairs
    from compare.similarity import featurise, score

    texts = [
        "The earthquake killed dozens of villagers in the mountains.",
        "A powerful quake left many people dead.",
        "Dozens of villagers died when the earthquake struck.",
        "Parliament passed the budget for the villagers.",
    ]
    feats = [featurise(t, vector=v) for t, v in zip(texts, semantic.embed(texts), strict=True)]
    assert not set(feats[0].weights) & set(feats[1].weights)
    assert score(feats[0], feats[1], SEMANTIC) == 0.0  # close in meaning, but no word in common
    assert score(feats[0], feats[2], SEMANTIC) > 0.5
    for threshold in (0.1, 0.3, 0.5):
        brute = {(i, j) for i, j in combinations(range(4), 2) if score(feats[i], feats[j], SEMANTIC) >= threshold}
        found = set(candidate_pairs(feats, [0, 1, 2, 3], threshold, SEMANTIC.overlap_weight,
                                    semantic_weight=SEMANTIC.semantic_weight))
        assert brute <= found
