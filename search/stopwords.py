"""English function words and reporting verbs that say nothing about what an article is about.

Used to pick an article's distinctive terms and phrases for related-article
scoring (the index itself keeps every word, so phrase search stays exact).
A small library has too few documents for idf to tell these apart.
"""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS

_WORDS = """
a about above according across after afterwards again against ago all almost alone along already also
although always am among amongst an and another any anyone anything anyway anywhere are around as at
back be became because become becomes been before beforehand behind being below beside besides between
beyond both but by can cannot could did do does doing done down during each either else elsewhere
enough etc even ever every everyone everything everywhere except few first for former formerly from
further get gets getting given go goes going got had has hasn't have haven't having he he's her here
hers herself him himself his how however i i'm if in indeed instead into is isn't it it's its itself
just last later latter least less let like likely made make makes many may me meanwhile might mine
more moreover most mostly much must my myself namely near nearly neither never nevertheless new next
no nobody none nor not nothing now of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps put rather re really said same say saying says see seem seemed
seems several she she's should since so some somehow someone something sometime sometimes somewhere
still such take than that that's the their theirs them themselves then there there's thereafter
thereby therefore these they they're this those though through throughout thus to together told too
toward towards two under until up upon us use used very via was wasn't way we we're well were what
whatever when whenever where whereas whether which while who whoever whole whom whose why will with
within without won't would wouldn't year years yet you you're your yours yourself yourselves
also according added adding asked told tell tells week weeks month months day days time times
mr mrs ms dr three four five six seven eight nine ten
"""

STOP = frozenset(_WORDS.split()) | frozenset(STOP_WORDS)


def is_stop(word: str) -> bool:
    """True for a lowercased word that carries no topic (apostrophe forms folded)."""
    return word.replace("’", "'") in STOP
