"""job post fields (about the company, how to apply, salary period and basis, publish the experience
exception) and the deciding screening results stored with each evaluation (issue 17)

Revision ID: a17d0c5e9b21
Revises: a23b0c1d2e01
Create Date: 2026-12-01 13:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a17d0c5e9b21'
down_revision = 'a23b0c1d2e01'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.add_column(sa.Column('salary_period', sa.String(length=8), nullable=False, server_default='month'))
        batch_op.add_column(sa.Column('salary_basis', sa.String(length=8), nullable=False, server_default='gross'))
        batch_op.add_column(sa.Column('about_company', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('how_to_apply', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(
            sa.Column('publish_exp_exception', sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table('stored_evaluation', schema=None) as batch_op:
        # Filled when an evaluation is next refreshed; until then a ranking row names no deciding rule.
        batch_op.add_column(sa.Column('deciding', sa.JSON(), nullable=False, server_default='[]'))


def downgrade():
    with op.batch_alter_table('stored_evaluation', schema=None) as batch_op:
        batch_op.drop_column('deciding')
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.drop_column('publish_exp_exception')
        batch_op.drop_column('how_to_apply')
        batch_op.drop_column('about_company')
        batch_op.drop_column('salary_basis')
        batch_op.drop_column('salary_period')
