"""Regenerate compare/data/news-mean-embedding.json: the mean all-MiniLM-L6-v2 embedding of news sentences.

    .venv/bin/python benchmarks/make_news_mean.py [--data ../shared/data] [--count 2000]

The aligner centres sentence embeddings on the story's mean embedding, blended with this
background mean (``compare.align``), so that a story of very few distinct sentences (one
sentence repeated, two short articles) is centred on news in general, not on itself.  Taken
from the first ``--count`` distinct sentences of NewsMTSC's train split (news sentences from
many US outlets; its licence allows shipping what is derived from it).  384 numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare import semantic  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    source = args.data / "newsmtsc" / "train.jsonl"
    if not source.is_file():
        print(f"make_news_mean: {source} not found", file=sys.stderr)
        return 2
    texts: list[str] = []
    with source.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["sentence_normalized"]
            if text not in texts:
                texts.append(text)
            if len(texts) >= args.count:
                break
    vectors = semantic.embed(texts)
    mean = [round(sum(v[k] for v in vectors) / len(vectors), 6) for k in range(semantic.DIMENSION)]
    out = ROOT / "compare" / "data" / "news-mean-embedding.json"
    out.write_text(
        json.dumps({"model": semantic.model_version(), "sentences": len(texts), "source": "NewsMTSC train", "mean": mean})
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {out} from {len(texts)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
