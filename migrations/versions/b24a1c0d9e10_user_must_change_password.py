"""user must change password: an administrator's temporary password is changed at the next login (issue 24)

Revision ID: b24a1c0d9e10
Revises: 4ce1e9f01885
Create Date: 2026-12-01 15:45:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b24a1c0d9e10"
down_revision = "4ce1e9f01885"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("must_change_password")
