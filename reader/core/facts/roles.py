"""Roles and titles in lower case: "the finance minister", "a real-estate developer".

A rewrite that turns "the finance minister" into "a minister" or "a former guitarist" into "the
guitarist" changes who is claimed to have acted, though no capital letter changed. A role is
found after a determiner, with up to two words before its noun; the determiner itself is not
part of what must stay equal ("the minister" and "a minister" hold one role).
"""

from __future__ import annotations

import re

from reader.core.facts.mention import Mention, lowered
from reader.core.model import FactKind

ROLE_NOUNS = frozenset(
    "minister president premier chancellor secretary spokesman spokeswoman spokesperson official officials"
    " executive director chairman chairwoman chair founder co-founder owner leader governor mayor senator"
    " ambassador envoy diplomat general commander officer prosecutor judge lawyer attorney analyst adviser"
    " advisor aide king queen prince princess emperor developer manager coach captain guitarist drummer"
    " bassist singer frontman vocalist producer actor actress author journalist editor chief head"
    " inspector detective sergeant constable bishop archbishop pope monarch dictator player goaltender goalkeeper"
    " starter prosecutors source sources witness witnesses".split()
)
# Words that may stand between the determiner and the noun and still belong to the role.
_NOT_MODIFIERS = frozenset(
    "and or of to in on at by with as is was were be been said says who that which for from has had have".split()
)
_STOPS = _NOT_MODIFIERS | frozenset("the a an its his her their our".split())
_DETERMINERS = r"the|a|an|its|his|her|their|our|the\s+country['’]s|the\s+state['’]s"
_NOUNS = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
# A modifier may be a possessive: "the Black Hawks' starter", "the company's spokesman".
ROLE_RE = re.compile(rf"\b(?:{_DETERMINERS})\s+(?P<role>(?:[a-z][a-z-]*(?:['’]s?)?\s+){{0,5}}?(?:{_NOUNS}))s?\b")


# A people's or a country's people in a role, with no determiner: "French prosecutors".
_PLURALS = "prosecutors|officials|investigators|scientists|researchers|experts|analysts|doctors|lawyers|police|sources"
_NATIONAL_ROLE_RE = re.compile(rf"(?<![\w-])(?P<role>[A-Z][a-z]+(?:ish|ese|ian|ean|ican|ch)\s+(?:{_PLURALS}))\b")


# How far a claim reaches, told without a place name ("rose to international fame", "a
# nationwide campaign"): a rewrite that drops or adds one widens or narrows the claim.
REACH_WORDS = frozenset(
    "international internationally nationwide worldwide global globally national nationally regional local"
    " locally overseas abroad".split()
)
_REACH_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(REACH_WORDS, key=len, reverse=True)) + r")(?![\w-])")


def find_reach(text: str, start: int, end: int) -> list[Mention]:
    """Words of reach in ``text[start:end]``; each is its own key and core."""
    lower = lowered(text, start, end)
    return [
        Mention(
            FactKind.NAME,
            start + m.start(),
            start + m.end(),
            text[start + m.start() : start + m.end()],
            m.group(),
            "reach",
            m.group(),
        )
        for m in _REACH_RE.finditer(lower)
    ]


def find_roles(text: str, start: int, end: int) -> list[Mention]:
    """Lower-case roles in ``text[start:end]``; the key is the role's words, the core its noun."""
    found: list[Mention] = []
    for match in _NATIONAL_ROLE_RE.finditer(text, start, end):
        words = match.group("role").lower().split()
        found.append(
            Mention(FactKind.NAME, match.start(), match.end(), match.group(), " ".join(words), "role", words[-1], "")
        )
    lower = lowered(text, start, end)
    for match in ROLE_RE.finditer(lower):
        words = match.group("role").split()
        # The role starts after the last word that cannot be part of it ("the plan signed by a
        # minister" holds the role "minister").
        cut = max((k for k, word in enumerate(words[:-1]) if word in _STOPS), default=-1)
        words = words[cut + 1 :]
        phrase = " ".join(words)
        high = start + match.end()
        low = start + match.start("role") + match.group("role").find(words[0])
        noun = words[-1]
        found.append(Mention(FactKind.NAME, low, high, text[low:high], phrase, "role", noun))
    return found


def is_role(mention: Mention) -> bool:
    return mention.group == "role"


def names_a_people(mention: Mention) -> bool:
    """A role that says whose it is ("French prosecutors", "the club's coach"): worth listing alone."""
    words = mention.key.split()
    if len(words) > 1 and any(word.endswith(("'", "'s", "’", "’s")) for word in words[:-1]):
        return True  # whose role it is: "the Black Hawks' starter"
    return len(words) > 1 and bool(re.fullmatch(r"[a-z]+(?:ish|ese|ian|ean|ican|ch)", words[0]))
