"""Same input, same report.

The command line is run on the example story (``examples/nato-russia-2010``)
several times, into different directories:

* with ``SOURCE_DATE_EPOCH`` fixed, HTML, JSON and PDF are byte-identical, in
  this process and in fresh processes with other ``PYTHONHASHSEED`` values (so
  the iteration order of sets and dicts of strings never reaches the output)
  and without the compiled-template cache;
* without it, the only difference between two runs is the timestamp.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storycompare.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "nato-russia-2010"
EPOCH = "1290211200"  # 2010-11-20 00:00 UTC, the Lisbon summit
KINDS = ("html", "json", "pdf")


def example_files() -> list[str]:
    files = sorted(str(p) for p in EXAMPLE.glob("*.txt"))
    assert len(files) == 5
    return files


def arguments(out: Path, kinds: tuple[str, ...] = KINDS) -> list[str]:
    args = ["compare", *example_files(), "--title", "NATO and Russia, 2010"]
    for kind in kinds:
        args += [f"--{kind}", str(out / f"report.{kind}")]
    return args


def run_here(out: Path, kinds: tuple[str, ...] = KINDS) -> dict[str, bytes]:
    assert main(arguments(out, kinds)) == 0
    return {kind: (out / f"report.{kind}").read_bytes() for kind in kinds}


def run_fresh(out: Path, hash_seed: str, kinds: tuple[str, ...] = KINDS) -> dict[str, bytes]:
    """The command line in a new interpreter, with its own hash seed and no template cache."""
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "PYTHONHASHSEED": hash_seed,
        "STORYCOMPARE_NO_CACHE": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "storycompare", *arguments(out, kinds)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {kind: (out / f"report.{kind}").read_bytes() for kind in kinds}


def assert_same(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    for kind in second:
        assert first[kind] == second[kind], f"the {kind.upper()} reports differ"


@pytest.fixture(scope="module")
def fixed_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two runs in this process with SOURCE_DATE_EPOCH fixed, into different directories."""
    folder = tmp_path_factory.mktemp("determinism")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return run_here(folder / "one"), run_here(folder / "two")


def test_fixed_epoch_gives_identical_reports(fixed_runs: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    first, second = fixed_runs
    assert_same(first, second)
    assert first["pdf"].startswith(b"%PDF") and b"2010-11-20 00:00 UTC" in first["html"]


def test_hash_seed_does_not_reach_the_output(
    tmp_path: Path, fixed_runs: tuple[dict[str, bytes], dict[str, bytes]]
) -> None:
    here = fixed_runs[0]
    assert_same(here, run_fresh(tmp_path / "seed-1", "1"))
    assert_same(here, run_fresh(tmp_path / "seed-2", "2", ("html", "json")))  # the PDF is laid out from the HTML


# Every way the report writes the time it was made: "2010-11-20 00:00 UTC", "2010-11-20T00:00:00Z".
# The PDF text may break the line between date and time, hence \s+.
TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2} UTC|T\d{2}:\d{2}:\d{2}Z)")


def test_without_epoch_only_the_timestamp_differs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    first = run_here(tmp_path / "one")
    second = run_here(tmp_path / "two")
    after = datetime.now(UTC)

    assert first["json"] == second["json"], "the JSON carries no timestamp"
    stamps = TIMESTAMP.findall(first["html"]) + TIMESTAMP.findall(second["html"])
    assert len(stamps) >= 4, "the HTML states when it was made"
    for stamp in stamps:  # the time of the run, not a fixed one
        text = " ".join(stamp.decode().split())  # pdftotext may break the line between date and time
        when = datetime.strptime(text, "%Y-%m-%d %H:%M UTC" if text.endswith("UTC") else "%Y-%m-%dT%H:%M:%SZ")
        assert before <= when.replace(tzinfo=UTC) <= after
    assert TIMESTAMP.sub(b"<time>", first["html"]) == TIMESTAMP.sub(b"<time>", second["html"])

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    texts = []
    for out in ("one", "two"):
        done = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / out / "report.pdf"), "-"], capture_output=True, check=True
        )
        assert TIMESTAMP.search(done.stdout)
        texts.append(TIMESTAMP.sub(b"<time>", done.stdout))
    assert texts[0] == texts[1]
