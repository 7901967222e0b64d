"""Profiles pages: read, clone, edit the clone, and the rules that keep past evaluations stable."""

import html

import pytest
import sqlalchemy as sa

from hiring import seed_profile
from hiring.extensions import db
from hiring.models import AuditEntry, Competency, Profile
from hiring.services.profile_input import question_lines
from hiring.services.profiles import clone_profile, profile_is_locked
from tests.hr.html import field_errors, text


@pytest.fixture
def clone(build, hr):
    """An editable clone of the default profile."""
    profile = clone_profile(build.profile(), hr.id)
    db.session.commit()
    return profile


def settings_form(profile: Profile, **changes) -> dict:
    data = {
        "version": profile.version,
        "name_ru": profile.name_ru,
        "name_en": profile.name_en,
        "description_ru": profile.description_ru,
        "description_en": profile.description_en,
        "edu_min_level": profile.edu_min_level,
        "edu_mandatory": "y" if profile.edu_mandatory else None,
        "edu_preferred_fields": list(profile.edu_preferred_fields),
        "exp_min_years": profile.exp_min_years,
        "exp_mandatory": "y" if profile.exp_mandatory else None,
        "exp_exception_min_years": profile.exp_exception_min_years,
        "exp_exception_min_plan_pct": profile.exp_exception_min_plan_pct,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def competency_form(competency: Competency, **changes) -> dict:
    data = {
        "version": competency.profile.version,
        "name_ru": competency.name_ru,
        "name_en": competency.name_en,
        "covers_ru": competency.covers_ru,
        "covers_en": competency.covers_en,
        "weight": competency.weight,
        "critical_min": "" if competency.critical_min is None else competency.critical_min,
        "questions_ru": question_lines(competency.questions, "ru"),
        "questions_en": question_lines(competency.questions, "en"),
    }
    for level in (1, 3, 5):
        for lang in ("ru", "en"):
            data[f"anchor{level}_{lang}"] = getattr(competency, f"anchor{level}_{lang}")
    data.update(changes)
    return data


def competency(profile: Profile, code: str) -> Competency:
    return db.session.scalar(sa.select(Competency).filter_by(profile_id=profile.id, code=code))


def audit_actions(entity_id: int) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry.action).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.id)
        )
    )


# --- reading ------------------------------------------------------------------------------------------------


def test_list_shows_profiles_with_total_weight(client, build, hr):
    build.profile()
    page = text(client.get("/profiles"))
    assert seed_profile.PROFILE["name_en"] in page
    assert "Default, read-only" in page
    assert ">100<" in page


def test_detail_shows_every_competency_with_share_anchors_and_questions(client, build, hr):
    profile = build.profile()
    page = text(client.get(f"/profiles/{profile.id}"))
    for item in seed_profile.COMPETENCIES:
        assert item["code"] in page
        assert item["name_en"] in page and item["name_ru"] in page
        assert item["anchors"][5]["en"] in page and item["anchors"][1]["ru"] in page
        assert item["questions"][0]["en"] in page
        assert item["questions"][0]["ru"] in page
    assert "20%" in page  # NEG's share of the total 100
    assert "Total weight" in page
    assert "at least 3 years — mandatory" in page  # screening defaults in plain words
    assert "Clone to edit" in page
    assert "Edit settings" not in page


# --- cloning ------------------------------------------------------------------------------------------------


def test_clone_copies_the_profile_under_a_new_name(client, build, hr):
    source = build.profile()
    response = client.post(f"/profiles/{source.id}/clone")
    assert response.status_code == 302
    copy = db.session.scalar(sa.select(Profile).where(Profile.cloned_from_id == source.id))
    assert response.location.endswith(f"/profiles/{copy.id}")
    assert copy.name_en == f"{source.name_en} (copy)"
    assert not copy.is_default
    assert [(c.code, c.weight, c.questions) for c in copy.competencies] == [
        (c.code, c.weight, c.questions) for c in source.competencies
    ]
    assert copy.edu_preferred_fields == source.edu_preferred_fields
    assert audit_actions(copy.id) == ["profile.clone"]
    page = text(client.get(response.location))
    assert "Edit settings" in page and "Clone to edit" not in page


# --- editing ------------------------------------------------------------------------------------------------


def test_edit_settings_of_a_clone(client, clone, hr):
    response = client.post(
        f"/profiles/{clone.id}/edit",
        data=settings_form(
            clone,
            name_en="KAM, industrial",
            edu_min_level="master",
            edu_preferred_fields=["economics"],
            exp_min_years="4,5",
            exp_exception_min_years="2",
        ),
    )
    assert response.status_code == 302
    db.session.refresh(clone)
    assert clone.name_en == "KAM, industrial"
    assert clone.edu_min_level == "master"
    assert clone.edu_preferred_fields == ["economics"]
    assert clone.exp_min_years == 4.5
    assert clone.exp_exception_min_years == 2.0
    assert audit_actions(clone.id)[-1] == "profile.update"


def test_exception_needs_both_numbers(client, clone, hr):
    form = settings_form(clone, exp_exception_min_plan_pct="")
    response = client.post(f"/profiles/{clone.id}/edit", data=form)
    assert response.status_code == 400
    assert "both the years and the sales plan" in field_errors(text(response), "exp_exception_min_plan_pct")


def test_edit_competency_weight_anchors_and_questions(client, clone, hr):
    neg = competency(clone, "NEG")
    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/edit",
        data=competency_form(
            neg,
            weight="30",
            critical_min="3,5",
            anchor5_en="Changes how the client buys.",
            questions_ru="Первый вопрос?\n\nВторой вопрос?",
            questions_en="First question?\nSecond question?",
        ),
    )
    assert response.status_code == 302
    db.session.refresh(neg)
    assert neg.weight == 30.0
    assert neg.critical_min == 3.5
    assert neg.anchor5_en == "Changes how the client buys."
    assert neg.questions == [
        {"ru": "Первый вопрос?", "en": "First question?", "probes": []},
        {"ru": "Второй вопрос?", "en": "Second question?", "probes": []},
    ]
    page = text(client.get(f"/profiles/{clone.id}"))
    assert ">110<" in page  # the new total
    assert "27.3%" in page  # 30 / 110
    assert audit_actions(clone.id)[-1] == "profile.competency_update"


def test_negative_weight_is_refused_next_to_the_field(client, clone, hr):
    neg = competency(clone, "NEG")
    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/edit", data=competency_form(neg, weight="-5")
    )
    assert response.status_code == 400
    page = text(response)
    assert "cannot be negative" in field_errors(page, "weight")
    assert 'value="-5"' in page  # what the user typed is kept
    db.session.refresh(neg)
    assert neg.weight == 20.0


def test_zero_total_weight_is_refused(client, clone, hr):
    for item in clone.competencies:
        item.weight = 0.0 if item.code != "NEG" else item.weight
    db.session.commit()
    neg = competency(clone, "NEG")
    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/edit", data=competency_form(neg, weight="0")
    )
    assert response.status_code == 400
    assert "total weight must stay above zero" in field_errors(text(response), "weight")

    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/remove",
        data={"version": clone.version},
        follow_redirects=True,
    )
    assert "last positive weight" in text(response)
    db.session.expire_all()
    assert competency(clone, "NEG").weight == 20.0


def test_the_edit_form_shows_each_probe_under_its_question_and_keeps_it(client, clone, hr):
    neg = competency(clone, "NEG")
    first = neg.questions[0]
    form = html.unescape(
        client.get(f"/profiles/{clone.id}/competencies/{neg.id}/edit").get_data(as_text=True)
    )
    assert f"{first['en']}\n- {first['probes'][0]['en']}\n- {first['probes'][1]['en']}" in form
    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/edit",
        data=competency_form(
            neg,
            questions_ru="Расскажите о сделке?\n- Сколько клиентов?\n— Какая доля удержана?\nРасскажите о плане?",
            questions_en="Tell me about a deal?\n- How many clients?\n- What share was kept?\nTell me about the plan?",
        ),
    )
    assert response.status_code == 302
    db.session.refresh(neg)
    assert neg.questions == [
        {
            "ru": "Расскажите о сделке?",
            "en": "Tell me about a deal?",
            "probes": [
                {"ru": "Сколько клиентов?", "en": "How many clients?"},
                {"ru": "Какая доля удержана?", "en": "What share was kept?"},
            ],
        },
        {"ru": "Расскажите о плане?", "en": "Tell me about the plan?", "probes": []},
    ]
    page = text(client.get(f"/profiles/{clone.id}"))
    assert "What share was kept?" in page and "Какая доля удержана?" in page


def test_probes_need_both_languages_and_a_question_above(client, clone, hr):
    neg = competency(clone, "NEG")
    url = f"/profiles/{clone.id}/competencies/{neg.id}/edit"
    uneven = competency_form(neg, questions_ru="Один?\n- Сколько?", questions_en="One?")
    response = client.post(url, data=uneven)
    assert response.status_code == 400
    assert "both languages" in field_errors(text(response), "questions_en")
    orphan = competency_form(neg, questions_ru="- Сколько?\nОдин?", questions_en="- How many?\nOne?")
    response = client.post(url, data=orphan)
    assert response.status_code == 400
    assert "Start with a question" in field_errors(text(response), "questions_ru")


def test_questions_need_both_languages(client, clone, hr):
    neg = competency(clone, "NEG")
    response = client.post(
        f"/profiles/{clone.id}/competencies/{neg.id}/edit",
        data=competency_form(neg, questions_ru="Один?\nДва?", questions_en="One?"),
    )
    assert response.status_code == 400
    assert "both languages" in field_errors(text(response), "questions_en")


def test_add_a_competency(client, clone, hr):
    form = competency_form(competency(clone, "NEG"), code="lead", name_en="Leadership", name_ru="Лидерство")
    form["weight"] = "10"
    response = client.post(f"/profiles/{clone.id}/competencies/new", data=form)
    assert response.status_code == 302
    added = competency(clone, "LEAD")
    assert added.name_en == "Leadership"
    assert added.position == len(seed_profile.COMPETENCIES)
    db.session.refresh(clone)
    assert clone.total_weight == 110
    assert audit_actions(clone.id)[-1] == "profile.competency_add"


@pytest.mark.parametrize(
    ("code", "message"),
    [("NEG", "already has a competency with this code"), ("N1", "2 to 8 Latin capital letters")],
)
def test_add_a_competency_with_a_bad_code(client, clone, hr, code, message):
    form = competency_form(competency(clone, "NEG"), code=code)
    response = client.post(f"/profiles/{clone.id}/competencies/new", data=form)
    assert response.status_code == 400
    assert message in field_errors(text(response), "code")
    assert len(db.session.scalars(sa.select(Competency).filter_by(profile_id=clone.id)).all()) == 8


def test_remove_a_competency(client, clone, hr):
    tim = competency(clone, "TIM")
    assert "Remove competency TIM" in text(client.get(f"/profiles/{clone.id}/competencies/{tim.id}/remove"))
    response = client.post(
        f"/profiles/{clone.id}/competencies/{tim.id}/remove", data={"version": clone.version}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert competency(clone, "TIM") is None
    assert audit_actions(clone.id)[-1] == "profile.competency_remove"


def test_stale_version_is_refused_and_nothing_saved(client, clone, hr):
    neg = competency(clone, "NEG")
    stale = clone.version
    client.post(f"/profiles/{clone.id}/competencies/{neg.id}/edit", data=competency_form(neg, weight="25"))
    response = client.post(
        f"/profiles/{clone.id}/edit",
        data=settings_form(clone, version=stale, name_en="Overwritten"),
        follow_redirects=True,
    )
    assert "Someone else changed this profile" in text(response)
    db.session.expire_all()
    assert db.session.get(Profile, clone.id).name_en != "Overwritten"


def test_competency_of_another_profile_is_not_found(client, build, clone, hr):
    other = competency(build.profile(), "NEG")
    assert client.get(f"/profiles/{clone.id}/competencies/{other.id}/edit").status_code == 404


# --- read-only and locked profiles -------------------------------------------------------------------------


def test_default_profile_is_read_only(client, build, hr):
    profile = build.profile()
    neg = competency(profile, "NEG")
    response = client.get(f"/profiles/{profile.id}/edit", follow_redirects=True)
    assert "default profile is read-only" in text(response)
    client.post(f"/profiles/{profile.id}/edit", data=settings_form(profile, name_en="Changed"))
    client.post(f"/profiles/{profile.id}/competencies/{neg.id}/edit", data=competency_form(neg, weight="50"))
    db.session.expire_all()
    assert db.session.get(Profile, profile.id).name_en == seed_profile.PROFILE["name_en"]
    assert competency(profile, "NEG").weight == 20.0


def test_profile_with_submitted_scorecards_is_locked(client, build, person, clone, hr):
    vacancy = build.vacancy(profile=clone)
    interviewer = person("interviewer")
    build.scorecard(build.candidate(vacancy), interviewer, submitted=False)
    assert not profile_is_locked(clone)  # a draft never counts
    build.scorecard(build.candidate(vacancy), interviewer)
    assert profile_is_locked(clone)

    page = text(client.get(f"/profiles/{clone.id}"))
    assert "already has submitted scorecards" in page
    assert "Clone to edit" in page
    neg = competency(clone, "NEG")
    tim = competency(clone, "TIM")
    attempts = [
        (f"/profiles/{clone.id}/edit", settings_form(clone, name_en="Changed")),
        (f"/profiles/{clone.id}/competencies/{neg.id}/edit", competency_form(neg, weight="50")),
        (f"/profiles/{clone.id}/competencies/new", competency_form(neg, code="NEW")),
        (f"/profiles/{clone.id}/competencies/{tim.id}/remove", {"version": clone.version}),
    ]
    for path, form in attempts:
        response = client.post(path, data=form, follow_redirects=True)
        assert "already has submitted scorecards" in text(response), path
    db.session.expire_all()
    locked = db.session.get(Profile, clone.id)
    assert locked.name_en.endswith("(copy)")
    assert [(c.code, c.weight) for c in locked.competencies] == [
        (item["code"], item["weight"]) for item in seed_profile.COMPETENCIES
    ]


# --- roles --------------------------------------------------------------------------------------------------

HR_PAGES = [
    ("get", "/profiles"),
    ("get", "/profiles/{profile}"),
    ("post", "/profiles/{profile}/clone"),
    ("get", "/profiles/{profile}/edit"),
    ("post", "/profiles/{profile}/edit"),
    ("get", "/profiles/{profile}/competencies/new"),
    ("post", "/profiles/{profile}/competencies/new"),
    ("get", "/profiles/{profile}/competencies/{competency}/edit"),
    ("post", "/profiles/{profile}/competencies/{competency}/edit"),
    ("get", "/profiles/{profile}/competencies/{competency}/remove"),
    ("post", "/profiles/{profile}/competencies/{competency}/remove"),
]


@pytest.mark.parametrize("role", ["interviewer", "lead"])
@pytest.mark.parametrize(("method", "path"), HR_PAGES)
def test_profile_pages_refuse_other_roles(client, login_as, build, role, method, path):
    profile = build.profile()
    login_as(role)
    url = path.format(profile=profile.id, competency=profile.competencies[0].id)
    response = getattr(client, method)(url, data={"version": profile.version, "weight": "1"})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Profile)) == 1
    assert len(db.session.get(Profile, profile.id).competencies) == 8


@pytest.mark.parametrize(("method", "path"), HR_PAGES[:2])
def test_profile_pages_need_login(client, build, method, path):
    profile = build.profile()
    url = path.format(profile=profile.id, competency=profile.competencies[0].id)
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/login" in response.location


def test_admin_may_open_profiles(client, login_as, build):
    profile = build.profile()
    login_as("admin")
    assert client.get(f"/profiles/{profile.id}").status_code == 200
