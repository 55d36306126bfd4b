"""The word lists of the framing analysis: prepositions, titles, reporting verbs, name parts.

Plain data, no logic: the modules beside this one read them.  Lower-case lists are compared with
a token's lower-case form, capitalised ones (``ORG_HEADS``, ``NOT_NAMES``) with the token as written.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PREPOSITIONS = _words(
    """
    with to against toward towards for from on about into onto at by of over between among amongst
    than like upon without within beyond across after before behind under despite in including via
    amid around through near alongside versus vs unlike besides beside inside outside throughout
    regarding concerning
    """
)
SKIP_BACK = _words(
    """
    the a an its their his her our your my this that these those fellow other all both some many
    several former neighbouring neighboring
    """
)
COORDINATORS = frozenset({"and", "or", "&"})
CLAUSE_WORDS = frozenset({"but", "while", "although", "though", "whereas", "however", "whilst"})
CLAUSE_PUNCT = frozenset(",;:()[]…–—|") | {"--", "---"}
CUTS = CLAUSE_PUNCT | CLAUSE_WORDS
PRONOUNS = frozenset({"he", "she"})
HOLDER_PREPOSITIONS = frozenset({"from", "by", "among", "amongst", "within"})
# Feelings that "in <place>" attributes to that place's people: "concern in Moscow", "optimism in Kiev"
# (but "cooperation in Afghanistan" is about Afghanistan, not Afghanistan's).
ATTITUDES = _words(
    """
    concern concerns worry worries anger alarm fear fears optimism hope hopes frustration
    disappointment suspicion suspicions skepticism scepticism satisfaction relief irritation unease
    """
)
REPORTING = _words(
    """
    said says told tells stated states added adds asked replied noted wrote writes declared
    explained insisted argued outlined announced warned believes
    """
)
VERBS = _words(
    """
    is are was were be been being am has have had will would shall should can could may might must
    do does did 's said says told tells sees seeks wants urges warns calls faces states believes
    thinks insists claims expects hopes offers plans adds notes lies remains makes takes gives views
    needs accuses rejects supports agrees refuses opposes welcomes fears denies argues asks writes
    knows means shows seems appears becomes continues considers describes reports suggests proposes
    announces intends looks wishes threatens demands promises signals sends meets visits leads keeps
    holds stands met made took gave saw sought won lost held led kept left sent spoke wrote thought
    felt got went came became began brought found knew put stood struck understood withdrew chose
    fought ran rose sat spent say tell urge warn want seek see believe think insist expect saying
    adding telling
    """
)
NOT_VERBS = _words(
    """
    during including according meeting meetings building buildings nothing something anything
    everything evening morning hundred indeed speed need seed feed united ring king thing things
    bring wing spring string ceiling ongoing upcoming interesting pressing leading ruling growing
    """
)
TITLES = _words(
    """
    president vice prime minister secretary secretary-general general foreign defense defence
    interior finance state ambassador envoy chancellor senator sen rep representative congressman
    congresswoman governor gov mayor king queen prince princess crown sheikh emir pope cardinal
    archbishop bishop rev mr mrs ms dr prof professor judge justice chief deputy admiral adm gen col
    lt maj capt commander colonel lieutenant major captain sergeant sgt spokesman spokeswoman
    spokesperson chairman chairwoman chair director premier speaker leader commissioner head former
    permanent special under assistant undersecretary lord lady sir dame ayatollah supreme high
    executive counterpart adviser advisor aide senior top acting outgoing incoming military national
    security sheriff reverend father sister editor publisher founder co-founder co-chair co-chairman
    co-chairwoman president-elect nominee candidate attorney chancellor-elect
    """
)
ABBREVIATED_TITLES = _words("mr mrs ms dr gen col lt maj capt adm sen rep gov prof rev sgt st")
CONNECTORS = _words("of for de van von der den bin ibn al el la le da di du del dos das")
WEAK_TITLES = _words(
    """
    national security military senior top acting outgoing incoming former permanent special under
    assistant executive high supreme foreign defense defence interior finance state head
    counterpart
    """
)
"""Title words that also describe places and things ("National Mall", "Security Council"): a
name after them is a person's only when a title of another kind stands in the chain too."""
NOT_ACRONYMS = _words(
    """
    TV CEO CFO AM PM OK GDP HIV AIDS DNA ID IQ PC UK US USA EU UN FAQ PDF RSS URL AP II III IV VI
    MP MPs NY DC LA PR OP ED GPS ATM SUV MRI ER ICU NO YES AND THE OF USD EUR GBP JPY CNY RMB INR AUD CAD CHF HKD
    """
)
"""All-capital words that are not organisations (an acronym seen twice is otherwise one); currencies among them
("RMB 70,000")."""
PARTICLES = frozenset({"al", "el", "bin", "ibn"})  # "al-Maliki" is a name
PLACE_BEFORE = frozenset({"in", "near", "outside"})
"""Words before a place: a capitalised word written alone after them ("in Marche") is no person's surname."""
ORG_HEADS = _words(
    """
    Council Ministry Department Organization Organisation Agency Committee Commission Party Fund
    Bank Union Court Parliament Congress Senate Assembly Institute Foundation Movement Front Army
    Navy Service Group Association Federation League Corporation Company Watch Cross Crescent Guard
    Police Authority Board Bureau Tribunal Coalition Brigades Office
    """
)
NON_ACTOR_HEADS = _words(
    """
    Times Post Journal News Herald Tribune Gazette Review Radio Television TV University College
    School Airport Hotel Street Square Avenue Road List Index Exchange Stadium Airlines Prize Center
    Centre Museum Award Awards Emmy Emmys Grammy Grammys Oscars Globe Globes
    """
)
REGION_WORDS = _words("North South East West Northern Southern Eastern Western Central Latin")
# Capitalised words that are not parts of a person's name.
NOT_NAMES = (
    ORG_HEADS
    | NON_ACTOR_HEADS
    | _words(
        """
    January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday War Wars York House Summit Treaty Agreement
    Pact Accord Charter Conference Forum Meeting Initiative Strategy Doctrine Defense Defence
    Security Missile Cold Century Day Week Year Online Blog Forces Force Republic Kingdom State
    States Nations Empire City County Province Region District Island Islands Sea Ocean Gulf Bay
    River Valley North South East West Northern Southern Eastern Western Central Middle New Old
    Great United European Atlantic Pacific Arctic Asia Europe Africa America Americas Euro Soviet
    Communist Islamic Christian Muslim Jewish Catholic Orthodox Internet Web Twitter Facebook God
    Christmas Easter Olympics Games Cup Nuclear Arms Reduction Strategic Conventional Joint Chiefs
    Staff Armed Tags Keyword Stories Latest Links Breaking Read More Podcasts Comments Share Follow
    Subscribe Home Accessibility Posted Author About Photo Video Related The A An In On At For Of To
    With By From As If It We They I He She This That These Those Earlier Later Meanwhile Although
    While When After Before But And Both All Our Their His Her Its Republican Republicans Democrat
    Democrats Democratic Conservative Conservatives Liberal Liberals Labour Tory Tories Party Act
    Amendment Law Constitution Network Bridge People Medicare Medicaid Security Fair Caller Beach
    Jesuit Standard Zero San Santa
    """
    )
)
KIN = _words(
    """
    son sons daughter daughters wife husband brother brothers sister sisters father mother
    nephew niece cousin family grandson granddaughter widow parents children child stepson
    """
)
"""After "Hutchinson's", the sentence is about a relative, not about Hutchinson."""
LINEAGE = _words("family families clan dynasty")
"""After "the Genovese (crime)", a family, not the person of that name ("Vito Genovese")."""
INSTITUTIONS = _words("administration administrations government")
"""After a surname ("the Obama administration", "Obama's administration", "the Netanyahu government"), an
institution named after the person, not the person: what it does is not said of Barack Obama."""
GROUP_SUBJECTS = _words(
    """
    officials critics states countries lawmakers legislators leaders groups others people residents
    members opponents supporters activists experts analysts observers voters diplomats governments
    nations allies neighbours neighbors parents students workers protesters demonstrators
    conservatives liberals democrats republicans administrations agencies companies investors
    """
)
"""A clause whose subject is one of these (not an actor) states their attitude, nobody else's:
"Suthers said other states have expressed concern" is no concern of Suthers'."""
REPORTED_SPEECH = _words("said says told added noted wrote argued insisted explained warned declared announced")
"""Reporting verbs after which a new clause starts: "Suthers said | other states have expressed concern"."""
ROLE_NOUNS = {
    **dict.fromkeys(("president", "president-elect"), "president"),
    **dict.fromkeys(("senator", "sen"), "senator"),
    **dict.fromkeys(("representative", "rep", "congressman", "congresswoman"), "representative"),
    **dict.fromkeys(("governor", "gov"), "governor"),
    **dict.fromkeys(("chairman", "chairwoman", "chair"), "chairman"),
    **dict.fromkeys(("secretary", "secretary-general"), "secretary"),
    **{w: w for w in "sheriff mayor speaker judge justice minister ambassador candidate nominee".split()},
}
"""Titles, and the role a later "the <title>" refers back to: "Rep. Akin" is "the congressman"."""
ROLE_MODIFIERS = _words("former then current outgoing new embattled beleaguered vice deputy top")
"""Words that may stand between "the" and a role noun besides names ("the former governor")."""
ORG_NOUNS = _words(
    """
    magazine newspaper company corporation firm retailer chain network group organization
    organisation agency bureau union court church association lobby publication
    """
)
"""Nouns by which an article refers back to the organisation it named last ("the magazine")."""
MALE_TITLES = _words("mr congressman chairman spokesman king prince father sir lord")
FEMALE_TITLES = _words("ms mrs miss congresswoman chairwoman spokeswoman queen princess sister lady dame")
"""Titles that tell a person's gender: "he" cannot mean "Ms. Bachmann"."""
NOT_GROUPS = _words("States Nations Emirates Islands Netherlands Philippines Times News Affairs Services Forces")
"""Names ending in "s" that are no group of people: "their" does not refer to the United States."""
MODIFIED_NOUNS = _words(
    """
    campaign campaigns administration administrations camp aides aide adviser advisers spokesman
    spokeswoman staff ticket team supporters allies critics office era years plan plans budget
    message ad ads presidency nomination candidacy
    """
)
"""Nouns a person's name may stand before as a modifier ("the Romney campaign", "the Obama
administration"): the person is then no subject a later "he" means."""
OBLIGING = _words("should must ought")
"""Modals by which a speaker prescribes: "she said Russia should forge closer relations" is her wish,
not Russia's stance."""
OBLIGING_TO = _words("need needs has have")
"""Verbs that prescribe when "to" follows: "Russia needs to", "Russia has to"."""
BE = _words("is are was were be been being")
ASKED = _words("urged asked called pressed told encouraged requested")
"""Verbs that, passive ("Russia was urged to"), give the wish of someone other than their subject."""
RELATIVES = _words("that which who")
"""Relative pronouns: in "a force that threatens Russia" the verb's subject is the noun before them."""
OBJECT_DETERMINERS = _words("the a an its their his her our my your")
"""Words that start a verb's object: "threatens the West" (a noun followed by them is rare)."""
ADVERBS = _words("also still now already again even never not n't n’t hardly barely just once first then later soon")
"""Adverbs that may stand between a subject and its verb ("Poland never welcomed ..."); so does any
word ending in -ly ("Rasmussen flatly rejected ...")."""
TIMES = _words(
    """
    today yesterday tonight week weekend month year decade morning afternoon evening night
    day days weeks months years
    """
)
"""Times that may stand between a subject and its verb: "the Fund last week warned ..."."""
TIME_MODIFIERS = _words("last this next past previous earlier later each every few several two three")
PERCEIVED = _words("threat danger menace enemy adversary")
"""Cue words that say how another sees an actor: "NATO is a threat" is the view of whoever says so."""
COPULAS = _words("is are was were be been being remains remain remained becomes become became pose poses posed")
"""Verbs by which a clause says what its subject is ("NATO is a threat", "Russia poses a danger")."""
RELATIONS = _words(
    """
    cooperat* co-operat* collaborat* partnership partnerships dialogue rapprochement relations talks
    negotiat* treaty treaties diplomacy diplomat* ceasefire cease-fire truce
    """
)
"""The words of relations between actors (a word ending in * is a prefix): a story about such
relations uses them often, and only there does the stance axis, cooperative or reluctant, mean
something (``Settings.stance_relations_per_1000``)."""
ATTITUDE_STEMS = (
    "critici critique accus prais support backing endors attack condemn oppos blam welcom hail slam "
    "denounc reject applaud commend thank disput dismiss favo approv deni deny celebrat congratulat"
).split()
"""Words (by their start) of an actor's attitude toward another: written after the actor in its
clause ("Ryan criticized the administration", "Palin began showing their support", "Mr. Perry's
criticism"; "Israeli officials categorically denied they were to blame") they say what the actor
thinks of others, not how the article portrays the actor."""
SATISFIED = _words("happy pleased satisfied content comfortable fine ok okay good glad delighted thrilled")
"""Adjectives of an actor's acceptance of something, before "with" or "about": "The Angels apparently are good
with that", "Democrats are happy with the deal" say what the actor thinks of what follows, not how good it is."""
FEELINGS = _words("proud thrilled excited delighted honored honoured grateful gratified elated")
"""Adjectives of an actor's own feeling, written after it in its clause: "The AMA is immensely proud of ...",
"We are thrilled to have ..." say how the actor feels about another, not how good the actor is.  Not "eager" nor
"fortunate": "eager to block the bill" is the actor's own act, "fortunate to survive" not about another."""
RECEIVING = _words("drew draw draws drawing faced face faces facing received receive receives won wins earned earns got gets under attracted attracts")
"""Verbs by which an actor receives another's attitude: "Mr. Trump drew considerable criticism"."""
PEOPLE_NOUNS = _words("people citizens voters workers taxpayers families consumers public seniors")
"""Nouns after a country's adjective that name its people: "the American people" is not the United States."""
WANTING = _words("seek sought want urge ask demand request need expect")
"""Verbs (as lemmas) whose object is what their subject wants: "NATO seeks Russian cooperation"."""
CONDITIONALS = _words("if unless")
HEDGES = _words("might may")
"""A sentence stating a condition, a clause saying what might be: possibilities, no stance
("if we convince each other ..., then we can move towards closer cooperation"; relations "might
have a common platform for cooperation")."""
CUE_VALENCE = {
    **dict.fromkeys(("tribute", "tributes"), 2.2),  # as "honor": "paying tribute to him" is praise
    **dict.fromkeys(("critic", "critics", "attackers", "attacker", "victim", "victims"), 0.0),
    **dict.fromkeys(("fight", "fights", "fighting", "fought", "battle", "battles", "battled"), 0.0),
    **dict.fromkeys(("lawsuit", "lawsuits", "suing", "argument", "arguments"), 0.0),
}
"""Words whose valence as cue words differs from the sentiment lexicon's (the tone model reads the
lexicon's): praise VADER lacks ("tribute"); people the sentence names beside the target, no quality
of it ("Palin's critics", "her attackers", "the victim's family"); a contest, which says nothing of
who is in it ("a fight for the title", "fought for the bill"); and a proceeding ("a lawsuit
against Wal-Mart", "oral arguments before the Supreme Court"), which says a claim is made, not that
it holds ("accused", "convicted" stay).  0: no cue word."""
