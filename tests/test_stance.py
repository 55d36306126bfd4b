"""Framing of the main actors (compare/analyze/framing/) and the lexicon behind it (compare/lexicon.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from compare.analyze.framing import frame, main_actors
from compare.errors import LexiconError
from compare.lexicon import SHIPPED, Lexicon, load_lexicon
from compare.models import Article, Stance
from compare.segment import segment
from compare.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "nato-russia-2010"
SETTINGS = Settings()
CUES = Settings(stance_relations_per_1000=0.0)
"""For the one- and two-sentence articles below: the stance axis whatever the story is about (the
gate that keeps it to stories about relations is tested by itself)."""


def make_article(article_id: str, text: str, *, cleaned: bool = True) -> Article:
    """A segmented article; boilerplate removed when asked and the clean stage is there."""
    article = Article(id=article_id, source=f"{article_id}.txt", sha256="", text=text)
    if cleaned:
        try:
            from compare.clean import clean
        except ImportError:  # pragma: no cover - the expectations hold with the boilerplate left in
            pass
        else:
            article = clean(article)
    return segment(article)


def example_articles(*, cleaned: bool = True) -> list[Article]:
    return [
        make_article(p.stem, p.read_text("utf-8"), cleaned=cleaned) for p in sorted(EXAMPLE.glob("*.txt"))
    ]


@pytest.fixture(scope="module", params=["cleaned", "raw"])
def example(request: pytest.FixtureRequest) -> tuple[list[Article], dict[tuple[str, str], Stance]]:
    """The example story, with boilerplate removed and (to be robust to it) left in."""
    articles = example_articles(cleaned=request.param == "cleaned")
    stances = frame(articles, load_lexicon(), SETTINGS)
    return articles, {(s.actor, s.article): s for s in stances}


def sentence_id(articles: Sequence[Article], article_id: str, words: str) -> str:
    article = next(a for a in articles if a.id == article_id)
    return next(s.id for s in article.sentences if words in s.text)


# --- the reference: the example story -------------------------------------------------


def test_main_actors_are_found_in_the_example(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    _, stances = example
    actors = {actor for actor, _ in stances}
    assert {"Russia", "NATO", "United States"} <= actors
    assert len(actors) <= SETTINGS.max_actors


def test_rferl_frames_russia_as_reluctant(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    articles, stances = example
    russia = stances[("Russia", "rferl")]
    assert russia.label == "reluctant"
    assert russia.score <= -SETTINGS.stance_margin
    assert sentence_id(articles, "rferl", "Russia Less So") in russia.evidence
    assert sentence_id(articles, "rferl", "Moscow has not yet said it will attend") in russia.evidence
    # the strongest evidence comes first: "objections to further cooperation ... not yet"
    assert russia.evidence[0] == sentence_id(articles, "rferl", "Moscow has not yet said it will attend")


def test_rferl_frames_nato_as_cooperative(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    articles, stances = example
    nato = stances[("NATO", "rferl")]
    assert nato.label == "cooperative"
    assert nato.cooperative > nato.reluctant
    assert sentence_id(articles, "rferl", '"very encouraged"') in nato.evidence


def test_rferl_headline_splits_the_cues_between_nato_and_russia(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    """'NATO Encouraged By Talk Of Cooperation With Russia, Russia Less So': NATO two cues, Russia one."""
    articles, _ = example
    headline = next(a for a in articles if a.id == "rferl").sentences
    only = [s for s in headline if s.text.startswith("NATO Encouraged")]
    article = replace(
        articles[0], id="h1", sentences=tuple(replace(s, id="h1:0", article="h1") for s in only)
    )
    twin = replace(article, id="h2", sentences=tuple(replace(s, id="h2:0", article="h2") for s in only))
    stances = {(s.actor, s.article): s for s in frame([article, twin], load_lexicon(), SETTINGS)}
    assert (stances[("NATO", "h1")].cooperative, stances[("NATO", "h1")].reluctant) == (2, 0)
    assert (stances[("Russia", "h1")].cooperative, stances[("Russia", "h1")].reluctant) == (0, 1)


def test_bloomberg_frames_russia_as_cooperative(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    articles, stances = example
    russia = stances[("Russia", "bloomberg")]
    assert russia.label == "cooperative"
    # "We are pleased ...," he said after meeting with Rasmussen: "he" is Medvedev, named the sentence before
    assert sentence_id(articles, "bloomberg", "We are pleased because") in russia.evidence
    assert (
        sentence_id(articles, "bloomberg", "We are pleased because")
        not in stances[("NATO", "bloomberg")].evidence
    )


def test_rt_grave_concern_is_reluctant_evidence_for_russia(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    articles, stances = example
    russia = stances[("Russia", "rt")]
    assert russia.reluctant >= 2
    assert sentence_id(articles, "rt", "Moscow expressed grave concern") in russia.evidence
    assert (
        sentence_id(articles, "rt", "Moscow expressed grave concern") not in stances[("NATO", "rt")].evidence
    )


def test_rt_clinton_s_prescription_is_not_russia_s_stance(
    example: tuple[list[Article], dict[tuple[str, str], Stance]],
) -> None:
    articles, stances = example
    wish = sentence_id(articles, "rt", "She said Russia and the Alliance should forge closer")
    assert wish not in stances[("Russia", "rt")].evidence
    assert wish not in stances[("NATO", "rt")].evidence
    assert wish in stances[("Hillary Rodham Clinton", "rt")].evidence  # her wish: she is the speaker
    # Russia's own envoy, Rogozin, still speaks for Russia: his "quite constructive" is Russia's one
    # cooperative cue in RT (his "might have a common platform for cooperation" is a possibility)
    assert stances[("Russia", "rt")].cooperative == 1


def test_rows_come_in_a_fixed_order(example: tuple[list[Article], dict[tuple[str, str], Stance]]) -> None:
    articles, _ = example
    stances = frame(articles, load_lexicon(), SETTINGS)
    assert frame(articles, load_lexicon(), SETTINGS) == stances
    actors = list(dict.fromkeys(s.actor for s in stances))
    order = [a.id for a in articles]
    for actor in actors:
        rows = [s.article for s in stances if s.actor == actor]
        assert rows == sorted(rows, key=order.index)
    # actors keep their order when the articles come in another order; rows follow the input order
    backwards = frame(articles[::-1], load_lexicon(), SETTINGS)
    assert list(dict.fromkeys(s.actor for s in backwards)) == actors
    assert [s.article for s in backwards if s.actor == "Russia"] == [
        s.article for s in stances if s.actor == "Russia"
    ][::-1]
    assert main_actors(articles, load_lexicon(), SETTINGS) == tuple(actors)


def test_every_row_is_consistent(example: tuple[list[Article], dict[tuple[str, str], Stance]]) -> None:
    articles, stances = example
    ids = {s.id for a in articles for s in a.sentences}
    for stance in stances.values():
        c, r = stance.cooperative, stance.reluctant
        assert stance.score == (round((c - r) / (c + r), 3) if c + r else 0.0)
        assert (stance.label == "neutral") == (c + r == 0)
        assert len(stance.evidence) <= 5
        assert set(stance.evidence) <= ids
        assert all(e.startswith(stance.article + ":") for e in stance.evidence)
        assert (not stance.evidence) == (c + r == 0)


# --- synthetic cases -------------------------------------------------------------------


@dataclass(frozen=True)
class FakeQuote:
    text: str
    start: int
    end: int
    speaker: str | None


def fake_quotes(speakers: Mapping[str, str | None]) -> object:
    """A quotation finder: every "..." is a quote; its speaker from ``speakers`` (by quote text)."""

    def find(article: Article) -> dict[str, tuple[FakeQuote, ...]]:
        out: dict[str, tuple[FakeQuote, ...]] = {}
        for sentence in article.sentences:
            found = []
            for m in re.finditer(r'"([^"]+)"', sentence.text):
                start = sentence.start + m.start(1)
                found.append(FakeQuote(m.group(1), start, start + len(m.group(1)), speakers.get(m.group(1))))
            if found:
                out[sentence.id] = tuple(found)
        return out

    return find


def framed(
    *texts: str, lexicon: Lexicon | None = None, settings: Settings = CUES, **kw: object
) -> dict[tuple[str, str], Stance]:
    """Frame articles "a", "b", ... written from ``texts``."""
    articles = [make_article(chr(ord("a") + n), text) for n, text in enumerate(texts)]
    stances = frame(articles, lexicon or load_lexicon(), settings, **kw)  # type: ignore[arg-type]
    return {(s.actor, s.article): s for s in stances}


def counts(stances: Mapping[tuple[str, str], Stance], actor: str, article: str = "a") -> tuple[int, int]:
    stance = stances[(actor, article)]
    return stance.cooperative, stance.reluctant


OTHER = "Poland and Germany met France in Paris."  # a second article naming the actors, without cues


def test_negation_flips_a_cue() -> None:
    assert counts(framed("Poland sees Germany as a threat.", OTHER), "Poland") == (0, 1)
    assert counts(framed("Poland does not see Germany as a threat.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Poland doesn't see Germany as a threat.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Poland never welcomed the German plan.", OTHER), "Poland") == (0, 1)
    # out of reach: more than three content words between the negation and the cue
    far = "Poland did not say on Monday whether its defence ministry shares the concern."
    assert counts(framed(far, OTHER), "Poland") == (0, 1)
    # "not only" is no negation
    assert counts(framed("Poland wants not only cooperation but trust.", OTHER), "Poland") == (2, 0)


def test_the_object_of_a_preposition_is_not_the_agent() -> None:
    stances = framed("Poland agreed to cooperate closely with Germany.", OTHER)
    assert counts(stances, "Poland") == (2, 0)
    assert counts(stances, "Germany") == (0, 0)
    assert stances[("Germany", "a")].label == "neutral"
    stances = framed("Against Germany, Poland voiced grave concern.", OTHER)
    assert counts(stances, "Poland") == (0, 2)
    assert counts(stances, "Germany") == (0, 0)


def test_the_object_of_a_verb_is_not_the_agent() -> None:
    stances = framed("Poland urged Germany to reject the plan.", OTHER)
    assert counts(stances, "Poland") == (0, 1)
    assert counts(stances, "Germany") == (0, 0)


def test_each_clause_has_its_own_agent() -> None:
    stances = framed("Poland welcomed the plan, but Germany rejected it.", OTHER)
    assert counts(stances, "Poland") == (1, 0)
    assert counts(stances, "Germany") == (0, 1)
    stances = framed("While France remained skeptical, Poland praised the deal.", OTHER)
    assert counts(stances, "France") == (0, 1)
    assert counts(stances, "Poland") == (1, 0)


def test_actors_joined_by_and_share_the_cue() -> None:
    stances = framed("Poland and Germany fundamentally disagree.", OTHER)
    assert counts(stances, "Poland") == counts(stances, "Germany") == (0, 1)


def test_the_white_house_is_the_administration_not_the_country() -> None:
    text = (
        "The White House, in contrast, has accused House Republican leadership of being deliberately vague "
        "on cuts, while insisting that no deal will end up getting the president's signature without a raising of tax rates."
    )
    stances = framed(text, "The White House said the talks would go on. Mr. Boehner said little.")
    assert ("White House", "a") in stances and ("United States", "a") not in stances
    assert stances[("White House", "a")].label == "reluctant"  # "insisting that no deal ... without"


def test_the_islamic_state_is_one_actor_however_an_outlet_names_it() -> None:
    # an FNC-1 story (ISIS's chlorine attack at Saqlawiyah, 2014) showed "IS" and "ISIS" as two actors
    stances = framed(
        "Islamic State (IS) militants are using chlorine gas against Iraqi soldiers, a lawmaker said.",
        "ISIS killed 300 Iraqi soldiers in a chlorine gas attack in Saqlawiyah.",
        "The attack by Daesh near Fallujah was condemned. The Isis fighters withdrew.",
    )
    actors = {actor for actor, _ in stances}
    assert {("Islamic State", a) for a in "abc"} <= set(stances)
    assert not actors & {"IS", "ISIS", "Isis", "Daesh"}
    # a word in capitals that is no name is no actor: "IS" here is the verb of a shouted headline
    assert "Islamic State" not in {a for a, _ in framed("WHAT IS AT STAKE FOR POLAND", OTHER)}


def test_a_common_word_that_opens_the_sentence_is_not_part_of_the_name() -> None:
    # an FNC-1 story showed North Korea "also Because Pyongyang, Some Pyongyang"
    stances = framed(
        "Because Pyongyang is publicly acknowledging his discomfort, analysts believe it is not serious. "
        "Some Pyongyang watchers disagree because he has not been seen.",
        "Pyongyang said the leader was unwell. North Korea gave no details.",
    )
    assert set(stances[("North Korea", "a")].aliases) == {"Pyongyang"}
    # so does a given name the story gives the person, though the story writes it in lower case too
    clinton = framed("Bill Clinton said the bill was a disaster. The bill passed.", "Former President Bill Clinton spoke.")
    assert clinton[("Bill Clinton", "a")].aliases == ("Bill Clinton",)
    # a title still opens a name: "President Medvedev" is an actor of his own
    assert ("Medvedev", "a") in framed("President Medvedev welcomed the plan. Russia agreed.", OTHER + " Medvedev spoke.")


def test_a_fronted_clause_belongs_to_the_agent_that_follows() -> None:
    text = "In a possible sign that it has objections to further cooperation, Warsaw has not yet replied."
    stances = framed(text, OTHER)
    # objections, cooperation right after them, "not yet": all reluctant, all Poland's
    assert counts(stances, "Poland") == (0, 3)
    assert stances[("Poland", "a")].label == "reluctant"


def test_what_another_says_an_actor_should_do_is_not_the_actor_s_stance() -> None:
    for text in (
        "Germany said Poland should cooperate.",
        "Germany said that Poland must cooperate.",
        "Germany said Poland needs to cooperate.",
        "Germany said Poland ought to cooperate.",
        "Poland should cooperate, Germany said.",
        "Poland should cooperate, said Germany.",
        "Germany urged Poland to cooperate.",
        "Germany called on Poland to cooperate.",
        "Germany wants Poland to cooperate.",
    ):
        stances = framed(text, OTHER)
        assert counts(stances, "Poland") == (0, 0), text
        assert counts(stances, "Germany") == (1, 0), text  # the speaker's wish
    stances = framed("Germany said Poland and France should forge closer relations.", OTHER)
    assert counts(stances, "Poland") == counts(stances, "France") == (0, 0)
    assert counts(stances, "Germany") == (1, 0)
    # nobody's when the speaker is no actor, or unnamed
    assert counts(framed("Analysts said Poland should cooperate.", OTHER), "Poland") == (0, 0)
    assert counts(framed("Poland was urged to cooperate.", OTHER), "Poland") == (0, 0)
    # an actor's own words, or what it did, still count for it
    assert counts(framed("Poland said it would cooperate.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Poland said it should cooperate.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Germany said Poland has refused to cooperate.", OTHER), "Poland") == (0, 2)
    assert counts(framed("Poland should cooperate.", OTHER), "Poland") == (1, 0)  # the outlet's own words


def test_a_cue_next_to_an_actor_is_that_actor_s() -> None:
    text = "Germany dropped the plan in the face of Polish opposition."
    stances = framed(text, OTHER)
    assert counts(stances, "Poland") == (0, 1)
    assert counts(stances, "Germany") == (0, 0)
    stances = framed("France moved to ease concern in Berlin about the deal.", OTHER)
    assert counts(stances, "Germany") == (0, 1)
    assert counts(stances, "France") == (0, 0)


def test_quoted_cues_count_for_the_speaker() -> None:
    text = '"We are worried and we reject this," Merkel said after talks with France.'
    finder = fake_quotes({"We are worried and we reject this,": "Merkel"})
    stances = framed(text, OTHER, quotes=finder)
    assert counts(stances, "Germany") == (0, 2)
    assert counts(stances, "France") == (0, 0)
    # a speaker who is no actor takes the cues out of the count
    finder = fake_quotes({"We are worried and we reject this,": "Smith"})
    stances = framed(
        'France met Poland. "We are worried and we reject this," Smith said.', OTHER, quotes=finder
    )
    assert counts(stances, "France") == counts(stances, "Poland") == (0, 0)


def test_a_pronoun_speaker_is_the_person_named_before() -> None:
    text = (
        "German Chancellor Angela Merkel met President Nicolas Sarkozy in Paris. "
        '"We are pleased with the progress," she said after meeting with Sarkozy.'
    )
    stances = framed(text, OTHER, quotes=fake_quotes({}))  # the finder names nobody
    assert counts(stances, "Germany") == (2, 0)
    assert counts(stances, "France") == (0, 0)


def test_with_the_real_quotation_finder() -> None:
    text = 'Medvedev said ties with NATO have improved.\n"We are pleased," he said after meeting Rasmussen.'
    stances = framed(text, "NATO and Russia met in Brussels.")
    assert counts(stances, "Russia") == (2, 0)
    assert counts(stances, "NATO") == (0, 0)


def test_a_headline_with_a_colon_quotes_the_person_before_it() -> None:
    stances = framed("Merkel: Germany and Poland 'Not Adversaries'\n\nThe two met.", OTHER)
    assert counts(stances, "Germany") == (1, 0)
    assert counts(stances, "Poland") == (0, 0)


def test_a_person_is_one_actor_under_every_form_and_stays_a_person() -> None:
    stances = framed(
        "Secretary of State Hillary Rodham Clinton welcomed the plan. Clinton praised Germany.",
        "Hillary Clinton warned Germany. Mrs. Clinton spoke in Berlin.",
    )
    assert counts(stances, "Hillary Rodham Clinton") == (2, 0)
    assert counts(stances, "Hillary Rodham Clinton", "b") == (0, 1)
    assert ("United States", "a") not in stances  # Clinton is not "United States"
    assert set(stances[("Hillary Rodham Clinton", "b")].aliases) == {"Hillary Clinton", "Mrs. Clinton"}
    stances = framed(
        "Mitt Romney welcomed the plan with Germany. Mr. Romney praised the deal.",
        "Romney warned Germany, aides said.",
    )
    assert {actor for actor, _ in stances} == {"Mitt Romney", "Germany"}


def test_people_not_in_the_lexicon_are_found() -> None:
    stances = framed(
        "Ambassador Jan Kowalczyk praised the deal with Germany.",
        "Kowalczyk warned of a threat, Germany said.",
    )
    assert counts(stances, "Jan Kowalczyk") == (1, 0)
    assert counts(stances, "Jan Kowalczyk", "b") == (0, 2)
    # someone introduced as "<actor> <title> <name>" is their own actor and speaks for that actor
    stances = framed(
        "Ukrainian President Ivan Petrenko welcomed the agreement with Poland.",
        "Petrenko rejected the plan, Polish officials said.",
    )
    assert counts(stances, "Ivan Petrenko") == counts(stances, "Ukraine") == (2, 0)
    assert counts(stances, "Ivan Petrenko", "b") == counts(stances, "Ukraine", "b") == (0, 1)


def test_a_surname_does_not_pull_in_relatives() -> None:
    stances = framed(
        "Governor Asa Hutchinson welcomed the plan with Poland. "
        "His son, Will Hutchinson, rejected it. Will Hutchinson's objection was noted. Hutchinson worried.",
        "Asa Hutchinson praised Poland. Hutchinson's son Will Hutchinson was arrested and worried.",
    )
    assert counts(stances, "Asa Hutchinson") == (1, 0)
    assert counts(stances, "Will Hutchinson") == (0, 3)  # the bare surname means the one named last
    assert counts(stances, "Asa Hutchinson", "b") == (1, 0)  # not the sentence about his son


def test_a_cue_counts_only_for_the_actor_it_is_said_of() -> None:
    stances = framed(
        "Colorado Attorney General John Suthers said other states have expressed concern about the law.",
        "John Suthers met Poland. Other states' concern grew, Suthers said.",
    )
    assert counts(stances, "John Suthers") == (0, 0)
    assert counts(stances, "John Suthers", "b") == (0, 0)


def test_capitalised_phrases_that_are_not_people_are_not_actors() -> None:
    stances = framed(
        "The Cold War ended. Officials in New York said the Missile Defense Review was positive.",
        "After the Cold War, New York welcomed the Missile Defense Review.",
    )
    assert not stances


def test_main_actors_need_two_articles_and_the_most_mentions() -> None:
    stances = framed(
        "Poland welcomed it. Poland and Germany agree. Iran objected.", "Poland and Germany met."
    )
    assert {actor for actor, _ in stances} == {"Poland", "Germany"}
    ranked = list(dict.fromkeys(actor for actor, _ in stances))
    assert ranked == ["Poland", "Germany"]  # 3 mentions against 2
    stances = framed(
        "Poland welcomed it. Poland and Germany agree.",
        "Poland and Germany met.",
        settings=replace(CUES, max_actors=1),
    )
    assert {actor for actor, _ in stances} == {"Poland"}


def test_labels_follow_the_margin() -> None:
    mixed = framed("Poland welcomed the plan and warned Germany of risks.", OTHER)
    assert mixed[("Poland", "a")].label == "mixed"
    assert mixed[("Poland", "a")].score == 0.0
    assert mixed[("Germany", "a")].label == "neutral"
    two_to_one = "Poland welcomed the plan, praised its goals and warned of risks."
    assert framed(two_to_one, OTHER)[("Poland", "a")].label == "cooperative"  # 1/3 >= 0.3
    strict = replace(CUES, stance_margin=0.5)
    assert framed(two_to_one, OTHER, settings=strict)[("Poland", "a")].label == "mixed"


def test_evidence_is_strongest_first_and_at_most_five() -> None:
    lines = [
        "Poland welcomed the talks.",
        "Poland praised the constructive and positive mood.",
        "Poland warned of a threat.",
        *[f"Poland saw progress on point {n}." for n in range(6)],
    ]
    articles = [make_article("a", "\n".join(lines)), make_article("b", OTHER)]
    poland = next(
        s for s in frame(articles, load_lexicon(), CUES) if s.actor == "Poland" and s.article == "a"
    )
    assert poland.label == "cooperative"
    assert len(poland.evidence) == 5
    assert poland.evidence[0] == "a:1"  # three cooperative cues
    assert "a:2" not in poland.evidence  # the one reluctant sentence argues against the label


def test_neutral_phrases_hide_their_cue_words() -> None:
    assert counts(framed("Poland will link early warning radars with Germany.", OTHER), "Poland") == (0, 0)


# --- the lexicon -------------------------------------------------------------------------


def test_shipped_lexicon() -> None:
    lexicon = load_lexicon()
    assert load_lexicon() is lexicon
    data = json.loads(SHIPPED.read_text("utf-8"))
    assert isinstance(data["about"], str) and "--lexicon" in data["about"]
    assert {"Moscow", "Kremlin", "Medvedev", "Putin"} <= set(lexicon.actors["Russia"])
    assert {"U.S.", "Washington"} <= set(lexicon.actors["United States"])
    # The White House is the administration: in a domestic story not the country (blind reading 10,
    # BASIL cad4bba5: "United States reluctant" from "The White House ... has accused House Republican
    # leadership", judged unsupported twice).
    assert lexicon.actors["White House"] == ("White House",)
    assert not {"Clinton", "Obama"} & set(lexicon.actors["United States"])  # people stay people
    assert {"GOP", "Republican Party"} <= set(lexicon.actors["Republicans"])
    assert {"NATO", "alliance", "Rasmussen"} <= set(lexicon.actors["NATO"])
    assert len(lexicon.actors) >= 30
    assert "cooperation" in lexicon.cooperative and "concern" in lexicon.reluctant
    assert "less so" in lexicon.reluctant and "n't" in lexicon.negations


def write(tmp_path: Path, data: object, name: str = "mine.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return str(path)


def test_a_user_lexicon_extends_the_shipped_one(tmp_path: Path) -> None:
    user = {
        "actors": {"Russia": ["Rosatom"], "Ruritania": ["Ruritanian", "Strelsau"], "Germany": ["Brussels"]},
        "cues": {"cooperative": ["handshake"], "reluctant": ["frosty"]},
        "negations": ["scarcely"],
    }
    lexicon = load_lexicon(write(tmp_path, user))
    shipped = load_lexicon()
    assert lexicon.actors["Russia"][: len(shipped.actors["Russia"])] == shipped.actors["Russia"]
    assert lexicon.actors["Russia"][-1] == "Rosatom"
    assert lexicon.actors["Ruritania"] == ("Ruritanian", "Strelsau")
    assert "Brussels" in lexicon.actors["Germany"] and "Brussels" not in lexicon.actors["European Union"]
    assert lexicon.cooperative[-1] == "handshake" and "cooperation" in lexicon.cooperative
    assert lexicon.reluctant[-1] == "frosty"
    assert lexicon.negations[-1] == "scarcely" and "not" in lexicon.negations
    assert "Brussels" in shipped.actors["European Union"]  # the shipped lexicon is untouched
    stances = framed(
        "Strelsau gave a frosty reply to Poland.",
        "Ruritanian officials met Poland. Poland offered a handshake.",
        lexicon=lexicon,
    )
    assert counts(stances, "Ruritania") == (0, 1)
    assert counts(stances, "Poland", "b") == (1, 0)


def test_a_large_user_lexicon_is_read_in_linear_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each alias of a user file was looked for in every actor's aliases, one by one: a file of
    100,000 actors (3.9 MB, under the 5 MB limit) took over ten minutes to read, 40,000 about two.  An alias still
    moves to the actor the user file gives it, and one actor's repeated alias counts once.
    Counted: the aliases compared with the user file's, a few for each (with every actor's, the square)."""
    from compare import lexicon as module

    compared = [0]

    class Alias(str):  # a user file's alias, counting what it is compared with
        __hash__ = str.__hash__

        def __eq__(self, other: object) -> bool:
            compared[0] += 1
            return str.__eq__(self, other)

    read = module._read

    def counted(path: Path, *, required: bool) -> dict[str, object]:
        data = read(path, required=required)
        actors = {} if required else data.get("actors", {})
        return {**data, "actors": {n: [Alias(a) for a in aliases] for n, aliases in actors.items()}} if actors else data

    monkeypatch.setattr(module, "_read", counted)
    user = {
        "actors": {
            **{f"Actor{n}": [f"Alias{n} Name{n}"] for n in range(2_000)},
            "Actor1": ["Alias1 Name1", "Alias1 Name1"],
            "Germany": ["Brussels", "Alias7 Name7"],
        }
    }
    lexicon = load_lexicon(write(tmp_path, user))
    assert compared[0] <= 2 * 2_003  # 9 here; each alias against every actor's, 2.7 million
    assert lexicon.actors["Actor1"] == ("Alias1 Name1",) and "Actor7" not in lexicon.actors
    assert lexicon.actors["Germany"][-2:] == ("Brussels", "Alias7 Name7")
    assert "Brussels" not in lexicon.actors["European Union"]
    assert list(lexicon.actors)[: len(load_lexicon().actors)] == list(load_lexicon().actors)


def test_a_user_lexicon_may_give_only_some_keys(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, {"cues": {"reluctant": ["frosty"]}}))
    assert lexicon.actors == load_lexicon().actors
    assert lexicon.reluctant[-1] == "frosty"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "invalid JSON at line 1, column 2"),
        ('{"actors": {"Russia": ["Moscow"]}\n,, }', "invalid JSON at line 2, column 2"),
        ("[]", "expected a JSON object"),
        ({"actors": ["Russia"]}, '"actors" must be an object'),
        ({"actors": {"Russia": "Moscow"}}, '"actors"["Russia"] must be a list of strings'),
        ({"actors": {"Russia": ["Moscow", 3]}}, '"actors"["Russia"][1] must be a non-empty string'),
        ({"cues": {"positive": ["good"]}}, 'unknown cue kind "cues"["positive"]'),
        ({"cues": ["good"]}, '"cues" must be an object'),
        ({"negations": "not"}, '"negations" must be a list of strings'),
        ({"cue": {}}, "unknown key 'cue'"),
        ({"about": 3}, '"about" must be a string'),
    ],
)
def test_lexicon_errors_name_the_file_and_the_problem(tmp_path: Path, content: object, message: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)
    assert info.value.source == path


def test_a_missing_lexicon_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.json")
    with pytest.raises(LexiconError, match=r"nope\.json: lexicon file not found"):
        load_lexicon(path)
    with pytest.raises(LexiconError, match="is a directory"):
        load_lexicon(str(tmp_path))


def test_a_word_that_is_a_cue_itself_wins_over_its_stem_in_every_process() -> None:
    """"concerning" is a neutral cue; its stem "concern" a reluctant one. The word itself is
    tried first, whatever order Python's string hashing gives a set (it once depended on it)."""
    import subprocess
    import sys

    script = (
        "from compare.analyze.framing import frame\n"
        "from compare.lexicon import load_lexicon\n"
        "from compare.settings import Settings\n"
        "from compare.models import Article\n"
        "from compare.segment import segment\n"
        "texts = ['Poland spoke concerning the border.', 'Poland and Germany met France in Paris.']\n"
        "arts = [segment(Article(id=c, source=c + '.txt', sha256='', text=t)) for c, t in zip('ab', texts)]\n"
        "s = {(x.actor, x.article): x for x in frame(arts, load_lexicon(), Settings(stance_relations_per_1000=0.0))}[('Poland', 'a')]\n"
        "print(s.cooperative, s.reluctant)\n"
    )
    root = Path(__file__).resolve().parents[1]
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        seen.add(out.stdout.strip())
    assert seen == {"0 0"}


def test_evidence_supports_the_label() -> None:
    text = (
        "Poland welcomed the German plan. Poland praised the German partnership. "
        "Poland supports closer cooperation with Germany. Poland rejected one German request."
    )
    stance = framed(text, OTHER)[("Poland", "a")]
    assert (stance.label, stance.reluctant) == ("cooperative", 1)
    article = make_article("a", text)
    rejected = next(s.id for s in article.sentences if "rejected" in s.text)
    assert len(stance.evidence) == 3 and rejected not in stance.evidence
    # "mixed" shows both directions
    mixed = framed("Poland welcomed the German plan. Poland rejected one German request.", OTHER)[("Poland", "a")]
    assert (mixed.label, len(mixed.evidence)) == ("mixed", 2)


def test_the_stance_axis_is_only_for_stories_about_relations() -> None:
    """A party that "blamed progressivism" and "rejected the notion" is not reluctant in any sense
    an editor would sign: the story is not about relations between actors (no cooperation, talks,
    treaty ...), so no actor gets a stance there (Settings.stance_relations_per_1000)."""
    domestic = (
        "Republicans blamed progressivism for the country's problems. Republicans rejected the notion that the party should grow.",
        "Republicans and Democrats spoke at the conference on Saturday.",
    )
    gop = framed(*domestic, settings=SETTINGS)[("Republicans", "a")]
    assert (gop.label, gop.cooperative, gop.reluctant, gop.evidence) == ("neutral", 0, 0, ())
    assert framed(*domestic)[("Republicans", "a")].label == "reluctant"  # the gate off: as before
    talks = (
        "Poland rejected the treaty in talks on cooperation. Poland fears closer relations.",
        "Poland and Germany held talks on cooperation.",
    )
    assert framed(*talks, settings=SETTINGS)[("Poland", "a")].label == "reluctant"


def test_about_relations_counts_the_words_of_relations_per_thousand() -> None:
    from compare.analyze.framing.cues import about_relations

    assert about_relations(["NATO seeks co-operation with Russia in talks on a treaty."], 5.0)
    assert not about_relations(["Beck blamed progressivism for the nation's problems on Saturday."], 5.0)
    assert not about_relations([], 5.0)
    assert about_relations(["Beck blamed progressivism."], 0.0)  # 0: every story
    hundred = " ".join(["word"] * 99 + ["negotiations"])  # 10 a thousand
    assert about_relations([hundred], 10.0) and not about_relations([hundred], 10.5)


def test_a_cue_wanted_of_an_actor_is_the_wish_of_who_wants_it() -> None:
    """"NATO seeks Russian cooperation": NATO's wish (cooperative), no stance of Russia's; so is
    "urged Moscow's support"; "Russian cooperation" alone stays Russia's."""
    other = "NATO and Russia met Germany."
    stances = framed("NATO seeks Russian cooperation on missile defense.", other)
    assert counts(stances, "Russia") == (0, 0) and counts(stances, "NATO") == (1, 0)
    stances = framed("NATO urged Moscow's support for the plan.", other)
    assert counts(stances, "Russia") == (0, 0)
    assert counts(framed("Russian cooperation on missile defense grew.", other), "Russia") == (1, 0)


def test_a_possibility_is_no_stance() -> None:
    """A sentence stating a condition and a clause saying what might be give no stance ("if we
    convince each other ..., then we can move towards closer cooperation"); "even if" is no condition."""
    assert counts(framed("If Germany agrees, Poland will welcome closer cooperation.", OTHER), "Poland") == (0, 0)
    assert counts(framed("Poland said relations might see closer cooperation.", OTHER), "Poland") == (0, 0)
    assert counts(framed("Poland said relations are constructive and might see cooperation.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Poland welcomed the plan even if it came late.", OTHER), "Poland") == (1, 0)


def test_russia_is_reluctant_in_rt_as_in_rferl(example: tuple[list[Article], dict[tuple[str, str], Stance]]) -> None:
    """RT quotes Moscow's, Lavrov's and the doctrine's worries, and Rogozin's hopes only as
    possibilities ("might have a common platform", "if we convince each other ..."): reluctant."""
    _, stances = example
    assert stances[("Russia", "rt")].label == "reluctant"
    assert stances[("Russia", "rferl")].label == "reluctant"
    assert stances[("Russia", "bloomberg")].label == "cooperative"


def test_breaking_an_impasse_is_cooperative_and_benefit_programs_are_no_cue() -> None:
    """An attempt to "break the impasse" was reluctant (the cue "impasse"); "cuts in benefit
    programs" was cooperative (the cue "benefit"): the lexicon now reads both phrases whole."""
    assert counts(framed("Poland met Germany to break the impasse on trade.", OTHER), "Poland") == (1, 0)
    assert counts(framed("Poland wants cuts in benefit programs.", OTHER), "Poland") == (0, 0)
    assert counts(framed("Poland says the deal will benefit both sides.", OTHER), "Poland") == (1, 0)
