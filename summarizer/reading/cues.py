"""What the words around one mention of a name say it is: the parse's cues a reader
uses ("near X", "the X region", "X's governor" make a place; "President X" a person; "a
member of X" an organisation). `entitytypes` weighs them with the other evidence."""

from __future__ import annotations

from summarizer.reading.analysis import Analysis, Entity
from summarizer.reading.names import TITLES
from summarizer.reading.timeexpr import clock_at_end

# Prepositions of place: "in Sumy", "near Demidovka". "in" and "within" also take
# organisations ("in Congress"), so they outvote only a label that is not ORG.
_LOCATIVE = frozenset("near into across inside outside around throughout".split())
_LOCATIVE_WEAK = frozenset(["in", "within"])
# Prepositions that take places among much else ("from Irving", "to Tasmania"): enough to
# back the tagger's place label, not to overrule another.
PLACE_HINT = frozenset(["from", "to", "via", "toward", "towards"])
PLACE_NOUNS = frozenset(
    """region village city town province oblast county district border area country capital
    territory port island suburb municipality hometown""".split()
)
# Nouns a place has and a person does not: "Russia's governor", "Kyiv's residents".
_OWNED_BY_PLACES = frozenset("governor mayor residents outskirts population capital".split())


def place_cue(a: Analysis, e: Entity, root: int) -> tuple[bool, bool]:
    """Whether the words around entity `e` use it as a place: (strongly, weakly)."""
    while a.deps[root] == "conj" and a.heads[root] != root:  # "in Sumy and Kharkiv"
        root = a.heads[root]
    head = a.heads[root]
    if e.last < len(a) and a.lemmas[e.last] in PLACE_NOUNS:  # "the Kursk region"
        return True, False
    if a.deps[root] in ("compound", "nmod") and a.lemmas[head] in PLACE_NOUNS:
        return True, False
    if a.deps[root] == "appos" and a.lemmas[head] in PLACE_NOUNS:  # "his hometown, X"
        return True, False
    if a.deps[root] == "poss" and a.lemmas[head] in _OWNED_BY_PLACES:
        return True, False
    if a.deps[root] == "pobj":
        prep = a.lemmas[head]
        if prep in _LOCATIVE:
            return True, False
        if prep in ("like", "as", "of") and a.lemmas[a.heads[head]] in PLACE_NOUNS:
            return True, False  # "villages like Prilesye", "the city of Sumy"
        if prep == "of" and a.lemmas[a.heads[head]] in _OWNED_BY_PLACES:
            return True, False  # "the mayor of Lyon", as "Lyon's mayor"
        return False, prep in _LOCATIVE_WEAK
    return False, False


def member_of(a: Analysis, root: int) -> bool:
    """Whether the name at `root` is what someone is a member or an officer of ("a member
    of Scientology all his life", "Chairman of the Australian Centre for …"): an
    organisation, whatever the tagger says (it said a place, a building). A place on the
    map stays one ("the mayor of Lyon")."""
    head = a.heads[root]
    if a.deps[root] != "pobj" or a.lemmas[head] != "of":
        return False
    owner = a.heads[head]
    if a.lemmas[owner] == "member" or a.lemmas[owner] in TITLES:
        return True
    # a person's name ("Cheng Chung-tai of Civic Passion"), unless the tagger says a place:
    # "Maria Hale of Ballykissangel" is where she comes from
    return _tagged(a, owner) == "PERSON" and _tagged(a, root) not in ("GPE", "LOC")


def _tagged(a: Analysis, t: int) -> str | None:
    """The tagger's label of the entity token `t` is in, if any."""
    return a.entities[a.ent_of[t]].label if a.ent_of[t] >= 0 else None


def person_cue(a: Analysis, e: Entity) -> bool:
    """Whether a personal title just before entity `e` makes it a person ("President
    Zelensky"). A speech verb does not: countries and companies "said" too."""
    before = e.first - 1
    return (
        before >= 0
        and a.lemmas[before] in TITLES
        and a.word(before)[:1].isupper()
        and a.deps[before] == "compound"
    )


def article_cue(a: Analysis, e: Entity, root: int) -> bool:
    """Whether entity `e` is written "the X", X the head of its noun phrase ("during the
    Hajj", "to the Bat Cave"): a person's name takes no article. Not when X qualifies a
    later noun ("the Tom Cruise video"), whose article that is."""
    if a.deps[root] in ("compound", "amod", "nmod", "poss"):
        return False
    the = e.first if a.lemmas[e.first] == "the" else e.first - 1
    return the >= 0 and a.lemmas[the] == "the" and a.heads[the] == root


def zone_cue(a: Analysis, e: Entity) -> str | None:
    """The time of day an initialism follows, if it does ("15:11 GMT", "9 p.m. EST"): the
    initialism is that time's zone, not an organisation."""
    if e.last - e.first != 1 or not a.word(e.first).isupper():
        return None
    return clock_at_end(a.text[max(0, e.start - 16) : e.start])


def abbreviation_after(a: Analysis, first: int, last: int) -> str | None:
    """The word in parentheses right after the name at tokens [first, last), when it is
    in capitals with the name's first letter: "KSC" after "the Kennedy Space Center",
    "M5S" after "Movimento 5 Stelle". The article names the same entity so from then on;
    not a source after a dateline ("PARIS (AFP)")."""
    if last + 2 >= len(a) or a.word(last) != "(" or a.word(last + 2) != ")":
        return None
    short = a.word(last + 1)
    initial = next((w[:1] for t in range(first, last) if (w := a.word(t))[:1].isupper()), "")
    return short if short.isupper() and short[:1] == initial else None
