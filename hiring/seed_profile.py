"""The default KAM competency profile (SPEC §2), bilingual ru/en, read from hiring/data/default_profile.toml.

The texts are data, edited in the TOML file; this module reads them once, on import, and checks them with the
same rules as a profile edit (hiring.services.profile_input), so a wrong value fails at start-up rather than in
`flask seed`. No database, no request: ``flask seed`` turns the values into rows; the job post and the interview
kit take their default texts from here.
"""

import tomllib
from pathlib import Path
from typing import Any, Final

from hiring.domain import levels
from hiring.errors import InvalidProfile
from hiring.services.profile_input import check_competency_data, check_profile_settings

DATA_FILE: Final = Path(__file__).with_name("data") / "default_profile.toml"
LANGUAGES: Final = ("ru", "en")
COMPETENCY_KEYS: Final = (
    "code",
    "name_ru",
    "name_en",
    "covers_ru",
    "covers_en",
    "weight",
    "critical_min",
    "anchors",
    "questions",
)
ANCHOR_LEVELS: Final = (1, 3, 5)
PROBES_PER_QUESTION: Final = (
    1,
    2,
)  # the default profile asks one or two follow-up probes after each question


class DefaultProfileError(ValueError):
    """The data file breaks a rule; the message names the file, the place and what is wrong."""


def _fail(where: str, problem: object) -> DefaultProfileError:
    return DefaultProfileError(f"{DATA_FILE.name}: {where}: {problem}")


def _pair(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or tuple(value) != LANGUAGES:
        raise _fail(where, f"needs exactly the keys {LANGUAGES}")
    if not all(isinstance(text, str) and text.strip() for text in value.values()):
        raise _fail(where, "needs a text in each language")
    return value


def _line_pairs(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict) or tuple(value) != LANGUAGES:
        raise _fail(where, f"needs exactly the keys {LANGUAGES}")
    if not all(
        isinstance(lines, list) and all(isinstance(t, str) and t.strip() for t in lines)
        for lines in value.values()
    ):
        raise _fail(where, "needs a list of texts in each language")
    if len(value["ru"]) != len(value["en"]):
        raise _fail(where, "needs the same number of lines in each language")
    return value


def _question(value: Any, where: str) -> dict[str, Any]:
    """A question in both languages with one or two follow-up probes, each in both languages."""
    if not isinstance(value, dict) or tuple(value) != (*LANGUAGES, "probes"):
        raise _fail(where, f"needs exactly the keys {(*LANGUAGES, 'probes')}")
    question = _pair({lang: value[lang] for lang in LANGUAGES}, where)
    probes = value["probes"]
    if not isinstance(probes, list) or not PROBES_PER_QUESTION[0] <= len(probes) <= PROBES_PER_QUESTION[-1]:
        raise _fail(where, f"needs {PROBES_PER_QUESTION[0]} or {PROBES_PER_QUESTION[-1]} follow-up probes")
    return question | {"probes": [_pair(probe, f"{where}.probes") for probe in probes]}


def _labels(value: Any, codes: tuple[str, ...], where: str) -> dict[str, dict[str, str]]:
    if tuple(value) != codes:
        raise _fail(where, f"needs exactly the codes {codes}, in that order")
    return {code: _pair(label, f"{where}.{code}") for code, label in value.items()}


def _profile(value: dict[str, Any]) -> dict[str, Any]:
    education = value["screening"]["education"]
    experience = value["screening"]["experience"]
    settings = {name: value[name] for name in ("name_ru", "name_en", "description_ru", "description_en")}
    settings |= {f"edu_{name}": education[name] for name in ("min_level", "mandatory", "preferred_fields")}
    settings |= {f"exp_{name}": experience[name] for name in experience}
    try:
        check_profile_settings(settings)
    except InvalidProfile as error:
        raise _fail("profile", error.fields) from None
    return value


def _competency(value: dict[str, Any], position: int) -> dict[str, Any]:
    where = f"competencies[{position}] ({value.get('code')})"
    unknown = set(value) - set(COMPETENCY_KEYS)
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    anchors = {
        int(level): _pair(pair, f"{where}.anchors.{level}") for level, pair in value["anchors"].items()
    }
    if tuple(anchors) != ANCHOR_LEVELS:
        raise _fail(where, f"needs anchors for the ratings {ANCHOR_LEVELS}, in that order")
    item = {key: value.get(key) for key in COMPETENCY_KEYS} | {"anchors": anchors}
    item["questions"] = [_question(q, f"{where}.questions[{n}]") for n, q in enumerate(value["questions"])]
    edited = {name: item[name] for name in COMPETENCY_KEYS if name not in ("code", "anchors")}
    edited |= {f"anchor{level}_{lang}": anchors[level][lang] for level in ANCHOR_LEVELS for lang in LANGUAGES}
    try:
        check_competency_data(edited)
    except InvalidProfile as error:
        raise _fail(where, error.fields) from None
    return item


def _load() -> dict[str, Any]:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    competencies = [_competency(item, position) for position, item in enumerate(data["competencies"])]
    codes = [item["code"] for item in competencies]
    if len(set(codes)) != len(codes):
        raise _fail("competencies", f"codes must be unique: {codes}")
    if sum(item["weight"] for item in competencies) <= 0:
        raise _fail("competencies", "the total weight must be above zero")
    return {
        "education_levels": _labels(data["education_levels"], levels.EDUCATION_LEVELS, "education_levels"),
        "field_labels": _labels(data["field_labels"], levels.EDUCATION_FIELDS, "field_labels"),
        "profile": _profile(data["profile"]),
        "competencies": competencies,
        "duties": _line_pairs(data["duties"], "duties"),
        "travel_duty": _pair(data["travel_duty"], "travel_duty"),
        "intro": _pair(data["intro"], "intro"),
        "conditions": _line_pairs(data["conditions"], "conditions"),
        "kpi_note": _pair(data["kpi_note"], "kpi_note"),
    }


_DATA: Final = _load()

# Education levels in order (SPEC §2), with labels for forms and documents.
EDUCATION_LEVELS: Final[dict[str, dict[str, str]]] = _DATA["education_levels"]
# Fields of education offered in forms; the first three are the profile's preferred fields.
FIELD_LABELS: Final[dict[str, dict[str, str]]] = _DATA["field_labels"]
PROFILE: Final[dict[str, Any]] = _DATA["profile"]
COMPETENCIES: Final[list[dict[str, Any]]] = _DATA["competencies"]
# Default responsibilities for the job post (SPEC §5), from the article's list of duties.
DUTIES: Final[dict[str, list[str]]] = _DATA["duties"]
# Added to DUTIES when the vacancy requires business travel.
TRAVEL_DUTY: Final[dict[str, str]] = _DATA["travel_duty"]
INTRO: Final[dict[str, str]] = _DATA["intro"]
CONDITIONS: Final[dict[str, list[str]]] = _DATA["conditions"]
# The KPIs a KAM is judged by (from the article); shown as a note in the profile and the interview kit.
KPI_NOTE: Final[dict[str, str]] = _DATA["kpi_note"]
