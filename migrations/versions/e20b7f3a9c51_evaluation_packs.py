"""evaluation packs

Revision ID: e20b7f3a9c51
Revises: b19c4f7a2d10
Create Date: 2026-12-01 16:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e20b7f3a9c51'
down_revision = 'b19c4f7a2d10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'evaluation_pack',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('candidate_ids', sa.JSON(), nullable=False),
        sa.Column('revision_key', sa.String(length=64), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('done', sa.Integer(), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=True),
        sa.Column('error', sa.String(length=500), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_evaluation_pack_state')),
        sa.ForeignKeyConstraint(['requested_by_id'], ['user.id'], name=op.f('fk_evaluation_pack_requested_by_id_user'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_evaluation_pack_vacancy_id_vacancy'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_pack')),
    )
    with op.batch_alter_table('evaluation_pack', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_pack_revision_key'), ['revision_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_pack_vacancy_id'), ['vacancy_id'], unique=False)


def downgrade():
    with op.batch_alter_table('evaluation_pack', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_pack_vacancy_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_pack_revision_key'))
    op.drop_table('evaluation_pack')
