"""Users, created by the admin with the same rules as the admin page (hiring.services.users)."""

import sqlalchemy as sa
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.errors import not_found
from hiring.api.resources import patch_body
from hiring.api.serializers import user_json
from hiring.extensions import db
from hiring.models import User
from hiring.services import users


@bp.post("/users")
@roles_required("admin")
def create_user():
    """Create a user with a role (admin)."""
    body = json_body("UserCreate")
    user = users.create_user(
        body["username"], body["full_name"], body["role"], body["password"], api_user().id
    )
    db.session.commit()
    return user_json(user), 201


@bp.get("/users")
@roles_required("admin")
def list_users():
    """Every user, active ones first (admin)."""
    query = sa.select(User).order_by(User.active.desc(), User.role, User.username)
    return [user_json(user) for user in db.session.scalars(query)]


@bp.patch("/users/<int:user_id>")
@roles_required("admin")
def update_user(user_id: int):
    """Change a user's role, full name, e-mail or active flag (admin); a deactivated user's tokens stop at once."""
    user = db.session.get(User, user_id)
    if user is None:
        raise not_found(_("No such user."))
    body, version = patch_body("UserUpdate")
    users.update_user(user, body, version, api_user())
    db.session.commit()
    return user_json(user)
