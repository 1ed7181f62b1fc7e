"""Word lists for the sentence splitter: titles, abbreviations, sentence starters, stop words.

Kept apart from the boundary rules in ``sentences`` so the lists can grow without the rules
getting lost among them. Every list is a frozenset of exact tokens as they appear before the
full stop ("e.g", "Dr", "u.a"); case variants are spelled out or added by ``with_capitals``.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "MAY_END",
    "MONTHS",
    "PREPOSITIONS",
    "STARTERS_DE",
    "STARTERS_EN",
    "STOPWORDS_DE",
    "STOPWORDS_EN",
    "TIMES_OF_DAY",
    "TITLES",
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
