"""ranking index on the ranking key expressions

Revision ID: 48a7cfa3ff99
Revises: 0f889628d7dd
Create Date: 2026-12-01 13:07:31.878489

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '48a7cfa3ff99'
down_revision = '0f889628d7dd'
branch_labels = None
depends_on = None


RANKING_KEY = [
    "vacancy_id",
    "rank_group",
    sa.literal_column("(coalesce((-score), (1.0)))"),
    sa.literal_column("(-coverage)"),
    "candidate_id",
]


def upgrade():
    # The ranking's ORDER BY and the API's keyset cursor compare these expressions (models.ranking_key()).
    op.drop_index("ix_stored_evaluation_ranking", table_name="stored_evaluation")
    op.create_index("ix_stored_evaluation_ranking", "stored_evaluation", RANKING_KEY, unique=False)


def downgrade():
    op.drop_index("ix_stored_evaluation_ranking", table_name="stored_evaluation")
    op.create_index(
        "ix_stored_evaluation_ranking",
        "stored_evaluation",
        ["vacancy_id", "rank_group", "score", "coverage"],
        unique=False,
    )
