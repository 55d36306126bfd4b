"""Story grouping (compare/stories.py) on a small synthetic collection and on properties."""

from __future__ import annotations

import itertools
import pickle
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from compare.batch import prepare_article
from compare.errors import InputError
from compare.load import load_inputs
from compare.models import Article
from compare.settings import Settings
from compare.stories import (
    Background,
    Profile,
    StorySettings,
    adjusted_rand_index,
    article_terms,
    candidate_pairs,
    cosine,
    day_ordinal,
    follow_ups,
    group_profiles,
    group_stories,
    neighbours,
    profile,
    story_vectors,
)

# Three stories, each reported by three outlets in their own words, and two articles on
# their own.  The "story" field is the truth; it is removed before anything is loaded.
COLLECTION: list[dict[str, Any]] = [
    {"id": "flood-gazette", "story": "flood", "outlet": "Riverton Gazette", "date": "2024-03-05",
     "title": "Marlow river floods Riverton, 2,400 residents evacuated",
     "text": "The Marlow river burst its banks in Riverton on Tuesday and forced 2,400 residents from their homes.\n\n"
             "Mayor Helen Brant declared a state of emergency after the water rose to 4.2 metres overnight.\n\n"
             "Rescue crews from Dunfield used boats to reach families trapped on the upper floors.\n\n"
             "The Environment Agency warned that more rain was expected on Wednesday."},
    {"id": "flood-herald", "story": "flood", "outlet": "Northern Herald", "date": "2024-03-05",
     "title": "State of emergency in Riverton as the Marlow bursts its banks",
     "text": "Riverton's mayor, Helen Brant, declared a state of emergency on Tuesday as the Marlow river flooded the town.\n\n"
             "About 2,400 people were evacuated after the river reached 4.2 metres.\n\n"
             "Boats from the Dunfield rescue service picked up families stranded in their homes.\n\n"
             "Forecasters expect more rain in the Marlow valley."},
    {"id": "flood-wire", "story": "flood", "outlet": "Wire Service", "date": "2024-03-06",
     "title": "Thousands flee Riverton floods",
     "text": "RIVERTON (Wire) - Floodwater from the Marlow river drove 2,400 Riverton residents from their homes, "
             "officials said.\n\n"
             "Mayor Helen Brant has declared an emergency; the river peaked at 4.2 metres.\n\n"
             "Crews from Dunfield rescued trapped families by boat."},
    {"id": "strike-gazette", "story": "strike", "outlet": "Riverton Gazette", "date": "2024-03-05",
     "title": "Orvane Motors workers walk out at Kessling plant",
     "text": "Workers at the Orvane Motors plant in Kessling walked out on Tuesday in a dispute over pay.\n\n"
             "The Allied Machinists union said 1,150 of its members joined the strike.\n\n"
             "Union leader Tomas Reyes demanded a 9 percent raise over two years.\n\n"
             "Orvane Motors called the walkout regrettable and said talks would resume."},
    {"id": "strike-herald", "story": "strike", "outlet": "Northern Herald", "date": "2024-03-05",
     "title": "Strike halts Orvane Motors production in Kessling",
     "text": "Production stopped at Orvane Motors' Kessling factory on Tuesday as 1,150 union members went on strike.\n\n"
             "The Allied Machinists union, led by Tomas Reyes, wants a 9 percent pay rise.\n\n"
             "The carmaker said it regretted the walkout and hoped to resume talks."},
    {"id": "strike-wire", "story": "strike", "outlet": "Wire Service", "date": "2024-03-06",
     "title": "Orvane strike enters second day",
     "text": "KESSLING (Wire) - The strike at Orvane Motors entered its second day on Wednesday.\n\n"
             "Some 1,150 Allied Machinists members are demanding a 9 percent raise, union leader Tomas Reyes said.\n\n"
             "Orvane Motors said talks with the union would resume."},
    {"id": "comet-gazette", "story": "comet", "outlet": "Riverton Gazette", "date": "2024-03-07",
     "title": "Kestrel Observatory astronomers find a new comet",
     "text": "Astronomers at the Kestrel Observatory have discovered a comet, named C/2024 K7, beyond the orbit of Jupiter.\n\n"
             "Dr Amara Okafor, who led the team, said the comet would be visible through binoculars in October.\n\n"
             "The discovery was confirmed by the Minor Planet Center."},
    {"id": "comet-herald", "story": "comet", "outlet": "Northern Herald", "date": "2024-03-07",
     "title": "New comet C/2024 K7 spotted from Kestrel",
     "text": "A team led by Dr Amara Okafor at the Kestrel Observatory has found comet C/2024 K7 past Jupiter.\n\n"
             "The Minor Planet Center confirmed the find.\n\n"
             "Okafor said the comet should be visible with binoculars in October."},
    {"id": "comet-wire", "story": "comet", "outlet": "Wire Service", "date": "2024-03-08",
     "title": "Comet found by Kestrel team to brighten in October",
     "text": "Comet C/2024 K7, discovered by Kestrel Observatory astronomers, will be visible through binoculars "
             "in October, Dr Amara Okafor said.\n\n"
             "The Minor Planet Center confirmed the comet, which lies beyond Jupiter."},
    {"id": "bakery", "story": "bakery", "outlet": "Riverton Gazette", "date": "2024-03-06",
     "title": "Hollis Street bakery wins national sourdough prize",
     "text": "The Crumb and Crust bakery on Hollis Street won the national sourdough prize on Monday.\n\n"
             "Owner Priya Nandakumar said the recipe came from her grandmother.\n\n"
             "The award was presented at a ceremony in Westbury."},
    {"id": "chess", "story": "chess", "outlet": "Northern Herald", "date": "2024-03-06",
     "title": "Teenager Lev Marchetti wins Valdria chess open",
     "text": "Lev Marchetti, 15, won the Valdria chess open on Sunday without losing a game.\n\n"
             "He beat grandmaster Ines Kovac in the final round with the black pieces.\n\n"
             "Marchetti now qualifies for the European youth championship."},
]


def records() -> list[dict[str, Any]]:
    """The collection without its truth field, as the tool gets it."""
    return [{k: v for k, v in r.items() if k != "story"} for r in COLLECTION]


def truth() -> dict[str, str]:
    return {r["id"]: r["story"] for r in COLLECTION}


@pytest.fixture(scope="module")
def prepared() -> tuple[Article, ...]:
    return tuple(prepare_article(a)[0] for a in load_inputs(records()))


def labels(stories: Any, ids: list[str]) -> list[str]:
    predicted = {a: s.id for s in stories for a in s.articles}
    return [predicted[i] for i in ids]


# --- grouping ---------------------------------------------------------------------------------


def test_synthetic_collection_grouped_exactly(prepared: tuple[Article, ...]) -> None:
    stories = group_stories(prepared)
    ids = [a.id for a in prepared]
    assert adjusted_rand_index([truth()[i] for i in ids], labels(stories, ids)) == 1.0
    assert [len(s.articles) for s in stories] == [3, 3, 3, 1, 1]
    assert [s.id for s in stories] == ["s0001", "s0002", "s0003", "s0004", "s0005"]
    singletons = {s.articles[0] for s in stories if len(s.articles) == 1}
    assert singletons == {"bakery", "chess"}


def test_story_members_in_input_order_and_title_from_a_member(prepared: tuple[Article, ...]) -> None:
    order = {a.id: n for n, a in enumerate(prepared)}
    titles = {a.id: a.title for a in prepared}
    for story in group_stories(prepared):
        assert list(story.articles) == sorted(story.articles, key=order.__getitem__)
        assert story.title in {titles[a] for a in story.articles}


def test_grouping_does_not_depend_on_input_order(prepared: tuple[Article, ...]) -> None:
    ids = sorted(a.id for a in prepared)
    reference = labels(group_stories(prepared), ids)
    shuffled = list(prepared)
    random.Random(7).shuffle(shuffled)
    assert adjusted_rand_index(reference, labels(group_stories(shuffled), ids)) == 1.0


def test_articles_far_apart_in_time_never_share_a_story(prepared: tuple[Article, ...]) -> None:
    flood = [a for a in prepared if a.id.startswith("flood")]
    later = replace(flood[2], id="flood-later", date="2024-05-01")
    stories = group_stories([*flood[:2], later])
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    undated = replace(flood[2], id="flood-undated", date=None)
    assert [len(s.articles) for s in group_stories([*flood[:2], undated])] == [3]


def test_a_story_spans_as_many_days_as_one_event(prepared: tuple[Article, ...]) -> None:
    """``max_days`` is the event judgement's ``same_event_max_days``: reports of one trial over
    nine days share a story, eleven days apart they do not."""
    assert StorySettings().max_days == Settings().events.same_event_max_days
    strike = [a for a in prepared if a.id.startswith("strike")]
    flat = StorySettings(day_penalty=0.0)
    nine = replace(strike[2], date="2024-03-14")
    assert [len(s.articles) for s in group_stories([*strike[:2], nine], flat)] == [3]
    eleven = replace(strike[2], date="2024-03-16")
    assert sorted(len(s.articles) for s in group_stories([*strike[:2], eleven], flat)) == [1, 2]


def test_day_penalty_weakens_links_between_days(prepared: tuple[Article, ...]) -> None:
    strike = [a for a in prepared if a.id.startswith("strike")]
    moved = replace(strike[2], date="2024-03-11")  # six days after the others
    assert [len(s.articles) for s in group_stories([*strike[:2], moved])] == [3]
    strict = StorySettings(day_penalty=0.16)
    assert sorted(len(s.articles) for s in group_stories([*strike[:2], moved], strict)) == [1, 2]


def test_high_link_keeps_everything_apart(prepared: tuple[Article, ...]) -> None:
    stories = group_stories(prepared, StorySettings(link=0.99))
    assert all(len(s.articles) == 1 for s in stories)


def test_empty_and_single() -> None:
    assert group_profiles([]) == ()
    (only,) = group_profiles([Profile("a", "A title", None, {"word": 1.0})])
    assert only.articles == ("a",) and only.title == "A title"


# --- vectors and candidates ---------------------------------------------------------------------


def test_headline_and_names_weigh_more() -> None:
    article = Article(
        id="x", source="x", sha256="", text="", title="Comet found",
        sentences=(),
    )
    (body,) = load_inputs([{"text": "The comet was found. Astronomers in Kestrel saw the comet on Monday."}])
    article = replace(prepare_article(body)[0], title="Comet found")
    terms = article_terms(article)
    # "comet": headline (3) + two lede mentions (2 each); "kestrel": a name in the lede (2 x 2).
    assert terms["comet"] == pytest.approx(3.0 + 2.0 + 2.0)
    assert terms["kestrel"] == pytest.approx(4.0)
    assert terms["astronom"] == pytest.approx(2.0)  # first word of a sentence: not taken for a name


def test_title_case_headline_words_are_not_names() -> None:
    (body,) = load_inputs([{"text": "Nothing else here.", "title": "Senate Passes Budget Bill After Long Debate"}])
    terms = article_terms(prepare_article(body)[0])
    assert terms["budget"] == pytest.approx(3.0)


def test_tokens_of_one_article_are_left_out_of_vectors(prepared: tuple[Article, ...]) -> None:
    profiles = [profile(a) for a in prepared]
    vectors = story_vectors(profiles)
    df: dict[str, int] = {}
    for p in profiles:
        for t in p.terms:
            df[t] = df.get(t, 0) + 1
    for vec in vectors:
        assert all(df[t] >= 2 for t in vec)
        assert 0.0 < sum(w * w for w in vec.values()) <= 1.0 + 1e-9


def test_two_articles_sharing_only_incidental_words_stay_apart() -> None:
    # Each shares two words with the other and nothing with anyone else: without their own
    # words in the norm, their vectors would be identical.
    a = Profile("a", None, None, {"monday": 1.0, "council": 1.0, **{f"a{k}": 2.0 for k in range(30)}})
    b = Profile("b", None, None, {"monday": 1.0, "council": 1.0, **{f"b{k}": 2.0 for k in range(30)}})
    va, vb = story_vectors([a, b])
    assert cosine(va, vb) < 0.5
    assert [len(s.articles) for s in group_profiles([a, b])] == [1, 1]


def brute_force(vectors: list[dict[str, float]], link: float) -> dict[tuple[int, int], float]:
    out = {}
    for i, j in itertools.combinations(range(len(vectors)), 2):
        value = cosine(vectors[i], vectors[j])
        if value >= link:
            out[(i, j)] = value
    return out


def test_candidates_are_the_story_pairs_with_exact_cosines(prepared: tuple[Article, ...]) -> None:
    vectors = story_vectors([profile(a) for a in prepared])
    settings = StorySettings()
    found = candidate_pairs(vectors, settings)
    stories = [truth()[a.id] for a in prepared]
    assert set(found) == {(i, j) for i, j in itertools.combinations(range(len(prepared)), 2) if stories[i] == stories[j]}
    exact = brute_force(vectors, settings.link)
    assert all(found[p] == pytest.approx(exact[p]) for p in found)
    # The two articles on their own share one word ("win"): not enough to be a candidate.
    assert set(exact) - set(found) <= {(9, 10)}


def test_candidates_never_invent_pairs_on_random_vectors() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(60)]
    profiles = [
        Profile(f"a{n}", None, None, {t: float(rng.randint(1, 4)) for t in rng.sample(vocabulary, 12)})
        for n in range(80)
    ]
    vectors = story_vectors(profiles)
    settings = StorySettings(link=0.3)
    found = candidate_pairs(vectors, settings)
    exact = brute_force(vectors, settings.link)
    assert set(found) <= set(exact)
    assert all(found[p] == pytest.approx(exact[p]) for p in found)
    wide = replace(settings, candidate_terms=1000, min_shared=1, min_partial=0.0, max_postings=10**6)
    assert set(candidate_pairs(vectors, wide)) == set(exact)  # without the filters: every pair


def test_candidate_pairs_skip_dates_far_apart(prepared: tuple[Article, ...]) -> None:
    vectors = story_vectors([profile(a) for a in prepared])
    days = [0] * len(vectors)
    days[0] = 100
    found = candidate_pairs(vectors, StorySettings(), days)
    assert not any(0 in pair for pair in found)


# --- background -------------------------------------------------------------------------------


def test_background_counts_saves_and_loads(tmp_path: Path, prepared: tuple[Article, ...]) -> None:
    profiles = [profile(a) for a in prepared]
    background = Background.count(profiles)
    assert background.documents == len(profiles)
    assert background.df["marlow"] == 3 and "sourdough" not in background.df  # one article only
    path = tmp_path / "background.json"
    path.write_text(background.to_json(), encoding="utf-8")
    loaded = Background.load(path)
    assert loaded == background
    # A word common in the background weighs less than the collection alone would make it.
    common = Background(1000, {"marlow": 900})
    alone, with_background = story_vectors(profiles)[0], story_vectors(profiles, background=common)[0]
    assert with_background["marlow"] < alone["marlow"] / 2


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "not a background file"),
        ('{"schema": "other"}', "expected schema"),
        ('{"schema": "storycompare-background/1", "documents": 2, "df": {"a": 5}}', "no larger than"),
    ],
)
def test_background_load_errors_name_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bg.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as info:
        Background.load(path)
    assert str(path) in str(info.value)


def test_profiles_are_small_and_picklable(prepared: tuple[Article, ...]) -> None:
    p = profile(prepared[0])
    assert pickle.loads(pickle.dumps(p)) == p


# --- adjusted Rand index --------------------------------------------------------------------------


def test_adjusted_rand_index() -> None:
    assert adjusted_rand_index(["a", "a", "b", "b"], ["x", "x", "y", "y"]) == 1.0
    assert adjusted_rand_index(["a", "a", "b", "b"], ["y", "y", "x", "x"]) == 1.0
    assert adjusted_rand_index(["a", "a", "b", "b"], ["x", "y", "x", "y"]) == pytest.approx(-0.5)
    # scikit-learn's documented example: [0, 0, 1, 2] against [0, 0, 1, 1] gives 0.5714...
    assert adjusted_rand_index(["0", "0", "1", "2"], ["0", "0", "1", "1"]) == pytest.approx(0.5714285714)
    assert adjusted_rand_index([], []) == 1.0
    with pytest.raises(ValueError):
        adjusted_rand_index(["a"], ["x", "y"])


def test_one_outlet_may_have_several_articles_in_a_story() -> None:
    rows = records()
    update = {
        "id": "flood-gazette-update", "outlet": "Riverton Gazette", "date": "2024-03-06",
        "title": "Riverton flood: Marlow river falls, evacuated residents wait to return",
        "text": "The Marlow river began to fall in Riverton on Wednesday, a day after 2,400 residents were evacuated.\n\n"
                "Mayor Helen Brant said the state of emergency would stay in place until the water drops below 4.2 metres.\n\n"
                "Rescue crews from Dunfield remained on standby.",
    }
    articles = [prepare_article(a)[0] for a in load_inputs([*rows, update])]
    (flood,) = [s for s in group_stories(articles) if "flood-gazette" in s.articles]
    assert set(flood.articles) == {"flood-gazette", "flood-herald", "flood-wire", "flood-gazette-update"}


MEETING = (
    "NATO and Russia pledge cooperation on missile defence\n\n"
    "Foreign ministers of the NATO-Russia Council met on {day} and agreed to study cooperation on missile defence. "
    "Secretary-General Anders Fogh Rasmussen said the talks were very encouraging. "
    "Russian Foreign Minister Sergei Lavrov said Moscow wanted guarantees before any joint system was built. "
    "The ministers also discussed Afghanistan, drug trafficking and conventional arms control in Europe."
)


@pytest.mark.parametrize(("first", "second", "stories"), [("Sept. 22", "Nov. 3", 2), ("Wednesday", "Wednesday", 1)])
def test_days_the_articles_state_keep_two_events_apart(first: str, second: str, stories: int) -> None:
    """Undated articles that say their meetings fell six weeks apart are two stories, however
    much they share (the event judgement of compare/analyze/events.py); the same two
    articles without those days are one."""
    records = [{"id": f"m{n}", "text": MEETING.format(day=day)} for n, day in enumerate((first, second))]
    articles = [prepare_article(a)[0] for a in load_inputs(records)]
    assert len(group_stories(articles)) == stories


def follow_up_collection() -> list[dict[str, Any]]:
    """Two NATO-Russia Council meetings six weeks apart, each reported by two outlets on its
    day, and one unrelated article: the second meeting is a follow-up of the first."""
    rows = []
    for day, when in (("2010-09-22", "Wednesday"), ("2010-11-03", "Wednesday")):
        for outlet in ("Wire", "Herald"):
            text = MEETING.format(day=when)
            if outlet == "Herald":
                text = text.replace("very encouraging", "encouraging").replace("wanted guarantees", "asked for guarantees")
            rows.append({"id": f"meeting-{day}-{outlet.lower()}", "outlet": outlet, "date": day, "text": text})
    rows.append({**records()[3], "date": "2010-11-04"})
    return rows


def test_neighbours_made_once_give_the_grouping_and_the_links_of_each_made_alone() -> None:
    """``storycompare batch`` makes the story vectors and candidate pairs once, for the grouping
    and the follow-up links: the same stories and links as each step making its own, though the
    grouping keeps only the pairs within ``max_days`` (the two meetings, 42 days apart, are
    candidates of the links, not of the stories)."""
    articles = [prepare_article(a)[0] for a in load_inputs(follow_up_collection())]
    profiles = [profile(a) for a in articles]
    for settings in (StorySettings(), replace(StorySettings(), max_days=60)):
        near = neighbours(profiles, settings)
        stories = group_profiles(profiles, settings, near=near)
        assert stories == group_profiles(profiles, settings)
        assert follow_ups(profiles, stories, settings, near=near) == follow_ups(profiles, stories, settings)
    days = [day_ordinal(p.date) for p in profiles]
    apart = {(i, j) for i, j in near.pairs if abs((days[i] or 0) - (days[j] or 0)) > StorySettings().max_days}
    assert apart and set(candidate_pairs(list(near.vectors), StorySettings(), days)) == set(near.pairs) - apart


def test_a_follow_up_event_is_its_own_story_linked_to_the_earlier() -> None:
    articles = [prepare_article(a)[0] for a in load_inputs(follow_up_collection())]
    profiles = [profile(a) for a in articles]
    stories = group_profiles(profiles)
    story_of = {a: s.id for s in stories for a in s.articles}
    first, second = story_of["meeting-2010-09-22-wire"], story_of["meeting-2010-11-03-wire"]
    assert first != second
    assert story_of["meeting-2010-09-22-herald"] == first and story_of["meeting-2010-11-03-herald"] == second
    (link,) = follow_ups(profiles, stories)
    assert (link.earlier, link.later, link.days) == (first, second, 42)
    assert link.reason.startswith("a follow-up: ")
    # Beyond Settings.events.follow_up_days the two meetings are only of the same kind: no link.
    assert follow_ups(profiles, stories, event_settings=replace(Settings(), events=replace(Settings().events, follow_up_days=30))) == ()
    # Every cross pair of the two meetings' articles is one story's; a share above all of them links none.
    assert follow_ups(profiles, stories, replace(StorySettings(), follow_up_share=1.0)) == (link,)
    assert follow_ups(profiles, stories, replace(StorySettings(), follow_up_share=1.01)) == ()


QUAKE = (
    "A magnitude {mag} earthquake struck near {town} in {country}, killing {dead} people and injuring hundreds, "
    "officials said. Rescue teams searched collapsed buildings in {town} through the night. "
    "{official}, the head of {country}'s disaster agency, said {dead} bodies had been recovered."
)


def test_two_events_of_one_kind_stay_two_stories() -> None:
    """Two earthquakes, each reported by three outlets: their words make them one story (here
    every article holds the same kind words and its event's name), the event judgement of
    each pair two events; with ``event_share`` two clusters merge only when enough of their
    cross pairs report one event."""
    events = [("6.1", "Kerman", "Iran", "41", "Esmaeil Najjar"), ("5.8", "Padang", "Indonesia", "73", "Syamsul Maarif")]
    kind = {f"kind{n}": 5.0 for n in range(20)}  # the words of any earthquake report
    profiles = []
    for number, (mag, town, country, dead, official) in enumerate(events):
        (loaded,) = load_inputs([{"id": "x", "text": QUAKE.format(mag=mag, town=town, country=country, dead=dead, official=official)}])
        article = prepare_article(loaded)[0]
        for outlet in range(3):
            profiles.append(Profile(f"q{number}-{outlet}", None, None, {**kind, town.lower(): 2.0}, profile(article).event))
    one = group_profiles(profiles, replace(StorySettings(), event_share=0.0))
    assert [len(s.articles) for s in one] == [6]
    two = group_profiles(profiles)
    assert sorted(s.articles for s in two) == [("q0-0", "q0-1", "q0-2"), ("q1-0", "q1-1", "q1-2")]


def test_profile_counts_the_words_once_for_both_vectors(prepared: tuple[Article, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """The story vector's terms and the event profile's are one count of the article's words (the
    same weights): :func:`profile` makes them once and gives them to the event profile, which is
    the one it would make alone; with other weights the event profile counts its own."""
    import compare.analyze.event_profile as event_module
    import compare.stories as stories_module
    from compare.analyze.event_profile import event_profile
    from compare.terms import weighted_terms

    shipped = StorySettings()
    weights = (shipped.headline_weight, shipped.lede_weight, shipped.lede_words, shipped.name_weight)
    assert weights == stories_module._DEFAULT_WEIGHTS  # the shipped story weights are the event profile's
    alone = [event_profile(a) for a in prepared]
    calls = []

    def counted(*args: Any, **kwargs: Any) -> dict[str, float]:
        calls.append(args[0].id)
        return weighted_terms(*args, **kwargs)

    monkeypatch.setattr(event_module, "weighted_terms", counted)
    monkeypatch.setattr(stories_module, "weighted_terms", counted)
    profiles = [profile(a) for a in prepared]
    assert calls == [a.id for a in prepared]
    assert [p.event for p in profiles] == alone
    calls.clear()
    heavier = [profile(a, StorySettings(headline_weight=5.0)) for a in prepared]
    assert len(calls) == 2 * len(prepared)
    assert [p.event for p in heavier] == alone
