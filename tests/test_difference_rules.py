"""The rules by which a typed difference (a date, a hedge, a negation, a number, a source) claims only
what an editor would: each case is a pair of real sentences from FNC-1 or BASIL stories whose claim a
blind editor judged wrong (or, for the controls, right), with the item it was.  Each rule's case fails
without it.  The differences are asked of two versions as if they were close (or linked) versions in
one group, so that the rule, not the aligner, decides."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.analyze.quotes import quotes_by_sentence
from compare.analyze.typed import (
    ArticleDates,
    attribution_differences,
    date_difference,
    hedge_difference,
    negation_differences,
    number_differences,
    opposite_differences,
)
from compare.analyze.quantities import find_quantities
from compare.analyze.quotes import Quote
from compare.difference_settings import DifferenceSettings
from compare.models import Article, Difference, Sentence, Span, sentence_id
from compare.settings import Settings

SETTINGS = Settings()


def versions(*texts: str, articles: tuple[str, ...] = ()) -> tuple[list[Sentence], dict[str, tuple[Quote, ...]]]:
    """One sentence per article ("a", "b", ... unless ``articles`` names them), with its quotations."""
    members, quotes = [], {}
    for n, text in enumerate(texts):
        article_id = articles[n] if articles else chr(ord("a") + n)
        sentence = Sentence(sentence_id(article_id, 0), article_id, 0, text, 0, len(text), 0, "body")
        article = Article(article_id, article_id, "", text, paragraphs=(Span(0, len(text)),), sentences=(sentence,))
        quotes.update(quotes_by_sentence(article))
        members.append(sentence)
    return members, quotes


def hedge(first: str, second: str, rules: DifferenceSettings | None = None) -> Difference | None:
    members, quotes = versions(first, second)
    return hedge_difference(members, [(0, 1)], quotes, rules or SETTINGS.differences)


def negation(first: str, second: str) -> list[Difference]:
    members, _ = versions(first, second)
    return negation_differences(members, [(0, 1)])


def dates(*texts: str, similarity: float = 0.3, published: tuple[str | None, ...] = ()) -> Difference | None:
    members, _ = versions(*texts)
    dated = {m.article: day for m, day in zip(members, published, strict=False)}
    sims = {(a, b): similarity for a in range(len(texts)) for b in range(a + 1, len(texts))}
    return date_difference(members, sims, SETTINGS, ArticleDates.of(members, SETTINGS, dated))


# --- dates ------------------------------------------------------------------------------------


def test_a_date_the_other_version_gives_too_is_another_things_date() -> None:
    # dev item 3: every version puts the launch in March; February is the retail training's
    found = dates(
        "9to5Mac reports that the Apple Watch is set to ship in the U.S. by the end of March, with Apple Store "
        "retail training scheduled for mid February.",
        "According to 9to5Mac, the highly anticipated wearable could arrive in the United States by the end of March.",
        similarity=0.6,
    )
    assert found is None


def test_dates_that_share_only_a_name_date_different_things() -> None:
    # dev item 24: Comey spoke in September; the FBI's manhunt began in August 2014
    found = dates(
        "James B. Comey, the director of the FBI, said in September — only a month after the Briton was seen in a "
        "video killing American journalist James Foley — that officials believed they had succeeded.",
        "An international manhunt led by the FBI was launched in August 2014 when he was thought to have appeared "
        "in video footage showing the beheading of American photojournalist James Foley.",
    )
    assert found is None


def test_weekdays_of_two_things_in_close_versions_are_not_compared() -> None:
    # check item 76: the Cobra meeting on Sunday, the referendum on Thursday
    found = dates(
        "After chairing a meeting of the government's emergency Cobra committee Sunday, Cameron condemned IS and "
        "vowed that the UK would do everything possible to find Haines's killers.",
        "A meeting of the British government's emergency committee, Cobra, is expected to be called imminently and "
        "the prime minister's attentions will be diverted from the referendum on Scottish independence, due to take "
        "place on Thursday.",
        similarity=0.6,
    )
    assert found is None


def test_weekdays_told_by_two_sources_are_two_reports() -> None:
    # dev item 7: CNN's source told it on Monday, The New York Times reported on Sunday
    found = dates(
        "New York City will apparently change its policy on marijuana possession, giving officers the option to "
        "merely ticket offenders instead of requiring an arrest, a law enforcement source told CNN on Monday.",
        "According to a report on Sunday from The New York Times, the New York Police Department is planning to "
        "announce new guidelines that would allow those found in possession of small amounts of marijuana to walk "
        "away with a ticket.",
        similarity=0.6,
    )
    assert found is None


def test_one_speaker_told_on_two_weekdays_still_conflicts() -> None:
    # dev item 56, judged right: Boehner's "1 in 3" remark on Tuesday against Monday (all three articles of one date)
    found = dates(
        'House Speaker John Boehner (R-Ohio) admitted there\'s a "1 in 3" chance that the Republicans will lose '
        "their majority in the House of Representatives in an interview Tuesday on Fox News.",
        "Speaker John A. Boehner of Ohio said on Monday that Republicans had a one-in-three chance of losing control "
        "of the House in November.",
        similarity=0.6,
        published=("2012-04-23", "2012-04-23"),
    )
    assert found is not None and found.conflict and set(dict(found.values).values()) == {"Tuesday", "Monday"}


def test_weekdays_of_articles_of_different_dates_are_not_compared() -> None:
    # dev item 62: the Thursday article's meeting on Thursday, the Sunday article's on Sunday: two meetings
    texts = (
        "President Barack Obama and House Speaker John Boehner met for nearly an hour on Thursday evening in their "
        "latest attempt to break the impasse on impending tax hikes.",
        "President Obama and Speaker John A. Boehner met privately for an hour on Sunday at the White House.",
    )
    assert dates(*texts, similarity=0.6, published=("2012-12-13", "2012-12-09")) is None
    assert dates(*texts, similarity=0.6, published=("2012-12-13", "2012-12-13")) is not None  # one day: compared


def test_a_year_a_dated_article_implies_is_no_more_precision() -> None:
    # check item 18: "January 4th" and "Jan. 4, 2015" agree; dev item 47 (right): "August 2013" / "Aug. 4, 2013"
    assert dates(
        "According to British astronomer Patrick Moore, at exactly 9:47 PST AM on January 4th, Pluto will pass "
        "directly behind Jupiter, in relation to Earth.",
        "The article says Pluto will be directly behind Jupiter on Jan. 4, 2015.",
        similarity=0.6,
    ) is None
    found = dates(
        "Kayla Mueller, from Arizona, was kidnapped in Syria in August 2013.",
        "Mueller, from Prescott, Ariz., was kidnapped Aug. 4, 2013 after leaving a hospital in Aleppo, Syria.",
    )
    assert found is not None and not found.conflict


def test_an_article_that_dates_the_same_thing_elsewhere_does_not_contradict() -> None:
    # dev item 32: the injury in June, the surgery in September; the second article tells the June injury too
    injury = (
        '"I heard that Kim Jong-un injured his right ankle in June after pushing ahead with on-site visits and ended '
        'up fracturing both ankles because he left the injury unattended," the source said.'
    )
    members, _ = versions(
        injury,
        "Mr Kim had fractured both of his ankles and had surgery in Pyongyang in the middle of September to treat "
        "them, the Chosun Ilbo reported on Tuesday, citing an unnamed source.",
        injury,
        articles=("a", "b", "b"),
    )
    sims = {(0, 1): 0.6}
    assert date_difference(members, sims, SETTINGS, ArticleDates.of(members, SETTINGS)) is None
    # without the third sentence, the second article says nothing of June: a contradiction to show
    assert date_difference(members[:2], sims, SETTINGS, ArticleDates.of(members[:2], SETTINGS)) is not None


# --- hedges -----------------------------------------------------------------------------------


def test_a_hedge_inside_the_other_versions_quotation_is_no_plain_statement() -> None:
    # check item 67: "seems to be no issue" against the analyst's own "appears to be a non-issue"
    assert hedge(
        '21,700) price tag for the smartwatch seems to be no issue because "On an average an Apple Watch user will '
        'have 100 Apps installed."',
        "“The $350 price of Apple Watch appears to be a non-issue,” he writes, since, “On an average an Apple Watch "
        "user will have 100 Apps installed.”",
    ) is None


@pytest.mark.parametrize(
    ("hedged", "attributed"),
    [
        (  # check item 56
            "Scheduled to arrive in early 2015, the Apple Watch's wireless charging circuit seems to be supplied by "
            "Integrated Device Technology, while the NFC chips are said to be supplied by NXP and AMS.",
            "Other companies in the Apple Watch supply chain are said to be a wireless charging integrated circuit "
            "from Integrated Device Technology and NFC chips from both NXP and AMS.",
        ),
        (  # check item 88
            "A groundskeeper scheduled to perform yard maintenance on Nelson's property reportedly found the "
            "singer unresponsive on the front lawn and immediately called 911.",
            "The article states that a groundskeeper was doing some routine maintenance on Nelson's property and "
            "found him dead on the front lawn.",
        ),
        (  # check item 41
            "Based on an estimate of 240 million iPhones, UBS suggests this could translate to 24 million Apple "
            "Watches sold in the first 9-12 months of availability.",
            "Applying that same percentage to the total number of eligible iPhone owners, UBS believes Apple will "
            "sell 24 million Apple Watches in its first nine months of availability.",
        ),
    ],
)
def test_a_version_that_gives_the_claim_to_someone_states_nothing_plainly(hedged: str, attributed: str) -> None:
    assert hedge(hedged, attributed) is None


def test_a_hedge_on_the_telling_itself_stays_against_a_plain_telling() -> None:
    # dev item 14, judged right: "This blogger allegedly said" against "He said:"
    found = hedge(
        'This blogger allegedly said that "it would not surprise me if they opted to open a restaurant in Scotland."',
        'He said: "It would not surprise me at all if they opted to open a restaurant in Scotland.',
    )
    assert found is not None and "allegedly said" in found.detail


def test_may_that_gives_leave_is_no_hedge_against_a_rule() -> None:
    # check item 15
    assert hedge(
        "Coloradans may buy 1 ounce at a time, while out-of-state residents are limited to a quarter ounce.",
        "Coloradans are only allowed to purchase 28 grams at one time, while people who are not citizens of "
        "colorado are only allowed to buy a quarter at a time",
    ) is None


def test_a_hedge_on_what_the_other_version_does_not_report_is_none() -> None:
    # dev item 108: "its possible links to the asteroid" hedges nothing of the request for help
    hedged = (
        "She added that international experts have been called upon to help local scientists understand the "
        'situation and its possible links to the "Pitbull" asteroid.'
    )
    plain = "International experts have been asked to help local scientists in their investigation."
    assert hedge(hedged, plain) is None
    assert hedge(hedged, plain, replace(SETTINGS.differences, hedge_scope_words=0)) is not None


def test_advice_to_the_reader_and_a_suggestion_to_someone_are_no_hedges() -> None:
    # dev items 99 and 64
    assert hedge(
        "But you should still probably stay clear of the Reset All Settings option until Apple gets this sorted out.",
        'But for now, the best option is avoiding "Reset All Settings" entirely until a fix is in place.',
    ) is None
    assert hedge(
        "It was not a surprise that Francis, who took his papal name from St. Francis of Assisi, the patron saint of "
        "animals, would suggest to a saddened child that his lost pet had a place in the afterlife.",
        "He took his papal name from St. Francis of Assisi, the patron saint of animals, and said pets have a place.",
    ) is None


def test_the_hedging_words_are_a_setting() -> None:
    # dev item 119, judged right: "A soldier was reportedly shot" against "has been shot"
    hedged = "A soldier was reportedly shot at Canada's National War Memorial on Wednesday morning."
    plain = "A soldier has been shot at Canada's National War Memorial on Wednesday morning."
    assert hedge(hedged, plain) is not None
    without = replace(SETTINGS.differences, hedge_words=("possibly", "perhaps"))
    assert hedge(hedged, plain, without) is None
    with pytest.raises(ValueError, match="hedge_words"):
        DifferenceSettings(hedge_words=())


# --- negations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("negating", "other"),
    [
        (  # dev item 57: "counter claims" denies too
            "Homeland Security Secretary Jeh Johnson says Islamic State militants are not entering the U.S. through "
            "the southern border.",
            "Homeland Security Secretary Jeh Johnson took to CNN to publicly counter claims that Islamic State "
            "militants have been detained attempting to enter the United States from Mexico.",
        ),
        (  # check item 36: "no issue" and "a non-issue"
            "The price tag for the smartwatch seems to be no issue for buyers.",
            "The $350 price of Apple Watch appears to be a non-issue for buyers.",
        ),
        (  # dev item 91: "doesn't have the same clicking feedback" and "get rid of the click"
            "It's smaller and narrower, and the trackpad doesn't have the same clicking feedback.",
            "The trackpad is said to be a touch bigger than the existing MacBook Air models (and get rid of the "
            "clicking), but the keyboard has been minimized.",
        ),
        (  # check item 66: a contrast, no denial
            "The four Islamic attorneys call themselves “judges” not “arbitrators.”",
            "The four Islamic attorneys call themselves “judges” instead of “arbitrators.”",
        ),
        (  # dev item 73: a supposition
            "Let's say there's no birth certificate.",
            "He has what's called a certificate of live birth.",
        ),
        (  # dev item 103: a fear
            "Violence after a ceasefire agreement with Boko Haram raises fears that the kidnapped Nigerian "
            "schoolgirls will not be released.",
            "Nigeria says it has struck a cease-fire deal with Boko Haram, raising hopes that over 200 schoolgirls "
            "who were kidnapped by the militant group will be released.",
        ),
        (  # dev item 22: a comparison
            "No craving can be more important than your health as the North Korean leader finds it out the hard way.",
            "Craving: The North Korean leader's love of cheese has led to rapid weight gain",
        ),
        (  # dev item 59: "stated" is not the "States" of "United States"
            "The US has not publicly stated that it is flying drones over Syria.",
            "The United States appears to now be flying unarmed surveillance drones over Raqqa, Syria.",
        ),
        (  # dev item 70: "did not tell Phelps": no "Phelps" denied
            "Chandler said she did not tell Phelps about her complicated past, but has emailed him about it.",
            "Chandler says she only told Phelps about her past once the media threatened to expose her.",
        ),
        (  # check item 35: "did nothing and allowed him" denies nothing allowed
            "The speechless officers then did nothing and allowed him to dress and leave.",
            "The speechless officers then allowed him to dress and leave.",
        ),
        (  # check item 44: the other version only passes a circulating claim on
            "McDonald's will not stop serving overweight customers starting January 1, 2015.",
            "Circulating report claims that from January 1st 2015, McDonald's will stop serving overweight customers.",
        ),
    ],
)
def test_what_is_no_denial_of_the_other_version(negating: str, other: str) -> None:
    assert negation(negating, other) == []


@pytest.mark.parametrize(
    ("negating", "other"),
    [
        ("No, Macklemore has not joined the ranks of ISIS.", "horrified at news that macklemore has joined ISIS"),  # check 10
        (  # dev item 89
            '"If they don\'t pass this bill in the next couple weeks it will materially increase the risk that the '
            'economy would stall out," he told a gathering of reporters.',
            '"To pass this bill in the next couple of weeks would materially increase the risk that the economy would '
            'stall out," he told reporters at the White House.',
        ),
    ],
)
def test_a_denial_of_what_the_other_version_affirms_stays(negating: str, other: str) -> None:
    assert len(negation(negating, other)) == 1
