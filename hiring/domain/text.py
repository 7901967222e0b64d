"""Rules for text people type, the same for forms, CSV/Excel imports and the API.

- No control characters except tab and line breaks: a NUL byte cannot even be stored in PostgreSQL, and the
  others only hide things from the reader.
- Required text needs a visible character after Unicode normalisation (NFKC): two zero-width spaces are no name.
"""

import unicodedata

ALLOWED_CONTROLS = frozenset("\t\n\r")
# Characters that take no room on the page: spaces, separators, format characters (zero-width space and joiners,
# the byte-order mark, bidi marks), control characters, and marks with nothing to sit on.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn", "Cs", "Mn", "Me"})
# Letters in Unicode's tables that still print as nothing (Hangul fillers, braille blank).
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_control_characters(text: str) -> bool:
    """True when `text` holds a control character other than tab, line feed or carriage return."""
    return any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in text)


def has_visible_character(text: str | None) -> bool:
    """True when `text`, normalised with NFKC, shows at least one character to a reader."""
    if not text:
        return False
    return any(
        unicodedata.category(ch) not in _INVISIBLE_CATEGORIES and ch not in _INVISIBLE_LETTERS
        for ch in unicodedata.normalize("NFKC", text)
    )
