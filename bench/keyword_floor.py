"""The naive keyword floor both privacy benchmarks compare against (one matcher, not two)."""

from __future__ import annotations

import re

# The obvious keyword per category, in English and the other languages' most common word for
# it.
KEYWORDS = re.compile(
    r"depress|anxi|angst|ansi|panic|panik|therap|suicid|suizid|relationship|beziehung|"
    r"partner|divorc|scheid|rozw|marriage|husband|wife|boyfriend|girlfriend|money|debt|loan|"
    r"bank|financ|salary|gehalt|salaire|schulden|dette|deuda|debit|dług|dívida|health|"
    r"doctor|arzt|médecin|médico|medico|lekarz|pain|schmerz|douleur|dolor|sick|cancer|krebs|"
    r"pregnan|schwanger|sex|gay|schwul|lesbi|bisex|trans|religio|church|kirche|église|"
    r"iglesia|chiesa|kerk|igreja|god|gott|dieu|dios|faith|pray|muslim|islam|catholic|"
    r"politic|vote|wähl|voter|votar|election|wahl|party|partei|partido",
    re.IGNORECASE,
)


def keyword_floor(text: str) -> list[str]:
    """``["keyword"]`` when the naive matcher fires, else nothing."""
    return ["keyword"] if KEYWORDS.search(text) else []
