"""verified plan attainment on the scorecard (issue 16): the EXP exception reads the lowest verified figure

Revision ID: c16a1b2c3d4e
Revises: e20b7f3a9c51
Create Date: 2026-12-01 16:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c16a1b2c3d4e"
down_revision = "e20b7f3a9c51"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verified_plan_attainment_pct", sa.Double(), nullable=True))


def downgrade():
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.drop_column("verified_plan_attainment_pct")
