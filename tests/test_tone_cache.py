"""The tones kept beside the embedding cache (compare/analyze/framing/tone_cache.py): a second
report reads them back, and what it reads is what it would have judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.analyze.framing import frame, tone_cache
from compare.analyze.framing.tone import ToneResult, tone_at
from compare.lexicon import load_lexicon
from compare.settings import Settings
from tests.test_stance import example_articles

LEXICAL = Settings(semantic=False)  # no embedding to compute: the tones alone are judged or read


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    judged: list[str] = []
    def counting(text: str, start: int, end: int, **kwargs: object) -> ToneResult:
        judged.append(text)
        return tone_at(text, start, end, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tone_cache, "tone_at", counting)
    return judged


def test_a_second_report_reads_back_the_tones_the_first_judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles, lexicon = example_articles(), load_lexicon()
    monkeypatch.setenv("STORYCOMPARE_CACHE", "off")
    judged = _counting(monkeypatch)
    without = frame(articles, lexicon, LEXICAL)
    asked = len(judged)
    assert asked > 100 and not (tmp_path / tone_cache.FILE).exists()
    monkeypatch.setenv("STORYCOMPARE_CACHE", str(tmp_path))
    first = frame(articles, lexicon, LEXICAL)
    assert len(judged) == 2 * asked and (tmp_path / tone_cache.FILE).is_file()
    second = frame(articles, lexicon, LEXICAL)
    assert len(judged) == 2 * asked  # every tone read back
    assert first == second == without
    assert any(s.tone_score for s in second)  # tones with a score, read back as judged
    other = frame(articles, lexicon, Settings(semantic=False, tone_neutral_prior=LEXICAL.tone_neutral_prior + 1.0))
    assert len(judged) == 3 * asked  # another prior: other tones, judged
    assert other != second


def test_a_damaged_tone_cache_costs_time_not_the_tones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles, lexicon = example_articles(), load_lexicon()
    monkeypatch.setenv("STORYCOMPARE_CACHE", "off")
    without = frame(articles, lexicon, LEXICAL)
    monkeypatch.setenv("STORYCOMPARE_CACHE", str(tmp_path))
    (tmp_path / tone_cache.FILE).write_bytes(b"not a database")
    judged = _counting(monkeypatch)
    assert frame(articles, lexicon, LEXICAL) == without and judged
    del judged[:]
    assert frame(articles, lexicon, LEXICAL) == without and not judged  # the file was made again
    (tmp_path / tone_cache.FILE).unlink()
    frame(articles, lexicon, LEXICAL)
    import sqlite3

    with sqlite3.connect(tmp_path / tone_cache.FILE) as db:  # another program's rows
        db.execute("UPDATE tone SET result = '[1, 2'")
    del judged[:]
    assert frame(articles, lexicon, LEXICAL) == without and judged


@pytest.mark.parametrize(
    "row",
    ['["bogus", 0.5, [], 1.0]', '["favourable", NaN, [], 1.0]', '["favourable", 0.5, [[5, 2]], 1.0]', '["unfavourable", -0.5, [[0, 100000]], 2.0]'],
)
def test_a_row_that_is_no_tone_is_judged_again(row: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row of valid JSON that no judged tone could be (another program's, or a damaged file's: a
    label that is no tone, a score that is no number, a cue that is no span of the sentence) is
    judged again, not read back: it would change the stances."""
    import sqlite3

    articles, lexicon = example_articles(), load_lexicon()
    monkeypatch.setenv("STORYCOMPARE_CACHE", str(tmp_path))
    without = frame(articles, lexicon, LEXICAL)
    with sqlite3.connect(tmp_path / tone_cache.FILE) as db:
        db.execute("UPDATE tone SET result = ?", (row,))
    judged = _counting(monkeypatch)
    assert frame(articles, lexicon, LEXICAL) == without and judged

def test_every_module_of_the_tone_is_in_the_key() -> None:
    """The key holds the code of every framing module that :func:`.tone.tone_at` imports (a
    change to one judges the tones again); a module added to the tone must be added there."""
    import sys

    from compare.analyze.framing import tone

    framing = {name for name in sys.modules if name.startswith("compare.analyze.framing.")}
    used = {m.__name__ for m in tone_cache.MODULES}
    imported = {
        name
        for name in framing
        if any(getattr(module, "__name__", None) == name for m in tone_cache.MODULES for module in vars(m).values())
    }
    imported |= {
        getattr(value, "__module__", "")
        for m in tone_cache.MODULES
        for value in vars(m).values()
        if getattr(value, "__module__", "").startswith("compare.analyze.framing.")
    }
    assert tone.__name__ in used and imported <= used
