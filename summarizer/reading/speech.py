"""Speech words: the verbs and nouns with which news text reports what someone said."""

from __future__ import annotations

from summarizer.reading.analysis import Analysis

SPEECH_LEMMAS = frozenset(
    """say tell add state note write explain declare announce ask reply respond remark insist
    warn argue claim confirm acknowledge continue emphasize emphasise stress urge tweet post
    recall comment observe admit call describe quote quip joke shout scream exclaim predict
    suggest conclude concede complain boast testify report counter retort agree vow promise
    pledge allege recommend caution assert maintain contend mention reveal disclose inform
    advise reiterate repeat lament muse wonder demand plead beg cry whisper yell mutter
    murmur sigh laugh characterize characterise recount put offer concur point estimate
    dismiss deny propose blast slam praise criticise criticize accuse thank welcome
    read begin go""".split()
)
# The speech verbs that only tell what someone said, one as good as another in a summary
# (rule 5); not those that negate or keep their distance ("deny", "claim", "allege").
REPORTING = frozenset(
    """say tell state note add explain declare announce report confirm reveal mention remark
    comment write tweet post insist stress emphasize emphasise reiterate acknowledge admit
    testify disclose inform assert maintain reply respond answer warn""".split()
)
# "issued a statement", "posted a message": a verb whose object is speech.
SPEECH_NOUNS = frozenset(
    """statement remark comment warning speech tweet message post letter address interview
    note report document memo email e-mail release""".split()
)


def is_speech(a: Analysis, verb: int) -> bool:
    """A speech verb ("said"), or a verb whose object is speech ("issued a statement")."""
    if a.pos[verb] != "VERB":
        return False
    return a.lemmas[verb] in SPEECH_LEMMAS or any(
        a.deps[k] == "dobj" and a.lemmas[k] in SPEECH_NOUNS for k in a.children(verb)
    )
