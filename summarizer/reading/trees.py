"""Dependency trees as columns: what is worked out for every token of a parse at once."""

from __future__ import annotations

from array import array


def subtree_spans(
    heads: array[int], begin: array[int], kids: array[int]
) -> tuple[array[int], array[int]]:
    """Every token's subtree as its first and last+1 token, each made from its children's
    (`kids[begin[i]:begin[i + 1]]` are token i's; a root is its own head). Rule 5 asks
    for most clause heads' spans: a walk down each subtree per call cost twice this."""
    lo, hi = array("i", range(len(heads))), array("i", range(1, len(heads) + 1))
    order = [i for i, head in enumerate(heads) if head == i]
    for i in order:  # grows as it goes: breadth first, so every token after its head
        order.extend(kids[begin[i] : begin[i + 1]])
    for j in reversed(order):  # so every token before its head
        head = heads[j]
        if head != j:
            lo[head], hi[head] = min(lo[head], lo[j]), max(hi[head], hi[j])
    return lo, hi
