"""The dates a completion record carries: the day it was made and the day it is due for review."""
from __future__ import annotations

import calendar
import datetime
from typing import Any


def record_date(today: Any) -> str:
    """The day the browser gave, as an ISO date (2025-11-23), or '' for anything else."""
    try:
        return datetime.date.fromisoformat(today).isoformat() if isinstance(today, str) else ""
    except ValueError:
        return ""


def review_by(date: Any, months: int) -> str | None:
    """`months` after an ISO date, on the same day of the month (or the month's last day); None for no date."""
    try:
        start = datetime.date.fromisoformat(str(date))
    except ValueError:
        return None
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day).isoformat()
