"""Which column of an imported file holds which candidate field (SPEC §7): headers matched by synonyms.

A header is compared in a squashed form (lower case, `ё` as `е`, letters and digits only), so `Эл. почта`,
`эл почта` and `ЭЛ.ПОЧТА` are one name, as are `Опыт, лет` and `Опыт (лет)`. A mapping is a list with one
entry per column: a field of FIELDS, or None for a column to ignore. It is *certain* when every column is
matched, no field is matched twice and `full_name` is there; the API imports only a certain mapping (or one
the caller gives), the pages let HR correct each column.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hiring.errors import lazy_gettext as _l
from hiring.services.candidate_input import FIELDS

IGNORE = "ignore"

SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "full name", "name", "candidate", "candidate name", "applicant", "applicant name",
        "фио", "ф.и.о.", "фамилия имя отчество", "фамилия, имя, отчество", "фамилия имя", "имя",
        "кандидат", "соискатель", "имя кандидата", "фио кандидата",
    ),
    "email": (
        "e-mail", "email address", "e-mail address", "mail",
        "эл. почта", "электронная почта", "почта", "адрес электронной почты", "емейл", "имейл", "e-mail адрес",
    ),
    "phone": (
        "phone number", "telephone", "mobile", "mobile phone", "tel",
        "телефон", "тел.", "мобильный", "мобильный телефон", "контактный телефон", "номер телефона",
    ),
    "education_level": (
        "education", "education level", "degree", "level of education",
        "образование", "уровень образования", "степень", "образование (уровень)",
    ),
    "education_field": (
        "field of study", "field of education", "specialty", "speciality", "major", "education field",
        "специальность", "специальность по диплому", "направление", "направление подготовки", "специализация",
        "область образования", "профиль образования",
    ),
    "experience_years": (
        "experience", "years of experience", "experience, years", "experience years", "relevant experience",
        "опыт", "опыт, лет", "опыт работы", "опыт работы, лет", "стаж", "стаж, лет", "лет опыта",
        "опыт в продажах", "опыт kam", "опыт работы kam",
    ),
    "plan_attainment_pct": (
        "plan attainment", "plan attainment, %", "plan attainment %", "plan, %", "sales plan, %",
        "выполнение плана", "выполнение плана, %", "план, %", "% выполнения плана", "выполнение плана продаж",
    ),
    "languages": (
        "language", "foreign languages", "language skills",
        "языки", "язык", "иностранные языки", "знание языков", "знание иностранных языков", "владение языками",
    ),
    "notes": (
        "note", "comment", "comments", "remarks",
        "заметки", "заметка", "примечание", "примечания", "комментарий", "комментарии",
    ),
}  # fmt: skip


def squash(header: str) -> str:
    """The form headers are compared in: lower case, `ё` as `е`, letters and digits only."""
    return re.sub(r"[\W_]+", "", header.casefold().replace("ё", "е"))


_FIELD_OF: dict[str, str] = {
    squash(name): field_name
    for field_name in FIELDS
    for name in (field_name, field_name.replace("_", " "), *SYNONYMS[field_name])
}


def field_for(header: str) -> str | None:
    """The field a header names by its synonyms, or None."""
    return _FIELD_OF.get(squash(header))


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """One entry per column: a field, or None (ignored); `problems` lists every doubt, with its column."""

    columns: tuple[str | None, ...]
    problems: tuple[tuple[int | None, Any], ...] = ()

    @property
    def certain(self) -> bool:
        return not self.problems

    def as_list(self) -> list[str]:
        """For storing and for forms: `ignore` stands for None."""
        return [name or IGNORE for name in self.columns]


def suggest_mapping(headers: Sequence[str]) -> ColumnMapping:
    """Each header's field by synonyms; an unmatched header or a field matched twice is a doubt."""
    columns = [field_for(header) if header.strip() else None for header in headers]
    problems = [
        (index, _l("“%(header)s” matches no field: choose one, or ignore the column.", header=header))
        for index, (header, name) in enumerate(zip(headers, columns, strict=True))
        if name is None and header.strip()
    ]
    return ColumnMapping(tuple(columns), tuple(problems) + _field_problems(headers, columns))


def given_mapping(headers: Sequence[str], chosen: Sequence[str | None]) -> ColumnMapping:
    """The mapping a person chose (a field or `ignore`/empty per column), checked like a suggestion."""
    if len(chosen) != len(headers):
        problem = _l(
            "Give one field (or “ignore”) for each of the %(count)s columns, in order.", count=len(headers)
        )
        return ColumnMapping(tuple(field_for(h) for h in headers), ((None, problem),))
    columns: list[str | None] = []
    problems: list[tuple[int | None, Any]] = []
    for index, name in enumerate(chosen):
        name = (name or "").strip()
        if name in ("", IGNORE, "-"):
            columns.append(None)
        elif name in FIELDS:
            columns.append(name)
        else:
            columns.append(None)
            problems.append((index, _l("“%(name)s” is not a field.", name=name)))
    return ColumnMapping(tuple(columns), tuple(problems) + _field_problems(headers, columns))


def _field_problems(
    headers: Sequence[str], columns: Sequence[str | None]
) -> tuple[tuple[int | None, Any], ...]:
    problems: list[tuple[int | None, Any]] = []
    for name in FIELDS:
        where = [index for index, column in enumerate(columns) if column == name]
        if len(where) > 1:
            problems.append(
                (
                    where[1],
                    _l(
                        "The columns %(headers)s all say %(field)s: keep one and ignore the others.",
                        headers=", ".join(f"“{headers[index]}”" for index in where),
                        field=name,
                    ),
                )
            )
    if "full_name" not in columns:
        problems.append((None, _l("No column holds the candidate's full name (full_name): choose one.")))
    return tuple(problems)


def unmatched_headers(headers: Sequence[str], mapping: ColumnMapping) -> list[str]:
    """The headers the mapping left unmatched (for the API's 400)."""
    return [
        header
        for header, name in zip(headers, mapping.columns, strict=True)
        if name is None and header.strip() and field_for(header) is None
    ]
