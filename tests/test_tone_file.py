"""The tone model's file (compare/analyze/framing/tone_file.py): the shipped file, what the
training script writes, and files that are not models."""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from compare.analyze.framing import tone_file
from compare.analyze.framing.tone import MODEL, TONES, ToneModel, features, load_model, probabilities

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trainer() -> Any:
    sys.path.insert(0, str(ROOT))
    from benchmarks import train_tone

    return train_tone


def test_the_shipped_model_loads_with_its_licence_notes() -> None:
    got = tone_file.read(MODEL)
    by_word = sorted(got.rows, key=lambda f: tone_file.split_feature(f)[::-1])
    assert len(got.rows) > 20_000 and by_word == list(got.rows)  # by word, then slot
    assert sorted(got.rows.values()) == list(range(len(got.rows)))
    assert all(len(column) == len(got.rows) for column in got.columns)
    assert "NewsMTSC" in got.about and ", ".join(TONES) in got.about
    assert "C.J. Hutto" in got.lexicon_notice and "MIT License" in got.lexicon_notice
    assert len(got.lexicon) > 7_000 and all(-4 <= v <= 4 for v in got.lexicon.values())
    assert got.lexicon["good"] > 0 > got.lexicon["bad"]
    model = load_model()
    assert model.rows == got.rows and model.bias == got.bias and model.lexicon == got.lexicon


def test_the_training_script_writes_the_shipped_file_again_byte_for_byte(trainer: Any, tmp_path: Path) -> None:
    """The shipped file is what benchmarks/train_tone.py --write makes of its model: re-writing
    the loaded model gives the same bytes (rounding, order, pruning and notes all agree)."""
    model = load_model()
    again = tmp_path / "tone-model.bin"
    trainer.write_model(model, dict(model.lexicon), again)
    assert again.read_bytes() == MODEL.read_bytes()


def test_numbers_come_back_to_the_bit(tmp_path: Path) -> None:
    weights = {"w:good": (0.1, -1 / 3, 2.5e-300), "n1:said": (-0.0, 1e300, 0.021), "w:été": (1.0, 2.0, 3.0)}
    path = tmp_path / "m.bin"
    tone_file.write(path, weights, (0.3, -0.2, 0.1), {"good": 1.9, "bad": -2.5}, "about", "notice")
    got = tone_file.read(path)
    model = ToneModel(got.rows, got.columns, got.bias, got.lexicon)
    assert model.weights() == weights and list(model.weights()) == ["w:good", "n1:said", "w:été"]  # by word
    assert got.bias == (0.3, -0.2, 0.1) and got.lexicon == {"good": 1.9, "bad": -2.5}
    assert (got.about, got.lexicon_notice) == ("about", "notice")
    # the model read from the file decides as the one made in memory from the same weights
    feats = features("Critics said the good plan failed.", 0, 7, got.lexicon)
    made = ToneModel.from_weights(weights, (0.3, -0.2, 0.1), got.lexicon)
    assert probabilities(feats, model) == probabilities(feats, made)


def test_an_empty_model_is_a_model(tmp_path: Path) -> None:
    path = tmp_path / "m.bin"
    tone_file.write(path, {}, (0.0, 1.0, 0.0), {}, "", "")
    got = tone_file.read(path)
    assert got.rows == {} and got.lexicon == {} and got.bias == (0.0, 1.0, 0.0)


@pytest.mark.parametrize(
    "content",
    [b"", b'{"weights": {}}\n', b"\x89PNG\r\n", b'{"format": "storycompare-tone-model/0"}\n'],
)
def test_a_file_of_another_format_is_refused_by_name(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "tone-model.bin"
    path.write_bytes(content)
    with pytest.raises(tone_file.ModelFileError, match=r"tone-model\.bin: not a tone model of format"):
        tone_file.read(path)


def test_a_truncated_model_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "tone-model.bin"
    tone_file.write(path, {"w:a": (1.0, 2.0, 3.0)}, (0.0, 0.0, 0.0), {"a": 1.0}, "", "")
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(tone_file.ModelFileError, match=r"tone-model\.bin: truncated or inconsistent"):
        tone_file.read(path)


def test_any_word_comes_back_and_is_found(tmp_path: Path) -> None:
    """Words are found through the file's hash table: line breaks, colons, a lone surrogate (article
    text may hold one), the empty word of a feature without a colon; a word the file does not hold
    is not found, nor is "neg:" (the feature is "neg")."""
    odd = ["w:a\nb", "w::", "q:\ud800", "neg", "p12:x_y", "c:\u00e9t\u00e9"]
    weights = {f: (float(n), 0.5, -1.0) for n, f in enumerate(odd)}
    path = tmp_path / "m.bin"
    tone_file.write(path, weights, (0.0, 0.0, 0.0), {"\ud800": 2.0, "zz": -1.0}, "", "")
    got = tone_file.read(path)
    model = ToneModel(got.rows, got.columns, got.bias, got.lexicon)
    assert model.weights() == weights and dict(got.lexicon) == {"\ud800": 2.0, "zz": -1.0}
    assert got.rows.row("neg") is not None and got.rows.row("neg:") is None and "w:a" not in got.rows
    assert got.lexicon.get("zz") == -1.0 and got.lexicon.get("a") is None and "a\nb" not in got.lexicon
    assert got.rows.index.find("missing") is None and got.rows.index.word(got.rows.index.find("a\nb") or 0) == "a\nb"
    with pytest.raises(tone_file.ModelFileError, match="colon after its slot"):
        tone_file.write(path, {"w:": (1.0, 2.0, 3.0)}, (0.0, 0.0, 0.0), {}, "", "")


def test_the_shipped_model_gives_the_tones_of_its_weights_read_as_a_dictionary() -> None:
    """The framing reads the shipped file a word at a time (tone_features.known_hits); the same
    model as plain dictionaries, read feature by feature (features(), the training's reading),
    gives the same hits, hence the same tones and scores to the bit, for every target: each word,
    each pair of words and no word of every sentence of the example story."""
    from compare.analyze.framing.tone import tone_at
    from compare.analyze.framing.tone_features import _hits, _tokens, known_hits
    from compare.segment import sentence_spans

    shipped = load_model()
    plain = ToneModel.from_weights(shipped.weights(), shipped.bias, dict(shipped.lexicon))
    assert isinstance(shipped.rows, tone_file.FeatureRows) and isinstance(plain.rows, dict)
    stories = [f.read_text("utf-8") for f in sorted((ROOT / "examples" / "nato-russia-2010").glob("*.txt"))]
    texts = [story[a:b] for story in stories for a, b in sentence_spans(story)]
    texts.append('Russia did not say "it will never attend" and nobody denied that NATO was not unhelpful.')
    judged = 0
    for text in texts:
        toks = _tokens(text)
        spans = [(0, 0)] + [(s, e) for _, s, e in toks] + [(a[1], b[2]) for a, b in pairwise(toks)]
        for start, end in spans:
            assert known_hits(text, start, end, shipped.rows, shipped.lexicon) == _hits(
                features(text, start, end, plain.lexicon), plain.rows
            ), (text, start, end)
            assert tone_at(text, start, end, shipped, 1.0) == tone_at(text, start, end, plain, 1.0)
            judged += 1
    assert judged > 5_000


@pytest.mark.parametrize(("name", "content"), [("tone-model.bin", MODEL.read_bytes()[:1000]), ("tone-embedding.json", b'{"bias": [0')])
def test_a_damaged_shipped_model_is_one_line_naming_the_file_and_the_cure(
    name: str, content: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.analyze.framing import tone
    from storycompare.cli import main

    broken = tmp_path / name
    broken.write_bytes(content)
    loader = tone.load_model if name.endswith(".bin") else tone.load_layer
    with pytest.raises(tone_file.ModelFileError, match=r"reinstall it \(pip install --force-reinstall storycompare\)$"):
        loader(str(broken))
    with pytest.raises(tone_file.ModelFileError, match=r"cannot read the tone (model|layer) \(No such file or directory\)"):
        loader(str(tmp_path / "missing"))
    monkeypatch.setattr(tone, loader.__name__, lambda path=str(broken): loader.__wrapped__(path))
    articles = Path(__file__).resolve().parents[1] / "examples" / "nato-russia-2010"
    out = tmp_path / "out.json"
    assert main(["compare", str(articles), "--json", str(out), "--quiet"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"storycompare: error: {broken}: ") and error.count("\n") == 1
    assert "reinstall" in error and not out.exists()


def test_tone_tokens_read_from_the_framing_tokens_are_the_tone_model_s_own() -> None:
    """The tone's tokens come from the framing's (:func:`.tokens.tokens`, one reading per
    sentence): the same as the tone model's own pattern reads, where the framing's tokens hold
    several of its own ("U.S.", "3.5", "--") or cut "'s" and "n't" off a word."""
    from compare.analyze.framing.tone_features import _WORD, _tokens

    def own(text: str) -> tuple[tuple[str, int, int], ...]:
        out: list[tuple[str, int, int]] = []
        end = 0
        for word in _WORD.findall(text):
            start = text.find(word, end)
            end = start + len(word)
            low = word.lower()
            if low.endswith(("n't", "n’t")) and len(low) > 3:
                out += [(low[:-3], start, end - 3), ("n't", end - 3, end)]
            else:
                out.append((low, start, end))
        return tuple(out)

    sentences = [
        "The U.S.'s ambassador said Russia’s leaders don't -- and won’t -- accept a 3.5% cut.",
        "George W. Bush's aides, e.g. Karl Rove, isn't's \"n't 1,000,000 x_y ²n't.",
        "NATO-Russia cooperation: Medvedev hasn't yet said he will attend the Lisbon summit.",
    ]
    for text in sentences:
        assert _tokens.__wrapped__(text) == own(text)
    assert [t[0] for t in _tokens("Russia’s leaders don't")] == ["russia’s", "leaders", "do", "n't"]
