"""A denial across versions (compare/analyze/denials.py): one outlet reports as false or denied what
another reports.  The sentences are from FNC-1 stories (news of 2014-2015)."""

from __future__ import annotations

import pytest

from compare import compare
from compare.analyze.denials import denial_difference, denials, negated_claims
from compare.analyze.groups import differences_between
from compare.models import Sentence, sentence_id


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Reports that Comcast will deny Internet service to users of the Tor browser are false, the company says.", ["are false"]),
        ("A video of Vladimir Putin apparently being pooped on by a passing bird during a speech has proved to be a fake.", ["proved to be a fake"]),
        ("The London Metropolitan Police has denied reports that street artist Banksy has been arrested on Monday.", ["denied reports"]),
        ("Online rumors of actor Macaulay Culkin's death have been revealed to be a hoax, The Hollywood Reporter has confirmed.", ["revealed to be a hoax"]),
        ("Officials called the report baseless.", ["called the report baseless"]),
        ("An Iraqi official today denied that a woman detained in Lebanon is the wife of Abu Bakr al-Baghdadi.", ["denied that"]),
    ],
)
def test_firm_denials_are_found(text: str, words: list[str]) -> None:
    assert [d.words for d in denials(text)] == words


@pytest.mark.parametrize(
    "text",
    [
        "It was a false alarm.",  # "false" before a noun: the thing, not a verdict
        "He posted the message from a fake account and left.",
        "The photo may be fake.",  # a doubt, the hedge's business
        "There is still a small chance the video of his apparent killing will prove to have been fake.",
        "Downing Street declined to confirm or deny that the reported name was known to the security services.",
        "I assume they'll be able to verify or debunk it quickly.",
        "Comcast denied Internet service to users of the browser.",  # "deny" a service: refuse it
    ],
)
def test_no_firm_denial(text: str) -> None:
    assert denials(text) == []


def test_a_denial_is_about_its_own_clause() -> None:
    # "denying reports" is about the soldiers' infection, not about who holds Mosul.
    (found,) = denials(
        "Though Mosul has been under ISIS control since late last June, the Iraqi health ministry has issued "
        "a press release denying reports from Iraqi news outlets that the soldiers are infected."
    )
    assert {"mosul", "isi", "control"}.isdisjoint(found.scope)
    assert "infect" in found.scope
    # A short clause ("a claim DHS said was false") reaches back to the clause it refers to.
    (claim,) = denials("Rep. Duncan Hunter said ten members of the Islamic State were apprehended crossing the border, a claim DHS said was false.")
    assert {"apprehend", "border"} <= claim.scope


def _members(*texts: str) -> list[Sentence]:
    out = []
    for n, text in enumerate(texts):
        article = chr(ord("a") + n)
        out.append(Sentence(sentence_id(article, 0), article, 0, text, 0, len(text), 0, "body"))
    return out


def test_a_denial_of_what_another_outlet_states_is_a_contradiction() -> None:
    members = _members(
        "The London Metropolitan Police has denied reports that street artist Banksy has been arrested on Monday.",
        "The elusive graffiti artist Banksy was arrested early this morning by London's Metropolitan Police.",
        "A US website is carrying a report that the street artist Banksy has been identified and arrested.",
    )
    found = denial_difference(members, [(0, 1), (0, 2)])
    assert found is not None and found.type == "negation" and found.conflict
    assert dict(found.values) == {"a:0": "denied: “denied reports”", "b:0": "stated", "c:0": "reported, not denied"}
    # Passed on as a report only: a difference, not a contradiction.
    passed_on = denial_difference(members, [(0, 2)])
    assert passed_on is not None and not passed_on.conflict


@pytest.mark.parametrize(
    "other",
    [
        # Denies in other words: the two versions agree.
        "Homeland Security Secretary Jeh Johnson shot down claims that Islamic State fighters were caught at the border.",
        "Homeland Security Secretary Jeh Johnson stated that claims of ISIS fighters caught at the border were false.",
        # Shares only a name with what the denial is about.
        "The Guardian has obtained emails in which Emwazi said MI5 attempted to recruit him.",
    ],
)
def test_no_denial_difference(other: str) -> None:
    denier = (
        "Emwazi denied the accusation and claimed that MI5 representatives had tried to recruit him."
        if "Emwazi" in other
        else "The Department of Homeland Security debunked the theory that Islamic State fighters were caught at the border."
    )
    assert denial_difference(_members(denier, other), [(0, 1)]) is None


def test_a_group_of_a_claim_and_its_denial_diverges() -> None:
    articles = [
        {"id": "mirror", "text": "Street artist Banksy arrested in London.\n\n"
         "The elusive graffiti artist Banksy was arrested early this morning by the Metropolitan Police in London."},
        {"id": "met", "text": "Police deny Banksy arrest.\n\n"
         "The Metropolitan Police has denied reports that the graffiti artist Banksy was arrested this morning in London."},
    ]
    result = compare(articles)
    group = next(g for g in result.groups if "met:1" in g.members)
    assert "mirror:1" in group.members
    denial = next(d for d in group.differences if d.detail.startswith("one version reports as false"))
    assert dict(denial.values)["mirror:1"] == "stated"
    assert group.kind == "diverge"
    # The same versions compared as plain sentences give the same difference.
    assert any(d.detail == denial.detail for d in differences_between([articles[0]["text"].split("\n\n")[1], articles[1]["text"].split("\n\n")[1]]))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # denials in other words (FNC-1 stories read in session 14, and one written for the rule)
        ("There is no evidence that Millan’s wife held a press conference", ["no evidence that"]),
        ("An article saying McDonald’s is removing the Big Mac, Apple Pies, and large size options isn’t real.", ["isn’t real"]),
        ("It falsely stated that the council had closed the public library on Elm Street.", ["falsely stated"]),
        ("A spokesman for the club said the meeting with the striker's agent never took place.", ["never took place"]),
        ("The ministry denied having any role in the attack.", ["denied having"]),
        (
            "Jordanian Foreign Minister Nasser Judeh told CNN Thursday the rumors of the king personally launching airstrikes "
            "on ISIS targets were “creative,” but untrue.",
            ["but untrue"],
        ),
        ("Inquisitr reports that the internet was aflame with reactions after fake news that country legend Willie Nelson had died.", ["fake news that"]),
        ("The senator said the accusation was a lie.", ["was a lie"]),
    ],
)
def test_denials_in_other_words_are_found(text: str, words: list[str]) -> None:
    assert [d.words for d in denials(text)] == words


def test_a_denial_that_introduces_the_claim_is_about_what_follows_its_colon() -> None:
    (found,) = denials('The bogus report read: "Nasa has confirmed that the Earth will experience 6 days of almost complete darkness.')
    assert found.words == "bogus report read" and {"dark", "experi", "day"} <= found.scope


def test_a_claims_verb_negated_denies_the_claim() -> None:
    (claim,) = negated_claims("McDonald’s will not stop serving overweight customers starting January 1, 2015.")
    assert (claim.words, claim.term) == ("not stop", "stop")
    members = _members(
        "McDonald’s will not stop serving overweight customers starting January 1, 2015.",
        "Circulating report claims that from January 1st 2015, McDonald's will stop serving overweight customers in an effort "
        "to battle increasing obesity rates.",
    )
    found = denial_difference(members, [(0, 1)])
    assert found is not None and dict(found.values) == {"a:0": "denied: “not stop”", "b:0": "reported, not denied"}
    assert denial_difference(members, [(0, 1)], claims=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "When Chien's girlfriend did not turn up he lit the fireworks anyway, hoping she would see them.",  # a time clause
        '"North Korea ordered its people not to use the name \'Kim Jong Un\'," Yonhap said.',  # an order
        "That's assuming the watch's case is made from solid gold, not gold-plated.",  # a contrast
        "Chinese parents who don't have the money to pay for treatment have gone onto the street.",  # a relative clause
        "It was supposed to be a ticket-eligible violation that did not amount to a crime.",  # a relative "that"
        "The world will remain, during these three days, without sunlight due to a solar storm.",  # no verb negated
        "He said the Tan was doing no harm eating her way through boxes of chicken so they let her stay.",
        "The carrier may not sell customer location data to advertisers, the report said.",  # a doubt
        "If the company does not sell customer location data, its profits will fall, analysts said.",  # a condition
    ],
)
def test_a_negation_that_denies_no_claim(text: str) -> None:
    assert negated_claims(text) == []


@pytest.mark.parametrize(
    ("denier", "other"),
    [
        # the negation's own clause is about something else (FNC-1): no reaching back for a negated verb
        (
            "A woman who claims to be the girlfriend of Olympic swimmer Michael Phelps revealed in a Facebook post that she was "
            "born intersex, a fact she has not previously revealed to Phelps, among others.",
            "A woman who claims to be the girlfriend of swimming superstar Michael Phelps has revealed she was born a boy.",
        ),
        # an infinitive affirms nothing (FNC-1): "without DNA tests to confirm"
        (
            "Blanco has not confirmed whether the bodies are those of the protesting students.",
            "However, Blanco said it would be “irresponsible” without DNA tests to confirm that the bodies were the missing students.",
        ),
        # two people's own experiences (FNC-1 tweets)
        (
            '"I have big curly hair that gets caught in EVERYTHING, and it has never been caught in my iPhone 6.',
            "My iphone6 drives me crazy, my hair has been caught for times. #Hairgate",
        ),
    ],
)
def test_a_negated_verb_that_denies_nothing_the_other_version_says(denier: str, other: str) -> None:
    assert denial_difference(_members(denier, other), [(0, 1)]) is None


@pytest.mark.parametrize(
    ("denier", "other"),
    [
        # The object of a verb of denying, past the parenthesis and the comma that end its clause.
        (
            "Central Bedfordshire Council has refuted newspaper reports which suggested it was about to issue an "
            "Anti-Social Behaviour Order (Asbo) to a six-foot mechanical bear.",
            "A mechanical, singing polar bear could earn its owners an ASBO following complaints that its festive "
            "songs were causing a nuisance.",
        ),
        (
            "A Jordanian government spokesman has denied rumours that the Jordanian King Abdullah II, a trained pilot, "
            "is personally conducting airstrikes against the Islamic State (Isis).",
            "Jordan’s King Abdullah is reportedly personally involved in executing air strikes against Islamic State "
            "positions in the aftermath of the terrorist group’s brutal execution of Jordanian pilot 1st Lt. Moaz Kasasbeh.",
        ),
        # The report a predicate is said of, from its noun on.
        (
            "An article saying a “planetary alignment” on January 4, 2015, “will decrease gravity for 5 minutes” and "
            "cause partial weightlessness is fake.",
            "You may have a seen a story going around Facebook that promises you'll be able to float in the air on "
            "January 4th as a result of a planetary alignment that will \"decrease gravity\" for 5 minutes.",
        ),
    ],
)
def test_a_denial_is_about_the_claim_it_denies(denier: str, other: str) -> None:
    from compare.difference_settings import DifferenceSettings

    found = denial_difference(_members(denier, other), [(0, 1)])
    assert found is not None and found.type == "negation" and dict(found.values)["a:0"].startswith("denied")
    # Read within the denial's clause only, the two share too little to be about one thing.
    assert denial_difference(_members(denier, other), [(0, 1)], settings=DifferenceSettings(denial_claim_scope=False)) is None


def test_a_denial_is_read_against_a_member_it_does_not_link_to() -> None:
    from dataclasses import replace

    from compare.settings import Settings

    denier = (
        "Jordanian Foreign Minister Nasser Judeh told CNN Thursday the rumors of the king personally launching airstrikes "
        "on ISIS targets were “creative,” but untrue."
    )
    other = "According to the dailycaller, reports have emerged suggesting he could take part in airstrikes on ISIS targets today."
    # Too unlike in words to link (a group holds them through a third version), and still about one claim.
    (found,) = [d for d in differences_between([denier, other]) if d.type == "negation"]
    assert dict(found.values) == {"a:0": "denied: “but untrue”", "b:0": "reported, not denied"}
    linked_only = replace(Settings(), differences=replace(Settings().differences, denial_group_pairs=False))
    assert not [d for d in differences_between([denier, other], linked_only) if d.type == "negation"]


def test_a_denial_inside_a_relative_clause_denies_only_its_own_object() -> None:
    """The session-17 review: the object of "denied" ran past the comma that closes its relative
    clause, so the man's account of his evening was read as what he denied, and another outlet's
    telling of that account as "reported, not denied"."""
    account = [
        "The man, who denied the charge, told the court he had been at home with his wife on the night of the robbery.",
        "He told the court he had been at home with his wife that night.",
    ]
    assert [d.type for g in compare(texts=account).groups for d in g.differences] == []
    report = [
        "The council, which denied reports that the bear would get an Asbo, said the story was made up.",
        "Reports said the bear would get an Asbo from the council.",
    ]
    assert "negation" in [d.type for g in compare(texts=report).groups for d in g.differences]


@pytest.mark.parametrize("word", ["false", "untrue", "bogus", "made up", "baseless", "rubbish", "nonsense", "not true"])
def test_the_differences_read_the_shared_list_of_denying_words(word: str) -> None:
    """One word list (:mod:`compare.terms`) for the typed differences and, in part, the leads' check
    (:func:`compare.link_checks.denies`): "are rubbish" and "are nonsense" were no denial to the
    differences; "bogus" and "made up" stay none to the aligner (why: ``link_checks._CALLED_FALSE``)."""
    from compare.link_checks import denies

    text = f"Reports that the harbour ferry will be scrapped are {word}, the port authority said."
    assert [d.words for d in denials(text)] == [f"are {word}"]
    assert denies(text) == (word not in ("bogus", "made up"))


@pytest.mark.parametrize(
    ("stated", "judged", "denied"),
    [
        (
            "The county will shut the Mill Lane swimming pool in May to cut costs, the council leader said.",
            "Swimmers said plans to shut the Mill Lane swimming pool in May to cut costs were nonsense.",
            "Swimmers said reports that the county will shut the Mill Lane swimming pool this spring were nonsense.",
        ),
        (
            "Ministers will lift the speed limit on rural roads to 70 mph next year, the transport secretary said.",
            "Cycling groups said the idea of lifting the speed limit on rural roads to 70 mph next year was rubbish.",
            "Cycling groups said claims that ministers will lift the speed limit on rural roads were rubbish.",
        ),
    ],
)
def test_a_plan_called_rubbish_or_nonsense_is_not_denied(stated: str, judged: str, denied: str) -> None:
    """"Rubbish" and "nonsense" said of a plan or an idea judge it; said of a report or claim ("Reports
    that ... are rubbish") they deny it (:mod:`compare.terms`): the plan is not reported as false."""
    assert denials(judged) == []
    assert "negation" not in [d.type for g in compare(texts=[stated, judged]).groups for d in g.differences]
    assert [d.words for d in denials(denied)] == [" ".join(denied.rstrip(".").split()[-2:])]


def test_the_month_may_is_no_doubt_before_a_denial() -> None:
    """"may be a hoax" doubts; "in May are false" denies: the month is no modal verb."""
    assert [d.words for d in denials("Reports that the ferry service will end in May are false, the operator said.")] == ["are false"]
    assert denials("The ferry timetable may be a hoax, the operator said.") == []


def test_a_negated_act_done_to_a_name_denies_the_act_of_the_same_doer() -> None:
    # blind reading 22's kind (written for the test): "never checked into Morningside" against "had checked in to
    # the Morningside Recovery rehab facility"; they share no plain word but the verb, and name the doer two ways
    other = "Heller told a judge that Lohan had checked in to the Morningside Recovery rehab facility."
    denier = "Lindsay never checked into Morningside but is back at Betty Ford."
    articles = {"a": "lindsay lohan s attorney said heller told a judge", "b": "lindsay never checked into morningside"}
    found = denial_difference(_members(other, denier), [(0, 1)], article_texts=articles)
    assert found is not None and dict(found.values) == {"b:0": "denied: “never checked”", "a:0": "reported, not denied"}
    assert not found.conflict  # Heller's word, told by the outlet: no plain statement against the denial
    # without the articles naming "Lindsay Lohan", Lindsay and Lohan may be two people
    assert denial_difference(_members(other, denier), [(0, 1)]) is None


@pytest.mark.parametrize(
    ("other", "denier"),
    [
        # another doer
        ("Medvedev attended the summit in Lisbon on Friday.", "Obama did not attend the summit, aides said."),
        # no doer named: "she" may be anyone
        ("Lohan checked in to the Morningside Recovery rehab facility.", "She never checked into Morningside."),
        # the act done to another thing
        ("Lohan checked in to the Betty Ford Center on Friday.", "Lohan never checked into Morningside."),
        # what each sends, not what for: "observers" / "experts" (ECB+ 11_ecb; "to monitor" is the aim)
        (
            "The Organization for Security and Cooperation in Europe sent eight experts to monitor the poll.",
            "The Organisation for Security and Co-operation in Europe has not sent only three observers to monitor the vote.",
        ),
        # no act negated: "did not a week ago" (BASIL dev b5eefefb, HuffPost against Fox)
        ("But unlike Obama a week ago, he let few points go unchallenged.", "Biden did another thing Obama did not a week ago."),
    ],
)
def test_a_negated_act_of_another_doer_or_thing_is_no_denial(other: str, denier: str) -> None:
    articles = {"a": other.lower(), "b": denier.lower()}
    assert denial_difference(_members(other, denier), [(0, 1)], article_texts=articles) is None
