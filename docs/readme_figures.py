"""Regenerate the README's figures of the example story from a real `storycompare demo` run.

    .venv/bin/python docs/readme_figures.py          # rewrites the block in README.md
    .venv/bin/python docs/readme_figures.py --check  # exit 1 when the README's block is out of date

The block sits between `<!-- figures: docs/readme_figures.py -->` and `<!-- /figures -->`.  Its first
paragraph (what the analysis finds) is checked exactly by tests/test_readme.py; the sizes of the
second are checked within a tolerance (they move with every template change).  The PDF's page count
needs poppler's `pdfinfo` (apt-get install poppler-utils).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START = "<!-- figures: docs/readme_figures.py -->"
END = "<!-- /figures -->"
BLOCK = re.compile(re.escape(START) + r"\n(.*?)" + re.escape(END), re.S)


def analysis_paragraph(data: dict[str, Any]) -> str:
    """What the example story's JSON report says, in one paragraph (exact: tests compare it)."""
    articles = data["articles"]
    sentences = sum(len(a["sentences"]) for a in articles)
    kinds = Counter(g["kind"] for g in data["groups"])
    grouped = sum(len(g["members"]) for g in data["groups"])
    unique = sum(len(ids) for ids in data["unique"].values())
    same = sum(1 for p in data["pairs"] if p["same_event"])
    return (
        f"On the example story (`storycompare demo`) storycompare finds {len(articles)} articles, "
        f"{sentences} sentences, {len(data['groups'])} groups of sentences that report one fact "
        f"({kinds['agree']} agree, {kinds['partial']} partial, {kinds['diverge']} diverge; "
        f"{grouped} sentences in all), {unique} sentences only one outlet reports, "
        f"{len(data['events'])} events, {same} of {len(data['pairs'])} article pairs about the same event "
        f"and {len(data['stances'])} framing stances."
    )


def sizes_paragraph(html_bytes: int, json_bytes: int, pdf_bytes: int | None, pdf_pages: int | None) -> str:
    pdf = "" if pdf_bytes is None else f", its PDF {pdf_pages} A4 pages ({pdf_bytes / 1024:.0f} KiB)"
    return (
        f"Its HTML report is {html_bytes / 1024:.0f} KiB ({html_bytes:,} bytes; the tests keep it under "
        f"150 KB), its JSON {json_bytes / 1024:.0f} KiB{pdf}."
    )


def pdf_pages(path: Path) -> int | None:
    if not shutil.which("pdfinfo"):
        return None
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(match.group(1)) if match else None


def measure() -> str:
    """Run `storycompare demo` in a fresh process and describe its three reports."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run([sys.executable, "-m", "storycompare", "demo", "--quiet", "--out", str(out)],
                       check=True, cwd=ROOT)
        html = out / "nato-russia-2010.html"
        data_file = out / "nato-russia-2010.json"
        pdf = out / "nato-russia-2010.pdf"
        data = json.loads(data_file.read_text(encoding="utf-8"))
        pages = pdf_pages(pdf)
        sizes = sizes_paragraph(html.stat().st_size, data_file.stat().st_size,
                                pdf.stat().st_size if pages else None, pages)
    return analysis_paragraph(data) + "\n\n" + sizes


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        print(f"README.md has no block {START} ... {END}", file=sys.stderr)
        return 2
    new = BLOCK.sub(lambda _: f"{START}\n{measure()}\n{END}", text)
    if "--check" in argv:
        if new != text:
            print("README.md's figures are out of date: run .venv/bin/python docs/readme_figures.py",
                  file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    print("README.md figures regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
