"""Command-line tasks: `flask seed`, `flask create-user`."""

import getpass
import os
from pathlib import Path

import click
from flask import Flask, current_app

from hiring import backup
from hiring.extensions import db
from hiring.models import ROLES
from hiring.seed import DEMO_PASSWORD, ensure_user, seed_default_profile, seed_demo


def register(app: Flask) -> None:
    app.cli.add_command(seed_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)


@click.command("seed")
@click.option("--demo", is_flag=True, help="Also add a demo vacancy with candidates and scorecards.")
def seed_command(demo: bool) -> None:
    """Create the default KAM profile and the admin user (running it again changes nothing)."""
    profile, created = seed_default_profile()
    admin, password = ensure_user("admin", "admin", "Administrator", os.environ.get("HIRING_ADMIN_PASSWORD"))
    demo_created = seed_demo(profile) if demo else False
    db.session.commit()
    click.echo("Default KAM profile: " + ("created." if created else "already there."))
    if password and not os.environ.get("HIRING_ADMIN_PASSWORD"):
        click.echo(f"Admin user created. Username: admin  Password: {password}  (shown once; keep it)")
    elif password:
        click.echo("Admin user created with the password from HIRING_ADMIN_PASSWORD.")
    else:
        click.echo("Admin user: already there.")
    if demo_created:
        click.echo(f"Demo data added: users hr, lead, interviewer1..3, password {DEMO_PASSWORD}")


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--full-name", default="")
@click.option("--password", envvar="HIRING_NEW_USER_PASSWORD", default=None, help="Asked for when not given.")
def create_user_command(username: str, role: str, full_name: str, password: str | None) -> None:
    """Create a user with a role."""
    if not password:
        password = getpass.getpass("Password: ")
    if len(password) < 8:
        raise click.UsageError("The password must have at least 8 characters.")
    user, created_password = ensure_user(username, role, full_name or username, password)
    if created_password is None:
        raise click.UsageError(f"User {username!r} already exists.")
    db.session.commit()
    click.echo(f"User {username} ({role}) created.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(path: Path) -> None:
    """Write a consistent copy of the SQLite database to PATH (safe while the app runs)."""
    try:
        size = backup.backup(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path} ({size:,} bytes).")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(path: Path, yes: bool) -> None:
    """Replace the SQLite database with the backup at PATH."""
    if not yes:
        click.confirm("This replaces every record with the backup's. Continue?", abort=True)
    db.session.remove()
    db.engine.dispose()
    try:
        backup.restore(current_app.config["SQLALCHEMY_DATABASE_URI"], path)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Database restored from {path}.")
