"""A sentence that reports a refusal to say, and one that states a fact, are two facts
(``GroupSettings.refusal_max_score``, :func:`compare.link_checks.refuses`)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import body_sentences

from compare.align import align
from compare.link_checks import days_named, refusal_apart, refuses
from compare.settings import Settings


def _without_refusals() -> Settings:
    return replace(Settings(), grouping=replace(Settings().grouping, refusal_max_score=0.0))


def test_a_refusal_to_say_is_said_in_many_ways() -> None:
    assert refuses("But the congressman repeatedly declined to say whether the picture was an image of him.")
    assert refuses("Twitter, which does not comment on individual user accounts for privacy reasons, has declined to say whether Mr. Weiner’s account was hacked.")
    assert refuses("In his statement on Friday afternoon, Mr. Steele did not respond to the call for his resignation.")
    assert refuses("White House Press Secretary Jay Carney wouldn’t say whether Obama is also bracing for dragged out negotiations.")
    assert refuses("Mr. Steele has not yet said whether he will try to rebuild his frayed coalition.")
    assert refuses("“I can’t say with certainty very much about where the photograph came from.”")
    assert refuses("Neither Google nor the investment firms wanted to comment on the story.")
    assert refuses("The company had no immediate comment.")
    assert refuses("It is unclear what she is being treated for.")
    assert refuses("Chargers general manager A. J. Smith did not return a call.")
    assert refuses("Castro has yet to comment on the historic resumption of diplomatic relations with the United States.")
    assert refuses("John Temple, president of audience and product at First Look Media, told Rice that he won't comment on personnel matters.")
    assert refuses("A spokesman did not immediately respond to a request for comment.")
    # The adverb after "be" as well as before it: a common wording of the same refusal.
    assert refuses("A spokesman for the state health department could not be immediately reached for comment on Friday.")
    assert refuses("The mayor could not immediately be reached for comment.")


def test_a_refusal_in_passing_or_a_fact_is_no_refusal() -> None:
    # The gerund tells a refusal beside the sentence's fact, which it states.
    assert not refuses("While declining to discuss what happened, Mr. Obama on Thursday said, “I can assure the public that nothing improper took place.”")
    assert not refuses('"I didn\'t send [that] picture out" the congressman said, though he does not know who did.')
    assert not refuses('"I know for a fact that my account was hacked," Weiner told Fox News.')
    assert not refuses("Officials said they could not be certain how many people had died.")
    assert not refuses("Metro Police confirm there was an accidental shooting at the address, but would not confirm the former player was hurt.")
    assert not refuses("While Apple hasn’t revealed any details about the pricing, reports claim that it could go up to the $20,000 mark.")
    assert not refuses("A spokesman for the R.N.C. did not respond to inquiries about the conference call, which Mr. Steele announced personally in a weekend e-mail message to fellow Republicans.")
    assert not refuses("On Saturday, New Orleans coach Sean Payton indicated that Bush would not return to the lineup until further undergoing a further evaluation.")
    assert not refuses("Woodward and Bernstein said they wouldn't reveal the source's identity until he or she died, and finally confirmed Felt's role only after he came forward.")
    assert not refuses("In fact, the new King reportedly refused to acknowledge the presence of the First Lady and did not say hello or shake hands with her.")
    # A finding, not a refusal: what a test or a search did not reveal (the session-17 review)
    assert not refuses("The autopsy did not reveal any signs of trauma.")
    assert not refuses("Investigators could not identify the body.")
    assert refuses("Police declined to identify the victim.") and refuses("The company did not disclose how much it paid.")
    assert refusal_apart(True, False) and refusal_apart(False, True)
    assert not refusal_apart(True, True) and not refusal_apart(False, False)


def test_a_refusal_to_say_does_not_join_the_fact_it_names() -> None:
    # BASIL dev c21cb217 (read blind in reading 11: a partly group): Weiner says his account was
    # hacked (Fox, HuffPost); the Times' "Twitter ... has declined to say whether Mr. Weiner's
    # account was hacked" is another fact, joined by the account and the hacking.
    fox = [
        "Rep. Anthony Weiner, in an interview with Fox News, said Wednesday he's certain he did not send a lewd "
        "photo of somebody's bulging underwear to a college student via Twitter.",
        "But the congressman repeatedly declined to say whether the picture was an image of him.",
        '"I know for a fact that my account was hacked," Weiner told Fox News.',
    ]
    huffpost = [
        '"I didn\'t send [that] picture out" the congressman said, though he does not know who did.',
        "Weiner said he has hired a private security company to investigate how his account has been hacked.",
        "Last weekend, a lewd photo of a man's bulging underpants was sent to a 21-year-old female college student "
        "in Seattle from Weiner's Twitter account.",
    ]
    times = [
        "Twitter, which does not comment on individual user accounts for privacy reasons, has declined to say "
        "whether Mr. Weiner’s account was hacked.",
        "He said that he had hired an Internet security company and a lawyer to look into the matter.",
    ]
    sentences = body_sentences([fox, huffpost, times])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert Settings().semantic_link_threshold < alignment.similarity(4, 6) < Settings().grouping.refusal_max_score
    assert (2, 4) in alignment.groups  # Weiner's own claim, in Fox and HuffPost
    assert (4, 6) not in alignment.links and (2, 6) not in alignment.links
    assert (2, 4, 6) in align(sentences, _without_refusals()).groups


def test_a_refusal_to_answer_does_not_join_another_refusal_of_another_person() -> None:
    # BASIL dev c21cb217 (reading 11: wrong): HuffPost's Weiner declines to answer why he hired a
    # lawyer rather than the police; the Times' yFrog chief says nobody contacted him (0.32).
    huffpost = [
        "Weiner declined to answer reporters' questions about the photo or why he was hiring a lawyer for the case "
        "instead of having law enforcement officials pursue the matter.",
        "Weiner said he has hired a private security company to investigate how his account has been hacked.",
    ]
    times = [
        "Mr. Levin said neither Mr. Weiner’s office nor any law enforcement authorities had contacted him or his "
        "company to inquire about the photo.",
        "He said that he had hired an Internet security company and a lawyer to look into the matter.",
    ]
    sentences = body_sentences([huffpost, times])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert (0, 2) not in alignment.links
    assert (0, 2) in align(sentences, _without_refusals()).groups


def test_a_weekday_after_a_place_is_the_day_of_the_fact() -> None:
    # BASIL dev cad4bba5 (reading 10: wrong): Fox's lead has Obama heading to Detroit on Monday, a
    # day after Sunday's meeting; HuffPost's lead reports the meeting of Thursday.  "Detroit Monday"
    # read as a name ("Super Tuesday") left Fox's lead with no day, and the two leads linked (0.34).
    fox = [
        "President Obama was heading to Detroit Monday afternoon to continue campaigning for tax hikes on top "
        "earners -- a day after a face-to-face meeting with House Speaker John Boehner that offered slight hope "
        "the two could be making progress toward a deal.",
        "The president and the speaker met Sunday afternoon at the White House for the first time in weeks.",
    ]
    huffpost = [
        "WASHINGTON -- President Barack Obama and House Speaker John Boehner (R-Ohio) met for nearly an hour on "
        "Thursday evening in their latest attempt to break the impasse on impending tax hikes and spending cuts.",
        "Boehner’s chief of staff, Mike Sommers, and his policy director, Brett Loper, were also in attendance.",
    ]
    assert days_named(fox[0]) == {"Monday"}
    assert days_named("said in New York Tuesday") == {"Tuesday"}
    assert days_named("He won most states on Super Tuesday, the Sunday Times reported.") == frozenset()
    sentences = body_sentences([fox, huffpost])
    alignment = align(sentences, Settings())
    if not alignment.semantic:
        pytest.skip("the rule works in the mode with embeddings; the model is not installed")
    assert alignment.similarity(0, 2) < Settings().grouping.other_day_max_score
    assert (0, 2) not in alignment.links


@pytest.mark.parametrize(
    "fact",
    [
        "An agreement could not be reached after two days of talks.",
        "Manafort failed to disclose millions of dollars he earned in Ukraine.",
        "He was charged with failure to disclose his foreign income.",
        "The government failed to respond to warnings about the storm.",
        "The patient did not respond to treatment and died on Friday, the hospital said.",
        "Obama and Putin did not discuss Ukraine at the summit.",
        "Comey testified that he had not discussed the investigation with the president.",
        "The military has not responded to the missile strike.",
        "The unclear rules confused voters in three counties.",
        "The Senate cannot confirm the nominee without a majority.",
    ],
)
def test_a_deed_not_done_is_no_refusal_to_say(fact: str) -> None:
    """Review of session 16: verbs of a refusal that are also deeds ("respond", "discuss", "confirm",
    "be reached", "fail to disclose") count only with what a refusal is about."""
    assert not refuses(fact)


def test_a_deed_not_done_links_as_before() -> None:
    first = "The patient did not respond to treatment and died on Friday, the hospital said."
    second = "The hospital said the woman died on Friday despite receiving an experimental drug."
    links = align(body_sentences([first, second]), Settings()).links
    assert links == align(body_sentences([first, second]), _without_refusals()).links


def test_a_weekday_inside_a_name_after_a_place_is_no_day() -> None:
    assert days_named("Romney won in Super Tuesday states by wide margins.") == frozenset()
    assert days_named("Shoppers lined up at Black Friday sales across the state.") == frozenset()
    assert days_named("He was heading to Detroit Monday to meet the governor.") == frozenset({"Monday"})


def test_a_word_that_refuses_makes_discuss_confirm_and_answer_refusals() -> None:
    assert refuses("The police would not discuss a possible motive for the bombing.")
    assert refuses("The White House had refused to discuss it for three months.")
    assert not refuses("The police did not discuss a possible motive for the bombing.")
