"""Wrong claims about whether the event happened: the opposite polarity ("negated"), and a
fact made a possibility or a plan, or a possibility or plan made a fact ("modality")."""

from __future__ import annotations

from .article import can_act
from .edit import Piece, Sub, apply
from .sentences import Sent
from .syntax import auxiliaries, is_plural, kids, shared_subject_conj
from .verbs import be_form, past_participle, past_tense, third_person
from .words import MODALS, PLAN_VERBS


def negated(c: Sent) -> str | None:
    a, root = c.a, c.root
    if not _no_polarity_words(c) or shared_subject_conj(a, root):
        return None  # "did not attend the opening and spoke to donors"
    negs = kids(a, root, "neg")
    auxes = auxiliaries(a, root)
    if negs:  # "did not confirm" -> "confirmed"
        subs: dict[int, Piece] = {t: Sub(t, "") for t in negs}
        do = [t for t in auxes if a.lemmas[t] == "do"]
        if do:
            form = {"VBD": past_tense(a.lemmas[root], a.text), "VBZ": third_person(a.lemmas[root])}
            new = form.get(a.tags[do[0]], a.lemmas[root])
            if new is None:
                return None
            subs[do[0]] = Sub(do[0], "")
            subs[root] = Sub(root, new)
        return c.render(apply(c.tokens(), subs))
    if a.lemmas[root] == "fail":
        return _fact_of_plan(c)
    if auxes:  # "has confirmed" -> "has not confirmed"
        return c.render([*c.tokens(hi=auxes[0] + 1), "not", *c.tokens(lo=auxes[0] + 1)])
    if a.tags[root] not in ("VBD", "VBZ", "VBP"):
        return None
    do_form = {"VBD": "did", "VBZ": "does", "VBP": "do"}[a.tags[root]]
    return c.render(apply(c.tokens(), {root: Sub(root, f"{do_form} not {a.lemmas[root]}")}))


def _no_polarity_words(c: Sent) -> bool:
    a = c.a
    return not any(
        a.lemmas[t] in ("no", "neither", "nor", "none", "nothing", "nobody", "without")
        for t in range(c.first, c.end)
    )


def _fact_of_plan(c: Sent) -> str | None:
    """ "X plans to confirm Y", "X is expected to confirm Y" -> "X confirmed Y"."""
    a, root = c.a, c.root
    xcomps = [x for x in kids(a, root, "xcomp") if a.pos[x] == "VERB" and x > root]
    if not xcomps or kids(a, root, "neg"):
        return None
    x = xcomps[0]
    to = [t for t in kids(a, x, "aux") if a.lemmas[t] == "to"]
    if not to or to[0] != root + 1 or kids(a, x, "neg") or len(kids(a, x, "aux")) > 1:
        return None
    auxes = auxiliaries(a, root)
    if any(a.tags[t] == "MD" for t in auxes):
        return None
    drop: dict[int, Piece] = {t: Sub(t, "") for t in [*auxes, root, to[0]]}
    passive = kids(a, x, "auxpass")
    if passive:
        if a.lemmas[passive[0]] != "be":
            return None
        drop[passive[0]] = Sub(passive[0], be_form(True, is_plural(a, c.subj)))
    else:
        past = past_tense(a.lemmas[x], a.text)
        if past is None:
            return None
        drop[x] = Sub(x, past)
    return c.render(apply(c.tokens(), drop))


def modality(c: Sent) -> str | None:
    """A fact made a possibility or a plan ("may have confirmed", "plans to confirm", "is
    expected to confirm"), or a possibility or plan made a fact."""
    a, root = c.a, c.root
    if shared_subject_conj(a, root):
        return None  # "may have attended the opening and spoke to donors"
    auxes = auxiliaries(a, root)
    modal = [t for t in auxes if a.tags[t] == "MD"]
    if modal:
        return _to_fact(c, modal[0])
    if a.lemmas[root] in PLAN_VERBS:
        return _fact_of_plan(c)
    plural = is_plural(a, c.subj)
    animate = can_act(c.art, c.subj)
    word = MODALS[c.n % len(MODALS)]
    if auxes:  # a fact made a possibility: "has confirmed" -> "may have confirmed"
        first = auxes[0]
        lemma, tag = a.lemmas[first], a.tags[first]
        if lemma == "do":
            new = word
        elif lemma == "have":
            new = f"{word} have"
        elif lemma == "be":
            new = f"{word} have been" if tag == "VBD" else f"{word} be"
        else:
            return None
        return c.render(apply(c.tokens(), {first: Sub(first, new)}))
    tag, lemma = a.tags[root], a.lemmas[root]
    if tag == "VBD":  # "may have confirmed"; "planned to confirm" where unsure of the form
        participle = past_participle(a, root)
        if participle is not None:
            new = f"{word} have {participle}"
        else:
            new = f"planned to {lemma}" if animate else f"{word} {lemma}"
        return c.render(apply(c.tokens(), {root: Sub(root, new)}))
    if tag in ("VBZ", "VBP"):
        if c.n % 2:
            plan = (
                ("plan to" if plural else "plans to")
                if animate
                else ("are expected to" if plural else "is expected to")
            )
            return c.render(apply(c.tokens(), {root: Sub(root, f"{plan} {lemma}")}))
        return c.render(apply(c.tokens(), {root: Sub(root, f"{word} {lemma}")}))
    return None


def _to_fact(c: Sent, modal: int) -> str | None:
    """ "X may confirm Y" -> "X confirmed Y"; "may have been held" -> "was held"."""
    a, root = c.a, c.root
    plural = is_plural(a, c.subj)
    rest = [t for t in auxiliaries(a, root) if t > modal]
    subs: dict[int, Piece] = {modal: Sub(modal, "")}
    simple_past = False  # the verb itself takes the past: "may confirm" -> "confirmed"
    if kids(a, root, "neg") and not rest:
        subs[modal] = Sub(modal, "did")
    elif rest and a.lemmas[rest[0]] == "be":
        subs[rest[0]] = Sub(rest[0], be_form(True, plural))
    elif rest and a.lemmas[rest[0]] == "have":
        subs[rest[0]] = Sub(rest[0], "")
        if len(rest) > 1 and a.lemmas[rest[1]] == "be":
            subs[rest[1]] = Sub(rest[1], be_form(True, plural))
        elif len(rest) == 1:
            simple_past = True
        else:
            return None
    elif not rest:
        simple_past = True
    else:
        return None
    if simple_past:
        past = past_tense(a.lemmas[root], a.text)
        if past is None:
            return None
        subs[root] = Sub(root, past)
    return c.render(apply(c.tokens(), subs))
