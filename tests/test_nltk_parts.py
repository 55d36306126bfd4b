"""nltk's splitter and stemmer imported without the rest of nltk (compare/nltk_parts.py).

Each case runs in a fresh process: what is imported, and what a later ``import nltk`` sees,
depend on the process's history."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip()


def test_a_comparison_runs_no_nltk_package_init_and_leaves_nltk_importable() -> None:
    code = (
        "import sys, glob; from dataclasses import replace; from compare import compare, Settings; "
        "files = sorted(glob.glob('examples/nato-russia-2010/*.txt')); "
        "result = compare(files, replace(Settings(), semantic=False)); "
        "print(sum(len(a.sentences) for a in result.articles), sorted(m for m in sys.modules if m.startswith('nltk'))); "
        "import nltk, nltk.corpus; from nltk.tokenize import wordpunct_tokenize; "
        "print(wordpunct_tokenize('a, b'), nltk.stem.snowball.SnowballStemmer('english').stem('running'))"
    )
    sentences, later = _run(code).splitlines()
    assert sentences == "95 []"  # split and stemmed, with no nltk module left behind
    assert later == "['a', ',', 'b'] run"  # a later import of nltk is the whole of it


def test_where_the_light_import_fails_the_module_is_imported_in_full() -> None:
    code = (
        "import sys; from compare import nltk_parts; "
        "nltk_parts._PACKAGES = ('nltk', 'nltk.no_such_package'); "
        "punkt = nltk_parts.nltk_module('nltk.tokenize.punkt'); "
        "print(punkt.PunktSentenceTokenizer().tokenize('One. Two.'), 'nltk' in sys.modules, "
        "sys.modules.get('nltk.tokenize.punkt') is punkt)"
    )
    assert _run(code) == "['One.', 'Two.'] True True"


def test_where_nltk_is_imported_already_its_module_is_used() -> None:
    code = (
        "import sys, nltk.stem.snowball; from compare import nltk_parts; "
        "print(nltk_parts.nltk_module('nltk.stem.snowball') is sys.modules['nltk.stem.snowball'])"
    )
    assert _run(code) == "True"
