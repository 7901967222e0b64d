"""Users, created by the admin with the same rules as the admin page (hiring.services.users)."""

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.serializers import user_json
from hiring.extensions import db
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
