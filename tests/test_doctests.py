"""The examples in the docstrings of compare/ and reports/ run, and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import compare
import reports


def modules() -> list[str]:
    names = []
    for package in (compare, reports):
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
            if info.name != "compare.__main__":
                names.append(info.name)
    return sorted(names)


def examples(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [test for test in doctest.DocTestFinder().find(module, name) if test.examples]


WITH_EXAMPLES = [name for name in modules() if examples(name)]


def test_the_public_helpers_show_examples() -> None:
    assert {"compare", "compare.text", "compare.errors"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples_run(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in examples(name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (see above)"
