"""The JSON API of SPEC §6 (being built)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
