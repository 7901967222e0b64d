"""Screening rules named in people's words, the same on every page and PDF."""

from flask_babel import force_locale

from hiring.glossary import rule_label, rule_name


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
