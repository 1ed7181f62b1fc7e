"""Words per language: the function words that carry grammar, and a real stemmer.

Stems come from the Snowball stemmers (``snowballstemmer``, pure Python, every Snowball
language); the short function-word lists are written for this project.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here it its
    is are was were be been being am do does did done have has having had will would shall
    should can could may might must of in on at by for with from to into onto upon about
    over under after before between through during without within as he she they we you i
    me him her them us my your his our their who whom whose which what when where why how
    all any both each few more most other some such only own same very too also just said
    says say s t ll ve d re m
    """.split()
)

GERMAN_FUNCTION_WORDS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber doch sondern
    denn weil dass daß ob wenn als wie so auch noch nur schon sehr ist sind war waren
    wird werden wurde wurden worden sein seine seiner seinem seinen bin bist hat haben
    hatte hatten habe kann können konnte konnten muss müssen musste soll sollen sollte
    will wollen wollte darf dürfen mag ich du er sie es wir ihr man mich dich sich uns
    euch ihm ihn ihnen mein meine dein deine unser unsere euer eure ihre ihrem ihren ihrer
    im in am an auf aus bei mit nach von vor zu zum zur über unter um durch für gegen ohne
    bis seit zwischen hinter neben da dann dort hier was wer wo wann warum welche welcher
    welches dies diese dieser dieses diesem diesen jener alle alles viel viele mehr etwa
    ja mal
    """.split()
)

# Snowball's name for each language code the sentence splitter detects.
_SNOWBALL_NAMES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch"}


@lru_cache(maxsize=8)
def stemmer_for(language: str | None) -> snowballstemmer.stemmer:
    """The Snowball stemmer of ``language`` (English when unknown)."""
    return snowballstemmer.stemmer(_SNOWBALL_NAMES.get(language or "en", "english"))


def function_words(language: str | None) -> frozenset[str]:
    """Function words of ``language``; English and German ones together when it is unknown."""
    if language == "en":
        return ENGLISH_FUNCTION_WORDS
    if language == "de":
        return GERMAN_FUNCTION_WORDS
    return ENGLISH_FUNCTION_WORDS | GERMAN_FUNCTION_WORDS
