"""``storycompare batch``: whole collections (compare/batch/, storycompare/batch.py, storycompare/batch_cli.py,
reports/batch.py)."""

from __future__ import annotations

import argparse
import builtins
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_stories import follow_up_collection, records, truth

from compare import pipeline
from compare.batch import (
    BATCH_SCHEMA,
    InProcess,
    open_runner,
    partitions,
    prepare_article,
)
from compare.errors import CompareError, InputError, UsageError
from compare.load import load_inputs
from compare.pipeline import compare_prepared
from compare.stories import adjusted_rand_index
from storycompare import batch_cli
from storycompare.batch import run_batch


def write_collection(folder: Path) -> list[str]:
    """The synthetic collection as a user has it: a JSONL export plus a folder of text files."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = records()
    export = folder / "export.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows[:7]), encoding="utf-8")
    texts = folder / "texts"
    texts.mkdir()
    for r in rows[7:]:
        (texts / f"{r['id']}.json").write_text(json.dumps(r), encoding="utf-8")
    return [str(export), str(texts)]


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="storycompare")
    parser.add_argument("--debug", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)
    batch_cli.add_parser(commands)
    return parser.parse_args(["batch", *argv])


def check_stories_json(data: dict[str, Any]) -> None:
    """The contract of stories.json (schema storycompare-batch/1)."""
    assert data["schema"] == BATCH_SCHEMA == "storycompare-batch/1"
    assert set(data) >= {"schema", "stories", "singletons"}
    assert isinstance(data["stories"], list) and isinstance(data["singletons"], list)
    seen: list[str] = []
    for story in data["stories"]:
        assert set(story) == {"id", "articles", "title", "related"}
        for link in story["related"]:
            assert set(link) - {"story", "article"} == {"relation", "days", "reason"}
            assert link["relation"] in {"follow_up_of", "followed_by"}
        assert isinstance(story["id"], str) and story["id"]
        assert isinstance(story["title"], str)
        assert isinstance(story["articles"], list) and len(story["articles"]) >= 2
        assert all(isinstance(a, str) for a in story["articles"])
        seen.extend(story["articles"])
    assert all(isinstance(a, str) for a in data["singletons"])
    seen.extend(data["singletons"])
    assert len(seen) == len(set(seen))  # every article once
    for skipped in data.get("skipped", []):
        assert set(skipped) == {"source", "reason"}
    stories = {s["id"] for s in data["stories"]}
    for link in data["links"]:  # every follow-up link, both ends a story or an article on its own
        assert set(link) == {"earlier", "later", "days", "reason"}
        for end in (link["earlier"], link["later"]):
            ((kind, name),) = end.items()
            assert name in (stories if kind == "story" else set(data["singletons"]))


def story_labels(data: dict[str, Any]) -> dict[str, str]:
    labels = {a: s["id"] for s in data["stories"] for a in s["articles"]}
    labels.update({a: f"single:{a}" for a in data["singletons"]})
    return labels


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_collection(tmp_path_factory.mktemp("collection"))


@pytest.fixture(scope="module")
def in_process(collection: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out-1")
    run_batch(collection, out)
    return out


# --- the files of a run ------------------------------------------------------------------------


def test_writes_index_stories_json_and_a_report_per_story(in_process: Path) -> None:
    data = json.loads((in_process / "stories.json").read_text("utf-8"))
    check_stories_json(data)
    assert len(data["stories"]) == 3 and sorted(data["singletons"]) == ["bakery", "chess"]
    labels = story_labels(data)
    ids = sorted(truth())
    assert adjusted_rand_index([truth()[i] for i in ids], [labels[i] for i in ids]) == 1.0
    for story in data["stories"]:
        report = json.loads((in_process / "stories" / f"{story['id']}.json").read_text("utf-8"))
        assert report["schema"] == "storycompare/1"
        assert [a["id"] for a in report["articles"]] == story["articles"]
        html = (in_process / "stories" / f"{story['id']}.html").read_text("utf-8")
        assert "Content-Security-Policy" in html
    assert not list((in_process / "stories").glob("*.pdf"))
    assert not list(in_process.rglob(".*.tmp"))  # atomic writes leave nothing behind
    index = (in_process / "index.html").read_text("utf-8")
    for story in data["stories"]:
        assert f'href="stories/{story["id"]}.html"' in index
    for name in ("Riverton Gazette", "Northern Herald", "2024-03-05", "bakery", "chess"):
        assert name in index


def test_a_follow_up_story_is_linked_both_ways(tmp_path: Path) -> None:
    """The later meeting's story is a follow-up of the earlier one's, in stories.json and
    in index.html (a link to the other story's row); the unrelated article is linked to none;
    an article on its own that is a follow-up is named by its article id."""
    rows = follow_up_collection()
    rows = [r for r in rows if r["id"] != "meeting-2010-11-03-herald"]  # the second meeting alone
    rows.append({**rows[0], "id": "meeting-2010-09-22-post", "outlet": "Post"})
    out = tmp_path / "out"
    run_batch([_jsonl(tmp_path, rows)], out)
    data = json.loads((out / "stories.json").read_text("utf-8"))
    check_stories_json(data)
    (story,) = data["stories"]
    assert data["singletons"] == ["meeting-2010-11-03-wire", "strike-gazette"]
    (link,) = story["related"]
    assert link["article"] == "meeting-2010-11-03-wire" and link["relation"] == "followed_by" and link["days"] == 42
    index = (out / "index.html").read_text("utf-8")
    assert 'Followed by <a href="#article-meeting-2010-11-03-wire">' in index
    assert '<tr id="article-meeting-2010-11-03-wire">' in index

    out = tmp_path / "out2"
    run_batch([_jsonl(tmp_path, follow_up_collection())], out)
    data = json.loads((out / "stories.json").read_text("utf-8"))
    check_stories_json(data)
    first, second = data["stories"]
    assert [r["relation"] for r in first["related"]] == ["followed_by"] and first["related"][0]["story"] == second["id"]
    assert [r["relation"] for r in second["related"]] == ["follow_up_of"] and second["related"][0]["story"] == first["id"]
    assert second["related"][0]["reason"].startswith("a follow-up: ")
    index = (out / "index.html").read_text("utf-8")
    assert f'Follow-up of <a href="#{first["id"]}">' in index and f'Followed by <a href="#{second["id"]}">' in index
    assert [(x["earlier"], x["later"], x["days"]) for x in data["links"]] == [
        ({"story": first["id"]}, {"story": second["id"]}, 42)
    ]


def test_two_articles_on_their_own_are_linked(tmp_path: Path) -> None:
    """One article on each meeting: two articles on their own, the later a follow-up of the
    earlier; stories.json's ``links`` names both ends, and each row of index.html links the other."""
    rows = [r for r in follow_up_collection() if r["id"].endswith("-wire") or r["id"] == "strike-gazette"]
    out = tmp_path / "out"
    run_batch([_jsonl(tmp_path, rows)], out)
    data = json.loads((out / "stories.json").read_text("utf-8"))
    check_stories_json(data)
    assert data["stories"] == [] and sorted(data["singletons"]) == [
        "meeting-2010-09-22-wire", "meeting-2010-11-03-wire", "strike-gazette"
    ]
    (link,) = data["links"]
    assert link["earlier"] == {"article": "meeting-2010-09-22-wire"}
    assert link["later"] == {"article": "meeting-2010-11-03-wire"} and link["days"] == 42
    assert link["reason"].startswith("a follow-up: ")
    index = (out / "index.html").read_text("utf-8")
    assert 'Followed by <a href="#article-meeting-2010-11-03-wire">' in index
    assert 'Follow-up of <a href="#article-meeting-2010-09-22-wire">' in index
    assert index.count('<p class="related">') == 2  # the unrelated article is linked to none


def _jsonl(folder: Path, rows: list[dict[str, Any]]) -> str:
    path = folder / f"rows-{len(rows)}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def test_index_is_self_contained(in_process: Path) -> None:
    index = (in_process / "index.html").read_text("utf-8")
    assert "default-src 'none'" in index and "script-src 'sha256-" in index
    assert "unsafe-inline" not in index
    assert "http://" not in index and "https://" not in index
    assert "<link" not in index and "@import" not in index and " src=" not in index


def test_story_json_equals_comparing_the_story_alone(in_process: Path) -> None:
    data = json.loads((in_process / "stories.json").read_text("utf-8"))
    story = data["stories"][0]
    wanted = [r for r in records() if r["id"] in story["articles"]]
    wanted.sort(key=lambda r: story["articles"].index(r["id"]))
    articles = [prepare_article(a)[0] for a in load_inputs(wanted)]
    report = json.loads((in_process / "stories" / f"{story['id']}.json").read_text("utf-8"))
    alone = compare_prepared(articles, title=story["title"]).to_dict()
    for key in ("groups", "unique", "pairs", "stances"):
        assert report[key] == json.loads(json.dumps(alone[key])), key


def test_a_story_takes_the_event_profiles_made_to_group_it(
    example_files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each article's event profile is made once, when the articles are prepared (the grouping
    needs it): the story's comparison takes it from the prepared partition and makes none, with
    the report of comparing the story alone."""
    from compare.analyze import event_sets
    from compare.batch import StoryJob, compare_story, prepare_part
    from compare.settings import Settings
    from storycompare.cli import EXAMPLE_LABELS

    part = prepare_part(load_inputs(example_files, EXAMPLE_LABELS))
    alone = compare_prepared(part.articles, title="NATO and Russia").to_dict()

    def made_again(article: Any) -> None:
        raise AssertionError(f"event profile of {article.id} made again")

    monkeypatch.setattr(event_sets, "event_profile", made_again)
    job = StoryJob(
        "s0001",
        "NATO and Russia",
        tuple(a.id for a in part.articles),
        Settings(),
        None,
        lambda comparison: (("json", json.dumps(comparison.to_dict()).encode()),),
    )
    output = compare_story(job, part)
    assert output.summary.error is None
    assert json.loads(output.files[0][1]) == json.loads(json.dumps(alone))


def test_compare_prepared_matches_the_pipeline(example_files: list[str]) -> None:
    from compare import compare
    from storycompare.cli import EXAMPLE_LABELS

    expected = compare(example_files, labels=EXAMPLE_LABELS).to_dict()
    articles = [prepare_article(a)[0] for a in load_inputs(example_files, EXAMPLE_LABELS)]
    assert compare_prepared(articles).to_dict() == expected


def test_batch_and_compare_agree_under_other_settings(tmp_path: Path) -> None:
    """Settings reach the clean stage in batch as in compare(): with bylines of at most one
    word, "By Jane Doe" is article text, and both keep it."""
    from compare import CleanSettings, Settings, compare

    settings = replace(Settings(), clean=replace(CleanSettings(), byline_max_words=1))
    rows = [dict(r, text=f"By Jane Doe\n\n{r['text']}") for r in records() if r["id"] in ("flood-gazette", "flood-herald")]
    assert len(rows) == 2
    export = tmp_path / "story.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run_batch([str(export)], tmp_path / "out", settings=settings)
    (story,) = result.stories
    report = json.loads((tmp_path / "out" / "stories" / f"{story.id}.json").read_text("utf-8"))
    alone = json.loads(json.dumps(compare([str(export)], settings, title=story.title).to_dict()))
    assert report["settings"]["clean"]["byline_max_words"] == 1
    for key in ("settings", "articles", "groups", "unique", "pairs", "stances"):
        assert report[key] == alone[key], key
    sentences = [s["text"] for a in report["articles"] for s in a["sentences"]]
    assert sentences.count("By Jane Doe") == 2
    assert all(not a["removed"] for a in report["articles"])


def test_compare_prepared_needs_two_articles_with_text() -> None:
    (one,) = [prepare_article(a)[0] for a in load_inputs(records()[:1])]
    with pytest.raises(UsageError, match="at least two"):
        compare_prepared([one])


def test_compare_prepared_refuses_event_profiles_of_other_articles() -> None:
    """``compare_prepared(event_profiles=...)`` trusted the caller to pass each article's own
    profile: another article's (swapped ids, a second batch's article of the same id) or one made
    before the article was edited judged the events silently on the wrong text."""
    from compare.settings import Settings

    lexical = Settings(semantic=False)
    prepared = [prepare_article(a) for a in load_inputs(records()[:3])]
    articles = [article for article, _ in prepared]
    own = {article.id: profile.event for article, profile in prepared if profile.event is not None}
    a, b, c = articles
    assert set(own) == {a.id, b.id, c.id}
    assert compare_prepared(articles, lexical, event_profiles=own).to_dict() == compare_prepared(articles, lexical).to_dict()
    swapped = {**own, a.id: own[b.id], b.id: own[a.id]}
    with pytest.raises(UsageError, match=rf"event_profiles\['{a.id}'\] is the profile of article '{b.id}'"):
        compare_prepared(articles, lexical, event_profiles=swapped)
    with pytest.raises(UsageError, match=rf"event_profiles\['{a.id}'\] was made from another version of that article"):
        compare_prepared([replace(a, title="Flood waters recede across the county"), b, c], lexical, event_profiles=own)
    with pytest.raises(UsageError, match=r"is a dict, not an EventProfile"):
        compare_prepared(articles, lexical, event_profiles={a.id: {}})  # type: ignore[dict-item]


def test_compare_prepared_refuses_event_profiles_of_articles_not_given() -> None:
    """A profile for an id that is none of the articles given (a typo, another story's article) was
    ignored without a word (session 22 left it); a profile of an article that ``chosen`` leaves out
    is still checked, then not used."""
    from compare.settings import Settings

    lexical = Settings(semantic=False)
    prepared = [prepare_article(a) for a in load_inputs(records()[:3])]
    articles = [article for article, _ in prepared]
    own = {article.id: profile.event for article, profile in prepared if profile.event is not None}
    a, b, c = articles
    with pytest.raises(UsageError) as refused:
        compare_prepared([a, b], lexical, event_profiles=own)
    assert str(refused.value) == (
        f"compare_prepared(): event_profiles[{c.id!r}] names no article given "
        f"(articles: {', '.join(sorted((a.id, b.id)))}): pass profiles of the articles compared only"
    )
    chosen = [(a.id, b.id)]
    assert compare_prepared(articles, lexical, chosen=chosen, event_profiles=own).to_dict() == (
        compare_prepared(articles, lexical, chosen=chosen).to_dict()
    )
    with pytest.raises(UsageError, match=rf"event_profiles\['{c.id}'\] is the profile of article '{a.id}'"):
        compare_prepared(articles, lexical, chosen=chosen, event_profiles={**own, c.id: own[a.id]})


def test_partitions_keep_dates_together() -> None:
    articles = load_inputs(records())
    parts = partitions(articles, 4)
    assert sum(len(p) for p in parts) == len(articles) and all(len(p) <= 4 for p in parts)
    dates = [a.date for p in parts for a in p]
    assert dates == sorted(dates)  # type: ignore[type-var]


# --- bad input ----------------------------------------------------------------------------------


def bad_collection(folder: Path) -> list[str]:
    inputs = write_collection(folder)
    export = Path(inputs[0])
    export.write_text(export.read_text("utf-8") + "{not json\n" + json.dumps({"title": "no text"}) + "\n", "utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "furniture.txt").write_text("Share on Facebook\n\nShare on Twitter\n", encoding="utf-8")
    return [*inputs, str(folder / "empty.txt"), str(folder / "furniture.txt"), str(folder / "missing.txt")]


@pytest.fixture
def nothing_left_of_furniture(monkeypatch: pytest.MonkeyPatch) -> None:
    """The clean stage as if it took every paragraph of furniture.txt out (it keeps a text
    that is all boilerplate rather than leave nothing, so this case needs a stand-in)."""
    real = pipeline.segment

    def segment(article: Any, max_chars: int = 0, repeat_min_words: int = 0) -> Any:
        segmented = real(article, max_chars, repeat_min_words)
        if article.source.endswith("furniture.txt"):
            segmented = replace(segmented, sentences=())
        return segmented

    monkeypatch.setattr(pipeline, "segment", segment)


def test_bad_input_stops_the_run_with_one_clear_error(tmp_path: Path) -> None:
    inputs = bad_collection(tmp_path / "in")
    with pytest.raises(InputError, match="line 8"):
        run_batch(inputs, tmp_path / "out")
    assert not (tmp_path / "out" / "index.html").exists()


def test_bad_input_leaves_no_folder_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad input stopped the run after ``out/stories/`` was made: an empty folder was left."""
    inputs = write_collection(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out" / "run"
    from storycompare.cli import main

    assert main(["batch", *inputs, str(tmp_path / "in" / "empty.txt"), "--out", str(out), "--lexical"]) == 2
    assert capsys.readouterr().err == f"storycompare: error: {tmp_path / 'in' / 'empty.txt'}: empty file\n"
    assert not (tmp_path / "out").exists()
    (tmp_path / "kept").mkdir()  # a folder that exists stays as it was: empty
    with pytest.raises(InputError, match="empty file"):
        run_batch([*inputs, str(tmp_path / "in" / "empty.txt")], tmp_path / "kept")
    assert list((tmp_path / "kept").iterdir()) == []


@pytest.mark.parametrize("kind", ["a file", "a symbolic link to nothing"])
def test_a_file_where_the_stories_folder_goes_is_named(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``batch --out d`` with a file ``d/stories`` said "d: file exists"."""
    inputs = write_collection(tmp_path / "in")
    out = tmp_path / "d"
    out.mkdir()
    if kind == "a file":
        (out / "stories").write_text("notes", encoding="utf-8")
    else:
        (out / "stories").symlink_to(tmp_path / "gone")
    from storycompare.cli import main

    assert main(["batch", *inputs, "--out", str(out), "--lexical"]) == 2
    assert capsys.readouterr().err == (
        f"storycompare: error: {out / 'stories'}: is {kind}, not a folder; the reports go into a folder of that name\n"
    )
    assert [p.name for p in out.iterdir()] == ["stories"]


@pytest.mark.usefixtures("nothing_left_of_furniture")
def test_skip_bad_leaves_out_and_lists_what_cannot_be_read(tmp_path: Path) -> None:
    inputs = bad_collection(tmp_path / "in")
    result = run_batch(inputs, tmp_path / "out", skip_bad=True)
    reasons = {s.source: s.reason for s in result.skipped}
    export = inputs[0]
    assert set(reasons) == {f"{export} line 8", f"{export} line 9", inputs[2], inputs[3], inputs[4]}
    assert "no text field" in reasons[f"{export} line 9"]
    assert reasons[inputs[2]] == "empty file"
    assert "no article text left" in reasons[inputs[3]]
    data = json.loads((tmp_path / "out" / "stories.json").read_text("utf-8"))
    check_stories_json(data)
    assert len(data["stories"]) == 3
    assert len(data["skipped"]) == 5
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Skipped" in index and "empty file" in index


@pytest.mark.usefixtures("nothing_left_of_furniture")
def test_empty_article_without_skip_bad_names_the_file(tmp_path: Path) -> None:
    inputs = write_collection(tmp_path / "in")
    furniture = tmp_path / "in" / "furniture.txt"
    furniture.write_text("Share on Facebook\n\nShare on Twitter\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"furniture\.txt: no article text left after removing boilerplate$"):
        run_batch([*inputs, str(furniture)], tmp_path / "out")


def test_a_file_given_twice_is_a_usage_error_even_with_skip_bad(tmp_path: Path) -> None:
    inputs = write_collection(tmp_path / "in")
    for skip_bad in (False, True):
        with pytest.raises(UsageError, match="is given twice"):
            run_batch([str(tmp_path / "in"), inputs[0]], tmp_path / "out", skip_bad=skip_bad)
    assert not (tmp_path / "out" / "index.html").exists()


def test_no_articles_at_all(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="every input was skipped"):
        run_batch([str(tmp_path / "empty.txt")], tmp_path / "out", skip_bad=True)


# --- the command line -----------------------------------------------------------------------------


def test_cli_runs_quietly_when_stderr_is_not_a_terminal(
    collection: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert batch_cli.run(parse(*collection, "--out", str(tmp_path / "out"))) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    lines = captured.out.splitlines()
    assert lines[0] == f"HTML {tmp_path / 'out' / 'index.html'}"
    assert lines[1] == f"JSON {tmp_path / 'out' / 'stories.json'}"
    assert lines[2].startswith("3 stories, 2 articles on their own, 0 skipped")


def test_progress_bar_shows_stage_and_counts() -> None:
    stream = io.StringIO()
    bar = batch_cli.ProgressBar(stream)
    bar("prepare", 0, 10)
    bar("prepare", 10, 10)
    bar("compare", 3, 3)
    bar.close()
    text = stream.getvalue()
    assert "prepare" in text and "10/10" in text and "compare" in text and "3/3" in text


def test_cli_options() -> None:
    args = parse("a", "b/", "--out", "o", "--pdf", "--workers", "3", "--skip-bad")
    assert (args.inputs, args.out, args.pdf, args.workers, args.skip_bad) == (["a", "b/"], "o", True, 3, True)
    assert args.scheduler is None
    with pytest.raises(SystemExit):
        parse("a")  # --out is required


def test_workers_must_be_positive() -> None:
    with pytest.raises(UsageError, match="--workers 0"), open_runner(0):
        pass


def test_without_dask_more_workers_fail_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "distributed" or name.startswith(("distributed.", "dask")):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    for workers, scheduler in ((2, None), (1, "tcp://127.0.0.1:8786")):
        with pytest.raises(UsageError) as info, open_runner(workers, scheduler):
            pass
        message = str(info.value)
        assert "\n" not in message and "pip install 'storycompare[batch]'" in message
    with open_runner(1) as runner:  # one worker needs no Dask
        assert isinstance(runner, InProcess)


def test_batch_mode_imports_no_dask_for_one_worker() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from storycompare import batch_cli; import compare.batch, storycompare.batch; "
        "print(any(m == 'distributed' or m.startswith('dask') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- Dask -------------------------------------------------------------------------------------------


def test_dask_workers_and_scheduler_give_the_same_stories(
    collection: list[str], in_process: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed (the batch extra)")
    expected = json.loads((in_process / "stories.json").read_text("utf-8"))

    # --workers 2: a local cluster of two worker processes, started and stopped by the run.
    assert batch_cli.run(parse(*collection, "--out", str(tmp_path / "w2"), "--workers", "2")) == 0
    # --scheduler: a running cluster (two worker processes) the run connects to.
    # A user's own cluster; on loopback with no HTTP port, so that a second run of the suite (or
    # any scheduler on 8787) does not make it warn "Port 8787 is already in use".
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        assert batch_cli.run(parse(*collection, "--out", str(tmp_path / "s"), "--scheduler", cluster.scheduler_address)) == 0

    for out in (tmp_path / "w2", tmp_path / "s"):
        data = json.loads((out / "stories.json").read_text("utf-8"))
        assert data["stories"] == expected["stories"]
        assert data["singletons"] == expected["singletons"]
        for story in data["stories"]:
            name = f"{story['id']}.json"
            assert (out / "stories" / name).read_bytes() == (in_process / "stories" / name).read_bytes()


def test_unreachable_scheduler_is_a_usage_error(collection: list[str], tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask[distributed] is not installed (the batch extra)")
    with pytest.raises(CompareError, match="cannot connect"), open_runner(1, "tcp://127.0.0.1:9"):
        pass


# --- the index in a real browser ----------------------------------------------------------------------


@pytest.mark.browser
def test_index_in_chromium_makes_no_request_and_sorts(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed; .ci/run installs it")
    rows = records()
    hostile = '<img src="https://example.com/x.png" onerror="alert(1)"><script>alert(2)</script>'
    rows[0]["title"] = "Marlow river floods Riverton " + hostile
    rows[9]["outlet"] = '"><script>alert(3)</script>'
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "export.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run_batch([str(folder / "export.jsonl")], tmp_path / "out")
    index = tmp_path / "out" / "index.html"

    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("dialog", lambda d: problems.append("dialog " + d.message))
            page.on("request", lambda r: None if r.url == index.as_uri() else problems.append("request " + r.url))
            page.goto(index.as_uri())
            assert hostile in page.inner_text("#story-table")  # shown as text, not run
            sizes = page.eval_on_selector_all("#story-table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)")
            assert sizes == ["3", "3", "3"]
            # Sort by the Sentences column: ascending after two clicks (numbers start descending).
            heading = page.locator("#story-table thead th", has_text="Sentences")
            heading.locator("button").click()
            assert heading.get_attribute("aria-sort") == "descending"
            values = page.eval_on_selector_all(
                "#story-table tbody tr td:nth-child(5)", "cells => cells.map(c => Number(c.textContent))"
            )
            assert values == sorted(values, reverse=True)
            heading.locator("button").click()
            values = page.eval_on_selector_all(
                "#story-table tbody tr td:nth-child(5)", "cells => cells.map(c => Number(c.textContent))"
            )
            assert values == sorted(values)
            page.locator("#singleton-table thead th", has_text="Article").locator("button").click()
            names = page.eval_on_selector_all("#singleton-table tbody tr", "rows => rows.map(r => r.cells[0].dataset.value)")
            assert names == sorted(names)
        finally:
            browser.close()
    assert problems == []


def test_index_names_outlets_and_counts_articles_without_one() -> None:
    from compare.batch import ArticleInfo, StorySummary
    from reports.batch import _outlets

    def info(article_id: str, outlet: str | None) -> ArticleInfo:
        return ArticleInfo(article_id, article_id, outlet, None, None, None, 1, 5)

    story = StorySummary("s0001", "t", (info("a", "BBC"), info("b", None), info("c", "BBC"), info("d", None)))
    assert story.outlets == ("BBC",)
    assert _outlets(story) == "BBC; 2 without outlet"
    assert _outlets(StorySummary("s2", "t", (info("a", None), info("b", None)))) == "2 without outlet"
    # an outlet's right-to-left override stays in it: the index once showed "TR ,BBC" for "\u202eRT, BBC"
    rtl = StorySummary("s3", "t", (info("a", "\u202eRT"), info("b", "BBC")))
    assert _outlets(rtl) == "\u2068\u202eRT\u2069, BBC"


def test_a_scheduler_that_never_answers_stops_the_run_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that accepts the connection but is not a Dask scheduler must not keep the run waiting."""
    pytest.importorskip("distributed")
    import socket

    from compare.batch import runners

    monkeypatch.setattr(runners, "SCHEDULER_DEADLINE", 2.0)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(UsageError) as caught, runners.open_runner(1, address):
            pass
    message = str(caught.value)
    assert message.startswith(f"--scheduler {address}: cannot connect: ")
    assert "\n" not in message


def test_too_many_local_workers_is_a_usage_error() -> None:
    import os

    from compare import batch

    most = 4 * (os.cpu_count() or 1)
    with (
        pytest.raises(UsageError, match=rf"--workers {most + 1}: at most {most} on this machine"),
        batch.open_runner(most + 1),
    ):
        pass


def test_a_smaller_rerun_into_the_same_folder_says_what_is_left_over(
    collection: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert batch_cli.run(parse(*collection, "--out", str(out))) == 0
    first = sorted(p.name for p in (out / "stories").iterdir())
    capsys.readouterr()
    export = collection[0]  # the JSONL export alone: fewer stories
    assert batch_cli.run(parse(export, "--out", str(out))) == 0
    stories = json.loads((out / "stories.json").read_text("utf-8"))["stories"]
    left = sorted(name for name in first if name.split(".")[0] not in {s["id"] for s in stories})
    assert left, "the fixture should give fewer stories the second time"
    err = capsys.readouterr().err
    assert err.startswith(f"storycompare: warning: {out / 'stories'} also holds {len(left)} report files of an earlier run")
    assert err.count("\n") == 1


def _interrupt_ignored() -> bool:
    import signal

    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_local_workers_leave_ctrl_c_to_the_command() -> None:
    """Ctrl-C reaches the terminal's whole process group: the worker processes ignore it (and
    print no tracebacks), the command answers it by closing the cluster; here it still counts."""
    pytest.importorskip("distributed")
    import signal

    from compare import batch

    before = signal.getsignal(signal.SIGINT)  # Python's default_int_handler, unless started with Ctrl-C ignored (nohup, `&`)
    with batch.open_runner(2) as runner:
        handles = [runner.submit(_interrupt_ignored) for _ in range(2)]
        assert [value for _, value in runner.as_completed(handles)] == [True, True]
    assert signal.getsignal(signal.SIGINT) is before


def test_a_ctrl_c_while_the_local_cluster_starts_stops_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C in the seconds the local cluster takes to start was ignored with the workers' and
    lost: the batch ran to its end.  It is held back now, raised once the cluster is up, and the
    cluster closes."""
    distributed = pytest.importorskip("distributed")
    import signal
    import threading

    from compare import batch

    started: list[Any] = []
    real = distributed.LocalCluster

    def interrupted_start(*args: Any, **kwargs: Any) -> Any:
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)  # the terminal's Ctrl-C, mid-start
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(distributed, "LocalCluster", interrupted_start)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, even where tests run with it ignored
    try:
        with pytest.raises(KeyboardInterrupt), batch.open_runner(2):
            raise AssertionError("the batch went on after the Ctrl-C")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    finally:
        signal.signal(signal.SIGINT, previous)
    assert started and started[0].status.name == "closed"


def test_a_story_over_the_pair_limit_compares_its_closest_articles_and_says_so(tmp_path: Path) -> None:
    """compare refuses more than Settings.article_pairs_max pairs; a batch story had no limit (a wire
    story reprinted by hundreds of sites made one story: 600 articles, 179,700 pairs, about 400 s).
    Over the limit the story compares the articles closest to its centre, at most that many pairs,
    says so in its limits, and the index still lists every article.  Counted: the pairs compared."""
    from compare import Settings

    settings = replace(Settings(semantic=False), article_pairs_max=1)  # 1 pair: 2 articles of each story of 3
    result = run_batch([_jsonl(tmp_path, records())], tmp_path / "out", settings=settings)
    assert sorted(len(s.articles) for s in result.stories) == [3, 3, 3]  # listed: every article
    for story in result.stories:
        report = json.loads((tmp_path / "out" / "stories" / f"{story.id}.json").read_text("utf-8"))
        assert len(report["articles"]) == 2 and len(report["pairs"]) == 1
        assert {a["id"] for a in report["articles"]} < {a.id for a in story.articles}
        assert story.limits[0] == (
            "3 articles make 3 pairs to compare, over 1 (Settings.article_pairs_max): "
            "the 2 closest to the story's centre are compared, the other 1 only listed"
        )
        assert report["limits"][0] == story.limits[0]
    within = run_batch([_jsonl(tmp_path, records())], tmp_path / "out2", settings=replace(settings, article_pairs_max=3))
    assert all(not s.limits for s in within.stories)  # 3 pairs: within the limit, nothing said


def test_skip_bad_leaves_out_a_record_with_a_field_of_the_wrong_kind(tmp_path: Path) -> None:
    """A record whose date is a number (an epoch) or whose headline is an object (the NYT API's
    {"main": ...}) stops a run without --skip-bad (compare and batch alike); with it, batch leaves
    that record out with its line and compares the rest, as for any bad record."""
    rows = [*records()]
    rows[1] = {**rows[1], "date": 1285315200}
    rows[4] = {**rows[4], "title": None, "headline": {"main": "Strike"}}  # null: the next name is read
    export = _jsonl(tmp_path, rows)
    with pytest.raises(InputError, match=r'line 2: the "date" field is a number, not a date string such as "2010-09-24"$'):
        run_batch([export], tmp_path / "stopped")
    assert not (tmp_path / "stopped").exists()
    result = run_batch([export], tmp_path / "out", skip_bad=True)
    assert {s.source: s.reason for s in result.skipped} == {
        f"{export} line 2": 'the "date" field is a number, not a date string such as "2010-09-24"',
        f"{export} line 5": 'the "headline" field is an object, not a string of text',
    }
    assert sum(len(s.articles) for s in result.stories) + len(result.singletons) == len(rows) - 2
