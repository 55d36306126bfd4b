"""Where a sentence names an actor but says nothing of it: the tone model's verdict is then not
the tone toward that actor.

The tone model (:mod:`.tone`) reads a whole sentence toward a target and, trained on sentences
whose target is what they are about, credits the sentence's tone to any target it names.  These
rules find the places where the name only stands beside what is said (each checked on the
sentences of news stories where it went wrong; :func:`bystander` gives the reason):

- **setting**: the actor only says where or what an event was, a modifier or complement of an
  event noun ("his 'stolen valor' Iraq war story", "during the 2003 invasion of Iraq": nothing
  of Iraq);
- **voice**: the actor only says whose spokesperson, lawyer or organiser speaks ("Obama campaign
  spokeswoman Lis Smith described the ad as 'dishonest'"): what that person says is the actor's
  view of others, as a speaker's quotation is (:func:`.attribution.is_speaker`);
- **company**: the actor names the country or group of a business ("an Israeli power company
  cut electricity"): the business is another actor;
- **office**: the actor only says whose office a person holds, before the title ("our nation's next
  U.S. Surgeon General", "Russian President Dmitry Medvedev"): what is said is said of the person;
- **compared**: the actor is what another is compared against ("more original programming than
  Netflix"): the praise is the other's, so a favourable verdict is not Netflix's.

All work on the tone model's tokens (:data:`.tone_features.word_tokens`, cached per sentence): a few
look-ups per target.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.analyze.framing.tone_features import target_tokens, word_tokens
from compare.analyze.framing.words import ORG_HEADS, TITLES, WEAK_TITLES

Token = tuple[str, int, int]

EVENT_NOUNS = frozenset(
    """
    war wars invasion invasions occupation conflict conflicts insurgency surge withdrawal
    """.split()
)
"""Nouns of events that a place names only the setting of, written right before it ("the Iraq
war") or linked to it by ``SETTING_LINKS`` ("the invasion of Iraq", "the war in Libya")."""
SETTING_LINKS = frozenset("of in on".split())
COMPANY_NOUNS = frozenset(
    """
    company companies corporation corporations firm firms retailer bank banks utility newspaper
    newspapers magazine broadcaster channel carrier airline manufacturer maker makers producer operator
    """.split()
)
"""Businesses a country's or a group's name may stand before: "an Israeli power company" is
another actor than Israel."""
DEMONYM_ENDINGS = ("i", "an", "ese", "ish", "ch")
"""How the adjective of a country or a party ends ("Israeli", "Russian", "Chinese", "British",
"French", "Republican"): "Newsweek magazine" is Newsweek itself."""
COMPANY_GAP = 2
"""Lower-case words that may stand between the name and the business ("power", "state oil")."""
VOICE_NOUNS = frozenset(
    """
    spokeswoman spokesman spokesperson spokespeople spokesmen lawyer lawyers attorney attorneys
    organizer organizers organiser organisers aide aides adviser advisers advisor advisors
    strategist strategists official officials representative representatives secretary
    """.split()
)
"""People who speak for an actor: "<actor> spokeswoman <Name>", "a <actor> aide said"."""
VOICE_BETWEEN = frozenset("campaign campaign's administration press party".split())
"""Words that may stand between the actor and the speaking role: "Obama campaign press secretary"."""
SAYING = frozenset(
    """
    said says told tells described describes added adds wrote writes argued argues insisted
    accused accuses called calls noted notes claimed claims stated states countered responded
    replied explained warned
    """.split()
)
"""Verbs of saying right after the speaking role ("a Ryan spokesman said")."""



def _possessive(toks: Sequence[Token], hi: int) -> bool:
    """"Obama's war", "the Democrats' war": the war is the actor's own, no setting."""
    return toks[hi][0].endswith(("'s", "’s")) or (hi + 1 < len(toks) and toks[hi + 1][0] in {"'", "’"})


def _setting(toks: Sequence[Token], lo: int, hi: int) -> bool:
    """"the Iraq war", "the invasion of Iraq", "the civil war in Libya"."""
    if _possessive(toks, hi):
        return False
    before = lo >= 2 and toks[lo - 1][0] in SETTING_LINKS and toks[lo - 2][0] in EVENT_NOUNS
    return before or (hi + 1 < len(toks) and toks[hi + 1][0] in EVENT_NOUNS)


def _company(text: str, toks: Sequence[Token], lo: int, hi: int) -> bool:
    """The target, an adjective, names the country or party of a business: "an Israeli power company"."""
    if lo != hi or not toks[hi][0].endswith(DEMONYM_ENDINGS):
        return False
    for k in range(hi + 1, min(len(toks), hi + 2 + COMPANY_GAP)):
        word = toks[k][0]
        if word in COMPANY_NOUNS:
            return True
        if not word.isalpha() or text[toks[k][1]].isupper():
            return False
    return False


def _voice(text: str, toks: Sequence[Token], hi: int) -> bool:
    """The target stands before a speaking role, the role before a name or a verb of saying."""
    if _possessive(toks, hi):
        return False
    k = hi + 1
    while k < len(toks) and toks[k][0] in VOICE_BETWEEN:
        k += 1
    if k >= len(toks) or toks[k][0] not in VOICE_NOUNS:
        return False
    after = k + 1
    if after >= len(toks):
        return False
    word = toks[after]
    named = text[word[1]].isupper() and word[0].isalpha()
    return named or word[0] in SAYING


OFFICE_TITLES = TITLES - WEAK_TITLES
"""Titles of an office that a country's or a body's name written before them says whose it is
("U.S. Secretary of State", "Russian President"); not ``WEAK_TITLES`` ("Security", "National")."""
OFFICE_GAP = 1
"""Capitalised words that may stand between the name and the title ("U.S. Surgeon General")."""
BODY_AFTER_TITLE = frozenset(w.lower() for w in (*ORG_HEADS, "Staff", "Chiefs"))
"""Words after a title (lower case, as the tokens are) that make it a body's name, no office: "U.S. Justice
Department", "Israel General Staff"."""


def _office(text: str, toks: Sequence[Token], hi: int) -> bool:
    """The target names the country or body of an office written right after it with capitals."""
    if _possessive(toks, hi):
        return False
    for k in range(hi + 1, min(len(toks), hi + 2 + OFFICE_GAP)):
        word = toks[k][0]
        if not word.isalpha() or not text[toks[k][1]].isupper():
            return False
        if word in OFFICE_TITLES:  # not a body named after the title: "U.S. Justice Department", "General Staff"
            return not (k + 1 < len(toks) and toks[k + 1][0] in BODY_AFTER_TITLE)
        if word.endswith(("s", "ed")):
            return False  # a headline's verb, not part of the office: "Trump Attacks Senator McCain"
    return False


def _compared(toks: Sequence[Token], lo: int) -> bool:
    """"than" right before the target, or before its article: "than Netflix", "than the Times"."""
    before = [toks[k][0] for k in range(max(0, lo - 2), lo)]
    return bool(before) and (before[-1] == "than" or before[-2:] in (["than", "the"], ["than", "a"]))


def bystander(text: str, start: int, end: int, tone: str) -> str | None:
    """Why the sentence's ``tone`` (the tone model's verdict) is no tone toward the target at
    characters ``start``..``end``: "setting", "voice", "company" or "office" (whatever the tone), or
    "compared" (a favourable verdict only: "than Netflix" is the other's praise, "a more
    dangerous man than Trump" a reproach); None where it is."""
    if tone == "neutral":
        return None
    toks = word_tokens(text)
    found = target_tokens(text, start, end)  # None where the sentence does not name the target there
    if found is None:
        return None
    lo, hi = found
    if _setting(toks, lo, hi):
        return "setting"
    if _voice(text, toks, hi):
        return "voice"
    if _company(text, toks, lo, hi):
        return "company"
    if _office(text, toks, hi):
        return "office"
    if tone == "favourable" and _compared(toks, lo):
        return "compared"
    return None


__all__ = ["BODY_AFTER_TITLE", "COMPANY_GAP", "COMPANY_NOUNS", "DEMONYM_ENDINGS", "EVENT_NOUNS", "OFFICE_GAP", "OFFICE_TITLES", "SAYING", "SETTING_LINKS", "VOICE_BETWEEN", "VOICE_NOUNS", "bystander"]
