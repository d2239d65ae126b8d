"""The English the edits rely on: word lists and patterns of grammar and lexicon, not
examples from the dev articles, kept in one place so they can be tuned."""

from __future__ import annotations

import re

NOT_PASSIVE = frozenset(
    "have lack resemble cost weigh mean become get suit fit equal include comprise live".split()
)
# Predicates whose subject and object can change places without changing the event.
SYMMETRIC = frozenset("meet face play marry date resemble equal match fight battle tie".split())
PLAN_VERBS = frozenset(
    "plan intend hope want aim seek expect propose promise threaten try attempt prepare".split()
)
MODALS = ("may", "could", "might")
NOMINATIVE = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}
ACCUSATIVE = {v.lower(): k for k, v in NOMINATIVE.items()}
PERSONAL = frozenset("he she they we i him her them us me".split())
# Adjectives and adverbs whose removal changes what is claimed, not only how much.
KEEP_ADJ = frozenset(
    """former ex alleged suspected supposed so-called fake false mock would-be potential
    possible probable likely apparent presumed reported proposed planned future past
    previous late other another same such own only sole single main first last next many
    few several more most less least much little no total whole entire all both each every
    various different certain particular half full partial real true actual nominal virtual
    near mere additional further new old original current recent early top numerous
    front back side second third ancient modern medieval contemporary""".split()
)
KEEP_ADJ_PREFIXES = ("un", "non", "anti", "ex-", "pseudo", "quasi", "semi", "in", "im", "dis")
# Classifying adjectives ("legislative election", "alternative medicine") name a kind of
# thing, not a quality of it.
CLASSIFYING = re.compile(r"(al|ic|ary|ory|ive|an|ian|ese|ish|ern|ar)$")
KEEP_ADV = frozenset(
    """reportedly allegedly apparently possibly probably likely nearly almost only hardly
    barely scarcely partly partially largely mostly supposedly purportedly seemingly
    presumably initially eventually finally recently previously currently formerly
    originally early lately newly temporarily permanently never not no longer
    first""".split()
)
DROP_ADV = frozenset("also however meanwhile moreover furthermore additionally".split())
# Clauses a claim cannot do without: a condition, or what a comparison is made with.
CONDITIONS = frozenset("if unless provided whether than".split())
MOVE_PREPS = frozenset("during after before since until following amid despite".split())
TIME_MARKS = frozenset("after before when while since until once".split())
PLACE_PREPS = frozenset("in at on near outside inside across throughout within".split())
LOCATIVE = PLACE_PREPS | frozenset(
    "from to into toward towards around through off along across between".split()
)
# People and groups of them, besides titles, organisations and agent nouns ("-ist").
HUMAN = frozenset(
    """people person police official parent child family woman man girl boy member troop
    soldier pilgrim migrant expert student teacher citizen resident voter candidate
    politician team player crowd public staff worker victim fan user government
    scientist researcher reporter worshipper""".split()
)
CORE_DEPS = frozenset(
    """nsubj nsubjpass csubj csubjpass aux auxpass neg dobj dative iobj attr acomp oprd prt
    xcomp ccomp agent expl""".split()
)
TIME_LABELS = frozenset(["DATE", "TIME"])
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
NUMBER_LABELS = frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"])
EVENT_LABELS = TIME_LABELS | PLACE_LABELS | NUMBER_LABELS
NAME_LABELS = frozenset(["PERSON", "ORG", "GPE", "NORP"])
KEEP_CASE = NAME_LABELS | frozenset(
    ["LOC", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"]
)
CLOSED = frozenset(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM"])
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100, "dozen": 12}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Countries and larger areas: no other place of an article lies outside of one, any other
# place may lie in one, so a place is only exchanged for one of the same rank.
COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burundi cambodia cameroon canada chad
    chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
    dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon
    gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
    hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
    kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
    libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
    mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
    russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
    sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
    tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe europe asia africa america antarctica oceania""".split()
) | frozenset(
    """united states|us|u s|usa|u s a|united kingdom|uk|u k|britain|great britain|england|
    scotland|wales|northern ireland|new zealand|south africa|south korea|north korea|korea|
    saudi arabia|united arab emirates|uae|sri lanka|costa rica|el salvador|sierra leone|
    south sudan|east timor|czech republic|dominican republic|ivory coast|hong kong|
    vatican city|san marino|papua new guinea|north macedonia|burkina faso|cape verde|
    central african republic|equatorial guinea|north america|south america|latin america|
    middle east|european union|soviet union""".replace("\n", "")
    .replace("  ", "")
    .split("|")
)
PLACE_SUFFIXES = frozenset("region regions oblast province district county city area".split())
DATELINE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? [A-Z][a-z]+ \d{1,2}, \d{4}"
)
PLACE_DATELINE = re.compile(r"[A-Z][\w.]*(?:,? [A-Z][\w.]*)* [-—–] ")
# A capitalised function word inside a sentence: a caption run into the text ("... vote
# in any constituency In the New Territories ...").
RUN_IN = re.compile(r"[a-z,] (?:In|On|At|For|From|During|After) ")
FIRST_PERSON = frozenset("i me my we us our".split())
BARE_TIMES = frozenset(["rel", "vague", "ago"])  # "last week", "yesterday": no preposition
TIME_PREP = {
    **dict.fromkeys(("wday", "mdy", "dmy", "iso"), "on"),
    "clock": "at",
    **dict.fromkeys(("my", "mon", "year", "decade"), "in"),
}
