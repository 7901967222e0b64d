"""Find text left in the wrong language: English words on a Russian page, Cyrillic on an English one.

The checker reads what a reader sees: the text of the page (no tags, scripts or styles) and the attributes a
browser shows or reads aloud (title, placeholder, alt, aria-label, button values). Text inside an element whose
`lang` names another language (the language switcher) is left out. Test data the test made itself, the brand
and the codes that stay Latin in every language are removed before the check; so is what the page
marks as code (<code>, <kbd>, <samp>).
"""

import re
from html.parser import HTMLParser

from hiring.domain.levels import EDUCATION_LEVELS
from hiring.seed_profile import FIELD_LABELS

BRAND = "KAM Hiring"
# Words that stay Latin in a Russian text: names of formats and products, and the codes the CSV import and the
# API expect as they are (levels and fields of education, `native`). Codes in capitals (NEG, CEFR, PDF, RUB) are always
# allowed, and so are identifiers (`incomplete_higher`) and anything a page shows as <code>.
LATIN_TOKENS = frozenset(
    {
        "PhD",
        "Excel",
        "LibreOffice",
        "Unicode",
        "Windows",
        "xlsx",
        "email",
        "csv",
        "native",
        *FIELD_LABELS,
        *EDUCATION_LEVELS,
    }
)
CODE = re.compile(r"^[A-Z]{2,6}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+[A-Za-z]")  # `full_name` stays one (code) word
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
SHOWN_ATTRIBUTES = ("title", "placeholder", "alt", "aria-label")
SKIPPED_ELEMENTS = ("script", "style", "template", "code", "kbd", "samp")
VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class _VisibleText(HTMLParser):
    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hides its content)

    @property
    def _hidden(self) -> bool:
        return any(hidden for _tag, hidden in self._stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = (attributes.get("lang") or "").split("-")[0].lower()
        hides = tag in SKIPPED_ELEMENTS or bool(lang and lang != self.language)
        if not (self._hidden or hides):
            for name in SHOWN_ATTRIBUTES:
                if attributes.get(name):
                    self.parts.append(attributes[name])
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.parts.append(attributes["value"])
        if tag not in VOID_ELEMENTS:
            self._stack.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self._stack.pop()

    def handle_endtag(self, tag):
        for position in range(len(self._stack) - 1, -1, -1):
            if self._stack[position][0] == tag:
                del self._stack[position:]
                break

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str, language: str) -> str:
    """The text a reader of `language` sees on the page, one space between pieces."""
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def _without(text: str, data) -> str:
    text = text.replace(BRAND, " ")
    for item in sorted({str(d) for d in data if d}, key=len, reverse=True):
        text = text.replace(item, " ")
    return EMAIL.sub(" ", text)


def english_words(text: str, data=()) -> list[str]:
    """Latin words of 3+ letters left in a Russian text once test data and Latin codes are removed."""
    words = LATIN_WORD.findall(_without(text, data))
    return [word for word in words if word not in LATIN_TOKENS and not CODE.match(word) and "_" not in word]


def cyrillic_words(text: str, data=()) -> list[str]:
    """Cyrillic words left in an English text once test data is removed."""
    return CYRILLIC_WORD.findall(_without(text, data))


def context(text: str, word: str, width: int = 60) -> str:
    """Where a word sits in the text, for a readable failure."""
    at = text.find(word)
    return text[max(0, at - width) : at + len(word) + width]


def assert_russian(text: str, data=(), where: str = "") -> None:
    """Fail with the offending words in context when English is left in a Russian text."""
    left = english_words(text, data)
    cleaned = _without(text, data)
    assert not left, f"English on the Russian {where}: " + " | ".join(
        f"{w!r} in …{context(cleaned, w)}…" for w in dict.fromkeys(left)
    )


def assert_english(text: str, data=(), where: str = "") -> None:
    """Fail with the offending words in context when Cyrillic is left in an English text."""
    left = cyrillic_words(text, data)
    cleaned = _without(text, data)
    assert not left, f"Cyrillic on the English {where}: " + " | ".join(
        f"{w!r} in …{context(cleaned, w)}…" for w in dict.fromkeys(left)
    )
