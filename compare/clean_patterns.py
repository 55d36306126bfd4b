"""Patterns of the clean stage (:mod:`compare.clean`) shared by its rules: the cues of a
donation or subscription appeal, and the alternation helper its pattern tables are written with."""

from __future__ import annotations

import re

__all__ = ["ADDRESS", "NEWS_LIKE", "QUOTED", "STRONG_APPEAL", "WEAK_APPEAL", "alternatives"]


def alternatives(*patterns: str) -> str:
    """One regular expression that matches any of ``patterns``."""
    return "(?:" + "|".join(patterns) + ")"


# --- appeal cues ----------------------------------------------------------------
# Matched on the paragraph with quoted speech blanked out.  A strong cue alone
# marks an appeal; weak cues count 1 each and need company (score >= 2) in a
# short paragraph that is not news-like.
STRONG_APPEAL = re.compile(
    alternatives(
        r"small favou?r to ask",
        r"(?:have )?disabled (?:all )?(?:ads|advertising)",
        r"journalism is (?:banned|blocked|censored)",
        r"please (?:consider )?(?:support|donat|subscrib|contribut)\w*",
        r"support us (?:monthly|today|now|with|from)",
        r"remind me later",
        r"not ready to (?:support|donate|subscribe|give|contribute)",
        r"become a (?:member|supporter|subscriber|patron)",
        r"(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ ){0,2}newsletters?",
        r"(?:donate|subscribe|contribute|give) (?:now|today)",
        r"make a (?:one-time |monthly |recurring |tax-deductible )?(?:donation|contribution)",
        r"enjoying ad-free|ad-free (?:content|experience|reading)",
        r"whitelist us|(?:turn off|disable|pause) (?:your )?ad ?-?blocker",
        r"already a (?:subscriber|member)\?|cancel anytime|unlimited (?:digital )?access",
        r"starting (?:from|at) (?:just|only) \$",
    ),
    re.IGNORECASE,
)
WEAK_APPEAL = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\byour (?:support|contribution|donation|generosity)\b",
        r"\bwe need your (?:help|support)\b",
        r"\bsupport (?:us|our (?:work|journalism|newsroom|reporting|mission))\b",
        r"\b(?:independent|our) journalism\b",
        r"\bour (?:critical |vital |important )?mission\b",
        r"\bdonat(?:e|es|ed|ing|ions?)\b",
        r"\bsubscri(?:be|bers?|ptions?)\b",
        r"\breader[- ](?:funded|supported)\b",
        r"\bad[- ]free\b",
        r"\bpaywall\b",
    )
)
# Weak cues count only in a paragraph that addresses the reader or speaks for "us".
ADDRESS = re.compile(r"\b(?:you|your|we|us|our)\b", re.IGNORECASE)
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")
NEWS_LIKE = re.compile(
    r"\b(?:said|says|told|according to|announced|added|stated|reported|declared|insisted|warned|urged)\b",
    re.IGNORECASE,
)
