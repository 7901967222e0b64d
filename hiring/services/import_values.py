"""Cell values as people write them -> the values a candidate takes (SPEC §7).

- Education: a level's code or its name in either language (`бакалавр`, `Master's degree`; `высшее` counts as
  `bachelor`); with parts (`Высшее (магистр)`, `высшее, специалист`) the highest level named wins.
- Languages: codes with a level (`en:B2|de:A2`, `|` or a space between them, `;` and `,` too) or names with a
  level (`Английский B2`, `English C1`, `немецкий — A2`; separated by `|`, `;` or `,`). Levels are CEFR
  (Cyrillic А/В/С accepted), `native`/`родной`, or the course names `Intermediate`, `Upper-Intermediate` ….
Anything not understood is passed on as written, so the candidate check reports it in its own words.
"""

import re
from typing import Any

from hiring.domain.levels import EDUCATION_LEVELS, LANGUAGE_LEVELS, education_rank, is_language_code

_EDUCATION_WORDS: dict[str, tuple[str, ...]] = {
    "secondary": (
        "среднее", "среднее общее", "общее среднее", "школа", "secondary", "secondary school", "high school",
    ),
    "vocational": (
        "среднее специальное", "среднее профессиональное", "среднее-специальное", "спо", "колледж", "техникум",
        "vocational", "vocational education", "college",
    ),
    "incomplete_higher": (
        "неоконченное высшее", "незаконченное высшее", "неполное высшее", "incomplete higher",
        "incomplete higher education", "undergraduate",
    ),
    "bachelor": (
        "высшее", "бакалавр", "бакалавриат", "высшее образование", "bachelor", "bachelors", "bachelor's",
        "bachelor's degree", "bachelor degree", "ba", "bsc", "b.sc.", "b.a.", "higher", "higher education",
    ),
    "specialist": ("специалист", "специалитет", "specialist", "specialist degree", "specialist's degree"),
    "master": (
        "магистр", "магистратура", "master", "masters", "master's", "master's degree", "master degree",
        "ma", "msc", "m.sc.", "mba",
    ),
    "phd": (
        "кандидат наук", "доктор наук", "phd", "ph.d.", "ph. d.", "doctorate", "doctoral degree",
        "doctoral degree (phd)", "аспирантура",
    ),
}  # fmt: skip


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").replace("’", "'").split())


_LEVEL_OF = {
    _key(word): level
    for level in EDUCATION_LEVELS
    for word in (level, level.replace("_", " "), *_EDUCATION_WORDS[level])
}


def education_level(value: Any) -> Any:
    """The level's code for a code or a name (see the module's docstring); else the value unchanged."""
    if not isinstance(value, str) or not value.strip():
        return value
    whole = _key(value)
    if whole in _LEVEL_OF:
        return _LEVEL_OF[whole]
    parts = [_key(part) for part in re.split(r"[(),;/|\[\]]+|\s[-–—]\s", value) if part.strip()]
    levels = [_LEVEL_OF[part] for part in parts if part in _LEVEL_OF]
    return max(levels, key=education_rank) if levels else value


_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("английский", "англ", "english"),
    "de": ("немецкий", "нем", "german", "deutsch"),
    "fr": ("французский", "франц", "french", "français"),
    "es": ("испанский", "spanish", "español"),
    "it": ("итальянский", "italian"),
    "pt": ("португальский", "portuguese"),
    "zh": ("китайский", "chinese", "mandarin"),
    "ja": ("японский", "japanese"),
    "ko": ("корейский", "korean"),
    "ar": ("арабский", "arabic"),
    "tr": ("турецкий", "turkish"),
    "ru": ("русский", "russian"),
    "uk": ("украинский", "ukrainian"),
    "be": ("белорусский", "belarusian"),
    "kk": ("казахский", "kazakh"),
    "uz": ("узбекский", "uzbek"),
    "pl": ("польский", "polish"),
    "cs": ("чешский", "czech"),
    "nl": ("нидерландский", "голландский", "dutch"),
    "sv": ("шведский", "swedish"),
    "fi": ("финский", "finnish"),
    "el": ("греческий", "greek"),
    "he": ("иврит", "hebrew"),
    "hi": ("хинди", "hindi"),
    "hy": ("армянский", "armenian"),
    "ka": ("грузинский", "georgian"),
    "az": ("азербайджанский", "azerbaijani"),
    "vi": ("вьетнамский", "vietnamese"),
    "hu": ("венгерский", "hungarian"),
    "ro": ("румынский", "romanian"),
    "sr": ("сербский", "serbian"),
    "bg": ("болгарский", "bulgarian"),
    "fa": ("персидский", "фарси", "persian", "farsi"),
}
_CODE_OF = {_key(name): code for code, names in _LANGUAGE_NAMES.items() for name in names}
_LEVEL_WORDS = {
    "native": "native", "родной": "native", "носитель": "native", "mother tongue": "native",
    "beginner": "A1", "начальный": "A1", "elementary": "A2", "pre-intermediate": "A2", "pre intermediate": "A2",
    "intermediate": "B1", "средний": "B1", "upper-intermediate": "B2", "upper intermediate": "B2",
    "выше среднего": "B2", "advanced": "C1", "продвинутый": "C1", "proficiency": "C2", "proficient": "C2",
}  # fmt: skip
_CYRILLIC_LEVEL_LETTERS = str.maketrans("АВСавс", "ABCabc")
_CODE_PAIR = re.compile(r"^([A-Za-z]{2})\s*:\s*(\S+)$")


def language_level(text: str) -> str | None:
    """A CEFR level (A1..C2, native) from `B2`, `в2` (Cyrillic), `Upper-Intermediate`, `родной`; else None."""
    key = _key(text).strip(" ()-–—:")
    if key in _LEVEL_WORDS:
        return _LEVEL_WORDS[key]
    latin = key.translate(_CYRILLIC_LEVEL_LETTERS).upper()
    return latin if latin in LANGUAGE_LEVELS else None


def languages(cell: str) -> tuple[list[dict[str, str]], str | None]:
    """[{language, level}] from a cell (see the module's docstring), and the first part not understood."""
    found: list[dict[str, str]] = []
    for part in re.split(r"[|;,\n]+", cell):
        part = part.strip()
        if not part:
            continue
        tokens = part.split()
        if all(_CODE_PAIR.match(token) for token in tokens):
            for token in tokens:
                code, level = _CODE_PAIR.match(token).groups()
                found.append({"language": code, "level": level})
            continue
        named = _named_language(part)
        if named is None:
            return found, part
        found.append(named)
    return found, None


def _named_language(part: str) -> dict[str, str] | None:
    """`Английский B2`, `English — C1`, `немецкий (A2)`, `en B2`, `de: Upper-Intermediate`."""
    match = re.match(r"^(.*?)[\s:–—\-(]+(\S+?\)?|upper[\s-]intermediate|pre[\s-]intermediate|mother tongue)\)?$",
                     part.strip(), flags=re.IGNORECASE)  # fmt: skip
    if not match:
        return None
    name, level_text = match.group(1).strip(" :–—-("), match.group(2)
    level = language_level(level_text)
    code = _CODE_OF.get(_key(name)) or (name.lower() if is_language_code(name) else None)
    if code is None or level is None:
        return None
    return {"language": code, "level": level}
