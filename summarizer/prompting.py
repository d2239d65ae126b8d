"""Rendering the prompt: Jinja2 templates in prompts/, the article in as data.

The article is inserted through a template variable (never formatted into the
instructions), fenced, and marked with the ids of what the text proposed (`candidates`):
"Kursk[L1]" after each name, place and time, "[Q1]" before a quotation whose speaker
the text does not give, so the model answers with ids instead of copying names and quotes:
output tokens are what a local model is slow at.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from summarizer.candidates import Proposal


def _prompts_dir() -> Path:
    """$SUMMARIZER_PROMPTS; else the templates inside the package (where a wheel puts them);
    else the project's top-level prompts/ (a checkout, or an editable install of it)."""
    if given := os.environ.get("SUMMARIZER_PROMPTS"):
        return Path(given)
    packaged = Path(__file__).resolve().parent / "prompts"
    return packaged if packaged.is_dir() else packaged.parent.parent / "prompts"


PROMPTS_DIR = _prompts_dir()
DEFAULT_PROMPT = "summarize"


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


def mark_article(proposal: Proposal) -> str:
    """The article with each candidate's id after its first mention in every paragraph
    ("Kursk[L1]": later ones add tokens, not information) and "[Qn]" before the opening
    mark of each quotation whose speaker the model is asked for."""
    text = proposal.text
    marks = []
    for c in proposal.candidates:
        paragraphs = {text.count("\n", 0, start): end for start, end in reversed(c.mentions)}
        marks += [(end, f"[{c.id}]") for end in paragraphs.values()]
    marks += [(q.open_at, f"[{q.id}]") for q in proposal.quotes if q.id is not None]
    out, last = [], 0
    for at, mark in sorted(marks):
        out += [text[last:at], mark]
        last = at
    out.append(text[last:])
    return "".join(out)


def render(prompt: Prompt, proposal: Proposal) -> list[dict[str, str]]:
    """Chat messages for one article: the fixed system part first, then the article."""
    return [
        {"role": "system", "content": prompt.system.render().strip()},
        {"role": "user", "content": prompt.user.render(article=mark_article(proposal))},
    ]
