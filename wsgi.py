"""The WSGI entry point: `gunicorn wsgi:app`."""

from hiring import create_app

app = create_app()
