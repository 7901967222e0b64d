"""Small helpers for the candidate tests: CSV files and form data."""

HEADER = "full_name,email,phone,education_level,education_field,experience_years,plan_attainment_pct,languages,notes"


def csv_file(*lines: str, delimiter: str = ",", bom: bool = False, encoding: str = "utf-8") -> bytes:
    """A CSV file with the standard header (written with `delimiter`) and the given lines."""
    header = HEADER.replace(",", delimiter)
    text = "\r\n".join((header, *lines)) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def candidate_form(**fields) -> dict:
    """The candidate form as a browser posts it; languages as [(code, level), ...]."""
    languages = fields.pop("languages", [("en", "B2")])
    data = {
        "full_name": "Анна Петрова",
        "email": "anna@example.com",
        "phone": "+7 900 123-45-67",
        "education_level": "master",
        "education_field": "economics",
        "experience_years": "4",
        "plan_attainment_pct": "110",
        "notes": "",
    }
    data.update(fields)
    for i, (code, level) in enumerate([*languages, ("", ""), ("", "")]):
        data[f"languages-{i}-language"] = code
        data[f"languages-{i}-level"] = level
    return data
