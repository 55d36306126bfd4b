"""Print a pip constraints file that pins each runtime dependency of pyproject.toml to the lowest
version it allows ("nltk>=3.9" -> "nltk==3.9"), so that `make min-versions` tests the floors.

    python .ci/min_constraints.py > constraints.txt

A floor written with fewer than three parts is padded ("jinja2>=3.1" -> "jinja2==3.1.0" is what
pip resolves "==3.1" to anyway).  Only ">=" floors are read; a dependency without one is left free.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = re.compile(r"^\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*(?:[^;]*?)>=\s*([0-9][0-9A-Za-z.]*)")


def floors(dependencies: list[str]) -> list[str]:
    out = []
    for spec in dependencies:
        match = FLOOR.match(spec)
        if match:
            out.append(f"{match.group(1)}=={match.group(2)}")
    return out


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    print("\n".join(floors(project["dependencies"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
