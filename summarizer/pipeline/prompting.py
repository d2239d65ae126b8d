"""Rendering the prompt: Jinja2 templates in prompts/, the article in as data.

The article is inserted through a template variable (never formatted into the
instructions), fenced, and cut to what the model needs (`excerpt_spans`): its opening,
and the passages around quotations whose speaker the text does not give. Reading is what
a local model spends its time on, so a long article costs no more than a short one. The
excerpt is marked with the ids of what the text proposed (`candidates`): "Kursk[L1]" after
each name, place and time, so the model adds only what is unmarked, and "[Q1]" before a
quotation it is asked to attribute, so it answers a short id instead of copying the quote.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:  # loading a prompt (checked before any work) needs no parse
    from summarizer.pipeline.candidates import Proposal
    from summarizer.reading import Reading


def _prompts_dir() -> Path:
    """$SUMMARIZER_PROMPTS; else the templates inside the package (where a wheel puts them);
    else the project's top-level prompts/ (a checkout, or an editable install of it)."""
    if given := os.environ.get("SUMMARIZER_PROMPTS"):
        return Path(given)
    package = Path(__file__).resolve().parent.parent  # summarizer/
    packaged = package / "prompts"
    return packaged if packaged.is_dir() else package.parent / "prompts"


PROMPTS_DIR = _prompts_dir()
DEFAULT_PROMPT = "summarize"
# The opening the model reads, in characters (~330 tokens of news English). Reading is
# what a CPU model spends its time on (the 1.5B reads ~45-60 tokens/s): the whole article
# cost 23-25 s of the 20 s goal. The text proposes names, places, times and quotes from
# all of it; the model writes `what`, which news gives in its opening.
LEAD_CHARS = 1_500
CONTEXT_CHARS = 200  # around an unattributed quotation: the sentences that may name its speaker


@dataclass(frozen=True)
class Prompt:
    """A prompt's templates and its version: name and a hash of the template text."""

    name: str
    system: jinja2.Template
    user: jinja2.Template
    version: str


@lru_cache(maxsize=8)
def load_prompt(name: str = DEFAULT_PROMPT) -> Prompt:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PROMPTS_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,  # plain text for a model, not HTML
    )
    try:
        sources = [(PROMPTS_DIR / f"{name}.{part}.j2").read_bytes() for part in ("system", "user")]
    except FileNotFoundError:
        raise ValueError(f"no prompt '{name}' in {PROMPTS_DIR}") from None
    digest = hashlib.sha256(b"\0".join(sources)).hexdigest()[:8]
    return Prompt(
        name=name,
        system=env.get_template(f"{name}.system.j2"),
        user=env.get_template(f"{name}.user.j2"),
        version=f"{name}@{digest}",
    )


def lead_end(reading: Reading, budget: int = LEAD_CHARS) -> int:
    """Where the article's opening ends: after the last whole sentence within `budget`
    characters (at a space when the first sentence alone is longer)."""
    text = reading.text
    if len(text) <= budget:
        return len(text)
    ends = [e for _, e in reading.sentences if e <= budget]
    complete = [e for e in ends if e < budget or text[e : e + 1].isspace()]
    if complete and complete[-1] > budget // 3:
        return complete[-1]
    return text.rfind(" ", 0, budget) if " " in text[:budget] else budget


def excerpt_spans(proposal: Proposal) -> list[tuple[int, int]]:
    """What of the article the model reads: its opening, where news puts the main event
    (`what`), and around each quotation it is asked to attribute, the sentences before and
    after it in its paragraph. Everything else comes from the text, so a long article costs
    no more reading than a short one."""
    text = proposal.text
    spans = [(0, lead_end(proposal.reading))]
    sentences = proposal.reading.sentences
    for q in proposal.quotes:
        if q.id is None:
            continue
        para_start = text.rfind("\n", 0, q.open_at) + 1
        para_end = text.find("\n", q.end)
        para_end = len(text) if para_end < 0 else para_end
        near = (q.open_at - CONTEXT_CHARS, q.end + CONTEXT_CHARS)
        around = [(s, e) for s, e in sentences if e > near[0] and s < near[1]]
        spans.append((max(para_start, around[0][0]), min(para_end, around[-1][1])))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mark_excerpt(proposal: Proposal) -> str:
    """The excerpt (`excerpt_spans`, gaps shown as "[…]") with each candidate's id after
    its first mention in every paragraph ("Kursk[L1]": later ones add tokens, not
    information) and "[Qn]" before the opening mark of each quotation whose speaker the
    model is asked for."""
    text = proposal.text
    spans = excerpt_spans(proposal)

    def shown(at: int) -> bool:
        return any(s <= at <= e for s, e in spans)

    marks = []
    for c in proposal.candidates:
        shown_mentions = [(s, e) for s, e in c.mentions if shown(s) and shown(e)]
        paragraphs = {text.count("\n", 0, s): e for s, e in reversed(shown_mentions)}
        marks += [(end, f"[{c.id}]") for end in paragraphs.values()]
    marks += [(q.open_at, f"[{q.id}]") for q in proposal.quotes if q.id is not None]
    parts = []
    for start, end in spans:
        out, last = [], start
        for at, mark in sorted(m for m in marks if start <= m[0] <= end):
            out += [text[last:at], mark]
            last = at
        out.append(text[last:end])
        parts.append("".join(out).strip())
    gap = "\n[…]\n"
    head = gap.lstrip() if spans[0][0] > 0 else ""
    tail = gap.rstrip() if spans[-1][1] < len(text.rstrip()) else ""
    return head + gap.join(parts) + tail


# What could end the article's fence or open another: its tag, in any case or spacing,
# and a chat template's special tokens ("<|im_end|>"). Their angle brackets become "‹ ›".
_FENCES = re.compile(r"<(?=\s*/?\s*article\b)|<(?=\|)|(?<=\|)>", re.IGNORECASE)


def fenced(excerpt: str) -> str:
    """The excerpt as data inside the prompt's <article> tags: a "</article>" of its own
    ended the fence, and what followed read as instructions. Only an article that has such
    a tag is changed, so every other prompt (and the recordings keyed by it) stays as it
    was."""
    return _FENCES.sub(lambda m: "‹" if m.group() == "<" else "›", excerpt)


def render(prompt: Prompt, proposal: Proposal) -> list[dict[str, str]]:
    """Chat messages for one article: the fixed system part first, then the article."""
    article = fenced(mark_excerpt(proposal))
    return [
        {"role": "system", "content": prompt.system.render().strip()},
        {"role": "user", "content": prompt.user.render(article=article)},
    ]
