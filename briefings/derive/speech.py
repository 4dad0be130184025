"""Speech verbs: the words that attribute a quotation to a speaker.

``SPEECH_VERB`` is a regex fragment (no groups) matching one reporting verb in
any tense news uses ("said", "says", "told", "pointed out", "has said"). The
list follows textacy's reporting verbs plus what news writing adds (told,
added, cautioned, tweeted, ...). ``FRAME_VERB`` adds verbs that introduce a
partial quote without being speech ("called it a “disaster”").
"""

from __future__ import annotations

import re
from typing import Final

_STEMS: Final = {
    # base: (past, present 3rd person, participle -ing)
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "add": ("added", "adds", "adding"),
    "ask": ("asked", "asks", "asking"),
    "write": ("wrote", "writes", "writing"),
    "explain": ("explained", "explains", "explaining"),
    "note": ("noted", "notes", "noting"),
    "state": ("stated", "states", "stating"),
    "argue": ("argued", "argues", "arguing"),
    "insist": ("insisted", "insists", "insisting"),
    "claim": ("claimed", "claims", "claiming"),
    "continue": ("continued", "continues", "continuing"),
    "declare": ("declared", "declares", "declaring"),
    "recall": ("recalled", "recalls", "recalling"),
    "warn": ("warned", "warns", "warning"),
    "emphasize": ("emphasized", "emphasizes", "emphasizing"),
    "emphasise": ("emphasised", "emphasises", "emphasising"),
    "stress": ("stressed", "stresses", "stressing"),
    "predict": ("predicted", "predicts", "predicting"),
    "suggest": ("suggested", "suggests", "suggesting"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "admit": ("admitted", "admits", "admitting"),
    "announce": ("announced", "announces", "announcing"),
    "remark": ("remarked", "remarks", "remarking"),
    "observe": ("observed", "observes", "observing"),
    "reply": ("replied", "replies", "replying"),
    "respond": ("responded", "responds", "responding"),
    "answer": ("answered", "answers", "answering"),
    "press": ("pressed", "presses", "pressing"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "post": ("posted", "posts", "posting"),
    "joke": ("joked", "jokes", "joking"),
    "quip": ("quipped", "quips", "quipping"),
    "concede": ("conceded", "concedes", "conceding"),
    "caution": ("cautioned", "cautions", "cautioning"),
    "complain": ("complained", "complains", "complaining"),
    "counter": ("countered", "counters", "countering"),
    "urge": ("urged", "urges", "urging"),
    "agree": ("agreed", "agrees", "agreeing"),
    "believe": ("believed", "believes", "believing"),
    "contend": ("contended", "contends", "contending"),
    "charge": ("charged", "charges", "charging"),
    "boast": ("boasted", "boasts", "boasting"),
    "muse": ("mused", "muses", "musing"),
    "shout": ("shouted", "shouts", "shouting"),
    "yell": ("yelled", "yells", "yelling"),
    "scream": ("screamed", "screams", "screaming"),
    "chant": ("chanted", "chants", "chanting"),
    "recount": ("recounted", "recounts", "recounting"),
    "report": ("reported", "reports", "reporting"),
    "testify": ("testified", "testifies", "testifying"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "deny": ("denied", "denies", "denying"),
    "maintain": ("maintained", "maintains", "maintaining"),
    "assert": ("asserted", "asserts", "asserting"),
    "propose": ("proposed", "proposes", "proposing"),
    "promise": ("promised", "promises", "promising"),
    "vow": ("vowed", "vows", "vowing"),
    "pledge": ("pledged", "pledges", "pledging"),
    "threaten": ("threatened", "threatens", "threatening"),
    "demand": ("demanded", "demands", "demanding"),
    "wonder": ("wondered", "wonders", "wondering"),
    "begin": ("began", "begins", "beginning"),
    "conclude": ("concluded", "concludes", "concluding"),
    "mention": ("mentioned", "mentions", "mentioning"),
    "reiterate": ("reiterated", "reiterates", "reiterating"),
    "speak": ("spoke", "speaks", "speaking"),
    "whisper": ("whispered", "whispers", "whispering"),
    "exclaim": ("exclaimed", "exclaims", "exclaiming"),
    "interject": ("interjected", "interjects", "interjecting"),
    "retort": ("retorted", "retorts", "retorting"),
    "snap": ("snapped", "snaps", "snapping"),
    "sigh": ("sighed", "sighs", "sighing"),
    "laugh": ("laughed", "laughs", "laughing"),
    "think": ("thought", "thinks", "thinking"),
    "fume": ("fumed", "fumes", "fuming"),
    "bark": ("barked", "barks", "barking"),
    "retaliate": ("retaliated", "retaliates", "retaliating"),
    "hit back": ("hit back", "hits back", "hitting back"),
    "fire back": ("fired back", "fires back", "firing back"),
    "shoot back": ("shot back", "shoots back", "shooting back"),
    "assure": ("assured", "assures", "assuring"),
    "lament": ("lamented", "laments", "lamenting"),
    "scoff": ("scoffed", "scoffs", "scoffing"),
    "bemoan": ("bemoaned", "bemoans", "bemoaning"),
    "mutter": ("muttered", "mutters", "muttering"),
    "grumble": ("grumbled", "grumbles", "grumbling"),
    "gush": ("gushed", "gushes", "gushing"),
    "concur": ("concurred", "concurs", "concurring"),
    "plead": ("pleaded", "pleads", "pleading"),
    "marvel": ("marvelled", "marvels", "marvelling"),
    "reflect": ("reflected", "reflects", "reflecting"),
    "elaborate": ("elaborated", "elaborates", "elaborating"),
    "clarify": ("clarified", "clarifies", "clarifying"),
    "opine": ("opined", "opines", "opining"),
    "write in": ("wrote in", "writes in", "writing in"),
    "point out": ("pointed out", "points out", "pointing out"),
    "go on": ("went on", "goes on", "going on"),
    "put it": ("put it", "puts it", "putting it"),
    # reporting verbs news from other outlets uses after a quote ("comments NAME")
    "comment": ("commented", "comments", "commenting"),
    "highlight": ("highlighted", "highlights", "highlighting"),
    "underline": ("underlined", "underlines", "underlining"),
    "underscore": ("underscored", "underscores", "underscoring"),
    "affirm": ("affirmed", "affirms", "affirming"),
    "reveal": ("revealed", "reveals", "revealing"),
    "disclose": ("disclosed", "discloses", "disclosing"),
    "indicate": ("indicated", "indicates", "indicating"),
    "advise": ("advised", "advises", "advising"),
    "remind": ("reminded", "reminds", "reminding"),
    "allege": ("alleged", "alleges", "alleging"),
    "reckon": ("reckoned", "reckons", "reckoning"),
    "protest": ("protested", "protests", "protesting"),
    "share": ("shared", "shares", "sharing"),
    "chime in": ("chimed in", "chimes in", "chiming in"),
    "weigh in": ("weighed in", "weighs in", "weighing in"),
}

# Verbs that frame a partial quote without being speech verbs.
_FRAMES: Final = [
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "condemned",
    "praised",
    "dismissed",
    "criticized",
    "criticised",
    "slammed",
    "blasted",
    "accused",
    "referred to",
    "thanked",
    "labeling",
    "labelling",
    "calling",
    "describing",
    "branding",
    "promised",
    "hailed",
]


def _alternation(words: list[str]) -> str:
    """One regex alternation for ``words``, factored as a trie so that the
    engine tries a handful of branches per position instead of every word."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


_FORMS = [form for stem, forms in _STEMS.items() for form in (stem, *forms)]
# base forms that are more often nouns ("the ministry's claim"): only inflected forms count
_NOUN_LIKE: Final = {
    "state", "post", "report", "counter", "note", "think", "claim", "remark", "joke", "quip",
    "charge", "boast", "muse", "shout", "yell", "scream", "chant", "recount", "vow", "pledge",
    "promise", "demand", "begin", "whisper", "retort", "snap", "sigh", "laugh", "stress",
    "continue", "reply", "respond", "answer", "press", "tweet", "caution", "interject", "go on",
    "fume", "bark", "shoot back",
    "lament", "scoff", "mutter", "grumble", "gush", "plead", "marvel", "reflect", "hit back",
    "fire back", "comment", "highlight", "protest", "share",
}  # fmt: skip
#: inflected forms as often nouns or non-speech verbs ("his comments", "shared a
#: video", "match highlights"): a reporting verb only right after a quote, where
#: nothing else can stand ('"Q," comments Jo Ames' / '"Q," Ames shared.')
_AFTER_QUOTE_ONLY: Final = {
    "comments", "highlights", "protests", "protested", "shares", "shared", "sharing",
    "reveal", "revealed", "reveals", "revealing", "indicate", "indicated", "indicates",
    "indicating", "disclose", "disclosed", "discloses", "disclosing", "alleged", "alleging",
    "reckoning", "advising", "reminding",
}  # fmt: skip
_AFTER_FORMS = [f for f in _FORMS if f not in _NOUN_LIKE]
_FORMS = [f for f in _AFTER_FORMS if f not in _AFTER_QUOTE_ONLY]

#: One speech verb, e.g. ``said``, ``told``, ``pointed out`` (no capture groups).
SPEECH_VERB: Final = rf"(?:{_alternation(_FORMS)})"
#: A speech verb as it may follow a quote: also the forms that elsewhere are
#: nouns ('"Q," comments Jo Ames', '"Q," Ames shared').
AFTER_QUOTE_VERB: Final = rf"(?:{_alternation(_AFTER_FORMS)})"
# verbs of reported opinion: the subject is doing the talking ("X further accused
# the chiefs of ..."), so a cue-less quote paragraph right after continues them
_OPINION: Final = [
    "accused", "accuses", "criticised", "criticized", "criticises", "criticizes", "blamed",
    "blames", "questioned", "questions", "dismissed", "dismisses", "rejected", "rejects",
    "condemned", "condemns", "slammed", "slams", "disputed", "disputes", "defended",
    "defends", "welcomed", "welcomes", "praised", "praises", "described", "describes",
    "attacked", "attacks", "recounted", "expressed", "expresses", "voiced", "voices",
]  # fmt: skip
#: A speech verb, or a verb of reported opinion ("accused", "criticised", "indicated").
REPORTED_VERB: Final = rf"(?:{_alternation(_AFTER_FORMS + _OPINION)})"
#: A speech verb or a verb that frames a partial quote.
FRAME_VERB: Final = rf"(?:{_alternation(_FORMS + _FRAMES)})"

#: Words that may stand between a subject and its speech verb: "Tsai also said",
#: "Baidu has said", "he later told".
AUXILIARY: Final = (
    r"(?:(?:has|have|had|would|will|also|later|then|once|previously|recently|again|"
    r"further|strongly|repeatedly|publicly|privately|just|had\s+earlier|earlier|"
    r"first|quickly|simply|flatly|bluntly|often|frequently|still|even|never|"
    r"reportedly|[a-z]+ly)\s+){0,3}"
)

SPEECH_VERB_RE: Final = re.compile(rf"\b{SPEECH_VERB}\b", re.IGNORECASE)

#: Verbs of a sentence that introduces a speaker whose quote follows it
#: ("He also talked about China. "Q"").
INTRO_VERB: Final = (
    r"(?:spoke|talked|discussed|addressed|reflected|touched|weighed|elaborated|"
    r"turned|went\s+on|offered|described|detailed|outlined|reiterated|expanded)"
)
