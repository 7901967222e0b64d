"""Command-line tasks: `flask seed`, `flask create-user`, `flask reset-password`."""

import functools
import getpass
import os
from pathlib import Path

import click
from flask import Flask, current_app
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _

from hiring import backup
from hiring.errors import Duplicate, InvalidInput
from hiring.extensions import db
from hiring.glossary import ROLE_LABELS, label
from hiring.models import ROLES
from hiring.seed import DEMO_PASSWORD, ensure_user, refresh_default_profile, seed_default_profile, seed_demo
from hiring.services.users import create_user, find_user, reset_password


def shell_language() -> str:
    """The shell's language, read as gettext programs read it: Russian when it names ru, else the English source."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ru" if value.split(":")[0].lower().startswith("ru") else "en"
    return "en"


def in_shell_language(command):
    """Run a command with its messages in the shell's language."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        with force_locale(shell_language()):
            return command(*args, **kwargs)

    return run


def register(app: Flask) -> None:
    app.cli.add_command(seed_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(reset_password_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also add a demo vacancy with candidates and scorecards.")
@in_shell_language
def seed_command(demo: bool) -> None:
    """Create the default KAM profile and the admin user; a later run brings the profile's texts up to date."""
    profile, created = seed_default_profile()
    profile, refreshed = (profile, None) if created else refresh_default_profile(profile)
    admin, password = ensure_user("admin", "admin", "Administrator", os.environ.get("HIRING_ADMIN_PASSWORD"))
    demo_created = seed_demo(profile) if demo else False
    db.session.commit()
    if created:
        click.echo(_("Default KAM profile: created."))
    elif refreshed == "updated":
        click.echo(_("Default KAM profile: texts brought up to date (no vacancy uses it yet)."))
    elif refreshed == "replaced":
        click.echo(
            _(
                "Default KAM profile: a new edition made with the current texts; the earlier one keeps its "
                "texts for the vacancies that use it."
            )
        )
    else:
        click.echo(_("Default KAM profile: already there."))
    if password and not os.environ.get("HIRING_ADMIN_PASSWORD"):
        click.echo(
            _(
                "Admin user created. Username: admin  Password: %(password)s  (shown once; keep it)",
                password=password,
            )
        )
    elif password:
        click.echo(_("Admin user created with the password from HIRING_ADMIN_PASSWORD."))
    else:
        click.echo(_("Admin user: already there."))
    if demo_created:
        click.echo(
            _(
                "Demo data added: users hr, lead, interviewer1..3, password %(password)s",
                password=DEMO_PASSWORD,
            )
        )


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--full-name", default="")
@click.option("--password", envvar="HIRING_NEW_USER_PASSWORD", default=None, help="Asked for when not given.")
@in_shell_language
def create_user_command(username: str, role: str, full_name: str, password: str | None) -> None:
    """Create a user with a role."""
    if not password:
        password = getpass.getpass(_("Password: "))
    try:
        create_user(username, full_name or username, role, password, by_user_id=None)
    except Duplicate as error:
        raise click.UsageError(_("User %(name)s already exists.", name=username)) from error
    except InvalidInput as error:
        raise click.UsageError(" ".join(error.field_texts().values())) from error
    db.session.commit()
    click.echo(_("User %(name)s (%(role)s) created.", name=username, role=label(ROLE_LABELS, role)))


@click.command("reset-password")
@click.argument("username")
@click.option(
    "--password",
    envvar="HIRING_NEW_PASSWORD",
    default=None,
    help="The temporary password; a random one is made and printed when not given.",
)
@in_shell_language
def reset_password_command(username: str, password: str | None) -> None:
    """Give USERNAME a temporary password to change at the next login; their sessions and API tokens end."""
    user = find_user(username)
    if user is None:
        raise click.UsageError(_("There is no user %(name)s.", name=username))
    try:
        password = reset_password(user, by_user_id=None, password=password)
    except InvalidInput as error:
        raise click.UsageError(" ".join(error.field_texts().values())) from error
    db.session.commit()
    click.echo(
        _(
            "Temporary password of %(name)s: %(password)s  (shown once; they must change it at the next login)",
            name=user.username,
            password=password,
        )
    )
    if not user.active:
        click.echo(
            _(
                "Note: %(name)s is deactivated; an administrator activates them on the Users page.",
                name=user.username,
            )
        )


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@in_shell_language
def backup_command(path: Path) -> None:
    """Write a consistent copy of the SQLite database to PATH (safe while the app runs)."""
    try:
        size = backup.backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(_("Backup written to %(path)s (%(size)s bytes).", path=path, size=format_decimal(size)))


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@in_shell_language
def restore_command(path: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup at PATH."""
    if not yes:
        click.confirm(_("This replaces every record with the backup's. Continue?"), abort=True)
    db.session.remove()
    db.engine.dispose()
    try:
        backup.restore(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(_("Database restored from %(path)s.", path=path))
