"""Users, created by the admin with the same form rules as the admin page."""

import sqlalchemy as sa
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from hiring import audit
from hiring.api.auth import roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.errors import ApiError
from hiring.api.serializers import user_json
from hiring.extensions import db
from hiring.models import User
from hiring.web.admin import USER_FIELDS, UserForm


@bp.post("/users")
@roles_required("admin")
def create_user():
    """Create a user with a role (admin)."""
    body = json_body("UserCreate")
    form = UserForm(formdata=MultiDict(body), meta={"csrf": False})
    if not form.validate():
        fields = {name: str(messages[0]) for name, messages in form.errors.items()}
        taken = db.session.scalar(sa.select(User.id).where(User.username == body["username"].strip()))
        if taken is not None:
            raise ApiError(409, "duplicate", fields.get("username", _("This username is taken.")), fields)
        raise ApiError(400, "invalid", _("Some fields are wrong; see `fields`."), fields)
    user = User(
        username=form.username.data.strip(), full_name=form.full_name.data.strip(), role=form.role.data
    )
    user.set_password(form.password.data)
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", "user", user.id, after=audit.snapshot(user, USER_FIELDS))
    db.session.commit()
    return user_json(user), 201
