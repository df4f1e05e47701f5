"""The change of a KPI against the previous period, as the KPI cards show it: +12, -3,5 pt,
+1,2 h (in the reader's language); None when either value is missing."""

from __future__ import annotations

from app.i18n import fmt_int, fmt_num, lang


def delta_int(now, before) -> str | None:
    if now is None or before is None:
        return None
    d = int(now) - int(before)
    return ("+" if d > 0 else "") + fmt_int(d) if d else "0"


def delta_pts(now, before) -> str | None:
    if now is None or before is None:
        return None
    d = 100 * (now - before)
    return ("+" if d > 0 else "") + fmt_num(d) + (" pt" if lang() == "fr" else " pts")


def delta_hours(now, before) -> str | None:
    if now is None or before is None:
        return None
    d = now - before
    return ("+" if d > 0 else "") + fmt_num(d) + " h"


def delta_style(text: str | None, inverse: bool = False) -> dict:
    """st.metric's delta arguments for `text`: a change that rounds to zero ("0", "+0,0 h")
    is drawn grey without an arrow (it was a red or green arrow for no change); `inverse` when
    a rise is bad (hours)."""
    digits = (text or "").lstrip("+-").split(" ")[0].replace(",", "").replace(".", "")
    steady = text is not None and digits.strip("0\u202f") == ""
    colour = "off" if steady else "inverse" if inverse else "normal"
    return {"delta": text, "delta_color": colour, "delta_arrow": "off" if steady else "auto"}
