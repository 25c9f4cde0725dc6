"""Every element id on a built page is unique: links, labels and the widget script find elements by id."""
from __future__ import annotations

import re
from collections import Counter

ELEMENT_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=\"([^\"]*)\"")


def repeated_ids_problem(html: str) -> str:
    """What to tell the author when a page's HTML uses an id more than once; '' when every id is unique."""
    counts = Counter(ELEMENT_ID.findall(html))
    repeated = sorted(element_id for element_id, count in counts.items() if count > 1)
    if not repeated:
        return ""
    shown = ", ".join(f"{element_id!r} ({counts[element_id]} times)" for element_id in repeated[:5])
    more = f" and {len(repeated) - 5} more" if len(repeated) > 5 else ""
    return (
        f"an element id must be used once on a page, but this page repeats {shown}{more}: "
        "give each '{#id}' on the page a name of its own"
    )
