"""The interviews pages (being built)."""

from flask import Blueprint

bp = Blueprint("interviews", __name__)
