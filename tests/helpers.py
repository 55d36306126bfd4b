"""Small builders shared by several test modules (imported as ``helpers``, like ``fuzzing``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from compare.models import Sentence


def body_sentences(articles: list[list[str]]) -> list[Sentence]:
    """Body sentences ``a{n}:{k}`` of articles ``a0``, ``a1``, ... given as lists of texts, with
    their offsets in the article as if joined by single spaces."""
    out = []
    for n, texts in enumerate(articles):
        offset = 0
        for k, text in enumerate(texts):
            out.append(Sentence(f"a{n}:{k}", f"a{n}", k, text, offset, offset + len(text), 0, "body"))
            offset += len(text) + 1
    return out


def load_script(name: str, path: Path) -> ModuleType:
    """A script that is not part of a package (``docs/``, ``.ci/``), loaded as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
