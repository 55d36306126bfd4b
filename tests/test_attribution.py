"""Sources found anywhere in a sentence, and when two differ (compare/analyze/attribution.py)."""

from __future__ import annotations

import pytest

from compare.analyze.attribution import attribution_conflict, find_sources


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The man was armed, police said.", {"police"}),  # closing
        ("Police said the man was armed.", {"police"}),  # opening
        ("The ship was hit, according to Reuters.", {"reuters"}),
        ("A State Department official told reporters the talks would resume.", {"state", "department", "official"}),
        ("Smith told CNN the plan was dead.", {"smith"}),  # X told Y: X is the source
        ("The plant will close, said a spokesman for the union.", {"union"}),  # inverted
        ('"We will rebuild," Mayor Daniel Okafor said.', {"daniel", "okafor"}),
        ("The president said the wall would be built.", {"president"}),
    ],
)
def test_find_sources(text: str, words: set[str]) -> None:
    assert [set(s.words) for s in find_sources(text)] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "He said the plan was dead.",  # a pronoun: resolved elsewhere, not here
        '"I\'ve repeatedly said I don\'t question his faith," he added.',
        "The plan was dead on arrival.",
        '"The police said nothing to us," she said.',  # inside the quotation
    ],
)
def test_no_source(text: str) -> None:
    assert find_sources(text) == []


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("The man was armed, police said.", "The man was armed, witnesses said.", True),
        ("It was hit, according to Reuters.", "It was hit, according to the Associated Press.", True),
        ("A State Department official said so.", "A Pentagon official said so.", True),
        ("Defense Secretary Ann Lee said so.", "Secretary of State Tom Ruiz said so.", True),
        ("President Marcus Hale said so.", "The president said so.", False),  # a name and a role
        ("Three men were held, police said.", "Three men were held, police officials said.", False),
        ("Lindqvist said so.", "Health Minister Rosa Lindqvist said so.", False),
        ("The vote was delayed, the Associated Press reported.", "The vote was delayed, Reuters and the Associated Press said.", False),
    ],
)
def test_attribution_conflict(a: str, b: str, conflict: bool) -> None:
    assert (attribution_conflict(find_sources(a), find_sources(b), a, b) is not None) == conflict


def test_a_source_the_other_version_mentions_is_no_conflict() -> None:
    a = "The strike ended on Friday, union leaders said."
    b = "The strike ended on Friday after talks with union leaders, officials at the ministry said."
    assert attribution_conflict(find_sources(a), find_sources(b), a, b) is None
