"""Screening rules named in people's words, the same on every page and PDF."""

from flask_babel import force_locale

from hiring.glossary import field_label, field_labels, rule_label, rule_name


def test_rule_labels(app, build):
    vacancy = build.vacancy(checks=(("Водительские права категории B", True),))
    with force_locale("en"):
        assert rule_label("EDU") == "Education"
        assert rule_label("LANG:de") == "Language: German"
        assert rule_name("LANG:de") == "German"
        assert rule_label("CUSTOM:0") == "Check 1"
        assert rule_label("CUSTOM:0", vacancy) == "Водительские права категории B"
    with force_locale("ru"):
        assert rule_label("EXP") == "Опыт работы"


def test_candidate_page_names_a_custom_check_by_its_text(client, auth, build):
    build.user("hr", username="olga")
    vacancy = build.vacancy(checks=(("Готов к командировкам до 5 дней в месяц", True),))
    candidate = build.candidate(vacancy)
    auth.login("olga")
    page = client.get(f"/candidates/{candidate.id}").get_data(as_text=True)
    assert page.count("Готов к командировкам до 5 дней в месяц") >= 2  # the screening row and the answer form


def test_field_of_education_label():
    """One lookup for every page and PDF: a known code in the asked language, anything else as typed."""
    assert field_label("economics", "ru") == "Экономика и финансы"
    assert field_label("economics", "en") == "Economics and finance"
    assert field_label("Теология", "ru") == "Теология"
    assert list(field_labels("en"))[:3] == ["business", "economics", "management"]
    assert field_labels("en")["law"] == "Law"
