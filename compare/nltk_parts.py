"""nltk's sentence splitter and stemmer, imported without the rest of nltk.

``import nltk.tokenize.punkt`` first runs ``nltk/__init__.py``, which imports most of
nltk (parsers, taggers, corpus readers, translation metrics): 0.2 s of CPU at every
start of storycompare, before the first sentence is split.  The two modules used here
need little of it: ``nltk.tokenize.punkt`` (the splitter, :mod:`compare.segment`) needs
``nltk.probability``, ``nltk.tokenize.api`` and a few small helpers; ``nltk.stem.snowball``
(the stemmer, :mod:`compare.similarity`) needs ``nltk.stem.porter`` and names
``nltk.corpus.stopwords``, which only ``SnowballStemmer(ignore_stopwords=True)`` uses.

:func:`nltk_module` imports such a module with the packages above it (``nltk``,
``nltk.tokenize``, ``nltk.stem``) created but not run, and ``nltk.corpus`` standing in
as a module whose ``stopwords`` imports the real one when first used.  Then it takes
every ``nltk`` entry it added out of ``sys.modules`` again: the module it returns keeps
what it imported, and the rest of the process sees no nltk at all, so a later
``import nltk`` anywhere imports the whole of it as usual (with its own copies of these
modules).  Where that fails (another nltk whose modules need more of the package),
the module is imported in full, as before: slower, never wrong.  Measured on the
example story: 0.05 s of CPU instead of 0.24 s.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from functools import cache
from types import ModuleType
from typing import Any

_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
"""The packages whose ``__init__`` is not run (each imports much of nltk)."""

_lock = threading.Lock()


class _Stopwords:
    """Stands for ``nltk.corpus.stopwords`` in the stemmer's module: only
    ``SnowballStemmer(ignore_stopwords=True)`` uses it, and then imports nltk in full."""

    def __getattr__(self, name: str) -> Any:
        corpus = importlib.import_module("nltk.corpus")
        return getattr(corpus.stopwords, name)


@cache
def nltk_module(name: str) -> ModuleType:
    """The nltk module ``name`` (``nltk.tokenize.punkt`` or ``nltk.stem.snowball``), imported
    without running nltk's package ``__init__`` files where nltk is not imported yet."""
    with _lock:
        if "nltk" in sys.modules:  # imported already (by a user of the library): use it
            return importlib.import_module(name)
        before = set(sys.modules)
        module: ModuleType | None = None
        try:
            for package in _PACKAGES:
                spec = importlib.util.find_spec(package)
                if spec is None or spec.submodule_search_locations is None:
                    raise ImportError(package)
                sys.modules[package] = importlib.util.module_from_spec(spec)  # created, not run
            corpus = ModuleType("nltk.corpus", "stands in while the stemmer is imported")
            corpus.stopwords = _Stopwords()  # type: ignore[attr-defined]
            sys.modules["nltk.corpus"] = corpus
            module = importlib.import_module(name)
        except Exception:  # another nltk, whose modules need more of the package: in full below
            module = None
        finally:
            _forget(before)
        return module if module is not None else importlib.import_module(name)


def _forget(before: set[str]) -> None:
    """Take out of ``sys.modules`` every nltk module added since ``before``."""
    for key in set(sys.modules) - before:
        if key == "nltk" or key.startswith("nltk."):
            del sys.modules[key]
