"""The one lexicon of the engine: word lists per language, and a real stemmer.

Two kinds of list live here. The sentence splitter's lists (titles, abbreviations, sentence
starters and the few very common words that tell English from German) are exact tokens as they
appear before a full stop ("e.g", "Dr", "u.a"); case variants are spelled out or added by
``with_capitals``. The aligner's function words are the longer lists of words that carry
grammar rather than content; they are lower-cased and skipped when sentences are compared.
The two stop-word sets are kept apart because they answer different questions (which language
is this, what does this sentence say), and the figures of each were measured with its own list.

Stems come from the Snowball stemmers (``snowballstemmer``, pure Python, every Snowball
language); the word lists are written for this project.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

__all__ = [
    "ABBREVIATIONS",
    "ENGLISH_FUNCTION_WORDS",
    "GERMAN_FUNCTION_WORDS",
    "MAY_END",
    "MONTHS",
    "PREPOSITIONS",
    "STARTERS_DE",
    "STARTERS_EN",
    "STOPWORDS_DE",
    "STOPWORDS_EN",
    "TIMES_OF_DAY",
    "TITLES",
    "function_words",
    "stemmer_for",
    "with_capitals",
]


def with_capitals(words: str) -> frozenset[str]:
    """Words as written plus their sentence-initial capitalised form."""
    items = words.split()
    return frozenset(items + [word[:1].upper() + word[1:] for word in items])


# Titles come before a name: never the end of a sentence.
TITLES = frozenset("Mr Mrs Ms Messrs Dr Prof Hr Hrn Mme Mlle Rev Hon".split())

# Abbreviations that often end a sentence: a boundary when a capital follows.
MAY_END = frozenset("etc usw usf a.m p.m A.M P.M u.ä o.ä vorm nachm Vorm Nachm".split())
# "At 5 a.m. Mr. Smith left": a time of day after a short opening phrase does not end it.
TIMES_OF_DAY = frozenset("a.m p.m".split())
PREPOSITIONS = frozenset("At By Until Till Before After From Since Around About Near".split())

# Other abbreviations: mid-sentence unless a typical sentence starter follows.
ABBREVIATIONS = frozenset(
    # English
    "vs Inc Corp Ltd Co Bros Jr Sr St Ste Mt Ft Ave Blvd Rd Gen Gov Sen Rep Lt Col Capt Sgt "
    "Cmdr Adm Maj Pres Supt Dept Univ Assn No Nos Fig Figs Vol Vols Ch Sec Art Arts Eq Eqs "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri "
    "Sat Sun Ph.D Esq Atty Mgr "
    # the numero sign: "N°. 12"
    "N° Nº n° nº "
    # German
    "Nr Str Fr Abs Bd Jh Jhd Mio Mrd Tsd Dipl Ing Std Min Sek Kap Abb Tab Hrsg "
    "Aufl Tel Fa Okt Dez Mrz Gebr Abt Anm Bhf Pkw Lkw Kfz Inh Verf Verl Prov Präs Red Slg "
    "Chr Hptst Ges Jg Jgg Mwst MwSt".split()
) | with_capitals(
    # English
    "e.g i.e cf approx est ca al ed eds pp ff viz "
    # German; academic degrees ("Dr. med."), denominations ("kath."), adjectives ("dt.")
    "bzw evtl ggf vgl inkl exkl bspw sog zzgl allg ehem geb gest gegr z.B d.h z.T v.a i.d.R "
    "u.U s.o s.u m.E u.a u.a.m o.a s.a i.A i.V z.Zt z.Z d.J n.Chr v.Chr "
    "med jur phil rer nat dent vet habil oec pol theol "
    "kath ev evang röm luth ref orth "
    "dt engl franz frz ital span russ griech lat österr schweiz amer europ "
    "bzgl ggü gem jew kgl mtl mind möbl tägl stellv verh wg zw südl nördl östl westl "
    "entspr eigtl ausschl einschl insb hl"
)

MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Januar Jänner Februar März Mai Juni Juli Oktober Dezember Okt Dez".split()
)

# Capitalised words that usually open a sentence; after an abbreviation they mark a boundary.
STARTERS_EN = frozenset(
    "The A An This That These Those It Its He She They We I You His Her Their Our My There "
    "Here But And Or So Yet In On At As If When While After Before Since Although Though "
    "However Meanwhile Still Then Now Today Yesterday Some Many Most All No One Both Each "
    "Every What Who Why How Where Which For With From By To Under Over During Despite Instead "
    "Also Later Earlier Last Next Such Other Another Once Even Only "
    # Questions open with an auxiliary: "you and I. Did you see him?"
    "Did Do Does Is Are Was Were Can Could Would Should Shall Have Has Had Not Never".split()
)
STARTERS_DE = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ich Ihr Man Dies Diese "
    "Dieser Dieses Diesen Aber Und Oder Doch Denn Auch Im In Am An Auf Bei Mit Nach Seit Wenn "
    "Als Da Dann So Nun Jetzt Heute Gestern Zudem Außerdem Deshalb Daher Trotzdem Zum Zur Vom "
    "Von Für Um Wie Was Wer Wo Warum Sein Seine Ihre Unser Unsere Viele Alle Hier Dort Darum "
    "Damit Dabei Danach Später Jeder Jede Jedes Kein Keine Nicht Noch Schon Bis Durch Gegen "
    "Ohne Über Unter Vor Während Weil Obwohl Dass".split()
)

STOPWORDS_EN = frozenset(
    "the and of to is that it for on are with as be this by at from have has not or but they "
    "he she which were would their been there said".split()
)
STOPWORDS_DE = frozenset(
    "der die das und ist nicht ein eine zu den mit sich des auf für im dem von auch es sie er "
    "wir wird werden bei aus nach oder aber wie dass noch sind hat einen einem".split()
)


# --- the aligner's function words and stemmers -------------------------------------

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
