"""Turn a :class:`~compare.models.Comparison` into the data the templates show.

Nothing here recomputes analysis: groups, kinds, differences, diffs, stances,
pairs and unique sentences are read from the model as they are.  What is
derived here is presentation only: counts, percentages, orderings, excerpts,
colours, and the row layout of the side-by-side view.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from compare.errors import UsageError
from compare.models import Article, Comparison, Group, Sentence, article_of
from reports.colours import MARK_COLOUR, PALETTE, TEXT_COLOUR
from reports.views import (  # noqa: F401  (anchor, excerpt, ... are part of this module's interface)
    STANCE_LABELS,
    VALUE_EXCERPT_CHARS,
    ArticleView,
    CoverageRow,
    DifferenceView,
    DivergenceView,
    EventView,
    EvidenceView,
    FramingRow,
    GroupView,
    MemberView,
    PairLayout,
    PairRow,
    PairView,
    ParagraphView,
    Piece,
    RemovedView,
    SentenceRef,
    SentenceView,
    StanceCell,
    Summary,
    TextPart,
    UniqueRow,
    ValueView,
    anchor,
    closed_bidi,
    evidence_voices,
    excerpt,
    group_anchor,
    join_list,
    marked,
    percent,
)

# --- what the views show ---------------------------------------------------------

KINDS = ("agree", "partial", "diverge")

EXCERPT_CHARS = 110
"""Length of a group's one-line excerpt in the coverage grid and summary."""

REMOVED_EXCERPT_CHARS = 90
TITLE_SHOWN_CHARS = 300
"""A title (the story's, an article's) longer than this is shown cut at a word with "…" (the
JSON keeps it whole).  Real headlines are under 200 characters; a first line of thousands
(one giant word) made the PDF lay it out again in the running header of every page: a
50,000-character pair of articles took 44 s for its PDF, 15 s with the title cut."""


def shown_title(title: str | None) -> str | None:
    """``title`` as the report shows it (:data:`TITLE_SHOWN_CHARS`)."""
    if title is None or len(title) <= TITLE_SHOWN_CHARS:
        return title if title is None else closed_bidi(title)
    return excerpt(title, TITLE_SHOWN_CHARS)


LABEL_SHOWN_CHARS = 80
"""An outlet (or id) longer than this is shown cut at a word with "…" (the JSON keeps it whole).
Real outlet names are under 50 characters ("U.S. Department of State (DipNote blog)"); a label is
shown in every citation, row and filter, and a record's outlet of 5,000 letters made the example
story's RFE/RL and Bloomberg PDF take 24 s (3 s with the cut), one of 20,000 over 100 s."""


def shown_labels(comparison: Comparison) -> dict[str, str]:
    """What the report calls each article, by id: its outlet, else its id; when several articles
    have one outlet, with the id ("Reuters (reuters-2)"), or the report could not tell them apart
    (two versions of one agency story, in every table and filter); cut at :data:`LABEL_SHOWN_CHARS`
    (two outlets that differ only after the cut are told apart by their ids too); with
    bidirectional controls closed, since labels are joined into lines ("RT, Bloomberg")."""
    cut = {a.id: excerpt(a.label, LABEL_SHOWN_CHARS) for a in comparison.articles}  # bidi controls closed
    count = Counter(cut.values())
    labels = {}
    for a in comparison.articles:
        label = cut[a.id]
        if count[label] > 1 and a.label != a.id:
            label = f"{label} ({excerpt(a.id, LABEL_SHOWN_CHARS)})"
        labels[a.id] = label
    shown = Counter(labels.values())
    for n, a in enumerate(comparison.articles, 1):
        if shown[labels[a.id]] > 1:  # ids that differ only after the cut, too: the article's place
            labels[a.id] = f"{labels[a.id]} #{n}"
    return labels


REMOVED_PRINT_EXCERPT_CHARS = 48
REMOVED_PRINT_LIMIT = 3
"""Removed boilerplate in the PDF: this many short excerpts per reason."""

SUMMARY_LIMIT = 8
"""How many facts and divergences the summary lists before pointing onwards."""

SCREEN_SECTIONS = ("summary", "divergences", "framing", "articles", "coverage", "pairs", "sources")
PRINT_SECTIONS = ("summary", "divergences", "framing", "coverage", "pairs", "articles", "sources")
"""On paper a document: the summary (with the events), the divergences and the framing first;
the sources (provenance, removed boilerplate) last, after the articles."""


# --- small helpers -------------------------------------------------------------


def generated_at(environ: dict[str, str] | None = None) -> datetime:
    """The report's timestamp: ``SOURCE_DATE_EPOCH`` when set (reproducible
    builds), else now; always UTC."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(raw), UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {raw!r}"
        ) from exc


# --- building ------------------------------------------------------------------


def _segments_to_pieces(text: str, segments: tuple[tuple[str, bool], ...]) -> tuple[Piece, ...]:
    """The diff segments as pieces that read like the sentence: when the
    segments are bare words, put the spaces back between them."""
    if not segments:
        return (Piece(text, False),)
    if "".join(s for s, _ in segments) == text:
        return tuple(Piece(s, c) for s, c in segments)
    pieces: list[Piece] = []
    for i, (seg, changed) in enumerate(segments):
        if i and not seg[:1].isspace() and not segments[i - 1][0][-1:].isspace():
            pieces.append(Piece(" ", False))
        pieces.append(Piece(seg, changed))
    return tuple(pieces)


def _events(comparison: Comparison, labels: dict[str, str]) -> tuple[EventView, ...]:
    """The comparison's events (never recomputed here), as outlet labels in article order."""
    return tuple(
        EventView(tuple(labels[a] for a in event.articles), event.evidence)
        for event in comparison.events
    )


class _Builder:
    def __init__(self, comparison: Comparison, for_print: bool) -> None:
        self.c = comparison
        self.for_print = for_print
        self.position = {a.id: i for i, a in enumerate(comparison.articles)}
        self.labels = shown_labels(comparison)
        self.groups: dict[str, GroupView] = {}
        for i, group in enumerate(comparison.groups):
            self.groups[group.id] = self._group_view(i, group)
        self.parts = {p.sentence: (p.start, p.end) for g in comparison.groups for p in g.parts}

    # groups and sentences

    def _group_view(self, i: int, group: Group) -> GroupView:
        first_member = min(
            group.members,
            key=lambda m: (self.position.get(article_of(m), 1 << 30), self._index_of(m)),
        )
        return GroupView(
            id=group.id,
            number=i + 1,
            colour=i % len(PALETTE),
            kind=group.kind,
            score=group.score,
            articles=group.articles,
            outlets=tuple(self.labels.get(a, a) for a in group.articles),
            span=len(group.articles),
            excerpt=excerpt(self.c.sentence(first_member).text, EXCERPT_CHARS),
            anchor=group_anchor(group.id),
            div_anchor="d-" + group_anchor(group.id)[2:],
            first=(self.position.get(article_of(first_member), 1 << 30), self._index_of(first_member)),
            has_differences=bool(group.differences),
            has_conflict=(len(group.events) < 2 or group.kind == "diverge") and any(d.conflict for d in group.differences),
            across_events=len(group.events) > 1 and group.kind != "diverge",
        )

    def _has(self, sentence_id: str) -> bool:
        try:
            self.c.sentence(sentence_id)
        except KeyError:
            return False
        return True

    def _index_of(self, sentence_id: str) -> int:
        return self.c.sentence(sentence_id).index

    def sentence_view(self, s: Sentence, *, anchored: bool = True) -> SentenceView:
        group_id = self.c.group_of(s.id)
        group = self.groups.get(group_id) if group_id is not None else None
        own = self.labels[s.article]
        others = (
            tuple(o for a, o in zip(group.articles, group.outlets, strict=True) if a != s.article)
            if group
            else ()
        )
        return SentenceView(
            id=s.id,
            anchor=anchor(s.id) if anchored else None,
            text=s.text,
            article=s.article,
            column=self.position[s.article],
            outlet=own,
            number=s.index + 1,
            paragraph=s.paragraph,
            role=s.role,
            group=group,
            kind=group.kind if group else "unique",
            others=others,
            matched=self.parts.get(s.id) if group else None,
        )

    def article_view(self, article: Article, position: int) -> ArticleView:
        paragraphs: list[ParagraphView] = []
        current: list[SentenceView] = []
        current_key: tuple[int, str] | None = None
        for s in article.sentences:
            key = (s.paragraph, s.role)
            if current and key != current_key:
                paragraphs.append(ParagraphView(current[0].role, tuple(current)))
                current = []
            current_key = key
            current.append(self.sentence_view(s))
        if current:
            paragraphs.append(ParagraphView(current[0].role, tuple(current)))
        limit = REMOVED_PRINT_EXCERPT_CHARS if self.for_print else REMOVED_EXCERPT_CHARS
        removed = tuple(RemovedView(excerpt(r.text, limit), r.text, r.reason) for r in article.removed)
        unique_count = len(self.c.unique_of(article.id))
        grouped = sum(1 for s in article.sentences if self.c.group_of(s.id) is not None)
        return ArticleView(
            id=article.id,
            position=position,
            label=self.labels[article.id],
            outlet=article.outlet,
            title=shown_title(article.title),
            date=article.date,
            url=article.url,
            source=article.source,
            sha256=article.sha256[:12],
            words=article.words,
            sentence_count=len(article.sentences),
            unique_count=unique_count,
            grouped_count=grouped,
            removed=removed,
            removed_by_reason=self._removed_by_reason(removed),
            paragraphs=tuple(paragraphs),
        )

    def _removed_by_reason(
        self, removed: tuple[RemovedView, ...]
    ) -> tuple[tuple[str, int, tuple[RemovedView, ...]], ...]:
        by_reason: dict[str, list[RemovedView]] = {}
        for r in removed:
            by_reason.setdefault(r.reason, []).append(r)
        limit = REMOVED_PRINT_LIMIT if self.for_print else None
        return tuple((reason, len(items), tuple(items[:limit])) for reason, items in by_reason.items())

    # sections

    def coverage(self) -> tuple[CoverageRow, ...]:
        rows: list[CoverageRow] = []
        ordered = sorted(self.c.groups, key=lambda g: (-self.groups[g.id].span, self.groups[g.id].first))
        for group in ordered:
            cells: list[list[SentenceRef]] = [[] for _ in self.c.articles]
            for member in group.members:
                pos = self.position.get(article_of(member))
                if pos is None:
                    continue
                s = self.c.sentence(member)
                cells[pos].append(SentenceRef(anchor(member), s.index + 1, excerpt(s.text, 160)))
            rows.append(CoverageRow(self.groups[group.id], tuple(tuple(c) for c in cells)))
        return tuple(rows)

    def divergences(self) -> tuple[DivergenceView, ...]:
        views: list[DivergenceView] = []
        for group in self.c.groups:
            if group.kind not in ("diverge", "partial") and not group.differences:
                continue
            gv = self.groups[group.id]
            diffs = {md.sentence: md for md in group.diff}
            members: list[MemberView] = []
            for member in group.members:
                s = self.c.sentence(member)
                md = diffs.get(member)
                segments = tuple((seg.text, seg.changed) for seg in md.segments) if md else ()
                members.append(
                    MemberView(
                        member, anchor(member), self.labels[s.article], _segments_to_pieces(s.text, segments)
                    )
                )
            differences = tuple(
                DifferenceView(
                    type=d.type,
                    detail=d.detail,
                    conflict=d.conflict,
                    values=tuple(
                        ValueView(self.labels.get(article_of(sid), article_of(sid)), value, anchor(sid))
                        for sid, value in d.values
                    ),
                )
                for d in group.differences
            )
            views.append(
                DivergenceView(
                    gv,
                    tuple(members),
                    differences,
                    major=not gv.across_events and (group.kind == "diverge" or gv.has_conflict),
                    additions=tuple(
                        ValueView(self.labels.get(article_of(sid), article_of(sid)), text, anchor(sid))
                        for sid, text in group.additions
                    ),
                )
            )
        views.sort(
            key=lambda v: (
                4 if v.group.across_events
                else 0 if v.group.kind == "diverge"
                else 1 if v.group.has_conflict
                else 2 if v.differences
                else 3,
                v.group.number,
            )
        )
        return tuple(views)

    def framing(self) -> tuple[FramingRow, ...]:
        actors: dict[str, dict[str, StanceCell]] = {}
        for st in self.c.stances:
            if st.article not in self.position:
                continue
            marks: dict[str, list[tuple[int, int, str]]] = {}
            for m in st.marks:
                marks.setdefault(m.sentence, []).append((m.start, m.end, m.kind))

            def views(
                ids: tuple[str, ...],
                kinds: frozenset[str],
                article: str = st.article,
                marks: dict[str, list[tuple[int, int, str]]] = marks,
                voices: dict[str, str | None] | None = None,
            ) -> tuple[EvidenceView, ...]:
                out = []
                for sid in ids:
                    if not self._has(sid):
                        continue
                    text = self.c.sentence(sid).text
                    spans = [m for m in marks.get(sid, []) if m[2] in kinds]
                    number, voice = self.c.sentence(sid).index + 1, (voices or {}).get(sid)
                    out.append(EvidenceView(anchor(sid), text, self.labels[article], number, marked(text, spans), voice=voice))
                return tuple(out)

            said, tone_said = evidence_voices(st)
            evidence = views(st.evidence, frozenset({"cooperative", "reluctant"}), voices=said)
            tone_evidence = views(st.tone_evidence, frozenset({"favourable", "unfavourable"}), voices=tone_said)
            actors.setdefault(st.actor, {})[st.article] = StanceCell(
                actor=st.actor,
                outlet=self.labels[st.article],
                label=st.label,
                score=st.score,
                cooperative=st.cooperative,
                reluctant=st.reluctant,
                evidence=evidence,
                tone=st.tone,
                tone_score=st.tone_score,
                tone_evidence=tone_evidence,
                aliases=st.aliases,
            )
        rows = tuple(
            FramingRow(actor, tuple(cells.get(a.id) for a in self.c.articles))
            for actor, cells in actors.items()
        )
        return rows if self.for_print else quote_once(rows)

    def pairs(self) -> tuple[PairView, ...]:
        views = []
        for p in self.c.pairs:
            # Events join articles through their pairs (average linkage): two articles judged apart may share one.
            note = "judged on these two alone; with the other articles, one event" if p.in_one_event and not p.same_event else ""
            views.append(
                PairView(
                    p.a,
                    p.b,
                    self.labels.get(p.a, p.a),
                    self.labels.get(p.b, p.b),
                    percent(p.similarity),
                    p.same_event,
                    p.reason,
                    note,
                )
            )
        return tuple(sorted(views, key=lambda p: -p.similarity))

    def pair_layouts(
        self, articles: dict[str, ArticleView]
    ) -> tuple[tuple[PairLayout, ...], tuple[str, ...]]:
        """Each chosen pair as aligned rows; also which articles no pair shows."""
        anchored: set[str] = set()
        layouts: list[PairLayout] = []
        shown: set[str] = set()
        for pair in self.c.pairs:
            if pair.a not in self.position or pair.b not in self.position:
                continue
            shown.update((pair.a, pair.b))
            rows = self._pair_rows(self.c.article(pair.a), self.c.article(pair.b), anchored)
            pv = PairView(
                pair.a,
                pair.b,
                self.labels[pair.a],
                self.labels[pair.b],
                percent(pair.similarity),
                pair.same_event,
                pair.reason,
            )
            layouts.append(PairLayout(pv, articles[pair.a], articles[pair.b], rows))
        rest = tuple(a.id for a in self.c.articles if a.id not in shown)
        return tuple(layouts), rest

    def _pair_rows(self, a: Article, b: Article, anchored: set[str]) -> tuple[PairRow, ...]:
        def view(s: Sentence) -> SentenceView:
            first = s.id not in anchored
            anchored.add(s.id)
            return self.sentence_view(s, anchored=first)

        def shared_group(s: Sentence, other: str) -> str | None:
            gid = self.c.group_of(s.id)
            if gid is None:
                return None
            return gid if other in self.groups[gid].articles else None

        b_members: dict[str, list[Sentence]] = {}
        for s in b.sentences:
            gid = shared_group(s, a.id)
            if gid is not None:
                b_members.setdefault(gid, []).append(s)

        # Rows in the left article's order; a shared group is one row at its first left member.
        rows: list[tuple[str, list[Sentence], list[Sentence], str | None]] = []
        done: set[str] = set()
        for s in a.sentences:
            gid = shared_group(s, b.id)
            if gid is None:
                rows.append(("left", [s], [], None))
            elif gid not in done:
                done.add(gid)
                left = [m for m in a.sentences if self.c.group_of(m.id) == gid]
                rows.append(("shared", left, b_members.get(gid, []), gid))

        # Right-only sentences go right after the row of the nearest preceding shared sentence.
        row_of_group = {gid: i for i, (_, _, _, gid) in enumerate(rows) if gid is not None}
        inserts: dict[int, list[Sentence]] = {}
        last = -1
        for s in b.sentences:
            gid = shared_group(s, a.id)
            if gid is not None:
                last = row_of_group.get(gid, last)
            else:
                inserts.setdefault(last, []).append(s)
        ordered: list[PairRow] = [PairRow("right", (), (view(s),)) for s in inserts.get(-1, [])]
        for i, (kind, left, right, _) in enumerate(rows):
            ordered.append(PairRow(kind, tuple(view(s) for s in left), tuple(view(s) for s in right)))
            ordered.extend(PairRow("right", (), (view(s),)) for s in inserts.get(i, []))
        return tuple(ordered)

    def summary(
        self,
        articles: tuple[ArticleView, ...],
        divergences: tuple[DivergenceView, ...],
        framing: tuple[FramingRow, ...],
    ) -> Summary:
        kinds: Counter[str] = Counter(g.kind for g in self.c.groups)
        views = list(self.groups.values())
        core_span = max((g.span for g in views), default=0)
        core = sorted((g for g in views if g.span == core_span and core_span >= 2), key=lambda g: g.first)
        major = [d for d in divergences if d.major]
        return Summary(
            article_count=len(self.c.articles),
            group_count=len(self.c.groups),
            kinds={k: kinds.get(k, 0) for k in KINDS},
            sentence_count=sum(a.sentence_count for a in articles),
            unique_count=sum(a.unique_count for a in articles),
            core_span=core_span if core_span >= 2 else 0,
            core_facts=tuple(core[:SUMMARY_LIMIT]),
            core_more=max(0, len(core) - SUMMARY_LIMIT),
            unique=tuple(
                UniqueRow(a.label, a.unique_count, a.sentence_count, a.unique_percent) for a in articles
            ),
            divergence_count=len(divergences),
            major_divergences=tuple(major[:SUMMARY_LIMIT]),
            divergences_more=max(0, len(major) - SUMMARY_LIMIT),
            events=_events(self.c, self.labels),
            framing=framing,
        )


def quote_once(rows: tuple[FramingRow, ...]) -> tuple[FramingRow, ...]:
    """The screen's evidence with each quote written once: a sentence quoted with the same cue
    marks under an earlier actor (a speaker's words count for the speaker and for the country) is,
    the second time, a reference to the first (``again``), which the page's script copies back in;
    without the script the reference names the actor it is quoted under and links to the sentence.
    About 10 KB of the example story's page.  Rows without cues show no evidence: not counted."""
    shown = [row for row in rows if row.has_cues]
    times = Counter(
        (e.anchor, e.parts) for row in shown for cell in row.cells if cell for e in (*cell.evidence, *cell.tone_evidence)
    )
    first: dict[tuple[str, tuple[TextPart, ...]], tuple[str, str]] = {}

    def once(actor: str, quotes: tuple[EvidenceView, ...]) -> tuple[EvidenceView, ...]:
        out = []
        for e in quotes:
            key = (e.anchor, e.parts)
            if key in first:
                out.append(replace(e, again=first[key]))
            elif times[key] > 1:
                first[key] = (actor, f"q{len(first) + 1}")
                out.append(replace(e, quote_id=first[key][1]))
            else:
                out.append(e)
        return tuple(out)

    result = []
    for row in rows:
        if row.has_cues:
            row = replace(row, cells=tuple(
                None if cell is None
                else replace(cell, evidence=once(row.actor, cell.evidence), tone_evidence=once(row.actor, cell.tone_evidence))
                for cell in row.cells
            ))
        result.append(row)
    return tuple(result)


def build_context(comparison: Comparison, *, for_print: bool) -> dict[str, Any]:
    """Everything the report templates show, for the screen or for print."""
    b = _Builder(comparison, for_print)
    articles = tuple(b.article_view(a, i) for i, a in enumerate(comparison.articles))
    by_id = {a.id: a for a in articles}
    divergences = b.divergences()
    framing = b.framing()
    if comparison.pair_mode and not for_print:
        pair_layouts, unpaired = b.pair_layouts(by_id)
    else:
        pair_layouts, unpaired = (), tuple(a.id for a in articles)
    when = generated_at()
    outlets = join_list(list(b.labels.values()))
    return {
        "title": shown_title(comparison.title),
        "description": f"storycompare report: how {outlets} report “{shown_title(comparison.title)}”",
        "version": comparison.version,
        "generated": when.strftime("%Y-%m-%d %H:%M UTC"),
        "generated_iso": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "for_print": for_print,
        "pair_mode": comparison.pair_mode,
        "sections": PRINT_SECTIONS if for_print else SCREEN_SECTIONS,
        "articles": articles,
        "groups": tuple(b.groups.values()),
        "has_parts": bool(b.parts),
        "summary": b.summary(articles, divergences, framing),
        "coverage": b.coverage(),
        "divergences": divergences,
        "framing": framing,
        "stance_labels": STANCE_LABELS,
        "pairs": b.pairs(),
        "pair_layouts": pair_layouts,
        "unpaired": tuple(by_id[a] for a in unpaired),
        "palette": PALETTE,
        "text_colour": TEXT_COLOUR,
        "mark_colour": MARK_COLOUR,
    }
