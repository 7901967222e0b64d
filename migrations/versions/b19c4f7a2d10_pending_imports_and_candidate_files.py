"""pending imports (a preview is confirmed once) and candidates' files (issue 19)

Revision ID: b19c4f7a2d10
Revises: e20a1c2d3b40
Create Date: 2026-12-01 16:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b19c4f7a2d10"
down_revision = "e20a1c2d3b40"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "pending_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_pending_import_user_id_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["vacancy_id"], ["vacancy.id"], name=op.f("fk_pending_import_vacancy_id_vacancy"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_import")),
        sa.UniqueConstraint("token", name=op.f("uq_pending_import_token")),
    )
    with op.batch_alter_table("pending_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_import_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_pending_import_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pending_import_vacancy_id"), ["vacancy_id"], unique=False)

    op.create_table(
        "candidate_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_candidate_file_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"], ["user.id"], name=op.f("fk_candidate_file_uploaded_by_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_file")),
    )
    with op.batch_alter_table("candidate_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_file_candidate_id"), ["candidate_id"], unique=False)


def downgrade():
    with op.batch_alter_table("candidate_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_file_candidate_id"))
    op.drop_table("candidate_file")
    with op.batch_alter_table("pending_import", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_import_vacancy_id"))
        batch_op.drop_index(batch_op.f("ix_pending_import_user_id"))
        batch_op.drop_index(batch_op.f("ix_pending_import_created_at"))
    op.drop_table("pending_import")
