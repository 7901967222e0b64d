"""ranking revision per vacancy (issue 21): the dashboard and evaluation pages are cached by it

Revision ID: d21a7e5b9c02
Revises: c16a1b2c3d4e
Create Date: 2026-12-01 19:35:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d21a7e5b9c02"
down_revision = "c16a1b2c3d4e"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ranking_revision",
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["vacancy_id"],
            ["vacancy.id"],
            name=op.f("fk_ranking_revision_vacancy_id_vacancy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("vacancy_id", name=op.f("pk_ranking_revision")),
    )


def downgrade():
    op.drop_table("ranking_revision")
