"""Inputs built to be slow stay near-linear: the group statistics of a giant group take a
bounded number of pairs (``Settings.group_pairs_max``).  ``benchmarks/adversarial.py``
measures the shapes at up to 500,000 characters."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from compare import Settings, compare
from compare.analyze.groups import cross_pairs
from compare.analyze.quantities import find_quantities

# Every copy of a repeated sentence kept: these inputs measure the cost of copies, which the copy-slip
# rule (``CleanSettings.repeat_sentence_min_words``) would fold into one within a paragraph; a hostile
# text need only vary its copies a little to pass it.
KEPT = replace(Settings(), clean=replace(Settings().clean, repeat_sentence_min_words=0))


@pytest.mark.parametrize("articles", ["ab", "aaabbc", "abbbbbbbc", "aaaaaaaaab"])
def test_cross_pairs_are_all_pairs_of_different_articles_within_the_limit(articles: str) -> None:
    every = [(a, b) for a, b in combinations(range(len(articles)), 2) if articles[a] != articles[b]]
    assert cross_pairs(list(articles), len(every)) == every
    assert cross_pairs(list(articles), 1_000) == every


@pytest.mark.parametrize(("sizes", "limit"), [((3, 2, 1), 6), ((400, 400), 1_000), ((1, 999), 100), ((500, 300, 200), 2_000)])
def test_cross_pairs_of_a_giant_group_are_bounded_and_cover_every_member(sizes: tuple[int, ...], limit: int) -> None:
    articles = [name for name, size in zip("abc", sizes, strict=False) for _ in range(size)]
    pairs = cross_pairs(articles, limit)
    assert len(pairs) <= max(limit, len(articles)) * 2
    assert all(a < b and articles[a] != articles[b] for a, b in pairs)
    assert len(set(pairs)) == len(pairs)
    assert {k for pair in pairs for k in pair} == set(range(len(articles)))  # no member left out


def test_one_sentence_repeated_makes_one_group_with_bounded_statistics() -> None:
    one = "NATO Secretary General Anders Fogh Rasmussen said on Monday that the alliance and Russia would cooperate. "
    two = "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on defence. "
    records = [{"id": "a", "text": one * 120}, {"id": "b", "text": two * 120}]
    settings = replace(KEPT, group_pairs_max=500)
    result = compare(records, settings)
    assert len(result.groups) == 1
    (group,) = result.groups
    assert len(group.members) == 240
    assert 0 < group.score <= 1


def test_one_sentence_repeated_still_makes_one_group_when_the_candidates_are_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each copy is scored against the first few copies of its match only (Settings.max_candidates),
    and the copies still make one group."""
    from compare import candidates

    monkeypatch.setattr(candidates, "MIN_CANDIDATES", 0)
    one = "NATO Secretary General Anders Fogh Rasmussen said on Monday that the alliance and Russia would cooperate. "
    two = "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on defence. "
    records = [{"id": "a", "text": one * 150}, {"id": "b", "text": two * 150}]
    for semantic in (False, True):
        result = compare(records, replace(KEPT, max_candidates=2, semantic=semantic))
        assert [len(g.members) for g in result.groups] == [300]


def test_a_short_sentence_repeated_pairs_with_a_few_of_its_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short sentence of the very same words in two articles pairs with at most
    ``Settings.verbatim_partners`` of its copies in the other (the first, or any copy when it is
    among the first itself), and the copies still make one group: two articles repeating "The man
    said it." to 40,000 characters paired every two copies (32 s of CPU, 2.5 GB).  Counted: the pairs
    of copies made (every two: the square)."""
    from compare import align

    pairs, same_pairs = [0], align.same_pairs

    def counted(*args: Any) -> set[tuple[int, int]]:
        found = same_pairs(*args)
        pairs[0] += len(found)
        return found

    monkeypatch.setattr(align, "same_pairs", counted)
    records = [{"id": "a", "text": "The man said it. " * 100}, {"id": "b", "text": "The man said it. " * 100}]
    for semantic in (False, True):
        result = compare(records, replace(KEPT, semantic=semantic))
        assert [len(g.members) for g in result.groups] == [200]
    assert pairs[0] == 2 * (8 * 100 + 92 * 8)  # 1,536 pairs a run; every two copies, 10,000
    assert Settings().verbatim_partners == 8


def test_a_short_quotation_repeated_pairs_with_a_few_of_its_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short sentence and another article's quotation of its very words pair too with at most
    ``Settings.verbatim_partners`` of the copies (a pair stays when either is among the first of its
    article): two articles repeating '"We will see," he said.' to 20,000 characters took 16 s of CPU
    and 690 MB, every two copies a pair.  Counted: the pairs of quotations made (every two: the square)."""
    from compare import align

    pairs, quote_links = [0], align.quote_links

    def counted(*args: Any) -> dict[tuple[int, int], object]:
        found = quote_links(*args)
        pairs[0] += len(found)
        return found

    monkeypatch.setattr(align, "quote_links", counted)
    records = [{"id": "a", "text": '"We will see," he said. ' * 60}, {"id": "b", "text": '"We will see," he said. ' * 60}]
    result = compare(records, replace(KEPT, semantic=False))
    assert [len(g.members) for g in result.groups] == [120]
    assert pairs[0] == 8 * 60 + 52 * 8  # 896; every two copies, 3,600


def test_numbers_inside_many_dates_are_found_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A number inside a date is no quantity; each number is looked up among the dates by
    bisection (it was a scan of every date: 2,000 dates and numbers took 10 s in a fuzzed case).
    Counted: the comparisons of the dates' starts, about log2(dates) a number (every date: the square)."""
    from compare.analyze import quantities

    compared = [0]

    def counting(name: str) -> Any:
        compare = getattr(int, name)

        def counted(self: int, other: object) -> bool:
            compared[0] += 1
            return bool(compare(self, other))

        return counted

    start = type("Start", (int,), {name: counting(name) for name in ("__lt__", "__le__", "__gt__", "__ge__")})
    find_dates = quantities.find_dates
    monkeypatch.setattr(quantities, "find_dates", lambda text: [replace(d, start=start(d.start)) for d in find_dates(text)])
    assert [q.value for q in find_quantities("On Nov. 20, 2010 27 troops, and 4 tanks on 3 May 2011.")] == [27, 4]
    text = "Nov. 20, 2010 27, " * 1_000
    found = find_quantities(text)
    assert len(found) == 1_000 and {q.value for q in found} == {27}
    assert compared[0] <= 3_000 * 12  # 3,000 numbers, 1,000 dates: 29,941 here; every date, 2 million


def _numbers(count: int, side: int) -> str:
    """Sentences of one template full of numbers (benchmarks/adversarial.py's "numbers" shape)."""
    out = []
    for n in range(count):
        k = n * 7 + side
        out.append(
            f"In {1990 + n % 30} the ministry counted {k:,} troops, {k % 97} tanks, ${k * 3 % 1000}.{n % 10} billion, "
            f"{n % 100}% of {k + 12:,} and {n % 28 + 1} Nov. {2000 + n % 20} at {n % 12 + 1}:{n % 60:02d}, "
            f"up {n % 9}.{side}% from {k - 5:,}. " + ("\n\n" if n % 4 == 3 else "")
        )
    return "".join(out)


def test_a_group_takes_at_most_group_max_wordings_and_the_result_says_so() -> None:
    records = [{"id": "a", "text": _numbers(300, 0)}, {"id": "b", "text": _numbers(300, 1)}]
    free = compare(records, replace(KEPT, semantic=False))
    assert max(len(g.members) for g in free.groups) > 6  # the template makes big groups
    assert not any("group_max_wordings" in line for line in free.limits)
    capped = compare(records, replace(KEPT, semantic=False, group_max_wordings=6))
    assert max(len(g.members) for g in capped.groups) <= 6
    assert len(capped.groups) > len(free.groups)
    (line,) = [line for line in capped.limits if "group_max_wordings" in line]
    assert "reached 6 different wordings" in line
    assert capped.to_dict()["limits"] == list(capped.limits)
    # A sentence repeated word for word is one wording (its copies among an article's leads one
    # more): one group however many copies.
    one = "NATO chief Anders Fogh Rasmussen said Monday that the alliance and Russia will cooperate on defence. "
    repeated = compare([{"id": "a", "text": one * 40}, {"id": "b", "text": one * 40}], replace(KEPT, group_max_wordings=4))
    assert [len(g.members) for g in repeated.groups] == [80] and not repeated.limits


def test_a_sentence_over_sentence_max_chars_is_cut_at_spaces_and_says_so() -> None:
    """One sentence of thousands of words (no full stop) cost the square of its length in the word
    diff and the negation checks (20,000 characters: 27 s); it is cut into pieces of at most
    Settings.sentence_max_chars at a space, each piece a sentence whose offsets hold, and the
    report says so in one line and in the article's ``repaired``."""
    words = " ".join(f"nor{n % 7}" for n in range(1_500))  # 7,499 characters, one sentence
    records = [{"id": "a", "text": words}, {"id": "b", "text": words.replace("nor3", "not3", 1)}]
    result = compare(records, replace(Settings(), semantic=False))
    for article in result.articles:
        assert [len(s.text) for s in article.sentences] == [1_999, 1_999, 1_999, 1_499]
        assert all(len(s.text) <= 2_000 and s.text == article.text[s.start : s.end] == s.text.strip() for s in article.sentences)
        assert " ".join(s.text for s in article.sentences) == article.text  # cut at single spaces only
        assert article.repaired == ("1 sentence(s) over 2,000 characters cut at a space into pieces (Settings.sentence_max_chars)",)
    (line,) = result.limits
    assert line == "sentence(s) over 2,000 characters cut at a space into pieces (Settings.sentence_max_chars): a 1, b 1"
    assert result.to_dict()["limits"] == [line]
    whole = compare(records, replace(Settings(), semantic=False, sentence_max_chars=0))  # 0: no limit
    assert [len(a.sentences) for a in whole.articles] == [1, 1] and whole.limits == ()
    spaceless = compare([{"id": "a", "text": "x" * 4_500}, {"id": "b", "text": "y" * 4_500}], replace(Settings(), semantic=False))
    assert [[len(s.text) for s in a.sentences] for a in spaceless.articles] == [[2_000, 2_000, 500]] * 2


def test_the_example_story_meets_no_limit() -> None:
    from pathlib import Path

    result = compare([Path(__file__).parent.parent / "examples" / "nato-russia-2010"])
    assert result.limits == ()
    assert "limits" not in result.to_dict()


def test_over_semantic_max_chars_the_comparison_is_lexical_and_says_so() -> None:
    from compare import semantic

    if not semantic.available():
        pytest.skip(f"the embedding model is missing: {semantic.status()}")
    records = [{"id": "a", "text": _numbers(20, 0)}, {"id": "b", "text": _numbers(20, 1)}]
    lexical = compare(records, replace(Settings(), semantic=False))
    embedded = compare(records, Settings())
    assert embedded.limits == ()
    limited = compare(records, replace(Settings(), semantic_max_chars=1_000))
    (line,) = limited.limits
    assert line.startswith("no sentence embeddings: ") and "over 1,000 (Settings.semantic_max_chars)" in line
    assert [g.members for g in limited.groups] == [g.members for g in lexical.groups]
    assert [g.score for g in limited.groups] == [g.score for g in lexical.groups]


def test_the_command_line_prints_each_limit_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from storycompare import cli

    for name, side in (("a.txt", 0), ("b.txt", 1)):
        (tmp_path / name).write_text(_numbers(300, side), encoding="utf-8")
    monkeypatch.setattr(cli, "mode_settings", lambda args: replace(Settings(), semantic=False, group_max_wordings=6))
    code = cli.main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json", str(tmp_path / "r.json")])
    assert code == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("storycompare: warning: ")]
    assert any("group(s) reached 6 different wordings (Settings.group_max_wordings)" in line for line in warnings)
    import json

    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["limits"] == [w.split(": ", 2)[2] for w in warnings]


def test_matched_parts_scores_only_the_members_that_matched_by_a_part() -> None:
    """A giant group (one sentence repeated) without parts cost the square of its size in
    matched_parts (5.8 million scores, 2.7 GB of cache at 500,000 characters)."""
    from compare.parts import matched_parts

    calls: list[tuple[int, int]] = []

    def similarity(i: int, j: int) -> float:
        calls.append((i, j))
        return 0.9 if {i, j} == {0, 1} else 0.5

    group = tuple(range(2_000))
    article_of = [k % 2 for k in group]
    assert matched_parts([group], article_of, similarity, {}) == {}
    assert calls == []
    assert matched_parts([group], article_of, similarity, {(0, 1): (0.9, (0, 5), None)}) == {0: (0, 5)}
    assert len(calls) < 5_000  # the two members with a part, against the others


def test_matched_parts_of_a_quotation_repeated_scores_each_copy_against_a_few() -> None:
    """A quotation repeated in two articles ('"We will see," he said.' to 40,000 characters): every
    copy matched a few of the other's (``Settings.verbatim_partners``), all at 1.0, and
    matched_parts scored each against every copy of the other article to find its closest (1.4
    million scores, 10 s and 300 MB).  Past 1.0 only the members before the best are looked at.
    Counted: the scores asked for (every two copies: the square)."""
    from compare.parts import matched_parts

    calls = [0]

    def similarity(i: int, j: int) -> float:
        calls[0] += 1
        return 1.0

    group = tuple(range(2_000))
    article_of = [k % 2 for k in group]
    firsts = {side: [k for k in group if article_of[k] == side][:8] for side in (0, 1)}
    matched = {
        (min(m, o), max(m, o)): (1.0, (0, 4), (0, 4)) for m in group for o in firsts[1 - article_of[m]]
    }
    found = matched_parts([group], article_of, similarity, matched)
    assert found == dict.fromkeys(group, (0, 4))  # each copy's closest is the other article's first copy
    assert calls[0] < 40 * len(group)  # about 20 a copy; every other copy: 2 million


def _matched_parts_reference(
    groups: list[tuple[int, ...]], article_of: list[int], similarity: Any, matched: dict[tuple[int, int], Any]
) -> dict[int, tuple[int, int]]:
    """matched_parts as it was: each member against every member of another article."""
    out: dict[int, tuple[int, int]] = {}
    with_part = {i for key in matched for i in key}
    for group in groups:
        for m in group:
            others = [o for o in group if article_of[o] != article_of[m]]
            if m not in with_part or not others:
                continue
            closest = max(others, key=lambda o: (similarity(m, o), -o))
            key = (m, closest) if m < closest else (closest, m)
            entry = matched.get(key)
            if entry is None or entry[0] < similarity(m, closest):
                continue
            span = entry[1] if key[0] == m else entry[2]
            if span is not None:
                out[m] = span
    return out


@pytest.mark.parametrize("seed", range(40))
def test_matched_parts_finds_what_scoring_every_pair_finds(seed: int) -> None:
    """The same parts as scoring every member against every other, with ties at 1.0 and below."""
    import random

    from compare.parts import matched_parts

    rng = random.Random(seed)
    size = rng.randint(2, 14)
    article_of = [rng.randint(0, 2) for _ in range(size)]
    order = list(range(size))
    rng.shuffle(order)
    groups = [tuple(order[: size // 2]), tuple(order[size // 2 :])]
    scores = {(i, j): rng.choice([1.0, 1.0, 0.9, 0.8, 0.5]) for i in range(size) for j in range(i + 1, size)}
    matched = {
        key: (rng.choice([value, value - 0.1]), rng.choice([(0, 3), None]), rng.choice([(1, 4), None]))
        for key, value in scores.items()
        if rng.random() < 0.4
    }

    def similarity(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        return max(scores[key], matched[key][0] if key in matched else 0.0)

    assert matched_parts(groups, article_of, similarity, matched) == _matched_parts_reference(groups, article_of, similarity, matched)


def test_batch_prints_each_limit_of_a_story_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Batch says, story by story, which limit changed a result, as compare does; the story's
    JSON carries the same lines."""
    import json

    from storycompare import batch_cli, cli

    news = tmp_path / "news"
    news.mkdir()
    for name, side in (("a.txt", 0), ("b.txt", 1)):
        (news / name).write_text(_numbers(300, side), encoding="utf-8")
    monkeypatch.setattr(batch_cli, "mode_settings", lambda args: replace(Settings(), semantic=False, group_max_wordings=6))
    code = cli.main(["batch", str(news), "--out", str(tmp_path / "out")])
    assert code == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("storycompare: warning: story ")]
    assert any("group(s) reached 6 different wordings (Settings.group_max_wordings)" in line for line in warnings), warnings
    story_id = warnings[0].split("story ", 1)[1].split(":", 1)[0]
    story_json = json.loads((tmp_path / "out" / "stories" / f"{story_id}.json").read_text("utf-8"))
    assert [f"storycompare: warning: story {story_id}: {limit}" for limit in story_json["limits"]] == warnings


def test_an_error_naming_an_article_id_with_a_line_separator_stays_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by test_fuzz: an article id holding U+2028 split the error in two for str.splitlines.
    from storycompare import cli

    (tmp_path / "a.json").write_text('{"id": "first\\u2028second\\u202eevil", "text": "2010-11-20"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister resigned on Monday after a week of protests in the capital.", encoding="utf-8")
    code = cli.main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.txt"), "--json", str(tmp_path / "r.json")])
    err = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "r.json").exists()
    assert len(err.splitlines()) == 1 and err.startswith("storycompare: error: ")
    assert "first\\u2028second\\u202eevil" in err


def test_too_many_articles_to_compare_pair_by_pair_are_refused_before_any_is_prepared(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """5,000 short articles made 12.5 million pairs to score and judge (150 took 30 s, 600 took
    400 s): over ``Settings.article_pairs_max`` the comparison is refused in one line that points
    to ``batch``, before any article is cleaned or split.  Counted: the articles prepared.  Chosen
    pairs count as themselves."""
    from compare import errors, pipeline
    from storycompare.cli import main

    prepared = [0]
    prepare = pipeline.prepare

    def counted(*args: Any, **kwargs: Any) -> Any:
        prepared[0] += 1
        return prepare(*args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare", counted)
    records = [{"id": f"a{n}", "text": f"Officials in town {n} met on Monday to discuss item {n}."} for n in range(5_000)]
    few = replace(Settings(semantic=False), article_pairs_max=2)
    with pytest.raises(errors.UsageError, match=r"^3 articles make 3 pairs"):
        compare(records[:3], few)
    assert len(compare(records[:3], few, pairs=["a0:a1", "a1:a2"]).pairs) == 2
    with pytest.raises(errors.UsageError, match=r"^the chosen pairs are 3 pairs"):
        compare(records[:3], few, pairs=["a0:a1", "a1:a2", "a0:a2"])
    assert len(compare(records[:3], replace(few, article_pairs_max=0)).pairs) == 3  # 0: no limit
    prepared[0] = 0
    with pytest.raises(errors.UsageError, match=r"^5,000 articles make 12,497,500 pairs to compare, over 4,950 \(Settings.article_pairs_max\): `storycompare batch`"):
        compare(records, Settings(semantic=False))
    assert prepared[0] == 0
    for n in range(101):  # 5,050 pairs
        (tmp_path / f"a{n}.txt").write_text(records[n]["text"], "utf-8")
    capsys.readouterr()
    assert main(["compare", str(tmp_path), "--lexical", "--html", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "101 articles make 5,050 pairs" in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()
