"""The reference judgements on the example story (tests/data/nato-russia-2010.gold.json)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(params=["default", "lexical"])
def judged(request: pytest.FixtureRequest, example: Any) -> Any:
    """The example story's comparison in each mode (with sentence embeddings, the default, and
    with words only): the reference judgements hold in both."""
    return request.getfixturevalue("lexical_example") if request.param == "lexical" else example


def _find(comparison: Any, article: str, fragment: str) -> list[str]:
    found = [s.id for s in comparison.article(article).sentences if fragment in s.text]
    assert found, f"{fragment!r} is not a sentence of {article}"
    return found


# The lexical mode misses no reference link either.  The default mode found the link between
# Clinton "urged NATO and Russia ... to expand cooperation in areas such as ..." (Moscow Times) and
# "Secretary Clinton specifically identified four such common areas for action: ..." (DipNote) only
# once a list after "such as" / "including" became a part of its sentence (compare/parts.py): the two
# lists of areas match, where the whole sentences' story-centred embeddings score 0.17.
KNOWN_MISSES: dict[str, set[tuple[str, str]]] = {}


def test_links_share_a_group(request: pytest.FixtureRequest, judged: Any, gold: dict[str, Any]) -> None:
    mode = request.node.callspec.params["judged"]
    missed = []
    for link in gold["links"]:
        a, b = _find(judged, *link["a"]), _find(judged, *link["b"])
        groups = {judged.group_of(x) for x in a} & {judged.group_of(y) for y in b}
        if not groups - {None}:
            missed.append(tuple(link["a"]))
    assert set(missed) == KNOWN_MISSES.get(mode, set()), f"not aligned: {missed}"


def test_not_links_never_share_a_group(judged: Any, gold: dict[str, Any]) -> None:
    for link in gold["not_links"]:
        a, b = _find(judged, *link["a"]), _find(judged, *link["b"])
        for x in a:
            for y in b:
                gx = judged.group_of(x)
                assert gx is None or gx != judged.group_of(y), f"wrongly aligned: {link}"


@pytest.mark.parametrize(
    ("fragment", "kind", "difference"),
    [
        ("Clinton rejected a Russian initiative", "agree", None),
        ("intended to prepare the groundwork", "agree", "date"),
        ("urged NATO and Russia on Wednesday", "partial", None),
        ("described Wednesday's meeting as", "diverge", "quote"),
        # Bloomberg reports another event (3 Nov, Moscow): Rasmussen's two missile-defence quotes
        # are the same claim at two events, no contradiction.
        ("territorial missile defense", "partial", "quote"),
    ],
)
def test_link_kinds_and_differences(judged: Any, fragment: str, kind: str, difference: str | None) -> None:
    article = "moscow-times" if fragment != "territorial missile defense" else "bloomberg"
    sid = _find(judged, article, fragment)[0]
    group = next(g for g in judged.groups if g.id == judged.group_of(sid))
    assert group.kind == kind
    if difference:
        assert difference in {d.type for d in group.differences}


def test_date_difference_values(judged: Any) -> None:
    sid = _find(judged, "moscow-times", "intended to prepare the groundwork")[0]
    group = next(g for g in judged.groups if g.id == judged.group_of(sid))
    date = next(d for d in group.differences if d.type == "date")
    assert set(dict(date.values).values()) == {"Nov. 20", "November"}
    assert not date.conflict


def test_quote_difference_values(judged: Any) -> None:
    sid = _find(judged, "moscow-times", "described Wednesday's meeting as")[0]
    group = next(g for g in judged.groups if g.id == judged.group_of(sid))
    quote = next(d for d in group.differences if d.type == "quote")
    values = list(dict(quote.values).values())
    assert any(v.startswith("very positive") for v in values)
    assert "very encouraged" in values


def test_boilerplate_removed_and_content_kept(example: Any, gold: dict[str, Any]) -> None:
    for article_id, fragments in gold["boilerplate"].items():
        removed = [r.text for r in example.article(article_id).removed]
        for fragment in fragments:
            assert any(fragment in r for r in removed), f"{article_id}: {fragment!r} not removed"
            assert not any(fragment in s.text for s in example.article(article_id).sentences)
    for article_id, fragments in gold["content_kept"].items():
        for fragment in fragments:
            _find(example, article_id, fragment)


def test_same_event(example: Any) -> None:
    same = {frozenset((p.a, p.b)) for p in example.pairs if p.same_event}
    assert same == {
        frozenset(("moscow-times", "rferl")),
        frozenset(("moscow-times", "state-dipnote")),
        frozenset(("rferl", "state-dipnote")),
    }
    assert len(example.pairs) == 10


def test_divergences_are_flagged(example: Any, gold: dict[str, Any]) -> None:
    evidence = {e for s in example.stances for e in s.evidence}
    for item in gold["divergences"]:
        for sid in _find(example, item["article"], item["sentence"]):
            group = example.group_of(sid)
            kind = next((g.kind for g in example.groups if g.id == group), None)
            assert sid in example.unique_of(item["article"]) or kind == "diverge" or sid in evidence, item


def test_framing(example: Any) -> None:
    label = {(s.actor, s.article): s.label for s in example.stances}
    assert label[("Russia", "rferl")] == "reluctant"
    assert label[("NATO", "rferl")] == "cooperative"
    assert label[("Russia", "bloomberg")] == "cooperative"


def test_metadata(example: Any, gold: dict[str, Any]) -> None:
    for article_id, expected in gold["articles"].items():
        article = example.article(article_id)
        assert article.title == expected["title"].replace("\\u201c", "“")
        if "date" in expected:
            assert article.date == expected["date"]


def test_every_sentence_in_exactly_one_place(judged: Any) -> None:
    data = judged.to_dict()
    grouped = [m for g in data["groups"] for m in g["members"]]
    unique = [sid for ids in data["unique"].values() for sid in ids]
    everything = [s["id"] for a in data["articles"] for s in a["sentences"]]
    assert sorted(grouped + unique) == sorted(everything)
    assert len(set(grouped)) == len(grouped)
    for article in data["articles"]:
        for s in article["sentences"]:
            assert article["text"][s["start"] : s["end"]] == s["text"]
