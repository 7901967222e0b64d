"""sessions end on logout (user.session_version); usernames unique ignoring case

Revision ID: 0f889628d7dd
Revises: 2c8e42c48b62
Create Date: 2026-12-01 13:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0f889628d7dd"
down_revision = "2c8e42c48b62"
branch_labels = None
depends_on = None


def upgrade():
    connection = op.get_bind()
    clashes = connection.execute(
        sa.text(
            "SELECT lower(username) AS name, count(*) FROM \"user\" GROUP BY lower(username) HAVING count(*) > 1"
        )
    ).all()
    if clashes:
        names = ", ".join(row[0] for row in clashes)
        raise RuntimeError(
            "Usernames must now be unique ignoring case, and these differ only in case: "
            f"{names}. Rename one of each pair (UPDATE \"user\" SET username = ... WHERE id = ...), "
            "then run `flask db upgrade` again."
        )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_version", sa.Integer(), server_default="0", nullable=False))
    op.create_index("uq_user_username_lower", "user", [sa.text("lower(username)")], unique=True)


def downgrade():
    op.drop_index("uq_user_username_lower", table_name="user")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("session_version")
