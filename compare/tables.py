"""A comparison as flat tables: what ``--csv DIR`` writes and :meth:`Comparison.to_frames` returns.

Each table is built from the JSON contract (:meth:`Comparison.to_dict`, "storycompare/1"),
so the tables hold the same facts as the JSON, one row per sentence, group, difference
value, article and stance; lists become ``;``-separated cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol


class Result(Protocol):
    """What :func:`tables` reads: a :class:`~compare.models.Comparison` (which imports this module)."""

    def to_dict(self) -> dict[str, Any]: ...

Cell = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table: column names and rows of cells (str, int, float, bool or None)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


TABLES = ("sentences", "groups", "differences", "coverage", "pairs", "stances")
"""The tables, in the order :func:`tables` returns them (and ``--csv`` writes ``<name>.csv``)."""


def _joined(values: Any) -> str:
    return ";".join(str(value) for value in values)


def tables(comparison: Result) -> dict[str, Table]:
    """The comparison as the tables named in :data:`TABLES`.

    - ``sentences``: every sentence with its article, offsets, role, group (empty when unique);
    - ``groups``: per group its kind, score, number of members and articles, first sentence;
    - ``differences``: one row per value of each typed difference (number, date, quote...);
    - ``coverage``: per article its metadata and how many sentences are shared or its own;
    - ``pairs``: per compared pair of articles the similarity and whether they cover one event;
    - ``stances``: per actor and article the framing label and score, and the evidence sentences.
    """
    data = comparison.to_dict()
    text_of = {s["id"]: s["text"] for a in data["articles"] for s in a["sentences"]}
    group_of = {member: g["id"] for g in data["groups"] for member in g["members"]}
    unique: Mapping[str, list[str]] = data["unique"]

    sentences = Table(
        ("article", "sentence", "paragraph", "role", "start", "end", "group", "text"),
        tuple(
            (a["id"], s["id"], s["paragraph"], s["role"], s["start"], s["end"], group_of.get(s["id"], ""), s["text"])
            for a in data["articles"]
            for s in a["sentences"]
        ),
    )
    groups = Table(
        ("group", "kind", "score", "members", "articles", "differences", "first_sentence"),
        tuple(
            (
                g["id"],
                g["kind"],
                g["score"],
                len(g["members"]),
                _joined(dict.fromkeys(m.rsplit(":", 1)[0] for m in g["members"])),
                len(g["differences"]),
                text_of.get(g["members"][0], "") if g["members"] else "",
            )
            for g in data["groups"]
        ),
    )
    differences = Table(
        ("group", "type", "detail", "sentence", "value"),
        tuple(
            (g["id"], d["type"], d["detail"], sentence, value)
            for g in data["groups"]
            for d in g["differences"]
            for sentence, value in d["values"].items()
        ),
    )
    coverage = Table(
        ("article", "outlet", "title", "date", "url", "source", "sentences", "shared", "unique"),
        tuple(
            (
                a["id"], a["outlet"], a["title"], a["date"], a["url"], a["source"], len(a["sentences"]),
                len(a["sentences"]) - len(unique.get(a["id"], [])), len(unique.get(a["id"], [])),
            )
            for a in data["articles"]
        ),
    )
    pairs = Table(
        ("a", "b", "similarity", "same_event"),
        tuple((p["a"], p["b"], p["similarity"], p["same_event"]) for p in data["pairs"]),
    )
    stances = Table(
        ("actor", "article", "label", "score", "evidence"),
        tuple((s["actor"], s["article"], s["label"], s["score"], _joined(s["evidence"])) for s in data["stances"]),
    )
    return {
        "sentences": sentences,
        "groups": groups,
        "differences": differences,
        "coverage": coverage,
        "pairs": pairs,
        "stances": stances,
    }
