"""The profiles pages (being built)."""

from flask import Blueprint

bp = Blueprint("profiles", __name__)
