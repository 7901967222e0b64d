"""user version: PATCH /api/v1/users/<id> refuses a stale version (SPEC §6)

Revision ID: a23b0c1d2e01
Revises: 499ee6da4c3b
Create Date: 2026-12-01 13:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a23b0c1d2e01"
down_revision = "499ee6da4c3b"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("version")
