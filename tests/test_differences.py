"""Typed differences inside a group (compare/analyze/groups.py): what is a contradiction and what is not.

Each case is two short articles whose sentences align; the group of the sentence holding ``key``
is checked.  The "not a difference" cases come from reading the BASIL dev stories' reports, where
each was once flagged wrongly.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from compare import compare
from compare.analyze.groups import differences_between
from compare.analyze.quotes import sentence_speaker
from compare.analyze.shared import hedge_phrases, negated_terms
from compare.models import Group


def group_with(tmp_path: Path, first: str, second: str, key: str) -> Group:
    (tmp_path / "one.txt").write_text(first, encoding="utf-8")
    (tmp_path / "two.txt").write_text(second, encoding="utf-8")
    result = compare([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")])
    sid = next(s.id for a in result.articles for s in a.sentences if key in s.text and a.id == "one")
    group = next((g for g in result.groups if sid in g.members), None)
    assert group is not None and len({m.split(":")[0] for m in group.members}) == 2, "the sentences should align"
    return group


def types(group: Group) -> set[str]:
    return {d.type for d in group.differences}


BODY = "The committee met in the capital on Tuesday to discuss the budget.\n\n"


def test_a_different_count_of_the_same_thing_conflicts(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "Foreign ministers of all 28 NATO nations attended the meeting in Brussels.",
        BODY + "Foreign ministers of all 27 NATO nations attended the meeting in Brussels.",
        "28 NATO",
    )
    number = next(d for d in group.differences if d.type == "number")
    assert set(dict(number.values).values()) == {"28", "27"}
    assert group.kind == "diverge"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # both give both figures, in another order
        (
            "Support for the plan rose to 21 percent among voters, from 17 percent in the spring poll.",
            "Among voters, support for the plan was 17 percent in the spring poll and rose to 21 percent.",
        ),
        # one vote, written in both
        (
            "The House passed the sanctions bill by a vote of 396-9 on Thursday evening.",
            "On Thursday evening the House passed the sanctions bill 396-9 after a short debate.",
        ),
        # a year is not a quantity
        (
            "The five senators signed the voting rights act of 1965 into the record again.",
            "The senators signed the voting rights act into the record again, as in 1965.",
        ),
        # money against a count of years
        (
            "The program costs families $600 a year under the new voting rules.",
            "The program has cost families money for eight years under the new voting rules.",
        ),
    ],
)
def test_numbers_that_do_not_conflict(tmp_path: Path, first: str, second: str) -> None:
    group = group_with(tmp_path, BODY + first, BODY + second, first.split()[1])
    assert "number" not in types(group)


def test_the_same_date_written_two_ways_is_no_difference(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "The senator announced on Dec. 27 that she would retire from the Senate.",
        BODY + "The senator announced on Dec. 27th that she would retire from the Senate.",
        "announced",
    )
    assert "date" not in types(group)


def test_a_quote_the_other_article_carries_elsewhere_is_not_worded_differently(tmp_path: Path) -> None:
    first = (
        BODY + '"The world laughs at us," Trump said of the trade deal with China.\n\n'
        '"They won\'t be laughing for long," Trump said of China.'
    )
    second = (
        BODY + "Trump said of the trade deal with China: \u201cThey won\u2019t be laughing for long.\u201d\n\n"
        "\u201cThe world laughs at us,\u201d Trump said of China and the trade deal."
    )
    group = group_with(tmp_path, first, second, "laughs at us")
    assert "quote" not in types(group)


def test_a_quote_in_other_words_is_flagged(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + 'Rasmussen described the meeting with Lavrov as "very positive and a step forward."',
        BODY + 'Rasmussen described the meeting with Lavrov as "very encouraging."',
        "very positive",
    )
    assert "quote" in types(group)


def test_a_quote_difference_names_the_words_that_differ(tmp_path: Path) -> None:
    """Blind reading 12: a reader called a quote difference only partly right when it set the whole quotations side
    by side, though one outlet only quoted further (its next words are no difference) and one word differed."""
    group = group_with(
        tmp_path,
        BODY + 'Santorum told the crowd in Ohio: "I am talking about the way he approaches problems in this country."',
        BODY + 'Santorum told the crowd in Ohio: "I am talking about the way he addresses problems in this country, '
        'and they are different from those of most people."',
        "talking about the way",
    )
    quote = next(d for d in group.differences if d.type == "quote")
    assert quote.detail == "Santorum quoted in different words: “he approaches problems” against “he addresses problems”"


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        # a fragment against the statement it rewords: as many words of each, beside what they share
        ("as opposed to husband its resources and be good stewards", "steward its resources", "“husband its” against “steward its”"),
        # function words and spacing are no difference of their own
        ("about his world view or his -- the way he approaches it", "about his worldview, the way he addresses it", "“he approaches it” against “he addresses it”"),
        # a negation is no function word
        ("The deal is not dead and we are still talking to Iran", "The deal is dead and we are still talking to Tehran",
         "“is not dead” against “is dead”; “to Iran” against “to Tehran”"),
        # a rewording is shown whole
        ("We would like to cooperate with Russia on it", "If we do so, I think it makes sense to invite Russia to cooperate on it",
         "“We would like to cooperate with Russia on it” against “If we do so, I think it makes sense to invite Russia to cooperate on it”"),
    ],
)
def test_the_words_a_quote_difference_names(first: str, second: str, shown: str) -> None:
    from compare.analyze.quote_wording import _wording

    assert _wording({"a:1": first, "b:1": second}) == shown


def test_two_statements_by_one_speaker_are_no_quote_difference(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + 'Gibbs said of the remarks by Santorum on the budget: "It is time to get rid of this."',
        BODY + 'Gibbs said of the remarks by Santorum on the budget: "Those words are well over the line."',
        "get rid",
    )
    assert "quote" not in types(group)


def test_a_denial_of_what_the_other_states_is_a_negation(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "The minister said the alliance does not see Russia as a threat to Europe.",
        BODY + "The minister said the alliance sees Russia as a threat to Europe.",
        "does not see",
    )
    negation = next(d for d in group.differences if d.type == "negation")
    assert set(dict(negation.values).values()) == {"not see", "affirmative"}


def test_a_member_with_no_close_version_keeps_its_group_from_agreeing() -> None:
    # Two outlets carry the same apology word for word; a third outlet's sentence, linked to them
    # loosely, says he has not apologized to the young men.  The group's mean score is over the
    # agree threshold, but the third member has no close version: the group does not agree.
    articles = [
        {"id": "a", "text": "Rep. Bob Etheridge apologized on Monday for grabbing a student on a Washington sidewalk.\n\n"
         "“I deeply and profoundly regret my reaction and I apologize to all involved,” Etheridge said."},
        {"id": "b", "text": "A congressman said he was sorry for a confrontation with a student caught on video.\n\n"
         "“I deeply and profoundly regret my reaction and I apologize to all involved,” Mr. Etheridge said in a statement."},
        {"id": "c", "text": "The congressman spoke to reporters in Raleigh on Tuesday.\n\n"
         "Etheridge told reporters that he hasn't apologized to the young men involved because \"I dont know who they are.\""},
    ]
    result = compare(articles)
    group = next(g for g in result.groups if "c:1" in g.members)
    assert {"b:1", "c:1"} <= set(group.members)
    assert group.score >= result.settings.agree_threshold
    assert group.kind == "partial"


def test_a_negation_of_something_else_is_not(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "The minister said the alliance wants a partnership with Russia, and I can't help but agree.",
        BODY + "The minister said the alliance wants a partnership with Russia in Europe.",
        "partnership",
    )
    assert "negation" not in types(group)


def test_negated_terms() -> None:
    assert negated_terms("NATO doesn't view Russia as an enemy") == {"view": "doesn't view"}
    assert negated_terms("There is no challenge to Russian security") == {"challeng": "no challenge"}
    assert negated_terms("Not, however, in Europe") == {}
    # an adverb between the negation and the verb: the verb is denied
    assert negated_terms("He was not actually speaking to him") == {"speak": "not speaking"}
    assert negated_terms("The agency did not immediately respond") == {"respond": "not respond"}


def test_hedges() -> None:
    assert hedge_phrases("The talks appeared to stall on Monday") == ["The talks appeared to"]
    assert hedge_phrases("He is pledging to appear in court") == []
    assert hedge_phrases("Justices seemed sympathetic") == ["Justices seemed sympathetic"]
    assert hedge_phrases("The court appeared closely divided") == ["The court appeared closely"]
    assert hedge_phrases("Her visit made possible a deal") == []
    assert hedge_phrases("They couldn't possibly meet it") == []
    assert hedge_phrases("in a possible sign of objections") == ["in a possible sign"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # quoted words name no speaker; a capitalised verb opening the sentence is no name
        ('"Christ is risen," the pastor said.', None),
        ('"Christ is risen," Smith said.', "Smith"),
        ("Throwing his support behind the bill, the president said it was needed.", None),
        ("Asked about the plan, the senator said it was dead.", None),
        ("Asked about the plan, Senator Graham said it was dead.", "Graham"),
    ],
)
def test_sentence_speaker(text: str, speaker: str | None) -> None:
    assert sentence_speaker(text) == speaker


def test_the_same_words_from_two_named_people_is_an_attribution_difference(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + '"His conduct is unbecoming of a member of Congress," Thompson said on Monday.',
        BODY + '"His conduct is unbecoming of a member of Congress," Etheridge said on Monday.',
        "unbecoming",
    )
    attribution = next(d for d in group.differences if d.type == "attribution")
    assert set(dict(attribution.values).values()) == {"Thompson", "Etheridge"}


def test_a_speaker_carried_over_from_an_earlier_sentence_is_not_compared(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + 'Thompson spoke first.\n\n"His conduct is unbecoming of a member of Congress," he said on Monday.',
        BODY + '"His conduct is unbecoming of a member of Congress," Etheridge said on Monday.',
        "unbecoming",
    )
    assert "attribution" not in types(group)


def test_different_weekdays_in_linked_sentences_conflict(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "On Wednesday, the House voted 396-9 to extend the sanctions on the regime.",
        BODY + "On Tuesday, the House voted 396-9 to extend the sanctions on the regime.",
        "396-9",
    )
    date = next(d for d in group.differences if d.type == "date")
    assert date.conflict and set(dict(date.values).values()) == {"Wednesday", "Tuesday"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The harbour master told Reuters Thursday that the pier would reopen within a month.",
            "The harbour master told reporters on Friday that the pier would reopen within a month.",
        ),
        (
            "Norway beat Sweden Thursday in the final of the relay at the indoor championships in Oslo.",
            "Norway beat Sweden on Friday in the final of the relay at the indoor championships in Oslo.",
        ),
    ],
)
def test_a_weekday_after_a_name_is_a_day_to_the_date_differences(first: str, second: str) -> None:
    """"told Reuters Thursday", "beat Sweden Thursday": the weekday after a name is the day of the
    fact, against "on Friday" (the aligner reads it as a name's: ``compare.link_checks.days_named``)."""
    (date,) = [d for d in differences_between([first, second]) if d.type == "date"]
    assert date.conflict and set(dict(date.values).values()) == {"Thursday", "Friday"}


def test_an_approximate_number_agrees_with_an_exact_one(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "The campaign spent more than $1 million on the television ad in Iowa.",
        BODY + "The campaign spent $1.1 million on the television ad in Iowa.",
        "campaign spent",
    )
    assert "number" not in types(group)


def test_a_quote_shortened_with_an_ellipsis_is_not_worded_differently(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + 'Rasmussen said of the talks with Lavrov: "We are ready ... to talk to Moscow about missile defense."',
        BODY + 'Rasmussen said of the talks with Lavrov: "We are ready, as we told our allies in Brussels last '
        'week and again here today, to talk to Moscow about missile defense."',
        "We are ready ...",
    )
    assert "quote" not in types(group)


def test_two_statements_sharing_a_few_words_are_no_quote_difference(tmp_path: Path) -> None:
    # similar words (similarity about 0.5), but no run of four: two things Santorum said
    group = group_with(
        tmp_path,
        BODY + "Santorum told reporters on Monday in Ohio: \"I wasn't suggesting the president's not a Christian.\"",
        BODY + "Santorum told reporters on Monday in Ohio: \"I've repeatedly said that I believe the president's "
        'Christian."',
        "suggesting",
    )
    assert "quote" not in types(group)


def test_nearly_the_same_quotation_is_a_difference_but_no_contradiction(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + 'Romney told the reporters in Denver: "We are going to win this seat back in November and hold it '
        'for many years to come."',
        BODY + 'Romney told the reporters in Denver: "We are going to win this important seat back in November and '
        'hold it for many years to come."',
        "win this seat",
    )
    quote = next(d for d in group.differences if d.type == "quote")
    assert not quote.conflict and "slightly different words" in quote.detail
    assert group.kind != "diverge"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a contraction, a title written out
        ('"He is determined to act," Manley said of Sen. Reid.', '"He\'s determined to act," Manley said of Sen. Reid.'),
        ('"Sen. Reid respects that choice," Manley said.', '"Senator Reid respects that choice," Manley said.'),
        # one outlet quotes more of the statement
        (
            '"Obama has said that he is determined to prevent Iran from getting nuclear weapons," Netanyahu said.',
            '"Obama has said that he\'s determined to prevent Iran from getting nuclear weapons and I respect that," '
            "Netanyahu said.",
        ),
    ],
)
def test_the_same_quotation_written_two_ways_is_no_difference(tmp_path: Path, first: str, second: str) -> None:
    group = group_with(tmp_path, BODY + first, BODY + second, first[1:12])
    assert "quote" not in types(group)


# --- the test set of issue 14: pairs of versions, each type and its look-alikes -------------------

CASES = json.loads((Path(__file__).parent / "data" / "differences_cases.json").read_text("utf-8"))["cases"]


def test_the_test_set_covers_every_type_and_look_alikes() -> None:
    assert len(CASES) >= 40
    expected = Counter(t for case in CASES for t in case["expect"])
    for kind in ("number", "attribution", "opposite", "date", "quote", "negation", "hedge", "name"):
        assert expected[kind] >= 2, kind
    assert sum(1 for case in CASES if not case["expect"]) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_differences_of_the_test_set(case: dict[str, Any]) -> None:
    found = differences_between([case["a"], case["b"]])
    assert sorted({d.type for d in found}) == sorted(case["expect"]), [(d.type, d.detail) for d in found]


def test_the_thing_counted_is_the_readers_word() -> None:
    (number,) = differences_between(
        [
            "The army evacuated 300 residents from the valley.",
            "The army evacuated 3,000 residents from the valley.",
        ]
    )
    assert number.detail.endswith("(what is counted: residents)")
    assert set(dict(number.values).values()) == {"300", "3,000"}


def test_a_number_with_its_approximation_is_shown_whole() -> None:
    (number,) = differences_between(
        ["At least 12 people were killed in the crash.", "At least 15 people were killed in the crash."]
    )
    assert set(dict(number.values).values()) == {"At least 12", "At least 15"}


def test_agree_means_agree(tmp_path: Path) -> None:
    same = "The ministers of the two countries met in the capital to discuss the long trade dispute."
    group = group_with(tmp_path, BODY + same, BODY + same.replace("discuss", "talk about"), "ministers")
    assert group.kind == "agree" and not group.additions
    longer = same[:-1] + " after months of tension over steel tariffs and farm subsidies."
    group = group_with(tmp_path, BODY + same, BODY + longer, "ministers")
    assert group.kind == "partial"
    assert [(sid.split(":")[0], text) for sid, text in group.additions] == [
        ("two", "months of tension over steel tariffs and farm subsidies")
    ]
    assert group.to_dict()["additions"] == dict(group.additions)


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        # two counts of two acts, no contradiction, but two facts: the group does not agree (the reviewer's
        # arrests and deaths, session 23; sentences written for the test)
        ("Police arrested 45 people in the old town on Saturday after the march.", "Three people died in the old town on Saturday after the march.", "partial"),
        # one count told in other words still agrees
        ("Police arrested 45 people in the old town on Saturday after the march.", "Police detained 45 people in the old town on Saturday after the march.", "agree"),
    ],
)
def test_a_group_whose_versions_count_other_things_does_not_agree(tmp_path: Path, first: str, second: str, kind: str) -> None:
    group = group_with(tmp_path, BODY + first, BODY + second, "march")
    assert not group.differences and group.kind == kind
    if kind == "partial":
        assert [text for _, text in group.additions] == ["Police arrested 45", "Three people died"]


def test_a_typed_difference_that_is_no_contradiction_makes_the_group_partial(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + "The move was seen as a possible sign of a thaw between the two countries.",
        BODY + "The move was seen as a sign of a thaw between the two countries.",
        "thaw",
    )
    assert types(group) == {"hedge"} and group.kind == "partial"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two negations may cancel: no denial of what the other states
        ("The senator said he wasn't suggesting the governor is not a Catholic.", "The senator said he believes the governor is a Catholic."),
        # each date gives a part the other lacks: together one date
        ("The rally was held in Norwalk in March 2008, organizers said.", "The rally was held in Norwalk on March 2, organizers said."),
        # the hedge sits in a quotation begun in an earlier sentence (a closing mark, no opening one)
        (
            "“Other items might be worthy of the Senate’s attention, but we cannot prioritize them.”",
            "Other items might be worthy of the Senate’s attention, but we cannot prioritize them.”",
        ),
    ],
)
def test_look_alikes_read_on_basil(first: str, second: str) -> None:
    assert differences_between([first, second]) == []


def test_a_statement_the_other_outlet_quotes_in_part_is_not_misquoted_by_its_other_quotation(tmp_path: Path) -> None:
    group = group_with(
        tmp_path,
        BODY + '"I can\'t help but think that those remarks on the budget are well over the line," Gibbs said on Sunday.',
        BODY + 'Gibbs called the remarks "well over the line."\n\n'
        '"I think if you make remarks on the budget like that, you make remarks that are well over the line," '
        "Gibbs said on Sunday.",
        "help but think",
    )
    assert "quote" not in types(group)


# --- session 11: claims a blind editor judged wrong on FNC-1 and BASIL dev (a sample of 120: 20 real) ---


@pytest.mark.parametrize(
    "text",
    [
        "Most smartwatches will last no more than a day on a single charge.",  # a bound, not a denial
        "The law covers not only citizens but also visitors.",
        "Scots went to the polls, with the campaign for voting No ahead.",  # a name
        "Despite voting no they'd consider Scotland more suitable than England.",  # a vote
    ],
)
def test_bounds_additions_and_names_deny_nothing(text: str) -> None:
    assert negated_terms(text) == {}


def test_nowhere_denies() -> None:
    assert negated_terms("Kurdish sources said Rosenberg was nowhere near Kobani.") == {"near": "nowhere near"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the other version denies in other words
        (
            "Buyers will have to bring their own clubs as the main building does not come with furnishing.",
            "Buyers will have to bring their own clubs as the main building comes unfurnished.",
        ),
        (
            "A spokesperson for Hunter said he was not backing down on the claims about the fighters.",
            "Hunter's spokesperson pushed back on the claims about the fighters, defending them.",
        ),
        # both deny
        ("Kurdish fighters said Rosenberg was not near Kobani.", "Kurdish fighters said Rosenberg was nowhere near Kobani."),
    ],
)
def test_no_negation_difference_where_both_deny(first: str, second: str) -> None:
    assert "negation" not in {d.type for d in differences_between([first, second])}


@pytest.mark.parametrize(
    "text",
    [
        "It cuts power to helping extend the battery's life in cases where a recharge may not be possible.",
        "One third of the song that made all of this Hip Hop Music possible.",
        "In May 2011 the company moved to Texas.",
        "May God preserve him, the imam said.",
        "I thought I may as well go along with it.",
        "You've probably heard of the robots already.",
    ],
)
def test_conditions_idioms_months_and_asides_hedge_nothing(text: str) -> None:
    assert hedge_phrases(text) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same hedge, inside a quotation in one version
        (
            "“Multiple unconfirmed reports say Nelson was found dead Saturday evening in his Los Angeles condo.",
            "Multiple unconfirmed reports say Nelson was found dead Saturday evening in his Los Angeles condo.",
        ),
        # the hedge is on a clause the other version does not report
        (
            "Each K5 robot stands 5 feet tall and weighs 300 pounds, so you probably don't want to mess with one.",
            "Each K5 robot stands 5 feet tall and weighs 300 pounds.",
        ),
        (
            "Each K5 robot stands 5 feet tall and weighs 300 pounds, but the robot apocalypse probably won't happen soon.",
            "Each K5 robot stands 5 feet tall and weighs 300 pounds.",
        ),
        # the other version puts the claim at a distance too
        ("The actor was reportedly drugged in a Moscow bar.", "The actor claims he was drugged in a Moscow bar."),
    ],
)
def test_no_hedge_difference_on_what_the_other_does_not_state_plainly(first: str, second: str) -> None:
    assert "hedge" not in {d.type for d in differences_between([first, second])}


def test_a_hedge_on_the_shared_fact_is_still_a_difference() -> None:
    found = differences_between(
        ["The actor was reportedly drugged in a Moscow bar on Friday.", "The actor was drugged in a Moscow bar on Friday."]
    )
    hedge = next(d for d in found if d.type == "hedge")
    assert dict(hedge.values) == {"a:0": "actor was reportedly drugged", "b:0": "stated without hedging"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two dates of two things: shipping in April, on sale by the end of March
        (
            "The Apple Watch has been scheduled to begin shipping in April according to Apple's chief.",
            "Reports say Apple is preparing for the Apple Watch to go on sale by the end of March.",
        ),
        # a wire dateline against the month of a summit
        (
            "Nov. 3 (Bloomberg) -- NATO sees Russia as a strategic partner and seeks to cooperate on missile defense as"
            " leaders of the former Cold War foes prepare to meet in Lisbon later this month, Rasmussen said.",
            "Rasmussen expressed hope that Moscow and NATO will step up cooperation on conventional arms control and"
            " missile defense before the NATO leaders' summit in Lisbon this November.",
        ),
    ],
)
def test_dates_of_different_things_are_not_compared(first: str, second: str) -> None:
    assert "date" not in {d.type for d in differences_between([first, second])}


def test_dates_of_one_thing_in_less_similar_versions_still_are() -> None:
    found = differences_between(
        [
            "Leaders of the former Cold War foes will meet at the summit on Nov. 20 in Lisbon, officials said.",
            "The meeting in New York prepared the summit in November in Lisbon.",
        ]
    )
    date = next(d for d in found if d.type == "date")
    assert set(dict(date.values).values()) == {"Nov. 20", "November"} and not date.conflict


def test_a_name_or_an_age_is_no_date() -> None:
    from compare.analyze.numbers import find_dates

    assert [d.text for d in find_dates("In December 14-year-old Jane Doe was found.")] == ["December"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Isis is reported to have stolen tanks.", []),  # the subject of a passive is no source
        ("There are unconfirmed reports that the wife was held.", []),
        ("The source also said the hostages were freed.", ["The source"]),
        ("Mashable has reported the claim.", ["Mashable"]),
        ("Officials previously said it was over.", ["Officials"]),
    ],
)
def test_a_source_is_the_one_who_tells(text: str, sources: list[str]) -> None:
    from compare.analyze.attribution import find_sources

    assert [s.text for s in find_sources(text)] == sources


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            '“We will not give an update on this live counter- terrorism investigation,” Walton said.',
            '“We will not give an update on this live counterterrorism investigation,” Walton said.',
        ),
        ('“They aren’t flying B-1 bombers, bombing American cities,” said Hunter.', '"They aren\'t flying B1 bombers bombing American cities," Hunter said.'),
    ],
)
def test_a_quotation_spaced_or_hyphenated_otherwise_is_the_same_words(first: str, second: str) -> None:
    assert "quote" not in {d.type for d in differences_between([first, second])}


def test_a_measure_converted_from_another_unit_agrees_within_rounding() -> None:
    converted = ["The crater is 20 metres wide, officials said.", "The crater is 60 feet wide, officials said."]
    assert "number" not in {d.type for d in differences_between(converted)}
    other = ["The crater is 20 metres wide, officials said.", "The crater is 90 feet wide, officials said."]
    assert "number" in {d.type for d in differences_between(other)}


def test_two_names_of_one_person_are_one_source(tmp_path: Path) -> None:
    """Article two calls her "Jess Smith" once and "Miss Smith" after: "Jess" (article one) is she."""
    one = BODY + "The dog was found alive in the river on Monday morning, Jess said.\n\nThe dog is now at home."
    two = BODY + "Jess Smith, 24, lives by the river.\n\nThe dog was found alive in the river on Monday morning, Miss Smith said."
    group = group_with(tmp_path, one, two, "Jess said")
    assert "attribution" not in types(group)
    other = two.replace("Jess Smith, 24,", "Her neighbour, 24,")
    assert "attribution" in types(group_with(tmp_path, one, other, "Jess said"))


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Michael Brown, 18, was shot six times.", ["18"]),
        ("An 18-year-old was shot 6 times.", ["18"]),
        ("The victim, aged 18, died.", ["18"]),
        ("In Ferguson, 18 people were arrested.", []),
        ("He was shot 18 times, police said.", []),
    ],
)
def test_an_age_is_its_own_kind(text: str, ages: list[str]) -> None:
    from compare.analyze.quantities import find_quantities

    assert [q.text for q in find_quantities(text) if q.kind == "age"] == ages


def test_an_age_is_never_a_count_and_two_ages_can_conflict() -> None:
    """"Brown, 18, was shot six times" against "shot 18 times": six against 18 shots, not 18 against 18."""
    found = differences_between(
        ["Michael Brown, 18, was shot six times by the officer, the autopsy found.", "Michael Brown was shot 18 times by the officer, the autopsy found."]
    )
    assert [set(dict(d.values).values()) for d in found if d.type == "number"] == [{"six", "18"}]
    ages = differences_between(
        ["Michael Brown, 18, was shot by the officer, the autopsy found.", "Michael Brown, 19, was shot by the officer, the autopsy found."]
    )
    assert [d.detail for d in ages if d.type == "number"] == ["'18' against '19' (what is counted: age)"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the hedged version credits the report it passes on: an attribution, no hedge
        (
            "Google reportedly bought the Pacific Shores office park in Redwood City, according to Bloomberg News.",
            "Google has bought the Pacific Shores office park in Redwood City.",
        ),
    ],
)
def test_a_hedge_that_only_passes_a_report_on_is_no_difference(first: str, second: str) -> None:
    assert "hedge" not in {d.type for d in differences_between([first, second])}


def test_a_reporting_hedge_beside_a_could_still_differs() -> None:
    # "could" credits no one: the report passed on is uncredited, the other version states it as fact
    found = differences_between(
        [
            "Apple is reportedly one of the partners that HBO could launch its new streaming service with.",
            "Apple is one of the partners that HBO will launch its new streaming service with.",
        ]
    )
    assert "hedge" in {d.type for d in found}


def test_a_reporting_hedge_on_what_someone_said_still_differs() -> None:
    # "and said" is the speech passed on, not the source that passes it on
    found = differences_between(
        [
            "Meeting with the House Armed Services Committee shortly before leaving for Amman, he reportedly quoted"
            " the Clint Eastwood film “Unforgiven” and said that Jordan would pursue the jihadis.",
            "Meeting with the House Armed Services Committee shortly before leaving for Amman, he quoted"
            " the Clint Eastwood film “Unforgiven” and said that Jordan would pursue the jihadis.",
        ]
    )
    assert "hedge" in {d.type for d in found}


def test_allegedly_said_against_said_is_a_hedge() -> None:
    # the statement itself is doubted in one version only (a blind editor judged this right)
    found = differences_between(
        [
            'This blogger allegedly said that "it would not surprise me if they opened a restaurant in Scotland."',
            'He said: "It would not surprise me if they opened a restaurant in Scotland."',
        ]
    )
    assert "hedge" in {d.type for d in found}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the ages of two people (FNC-1): nothing says whose age it is in common
        (
            "Various media reported that Lucita Sandoval, a 26-year-old teacher from the city of Santiago del Estero, in "
            "north-central Argentina, was facing disciplinary action over the video.",
            "Argentinian beauty Lucita Sandoval was unwittingly recorded having sex with a 16-year-old pupil in Santiago del Estero,"
            " Argentina, the video shows.",
        ),
        # two shares of two wholes, each narrower in its own way (FNC-1)
        (
            "Netflix accounted for 34.9 percent of downstream North American traffic in the peak evening hours this year.",
            "Netflix accounts for 32.39 percent of aggregate traffic this year.",
        ),
    ],
)
def test_measures_of_two_things_do_not_conflict(first: str, second: str) -> None:
    assert "number" not in {d.type for d in differences_between([first, second])}


def test_one_persons_two_ages_conflict_wherever_the_age_stands() -> None:
    """An age written after a name ("John Smith, 23,") is followed by the sentence's own words,
    which differ between two outlets ("was arrested" / "in London"): whose age it is decides, and
    two ages of one person conflict."""
    pair = [
        "The suspect, John Smith, 23, was arrested in London on Monday after a raid by police.",
        "Police arrested John Smith, 24, in London on Monday after a raid.",
    ]
    (found,) = [d for d in differences_between(pair) if d.type == "number"]
    assert found.conflict and found.values == (("a:0", "23"), ("b:0", "24")) and "age" in found.detail
    same = ["Maria Lopez, 31, was detained at the border on Friday.", "Officials detained Maria Lopez, 31, at the border on Friday."]
    assert "number" not in {d.type for d in differences_between(same)}


@pytest.mark.parametrize("written", ["46-year old", "46 year-old", "46 years old", "46-years-old", "46 year old"])
def test_an_age_written_with_or_without_hyphens(written: str) -> None:
    from compare.analyze.quantities import find_quantities

    (age,) = find_quantities(f"Police said Tomas Lind, a {written} carpenter, was held.")
    assert age.kind == "age" and age.of[:2] == ("toma", "lind")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the age in a copula, the name after "named as": one person
        (
            "The man held after the fire is the 23-year-old driver named as Daniel Reyes by police.",
            "Daniel Reyes, 24, was held after the fire at the depot, police said.",
        ),
        # the age in an appositive after the name, written "46-year old"
        (
            "Witnesses said Tomas Lind, a 46-year old carpenter, started the fight outside the bar.",
            "Tomas Lind, 40, started the fight outside the bar, witnesses said.",
        ),
        # a comma before the copula; an appositive the writer did not close
        (
            "The driver, Daniel Reyes, is the 23-year-old man seen leaving the depot before the fire.",
            "A 24-year-old driver, Daniel Reyes was seen leaving the depot before the fire.",
        ),
        # "is 46 years old": the name is the subject
        (
            "Tomas Lind, who is 46 years old, started the fight outside the bar.",
            "The fight outside the bar was started by 40-year-old carpenter Tomas Lind.",
        ),
    ],
)
def test_one_persons_two_ages_conflict_when_the_age_is_said_of_the_name(first: str, second: str) -> None:
    (found,) = [d for d in differences_between([first, second]) if d.type == "number"]
    assert found.conflict and "age" in found.detail


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the speaker is not the teacher
        (
            "A 26-year-old teacher was hurt in the crash, said Daniel Reyes.",
            "Daniel Reyes, 24, said the teacher was hurt in the crash.",
        ),
        # the name before a speech verb is the speaker's
        (
            "A 26-year-old teacher, Daniel Reyes said, was hurt in the crash.",
            "Daniel Reyes, 24, said the teacher was hurt in the crash.",
        ),
        # a place before the comma names no one
        (
            "In Leeds, a 23-year-old nurse was hurt when the roof fell.",
            "Leeds resident Tomas Lind, 30, was hurt when the roof fell.",
        ),
        # nor does a word that opens sentences: a woman and a man
        (
            "Meanwhile, a 19-year-old woman was treated for smoke inhalation at the scene.",
            "Meanwhile, a 52-year-old man was treated for smoke inhalation at the scene.",
        ),
        (
            "Separately, a 19-year-old woman was treated for smoke inhalation at the scene.",
            "Separately, a 52-year-old man was treated for smoke inhalation at the scene.",
        ),
        # nor the place of the police who tell it
        (
            "A 27-year-old man, Leeds police said, was stabbed outside the station late on Saturday.",
            "A 35-year-old woman, Leeds police said, was stabbed outside the station late on Saturday.",
        ),
        # nor the outlet that reports it (the words of compare.similarity.ATTRIBUTION and "reports")
        (
            "A 23-year-old man, CNN reports, was stabbed outside the station late on Saturday.",
            "A 31-year-old woman, CNN reports, was stabbed outside the station late on Saturday.",
        ),
        (
            "A 23-year-old man, the BBC confirmed, was stabbed outside the station late on Saturday.",
            "A 31-year-old woman, the BBC confirmed, was stabbed outside the station late on Saturday.",
        ),
        # nor a weekday after the noun: when, not whose
        (
            "Detectives detained a 34-year-old man Sunday over the warehouse blaze in Hull.",
            "Detectives detained a 47-year-old woman Sunday over the warehouse blaze in Hull.",
        ),
        (
            "Soldiers shot a 17-year-old Afghan Friday near the checkpoint, the ministry said.",
            "Soldiers shot a 21-year-old Pakistani Friday near the checkpoint, the ministry said.",
        ),
    ],
)
def test_ages_of_two_people_still_do_not_conflict(first: str, second: str) -> None:
    assert "number" not in {d.type for d in differences_between([first, second])}


def test_sums_of_two_owners_do_not_conflict() -> None:
    """Two firms' price targets (FNC-1): the names before the sums share none (``DifferenceSettings.name_zipf``)."""
    from dataclasses import replace

    from compare.settings import Settings

    pair = [
        'BMO has maintained its price target of $135 for shares of AAPL, along with an "outperform" rating.',
        'UBS has maintained its "buy" rating for AAPL stock with a 12-month price target of $125.',
    ]
    assert "number" not in {d.type for d in differences_between(pair)}
    off = Settings()
    off = replace(off, differences=replace(off.differences, name_zipf=0.0))
    assert "number" in {d.type for d in differences_between(pair, off)}


def test_whose_age_and_what_a_share_is_of() -> None:
    from compare.analyze.quantities import find_quantities

    assert [q.of for q in find_quantities("Lucita Sandoval, 26, was filmed with a 16-year-old pupil.")] == [("lucita", "sandov"), ("pupil",)]
    assert [q.of for q in find_quantities("The 26-year-old told police she was innocent.")] == [()]  # a verb, not a person
    (share,) = find_quantities("The governor won 52 percent of the popular vote in Ohio, officials said.")
    assert share.of == ("popular", "vote", "ohio")


QUOTATION = "“I walked away from the show because the writers stopped listening to me.”"


@pytest.mark.parametrize(
    ("intro_a", "intro_b", "hedged"),
    [
        ("The actor, 52, allegedly told the paper:", "The actor told the paper:", {"tabloid:2": "actor, 52, allegedly told", "wire:2": "stated without hedging"}),
        ("The actor, 52, allegedly told the paper:", "The actor reportedly told the paper:", None),  # both hedge it
        ("The actor, 52, told the paper:", "The actor told the paper:", None),
    ],
)
def test_a_hedge_in_the_sentence_that_introduces_a_quotation(intro_a: str, intro_b: str, hedged: dict[str, str] | None) -> None:
    """"... allegedly told the paper:" and the quotation in the next sentence: the quotation is hedged."""
    result = compare(
        [
            {"id": "tabloid", "text": f"Actor says he quit the show.\n\n{intro_a}\n\n{QUOTATION}"},
            {"id": "wire", "text": f"Actor quits the show.\n\n{intro_b}\n\n{QUOTATION}"},
        ]
    )
    group = next(g for g in result.groups if "tabloid:2" in g.members)
    assert group.members == ("tabloid:2", "wire:2")
    found = [dict(d.values) for d in group.differences if d.type == "hedge"]
    assert found == ([hedged] if hedged else [])


@pytest.mark.parametrize(
    ("stated", "negated", "given"),
    [
        # an irregular past form is the verb the other version negates
        ("The student made $72 million trading stocks during his lunch breaks, the magazine reported.",
         "The student did not make $72 million trading stocks during his lunch breaks, the magazine now says.", True),
        ("The rebels took part in the talks in Geneva on Monday, officials said.",
         "The rebels did not take part in the talks in Geneva on Monday, officials said.", True),
        # the negating version states the verb itself too: no contradiction of it
        ("It found that people with hairy arms or dry skin had trouble using the heart monitor.",
         "The engineers found that hairy arms and dry skin affect the heart monitor, and they didn't find a solution.", False),
        # "not ... until" states when it happened
        ("Indianapolis took its first lead of the game when Ratliff returned an interception 35 yards.",
         "The Colts didn't take their first lead until Ratliff returned an interception 35 yards.", False),
    ],
)
def test_a_negated_verb_against_its_irregular_past(stated: str, negated: str, given: bool) -> None:
    assert ("negation" in {d.type for d in differences_between([stated, negated])}) is given
