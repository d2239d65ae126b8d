"""Verb forms the edits write (past, participle, third person, "be"): a claim must read as
English, so a form is taken from a list of irregular verbs or the article's own words, or
made by spelling rules only where they are certain."""

from __future__ import annotations

import re

from summarizer.reading import Analysis

# Irregular verbs as "lemma past participle"; a prefixed verb ("rebuild", "withdraw")
# inflects as its base.
_IRREGULAR = {
    lemma: (past, participle)
    for lemma, past, participle in (
        line.split()
        for line in """be was been; have had had; do did done; go went gone; take took taken;
        give gave given; make made made; say said said; tell told told; see saw seen;
        come came come; get got got; know knew known; think thought thought; find found found;
        leave left left; hold held held; bring brought brought; begin began begun;
        keep kept kept; build built built; buy bought bought; catch caught caught;
        choose chose chosen; draw drew drawn; drive drove driven; eat ate eaten;
        fall fell fallen; feel felt felt; fight fought fought; fly flew flown;
        forget forgot forgotten; freeze froze frozen; grow grew grown; hear heard heard;
        hide hid hidden; hit hit hit; hurt hurt hurt; lead led led; lose lost lost;
        meet met met; pay paid paid; put put put; read read read; ride rode ridden;
        ring rang rung; rise rose risen; run ran run; sell sold sold; send sent sent;
        set set set; shake shook shaken; shoot shot shot; show showed shown; sing sang sung;
        sink sank sunk; sit sat sat; sleep slept slept; speak spoke spoken;
        spend spent spent; stand stood stood; steal stole stolen; strike struck struck;
        swim swam swum; teach taught taught; tear tore torn; throw threw thrown;
        understand understood understood; wake woke woken; wear wore worn; win won won;
        write wrote written; break broke broken; bear bore borne; beat beat beaten;
        become became become; bend bent bent; bind bound bound; bite bit bitten;
        blow blew blown; cost cost cost; cut cut cut; deal dealt dealt; dig dug dug;
        feed fed fed; flee fled fled; forbid forbade forbidden; forgive forgave forgiven;
        hang hung hung; lay laid laid; lend lent lent; let let let; light lit lit;
        mean meant meant; quit quit quit; seek sought sought; shut shut shut;
        slide slid slid; spread spread spread; stick stuck stuck; swear swore sworn;
        sweep swept swept; swing swung swung; arise arose arisen; shed shed shed;
        split split split; broadcast broadcast broadcast; wind wound wound; bet bet bet;
        burst burst burst; cast cast cast; forecast forecast forecast; slay slew slain;
        spin spun spun; stride strode stridden; strive strove striven; weave wove woven;
        weep wept wept; withstand withstood withstood; undergo underwent undergone;
        overcome overcame overcome; oversee oversaw overseen; undertake undertook undertaken;
        uphold upheld upheld; withdraw withdrew withdrawn; mislead misled misled""".split(";")
    )
}
_PREFIXES = ("re", "over", "under", "out", "mis", "up", "fore", "with", "co")


def _irregular(lemma: str) -> tuple[str, str] | None:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    for prefix in _PREFIXES:
        base = lemma.removeprefix(prefix)
        if base != lemma and base in _IRREGULAR and len(base) > 2:
            past, part = _IRREGULAR[base]
            return prefix + past, prefix + part
    return None


def _regular_past(lemma: str, seen: str) -> str | None:
    """Lemma + "ed" with English spelling; None where doubling the last consonant is
    uncertain ("admitted", "visited") and the article shows neither form."""
    if not lemma.isalpha() or len(lemma) < 2:
        return None
    vowels = "aeiou"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma[-1] == "y" and lemma[-2] not in vowels:
        return lemma[:-1] + "ied"
    cvc = (
        len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )
    if not cvc:
        return lemma + "ed"
    doubled, plain = lemma + lemma[-1] + "ed", lemma + "ed"
    for form in (doubled, plain):
        if re.search(rf"\b{form}\b", seen, re.IGNORECASE):
            return form
    syllables = len(re.findall(r"[aeiouy]+", lemma))
    return doubled if syllables == 1 else None


def past_tense(lemma: str, seen: str) -> str | None:
    found = _irregular(lemma)
    return found[0] if found else _regular_past(lemma, seen)


def past_participle(a: Analysis, verb: int) -> str | None:
    """The past participle of `verb`: its own word when it is one, else made from its lemma."""
    word = a.word(verb)
    if a.tags[verb] == "VBN":
        return word
    found = _irregular(a.lemmas[verb])
    if found:
        return found[1]
    if a.tags[verb] == "VBD" and word.endswith("ed"):
        return word
    return _regular_past(a.lemmas[verb], a.text)


def third_person(lemma: str) -> str:
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in special:
        return special[lemma]
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def be_form(past: bool, plural: bool) -> str:
    if past:
        return "were" if plural else "was"
    return "are" if plural else "is"
