"""User administration: the rules live in hiring.services.users, and the admin page applies them."""

import pytest
import sqlalchemy as sa

from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.models import AuditEntry, User
from hiring.services import users


def audit_actions(user: User) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry.action).where(AuditEntry.entity_id == user.id).order_by(AuditEntry.id)
        )
    )


def test_a_role_change_is_audited_with_who_did_it(app, build):
    admin, person = build.user("admin"), build.user("interviewer")
    users.change_role(person, "lead", admin)
    db.session.commit()
    assert db.session.get(User, person.id).role == "lead"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.role"))
    assert (entry.user_id, entry.before["role"], entry.after["role"]) == (admin.id, "interviewer", "lead")


def test_nobody_takes_the_administrator_role_from_themselves(app, build):
    admin = build.user("admin")
    with pytest.raises(InvalidInput) as refused:
        users.change_role(admin, "hr", admin)
    assert "role" in refused.value.fields
    assert admin.role == "admin" and audit_actions(admin) == []


def test_an_unknown_role_is_refused(app, build):
    admin, person = build.user("admin"), build.user("hr")
    with pytest.raises(InvalidInput):
        users.change_role(person, "owner", admin)
    assert person.role == "hr"


def test_deactivating_and_activating_again_is_audited(app, build):
    admin, person = build.user("admin"), build.user("hr")
    users.set_active(person, False, admin)
    users.set_active(person, True, admin)
    db.session.commit()
    assert db.session.get(User, person.id).active
    assert audit_actions(person) == ["user.active", "user.active"]


def test_nobody_deactivates_themselves(app, build):
    admin = build.user("admin")
    with pytest.raises(InvalidInput):
        users.set_active(admin, False, admin)
    assert admin.active


def test_the_admin_page_refuses_a_self_demotion_and_says_why(client, auth, build):
    me = build.user("admin", username="boss")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    auth.login("boss")
    response = client.post(f"/admin/users/{me.id}/role", data={"role": "hr"}, follow_redirects=True)
    assert "You cannot take the administrator role from yourself." in response.text
    db.session.expire_all()
    assert db.session.get(User, me.id).role == "admin"


def test_the_admin_page_changes_a_role_and_deactivates(client, auth, build):
    build.user("admin", username="boss")
    person = build.user("interviewer")
    auth.login("boss")
    client.post(f"/admin/users/{person.id}/role", data={"role": "lead"})
    client.post(f"/admin/users/{person.id}/active")
    db.session.expire_all()
    changed = db.session.get(User, person.id)
    assert (changed.role, changed.active) == ("lead", False)


def test_the_admin_page_answers_400_to_deactivating_oneself(client, auth, build):
    me = build.user("admin", username="boss")
    auth.login("boss")
    assert client.post(f"/admin/users/{me.id}/active").status_code == 400
    db.session.expire_all()
    assert db.session.get(User, me.id).active
