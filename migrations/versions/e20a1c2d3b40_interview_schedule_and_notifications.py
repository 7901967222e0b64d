"""interview schedule on assignments, notification opt-outs

Revision ID: e20a1c2d3b40
Revises: b24a1c0d9e10
Create Date: 2026-12-01 15:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e20a1c2d3b40'
down_revision = 'b24a1c0d9e10'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('starts_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('duration_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('time_zone', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('location', sa.String(length=500), server_default='', nullable=False))
        batch_op.add_column(sa.Column('sequence', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('calendar_uid', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_assignment_calendar_uid'), ['calendar_uid'])

    op.create_table(
        'notification_opt_out',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notification_opt_out_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_opt_out')),
        sa.UniqueConstraint('user_id', 'kind', name=op.f('uq_notification_opt_out_user_id_kind')),
    )
    with op.batch_alter_table('notification_opt_out', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_opt_out_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('notification_opt_out', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_opt_out_user_id'))
    op.drop_table('notification_opt_out')
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_assignment_calendar_uid'), type_='unique')
        batch_op.drop_column('calendar_uid')
        batch_op.drop_column('sequence')
        batch_op.drop_column('location')
        batch_op.drop_column('time_zone')
        batch_op.drop_column('duration_minutes')
        batch_op.drop_column('starts_at')
